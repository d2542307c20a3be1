#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct datarec {
	__u64 rx_packets;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, struct datarec);
	__uint(max_entries, XDP_REDIRECT + 1);   /* one record per XDP action */
} xdp_stats_map SEC(".maps");

SEC("xdp")
int xdp_stats1_func(struct xdp_md *ctx)
{
	__u32 key = XDP_PASS;
	struct datarec *rec = bpf_map_lookup_elem(&xdp_stats_map, &key);
	/* TODO: the verifier refuses to load this: rec may be NULL.
	 *       Return XDP_ABORTED when it is. */
	rec->rx_packets++;
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
