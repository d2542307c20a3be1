#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    int fd = bpf_map_create(BPF_MAP_TYPE_PERCPU_ARRAY, "pcpu", sizeof(__u32), sizeof(__u32), 4, NULL);
    if (fd < 0) {
        fprintf(stderr, "Failed to create map: %s\n", strerror(errno));
        return 1;
    }
    int ncpus = libbpf_num_possible_cpus();

    // TODO: each CPU's slot is round_up(sizeof(__u32), 8) = 8 bytes, not 4
    __u32 values[ncpus];
    for (int cpu = 0; cpu < ncpus; cpu++)
        values[cpu] = (cpu + 1) * 10;

    __u32 key = 0;
    if (bpf_map_update_elem(fd, &key, values, BPF_ANY) != 0) {
        fprintf(stderr, "update: %s\n", strerror(errno));
        return 1;
    }
    printf("Stored %d per-CPU values for key 0\n", ncpus);
    close(fd);
    return 0;
}
