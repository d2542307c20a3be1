/**
 * The digits glibc's printf prints for a double: %f/%e/%g (exact decimal value of the binary
 * double, rounded to nearest with ties to even, as glibc's __printf_fp does) and %a (hex, as
 * __printf_fphex does, including the x87 long double layout used for %La).
 *
 * JavaScript's toFixed/toExponential are exact too but break ties upwards, so they are used only
 * when the value cannot be a tie at the requested precision (a double's exact expansion ends in a
 * 5 at a position we can compute from its lowest set bit); everything else goes through BigInt.
 * Sign, padding and inf/nan are the caller's job: these functions take |x|, finite.
 */

const f64 = new Float64Array(1)
const u32 = new Uint32Array(f64.buffer) // little-endian: u32[0] = low word, u32[1] = high word

/** True when the sign bit of x is set (also for -0 and negative NaNs). */
export function signBit(x: number): boolean {
  f64[0] = x
  return u32[1] >>> 31 === 1
}

function ctz32(x: number): number {
  return 31 - Math.clz32(x & -x)
}

/** Exponent of the lowest set bit of a finite positive double: x = odd * 2^result. */
function lowBitExponent(ax: number): number {
  f64[0] = ax
  const hi = u32[1]
  const lo = u32[0]
  const bexp = (hi >>> 20) & 0x7ff
  const e = bexp === 0 ? -1074 : bexp - 1075
  const mhi = bexp === 0 ? hi & 0xfffff : (hi & 0xfffff) | 0x100000
  return e + (lo !== 0 ? ctz32(lo) : 32 + ctz32(mhi))
}

/** ax = m * 2^e exactly (ax finite, > 0). */
function mantissaExponent(ax: number): { m: bigint; e: number } {
  f64[0] = ax
  const hi = u32[1]
  const lo = u32[0]
  const bexp = (hi >>> 20) & 0x7ff
  const mhi = bexp === 0 ? hi & 0xfffff : (hi & 0xfffff) | 0x100000
  return { m: (BigInt(mhi) << 32n) | BigInt(lo), e: bexp === 0 ? -1074 : bexp - 1075 }
}

const pow10Cache: bigint[] = [1n]
function pow10(n: number): bigint {
  for (let i = pow10Cache.length; i <= n; i++) pow10Cache[i] = pow10Cache[i - 1] * 10n
  return pow10Cache[n]
}

/** num / den rounded to nearest, ties to even. */
function divRoundEven(num: bigint, den: bigint): bigint {
  const q = num / den
  const r2 = (num - q * den) * 2n
  return r2 > den || (r2 === den && (q & 1n) === 1n) ? q + 1n : q
}

/** round(m * 2^e * 10^s), ties to even. */
function scaledRound(m: bigint, e: number, s: number): bigint {
  let num = m
  let den = 1n
  if (e >= 0) num <<= BigInt(e)
  else den <<= BigInt(-e)
  if (s >= 0) num *= pow10(s)
  else den *= pow10(-s)
  return den === 1n ? num : divRoundEven(num, den)
}

/** %f digits: [integer part, `prec` fraction digits] of |x| rounded at 10^-prec. */
export function fixedParts(ax: number, prec: number): [string, string] {
  if (ax === 0) return ['0', '0'.repeat(prec)]
  if (ax < 1e21 && prec <= 100) {
    const low = lowBitExponent(ax)
    // The exact expansion has -low fraction digits, the last one a 5: a tie iff that digit is the first dropped.
    if (low >= 0 || -low !== prec + 1) {
      const s = ax.toFixed(prec)
      return prec === 0 ? [s, ''] : [s.slice(0, s.length - prec - 1), s.slice(s.length - prec)]
    }
  }
  const { m, e } = mantissaExponent(ax)
  let s = scaledRound(m, e, prec).toString()
  if (s.length <= prec) s = '0'.repeat(prec + 1 - s.length) + s
  return [s.slice(0, s.length - prec), s.slice(s.length - prec)]
}

/** %e digits: prec+1 significant digits of |x| and the decimal exponent of the first one. */
export function exponentParts(ax: number, prec: number): [string, number] {
  if (ax === 0) return ['0'.repeat(prec + 1), 0]
  if (prec <= 100) {
    const s = ax.toExponential(prec)
    const ei = s.indexOf('e')
    const exp = +s.slice(ei + 1)
    if (!mayBeTie(ax, prec, exp)) return [prec === 0 ? s.slice(0, ei) : s[0] + s.slice(2, ei), exp]
  }
  const { m, e } = mantissaExponent(ax)
  let d = Math.floor(Math.log10(ax))
  const lo = pow10(prec)
  const hi = pow10(prec + 1)
  for (;;) {
    const n = scaledRound(m, e, prec - d)
    if (n >= hi) d++
    else if (n < lo) d--
    else return [n.toString(), d]
  }
}

/**
 * Could rounding |x| to prec+1 significant digits be an exact tie? `exp` is the exponent
 * toExponential reported, which is the true decimal exponent or one more (after a carry).
 */
function mayBeTie(ax: number, prec: number, exp: number): boolean {
  const low = lowBitExponent(ax)
  if (low < 0) {
    // exact expansion: digits from 10^D down to 10^low, i.e. D - low + 1 significant digits, last one 5
    return exp - low === prec + 1 || exp - 1 - low === prec + 1
  }
  if (ax >= 2 ** 53) return true // big integers: let the exact path decide
  const s = String(ax).replace(/0+$/, '')
  return s.length === prec + 2 && s.endsWith('5')
}

/** %e body (no sign): d.ddde+XX */
export function formatE(ax: number, prec: number, alt: boolean, upper: boolean): string {
  const [digits, exp] = exponentParts(ax, prec)
  return mantissaWithExponent(digits, exp, alt, upper)
}

function mantissaWithExponent(digits: string, exp: number, alt: boolean, upper: boolean): string {
  const rest = digits.slice(1)
  const ae = exp < 0 ? -exp : exp
  return (
    digits[0] +
    (rest.length > 0 || alt ? '.' + rest : '') +
    (upper ? 'E' : 'e') +
    (exp < 0 ? '-' : '+') +
    (ae < 10 ? '0' + ae : String(ae))
  )
}

/** %f body (no sign). */
export function formatF(ax: number, prec: number, alt: boolean): string {
  const [int, frac] = fixedParts(ax, prec)
  return prec > 0 || alt ? int + '.' + frac : int
}

/** %g body (no sign): prec significant digits, %e style when the exponent is < -4 or >= prec. */
export function formatG(ax: number, prec: number, alt: boolean, upper: boolean): string {
  const p = prec === 0 ? 1 : prec
  const [digits, exp] = exponentParts(ax, p - 1)
  if (exp < p && exp >= -4) {
    let int: string
    let frac: string
    if (exp >= 0) {
      int = digits.slice(0, exp + 1)
      frac = digits.slice(exp + 1)
    } else {
      int = '0'
      frac = '0'.repeat(-exp - 1) + digits
    }
    if (!alt) frac = stripZeros(frac)
    return frac.length > 0 || alt ? int + '.' + frac : int
  }
  return mantissaWithExponent(alt ? digits : digits[0] + stripZeros(digits.slice(1)), exp, alt, upper)
}

function stripZeros(s: string): string {
  let end = s.length
  while (end > 0 && s.charCodeAt(end - 1) === 48) end--
  return end === s.length ? s : s.slice(0, end)
}

/**
 * %a body without sign and without the "0x" prefix: h.hhhp+d. As a double, the leading digit is
 * the implicit bit (0 for subnormals, exponent -1022); as an x87 long double (%La) it is the top
 * nibble of the 64-bit mantissa (so 1.0 prints 0x8p-3). prec < 0 means "as many as needed".
 */
export function formatA(ax: number, prec: number, alt: boolean, upper: boolean, longDouble: boolean): string {
  let lead: number
  let frac: bigint // the hex digits after the point, `nd` of them
  let nd: number
  let exp: number
  if (ax === 0) {
    lead = 0
    frac = 0n
    nd = longDouble ? 15 : 13
    exp = 0
  } else {
    f64[0] = ax
    const hi = u32[1]
    const lo = u32[0]
    const bexp = (hi >>> 20) & 0x7ff
    const frac52 = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo)
    if (!longDouble) {
      lead = bexp === 0 ? 0 : 1
      exp = bexp === 0 ? -1022 : bexp - 1023
      frac = frac52
      nd = 13
    } else {
      // normalise to a 64-bit mantissa with the integer bit at bit 63
      let m = bexp === 0 ? frac52 : frac52 | (1n << 52n)
      let e = bexp === 0 ? -1074 : bexp - 1075 // ax = m * 2^e
      const shift = 63 - (m.toString(2).length - 1)
      m <<= BigInt(shift)
      e -= shift
      lead = Number(m >> 60n)
      frac = m & ((1n << 60n) - 1n)
      nd = 15
      exp = e + 60 // value = lead.frac (hex) * 2^(e+60)
    }
  }
  let digitsStr: string
  if (prec >= 0 && prec < nd) {
    const drop = BigInt(4 * (nd - prec))
    let q = frac >> drop
    const r2 = (frac - (q << drop)) * 2n
    const half = 1n << drop
    const lastOdd = prec === 0 ? (lead & 1) === 1 : (q & 1n) === 1n
    if (r2 > half || (r2 === half && lastOdd)) q++
    if (q >> BigInt(4 * prec) !== 0n) {
      q = 0n
      lead++
      if (lead === 16) {
        lead = 1
        exp += 4
      }
    }
    digitsStr = prec === 0 ? '' : q.toString(16).padStart(prec, '0')
  } else {
    digitsStr = frac.toString(16).padStart(nd, '0')
    if (prec < 0) digitsStr = stripZeros(digitsStr)
    else digitsStr += '0'.repeat(prec - nd)
  }
  const body =
    lead.toString(16) +
    (digitsStr.length > 0 || alt ? '.' + digitsStr : '') +
    'p' +
    (exp < 0 ? '-' : '+') +
    String(exp < 0 ? -exp : exp)
  return upper ? body.toUpperCase() : body
}
