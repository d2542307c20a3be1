import { describe, expect, it } from 'vitest'
import { internetChecksum, ipv4PseudoSum } from './checksum'

const hex = (s: string) => Uint8Array.from(s.replace(/\s+/g, '').match(/../g)!, (b) => parseInt(b, 16))

describe('Internet checksum', () => {
  it('matches the textbook IPv4 header (checksum 0xb861)', () => {
    const header = hex('4500 0073 0000 4000 4011 0000 c0a8 0001 c0a8 00c7')
    expect(internetChecksum(header)).toBe(0xb861)
    header[10] = 0xb8
    header[11] = 0x61
    expect(internetChecksum(header)).toBe(0) // a correct header sums to zero
  })

  it('matches RFC 1071 section 3 (odd length, end-around carry)', () => {
    // The RFC's example words 0001 f203 f4f5 f6f7 sum to 0xddf2 (folded); the checksum is its complement.
    expect(internetChecksum(hex('0001f203f4f5f6f7'))).toBe(~0xddf2 & 0xffff)
    // An odd trailing byte is padded with a zero byte on the right.
    expect(internetChecksum(hex('0001f203f4f5f6f7ab'))).toBe(internetChecksum(hex('0001f203f4f5f6f7ab00')))
  })

  it('is exact on long all-ones data (many carries)', () => {
    const data = new Uint8Array(65536).fill(0xff)
    expect(internetChecksum(data)).toBe(0)
  })

  it('adds the IPv4 pseudo-header from the IP header', () => {
    const ip = hex('4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7')
    // c0a8 + 0001 + c0a8 + 00c7 + 0011 + 005f
    expect(ipv4PseudoSum(ip, 0, 17, 0x5f)).toBe(0xc0a8 + 0x0001 + 0xc0a8 + 0x00c7 + 0x11 + 0x5f)
  })
})
