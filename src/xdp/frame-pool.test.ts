/**
 * The NIC's staged frames: each kept on its own cache lines in kernel memory with its flow's RX
 * queue, refused when it does not fit, the memory given back on free.
 */
import { describe, expect, it } from 'vitest'
import { Kernel } from '../kernel/kernel'
import { FramePool } from './frame-pool'
import { generateTraffic } from './packets'
import { rxQueue } from './rss'

const frames = [...generateTraffic({ preset: 'mixed', count: 64, seed: 3 })].map((p) => p.bytes)

describe('FramePool', () => {
  it('stages every frame with its RSS queue, each on a cache line', () => {
    const kernel = Kernel.create({ possibleCpus: 4 })
    const pool = FramePool.stage(kernel, frames, 4, 1 << 20)!
    expect(pool.size).toBe(frames.length)
    const u8 = new Uint8Array(kernel.sab)
    frames.forEach((f, i) => {
      expect(pool.addr(i) % 64).toBe(0)
      expect(pool.length(i)).toBe(f.length)
      expect(pool.queue(i)).toBe(rxQueue(f, 4))
      expect(u8.subarray(pool.addr(i), pool.addr(i) + f.length)).toEqual(f)
    })
    expect(new Set(frames.map((_, i) => pool.queue(i))).size).toBeGreaterThan(1)
  })

  it('refuses a set larger than the limit, and a frame once full', () => {
    const kernel = Kernel.create({ possibleCpus: 2 })
    expect(FramePool.stage(kernel, frames, 2, FramePool.bytesFor(frames) - 1)).toBeNull()
    const pool = FramePool.create(kernel, 128, 2)!
    expect(pool.add(new Uint8Array(60))).toBe(0)
    expect(pool.add(new Uint8Array(64))).toBe(1)
    expect(pool.add(new Uint8Array(1))).toBe(-1)
  })

  it('gives its memory back', () => {
    const kernel = Kernel.create({ possibleCpus: 2, memoryBytes: 4 << 20 })
    for (let i = 0; i < 10; i++) FramePool.create(kernel, 2 << 20, 2)!.free()
    expect(FramePool.create(kernel, 64 << 20, 2)).toBeNull()
  })
})
