/**
 * The Check button's run in the browser: a fresh kernel with the step's machine settings, the
 * step's setup programs, then user.c through the playground's own Run path (check-steps.ts);
 * XDP steps load xdp_prog.c and send the step's packets through it first (check-xdp.ts). The
 * outcome is then judged by the same checks-eval.ts as `bpfplay lessons --check`.
 */
import { isXdpStep } from '../../lessons/lesson-load'
import type { RunOutcome, Step } from '../../lessons/types'
import { useWorkspace } from '../workspace/store'
import { runXdpStepCheck } from './check-xdp'
import { freshKernel, kernelAfterRun, runSetup, runUserC } from './check-steps'

export async function runStepCheck(step: Step): Promise<RunOutcome> {
  if (isXdpStep(step)) return runXdpStepCheck(step)
  const ws = useWorkspace.getState()
  const kernel = await freshKernel({ cpus: step.machine.cpus ?? ws.settings.cpus, seed: step.machine.seed ?? ws.settings.seed })
  const setupErrors = await runSetup(step)
  const user = await runUserC()
  return { ...user, compileErrors: [...setupErrors, ...user.compileErrors], ...kernelAfterRun(kernel) }
}
