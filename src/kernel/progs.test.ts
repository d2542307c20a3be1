/**
 * The program / link / netdev table: BPF_PROG_LOAD's fd and map references, XDP link creation
 * with Linux's errors, detach on the last link fd (close, dup, exit), a CPU's reference outliving
 * the detach (the RCU grace period), and the lock-free snapshots.
 */
import { describe, expect, it } from 'vitest'
import { Kernel } from './kernel'
import { BPF_PROG_TYPE_XDP, MAX_PROGS, type ProgLoadSpec } from './progs'
import { TestProc } from './testing'
import { Errno, MapType } from './uapi'

function setup() {
  const k = Kernel.create({ possibleCpus: 2, memoryBytes: 8 << 20 })
  const p = new TestProc(k)
  const mapFd = p.bpf_map_create(MapType.ARRAY, 'stats', 4, 8, 4)
  const mapId = k.mapIdFromFd(p.pid, mapFd)
  const spec = (over: Partial<ProgLoadSpec> = {}): ProgLoadSpec => ({
    type: BPF_PROG_TYPE_XDP,
    name: 'xdp_stats1_func_long_name',
    entry: 'xdp_stats1_func_long_name',
    object: 'xdp_prog_kern.o',
    dataAddr: k.kmalloc(64, 16),
    mapIds: [mapId],
    ...over,
  })
  return { k, p, mapFd, mapId, spec }
}

const eth0 = (k: Kernel) => k.netdevs().find((d) => d.name === 'eth0')!

describe('program table', () => {
  it('load opens a program fd, holds the maps and keeps the name as the kernel does (15 characters)', () => {
    const { k, p, mapFd, mapId, spec } = setup()
    const fd = k.progTable.load(p.pid, spec())
    expect(fd).toBe(mapFd + 1)
    const [prog] = k.programs()
    expect(prog).toMatchObject({ id: 1, type: 6, name: 'xdp_stats1_func', entry: 'xdp_stats1_func_long_name', object: 'xdp_prog_kern.o', mapIds: [mapId], refs: 1, attachedTo: [], fds: [{ pid: p.pid, fd }] })
    // The map lives on without its fd: the program holds it.
    expect(p.close(mapFd)).toBe(0)
    expect(k.maps().map((m) => m.id)).toEqual([mapId])
    // A program fd is not a map fd.
    expect(p.get(fd, 0)).toBe(-Errno.EINVAL)
    expect(p.close(fd)).toBe(0)
    expect(k.programs()).toEqual([])
    expect(k.maps()).toEqual([])
  })

  it('gives ENOSPC when the table is full, and frees the data segment it was given', () => {
    const { k, p, spec } = setup()
    for (let i = 0; i < MAX_PROGS; i++) expect(k.progTable.load(p.pid, spec())).toBeGreaterThan(0)
    const used = k.mem.heapUsed()
    expect(k.progTable.load(p.pid, spec())).toBe(-Errno.ENOSPC)
    expect(k.mem.heapUsed()).toBeLessThan(used + 64)
  })

  it('dup and exit count as references', () => {
    const { k, p, spec } = setup()
    const fd = k.progTable.load(p.pid, spec())
    const fd2 = k.sysDup(p.pid, fd)
    expect(k.programs()[0].refs).toBe(2)
    expect(p.close(fd)).toBe(0)
    expect(k.programs()[0].fds).toEqual([{ pid: p.pid, fd: fd2 }])
    p.exit()
    expect(k.programs()).toEqual([])
  })
})

describe('XDP links', () => {
  it('attach sets the interface word; a second link is EBUSY; closing the link fd detaches', () => {
    const { k, p, spec } = setup()
    const progFd = k.progTable.load(p.pid, spec())
    const id = k.programs()[0].id
    const link = k.progTable.linkCreateXdp(p.pid, progFd, 2)
    expect(link).toBe(progFd + 1)
    expect(eth0(k)).toMatchObject({ xdpProgId: id, xdpLinkId: 1 })
    expect(k.progTable.attachedProg(2)).toBe(id)
    expect(k.programs()[0]).toMatchObject({ refs: 2, attachedTo: [2] })
    expect(k.progTable.linkCreateXdp(p.pid, progFd, 2)).toBe(-Errno.EBUSY)
    // Closing the program fd does not detach: the link holds the program.
    expect(p.close(progFd)).toBe(0)
    expect(k.progTable.attachedProg(2)).toBe(id)
    expect(p.close(link)).toBe(0)
    expect(eth0(k)).toMatchObject({ xdpProgId: 0, xdpLinkId: 0 })
    expect(k.programs()).toEqual([])
  })

  it('refuses what Linux refuses, with its errno', () => {
    const { k, p, mapFd, spec } = setup()
    const progFd = k.progTable.load(p.pid, spec())
    expect(k.progTable.linkCreateXdp(p.pid, 77, 2)).toBe(-Errno.EBADF)
    expect(k.progTable.linkCreateXdp(p.pid, mapFd, 2)).toBe(-Errno.EINVAL)
    expect(k.progTable.linkCreateXdp(p.pid, 1, 2)).toBe(-Errno.EINVAL) // stdout
    expect(k.progTable.linkCreateXdp(p.pid, progFd, 0)).toBe(-Errno.EINVAL)
    expect(k.progTable.linkCreateXdp(p.pid, progFd, 9999)).toBe(-Errno.EINVAL)
    expect(k.progTable.linkCreateXdp(p.pid, progFd, 2, 0x40)).toBe(-Errno.EINVAL)
    const tcFd = k.progTable.load(p.pid, spec({ type: 3 }))
    expect(k.progTable.linkCreateXdp(p.pid, tcFd, 2)).toBe(-Errno.EINVAL)
    expect(k.netdevs().every((d) => d.xdpProgId === 0)).toBe(true)
  })

  it('BPF_LINK_DETACH leaves a defunct link; a dup keeps the attachment until the last fd closes', () => {
    const { k, p, spec } = setup()
    const progFd = k.progTable.load(p.pid, spec())
    const link = k.progTable.linkCreateXdp(p.pid, progFd, 1)
    const dup = k.sysDup(p.pid, link)
    expect(p.close(link)).toBe(0)
    expect(k.netdevs().find((d) => d.name === 'lo')!.xdpLinkId).toBe(1)
    expect(k.progTable.linkDetach(p.pid, dup)).toBe(0)
    expect(k.links()).toEqual([{ id: 1, progId: 1, ifindex: 1, attachType: 37, attached: false, fds: [{ pid: p.pid, fd: dup }] }])
    expect(k.progTable.attachedProg(1)).toBe(0)
    expect(k.progTable.linkDetach(p.pid, progFd)).toBe(-Errno.EINVAL)
    p.exit()
    expect(k.links()).toEqual([])
    expect(k.programs()).toEqual([])
  })

  it('a CPU running the program keeps it (and its maps) until it lets go, after the detach', () => {
    const { k, p, mapId, spec } = setup()
    const progFd = k.progTable.load(p.pid, spec())
    const id = k.programs()[0].id
    k.progTable.linkCreateXdp(p.pid, progFd, 2)
    const cpu = Kernel.attach(k.sab) // another worker's handle
    const held = cpu.progTable.hold(cpu.progTable.attachedProg(2))
    expect(held).toMatchObject({ id, entry: 'xdp_stats1_func_long_name', object: 'xdp_prog_kern.o', mapIds: [mapId] })
    p.exit() // detaches and closes every fd
    expect(k.progTable.attachedProg(2)).toBe(0)
    expect(k.programs().map((x) => x.refs)).toEqual([1])
    expect(k.maps().map((m) => m.id)).toEqual([mapId])
    cpu.progTable.release(id)
    expect(k.programs()).toEqual([])
    expect(k.maps()).toEqual([])
    expect(cpu.progTable.hold(id)).toBeNull()
  })
})
