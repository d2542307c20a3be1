#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    int fd = bpf_map_create(BPF_MAP_TYPE_ARRAY, "slots", sizeof(__u32), sizeof(__u32), 8, NULL);
    if (fd < 0) {
        fprintf(stderr, "Failed to create array: %s\n", strerror(errno));
        return 1;
    }
    __u32 index = 3, value = 42;
    if (bpf_map_update_elem(fd, &index, &value, BPF_ANY) != 0) {
        fprintf(stderr, "update of index %u: %s\n", index, strerror(errno));
        return 1;
    }
    printf("slots[%u] = %u\n", index, value);
    close(fd);
    return 0;
}
