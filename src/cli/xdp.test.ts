/**
 * `bpfplay xdp` as a user runs it: action counts, the JSON dump, reproducible runs, verifier-like
 * refusals, pcap input and a userspace program reading a pinned map afterwards.
 */
import { cliSandbox } from '../../tests/cli-sandbox'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildCli } from '../../scripts/build-cli.mjs'
import { readPcap } from '../xdp/packets'

const { file, cli } = cliSandbox('xdp-cli')
const fixture = (name: string) => fileURLToPath(new URL(`../xdp/fixtures/${name}`, import.meta.url))



/** rx_packets of ARRAY key 2 (XDP_PASS) in a --dump json output. */
function passCount(json: string): bigint {
  const v: string = JSON.parse(json).xdp_stats_map.find((e: { key: string }) => e.key === '02000000').value
  return BigInt('0x' + v.slice(0, 16).match(/../g)!.reverse().join(''))
}

beforeAll(async () => {
  await buildCli()
}, 60_000)

describe('bpfplay xdp', () => {
  it('runs on 4 CPUs and dumps the maps as JSON', () => {
    const r = cli('xdp', fixture('counter_atomic.c'), '--packets', '3000', '--cpus', '4', '--dump', 'json')
    expect(r.rc).toBe(0)
    expect(passCount(r.out)).toBe(3000n)
    expect(r.err).toMatch(/^XDP_PASS\s+3000$/m)
    expect(r.err).toMatch(/3000 packets on 4 CPUs \(parallel\)/)
  })

  it('prints the counts on stdout without --dump', () => {
    const r = cli('xdp', fixture('udp_drop.c'), '--traffic', 'udp-flood', '--packets', '500', '--cpus', '2')
    expect(r.rc).toBe(0)
    expect(r.out).toMatch(/^XDP_DROP\s+500$/m)
    expect(r.out).toMatch(/^XDP_PASS\s+0$/m)
  })

  it('gives the same lost updates on every --reproducible run with the same seed', () => {
    const run = () => cli('xdp', fixture('counter_plain.c'), '--packets', '4000', '--reproducible', '--seed', '11', '--dump', 'json')
    const a = run()
    const b = run()
    expect(a.rc).toBe(0)
    expect(a.out).toBe(b.out)
    expect(passCount(a.out)).toBeLessThan(4000n)
  })

  it('refuses a program the verifier would refuse, with its words and the line', () => {
    const f = file('nocheck.c', readFileSync(fixture('counter_atomic.c'), 'utf8').replace('\tif (!rec)\n\t\treturn XDP_ABORTED;\n', ''))
    const r = cli('xdp', f)
    expect(r.rc).toBe(1)
    expect(r.err).toContain("libbpf: prog 'xdp_stats1_func': BPF program load failed: Permission denied")
    expect(r.err).toContain(`${f}:32:2: R0 invalid mem access 'map_value_or_null'`)
  })

  it('with --skip-checks, aborts the packets that fault and reports where', () => {
    const f = file(
      'nullderef.c',
      `#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
SEC("xdp") int p(struct xdp_md *ctx) {
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	if (data + 1 > data_end)
		return XDP_DROP;
	if (*(unsigned char *)data & 1) {
		int *bad = 0;
		return *bad;
	}
	return XDP_PASS;
}
char _license[] SEC("license") = "GPL";
`,
    )
    const refused = cli('xdp', f)
    expect(refused.rc).toBe(1)
    expect(refused.err).toContain(`${f}:10:10: R1 invalid mem access 'scalar'`)
    const r = cli('xdp', f, '--skip-checks', '--packets', '400', '--cpus', '2', '--reproducible')
    expect(r.rc).toBe(0)
    expect(r.err).toContain(`${f}:10:10: warning: the kernel would refuse this: R1 invalid mem access 'scalar'`)
    const aborted = Number(/^XDP_ABORTED\s+(\d+)$/m.exec(r.out)![1])
    const passed = Number(/^XDP_PASS\s+(\d+)$/m.exec(r.out)![1])
    expect(aborted).toBeGreaterThan(0)
    expect(aborted + passed).toBe(400)
    expect(r.out).toContain(`${aborted} packets aborted by a fault (counted as XDP_ABORTED):`)
    expect(r.out).toMatch(new RegExp(`packet \\d+ on CPU \\d: invalid memory access .* at ${f.replace(/[.]/g, '\\.')}:10:3`))
  })

  it('stops CPUs stuck in a loop at --timeout and exits 137', () => {
    const f = file(
      'spin.c',
      `#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
SEC("xdp") int p(struct xdp_md *ctx) {
	volatile int x = 0;
	while (ctx->ingress_ifindex > 0)
		x++;
	return XDP_PASS;
}
char _license[] SEC("license") = "GPL";
`,
    )
    const r = cli('xdp', f, '--skip-checks', '--timeout', '1', '--packets', '50', '--cpus', '2')
    expect(r.rc).toBe(137)
    expect(r.err).toContain('warning: the kernel would refuse this: infinite loop detected')
    expect(r.out).toContain('stopped by --timeout before all packets were processed')
    expect(r.out).toMatch(/^0 packets on 2 CPUs/m)
  })

  it('reads packets from a pcap file', () => {
    const pcap = fileURLToPath(new URL('../xdp/packets/fixtures/lo-udp-tcp.pcap', import.meta.url))
    const parsed = readPcap(readFileSync(pcap))
    const r = cli('xdp', fixture('counter_atomic.c'), '--pcap', pcap, '--cpus', '2', '--dump', 'json')
    expect(r.rc).toBe(0)
    expect(passCount(r.out)).toBe(BigInt(parsed.packets.length))
  })

  it('runs a userspace program afterwards that finds the pinned map', () => {
    const prog = file('pinned.c', readFileSync(fixture('counter_atomic.c'), 'utf8').replace('__uint(max_entries, XDP_ACTION_MAX);', '__uint(max_entries, XDP_ACTION_MAX);\n\t__uint(pinning, LIBBPF_PIN_BY_NAME);'))
    const user = file(
      'stats.c',
      `#include <bpf/bpf.h>
#include <stdio.h>
int main(void) {
	int fd = bpf_obj_get("/sys/fs/bpf/xdp_stats_map");
	__u32 key = 2;
	struct { __u64 packets, bytes; } v;
	if (fd < 0 || bpf_map_lookup_elem(fd, &key, &v))
		return 1;
	printf("XDP_PASS packets: %llu\\n", v.packets);
	return 0;
}
`,
    )
    const r = cli('xdp', prog, '--user', user, '--packets', '1234')
    expect(r.rc).toBe(0)
    expect(r.out).toContain('XDP_PASS packets: 1234\n')
  })

  it('explains bad arguments', () => {
    expect(cli('xdp').err).toContain('xdp needs the program file')
    expect(cli('xdp', fixture('percpu.c'), '--dump', 'yaml').err).toContain("--dump supports only json, not 'yaml'")
    const r = cli('xdp', fixture('percpu.c'), '--traffic', 'nope')
    expect(r.rc).toBe(1)
    expect(r.err).toContain("unknown traffic preset 'nope'")
  })
})
