import { describe, expect, it } from 'vitest'
import { Memory, SegvError } from '../memory'
import { Heap, HeapError } from './heap'

function heap(size = 1 << 20, start = 65536) {
  const mem = new Memory(new ArrayBuffer(start + size))
  return { mem, h: new Heap(mem, start, start + size) }
}

describe('Heap layout (as glibc ptmalloc)', () => {
  it('16-byte aligned pointers, chunks of max(32, n + 8 rounded to 16)', () => {
    const { h } = heap()
    const a = h.malloc(24)
    const b = h.malloc(2000n)
    const c = h.malloc(24)
    expect(a % 16).toBe(0)
    expect([b - a, c - b]).toEqual([32, 2016]) // as printed by glibc 2.36 for the same calls
    const d = h.malloc(25)
    const e = h.malloc(0)
    const f = h.malloc(0)
    expect([d - c, e - d, f - e]).toEqual([32, 48, 32])
    expect(e).not.toBe(0)
    expect(h.usableSize(a)).toBe(24)
    expect(h.usableSize(d)).toBe(40)
  })
  it('a freed small block is handed out again by the next malloc of that size, last freed first', () => {
    const { h } = heap()
    const a = h.malloc(40)
    const b = h.malloc(40)
    h.malloc(100)
    h.free(a)
    h.free(b)
    expect(h.malloc(33)).toBe(b) // same chunk size (48)
    expect(h.malloc(40)).toBe(a)
    expect(h.malloc(40)).not.toBe(a)
  })
  it('large free blocks coalesce with each other and with the top', () => {
    const { h } = heap()
    const base = h.stats.heapTop
    const ps = [h.malloc(5000), h.malloc(6000), h.malloc(7000)]
    const guard = h.malloc(3000)
    h.free(ps[0])
    h.free(ps[2])
    h.free(ps[1]) // merges with both neighbours
    expect(h.malloc(5000 + 6000 + 7000)).toBe(ps[0]) // the merged chunk fits the sum
    h.free(ps[0])
    h.free(guard) // now everything merges back into the top
    expect(h.stats.heapTop).toBe(base)
    expect(h.stats.liveBlocks).toBe(0)
  })
  it('out of memory returns 0, and small freed chunks are consolidated when memory runs short', () => {
    const { h } = heap(64 * 1024)
    expect(h.malloc(1 << 20)).toBe(0)
    expect(h.malloc(-1n)).toBe(0)
    const small: number[] = []
    for (let p = h.malloc(100); p !== 0; p = h.malloc(100)) small.push(p)
    expect(small.length).toBeGreaterThan(500)
    for (const p of small) h.free(p)
    const big = h.malloc(60 * 1024)
    expect(big).not.toBe(0)
  })
  it('calloc zeroes (also reused memory) and refuses overflowing products', () => {
    const { mem, h } = heap()
    const a = h.malloc(64)
    mem.u8.fill(0xaa, a, a + 64)
    h.free(a)
    const b = h.calloc(8, 8)
    expect(b).toBe(a)
    expect([...mem.u8.subarray(b, b + 64)].every((x) => x === 0)).toBe(true)
    expect(h.calloc(1n << 40n, 1n << 40n)).toBe(0)
  })
  it('realloc keeps the contents: shrinking and growing at the top stay in place, otherwise it moves', () => {
    const { mem, h } = heap()
    const a = h.malloc(100)
    for (let i = 0; i < 100; i++) mem.u8[a + i] = i
    expect(h.realloc(a, 5000)).toBe(a) // a is the last chunk: grows into the top
    expect(h.realloc(a, 50)).toBe(a)
    expect(h.blockAt(a)).toEqual({ start: a, size: 50 })
    const b = h.malloc(10)
    const moved = h.realloc(a, 10000)
    expect(moved).not.toBe(a)
    expect([...mem.u8.subarray(moved, moved + 50)]).toEqual(Array.from({ length: 50 }, (_, i) => i))
    expect(h.blockAt(a)).toBe(null)
    expect(h.realloc(0, 8)).not.toBe(0)
    expect(h.realloc(b, 0)).toBe(0) // frees
    expect(() => h.free(b)).toThrow('free(): double free detected in tcache 2')
  })
})

describe('Heap errors (glibc 2.36 messages)', () => {
  it('double free of a small block', () => {
    const { h } = heap()
    const a = h.malloc(24)
    h.malloc(2000)
    h.free(a)
    expect(() => h.free(a)).toThrow(new HeapError('free(): double free detected in tcache 2'))
  })
  it('double free of a large block', () => {
    const { h } = heap()
    const b = h.malloc(2000)
    h.malloc(24)
    h.free(b)
    expect(() => h.free(b)).toThrow(new HeapError('double free or corruption (!prev)'))
  })
  it('double free of a block merged into the top', () => {
    const { h } = heap()
    h.malloc(24)
    const d = h.malloc(3000)
    h.free(d)
    expect(() => h.free(d)).toThrow(new HeapError('double free or corruption (top)'))
  })
  it('invalid pointers', () => {
    const { h, mem } = heap()
    const a = h.malloc(24)
    expect(() => h.free(a + 8)).toThrow(new HeapError('free(): invalid pointer'))
    expect(() => h.free(8000)).toThrow(new HeapError('free(): invalid pointer'))
    expect(() => h.realloc(a + 8, 100)).toThrow(new HeapError('realloc(): invalid pointer'))
    expect(() => h.free(8)).toThrow(SegvError) // glibc reads the header below the pointer
    h.free(0)
    h.free(a)
    expect(() => h.realloc(a, 100)).toThrow(new HeapError('free(): double free detected in tcache 2'))
    void mem
  })
})

describe('blockAt / describe', () => {
  it('knows each live block and its exact requested size', () => {
    const { h } = heap()
    const a = h.malloc(10)
    const b = h.malloc(100)
    expect(h.blockAt(a)).toEqual({ start: a, size: 10 })
    expect(h.blockAt(a + 9)).toEqual({ start: a, size: 10 })
    expect(h.blockAt(a + 10)).toEqual({ start: a, size: 10 }) // just past the end: an overflow of a
    expect(h.blockAt(b - 1)).toEqual({ start: a, size: 10 }) // the padding and b's header too
    expect(h.blockAt(b)).toEqual({ start: b, size: 100 })
    expect(h.blockAt(a - 1)).toBe(null)
    expect(h.blockAt(b + 200)).toBe(null) // beyond the top
    h.free(a)
    expect(h.blockAt(a)).toBe(null)
    expect(h.describe(a + 3)).toMatchObject({ state: 'freed', start: a, size: 10 })
  })
  it('finds blocks that span many pages', () => {
    const { h } = heap(4 << 20)
    const small = h.malloc(8)
    const big = h.malloc(1 << 20)
    const after = h.malloc(8)
    expect(h.blockAt(big + 700_000)).toEqual({ start: big, size: 1 << 20 })
    expect(h.blockAt(after)).toEqual({ start: after, size: 8 })
    expect(h.blockAt(small + 4)).toEqual({ start: small, size: 8 })
  })
})

describe('Heap under load', () => {
  it('random malloc/realloc/free never overlaps live blocks or loses their contents', () => {
    const { mem, h } = heap(64 << 20)
    let seed = 42
    const rnd = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n
    const live = new Map<number, { size: number; tag: number }>()
    const fill = (p: number, size: number, tag: number) => mem.u8.fill(tag, p, p + size)
    const check = (p: number, size: number, tag: number) => {
      for (let i = 0; i < size; i++) if (mem.u8[p + i] !== tag) throw new Error(`block ${p} corrupted at ${i}`)
    }
    for (let step = 0; step < 20000; step++) {
      const op = rnd(10)
      const keys = [...live.keys()]
      if (op < 5 || keys.length === 0) {
        const size = rnd(4) === 0 ? rnd(20000) : rnd(200)
        const p = h.malloc(size)
        expect(p).not.toBe(0)
        const tag = 1 + rnd(250)
        fill(p, size, tag)
        live.set(p, { size, tag })
      } else if (op < 8) {
        const p = keys[rnd(keys.length)]
        const { size, tag } = live.get(p)!
        check(p, size, tag)
        h.free(p)
        live.delete(p)
      } else {
        const p = keys[rnd(keys.length)]
        const { size, tag } = live.get(p)!
        const n = rnd(3000)
        const q = h.realloc(p, n)
        check(q, Math.min(size, n), tag)
        fill(q, n, tag)
        live.delete(p)
        if (n > 0) live.set(q, { size: n, tag })
      }
    }
    const blocks = [...live.entries()].sort((x, y) => x[0] - y[0])
    for (let i = 0; i + 1 < blocks.length; i++) expect(blocks[i][0] + blocks[i][1].size).toBeLessThanOrEqual(blocks[i + 1][0])
    for (const [p, { size, tag }] of blocks) {
      check(p, size, tag)
      expect(h.blockAt(p)).toEqual({ start: p, size })
    }
    expect(h.stats.liveBlocks).toBe(live.size)
  })
  it('100k small allocations and frees give all the memory back', () => {
    // (Its speed is a benchmark matter; here: the churn leaves one coalesced free block.)
    const { h } = heap(32 << 20)
    const ps: number[] = []
    for (let i = 0; i < 100_000; i++) ps.push(h.malloc(8 + (i % 120)))
    for (let i = 0; i < ps.length; i += 2) h.free(ps[i])
    for (let i = 0; i < 50_000; i++) ps[i * 2] = h.malloc(8 + (i % 120))
    expect(ps.every((p) => p !== 0)).toBe(true)
    for (const p of ps) h.free(p)
    const big = h.malloc(30 << 20)
    expect(big).not.toBe(0)
  })
})
