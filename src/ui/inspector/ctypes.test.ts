import { describe, expect, it } from 'vitest'
import type { TypeDesc } from '../../lang/api'
import { compile } from '../../lang/compile'
import { leafSum, leafText, leavesOf, sizeOfType, sumText } from './ctypes'

/** The value type of the program's first bpf_map_update_elem call, as the compiler describes it. */
function typeOf(decl: string, name: string): TypeDesc {
  const r = compile(`#include <bpf/bpf.h>\n${decl}\nint main(void) { __u32 k = 0; ${name} v; bpf_map_update_elem(0, &k, &v, 0); return 0; }`, { filename: 'user.c', target: 'user' })
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return r.program!.mapCallTypes![0].value!
}

function cells(t: TypeDesc | undefined, bytes: Uint8Array, hex = false) {
  return leavesOf(t, bytes.length).map((l) => [l.label, leafText(bytes, l, hex)])
}

describe('decoding with C types', () => {
  it('struct fields by name at their padded offsets; padding bytes are never read', () => {
    const t = typeOf('struct s { char c; int x; short h; long long q; };', 'struct s')
    expect(sizeOfType(t)).toBe(24)
    const b = new Uint8Array(24).fill(0xee) // padding filled with junk
    const dv = new DataView(b.buffer)
    b[0] = 65
    dv.setInt32(4, -5, true)
    dv.setInt16(8, 300, true)
    dv.setBigInt64(16, 1n << 40n, true)
    expect(leavesOf(t, 24).map((l) => [l.label, l.offset, l.size])).toEqual([['c', 0, 1], ['x', 4, 4], ['h', 8, 2], ['q', 16, 8]])
    expect(cells(t, b)).toEqual([['c', '65'], ['x', '-5'], ['h', '300'], ['q', '1099511627776']])
    expect(cells(t, b, true)).toEqual([['c', '0x41'], ['x', '0xfffffffb'], ['h', '0x012c'], ['q', '0x0000010000000000']])
  })

  it('signedness comes from the type: the same bytes read as __s32 and __u32', () => {
    const b = new Uint8Array([0xff, 0xff, 0xff, 0xff])
    expect(cells(typeOf('', '__s32'), b)).toEqual([['', '-1']])
    expect(cells(typeOf('', '__u32'), b)).toEqual([['', '4294967295']])
    // Without a type: both readings.
    expect(cells(undefined, b)).toEqual([['', '-1 (4294967295)']])
  })

  it('nested structs, small arrays by index, char arrays as text, long arrays in one cell, bitfields', () => {
    const t = typeOf(
      'struct in { __u16 port; __u8 proto; }; struct s { char comm[8]; struct in ep; __u32 hist[3]; __u64 big[12]; unsigned int lo : 3, hi : 5; };',
      'struct s',
    )
    const n = sizeOfType(t)
    const b = new Uint8Array(n)
    const dv = new DataView(b.buffer)
    b.set(new TextEncoder().encode('curl'), 0)
    dv.setUint16(8, 8080, true)
    b[10] = 6
    ;[7, 8, 9].forEach((v, i) => dv.setUint32(12 + 4 * i, v, true))
    for (let i = 0; i < 12; i++) dv.setBigUint64(24 + 8 * i, BigInt(i), true)
    dv.setUint32(120, 0b10110_101, true)
    expect(cells(t, b)).toEqual([
      ['comm', '"curl"'],
      ['ep.port', '8080'],
      ['ep.proto', '6'],
      ['hist[0]', '7'],
      ['hist[1]', '8'],
      ['hist[2]', '9'],
      ['big', '[0, 1, 2, 3, 4, 5, 6, 7, … 4 more]'],
      ['lo', '5'],
      ['hi', '22'],
    ])
    // A char array that is not a C string shows as bytes.
    b[6] = 1
    expect(cells(t, b)[0]).toEqual(['comm', '63 75 72 6c 00 00 01 00'])
  })

  it('a type whose size does not match the map falls back to integers by size', () => {
    const t = typeOf('struct s { __u64 a, b; };', 'struct s')
    expect(cells(t, new Uint8Array([1, 0, 0, 0, 0, 0, 0, 0]))).toEqual([['', '1']])
    expect(cells(t, new Uint8Array([1, 2, 3]))).toEqual([['', '01 02 03']])
  })

  it('per-CPU sums per field, wrapping at the field width with its signedness', () => {
    const t = typeOf('struct st { __u64 packets; __s8 delta; char tag[4]; };', 'struct st')
    const leaves = leavesOf(t, sizeOfType(t))
    const cpu = (packets: bigint, delta: number, tag: string) => {
      const b = new Uint8Array(sizeOfType(t))
      const dv = new DataView(b.buffer)
      dv.setBigUint64(0, packets, true)
      dv.setInt8(8, delta)
      b.set(new TextEncoder().encode(tag), 9)
      return b
    }
    const values = [cpu(3n, 100, 'a'), cpu(2n ** 64n - 1n, 100, 'b'), cpu(10n, -90, 'c')]
    const sums = leaves.map((l) => sumText(leafSum(values, l), l, false))
    // 3 + (2^64 - 1) + 10 wraps to 12; 100 + 100 - 90 = 110 fits in __s8? no: 110 does; text has no sum.
    expect(sums).toEqual(['12', '110', '—'])
    const over = [cpu(0n, 100, ''), cpu(0n, 100, '')]
    expect(sumText(leafSum(over, leaves[1]), leaves[1], false)).toBe('-56')
    expect(sumText(leafSum(over, leaves[1]), leaves[1], true)).toBe('0xc8')
  })

  it('per-CPU sums without a type: unsigned integers of the value size (the counter case)', () => {
    const leaf = leavesOf(undefined, 8)[0]
    const v = (n: number) => new Uint8Array(new BigUint64Array([BigInt(n)]).buffer)
    expect(sumText(leafSum([v(3000), v(3001)], leaf), leaf, false)).toBe('6001')
  })
})
