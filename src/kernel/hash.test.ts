import { describe, expect, it } from 'vitest'
import { Kernel } from './kernel'
import { TestProc } from './testing'
import { BPF_ANY, BPF_EXIST, BPF_NOEXIST, Errno, MapFlag, MapType } from './uapi'

const ZS = { map_flags: MapFlag.ZERO_SEED }

function setup(maxEntries: number, type: number = MapType.HASH, keySize = 4, valueSize = 4, cpus = 2) {
  const k = Kernel.create({ possibleCpus: cpus, memoryBytes: 16 << 20 })
  const p = new TestProc(k)
  const fd = p.bpf_map_create(type, 'h', keySize, valueSize, maxEntries, ZS)
  expect(fd).toBe(3)
  return { k, p, fd }
}

/** Batch call helper: returns [ret, count, keys, values, out_batch]. */
function batch(p: TestProc, fd: number, inBatch: number | null, count: number, del = false, opts = {}) {
  const m = p.mem
  const inAddr = inBatch === null ? 0 : m.u32(inBatch)
  const out = m.u32(0xdeadbeef)
  const keys = m.alloc(4 * 64)
  const vals = m.alloc(4 * 64)
  const cnt = m.u32(count)
  const ret = del ? p.bpf_map_lookup_and_delete_batch(fd, inAddr, out, keys, vals, cnt, opts) : p.bpf_map_lookup_batch(fd, inAddr, out, keys, vals, cnt, opts)
  const n = m.getU32(cnt)
  const ks: number[] = []
  const vs: number[] = []
  for (let i = 0; i < Math.min(n, 64); i++) {
    ks.push(m.getU32(keys + 4 * i))
    vs.push(m.getU32(vals + 4 * i))
  }
  return { ret, count: n, keys: ks, values: vs, out: m.getU32(out) }
}

describe('HASH iteration order and batch cursor (spec 14.1)', () => {
  const keys = [10, 20, 30, 40, 50, 60, 70, 80, 90]
  const fill = () => {
    const s = setup(1024)
    for (const key of keys) expect(s.p.put(s.fd, key, key * 10)).toBe(0)
    return s
  }

  it('get_next_key walks buckets in order', () => {
    const { p, fd, k } = fill()
    expect(p.keys(fd)).toEqual([80, 50, 90, 30, 60, 10, 20, 40, 70])
    const next = p.mem.alloc(4)
    expect(p.bpf_map_get_next_key(fd, p.mem.u32(-1), next)).toBe(0)
    expect(p.mem.getU32(next)).toBe(80)
    const buckets = Object.fromEntries(k.maps()[0].entries.map((e) => [new DataView(e.key.buffer).getUint32(0, true), e.bucket]))
    expect(buckets).toEqual({ 10: 369, 20: 381, 30: 243, 40: 846, 50: 98, 60: 321, 70: 981, 80: 82, 90: 131 })
  })

  it('subsets keep the bucket order', () => {
    const a = setup(1024)
    for (const key of [10, 20, 30]) a.p.put(a.fd, key, 1)
    expect(a.p.keys(a.fd)).toEqual([30, 10, 20])
    const b = setup(1024)
    for (const key of [40, 50, 60]) b.p.put(b.fd, key, 1)
    expect(b.p.keys(b.fd)).toEqual([50, 60, 40])
  })

  it('deleting the current key restarts get_next_key at the first key', () => {
    const { p, fd } = fill()
    const next = p.mem.alloc(4)
    expect(p.bpf_map_get_next_key(fd, p.mem.u32(30), next)).toBe(0)
    expect(p.mem.getU32(next)).toBe(60)
    expect(p.del(fd, 30)).toBe(0)
    expect(p.bpf_map_get_next_key(fd, p.mem.u32(30), next)).toBe(0)
    expect(p.mem.getU32(next)).toBe(80)
    const last = p.mem.u32(70)
    expect(p.bpf_map_get_next_key(fd, last, next)).toBe(-Errno.ENOENT)
  })

  it('lookup_batch with count 2', () => {
    const { p, fd } = fill()
    const rows: [number, number, number, number[], number[], number][] = [
      [0, 0, 2, [80, 50], [800, 500], 131],
      [131, 0, 2, [90, 30], [900, 300], 321],
      [321, 0, 2, [60, 10], [600, 100], 381],
      [381, 0, 2, [20, 40], [200, 400], 981],
      [981, -Errno.ENOENT, 1, [70], [700], 1024],
    ]
    rows.forEach(([inB, ret, count, ks, vs, out], i) => {
      const r = batch(p, fd, i === 0 ? null : inB, 2)
      expect(r).toEqual({ ret, count, keys: ks, values: vs, out })
    })
  })

  it('lookup_batch with count 3, 9 and 10', () => {
    const { p, fd } = fill()
    let r = batch(p, fd, null, 3)
    expect([r.ret, r.keys, r.out]).toEqual([0, [80, 50, 90], 243])
    r = batch(p, fd, 243, 3)
    expect([r.ret, r.keys, r.out]).toEqual([0, [30, 60, 10], 381])
    r = batch(p, fd, 381, 3)
    expect([r.ret, r.count, r.keys]).toEqual([-Errno.ENOENT, 3, [20, 40, 70]])
    for (const c of [9, 10]) {
      r = batch(p, fd, null, c)
      expect([r.ret, r.count, r.out]).toEqual([-Errno.ENOENT, 9, 1024])
    }
  })

  it('lookup_and_delete_batch empties the map', () => {
    const { p, fd, k } = fill()
    let inB: number | null = null
    const seen: number[] = []
    for (let i = 0; i < 5; i++) {
      const r = batch(p, fd, inB, 2, true)
      seen.push(...r.keys)
      expect(r.ret).toBe(i < 4 ? 0 : -Errno.ENOENT)
      inB = r.out
    }
    expect(seen).toEqual([80, 50, 90, 30, 60, 10, 20, 40, 70])
    expect(p.keys(fd)).toEqual([])
    expect(k.maps()[0].entries.length).toBe(0)
  })
})

describe('HASH max_entries 16 (spec 14.2)', () => {
  const order = [10, 4, 16, 15, 5, 14, 7, 2, 13, 1, 8, 12, 11, 9, 6, 3]
  const fill = (type: number = MapType.HASH) => {
    const s = setup(16, type, 4, 4)
    for (let key = 1; key <= 16; key++) {
      if (type === MapType.PERCPU_HASH) expect(s.p.put(s.fd, key, [key, 0, 0, 0, 0, 0, 0, 0, key, 0, 0, 0, 0, 0, 0, 0])).toBe(0)
      else expect(s.p.put(s.fd, key, key)).toBe(0)
    }
    return s
  }

  it('iteration order', () => {
    const { p, fd } = fill()
    expect(p.keys(fd)).toEqual(order)
  })

  it('update(2, EXIST) moves 2 to the head of its bucket (HASH only)', () => {
    const h = fill()
    expect(h.p.put(h.fd, 2, 222, BPF_EXIST)).toBe(0)
    expect(h.p.keys(h.fd)).toEqual([10, 4, 16, 15, 5, 2, 14, 7, 13, 1, 8, 12, 11, 9, 6, 3])
    const pc = fill(MapType.PERCPU_HASH)
    expect(pc.p.put(pc.fd, 2, [9, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0], BPF_EXIST)).toBe(0)
    expect(pc.p.keys(pc.fd)).toEqual(order)
  })

  it('lookup_batch calls for counts 1-4', () => {
    const { p, fd } = fill()
    const run = (count: number) => {
      const calls: string[] = []
      let inB: number | null = null
      for (let i = 0; i < 12; i++) {
        const r = batch(p, fd, inB, count)
        const ret = r.ret === 0 ? '0' : r.ret === -Errno.ENOENT ? 'ENOENT' : r.ret === -Errno.ENOSPC ? 'ENOSPC' : String(r.ret)
        calls.push(`${ret}/${r.count}/[${r.keys.join(',')}]/${r.out}`)
        if (r.ret !== 0) break
        inB = r.out
      }
      return calls
    }
    expect(run(1)).toEqual(['ENOSPC/0/[]/1'])
    expect(run(2)).toEqual(['0/2/[10,4]/4', '0/2/[16,15]/6', '0/1/[5]/10', 'ENOSPC/0/[]/10'])
    expect(run(3)).toEqual(['0/3/[10,4,16]/5', '0/2/[15,5]/10', '0/3/[14,7,2]/11', '0/3/[13,1,8]/13', '0/3/[12,11,9]/14', 'ENOENT/2/[6,3]/16'])
    expect(run(4)).toEqual(['0/4/[10,4,16,15]/6', '0/4/[5,14,7,2]/11', '0/3/[13,1,8]/13', '0/4/[12,11,9,6]/15', 'ENOENT/1/[3]/16'])
  })
})

describe('HASH max_entries 8 (spec 14.3, 14.4)', () => {
  it('full map: E2BIG, order, batches', () => {
    const { p, fd } = setup(8)
    for (let key = 1; key <= 8; key++) expect(p.put(fd, key, key)).toBe(0)
    expect(p.put(fd, 9, 9)).toBe(-Errno.E2BIG)
    expect(p.put(fd, 9, 9, BPF_NOEXIST)).toBe(-Errno.E2BIG)
    expect(p.put(fd, 3, 33)).toBe(0) // replacing on a full map works
    expect(p.keys(fd)).toEqual([4, 7, 2, 1, 8, 6, 5, 3])
    const calls: string[] = []
    let inB: number | null = null
    for (;;) {
      const r = batch(p, fd, inB, 2)
      calls.push(`${r.ret}/${r.count}/[${r.keys}]/${r.out}`)
      if (r.ret !== 0) break
      inB = r.out
    }
    expect(calls).toEqual(['0/1/[4]/2', '0/2/[7,2]/3', '0/2/[1,8]/6', '0/2/[6,5]/7', `${-Errno.ENOENT}/1/[3]/8`])
  })

  it('one crowded bucket', () => {
    const { p, fd } = setup(8)
    for (const key of [1, 13, 30, 48, 26]) expect(p.put(fd, key, key)).toBe(0)
    expect(p.keys(fd)).toEqual([26, 48, 30, 13, 1])
    for (const c of [1, 3]) {
      let r = batch(p, fd, null, c)
      expect([r.ret, r.count, r.keys, r.out]).toEqual([0, 1, [26], 3])
      r = batch(p, fd, 3, c)
      expect([r.ret, r.count, r.out]).toEqual([-Errno.ENOSPC, 0, 3])
    }
    let r = batch(p, fd, 3, 4)
    expect([r.ret, r.count, r.keys, r.out]).toEqual([-Errno.ENOENT, 4, [48, 30, 13, 1], 8])
    r = batch(p, fd, null, 5)
    expect([r.ret, r.count, r.out]).toEqual([-Errno.ENOENT, 5, 8])
    r = batch(p, fd, null, 0)
    expect([r.ret, r.count, r.out]).toEqual([0, 0, 0xdeadbeef])
    r = batch(p, fd, 7, 2)
    expect([r.ret, r.count, r.out]).toEqual([-Errno.ENOENT, 0, 8])
    for (const b of [8, 100]) {
      r = batch(p, fd, b, 2)
      expect([r.ret, r.count, r.out]).toEqual([-Errno.ENOENT, 0, 0xdeadbeef])
    }
    r = batch(p, fd, 1, 2)
    expect([r.ret, r.out]).toEqual([-Errno.ENOSPC, 3])
    for (const opts of [{ elem_flags: 4 }, { elem_flags: 1 }, { flags: 1 }]) {
      r = batch(p, fd, null, 2, false, opts)
      expect([r.ret, r.count]).toEqual([-Errno.EINVAL, 2])
    }
    r = batch(p, fd, null, 3, true)
    expect([r.ret, r.count, r.keys]).toEqual([0, 1, [26]])
    r = batch(p, fd, 3, 3, true)
    expect(r.ret).toBe(-Errno.ENOSPC)
    expect(p.keys(fd).sort((a, b) => a - b)).toEqual([1, 13, 30, 48])
  })
})

describe('key size changes the order (spec 14.7)', () => {
  for (const [ks, want] of [
    [4, [4, 5, 2, 1, 6, 3]],
    [5, [4, 6, 3, 1, 5, 2]],
    [8, [4, 3, 2, 6, 5, 1]],
  ] as const) {
    it(`key_size ${ks}`, () => {
      const { p, fd } = setup(16, MapType.HASH, ks, 4)
      for (let key = 1; key <= 6; key++) {
        const kb = new Array(ks).fill(0)
        kb[0] = key
        expect(p.bpf_map_update_elem(fd, p.mem.bytes(kb), p.mem.u32(key), BPF_ANY)).toBe(0)
      }
      const got: number[] = []
      const cur = p.mem.alloc(8)
      const next = p.mem.alloc(8)
      let r = p.bpf_map_get_next_key(fd, 0, next)
      while (r === 0) {
        got.push(p.mem.u8[next])
        p.mem.u8.copyWithin(cur, next, next + ks)
        r = p.bpf_map_get_next_key(fd, cur, next)
      }
      expect(got).toEqual(want)
    })
  }
})

describe('HASH element semantics', () => {
  it('update flags (spec 4.3)', () => {
    const { p, fd } = setup(4)
    expect(p.put(fd, 1, 10, BPF_NOEXIST)).toBe(0)
    expect(p.put(fd, 1, 11, BPF_NOEXIST)).toBe(-Errno.EEXIST)
    expect(p.put(fd, 2, 20, BPF_EXIST)).toBe(-Errno.ENOENT)
    expect(p.put(fd, 1, 12, BPF_EXIST)).toBe(0)
    expect(p.get(fd, 1)).toBe(12)
    for (const f of [3, 8, 16, 1n << 32n]) expect(p.put(fd, 1, 13, f)).toBe(-Errno.EINVAL)
    expect(p.put(fd, 1, 13, 4)).toBe(-Errno.EINVAL) // BPF_F_LOCK without a spin lock
    expect(p.get(fd, 1)).toBe(12)
    expect(p.get(fd, 7)).toBe(-Errno.ENOENT)
    expect(p.del(fd, 7)).toBe(-Errno.ENOENT)
    expect(p.del(fd, 1)).toBe(0)
    expect(p.get(fd, 1)).toBe(-Errno.ENOENT)
  })

  it('lookup copies exactly value_size bytes (spec 2.2)', () => {
    const { p, fd } = setup(4, MapType.HASH, 4, 3)
    expect(p.bpf_map_update_elem(fd, p.mem.u32(1), p.mem.bytes([1, 2, 3]), 0)).toBe(0)
    const v = p.mem.bytes([9, 9, 9, 9, 9])
    expect(p.bpf_map_lookup_elem(fd, p.mem.u32(1), v)).toBe(0)
    expect([...p.mem.get(v, 5)]).toEqual([1, 2, 3, 9, 9])
  })

  it('NO_PREALLOC behaves the same (E2BIG at max_entries, room after delete)', () => {
    const k = Kernel.create({ possibleCpus: 2, memoryBytes: 16 << 20 })
    const p = new TestProc(k)
    const fd = p.bpf_map_create(MapType.HASH, 'np', 4, 8, 1000, { map_flags: MapFlag.NO_PREALLOC })
    for (let i = 0; i < 1000; i++) expect(p.put(fd, i, i)).toBe(0)
    expect(p.put(fd, 1000, 1)).toBe(-Errno.E2BIG)
    expect(p.put(fd, 5, 55)).toBe(0)
    expect(p.del(fd, 3)).toBe(0)
    expect(p.put(fd, 1000, 1)).toBe(0)
    expect(p.keys(fd).length).toBe(1000)
    expect(p.get(fd, 5)).toBe(55)
  })

  it('seeds: random per map, reproducible with config.hashSeed, 0 with ZERO_SEED', () => {
    const orders = (hashSeed?: number) => {
      const k = Kernel.create({ possibleCpus: 2, memoryBytes: 8 << 20, hashSeed })
      const p = new TestProc(k)
      const out: string[] = []
      for (let i = 0; i < 4; i++) {
        const fd = p.bpf_map_create(MapType.HASH, 'x', 4, 4, 64)
        for (const key of [10, 20, 30, 40, 50]) p.put(fd, key, 1)
        out.push(p.keys(fd).join(','))
      }
      return { out, seeds: k.maps().map((m) => m.seed) }
    }
    const a = orders(42)
    const b = orders(42)
    expect(a).toEqual(b)
    expect(new Set(a.seeds).size).toBe(4)
    const c = orders()
    expect(new Set(c.seeds).size).toBe(4)
    const { k } = setup(8)
    expect(k.maps()[0].seed).toBe(0)
    expect(k.maps()[0].nBuckets).toBe(8)
  })

  it('huge max_entries costs nothing until used', () => {
    const k = Kernel.create({ possibleCpus: 2, memoryBytes: 8 << 20 })
    const p = new TestProc(k)
    const fd = p.bpf_map_create(MapType.HASH, 'big', 4, 8, 1 << 27, { map_flags: MapFlag.NO_PREALLOC | MapFlag.ZERO_SEED })
    expect(fd).toBe(3)
    expect(p.put(fd, 1, 2)).toBe(0)
    expect(p.keys(fd)).toEqual([1])
    const fd2 = p.bpf_map_create(MapType.HASH, 'big2', 4, 8, 1 << 20)
    expect(fd2).toBe(4)
    for (let i = 0; i < 100; i++) expect(p.put(fd2, i, i)).toBe(0)
    expect(p.keys(fd2).length).toBe(100)
  })
})
