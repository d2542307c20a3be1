/**
 * Runs a loaded XDP program over a packet source on N simulated CPUs, in one of two modes:
 *
 *  - parallel: one worker thread per CPU, all attached to the kernel's SharedArrayBuffer, each
 *    taking packets from its own RX ring, truly at the same time. Races are real: a
 *    non-atomic counter loses updates as much as the host's scheduling makes it lose.
 *  - reproducible: the CPUs interleave in this thread under a seeded scheduler
 *    (scheduler.ts): same seed, same interleaving, same map contents, same trace.
 *
 * The producer (this thread) plays the multi-queue NIC (nic.ts): it hands each frame to the RX ring
 * of its flow's CPU (rss.ts), so both modes give each CPU the same packets; each CPU counts the actions its
 * program returned; the result sums them. A source of fixed frames (pcap, list, a capture in a
 * loop) is staged in kernel memory before the run (frame-pool.ts), as a NIC replaying a capture
 * holds it, and each CPU takes its own frames (replay-queue.ts); generated frames are copied into
 * the CPUs' RX queues one by one. Map contents stay in the kernel for the caller to
 * read (dump.ts).
 */
import { CpuPool } from './cpu-pool'
import type { Kernel } from '../kernel/kernel'
import type { XdpFault } from './cpu'
import type { CpuWorkerJob } from './cpu-worker'
import type { LoadedProgram } from './loader'
import { FramePool } from './frame-pool'
import { MAX_BACKLOG, MultiQueueNic } from './nic'
import { ReplayQueue } from './replay-queue'
import { RxQueue } from './rx-queue'
import { ReproducibleScheduler } from './scheduler'
import type { PacketSource } from './source'

export const DEFAULT_CPUS = 4

export interface XdpRunOptions {
  kernel: Kernel
  loaded: LoadedProgram
  source: PacketSource
  /** CPUs running the program (default 4; at most the kernel's possible CPUs). */
  cpus?: number
  /** Program function to run (default: the first XDP program). */
  entry?: string
  /** Seed of bpf_get_prandom_u32 and, in reproducible mode, of the interleaving. */
  seed?: number
  /** Reproducible mode: probability that a shared-memory access lets another CPU run (default 0.05). */
  switchProbability?: number
  /** trace_pipe lines (bpf_printk), in the order they reach this thread. */
  trace?: (line: string) => void
  /** Parallel mode: the CPU worker script (src/xdp/cpu-worker.ts bundled to JavaScript). */
  workerScript?: string | URL
  /** Stop after this long (ms); the packets not processed are not counted. */
  timeoutMs?: number
  /** Parallel mode: packets per second the NIC receives (default: as fast as the CPUs take them). */
  ratePps?: number
  /**
   * The program provably never writes its packets (analyseProgram's packetWrites is false): a
   * replayed capture's frames are then run in place instead of copied for each packet.
   */
  packetsReadOnly?: boolean
  /**
   * Parallel mode, a replayed source: the NIC first releases this many packets and starts the
   * clock once the CPUs have processed them, so each worker's JIT warm-up (a fixed cost per
   * thread) is not in elapsedMs; timedPackets counts the packets after it.
   */
  warmupPackets?: number
}

export interface CpuResult {
  cpu: number
  packets: number
  actions: number[]
  /** Live mode: packets that found no program attached (passed), and the ids of the programs this CPU ran. */
  noProgram?: number
  programs?: number[]
  /** Parallel mode: ms between this CPU's first packet and its end, and ms spent processing. */
  activeMs?: number
  busyMs?: number
  /** Parallel mode with warmupPackets: this CPU's packets after the warm-up. */
  timedPackets?: number
}

export interface XdpRunResult {
  mode: 'parallel' | 'reproducible' | 'live'
  packets: number
  /** Live mode: packets that found no program attached (counted in XDP_PASS too). */
  noProgram?: number
  /** Packets per XDP action: ABORTED, DROP, PASS, TX, REDIRECT. */
  actions: number[]
  invalidActions: number
  faultCount: number
  /** The first faults with details (packet, cpu, message, source position). */
  faults: XdpFault[]
  perCpu: CpuResult[]
  /**
   * Wall time of the run (parallel mode: from the first frame released, once the CPUs are up, or
   * from the end of the warm-up, to the last CPU done).
   */
  elapsedMs: number
  /** Parallel mode with warmupPackets: packets processed in elapsedMs. */
  timedPackets?: number
  /** Reproducible mode: how many times a CPU was interrupted by another one. */
  switches?: number
  /** True when the run was stopped by the timeout. */
  stopped: boolean
}

const MAX_FAULTS = 20
/** Most of the kernel's memory a staged source may take (the rest is maps, queues, stacks). */
const STAGE_SHARE = 1 / 4

export function cpuCount(opts: Pick<XdpRunOptions, 'cpus' | 'kernel'>): number {
  const n = opts.cpus ?? Math.min(DEFAULT_CPUS, opts.kernel.possibleCpus)
  if (!Number.isInteger(n) || n < 1) throw new Error(`cpus must be a positive integer, not ${n}`)
  if (n > opts.kernel.possibleCpus) throw new Error(`${n} CPUs asked, the kernel has ${opts.kernel.possibleCpus} possible CPUs`)
  return n
}

export function summarise(mode: XdpRunResult['mode'], perCpu: (CpuResult & { invalidActions: number; faultCount: number; faults: XdpFault[] })[], elapsedMs: number, stopped: boolean): XdpRunResult {
  const actions = [0, 0, 0, 0, 0]
  let packets = 0
  let invalidActions = 0
  let faultCount = 0
  const faults: XdpFault[] = []
  for (const c of perCpu) {
    packets += c.packets
    c.actions.forEach((n, i) => (actions[i] += n))
    invalidActions += c.invalidActions
    faultCount += c.faultCount
    faults.push(...c.faults)
  }
  faults.sort((a, b) => a.packet - b.packet)
  const live = perCpu.some((c) => c.noProgram !== undefined)
  return {
    mode,
    packets,
    ...(live ? { noProgram: perCpu.reduce((n, c) => n + (c.noProgram ?? 0), 0) } : {}),
    actions,
    invalidActions,
    faultCount,
    faults: faults.slice(0, MAX_FAULTS),
    perCpu: perCpu.map(({ cpu, packets, actions, activeMs, busyMs, noProgram, programs }) => ({ cpu, packets, actions, activeMs, busyMs, ...(live ? { noProgram, programs } : {}) })),
    elapsedMs,
    stopped,
  }
}

/** Reproducible mode: all CPUs in this thread, interleaved by a seeded scheduler. */
export function runReproducible(opts: XdpRunOptions): XdpRunResult {
  const { kernel } = opts
  const cpus = cpuCount(opts)
  const t0 = performance.now()
  const sched = new ReproducibleScheduler({
    kernel,
    loaded: opts.loaded,
    cpus,
    frames: opts.source.frames,
    maxFrame: opts.source.maxFrame,
    seed: opts.seed ?? 1,
    switchProbability: opts.switchProbability,
    entry: opts.entry,
    trace: opts.trace,
  })
  try {
    sched.run()
  } finally {
    sched.close()
  }
  const perCpu = sched.cpus.map((c) => ({
    cpu: c.cpu,
    packets: c.packets,
    actions: c.actions.slice(),
    invalidActions: c.invalidActions,
    faultCount: c.faultCount,
    faults: c.faults,
  }))
  return { ...summarise('reproducible', perCpu, performance.now() - t0, false), switches: sched.switches }
}

/** Parallel mode: one worker thread per CPU on the shared kernel. */
export async function runParallel(opts: XdpRunOptions): Promise<XdpRunResult> {
  const { kernel } = opts
  if (!opts.workerScript) throw new Error('parallel mode needs the CPU worker script (workerScript)')
  const cpus = cpuCount(opts)
  const staged = stageSource(kernel, opts.source, cpus)
  const maxFrame = opts.source.maxFrame
  const replay = staged !== null ? Array.from({ length: cpus }, (_, cpu) => ReplayQueue.place(kernel, staged, cpu, opts.source.count!, maxFrame, opts.packetsReadOnly === true)) : null
  const queues = replay === null ? Array.from({ length: cpus }, () => RxQueue.place(kernel, maxFrame)) : null
  const addrs = (replay ?? queues!).map((q) => q.addr)
  const ctl = new Int32Array(new SharedArrayBuffer(4))
  const start = performance.now()
  const jobs = Array.from({ length: cpus }, (_, cpu): CpuWorkerJob => ({
    sab: kernel.sab,
    memory: kernel.memory,
    loaded: opts.loaded,
    cpu,
    entry: opts.entry,
    queueOffset: addrs[cpu],
    replay: replay !== null,
    ctl,
    seed: opts.seed === undefined ? undefined : opts.seed + cpu,
  }))
  const pool = new CpuPool(opts.workerScript, jobs, opts.trace)
  // The producer rarely yields to the event loop, so the timeout is checked here, not by a timer.
  const deadline = opts.timeoutMs ? start + opts.timeoutMs : Infinity
  // The NIC delivers once the CPUs are up (worker start-up is not packet processing).
  await pool.started()
  let t0 = performance.now()
  const stop = () => {
    if (performance.now() > deadline) Atomics.store(ctl, 0, 1)
    return pool.failure !== null || Atomics.load(ctl, 0) !== 0
  }
  const warmup = replay !== null ? Math.min(opts.warmupPackets ?? 0, opts.source.count!) : 0
  const warmPositions = warmup > 0 ? await warmUp(replay!.map((r) => r.queue), warmup, stop) : null
  if (warmPositions !== null) t0 = performance.now()
  const nic = { t0, rate: opts.ratePps ?? 0, stop }
  if (replay !== null) await releaseReplay(replay.map((r) => r.queue), opts.source.count!, warmup, nic)
  else await deliverCopies(queues!.map((r) => r.queue), opts.source, nic)
  // A CPU stuck in a runaway loop still reaches its hooks: the deadline stops it there.
  const timer = deadline < Infinity ? setTimeout(() => Atomics.store(ctl, 0, 1), Math.max(0, deadline - performance.now())) : undefined
  await pool.finish()
  clearTimeout(timer)
  for (const addr of addrs) kernel.kfree(addr)
  staged?.free()
  const done = pool.results()
  const stopped = Atomics.load(ctl, 0) !== 0
  const result = summarise('parallel', done, (pool.lastDoneAt || performance.now()) - t0, stopped)
  if (warmPositions === null) return result
  result.perCpu.forEach((c, i) => (c.timedPackets = c.packets - warmPositions[i]))
  return { ...result, timedPackets: result.perCpu.reduce((n, c) => n + c.timedPackets!, 0) }
}

/** How the run's NIC paces and stops: its start, packets per second (0: as fast as the CPUs go), whether to stop. */
interface NicPace {
  t0: number
  rate: number
  stop(): boolean
}

/**
 * The NIC replaying a staged capture: the CPUs take their frames themselves, the NIC only
 * releases them (all at once, or at the rate). Returns once every frame is released, or on a
 * stop (the CPUs then end at once: frames not taken are not processed). The first `from` frames
 * are out already (a warm-up).
 */
async function releaseReplay(queues: ReplayQueue[], count: number, from: number, nic: NicPace): Promise<void> {
  for (let released = 0; ; ) {
    released = nic.rate > 0 ? Math.min(count, from + Math.floor(((performance.now() - nic.t0) * nic.rate) / 1000) + 1) : count
    for (const q of queues) q.releaseUpTo(released)
    if (released >= count) return
    await new Promise((r) => setTimeout(r, Math.min(50, Math.max(1, 1000 / nic.rate))))
    if (nic.stop()) {
      for (const q of queues) q.stop()
      return
    }
  }
}

/**
 * The warm-up of a replay: releases the first `upTo` frames and waits (without spinning: this
 * thread must not take a core from the CPUs) until every CPU has processed its share of them.
 * Returns each CPU's positions in the warm-up, or null on a stop.
 */
async function warmUp(queues: ReplayQueue[], upTo: number, stop: () => boolean): Promise<number[] | null> {
  const positions = queues.map((q) => q.positionsBefore(upTo))
  for (const q of queues) q.releaseUpTo(upTo)
  while (queues.some((q, i) => q.tail() < positions[i])) {
    if (stop()) return null
    await new Promise((r) => setTimeout(r, 1))
  }
  return positions
}

/** The NIC copying each frame of the source into the RX queue of its flow's CPU (nic.ts), at the rate. */
async function deliverCopies(queues: RxQueue[], source: PacketSource, pace: NicPace): Promise<void> {
  const nic = new MultiQueueNic(queues)
  const { t0, rate, stop } = pace
  /** Waits for the CPUs until at most `limit` frames are held back; false when the run stops. */
  const catchUp = async (limit: number): Promise<boolean> => {
    let left = nic.drain()
    while (left > limit) {
      nic.waitForRoom(50)
      const before = left
      left = nic.drain()
      if (stop()) return false
      // No CPU took anything: let worker messages (errors, the timeout) through, then retry.
      if (left === before) await new Promise((r) => setImmediate(r))
    }
    return true
  }
  try {
    let tag = 0
    for (const frame of source.frames) {
      nic.deliver(frame, tag)
      if (nic.backlog > 0 && (tag & 63) === 0 && nic.drain() > MAX_BACKLOG && !(await catchUp(MAX_BACKLOG / 2))) break
      if ((tag & 1023) === 0 && stop()) break
      if (rate > 0) {
        // Ahead of the rate: hand the CPUs what is queued and wait until the next frame is due.
        const ahead = tag + 1 - ((performance.now() - t0) * rate) / 1000
        if (ahead >= 1) {
          nic.drain()
          nic.publishAll()
          await new Promise((r) => setTimeout(r, Math.min(50, (ahead * 1000) / rate)))
          if (stop()) break
        }
      }
      tag++
    }
    if (!stop()) await catchUp(0)
  } finally {
    for (const q of queues) q.close()
  }
}

/** The source's fixed frames staged in kernel memory, or null (generated, or too large to stage). */
function stageSource(kernel: Kernel, source: PacketSource, cpus: number): FramePool | null {
  if (!source.distinct || source.distinct.length === 0 || source.count === undefined) return null
  return FramePool.stage(kernel, source.distinct, cpus, kernel.sab.byteLength * STAGE_SHARE)
}
