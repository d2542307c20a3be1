import { describe, expect, it } from 'vitest'
import { Memory, SegvError } from '../memory'
import { formatPrintfEx, formatPrintfToString, RegisterArgs, formatWithArgs, EINVAL } from './printf'
import cases from './fixtures/printf-cases.json'

/** A memory with a bump allocator for test strings. */
function setup() {
  const mem = new Memory(new ArrayBuffer(1 << 20))
  let next = 8192
  const put = (bytes: Uint8Array): number => {
    const at = next
    mem.u8.set(bytes, at)
    mem.u8[at + bytes.length] = 0
    next += bytes.length + 16
    return at
  }
  const str = (s: string) => put(new TextEncoder().encode(s))
  const latin1 = (s: string) => put(Uint8Array.from(s, (c) => c.charCodeAt(0)))
  const wide = (s: string) => {
    const cps = [...s].map((c) => c.codePointAt(0)!)
    const at = next
    cps.forEach((cp, i) => mem.dv.setUint32(at + 4 * i - 4096, cp, true))
    mem.dv.setUint32(at + 4 * cps.length - 4096, 0, true)
    next += 4 * cps.length + 16
    return at
  }
  return { mem, str, latin1, wide, alloc: (n: number) => ((next += n + 16), next - n - 16) }
}

function double(v: string): number {
  if (v === 'inf') return Infinity
  if (v === '-inf') return -Infinity
  if (v === 'nan' || v === '-nan') {
    const dv = new DataView(new ArrayBuffer(8))
    dv.setBigUint64(0, v === 'nan' ? 0x7ff8000000000000n : 0xfff8000000000000n)
    return dv.getFloat64(0)
  }
  return Number(v)
}

const toLatin1 = (b: Uint8Array) => Array.from(b, (x) => String.fromCharCode(x)).join('')

describe('printf against glibc 2.36 output (fixtures/printf-cases.json)', () => {
  const { mem, str, latin1, wide } = setup()
  for (const c of cases as { fmt: string; fixedIntArgs: number; args: string[]; out: string; ret: number; errno: number }[]) {
    it(`${JSON.stringify(c.fmt)} ${c.args.join(' ')}`, () => {
      let types = ''
      const values: unknown[] = []
      for (const a of c.args) {
        const t = a[0]
        const v = a.slice(2)
        switch (t) {
          case 'i': types += 'i'; values.push(Number(v) | 0); break
          case 'u': types += 'u'; values.push(Number(v) >>> 0); break
          case 'l': types += 'l'; values.push(BigInt.asIntN(64, BigInt(v))); break
          case 'L': types += 'L'; values.push(BigInt.asUintN(64, BigInt(v))); break
          case 'p': types += 'p'; values.push(Number(v)); break
          case 'd': case 'D': types += 'd'; values.push(double(v)); break
          case 's': types += 'p'; values.push(str(v)); break
          case 'w': types += 'p'; values.push(wide(v)); break
          case 'N': types += 'p'; values.push(0); break
        }
      }
      const r = formatPrintfEx(mem, latin1(c.fmt), types, values, { fixedIntArgs: c.fixedIntArgs })
      expect(toLatin1(r.bytes)).toBe(c.out)
      expect(r.error).toBe(c.ret < 0 ? c.errno : 0)
      if (c.ret >= 0) expect(r.bytes.length).toBe(c.ret)
    })
  }
})

describe('printf: bpfplay-specific behaviour', () => {
  const { mem, str, alloc } = setup()
  it('missing arguments read as 0 (an unwritten register)', () => {
    expect(formatPrintfToString(mem, str('%d %s %f %p'), '', [])).toBe('0 (null) 0.000000 (nil)')
  })
  it('accepts the types as an array of codes', () => {
    expect(formatPrintfToString(mem, str('%lu|%d'), ['L', 'i'], [18446744073709551615n, -3])).toBe('18446744073709551615|-3')
  })
  it('%ld of an int is zero-extended; %d of a long takes the low 32 bits', () => {
    expect(formatPrintfToString(mem, str('%ld %d'), 'il', [-1, 0x1_0000_0005n])).toBe('4294967295 5')
  })
  it('a NULL format fails with EINVAL', () => {
    expect(formatPrintfEx(mem, 0, '', [])).toEqual({ bytes: new Uint8Array(0), error: EINVAL })
  })
  it('%m prints strerror(errno)', () => {
    expect(formatPrintfToString(mem, str('[%m] [%.6m]'), '', [], { errno: 2 })).toBe('[No such file or directory] [No suc]')
  })
  it('%n stores the count with the size of its length modifier', () => {
    const n = alloc(8)
    mem.u8.fill(0xff, n, n + 8)
    formatPrintfEx(mem, str('abc%n'), 'p', [n])
    expect(mem.dv.getUint32(n - 4096, true)).toBe(3)
    expect(mem.u8[n + 4]).toBe(0xff)
    formatPrintfEx(mem, str('abcde%hhn'), 'p', [n])
    expect(mem.u8[n]).toBe(5)
    formatPrintfEx(mem, str('ab%ln'), 'p', [n])
    expect(mem.dv.getBigUint64(n - 4096, true)).toBe(2n)
    expect(() => formatPrintfEx(mem, str('%n'), 'p', [16])).toThrow(SegvError)
  })
  it('a bad %s pointer faults; with a precision only the bytes it needs are read', () => {
    expect(() => formatPrintfEx(mem, str('%s'), 'p', [100])).toThrow(SegvError)
    const edge = mem.size - 3
    mem.u8.set([65, 66, 67], edge) // no terminator before the end of memory
    expect(formatPrintfToString(mem, str('%.3s'), 'p', [edge])).toBe('ABC')
    expect(() => formatPrintfEx(mem, str('%s'), 'p', [edge])).toThrow(SegvError)
  })
  it('a width beyond INT_MAX fails with EOVERFLOW, keeping what was printed before', () => {
    const r = formatPrintfEx(mem, str('ab%2147483648d'), 'i', [1])
    expect([toLatin1(r.bytes), r.error]).toEqual(['ab', 75])
    const r2 = formatPrintfEx(mem, str('ab%*d'), 'ii', [2147483647, 1])
    expect(r2.error).toBe(75)
  })
  it('RegisterArgs models the register files and the shared stack area', () => {
    // printf: 5 general registers free, 8 xmm; the rest in call order on the stack
    const args = new RegisterArgs('iiiiidiid', [1, 2, 3, 4, 5, 1.5, 6, 7, 2.5], 1)
    expect([args.nextInt(), args.nextInt(), args.nextInt(), args.nextInt(), args.nextInt()]).toEqual([1, 2, 3, 4, 5])
    expect(args.nextInt()).toBe(6) // from the stack
    expect(args.nextDouble()).toBe(1.5) // xmm0
    expect(args.nextDouble()).toBe(2.5) // xmm1
    args.rewind()
    expect(args.nextInt()).toBe(1)
    // snprintf: three general registers taken by fixed parameters
    const sn = new RegisterArgs('iiii', [1, 2, 3, 4], 3)
    expect([sn.nextInt(), sn.nextInt(), sn.nextInt(), sn.nextInt()]).toEqual([1, 2, 3, 4])
    expect(formatWithArgs(mem, str('%d %d'), new RegisterArgs('ii', [7, 8]), 0).bytes.length).toBe(3)
  })
  it('a short format costs a few microseconds', () => {
    const fmt = str('key=%u value=%llu %s %.2f\n')
    const s = str('name')
    const run = () => formatPrintfEx(mem, fmt, 'uLpd', [7, 123456789n, s, 3.14159])
    for (let i = 0; i < 5000; i++) run()
    const t = performance.now()
    for (let i = 0; i < 20000; i++) run()
    expect((performance.now() - t) / 20000).toBeLessThan(0.02) // ms: generous for slow CI machines
  })
})
