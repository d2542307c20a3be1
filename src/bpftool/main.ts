/**
 * bpftool's main(): options, the object dispatch (cmd_select), help, version, exit status,
 * and the ways bpfplay runs it. Each run is a new process named "bpftool" on the simulated
 * kernel (its fds are closed when it exits, as on Linux), printing exactly what bpftool 7.1
 * prints on stdout and stderr and ending with bpftool's exit status (main's return value
 * & 255: 255 for -1, 254 for -ENOENT, ...).
 *
 * Objects other than `map` are not simulated: they answer with an error that says so.
 */
import type { Kernel } from '../kernel/kernel'
import { Args, Ctx, isPrefix, UsageExit, type Run } from './ctx'
import { getopt } from './getopt'
import { mainHelp } from './help'
import { JsonWriter } from './json-writer'
import { doMap } from './map'
import { BpftoolProc } from './proc'

export type Stream = 'stdout' | 'stderr'

export interface OutputChunk {
  stream: Stream
  text: string
}

export interface BpftoolResult {
  stdout: string
  stderr: string
  /** stdout and stderr in the order they were written. */
  chunks: OutputChunk[]
  exitCode: number
}

/** The top-level objects, in bpftool's order (a prefix picks the first match). */
export const OBJECTS = ['help', 'batch', 'prog', 'map', 'link', 'cgroup', 'perf', 'net', 'feature', 'btf', 'gen', 'struct_ops', 'iter', 'version']

const VERSION_PLAIN = 'bpftool v7.1.0\nusing libbpf v1.1\nfeatures: libbpf_strict\n'
const VERSION_JSON = '{"version":"7.1.0","libbpf_version":"1.1","features":{"libbfd":false,"libbpf_strict":true,"skeletons":false}}'

function doHelp(c: Ctx): number {
  if (c.json) {
    c.json.null()
    return 0
  }
  c.err(mainHelp(c.binName))
  return 0
}

function doVersion(c: Ctx): number {
  if (c.json) c.json.printf(VERSION_JSON)
  else c.out(VERSION_PLAIN)
  return 0
}

function* notSimulated(c: Ctx, what: string): Run {
  c.pErr(`bpfplay: '${c.binName} ${what}' is not simulated (this kernel has maps only; try '${c.binName} map help')`)
  return -1
}

/** cmd_select over the objects. */
function* selectObject(c: Ctx, a: Args): Run {
  c.lastHelp = () => doHelp(c)
  if (a.argc < 1) return doHelp(c)
  for (const name of OBJECTS) {
    if (!isPrefix(a.word, name)) continue
    const word = a.word!
    a.i++
    switch (name) {
      case 'help':
        return doHelp(c)
      case 'version':
        return doVersion(c)
      case 'map':
        c.objectWord = word
        return yield* doMap(c, a)
      default:
        return yield* notSimulated(c, name)
    }
  }
  doHelp(c)
  return -1
}

/**
 * One bpftool run on `kernel` with argv (without "bpftool" itself). A generator: it pauses
 * now and then inside long loops so a UI can keep drawing; `runBpftool` runs it to the end.
 * Output goes to `write` as it is produced. Returns the exit status.
 */
export function* bpftool(kernel: Kernel, argv: string[], write: (stream: Stream, text: string) => void): Generator<void, number, void> {
  const proc = new BpftoolProc(kernel)
  const c = new Ctx(
    proc,
    (t) => write('stdout', t),
    (t) => write('stderr', t),
  )
  c.lastHelp = () => doHelp(c)
  try {
    return (yield* bpftoolMain(c, argv)) & 255
  } finally {
    proc.exit()
  }
}

function* bpftoolMain(c: Ctx, argv: string[]): Run {
  const g = getopt(argv)
  let pretty = false
  let versionRequested = false
  const jsonOn = () => {
    if (!c.json) c.json = new JsonWriter((t) => c.out(t))
    c.json.pretty = pretty
  }
  for (const o of g.opts) {
    switch (o) {
      case 'V':
        versionRequested = true
        break
      case 'h':
        // return do_help(argc, argv): straight out of main, without closing the JSON writer.
        return doHelp(c)
      case 'p':
        pretty = true
        jsonOn()
        break
      case 'j':
        jsonOn()
        break
      case 'f':
        c.showPinned = true
        break
      case 'n':
        c.blockMount = true
        break
      case 'B':
        // btf__parse(): there are no BTF files on the simulated machine.
        c.pErr(`failed to parse base BTF at '${g.bArg}': -2\n`)
        return -1
      default:
        // -d, -m, -L, -l change nothing a map command prints.
        break
    }
  }
  if (g.bad !== undefined) {
    c.pErr(`unrecognized option '${g.bad}'`)
    if (c.json) {
      c.json.destroy()
      return -1
    }
    doHelp(c) // usage(): main help, exit(-1)
    return -1
  }
  let ret: number
  try {
    ret = versionRequested ? doVersion(c) : yield* selectObject(c, new Args(g.args))
  } catch (e) {
    if (!(e instanceof UsageExit)) throw e
    c.lastHelp()
    ret = -1
  }
  c.json?.destroy()
  return ret
}

/** Runs bpftool to the end (CLI, tests). */
export function runBpftool(kernel: Kernel, argv: string[]): BpftoolResult {
  const chunks: OutputChunk[] = []
  const gen = bpftool(kernel, argv, (stream, text) => {
    const last = chunks[chunks.length - 1]
    if (last && last.stream === stream) last.text += text
    else chunks.push({ stream, text })
  })
  let r = gen.next()
  while (!r.done) r = gen.next()
  return {
    stdout: chunks.filter((x) => x.stream === 'stdout').map((x) => x.text).join(''),
    stderr: chunks.filter((x) => x.stream === 'stderr').map((x) => x.text).join(''),
    chunks,
    exitCode: r.value,
  }
}
