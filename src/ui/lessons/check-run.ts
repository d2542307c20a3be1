/**
 * The Check button's run in the browser: a fresh kernel with the step's machine settings, the
 * step's setup programs (each in its own process, like the CLI runs them one after another),
 * then user.c through the playground's own Run path, so the console and the inspector show
 * exactly the run that was judged. The outcome is then judged by the same checks-eval.ts as
 * `bpfplay lessons --check`.
 *
 * XDP steps need an XDP run in the browser. Until one is registered with `setXdpStepRunner`,
 * `runStepCheck` says so instead of pretending.
 */
import type { MapSnapshot } from '../../kernel/api'
import { formatDiagnostic } from '../../lang/compile'
import { isXdpStep } from '../../lessons/lesson-load'
import type { RunOutcome, Step } from '../../lessons/types'
import { useConsole, type RunEntry } from '../console/store'
import { ProcessHost } from '../machine/process-host'
import { compiler, useMachine } from '../machine/store'
import { useWorkspace } from '../workspace/store'

export type StepRun = { kind: 'ran'; outcome: RunOutcome } | { kind: 'unsupported'; why: string }

/** Runs an XDP step (xdp_prog.c and user.c as they are in the editors) and reports what checks need. */
export type XdpStepRunner = (step: Step, files: { xdp: string; user: string | undefined }) => Promise<RunOutcome>

let xdpRunner: XdpStepRunner | null = null

/** The one call that enables Check on XDP steps once the browser can run XDP programs. */
export function setXdpStepRunner(runner: XdpStepRunner | null): void {
  xdpRunner = runner
}

/** False for XDP steps until an XDP runner is registered. */
export function canCheckInBrowser(step: Step): boolean {
  return !isXdpStep(step) || xdpRunner !== null
}

export const XDP_UNSUPPORTED = 'The playground cannot run XDP programs in the browser yet. Check this step with `npx bpfplay lessons --check` (it runs the XDP program on simulated CPUs over generated traffic).'

let setupHost: ProcessHost | null = null

function lastRunId(): number {
  return Math.max(0, ...useConsole.getState().entries.filter((e) => e.kind === 'run').map((e) => e.id))
}

function outputOf(entry: RunEntry, stream: 'stdout' | 'stderr'): string {
  return entry.chunks.filter((c) => c.stream === stream).map((c) => c.text).join('')
}

async function runSetup(step: Step): Promise<string[]> {
  const kernel = useMachine.getState().kernel
  if (!kernel || step.setup.length === 0) return []
  setupHost ??= new ProcessHost()
  const errors: string[] = []
  for (const s of step.setup) {
    const r = await compiler.compile(s.text, { filename: s.name, target: 'user' })
    if (!r.program) {
      errors.push(...r.diagnostics.filter((d) => d.severity === 'error').map((d) => `(setup) ${formatDiagnostic(d)}`))
      continue
    }
    const out = await setupHost.run(kernel.sab, r.program, { started: () => {}, write: () => {}, freed: () => {} })
    useConsole.getState().note('info', `Lesson setup: ran ${s.name} on the fresh kernel first (exit status ${out.exitCode}).`)
  }
  return errors
}

export async function runStepCheck(step: Step): Promise<StepRun> {
  const ws = useWorkspace.getState()
  if (isXdpStep(step)) {
    if (!xdpRunner) return { kind: 'unsupported', why: XDP_UNSUPPORTED }
    return { kind: 'ran', outcome: await xdpRunner(step, { xdp: ws.files['xdp_prog.c'], user: step.code['user.c'] ? ws.files['user.c'] : undefined }) }
  }
  const machine = useMachine.getState()
  if (machine.phase !== 'idle') throw new Error('a program is running: wait for it or press Stop')
  // A fresh kernel per check: pins and maps of earlier runs must not decide the verdict.
  await machine.bootKernel({ cpus: step.machine.cpus ?? ws.settings.cpus, seed: step.machine.seed ?? ws.settings.seed })
  const setupErrors = await runSetup(step)
  const kernel = useMachine.getState().kernel!
  const before = lastRunId()
  await useMachine.getState().run()
  const entry = useConsole.getState().entries.find((e): e is RunEntry => e.kind === 'run' && e.id > before)
  if (!entry) throw new Error('the run did not start')
  const compileErrors = [...setupErrors, ...(entry.end?.kind === 'compile' ? entry.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic) : [])]
  const freedBy = useMachine.getState().freed
  const freed: MapSnapshot[] = freedBy ? freedBy.maps.map((f) => f.snap) : []
  const live = kernel.maps()
  const liveIds = new Set(live.map((m) => m.id))
  return {
    kind: 'ran',
    outcome: {
      compileErrors,
      stdout: outputOf(entry, 'stdout'),
      stderr: outputOf(entry, 'stderr'),
      exitCode: entry.end?.exitCode ?? null,
      maps: [...live, ...freed.filter((m) => !liveIds.has(m.id))],
      bpffs: kernel.bpffs(),
      possibleCpus: kernel.possibleCpus,
    },
  }
}
