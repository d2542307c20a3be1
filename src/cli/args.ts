/**
 * Command-line parsing for `bpfplay`. Kept apart from the commands so the usage text, the
 * options and their checks live in one place.
 */

import { parseXdpArgs, XDP_USAGE, type XdpOptions } from './xdp-args'
import { parseThen, THEN_USAGE, type ThenStep } from './bpftool-args'
import { LESSONS_USAGE } from './lessons-args'

export interface RunOptions {
  files: string[]
  seed?: number
  cpus?: number
  timeoutSec?: number
  warnings: boolean
  /** bpftool commands to run between the programs (run only). */
  then?: ThenStep[]
  /** Print each bpf() call on stderr as `strace -e trace=bpf` does (run only). */
  strace?: boolean
}

export type Command =
  | { kind: 'run'; opts: RunOptions }
  | { kind: 'check'; opts: RunOptions }
  | { kind: 'xdp'; opts: XdpOptions }
  | { kind: 'lessons'; argv: string[] }
  | { kind: 'help' }
  | { kind: 'version' }

export const USAGE = `Usage: bpfplay <command> [options] FILE.c...

Commands:
  run FILE.c [FILE2.c ...]   compile and run userspace programs one after another on one
                             simulated kernel (a map pinned by FILE.c is found by FILE2.c)
  check FILE.c ...           compile only and print all diagnostics (warnings included)
${XDP_USAGE}${LESSONS_USAGE}
Options:
  --seed N       hash seed for maps created without BPF_F_ZERO_SEED (reproducible order)
  --cpus N       number of possible CPUs of the simulated kernel (default: this machine's)
  --timeout S    stop a program that runs longer than S seconds (exit 137)
  -Wall          print compiler warnings before running
  --strace       print each bpf() call on stderr as strace -e trace=bpf does (run)
${THEN_USAGE}
  -h, --help     this text
`

export class UsageError extends Error {}

export function parseArgs(argv: string[]): Command {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') return { kind: 'help' }
  if (argv[0] === '--version' || argv[0] === '-V') return { kind: 'version' }
  const [cmd, ...rest] = argv
  if (cmd === 'xdp') {
    if (rest.includes('-h') || rest.includes('--help')) return { kind: 'help' }
    return { kind: 'xdp', opts: parseXdpArgs(rest, (m) => new UsageError(m)) }
  }
  if (cmd === 'lessons') return { kind: 'lessons', argv: rest }
  if (cmd !== 'run' && cmd !== 'check') throw new UsageError(`unknown command '${cmd}'`)
  const opts: RunOptions = { files: [], warnings: cmd === 'check' }
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]
    const value = (name: string): number => {
      const v = rest[++i]
      const n = Number(v)
      if (v === undefined || !Number.isFinite(n) || n < 0) throw new UsageError(`${name} needs a non-negative number`)
      return n
    }
    if (a === '--seed') opts.seed = value(a) >>> 0
    else if (a === '--cpus') {
      opts.cpus = value(a)
      if (!Number.isInteger(opts.cpus) || opts.cpus < 1 || opts.cpus > 64) throw new UsageError('--cpus must be 1..64')
    } else if (a === '--timeout') opts.timeoutSec = value(a)
    else if (a === '-Wall' || a === '--warnings') opts.warnings = true
    else if (a === '--strace' && cmd === 'run') opts.strace = true
    else if (a === '--then' && cmd === 'run') (opts.then ??= []).push(parseThen(rest[++i], opts.files.length, (m) => new UsageError(m)))
    else if (a === '-h' || a === '--help') return { kind: 'help' }
    else if (a.startsWith('-')) throw new UsageError(`unknown option '${a}'`)
    else opts.files.push(a)
  }
  if (opts.files.length === 0) throw new UsageError('no input files')
  return cmd === 'run' ? { kind: 'run', opts } : { kind: 'check', opts }
}
