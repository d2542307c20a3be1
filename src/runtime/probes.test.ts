/**
 * Inline probes on a real run: each `// ^?` reads its expression when the line above it has
 * finished, every time it runs, with the C types of the debugger.
 */
import { describe, expect, it } from 'vitest'
import { Kernel } from '../kernel/kernel'
import { compile } from '../lang/compile'
import { findProbes } from '../lang/probes'
import { Debugger, type PauseState } from './debugger'
import { Process } from './process'
import type { ProbeResult } from './probes'

/** A probe comment whose caret is under the first `word` of `code` (after `skip` earlier matches). */
function under(code: string, word: string): string {
  const col = code.indexOf(word) + word.length - 1
  return '//' + ' '.repeat(col - 2) + '^?'
}

const LINES = [
  '#include <stdio.h>',
  '#include <bpf/bpf.h>',
  'struct rec { long packets; long bytes; };',
  'int total;',
  'int main(void) {',
  '  int fd = bpf_map_create(BPF_MAP_TYPE_ARRAY, "stats", sizeof(int), sizeof(struct rec), 4, NULL);',
  '  struct rec r = { 0, 0 };',
  '  int key = 1;',
  '  for (int i = 0; i < 3; i++) {',
  '    r.packets += 1;',
  '    r.bytes += 64 * i;',
  '    total += i;',
  '  }',
  '  int err = bpf_map_lookup_elem(fd, &key, &r);',
  '  struct rec *p = &r;',
  '  p->bytes = 7;',
  '  return 0;',
  '}',
]

function withProbes(probes: [afterLine: number, word: string][]): string {
  const out: string[] = []
  LINES.forEach((l, i) => {
    out.push(l)
    for (const [after, word] of probes) if (after === i + 1) out.push(under(l, word))
  })
  return out.join('\n')
}

function run(source: string): { results: ProbeResult[]; pauses: PauseState[]; out: string } {
  const { program, diagnostics } = compile(source, { filename: 'probe.c', target: 'user', hooks: 'statements' })
  if (!program) throw new Error(diagnostics.map((d) => d.message).join('\n'))
  const probes = findProbes(source)
  const ctl = new Int32Array(new SharedArrayBuffer(8))
  const control = { ctl, breakpoints: new Uint8Array(new SharedArrayBuffer(64)) }
  ctl[0] = Debugger.initialCtl({ probes }, 0)
  const pauses: PauseState[] = []
  const dbg = new Debugger(program, control, (s) => (pauses.push(s), { k: 'continue' }), { probes })
  let out = ''
  new Process(Kernel.create({ possibleCpus: 2 }), program, { write: (_f, b) => (out += new TextDecoder().decode(b)) }, { ctl, trap: dbg.trap }).run()
  return { results: dbg.probeResults(), pauses, out }
}

describe('inline probes', () => {
  it('read a variable after its line ran, every iteration, with struct members and pointers', () => {
    const { results, out } = run(withProbes([[6, 'fd'], [10, 'packets'], [12, 'total'], [14, 'err'], [16, 'bytes'], [16, 'p']]))
    expect(out).toBe('')
    const byExpr = Object.fromEntries(results.map((r) => [r.expr, r]))
    expect(byExpr['fd']).toMatchObject({ hits: 1, values: ['3'] })
    expect(byExpr['r.packets']).toMatchObject({ hits: 3, values: ['1', '2', '3'] })
    expect(byExpr['total']).toMatchObject({ hits: 3, values: ['0', '1', '3'] })
    // a lookup of a key that was never written on an ARRAY: 0, and the value zeroed
    expect(byExpr['err']).toMatchObject({ hits: 1, values: ['0'] })
    expect(byExpr['p->bytes']).toMatchObject({ hits: 1, values: ['7'] })
    expect(byExpr['p'].values[0]).toMatch(/^0x[0-9a-f]+ → 'r' \(local in main\)$/)
  })

  it('say why when nothing can be read', () => {
    const src = withProbes([[7, 'struct']]).replace('struct rec r = { 0, 0 };\n//', 'struct rec r = { 0, 0 };\n//')
    const { results } = run(src)
    expect(results).toHaveLength(1)
    expect(results[0]).toMatchObject({ expr: 'struct', hits: 1, values: [], note: "'struct' is not a variable in scope here" })
  })

  it('make the run trap at every statement without pausing it', () => {
    const { pauses, results } = run(withProbes([[10, 'packets']]))
    expect(pauses).toHaveLength(0)
    expect(results[0].hits).toBe(3)
  })
})
