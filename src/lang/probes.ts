/**
 * Inline probes, as in the TypeScript playground: a comment line `// ^?` whose caret sits under
 * an expression of the code line above asks for that expression's value. Here it is the value
 * at that point of the last run (src/runtime/probes.ts records it; the editor shows it at the
 * end of the comment line).
 *
 * The expression is the variable under the caret, with the member accesses that lead to it:
 * under `rx_packets` in `rec->rx_packets += 1` it is `rec->rx_packets`, under `rec` just
 * `rec`. Constant array indexes are followed too (`vals[2].count`). Stacked `// ^?` lines all
 * probe the code line above the stack.
 */

export type ProbeStep = { k: 'var'; name: string } | { k: 'field'; name: string; arrow: boolean } | { k: 'index'; index: number }

export interface ProbeSpec {
  /** The `// ^?` comment's line (1-based). */
  probeLine: number
  /** The probed code line and the caret's column on it (1-based). */
  line: number
  col: number
  /** The expression as written ("rec->rx_packets"), or '' when nothing is under the caret. */
  expr: string
  path: ProbeStep[]
}

const PROBE = /^(\s*)\/\/\s*\^\?\s*$/
const IDENT = /[A-Za-z0-9_]/

export function findProbes(source: string): ProbeSpec[] {
  const lines = source.split('\n')
  const out: ProbeSpec[] = []
  let target = -1 // index of the code line the current stack of probes is under
  lines.forEach((text, i) => {
    const m = PROBE.exec(text.replace(/\r$/, ''))
    if (!m) {
      target = i
      return
    }
    if (target < 0) return
    const caret = text.indexOf('^')
    const found = expressionAt(lines[target], caret)
    out.push({ probeLine: i + 1, line: target + 1, col: caret + 1, expr: found?.expr ?? '', path: found?.path ?? [] })
  })
  return out
}

/** The identifier at `col` (0-based) of `line` and the member chain before it. */
function expressionAt(line: string, col: number): { expr: string; path: ProbeStep[] } | null {
  if (col >= line.length || !IDENT.test(line[col])) return null
  let start = col
  while (start > 0 && IDENT.test(line[start - 1])) start--
  let end = col + 1
  while (end < line.length && IDENT.test(line[end])) end++
  const last = line.slice(start, end)
  if (/^\d/.test(last)) return null
  const steps: ProbeStep[] = []
  let name = last
  let at = start
  // walk left over `.name`, `->name` and `[N]`
  for (;;) {
    let j = skipSpaceLeft(line, at)
    if (line[j - 1] === '.' && line[j - 2] !== '.') {
      steps.unshift({ k: 'field', name, arrow: false })
      j -= 1
    } else if (line[j - 1] === '>' && line[j - 2] === '-') {
      steps.unshift({ k: 'field', name, arrow: true })
      j -= 2
    } else break
    j = skipSpaceLeft(line, j)
    // what the member applies to: an identifier, possibly indexed by constants
    const indexes: number[] = []
    while (line[j - 1] === ']') {
      const open = line.lastIndexOf('[', j - 1)
      const inner = line.slice(open + 1, j - 1).trim()
      if (open < 0 || !/^\d+$/.test(inner)) return { expr: last, path: [{ k: 'var', name: last }] }
      indexes.unshift(Number(inner))
      j = skipSpaceLeft(line, open)
    }
    let s = j
    while (s > 0 && IDENT.test(line[s - 1])) s--
    if (s === j || /^\d/.test(line.slice(s, j))) return { expr: last, path: [{ k: 'var', name: last }] }
    for (let n = indexes.length - 1; n >= 0; n--) steps.unshift({ k: 'index', index: indexes[n] })
    name = line.slice(s, j)
    at = s
  }
  steps.unshift({ k: 'var', name })
  return { expr: line.slice(at, end).replace(/\s+/g, ''), path: steps }
}

function skipSpaceLeft(line: string, at: number): number {
  while (at > 0 && (line[at - 1] === ' ' || line[at - 1] === '\t')) at--
  return at
}
