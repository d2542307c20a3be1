/**
 * The state of one bpftool run and the argument vector it walks, shaped like bpftool's C so
 * that the commands read like map.c: `args.argc`, `args.word` (*argv), NEXT_ARG(),
 * REQ_ARGS(n), BAD_ARG(), p_err() and p_info(), usage() (an exception that main turns into
 * the help text and exit status 255, as bpftool's usage() calls exit(-1)).
 */
import type { JsonWriter } from './json-writer'
import type { BpftoolProc } from './proc'

/** A command: a generator so long loops (dump, show) can let a UI breathe between elements. */
export type Run = Generator<void, number, void>

/** usage(): print the current help and exit(-1). */
export class UsageExit extends Error {
  constructor() {
    super('usage')
  }
}

export class Args {
  constructor(
    readonly words: string[],
    public i = 0,
  ) {}
  get argc(): number {
    return this.words.length - this.i
  }
  /** *argv (undefined = NULL). */
  get word(): string | undefined {
    return this.words[this.i]
  }
  /** argv[k] */
  at(k: number): string | undefined {
    return this.words[this.i + k]
  }
  /** NEXT_ARG(): argc--, argv++, usage() if argc < 0. */
  next(): void {
    this.i++
    if (this.argc < 0) throw new UsageExit()
  }
  /** GET_ARG(): *argv, then argc--, argv++. */
  get(): string | undefined {
    return this.words[this.i++]
  }
  rest(): Args {
    return new Args(this.words, this.i)
  }
}

export class Ctx {
  json: JsonWriter | null = null
  /** -f / --bpffs */
  showPinned = false
  /** -n / --nomount */
  blockMount = false
  /** argv[0] as bpftool prints it in help texts. */
  readonly binName = 'bpftool'
  /** The object word as typed ("map", "m", ...): map help prints it. */
  objectWord = 'map'
  /** Help of the innermost cmd_select: what usage() prints. */
  lastHelp: () => number = () => 0

  constructor(
    readonly proc: BpftoolProc,
    readonly out: (text: string) => void,
    readonly err: (text: string) => void,
  ) {}

  /** p_err: "Error: ...\n" on stderr, or {"error":"..."} in the JSON output. */
  pErr(msg: string): void {
    if (this.json) {
      this.json.startObject()
      this.json.name('error')
      this.json.enquote(msg)
      this.json.endObject()
    } else {
      this.err(`Error: ${msg}\n`)
    }
  }

  /** p_info: stderr, and nothing at all with -j. */
  pInfo(msg: string): void {
    if (!this.json) this.err(msg + '\n')
  }

  /** REQ_ARGS(n) */
  reqArgs(args: Args, n: number): boolean {
    if (args.argc < n) {
      this.pErr(`'${args.at(-1)}' needs at least ${n} arguments, ${args.argc} found`)
      return false
    }
    return true
  }

  /** BAD_ARG() */
  badArg(args: Args): number {
    this.pErr(`what is '${args.word}'?`)
    return -1
  }
}

/** is_prefix(pfx, str): the typed word may be any prefix of the keyword ("" included). */
export function isPrefix(pfx: string | undefined, str: string): boolean {
  if (pfx === undefined) return false
  return str.length >= pfx.length && str.startsWith(pfx)
}
