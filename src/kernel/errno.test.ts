/**
 * The errno matrix of spec 2.4, the order of checks of 2.3 and the fd/permission rules of 2.1,
 * driven through bpf() exactly as libbpf calls it.
 */
import { describe, expect, it } from 'vitest'
import { Kernel } from './kernel'
import { TestProc } from './testing'
import { Attr, BPF_ANY, BPF_EXIST, BPF_F_LOCK, BPF_NOEXIST, BpfCmd, Errno, MapFlag, MapType } from './uapi'

const { EPERM, ENOENT, E2BIG, EBADF, EFAULT, EEXIST, EINVAL, ENOTSUPP } = Errno

type Kind = 'H' | 'PH' | 'LH' | 'LPH' | 'A' | 'PA' | 'Q' | 'S'
const TYPES: Record<Kind, number> = {
  H: MapType.HASH,
  PH: MapType.PERCPU_HASH,
  LH: MapType.LRU_HASH,
  LPH: MapType.LRU_PERCPU_HASH,
  A: MapType.ARRAY,
  PA: MapType.PERCPU_ARRAY,
  Q: MapType.QUEUE,
  S: MapType.STACK,
}
const percpu = (t: Kind) => t === 'PH' || t === 'LPH' || t === 'PA'
const keyless = (t: Kind) => t === 'Q' || t === 'S'

function make(t: Kind, maxEntries = 4, flags = 0) {
  const k = Kernel.create({ possibleCpus: 2, memoryBytes: 8 << 20 })
  const p = new TestProc(k)
  const fd = p.bpf_map_create(TYPES[t], 'm', keyless(t) ? 0 : 4, 4, maxEntries, { map_flags: flags })
  expect(fd).toBe(3)
  const vsize = percpu(t) ? 16 : 4
  const key = (n: number) => (keyless(t) ? 0 : p.mem.u32(n))
  const val = (n: number) => (percpu(t) ? p.mem.bytes([n, 0, 0, 0, 0, 0, 0, 0, n, 0, 0, 0, 0, 0, 0, 0]) : p.mem.u32(n))
  const out = () => p.mem.alloc(vsize)
  const upd = (kk: number, v: number, f: number | bigint = 0) => p.bpf_map_update_elem(fd, key(kk), val(v), f)
  return { k, p, fd, key, val, out, upd }
}

describe('errno matrix (spec 2.4)', () => {
  const all: Kind[] = ['H', 'PH', 'LH', 'LPH', 'A', 'PA', 'Q', 'S']
  const hashes: Kind[] = ['H', 'PH', 'LH', 'LPH']

  it('update of a new key with room, and on a full map', () => {
    for (const t of hashes) {
      const m = make(t, 2)
      expect(m.upd(1, 1)).toBe(0)
      expect(m.upd(2, 2)).toBe(0)
      expect(m.upd(3, 3, BPF_ANY)).toBe(t === 'H' || t === 'PH' ? -E2BIG : 0)
    }
    for (const t of ['Q', 'S'] as Kind[]) {
      const m = make(t, 2)
      expect(m.upd(0, 1)).toBe(0)
      expect(m.upd(0, 2)).toBe(0)
      expect(m.upd(0, 3)).toBe(-E2BIG)
      expect(m.upd(0, 3, BPF_EXIST)).toBe(0)
      expect(m.upd(0, 3, BPF_NOEXIST)).toBe(-EINVAL)
    }
  })

  it('NOEXIST on an existing key, EXIST on a missing key', () => {
    for (const t of hashes) {
      const m = make(t, 8)
      expect(m.upd(1, 1)).toBe(0)
      expect(m.upd(1, 1, BPF_NOEXIST)).toBe(-EEXIST)
      expect(m.upd(9, 1, BPF_EXIST)).toBe(-ENOENT)
    }
    for (const t of ['A', 'PA'] as Kind[]) {
      const m = make(t, 4)
      expect(m.upd(0, 1, BPF_NOEXIST)).toBe(-EEXIST)
      expect(m.upd(3, 1, BPF_EXIST)).toBe(0)
      expect(m.upd(4, 1, BPF_ANY)).toBe(-E2BIG)
      expect(m.upd(4, 1, BPF_NOEXIST)).toBe(-E2BIG)
    }
  })

  it('bad update flags and BPF_F_LOCK without a spin lock', () => {
    for (const t of all) {
      const m = make(t, 4)
      for (const f of [3, 8, 16, 1n << 32n]) expect(m.upd(1, 1, f)).toBe(-EINVAL)
      expect(m.upd(1, 1, BPF_F_LOCK)).toBe(-EINVAL)
    }
  })

  it('lookup: missing key, bad index, empty queue; flags', () => {
    for (const t of all) {
      const m = make(t, 4)
      const kk = keyless(t) ? 0 : m.key(t === 'A' || t === 'PA' ? 9 : 5)
      expect(m.p.bpf_map_lookup_elem(m.fd, kk, m.out())).toBe(-ENOENT)
      expect(m.p.bpf_map_lookup_elem_flags(m.fd, kk, m.out(), 1)).toBe(-EINVAL)
      expect(m.p.bpf_map_lookup_elem_flags(m.fd, kk, m.out(), BPF_F_LOCK)).toBe(-EINVAL)
    }
  })

  it('delete and lookup_and_delete', () => {
    for (const t of all) {
      const m = make(t, 4)
      m.upd(1, 7)
      const arr = t === 'A' || t === 'PA'
      const q = keyless(t)
      expect(m.p.bpf_map_delete_elem(m.fd, m.key(1))).toBe(arr || q ? -EINVAL : 0)
      expect(m.p.bpf_map_delete_elem(m.fd, m.key(1))).toBe(arr || q ? -EINVAL : -ENOENT)
      m.upd(2, 8)
      const out = m.out()
      if (q) {
        // Queue pops 7 then 8; stack 8 then 7; then ENOENT.
        expect(m.p.bpf_map_lookup_and_delete_elem(m.fd, 0, out)).toBe(0)
        expect(m.p.mem.getU32(out)).toBe(t === 'Q' ? 7 : 8)
        expect(m.p.bpf_map_lookup_and_delete_elem(m.fd, 0, out)).toBe(0)
        expect(m.p.mem.getU32(out)).toBe(t === 'Q' ? 8 : 7)
        expect(m.p.bpf_map_lookup_and_delete_elem(m.fd, 0, out)).toBe(-ENOENT)
        continue
      }
      expect(m.p.bpf_map_lookup_and_delete_elem(m.fd, m.key(2), out)).toBe(arr ? -ENOTSUPP : 0)
      if (!arr) expect(m.p.mem.getU32(out)).toBe(8)
      if (percpu(t) && !arr) expect(m.p.mem.getU32(out + 8)).toBe(8)
      expect(m.p.bpf_map_lookup_and_delete_elem(m.fd, m.key(2), out)).toBe(arr ? -ENOTSUPP : -ENOENT)
      expect(m.p.bpf_map_lookup_and_delete_elem_flags(m.fd, m.key(2), out, 1)).toBe(-EINVAL)
    }
  })

  it('get_next_key', () => {
    for (const t of hashes) {
      const m = make(t, 4)
      const next = m.p.mem.alloc(4)
      expect(m.p.bpf_map_get_next_key(m.fd, 0, next)).toBe(-ENOENT)
      m.upd(1, 1)
      expect(m.p.bpf_map_get_next_key(m.fd, 0, next)).toBe(0)
      expect(m.p.bpf_map_get_next_key(m.fd, m.key(99), next)).toBe(0)
      expect(m.p.mem.getU32(next)).toBe(1)
      expect(m.p.bpf_map_get_next_key(m.fd, m.key(1), next)).toBe(-ENOENT)
    }
    for (const t of ['A', 'PA'] as Kind[]) {
      const m = make(t, 3)
      const next = m.p.mem.alloc(4)
      const walk = (from: number | null) => {
        const r = m.p.bpf_map_get_next_key(m.fd, from === null ? 0 : m.key(from), next)
        return r < 0 ? r : m.p.mem.getU32(next)
      }
      expect([walk(null), walk(0), walk(1), walk(2), walk(3), walk(100), walk(0xffffffff)]).toEqual([0, 1, 2, -ENOENT, 0, 0, 0])
    }
    for (const t of ['Q', 'S'] as Kind[]) {
      const m = make(t, 4)
      expect(m.p.bpf_map_get_next_key(m.fd, 0, m.p.mem.alloc(4))).toBe(-EINVAL)
    }
  })

  it('batch support per type', () => {
    for (const t of all) {
      const m = make(t, 4)
      const cnt = () => m.p.mem.u32(1)
      const buf = () => m.p.mem.alloc(64)
      const hash = hashes.includes(t)
      const arr = t === 'A' || t === 'PA'
      const lb = m.p.bpf_map_lookup_batch(m.fd, 0, buf(), buf(), buf(), cnt())
      expect(lb).toBe(hash ? -ENOENT : arr ? 0 : -ENOTSUPP)
      expect(m.p.bpf_map_lookup_and_delete_batch(m.fd, 0, buf(), buf(), buf(), cnt())).toBe(hash ? -ENOENT : -ENOTSUPP)
      const keys = m.p.mem.u32s([0, 1])
      const vals = m.p.mem.alloc(64)
      expect(m.p.bpf_map_update_batch(m.fd, keys, vals, cnt())).toBe(hash || arr ? 0 : -ENOTSUPP)
      expect(m.p.bpf_map_delete_batch(m.fd, keys, cnt())).toBe(hash ? 0 : -ENOTSUPP)
    }
  })

  it('NULL key pointers and non-NULL keys on keyless maps', () => {
    for (const t of all) {
      const m = make(t, 4)
      if (keyless(t)) {
        const k = m.p.mem.u32(1)
        expect(m.p.bpf_map_update_elem(m.fd, k, m.val(1), 0)).toBe(-EINVAL)
        expect(m.p.bpf_map_lookup_elem(m.fd, k, m.out())).toBe(-EINVAL)
        expect(m.p.bpf_map_delete_elem(m.fd, k)).toBe(-EINVAL)
        expect(m.p.bpf_map_lookup_and_delete_elem(m.fd, k, m.out())).toBe(-EINVAL)
      } else {
        expect(m.p.bpf_map_update_elem(m.fd, 0, m.val(1), 0)).toBe(-EFAULT)
        expect(m.p.bpf_map_lookup_elem(m.fd, 0, m.out())).toBe(-EFAULT)
        expect(m.p.bpf_map_delete_elem(m.fd, 0)).toBe(-EFAULT)
        expect(m.p.bpf_map_update_elem(m.fd, m.key(1), 0, 0)).toBe(-EFAULT)
        expect(m.p.bpf_map_update_elem(m.fd, 0xffff000, m.val(1), 0)).toBe(-EFAULT)
      }
    }
  })

  it('after freeze: writes EPERM, reads work, second freeze EPERM', () => {
    for (const t of all) {
      const m = make(t, 4)
      expect(m.upd(1, 5)).toBe(0)
      expect(m.p.bpf_map_freeze(m.fd)).toBe(0)
      expect(m.upd(1, 6)).toBe(-EPERM)
      expect(m.p.bpf_map_delete_elem(m.fd, m.key(1))).toBe(-EPERM)
      expect(m.p.bpf_map_lookup_and_delete_elem(m.fd, m.key(1), m.out())).toBe(-EPERM)
      expect(m.p.bpf_map_lookup_elem(m.fd, m.key(1), m.out())).toBe(0)
      expect(m.p.bpf_map_freeze(m.fd)).toBe(-EPERM)
      const cnt = () => m.p.mem.u32(1)
      const buf = () => m.p.mem.alloc(64)
      expect(m.p.bpf_map_update_batch(m.fd, buf(), buf(), cnt())).toBe(-EPERM)
      expect(m.p.bpf_map_delete_batch(m.fd, buf(), cnt())).toBe(-EPERM)
      expect(m.p.bpf_map_lookup_and_delete_batch(m.fd, 0, buf(), buf(), buf(), cnt())).toBe(-EPERM)
    }
  })
})

describe('order of checks (spec 2.3)', () => {
  it('frozen array: delete_batch EPERM (frozen) vs ENOTSUPP (unfrozen)', () => {
    const m = make('A', 4)
    const c = m.p.mem.u32(1)
    expect(m.p.bpf_map_delete_batch(m.fd, m.p.mem.u32s([0]), c)).toBe(-ENOTSUPP)
    m.p.bpf_map_freeze(m.fd)
    expect(m.p.bpf_map_delete_batch(m.fd, m.p.mem.u32s([0]), c)).toBe(-EPERM)
  })

  it('lookup: flags before fd; fd before key', () => {
    const m = make('H', 4)
    expect(m.p.bpf_map_lookup_elem_flags(99, 0, 0, 1)).toBe(-EINVAL)
    expect(m.p.bpf_map_lookup_elem(99, 0, 0)).toBe(-EBADF)
    expect(m.p.bpf_map_lookup_elem(0, 0, 0)).toBe(-EINVAL)
    expect(m.p.bpf_map_lookup_elem(m.fd, 0, 0)).toBe(-EFAULT)
    expect(m.p.bpf_map_lookup_elem(m.fd, m.key(1), 0)).toBe(-ENOENT) // missing key beats a NULL value
    m.upd(1, 1)
    expect(m.p.bpf_map_lookup_elem(m.fd, m.key(1), 0)).toBe(-EFAULT)
  })

  it('update: the map validates its flags after the key and value copies', () => {
    const m = make('H', 4)
    expect(m.p.bpf_map_update_elem(m.fd, 0, m.val(1), 3)).toBe(-EFAULT)
    expect(m.p.bpf_map_update_elem(m.fd, m.key(1), 0, 3)).toBe(-EFAULT)
    expect(m.p.bpf_map_update_elem(m.fd, m.key(1), m.val(1), 3)).toBe(-EINVAL)
  })

  it('lookup_and_delete: array flags are checked before ENOTSUPP', () => {
    const m = make('A', 4)
    expect(m.p.bpf_map_lookup_and_delete_elem_flags(m.fd, m.key(0), m.out(), 1)).toBe(-EINVAL)
    expect(m.p.bpf_map_lookup_and_delete_elem(m.fd, m.key(0), m.out())).toBe(-ENOTSUPP)
    const q = make('Q', 4)
    expect(q.p.bpf_map_lookup_and_delete_elem_flags(q.fd, 0, q.out(), BPF_F_LOCK)).toBe(-EINVAL)
  })

  it('attr tail: bytes after the command fields must be zero; oversize attrs must be zero-padded', () => {
    const m = make('H', 4)
    const E = Attr.elem
    const withTail = (tailByte: number, size: number) =>
      m.p.sys(BpfCmd.MAP_LOOKUP_ELEM, size, (dv, a) => {
        dv.setUint32(a + E.map_fd, m.fd, true)
        dv.setBigUint64(a + E.key, BigInt(m.key(1)), true)
        dv.setBigUint64(a + E.value, BigInt(m.out()), true)
        dv.setUint8(a + 40, tailByte)
        dv.setUint8(a + 150, tailByte)
      })
    expect(withTail(0, 200)).toBe(-ENOENT)
    expect(withTail(1, 48)).toBe(-EINVAL)
    expect(withTail(1, 200)).toBe(-E2BIG)
    expect(m.p.sys(BpfCmd.MAP_LOOKUP_ELEM, 32, () => {})).toBe(-EINVAL) // fd 0 is not a map
    expect(m.k.sysBpf(BpfCmd.MAP_LOOKUP_ELEM, 0, 32, m.p.mem, { pid: m.p.pid, cpu: 0 })).toBe(-EFAULT)
    expect(m.p.sys(999, 32, () => {})).toBe(-EINVAL)
  })
})

describe('fd permissions (spec 2.1)', () => {
  it('RDONLY / WRONLY maps and fds', () => {
    for (const [flag, can] of [
      [MapFlag.RDONLY, { update: -EPERM, lookup: -ENOENT, delete: -EPERM, next: -ENOENT, lad: -EPERM, freeze: -EPERM }],
      [MapFlag.WRONLY, { update: 0, lookup: -EPERM, delete: -ENOENT, next: -EPERM, lad: -EPERM, freeze: 0 }],
    ] as const) {
      const m = make('H', 4, flag)
      expect(m.p.info(m.fd).map_flags).toBe(0) // RDONLY/WRONLY are not kept in the map's flags
      expect(m.upd(7, 7)).toBe(can.update)
      expect(m.p.bpf_map_lookup_elem(m.fd, m.key(1), m.out())).toBe(can.lookup)
      expect(m.p.bpf_map_delete_elem(m.fd, m.key(1))).toBe(can.delete)
      expect(m.p.bpf_map_get_next_key(m.fd, m.key(9), m.out())).toBe(can.next)
      expect(m.p.bpf_map_lookup_and_delete_elem(m.fd, m.key(1), m.out())).toBe(can.lad)
      expect(m.p.bpf_map_freeze(m.fd)).toBe(can.freeze)
    }
  })
})
