/**
 * Pacing of a NIC (the browser's and the CLI's live mode): how many frames should have arrived
 * by now at a given rate.
 *
 * The producer runs in ticks (a timer every few ms); at each tick it sends the frames due since
 * the last one, so the average rate is exact however the ticks jitter. A rate change re-anchors
 * the schedule at the frames already sent (the new rate applies from now, no burst to "catch
 * up" with it). When the CPUs cannot keep up the producer falls behind; the backlog it may
 * later send at once is capped at MAX_LAG_MS of traffic, so a slow program makes the NIC slip
 * (as a link with flow control does) instead of bursting thousands of frames when it recovers.
 * Rate 0 means "as fast as the CPUs take them": a fixed batch per tick.
 */

export const MAX_LAG_MS = 100
/** Frames offered per tick at rate 0 ("max"). */
export const MAX_RATE_BATCH = 4096

export class Pacer {
  private t0: number
  private base: number
  private rate: number

  constructor(rate: number, now: number, sent = 0) {
    this.rate = checkRate(rate)
    this.t0 = now
    this.base = sent
  }

  get packetsPerSecond(): number {
    return this.rate
  }

  /** New rate from `now`, counting from the `sent` frames already out. */
  setRate(rate: number, now: number, sent: number): void {
    this.rate = checkRate(rate)
    this.t0 = now
    this.base = sent
  }

  /** Frames that should have been sent by `now` (never fewer than `sent`). */
  due(now: number, sent: number): number {
    if (this.rate === 0) return sent + MAX_RATE_BATCH
    const ideal = this.base + Math.floor(((now - this.t0) * this.rate) / 1000)
    const maxLag = Math.max(1, Math.ceil((this.rate * MAX_LAG_MS) / 1000))
    if (ideal - sent > maxLag) {
      // Behind by more than the cap: slip the schedule so at most maxLag frames are due.
      this.t0 = now
      this.base = sent + maxLag
      return this.base
    }
    return Math.max(ideal, sent)
  }

  /** ms until the next frame is due after `sent` frames (0 when one is due now; rate 0: 0). */
  msUntilNext(now: number, sent: number): number {
    if (this.rate === 0) return 0
    const at = this.t0 + ((sent + 1 - this.base) * 1000) / this.rate
    return Math.max(0, at - now)
  }
}

function checkRate(rate: number): number {
  if (!(rate >= 0) || !Number.isFinite(rate)) throw new RangeError(`rate must be a non-negative number of packets per second, not ${rate}`)
  return rate
}
