import { describe, expect, it } from 'vitest'
import { decodeInt, hex, intText, sumPerCpu } from './decode'

const le32 = (n: number) => new Uint8Array(new Uint32Array([n >>> 0]).buffer)
const le64 = (n: bigint) => new Uint8Array(new BigUint64Array([BigInt.asUintN(64, n)]).buffer)

describe('decode', () => {
  it('prints bytes as bpftool does', () => {
    expect(hex(le32(10))).toBe('0a 00 00 00')
    expect(hex(new Uint8Array())).toBe('')
  })

  it('reads little-endian integers of 1, 2, 4 and 8 bytes, signed and unsigned', () => {
    expect(decodeInt(le32(300))).toEqual({ signed: 300n, unsigned: 300n })
    expect(intText(le32(-1))).toBe('-1 (4294967295)')
    expect(intText(le64(-2n))).toBe('-2 (18446744073709551614)')
    expect(intText(new Uint8Array([0x34, 0x12]))).toBe('4660')
    expect(intText(new Uint8Array([1, 2, 3]))).toBeNull()
  })

  it('sums per-CPU counters with C wraparound', () => {
    expect(sumPerCpu([le64(3000n), le64(3001n)])).toBe(6001n)
    expect(sumPerCpu([le32(0xffffffff), le32(2)])).toBe(1n)
    expect(sumPerCpu([new Uint8Array(3)])).toBeNull()
  })
})
