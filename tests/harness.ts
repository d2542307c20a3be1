/**
 * Runs C programs in-process on one fresh simulated kernel, one after another (like
 * `bpfplay run A.c B.c` without the worker), capturing what each prints.
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { Kernel } from '../src/kernel/kernel'
import { compile, formatDiagnostic } from '../src/lang/compile'
import { Process } from '../src/runtime/process'

export interface RunOutput {
  stdout: string
  stderr: string
  exit: number
}

export interface RunOpts {
  cpus?: number
  seed?: number
}

export function runSources(sources: { name: string; text: string }[], opts: RunOpts = {}): RunOutput[] {
  const kernel = Kernel.create({ possibleCpus: opts.cpus ?? 2, hashSeed: opts.seed })
  return sources.map(({ name, text }) => {
    const { program, diagnostics } = compile(text, { filename: name, target: 'user' })
    if (!program) {
      const errors = diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)
      return { stdout: '', stderr: errors.join('\n') + '\n', exit: 1 }
    }
    const out: Uint8Array[] = []
    const err: Uint8Array[] = []
    const proc = new Process(kernel, program, { write: (fd, b) => (fd === 1 ? out : err).push(b) })
    const { exitCode } = proc.run()
    return { stdout: decode(out), stderr: decode(err), exit: exitCode }
  })
}

export function runFiles(files: string[], opts: RunOpts = {}): RunOutput[] {
  return runSources(
    files.map((f) => ({ name: basename(f), text: readFileSync(f, 'utf8') })),
    opts,
  )
}

function decode(chunks: Uint8Array[]): string {
  return Buffer.concat(chunks).toString('utf8')
}
