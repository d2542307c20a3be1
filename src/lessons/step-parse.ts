/**
 * Reads the text of a step file (and of a lesson.md) into its parts, without fetching anything:
 * front matter (`key: value` lines between `---`), the title (front matter or the first `#`
 * heading), code given inline as fenced blocks (```c user.c starter), the "## Checks" list and
 * the explanation that is left. Code named by file in the front matter is resolved later by
 * lesson-load.ts, which knows where the lesson lives.
 */
import { CheckSyntaxError, parseCheck } from './checks-parse'
import { EDITOR_FILES, type Check, type CodeRole, type EditorFile, type StepMachine } from './types'

export interface FrontMatter {
  fields: Map<string, string>
  body: string
  problems: string[]
}

/** `---` / `key: value` lines / `---` at the very top; keys are lower-cased, `#` lines are comments. */
export function splitFrontMatter(text: string): FrontMatter {
  const fields = new Map<string, string>()
  const problems: string[] = []
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  if (!src.startsWith('---\n')) return { fields, body: src, problems }
  const end = src.indexOf('\n---', 3)
  if (end < 0) return { fields, body: src, problems: ['the front matter has no closing ---'] }
  const head = src.slice(4, end)
  const after = src.indexOf('\n', end + 4)
  const body = after < 0 ? '' : src.slice(after + 1)
  for (const raw of head.split('\n')) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const colon = line.indexOf(':')
    if (colon <= 0) {
      problems.push(`front matter line "${line}" is not "key: value"`)
      continue
    }
    const key = line.slice(0, colon).trim().toLowerCase().replace(/\s+/g, ' ')
    let value = line.slice(colon + 1).trim()
    if (/^".*"$/.test(value) || /^'.*'$/.test(value)) value = value.slice(1, -1)
    fields.set(key, value)
  }
  return { fields, body, problems }
}

/** A code file named in the front matter, or the code itself from a fenced block. */
export type CodeSource = { file: string } | { text: string }

export interface ParsedStep {
  title: string
  explanation: string
  code: Partial<Record<EditorFile, Partial<Record<CodeRole, CodeSource>>>>
  setup: string[]
  machine: StepMachine
  checks: Check[]
  problems: string[]
}

const SAFE_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

function listOf(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean)
}

function intField(fields: Map<string, string>, key: string, min: number, max: number, problems: string[]): number | undefined {
  const v = fields.get(key)
  if (v === undefined) return undefined
  const n = Number(v)
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${key}: "${v}" is not a whole number from ${min} to ${max}`)
    return undefined
  }
  return n
}

const FENCE_INFO = /^(?:c\s+)?(user\.c|xdp_prog\.c)\s+(starter|solution)\s*$/

export function parseStep(text: string): ParsedStep {
  const fm = splitFrontMatter(text)
  const problems = [...fm.problems]
  const code: ParsedStep['code'] = {}
  const setCode = (file: EditorFile, role: CodeRole, src: CodeSource) => {
    const slot = (code[file] ??= {})
    if (slot[role]) problems.push(`${file} ${role} is given twice`)
    slot[role] = src
  }

  for (const [key, value] of fm.fields) {
    const m = /^(user\.c|xdp_prog\.c)(?: (starter|solution))?$/.exec(key)
    if (m) {
      if (!SAFE_FILE.test(value)) {
        problems.push(`${key}: "${value}" must be a file name in the lesson folder (letters, digits, . _ -)`)
        continue
      }
      const roles: CodeRole[] = m[2] ? [m[2] as CodeRole] : ['starter', 'solution']
      for (const r of roles) setCode(m[1] as EditorFile, r, { file: value })
    } else if (!['title', 'setup', 'cpus', 'seed', 'traffic', 'packets'].includes(key)) {
      problems.push(`unknown front matter key "${key}"`)
    }
  }
  const setup = listOf(fm.fields.get('setup') ?? '')
  for (const s of setup) if (!SAFE_FILE.test(s)) problems.push(`setup: "${s}" must be a file name in the lesson folder`)
  const machine: StepMachine = {
    cpus: intField(fm.fields, 'cpus', 1, 64, problems),
    seed: intField(fm.fields, 'seed', 0, 0xffffffff, problems),
    packets: intField(fm.fields, 'packets', 1, 100000, problems),
    traffic: fm.fields.get('traffic'),
  }

  let title = fm.fields.get('title') ?? ''
  const explanation: string[] = []
  const checks: Check[] = []
  let fence: { marker: string; target: { file: EditorFile; role: CodeRole } | null; lines: string[] } | null = null
  let checksLevel = 0
  for (const line of fm.body.split('\n')) {
    if (fence) {
      if (line.trim().startsWith(fence.marker) && line.trim().replace(/[`~]/g, '') === '') {
        if (fence.target) setCode(fence.target.file, fence.target.role, { text: fence.lines.join('\n') + '\n' })
        else explanation.push(...fence.lines, line)
        fence = null
      } else {
        fence.lines.push(line)
      }
      continue
    }
    const open = /^\s*(```+|~~~+)\s*(.*)$/.exec(line)
    if (open) {
      const info = FENCE_INFO.exec(open[2])
      fence = { marker: open[1], target: info ? { file: info[1] as EditorFile, role: info[2] as CodeRole } : null, lines: [] }
      if (!info) explanation.push(line)
      if (checksLevel) problems.push('a code block inside the Checks section')
      continue
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line)
    if (heading) {
      const level = heading[1].length
      if (checksLevel && level <= checksLevel) checksLevel = 0
      if (level === 1 && !title) {
        title = heading[2]
        continue
      }
      if (level <= 3 && /^checks$/i.test(heading[2])) {
        checksLevel = level
        continue
      }
    }
    if (checksLevel) {
      const item = /^\s*[-*]\s+(.*)$/.exec(line)
      if (item) {
        try {
          checks.push({ text: item[1].trim(), spec: parseCheck(item[1]) })
        } catch (e) {
          if (!(e instanceof CheckSyntaxError)) throw e
          problems.push(`check "${item[1].trim()}": ${e.message}`)
        }
      } else if (line.trim() !== '' && !line.trim().startsWith('<!--')) {
        problems.push(`only "- check" lines belong in the Checks section, not "${line.trim()}"`)
      }
      continue
    }
    explanation.push(line)
  }
  if (fence) problems.push('a code block is not closed')
  if (!title) problems.push('the step has no title (front matter "title:" or a "# Title" line)')
  if (checks.length > 0) {
    const files = EDITOR_FILES.filter((f) => code[f])
    if (files.length === 0) problems.push('a step with checks needs code: user.c and/or xdp_prog.c, with a starter and a solution')
    for (const f of files) {
      if (!code[f]!.starter) problems.push(`${f} has a solution but no starter`)
      if (!code[f]!.solution) problems.push(`${f} has a starter but no solution`)
    }
  }
  return { title, explanation: explanation.join('\n').trim() + '\n', code, setup, machine, checks, problems }
}

export interface ParsedLessonMeta {
  title: string
  summary: string
  /** Step files listed in lesson.md (required for lessons loaded by URL; else the folder's NN-*.md). */
  steps: string[]
  /** Place in the lessons index (lesson.md "order:"), lowest first. */
  order: number
  intro: string
  problems: string[]
}

export function parseLessonMeta(text: string): ParsedLessonMeta {
  const fm = splitFrontMatter(text)
  const problems = [...fm.problems]
  for (const key of fm.fields.keys()) if (!['title', 'summary', 'steps', 'order'].includes(key)) problems.push(`unknown lesson.md key "${key}"`)
  const title = fm.fields.get('title') ?? ''
  if (!title) problems.push('lesson.md has no title')
  const steps = listOf(fm.fields.get('steps') ?? '')
  for (const s of steps) if (!SAFE_FILE.test(s) || !s.endsWith('.md')) problems.push(`steps: "${s}" must be a .md file name in the lesson folder`)
  const order = Number(fm.fields.get('order') ?? 1000)
  if (!Number.isFinite(order)) problems.push(`order: "${fm.fields.get('order')}" is not a number`)
  return { title, summary: fm.fields.get('summary') ?? '', steps, order: Number.isFinite(order) ? order : 1000, intro: fm.body.trim(), problems }
}

/** Step files of a folder listing: `NN-name.md`, in order. */
export function stepFilesOf(names: string[]): string[] {
  return names.filter((n) => /^\d+-[A-Za-z0-9._-]*\.md$/.test(n)).sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b))
}
