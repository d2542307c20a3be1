/**
 * The replayed capture's per-CPU queue: each CPU gets exactly its flows' frames, in capture
 * order, pass after pass, with the run's tags; the NIC's release counter paces them; a stop ends
 * the queue; each frame is copied into the CPU's own buffer. The cross-thread path is exercised
 * by run.test.ts (parallel mode).
 */
import { describe, expect, it } from 'vitest'
import { Kernel } from '../kernel/kernel'
import { FramePool } from './frame-pool'
import { generateTraffic } from './packets'
import { ReplayQueue } from './replay-queue'
import { rxQueue } from './rss'

const capture = [...generateTraffic({ preset: 'mixed', count: 50, seed: 5 })].map((p) => p.bytes)

function setup(count: number, cpus = 3) {
  const kernel = Kernel.create({ possibleCpus: cpus })
  const pool = FramePool.stage(kernel, capture, cpus, 1 << 20)!
  const queues = Array.from({ length: cpus }, (_, cpu) => ReplayQueue.place(kernel, pool, cpu, count, 1514).queue)
  return { kernel, queues }
}

/** Tags and bytes a CPU takes from its queue, polling everything available. */
function drain(q: ReplayQueue, u8: Uint8Array): { tags: number[]; frames: Uint8Array[] } {
  const tags: number[] = []
  const frames: Uint8Array[] = []
  for (let pos = q.tail(), n = q.available(pos); n > 0; n = q.available(pos)) {
    for (let i = 0; i < n; i++, pos++) {
      tags.push(q.tagAt(pos))
      const at = q.frameAt(pos)
      frames.push(u8.slice(at, at + q.lengthAt(pos)))
    }
    q.release(pos)
  }
  return { tags, frames }
}

describe('ReplayQueue', () => {
  it('gives each CPU its flows\' frames in order, pass after pass, the last pass cut at the count', () => {
    const count = 2 * capture.length + 17
    const { kernel, queues } = setup(count)
    const u8 = new Uint8Array(kernel.sab)
    for (const q of queues) q.releaseUpTo(count)
    const got = queues.map((q) => drain(q, u8))
    for (let cpu = 0; cpu < 3; cpu++) {
      const want = Array.from({ length: count }, (_, tag) => tag).filter((tag) => rxQueue(capture[tag % capture.length], 3) === cpu)
      expect(got[cpu].tags).toEqual(want)
      expect(queues[cpu].frames).toBe(want.length)
      got[cpu].frames.forEach((f, i) => expect(f).toEqual(capture[want[i] % capture.length]))
    }
    expect(got.reduce((n, g) => n + g.tags.length, 0)).toBe(count)
  })

  it('hands out only the frames the NIC has released', () => {
    const { kernel, queues } = setup(capture.length)
    const u8 = new Uint8Array(kernel.sab)
    expect(queues.map((q) => q.available(0))).toEqual([0, 0, 0])
    for (const q of queues) q.releaseUpTo(20)
    const first = queues.map((q) => drain(q, u8).tags)
    expect(first.flat().sort((a, b) => a - b)).toEqual([...Array(20).keys()])
    for (const q of queues) q.releaseUpTo(1000) // more than the run has: all of it
    const rest = queues.map((q) => drain(q, u8).tags)
    expect(rest.flat().sort((a, b) => a - b)).toEqual([...Array(capture.length - 20).keys()].map((i) => i + 20))
  })

  it('counts a CPU\'s positions before a tag (a warm-up\'s share), pass after pass', () => {
    const count = 3 * capture.length + 11
    const { kernel, queues } = setup(count)
    const u8 = new Uint8Array(kernel.sab)
    for (const q of queues) q.releaseUpTo(count)
    const tags = queues.map((q) => drain(q, u8).tags)
    for (const tag of [0, 1, 17, capture.length, capture.length + 3, 2 * capture.length + 49, count, count + 100]) {
      queues.forEach((q, cpu) => expect(q.positionsBefore(tag)).toBe(tags[cpu].filter((t) => t < tag).length))
    }
  })

  it('copies each frame into the CPU\'s own buffer, so a program may rewrite it', () => {
    const { kernel, queues } = setup(capture.length, 1)
    const u8 = new Uint8Array(kernel.sab)
    const q = queues[0]
    q.releaseUpTo(capture.length)
    const a = q.frameAt(0)
    u8.fill(0xee, a, a + q.lengthAt(0))
    expect(q.frameAt(1)).toBe(a) // one buffer, reused packet after packet
    expect(u8.slice(q.frameAt(0), q.frameAt(0) + q.lengthAt(0))).toEqual(capture[0])
  })

  it('ready() returns what is released, and 0 once the queue is stopped or done', () => {
    const { queues } = setup(capture.length, 1)
    const q = queues[0]
    q.releaseUpTo(5)
    expect(q.ready(0, 10)).toBe(5)
    q.stop()
    expect(q.ready(0, 10)).toBe(0)
    expect(q.available(0)).toBe(0)
    const done = setup(capture.length, 1).queues[0]
    done.releaseUpTo(capture.length)
    expect(done.ready(done.frames, 10)).toBe(0)
  })
})
