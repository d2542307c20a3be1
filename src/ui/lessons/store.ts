/**
 * The lesson player's state: the lessons index, the open lesson and step, the last check's
 * results, and what this browser has passed (progress.ts). Lessons are fetched relative to the
 * page (lessons/<id>/...) or from the URL given in ?lesson=, and parsed by src/lessons, the
 * same code `bpfplay lessons --check` uses.
 */
import { create } from 'zustand'
import { allPass, evaluateChecks } from '../../lessons/checks-eval'
import { loadLesson, parseLessonIndex } from '../../lessons/lesson-load'
import type { CheckResult, CodeRole, Lesson, LessonIndex, Step } from '../../lessons/types'
import { useConsole } from '../console/store'
import type { FileName } from '../workspace/files'
import { useWorkspace } from '../workspace/store'
import { runStepCheck } from './check-run'
import { loadProgress, saveProgress, type ProgressBook } from './progress'
import { lessonHref, resolveLesson } from './url'

export type LoadedLesson = Lesson & { problems: string[]; param: string }

export interface StepResults {
  /** Step file the results are for. */
  file: string
  results: CheckResult[]
}

interface LessonsState {
  /** The panel is shown. */
  open: boolean
  /** Embedded in another page: one step, minimal chrome, nothing saved. */
  embed: boolean
  index: LessonIndex | null
  indexError: string | null
  lesson: LoadedLesson | null
  loading: boolean
  error: string | null
  /** 0-based step of the open lesson. */
  step: number
  checking: boolean
  results: StepResults | null
  /** A message in place of results (a run that could not be made). */
  notice: { file: string; tone: 'info' | 'error'; text: string } | null
  /** Which code was last put in the editors, for the buttons' state. */
  loaded: { file: string; role: CodeRole } | null
  progress: ProgressBook
  setOpen(open: boolean): void
  setEmbed(embed: boolean): void
  loadIndex(): Promise<void>
  openLesson(param: string, step?: number, loadStarter?: boolean): Promise<void>
  closeLesson(): void
  goto(step: number): void
  loadCode(role: CodeRole): void
  check(): Promise<void>
}

const lessonsBase = () => new URL('lessons/', document.baseURI)

async function fetchText(url: URL): Promise<string> {
  const r = await fetch(url, { credentials: 'omit' })
  if (!r.ok) throw new Error(`HTTP ${r.status}`)
  return r.text()
}

let indexPromise: Promise<LessonIndex> | null = null

function fetchIndex(): Promise<LessonIndex> {
  indexPromise ??= fetchText(new URL('index.json', lessonsBase()))
    .then(parseLessonIndex)
    .catch((e: unknown) => {
      indexPromise = null
      throw e
    })
  return indexPromise
}

export function currentStep(s: Pick<LessonsState, 'lesson' | 'step'>): Step | null {
  return s.lesson?.loaded[s.step] ?? null
}

export const useLessons = create<LessonsState>()((set, get) => {
  const remember = (lessonId: string, change: (p: { step: number; passed: string[] }) => { step: number; passed: string[] }) => {
    const book = { ...get().progress }
    book[lessonId] = change(book[lessonId] ?? { step: 0, passed: [] })
    set({ progress: book })
    if (!get().embed) saveProgress(book)
  }
  const syncAddress = () => {
    const { lesson, step, embed } = get()
    if (embed) return
    history.replaceState(history.state, '', lessonHref(lesson?.param ?? null, step + 1))
  }

  return {
    open: false,
    embed: false,
    index: null,
    indexError: null,
    lesson: null,
    loading: false,
    error: null,
    step: 0,
    checking: false,
    results: null,
    notice: null,
    loaded: null,
    progress: loadProgress(),

    setOpen: (open) => {
      set({ open })
      if (open) void get().loadIndex()
    },
    setEmbed: (embed) => set({ embed, progress: embed ? {} : get().progress }),

    async loadIndex() {
      if (get().index) return
      try {
        set({ index: await fetchIndex(), indexError: null })
      } catch (e) {
        set({ indexError: e instanceof Error ? e.message : String(e) })
      }
    },

    async openLesson(param, step, loadStarter = false) {
      const where = resolveLesson(param)
      set({ open: true, loading: true, error: null, results: null, notice: null, loaded: null })
      if (!where) {
        set({ loading: false, error: `“${param}” is neither a lesson id nor an http(s) URL of a lesson folder` })
        return
      }
      try {
        let steps: string[] | undefined
        if (where.local) {
          const index = await fetchIndex().catch(() => null)
          if (index) set({ index })
          steps = index?.lessons.find((l) => l.id === where.id)?.steps
        }
        const lesson = await loadLesson(where.id, where.base, (name) => fetchText(new URL(name, where.base)), steps)
        if (lesson.loaded.length === 0) throw new Error(lesson.problems[0] ?? 'the lesson has no steps')
        const saved = get().progress[lesson.id]?.step ?? 0
        const at = Math.min(lesson.loaded.length - 1, Math.max(0, step !== undefined ? step : saved))
        set({ lesson: { ...lesson, param }, step: at, loading: false })
        remember(lesson.id, (p) => ({ ...p, step: at }))
        syncAddress()
        if (loadStarter) get().loadCode('starter')
      } catch (e) {
        set({ loading: false, error: `Could not open the lesson ${where.local ? `“${where.id}”` : where.base}: ${e instanceof Error ? e.message : String(e)}` })
      }
    },

    closeLesson() {
      set({ lesson: null, step: 0, results: null, notice: null, loaded: null, error: null })
      syncAddress()
      void get().loadIndex()
    },

    goto(step) {
      const { lesson } = get()
      if (!lesson) return
      const at = Math.min(lesson.loaded.length - 1, Math.max(0, step))
      set({ step: at, results: null, notice: null, loaded: null })
      remember(lesson.id, (p) => ({ ...p, step: at }))
      syncAddress()
    },

    loadCode(role) {
      const step = currentStep(get())
      if (!step) return
      const files: Partial<Record<FileName, string>> = {}
      for (const f of ['user.c', 'xdp_prog.c'] as const) {
        const text = step.code[f]?.[role]
        if (text !== undefined) files[f] = text
      }
      if (Object.keys(files).length === 0) return
      const ws = useWorkspace.getState()
      ws.replaceFiles(files, null)
      if (files['user.c'] === undefined) ws.setActive('xdp_prog.c')
      const { cpus, seed } = step.machine
      if (cpus !== undefined || seed !== undefined) ws.setSettings({ ...(cpus !== undefined ? { cpus } : {}), ...(seed !== undefined ? { seed } : {}) })
      set({ loaded: { file: step.file, role }, results: null, notice: null })
    },

    async check() {
      const { lesson } = get()
      const step = currentStep(get())
      if (!lesson || !step || get().checking || step.checks.length === 0) return
      set({ checking: true, results: null, notice: null })
      try {
        const outcome = await runStepCheck(step)
        const results = evaluateChecks(step.checks, outcome)
        set({ results: { file: step.file, results } })
        if (allPass(results)) remember(lesson.id, (p) => ({ ...p, passed: p.passed.includes(step.file) ? p.passed : [...p.passed, step.file] }))
      } catch (e) {
        const text = e instanceof Error ? e.message : String(e)
        set({ notice: { file: step.file, tone: 'error', text: `Could not check: ${text}` } })
        useConsole.getState().note('error', `Lesson check: ${text}`)
      } finally {
        set({ checking: false })
      }
    },
  }
})
