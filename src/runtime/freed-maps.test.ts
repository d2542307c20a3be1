import { describe, expect, it } from 'vitest'
import { Kernel } from '../kernel/kernel'
import { TestProc } from '../kernel/testing'
import { MapType } from '../kernel/uapi'
import { observeFreedMaps, type FreedMap } from './freed-maps'

function setup(limit?: number) {
  const reports: { pid: number; freed: FreedMap[] }[] = []
  const kernel = observeFreedMaps(Kernel.create({ possibleCpus: 2, hashSeed: 1 }), (pid, freed) => reports.push({ pid, freed }), limit)
  return { kernel, reports, proc: new TestProc(kernel, 0, 'user') }
}

describe('observeFreedMaps', () => {
  it('reports a map freed by close(fd) with its last contents', () => {
    const { proc, reports } = setup()
    const fd = proc.bpf_map_create(MapType.HASH, 'gone', 4, 4, 8)
    expect(proc.put(fd, 7, 70)).toBe(0)
    expect(proc.close(fd)).toBe(0)
    expect(reports).toHaveLength(1)
    expect(reports[0].pid).toBe(proc.pid)
    expect(reports[0].freed.map((f) => [f.how, f.snap.name, f.snap.entries.length])).toEqual([['close', 'gone', 1]])
  })

  it('reports maps freed at exit, and not pinned ones or ones another fd still holds', () => {
    const { kernel, proc, reports } = setup()
    const a = proc.bpf_map_create(MapType.ARRAY, 'dies', 4, 8, 2)
    const b = proc.bpf_map_create(MapType.HASH, 'pinned', 4, 4, 4)
    expect(proc.sys(6 /* OBJ_PIN */, 16, (dv, at) => {
      dv.setBigUint64(at, BigInt(proc.mem.str('/sys/fs/bpf/kept')), true)
      dv.setUint32(at + 8, b, true)
    })).toBe(0)
    const dup = kernel.sysDup(proc.pid, a)
    expect(proc.close(a)).toBe(0)
    expect(reports).toHaveLength(0)
    expect(dup).toBeGreaterThan(0)
    proc.exit()
    expect(reports.map((r) => r.freed.map((f) => [f.how, f.snap.name]))).toEqual([[['exit', 'dies']]])
    expect(kernel.maps().map((m) => m.name)).toEqual(['pinned'])
  })

  it('changes nothing the program sees: close of a bad fd is still EBADF', () => {
    const { proc, reports } = setup()
    expect(proc.close(42)).toBe(-9)
    expect(reports).toHaveLength(0)
  })

  it('stops looking after `limit` closes', () => {
    const { proc, reports } = setup(2)
    for (let i = 0; i < 4; i++) proc.close(proc.bpf_map_create(MapType.ARRAY, `m${i}`, 4, 4, 1))
    expect(reports.map((r) => r.freed[0].snap.name)).toEqual(['m0', 'm1'])
  })
})
