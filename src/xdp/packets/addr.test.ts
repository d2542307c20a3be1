import { describe, expect, it } from 'vitest'
import { formatIpv4, formatIpv6, formatMac, parseIpv4, parseIpv6, parseMac } from './addr'

describe('MAC addresses', () => {
  it('parses and formats', () => {
    expect([...parseMac('02:00:5E:10:0a:ff')]).toEqual([2, 0, 0x5e, 0x10, 0x0a, 0xff])
    expect([...parseMac('2-0-5e-10-a-ff')]).toEqual([2, 0, 0x5e, 0x10, 0x0a, 0xff])
    expect(formatMac(new Uint8Array([2, 0, 0x5e, 0x10, 0x0a, 0xff]))).toBe('02:00:5e:10:0a:ff')
  })
  it.each(['', '02:00:00:00:00', '02:00:00:00:00:00:00', '02:00:00:00:00:0g', '002:00:00:00:00:00', '02::00:00:00:00', '02:00:00:00:00:00:'])('rejects %j', (text) => {
    expect(() => parseMac(text)).toThrow(RangeError)
  })
})

describe('IPv4 addresses', () => {
  it('parses dotted quads to host-order u32 and back', () => {
    expect(parseIpv4('10.0.0.1')).toBe(0x0a000001)
    expect(parseIpv4('255.255.255.255')).toBe(0xffffffff)
    expect(parseIpv4(0x7f000001)).toBe(0x7f000001)
    expect(formatIpv4(0xc0a80001)).toBe('192.168.0.1')
  })
  it.each(['10.0.0', '10.0.0.256', '10.0.0.01', '10.0.0.1.', 'a.b.c.d', ' 10.0.0.1'])('rejects %j', (text) => {
    expect(() => parseIpv4(text)).toThrow(RangeError)
  })
  it('rejects numbers that are not u32', () => {
    expect(() => parseIpv4(-1)).toThrow(RangeError)
    expect(() => parseIpv4(2 ** 32)).toThrow(RangeError)
  })
})

describe('IPv6 addresses', () => {
  const roundTrips: [string, string][] = [
    ['2001:db8::1', '2001:db8::1'],
    ['::1', '::1'],
    ['::', '::'],
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    // RFC 5952 4.2.2: a single zero group is not compressed; 4.2.3: the first of equal runs.
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['fe80::', 'fe80::'],
    ['::ffff:10.0.0.1', '::ffff:10.0.0.1'],
  ]
  it.each(roundTrips)('%s formats as %s', (text, canonical) => {
    expect(formatIpv6(parseIpv6(text))).toBe(canonical)
  })
  it('parses to network-order bytes', () => {
    expect([...parseIpv6('2001:db8::ff00:42:8329')]).toEqual([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0xff, 0, 0, 0x42, 0x83, 0x29])
  })
  it.each(['1::2::3', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '12345::', 'g::', '1:2:3:4:5:6:7:8::', '::ffff:10.0.0.256'])('rejects %j', (text) => {
    expect(() => parseIpv6(text)).toThrow(RangeError)
  })
})
