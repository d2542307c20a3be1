// XDP program (xdp-tutorial style): count packets per action in a per-CPU array.
// Loading it on simulated CPUs with traffic comes in a later version of bpfplay;
// for now this tab is checked by the compiler as you type.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __type(key, __u32);
    __type(value, __u64);
    __uint(max_entries, XDP_REDIRECT + 1);
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
