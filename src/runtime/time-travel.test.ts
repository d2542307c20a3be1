/**
 * Time travel driven in-process: a scripted `pause` steps through a map program, steps back,
 * and checks that the kernel's maps and the program's locals are what they were at that line.
 */
import { describe, expect, it } from 'vitest'
import { Kernel } from '../kernel/kernel'
import { compile } from '../lang/compile'
import { CTL_COUNT, setBreakpoint, type DebugCommand, type DebugControl, type PauseState } from './debugger'
import { Debugger } from './debugger'
import type { ValueView } from './debug-values'
import { Process } from './process'
import { runDebugged } from './time-travel'

const SOURCE = `#include <stdio.h>
#include <bpf/bpf.h>
static int twice(int v) {
  int r = v + v;
  return r;
}
int main(void) {
  int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "tt", sizeof(int), sizeof(long), 8, NULL);
  int key = 1;
  long value = 100;
  bpf_map_update_elem(fd, &key, &value, BPF_ANY);
  printf("stored %ld\\n", value);
  value = twice(21);
  bpf_map_delete_elem(fd, &key);
  printf("deleted, value %ld\\n", value);
  return 0;
}
`
const L = { create: 8, key: 9, value: 10, update: 11, printStored: 12, twice: 13, del: 14, printDeleted: 15, ret: 16 }

interface Stop {
  line: number
  fn: string
  reason: string
  state: PauseState
  /** Elements of map "tt" at the pause: key -> value. */
  map: Record<number, number> | null
  /** Keys of map "walk" in get_next_key order. */
  order: number[]
  out: string
}

type Scripted = DebugCommand | ((s: PauseState) => DebugCommand)

/** 16 keys in a hash map with a random seed, then a walk: the order depends on the seed. */
const WALK = `#include <bpf/bpf.h>
int main(void) {
  int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "walk", sizeof(int), sizeof(int), 64, NULL);
  for (int k = 0; k < 12; k++) bpf_map_update_elem(fd, &k, &k, BPF_ANY);
  for (int k = 12; k < 16; k++) bpf_map_update_elem(fd, &k, &k, BPF_ANY);
  int n = 0;
  return n;
}
`

/** A loop, then a line on stderr (the test sets a breakpoint from there, as a user would mid-run). */
const COUNTED = `#include <stdio.h>
#include <bpf/bpf.h>
int main(void) {
  int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "tt", sizeof(int), sizeof(long), 8, NULL);
  long sum = 0;
  for (int i = 0; i < 1000; i++) sum += i;
  int key = 1;
  bpf_map_update_elem(fd, &key, &sum, BPF_ANY);
  fprintf(stderr, "half way\\n");
  key = 2;
  bpf_map_update_elem(fd, &key, &sum, BPF_ANY);
  return 0;
}
`

function travel(
  commands: Scripted[],
  opts: { startPaused?: boolean; breakpoints?: number[]; during?: (kernel: Kernel, s: PauseState) => void; randomSeeds?: boolean; source?: string; onStderr?: (control: DebugControl) => void } = {},
) {
  const { program, diagnostics } = compile(opts.source ?? SOURCE, { filename: 'tt.c', target: 'user', hooks: 'statements' })
  if (!program) throw new Error(diagnostics.map((d) => d.message).join('\n'))
  const kernel = Kernel.create({ possibleCpus: 2, ...(opts.randomSeeds ? {} : { hashSeed: 1 }) })
  const ctl = new Int32Array(new SharedArrayBuffer(8))
  const breakpoints = new Uint8Array(new SharedArrayBuffer(64))
  const control = { ctl, breakpoints }
  for (const l of opts.breakpoints ?? []) setBreakpoint(control, l, true)
  const start = { startPaused: opts.startPaused ?? true }
  ctl[0] = Debugger.initialCtl(start, ctl[1])
  let out = ''
  const stops: Stop[] = []
  const pids = new Set<number>()
  const mapOf = (): Record<number, number> | null => {
    const m = kernel.maps().find((x) => x.name === 'tt')
    if (!m) return null
    return Object.fromEntries(m.entries.map((e) => [new DataView(e.key.buffer, e.key.byteOffset).getInt32(0, true), Number(new DataView((e.value as Uint8Array).buffer, (e.value as Uint8Array).byteOffset).getBigInt64(0, true))]))
  }
  const walkOrder = (): number[] => kernel.maps().find((x) => x.name === 'walk')?.entries.map((e) => new DataView(e.key.buffer, e.key.byteOffset).getInt32(0, true)) ?? []
  const result = runDebugged({
    kernel,
    program,
    control,
    start,
    pause: (state) => {
      stops.push({ line: state.line, fn: state.stack[0].fn, reason: state.reason, state, map: mapOf(), order: walkOrder(), out, seed: (kernel.maps().find((x) => x.name === 'walk') as any)?.seed } as Stop)
      opts.during?.(kernel, state)
      const next = commands.shift() ?? { k: 'continue' }
      return typeof next === 'function' ? next(state) : next
    },
    makeProcess: (dbg) => {
      const write = (fd: 1 | 2, b: Uint8Array) => {
        out += new TextDecoder().decode(b)
        if (fd === 2) opts.onStderr?.(control)
      }
      const proc = new Process(kernel, program, { write }, { ctl, trap: dbg.trap })
      pids.add(proc.pid)
      return proc
    },
    onRewind: () => {
      out = ''
    },
  })
  return { stops, out, result, pids, kernel }
}

const at = (stops: Stop[]) => stops.map((s) => `${s.reason}:${s.line}`)
const local = (s: Stop, name: string): ValueView => {
  const v = s.state.stack[0].locals.find((x) => x.name === name)
  if (!v) throw new Error(`no ${name}`)
  return v
}
const over: DebugCommand = { k: 'stepOver' }
const back: DebugCommand = { k: 'stepBack' }

describe('step back', () => {
  it('restores the map to before a delete, then runs on to the same end', () => {
    const { stops, out, result, pids } = travel([over, over, over, over, over, over, over, back, { k: 'continue' }])
    expect(at(stops)).toEqual([
      `entry:${L.create}`, `step:${L.key}`, `step:${L.value}`, `step:${L.update}`, `step:${L.printStored}`,
      `step:${L.twice}`, `step:${L.del}`, `step:${L.printDeleted}`, `stepBack:${L.del}`,
    ])
    const beforeDelete = stops[6]
    const afterDelete = stops[7]
    const stepped = stops[8]
    expect(beforeDelete.map).toEqual({ 1: 100 })
    expect(afterDelete.map).toEqual({})
    // the kernel is back where it was before the delete ran, and so is the program
    expect(stepped.map).toEqual({ 1: 100 })
    expect(local(stepped, 'value').value).toBe(local(beforeDelete, 'value').value)
    expect(stepped.state.time).toBe(beforeDelete.state.time)
    // the replayed timeline printed again what came before the target, and nothing after
    expect(stepped.out).toBe('stored 100\n')
    expect(out).toBe('stored 100\ndeleted, value 42\n')
    expect(result.exitCode).toBe(0)
    // the replay got the same pid (the kernel's pid counter was restored too)
    expect(pids.size).toBe(1)
  })

  it('steps back over a call (reverse-next) and through several lines; stepping forward again gives the same states', () => {
    const { stops } = travel([over, over, over, over, over, over, back, back, back, over, over, over])
    expect(at(stops)).toEqual([
      `entry:${L.create}`, `step:${L.key}`, `step:${L.value}`, `step:${L.update}`, `step:${L.printStored}`, `step:${L.twice}`, `step:${L.del}`,
      `stepBack:${L.twice}`, `stepBack:${L.printStored}`, `stepBack:${L.update}`, `step:${L.printStored}`, `step:${L.twice}`, `step:${L.del}`,
    ])
    expect(stops[9].map).toEqual({})
    expect(stops[10].map).toEqual({ 1: 100 })
    expect(local(stops[12], 'value').value).toBe('42')
    expect(local(stops[7], 'value').value).toBe('100')
  })

  it('from inside a called function, steps back to the call line', () => {
    const { stops } = travel([{ k: 'runToLine', line: 4 }, back], { startPaused: true })
    expect(at(stops)).toEqual([`entry:${L.create}`, 'runToLine:4', `stepBack:${L.twice}`])
    expect(stops[2].fn).toBe('main')
  })

  it('is refused on the first line, and while another process uses the kernel', () => {
    const first = travel([back, { k: 'continue' }])
    expect(first.stops[0].state.noStepBack).toMatch(/first line/)
    expect(first.stops[1].state.notice).toMatch(/Step back refused: this is the first line/)
    expect(first.result.exitCode).toBe(0)

    const busy = travel([over, back, { k: 'continue' }], {
      during: (kernel, s) => {
        if (s.line === L.key && s.reason === 'step') kernel.processCreate('bpftool')
      },
    })
    expect(busy.stops[2].state.notice).toMatch(/another process \(bpftool, pid \d+\)/)
  })

  it('replays a kernel with random hash seeds to the same bucket order', () => {
    const { stops } = travel([over, over, over, back], { randomSeeds: true, source: WALK })
    const orders = stops.map((s) => s.order)
    console.log(JSON.stringify(stops.map((s) => (s as any).seed)))
    // paused on the line after the inserts, then back to the last insert line: the hash map
    // the replay built has the seed the first timeline drew, so the same walk order
    expect(orders[2]).toHaveLength(12)
    expect(orders[3]).toHaveLength(16)
    expect(orders[4]).toEqual(orders[2])
    expect(stops[4].reason).toBe('stepBack')
  })

  it('after Continue, counts statements without trapping, and a breakpoint hit mid-run can still step back', () => {
    let ctlWhileFree = -1
    const { stops, out, result } = travel([{ k: 'continue' }, back, over, over], {
      source: COUNTED,
      onStderr: (control) => {
        // (the first time: the replay after the step back writes the line again, trapping)
        if (ctlWhileFree < 0) ctlWhileFree = control.ctl[0]
        setBreakpoint(control, 11, true)
      },
    })
    // the loop ran with hooks counting (ctl 3), not trapping
    expect(ctlWhileFree).toBe(CTL_COUNT)
    expect(at(stops)).toEqual(['entry:4', 'breakpoint:11', 'stepBack:10', 'breakpoint:11', 'step:12'])
    // the count stayed exact: the replay stops at the same statement, with the map as it was
    expect(stops[2].state.time).toBe(stops[1].state.time - 1)
    expect(stops[2].map).toEqual({ 1: 499500 })
    expect(stops[4].map).toEqual({ 1: 499500, 2: 499500 })
    expect(out).toBe('half way\n')
    expect(result.exitCode).toBe(0)
  })

  it('keeps counting statements after Continue, so a breakpoint hit can step back', () => {
    const { stops } = travel([back], { startPaused: false, breakpoints: [L.printDeleted] })
    // (the continue after it stops at the breakpoint again, in the replayed timeline)
    expect(at(stops)).toEqual([`breakpoint:${L.printDeleted}`, `stepBack:${L.del}`, `breakpoint:${L.printDeleted}`])
    expect(stops[1].map).toEqual({ 1: 100 })
  })
})
