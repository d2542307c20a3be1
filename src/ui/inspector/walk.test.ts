import { describe, expect, it } from 'vitest'
import { Kernel } from '../../kernel/kernel'
import { TestProc } from '../../kernel/testing'
import { MapFlag, MapType } from '../../kernel/uapi'
import { walkSteps } from './walk'

const u32 = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, 4).getUint32(0, true)

function kernelWith(type: number, maxEntries: number, keys: number[], opts: { seed?: number; flags?: number } = {}) {
  const k = Kernel.create({ possibleCpus: 2, memoryBytes: 16 << 20, hashSeed: opts.seed })
  const p = new TestProc(k)
  const fd = p.bpf_map_create(type, 'walk', 4, 8, maxEntries, { map_flags: opts.flags ?? 0 })
  expect(fd).toBeGreaterThan(0)
  for (const key of keys) expect(p.put(fd, key, [key & 255, 0, 0, 0, 0, 0, 0, 0])).toBe(0)
  return { k, p, fd }
}

describe('get_next_key walk', () => {
  const cases: [string, number, number, number[], { seed?: number; flags?: number }][] = [
    ['seed 05 keys, boot seed 1', MapType.HASH, 1024, [10, 20, 30], { seed: 1 }],
    ['seed 05 keys, boot seed 2', MapType.HASH, 1024, [10, 20, 30], { seed: 2 }],
    ['long chains (8 buckets, 8 keys)', MapType.HASH, 8, [1, 2, 3, 4, 5, 6, 7, 8], { seed: 7 }],
    ['zero seed, colliding', MapType.HASH, 4, [100, 200, 300, 400], { flags: MapFlag.ZERO_SEED }],
    ['LRU hash', MapType.LRU_HASH, 64, [5, 50, 500, 5000, 50000], { seed: 3 }],
    ['per-CPU hash', MapType.PERCPU_HASH, 16, [9, 8, 7, 6, 5, 4], { seed: 4 }],
  ]
  for (const [name, type, max, keys, opts] of cases) {
    it(`steps through the kernel's get_next_key order: ${name}`, () => {
      const { k, p, fd } = kernelWith(type, max, keys, opts)
      const kernelOrder = p.keys(fd)
      const snap = k.maps().find((m) => m.name === 'walk')!
      const steps = walkSteps(snap)
      expect(steps).toHaveLength(keys.length + 1)
      expect(steps.slice(0, -1).map((s) => u32(snap.entries[s.index!].key))).toEqual(kernelOrder)
      expect(steps[steps.length - 1].index).toBeNull()
      // Buckets never go down, and a chain position counts from the head of each bucket.
      for (let i = 1; i < keys.length; i++) {
        const [a, b] = [steps[i - 1], steps[i]]
        expect(b.bucket!).toBeGreaterThanOrEqual(a.bucket!)
        expect(b.sameBucket).toBe(a.bucket === b.bucket)
        expect(b.chainPos).toBe(b.sameBucket ? a.chainPos + 1 : 0)
        if (b.skipped) expect(b.skipped).toEqual([a.bucket! + 1, b.bucket! - 1])
      }
    })
  }

  it('names the empty buckets scanned, from NULL and to the end', () => {
    const steps = walkSteps({
      nBuckets: 16,
      entries: [
        { key: new Uint8Array(4), value: new Uint8Array(4), bucket: 3 },
        { key: new Uint8Array(4), value: new Uint8Array(4), bucket: 3 },
        { key: new Uint8Array(4), value: new Uint8Array(4), bucket: 4 },
        { key: new Uint8Array(4), value: new Uint8Array(4), bucket: 9 },
      ],
    })
    expect(steps.map((s) => [s.index, s.bucket, s.sameBucket, s.chainPos, s.skipped])).toEqual([
      [0, 3, false, 0, [0, 2]],
      [1, 3, true, 1, null],
      [2, 4, false, 0, null],
      [3, 9, false, 0, [5, 8]],
      [null, undefined, false, 0, [10, 15]],
    ])
  })
})
