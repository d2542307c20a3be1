#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "lookup_demo", sizeof(int), sizeof(int), 1024, NULL);
    if (fd < 0) {
        fprintf(stderr, "Failed to create hash map: %s\n", strerror(errno));
        return 1;
    }
    int key = 10, value = 100;
    bpf_map_update_elem(fd, &key, &value, BPF_ANY);

    int lookup_key = 10;
    int lookup_val = 0;
    if (bpf_map_lookup_elem(fd, &lookup_key, &lookup_val) != 0) {
        fprintf(stderr, "Element doesn't exist: %s\n", strerror(errno));
        return 1;
    }
    printf("Found value %d for key %d\n", lookup_val, lookup_key);
    close(fd);
    return 0;
}
