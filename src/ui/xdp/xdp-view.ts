/**
 * The XDP views' data, refreshed at display rate (every REFRESH_MS, only while the page is
 * visible and XDP has been used this boot), never per packet: per-CPU packet counts and rates
 * from the stats buffer the CPU workers publish to (src/xdp/browser-stats.ts), what eth0 has
 * attached from the kernel's lock-free program/link/netdev views, and the lost-update gap of
 * counter maps (lost-updates.ts) from a map snapshot taken right after the counts.
 *
 * Map snapshots copy every element of every map; like the inspector, this view spaces them by
 * at least COST_FACTOR times what the last one cost, so a huge map never makes frames late.
 */
import { create } from 'zustand'
import type { Kernel } from '../../kernel/kernel'
import { useMachine } from '../machine/store'
import { useXdp, xdpHost } from '../machine/xdp-store'
import { counterRows, type CounterRow, type ProgramMaps } from './lost-updates'
import { RateMeter } from './rates'

export const REFRESH_MS = 66
const COST_FACTOR = 8

export interface CpuView {
  cpu: number
  packets: number
  pps: number
  actions: number[]
  noProgram: number
  faults: number
  /** Share of the last second the CPU spent running packets, 0..1. */
  busy: number
}

export interface AttachedView {
  progId: number
  name: string
  linkId: number
  /** Who holds the link: the process that attached it. */
  holder: { pid: number; comm: string } | null
}

export interface XdpView {
  /** Times the view changed (the UI benchmark counts them). */
  updates: number
  cpus: CpuView[]
  packets: number
  pps: number
  sent: number
  actions: number[]
  noProgram: number
  faults: number
  attached: AttachedView | null
  counters: CounterRow[]
  /** No traffic and every CPU has caught up: the counts are final. */
  settled: boolean
}

const EMPTY: Omit<XdpView, 'updates'> = { cpus: [], packets: 0, pps: 0, sent: 0, actions: [0, 0, 0, 0, 0], noProgram: 0, faults: 0, attached: null, counters: [], settled: true }

export const useXdpView = create<XdpView>()(() => ({ updates: 0, ...EMPTY }))

/** Starts the refresh loop; returns its stopper. */
export function startXdpView(): () => void {
  let kernel: Kernel | null = null
  let packetMeter = new RateMeter()
  let busyMeter = new RateMeter()
  let programs = new Map<number, ProgramMaps>()
  let last = 0
  let nextMaps = 0
  let lastCounters: CounterRow[] = []
  let raf = 0
  let fingerprint = ''

  const refresh = (now: number) => {
    const machine = useMachine.getState()
    if (machine.kernel !== kernel) {
      kernel = machine.kernel
      packetMeter = new RateMeter()
      busyMeter = new RateMeter()
      programs = new Map()
      lastCounters = []
      nextMaps = 0
      useXdpView.setState((s) => ({ ...EMPTY, updates: s.updates + 1 }))
    }
    if (!kernel || !useXdp.getState().used) return
    const stats = xdpHost.stats
    // the CPUs that have run packets: the traffic's workers, and those of packets the page ran itself
    const n = Math.max(xdpHost.cpusStarted, xdpHost.sideRuns.cpus)
    // Counts first, maps after (lost-updates.ts says why).
    const counts = Array.from({ length: n }, (_, cpu) => xdpHost.sideRuns.addTo(stats.read(cpu)))
    const sent = stats.sent
    packetMeter.push(now, counts.map((c) => c.packets))
    busyMeter.push(now, counts.map((c) => c.busyMs))
    const pps = packetMeter.rates()
    const busy = busyMeter.rates()

    const devs = kernel.netdevs()
    const progs = kernel.programs()
    for (const p of progs) {
      if (programs.has(p.id)) continue
      const program = xdpHost.programFor(p.object)
      if (program) programs.set(p.id, { id: p.id, mapIds: p.mapIds, decls: program.maps })
    }
    const eth0 = devs.find((d) => d.ifindex === 2)
    let attached: AttachedView | null = null
    if (eth0 && eth0.xdpProgId !== 0) {
      const prog = progs.find((p) => p.id === eth0.xdpProgId)
      const link = kernel.links().find((l) => l.id === eth0.xdpLinkId)
      const holderPid = link?.fds[0]?.pid
      const comm = holderPid === undefined ? undefined : (kernel.processes().find((p) => p.pid === holderPid)?.comm ?? machine.comms[holderPid])
      attached = { progId: eth0.xdpProgId, name: prog?.name ?? '?', linkId: eth0.xdpLinkId, holder: holderPid === undefined ? null : { pid: holderPid, comm: comm ?? '?' } }
    }

    if (programs.size > 0 && now >= nextMaps) {
      const ran = new Map<number, number>()
      for (const c of counts) for (const [id, k] of c.perProgram) ran.set(id, (ran.get(id) ?? 0) + k)
      const t0 = performance.now()
      const maps = kernel.maps()
      const cost = performance.now() - t0
      nextMaps = now + Math.max(0, cost * COST_FACTOR - REFRESH_MS)
      lastCounters = counterRows([...programs.values()], ran, maps)
    }

    const actions = [0, 0, 0, 0, 0]
    let packets = 0
    let noProgram = 0
    let faults = 0
    for (const c of counts) {
      packets += c.packets
      noProgram += c.noProgram
      faults += c.faults
      c.actions.forEach((v, i) => (actions[i] += v))
    }
    const settled = !stats.trafficOn && packets >= sent
    const fp = `${packets}|${sent}|${pps.map((x) => Math.round(x)).join(',')}|${attached?.progId}:${attached?.linkId}|${lastCounters.map((r) => `${r.counted}:${r.ran}`).join(',')}|${settled}`
    if (fp === fingerprint) return
    fingerprint = fp
    useXdpView.setState((s) => ({
      updates: s.updates + 1,
      cpus: counts.map((c, i) => ({ cpu: c.cpu, packets: c.packets, pps: pps[i] ?? 0, actions: c.actions, noProgram: c.noProgram, faults: c.faults, busy: Math.min(1, (busy[i] ?? 0) / 1000) })),
      packets,
      pps: pps.reduce((a, b) => a + b, 0),
      sent,
      actions,
      noProgram,
      faults,
      attached,
      counters: lastCounters,
      settled,
    }))
  }

  const loop = (t: number) => {
    if (t - last >= REFRESH_MS) {
      last = t
      refresh(t)
    }
    raf = requestAnimationFrame(loop)
  }
  raf = requestAnimationFrame(loop)
  return () => cancelAnimationFrame(raf)
}
