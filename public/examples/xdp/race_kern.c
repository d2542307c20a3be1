/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lost-update race: every packet is counted three times, in three maps.
 *
 *   plain_count   ARRAY, rec->packets++            a read, an add, a write: CPUs race and lose updates
 *   atomic_count  ARRAY, __sync_fetch_and_add()    one atomic instruction (lock xadd): nothing lost
 *   percpu_count  PERCPU_ARRAY, rec->packets++     each CPU has its own copy: nothing to race on
 *
 * Pick 4 CPUs in the toolbar, press Run, and set the traffic rate to max: the CPU panel of the
 * inspector shows how many packets each map missed.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct counter {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, struct counter);
	__uint(max_entries, 1);
} plain_count SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, struct counter);
	__uint(max_entries, 1);
} atomic_count SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__type(key, __u32);
	__type(value, struct counter);
	__uint(max_entries, 1);
} percpu_count SEC(".maps");

SEC("xdp")
int xdp_count_race(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	__u64 len = data_end - data;
	__u32 key = 0;
	struct counter *c;

	c = bpf_map_lookup_elem(&plain_count, &key);
	if (!c)
		return XDP_ABORTED;
	c->packets++;           /* not atomic: loses updates when CPUs collide */
	c->bytes += len;

	c = bpf_map_lookup_elem(&atomic_count, &key);
	if (!c)
		return XDP_ABORTED;
	__sync_fetch_and_add(&c->packets, 1);
	__sync_fetch_and_add(&c->bytes, len);

	c = bpf_map_lookup_elem(&percpu_count, &key);
	if (!c)
		return XDP_ABORTED;
	c->packets++;           /* this CPU's own copy */
	c->bytes += len;

	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
