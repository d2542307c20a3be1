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
 * recorded frame is computed once. Once recorded, the capture is staged in kernel memory
 * (frame-pool.ts) and each frame is sent as a descriptor of its staged copy (RxQueue.post): the
 * CPUs copy the bytes, in parallel, instead of this one thread copying every frame for all of
 * them; with the RX queues' spare descriptors (rx-queue.ts) this took `npm run bench:ui` (4 CPUs
 * at max rate in Chromium, 2 cores) from 2.3-3.2 to 6.3-6.7 M packets/s: before, the CPUs were
 * 93% idle, waiting for this thread.
 *
 * Step: one frame, the next of the stream, into its flow's queue; the CPU that owns the queue
 * runs it and reports the action through the stats buffer.
 */
import type { Kernel } from '../kernel/kernel'
import { FramePool } from './frame-pool'
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

/**
 * Frames of a preset: generated on first use, then replayed from the recording, which is staged
 * in kernel memory when there is a kernel to stage it in and room for it.
 */
export class FrameStream {
  private readonly frames: Uint8Array[] = []
  private readonly queues: number[] = []
  private gen: Iterator<{ bytes: Uint8Array }> | null
  private bytes = 0
  private next = 0
  /** The recording's staged copy (frame i at pool index i), null until it is staged. */
  private pool: FramePool | null = null
  /** The kernel had no room for the recording: frames go by value. */
  private unstageable = false

  constructor(
    readonly spec: TrafficSpec,
    private readonly cpus: number,
    private readonly kernel?: Kernel,
  ) {
    if (!isPresetName(spec.preset)) throw new Error(`unknown traffic preset '${spec.preset}' (presets: ${presetNames.join(', ')})`)
    this.gen = generateTraffic({ preset: spec.preset, count: Infinity, seed: spec.seed })
  }

  /** Frames recorded so far. */
  get recorded(): number {
    return this.frames.length
  }

  /** Index of the next frame (generated and recorded first while the recording is not complete). */
  take(): number {
    if (this.gen !== null) {
      if (this.next === this.frames.length) this.record()
    } else if (this.pool === null && !this.unstageable && this.kernel) {
      this.pool = FramePool.stage(this.kernel, this.frames, this.cpus, Infinity)
      this.unstageable = this.pool === null
    }
    const i = this.next
    this.next = this.next + 1 === this.frames.length && this.gen === null ? 0 : this.next + 1
    return i
  }

  /** Puts the last frame taken back (it did not fit its queue). */
  untake(): void {
    this.next = this.next === 0 ? this.frames.length - 1 : this.next - 1
  }

  frame(i: number): Uint8Array {
    return this.frames[i]
  }

  /** The RX queue (CPU) of frame i's flow. */
  queue(i: number): number {
    return this.queues[i]
  }

  /** Kernel address of frame i's staged copy; 0 while the recording is not staged (send the bytes). */
  stagedAt(i: number): number {
    return this.pool === null ? 0 : this.pool.addr(i)
  }

  /** Frees the staged copy (no RX queue may hold a descriptor of it any more); the next take stages it again. */
  unstage(): void {
    this.pool?.free()
    this.pool = null
    this.unstageable = false
  }

  private record(): void {
    const frame = this.gen!.next().value.bytes
    this.frames.push(frame)
    this.queues.push(rxQueue(frame, this.cpus))
    this.bytes += frame.length
    if (this.frames.length >= POOL_FRAMES || this.bytes >= POOL_BYTES) this.gen = null
  }
}

export class BrowserNic {
  private queues: { queue: RxQueue; addr: number }[] = []
  private maxFrame = 0
  private stream: FrameStream | null = null
  /** Streams replaced while their staged frames may still be queued: freed once the queues are empty. */
  private retired: FrameStream[] = []
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
    if (this.stream) this.retired.push(this.stream)
    if (this.queues.every((q) => q.queue.drained())) this.unstageRetired()
    this.stream = new FrameStream(spec, this.cpus, this.kernel)
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
    const stream = this.stream
    if (!stream) throw new Error('no traffic preset chosen')
    const i = stream.take()
    const cpu = stream.queue(i)
    const q = this.queues[cpu].queue
    const tag = this.sent | 0
    if (!send(q, stream, i, tag)) {
      stream.untake()
      throw new Error(`CPU ${cpu} has not finished the packets queued before`)
    }
    q.publish()
    this.sent++
    this.stats.sent = this.sent
    const frame = stream.frame(i)
    return { tag, cpu, length: frame.length, summary: parsePacket(frame).text }
  }

  /**
   * The next frame of the stream, not queued: a packet run by the single-packet debugger
   * (src/xdp/step-cpu.ts) instead of a CPU. Not counted as sent (no CPU will count it as
   * received). Traffic must be stopped.
   */
  takeFrame(): TakenFrame {
    if (this.running) throw new Error('stop the traffic before stepping')
    const stream = this.stream
    if (!stream) throw new Error('no traffic preset chosen')
    const i = stream.take()
    const frame = stream.frame(i)
    return { cpu: stream.queue(i), length: frame.length, summary: parsePacket(frame).text, frame: frame.slice() }
  }

  /** Closes the queues: the CPUs drain them and end. Call freeQueues() once they have. */
  closeQueues(): void {
    for (const q of this.queues) q.queue.close()
  }

  freeQueues(): void {
    for (const q of this.queues) this.kernel.kfree(q.addr)
    this.queues = []
    // no descriptor of a staged frame is left anywhere
    this.unstageRetired()
    this.stream?.unstage()
  }

  private unstageRetired(): void {
    for (const s of this.retired) s.unstage()
    this.retired = []
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
        const i = stream.take()
        const q = queues[stream.queue(i)]
        if (!send(q, stream, i, this.sent | 0)) {
          // That CPU is behind: give it what is queued and wait a little for room.
          this.publishAll()
          q.waitForRoom(1, stream.stagedAt(i) !== 0 ? 1 : q.roomForWrite)
          if (!send(q, stream, i, this.sent | 0)) {
            stream.untake()
            stalled = true
            break
          }
        }
        this.sent++
        if ((this.sent & 255) === 0) {
          // the CPUs start on these while the NIC goes on, rather than sleep until the slice ends or a queue fills
          this.publishAll()
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

/** Queues frame i of the stream: a descriptor of its staged copy, or its bytes. False when the queue is full. */
function send(q: RxQueue, stream: FrameStream, i: number, tag: number): boolean {
  const staged = stream.stagedAt(i)
  return staged !== 0 ? q.post(staged, stream.frame(i).length, tag) : q.write(stream.frame(i), tag)
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
