/**
 * The browser machine's XDP counters: one small SharedArrayBuffer (not the kernel's) that the
 * CPU workers and the NIC worker write and the page reads at display rate. A CPU publishes its
 * counts once per NAPI poll, never per packet, and the page never asks a worker anything to draw
 * a frame: it reads these words.
 *
 * Counters are float64 (exact up to 2^53 packets) written by exactly one thread each; an aligned
 * 8-byte store is not torn on the hardware browsers run on, and a reader that sees a value one
 * poll old draws it one frame later. Control words are int32 used with Atomics:
 *
 *   int32 word 0  stop: CPUs trap at their next hook when != 0 (the `ctl` the compiled program checks)
 *   int32 word 1  traffic: 1 while the NIC is sending (userspace sleep() waits in real time then)
 *   int32 word 2  objects version: bumped when the page sends the CPUs a newly compiled program
 *   int32 words 4..11  per CPU, polls published (an Atomics.add after the plain stores of a poll:
 *                 a reader that Atomics.loads it first sees at least that poll's counts)
 *   float64 at byte 64: NIC frames sent; then per CPU a block of CPU_DOUBLES (see CpuSlot)
 */

export const MAX_TRAFFIC_CPUS = 8
/** Programs a CPU keeps per-program packet counts for (the lost-update view needs them). */
export const PROG_SLOTS = 8

export const W_STOP = 0
export const W_TRAFFIC = 1
export const W_OBJECTS = 2
const W_PUBLISHED = 4

const NIC_SENT = 8 // float64 index (byte 64)
const CPU_BASE = 16 // float64 index (byte 128)
const CPU_DOUBLES = 32

/** Float64 offsets inside one CPU's block. */
export const CpuSlot = {
  packets: 0,
  /** 1..5: XDP_ABORTED, DROP, PASS, TX, REDIRECT */
  actions: 1,
  noProgram: 6,
  faults: 7,
  invalid: 8,
  busyMs: 9,
  /** Id of the program the CPU ran last (0: none attached). */
  progId: 10,
  /** Tag (stream position) and action of the last packet processed: what Step shows. */
  lastTag: 11,
  lastAction: 12,
  /** 14 + 2i: (program id, packets that ran it) */
  progTable: 14,
} as const

export const STATS_BYTES = (CPU_BASE + MAX_TRAFFIC_CPUS * CPU_DOUBLES) * 8

/** What the page reads for one CPU. */
export interface CpuCounts {
  cpu: number
  packets: number
  actions: number[]
  noProgram: number
  faults: number
  invalid: number
  busyMs: number
  progId: number
  lastTag: number
  lastAction: number
  /** Packets per program id run on this CPU. */
  perProgram: Map<number, number>
}

export class XdpStats {
  readonly words: Int32Array
  /** The `ctl` array compiled programs check at their hooks (word 0 = stop). */
  readonly ctl: Int32Array
  readonly f64: Float64Array

  constructor(readonly sab: SharedArrayBuffer) {
    if (sab.byteLength < STATS_BYTES) throw new RangeError('XDP stats buffer too small')
    this.words = new Int32Array(sab, 0, 16)
    this.ctl = new Int32Array(sab, 0, 1)
    this.f64 = new Float64Array(sab, 0, STATS_BYTES / 8)
  }

  static create(): XdpStats {
    const stats = new XdpStats(new SharedArrayBuffer(STATS_BYTES))
    // No packet yet: tag 0 is the first packet's, so "none" must be -1 from the start.
    for (let cpu = 0; cpu < MAX_TRAFFIC_CPUS; cpu++) stats.resetCpu(cpu)
    return stats
  }

  cpuBase(cpu: number): number {
    if (!(cpu >= 0 && cpu < MAX_TRAFFIC_CPUS)) throw new RangeError(`cpu ${cpu} out of range`)
    return CPU_BASE + cpu * CPU_DOUBLES
  }

  get sent(): number {
    return this.f64[NIC_SENT]
  }
  set sent(n: number) {
    this.f64[NIC_SENT] = n
  }

  get trafficOn(): boolean {
    return Atomics.load(this.words, W_TRAFFIC) !== 0
  }
  setTraffic(on: boolean): void {
    Atomics.store(this.words, W_TRAFFIC, on ? 1 : 0)
  }

  read(cpu: number): CpuCounts {
    const b = this.cpuBase(cpu)
    Atomics.load(this.words, W_PUBLISHED + cpu)
    const f = this.f64
    const perProgram = new Map<number, number>()
    for (let i = 0; i < PROG_SLOTS; i++) {
      const id = f[b + CpuSlot.progTable + 2 * i]
      if (id > 0) perProgram.set(id, f[b + CpuSlot.progTable + 2 * i + 1])
    }
    return {
      cpu,
      packets: f[b + CpuSlot.packets],
      actions: Array.from({ length: 5 }, (_, i) => f[b + CpuSlot.actions + i]),
      noProgram: f[b + CpuSlot.noProgram],
      faults: f[b + CpuSlot.faults],
      invalid: f[b + CpuSlot.invalid],
      busyMs: f[b + CpuSlot.busyMs],
      progId: f[b + CpuSlot.progId],
      lastTag: f[b + CpuSlot.lastTag],
      lastAction: f[b + CpuSlot.lastAction],
      perProgram,
    }
  }

  /** Zeroes one CPU's block. */
  private resetCpu(cpu: number): void {
    const b = this.cpuBase(cpu)
    this.f64.fill(0, b, b + CPU_DOUBLES)
    this.f64[b + CpuSlot.lastTag] = -1
  }
}

/**
 * A CPU's own counters, kept in plain numbers on the hot path and copied into its block once
 * per poll (`publish`).
 */
export class CpuCounters {
  packets = 0
  readonly actions = [0, 0, 0, 0, 0]
  noProgram = 0
  faults = 0
  invalid = 0
  busyMs = 0
  progId = 0
  lastTag = -1
  lastAction = -1
  private readonly progIds = new Float64Array(PROG_SLOTS)
  private readonly progPackets = new Float64Array(PROG_SLOTS)
  private readonly base: number

  constructor(
    private readonly stats: XdpStats,
    readonly cpu: number,
  ) {
    this.base = stats.cpuBase(cpu)
  }

  /**
   * Goes on from the counts the CPU's block holds: zero on a fresh kernel (a new stats buffer),
   * its predecessor's on a new session of the same kernel (the CPUs of a preset with larger
   * frames), as the maps keep theirs.
   */
  resume(): void {
    const f = this.stats.f64
    const b = this.base
    this.packets = f[b + CpuSlot.packets]
    for (let i = 0; i < 5; i++) this.actions[i] = f[b + CpuSlot.actions + i]
    this.noProgram = f[b + CpuSlot.noProgram]
    this.faults = f[b + CpuSlot.faults]
    this.invalid = f[b + CpuSlot.invalid]
    this.busyMs = f[b + CpuSlot.busyMs]
    for (let i = 0; i < PROG_SLOTS; i++) {
      this.progIds[i] = f[b + CpuSlot.progTable + 2 * i]
      this.progPackets[i] = f[b + CpuSlot.progTable + 2 * i + 1]
    }
  }

  /** `n` packets ran program `id` (0: none attached). */
  ranProgram(id: number, n: number): void {
    this.progId = id
    if (id === 0) return
    let free = -1
    let oldest = 0
    for (let i = 0; i < PROG_SLOTS; i++) {
      if (this.progIds[i] === id) {
        this.progPackets[i] += n
        return
      }
      if (this.progIds[i] === 0 && free < 0) free = i
      if (this.progIds[i] < this.progIds[oldest]) oldest = i
    }
    const slot = free >= 0 ? free : oldest
    this.progIds[slot] = id
    this.progPackets[slot] = n
  }

  publish(): void {
    const f = this.stats.f64
    const b = this.base
    f[b + CpuSlot.packets] = this.packets
    for (let i = 0; i < 5; i++) f[b + CpuSlot.actions + i] = this.actions[i]
    f[b + CpuSlot.noProgram] = this.noProgram
    f[b + CpuSlot.faults] = this.faults
    f[b + CpuSlot.invalid] = this.invalid
    f[b + CpuSlot.busyMs] = this.busyMs
    f[b + CpuSlot.progId] = this.progId
    f[b + CpuSlot.lastAction] = this.lastAction
    for (let i = 0; i < PROG_SLOTS; i++) {
      f[b + CpuSlot.progTable + 2 * i] = this.progIds[i]
      f[b + CpuSlot.progTable + 2 * i + 1] = this.progPackets[i]
    }
    f[b + CpuSlot.lastTag] = this.lastTag
    Atomics.add(this.stats.words, W_PUBLISHED + this.cpu, 1)
  }
}
