import { describe, expect, it } from 'vitest'
import { Kernel } from './kernel'
import { fdinfo } from './fdinfo'
import { BPF_MAP_GET_FD_BY_ID, BPF_MAP_GET_NEXT_ID, IdAttr } from './map-ids'
import { TestProc } from './testing'
import { Errno, MapType } from './uapi'

function nextId(p: TestProc, start: number, size = 16, fill?: (dv: DataView, a: number) => void): { ret: number; next: number } {
  const ret = p.sys(BPF_MAP_GET_NEXT_ID, size, (dv, a) => {
    dv.setUint32(a + IdAttr.start_id, start >>> 0, true)
    fill?.(dv, a)
  })
  return { ret, next: p.mem.getU32(p.attr + IdAttr.next_id) }
}

function fdById(p: TestProc, id: number, openFlags = 0, size = 16, fill?: (dv: DataView, a: number) => void): number {
  return p.sys(BPF_MAP_GET_FD_BY_ID, size, (dv, a) => {
    dv.setUint32(a + IdAttr.map_id, id >>> 0, true)
    dv.setUint32(a + IdAttr.open_flags, openFlags >>> 0, true)
    fill?.(dv, a)
  })
}

describe('BPF_MAP_GET_NEXT_ID', () => {
  it('walks the live ids in order, skipping freed maps, and ends with ENOENT', () => {
    const k = Kernel.create({ possibleCpus: 2 })
    const p = new TestProc(k)
    const a = p.bpf_map_create(MapType.ARRAY, 'a', 4, 4, 1)
    const b = p.bpf_map_create(MapType.HASH, 'b', 4, 4, 1)
    const c = p.bpf_map_create(MapType.HASH, 'c', 4, 4, 1)
    const [ia, ib, ic] = [a, b, c].map((fd) => p.info(fd).id)
    expect(p.close(b)).toBe(0)
    expect(nextId(p, 0)).toEqual({ ret: 0, next: ia })
    expect(nextId(p, ia)).toEqual({ ret: 0, next: ic })
    expect(nextId(p, ic).ret).toBe(-Errno.ENOENT)
    // start_id + 1 is computed in u32: 0xffffffff wraps to the lowest id.
    expect(nextId(p, 0xffffffff)).toEqual({ ret: 0, next: ia })
    expect(ib).toBeGreaterThan(ia)
  })

  it('checks the attr tail after next_id', () => {
    const k = Kernel.create({ possibleCpus: 1 })
    const p = new TestProc(k)
    p.bpf_map_create(MapType.ARRAY, 'a', 4, 4, 1)
    expect(nextId(p, 0, 16, (dv, a) => dv.setUint32(a + IdAttr.open_flags, 1, true)).ret).toBe(-Errno.EINVAL)
    expect(nextId(p, 0, 12).ret).toBe(0)
  })
})

describe('BPF_MAP_GET_FD_BY_ID', () => {
  it('opens a map by id with the permissions asked for', () => {
    const k = Kernel.create({ possibleCpus: 1 })
    const owner = new TestProc(k)
    const fd = owner.bpf_map_create(MapType.ARRAY, 'a', 4, 4, 2)
    const id = owner.info(fd).id
    const tool = new TestProc(k, 0, 'bpftool')
    const rw = fdById(tool, id)
    expect(rw).toBe(3)
    expect(tool.put(rw, 1, 7)).toBe(0)
    expect(owner.get(fd, 1)).toBe(7)
    const ro = fdById(tool, id, 0x8) // BPF_F_RDONLY
    expect(tool.get(ro, 1)).toBe(7)
    expect(tool.put(ro, 1, 8)).toBe(-Errno.EPERM)
    const wo = fdById(tool, id, 0x10) // BPF_F_WRONLY
    expect(tool.get(wo, 1)).toBe(-Errno.EPERM)
    // The map outlives its creator's fd while bpftool holds one.
    owner.exit()
    expect(tool.get(rw, 1)).toBe(7)
    tool.exit()
    expect(k.maps()).toHaveLength(0)
  })

  it('answers EINVAL for bad flags or a dirty tail, ENOENT for an unknown id', () => {
    const k = Kernel.create({ possibleCpus: 1 })
    const p = new TestProc(k)
    const id = p.info(p.bpf_map_create(MapType.HASH, 'h', 4, 4, 2)).id
    expect(fdById(p, id, 0x8 | 0x10)).toBe(-Errno.EINVAL)
    expect(fdById(p, id, 0x40)).toBe(-Errno.EINVAL)
    expect(fdById(p, id, 0, 20, (dv, a) => dv.setUint32(a + 16, 1, true))).toBe(-Errno.EINVAL)
    expect(fdById(p, 0)).toBe(-Errno.ENOENT)
    expect(fdById(p, id + 100)).toBe(-Errno.ENOENT)
    // Flags are checked before the id.
    expect(fdById(p, id + 100, 0x40)).toBe(-Errno.EINVAL)
  })

  it('is logged with the caller and the map id', () => {
    const k = Kernel.create({ possibleCpus: 1 })
    const p = new TestProc(k, 0, 'bpftool')
    const id = p.info(p.bpf_map_create(MapType.HASH, 'h', 4, 4, 2)).id
    fdById(p, id)
    const ev = k.events(0).at(-1)!
    expect(ev).toMatchObject({ op: BPF_MAP_GET_FD_BY_ID, mapId: id, pid: p.pid, ret: 4 })
  })
})

describe('fdinfo', () => {
  it("prints the kernel's map fdinfo with map_mem_usage as memlock (6.18 figures)", () => {
    const k = Kernel.create({ possibleCpus: 2 })
    const p = new TestProc(k)
    const fd = p.bpf_map_create(MapType.HASH, 'h', 4, 8, 16)
    const id = p.info(fd).id
    expect(fdinfo(k, p.pid, fd)).toBe(
      `pos:\t0\nflags:\t02000002\nmap_type:\t1\nkey_size:\t4\nvalue_size:\t8\nmax_entries:\t16\nmap_flags:\t0x0\nmap_extra:\t0x0\nmemlock:\t2320\nmap_id:\t${id}\nfrozen:\t0\n`,
    )
    expect(fdinfo(k, p.pid, 99)).toBeNull()
  })

  it('follows the kernel formula per map type (values measured on Linux 6.18, 2 CPUs)', () => {
    const k = Kernel.create({ possibleCpus: 2 })
    const p = new TestProc(k)
    const memlock = (fd: number) => Number(/memlock:\t(\d+)/.exec(fdinfo(k, p.pid, fd)!)![1])
    expect(memlock(p.bpf_map_create(MapType.HASH, 'm', 4, 8, 1024))).toBe(82960)
    expect(memlock(p.bpf_map_create(MapType.HASH, 'm', 4, 13, 100))).toBe(10304)
    expect(memlock(p.bpf_map_create(MapType.HASH, 'm', 20, 4, 3))).toBe(1376)
    expect(memlock(p.bpf_map_create(MapType.LRU_HASH, 'm', 4, 4, 10))).toBe(1792)
    expect(memlock(p.bpf_map_create(MapType.LRU_PERCPU_HASH, 'm', 4, 4, 10))).toBe(1952)
    expect(memlock(p.bpf_map_create(MapType.PERCPU_ARRAY, 'm', 4, 12, 3))).toBe(432)
    expect(memlock(p.bpf_map_create(MapType.ARRAY, 'm', 4, 12, 100))).toBe(1912)
    expect(memlock(p.bpf_map_create(MapType.ARRAY, 'm', 4, 4, 10, { map_flags: 0x400 }))).toBe(8192)
    expect(memlock(p.bpf_map_create(MapType.QUEUE, 'm', 0, 8, 10))).toBe(400)
    expect(memlock(p.bpf_map_create(MapType.STACK, 'm', 0, 3, 10))).toBe(345)
    // Without prealloc, memlock grows with the elements.
    const np = p.bpf_map_create(MapType.HASH, 'm', 4, 4, 10, { map_flags: 1 })
    expect(memlock(np)).toBe(1152)
    p.put(np, 1, 1)
    expect(memlock(np)).toBe(1152 + 64 + 8)
  })
})
