/**
 * Packets the page ran outside the free-running CPU workers: a packet of the single-packet
 * debugger (step-store.ts), a lesson check's packets on the seeded scheduler (check-xdp.ts). Each
 * ran as a packet of one of the machine's CPUs (that CPU's per-CPU values, its processor id) and
 * the program's maps counted it, so the CPU panel and the lost-update view count it with that
 * CPU's packets: otherwise a counter shows more packets counted than ran. Only the page runs
 * them, so they are kept here, not in the CPU workers' stats buffer; a reboot starts them again.
 */
import type { CpuCounts } from '../../xdp/browser-stats'

export class SideRunCounts {
  private perCpu = new Map<number, { packets: number; actions: number[]; perProgram: Map<number, number> }>()

  /** `n` packets that ran to their end on `cpu` through program `progId` and returned `action` (XDP_ABORTED after a fault). */
  add(cpu: number, progId: number, action: number, n = 1): void {
    let c = this.perCpu.get(cpu)
    if (!c) this.perCpu.set(cpu, (c = { packets: 0, actions: [0, 0, 0, 0, 0], perProgram: new Map() }))
    c.packets += n
    if (action >= 0 && action < 5) c.actions[action] += n
    c.perProgram.set(progId, (c.perProgram.get(progId) ?? 0) + n)
  }

  reset(): void {
    this.perCpu.clear()
  }

  /** CPUs 0..cpus-1 cover every CPU that ran one. */
  get cpus(): number {
    return this.perCpu.size === 0 ? 0 : Math.max(...this.perCpu.keys()) + 1
  }

  /** A CPU's counts with its side runs' packets added. */
  addTo(counts: CpuCounts): CpuCounts {
    const c = this.perCpu.get(counts.cpu)
    if (!c) return counts
    const perProgram = new Map(counts.perProgram)
    for (const [id, n] of c.perProgram) perProgram.set(id, (perProgram.get(id) ?? 0) + n)
    return { ...counts, packets: counts.packets + c.packets, actions: counts.actions.map((v, i) => v + c.actions[i]), perProgram }
  }
}
