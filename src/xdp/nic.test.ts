/**
 * The parallel mode's NIC: frames go to their flow's queue, published per NAPI budget; a full
 * queue's frames wait in its backlog, in order, while other queues keep receiving; drain() moves
 * them in once the CPU has released buffers. The cross-thread path is exercised by run.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { MultiQueueNic } from './nic'
import { generateTraffic } from './packets'
import { rxQueue } from './rss'
import { NAPI_BUDGET, packetBufferBytes, RxQueue } from './rx-queue'

function setup(slots: number) {
  const sab = new SharedArrayBuffer(4 << 20)
  const bytes = RxQueue.bytesNeeded(slots, packetBufferBytes(1514))
  const queues = [0, 1].map((i) => RxQueue.format(sab, 64 + i * (Math.ceil(bytes / 64) * 64), slots, packetBufferBytes(1514)))
  // the same queues as a CPU sees them
  const cpus = queues.map((q) => new RxQueue(sab, q.offset))
  const frames = [...generateTraffic({ preset: 'mixed', count: 400, seed: 2 })].map((p) => p.bytes)
  return { queues, cpus, nic: new MultiQueueNic(queues), frames }
}

/** Tags published in `queue` from its tail on. */
function published(q: RxQueue): number[] {
  const tail = q.tail()
  return Array.from({ length: q.available(tail) }, (_, i) => q.tagAt((tail + i) | 0))
}

describe('MultiQueueNic', () => {
  it('publishes each queue per NAPI budget, and everything on publishAll', () => {
    const { nic, cpus, frames } = setup(512)
    const toQueue0 = frames.filter((f) => rxQueue(f, 2) === 0)
    expect(toQueue0.length).toBeGreaterThan(NAPI_BUDGET)
    toQueue0.slice(0, NAPI_BUDGET - 1).forEach((f, i) => nic.deliver(f, i))
    expect(cpus[0].available(cpus[0].tail())).toBe(0)
    nic.deliver(toQueue0[NAPI_BUDGET - 1], NAPI_BUDGET - 1)
    expect(published(cpus[0])).toEqual([...Array(NAPI_BUDGET).keys()])
    nic.deliver(toQueue0[NAPI_BUDGET], NAPI_BUDGET)
    nic.publishAll()
    expect(published(cpus[0])).toHaveLength(NAPI_BUDGET + 1)
  })

  it('a full queue backs its frames up in order while the other queue keeps receiving', () => {
    const { nic, cpus, frames } = setup(8)
    frames.forEach((f, tag) => nic.deliver(f, tag))
    nic.publishAll()
    const want = [0, 1].map((q) => frames.map((f, tag) => (rxQueue(f, 2) === q ? tag : -1)).filter((t) => t >= 0))
    // each queue got its first 8 frames; the rest wait
    expect(published(cpus[0])).toEqual(want[0].slice(0, 8))
    expect(published(cpus[1])).toEqual(want[1].slice(0, 8))
    expect(nic.backlog).toBe(frames.length - 16)
    // CPU 1 takes 5: drain refills queue 1 with the next 5 of its flow, queue 0 stays as it was
    cpus[1].release((cpus[1].tail() + 5) | 0)
    expect(nic.drain()).toBe(frames.length - 21)
    expect(published(cpus[1])).toEqual(want[1].slice(5, 13))
    expect(published(cpus[0])).toEqual(want[0].slice(0, 8))
    // everything arrives, each queue in its order
    const got: number[][] = [[], []]
    for (let round = 0; round < 1000 && (nic.backlog > 0 || cpus.some((c) => c.available(c.tail()) > 0)); round++) {
      for (const q of [0, 1]) {
        got[q].push(...published(cpus[q]))
        cpus[q].release((cpus[q].tail() + cpus[q].available(cpus[q].tail())) | 0)
      }
      nic.drain()
    }
    expect(got[0]).toEqual(want[0])
    expect(got[1]).toEqual(want[1].slice(5))
  })
})
