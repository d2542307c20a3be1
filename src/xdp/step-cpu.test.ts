/**
 * Single-packet stepping driven in-process: a scripted `pause` answers each stop with the next
 * command and records where the program stopped and what it saw, while the program runs on a
 * real kernel with its maps loaded as the traffic's CPUs would have them.
 */
import { describe, expect, it } from 'vitest'
import { Kernel } from '../kernel/kernel'
import { compile } from '../lang/compile'
import { CTL_STOP, initialCtl, setBreakpoint, type DebugCommand, type DebugControl, type PauseState } from '../runtime/debug-control'
import type { ValueView } from '../runtime/debug-values'
import { loadProgram, loadedView } from './loader'
import { buildPacket } from './packets'
import { stepPacket } from './step-cpu'
import { fixture } from './testing'

/** xdp-tutorial basic03 as in the examples (public/examples/xdp/xdp_prog_kern.c), PERCPU_ARRAY. */
const COUNTER = `#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
struct datarec {
	__u64 rx_packets;
	__u64 rx_bytes;
};
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__type(key, __u32);
	__type(value, struct datarec);
	__uint(max_entries, XDP_REDIRECT + 1);
} xdp_stats_map SEC(".maps");
static __always_inline __u32 xdp_stats_record_action(struct xdp_md *ctx, __u32 action)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct datarec *rec;
	if (action > XDP_REDIRECT)
		return XDP_ABORTED;
	rec = bpf_map_lookup_elem(&xdp_stats_map, &action);
	if (!rec)
		return XDP_ABORTED;
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
`
// lines of COUNTER
const C = { dataEnd: 15, data: 16, decl: 17, check: 18, lookup: 20, nullCheck: 21, inc: 23, bytes: 24, ret: 25, entry: 30 }

const UDP = buildPacket({
  eth: { src: '02:00:00:00:00:fe', dst: '02:00:00:00:00:01' },
  ipv4: { src: '10.0.0.7', dst: '10.0.0.1' },
  udp: { sport: 5353, dport: 53 },
  payload: new Uint8Array(32),
})

interface Stop {
  line: number
  fn: string
  depth: number
  reason: string
  state: PauseState
  /** rx_packets of key 2 on the stepping CPU, read from the kernel at the pause. */
  counter?: bigint
}

type Scripted = DebugCommand | ((s: PauseState, control: DebugControl) => DebugCommand)

function setup(source: string, possibleCpus = 2) {
  const kernel = Kernel.create({ possibleCpus })
  const plain = compile(source, { filename: 'xdp_prog.c', target: 'bpf' })
  if (!plain.program) throw new Error(plain.diagnostics.map((d) => `${d.line}: ${d.message}`).join('\n'))
  // loaded as the toolbar's loader does, from the plain compile; stepped with the hooks: 'statements' one
  const loaded = loadProgram(kernel, plain.program)
  const stepped = compile(source, { filename: 'xdp_prog.c', target: 'bpf', hooks: 'statements' }).program!
  return { kernel, loaded, stepping: loadedView(stepped, loaded.dataBase, loaded.maps) }
}

/** rx_packets of `key` in CPU `cpu`'s copy of xdp_stats_map (the inspector's view of the kernel). */
function counterOf(kernel: Kernel, key: number, cpu: number): bigint {
  const m = kernel.maps().find((x) => x.name === 'xdp_stats_map')!
  const e = m.entries.find((x) => new DataView(x.key.buffer, x.key.byteOffset).getUint32(0, true) === key)!
  const v = Array.isArray(e.value) ? e.value[cpu] : e.value
  return new DataView(v.buffer, v.byteOffset).getBigUint64(0, true)
}

function step(t: ReturnType<typeof setup>, commands: Scripted[], opts: { cpu?: number; breakpoints?: number[]; startPaused?: boolean; frame?: Uint8Array; watch?: boolean } = {}) {
  const ctl = new Int32Array(new SharedArrayBuffer(16))
  const breakpoints = new Uint8Array(new SharedArrayBuffer(256))
  const control: DebugControl = { ctl, breakpoints }
  for (const l of opts.breakpoints ?? []) setBreakpoint(control, l, true)
  const start = { startPaused: opts.startPaused ?? true }
  ctl[0] = initialCtl(start, ctl[1])
  const cpu = opts.cpu ?? 1
  const stops: Stop[] = []
  const traces: string[] = []
  const result = stepPacket({
    kernel: t.kernel,
    loaded: t.stepping,
    cpu,
    frame: opts.frame ?? UDP,
    control,
    start,
    trace: (l) => traces.push(l),
    pause: (state) => {
      stops.push({ line: state.line, fn: state.stack[0].fn, depth: state.depth, reason: state.reason, state, counter: opts.watch ? counterOf(t.kernel, 2, cpu) : undefined })
      const next = commands.shift() ?? { k: 'continue' }
      return typeof next === 'function' ? next(state, control) : next
    },
  })
  return { stops, result, traces }
}

const at = (stops: Stop[]) => stops.map((s) => `${s.fn}:${s.line}`)
function find(vs: ValueView[], name: string): ValueView {
  const v = vs.find((x) => x.name === name)
  if (!v) throw new Error(`no ${name} in ${vs.map((x) => x.name).join(', ')}`)
  return v
}
const local = (s: Stop, name: string) => find(s.state.stack[0].locals, name)

describe('single-packet stepping', () => {
  it('steps the xdp-tutorial counter over one packet line by line; the map counts +1 at the increment line', () => {
    const t = setup(COUNTER)
    const into = { k: 'stepInto' } as const
    const { stops, result } = step(t, Array(12).fill(into), { watch: true })
    expect(at(stops)).toEqual([
      `xdp_stats1_func:${C.entry}`,
      `xdp_stats_record_action:${C.dataEnd}`,
      `xdp_stats_record_action:${C.data}`,
      `xdp_stats_record_action:${C.decl}`,
      `xdp_stats_record_action:${C.check}`,
      `xdp_stats_record_action:${C.lookup}`,
      `xdp_stats_record_action:${C.nullCheck}`,
      `xdp_stats_record_action:${C.inc}`,
      `xdp_stats_record_action:${C.bytes}`,
      `xdp_stats_record_action:${C.ret}`,
    ])
    expect(stops[0].reason).toBe('entry')
    expect(stops.slice(1).map((s) => s.depth)).toEqual(Array(9).fill(2))
    expect(stops[1].state.stack.map((f) => f.fn)).toEqual(['xdp_stats_record_action', 'xdp_stats1_func'])
    expect(result).toEqual({ action: 2, actionName: 'XDP_PASS' })

    // after the lookup: rec is a pointer into the map value of key 2, this CPU's copy, expanded
    const afterLookup = stops.find((s) => s.line === C.nullCheck)!
    const rec = local(afterLookup, 'rec')
    expect(rec.type).toBe('struct datarec *')
    expect(rec.note).toBe("map value of 'xdp_stats_map' key 2, CPU 1's copy")
    expect(rec.children?.[0].value).toBe('{rx_packets = 0, rx_bytes = 0}')
    // the key the program passed is its parameter, in its frame
    expect(local(afterLookup, 'action')).toMatchObject({ value: '2' })
    // the kernel's map: unchanged before the increment line runs, +1 right after it
    const before = stops.find((s) => s.line === C.inc)!
    const after = stops.find((s) => s.line === C.bytes)!
    expect(before.counter).toBe(0n)
    expect(after.counter).toBe(1n)
    expect(local(after, 'rec').children?.[0].value).toBe('{rx_packets = 1, rx_bytes = 0}')
    expect(local(stops[stops.length - 1], 'rec').children?.[0].value).toBe(`{rx_packets = 1, rx_bytes = ${UDP.length}}`)
    expect(counterOf(t.kernel, 2, 1)).toBe(1n)
    // per-CPU: the other CPU's copy was not touched
    expect(counterOf(t.kernel, 2, 0)).toBe(0n)
  })

  it('describes ctx, data and data_end by what they point to in the packet', () => {
    const t = setup(COUNTER)
    const { stops } = step(t, [{ k: 'runToLine', line: C.check }])
    const s = stops[1]
    expect(s.line).toBe(C.check)
    expect(local(s, 'data').note).toBe('packet (ctx->data, Ethernet header)')
    expect(local(s, 'data_end').note).toBe(`packet + ${UDP.length} (ctx->data_end: one past the last byte)`)
    const ctx = local(s, 'ctx')
    expect(ctx.note).toBe('struct xdp_md of this packet (ctx)')
    const md = ctx.children![0]
    expect(find(md.children!, 'data').note).toBe('packet (ctx->data, Ethernet header)')
    expect(find(md.children!, 'rx_queue_index').value).toBe('1')
  })

  it('steps over the helper call; stepping out of the only call ends the packet (its caller has no line left)', () => {
    const t = setup(COUNTER)
    const { stops, result } = step(t, [{ k: 'runToLine', line: C.lookup }, { k: 'stepOver' }, { k: 'stepOut' }])
    expect(at(stops)).toEqual([`xdp_stats1_func:${C.entry}`, `xdp_stats_record_action:${C.lookup}`, `xdp_stats_record_action:${C.nullCheck}`])
    expect(result.actionName).toBe('XDP_PASS')
    expect(counterOf(t.kernel, 2, 1)).toBe(1n)
  })

  it('stops at a breakpoint when the packet runs freely, and packets count on from the kernel map', () => {
    const t = setup(COUNTER)
    step(t, [], { startPaused: false })
    const { stops, result } = step(t, [], { startPaused: false, breakpoints: [C.bytes], watch: true })
    expect(at(stops)).toEqual([`xdp_stats_record_action:${C.bytes}`])
    expect(stops[0].reason).toBe('breakpoint')
    expect(stops[0].counter).toBe(2n)
    expect(local(stops[0], 'rec').children?.[0].value).toBe(`{rx_packets = 2, rx_bytes = ${UDP.length}}`)
    expect(result.action).toBe(2)
  })

  it("names a parser's pointers packet + N with the header they reach", () => {
    const t = setup(fixture('udp_drop.c'))
    const frame = buildPacket({ eth: {}, ipv4: { src: '10.0.0.9', dst: '10.0.0.1' }, udp: { sport: 1000, dport: 9999 }, payload: new Uint8Array(8) })
    // udp_drop.c: `if (udph->dest == bpf_htons(BLOCKED_PORT))` is line 89
    const { stops, result } = step(t, [{ k: 'runToLine', line: 89 }], { frame })
    const s = stops[1]
    expect(s.line).toBe(89)
    expect(local(s, 'udph').note).toBe('packet + 34 (ctx->data + 34, UDP header)')
    expect(local(s, 'udph').children?.[0].children?.map((c) => c.name)).toEqual(['source', 'dest', 'len', 'check'])
    expect(local(s, 'eth').note).toBe('packet (ctx->data, Ethernet header)')
    const nh = local(s, 'nh')
    expect(find(nh.children!, 'pos').note).toBe('packet + 34 (ctx->data + 34, UDP header)')
    expect(find(local(s, 'udph').children![0].children!, 'dest').value).toBe(String(0x0f27)) // 9999 in network order, read as a __be16 on x86
    expect(result.actionName).toBe('XDP_DROP')
  })

  it('shows the value an atomic add wrote through the pointer (ARRAY: one value for all CPUs)', () => {
    const t = setup(fixture('udp_drop.c'))
    const frame = buildPacket({ eth: {}, ipv4: { src: '10.0.0.9', dst: '10.0.0.1' }, udp: { sport: 1000, dport: 9999 }, payload: new Uint8Array(8) })
    // udp_drop.c's count(): line 66 is __sync_fetch_and_add(n, 1), line 67 the return after it
    const { stops } = step(t, [{ k: 'runToLine', line: 66 }, { k: 'stepOver' }], { frame, startPaused: true })
    expect(at(stops).slice(1)).toEqual(['count:66', 'count:67'])
    expect(local(stops[1], 'n')).toMatchObject({ type: '__u64 *', note: "map value of 'action_count' key 1" })
    expect(local(stops[1], 'n').children?.[0].value).toBe('0')
    expect(local(stops[2], 'n').children?.[0].value).toBe('1')
    const value = t.kernel.maps()[0].entries[1].value as Uint8Array
    expect(new DataView(value.buffer, value.byteOffset).getBigUint64(0, true)).toBe(1n)
  })

  it("shows the program's globals from the loaded data segment", () => {
    const src = `#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
__u64 seen = 40;
SEC("xdp") int g(struct xdp_md *ctx)
{
	seen += 2;
	return XDP_PASS;
}
char _license[] SEC("license") = "GPL";
`
    const t = setup(src)
    const { stops } = step(t, [{ k: 'stepOver' }])
    expect(stops[0].state.globals.map((g) => `${g.name}=${g.value}`)).toEqual(['seen=40'])
    expect(stops[1].state.globals.map((g) => `${g.name}=${g.value}`)).toEqual(['seen=42'])
    // the next packet (as the traffic's CPUs would) sees what this one wrote
    expect(step(t, []).stops[0].state.globals[0].value).toBe('42')
  })

  it('says when a packet pointer runs past data_end, and does not show bytes the program cannot read', () => {
    const t = setup(fixture('udp_drop.c'))
    // a 10-byte frame: stop in parse_ethhdr at its bounds check (line 28), eth already set
    const { stops, result } = step(t, [{ k: 'runToLine', line: 28 }], { frame: new Uint8Array(10) })
    expect(stops[1].fn).toBe('parse_ethhdr')
    const eth = local(stops[1], 'eth')
    expect(eth.note).toBe('packet (ctx->data, truncated Ethernet header); its 14 bytes run past data_end: the program must check before reading them')
    expect(eth.children).toBeUndefined()
    expect(result.actionName).toBe('XDP_ABORTED')
    expect(result.fault).toBeUndefined() // the program returned XDP_ABORTED itself
  })

  it('aborts the packet on a bad access with a report, and the kernel and the next packet are fine', () => {
    const src = `#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __type(key, __u32); __type(value, __u64); __uint(max_entries, 4); } counts SEC(".maps");
SEC("xdp") int bad(struct xdp_md *ctx)
{
	__u32 key = 9;
	__u64 *v = bpf_map_lookup_elem(&counts, &key);
	*v += 1;
	return XDP_PASS;
}
char _license[] SEC("license") = "GPL";
`
    const t = setup(src)
    const { stops, result } = step(t, [{ k: 'stepOver' }, { k: 'stepOver' }])
    expect(at(stops)).toEqual(['bad:6', 'bad:7', 'bad:8'])
    expect(local(stops[2], 'v')).toMatchObject({ value: '0x0', note: 'NULL' })
    expect(result.action).toBe(0)
    expect(result.actionName).toBe('XDP_ABORTED')
    expect(result.fault?.message).toMatch(/invalid memory access/)
    expect(result.fault?.where).toBe('xdp_prog.c:8:2')
    // the kernel is intact: another packet runs
    expect(step(t, [], { startPaused: false }).result.actionName).toBe('XDP_ABORTED')
    expect(t.kernel.maps()).toHaveLength(1)
  })

  it('ends on Stop, while paused or in a runaway loop', () => {
    const src = `#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
SEC("xdp") int spin(struct xdp_md *ctx)
{
	volatile int i = 0;
	for (;;)
		i++;
	return XDP_PASS;
}
char _license[] SEC("license") = "GPL";
`
    const t = setup(src)
    expect(step(t, [{ k: 'stop' }]).result).toMatchObject({ stopped: true, action: -1 })
    // Continue runs freely (hooks stop trapping); the host's Stop (another thread in the app,
    // pressed here right after Continue) makes the loop's back-edge hook trap and end it
    const r = step(t, [
      { k: 'stepOver' },
      (_s, control) => {
        Atomics.store(control.ctl, 0, CTL_STOP)
        return { k: 'continue' }
      },
    ])
    expect(r.stops.map((x) => x.line)).toEqual([5, 6])
    expect(r.result).toMatchObject({ stopped: true, action: -1 })
  })
})
