/* The verifier refuses this: the lookup result is used without a NULL check. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 5);
} counters SEC(".maps");

SEC("xdp")
int xdp_count_unchecked(struct xdp_md *ctx)
{
	__u32 key = XDP_PASS;
	__u64 *count = bpf_map_lookup_elem(&counters, &key);

	*count += 1;
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
