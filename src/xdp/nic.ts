/**
 * The multi-queue NIC of parallel mode, on the producer side: each frame goes to the RX queue
 * of its flow's CPU (rss.ts), and each queue's buffers are published per NAPI budget, as a NIC
 * moves its ring tail per batch; a CPU that sleeps is woken once a good batch waits for it
 * (interrupt coalescing), or as soon as the producer has nothing more for it.
 *
 * A real NIC drops a frame whose ring is full; a run must process every frame exactly once, so
 * a frame for a full queue waits in that queue's backlog (in order) while the frames of the
 * other flows go on to their CPUs: one CPU that is behind (or descheduled, when the host has
 * fewer cores than CPU threads) does not starve the others. Only when the backlogs get long does
 * the producer wait, for the queue furthest behind.
 */
import { NAPI_BUDGET, type RxQueue } from './rx-queue'
import { rxQueue } from './rss'

/** Frames kept back in all backlogs before the producer waits for a CPU. */
export const MAX_BACKLOG = 8192
/**
 * A sleeping CPU is woken once this many buffers (at most 3/4 of its queue) wait for it, or when
 * the producer goes idle: a wake-up costs the producer a syscall and, in a VM, an inter-processor
 * interrupt, so a CPU that is faster than its share of the traffic is woken per large batch.
 */
export const RX_COALESCE_FRAMES = 384

export class MultiQueueNic {
  /** Frames waiting in backlogs. */
  backlog = 0
  private readonly unpublished: number[]
  private readonly coalesce: number[]
  private readonly waiting: { frames: Uint8Array[]; tags: number[]; next: number }[]

  constructor(private readonly queues: readonly RxQueue[]) {
    this.unpublished = queues.map(() => 0)
    this.coalesce = queues.map((q) => Math.min(RX_COALESCE_FRAMES, (q.slots * 3) >> 2))
    this.waiting = queues.map(() => ({ frames: [], tags: [], next: 0 }))
  }

  /** Hands a frame to its flow's queue, or to that queue's backlog while the queue is full. */
  deliver(frame: Uint8Array, tag: number): void {
    const q = rxQueue(frame, this.queues.length)
    const w = this.waiting[q]
    if (w.next === w.frames.length && this.queues[q].write(frame, tag)) {
      if (++this.unpublished[q] >= NAPI_BUDGET) this.publish(q, this.coalesce[q])
      return
    }
    w.frames.push(frame)
    w.tags.push(tag)
    this.backlog++
    this.publish(q, 1)
  }

  /** Makes everything written visible to the CPUs and wakes those that sleep with work waiting. */
  publishAll(): void {
    for (let q = 0; q < this.queues.length; q++) this.publish(q, 1)
  }

  /** Moves backlogged frames into queues that have room, publishes them; returns the frames still waiting. */
  drain(): number {
    for (let q = 0; q < this.queues.length; q++) {
      const w = this.waiting[q]
      if (w.next === w.frames.length) continue
      const queue = this.queues[q]
      while (w.next < w.frames.length && queue.write(w.frames[w.next], w.tags[w.next])) {
        w.next++
        this.backlog--
        this.unpublished[q]++
      }
      if (w.next === w.frames.length) {
        w.frames.length = 0
        w.tags.length = 0
        w.next = 0
      }
      this.publish(q, this.coalesce[q])
    }
    return this.backlog
  }

  /**
   * Waits (up to ms) until the queue with the longest backlog has room for a good part of it
   * (half its buffers at most: the producer then refills in bursts, few wake-ups on either side).
   * Every CPU with work waiting is woken first.
   */
  waitForRoom(ms: number): void {
    this.publishAll()
    let worst = -1
    let most = 0
    for (let q = 0; q < this.queues.length; q++) {
      const n = this.waiting[q].frames.length - this.waiting[q].next
      if (n > most) {
        most = n
        worst = q
      }
    }
    if (worst < 0) return
    const q = this.queues[worst]
    // (frames written by value need buffers: free positions beyond the ones only posts can use)
    q.waitForRoom(ms, q.roomForWrite - 1 + Math.min(most, q.buffers >> 1))
  }

  private publish(q: number, wakeAt: number): void {
    this.queues[q].publish(wakeAt)
    this.unpublished[q] = 0
  }
}
