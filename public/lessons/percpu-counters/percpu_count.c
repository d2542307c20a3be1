#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct datarec {
	__u64 rx_packets;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);   /* one copy of each value per CPU */
	__type(key, __u32);
	__type(value, struct datarec);
	__uint(max_entries, XDP_REDIRECT + 1);
	__uint(pinning, LIBBPF_PIN_BY_NAME);        /* pinned at /sys/fs/bpf/xdp_stats_map */
} xdp_stats_map SEC(".maps");

SEC("xdp")
int xdp_percpu_func(struct xdp_md *ctx)
{
	__u32 key = XDP_PASS;
	struct datarec *rec = bpf_map_lookup_elem(&xdp_stats_map, &key);
	if (!rec)
		return XDP_ABORTED;
	rec->rx_packets++;   /* this CPU's own copy: no other CPU writes it */
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
