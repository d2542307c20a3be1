/**
 * Headless run of an XDP step, as `bpfplay xdp --reproducible` does it: compile xdp_prog.c for
 * the BPF target, refuse it where the verifier would, load it into a fresh kernel, send the
 * step's generated traffic through it on N simulated CPUs under the seeded scheduler (so lost
 * updates are the same on every run and checks are deterministic), then run user.c on the same
 * kernel, and snapshot the maps before the program is unloaded.
 *
 * The packets go through xdp-traffic.ts, which the lesson player's Check also uses (in a browser
 * worker, on the page's kernel), so both judge a step on the same run.
 */
import { Kernel } from '../kernel/kernel'
import { compile, formatDiagnostic } from '../lang/compile'
import { checkProgram } from '../xdp/checks'
import { LoadError, loadProgram, unloadProgram } from '../xdp/loader'
import { mapsAfterRun, runUserOn } from './run-user'
import type { RunOutcome } from './types'
import { runStepTraffic, type XdpStepOptions } from './xdp-traffic'

export { XDP_STEP_DEFAULTS, xdpStepOptions, type XdpStepOptions } from './xdp-traffic'

export function runXdpStep(xdpText: string, userText: string | undefined, setup: { name: string; text: string }[], opts: XdpStepOptions): RunOutcome {
  const base = { stdout: '', stderr: '', exitCode: null, maps: [], bpffs: [], possibleCpus: opts.cpus }
  const r = compile(xdpText, { filename: 'xdp_prog.c', target: 'bpf' })
  if (!r.program) {
    const errors = r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)
    return { ...base, compileErrors: errors.length ? errors : ['xdp_prog.c: does not compile'] }
  }
  const findings = checkProgram(xdpText, r.program)
  const kernel = Kernel.create({ possibleCpus: opts.cpus, hashSeed: opts.seed })
  if (findings.length > 0) {
    const f = findings[0]
    const loadError = `xdp_prog.c:${f.pos.line}: ${f.message.split('\n')[0]}`
    return { ...base, compileErrors: [], xdp: { loaded: false, loadError, packets: 0, actions: [0, 0, 0, 0, 0] } }
  }
  let loaded
  try {
    loaded = loadProgram(kernel, r.program)
  } catch (e) {
    if (!(e instanceof LoadError)) throw e
    return { ...base, compileErrors: [], xdp: { loaded: false, loadError: e.message, packets: 0, actions: [0, 0, 0, 0, 0] } }
  }
  try {
    const setupRun = runUserOn(kernel, undefined, setup, opts.timeoutMs)
    if (setupRun.compileErrors.length) return { ...base, compileErrors: setupRun.compileErrors }
    const run = runStepTraffic(kernel, loaded, opts)
    const user = runUserOn(kernel, userText, [], opts.timeoutMs)
    return {
      compileErrors: user.compileErrors,
      stdout: user.stdout,
      stderr: user.stderr,
      exitCode: user.exitCode,
      maps: mapsAfterRun(kernel, user.freed),
      bpffs: kernel.bpffs(),
      possibleCpus: kernel.possibleCpus,
      xdp: { loaded: true, packets: run.packets, actions: run.actions.slice() },
    }
  } finally {
    unloadProgram(kernel, loaded)
  }
}
