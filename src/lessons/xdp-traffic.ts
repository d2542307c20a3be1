/**
 * The packets of an XDP lesson step: the step's traffic preset and packet count through a
 * loaded program on N CPUs interleaved by the seeded scheduler (src/xdp/scheduler.ts), so a
 * plain `rec->rx_packets++` loses the same updates on every run and a check can count on it.
 * `bpfplay lessons --check` (run-xdp.ts, in Node) and the lesson player's Check (a browser
 * worker on the page's kernel, src/ui/lessons/check-xdp.ts) both run steps through here, so a
 * step gets the same verdict in both.
 *
 * Browser-safe: only the scheduler, the traffic generator and the kernel (no worker threads).
 */
import type { Kernel } from '../kernel/kernel'
import type { XdpFault } from '../xdp/cpu'
import type { LoadedProgram } from '../xdp/loader'
import { ReproducibleScheduler } from '../xdp/scheduler'
import { trafficSource } from '../xdp/source'
import type { Step } from './types'

export interface XdpStepOptions {
  cpus: number
  seed: number
  traffic: string
  packets: number
  timeoutMs?: number
}

export const XDP_STEP_DEFAULTS = { cpus: 2, seed: 1, traffic: 'mixed', packets: 1000 } as const

/** How a step's XDP run is made: its front matter, else the defaults. */
export function xdpStepOptions(step: Pick<Step, 'machine'>): XdpStepOptions {
  return {
    cpus: step.machine.cpus ?? XDP_STEP_DEFAULTS.cpus,
    seed: step.machine.seed ?? XDP_STEP_DEFAULTS.seed,
    traffic: step.machine.traffic ?? XDP_STEP_DEFAULTS.traffic,
    packets: step.machine.packets ?? XDP_STEP_DEFAULTS.packets,
  }
}

export interface StepTrafficResult {
  packets: number
  /** Packets per XDP action: ABORTED, DROP, PASS, TX, REDIRECT. */
  actions: number[]
  /** Per CPU: packets it ran. */
  perCpu: number[]
  /** Per CPU: its packets per XDP action. */
  perCpuActions: number[][]
  faultCount: number
  faults: XdpFault[]
}

/** Runs the step's packets through `loaded` on `kernel` (same seed, same interleaving, same counts). */
export function runStepTraffic(kernel: Kernel, loaded: LoadedProgram, opts: Pick<XdpStepOptions, 'cpus' | 'seed' | 'traffic' | 'packets'>, trace?: (line: string) => void): StepTrafficResult {
  if (!Number.isInteger(opts.cpus) || opts.cpus < 1) throw new Error(`cpus must be a positive integer, not ${opts.cpus}`)
  if (opts.cpus > kernel.possibleCpus) throw new Error(`${opts.cpus} CPUs asked, the kernel has ${kernel.possibleCpus} possible CPUs`)
  const source = trafficSource(opts.traffic, opts.packets, opts.seed)
  const sched = new ReproducibleScheduler({ kernel, loaded, cpus: opts.cpus, frames: source.frames, maxFrame: source.maxFrame, seed: opts.seed, trace })
  try {
    sched.run()
  } finally {
    sched.close()
  }
  const actions = [0, 0, 0, 0, 0]
  for (const c of sched.cpus) c.actions.forEach((n, i) => (actions[i] += n))
  const faults = sched.cpus.flatMap((c) => c.faults).sort((a, b) => a.packet - b.packet)
  return {
    packets: sched.cpus.reduce((n, c) => n + c.packets, 0),
    actions,
    perCpu: sched.cpus.map((c) => c.packets),
    perCpuActions: sched.cpus.map((c) => [...c.actions]),
    faultCount: sched.cpus.reduce((n, c) => n + c.faultCount, 0),
    faults: faults.slice(0, 20),
  }
}
