/**
 * XDP programs in the style of xdp-tutorial (basic02/basic03, packet01): compiled for the 'bpf'
 * target with the virtual libbpf headers, then run on fake packets with a fake map lookup that
 * returns pointers into value memory, as the kernel helper does.
 */
import { describe, expect, it } from 'vitest'
import { compileOk, type FakeRun, instantiate } from './testing'

const PARSER = `
#include <stddef.h>
#include <linux/bpf.h>
#include <linux/in.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#ifndef XDP_ACTION_MAX
#define XDP_ACTION_MAX (XDP_REDIRECT + 1)
#endif

struct datarec { __u64 rx_packets; __u64 rx_bytes; };

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, struct datarec);
	__uint(max_entries, XDP_ACTION_MAX);
} xdp_stats_map SEC(".maps");

struct hdr_cursor { void *pos; };

static __always_inline int parse_ethhdr(struct hdr_cursor *nh, void *data_end, struct ethhdr **ethhdr)
{
	struct ethhdr *eth = nh->pos;
	int hdrsize = sizeof(*eth);
	if (nh->pos + hdrsize > data_end)
		return -1;
	nh->pos += hdrsize;
	*ethhdr = eth;
	return eth->h_proto;
}

static __always_inline int parse_iphdr(struct hdr_cursor *nh, void *data_end, struct iphdr **iphdr)
{
	struct iphdr *iph = nh->pos;
	int hdrsize;
	if (iph + 1 > data_end)
		return -1;
	hdrsize = iph->ihl * 4;
	if (hdrsize < sizeof(*iph))
		return -1;
	if (nh->pos + hdrsize > data_end)
		return -1;
	nh->pos += hdrsize;
	*iphdr = iph;
	return iph->protocol;
}

static __always_inline __u32 xdp_stats_record_action(struct xdp_md *ctx, __u32 action)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data     = (void *)(long)ctx->data;
	if (action >= XDP_ACTION_MAX)
		return XDP_ABORTED;
	struct datarec *rec = bpf_map_lookup_elem(&xdp_stats_map, &action);
	if (!rec)
		return XDP_ABORTED;
	__sync_fetch_and_add(&rec->rx_packets, 1);
	__sync_fetch_and_add(&rec->rx_bytes, data_end - data);
	return action;
}

SEC("xdp")
int xdp_parser_func(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth;
	struct iphdr *iph;
	__u32 action = XDP_PASS;
	struct hdr_cursor nh;
	int nh_type;

	nh.pos = data;
	nh_type = parse_ethhdr(&nh, data_end, &eth);
	if (nh_type != bpf_htons(ETH_P_IP))
		goto out;
	nh_type = parse_iphdr(&nh, data_end, &iph);
	if (nh_type == IPPROTO_UDP) {
		struct udphdr *udp = nh.pos;
		if (udp + 1 > data_end) {
			action = XDP_ABORTED;
			goto out;
		}
		if (bpf_ntohs(udp->dest) == 53) {
			bpf_printk("dns query from %x", bpf_ntohl(iph->saddr));
			action = XDP_DROP;
		}
	}
out:
	return xdp_stats_record_action(ctx, action);
}

char _license[] SEC("license") = "GPL";
`

function harness(run: FakeRun) {
  const values = run.alloc(16 * 5)
  const ctx = run.alloc(24)
  const pkt = run.alloc(256)
  return {
    values,
    send(bytes: number[]): number {
      run.mem.set(bytes, pkt)
      run.dv.setUint32(ctx, pkt, true)
      run.dv.setUint32(ctx + 4, pkt + bytes.length, true)
      return run.exports.xdp_parser_func(ctx) as number
    },
    stat(action: number): [bigint, bigint] {
      return [run.dv.getBigUint64(values + 16 * action, true), run.dv.getBigUint64(values + 16 * action + 8, true)]
    },
  }
}

describe('XDP packet parser (xdp-tutorial packet01 style)', () => {
  const program = compileOk(PARSER, { target: 'bpf', filename: 'xdp_prog_kern.c' })
  const eth = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0x08, 0x00]
  const ip = [0x45, 0, 0, 28, 0, 0, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2]

  it('declares the map, license, section and imports', () => {
    expect(program.maps).toHaveLength(1)
    expect(program.maps[0]).toMatchObject({ name: 'xdp_stats_map', type: 2, keySize: 4, valueSize: 16, maxEntries: 5 })
    expect(program.license).toBe('GPL')
    expect(program.functions.filter((f) => f.section).map((f) => [f.name, f.section])).toEqual([['xdp_parser_func', 'xdp']])
    expect(program.imports.map((i) => i.name).sort()).toEqual(['bpf_map_lookup_elem', 'bpf_trace_printk'])
  })

  it('parses packets, takes the right action, counts through the value pointer', () => {
    const printed: string[] = []
    let h: ReturnType<typeof harness> | null = null
    const run = instantiate(program, {
      imports: (r) => ({
        bpf_map_lookup_elem: (map: number, key: number) => {
          expect(map).toBe(r.env.dataBase + program.maps[0].slot)
          const k = r.dv.getUint32(key, true)
          return k < 5 ? h!.values + 16 * k : 0
        },
        bpf_trace_printk: (fmt: number, size: number, types: string, values: unknown[]) => {
          printed.push(`${r.cstr(fmt)}|${size}|${types}|${values.join(',')}`)
          return 0
        },
      }),
    })
    h = harness(run)
    const XDP_ABORTED = 0, XDP_DROP = 1, XDP_PASS = 2
    expect(h.send([...eth, ...ip, 0x30, 0x39, 0, 53, 0, 8, 0, 0])).toBe(XDP_DROP)
    expect(h.send([...eth, ...ip, 0, 1, 0, 2, 0, 8, 0, 0])).toBe(XDP_PASS)
    expect(h.send([...eth, ...ip, 0, 1])).toBe(XDP_ABORTED)
    expect(h.send([...eth.slice(0, 12), 0x08, 0x06, 0, 0])).toBe(XDP_PASS)
    expect(h.send([1, 2, 3])).toBe(XDP_PASS) // too short for Ethernet: parse_ethhdr fails, counted as pass
    expect(h.stat(XDP_DROP)).toEqual([1n, 42n])
    expect(h.stat(XDP_PASS)).toEqual([3n, 42n + 16n + 3n])
    expect(h.stat(XDP_ABORTED)).toEqual([1n, 36n])
    expect(printed).toEqual(['dns query from %x|18|u|167772161'])
  })
})

describe('legacy map definitions (xdp-tutorial basic02 style)', () => {
  it('reads struct bpf_map_def SEC("maps") initialisers', () => {
    const src = `
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
struct datarec { __u64 rx_packets; };
#define XDP_ACTION_MAX (XDP_REDIRECT + 1)
struct bpf_map_def SEC("maps") xdp_stats_map = {
	.type        = BPF_MAP_TYPE_PERCPU_ARRAY,
	.key_size    = sizeof(__u32),
	.value_size  = sizeof(struct datarec),
	.max_entries = XDP_ACTION_MAX,
	.map_flags   = 0,
};
#ifndef lock_xadd
#define lock_xadd(ptr, val)	((void) __sync_fetch_and_add(ptr, val))
#endif
SEC("xdp_stats1")
int xdp_stats1_func(struct xdp_md *ctx)
{
	struct datarec *rec;
	__u32 key = XDP_PASS;
	rec = bpf_map_lookup_elem(&xdp_stats_map, &key);
	if (!rec)
		return XDP_ABORTED;
	lock_xadd(&rec->rx_packets, 1);
	return XDP_PASS;
}
char _license[] SEC("license") = "GPL";
`
    const p = compileOk(src, { target: 'bpf' })
    expect(p.maps).toEqual([
      expect.objectContaining({ name: 'xdp_stats_map', type: 6, keySize: 4, valueSize: 8, maxEntries: 5, flags: 0 }),
    ])
    const g = p.globals.find((x) => x.name === 'xdp_stats_map')!
    expect(g.section).toBe('maps')
    expect(p.maps[0].slot).toBe(g.offset)
    expect(p.functions.map((f) => f.section)).toEqual(['xdp_stats1'])
  })
})
