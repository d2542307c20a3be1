/**
 * The verifier-like checks: each rejection with the verifier's wording at the right line (the
 * line marked `// <-`), and each accepted idiom (NULL checks, bounds checks in their usual
 * spellings, header-cursor parsers, bounded loops) without findings. Where bpf() and clang are
 * available, every case is also loaded on the real kernel, which must agree.
 */
import { describe, expect, it } from 'vitest'
import { realVerifier, xdpOracleAvailable } from '../../tests/xdp-oracle/oracle'
import { checkProgram, findingDiagnostics } from './checks'
import { compileBpf, fixture } from './testing'

const HEADER = `#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <linux/in.h>
struct datarec { __u64 rx_packets; __u64 rx_bytes; };
struct { __uint(type, BPF_MAP_TYPE_HASH); __type(key, __u32); __type(value, struct datarec); __uint(max_entries, 64); } hmap SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __type(key, __u32); __type(value, struct datarec); __uint(max_entries, 5); } amap SEC(".maps");
char _license[] SEC("license") = "GPL";
`

function program(body: string): string {
  return `${HEADER}SEC("xdp")\nint prog(struct xdp_md *ctx)\n{\n\tvoid *data = (void *)(long)ctx->data;\n\tvoid *data_end = (void *)(long)ctx->data_end;\n${body}\n}\n`
}

function findings(source: string) {
  return checkProgram(source, compileBpf(source))
}

function markedLine(source: string): number {
  const i = source.split('\n').findIndex((l) => l.includes('// <-'))
  if (i < 0) throw new Error('no // <- marker')
  return i + 1
}

const real = xdpOracleAvailable()
const realNote = real === true ? ' (and on the real kernel)' : ` (real kernel skipped: ${real})`

interface Rejected {
  name: string
  source: string
  message: RegExp
  /** What the real verifier's log says for the same program. */
  kernel: RegExp
}

const rejected: Rejected[] = [
  {
    name: 'HASH lookup result used without a NULL check',
    source: program(`\t__u32 key = 1;\n\tstruct datarec *rec = bpf_map_lookup_elem(&hmap, &key);\n\trec->rx_packets++; // <-\n\treturn XDP_PASS;`),
    message: /^R0 invalid mem access 'map_value_or_null'$/,
    kernel: /invalid mem access 'map_value_or_null'/,
  },
  {
    name: 'ARRAY lookup with a constant in-range key, no NULL check',
    source: program(`\t__u32 key = XDP_PASS;\n\tstruct datarec *rec = bpf_map_lookup_elem(&amap, &key);\n\trec->rx_bytes += 1; // <-\n\treturn XDP_PASS;`),
    message: /^R0 invalid mem access 'map_value_or_null'$/,
    kernel: /invalid mem access 'map_value_or_null'/,
  },
  {
    name: 'NULL check that does not cover the later use',
    source: program(`\t__u32 key = 1;\n\tstruct datarec *d = bpf_map_lookup_elem(&hmap, &key);\n\tif (d)\n\t\td->rx_bytes = 2;\n\td->rx_packets = 1; // <-\n\treturn XDP_PASS;`),
    message: /^R0 invalid mem access 'scalar'$/,
    kernel: /R0 invalid mem access 'scalar'/,
  },
  {
    name: 'packet read with no bounds check at all',
    source: program(`\tstruct ethhdr *eth = data;\n\tif (eth->h_proto == bpf_htons(ETH_P_IP)) // <-\n\t\treturn XDP_DROP;\n\treturn XDP_PASS;`),
    message: /^invalid access to packet, off=12 size=2, R1\(id=0,off=12,r=0\)\nR1 offset is outside of the packet$/,
    kernel: /invalid access to packet, off=12 size=\d, R\d\(id=0,off=12,r=0\)/,
  },
  {
    name: 'bounds check covering the Ethernet header only, IP header read',
    source: program(
      `\tstruct ethhdr *eth = data;\n\tif ((void *)(eth + 1) > data_end)\n\t\treturn XDP_DROP;\n\tstruct iphdr *ip = (void *)(eth + 1);\n\tif (ip->protocol == IPPROTO_UDP) // <-\n\t\treturn XDP_DROP;\n\treturn XDP_PASS;`,
    ),
    message: /^invalid access to packet, off=23 size=1, R1\(id=0,off=23,r=14\)/,
    kernel: /invalid access to packet, off=23 size=1, R\d\(id=0,off=23,r=14\)/,
  },
  {
    name: 'UDP header at a variable offset read without its own check',
    source: program(
      `\tstruct iphdr *ip = data + sizeof(struct ethhdr);\n\tif ((void *)(ip + 1) > data_end)\n\t\treturn XDP_DROP;\n\tstruct udphdr *udp = (void *)ip + ip->ihl * 4;\n\tif (udp->dest == bpf_htons(53)) // <-\n\t\treturn XDP_DROP;\n\treturn XDP_PASS;`,
    ),
    message: /^invalid access to packet, off=16 size=2, R1\(id=\d+,off=16,r=0\)/,
    kernel: /invalid access to packet/,
  },
  {
    name: 'map value accessed past value_size',
    source: program(`\t__u32 key = 1;\n\t__u64 *v = bpf_map_lookup_elem(&hmap, &key);\n\tif (v)\n\t\tv[2] = 1; // <-\n\treturn XDP_PASS;`),
    message: /^invalid access to map value, value_size=16 off=16 size=8$/,
    kernel: /invalid access to map value, value_size=16 off=16 size=8/,
  },
  {
    name: 'struct xdp_md written through a cast pointer (it is read-only)',
    source: program(`\t__u32 *md = (void *)ctx;\n\tmd[3] = 7; // <-\n\treturn XDP_PASS;`),
    message: /^invalid bpf_context access off=12 size=4$/,
    kernel: /invalid bpf_context access off=12 size=4/,
  },
  {
    name: 'struct xdp_md read at a variable offset',
    source: program(`\t__u32 *md = (void *)ctx;\n\t__u32 i = ctx->rx_queue_index & 3;\n\treturn md[i] > 100 ? XDP_DROP : XDP_PASS; // <-`),
    message: /^variable ctx access disallowed$/,
    kernel: /variable ctx access var_off=.* disallowed/,
  },
  {
    name: 'loop bounded by a 32-bit value from the packet',
    source: program(
      `\tstruct iphdr *ip = data + 14;\n\tif ((void *)(ip + 1) > data_end)\n\t\treturn XDP_DROP;\n\t__u32 n = ip->saddr;\n\tfor (__u32 i = 0; i < n; i++) { // <-\n\t\t__u32 k = i & 3;\n\t\tstruct datarec *r = bpf_map_lookup_elem(&amap, &k);\n\t\tif (r)\n\t\t\tr->rx_packets++;\n\t}\n\treturn XDP_PASS;`,
    ),
    message: /^BPF program is too large\. Processed 1000001 insn$/,
    // the kernel's last words depend on the loop body (too large, 8193 jumps, a truncated log)
    kernel: /BPF program load failed/,
  },
  {
    name: 'loop whose condition never changes',
    source: program(`\tint x = 0;\n\tint y = ctx->ingress_ifindex;\n\twhile (y > 0) { // <-\n\t\tx++;\n\t}\n\treturn XDP_PASS;`),
    message: /^infinite loop detected$/,
    kernel: /infinite loop detected/,
  },
]

/** realKernel false: cannot be built against this libbpf (1.x dropped struct bpf_map_def). */
const accepted: { name: string; source: string; realKernel?: false }[] = [
  {
    name: 'NULL checks: if (!p), p == NULL, p && ..., assignment in the condition, ternary',
    source: program(
      `\t__u32 key = 3;\n\tstruct datarec *a = bpf_map_lookup_elem(&hmap, &key);\n\tif (a == NULL)\n\t\treturn XDP_ABORTED;\n\ta->rx_packets++;\n\tstruct datarec *b = bpf_map_lookup_elem(&hmap, &key);\n\tif (b && b->rx_bytes > 5)\n\t\tb->rx_packets = 0;\n\tstruct datarec *c;\n\tif (!(c = bpf_map_lookup_elem(&hmap, &key)))\n\t\treturn XDP_DROP;\n\tc->rx_bytes += 1;\n\tstruct datarec *d = bpf_map_lookup_elem(&amap, &key);\n\t__u64 v = d ? d->rx_packets : 0;\n\tif (!d)\n\t\treturn XDP_PASS;\n\td->rx_bytes = v;\n\treturn XDP_PASS;`,
    ),
  },
  {
    name: 'bounds checks: eth + 1 > data_end, data + sizeof > data_end, data_end < ..., <= with the access inside',
    source: program(
      `\tstruct ethhdr *eth = data;\n\tif ((void *)(eth + 1) > data_end)\n\t\treturn XDP_DROP;\n\tif (eth->h_proto != bpf_htons(ETH_P_IP))\n\t\treturn XDP_PASS;\n\tif (data + sizeof(struct ethhdr) + sizeof(struct iphdr) > data_end)\n\t\treturn XDP_DROP;\n\tstruct iphdr *ip = data + sizeof(struct ethhdr);\n\tif (ip->protocol != IPPROTO_UDP)\n\t\treturn XDP_PASS;\n\tstruct udphdr *udp = (void *)ip + ip->ihl * 4;\n\tif (data_end < (void *)(udp + 1))\n\t\treturn XDP_DROP;\n\tif ((void *)udp + 12 <= data_end && udp->dest == bpf_htons(9999))\n\t\treturn XDP_DROP;\n\treturn XDP_PASS;`,
    ),
  },
  {
    name: 'bounded loops: constant limit, countdown, break on a counter, narrow bound, bound checked first',
    source: program(
      `\t__u32 s = 0;\n\tfor (int i = 0; i < 16; i++) {\n\t\t__u32 k = i & 3;\n\t\tstruct datarec *r = bpf_map_lookup_elem(&amap, &k);\n\t\tif (r)\n\t\t\ts += r->rx_packets;\n\t}\n\tint j = 10;\n\twhile (j > 0) {\n\t\tj--;\n\t\ts += bpf_get_prandom_u32() & 1;\n\t}\n\tint k = 0;\n\tfor (;;) {\n\t\tif (++k >= 8)\n\t\t\tbreak;\n\t\ts += bpf_get_prandom_u32() & 1;\n\t}\n\t__u8 n = ctx->ingress_ifindex;\n\tfor (int m = 0; m < n; m++)\n\t\ts += bpf_get_prandom_u32() & 1;\n\t__u32 q = ctx->rx_queue_index;\n\tif (q > 32)\n\t\treturn XDP_DROP;\n\tfor (__u32 r = 0; r < q; r++)\n\t\ts += bpf_get_prandom_u32() & 1;\n\treturn s & 1 ? XDP_PASS : XDP_DROP;`,
    ),
  },
  {
    name: 'struct xdp_md fields read through a cast pointer at constant offsets',
    source: program(`\t__u32 *md = (void *)ctx;\n\treturn md[3] == 2 && md[4] < 64 ? XDP_PASS : XDP_DROP;`),
  },
  { name: 'xdp-tutorial style header-cursor parser (udp_drop.c)', source: fixture('udp_drop.c') },
  { name: 'HASH insert-or-update with a re-lookup (ipcount.c)', source: fixture('ipcount.c') },
  { name: 'tutorial basic02 with legacy maps (basic02_legacy.c)', source: fixture('basic02_legacy.c'), realKernel: false },
]

describe('verifier-like checks: rejections', () => {
  for (const c of rejected) {
    it(`${c.name}${realNote}`, () => {
      const fs = findings(c.source)
      expect(fs).toHaveLength(1)
      expect(fs[0].message).toMatch(c.message)
      expect(fs[0].pos.line).toBe(markedLine(c.source))
      expect(fs[0].explanation.length).toBeGreaterThan(40)
      if (real === true) {
        const log = realVerifier(c.source)
        expect(log).not.toBe(true)
        expect(log).toMatch(c.kernel)
      }
    })
  }

  it('reports as diagnostics: the message as an error, the explanation as a note', () => {
    const [f] = findings(rejected[0].source)
    const [err, note] = findingDiagnostics(f)
    expect(err).toMatchObject({ severity: 'error', line: markedLine(rejected[0].source), message: "R0 invalid mem access 'map_value_or_null'" })
    expect(note.severity).toBe('note')
    expect(note.message).toContain('NULL')
  })
})

describe('verifier-like checks: accepted idioms', () => {
  for (const c of accepted) {
    it(`${c.name}${c.realKernel === false ? ' (bpfplay only: libbpf 1.x has no struct bpf_map_def)' : realNote}`, () => {
      expect(findings(c.source)).toEqual([])
      if (real === true && c.realKernel !== false) expect(realVerifier(c.source)).toBe(true)
    })
  }
})
