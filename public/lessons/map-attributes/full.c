#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "tiny", sizeof(__u32), sizeof(__u32), 2, NULL);
    if (fd < 0) {
        fprintf(stderr, "bpf_map_create: %s\n", strerror(errno));
        return 1;
    }
    for (__u32 key = 1; key <= 3; key++) {
        __u32 value = key * 100;
        int err = bpf_map_update_elem(fd, &key, &value, BPF_ANY);
        if (err < 0)
            printf("key %u: %s (returned %d)\n", key, strerror(errno), err);
        else
            printf("key %u: inserted\n", key);
    }
    close(fd);
    return 0;
}
