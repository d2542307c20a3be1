/**
 * The tutorial's lookup_batch loop (conformance seed 06) run against many randomly seeded
 * kernels: it never resets the count and ignores the entries of the ENOENT call, so it prints
 * 7 or 8 pairs quietly, or stops on ENOSPC in a small fraction of runs (spec 15.5).
 */
import { describe, expect, it } from 'vitest'
import { Kernel } from './kernel'
import { TestProc } from './testing'
import { Errno, MapType } from './uapi'

describe('seed 06 lookup_batch loop', () => {
  it('prints 7-8 pairs, or stops on ENOSPC in a few percent of runs', () => {
    let enospc = 0
    const runs = 400
    for (let run = 0; run < runs; run++) {
      const k = Kernel.create({ possibleCpus: 2, memoryBytes: 4 << 20, hashSeed: run + 1 })
      const p = new TestProc(k)
      const fd = p.bpf_map_create(MapType.HASH, 'hash_map_example', 4, 4, 1024)
      for (let i = 1; i <= 9; i++) expect(p.put(fd, i * 10, i * 100)).toBe(0)
      const keys = p.mem.alloc(4096)
      const vals = p.mem.alloc(4096)
      const count = p.mem.u32(2)
      const outBatch = p.mem.alloc(4)
      let inBatch = 0
      const printed: number[] = []
      let err: number
      let stopped = false
      do {
        err = p.bpf_map_lookup_batch(fd, inBatch, outBatch, keys, vals, count)
        if (err === 0) {
          for (let i = 0; i < p.mem.getU32(count); i++) {
            expect(p.mem.getU32(vals + 4 * i)).toBe(p.mem.getU32(keys + 4 * i) * 10)
            printed.push(p.mem.getU32(keys + 4 * i))
          }
          inBatch = outBatch
        } else if (err !== -Errno.ENOENT) {
          expect(err).toBe(-Errno.ENOSPC)
          stopped = true
          break
        }
      } while (err === 0)
      expect(new Set(printed).size).toBe(printed.length)
      if (stopped) {
        enospc++
        expect(printed.length).toBeLessThanOrEqual(7)
      } else {
        expect([7, 8]).toContain(printed.length)
      }
    }
    expect(enospc).toBeGreaterThan(0)
    expect(enospc / runs).toBeLessThan(0.06)
  })
})
