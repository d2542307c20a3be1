/**
 * Runs the `--then` bpftool steps of `bpfplay run` on the CLI's kernel, between programs.
 * bpftool does not run user code, so it runs here on the main thread, with no program
 * running at the same time.
 */
import { runBpftool } from '../bpftool/main'
import type { Kernel } from '../kernel/kernel'
import type { ThenStep } from './bpftool-args'

/** Runs the steps due after `afterFile` programs; the last one's exit status, or undefined if none ran. */
export function runThenSteps(kernel: Kernel, steps: ThenStep[] | undefined, afterFile: number): number | undefined {
  let status: number | undefined
  for (const step of steps ?? []) {
    if (step.afterFile !== afterFile) continue
    const r = runBpftool(kernel, step.argv)
    for (const c of r.chunks) (c.stream === 'stdout' ? process.stdout : process.stderr).write(c.text)
    status = r.exitCode
  }
  return status
}
