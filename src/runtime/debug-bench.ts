/**
 * What stepping support costs when nothing is being stepped: a program compiled with hooks:
 * 'statements' and run under the debugger with no breakpoint (every statement tests the control
 * word, every call pushes a frame record), against the same program compiled and run plainly.
 * Also what Continue costs in a run that records for step back (hooks keep counting the
 * statements: time-travel.ts). Used by `npm run bench` (scripts/bench.ts); the runs alternate in
 * one process.
 */
import { Kernel } from '../kernel/kernel'
import { compile } from '../lang/compile'
import type { Program } from '../lang/api'
import { CTL_DEBUG, CTL_RUN, Debugger } from './debugger'
import { Process } from './process'

/** Loop-heavy userspace C: calls, array and struct accesses, a few map syscalls. The worst case for per-statement hooks. */
export const STEPPING_BENCH_SOURCE = `#include <bpf/bpf.h>
#include <stdio.h>
struct acc { long sum; int n; };
static int weight(int v) {
  int w = v & 7;
  if (w > 3) w = 7 - w;
  return w + 1;
}
static void add(struct acc *a, int v) {
  a->sum += weight(v) * v;
  a->n++;
}
int main(void) {
  int fd = bpf_map_create(BPF_MAP_TYPE_ARRAY, "acc", sizeof(int), sizeof(long), 16, NULL);
  static int seen[4096];
  struct acc a = { 0, 0 };
  for (int round = 0; round < 120; round++) {
    for (int i = 0; i < 4096; i++) {
      int v = (i * 31 + round) & 4095;
      seen[v]++;
      add(&a, v);
    }
    int key = round & 15;
    bpf_map_update_elem(fd, &key, &a.sum, BPF_ANY);
  }
  printf("%ld %d %d\\n", a.sum, a.n, seen[7]);
  return 0;
}
`

function build(hooks: 'loops' | 'statements'): Program {
  const { program, diagnostics } = compile(STEPPING_BENCH_SOURCE, { filename: 'stepping-bench.c', target: 'user', hooks })
  if (!program) throw new Error(diagnostics.map((d) => d.message).join('\n'))
  return program
}

type Mode = 'plain' | 'attached' | 'recording'

function runOnce(program: Program, mode: Mode): number {
  const kernel = Kernel.create({ possibleCpus: 2 })
  const ctl = new Int32Array(new SharedArrayBuffer(8))
  let trap: ((sid: number, proc: Process, scope?: number, values?: unknown[]) => void) | undefined
  if (mode !== 'plain') {
    // attached: no breakpoint, hooks test the word and go on; recording: hooks count (after Continue)
    ctl[0] = mode === 'attached' ? CTL_RUN : CTL_DEBUG
    const timeTravel = mode === 'recording' ? { unavailable: null, check: () => null } : undefined
    const dbg = new Debugger(program, { ctl, breakpoints: new Uint8Array(new SharedArrayBuffer(4096)) }, () => ({ k: 'continue' }), { timeTravel })
    trap = dbg.trap
  }
  const proc = new Process(kernel, program, { write() {} }, { ctl, trap })
  const t0 = performance.now()
  const r = proc.run()
  const t = performance.now() - t0
  if (r.exitCode !== 0) throw new Error(`stepping bench failed: ${r.reason ?? r.exitCode}`)
  return t
}

/** Best-of-n times of the plain run, with the debugger attached (no breakpoint), and recording for step back. */
export function steppingOverhead(runs = 11): { ratio: number; recording: number; plainMs: number; steppingMs: number; recordingMs: number } {
  const plain = build('loops')
  const stepping = build('statements')
  for (let i = 0; i < 3; i++) {
    runOnce(plain, 'plain')
    runOnce(stepping, 'attached')
    runOnce(stepping, 'recording')
  }
  let p = Infinity
  let s = Infinity
  let r = Infinity
  for (let i = 0; i < runs; i++) {
    p = Math.min(p, runOnce(plain, 'plain'))
    s = Math.min(s, runOnce(stepping, 'attached'))
    if (i < 3) r = Math.min(r, runOnce(stepping, 'recording'))
  }
  return { ratio: s / p, recording: r / p, plainMs: p, steppingMs: s, recordingMs: r }
}

/** The lines `npm run bench` prints. */
export function steppingOverheadLine(): string {
  const { ratio, recording, plainMs, steppingMs, recordingMs } = steppingOverhead()
  return (
    `stepping overhead: ${ratio.toFixed(2)}x (loop-heavy C program, hooks: 'statements' + debugger attached without breakpoints ${steppingMs.toFixed(1)} ms vs plain ${plainMs.toFixed(1)} ms; target <= 1.5x)\n` +
    `step-back recording: ${recording.toFixed(2)}x (the same program after Continue in a run started with Step: hooks count the statements, ${recordingMs.toFixed(1)} ms; no target, it runs only in debugged runs)`
  )
}
