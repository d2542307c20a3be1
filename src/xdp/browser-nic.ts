/**
 * The browser machine's NIC (eth0), run in its own Web Worker: it puts frames of a traffic
 * preset into the per-CPU RX queues (rss.ts picks the queue of each flow, as a multi-queue NIC
 * does) at a paced rate (pacer.ts), and publishes each queue once per tick so the CPU
 * workers see packets within a tick. It never runs on the page's thread, and it only touches
 * the kernel through the RX queues in kernel memory (and kmalloc/kfree for them).
 *
 * Frames: the preset's generator is slow next to a CPU (tens of µs per frame), so the NIC
 * records the first POOL_FRAMES frames the generator makes while sending them and then replays
 * that capture in a loop, as a traffic generator replaying a pcap does; the RSS queue of each
 * recorded frame is computed once.
 *
 * Step: one frame, the next of the stream, into its flow's queue; the CPU that owns the queue
 * runs it and reports the action through the stats buffer.
 */
import type { Kernel } from '../kernel/kernel'
import { generateTraffic, isPresetName, parsePacket, presetNames, type PresetName } from './packets'
import { Pacer } from './pacer'
import { presetMaxFrame } from './browser-traffic'
import type { XdpStats } from './browser-stats'
import { RxQueue } from './rx-queue'
import { rxQueue } from './rss'

/** Frames recorded from the generator before replaying (fewer for large frames: POOL_BYTES). */
export const POOL_FRAMES = 4096
const POOL_BYTES = 8 << 20
/** Pause between two ticks at a set rate. */
export const TICK_MS = 5
/** Longest stretch the producer works before yielding to its event loop (commands, timers). */
const SLICE_MS = 8

export interface TrafficSpec {
  preset: PresetName
  seed: number
}

export interface SteppedFrame {
  tag: number
  /** Queue (= CPU) the frame went to. */
  cpu: number
  length: number
  /** tcpdump-like one-line summary. */
  summary: string
}

/** A frame taken for the debugger: its bytes, the CPU its flow goes to, its summary. */
export interface TakenFrame extends Omit<SteppedFrame, 'tag'> {
  frame: Uint8Array
}

/** Frames of a preset: generated on first use, then replayed from the recording. */
export class FrameStream {
  private readonly frames: Uint8Array[] = []
  private readonly queues: number[] = []
  private gen: Iterator<{ bytes: Uint8Array }> | null
  private bytes = 0
  private next = 0

  constructor(
    readonly spec: TrafficSpec,
    private readonly cpus: number,
  ) {
    if (!isPresetName(spec.preset)) throw new Error(`unknown traffic preset '${spec.preset}' (presets: ${presetNames.join(', ')})`)
    this.gen = generateTraffic({ preset: spec.preset, count: Infinity, seed: spec.seed })
  }

  /** Frames recorded so far. */
  get recorded(): number {
    return this.frames.length
  }

  /** The next frame and its queue. */
  take(): { frame: Uint8Array; queue: number } {
    if (this.gen !== null && this.next === this.frames.length) {
      const r = this.gen.next()
      const frame = r.value.bytes
      this.frames.push(frame)
      this.queues.push(rxQueue(frame, this.cpus))
      this.bytes += frame.length
      if (this.frames.length >= POOL_FRAMES || this.bytes >= POOL_BYTES) this.gen = null
    }
    const i = this.next
    this.next = this.next + 1 === this.frames.length && this.gen === null ? 0 : this.next + 1
    return { frame: this.frames[i], queue: this.queues[i] }
  }

  /** Puts the last frame taken back (it did not fit its queue). */
  untake(): void {
    this.next = this.next === 0 ? this.frames.length - 1 : this.next - 1
  }
}

export class BrowserNic {
  private queues: { queue: RxQueue; addr: number }[] = []
  private maxFrame = 0
  private stream: FrameStream | null = null
  private pacer: Pacer | null = null
  private running = false
  private loop: Promise<void> | null = null
  private sent = 0
  private rate = 0

  constructor(
    private readonly kernel: Kernel,
    private readonly stats: XdpStats,
    readonly cpus: number,
  ) {}

  /** Places one RX queue per CPU sized for `maxFrame`; returns their kernel addresses. */
  placeQueues(maxFrame: number): number[] {
    if (this.queues.length) throw new Error('RX queues already placed')
    this.maxFrame = maxFrame
    this.queues = Array.from({ length: this.cpus }, () => RxQueue.place(this.kernel, maxFrame))
    return this.queues.map((q) => q.addr)
  }

  get queueFrameLimit(): number {
    return this.maxFrame
  }

  get isRunning(): boolean {
    return this.running
  }

  setTraffic(spec: TrafficSpec): void {
    if (presetMaxFrame(spec.preset) > this.maxFrame) throw new Error(`the RX queues hold frames up to ${this.maxFrame} bytes; preset ${spec.preset} needs ${presetMaxFrame(spec.preset)}`)
    if (this.stream && this.stream.spec.preset === spec.preset && this.stream.spec.seed === spec.seed) return
    this.stream = new FrameStream(spec, this.cpus)
  }

  setRate(rate: number): void {
    this.rate = rate
    this.pacer?.setRate(rate, performance.now(), this.sent)
  }

  start(rate: number): void {
    if (!this.stream) throw new Error('no traffic preset chosen')
    this.rate = rate
    this.pacer = new Pacer(rate, performance.now(), this.sent)
    if (this.running) return
    this.running = true
    this.stats.setTraffic(true)
    this.loop = this.produce()
  }

  /** Stops sending; resolves once the producer is out of its loop (queued frames still get processed). */
  async stop(): Promise<void> {
    this.running = false
    this.stats.setTraffic(false)
    await this.loop
    this.loop = null
  }

  /** One frame into its flow's queue (traffic must be stopped). */
  step(): SteppedFrame {
    if (this.running) throw new Error('stop the traffic before stepping')
    if (!this.stream) throw new Error('no traffic preset chosen')
    const { frame, queue } = this.stream.take()
    const q = this.queues[queue].queue
    const tag = this.sent | 0
    if (!q.write(frame, tag)) {
      this.stream.untake()
      throw new Error(`CPU ${queue} has not finished the packets queued before`)
    }
    q.publish()
    this.sent++
    this.stats.sent = this.sent
    return { tag, cpu: queue, length: frame.length, summary: parsePacket(frame).text }
  }

  /**
   * The next frame of the stream, not queued: a packet run by the single-packet debugger
   * (src/xdp/step-cpu.ts) instead of a CPU. Not counted as sent (no CPU will count it as
   * received). Traffic must be stopped.
   */
  takeFrame(): TakenFrame {
    if (this.running) throw new Error('stop the traffic before stepping')
    if (!this.stream) throw new Error('no traffic preset chosen')
    const { frame, queue } = this.stream.take()
    return { cpu: queue, length: frame.length, summary: parsePacket(frame).text, frame: frame.slice() }
  }

  /** Closes the queues: the CPUs drain them and end. Call freeQueues() once they have. */
  closeQueues(): void {
    for (const q of this.queues) q.queue.close()
  }

  freeQueues(): void {
    for (const q of this.queues) this.kernel.kfree(q.addr)
    this.queues = []
  }

  private publishAll(): void {
    for (const q of this.queues) q.queue.publish()
  }

  private async produce(): Promise<void> {
    const queues = this.queues.map((q) => q.queue)
    const stream = this.stream!
    while (this.running) {
      const pacer = this.pacer!
      const started = performance.now()
      const due = pacer.due(started, this.sent)
      let stalled = false
      while (this.sent < due && this.running && !stalled) {
        const { frame, queue } = stream.take()
        const q = queues[queue]
        if (!q.write(frame, this.sent | 0)) {
          // That CPU is behind: give it what is queued and wait a little for room.
          this.publishAll()
          q.waitForRoom(1)
          if (!q.write(frame, this.sent | 0)) {
            stream.untake()
            stalled = true
            break
          }
        }
        this.sent++
        if ((this.sent & 255) === 0) {
          this.stats.sent = this.sent
          if (performance.now() - started > SLICE_MS) break
        }
      }
      this.publishAll()
      this.stats.sent = this.sent
      if (!this.running) break
      await (this.rate > 0 && !stalled ? sleep(Math.max(1, Math.min(TICK_MS, pacer.msUntilNext(performance.now(), this.sent)))) : yieldNow())
    }
    this.publishAll()
    this.stats.sent = this.sent
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}

/** Back to the event loop without setTimeout's 4 ms clamp. */
function yieldNow(): Promise<void> {
  return new Promise((r) => {
    const ch = new MessageChannel()
    ch.port1.onmessage = () => {
      ch.port1.close()
      r()
    }
    ch.port2.postMessage(0)
  })
}
