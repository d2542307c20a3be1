import { describe, expect, it } from 'vitest'
import { jhashAligned, jhashBytes, jhashKey } from './jhash'

// Spec 4.2 reference values (seed 0).
const VECTORS: [string, number][] = [
  ['00000000', 0x049396b8],
  ['01000000', 0x72a82a9b],
  ['02000000', 0xee626cca],
  ['03000000', 0x9917754f],
  ['0a000000', 0x3d6be971],
  ['14000000', 0x3948757d],
  ['1e000000', 0x334bacf3],
  ['28000000', 0xcd5e374e],
  ['32000000', 0xe4001862],
  ['3c000000', 0xc7cd6141],
  ['46000000', 0x30367fd5],
  ['50000000', 0x2da79452],
  ['5a000000', 0x4c6bac83],
  ['ffffffff', 0x9b11c75b],
  ['0100000000000000', 0x5543253f],
  ['8877665544332211', 0x5a379ed9],
  ['000000000000', 0x23700e53],
  ['010203040506', 0x491fd335],
  ['000102030405060708090a0b0c0d0e0f', 0x5e84eafc],
  ['0a0000010a0000021f90005006000000', 0x67ceeb7a],
  ['01', 0x04ec883b],
  ['010203', 0x3e2a886b],
  ['000102030405060708090a0b0c', 0xbc9d6816],
]

function bytesOf(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)))
}

describe('jhash (spec 4.2)', () => {
  for (const [hex, want] of VECTORS) {
    it(`${hex} -> 0x${want.toString(16)}`, () => {
      const key = bytesOf(hex)
      // Place the key at an aligned and at an unaligned address: both paths must agree.
      const buf = new ArrayBuffer(128)
      const u8 = new Uint8Array(buf)
      const i32 = new Int32Array(buf)
      u8.set(key, 16)
      u8.set(key, 41)
      expect(jhashBytes(u8, 16, key.length, 0)).toBe(want)
      expect(jhashBytes(u8, 41, key.length, 0)).toBe(want)
      expect(jhashKey(i32, u8, 16, key.length, 0)).toBe(want)
      expect(jhashKey(i32, u8, 41, key.length, 0)).toBe(want)
      if (key.length % 4 === 0) expect(jhashAligned(i32, u8, 16, key.length, 0)).toBe(want)
    })
  }

  it('word and byte paths agree for every size and seed', () => {
    const buf = new ArrayBuffer(256)
    const u8 = new Uint8Array(buf)
    const i32 = new Int32Array(buf)
    for (let i = 0; i < 200; i++) u8[i] = (i * 37 + 11) & 255
    for (const seed of [0, 1, 0xdeadbeef, 0x12345678]) {
      for (let len = 1; len <= 64; len++) {
        expect(jhashKey(i32, u8, 0, len, seed)).toBe(jhashBytes(u8, 0, len, seed))
      }
    }
  })

  it('the seed changes the hash', () => {
    const u8 = bytesOf('0a000000')
    const i32 = new Int32Array(u8.buffer)
    expect(jhashAligned(i32, u8, 0, 4, 1)).not.toBe(jhashAligned(i32, u8, 0, 4, 0))
  })
})
