/**
 * Headless run of an XDP step, as `bpfplay xdp --reproducible` does it: compile xdp_prog.c for
 * the BPF target, refuse it where the verifier would, load it into a fresh kernel, send the
 * step's generated traffic through it on N simulated CPUs under the seeded scheduler (so lost
 * updates are the same on every run and checks are deterministic), then run user.c on the same
 * kernel, and snapshot the maps before the program is unloaded.
 *
 * Node only in practice (src/xdp/run.ts imports worker_threads for its parallel mode); the
 * browser gets XDP outcomes from its own run path and judges them with the same checks-eval.ts.
 */
import { Kernel } from '../kernel/kernel'
import { compile, formatDiagnostic } from '../lang/compile'
import { checkProgram } from '../xdp/checks'
import { LoadError, loadProgram, unloadProgram } from '../xdp/loader'
import { runReproducible } from '../xdp/run'
import { trafficSource } from '../xdp/source'
import { mapsAfterRun, runUserOn } from './run-user'
import type { RunOutcome } from './types'

export interface XdpStepOptions {
  cpus: number
  seed: number
  traffic: string
  packets: number
  timeoutMs?: number
}

export const XDP_STEP_DEFAULTS = { cpus: 2, seed: 1, traffic: 'mixed', packets: 1000 } as const

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
    const run = runReproducible({ kernel, loaded, source: trafficSource(opts.traffic, opts.packets, opts.seed), cpus: opts.cpus, seed: opts.seed })
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
