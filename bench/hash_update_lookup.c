// Benchmark: 1,000,000 bpf_map_update_elem + bpf_map_lookup_elem on a HASH map.
// Runs unchanged on the real kernel (gcc + libbpf) and on bpfplay.
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>

#define N 1000000

int main(void) {
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "bench", sizeof(__u32), sizeof(__u64), 1024, NULL);
    if (fd < 0) {
        fprintf(stderr, "bpf_map_create: %s\n", strerror(errno));
        return 1;
    }
    __u64 sum = 0;
    for (int i = 0; i < N; i++) {
        __u32 key = i & 1023;
        __u64 value = i;
        if (bpf_map_update_elem(fd, &key, &value, BPF_ANY) != 0) return 2;
        if (bpf_map_lookup_elem(fd, &key, &value) != 0) return 3;
        sum += value;
    }
    printf("sum %llu\n", (unsigned long long)sum);
    return 0;
}
