/**
 * The runtime half of inline probes (src/lang/probes.ts): the debugger hands every statement to
 * the watcher, which notices when a probed line has finished (the next statement at the same
 * depth or an outer one starts) and reads the probed expression there, with the C types the
 * debugger decodes. A line run many times (a loop body) keeps its hit count and last values.
 */
import type { ProbeSpec, ProbeStep } from '../lang/probes'
import type { ValueView } from './debug-values'

/** Values kept per probe (the newest). */
const KEEP = 8

export interface ProbeResult {
  probeLine: number
  expr: string
  /** Times the probed line ran to its end. */
  hits: number
  /** The newest values, oldest first. */
  values: string[]
  /** Why there is no value (nothing under the caret, not a variable in scope, ...). */
  note?: string
}

export interface FrameValues {
  locals: ValueView[]
  globals: ValueView[]
}

export class ProbeWatcher {
  private readonly byLine = new Map<number, ProbeSpec[]>()
  private readonly results = new Map<number, ProbeResult>()
  /** The probed line being run: its line and the depth of its frame. */
  private pending: { line: number; depth: number } | null = null

  constructor(specs: ProbeSpec[]) {
    for (const s of specs) {
      this.byLine.set(s.line, [...(this.byLine.get(s.line) ?? []), s])
      this.results.set(s.probeLine, { probeLine: s.probeLine, expr: s.expr, hits: 0, values: [], ...(s.expr ? {} : { note: 'no variable under the caret' }) })
    }
  }

  /** A statement starts (before it runs); `sameLine`: it continues the line of the statement before. */
  onStatement(line: number, depth: number, sameLine: boolean, frame: () => FrameValues): void {
    const p = this.pending
    if (p !== null && depth <= p.depth && !(sameLine && depth === p.depth && line === p.line)) {
      this.pending = null
      // back in the probed line's own frame: read there; its function returned: nothing to read
      if (depth === p.depth) this.read(p.line, frame())
    }
    if (!sameLine && this.byLine.has(line)) this.pending = { line, depth }
  }

  /** Results by probe line, oldest line first. */
  snapshot(): ProbeResult[] {
    return [...this.results.values()].map((r) => ({ ...r, values: [...r.values] }))
  }

  private read(line: number, frame: FrameValues): void {
    for (const spec of this.byLine.get(line) ?? []) {
      if (!spec.expr) continue
      const r = this.results.get(spec.probeLine)!
      const v = resolve(spec.path, frame)
      r.hits++
      if (typeof v === 'string') {
        r.note = v
        continue
      }
      delete r.note
      r.values.push(v.note && v.note !== 'NULL' ? `${v.value} ${v.note}` : v.value)
      if (r.values.length > KEEP) r.values.shift()
    }
  }
}

/** The value a probe path names in a frame, or why there is none. */
function resolve(path: ProbeStep[], frame: FrameValues): ValueView | string {
  const [head, ...rest] = path
  if (head?.k !== 'var') return 'no variable under the caret'
  let v: ValueView | undefined = [...frame.locals].reverse().find((x) => x.name === head.name) ?? frame.globals.find((x) => x.name === head.name)
  if (!v) return `'${head.name}' is not a variable in scope here`
  for (const step of rest) {
    if (step.k === 'index') v = v.children?.find((c) => c.name === `[${step.index}]`)
    else if (step.k === 'field') {
      const holder: ValueView | undefined = step.arrow ? v.children?.find((c) => c.name === '*') : v
      if (step.arrow && !holder) return `${v.name} does not point into this process's memory (${v.value})`
      v = holder?.children?.find((c) => c.name === step.name)
    } else return 'not a member access'
    if (!v) return 'not readable here'
  }
  return v
}
