#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "counts", sizeof(int), sizeof(int), 1024, NULL);
    if (fd < 0) {
        fprintf(stderr, "Failed to create hash map: %s\n", strerror(errno));
        return 1;
    }
    int key = 5, value = 100;
    if (bpf_map_update_elem(fd, &key, &value, BPF_ANY) == 0)   // insert or replace
        printf("Inserted: key = %d, value = %d\n", key, value);

    value = 200;
    int err = bpf_map_update_elem(fd, &key, &value, BPF_EXIST);     // replace only
    if (err == 0) {
        printf("Updated: key = %d, value = %d\n", key, value);
    } else {
        fprintf(stderr, "Failed to update element: %s (returned %d)\n", strerror(errno), err);
        return 1;
    }
    close(fd);
    return 0;
}
