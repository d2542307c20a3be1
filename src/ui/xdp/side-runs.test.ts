/** Packets of side runs (stepping, lesson checks) counted with their CPU's packets, actions and per-program runs. */
import { describe, expect, it } from 'vitest'
import type { CpuCounts } from '../../xdp/browser-stats'
import { SideRunCounts } from './side-runs'

const cpu = (n: number, packets: number, perProgram: [number, number][] = []): CpuCounts => ({
  cpu: n,
  packets,
  actions: [0, 0, packets, 0, 0],
  noProgram: 0,
  faults: 0,
  invalid: 0,
  busyMs: 0,
  progId: 0,
  lastTag: 0,
  lastAction: 0,
  perProgram: new Map(perProgram),
})

describe('side runs', () => {
  it('add to their CPU only: packets, the action returned, the program that ran them', () => {
    const s = new SideRunCounts()
    expect(s.cpus).toBe(0)
    s.add(1, 7, 2)
    s.add(1, 7, 0) // aborted by a fault
    s.add(1, 9, 1, 5) // a check's five drops
    expect(s.cpus).toBe(2)
    const one = s.addTo(cpu(1, 10, [[7, 10]]))
    expect(one.packets).toBe(17)
    expect(one.actions).toEqual([1, 5, 11, 0, 0])
    expect([...one.perProgram]).toEqual([
      [7, 12],
      [9, 5],
    ])
    expect(s.addTo(cpu(0, 5)).packets).toBe(5)
    s.reset()
    expect(s.addTo(cpu(1, 10)).packets).toBe(10)
  })
})
