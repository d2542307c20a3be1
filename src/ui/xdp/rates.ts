/**
 * Packets per second from counters sampled at display rate: the rate over the last WINDOW_MS
 * of samples (a one-frame difference would flicker with every NAPI batch). Pure, so the view
 * and its tests agree on what "packets/s" means.
 */

export const WINDOW_MS = 1000

export class RateMeter {
  private readonly samples: { t: number; values: number[] }[] = []

  constructor(private readonly windowMs = WINDOW_MS) {}

  /** Adds a sample of monotonic counters taken at time t (ms). */
  push(t: number, values: readonly number[]): void {
    const last = this.samples[this.samples.length - 1]
    // A counter that went down means a fresh set of counters (new CPUs): start over.
    if (last && (last.values.length !== values.length || values.some((v, i) => v < last.values[i]))) this.samples.length = 0
    this.samples.push({ t, values: values.slice() })
    while (this.samples.length > 2 && t - this.samples[1].t >= this.windowMs) this.samples.shift()
  }

  /** Per counter, its increase per second over the window (0 before two samples). */
  rates(): number[] {
    const n = this.samples.length
    if (n < 2) return this.samples[0]?.values.map(() => 0) ?? []
    const a = this.samples[0]
    const b = this.samples[n - 1]
    const dt = (b.t - a.t) / 1000
    return b.values.map((v, i) => (dt > 0 ? Math.max(0, v - a.values[i]) / dt : 0))
  }

  clear(): void {
    this.samples.length = 0
  }
}
