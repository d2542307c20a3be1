import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createPreprocessCache, preprocess, type PreprocessOptions } from './preprocess'

const repo = join(import.meta.dirname, '..', '..')
const programs = ['tests/golden', 'tests/c', 'public/examples/seeds', 'public/examples/demos', 'src/xdp/fixtures'].flatMap((dir) =>
  readdirSync(join(repo, dir))
    .filter((f) => f.endsWith('.c'))
    .map((f) => join(dir, f)),
)

function run(text: string, opts: PreprocessOptions) {
  const r = preprocess({ name: 'main.c', text }, opts)
  return {
    tokens: r.tokens.map((t) => `${t.file}:${t.line}:${t.col}:${t.kind}:${t.text}${t.spaceBefore ? ' ' : ''}${t.expandedFrom ? `<${t.expandedFrom.line}:${t.expandedFrom.col}` : ''}`),
    diagnostics: r.diagnostics,
    includes: r.includes,
  }
}

describe('the include-prefix cache', () => {
  it.each(programs)('%s: the same tokens whether the prefix state is computed, saved or restored', (file) => {
    const text = readFileSync(join(repo, file), 'utf8')
    const target = /SEC\("xdp/.test(text) ? 'bpf' : 'user'
    const cache = createPreprocessCache()
    const plain = run(text, { target })
    expect(run(text, { target, cache })).toEqual(plain) // computes and saves
    expect(run(text, { target, cache })).toEqual(plain) // restores
  })

  it('a program that redefines header macros does not change them for the next program', () => {
    const cache = createPreprocessCache()
    const head = '#include <linux/bpf.h>\n#include <stdio.h>\n'
    const first = run(head + '#undef BPF_ANY\n#define EOF 7\nint a = EOF;\n', { target: 'user', cache })
    expect(first.tokens.at(-3)).toContain(':number:7')
    const second = run(head + 'int b = EOF; int c = BPF_ANY;\n', { target: 'user', cache })
    expect(second).toEqual(run(head + 'int b = EOF; int c = BPF_ANY;\n', { target: 'user' }))
    expect(second.tokens.join(' ')).toContain(':-') // EOF is (-1) again
  })

  it('keys the saved state by target and -D definitions (one cache serves user and BPF compiles)', () => {
    const cache = createPreprocessCache()
    const text = '#include <stdio.h>\nint v = __bpf__ + FOO;\n'
    const a = run(text, { target: 'user', cache, defines: { FOO: '1' } })
    const b = run(text, { target: 'bpf', cache, defines: { FOO: '2' } })
    expect(a).toEqual(run(text, { target: 'user', defines: { FOO: '1' } }))
    expect(b).toEqual(run(text, { target: 'bpf', defines: { FOO: '2' } }))
    expect(a.tokens).not.toEqual(b.tokens)
  })

  it('a missing header is reported every time, never cached', () => {
    const cache = createPreprocessCache()
    for (let i = 0; i < 2; i++) {
      const r = run('#include <no/such.h>\nint x;\n', { target: 'user', cache })
      expect(r.diagnostics.map((d) => d.message)).toEqual(['no/such.h: No such file or directory'])
    }
    expect(cache.prefixes!.size).toBe(0)
  })
})
