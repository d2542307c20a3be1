// Per-CPU flow statistics kept in structs: the inspector decodes every field
// by name (the key's padding is skipped), shows one column group per CPU and
// the sum of each counter, and flashes the cells that change while it runs.
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct flow_key {
    __u32 saddr;     // IPv4 source address, host order here
    __u16 dport;     // 2 bytes of padding follow: the struct is 8 bytes
    __u8 proto;
};

struct flow_stats {
    __u64 packets;
    __u64 bytes;
    char app[8];     // text: shown as a string, never summed
};

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

int main(void)
{
    int ncpus = libbpf_num_possible_cpus();
    int fd = bpf_map_create(BPF_MAP_TYPE_PERCPU_HASH, "flow_stats",
            sizeof(struct flow_key), sizeof(struct flow_stats), 64, NULL);
    if (fd < 0) {
        fprintf(stderr, "bpf_map_create: %s\n", strerror(errno));
        return 1;
    }
    struct flow_key flows[4] = {
        { 0x0a000001, 443, 6 }, { 0x0a000002, 22, 6 },
        { 0x0a000003, 53, 17 }, { 0x0a000004, 8080, 6 },
    };
    const char *apps[4] = { "curl", "ssh", "dns", "proxy" };
    struct flow_stats vals[ncpus];

    // Twelve rounds, a fifth of a second apart: watch the counters change.
    for (int round = 1; round <= 12; round++) {
        for (int f = 0; f < 4; f++) {
            memset(vals, 0, sizeof(vals));
            bpf_map_lookup_elem(fd, &flows[f], vals);
            for (int cpu = 0; cpu < ncpus; cpu++) {
                // each CPU sees its own share of the flow's packets
                int n = (f + cpu + round) % 3;
                vals[cpu].packets += n;
                vals[cpu].bytes += n * (64 + 100 * f);
                strncpy(vals[cpu].app, apps[f], sizeof(vals[cpu].app));
            }
            bpf_map_update_elem(fd, &flows[f], vals, BPF_ANY);
        }
        long long until = now_ms() + 200;
        while (now_ms() < until)
            ;
    }

    struct flow_stats total[ncpus];
    bpf_map_lookup_elem(fd, &flows[0], total);
    __u64 packets = 0;
    for (int cpu = 0; cpu < ncpus; cpu++)
        packets += total[cpu].packets;
    printf("%s: %llu packets over %d CPUs\n", total[0].app, packets, ncpus);
    return 0;
}
