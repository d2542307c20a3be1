/**
 * The parts every browser Check run shares, whether the step is userspace or XDP: a fresh
 * kernel with the step's machine settings, the step's setup programs (each in its own process,
 * as the CLI runs them one after another), user.c through the playground's own Run path (so
 * the console and the inspector show exactly the run that was judged), and the maps and pins
 * the run left, in the shape checks-eval.ts judges.
 */
import type { MapSnapshot } from '../../kernel/api'
import type { Kernel } from '../../kernel/kernel'
import { formatDiagnostic } from '../../lang/compile'
import type { RunOutcome, Step } from '../../lessons/types'
import { useConsole, type RunEntry } from '../console/store'
import { ProcessHost } from '../machine/process-host'
import { compiler, useMachine } from '../machine/store'
import type { MachineSettings } from '../workspace/files'

let setupHost: ProcessHost | null = null

/** A fresh kernel per check: pins and maps of earlier runs must not decide the verdict. */
export async function freshKernel(settings: MachineSettings): Promise<Kernel> {
  const machine = useMachine.getState()
  if (machine.phase !== 'idle') throw new Error('a program is running: wait for it or press Stop')
  await machine.bootKernel(settings)
  return useMachine.getState().kernel!
}

export function lastRunId(): number {
  return Math.max(0, ...useConsole.getState().entries.filter((e) => e.kind === 'run').map((e) => e.id))
}

export function outputOf(entry: RunEntry, stream: 'stdout' | 'stderr'): string {
  return entry.chunks.filter((c) => c.stream === stream).map((c) => c.text).join('')
}

/** Runs the step's setup programs on the current kernel; their compile errors, prefixed as the CLI does. */
export async function runSetup(step: Step): Promise<string[]> {
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

export type UserRun = Pick<RunOutcome, 'compileErrors' | 'stdout' | 'stderr' | 'exitCode'>

/** Runs user.c as the Run button does; what it printed, how it ended, its compile errors. */
export async function runUserC(): Promise<UserRun> {
  const before = lastRunId()
  await useMachine.getState().run()
  const entry = useConsole.getState().entries.find((e): e is RunEntry => e.kind === 'run' && e.id > before)
  if (!entry) throw new Error('the run did not start')
  return {
    compileErrors: entry.end?.kind === 'compile' ? entry.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic) : [],
    stdout: outputOf(entry, 'stdout'),
    stderr: outputOf(entry, 'stderr'),
    exitCode: entry.end?.exitCode ?? null,
  }
}

/** The maps alive now plus those the last run freed (in their last state), the pins, the CPUs. */
export function kernelAfterRun(kernel: Kernel): Pick<RunOutcome, 'maps' | 'bpffs' | 'possibleCpus'> {
  const freedBy = useMachine.getState().freed
  const freed: MapSnapshot[] = freedBy ? freedBy.maps.map((f) => f.snap) : []
  const live = kernel.maps()
  const liveIds = new Set(live.map((m) => m.id))
  return { maps: [...live, ...freed.filter((m) => !liveIds.has(m.id))], bpffs: kernel.bpffs(), possibleCpus: kernel.possibleCpus }
}
