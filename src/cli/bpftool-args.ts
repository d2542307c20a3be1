/**
 * `--then "bpftool ..."` for `bpfplay run`: a bpftool command to run on the same simulated
 * kernel once the programs named before it on the command line have run, so
 *
 *   bpfplay run pin.c --then "bpftool map dump pinned /sys/fs/bpf/my_map" reader.c
 *
 * runs pin.c, then bpftool, then reader.c. The value is split like a shell line.
 */
import { splitWords } from '../bpftool/words'

export interface ThenStep {
  /** Runs after this many programs (0: before the first). */
  afterFile: number
  /** bpftool's arguments (without "bpftool"). */
  argv: string[]
}

export const THEN_USAGE = `  --then "bpftool ARGS"  run a bpftool command on the same kernel after the files before it
                         (e.g. --then "bpftool map dump pinned /sys/fs/bpf/my_map")`

export function parseThen(value: string | undefined, filesSoFar: number, usageError: (msg: string) => Error): ThenStep {
  if (value === undefined) throw usageError('--then needs a command, e.g. --then "bpftool map show"')
  const words = splitWords(value)
  if (!Array.isArray(words)) throw usageError(`--then: ${words.error}`)
  if (words[0] !== 'bpftool') throw usageError(`--then runs bpftool commands ("bpftool map show"), not '${words[0] ?? ''}'`)
  return { afterFile: filesSoFar, argv: words.slice(1) }
}
