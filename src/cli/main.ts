/**
 * `bpfplay` for Node: compile C files and run them on a fresh simulated kernel, printing what
 * the program prints and exiting with its status, like running the real binary as root.
 */
import { readFileSync } from 'node:fs'
import { Kernel } from '../kernel/kernel'
import { compile, formatDiagnostic } from '../lang/compile'
import { createPreprocessCache } from '../lang/preprocess'
import type { Program } from '../lang/api'
import { parseArgs, USAGE, UsageError, type RunOptions } from './args'
import { hostPossibleCpus } from './host'
import { runInWorker } from './run-worker'
import { runXdpCommand } from './xdp'
import { runThenSteps } from './bpftool'
import { runLessonsCommand } from './lessons'

async function main(argv: string[]): Promise<number> {
  let cmd
  try {
    cmd = parseArgs(argv)
  } catch (e) {
    if (!(e instanceof UsageError)) throw e
    process.stderr.write(`bpfplay: ${e.message}\n\n${USAGE}`)
    return 2
  }
  if (cmd.kind === 'help') {
    process.stdout.write(USAGE)
    return 0
  }
  if (cmd.kind === 'version') {
    process.stdout.write('bpfplay 0.1.0\n')
    return 0
  }
  if (cmd.kind === 'xdp') return runXdpCommand(cmd.opts)
  if (cmd.kind === 'lessons') return runLessonsCommand(cmd.argv)
  const programs = compileFiles(cmd.opts)
  if (!programs) return 1
  if (cmd.kind === 'check') return 0
  return runPrograms(programs, cmd.opts)
}

/** Compiles every file; prints diagnostics gcc-style. null when any file has an error. */
function compileFiles(opts: RunOptions): Program[] | null {
  const programs: Program[] = []
  const cache = createPreprocessCache()
  let failed = false
  for (const file of opts.files) {
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (e) {
      process.stderr.write(`bpfplay: ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : (e as Error).message}\n`)
      failed = true
      continue
    }
    const result = compile(text, { filename: file, target: 'user', cache })
    for (const d of result.diagnostics) {
      if (d.severity === 'error' || opts.warnings) process.stderr.write(formatDiagnostic(d) + '\n')
    }
    if (result.program) programs.push(result.program)
    else failed = true
  }
  return failed ? null : programs
}

async function runPrograms(programs: Program[], opts: RunOptions): Promise<number> {
  const kernel = Kernel.create({ possibleCpus: opts.cpus ?? hostPossibleCpus(), hashSeed: opts.seed, wasmAtomics: true })
  let status = runThenSteps(kernel, opts.then, 0) ?? 0
  for (const [i, program] of programs.entries()) {
    status = await runInWorker(kernel.sab, program, {
      timeoutSec: opts.timeoutSec,
      write: (fd, bytes) => (fd === 1 ? process.stdout : process.stderr).write(bytes),
      strace: opts.strace,
    })
    status = runThenSteps(kernel, opts.then, i + 1) ?? status
  }
  return status
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e) => {
    process.stderr.write(`bpfplay: internal error: ${e instanceof Error ? e.stack : String(e)}\n`)
    process.exitCode = 70
  },
)
