/**
 * `bpfplay xdp PROG.c --user USER.c` when USER loads and attaches the program itself (the
 * xdp-tutorial flow): USER's stats loop runs while the traffic flows, its counts grow, the last
 * reading equals what the program saw, and the run ends like Ctrl-C once the traffic is over.
 */
import { cliSandbox } from '../../tests/cli-sandbox'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildCli } from '../../scripts/build-cli.mjs'

const { file, cli } = cliSandbox('xdp-live')
const xdpTests = (name: string) => fileURLToPath(new URL(`../../tests/xdp/${name}`, import.meta.url))
/** The xdp-tutorial pair is the playground's example, tested here as the CLI runs it. */
const tutorial = (name: string) => fileURLToPath(new URL(`../../public/examples/xdp/${name}`, import.meta.url))



/** XDP_PASS totals printed by the stats loop, in order. */
function passReadings(out: string): number[] {
  return [...out.matchAll(/^XDP_PASS +(\d+) pkts/gm)].map((m) => Number(m[1]))
}

/** "N ran an XDP program; M found none attached" of the report. */
function ran(out: string): { ran: number; none: number } {
  const m = /^(\d+) ran an XDP program; (\d+) found none attached/m.exec(out)
  if (!m) throw new Error(`no live summary in:\n${out}`)
  return { ran: Number(m[1]), none: Number(m[2]) }
}

beforeAll(async () => {
  await buildCli()
}, 60_000)

describe('bpfplay xdp --user with the libbpf object API', () => {
  it('runs the tutorial stats loop while packets flow; the last reading is every packet the program saw', () => {
    const r = cli('xdp', tutorial('xdp_prog_kern.c'), '--user', tutorial('xdp_load_and_stats.c'), '--traffic', 'mixed', '--packets', '6000', '--rate', '2000')
    expect(r.rc).toBe(130)
    expect(r.err).toBe('^C\n')
    expect(r.out).toContain('Success: Loaded BPF-object(xdp_prog_kern.o) and used section(xdp)\n - XDP prog attached on device:eth0(ifindex:2)\n')
    expect(r.out).toMatch(/ - BPF map \(bpf_map_type:6\) id:1 name:xdp_stats_map key_size:4 value_size:16 max_entries:5\n/)
    const readings = passReadings(r.out)
    // ~3 s of traffic read every second: several readings, growing, then steady.
    expect(readings.length).toBeGreaterThanOrEqual(4)
    for (let i = 1; i < readings.length; i++) expect(readings[i]).toBeGreaterThanOrEqual(readings[i - 1])
    expect(new Set(readings.slice(0, -1)).size).toBeGreaterThanOrEqual(3)
    const summary = ran(r.out)
    expect(summary.ran + summary.none).toBe(6000)
    expect(readings.at(-1)).toBe(summary.ran)
    expect(r.out).toMatch(/^XDP_PASS\s+6000$/m)
    expect(r.out).toMatch(/^6000 packets on 4 CPUs \(live, 2000\/s\)/m)
  }, 60_000)

  it('a pinned per-CPU map outlives USER: --dump json sums to the packets the program saw, exactly', () => {
    const prog = file('xdp_prog_kern.c', readFileSync(tutorial('xdp_prog_kern.c'), 'utf8').replace('__uint(max_entries, XDP_ACTION_MAX);', '__uint(max_entries, XDP_ACTION_MAX);\n\t__uint(pinning, LIBBPF_PIN_BY_NAME);'))
    const r = cli('xdp', prog, '--user', tutorial('xdp_load_and_stats.c'), '--packets', '3000', '--rate', '6000', '--dump', 'json')
    expect(r.rc).toBe(130)
    const dump = JSON.parse(r.out) as Record<string, { key: string; value: string[] }[]>
    const pass = dump.xdp_stats_map.find((e) => e.key === '02000000')!
    expect(pass.value).toHaveLength(4)
    const sum = pass.value.reduce((s, v) => s + BigInt('0x' + v.slice(0, 16).match(/../g)!.reverse().join('')), 0n)
    expect(Number(sum)).toBe(ran(r.err).ran)
    expect(passReadings(r.err).at(-1)).toBe(ran(r.err).ran)
  }, 60_000)

  it('a program the checks refuse fails in USER as bpf_object__load fails, with the verifier log', () => {
    const r = cli('xdp', xdpTests('refused_kern.c'), '--user', tutorial('xdp_load_and_stats.c'), '--packets', '200', '--rate', '0')
    expect(r.rc).toBe(1)
    expect(r.err).toContain("libbpf: prog 'xdp_count_unchecked': BPF program load failed: Permission denied\nlibbpf: prog 'xdp_count_unchecked': -- BEGIN PROG LOAD LOG --\n")
    expect(r.err).toContain(`${xdpTests('refused_kern.c')}:18:9: R0 invalid mem access 'map_value_or_null'`)
    expect(r.err).toContain("libbpf: failed to load object 'xdp_prog_kern.o'\nERR: loading file xdp_prog_kern.o: Permission denied\n")
    expect(ran(r.out).ran).toBe(0)
  }, 60_000)

  it('USER detaches, re-attaches and exits: the run ends with it, exit status included', () => {
    const user = file(
      'toggle.c',
      `#include <stdio.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
static __u64 passed(int fd) {
	__u32 key = XDP_PASS;
	__u64 v[2 * 64] = { 0 }, sum = 0;
	bpf_map_lookup_elem(fd, &key, v);
	for (int i = 0; i < libbpf_num_possible_cpus(); i++) sum += v[2 * i];
	return sum;
}
int main(void) {
	struct bpf_object *obj = bpf_object__open_file("basic03.o", NULL);
	if (bpf_object__load(obj)) return 1;
	int fd = bpf_object__find_map_fd_by_name(obj, "xdp_stats_map");
	struct bpf_program *prog = bpf_object__next_program(obj, NULL);
	struct bpf_link *link = bpf_program__attach_xdp(prog, 2);
	usleep(300000);
	bpf_link__destroy(link);
	usleep(100000); /* a CPU finishes the poll it was in with the old program, as after an RCU grace period */
	__u64 first = passed(fd);
	usleep(300000);
	__u64 detached = passed(fd);
	link = bpf_program__attach_xdp(prog, 2);
	usleep(300000);
	printf("%s %s\\n", first > 0 && detached == first ? "frozen while detached" : "?", passed(fd) > detached ? "growing again" : "?");
	return 7;
}
`,
    )
    const r = cli('xdp', tutorial('xdp_prog_kern.c'), '--user', user, '--packets', '100000', '--rate', '2000')
    expect(r.err).toBe('')
    expect(r.out).toContain('frozen while detached growing again\n')
    expect(r.rc).toBe(7)
    const summary = ran(r.out)
    expect(summary.none).toBeGreaterThan(0)
    expect(summary.ran + summary.none).toBeLessThan(100000)
  }, 60_000)

  it('with --time simulated the loop does not wait: it still ends once the traffic is over', () => {
    const r = cli('xdp', tutorial('xdp_prog_kern.c'), '--user', tutorial('xdp_load_and_stats.c'), '--packets', '4000', '--rate', '4000', '--time', 'simulated')
    expect(r.rc).toBe(130)
    // (no reading at all if a busy machine started USER after the traffic was over)
    expect(passReadings(r.out).at(-1) ?? 0).toBe(ran(r.out).ran)
  }, 60_000)

  it('explains bad options', () => {
    expect(cli('xdp', tutorial('xdp_prog_kern.c'), '--time', 'fast').err).toContain("--time is real or simulated, not 'fast'")
    expect(cli('xdp', tutorial('xdp_prog_kern.c'), '--rate', '-5').err).toContain('--rate needs a non-negative integer')
  })
})
