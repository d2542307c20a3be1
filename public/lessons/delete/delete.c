#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "delete_demo", sizeof(int), sizeof(int), 1024, NULL);
    if (fd < 0) {
        fprintf(stderr, "Failed to create hash map: %s\n", strerror(errno));
        return 1;
    }
    int key = 20, value = 250;
    bpf_map_update_elem(fd, &key, &value, BPF_ANY);
    printf("Inserted key %d, value %d\n", key, value);

    if (bpf_map_delete_elem(fd, &key) == 0)
        printf("Key %d deleted successfully\n", key);
    else
        fprintf(stderr, "Failed to delete element: %s\n", strerror(errno));

    int lookup_val;
    if (bpf_map_lookup_elem(fd, &key, &lookup_val) == 0)
        printf("Unexpectedly found key %d after deletion, value=%d\n", key, lookup_val);
    else if (errno == ENOENT)
        printf("Confirmed that key %d no longer exists\n", key);
    close(fd);
    return 0;
}
