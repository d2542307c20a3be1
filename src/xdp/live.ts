/**
 * Live NIC mode: traffic arrives at a rate on the simulated NIC while a userspace program loads,
 * attaches, reads and detaches XDP programs, as on a real machine. N CPU workers (started once)
 * each drain one RX queue and run whatever program is attached to the interface at the time of
 * each NAPI poll (follow.ts); with nothing attached, packets pass to the stack.
 *
 * The producer (this thread) paces the frames: at time t after the start it has handed out
 * rate * t of them, in ticks of a few ms, each frame to the RX queue of its flow's CPU (rss.ts),
 * and publishes every queue at the end of a tick so CPUs see packets within a tick. When a queue
 * is full the producer waits for the CPU (no drops), so every frame is processed exactly once.
 * It yields to the event loop between ticks: the userspace worker's output keeps flowing.
 */
import { CpuPool } from './cpu-pool'
import type { Kernel } from '../kernel/kernel'
import { NIC_IFINDEX } from '../kernel/progs'
import type { Program } from '../lang/api'
import type { CpuWorkerJob } from './cpu-worker'
import { Pacer } from './pacer'
import { RxQueue } from './rx-queue'
import { rxQueue } from './rss'
import { cpuCount, summarise, type XdpRunResult } from './run'
import type { PacketSource } from './source'

/** Default packets per second in live mode: a 1 s stats loop sees a few thousand per interval. */
export const DEFAULT_LIVE_RATE = 2000
const TICK_MS = 5

export interface LiveNicOptions {
  kernel: Kernel
  /** The host's compiled programs by object key (the key userspace's bpf_object__load registers). */
  objects: Record<string, Program>
  source: PacketSource
  /** CPUs (default 4; at most the kernel's possible CPUs). */
  cpus?: number
  /** Packets per second; 0 = as fast as the CPUs take them. Default DEFAULT_LIVE_RATE. */
  rate?: number
  /** Interface the traffic arrives on (default eth0, ifindex 2). */
  ifindex?: number
  seed?: number
  trace?: (line: string) => void
  /** The CPU worker script (src/xdp/cpu-worker.ts bundled to JavaScript). */
  workerScript: string | URL
}

export interface LiveRunResult extends XdpRunResult {
  /** Frames handed to the NIC (fewer than the source has when stopped early). */
  sent: number
}

/** A running live NIC. `done` settles once the CPUs have drained every frame sent. */
export class LiveNic {
  /** Resolves with the counts once all frames are sent (or stop() was called) and processed. */
  readonly done: Promise<LiveRunResult>
  private stopping = false
  private readonly ctl = new Int32Array(new SharedArrayBuffer(4))

  private constructor(private readonly opts: LiveNicOptions) {
    this.done = this.run()
  }

  static start(opts: LiveNicOptions): LiveNic {
    return new LiveNic(opts)
  }

  /** Stop sending; the CPUs finish the frames already queued. */
  stop(): void {
    this.stopping = true
  }

  /** Stop the CPUs at their next hook, even inside a program (a runaway loop, a timeout). */
  halt(): void {
    this.stopping = true
    Atomics.store(this.ctl, 0, 1)
  }

  private async run(): Promise<LiveRunResult> {
    const { kernel, source } = this.opts
    const cpus = cpuCount({ kernel, cpus: this.opts.cpus })
    const rate = this.opts.rate ?? DEFAULT_LIVE_RATE
    if (!(rate >= 0) || !Number.isFinite(rate)) throw new Error(`rate must be a non-negative number of packets per second, not ${rate}`)
    const ifindex = this.opts.ifindex ?? NIC_IFINDEX
    if (kernel.progTable.xdpProgWord(ifindex) < 0) throw new Error(`no interface with ifindex ${ifindex}`)
    const queues = Array.from({ length: cpus }, () => RxQueue.place(kernel, source.maxFrame))
    const t0 = performance.now()
    const jobs = Array.from({ length: cpus }, (_, cpu): CpuWorkerJob => ({
      sab: kernel.sab,
      memory: kernel.memory,
      live: { objects: this.opts.objects, ifindex },
      cpu,
      queueOffset: queues[cpu].addr,
      ctl: this.ctl,
      seed: this.opts.seed === undefined ? undefined : this.opts.seed + cpu,
    }))
    const pool = new CpuPool(this.opts.workerScript, jobs, this.opts.trace)
    let sent = 0
    try {
      sent = await this.produce(queues.map((q) => q.queue), cpus, rate, () => pool.failure !== null)
    } finally {
      for (const q of queues) q.queue.close()
    }
    await pool.finish()
    for (const q of queues) kernel.kfree(q.addr)
    const done = pool.results()
    const stopped = Atomics.load(this.ctl, 0) !== 0
    return { ...summarise('live', done, performance.now() - t0, stopped), sent }
  }

  /** The paced producer. Returns how many frames it handed out. */
  private async produce(queues: RxQueue[], cpus: number, rate: number, failed: () => boolean): Promise<number> {
    const frames = this.opts.source.frames[Symbol.iterator]()
    // (counted from 1: the first frame is due at once)
    const pacer = new Pacer(rate, performance.now(), 1)
    let sent = 0
    let next = frames.next()
    while (!next.done && !this.stopping && !failed()) {
      // Frames due by now; unpaced: a batch per tick, so the event loop still runs.
      const due = pacer.due(performance.now(), sent)
      while (sent < due && !next.done && !this.stopping) {
        const frame = next.value
        const queue = queues[rxQueue(frame, cpus)]
        if (!queue.write(frame, sent)) {
          // The CPU is behind: hand it what we have and wait for room (a NIC would drop here).
          for (const q of queues) q.publish()
          queue.waitForRoom(5, queue.roomForWrite)
          if (!queue.write(frame, sent)) {
            await new Promise((r) => setImmediate(r))
            continue
          }
        }
        sent++
        next = frames.next()
      }
      for (const q of queues) q.publish()
      if (!next.done) await new Promise((r) => (rate > 0 ? setTimeout(r, TICK_MS) : setImmediate(r)))
    }
    return sent
  }
}
