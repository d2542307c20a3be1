import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildPacket, type PacketSpec } from './build'
import { buildDnsQuery } from './dns'
import { parsePacket } from './parse'
import { LINKTYPE_ETHERNET, pcapFileHeader, pcapRecord, pcapTime, readPcap, writePcap } from './pcap'
import { generateTraffic, presetNames } from './traffic'

const fixtureBytes = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)))
const fixtureText = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

function hasTcpdump(): boolean {
  try {
    execFileSync('tcpdump', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
const tcpdump = hasTcpdump()

/** `tcpdump -r` on bytes written to a temporary file. */
function tcpdumpRead(file: Uint8Array, args: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'bpfplay-pcap-'))
  try {
    writeFileSync(join(dir, 'x.pcap'), file)
    return execFileSync('tcpdump', ['-r', join(dir, 'x.pcap'), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The same file in the other byte order (what a big-endian machine's tcpdump writes). */
function swapByteOrder(file: Uint8Array): Uint8Array {
  const out = file.slice()
  const swap32 = (at: number) => out.set([file[at + 3], file[at + 2], file[at + 1], file[at]], at)
  const swap16 = (at: number) => out.set([file[at + 1], file[at]], at)
  swap32(0)
  swap16(4)
  swap16(6)
  for (const at of [8, 12, 16, 20]) swap32(at)
  const view = new DataView(file.buffer, file.byteOffset)
  for (let off = 24; off < file.length; ) {
    const incl = view.getUint32(off + 8, true)
    for (let k = 0; k < 16; k += 4) swap32(off + k)
    off += 16 + incl
  }
  return out
}

describe('readPcap on files tcpdump wrote', () => {
  it('reads the microsecond little-endian loopback capture', () => {
    const r = readPcap(fixtureBytes('lo-ping.pcap'))
    if (!r.ok) throw new Error(r.error)
    expect(r.header).toEqual({ versionMajor: 2, versionMinor: 4, snaplen: 262144, linkType: LINKTYPE_ETHERNET, nanosecond: false, littleEndian: true })
    expect(r.packets.map((p) => [p.data.length, p.originalLength])).toEqual([
      [58, 58],
      [58, 58],
      [78, 78],
      [78, 78],
    ])
    // Timestamps as `tcpdump -tt` printed them (fixtures/lo-ping.tcpdump.txt).
    const printed = [...fixtureText('lo-ping.tcpdump.txt').matchAll(/^(\d+)\.(\d{6}) /gm)].map((m) => [Number(m[1]), Number(m[2]) * 1000])
    expect(r.packets.map((p) => [p.tsSec, p.tsNsec])).toEqual(printed)
  })

  it('reads the nanosecond variant (magic 0xa1b23c4d) to the same packets', () => {
    const usec = readPcap(fixtureBytes('lo-ping.pcap'))
    const nsec = readPcap(fixtureBytes('lo-ping-nano.pcap'))
    if (!usec.ok || !nsec.ok) throw new Error('fixture unreadable')
    expect(nsec.header.nanosecond).toBe(true)
    expect(nsec.packets).toEqual(usec.packets)
  })

  it('reads the swapped (big-endian) byte order', () => {
    for (const name of ['lo-ping.pcap', 'lo-ping-nano.pcap', 'lo-udp-tcp.pcap']) {
      const native = readPcap(fixtureBytes(name))
      const swapped = readPcap(swapByteOrder(fixtureBytes(name)))
      if (!native.ok || !swapped.ok) throw new Error(`${name} unreadable`)
      expect(swapped.header.littleEndian).toBe(false)
      expect(swapped.packets).toEqual(native.packets)
    }
  })

  it('matches the timestamps of the TCP/UDP capture', () => {
    const r = readPcap(fixtureBytes('lo-udp-tcp.pcap'))
    if (!r.ok) throw new Error(r.error)
    const printed = [...fixtureText('lo-udp-tcp.tcpdump.txt').matchAll(/^(\d+)\.(\d{6}) /gm)].map((m) => `${m[1]}.${m[2]}`)
    expect(r.packets.map((p) => `${p.tsSec}.${String(p.tsNsec / 1000).padStart(6, '0')}`)).toEqual(printed)
  })
})

describe('writePcap', () => {
  it('rewrites the tcpdump capture byte for byte', () => {
    for (const name of ['lo-ping.pcap', 'lo-udp-tcp.pcap']) {
      const original = fixtureBytes(name)
      const r = readPcap(original)
      if (!r.ok) throw new Error(r.error)
      expect(writePcap(r.packets)).toEqual(original)
    }
  })

  it('writes nanosecond files when asked and round-trips them', () => {
    const file = writePcap([{ data: new Uint8Array([1, 2, 3]), tsSec: 5, tsNsec: 123456789 }], { nanosecond: true })
    const r = readPcap(file)
    if (!r.ok) throw new Error(r.error)
    expect(r.header.nanosecond).toBe(true)
    expect(r.packets[0]).toMatchObject({ tsSec: 5, tsNsec: 123456789, originalLength: 3 })
    // Microsecond files keep whole microseconds.
    const micro = readPcap(writePcap([{ data: new Uint8Array(1), tsSec: 5, tsNsec: 123456789 }]))
    expect(micro.ok && micro.packets[0].tsNsec).toBe(123456000)
  })

  it('cuts packets at snaplen and keeps their wire length', () => {
    const data = new Uint8Array(100).map((_, i) => i)
    const r = readPcap(writePcap([{ data }], { snaplen: 64 }))
    if (!r.ok) throw new Error(r.error)
    expect(r.header.snaplen).toBe(64)
    expect(r.packets[0].data).toEqual(data.subarray(0, 64))
    expect(r.packets[0].originalLength).toBe(100)
  })

  it('streams: file header + records equals writePcap', () => {
    const packets = [{ data: new Uint8Array([9, 9]), tsSec: 1, tsNsec: 2000 }, { data: new Uint8Array([7]), tsSec: 3 }]
    const streamed = Buffer.concat([pcapFileHeader(), ...packets.map((p) => pcapRecord(p))])
    expect(new Uint8Array(streamed)).toEqual(writePcap(packets))
  })

  it('rejects timestamps pcap cannot hold', () => {
    expect(() => pcapRecord({ data: new Uint8Array(1), tsSec: -1 })).toThrow(RangeError)
    expect(() => pcapRecord({ data: new Uint8Array(1), tsNsec: 1e9 })).toThrow(RangeError)
  })

  it('pcapTime splits nanoseconds without rounding into the next second wrongly', () => {
    expect(pcapTime(1_500_000_000, 100)).toEqual({ tsSec: 101, tsNsec: 500_000_000 })
    expect(pcapTime(999_999_999.7)).toEqual({ tsSec: 1, tsNsec: 0 })
    expect(pcapTime(0)).toEqual({ tsSec: 0, tsNsec: 0 })
  })
})

describe('readPcap on bad input returns an error, never throws', () => {
  const good = fixtureBytes('lo-ping.pcap')
  const cases: [string, Uint8Array, RegExp][] = [
    ['empty', new Uint8Array(0), /shorter than the 24-byte file header/],
    ['short header', good.subarray(0, 10), /10 bytes/],
    ['text file', new TextEncoder().encode('this is not a capture file at all'), /not a pcap file \(magic 0x74686973\)/],
    ['pcapng', Uint8Array.from([0x0a, 0x0d, 0x0d, 0x0a, ...new Uint8Array(40)]), /pcapng/],
    ['truncated record header', good.subarray(0, 24 + 16 + 58 + 5), /packet 2 record header at byte 98 has 5 of 16 bytes/],
    ['truncated packet data', good.subarray(0, 24 + 16 + 30), /packet 1 at byte 24 has 30 of its 58 bytes/],
  ]
  it.each(cases)('%s', (_, bytes, message) => {
    const r = readPcap(bytes)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(message)
  })

  it('keeps the packets read before a truncation', () => {
    const r = readPcap(good.subarray(0, good.length - 1))
    expect(r.ok).toBe(false)
    expect(r.packets.length).toBe(3)
  })

  it('rejects absurd captured lengths and other versions', () => {
    const huge = good.slice()
    new DataView(huge.buffer).setUint32(24 + 8, 0x7fffffff, true)
    const r = readPcap(huge)
    expect(!r.ok && r.error).toMatch(/claims 2147483647 captured bytes/)
    const v1 = good.slice()
    v1[4] = 1
    const r1 = readPcap(v1)
    expect(!r1.ok && r1.error).toMatch(/unsupported pcap version 1.4/)
  })

  it('survives random garbage after a valid header', () => {
    let seed = 12345
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24
    for (let round = 0; round < 500; round++) {
      const junk = new Uint8Array(24 + (round % 97)).map(next)
      junk.set(good.subarray(0, 24))
      expect(() => readPcap(junk)).not.toThrow()
    }
  })
})

describe.skipIf(!tcpdump)('tcpdump reads what we write', () => {
  const specs: PacketSpec[] = [
    { ipv4: { src: '10.0.0.1', dst: '10.0.0.2', id: 0x1234 }, udp: { sport: 1234, dport: 9999 }, payloadLength: 64 },
    { ipv4: { src: '10.0.0.1', dst: '10.0.0.2' }, tcp: { sport: 40000, dport: 80, seq: 1000, flags: 'S', options: new Uint8Array([2, 4, 5, 0xb4, 1, 3, 3, 7]) } },
    { ipv4: { src: '10.0.0.2', dst: '10.0.0.1' }, tcp: { sport: 80, dport: 40000, seq: 5000, ack: 1001, flags: 'S.' } },
    { ipv4: { src: '10.0.0.1', dst: '10.0.0.2' }, tcp: { sport: 40000, dport: 80, seq: 1001, ack: 5001, flags: 'P.' }, payload: 'GET / HTTP/1.0\r\n\r\n' },
    { ipv4: { src: '10.0.0.1', dst: '10.0.0.2' }, icmp: { id: 7, seq: 1 }, payloadLength: 56 },
    { ipv4: { src: '10.0.0.2', dst: '10.0.0.1' }, icmp: { type: 'echo-reply', id: 7, seq: 1 }, payloadLength: 55 },
    { ipv6: { src: '2001:db8::1', dst: '2001:db8::2' }, udp: { sport: 1234, dport: 53 }, payload: buildDnsQuery({ id: 0xabcd, name: 'example.com', type: 'AAAA' }) },
    { ipv6: { src: '2001:db8::1', dst: '2001:db8::2' }, tcp: { sport: 1234, dport: 443, flags: 'S' } },
    { ipv6: { src: '2001:db8::1', dst: '2001:db8::2' }, icmp: { id: 3, seq: 9 }, payloadLength: 33 },
    { arp: { senderIp: '10.0.0.1', targetIp: '10.0.0.2' }, padToMinimum: true },
    { eth: { vlan: { id: 100, pcp: 3 } }, ipv4: { src: '10.0.0.1', dst: '10.0.0.2' }, udp: { sport: 1, dport: 2 }, payloadLength: 3 },
  ]

  it('with every checksum correct', () => {
    const file = writePcap(specs.map((spec, i) => ({ data: buildPacket(spec), tsSec: 1_700_000_000 + i, tsNsec: i * 1000 })))
    const out = tcpdumpRead(file, ['-nn', '-vv', '-tt', '-e'])
    expect(out).toBe(fixtureText('built.tcpdump.txt'))
    expect(out).not.toMatch(/bad|incorrect|truncated|\[\|/)
    // Every TCP, UDP and ICMPv6 checksum is reported good (tcpdump mentions ICMPv4 checksums only when bad).
    expect(out.match(/cksum 0x[0-9a-f]{4} \(correct\)|sum ok/g)?.length).toBe(8)
  })

  it.each(presetNames)('for traffic preset %s, at pcap times derived from the simulated clock', (preset) => {
    const packets = [...generateTraffic({ preset, count: 300, seed: 4, rate: 250 })]
    const file = writePcap(packets.map((p) => ({ data: p.bytes, ...pcapTime(p.timeNs, 1_700_000_000) })))
    const out = tcpdumpRead(file, ['-nn', '-vv', '-tt'])
    // No bad checksum, no truncated header, no protocol dissector running out of bytes ("[|ntp]").
    expect(out).not.toMatch(/bad|incorrect|truncated|\[\|/)
    const times = [...out.matchAll(/^(\d+\.\d{6}) /gm)].map((m) => m[1])
    expect(times.length).toBe(300)
    expect(times[0]).toBe('1700000000.000000')
    expect(times[1]).toBe('1700000000.004000')
    expect(times[299]).toBe('1700000001.196000')
  })

  it('and tcpdump agrees with parsePacket on addresses and ports', () => {
    const packets = [...generateTraffic({ preset: 'many-sources', count: 50, seed: 2 })]
    const out = tcpdumpRead(writePcap(packets.map((p) => ({ data: p.bytes }))), ['-nn', '-q']).trim().split('\n')
    expect(out.length).toBe(50)
    packets.forEach((p, i) => {
      const s = parsePacket(p.bytes)
      const sport = s.tcp?.sport ?? s.udp?.sport
      expect(out[i]).toContain(`${s.ipv4?.src}.${sport} > ${s.ipv4?.dst}.`)
    })
  })
})
