/**
 * `bpfplay lessons`: the lessons in public/lessons, headless.
 *
 *   bpfplay lessons            list them
 *   bpfplay lessons --check    run every step: the reference solution must pass all its checks,
 *                              the starter must fail at least one; one line per step, then
 *                              "K/N lessons pass"; exit 1 when any fails (or index.json is stale)
 *   bpfplay lessons --index    write public/lessons/index.json from the lesson folders
 *
 * Options: --dir DIR (the lessons folder), and lesson ids to limit --check to some lessons.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkLesson, type StepRunners } from '../lessons/check-lesson'
import { LESSON_ID, loadLesson } from '../lessons/lesson-load'
import { runUserStep } from '../lessons/run-user'
import { runXdpStep, XDP_STEP_DEFAULTS } from '../lessons/run-xdp'
import { parseLessonMeta, stepFilesOf } from '../lessons/step-parse'
import type { LessonIndex } from '../lessons/types'
import { parseLessonsArgs } from './lessons-args'

function lessonsDir(dir?: string): string | null {
  const candidates = dir ? [resolve(dir)] : [resolve('public/lessons'), fileURLToPath(new URL('../public/lessons/', import.meta.url)), fileURLToPath(new URL('../../public/lessons/', import.meta.url))]
  return candidates.find((d) => existsSync(d) && statSync(d).isDirectory()) ?? null
}

/** The index as the folders describe it: every subfolder with a lesson.md, by "order:" then id. */
export function buildIndex(dir: string): LessonIndex {
  const lessons = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && LESSON_ID.test(e.name) && existsSync(join(dir, e.name, 'lesson.md')))
    .map((e) => {
      const meta = parseLessonMeta(readFileSync(join(dir, e.name, 'lesson.md'), 'utf8'))
      const steps = meta.steps.length ? meta.steps : stepFilesOf(readdirSync(join(dir, e.name)))
      return { order: meta.order, info: { id: e.name, title: meta.title || e.name, summary: meta.summary, steps } }
    })
    .sort((a, b) => a.order - b.order || a.info.id.localeCompare(b.info.id))
  return { version: 1, lessons: lessons.map((l) => l.info) }
}

function indexText(index: LessonIndex): string {
  return JSON.stringify(index, null, 2) + '\n'
}

const runners: StepRunners = {
  user: (userText, setup, cpus, seed) => runUserStep(userText, setup, { cpus, seed }),
  xdp: (xdpText, userText, setup, step) =>
    runXdpStep(xdpText, userText, setup, {
      cpus: step.machine.cpus ?? XDP_STEP_DEFAULTS.cpus,
      seed: step.machine.seed ?? XDP_STEP_DEFAULTS.seed,
      traffic: step.machine.traffic ?? XDP_STEP_DEFAULTS.traffic,
      packets: step.machine.packets ?? XDP_STEP_DEFAULTS.packets,
    }),
}

export async function runLessonsCommand(argv: string[]): Promise<number> {
  const o = parseLessonsArgs(argv)
  if (typeof o === 'string') {
    process.stderr.write(`bpfplay lessons: ${o}\n`)
    return 2
  }
  const dir = lessonsDir(o.dir)
  if (!dir) {
    process.stderr.write(`bpfplay lessons: no lessons folder (${o.dir ?? 'public/lessons'})\n`)
    return 1
  }
  const index = buildIndex(dir)
  const indexFile = join(dir, 'index.json')
  if (o.mode === 'index') {
    writeFileSync(indexFile, indexText(index))
    process.stdout.write(`wrote ${indexFile}: ${index.lessons.length} lessons\n`)
    return 0
  }
  if (o.mode === 'list') {
    for (const l of index.lessons) process.stdout.write(`${l.id.padEnd(22)} ${String(l.steps.length).padStart(2)} steps  ${l.title}\n`)
    return 0
  }
  const unknown = o.ids.filter((id) => !index.lessons.some((l) => l.id === id))
  if (unknown.length) {
    process.stderr.write(`bpfplay lessons: no lesson ${unknown.join(', ')}\n`)
    return 2
  }
  const chosen = o.ids.length ? index.lessons.filter((l) => o.ids.includes(l.id)) : index.lessons
  let passed = 0
  for (const info of chosen) {
    const folder = join(dir, info.id)
    const lesson = await loadLesson(info.id, folder, async (name) => readFileSync(join(folder, name), 'utf8'), info.steps)
    const v = checkLesson(lesson, runners)
    for (const p of v.problems) process.stdout.write(`FAIL ${info.id}: ${p}\n`)
    for (const s of v.steps) process.stdout.write(`${s.ok ? 'ok  ' : 'FAIL'} ${info.id}/${s.file}: ${s.summary}\n`)
    if (v.ok) passed++
  }
  let stale = false
  if (o.ids.length === 0) {
    const current = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : ''
    stale = current !== indexText(index)
    if (stale) process.stdout.write(`FAIL ${indexFile} is out of date: run \`npx bpfplay lessons --index\`\n`)
  }
  process.stdout.write(`${passed}/${chosen.length} lessons pass\n`)
  return passed === chosen.length && !stale ? 0 : 1
}
