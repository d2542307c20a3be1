/**
 * Check for an XDP step in the browser, the way `bpfplay lessons --check` runs one
 * (src/lessons/run-xdp.ts), on the page's own machine so the console, the eth0 row and the
 * inspector show the run that was judged:
 *
 *  1. a fresh kernel with the step's CPUs and hash seed;
 *  2. xdp_prog.c as it is in the editor, compiled and loaded by the eth0 loader (the console
 *     prints `xdp-loader load` with libbpf's and the verifier's words, squiggles mark refusals);
 *  3. the step's setup programs;
 *  4. the step's packets through the loaded program on the step's CPUs, interleaved by the
 *     seeded scheduler in a worker on the kernel's memory (workers/seeded-cpus.worker.ts, the
 *     code the CLI runs), so a plain `++` loses the same updates here as in the CLI and the
 *     lesson text's numbers are the ones the learner sees;
 *  5. user.c through the Run path, when the step has one.
 *
 * The free-running CPU workers behind the Traffic button are not used for the verdict: their
 * races depend on the host's scheduling, so a starter that loses updates would sometimes pass.
 * The program stays loaded afterwards: Attach and Traffic show it live on those CPUs.
 */
import { formatDiagnostic } from '../../lang/compile'
import type { RunOutcome, Step } from '../../lessons/types'
import { xdpStepOptions, type StepTrafficResult } from '../../lessons/xdp-traffic'
import { useConsole } from '../console/store'
import { compileXdp, useXdp, xdpHost } from '../machine/xdp-store'
import { pushTrace } from '../xdp/trace-store'
import type { SeededCpusJob, SeededCpusReply } from '../../../workers/seeded-cpus.worker'
import { freshKernel, kernelAfterRun, lastRunId, outputOf, runSetup, runUserC } from './check-steps'
import type { RunEntry } from '../console/store'

const ACTIONS = ['XDP_ABORTED', 'XDP_DROP', 'XDP_PASS', 'XDP_TX', 'XDP_REDIRECT']
/** A step's packets take well under a second; a program stuck longer is given up on. */
const SEEDED_TIMEOUT_MS = 30_000

/** The step's packets on the seeded CPUs, in a worker of their own. */
function runSeeded(job: SeededCpusJob): Promise<Extract<SeededCpusReply, { ok: true }>> {
  const worker = new Worker(new URL('../../../workers/seeded-cpus.worker.ts', import.meta.url), { type: 'module', name: 'seeded-cpus' })
  return new Promise<Extract<SeededCpusReply, { ok: true }>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the CPUs did not finish the step's packets within ${SEEDED_TIMEOUT_MS / 1000} s`)), SEEDED_TIMEOUT_MS)
    worker.addEventListener('message', (ev: MessageEvent<SeededCpusReply>) => {
      clearTimeout(timer)
      if (ev.data.ok) resolve(ev.data)
      else reject(new Error(ev.data.message))
    })
    worker.addEventListener('error', (ev) => {
      ev.preventDefault()
      clearTimeout(timer)
      reject(new Error(`the CPU worker failed${ev.message ? `: ${ev.message}` : ''}`))
    })
    worker.postMessage(job)
  }).finally(() => worker.terminate())
}

function describe(r: StepTrafficResult, o: { cpus: number; seed: number; traffic: string }, name: string): string {
  const actions = r.actions.map((n, i) => (n ? `${ACTIONS[i]} ${n}` : '')).filter(Boolean).join(', ')
  const faults = r.faultCount ? `; ${r.faultCount} aborted by a fault (first: ${r.faults[0]?.message ?? '?'})` : ''
  return `Lesson check: ${r.packets} packets of ${o.traffic} traffic through ${name} on ${o.cpus} CPUs interleaved by the seeded scheduler (seed ${o.seed}), as \`bpfplay lessons --check\` runs them: ${actions || 'no packets'}${faults}.`
}

export async function runXdpStepCheck(step: Step): Promise<RunOutcome> {
  const opts = xdpStepOptions(step)
  const kernel = await freshKernel({ cpus: opts.cpus, seed: opts.seed })
  const none = { stdout: '', stderr: '', exitCode: null }
  const compiled = await compileXdp()
  const before = lastRunId()
  // The loader prints what went wrong (compile errors, the verifier's refusal) in the console.
  const loaded = await useXdp.getState().load()
  if (!compiled.compiled) {
    const errors = compiled.compilerDiagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)
    return { ...none, compileErrors: errors.length ? errors : ['xdp_prog.c: does not compile'], ...kernelAfterRun(kernel) }
  }
  const refused = (loadError: string): RunOutcome => ({ ...none, compileErrors: [], ...kernelAfterRun(kernel), xdp: { loaded: false, loadError, packets: 0, actions: [0, 0, 0, 0, 0] } })
  const finding = compiled.compiled.findings[0]
  // Worded as the CLI words it, so both show the same reason.
  if (finding) return refused(`xdp_prog.c:${finding.pos.line}: ${finding.message.split('\n')[0]}`)
  const loader = useXdp.getState().loader
  if (!loaded || !loader) {
    const entry = useConsole.getState().entries.find((e): e is RunEntry => e.kind === 'run' && e.id > before)
    return refused((entry && outputOf(entry, 'stderr').split('\n').find((l) => l.trim())) || 'xdp_prog.c: the loader refused it')
  }
  const setupErrors = await runSetup(step)
  if (setupErrors.length) return { ...none, compileErrors: setupErrors, ...kernelAfterRun(kernel) }
  const seeded = await runSeeded({ sab: kernel.sab, progId: loader.progId, program: compiled.compiled.program, ...opts })
  if (seeded.trace.length || seeded.traceDropped) pushTrace(seeded.trace, seeded.traceDropped)
  useConsole.getState().note('info', describe(seeded.result, opts, loader.progName))
  // the CPU panel counts them as the maps did (ran vs counted shows the updates the starter lost)
  seeded.result.perCpuActions.forEach((actions, cpu) => actions.forEach((k, action) => k && xdpHost.sideRuns.add(cpu, loader.progId, action, k)))
  const user = step.code['user.c'] ? await runUserC() : { ...none, compileErrors: [] }
  return { ...user, ...kernelAfterRun(kernel), xdp: { loaded: true, packets: seeded.result.packets, actions: seeded.result.actions } }
}
