/**
 * Seeded randomness for the traffic generator: the same seed gives the same packets on every
 * machine and in every run, so a lesson, a test or a shared link replays exactly. sfc32 (a small,
 * fast generator that passes PractRand) seeded through splitmix32; plus the few distributions the
 * presets need: weighted choice, exponential gaps (Poisson arrivals) and Zipf ranks (a few heavy
 * hitters and a long tail, as real source popularity looks).
 */

export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: number) {
    let s = seed >>> 0
    const splitmix = () => {
      s = (s + 0x9e3779b9) >>> 0
      let z = s
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
      return (z ^ (z >>> 16)) >>> 0
    }
    this.a = splitmix()
    this.b = splitmix()
    this.c = splitmix()
    this.d = splitmix()
    for (let i = 0; i < 12; i++) this.u32()
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.u32() / 0x100000000
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1))
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p
  }

  /** Exponential with the given mean (gaps between Poisson arrivals). */
  exponential(mean: number): number {
    return -Math.log(1 - this.float()) * mean
  }

  /** An item picked with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0
    for (const [, w] of items) total += w
    let r = this.float() * total
    for (const [item, w] of items) {
      if (r < w) return item
      r -= w
    }
    return items[items.length - 1][0]
  }
}

/**
 * Ranks 0..n-1 with P(rank k) proportional to 1 / (k+1)^exponent; exponent 0 is uniform.
 * The cumulative table is built once, each draw is a binary search.
 */
export class ZipfSampler {
  private readonly cumulative: Float64Array

  constructor(
    readonly n: number,
    readonly exponent: number,
  ) {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`Zipf needs at least one rank, got ${n}`)
    this.cumulative = new Float64Array(n)
    let sum = 0
    for (let k = 0; k < n; k++) {
      sum += 1 / Math.pow(k + 1, exponent)
      this.cumulative[k] = sum
    }
  }

  /** Probability of rank k. */
  probability(k: number): number {
    const total = this.cumulative[this.n - 1]
    return (this.cumulative[k] - (k ? this.cumulative[k - 1] : 0)) / total
  }

  sample(rng: Rng): number {
    const target = rng.float() * this.cumulative[this.n - 1]
    let lo = 0
    let hi = this.n - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.cumulative[mid] > target) hi = mid
      else lo = mid + 1
    }
    return lo
  }
}
