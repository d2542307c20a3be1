/**
 * Golden regression files: tests/conformance/golden/*.jsonl. Each holds one op sequence with
 * the results the real kernel gave, so the simulator can be checked on any machine, without
 * bpf(). Format (JSON lines; blank lines and lines starting with '#' are comments):
 *   {"meta":{"possible_cpus":2,"kernel":"6.18.44","libbpf":"1.1.2","about":"..."}}
 *   {"op":"create",...,"expect":{"ret":3}}
 *   ...
 * `npx tsx scripts/conformance.ts --record <file>` (re)records the expectations from the kernel.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { canonical, type Op, type Result } from './ops'

export const GOLDEN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'golden')

export interface GoldenMeta {
  possible_cpus: number
  kernel?: string
  libbpf?: string
  about?: string
}

export interface Golden {
  path: string
  meta: GoldenMeta
  ops: Op[]
  /** Kernel results, one per op (undefined when not recorded yet). */
  expect: (Result | undefined)[]
  /** The file's lines, for rewriting it with comments kept in place. */
  lines: string[]
}

export function goldenPaths(dir = GOLDEN_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f))
}

export function loadGolden(path: string): Golden {
  const lines = readFileSync(path, 'utf8').split('\n')
  let meta: GoldenMeta | null = null
  const ops: Op[] = []
  const expect: (Result | undefined)[] = []
  lines.forEach((line, i) => {
    const t = line.trim()
    if (t === '' || t.startsWith('#')) return
    let obj: Record<string, unknown>
    try {
      obj = JSON.parse(t) as Record<string, unknown>
    } catch (e) {
      throw new Error(`${path}:${i + 1}: ${(e as Error).message}`)
    }
    if (obj.meta) {
      meta = obj.meta as GoldenMeta
      return
    }
    const { expect: exp, ...op } = obj
    ops.push(op as unknown as Op)
    expect.push(exp as Result | undefined)
  })
  if (!meta) throw new Error(`${path}: no {"meta":...} line`)
  return { path, meta, ops, expect, lines }
}

/** Rewrites a golden file with new kernel results, keeping comments and op lines' order. */
export function writeGolden(g: Golden, meta: GoldenMeta, results: Result[]): void {
  let k = 0
  const out = g.lines.map((line) => {
    const t = line.trim()
    if (t === '' || t.startsWith('#')) return line
    const obj = JSON.parse(t) as Record<string, unknown>
    if (obj.meta) return JSON.stringify({ meta: { ...(obj.meta as object), ...meta } })
    const { expect: _old, ...op } = obj
    return JSON.stringify({ ...op, expect: JSON.parse(canonical(results[k++])) })
  })
  writeFileSync(g.path, out.join('\n').replace(/\n*$/, '\n'))
}
