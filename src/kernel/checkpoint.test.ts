/**
 * Kernel checkpoints (time travel): a restore brings back every piece of kernel state, maps,
 * pins, fds and the event log, and writes only the pages that changed.
 */
import { describe, expect, it } from 'vitest'
import { Kernel } from './kernel'
import { TestProc } from './testing'
import { MapType } from './uapi'

describe('kernel checkpoint', () => {
  it('restores maps, pins, processes and the event log as they were', () => {
    const k = Kernel.create({ possibleCpus: 2, hashSeed: 9 })
    const early = new TestProc(k)
    const fd = early.bpf_map_create(MapType.HASH, 'kept', 4, 4, 8)
    early.put(fd, 1, 10)
    const cp = k.checkpoint()
    const before = { maps: k.maps(), bpffs: k.bpffs(), processes: k.processes(), seq: k.eventLog.lastSeq() }

    // everything changes: new elements, a new map pinned, a new process
    early.put(fd, 2, 20)
    early.del(fd, 1)
    const p = new TestProc(k, 0, 'later')
    const fd2 = p.bpf_map_create(MapType.ARRAY, 'gone', 4, 8, 4)
    expect(p.bpf_obj_pin(fd2, '/sys/fs/bpf/gone')).toBe(0)
    expect(k.maps()).toHaveLength(2)
    const goneId = k.maps().find((m) => m.name === 'gone')!.id

    k.restore(cp)
    expect(k.maps()).toEqual(before.maps)
    expect(k.bpffs()).toEqual(before.bpffs)
    expect(k.processes()).toEqual(before.processes)
    expect(k.eventLog.lastSeq()).toBe(before.seq)
    expect(early.keys(fd)).toEqual([1])
    // the kernel works on from there: the same map id comes next, as the replay expects
    const again = new TestProc(k, 0, 'later')
    expect(again.pid).toBe(p.pid)
    const fd3 = again.bpf_map_create(MapType.ARRAY, 'gone', 4, 8, 4)
    expect(k.maps().find((m) => m.name === 'gone')?.id).toBe(goneId)
    expect(fd3).toBe(fd2)
  })

  it('writes only the pages that differ, and refuses another kernel', () => {
    const k = Kernel.create({ possibleCpus: 1 })
    const cp = k.checkpoint()
    expect(cp.image.heldBytes).toBeLessThan(4 << 20)
    expect(cp.image.restore(k.sab)).toBe(0)
    const p = new TestProc(k)
    p.put(p.bpf_map_create(MapType.ARRAY, 'a', 4, 4, 4), 0, 1)
    const written = cp.image.restore(k.sab)
    expect(written).toBeGreaterThan(0)
    expect(written).toBeLessThan(64)
    expect(() => cp.image.restore(Kernel.create({ possibleCpus: 1, memoryBytes: 8 << 20 }).sab)).toThrow(/only the kernel it was taken from/)
  })
})
