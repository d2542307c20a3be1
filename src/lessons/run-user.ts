/**
 * Headless run of a userspace step, in this thread: a fresh simulated kernel, the step's setup
 * programs, then user.c, each compiled and run as its own process exactly as `bpfplay run`
 * runs them (src/lang/compile, src/runtime/process, src/kernel/kernel). The outcome holds what
 * user.c printed and the maps as the run left them, including the maps it freed by closing
 * its fds or exiting (observed just before they went, as the web app's inspector does).
 *
 * No Node or DOM API is used, so this also runs in a browser worker or a test.
 */
import type { KernelApi, MapSnapshot } from '../kernel/api'
import { Kernel } from '../kernel/kernel'
import type { Program } from '../lang/api'
import { compile, formatDiagnostic } from '../lang/compile'
import { Process, StopRequest } from '../runtime/process'
import { observeFreedMaps } from '../runtime/freed-maps'
import type { RunOutcome } from './types'

export interface HeadlessRunOptions {
  cpus: number
  /** Hash seed of the kernel; undefined: random per map. */
  seed?: number
  /** A program still running after this long is stopped (exit 137), default 5000 ms. */
  timeoutMs?: number
}

export interface ProcessOutput {
  stdout: string
  stderr: string
  exitCode: number
}

/** Compiles userspace C; the gcc-style errors when it does not build. */
export function compileUser(name: string, text: string): { program?: Program; errors: string[] } {
  const r = compile(text, { filename: name, target: 'user' })
  const errors = r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)
  return r.program ? { program: r.program, errors } : { errors: errors.length ? errors : [`${name}: does not compile`] }
}

/** Runs one compiled program as a process on `kernel`, stopping it after `timeoutMs`. */
export function runProcess(kernel: KernelApi, program: Program, timeoutMs = 5000): ProcessOutput {
  const out: Uint8Array[] = []
  const err: Uint8Array[] = []
  const deadline = performance.now() + timeoutMs
  // ctl[0] = 1 makes every hook check (loop back-edges, function entries) call trap: a runaway
  // starter (a walk that never ends) is stopped instead of hanging the checker.
  const ctl = new Int32Array([1])
  const proc = new Process(kernel, program, { write: (fd, b) => (fd === 1 ? out : err).push(b.slice()) }, {
    ctl,
    trap: () => {
      if (performance.now() > deadline) throw new StopRequest(`timed out after ${timeoutMs / 1000} s`)
    },
  })
  const { exitCode } = proc.run()
  return { stdout: decode(out), stderr: decode(err), exitCode }
}

function decode(chunks: Uint8Array[]): string {
  const td = new TextDecoder()
  return chunks.map((c) => td.decode(c, { stream: true })).join('') + td.decode()
}

/** Live maps after the run plus those freed during it (last state), each once. */
export function mapsAfterRun(kernel: KernelApi, freed: MapSnapshot[]): MapSnapshot[] {
  const live = kernel.maps()
  const ids = new Set(live.map((m) => m.id))
  return [...live, ...freed.filter((m) => !ids.has(m.id))]
}

/**
 * Runs `setup` programs then user.c on `kernel`. Used by the userspace runner below and, after
 * the packets, by the XDP runner (user.c reading what the XDP program counted).
 */
export function runUserOn(kernel: Kernel, userText: string | undefined, setup: { name: string; text: string }[], timeoutMs?: number): Omit<RunOutcome, 'possibleCpus' | 'bpffs'> & { freed: MapSnapshot[] } {
  const compileErrors: string[] = []
  for (const s of setup) {
    const c = compileUser(s.name, s.text)
    if (!c.program) {
      compileErrors.push(...c.errors.map((e) => `(setup) ${e}`))
      continue
    }
    runProcess(kernel, c.program, timeoutMs)
  }
  if (userText === undefined || compileErrors.length) return { compileErrors, stdout: '', stderr: '', exitCode: null, maps: [], freed: [] }
  const c = compileUser('user.c', userText)
  if (!c.program) return { compileErrors: c.errors, stdout: '', stderr: '', exitCode: null, maps: [], freed: [] }
  const freed: MapSnapshot[] = []
  const observed = observeFreedMaps(kernel, (_pid, maps) => freed.push(...maps.map((m) => m.snap)))
  const r = runProcess(observed, c.program, timeoutMs)
  return { compileErrors: [], stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, maps: [], freed }
}

/** A userspace step on a fresh kernel: setup programs, then user.c; returns what checks look at. */
export function runUserStep(userText: string, setup: { name: string; text: string }[], opts: HeadlessRunOptions): RunOutcome {
  const kernel = Kernel.create({ possibleCpus: opts.cpus, hashSeed: opts.seed })
  const r = runUserOn(kernel, userText, setup, opts.timeoutMs)
  return {
    compileErrors: r.compileErrors,
    stdout: r.stdout,
    stderr: r.stderr,
    exitCode: r.exitCode,
    maps: mapsAfterRun(kernel, r.freed),
    bpffs: kernel.bpffs(),
    possibleCpus: kernel.possibleCpus,
  }
}
