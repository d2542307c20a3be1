/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Parse the packet and print what it is with bpf_printk (the console's trace_pipe tab shows
 * the lines as the kernel formats them), and count packets per source IPv4 address in a hash
 * map. Drop UDP to port 9999 (the udp-flood preset sends only that).
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <linux/udp.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 4096);
} pkts_by_src SEC(".maps");

SEC("xdp")
int xdp_parse_print(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;

	if ((void *)(eth + 1) > data_end)
		return XDP_DROP;
	if (eth->h_proto != bpf_htons(ETH_P_IP)) {
		bpf_printk("not IPv4: ethertype 0x%x, %d bytes", bpf_ntohs(eth->h_proto), (int)(data_end - data));
		return XDP_PASS;
	}
	struct iphdr *ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > data_end)
		return XDP_DROP;

	__u32 src = ip->saddr;
	__u64 one = 1;
	__u64 *n = bpf_map_lookup_elem(&pkts_by_src, &src);
	if (n)
		__sync_fetch_and_add(n, 1);
	else
		bpf_map_update_elem(&pkts_by_src, &src, &one, BPF_NOEXIST);

	bpf_printk("IPv4 %pI4 -> %pI4 proto %d", &ip->saddr, &ip->daddr, ip->protocol);

	if (ip->protocol == IPPROTO_UDP) {
		struct udphdr *udp = (void *)(ip + 1);
		if ((void *)(udp + 1) > data_end)
			return XDP_DROP;
		if (udp->dest == bpf_htons(9999))
			return XDP_DROP;
	}
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
