/**
 * One simulated CPU in a browser Web Worker, in live NIC mode: it drains its RX queue (in the
 * kernel's SharedArrayBuffer) NAPI-style and runs whatever XDP program is attached to the
 * interface at each poll (follow.ts), with the same poll as src/xdp/cpu-worker.ts (napi.ts), but
 * publishing its counts to the page's stats buffer (browser-stats.ts) once per poll, and taking
 * newly compiled programs from the page while it runs.
 *
 * New programs: the loop blocks in RxQueue.ready() (Atomics.wait) and so hears no messages. The
 * page therefore posts a program *before* anything can attach it and bumps the objects-version
 * word; the loop compares that word before each poll and, when it changed, waits on the event
 * loop for the message (already sent, so it comes at once). A program is thus always known by
 * the time a CPU sees its id in the interface's attached-program word.
 *
 * bpf_printk lines go to the page in batches (at most every TRACE_FLUSH_MS); past TRACE_LIMIT
 * pending lines they are dropped and counted, as trace_pipe's ring loses events when nobody reads.
 */
import { Kernel } from '../kernel/kernel'
import type { Program } from '../lang/api'
import { CpuStop, type XdpCpu, type XdpFault } from './cpu'
import { FollowingCpu } from './follow'
import { NapiPoller } from './napi'
import { RxQueue } from './rx-queue'
import { CpuCounters, W_OBJECTS, XdpStats } from './browser-stats'

export interface BrowserCpuInit {
  kind: 'init'
  sab: SharedArrayBuffer
  /** The WebAssembly.Memory whose buffer `sab` is, if the kernel has one (Kernel.memory). */
  memory: WebAssembly.Memory | null
  stats: SharedArrayBuffer
  cpu: number
  /** Kernel address of this CPU's RX queue. */
  queueOffset: number
  ifindex: number
  /** Compiled programs by object key, and the objects version they amount to. */
  objects: Record<string, Program>
  version: number
}

export interface BrowserCpuObjects {
  kind: 'objects'
  objects: Record<string, Program>
  version: number
}

export type ToCpu = BrowserCpuInit | BrowserCpuObjects

export type FromCpu =
  | { kind: 'trace'; cpu: number; lines: string[]; dropped: number }
  | { kind: 'fault'; cpu: number; fault: XdpFault }
  | { kind: 'done'; cpu: number; stopped: boolean }
  | { kind: 'error'; cpu: number; message: string }

const TRACE_FLUSH_MS = 50
const TRACE_LIMIT = 2000
/** Fault details sent to the page per CPU (all are counted). */
const FAULT_REPORTS = 20

export interface CpuPort {
  post(msg: FromCpu): void
  /** Resolves once the objects of version >= `version` have arrived. */
  objectsFor(version: number): Promise<void>
}

export class BrowserCpu {
  readonly objects: Record<string, Program>
  version: number
  private readonly stats: XdpStats

  constructor(
    private readonly init: BrowserCpuInit,
    private readonly port: CpuPort,
  ) {
    this.objects = { ...init.objects }
    this.version = init.version
    this.stats = new XdpStats(init.stats)
  }

  /** Objects sent by the page while the CPU runs. */
  addObjects(msg: BrowserCpuObjects): void {
    Object.assign(this.objects, msg.objects)
    this.version = Math.max(this.version, msg.version)
  }

  /** Runs until the queue is closed and drained, or the stop word is set. */
  async run(): Promise<void> {
    const { init, port, stats } = this
    const kernel = Kernel.attach(init.sab, init.memory)
    const queue = new RxQueue(init.sab, init.queueOffset)
    const counters = new CpuCounters(stats, init.cpu)
    counters.resume()
    let lines: string[] = []
    let dropped = 0
    let lastFlush = performance.now()
    const flush = () => {
      lastFlush = performance.now()
      if (lines.length === 0 && dropped === 0) return
      port.post({ kind: 'trace', cpu: init.cpu, lines, dropped })
      lines = []
      dropped = 0
    }
    const ctl = stats.ctl
    const follow = new FollowingCpu({
      kernel,
      cpu: init.cpu,
      objects: this.objects,
      ifindex: init.ifindex,
      ctl,
      trap: () => {
        if (Atomics.load(ctl, 0) !== 0) throw new CpuStop('stopped')
      },
      trace: (line) => {
        if (lines.length < TRACE_LIMIT) lines.push(line)
        else dropped++
      },
    })
    const napi = new NapiPoller(queue, follow)
    // Folds the counts of the program instance the last poll ran into the page's counters.
    let seen: XdpCpu | null = null
    const seenActions = [0, 0, 0, 0, 0]
    let seenFaults = 0
    let seenInvalid = 0
    let faultsSent = 0
    const fold = () => {
      const cpu = napi.lastCpu
      if (cpu === null) return
      if (cpu !== seen) {
        seen = cpu
        seenActions.fill(0)
        seenFaults = 0
        seenInvalid = 0
      }
      for (let a = 0; a < 5; a++) {
        counters.actions[a] += cpu.actions[a] - seenActions[a]
        seenActions[a] = cpu.actions[a]
      }
      if (cpu.faultCount !== seenFaults) {
        counters.faults += cpu.faultCount - seenFaults
        seenFaults = cpu.faultCount
        const f = cpu.faults[cpu.faults.length - 1]
        if (f && faultsSent < FAULT_REPORTS) {
          faultsSent++
          port.post({ kind: 'fault', cpu: init.cpu, fault: f })
        }
      }
      counters.invalid += cpu.invalidActions - seenInvalid
      seenInvalid = cpu.invalidActions
    }
    let stopped = false
    try {
      for (;;) {
        let ready = napi.available()
        if (ready === 0) {
          // Idle: hand over pending trace lines before sleeping (a Step's printk shows at once).
          flush()
          ready = napi.wait()
          if (ready === 0) break
        }
        if (Atomics.load(stats.words, W_OBJECTS) !== this.version) await port.objectsFor(Atomics.load(stats.words, W_OBJECTS))
        const t = performance.now()
        const n = napi.poll(ready)
        fold()
        counters.ranProgram(follow.programId, n)
        if (napi.lastCpu === null) {
          counters.noProgram += n
          counters.actions[2] += n
        }
        counters.lastAction = napi.lastAction
        counters.lastTag = napi.lastTag()
        counters.packets += n
        counters.busyMs += performance.now() - t
        counters.publish()
        if (Atomics.load(ctl, 0) !== 0) throw new CpuStop('stopped')
        if (t - lastFlush >= TRACE_FLUSH_MS) flush()
      }
    } catch (e) {
      if (!(e instanceof CpuStop)) throw e
      stopped = true
      fold() // a poll the stop cut short
    }
    flush()
    counters.publish()
    follow.close()
    kernel.detach()
    port.post({ kind: 'done', cpu: init.cpu, stopped })
  }
}
