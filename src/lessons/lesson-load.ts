/**
 * Loads a lesson through a file reader: lesson.md, then every step and the code files the
 * steps name. The reader decides where files come from (fetch relative to a URL in the browser,
 * the file system in the CLI), so the same loader serves both and never touches the network or
 * the disk itself. Problems (a missing file, a bad check line) are collected per step, not
 * thrown: the player shows them, `bpfplay lessons --check` fails on them.
 */
import { parseLessonMeta, parseStep, type CodeSource } from './step-parse'
import type { CodeRole, EditorFile, Lesson, LessonIndex, LessonInfo, Step, StepCode } from './types'

/** Reads a file of the lesson folder by name; rejects when it does not exist. */
export type ReadLessonFile = (name: string) => Promise<string>

export const LESSON_ID = /^[a-z0-9][a-z0-9_-]*$/

async function resolve(src: CodeSource, read: ReadLessonFile, problems: string[]): Promise<string | undefined> {
  if ('text' in src) return src.text
  try {
    return await read(src.file)
  } catch (e) {
    problems.push(`cannot read ${src.file}: ${e instanceof Error ? e.message : String(e)}`)
    return undefined
  }
}

export async function loadStep(file: string, read: ReadLessonFile): Promise<Step> {
  let text: string
  try {
    text = await read(file)
  } catch (e) {
    return { file, title: file, explanation: '', code: {}, setup: [], machine: {}, checks: [], problems: [`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`] }
  }
  const p = parseStep(text)
  const problems = [...p.problems]
  const code: Partial<Record<EditorFile, StepCode>> = {}
  for (const [f, roles] of Object.entries(p.code) as [EditorFile, Partial<Record<CodeRole, CodeSource>>][]) {
    const out: StepCode = {}
    for (const [role, src] of Object.entries(roles) as [CodeRole, CodeSource][]) out[role] = await resolve(src, read, problems)
    code[f] = out
  }
  const setup: Step['setup'] = []
  for (const name of p.setup) {
    const t = await resolve({ file: name }, read, problems)
    if (t !== undefined) setup.push({ name, text: t })
  }
  return { file, title: p.title, explanation: p.explanation, code, setup, machine: p.machine, checks: p.checks, problems }
}

/**
 * Loads lesson `id` with base `base` (for messages and links). `steps` comes from the index when
 * the lesson is listed there; a lesson loaded by URL lists its steps in lesson.md.
 */
export async function loadLesson(id: string, base: string, read: ReadLessonFile, stepsFromIndex?: string[]): Promise<Lesson & { problems: string[] }> {
  let metaText = ''
  const problems: string[] = []
  try {
    metaText = await read('lesson.md')
  } catch (e) {
    problems.push(`cannot read lesson.md: ${e instanceof Error ? e.message : String(e)}`)
  }
  const meta = parseLessonMeta(metaText)
  problems.push(...(metaText ? meta.problems : []))
  const steps = meta.steps.length > 0 ? meta.steps : (stepsFromIndex ?? [])
  if (steps.length === 0) problems.push('the lesson has no steps (lesson.md "steps:" lists them when the lesson is not in the index)')
  const loaded: Step[] = []
  for (const s of steps) loaded.push(await loadStep(s, read))
  return { id, base, title: meta.title || id, summary: meta.summary, steps, loaded, problems }
}

/** Checks the shape of a fetched index.json; throws with what is wrong. */
export function parseLessonIndex(text: string): LessonIndex {
  const j = JSON.parse(text) as Partial<LessonIndex>
  if (j.version !== 1 || !Array.isArray(j.lessons)) throw new Error('lessons index: expected {"version": 1, "lessons": [...]}')
  const lessons: LessonInfo[] = j.lessons.map((l, i) => {
    if (typeof l?.id !== 'string' || !LESSON_ID.test(l.id) || typeof l.title !== 'string' || !Array.isArray(l.steps)) {
      throw new Error(`lessons index: entry ${i} needs an id, a title and steps`)
    }
    return { id: l.id, title: l.title, summary: typeof l.summary === 'string' ? l.summary : '', steps: l.steps.filter((s): s is string => typeof s === 'string') }
  })
  return { version: 1, lessons }
}

/** True when a step is run by loading an XDP program (its checks look at packets and the program's maps). */
export function isXdpStep(step: Step): boolean {
  return step.code['xdp_prog.c']?.solution !== undefined || step.checks.some((c) => c.spec.kind === 'xdpLoads' || c.spec.kind === 'xdpAction')
}
