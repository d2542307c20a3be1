/**
 * The debug information codegen leaves beside the JavaScript: frame layouts (always, for the
 * ASan checks), frame records only where they are needed, and with hooks: 'statements' the
 * variables visible at each hook, C block scopes included.
 */
import { describe, expect, it } from 'vitest'
import { compile } from './compile'
import type { Program } from './api'

const SRC = `struct pair { int a; long b; };
static int leaf(int x) { return x + 1; }
int main(void) {
  int n = 3;
  struct pair p = { 1, 2 };
  int *q = &n;
  {
    int inner = leaf(n);
    n = inner;
  }
  for (int i = 0; i < n; i++) n--;
  return p.a + *q;
}
`

function build(hooks: 'loops' | 'statements', target: 'user' | 'bpf' = 'user'): Program {
  const r = compile(SRC, { filename: 'd.c', target, hooks })
  if (!r.program) throw new Error(r.diagnostics.map((d) => d.message).join('\n'))
  return r.program
}

const names = (p: Program, fid: number, scope: number[]) => scope.map((i) => p.debug!.functions[fid].vars[i].name)

describe('debug info', () => {
  it('lays out every memory variable of a frame, with its type and size', () => {
    const p = build('loops')
    const main = p.debug!.functions.find((f) => f.name === 'main')!
    const byName = Object.fromEntries(main.vars.map((v) => [v.name, v]))
    expect(byName.p).toMatchObject({ reg: false, size: 16, type: { kind: 'struct', name: 'struct pair' } })
    expect(byName.n).toMatchObject({ reg: false, size: 4 }) // its address is taken
    expect(byName.q).toMatchObject({ reg: true, off: -1, type: { kind: 'pointer' } })
    expect(main.frameSize).toBeGreaterThanOrEqual(byName.p.off + 16)
    expect(main.jsName).toBe('f_main')
    // no scopes without stepping
    expect(p.debug!.scopes).toEqual([])
  })

  it('pushes frame records for user functions with a memory frame only, and never in BPF programs', () => {
    const plain = build('loops')
    const leaf = plain.code.slice(plain.code.indexOf('function f_leaf'), plain.code.indexOf('function f_main'))
    expect(leaf).not.toContain('$fr')
    expect(plain.code).toMatch(/\$fr\[\$fi\] = 1; \$fr\[\$fi \+ 1\] = \$fp;/)
    const stepping = build('statements')
    expect(stepping.code.slice(stepping.code.indexOf('function f_leaf'), stepping.code.indexOf('function f_main'))).toContain('$fr[$fi + 1] = 0;')
    const bpf = compile('int f(void) { int a[4] = {0}; return a[1]; }\n', { filename: 'b.c', target: 'bpf' }).program!
    expect(bpf.code).not.toContain('$fr')
  })

  it('gives each hook the variables in scope, register values as trap arguments', () => {
    const p = build('statements')
    const dbg = p.debug!
    const main = dbg.functions.findIndex((f) => f.name === 'main')
    const at = (line: number) => {
      const sid = p.statements.findIndex((s) => s.line === line)
      return names(p, main, dbg.scopes[dbg.sidScopes[sid]].vars)
    }
    expect(at(4)).toEqual([])
    expect(at(5)).toEqual(['n'])
    expect(at(9)).toEqual(['n', 'p', 'q', 'inner'])
    // the block's variable is gone after the block; the for's own variable only inside it
    expect(at(12)).toEqual(['n', 'p', 'q'])
    expect(p.code).toMatch(/\$trap\(\d+, \d+, \[v\d+_q, v\d+_inner\]\);/)
  })
})
