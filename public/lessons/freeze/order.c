#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    int fd = bpf_map_create(BPF_MAP_TYPE_ARRAY, "settings", sizeof(__u32), sizeof(__u32), 3, NULL);
    if (fd < 0) {
        fprintf(stderr, "Failed to create array: %s\n", strerror(errno));
        return 1;
    }
    __u32 values[3] = {64, 30, 1500};   // queue length, timeout, MTU

    for (__u32 i = 0; i < 3; i++)
        if (bpf_map_update_elem(fd, &i, &values[i], BPF_ANY) != 0)
            fprintf(stderr, "setting %u: %s\n", i, strerror(errno));

    if (bpf_map_freeze(fd) != 0)
        perror("bpf_map_freeze");

    close(fd);
    return 0;
}
