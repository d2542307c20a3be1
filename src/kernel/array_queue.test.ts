/** Arrays (spec 6, 14.5), queue/stack (7), generic batch ops (8.2-8.4), per-CPU layout (11). */
import { describe, expect, it } from 'vitest'
import { Kernel } from './kernel'
import { TestProc } from './testing'
import { BPF_EXIST, Errno, MapFlag, MapType } from './uapi'

const { ENOENT, E2BIG, EINVAL, EFAULT } = Errno

function proc(cpus = 2) {
  return new TestProc(Kernel.create({ possibleCpus: cpus, memoryBytes: 8 << 20 }))
}

describe('ARRAY (spec 6, 14.5)', () => {
  const arr5 = () => {
    const p = proc()
    const fd = p.bpf_map_create(MapType.ARRAY, 'a', 4, 4, 5)
    for (let i = 0; i < 5; i++) expect(p.put(fd, i, i * 100)).toBe(0)
    return { p, fd }
  }

  it('elements exist from creation, zero-filled', () => {
    const p = proc()
    const fd = p.bpf_map_create(MapType.ARRAY, 'a', 4, 8, 3)
    expect(p.get(fd, 2)).toBe(0)
    expect(p.get(fd, 3)).toBe(-ENOENT)
    expect(p.get(fd, -1)).toBe(-ENOENT)
    expect(p.keys(fd)).toEqual([0, 1, 2])
  })

  it('generic lookup_batch (in/out batch = index)', () => {
    const { p, fd } = arr5()
    const run = (count: number, inB: number | null) => {
      const inAddr = inB === null ? 0 : p.mem.u32(inB)
      const out = p.mem.u32(0xdead)
      const keys = p.mem.alloc(64)
      const vals = p.mem.alloc(64)
      const cnt = p.mem.u32(count)
      const ret = p.bpf_map_lookup_batch(fd, inAddr, out, keys, vals, cnt)
      const n = p.mem.getU32(cnt)
      const ks = Array.from({ length: n }, (_, i) => p.mem.getU32(keys + 4 * i))
      const vs = Array.from({ length: n }, (_, i) => p.mem.getU32(vals + 4 * i))
      expect(vs).toEqual(ks.map((x) => x * 100))
      return [ret, n, ks, p.mem.getU32(out)]
    }
    expect(run(2, null)).toEqual([0, 2, [0, 1], 1])
    expect(run(2, 1)).toEqual([0, 2, [2, 3], 3])
    expect(run(2, 3)).toEqual([-ENOENT, 1, [4], 4])
    expect(run(3, null)).toEqual([0, 3, [0, 1, 2], 2])
    expect(run(3, 2)).toEqual([-ENOENT, 2, [3, 4], 4])
    expect(run(5, null)).toEqual([0, 5, [0, 1, 2, 3, 4], 4])
    expect(run(5, 4)).toEqual([-ENOENT, 0, [], 0xdead])
    expect(run(7, null)).toEqual([-ENOENT, 5, [0, 1, 2, 3, 4], 4])
    expect(run(3, 9)).toEqual([0, 3, [0, 1, 2], 2])
  })

  it('generic lookup_batch ignores `flags` but not elem_flags', () => {
    const { p, fd } = arr5()
    const cnt = p.mem.u32(2)
    expect(p.bpf_map_lookup_batch(fd, 0, p.mem.alloc(4), p.mem.alloc(64), p.mem.alloc(64), cnt, { flags: 1 })).toBe(0)
    p.mem.setU32(cnt, 2)
    expect(p.bpf_map_lookup_batch(fd, 0, p.mem.alloc(4), p.mem.alloc(64), p.mem.alloc(64), cnt, { elem_flags: 1 })).toBe(-EINVAL)
    expect(p.mem.getU32(cnt)).toBe(2)
  })

  it('update_batch partial failure and delete_batch ENOTSUPP', () => {
    const { p, fd } = arr5()
    const cnt = p.mem.u32(3)
    expect(p.bpf_map_update_batch(fd, p.mem.u32s([0, 1, 7]), p.mem.u32s([5, 6, 7]), cnt)).toBe(-E2BIG)
    expect(p.mem.getU32(cnt)).toBe(2)
    expect(p.get(fd, 1)).toBe(6)
    expect(p.bpf_map_delete_batch(fd, p.mem.u32s([0]), cnt)).toBe(-Errno.ENOTSUPP)
  })
})

describe('generic update/delete batch on hashes (spec 8.3)', () => {
  it('partial failures set count to the number done', () => {
    const p = proc()
    const fd = p.bpf_map_create(MapType.HASH, 'h', 4, 4, 4)
    p.put(fd, 2, 2)
    const cnt = p.mem.u32(5)
    expect(p.bpf_map_update_batch(fd, p.mem.u32s([1, 2, 3, 4, 5]), p.mem.u32s([1, 2, 3, 4, 5]), cnt)).toBe(-E2BIG)
    expect(p.mem.getU32(cnt)).toBe(4)
    p.mem.setU32(cnt, 4)
    expect(p.bpf_map_delete_batch(fd, p.mem.u32s([1, 2, 99, 3]), cnt)).toBe(-ENOENT)
    expect(p.mem.getU32(cnt)).toBe(2)
    expect(p.keys(fd).sort()).toEqual([3, 4])
  })

  it('elem_flags NOEXIST/EXIST are EINVAL, count unchanged; NULL keys EFAULT with count 0; count 0 is a no-op', () => {
    const p = proc()
    const fd = p.bpf_map_create(MapType.HASH, 'h', 4, 4, 8)
    const cnt = p.mem.u32(3)
    for (const ef of [1, 2, 4]) {
      expect(p.bpf_map_update_batch(fd, p.mem.u32s([40, 50, 60]), p.mem.u32s([400, 500, 600]), cnt, { elem_flags: ef })).toBe(-EINVAL)
      expect(p.mem.getU32(cnt)).toBe(3)
    }
    expect(p.bpf_map_update_batch(fd, p.mem.u32s([40, 50, 60]), p.mem.u32s([400, 500, 600]), cnt, { flags: 7 })).toBe(0)
    expect([p.get(fd, 40), p.get(fd, 50), p.get(fd, 60)]).toEqual([400, 500, 600])
    expect(p.bpf_map_update_batch(fd, 0, p.mem.u32s([1]), cnt)).toBe(-EFAULT)
    expect(p.mem.getU32(cnt)).toBe(0)
    expect(p.bpf_map_delete_batch(fd, 0, cnt)).toBe(0) // count 0 now
    p.mem.setU32(cnt, 1)
    const none = p.mem.u32(1)
    expect(p.bpf_map_lookup_batch(fd, 0, 0, p.mem.alloc(64), p.mem.alloc(64), cnt)).toBe(-EFAULT) // NULL out_batch
    expect(p.mem.getU32(cnt)).toBe(0)
    p.mem.setU32(cnt, 5)
    expect(p.bpf_map_lookup_batch(fd, 0, none, 0, p.mem.alloc(64), cnt)).toBe(-EFAULT) // NULL keys
    expect(p.mem.getU32(cnt)).toBe(0)
  })
})

describe('QUEUE and STACK (spec 7)', () => {
  for (const [type, name] of [
    [MapType.QUEUE, 'queue'],
    [MapType.STACK, 'stack'],
  ] as const) {
    it(name, () => {
      const p = proc()
      const fd = p.bpf_map_create(type, 'q', 0, 4, 3)
      const push = (v: number, f = 0) => p.bpf_map_update_elem(fd, 0, p.mem.u32(v), f)
      const out = p.mem.alloc(4)
      const peek = () => {
        const r = p.bpf_map_lookup_elem(fd, 0, out)
        return r < 0 ? r : p.mem.getU32(out)
      }
      const pop = () => {
        const r = p.bpf_map_lookup_and_delete_elem(fd, 0, out)
        return r < 0 ? r : p.mem.getU32(out)
      }
      for (const v of [1, 2, 3]) expect(push(v)).toBe(0)
      expect(push(4)).toBe(-E2BIG)
      expect(push(4, BPF_EXIST)).toBe(0)
      if (type === MapType.QUEUE) {
        expect(peek()).toBe(2)
        expect([pop(), pop(), pop(), pop()]).toEqual([2, 3, 4, -ENOENT])
      } else {
        expect(peek()).toBe(4)
        expect([pop(), pop(), pop(), pop()]).toEqual([4, 3, 2, -ENOENT])
      }
      expect(peek()).toBe(-ENOENT)
      expect(push(9)).toBe(0)
      expect(peek()).toBe(9)
      expect(p.bpf_map_delete_elem(fd, 0)).toBe(-EINVAL)
      expect(p.bpf_map_lookup_elem_flags(fd, 0, out, 4)).toBe(-EINVAL)
      expect(p.bpf_map_freeze(fd)).toBe(0)
      expect(push(1)).toBe(-Errno.EPERM)
      expect(pop()).toBe(-Errno.EPERM)
      expect(peek()).toBe(9)
    })
  }

  it('wraps around its ring many times', () => {
    const p = proc()
    const fd = p.bpf_map_create(MapType.QUEUE, 'q', 0, 8, 5)
    const out = p.mem.alloc(8)
    let next = 0
    let expectNext = 0
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 3; i++) expect(p.bpf_map_update_elem(fd, 0, p.mem.u64(next++), 0)).toBe(0)
      for (let i = 0; i < 3; i++) {
        expect(p.bpf_map_lookup_and_delete_elem(fd, 0, out)).toBe(0)
        expect(Number(p.mem.getU64(out))).toBe(expectNext++)
      }
    }
  })
})

describe('per-CPU layout (spec 11)', () => {
  it('value_size 4 -> 2 x 8 bytes; padding is stored and returned', () => {
    const p = proc()
    const fd = p.bpf_map_create(MapType.PERCPU_HASH, 'p', 4, 4, 8)
    const bytes = Array.from({ length: 16 }, (_, i) => i + 1)
    expect(p.bpf_map_update_elem(fd, p.mem.u32(1), p.mem.bytes(bytes), 0)).toBe(0)
    const out = p.mem.bytes(new Array(20).fill(0xee))
    expect(p.bpf_map_lookup_elem(fd, p.mem.u32(1), out)).toBe(0)
    expect([...p.mem.get(out, 20)]).toEqual([...bytes, 0xee, 0xee, 0xee, 0xee])
  })

  it('value_size 3 -> 16 bytes, value_size 12 -> 32 bytes (PERCPU_ARRAY)', () => {
    for (const [vs, total] of [
      [3, 16],
      [12, 32],
    ]) {
      const p = proc()
      const fd = p.bpf_map_create(MapType.PERCPU_ARRAY, 'p', 4, vs, 2)
      const bytes = Array.from({ length: total }, (_, i) => i + 1)
      expect(p.bpf_map_update_elem(fd, p.mem.u32(1), p.mem.bytes(bytes), 0)).toBe(0)
      const out = p.mem.bytes(new Array(total + 4).fill(0xee))
      expect(p.bpf_map_lookup_elem(fd, p.mem.u32(1), out)).toBe(0)
      expect([...p.mem.get(out, total + 4)]).toEqual([...bytes, 0xee, 0xee, 0xee, 0xee])
      const snap = p.k.maps()[0].entries[1].value as Uint8Array[]
      expect(snap.length).toBe(2)
      expect([...snap[1]]).toEqual(bytes.slice(total / 2, total / 2 + vs))
    }
  })

  it('4 possible CPUs', () => {
    const p = proc(4)
    const fd = p.bpf_map_create(MapType.PERCPU_ARRAY, 'p', 4, 8, 1)
    const out = p.mem.alloc(40)
    expect(p.bpf_map_lookup_elem(fd, p.mem.u32(0), out)).toBe(0)
    expect(p.k.possibleCpus).toBe(4)
    const bytes = Array.from({ length: 32 }, (_, i) => i)
    expect(p.bpf_map_update_elem(fd, p.mem.u32(0), p.mem.bytes(bytes), 0)).toBe(0)
    expect(p.bpf_map_lookup_elem(fd, p.mem.u32(0), out)).toBe(0)
    expect([...p.mem.get(out, 32)]).toEqual(bytes)
  })

  it('BPF_F_MMAPABLE arrays are page aligned', () => {
    const p = proc()
    const fd = p.bpf_map_create(MapType.ARRAY, 'm', 4, 4, 4, { map_flags: MapFlag.MMAPABLE })
    const id = p.k.mapIdFromFd(p.pid, fd)
    const key = p.k.kmalloc(4)
    expect(p.k.progMapLookup(id, key, 0) % 4096).toBe(0)
  })
})
