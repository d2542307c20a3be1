/**
 * Frames the NIC holds in kernel memory, staged once: the frames of a pcap, a recorded capture
 * of a traffic preset, a benchmark's frame list. Each is kept with the RX queue its flow goes to
 * (rss.ts, computed once), so sending one again is a descriptor posted to that queue
 * (RxQueue.post) and the CPU copies the bytes into its own buffer. A NIC replaying a capture
 * does the same: the frames sit in its memory, RSS is its hardware's job, not the host's.
 *
 * One kmalloc'd region, filled front to back (frames start on cache lines); full is full.
 */
import type { Kernel } from '../kernel/kernel'
import { rxQueue } from './rss'
import { align64 } from './rx-queue'

export class FramePool {
  /** Kernel address, length and RX queue of each staged frame, by index. */
  private readonly addrs: number[] = []
  private readonly lengths: number[] = []
  private readonly queueOf: number[] = []
  private used = 0

  private constructor(
    private readonly kernel: Kernel,
    private readonly base: number,
    private readonly capacity: number,
    /** RX queues the frames are spread over. */
    readonly queues: number,
  ) {}

  /** A pool of `capacityBytes` of kernel memory, or null when the kernel cannot spare it. */
  static create(kernel: Kernel, capacityBytes: number, queues: number): FramePool | null {
    const base = capacityBytes > 0 ? kernel.kmalloc(capacityBytes, 64) : 0
    return base === 0 ? null : new FramePool(kernel, base, capacityBytes, queues)
  }

  /** Bytes a pool needs for `frames` (each on its own cache lines). */
  static bytesFor(frames: readonly Uint8Array[]): number {
    let n = 0
    for (const f of frames) n += align64(f.length)
    return n
  }

  /** Stages every frame, or returns null (nothing kept) when they do not fit `maxBytes` or the kernel's free memory. */
  static stage(kernel: Kernel, frames: readonly Uint8Array[], queues: number, maxBytes: number): FramePool | null {
    const bytes = FramePool.bytesFor(frames)
    if (bytes > maxBytes) return null
    const pool = FramePool.create(kernel, Math.max(64, bytes), queues)
    if (pool === null) return null
    for (const f of frames) pool.add(f)
    return pool
  }

  get size(): number {
    return this.addrs.length
  }

  /** Copies a frame in; its index, or -1 when the pool is full. */
  add(frame: Uint8Array): number {
    const room = align64(frame.length)
    if (this.used + room > this.capacity) return -1
    const addr = this.base + this.used
    new Uint8Array(this.kernel.sab, addr, frame.length).set(frame)
    this.used += room
    this.addrs.push(addr)
    this.lengths.push(frame.length)
    this.queueOf.push(rxQueue(frame, this.queues))
    return this.addrs.length - 1
  }

  addr(i: number): number {
    return this.addrs[i]
  }

  length(i: number): number {
    return this.lengths[i]
  }

  queue(i: number): number {
    return this.queueOf[i]
  }

  /** Gives the memory back (no RX queue may still hold a descriptor of it). */
  free(): void {
    this.kernel.kfree(this.base)
  }
}
