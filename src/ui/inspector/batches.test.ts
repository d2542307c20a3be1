import { describe, expect, it } from 'vitest'
import { Kernel } from '../../kernel/kernel'
import { TestProc } from '../../kernel/testing'
import { BpfCmd, Errno, MapType } from '../../kernel/uapi'
import { batchCallsOf, batchRanges } from './batches'

const u32 = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, 4).getUint32(0, true)

/** The loop of seed 06-lookup_batch.c (count starts at `first`; the kernel writes back what it returned). */
function seed06(seed: number, keys: number[], first: number, maxEntries = 1024, del = false) {
  const k = Kernel.create({ possibleCpus: 2, memoryBytes: 16 << 20, hashSeed: seed })
  const p = new TestProc(k)
  const fd = p.bpf_map_create(MapType.HASH, 'hash_map_example', 4, 4, maxEntries)
  for (const key of keys) expect(p.put(fd, key, key * 10)).toBe(0)
  const before = k.maps()[0]
  const m = p.mem
  const out = m.u32(0)
  const keyBuf = m.alloc(4 * 1024)
  const valBuf = m.alloc(4 * 1024)
  const count = m.u32(first)
  const returned: { ret: number; keys: number[] }[] = []
  let inBatch = 0
  for (let guard = 0; guard < 100; guard++) {
    const ret = del ? p.bpf_map_lookup_and_delete_batch(fd, inBatch, out, keyBuf, valBuf, count) : p.bpf_map_lookup_batch(fd, inBatch, out, keyBuf, valBuf, count)
    const n = ret === 0 || ret === -Errno.ENOENT ? m.getU32(count) : 0
    returned.push({ ret, keys: Array.from({ length: n }, (_, i) => m.getU32(keyBuf + 4 * i)) })
    if (ret !== 0) break
    inBatch = out
    // A count that came back 0 would stall the loop; the seed never hits that with 1024 buckets.
    if (m.getU32(count) === 0) m.setU32(count, first)
  }
  return { k, before, after: k.maps()[0], returned }
}

describe('batch cursor ranges', () => {
  it('seed 06: each call covers buckets [in_batch, out_batch) holding exactly the keys it returned', () => {
    for (const seed of [1, 2, 3]) {
      const { k, before, returned } = seed06(seed, [10, 20, 30, 40, 50, 60, 70, 80, 90], 2)
      const calls = batchCallsOf(k.events(0))
      expect(calls).toHaveLength(returned.length)
      const ranges = batchRanges(calls, before)
      ranges.forEach((r, i) => {
        expect(r.elements.map((e) => u32(before.entries[e].key))).toEqual(returned[i].keys)
        expect(r.call.count).toBe(returned[i].keys.length)
        if (i > 0) expect(r.from).toBe(ranges[i - 1].to)
      })
      // The last call ends with ENOENT at the end of the bucket array, with what it found (the program drops it).
      const last = ranges[ranges.length - 1]
      expect(last.final).toBe(true)
      expect(last.to).toBe(before.nBuckets)
      expect(ranges.slice(0, -1).every((r) => !r.final && r.call.ret === 0)).toBe(true)
      expect(ranges.flatMap((r) => r.elements)).toEqual(before.entries.map((_, i) => i))
    }
  })

  it('count smaller than a bucket: ENOSPC with nothing returned and the cursor left on that bucket', () => {
    // 8 keys in 8 buckets: with this seed some bucket holds 2 or more.
    const { k, before, returned } = seed06(5, [1, 2, 3, 4, 5, 6, 7, 8], 1, 8)
    const ranges = batchRanges(batchCallsOf(k.events(0)), before)
    const nospc = ranges.find((r) => r.noSpace)!
    expect(nospc).toBeDefined()
    expect(nospc.call.count).toBe(0)
    expect(returned[ranges.indexOf(nospc)].ret).toBe(-Errno.ENOSPC)
    // Only empty buckets lie before the one that did not fit.
    expect(nospc.elements).toEqual([])
    expect(before.entries.some((e) => e.bucket === nospc.to)).toBe(true)
  })

  it('lookup_and_delete_batch: ranges and counts, keys gone from the map', () => {
    const { k, after, returned } = seed06(1, [10, 20, 30, 40, 50], 2, 1024, true)
    const calls = batchCallsOf(k.events(0))
    expect(calls.every((c) => c.op === BpfCmd.MAP_LOOKUP_AND_DELETE_BATCH)).toBe(true)
    const ranges = batchRanges(calls, after)
    expect(ranges.map((r) => r.call.count)).toEqual(returned.map((r) => r.keys.length))
    expect(ranges.every((r) => r.deleted && r.elements.length === 0)).toBe(true)
    expect(after.entries).toHaveLength(0)
  })
})
