/**
 * Whether a program may write its packet (analyseProgram's packetWrites): a CPU runs a program
 * that provably never does on the NIC's frames in place. A wrong "no" would let a program rewrite
 * the capture every later pass replays, so every way of reaching packet memory must say "yes",
 * including the ones the walk cannot follow; the counters of the bench and the tutorials say "no".
 */
import { describe, expect, it } from 'vitest'
import { analyseProgram } from './checks'
import { compileBpf, fixture } from './testing'

const HEADER = `#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
struct datarec { __u64 rx_packets; __u64 rx_bytes; };
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __type(key, __u32); __type(value, struct datarec); __uint(max_entries, 5); } amap SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_QUEUE); __uint(key_size, 0); __type(value, __u32); __uint(max_entries, 8); } q SEC(".maps");
char _license[] SEC("license") = "GPL";
`

function program(body: string, before = ''): string {
  return `${HEADER}${before}SEC("xdp")\nint prog(struct xdp_md *ctx)\n{\n\tvoid *data = (void *)(long)ctx->data;\n\tvoid *data_end = (void *)(long)ctx->data_end;\n\tstruct ethhdr *eth = data;\n\tif ((void *)(eth + 1) > data_end)\n\t\treturn XDP_DROP;\n${body}\n\treturn XDP_PASS;\n}\n`
}

function packetWrites(source: string): boolean {
  return analyseProgram(source, compileBpf(source)).packetWrites
}

describe('packet writes', () => {
  it.each(['counter_atomic.c', 'counter_plain.c', 'percpu.c', 'ipcount.c', 'udp_drop.c', 'basic02_legacy.c'])('%s only reads its packets', (file) => {
    expect(packetWrites(fixture(file))).toBe(false)
  })

  const reads: [string, string, string?][] = [
    ['a map value, a local and a header field read', '__u32 k = 0; struct datarec *r = bpf_map_lookup_elem(&amap, &k); if (!r) return XDP_ABORTED; __u16 p = eth->h_proto; r->rx_bytes += p; __sync_fetch_and_add(&r->rx_packets, 1);'],
    ['a bounded loop over locals', 'int s = 0; for (int i = 0; i < 4; i++) s += i; if (s == 7) return XDP_DROP;'],
    ['bpf_map_pop_elem into a local', '__u32 v; bpf_map_pop_elem(&q, &v);'],
    ['a memset of a local', 'struct datarec d; __builtin_memset(&d, 0, sizeof(d)); bpf_map_update_elem(&amap, &d, &d, 0);'],
    ['bpf_xdp_load_bytes into a local', 'unsigned char b[4]; bpf_xdp_load_bytes(ctx, 0, b, 4); if (b[0]) return XDP_DROP;'],
    ['a header copied into a local', 'struct ethhdr copy; __builtin_memcpy(&copy, eth, sizeof(copy)); if (copy.h_proto == 0) return XDP_DROP;'],
  ]
  it.each(reads)('no write: %s', (_name, body, before) => {
    expect(packetWrites(program(body, before))).toBe(false)
  })

  const writes: [string, string, string?][] = [
    ['a header field store', 'eth->h_proto = 0;'],
    ['a swap of MAC addresses', 'unsigned char tmp[6]; __builtin_memcpy(tmp, eth->h_dest, 6); __builtin_memcpy(eth->h_dest, eth->h_source, 6); __builtin_memcpy(eth->h_source, tmp, 6);'],
    ['an increment of a packet byte', 'unsigned char *b = data; b[0]++;'],
    ['an atomic add on packet bytes', 'if (data + 8 > data_end) return XDP_DROP; __sync_fetch_and_add((__u32 *)data, 1);'],
    ['a memset of unknown length', 'unsigned char *b = data; __builtin_memset(b, 0, data_end - data);'],
    ['bpf_xdp_adjust_head (the headroom becomes packet)', 'bpf_xdp_adjust_head(ctx, -14);'],
    ['bpf_xdp_store_bytes', '__u32 v = 1; bpf_xdp_store_bytes(ctx, 0, &v, 4);'],
    ['bpf_map_pop_elem into the packet', 'if (data + 4 > data_end) return XDP_DROP; bpf_map_pop_elem(&q, data);'],
    ['a pointer kept in a header cursor', 'struct c { void *pos; } nh = { data }; unsigned char *b = nh.pos; *b = 1;'],
    ['a pointer through a map value', '__u32 k = 0; struct datarec *r = bpf_map_lookup_elem(&amap, &k); if (!r) return XDP_ABORTED; unsigned char *b = (unsigned char *)(long)r->rx_bytes; *b = 1;'],
    ['a pointer in a global', 'g = data; *g = 1;', 'unsigned char *g;\n'],
    ['a function writing through its argument', 'poke(data);', 'static __attribute__((noinline)) void poke(unsigned char *p) { *p = 0; }\n'],
    // after two passes p is still &x; only the third iteration's p is the packet
    ['a pointer that becomes the packet on a late iteration', 'unsigned char x = 0; unsigned char *p = &x, *r = &x, *s = &x; for (int i = 0; i < 4; i++) { *p = 1; p = r; r = s; s = data; }'],
    ['a store in a branch a constant opens late', 'int i = 0, j = 0; unsigned char *b = data; for (int k = 0; k < 4; k++) { if (j == 5) *b = 1; j = i; i = 5; }'],
    // past an object's end any memory can be reached, the NIC's frames included
    ['a store past the end of a local array', 'unsigned char buf[4]; buf[8] = 1; if (buf[0]) return XDP_DROP;'],
    ['a store at an index into a map value known only at run time', '__u32 k = 0; struct datarec *r = bpf_map_lookup_elem(&amap, &k); if (!r) return XDP_ABORTED; ((unsigned char *)r)[eth->h_proto] = 1;'],
    ['a memset of a local with a length known only at run time', 'unsigned char buf[16]; __builtin_memset(buf, 0, eth->h_proto); if (buf[0]) return XDP_DROP;'],
    ['bpf_xdp_load_bytes of a length known only at run time', 'unsigned char b[4]; bpf_xdp_load_bytes(ctx, 0, b, eth->h_proto); if (b[0]) return XDP_DROP;'],
    ['a backward goto', 'unsigned char x = 0; unsigned char *p = &x; int n = 0;\nagain:\n\t*p = 1; p = data; if (++n < 2) goto again;'],
  ]
  it.each(writes)('may write: %s', (_name, body, before) => {
    expect(packetWrites(program(body, before))).toBe(true)
  })
})
