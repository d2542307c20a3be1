// Per-CPU arrays: every possible CPU has its own copy of each value.
// From userspace a lookup returns one 8-byte-aligned slot per possible CPU
// (change "CPUs" in the toolbar and run again to see the layout change).
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    int ncpus = libbpf_num_possible_cpus();
    int fd = bpf_map_create(BPF_MAP_TYPE_PERCPU_ARRAY, "pkt_count",
            sizeof(__u32), sizeof(__u64), 4, NULL);
    if (fd < 0) {
        fprintf(stderr, "bpf_map_create: %s\n", strerror(errno));
        return 1;
    }
    printf("%d possible CPUs: each lookup copies %d bytes\n", ncpus, ncpus * 8);

    __u64 values[ncpus];
    for (__u32 key = 0; key < 4; key++) {
        for (int cpu = 0; cpu < ncpus; cpu++)
            values[cpu] = (key + 1) * 1000 + cpu;
        bpf_map_update_elem(fd, &key, values, BPF_ANY);
    }

    __u32 key = 2;
    bpf_map_lookup_elem(fd, &key, values);
    __u64 sum = 0;
    for (int cpu = 0; cpu < ncpus; cpu++) {
        printf("key %u, cpu %d: %llu\n", key, cpu, values[cpu]);
        sum += values[cpu];
    }
    printf("sum over CPUs: %llu\n", sum);

    // deleting from an array is not possible: EINVAL
    if (bpf_map_delete_elem(fd, &key) < 0)
        printf("delete from an array: %s\n", strerror(errno));

    unlink("/sys/fs/bpf/pkt_count");
    bpf_obj_pin(fd, "/sys/fs/bpf/pkt_count");
    return 0;
}
