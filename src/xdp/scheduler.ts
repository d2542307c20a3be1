/**
 * Reproducible mode: N CPUs interleaved deterministically in one thread.
 *
 * Races such as a lost `rec->rx_packets++` happen *inside* one C statement (a load, then a
 * store), so switching CPUs at statement boundaries would never show them. Switch points are
 * therefore the program's memory accesses outside its own stack and its own packet (map values,
 * globals: what other CPUs share) and its helper calls. Each CPU sees memory through an
 * instrumented DataView that calls the scheduler at those points.
 *
 * Frames reach the CPUs as on a multi-queue NIC (rss.ts: one flow, one CPU). At a switch point
 * a seeded PRNG decides whether another CPU runs now; if so, an idle CPU (one that is not
 * already suspended further down the stack) with a packet waiting processes it right there, to
 * completion, and the interrupted CPU then resumes. So CPU A can load a counter, CPU B
 * can load, increment and store it, and A then stores its stale value: the update B made is lost,
 * exactly as on real hardware. Interleavings are nested (B finishes before A resumes); every one
 * of them is a real interleaving of the CPUs' instructions, and the same seed gives the same one,
 * the same lost-update count and the same trace on every run. Atomic builtins (Atomics on the
 * shared buffer) are single steps and never lose updates.
 *
 * The clock (bpf_ktime_get_ns) and bpf_get_prandom_u32 are deterministic here too.
 */
import { NULL_GUARD } from '../lang/abi'
import type { Kernel } from '../kernel/kernel'
import { CPU_STACK_BYTES, XdpCpu } from './cpu'
import type { LoadedProgram } from './loader'
import { XDP_PACKET_HEADROOM } from './packets'
import { rxQueue } from './rss'
import { packetBufferBytes, XDP_TAILROOM } from './rx-queue'

/** A DataView that reports accesses outside [privLo, privHi) and [pktLo, pktHi) (DataView offsets). */
class SwitchingView extends DataView<SharedArrayBuffer> {
  privLo = 0
  privHi = 0
  pktLo = 0
  pktHi = 0
  constructor(
    buffer: SharedArrayBuffer,
    private readonly hook: () => void,
  ) {
    super(buffer, NULL_GUARD)
  }
  private at(o: number): void {
    if ((o < this.privLo || o >= this.privHi) && (o < this.pktLo || o >= this.pktHi)) this.hook()
  }
  override getInt8(o: number): number { this.at(o); return super.getInt8(o) }
  override getUint8(o: number): number { this.at(o); return super.getUint8(o) }
  override getInt16(o: number, le?: boolean): number { this.at(o); return super.getInt16(o, le) }
  override getUint16(o: number, le?: boolean): number { this.at(o); return super.getUint16(o, le) }
  override getInt32(o: number, le?: boolean): number { this.at(o); return super.getInt32(o, le) }
  override getUint32(o: number, le?: boolean): number { this.at(o); return super.getUint32(o, le) }
  override getBigInt64(o: number, le?: boolean): bigint { this.at(o); return super.getBigInt64(o, le) }
  override getBigUint64(o: number, le?: boolean): bigint { this.at(o); return super.getBigUint64(o, le) }
  override getFloat32(o: number, le?: boolean): number { this.at(o); return super.getFloat32(o, le) }
  override getFloat64(o: number, le?: boolean): number { this.at(o); return super.getFloat64(o, le) }
  override setInt8(o: number, v: number): void { this.at(o); super.setInt8(o, v) }
  override setUint8(o: number, v: number): void { this.at(o); super.setUint8(o, v) }
  override setInt16(o: number, v: number, le?: boolean): void { this.at(o); super.setInt16(o, v, le) }
  override setUint16(o: number, v: number, le?: boolean): void { this.at(o); super.setUint16(o, v, le) }
  override setInt32(o: number, v: number, le?: boolean): void { this.at(o); super.setInt32(o, v, le) }
  override setUint32(o: number, v: number, le?: boolean): void { this.at(o); super.setUint32(o, v, le) }
  override setBigInt64(o: number, v: bigint, le?: boolean): void { this.at(o); super.setBigInt64(o, v, le) }
  override setBigUint64(o: number, v: bigint, le?: boolean): void { this.at(o); super.setBigUint64(o, v, le) }
  override setFloat32(o: number, v: number, le?: boolean): void { this.at(o); super.setFloat32(o, v, le) }
  override setFloat64(o: number, v: number, le?: boolean): void { this.at(o); super.setFloat64(o, v, le) }
}

export interface SchedulerOptions {
  kernel: Kernel
  loaded: LoadedProgram
  cpus: number
  /** Frames in arrival order; each goes to the CPU of its RX queue (rss.ts). */
  frames: Iterable<Uint8Array>
  /** Longest frame (sizes the CPUs' packet buffers). */
  maxFrame: number
  seed: number
  /** Probability that a switch point runs another CPU (default 0.05). */
  switchProbability?: number
  entry?: string
  trace?: (line: string) => void
  /** Called after every packet with the CPU and the action (replay logs, UI stepping). */
  onPacket?: (cpu: number, tag: number, action: number) => void
}

/** Simulated time per packet start and per switch point, in ns (bpf_ktime_get_ns). */
const NS_PER_PACKET = 1000
const NS_PER_ACCESS = 5
/** Frames kept queued ahead (per CPU), so that a switch point finds packets on other CPUs. */
const LOOKAHEAD_PER_CPU = 4

export class ReproducibleScheduler {
  readonly cpus: XdpCpu[]
  /** Times another CPU ran in the middle of a packet. */
  switches = 0
  private readonly views: SwitchingView[] = []
  private readonly busy: boolean[]
  /** Per-CPU RX queues of frames not yet processed, with their arrival numbers. */
  private readonly queues: { frame: Uint8Array; tag: number }[][]
  private queued = 0
  private readonly source: Iterator<Uint8Array>
  private sourceDone = false
  private nextTag = 0
  private readonly buffers: number[]
  private readonly bufferBytes: number
  private readonly u8: Uint8Array
  private rng: number
  private readonly threshold: number
  private timeNs = 0

  constructor(private readonly opts: SchedulerOptions) {
    this.rng = (opts.seed >>> 0) ^ 0x5bd1e995 || 1
    this.threshold = Math.floor((opts.switchProbability ?? 0.05) * 2 ** 32)
    this.busy = new Array(opts.cpus).fill(false)
    this.queues = Array.from({ length: opts.cpus }, () => [])
    this.source = opts.frames[Symbol.iterator]()
    this.u8 = new Uint8Array(opts.kernel.sab)
    this.bufferBytes = packetBufferBytes(opts.maxFrame)
    this.buffers = []
    this.cpus = []
    for (let c = 0; c < opts.cpus; c++) {
      const buf = opts.kernel.kmalloc(this.bufferBytes, 64)
      if (buf === 0) throw new Error('kernel out of memory for packet buffers')
      this.buffers.push(buf)
      const view = new SwitchingView(opts.kernel.sab, () => this.switchPoint())
      this.views.push(view)
      const cpu = new XdpCpu({
        kernel: opts.kernel,
        loaded: opts.loaded,
        cpu: c,
        entry: opts.entry,
        trace: opts.trace,
        ktimeNs: () => BigInt(this.timeNs),
        seed: (opts.seed + c) >>> 0,
        dv: view,
        beforeHelper: () => this.switchPoint(),
      })
      // The CPU's stack, ctx and packet buffer are private: accesses there never switch.
      const lo = cpu.ctxAddr - CPU_STACK_BYTES - NULL_GUARD
      view.privLo = lo
      view.privHi = lo + CPU_STACK_BYTES + 64
      view.pktLo = buf - NULL_GUARD
      view.pktHi = buf + this.bufferBytes - NULL_GUARD
      this.cpus.push(cpu)
    }
  }

  /** Runs every packet of the source. */
  run(): void {
    for (;;) {
      this.fill()
      if (this.queued === 0) return
      // A CPU with packets waiting, chosen by the seeded generator.
      let pick = this.next(this.queues.filter((q) => q.length > 0).length)
      for (let c = 0; c < this.queues.length; c++) {
        if (this.queues[c].length > 0 && pick-- === 0) {
          this.runPacket(c)
          break
        }
      }
    }
  }

  /** Pulls frames from the source into the RX queues until enough are waiting. */
  private fill(): void {
    const want = LOOKAHEAD_PER_CPU * this.queues.length
    while (!this.sourceDone && this.queued < want) {
      const r = this.source.next()
      if (r.done) {
        this.sourceDone = true
        return
      }
      if (r.value.length > this.bufferBytes - XDP_PACKET_HEADROOM - XDP_TAILROOM) throw new RangeError(`frame of ${r.value.length} bytes is longer than the largest frame announced (${this.opts.maxFrame})`)
      this.queues[rxQueue(r.value, this.queues.length)].push({ frame: r.value, tag: this.nextTag++ })
      this.queued++
    }
  }

  /** A uniformly random number below n, from the seeded xorshift32. */
  private next(n: number): number {
    return this.step() % n
  }

  private step(): number {
    let x = this.rng
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    this.rng = x
    return x >>> 0
  }

  /** A memory access or helper call of the running CPU: maybe let an idle CPU run a packet now. */
  private switchPoint(): void {
    this.timeNs += NS_PER_ACCESS
    if (this.step() >= this.threshold) return
    let ready = 0
    for (let c = 0; c < this.busy.length; c++) if (!this.busy[c] && this.queues[c].length > 0) ready++
    if (ready === 0) return
    let pick = this.next(ready)
    for (let c = 0; c < this.busy.length; c++) {
      if (this.busy[c] || this.queues[c].length === 0) continue
      if (pick-- === 0) {
        this.switches++
        this.runPacket(c)
        return
      }
    }
  }

  /** CPU c takes the next packet of its RX queue and runs it to completion. */
  private runPacket(c: number): void {
    const { frame, tag } = this.queues[c].shift()!
    this.queued--
    const buf = this.buffers[c]
    const data = buf + XDP_PACKET_HEADROOM
    this.u8.set(frame, data)
    this.timeNs += NS_PER_PACKET
    this.busy[c] = true
    let action: number
    try {
      action = this.cpus[c].run(data, frame.length, buf, buf + this.bufferBytes - XDP_TAILROOM, tag)
    } finally {
      this.busy[c] = false
    }
    this.opts.onPacket?.(c, tag, action)
  }

  close(): void {
    for (const cpu of this.cpus) cpu.close()
    for (const b of this.buffers) this.opts.kernel.kfree(b)
  }
}
