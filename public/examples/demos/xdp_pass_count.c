// XDP program (xdp-tutorial style): count packets per action in a per-CPU array, pinned by name
// at /sys/fs/bpf/xdp_stats_map so that any program can read it.
// Try it from the toolbar's eth0 row: Attach XDP (it loads the program first), start the
// Traffic, and watch the map count up in the inspector; Step sends a single packet.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __type(key, __u32);
    __type(value, __u64);
    __uint(max_entries, XDP_REDIRECT + 1);
    __uint(pinning, LIBBPF_PIN_BY_NAME);
} xdp_stats_map SEC(".maps");

SEC("xdp")
int xdp_pass_count(struct xdp_md *ctx)
{
    __u32 action = XDP_PASS;
    __u64 *count = bpf_map_lookup_elem(&xdp_stats_map, &action);
    if (!count)
        return XDP_ABORTED;
    *count += 1;
    return action;
}

char _license[] SEC("license") = "GPL";
