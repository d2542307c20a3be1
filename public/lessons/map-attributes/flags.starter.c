#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    // TODO: declare opts with LIBBPF_OPTS and .map_flags = BPF_F_NO_PREALLOC, pass &opts
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "connection_table",
                            sizeof(__u32), sizeof(__u64), 1024, NULL);
    if (fd < 0) {
        fprintf(stderr, "bpf_map_create: %s\n", strerror(errno));
        return 1;
    }
    printf("Created the map, fd %d\n", fd);
    close(fd);
    return 0;
}
