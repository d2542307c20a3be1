/**
 * Packets run by the single-packet debugger (step-store.ts) instead of a CPU worker. Each ran as
 * a packet of the CPU its flow hashes to (that CPU's per-CPU values, its processor id), and the
 * program's maps counted it, so the CPU panel and the lost-update view count it with that CPU's
 * packets: otherwise a stepped counter shows one more packet counted than ran. Only the page
 * runs them, so they are kept here, not in the CPU workers' stats buffer, and start again with
 * those counts (a new session of CPUs, a reboot).
 */
import type { CpuCounts } from '../../xdp/browser-stats'

export class SteppedCounts {
  private perCpu = new Map<number, { packets: number; actions: number[]; perProgram: Map<number, number> }>()

  /** A stepped packet that ran to its end on `cpu` through program `progId` and returned `action` (XDP_ABORTED after a fault). */
  add(cpu: number, progId: number, action: number): void {
    let c = this.perCpu.get(cpu)
    if (!c) this.perCpu.set(cpu, (c = { packets: 0, actions: [0, 0, 0, 0, 0], perProgram: new Map() }))
    c.packets++
    if (action >= 0 && action < 5) c.actions[action]++
    c.perProgram.set(progId, (c.perProgram.get(progId) ?? 0) + 1)
  }

  reset(): void {
    this.perCpu.clear()
  }

  /** A CPU's counts with its stepped packets added. */
  addTo(counts: CpuCounts): CpuCounts {
    const c = this.perCpu.get(counts.cpu)
    if (!c) return counts
    const perProgram = new Map(counts.perProgram)
    for (const [id, n] of c.perProgram) perProgram.set(id, (perProgram.get(id) ?? 0) + n)
    return { ...counts, packets: counts.packets + c.packets, actions: counts.actions.map((v, i) => v + c.actions[i]), perProgram }
  }
}
