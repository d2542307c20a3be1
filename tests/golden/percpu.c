// Per-CPU maps: userspace sees round_up(value_size, 8) bytes per possible CPU, CPU 0 first.
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void) {
    int ncpus = libbpf_num_possible_cpus();
    int fd = bpf_map_create(BPF_MAP_TYPE_PERCPU_ARRAY, "pcpu", 4, 4, 2, NULL);
    __u64 slots[ncpus];
    for (int c = 0; c < ncpus; c++) slots[c] = 0x1111111100000000ull * (c + 1) + c + 7;
    __u32 key = 1;
    int r = bpf_map_update_elem(fd, &key, slots, BPF_ANY);
    printf("update ret %d\n", r);
    __u64 back[ncpus];
    memset(back, 0, sizeof(back));
    r = bpf_map_lookup_elem(fd, &key, back);
    __u64 sum = 0;
    for (int c = 0; c < ncpus; c++) sum += (__u32)back[c];
    printf("lookup ret %d, padding kept: %s, sum of low words %llu\n", r,
           back[ncpus - 1] == slots[ncpus - 1] ? "yes" : "no", (unsigned long long)sum);
    close(fd);

    LIBBPF_OPTS(bpf_map_create_opts, opts, .map_flags = BPF_F_ZERO_SEED);
    fd = bpf_map_create(BPF_MAP_TYPE_PERCPU_HASH, "pcpuh", 4, 12, 8, &opts);
    struct { __u32 a, b, c, pad; } vals[ncpus];
    memset(vals, 0, sizeof(vals));
    for (int c = 0; c < ncpus; c++) { vals[c].a = c; vals[c].b = 10 * c; vals[c].c = 100 * c; }
    for (key = 1; key <= 3; key++) bpf_map_update_elem(fd, &key, vals, BPF_ANY);
    key = 2;
    memset(vals, 0xff, sizeof(vals));
    r = bpf_map_lookup_and_delete_elem(fd, &key, vals);
    printf("lookup_and_delete ret %d, last cpu value %u %u %u\n", r, vals[ncpus - 1].a / (ncpus - 1 ? ncpus - 1 : 1), vals[ncpus - 1].b / (ncpus - 1 ? ncpus - 1 : 1), vals[ncpus - 1].c / (ncpus - 1 ? ncpus - 1 : 1));
    r = bpf_map_create(BPF_MAP_TYPE_PERCPU_ARRAY, "big", 4, 32769, 1, NULL);
    printf("value_size 32769: %d %s\n", r, strerror(-r));
    r = bpf_map_create(BPF_MAP_TYPE_PERCPU_HASH, "numa", 4, 4, 1, &(struct bpf_map_create_opts){ .sz = sizeof(struct bpf_map_create_opts), .map_flags = BPF_F_NUMA_NODE });
    printf("NUMA_NODE on a per-CPU map: %d %s\n", r, strerror(-r));
    return 0;
}

// expect: update ret 0
// expect: lookup ret 0, padding kept: yes, sum of low words 15
// expect: lookup_and_delete ret 0, last cpu value 1 10 100
// expect: value_size 32769: -7 Argument list too long
// expect: NUMA_NODE on a per-CPU map: -22 Invalid argument
