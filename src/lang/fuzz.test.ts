/**
 * Robustness: random token soups and mutated programs (seed programs and the golden tests) go
 * through compile() without an exception and without an "internal compiler error"; whatever
 * compiles must be JavaScript that `new Function` accepts. Deterministic (seeded PRNG).
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compile } from './compile'
import { createPreprocessCache } from './preprocess'
import { seedsDir } from '../../tests/seed-compare.mjs'

function prng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 4294967296
  }
}

const PIECES = [
  'int', 'char', 'long', 'unsigned', 'struct', 'union', 'enum', 'typedef', 'static', 'const', 'void', 'float', 'double',
  'if', 'else', 'while', 'for', 'do', 'switch', 'case', 'default', 'break', 'continue', 'return', 'goto', 'sizeof',
  '__attribute__', '__builtin_offsetof', 'typeof', '_Static_assert', '__sync_fetch_and_add', '__builtin_memcpy',
  '(', ')', '{', '}', '[', ']', ';', ',', '.', '->', '...', '=', '+=', '<<=', '?', ':', '*', '&', '+', '-', '!', '~',
  '/', '%', '<<', '>>', '<', '>', '==', '!=', '&&', '||', '^', '|', '++', '--',
  'x', 'y', 'main', 'f', 's', 'p', 'a', 'b', 'printf', 'NULL', 'T',
  '0', '1', '42', '0x7fffffff', '4294967296', '1.5', "'c'", '"str"', '"%d %s\\n"', '-1',
]

function tokens(src: string): string[] {
  return src.match(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|#[^\n]*|[A-Za-z_]\w*|\d[\w.]*|->|\+\+|--|<<=|>>=|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^]=|\.\.\.|\S/g) ?? []
}

function mutate(src: string, rnd: () => number): string {
  const lines = src.split('\n')
  const head = lines.filter((l) => l.startsWith('#'))
  const toks = tokens(lines.filter((l) => !l.startsWith('#') && !l.startsWith('// expect')).join('\n'))
  const n = 1 + Math.floor(rnd() * 4)
  for (let k = 0; k < n && toks.length; k++) {
    const i = Math.floor(rnd() * toks.length)
    switch (Math.floor(rnd() * 5)) {
      case 0: toks.splice(i, 1); break
      case 1: toks.splice(i, 0, toks[Math.floor(rnd() * toks.length)]); break
      case 2: toks.splice(i, 0, PIECES[Math.floor(rnd() * PIECES.length)]); break
      case 3: {
        const j = Math.floor(rnd() * toks.length)
        ;[toks[i], toks[j]] = [toks[j], toks[i]]
        break
      }
      default: toks.length = i
    }
  }
  return head.join('\n') + '\n' + toks.join(' ') + '\n'
}

function soup(rnd: () => number): string {
  const n = 1 + Math.floor(rnd() * 60)
  const out: string[] = []
  for (let i = 0; i < n; i++) out.push(PIECES[Math.floor(rnd() * PIECES.length)])
  return out.join(rnd() < 0.5 ? ' ' : '\n')
}

// One header cache for the whole run, as a compile worker keeps one.
const cache = createPreprocessCache()

function checkOne(src: string, target: 'user' | 'bpf'): void {
  let r
  try {
    r = compile(src, { filename: 'fuzz.c', target, cache })
  } catch (e) {
    throw new Error(`compile threw on:\n${src}\n${e instanceof Error ? e.stack : e}`)
  }
  const ice = r.diagnostics.find((d) => d.message.startsWith('internal compiler error'))
  if (ice) throw new Error(`${ice.message} on:\n${src}`)
  for (const d of r.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(0)
    expect(typeof d.message).toBe('string')
  }
  if (r.program) {
    try {
      new Function('$env', r.program.code)
    } catch (e) {
      throw new Error(`generated JS does not parse (${e}) for:\n${src}\n--- code ---\n${r.program.code}`)
    }
  }
}

const seedDir = seedsDir + '/'
const goldenDir = join(__dirname, '../../tests/c')
const corpus = [
  ...readdirSync(seedDir).filter((f) => f.endsWith('.c')).map((f) => readFileSync(seedDir + f, 'utf8')),
  ...readdirSync(goldenDir).filter((f) => f.endsWith('.c')).map((f) => readFileSync(join(goldenDir, f), 'utf8')),
]

describe('compile() never throws', () => {
  it('7,000 random token soups', () => {
    const rnd = prng(12345)
    for (let i = 0; i < 7000; i++) checkOne(soup(rnd), i % 2 ? 'user' : 'bpf')
  })

  it('3,000 mutated seed and golden programs', () => {
    const rnd = prng(777)
    for (let i = 0; i < 3000; i++) checkOne(mutate(corpus[i % corpus.length], rnd), i % 3 ? 'user' : 'bpf')
  })
})
