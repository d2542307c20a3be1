/**
 * The stepping engine driven in-process: a scripted `pause` answers each stop with the next
 * command and records where the program stopped and what it saw.
 */
import { describe, expect, it } from 'vitest'
import { Kernel } from '../kernel/kernel'
import { compile } from '../lang/compile'
import { CTL_DEBUG, CTL_RUN, Debugger, setBreakpoint, type DebugCommand, type DebugControl, type PauseState } from './debugger'
import type { ValueView } from './debug-values'
import { Process } from './process'

const SOURCE = `#include <stdio.h>
#include <stdlib.h>
struct pt { int x; long y; };
int g_count = 7;
static int square(int v) {
  int r = v * v;
  return r;
}
int sum(int *a, int n) {
  int s = 0;
  for (int i = 0; i < n; i++) {
    s += square(a[i]);
  }
  return s;
}
int main(void) {
  int arr[4] = {1, 2, 3, 4};
  struct pt p = { 3, 4 };
  struct pt *pp = &p;
  char *name = "bpf";
  int *heap = malloc(3 * sizeof(int));
  int *none = NULL;
  int total = sum(arr, 4);
  g_count += total;
  printf("%d %d %s %p %p %p\\n", total, p.x, name, (void *)pp, (void *)heap, (void *)none);
  return 0;
}
`
// line numbers in SOURCE
const L = { squareR: 6, squareRet: 7, sumS: 10, sumFor: 11, sumBody: 12, sumRet: 14, mainArr: 17, mainP: 18, mainTotal: 23, mainG: 24, mainPrintf: 25, mainRet: 26 }

interface Stop {
  line: number
  fn: string
  depth: number
  reason: string
  state: PauseState
}

type Scripted = DebugCommand | ((s: PauseState, control: DebugControl) => DebugCommand)

function debugRun(commands: Scripted[], opts: { startPaused?: boolean; breakpoints?: number[]; source?: string; onStderr?: (control: DebugControl) => void } = {}) {
  const { program, diagnostics } = compile(opts.source ?? SOURCE, { filename: 'step.c', target: 'user', hooks: 'statements' })
  if (!program) throw new Error(diagnostics.map((d) => d.message).join('\n'))
  const ctl = new Int32Array(new SharedArrayBuffer(8))
  const breakpoints = new Uint8Array(new SharedArrayBuffer(64))
  const control = { ctl, breakpoints }
  for (const l of opts.breakpoints ?? []) setBreakpoint(control, l, true)
  ctl[0] = Debugger.initialCtl({ startPaused: opts.startPaused ?? true }, ctl[1])
  const stops: Stop[] = []
  const dbg = new Debugger(
    program,
    control,
    (state) => {
      stops.push({ line: state.line, fn: state.stack[0].fn, depth: state.depth, reason: state.reason, state })
      const next = commands.shift() ?? { k: 'continue' }
      return typeof next === 'function' ? next(state, control) : next
    },
    { startPaused: opts.startPaused ?? true },
  )
  const kernel = Kernel.create({ possibleCpus: 2 })
  let out = ''
  const write = (fd: 1 | 2, b: Uint8Array) => {
    out += new TextDecoder().decode(b)
    if (fd === 2) opts.onStderr?.(control)
  }
  const proc = new Process(kernel, program, { write }, { ctl, trap: dbg.trap })
  const result = proc.run()
  return { stops, out, result, ctl }
}

const at = (stops: Stop[]) => stops.map((s) => `${s.fn}:${s.line}`)
const find = (vs: ValueView[], name: string) => {
  const v = vs.find((x) => x.name === name)
  if (!v) throw new Error(`no ${name} in ${vs.map((x) => x.name).join(', ')}`)
  return v
}

describe('stepping', () => {
  it('starts paused at the first statement of main and steps over line by line', () => {
    const { stops, out, result } = debugRun(Array(8).fill({ k: 'stepOver' }))
    expect(at(stops)).toEqual(['main:17', 'main:18', 'main:19', 'main:20', 'main:21', 'main:22', 'main:23', 'main:24', 'main:25'])
    expect(stops[0].reason).toBe('entry')
    expect(stops[1].reason).toBe('step')
    expect(stops.every((s) => s.depth === 1)).toBe(true)
    expect(result.exitCode).toBe(0)
    expect(out).toMatch(/^30 3 bpf /)
  })

  it('steps into a call, through a loop, into a nested call, and out again', () => {
    const into = { k: 'stepInto' } as const
    const { stops } = debugRun([
      { k: 'runToLine', line: L.mainTotal },
      into, // -> sum: int s = 0
      into, // -> for
      into, // -> body
      into, // -> square: r = v * v
      into, // -> return r
      into, // -> back in sum: the for header (back-edge)
      into, // -> body again
      { k: 'stepOver' }, // over square(a[1])
      { k: 'stepOut' }, // out of sum: the statement after the call in main
    ])
    expect(at(stops)).toEqual([
      'main:17',
      'main:23',
      'sum:10',
      'sum:11',
      'sum:12',
      'square:6',
      'square:7',
      'sum:11',
      'sum:12',
      'sum:11',
      'main:24',
    ])
    expect(stops.map((s) => s.depth)).toEqual([1, 1, 2, 2, 2, 3, 3, 2, 2, 2, 1])
    expect(stops[1].reason).toBe('runToLine')
    // the call stack while in square: square <- sum (at the loop body) <- main (at the call)
    const deep = stops[5].state.stack
    expect(deep.map((f) => `${f.fn}:${f.line}`)).toEqual(['square:6', 'sum:12', 'main:23'])
    expect(find(deep[0].locals, 'v').value).toBe('1')
    expect(find(deep[1].locals, 'i').value).toBe('0')
    expect(deep[1].captured).toBe(true)
  })

  it('a breakpoint stops a loop at every iteration; continue runs to the next hit', () => {
    const { stops, result } = debugRun([], { startPaused: false, breakpoints: [L.sumBody] })
    expect(at(stops)).toEqual(['sum:12', 'sum:12', 'sum:12', 'sum:12'])
    expect(stops.map((s) => find(s.state.stack[0].locals, 'i').value)).toEqual(['0', '1', '2', '3'])
    expect(stops.map((s) => find(s.state.stack[0].locals, 's').value)).toEqual(['0', '1', '5', '14'])
    expect(stops[0].reason).toBe('breakpoint')
    expect(result.exitCode).toBe(0)
  })

  it('a breakpoint on a loop header stops once on entry and once per back-edge', () => {
    const { stops } = debugRun([], { startPaused: false, breakpoints: [L.sumFor] })
    // entry, then the back-edge of iterations 2..4 (the first back-edge follows the entry on the same line)
    expect(at(stops)).toEqual(['sum:11', 'sum:11', 'sum:11', 'sum:11'])
  })

  it('breakpoints can be set and cleared while paused', () => {
    const { stops, ctl } = debugRun([
      (_s, control) => {
        setBreakpoint(control, L.mainPrintf, true)
        setBreakpoint(control, L.squareR, true)
        setBreakpoint(control, L.squareR, false)
        return { k: 'continue' }
      },
      (_s, control) => {
        setBreakpoint(control, L.mainPrintf, false)
        return { k: 'continue' }
      },
    ])
    expect(at(stops)).toEqual(['main:17', 'main:25'])
    expect(stops[1].reason).toBe('breakpoint')
    // no breakpoint left: the last continue put the hooks back to full speed
    expect(ctl[0]).toBe(CTL_RUN)
    expect(ctl[1]).toBe(0)
  })

  it('a breakpoint set while the program runs at full speed is hit', () => {
    const source = `#include <stdio.h>
int main(void) {
  long n = 0;
  for (int i = 0; i < 1000; i++) {
    if (i == 10) fprintf(stderr, "ten\\n");
    n += i;
  }
  return 0;
}
`
    let set = false
    const { stops } = debugRun([], {
      source,
      startPaused: false,
      onStderr: (control) => {
        // what the page does on a gutter click while the worker runs: the program is at i == 10
        expect(control.ctl[0]).toBe(CTL_RUN)
        setBreakpoint(control, 6, true)
        set = true
      },
    })
    expect(set).toBe(true)
    expect(stops.length).toBe(990)
    expect(find(stops[0].state.stack[0].locals, 'i').value).toBe('10')
  })

  it('continue with no breakpoint left puts the hooks back to full speed', () => {
    const { stops, ctl } = debugRun([{ k: 'continue' }], { startPaused: true })
    expect(at(stops)).toEqual(['main:17'])
    expect(ctl[0]).toBe(CTL_RUN)
  })

  it('stop ends the program like the Stop button', () => {
    const { result, out } = debugRun([{ k: 'stepOver' }, { k: 'stop' }])
    expect(result.exitCode).toBe(137)
    expect(out).toMatch(/^bpfplay: stopped \(Stop was pressed\), at step\.c:18/)
  })
})

describe('locals and globals', () => {
  it('decodes arrays, structs, pointers (stack, string, heap, NULL) and globals with their C types', () => {
    const { stops } = debugRun([{ k: 'runToLine', line: L.mainTotal }, { k: 'stepOver' }])
    const s = stops[1].state // paused at line 23, before the call to sum
    const locals = s.stack[0].locals
    const arr = find(locals, 'arr')
    expect(arr.type).toBe('int [4]')
    expect(arr.children!.map((c) => c.value)).toEqual(['1', '2', '3', '4'])
    const p = find(locals, 'p')
    expect(p.type).toBe('struct pt')
    expect(p.value).toBe('{x = 3, y = 4}')
    const pp = find(locals, 'pp')
    expect(pp.type).toBe('struct pt *')
    expect(pp.note).toBe("→ 'p' (local in main)")
    expect(pp.children![0].children!.map((c) => `${c.name}=${c.value}`)).toEqual(['x=3', 'y=4'])
    expect(find(locals, 'name').value).toMatch(/^0x[0-9a-f]+ "bpf"$/)
    expect(find(locals, 'heap').note).toBe('→ heap block of 12 bytes')
    expect(find(locals, 'none').note).toBe('NULL')
    // not yet declared at this line
    expect(locals.some((v) => v.name === 'total')).toBe(false)
    expect(find(s.globals, 'g_count').value).toBe('7')
    const after = debugRun([{ k: 'runToLine', line: L.mainPrintf }, { k: 'continue' }]).stops[1].state
    expect(find(after.globals, 'g_count').value).toBe('37')
    expect(find(after.stack[0].locals, 'total')).toMatchObject({ type: 'int', value: '30' })
  })

  it('says when a pointer is not an address of the process', () => {
    const src = `int main(void) {\n  long *p = (long *)0x7fffffff0000;\n  return p != 0 ? 0 : 1;\n}\n`
    const { program } = compile(src, { filename: 'k.c', target: 'user', hooks: 'statements' })
    const ctl = new Int32Array(new SharedArrayBuffer(8))
    ctl[0] = CTL_DEBUG
    let seen: ValueView | undefined
    const dbg = new Debugger(program!, { ctl, breakpoints: new Uint8Array(8) }, (s) => {
      seen = s.stack[0].locals.find((v) => v.name === 'p') ?? seen
      return { k: 'stepOver' }
    }, { startPaused: true })
    new Process(Kernel.create({ possibleCpus: 1 }), program!, { write() {} }, { ctl, trap: dbg.trap }).run()
    expect(seen?.note).toMatch(/kernel map value is not reachable from userspace/)
  })
})
