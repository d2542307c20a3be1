/**
 * AddressSanitizer-style checks of the buffers a syscall copies (copy_to_user/copy_from_user in
 * process.ts's UserMemory): when the kernel would write or read more bytes than the C object at
 * the user address holds (the classic per-CPU bug: `long value;` passed to bpf_map_lookup_elem
 * on a PERCPU map, whose value is round_up(value_size, 8) * nr_cpus bytes), the copy is cut to
 * the object, a report is kept, and the libbpf/syscall import that entered the kernel raises it
 * once the syscall has returned (the kernel is never unwound half-way). The process then ends as
 * an ASan build does: the report on stderr, exit status 1.
 *
 * Always on: the playground is there to teach, and a real program without ASan would silently
 * corrupt its memory. The report says so.
 */
import type { Program, StatementPos } from '../lang/api'
import type { DebugFunction } from '../lang/debug-info'
import type { UserObject, UserObjects } from './asan-objects'

/** The process ends with this (process.ts: exit status 1, the report already formatted). */
export class AsanError extends Error {
  constructor(
    /** The whole report, as ASan prints it to stderr. */
    readonly report: string,
    /** One line: "AddressSanitizer: stack-buffer-overflow t.c:25:5 in main". */
    readonly summary: string,
  ) {
    super(summary)
  }
}

/** A C frame found on the JS stack: generated function and the statement it was executing. */
export interface CFrame {
  fn: DebugFunction | null
  fnName: string
  sid: number
  pos: StatementPos | null
}

interface Violation {
  access: 'READ' | 'WRITE'
  addr: number
  len: number
  object: UserObject
  frames: CFrame[]
}

export class SyscallBufferCheck {
  /** Report waiting for the syscall to return (raised by `raisePending`). */
  private pending: Violation | null = null

  constructor(
    private readonly objects: UserObjects,
    private readonly program: Program,
    private readonly pid: number,
  ) {}

  get hasPending(): boolean {
    return this.pending !== null
  }

  /**
   * copy_to_user of len bytes at addr: how many may be written (len unless the copy overruns
   * the object it starts in; the rest is dropped and a report kept).
   */
  write(addr: number, len: number): number {
    const room = this.objects.room(addr)
    if (room === null || room >= len) return len
    this.violation('WRITE', addr, len)
    return Math.max(0, room)
  }

  /** copy_from_user: reading past the object is reported too (the bytes are read anyway, as the kernel would). */
  read(addr: number, len: number): void {
    const room = this.objects.room(addr)
    if (room === null || room >= len) return
    this.violation('READ', addr, len)
  }

  /** Throws the kept report, naming the library function that made the syscall. */
  raisePending(via: string): void {
    const v = this.pending
    if (v === null) return
    this.pending = null
    throw this.format(v, via)
  }

  private violation(access: 'READ' | 'WRITE', addr: number, len: number): void {
    if (this.pending !== null) return // the first one is the report
    const object = this.objects.describe(addr)
    if (object === null) return
    this.pending = { access, addr, len, object, frames: cFramesHere(this.program) }
  }

  private format(v: Violation, via: string): AsanError {
    const o = v.object
    const bug = o.kind === 'stack' ? 'stack-buffer-overflow' : o.kind === 'global' ? 'global-buffer-overflow' : o.kind === 'freed' ? 'heap-use-after-free' : 'heap-buffer-overflow'
    const pid = `==${this.pid}==`
    const hex = (n: number) => '0x' + n.toString(16).padStart(12, '0')
    const out: string[] = []
    out.push('=================================================================')
    out.push(`${pid}ERROR: AddressSanitizer: ${bug} on address ${hex(v.addr)}`)
    out.push(`${v.access} of size ${v.len} at ${hex(v.addr)} thread T0`)
    const kernelSide = v.access === 'WRITE' ? 'copy_to_user' : 'copy_from_user'
    out.push(`    #0 in ${kernelSide} (the kernel, in the bpf() syscall made by ${via})`)
    out.push(`    #1 in ${via}`)
    v.frames.forEach((f, i) => out.push(`    #${i + 2} in ${f.fnName}${f.pos ? ` ${f.pos.file}:${f.pos.line}:${f.pos.col}` : ''}`))
    out.push('')
    const fits = Math.max(0, o.size - o.offset)
    if (o.kind === 'stack') {
      const fn = o.fn!
      out.push(`Address ${hex(v.addr)} is located in stack of thread T0 at offset ${v.addr - o.fp!} in frame`)
      out.push(`    #0 in ${fn.name} ${this.program.filename}:${fn.line}`)
      out.push('')
      const objs = fn.vars.filter((x) => !x.reg && !x.hidden).sort((a, b) => a.off - b.off)
      out.push(`  This frame has ${objs.length} object(s):`)
      for (const x of objs) {
        const mark = x.off === o.start - o.fp! ? ` <== Memory access at offset ${v.addr - o.fp!} ${o.offset < o.size ? 'partially ' : ''}overflows this variable` : ''
        out.push(`    [${x.off}, ${x.off + x.size}) '${x.name}' (line ${x.line})${mark}`)
      }
    } else if (o.kind === 'global') {
      out.push(`${hex(v.addr)} is located ${o.offset} bytes inside of global variable '${o.name}' defined in '${this.program.filename}' (${hex(o.start)}) of size ${o.size}`)
    } else {
      const where = o.offset >= o.size ? `${o.offset - o.size} bytes after` : `${o.offset} bytes inside of`
      out.push(`${hex(v.addr)} is located ${where} ${o.size}-byte region [${hex(o.start)},${hex(o.start + o.size)})`)
      if (o.kind === 'freed') out.push('freed by thread T0 (the block was passed to free() before this syscall)')
    }
    const name = o.name ? `'${o.name}'` : 'the heap block'
    out.push('')
    out.push(
      o.kind === 'freed'
        ? `bpfplay: the kernel ${v.access === 'WRITE' ? 'wrote' : 'read'} ${v.len} bytes of a heap block that was already freed.`
        : `bpfplay: the kernel ${v.access === 'WRITE' ? 'would write' : 'read'} ${v.len} bytes ${v.access === 'WRITE' ? 'into' : 'from'} ${name}, which holds ${o.size} bytes` +
            (o.offset > 0 ? ` (${fits} from this address)` : '') +
            '.',
    )
    out.push('HINT: a map syscall copies the whole key or value the map defines (key_size, value_size bytes);')
    out.push('      for a per-CPU map a value is round_up(value_size, 8) * nr_cpus bytes (libbpf_num_possible_cpus()).')
    const top = v.frames[0]
    const at = top?.pos ? `${top.pos.file}:${top.pos.line}:${top.pos.col} in ${top.fnName}` : `in ${via}`
    const summary = `AddressSanitizer: ${bug} ${at}`
    out.push(`SUMMARY: ${summary}`)
    out.push('bpfplay checks every syscall buffer like gcc -fsanitize=address would: without the check this program would silently corrupt its memory.')
    out.push(`${pid}ABORTING`)
    return new AsanError(out.join('\n') + '\n', summary)
  }
}

/**
 * The C functions on the current JS stack, innermost first, with the statement each is at
 * (generated functions are named f_<name>; `new Function` frames carry "<anonymous>:LINE").
 */
export function cFramesHere(program: Program): CFrame[] {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 200
  const stack = new Error().stack ?? ''
  Error.stackTraceLimit = limit
  const byJs = new Map((program.debug?.functions ?? []).map((f) => [f.jsName, f]))
  const out: CFrame[] = []
  for (const m of stack.matchAll(/at (f_[\w$]+) \(.*?<anonymous>:(\d+):\d+\)/g)) {
    const fn = byJs.get(m[1]) ?? null
    const sid = program.jsLineToSid[Number(m[2])] ?? -1
    out.push({ fn, fnName: fn?.name ?? m[1].slice(2), sid, pos: program.statements[sid] ?? null })
  }
  return out
}
