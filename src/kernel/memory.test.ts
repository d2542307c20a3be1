import { describe, expect, it } from 'vitest'
import { NULL_GUARD } from '../lang/abi'
import { Kernel } from './kernel'
import { KERNEL_RESERVED } from './memory'
import { TestProc } from './testing'
import { MapType } from './uapi'

describe('kernel memory', () => {
  it('the reserved header matches the ABI NULL guard', () => {
    expect(KERNEL_RESERVED).toBe(NULL_GUARD)
    const k = Kernel.create({ possibleCpus: 1, memoryBytes: 4 << 20 })
    expect(k.kmalloc(8)).toBeGreaterThanOrEqual(NULL_GUARD)
  })

  it('random kmalloc/kfree keeps the heap consistent, zeroes memory, coalesces back to one block', () => {
    const k = Kernel.create({ possibleCpus: 1, memoryBytes: 4 << 20 })
    const mem = k.mem
    const start = mem.heapCheck()
    let seed = 7
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return (seed >>> 8) % n
    }
    const live: { a: number; size: number; tag: number }[] = []
    for (let i = 0; i < 4000; i++) {
      if (live.length > 0 && rnd(3) === 0) {
        const j = rnd(live.length)
        const { a, size, tag } = live[j]
        for (let x = 0; x < size; x += 97) expect(mem.u8[a + x]).toBe(tag)
        k.kfree(a)
        live.splice(j, 1)
      } else {
        const size = 1 + rnd(rnd(10) === 0 ? 20000 : 300)
        const align = [8, 8, 16, 64, 4096][rnd(5)]
        const a = k.kmalloc(size, align)
        if (a === 0) continue
        expect(a % align).toBe(0)
        expect(mem.usableSize(a)).toBeGreaterThanOrEqual(size)
        for (let x = 0; x < size; x += 97) expect(mem.u8[a + x]).toBe(0)
        const tag = 1 + rnd(250)
        mem.u8.fill(tag, a, a + size)
        live.push({ a, size, tag })
      }
      if (i % 500 === 0) mem.heapCheck()
    }
    for (const { a } of live) k.kfree(a)
    const end = mem.heapCheck()
    expect(end.used).toBe(start.used)
    expect(end.blocks).toBe(start.blocks)
  })

  it('destroying maps gives every byte back', () => {
    const k = Kernel.create({ possibleCpus: 2, memoryBytes: 16 << 20 })
    const p = new TestProc(k)
    p.put(p.bpf_map_create(MapType.ARRAY, 'warm', 4, 4, 1), 0, 0) // allocates the per-worker buffers
    const before = k.mem.heapCheck().used
    const types = [MapType.HASH, MapType.PERCPU_HASH, MapType.LRU_HASH, MapType.LRU_PERCPU_HASH, MapType.ARRAY, MapType.PERCPU_ARRAY]
    for (const t of types) {
      for (const flags of [0, 1]) {
        const fd = p.bpf_map_create(t, 'x', 4, 12, 3000, { map_flags: t === MapType.HASH ? flags : 0 })
        expect(fd).toBeGreaterThan(0)
        for (let i = 0; i < 5000; i++) p.put(fd, i * 7, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24])
        for (let i = 0; i < 1000; i++) p.del(fd, i * 7)
        expect(p.close(fd)).toBe(0)
      }
    }
    for (const t of [MapType.QUEUE, MapType.STACK]) {
      const fd = p.bpf_map_create(t, 'q', 0, 12, 100000)
      for (let i = 0; i < 3000; i++) p.bpf_map_update_elem(fd, 0, p.mem.alloc(12), 0)
      p.close(fd)
    }
    expect(k.mem.heapCheck().used).toBe(before)
  })
})
