#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "bulk", sizeof(int), sizeof(int), 1024, NULL);
    if (fd < 0) {
        fprintf(stderr, "Failed to create hash map: %s\n", strerror(errno));
        return 1;
    }
    int keys[3] = {40, 50, 60};
    int values[3] = {400, 500, 600};
    __u32 count = 3;

    // TODO: batch updates take no BPF_NOEXIST / BPF_EXIST: elem_flags must be 0 (or pass NULL opts)
    LIBBPF_OPTS(bpf_map_batch_opts, opts, .elem_flags = BPF_NOEXIST);
    if (bpf_map_update_batch(fd, keys, values, &count, &opts) == 0) {
        printf("Batch update succeeded: %u elements\n", count);
    } else {
        fprintf(stderr, "Batch update failed: %s\n", strerror(errno));
        return 1;
    }
    close(fd);
    return 0;
}
