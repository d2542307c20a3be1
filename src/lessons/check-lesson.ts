/**
 * The lesson checker behind `bpfplay lessons --check`: every step's reference solution must pass
 * all of its checks and its starter must fail at least one, so a lesson can neither be
 * unsolvable nor already solved. Steps without a fixed hash seed are tried with several seeds,
 * because learners run them with a random one. Runs are injected (userspace and XDP runners),
 * so this module is the policy only.
 */
import { allPass, evaluateChecks } from './checks-eval'
import { isXdpStep } from './lesson-load'
import type { CheckResult, Lesson, RunOutcome, Step } from './types'

export interface StepRunners {
  user(userText: string, setup: Step['setup'], cpus: number, seed: number | undefined): RunOutcome
  xdp(xdpText: string, userText: string | undefined, setup: Step['setup'], step: Step): RunOutcome
}

export interface StepVerdict {
  file: string
  ok: boolean
  /** One line: what was checked, or what went wrong. */
  summary: string
}

export interface LessonVerdict {
  id: string
  ok: boolean
  problems: string[]
  steps: StepVerdict[]
}

/** Seeds tried for a step that does not fix one. */
export const SEEDS_TRIED = [1, 2, 3] as const
export const DEFAULT_HEADLESS_CPUS = 2

function runFor(step: Step, role: 'starter' | 'solution', runners: StepRunners, seed: number | undefined): RunOutcome {
  const user = step.code['user.c']?.[role]
  if (isXdpStep(step)) return runners.xdp(step.code['xdp_prog.c']?.[role] ?? '', user, step.setup, step)
  return runners.user(user ?? '', step.setup, step.machine.cpus ?? DEFAULT_HEADLESS_CPUS, seed)
}

function firstFailure(results: CheckResult[]): string {
  const f = results.find((r) => !r.pass)
  return f ? `"${f.check.text}": ${f.detail}` : ''
}

export function checkStep(step: Step, runners: StepRunners): StepVerdict {
  if (step.problems.length > 0) return { file: step.file, ok: false, summary: step.problems.join('; ') }
  if (step.checks.length === 0) return { file: step.file, ok: true, summary: 'no checks (explanation only)' }
  const seeds: (number | undefined)[] = isXdpStep(step) || step.machine.seed !== undefined ? [step.machine.seed] : [...SEEDS_TRIED]
  for (const seed of seeds) {
    const at = seed === undefined || seeds.length === 1 ? '' : ` (hash seed ${seed})`
    const sol = evaluateChecks(step.checks, runFor(step, 'solution', runners, seed))
    if (!allPass(sol)) return { file: step.file, ok: false, summary: `solution fails${at}: ${firstFailure(sol)}` }
    const start = evaluateChecks(step.checks, runFor(step, 'starter', runners, seed))
    if (allPass(start)) return { file: step.file, ok: false, summary: `starter already passes every check${at}: it must leave something for the learner to do` }
  }
  const n = step.checks.length
  return { file: step.file, ok: true, summary: `solution passes ${n}/${n} checks, starter fails${seeds.length > 1 ? ` (hash seeds ${seeds.join(', ')})` : ''}` }
}

export function checkLesson(lesson: Lesson & { problems: string[] }, runners: StepRunners): LessonVerdict {
  const steps = lesson.loaded.map((s) => checkStep(s, runners))
  return { id: lesson.id, ok: lesson.problems.length === 0 && steps.length > 0 && steps.every((s) => s.ok), problems: lesson.problems, steps }
}
