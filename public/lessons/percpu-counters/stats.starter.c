#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

struct datarec {
    __u64 rx_packets;
};

int main(void)
{
    int fd = bpf_obj_get("/sys/fs/bpf/xdp_stats_map");
    if (fd < 0) {
        perror("bpf_obj_get");
        return 1;
    }
    int ncpus = libbpf_num_possible_cpus();
    struct datarec values[ncpus];   // one slot per possible CPU (8 bytes each here)
    __u32 key = 2;                  // XDP_PASS
    if (bpf_map_lookup_elem(fd, &key, values) != 0) {
        perror("bpf_map_lookup_elem");
        return 1;
    }
    __u64 total = 0;
    // TODO: add up the counts of every CPU, not only CPU 0
    total = values[0].rx_packets;
    printf("XDP_PASS: %llu packets\n", total);
    close(fd);
    return 0;
}
