/**
 * A userspace process: private memory, its C program instantiated against that memory, the
 * libc + libbpf it links with, and the way it ends (exit status, signal). Syscalls copy
 * between this memory and the kernel's; nothing here shares memory with the kernel.
 *
 * Memory map of a process (addresses = byte offsets in its ArrayBuffer):
 *   [0, 4096)                 unmapped: NULL and small pointers fault
 *   [4096, dataEnd)           the program's data segment (strings, globals)
 *   [dataEnd, runtimeEnd)     runtime area: errno, scratch attr for bpf(), argv
 *   [runtimeEnd, stackLimit)  heap (malloc)
 *   [stackLimit, size)        stack, growing down from `size`
 */
import type { Caller, KernelApi, UserMemory } from '../kernel/api'
import { CFault, NULL_GUARD, type ImportFn, type ProgramEnv, type ProgramExports } from '../lang/abi'
import type { Program } from '../lang/api'
import { Memory, SegvError } from './memory'
import { userMemoryOf } from './user-memory'
import { Heap, HeapError } from './libc/heap'
import { FILE_RECORD, libcImports } from './libc-imports'
import { libbpfImports } from './libbpf'
import { libbpfObjectImports, type BpfObjectTable } from './libbpf-object'
import { FRAME_RECORD_WORDS, faultStatement } from '../lang/debug-info'
import { UserObjects } from './asan-objects'
import { AsanError, SyscallBufferCheck } from './asan'
import { RewindRequest } from './debug-control'

export interface ProcessIO {
  write(fd: 1 | 2, bytes: Uint8Array): void
}

export interface ProcessOptions {
  /** Name of the process (comm), shown by the kernel views. */
  comm?: string
  argv?: string[]
  /** Bytes of private memory (default 32 MiB). */
  memoryBytes?: number
  stackBytes?: number
  /** Control words shared with the driver: ctl[0] != 0 makes the program call trap(). */
  ctl?: Int32Array
  /**
   * Called at hook points when ctl[0] != 0; throw StopRequest to end the program. Programs
   * compiled with hooks: 'statements' also pass the hook's scope and register values (debug-info.ts).
   */
  trap?: (sid: number, proc: Process, scope?: number, values?: unknown[]) => void
  /** CPU the process runs on (syscalls are made from it). */
  cpu?: number
  /** Simulated clock shared with the kernel views; sleep() advances it. */
  clock?: SimClock
  /** BPF objects bpf_object__open_file() can open (libbpf-object.ts). */
  bpfObjects?: BpfObjectTable
  /** Replaces simulated sleep (sleep, usleep, nanosleep): e.g. a real wait while traffic flows. */
  sleep?: (ns: bigint, proc: Process) => void
}

export interface ProcessResult {
  exitCode: number
  /** Set when the process was killed by a signal or stopped by the driver. */
  signal?: 'SIGSEGV' | 'SIGFPE' | 'SIGABRT' | 'SIGILL' | 'SIGKILL' | 'SIGINT'
  /** Human-readable reason for an abnormal end (already written to stderr). */
  reason?: string
}

/** Thrown by a trap handler (or the runtime) to stop the program from outside. */
export class StopRequest extends Error {
  constructor(
    readonly why: string,
    /** SIGINT: stopped like Ctrl-C (exit 130, "^C"), not killed. */
    readonly signal: 'SIGKILL' | 'SIGINT' = 'SIGKILL',
  ) {
    super(why)
  }
}

/** exit(): unwinds the C stack. */
export class ExitRequest extends Error {
  constructor(readonly code: number) {
    super(`exit(${code})`)
  }
}

/** Simulated time: sleep() moves it forward instead of blocking a worker. */
export class SimClock {
  ns = 0n
  advance(ns: bigint): void {
    this.ns += ns
  }
}

const RUNTIME_AREA = 4096
const STDIO_NAMES = ['stdin', 'stdout', 'stderr']
const DEFAULT_MEMORY = 32 << 20
const DEFAULT_STACK = 8 << 20

export class Process {
  readonly mem: Memory
  readonly pid: number
  readonly heap: Heap
  readonly clock: SimClock
  readonly cpu: number
  /** Address of the C `errno` int. */
  readonly errnoAddr: number
  /** Scratch `union bpf_attr` area used by the libbpf wrappers (in user memory, as in C). */
  readonly attrAddr: number
  readonly user: UserMemory
  /** Who enters the kernel (made once: bpf() is called millions of times). */
  readonly caller: Caller
  /** Address of the FILE records of stdin, stdout, stderr (16 bytes each). */
  readonly filesAddr: number
  readonly comm: string
  /** Frame records of the running C functions (debug-info.ts): stack bounds for ASan, call stack for the debugger. */
  readonly frames = new Int32Array(FRAME_RECORD_WORDS)
  /** Hooks counted without a trap (ctl[0] = 3: abi.ts), read by the debugger. */
  readonly ticks = new Float64Array(1)
  /** The C object an address belongs to (globals, stack variables, heap blocks). */
  readonly objects: UserObjects
  /** AddressSanitizer-style checks of syscall buffers (asan.ts), always on. */
  readonly asan: SyscallBufferCheck
  private readonly dataBase = NULL_GUARD
  private readonly staticStrings = new Map<string, number>()
  private readonly startedAt = performance.now()
  private exports: ProgramExports | null = null
  /** stdout waiting to be handed to io (chunks, flushed at 4 KiB, before stderr and at exit). */
  private stdoutChunks: Uint8Array[] = []
  private stdoutBytes = 0

  constructor(
    readonly kernel: KernelApi,
    readonly program: Program,
    readonly io: ProcessIO,
    readonly opts: ProcessOptions = {},
  ) {
    const size = opts.memoryBytes ?? DEFAULT_MEMORY
    this.mem = new Memory(new ArrayBuffer(size))
    this.clock = opts.clock ?? new SimClock()
    this.cpu = opts.cpu ?? 0
    const dataEnd = align(this.dataBase + program.data.length, 16)
    this.errnoAddr = dataEnd
    this.attrAddr = dataEnd + 16
    this.filesAddr = this.attrAddr + 256
    for (let fd = 0; fd < 3; fd++) this.mem.dv.setInt32(this.filesAddr + fd * FILE_RECORD - NULL_GUARD, fd, true)
    const heapStart = dataEnd + RUNTIME_AREA
    const stackLimit = size - (opts.stackBytes ?? DEFAULT_STACK)
    this.heap = new Heap(this.mem, heapStart, stackLimit)
    this.loadData()
    this.comm = opts.comm ?? program.filename.replace(/^.*\//, '').replace(/\.c$/, '')
    this.pid = kernel.processCreate(this.comm)
    this.caller = { pid: this.pid, cpu: this.cpu }
    const layout = { dataBase: this.dataBase, dataEnd, heap: this.heap, stackLimit, stackTop: size, frames: this.frames }
    this.objects = new UserObjects(program, layout)
    this.asan = new SyscallBufferCheck(this.objects, program, this.pid)
    this.user = userMemoryOf(this.mem, this.asan, [dataEnd, heapStart])
  }

  /** A NUL-terminated copy of `text` in the heap, made once per text (strerror's static buffers). */
  staticString(key: string, text: string): number {
    const k = key + '\0' + text
    let addr = this.staticStrings.get(k)
    if (addr === undefined) {
      const bytes = new TextEncoder().encode(text)
      addr = this.heap.malloc(bytes.length + 1)
      this.mem.u8.set(bytes, addr)
      this.mem.u8[addr + bytes.length] = 0
      this.staticStrings.set(k, addr)
    }
    return addr
  }

  /** A file-system call returning 0 / -errno, turned into the libc convention (-1 and errno). */
  fileCall(call: () => number): number {
    const r = call()
    if (r < 0) {
      this.errno = -r
      return -1
    }
    return r
  }

  /** sleep(): simulated time moves on (the kernel's clock too), nothing blocks; unless the host says otherwise (opts.sleep). */
  sleep(ns: bigint): void {
    if (this.opts.sleep) return this.opts.sleep(ns, this)
    this.clock.advance(ns)
    this.kernel.advanceClock(Number(ns))
  }

  /** CLOCK_MONOTONIC: real time since the process started plus simulated sleeps. */
  monotonicNs(): bigint {
    return BigInt(Math.round((performance.now() - this.startedAt) * 1e6)) + this.clock.ns
  }

  wallSeconds(): bigint {
    return BigInt(Math.floor(Date.now() / 1000)) + this.clock.ns / 1_000_000_000n
  }

  get errno(): number {
    return this.mem.dv.getInt32(this.errnoAddr - NULL_GUARD, true)
  }

  set errno(v: number) {
    this.mem.dv.setInt32(this.errnoAddr - NULL_GUARD, v, true)
  }

  /** Write to fd 1 or 2. stdout is buffered like a pipe would be only until exit; stderr is not. */
  write(fd: 1 | 2, bytes: Uint8Array): void {
    if (fd === 1) {
      this.stdoutChunks.push(bytes.slice())
      this.stdoutBytes += bytes.length
      if (this.stdoutBytes >= 4096) this.flush()
    } else {
      this.flush()
      this.io.write(2, bytes.slice())
    }
  }

  flush(): void {
    if (this.stdoutBytes === 0) return
    const all = new Uint8Array(this.stdoutBytes)
    let at = 0
    for (const c of this.stdoutChunks) {
      all.set(c, at)
      at += c.length
    }
    this.stdoutChunks = []
    this.stdoutBytes = 0
    this.io.write(1, all)
  }

  /** Runs main() to completion and returns how the process ended. The process's fds are closed afterwards. */
  run(): ProcessResult {
    let result: ProcessResult
    try {
      const exports = this.instantiate()
      const main = exports.main
      if (!main) throw new LinkError("undefined reference to 'main'")
      const argv = this.opts.argv ?? [this.program.filename.replace(/\.c$/, '')]
      const [argc, argvAddr] = this.writeArgv(argv)
      const ret = main.length >= 2 ? main(argc, argvAddr) : main()
      result = { exitCode: exitStatus(ret) }
    } catch (e) {
      // a step back abandons this timeline: the host restores the kernel and replays (time-travel.ts)
      if (e instanceof RewindRequest) throw e
      result = this.abnormalEnd(e)
    } finally {
      this.flush()
    }
    this.kernel.processExit(this.pid)
    return result
  }

  private instantiate(): ProgramExports {
    if (this.exports) return this.exports
    const bpfImports = { ...libbpfImports(this), ...libbpfObjectImports(this) }
    const imports = { ...libcImports(this), ...bpfImports }
    // Functions that enter bpf(): an ASan report kept during the syscall is raised when it returns.
    for (const name of [...Object.keys(bpfImports), 'syscall']) if (imports[name]) imports[name] = raisingAsanReports(imports[name], name, this.asan)
    for (const imp of this.program.imports) {
      if (!(imp.name in imports)) {
        throw new LinkError(`undefined reference to '${imp.name}'`, imp.line, imp.col)
      }
    }
    const size = this.mem.size
    const env: ProgramEnv & { CFault: typeof CFault } = {
      dv: this.mem.dv,
      buffer: this.mem.buffer,
      dataBase: this.dataBase,
      stackTop: size,
      stackLimit: size - (this.opts.stackBytes ?? DEFAULT_STACK),
      imports,
      ctl: this.opts.ctl ?? new Int32Array(1),
      trap: (sid, scope, values) => this.opts.trap?.(sid, this, scope, values),
      frames: this.frames,
      ticks: this.ticks,
      CFault,
    }
    const factory = new Function('$env', this.program.code) as (env: ProgramEnv) => ProgramExports
    this.exports = factory(env)
    return this.exports
  }

  private loadData(): void {
    const { data, relocations } = this.program
    this.mem.u8.set(data, this.dataBase)
    for (const off of relocations) {
      const at = this.dataBase + off - NULL_GUARD
      this.mem.dv.setUint32(at, this.mem.dv.getUint32(at, true) + this.dataBase, true)
    }
    // Data the C library defines and the program only declares (extern FILE *stdout; ...).
    for (const g of this.program.globals) {
      const fd = STDIO_NAMES.indexOf(g.name)
      if (fd >= 0) this.mem.dv.setBigUint64(this.dataBase + g.offset - NULL_GUARD, BigInt(this.filesAddr + fd * FILE_RECORD), true)
    }
  }

  private writeArgv(argv: string[]): [number, number] {
    const enc = new TextEncoder()
    const strs = argv.map((a) => {
      const b = enc.encode(a)
      const p = this.heap.malloc(b.length + 1)
      this.mem.u8.set(b, p)
      this.mem.u8[p + b.length] = 0
      return p
    })
    const arr = this.heap.malloc(8 * (argv.length + 1))
    strs.forEach((p, i) => this.mem.dv.setBigUint64(arr + 8 * i - NULL_GUARD, BigInt(p), true))
    this.mem.dv.setBigUint64(arr + 8 * argv.length - NULL_GUARD, 0n, true)
    return [argv.length, arr]
  }

  /** Turns what unwound the program into an exit status and a message on stderr, as a shell would show it. */
  private abnormalEnd(e: unknown): ProcessResult {
    this.flush()
    if (e instanceof ExitRequest) return { exitCode: e.code & 255 }
    const where = this.positionOf(e)
    const say = (msg: string) => this.io.write(2, new TextEncoder().encode(msg + '\n'))
    if (e instanceof LinkError) {
      const pos = e.line ? `${this.program.filename}:${e.line}:${e.col}: ` : ''
      const reason = `${pos}error: ${e.message}`
      say(reason)
      return { exitCode: 1, reason }
    }
    if (e instanceof AsanError) {
      this.io.write(2, new TextEncoder().encode(e.report))
      return { exitCode: 1, reason: e.summary }
    }
    if (e instanceof StopRequest && e.signal === 'SIGINT') {
      say('^C')
      return { exitCode: 130, signal: 'SIGINT', reason: e.why }
    }
    if (e instanceof StopRequest) {
      say(`bpfplay: ${e.why}${where}`)
      return { exitCode: 137, signal: 'SIGKILL', reason: e.why }
    }
    if (e instanceof CFault) {
      const reason = `${signalText(e.signal)} (${e.detail}${where})`
      say(reason)
      return { exitCode: 128 + signalNumber(e.signal), signal: e.signal, reason }
    }
    if (e instanceof HeapError) {
      say(e.message)
      const reason = `Aborted (${e.message}${where})`
      say(reason)
      return { exitCode: 134, signal: 'SIGABRT', reason }
    }
    if (e instanceof SegvError || e instanceof RangeError) {
      const detail =
        e instanceof SegvError
          ? `invalid ${e.access} at address 0x${e.address.toString(16)}`
          : /call stack/i.test(e.message)
            ? 'stack overflow'
            : 'invalid memory access'
      const reason = `Segmentation fault (${detail}${where})`
      say(reason)
      return { exitCode: 139, signal: 'SIGSEGV', reason }
    }
    const reason = `bpfplay: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}`
    say(reason)
    return { exitCode: 70, reason }
  }

  /** ", at FILE:LINE" from the generated code's frame on the JS stack, when there is one. */
  private positionOf(e: unknown): string {
    const pos = faultStatement(this.program, e)
    return pos ? `, at ${pos.file}:${pos.line}:${pos.col}` : ''
  }
}

export class LinkError extends Error {
  constructor(
    message: string,
    readonly line = 0,
    readonly col = 0,
  ) {
    super(message)
  }
}

/** An import that enters the kernel, raising a syscall buffer report (asan.ts) once the call returns. */
function raisingAsanReports(f: ImportFn, name: string, asan: SyscallBufferCheck): ImportFn {
  // (rest and spread, not `arguments`: V8 inlines this wrapper on the bpf() hot path)
  return (...args: unknown[]) => {
    const r = f(...args)
    if (asan.hasPending) asan.raisePending(name)
    return r
  }
}

function exitStatus(ret: unknown): number {
  if (typeof ret === 'number') return ret & 255
  if (typeof ret === 'bigint') return Number(ret & 255n)
  return 0
}

function align(n: number, a: number): number {
  return (n + a - 1) & -a
}

const SIGNALS = { SIGILL: 4, SIGABRT: 6, SIGFPE: 8, SIGSEGV: 11, SIGKILL: 9 } as const
function signalNumber(s: keyof typeof SIGNALS): number {
  return SIGNALS[s]
}
function signalText(s: CFault['signal']): string {
  return { SIGSEGV: 'Segmentation fault', SIGFPE: 'Floating point exception', SIGILL: 'Illegal instruction', SIGABRT: 'Aborted' }[s]
}
