/* SPDX-License-Identifier: GPL-2.0 */
/*
 * xdp-tutorial basic03 (xdp_prog_kern.c) with its assignments done: packets and bytes per XDP
 * action, in a PERCPU_ARRAY so that no atomic operation is needed (each CPU has its own copy
 * of the record; userspace sums them over libbpf_num_possible_cpus()).
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

/* common_kern_user.h */
struct datarec {
	__u64 rx_packets;
	__u64 rx_bytes;
};

#ifndef XDP_ACTION_MAX
#define XDP_ACTION_MAX (XDP_REDIRECT + 1)
#endif

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__type(key, __u32);
	__type(value, struct datarec);
	__uint(max_entries, XDP_ACTION_MAX);
} xdp_stats_map SEC(".maps");

static __always_inline __u32 xdp_stats_record_action(struct xdp_md *ctx, __u32 action)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct datarec *rec;

	if (action >= XDP_ACTION_MAX)
		return XDP_ABORTED;

	/* Lookup in kernel BPF-side return pointer to actual data record */
	rec = bpf_map_lookup_elem(&xdp_stats_map, &action);
	/* The verifier rejects the program without this NULL check */
	if (!rec)
		return XDP_ABORTED;

	/* PERCPU_ARRAY: this CPU's own record, no other CPU writes it */
	rec->rx_packets++;
	rec->rx_bytes += (data_end - data);

	return action;
}

SEC("xdp")
int xdp_stats1_func(struct xdp_md *ctx)
{
	return xdp_stats_record_action(ctx, XDP_PASS);
}

char _license[] SEC("license") = "GPL";
