/**
 * A program's bpf_map_lookup_elem on a hash map goes through the map's boundProgLookup (one
 * function for the common u32 key, the general progLookup for everything else): both must give
 * the same element for every key, present or not, on every CPU, aligned or not, after deletes
 * that leave holes in the buckets' chains.
 */
import { describe, expect, it } from 'vitest'
import { Kernel } from './kernel'
import { TestProc } from './testing'
import { MapFlag, MapType } from './uapi'

function filled(type: number, keySize: number, maxEntries: number) {
  const k = Kernel.create({ possibleCpus: 2, memoryBytes: 16 << 20 })
  const p = new TestProc(k)
  // a few buckets for many keys: long chains
  const fd = p.bpf_map_create(type, 'h', keySize, 8, maxEntries, { map_flags: MapFlag.ZERO_SEED })
  expect(fd).toBe(3)
  const key = p.mem.alloc(keySize)
  const value = p.mem.alloc(8)
  for (let i = 0; i < maxEntries; i++) {
    p.mem.u8.fill(0, key, key + keySize)
    p.mem.dv.setUint32(key, i * 7919, true)
    expect(p.bpf_map_update_elem(fd, key, value, 0)).toBe(0)
  }
  for (let i = 0; i < maxEntries; i += 3) {
    p.mem.dv.setUint32(key, i * 7919, true)
    expect(p.bpf_map_delete_elem(fd, key)).toBe(0)
  }
  const id = k.maps()[0].id
  const m = k.mapTable.desc(k.mapTable.slotOfId(id))
  return { k, m }
}

describe('boundProgLookup', () => {
  const cases: [string, number, number][] = [
    ['HASH, u32 key', MapType.HASH, 4],
    ['PERCPU_HASH, u32 key', MapType.PERCPU_HASH, 4],
    ['LRU_HASH, u32 key', MapType.LRU_HASH, 4],
    ['HASH, 8-byte key', MapType.HASH, 8],
  ]
  for (const [name, type, keySize] of cases) {
    it(`${name}: the same answers as progLookup`, () => {
      const { k, m } = filled(type, keySize, 64)
      const keyBuf = k.kmalloc(32, 8)
      let found = 0
      for (const cpu of [0, 1]) {
        const bound = m.ops.boundProgLookup!(k.mem, m, cpu)
        for (const misalign of [0, 1]) {
          const at = keyBuf + misalign
          for (let i = 0; i < 80; i++) {
            k.mem.u8.fill(0, at, at + keySize)
            new DataView(k.sab).setUint32(at, i * 7919, true)
            const want = m.ops.progLookup(k.mem, m, at, cpu)
            expect(bound(at), `key ${i * 7919} on CPU ${cpu} at +${misalign}`).toBe(want)
            if (want !== 0) found++
          }
        }
      }
      // the keys below 64 not deleted (every third was), on 2 CPUs, aligned or not
      expect(found).toBe(2 * 2 * 42)
    })
  }
})
