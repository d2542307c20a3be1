import { describe, expect, it } from 'vitest'
import { exponentParts, fixedParts, formatA } from './printf-float'

/** Independent oracle: the exact decimal expansion of a double, by BigInt, as [integer, fraction]. */
function exact(ax: number): [string, string] {
  const dv = new DataView(new ArrayBuffer(8))
  dv.setFloat64(0, ax)
  const bits = dv.getBigUint64(0)
  const bexp = Number((bits >> 52n) & 0x7ffn)
  let m = bits & ((1n << 52n) - 1n)
  let e = -1074
  if (bexp !== 0) {
    m |= 1n << 52n
    e = bexp - 1075
  }
  if (e >= 0) return [(m << BigInt(e)).toString(), '']
  const k = BigInt(-e)
  const int = m >> k
  const frac = (m & ((1n << k) - 1n)) * 5n ** k
  return [int.toString(), frac.toString().padStart(-e, '0').replace(/0+$/, '')]
}

/** Round a digit string (all digits, decimal point after `point` digits) half-even at `keep` digits. */
function roundDigits(digits: string, keep: number): string {
  if (digits.length <= keep) return digits.padEnd(keep, '0')
  const head = digits.slice(0, keep)
  const first = digits.charCodeAt(keep) - 48
  const restNonZero = /[1-9]/.test(digits.slice(keep + 1))
  const lastOdd = keep > 0 && (digits.charCodeAt(keep - 1) - 48) % 2 === 1
  const up = first > 5 || (first === 5 && (restNonZero || lastOdd))
  if (!up) return head
  return (BigInt(head || '0') + 1n).toString().padStart(keep, '0') // one digit longer after a carry out of the top
}

function oracleFixed(ax: number, prec: number): [string, string] {
  const [int, frac] = exact(ax)
  const all = int + frac.padEnd(prec, '0')
  const kept = roundDigits(all.slice(0) + '', int.length + prec)
  const intDigits = kept.length - prec
  const i = kept.slice(0, intDigits).replace(/^0+(?=\d)/, '')
  return [i === '' ? '0' : i, kept.slice(intDigits)]
}

function oracleExp(ax: number, prec: number): [string, number] {
  if (ax === 0) return ['0'.repeat(prec + 1), 0]
  const [int, frac] = exact(ax)
  const all = int + frac
  const lead = all.search(/[1-9]/)
  const exp = int.length - 1 - lead
  const sig = all.slice(lead)
  const kept = roundDigits(sig, prec + 1)
  return kept.length > prec + 1 ? [kept.slice(0, prec + 1), exp + 1] : [kept, exp]
}

let seed = 987654321
function rand(): number {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0
  return seed / 2 ** 32
}
function randomDouble(): number {
  const dv = new DataView(new ArrayBuffer(8))
  const kind = rand()
  if (kind < 0.3) return Math.round(rand() * 2 ** 20) / 2 ** Math.floor(rand() * 12) // short binary fractions: ties
  if (kind < 0.4) return Math.round(rand() * 1e6) * 10 ** Math.floor(rand() * 30) // integers, some huge
  dv.setUint32(0, ((Math.floor(rand() * 2047) << 20) | Math.floor(rand() * 2 ** 20)) >>> 0)
  dv.setUint32(4, Math.floor(rand() * 2 ** 32))
  const x = dv.getFloat64(0)
  return Number.isFinite(x) ? Math.abs(x) : 1
}

describe('exact decimal conversion (ties to even) against a BigInt oracle', () => {
  it('fixedParts', () => {
    for (let i = 0; i < 4000; i++) {
      const x = randomDouble()
      if (x > 1e60 || x < 1e-60) continue
      const prec = Math.floor(rand() * 25)
      expect(fixedParts(x, prec), `${x} %.${prec}f`).toEqual(oracleFixed(x, prec))
    }
  })
  it('exponentParts', () => {
    for (let i = 0; i < 4000; i++) {
      const x = randomDouble()
      const prec = Math.floor(rand() * 25)
      expect(exponentParts(x, prec), `${x} %.${prec}e`).toEqual(oracleExp(x, prec))
    }
  })
  it('ties go to even where toFixed/toExponential would round up', () => {
    expect(fixedParts(0.5, 0)).toEqual(['0', ''])
    expect(fixedParts(2.5, 0)).toEqual(['2', ''])
    expect(fixedParts(3.5, 0)).toEqual(['4', ''])
    expect(fixedParts(0.125, 2)).toEqual(['0', '12'])
    expect(fixedParts(0.375, 2)).toEqual(['0', '38'])
    expect(exponentParts(250, 0)).toEqual(['2', 2])
    expect(exponentParts(2 ** 60, 0)).toEqual(['1', 18])
    expect(exponentParts(1.25e-5 * 2 ** 0, 1)).toEqual(oracleExp(1.25e-5, 1))
  })
  it('large precisions and magnitudes take the exact path', () => {
    expect(fixedParts(0.1, 120)[1]).toBe('1000000000000000055511151231257827021181583404541015625'.padEnd(120, '0'))
    expect(fixedParts(1e22, 0)).toEqual(['10000000000000000000000', ''])
    expect(fixedParts(2 ** 80, 1)).toEqual(['1208925819614629174706176', '0'])
    expect(exponentParts(5e-324, 110)[0]).toBe(oracleExp(5e-324, 110)[0])
  })
})

describe('%a digits', () => {
  it('double and long double layouts', () => {
    expect(formatA(1, -1, false, false, false)).toBe('1p+0')
    expect(formatA(0.1, -1, false, false, false)).toBe('1.999999999999ap-4')
    expect(formatA(1, -1, false, false, true)).toBe('8p-3')
    expect(formatA(0.1, -1, false, false, true)).toBe('c.cccccccccccdp-7')
    expect(formatA(5e-324, -1, false, false, false)).toBe('0.0000000000001p-1022')
    expect(formatA(5e-324, -1, false, false, true)).toBe('8p-1077')
    expect(formatA(1.9375, 0, false, false, true)).toBe('1p+1')
    expect(formatA(255.75, 2, false, true, false)).toBe('2.00P+7')
    expect(formatA(0.75, 0, false, false, false)).toBe('2p-1')
    expect(formatA(1.5e-323, 1, false, false, false)).toBe('0.0p-1022')
    expect(formatA(15.999999999999998, -1, false, false, false)).toBe('1.fffffffffffffp+3')
  })
})
