/**
 * glibc's rand()/srand()/random()/srandom() and rand_r(), value for value. glibc's default
 * generator is random_r's TYPE_3: an additive lagged-Fibonacci generator over 31 words,
 * r[i] = r[i-3] + r[i-31] (mod 2^32), output r[i] >> 1. srandom_r fills the words from the
 * seed with the Park-Miller "minimal standard" step (16807 * x mod 2^31-1, via Schrage's hi/lo
 * trick), then throws away 310 outputs. A process starts as if srand(1) had been called.
 * One instance per process: the state is the process's, not the module's.
 */

const DEG = 31 // TYPE_3 degree
const SEP = 3 // TYPE_3 separation

export class GlibcRandom {
  private readonly state = new Int32Array(DEG)
  private f = SEP // "front" index (glibc's fptr)
  private r = 0 // "rear" index (glibc's rptr)

  constructor(seed = 1) {
    this.srand(seed)
  }

  /**
   * srand / srandom: the seed is an unsigned int (0 is taken as 1), but glibc steps it as an
   * int32_t, so seeds >= 2^31 start from a negative word (C's truncating / and % on it).
   */
  srand(seed: number): void {
    let word = seed | 0
    if (word === 0) word = 1
    const s = this.state
    s[0] = word
    for (let i = 1; i < DEG; i++) {
      // word = 16807 * word % 2147483647, computed without overflow as glibc does
      const hi = Math.trunc(word / 127773)
      const lo = word % 127773
      word = (16807 * lo - 2836 * hi) | 0
      if (word < 0) word += 2147483647
      s[i] = word
    }
    this.f = SEP
    this.r = 0
    for (let i = 0; i < 10 * DEG; i++) this.rand()
  }

  /** rand / random: a value in [0, 2^31). */
  rand(): number {
    const s = this.state
    const v = (s[this.f] + s[this.r]) | 0
    s[this.f] = v
    const result = (v >>> 1) & 0x7fffffff
    if (++this.f >= DEG) this.f = 0
    if (++this.r >= DEG) this.r = 0
    return result
  }

  /** random() is the same generator as rand() in glibc. */
  random(): number {
    return this.rand()
  }

  srandom(seed: number): void {
    this.srand(seed)
  }
}

/** RAND_MAX on glibc. */
export const RAND_MAX = 2147483647

/**
 * glibc's rand_r: a separate small LCG whose whole state is *seed. Returns [result, new seed];
 * the caller stores the new seed back into the program's unsigned int.
 */
export function rand_r(seed: number): [number, number] {
  let next = seed >>> 0
  next = (Math.imul(next, 1103515245) + 12345) >>> 0
  let result = Math.trunc(next / 65536) % 2048
  next = (Math.imul(next, 1103515245) + 12345) >>> 0
  result = (result << 10) ^ (Math.trunc(next / 65536) % 1024)
  next = (Math.imul(next, 1103515245) + 12345) >>> 0
  result = (result << 10) ^ (Math.trunc(next / 65536) % 1024)
  return [result, next]
}
