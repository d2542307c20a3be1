// How a run of a seed program is compared with the real kernel's recorded output, per
// ../shared/conformance/README.md and manifest.json (exact, sorted, batch_subset, alternatives).
// Shared by the in-process golden test and the CLI conformance script.
import { readFileSync, existsSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

export const seedsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'conformance', 'seeds')

export function seedsAvailable() {
  return existsSync(join(seedsDir, 'manifest.json'))
}

export function loadManifest() {
  return JSON.parse(readFileSync(join(seedsDir, 'manifest.json'), 'utf8')).programs
}

function expected(name) {
  const read = (ext) => readFileSync(join(seedsDir, `${name}.${ext}`), 'utf8')
  return { out: read('out'), err: read('err'), rc: Number(read('rc').trim() || 0) }
}

/**
 * Compares one run ({out, err, rc}) of seed `entry` with what the kernel printed.
 * `afterPin` says the program ran after 10-pin on the same kernel (11-get then must find the map).
 * Returns null when it matches, else a description of the difference.
 */
export function compareSeed(entry, run, { afterPin = false } = {}) {
  const name = entry.name
  const mode = entry.compare ?? 'exact'
  if (mode === 'sorted') {
    const e = expected(name)
    const sort = (s) => s.split('\n').filter(Boolean).sort().join('\n')
    if (sort(run.out) !== sort(e.out) || run.err !== e.err || run.rc !== e.rc) return diff(e, run)
    return null
  }
  if (mode === 'batch_subset') {
    const e = expected(name)
    const lines = run.out.split('\n')
    if (lines.at(-1) === '') lines.pop()
    const n = entry.prefix_lines ?? 10
    const head = lines.slice(0, n).join('\n')
    const items = lines.slice(n)
    if (head !== e.out.split('\n').slice(0, n).join('\n')) return `first ${n} lines differ:\n${head}`
    if (new Set(items).size !== items.length) return `duplicate batch items:\n${items.join('\n')}`
    const bad = items.filter((i) => !entry.allowed.includes(i))
    if (bad.length) return `unexpected lines:\n${bad.join('\n')}`
    const ok = entry.outcomes.some((o) => o.stderr === run.err && o.rc === run.rc && items.length >= o.items[0] && items.length <= o.items[1])
    return ok ? null : `outcome not allowed: ${items.length} items, stderr ${JSON.stringify(run.err)}, rc ${run.rc}`
  }
  const names = afterPin ? [name] : [name, ...(entry.alternatives ?? [])]
  for (const alt of names) {
    const e = expected(alt)
    if (run.out === e.out && run.err === e.err && run.rc === e.rc) return null
  }
  return diff(expected(names[names.length - 1]), run)
}

function diff(e, run) {
  return `expected rc ${e.rc}, stdout:\n${e.out}stderr:\n${e.err}\n--- got rc ${run.rc}, stdout:\n${run.out}stderr:\n${run.err}`
}
