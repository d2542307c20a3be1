/**
 * One simulated CPU running an XDP program. It instantiates the compiled program against the
 * kernel's SharedArrayBuffer (the program's memory: map values, packets, its own stack, all
 * addressed by byte offset), with the helpers bound to this CPU, and runs the entry function once
 * per packet with a `struct xdp_md` describing it:
 *
 *   struct xdp_md { __u32 data, data_end, data_meta, ingress_ifindex, rx_queue_index, egress_ifindex; }
 *
 * data/data_end/data_meta are 32-bit fields holding packet addresses, as the kernel presents them
 * to programs ((void *)(long)ctx->data is a pointer to the first byte). The return value is
 * counted per XDP action. A fault (NULL or out-of-memory access, division by zero, a helper call
 * the verifier would have refused) aborts that packet only: it counts as XDP_ABORTED and is
 * reported with the source line, and the CPU goes on with the next packet.
 */
import { CFault, type ProgramEnv, type ProgramExports } from '../lang/abi'
import type { Kernel } from '../kernel/kernel'
import { bpfHelperBinder, bpfHelpers, HelperFault, type HelperEnv, type XdpPacketState } from './helpers'
import { pickEntry, type LoadedProgram } from './loader'
import type { Program } from '../lang/api'
import { faultStatement } from '../lang/debug-info'
import { XDP_PACKET_HEADROOM } from './packets'
import { copyFrame, DESC_FRAME, DESC_LENGTH, DESC_SOURCE, DESC_WORDS, XDP_TAILROOM, type RxRing } from './rx-queue'
import { XDP_TRACE_FLAGS } from './trace'

export const XDP_ACTIONS = ['XDP_ABORTED', 'XDP_DROP', 'XDP_PASS', 'XDP_TX', 'XDP_REDIRECT'] as const
export const XDP_ABORTED = 0
/** pollActions' count of returns that are no XDP action. */
const INVALID = 5
// runQueue reads the descriptors with these offsets as literals.
if (DESC_FRAME !== 0 || DESC_LENGTH !== 1 || DESC_SOURCE !== 2 || DESC_WORDS !== 4) throw new Error('cpu.ts: runQueue does not read descriptors as rx-queue.ts lays them out')
/** Helpers that read the packet's buffer bounds (its headroom and tailroom). */
const BUFFER_HELPERS = new Set(['bpf_xdp_adjust_head', 'bpf_xdp_adjust_tail', 'bpf_xdp_adjust_meta'])

/** Bytes of stack per CPU (BPF allows 512 per program; compiled C keeps more locals in memory). */
export const CPU_STACK_BYTES = 32 * 1024
const CTX_BYTES = 24

/** A packet that aborted: what happened and where. */
export interface XdpFault {
  cpu: number
  /** The packet's tag (its number in the stream). */
  packet: number
  message: string
  /** file:line:col of the statement, when known. */
  where?: string
}

/** Thrown by the driver's trap to stop a CPU (timeout, user stop): not a packet fault. */
export class CpuStop extends Error {}

export interface CpuOptions {
  kernel: Kernel
  loaded: LoadedProgram
  cpu: number
  /** Function to run (default: the first XDP program). */
  entry?: string
  /** trace_pipe lines from bpf_printk. */
  trace?: (line: string) => void
  /** Clock for bpf_ktime_get_ns (default: the kernel's). */
  ktimeNs?: () => bigint
  /** Seed of bpf_get_prandom_u32 (default: random). */
  seed?: number
  /** Memory view the program uses (the reproducible scheduler instruments it). */
  dv?: DataView
  beforeHelper?: () => void
  /** Control word: the program traps at hooks when ctl[0] != 0. */
  ctl?: Int32Array
  trap?: (sid: number) => void
  ingressIfindex?: number
  /** Faults kept with details (all are counted). */
  maxFaultReports?: number
  traceComm?: string
  tracePid?: number
}

export class XdpCpu {
  readonly cpu: number
  /** Packets per XDP action (index = action). */
  readonly actions = [0, 0, 0, 0, 0]
  /** Returns outside 0..4 (the driver warns and drops them). */
  invalidActions = 0
  packets = 0
  faultCount = 0
  readonly faults: XdpFault[] = []
  private readonly kernel: Kernel
  private readonly loaded: LoadedProgram
  private readonly entry: (ctx: number) => unknown
  private readonly stackBase: number
  private readonly state: XdpPacketState
  private readonly words: Int32Array
  private readonly u8: Uint8Array
  /** A poll's actions (then INVALID: returns outside 0..4), added to the totals at its end. */
  private readonly pollActions = new Int32Array(6)
  /** The program calls a helper that needs the packet's buffer bounds (XdpPacketState). */
  private readonly usesBufferBounds: boolean
  private readonly maxFaults: number
  private readonly ifindex: number

  constructor(opts: CpuOptions) {
    const { kernel, loaded, cpu } = opts
    this.kernel = kernel
    this.loaded = loaded
    this.cpu = cpu
    this.maxFaults = opts.maxFaultReports ?? 20
    this.ifindex = opts.ingressIfindex ?? 2
    const entry = pickEntry(loaded, opts.entry)
    this.stackBase = kernel.kmalloc(CPU_STACK_BYTES + CTX_BYTES, 16)
    if (this.stackBase === 0) throw new Error('kernel out of memory for a CPU stack')
    const ctxAddr = this.stackBase + CPU_STACK_BYTES
    this.state = { ctxAddr, hardStart: 0, hardEnd: 0 }
    this.words = new Int32Array(kernel.sab)
    this.u8 = new Uint8Array(kernel.sab)
    this.usesBufferBounds = loaded.program.imports.some((i) => BUFFER_HELPERS.has(i.name))
    let rng = (opts.seed ?? (Math.random() * 2 ** 32) >>> 0) ^ Math.imul(cpu + 1, 0x9e3779b9) || 1
    const helperEnv: HelperEnv = {
      kernel,
      cpu,
      maps: loaded.maps,
      ktimeNs: opts.ktimeNs ?? (() => BigInt(kernel.ktimeNs())),
      prandomU32: () => {
        // xorshift32: per-CPU state, as the kernel's prandom is per CPU
        rng ^= rng << 13
        rng ^= rng >>> 17
        rng ^= rng << 5
        return rng >>> 0
      },
      trace: opts.trace ?? (() => {}),
      traceComm: opts.traceComm ?? '<idle>',
      tracePid: opts.tracePid ?? 0,
      traceFlags: XDP_TRACE_FLAGS,
      packet: this.state,
      beforeHelper: opts.beforeHelper,
    }
    const imports = bpfHelpers(helperEnv)
    const adders = kernel.atomicAdders()
    const env: ProgramEnv & { CFault: typeof CFault } = {
      dv: opts.dv ?? new DataView(kernel.sab, 4096),
      buffer: kernel.sab,
      dataBase: loaded.dataBase,
      stackTop: this.stackBase + CPU_STACK_BYTES,
      stackLimit: this.stackBase,
      imports,
      // helper calls on &map bound to their map once, here (helpers.ts)
      bindImport: bpfHelperBinder(helperEnv),
      // a real 64-bit lock xadd when the kernel's memory is a WebAssembly.Memory
      atomicAdd64: adders?.add,
      atomicAdd64x2: adders?.add2,
      ctl: opts.ctl ?? new Int32Array(1),
      trap: opts.trap ?? (() => {}),
      CFault,
    }
    const factory = new Function('$env', loaded.program.code) as (env: ProgramEnv) => ProgramExports
    const exports = factory(env)
    const fn = exports[entry.name]
    if (typeof fn !== 'function') throw new Error(`compiled program has no function ${entry.name}`)
    this.entry = fn
  }

  /** Kernel address of this CPU's struct xdp_md. */
  get ctxAddr(): number {
    return this.state.ctxAddr
  }

  /**
   * Runs the program on the packet at [data, data + len) whose buffer spans [hardStart, hardEnd)
   * (headroom before data for bpf_xdp_adjust_head, tailroom for adjust_tail). Returns the action.
   * Its helper calls are visible in the CPU's event ring at once.
   */
  run(data: number, len: number, hardStart: number, hardEnd: number, tag: number): number {
    this.state.hardStart = hardStart
    this.state.hardEnd = hardEnd
    writePacketBounds(this.words, this.state.ctxAddr >> 2, data, data + len)
    writeCpuFields(this.words, this.state.ctxAddr >> 2, this.ifindex, this.cpu)
    let action: number
    try {
      action = Number(this.entry(this.state.ctxAddr))
    } catch (e) {
      action = this.fault(e, tag)
    }
    this.packets++
    if (isXdpAction(action)) this.actions[action]++
    else action = this.invalidAction()
    return action
  }

  /**
   * A NAPI poll's packets: the `n` buffers of `queue` from position `pos` on, with the helper
   * calls published to the event ring once at the end. Returns the action of the last packet.
   *
   * This loop is most of a CPU's time on a short program, and V8 inlines the program into it
   * only within a budget of bytecode per optimised function (the hottest calls first). So the
   * loop keeps to locals, reads the queue's descriptors itself, counts the actions in a typed
   * array added to the totals once per poll, writes the buffer's bounds only for programs that
   * can use them (the adjust helpers), and has its try around the loop rather than around each
   * call (which costs about as much as a short program): a fault ends the packet it happened in,
   * and the loop resumes with the next one.
   */
  runQueue(queue: RxRing, pos: number, n: number): number {
    const log = this.kernel.eventLog
    const room = queue.bufferBytes - XDP_PACKET_HEADROOM - XDP_TAILROOM
    const { words, u8, state, entry, pollActions } = this
    const bounds = this.usesBufferBounds
    const ctx = state.ctxAddr
    const w = ctx >> 2
    let action = XDP_ABORTED
    let done = 0
    // once per poll: the same for every packet (programs cannot write ctx)
    writeCpuFields(words, w, this.ifindex, this.cpu)
    log.holdHelperEvents(this.cpu)
    try {
      while (done < n) {
        // the descriptors of a run of positions are consecutive words (up to the queue's wrap)
        const run = Math.min(n - done, queue.contiguous(pos))
        let d = queue.descriptor(pos)
        try {
          // The descriptor's offsets are literals (checked against rx-queue.ts's at the top of
          // this file): V8 loads a module constant, and checks it is initialised, at every use,
          // which cost this loop 2 ns a packet.
          for (const end = done + run; done < end; done++, d += 4) {
            const data = words[d] // DESC_FRAME
            const source = words[d + 2] // DESC_SOURCE
            if (source !== 0) copyFrame(words, u8, source, data, words[d + 1])
            if (bounds) {
              state.hardStart = data - XDP_PACKET_HEADROOM
              state.hardEnd = data + room
            }
            writePacketBounds(words, w, data, data + words[d + 1]) // DESC_LENGTH
            const r = entry(ctx)
            action = typeof r === 'number' ? r : Number(r)
            if (action >>> 0 === action && action <= 4) pollActions[action]++
            else {
              pollActions[5]++ // INVALID
              action = 0 // XDP_ABORTED
            }
            pos = (pos + 1) | 0
          }
        } catch (e) {
          action = this.fault(e, queue.tagAt(pos))
          pollActions[action]++
          done++
          pos = (pos + 1) | 0
        }
      }
    } finally {
      this.packets += done
      const actions = this.actions
      for (let a = 0; a < 5; a++) {
        actions[a] += pollActions[a]
        pollActions[a] = 0
      }
      this.invalidActions += pollActions[INVALID]
      pollActions[INVALID] = 0
      log.publishHelperEvents(this.cpu)
    }
    return action
  }

  /** A packet the program faulted on: reported, XDP_ABORTED. A stop (CpuStop) goes on up. */
  private fault(e: unknown, tag: number): number {
    if (e instanceof CpuStop) throw e
    this.recordFault(e, tag)
    return XDP_ABORTED
  }

  /** The driver warns (bpf_warn_invalid_xdp_action) and drops the packet as on XDP_ABORTED. */
  private invalidAction(): number {
    this.invalidActions++
    return XDP_ABORTED
  }

  /** Frees this CPU's stack. */
  close(): void {
    this.kernel.kfree(this.stackBase)
  }

  private recordFault(e: unknown, tag: number): void {
    this.faultCount++
    if (this.faults.length >= this.maxFaults) return
    this.faults.push({ cpu: this.cpu, packet: tag, message: faultMessage(e), where: faultPosition(this.loaded.program, e) })
  }
}

/** file:line:col of the statement a fault happened in (as Process does for userspace). */
export function faultPosition(p: Program, e: unknown): string | undefined {
  const pos = faultStatement(p, e)
  return pos ? `${pos.file}:${pos.line}:${pos.col}` : undefined
}

/** Why a packet aborted. */
export function faultMessage(e: unknown): string {
  if (e instanceof CFault) return `${e.signal === 'SIGSEGV' ? 'invalid memory access' : e.signal}: ${e.detail}`
  if (e instanceof HelperFault) return e.message
  if (e instanceof RangeError) return /call stack/i.test(e.message) ? 'stack overflow' : 'invalid memory access (a NULL pointer or an address outside kernel memory)'
  if (e instanceof Error) return `internal error: ${e.message}`
  return `internal error: ${String(e)}`
}

function isXdpAction(action: number): boolean {
  return action >= 0 && action <= 4 && action === (action | 0)
}

/*
 * struct xdp_md at word w (16-byte aligned; the host is little-endian like x86-64): data,
 * data_end, data_meta (no metadata yet: = data), then ingress_ifindex, rx_queue_index (the CPU's
 * queue), egress_ifindex (0 in XDP), which are the same for every packet a CPU runs.
 */

/** The packet's fields of struct xdp_md at word w: data, data_end, data_meta. */
function writePacketBounds(words: Int32Array, w: number, data: number, dataEnd: number): void {
  words[w] = data
  words[w + 1] = dataEnd
  words[w + 2] = data
}

/** The CPU's fields of struct xdp_md at word w: ingress_ifindex, rx_queue_index, egress_ifindex. */
function writeCpuFields(words: Int32Array, w: number, ifindex: number, rxQueue: number): void {
  words[w + 3] = ifindex
  words[w + 4] = rxQueue
  words[w + 5] = 0
}
