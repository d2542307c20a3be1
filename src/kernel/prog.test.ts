/** Program-side helpers (spec 12, 11, 9): kernel addresses in, value addresses out. */
import { describe, expect, it } from 'vitest'
import { Kernel } from './kernel'
import { H } from './memory'
import { TestProc } from './testing'
import { BPF_ANY, BPF_EXIST, BPF_NOEXIST, Errno, MapFlag, MapType } from './uapi'

function setup(type: number, keySize: number, valueSize: number, maxEntries: number, flags = 0) {
  const k = Kernel.create({ possibleCpus: 2, memoryBytes: 8 << 20 })
  const p = new TestProc(k)
  const fd = p.bpf_map_create(type, 'm', keySize, valueSize, maxEntries, { map_flags: flags })
  const id = k.mapIdFromFd(p.pid, fd)
  expect(k.mapRef(id)).toBe(0)
  // A program's stack: key at +0, value at +16.
  const stack = k.kmalloc(64, 16)
  const dv = k.mem.dv
  const key = (n: number) => {
    dv.setUint32(stack, n, true)
    return stack
  }
  const val = (n: number | bigint) => {
    dv.setBigUint64(stack + 16, BigInt(n), true)
    return stack + 16
  }
  return { k, p, fd, id, key, val, dv, stack }
}

describe('observed program-side returns (spec 12.1)', () => {
  it('HASH u32 -> u64, max_entries 2', () => {
    const { k, id, key, val } = setup(MapType.HASH, 4, 8, 2)
    expect(k.progMapLookup(id, key(1), 0)).toBe(0)
    expect(k.progMapUpdate(id, key(1), val(1), BPF_NOEXIST, 0)).toBe(0)
    expect(k.progMapUpdate(id, key(1), val(1), BPF_NOEXIST, 0)).toBe(-17)
    expect(k.progMapUpdate(id, key(9), val(1), BPF_EXIST, 0)).toBe(-2)
    expect(k.progMapUpdate(id, key(2), val(1), BPF_ANY, 0)).toBe(0)
    expect(k.progMapUpdate(id, key(3), val(1), BPF_ANY, 0)).toBe(-7)
    expect(k.progMapUpdate(id, key(1), val(1), 3, 0)).toBe(-22)
    expect(k.progMapUpdate(id, key(1), val(1), 2 ** 32, 0)).toBe(-22)
    expect(k.progMapDelete(id, key(9), 0)).toBe(-2)
    expect(k.progMapDelete(id, key(2), 0)).toBe(0)
  })

  it('HASH elements come from the inserting CPU\'s own run of the pool (pcpu_freelist), then from the next CPU\'s', () => {
    // 2 CPUs, 10 entries: CPU 0 owns elements 0-5, CPU 1 elements 6-9 (10 / 2 + 1 per CPU)
    const { k, id, key, val } = setup(MapType.HASH, 4, 8, 10)
    const insert = (n: number, cpu: number) => {
      expect(k.progMapUpdate(id, key(n), val(n), BPF_NOEXIST, cpu)).toBe(0)
      return k.progMapLookup(id, key(n), cpu)
    }
    const cpu0 = [1, 2, 3].map((n) => insert(n, 0))
    const cpu1 = [11, 12, 13].map((n) => insert(n, 1))
    const step = cpu0[1] - cpu0[0]
    expect(cpu0[2] - cpu0[1]).toBe(step)
    expect(cpu1[1] - cpu1[0]).toBe(step)
    expect(cpu1[0] - cpu0[0]).toBe(6 * step) // not interleaved with CPU 0's: no shared cache lines
    // CPU 1's run has one left, then it takes CPU 0's; the map still holds exactly max_entries
    for (const n of [14, 15, 16, 17]) insert(n, 1)
    expect(k.progMapUpdate(id, key(99), val(1), BPF_NOEXIST, 0)).toBe(-Errno.E2BIG)
  })

  it('ARRAY max_entries 4', () => {
    const { k, id, key, val } = setup(MapType.ARRAY, 4, 8, 4)
    expect(k.progMapLookup(id, key(4), 0)).toBe(0)
    expect(k.progMapUpdate(id, key(0), val(1), BPF_NOEXIST, 0)).toBe(-17)
    expect(k.progMapUpdate(id, key(4), val(1), BPF_ANY, 0)).toBe(-7)
    expect(k.progMapUpdate(id, key(4), val(1), BPF_NOEXIST, 0)).toBe(-7)
    expect(k.progMapDelete(id, key(0), 0)).toBe(-22)
  })

  it('values are 8-byte aligned and writable in place (spec 12.2)', () => {
    const { k, p, fd, id, key, val, dv } = setup(MapType.HASH, 4, 8, 8)
    expect(k.progMapUpdate(id, key(1), val(10), BPF_ANY, 0)).toBe(0)
    const v = k.progMapLookup(id, key(1), 0)
    expect(v % 8).toBe(0)
    const big = new BigInt64Array(k.sab)
    Atomics.add(big, v / 8, 5n)
    expect(dv.getBigUint64(v, true)).toBe(15n)
    const out = p.mem.alloc(8)
    expect(p.bpf_map_lookup_elem(fd, p.mem.u32(1), out)).toBe(0)
    expect(p.mem.getU64(out)).toBe(15n)
  })

  it('array pointers see later updates (in place)', () => {
    const { k, p, fd, id, key, dv } = setup(MapType.ARRAY, 4, 8, 4)
    const v = k.progMapLookup(id, key(0), 0)
    expect(p.bpf_map_update_elem(fd, p.mem.u32(0), p.mem.u64(55), 0)).toBe(0)
    expect(dv.getBigUint64(v, true)).toBe(55n)
  })
})

describe('stale pointers after update/delete (spec 12.3, 4.8)', () => {
  it('prealloc HASH on one CPU', () => {
    const { k, id, key, val, dv } = setup(MapType.HASH, 4, 8, 16)
    expect(k.progMapUpdate(id, key(1), val(101), BPF_ANY, 0)).toBe(0)
    const ptr = k.progMapLookup(id, key(1), 0)
    expect(k.progMapUpdate(id, key(1), val(777), BPF_ANY, 0)).toBe(0)
    expect(dv.getBigUint64(ptr, true)).toBe(101n)
    const p2 = k.progMapLookup(id, key(1), 0)
    expect(p2).not.toBe(ptr)
    expect(dv.getBigUint64(p2, true)).toBe(777n)
    expect(k.progMapUpdate(id, key(1), val(888), BPF_ANY, 0)).toBe(0)
    expect(dv.getBigUint64(ptr, true)).toBe(888n)
    expect(dv.getBigUint64(p2, true)).toBe(777n)
    expect(k.progMapDelete(id, key(1), 0)).toBe(0)
    expect(dv.getBigUint64(ptr, true)).toBe(888n)
    expect(k.progMapLookup(id, key(1), 0)).toBe(0)
  })

  it('PERCPU_HASH and arrays update in place', () => {
    const { k, id, key, val, dv } = setup(MapType.PERCPU_HASH, 4, 8, 16)
    expect(k.progMapUpdate(id, key(1), val(101), BPF_ANY, 0)).toBe(0)
    const ptr = k.progMapLookup(id, key(1), 0)
    expect(k.progMapUpdate(id, key(1), val(777), BPF_ANY, 0)).toBe(0)
    expect(dv.getBigUint64(ptr, true)).toBe(777n)
    expect(k.progMapLookup(id, key(1), 0)).toBe(ptr)
  })
})

describe('per-CPU values from programs (spec 11)', () => {
  it('PERCPU_ARRAY incremented on both CPUs', () => {
    const { k, p, fd, id, key, dv } = setup(MapType.PERCPU_ARRAY, 4, 8, 1)
    const inc = (cpu: number) => {
      const v = k.progMapLookup(id, key(0), cpu)
      dv.setBigUint64(v, dv.getBigUint64(v, true) + 1n, true)
    }
    inc(0)
    inc(1)
    inc(1)
    const out = p.mem.alloc(16)
    expect(p.bpf_map_lookup_elem(fd, p.mem.u32(0), out)).toBe(0)
    expect([p.mem.getU64(out), p.mem.getU64(out + 8)]).toEqual([1n, 2n])
  })

  it('PERCPU_HASH insert zero-fills other CPUs; update touches only the running CPU', () => {
    const { k, p, fd, id, key, val } = setup(MapType.PERCPU_HASH, 4, 8, 8)
    expect(p.bpf_map_update_elem(fd, p.mem.u32(7), p.mem.bytes(new Array(16).fill(0xaa)), 0)).toBe(0)
    expect(p.bpf_map_delete_elem(fd, p.mem.u32(7))).toBe(0) // recycled element holds 0xaa bytes
    expect(k.progMapUpdate(id, key(7), val(1000), BPF_ANY, 0)).toBe(0)
    const out = p.mem.alloc(16)
    expect(p.bpf_map_lookup_elem(fd, p.mem.u32(7), out)).toBe(0)
    expect([p.mem.getU64(out), p.mem.getU64(out + 8)]).toEqual([1000n, 0n])
    expect(k.progMapUpdate(id, key(7), val(1001), BPF_ANY, 1)).toBe(0)
    expect(p.bpf_map_lookup_elem(fd, p.mem.u32(7), out)).toBe(0)
    expect([p.mem.getU64(out), p.mem.getU64(out + 8)]).toEqual([1000n, 1001n])
    const c1 = k.progMapLookupPercpu(id, key(7), 0, 1)
    expect(k.mem.dv.getBigUint64(c1, true)).toBe(1001n)
    expect(k.progMapLookupPercpu(id, key(7), 0, 2)).toBe(0)
    expect(k.progMapLookupPercpu(id, key(8), 0, 0)).toBe(0)
    expect(k.progMapLookup(id, key(7), 1)).toBe(c1)
  })
})

describe('per-CPU value layout', () => {
  // A 12-byte value: 16 bytes per CPU for userspace, a cache line per CPU in the kernel.
  const userValue = (cpus: number[][]) => cpus.flatMap((b) => [...b, 0, 0, 0, 0])
  const bytes12 = (x: number) => Array.from({ length: 12 }, (_, i) => (x + i) & 0xff)

  it.each([
    ['PERCPU_ARRAY', MapType.PERCPU_ARRAY],
    ['PERCPU_HASH', MapType.PERCPU_HASH],
    ['LRU_PERCPU_HASH', MapType.LRU_PERCPU_HASH],
  ])('%s: each CPU\'s copy starts its own cache line; userspace sees them side by side', (_name, type) => {
    const { k, p, fd, id, key, dv } = setup(type, 4, 12, 4)
    const mine = p.mem.bytes(userValue([bytes12(1), bytes12(0x41)]))
    expect(p.bpf_map_update_elem(fd, p.mem.u32(2), mine, 0)).toBe(0)
    const c0 = k.progMapLookup(id, key(2), 0)
    const c1 = k.progMapLookup(id, key(2), 1)
    expect(c0 % 64).toBe(0)
    expect(c1 - c0).toBe(64)
    expect([...k.mem.u8.subarray(c1, c1 + 12)]).toEqual(bytes12(0x41))
    // a program on CPU 1 writes its copy in place; every syscall path shows userspace's layout
    dv.setUint32(c1, 0xdeadbeef, true)
    const want = userValue([bytes12(1), [0xef, 0xbe, 0xad, 0xde, ...bytes12(0x41).slice(4)]])
    const out = p.mem.alloc(32)
    expect(p.bpf_map_lookup_elem(fd, p.mem.u32(2), out)).toBe(0)
    expect([...p.mem.get(out, 32)]).toEqual(want)
    const keys = p.mem.alloc(16)
    const vals = p.mem.alloc(4 * 32)
    const count = p.mem.u32(4)
    const outBatch = p.mem.alloc(8)
    const r = p.bpf_map_lookup_batch(fd, 0, outBatch, keys, vals, count)
    expect(r === 0 || r === -Errno.ENOENT).toBe(true)
    const n = p.mem.getU32(count)
    const at = [...Array(n).keys()].find((i) => p.mem.getU32(keys + 4 * i) === 2)!
    expect([...p.mem.get(vals + at * 32, 32)]).toEqual(want)
    if (type !== MapType.PERCPU_ARRAY) {
      expect(p.bpf_map_lookup_and_delete_elem(fd, p.mem.u32(2), out)).toBe(0)
      expect([...p.mem.get(out, 32)]).toEqual(want)
    }
  })
})

describe('queue/stack helpers (spec 7)', () => {
  it('push/pop/peek and zero fill on ENOENT', () => {
    const { k, id, val, dv, stack } = setup(MapType.QUEUE, 0, 8, 2)
    expect(k.progMapPush(id, val(1), 0, 0)).toBe(0)
    expect(k.progMapPush(id, val(2), 0, 0)).toBe(0)
    expect(k.progMapPush(id, val(3), 0, 0)).toBe(-Errno.E2BIG)
    expect(k.progMapPush(id, val(3), BPF_NOEXIST, 0)).toBe(-Errno.EINVAL)
    expect(k.progMapPush(id, val(3), BPF_EXIST, 0)).toBe(0)
    const out = stack + 32
    expect(k.progMapPeek(id, out, 0)).toBe(0)
    expect(dv.getBigUint64(out, true)).toBe(2n)
    expect(k.progMapPop(id, out, 0)).toBe(0)
    expect(k.progMapPop(id, out, 0)).toBe(0)
    expect(dv.getBigUint64(out, true)).toBe(3n)
    dv.setBigUint64(out, 99n, true)
    expect(k.progMapPop(id, out, 0)).toBe(-Errno.ENOENT)
    expect(dv.getBigUint64(out, true)).toBe(0n)
    dv.setBigUint64(out, 99n, true)
    expect(k.progMapPeek(id, out, 0)).toBe(-Errno.ENOENT)
    expect(dv.getBigUint64(out, true)).toBe(0n)
  })
})

describe('frozen maps and programs (spec 9, 12.5)', () => {
  it('programs still write', () => {
    const { k, p, fd, id, key, val, dv } = setup(MapType.ARRAY, 4, 8, 1)
    expect(p.bpf_map_update_elem(fd, p.mem.u32(0), p.mem.u64(10), 0)).toBe(0)
    expect(p.bpf_map_freeze(fd)).toBe(0)
    const v = k.progMapLookup(id, key(0), 0)
    dv.setBigUint64(v, dv.getBigUint64(v, true) + 1n, true)
    expect(p.get(fd, 0)).toBe(11)
    expect(k.progMapUpdate(id, key(0), val(4242), BPF_ANY, 0)).toBe(0)
    expect(p.get(fd, 0)).toBe(4242)
    expect(p.bpf_map_update_elem(fd, p.mem.u32(0), p.mem.u64(1), 0)).toBe(-Errno.EPERM)
  })
})

describe('events and kernel memory', () => {
  it('syscalls go to the main log, helper calls to their CPU ring', () => {
    const { k, p, fd, id, key, val } = setup(MapType.HASH, 4, 8, 8, MapFlag.ZERO_SEED)
    k.traceHelperCalls()
    const before = k.eventLog.lastSeq()
    const helpersBefore = k.eventLog.helperSeq(1)
    k.progMapUpdate(id, key(5), val(1), 0, 1)
    p.put(fd, 6, 1)
    const ev = k.events(before)
    expect(ev.map((e) => [e.origin, e.op, e.mapId, e.ret, e.cpu])).toEqual([['syscall', 2, id, 0, 0]])
    expect(k.events(ev[0].seq)).toEqual([])
    const hev = k.helperEvents(1, helpersBefore)
    expect(hev.map((e) => [e.origin, e.op, e.mapId, e.ret, e.cpu, e.seq])).toEqual([['helper', 2, id, 0, 1, helpersBefore + 1]])
    expect([...hev[0].key]).toEqual([5, 0, 0, 0])
    expect(k.helperEvents(0, 0)).toEqual([])
  })

  it('a batch call records its cursors, the count asked and the count returned', () => {
    const { k, p, fd } = setup(MapType.HASH, 4, 8, 8, MapFlag.ZERO_SEED)
    for (let i = 0; i < 5; i++) p.put(fd, i, i)
    const before = k.eventLog.lastSeq()
    const count = p.mem.u32(16)
    const out = p.mem.alloc(8)
    expect(p.bpf_map_lookup_batch(fd, 0, out, p.mem.alloc(64), p.mem.alloc(128), count)).toBe(-Errno.ENOENT)
    const [ev] = k.events(before)
    expect(ev.extra).toMatchObject({ count: 5, asked: 16 })
    expect(ev.extra?.outBatch).toBeGreaterThan(0)
  })

  it('a failed helper call is also a failed call in the main log', () => {
    const { k, id, key, val } = setup(MapType.HASH, 4, 8, 1, MapFlag.ZERO_SEED)
    k.traceHelperCalls()
    expect(k.progMapUpdate(id, key(1), val(1), 0, 0)).toBe(0)
    const before = k.eventLog.lastSeq()
    expect(k.progMapUpdate(id, key(2), val(1), 0, 0)).toBe(-Errno.E2BIG)
    expect(k.events(before).map((e) => [e.origin, e.op, e.ret])).toEqual([['helper', 2, -Errno.E2BIG]])
    expect(k.helperEvents(0, 0).map((e) => e.ret)).toEqual([0, -Errno.E2BIG])
  })

  it('a CPU ring keeps the newest calls when it wraps, numbered without gaps', () => {
    const { k, id, key } = setup(MapType.HASH, 4, 8, 8, MapFlag.ZERO_SEED)
    k.traceHelperCalls()
    const cap = k.mem.i32[H.HEV_CAP]
    for (let i = 0; i < cap + 10; i++) k.progMapLookup(id, key(i & 0xff), 0)
    const ev = k.helperEvents(0, 0)
    expect(ev.length).toBe(cap)
    expect(ev[0].seq).toBe(11)
    expect(ev[ev.length - 1].seq).toBe(cap + 10)
    expect(ev.every((e, i) => i === 0 || e.seq === ev[i - 1].seq + 1)).toBe(true)
    expect([...ev[ev.length - 1].key]).toEqual([(cap + 9) & 0xff, 0, 0, 0])
  })

  it('the kernel clock moves with real time and simulated sleeps', () => {
    const k = Kernel.create({ possibleCpus: 1, memoryBytes: 4 << 20 })
    const t0 = k.ktimeNs()
    k.advanceClock(5e9)
    const t1 = k.ktimeNs()
    expect(t1 - t0).toBeGreaterThanOrEqual(5e9)
    expect(t1 - t0).toBeLessThan(6e9)
    expect(Kernel.attach(k.sab).ktimeNs()).toBeGreaterThanOrEqual(t1)
  })

  it('kmalloc/kfree', () => {
    const k = Kernel.create({ possibleCpus: 2, memoryBytes: 4 << 20 })
    const a = k.kmalloc(4096, 4096)
    expect(a % 4096).toBe(0)
    const b = k.kmalloc(100)
    expect(b % 8).toBe(0)
    k.kfree(a)
    k.kfree(b)
    expect(() => k.kfree(b)).toThrow()
    expect(k.kmalloc(64 << 20)).toBe(0)
  })
})
