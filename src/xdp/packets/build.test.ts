import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildPacket, FrameSlab, headerLength, parsePacket, parseTcpFlags, TCP_ACK, TCP_FIN, TCP_PSH, TCP_SYN } from './build'
import { internetChecksum } from './checksum'
import { buildDnsQuery, readDnsQuestion } from './dns'
import { readPcap } from './pcap'

/** Frames the Linux kernel sent on loopback, captured by tcpdump (see fixtures/*.tcpdump.txt). */
function fixture(name: string): Uint8Array[] {
  const result = readPcap(new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url))))
  if (!result.ok) throw new Error(result.error)
  return result.packets.map((p) => p.data)
}
const lo = { src: '00:00:00:00:00:00', dst: '00:00:00:00:00:00' }
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

describe('buildPacket reproduces frames the kernel sent, byte for byte', () => {
  const [echo, reply, echo6, reply6] = fixture('lo-ping.pcap')

  it('ICMP echo request and reply (IPv4, DF and no DF)', () => {
    const request = buildPacket({ eth: lo, ipv4: { src: '127.0.0.1', dst: '127.0.0.1', id: 60799 }, icmp: { id: 27444, seq: 1 }, payload: echo.subarray(42) })
    expect(hex(request)).toBe(hex(echo))
    const answer = buildPacket({
      eth: lo,
      ipv4: { src: '127.0.0.1', dst: '127.0.0.1', id: 60800, dontFragment: false },
      icmp: { type: 'echo-reply', id: 27444, seq: 1 },
      payload: reply.subarray(42),
    })
    expect(hex(answer)).toBe(hex(reply))
  })

  it('ICMPv6 echo request and reply (pseudo-header checksum, flow label)', () => {
    const request = buildPacket({ eth: lo, ipv6: { src: '::1', dst: '::1', flowLabel: 0x842ce }, icmp: { id: 27449, seq: 1 }, payload: echo6.subarray(62) })
    expect(hex(request)).toBe(hex(echo6))
    const answer = buildPacket({ eth: lo, ipv6: { src: '::1', dst: '::1', flowLabel: 0xb23cd }, icmp: { type: 'echo-reply', id: 27449, seq: 1 }, payload: reply6.subarray(62) })
    expect(hex(answer)).toBe(hex(reply6))
  })

  // Loopback offloads TCP/UDP checksums: the captured field holds only the pseudo-header sum, and
  // tcpdump prints the correct value next to it. Ours must equal tcpdump's; everything else must match.
  const [udp4, udp6, syn, synAck, ack] = fixture('lo-udp-tcp.pcap')
  const sameButChecksum = (built: Uint8Array, captured: Uint8Array, at: number, tcpdumpSays: number) => {
    expect(built.length).toBe(captured.length)
    expect((built[at] << 8) | built[at + 1]).toBe(tcpdumpSays)
    const a = built.slice()
    a[at] = captured[at]
    a[at + 1] = captured[at + 1]
    expect(hex(a)).toBe(hex(captured))
  }

  it('UDP over IPv4 and IPv6', () => {
    const v4 = buildPacket({ eth: lo, ipv4: { src: '127.0.0.1', dst: '127.0.0.1', id: 17779 }, udp: { sport: 33659, dport: 40053 }, payload: 'hello' })
    sameButChecksum(v4, udp4, 40, 0x9e0e) // "bad udp cksum 0xfe20 -> 0x9e0e!"
    const v6 = buildPacket({ eth: lo, ipv6: { src: '::1', dst: '::1', flowLabel: 0x8556f }, udp: { sport: 50077, dport: 40053 }, payload: 'hi6' })
    sameButChecksum(v6, udp6, 60, 0x015a) // "bad udp cksum 0x001e -> 0x015a!"
  })

  it('a TCP handshake with options', () => {
    const options = (frame: Uint8Array) => frame.subarray(54, 34 + ((frame[46] >> 4) * 4))
    const s = buildPacket({ eth: lo, ipv4: { src: '127.0.0.1', dst: '127.0.0.1', id: 45974 }, tcp: { sport: 51662, dport: 40080, seq: 4222457875, flags: 'S', window: 65495, options: options(syn) } })
    sameButChecksum(s, syn, 50, 0x2764)
    const sa = buildPacket({
      eth: lo,
      ipv4: { src: '127.0.0.1', dst: '127.0.0.1', id: 0 },
      tcp: { sport: 40080, dport: 51662, seq: 1472881, ack: 4222457876, flags: 'S.', window: 65483, options: options(synAck) },
    })
    sameButChecksum(sa, synAck, 50, 0xbc85)
    const a = buildPacket({
      eth: lo,
      ipv4: { src: '127.0.0.1', dst: '127.0.0.1', id: 45975 },
      tcp: { sport: 51662, dport: 40080, seq: 4222457876, ack: 1472882, flags: '.', window: 64, options: options(ack) },
    })
    sameButChecksum(a, ack, 50, 0xe504)
  })
})

describe('frames cut from a slab', () => {
  it('are the same bytes as frames of their own, each in its own zeroed bytes', () => {
    const slab = new FrameSlab()
    const specs = Array.from({ length: 400 }, (_, i) => ({ ipv4: { src: i, dst: 7 }, udp: { sport: i, dport: 53 }, payloadLength: (i * 37) % 1500, padToMinimum: true }))
    const cut = specs.map((s) => buildPacket(s, slab))
    cut.forEach((f, i) => expect(hex(f)).toBe(hex(buildPacket(specs[i]))))
    // no two frames share a byte: scribbling over one leaves the next as built
    const before = hex(cut[1])
    cut[0].fill(0xff)
    expect(hex(cut[1])).toBe(before)
    expect(new Set(cut.map((f) => f.buffer)).size).toBeGreaterThan(1) // several slabs were used
  })
})

describe('buildPacket layout', () => {
  it('the example from the docs: UDP with a 64-byte payload', () => {
    const p = buildPacket({ eth: { src: '02:00:00:00:00:0a', dst: '02:00:00:00:00:0b' }, ipv4: { src: '10.0.0.1', dst: '10.0.0.2' }, udp: { sport: 1234, dport: 53 }, payloadLength: 64 })
    expect(p.length).toBe(14 + 20 + 8 + 64)
    expect(hex(p.subarray(0, 14))).toBe('02000000000b02000000000a0800')
    // version/IHL, tos, total length 92, id 0, DF, TTL 64, UDP, (checksum), addresses
    expect(hex(p.subarray(14, 24))).toBe('4500005c000040004011')
    expect(hex(p.subarray(26, 34))).toBe('0a0000010a000002')
    expect(internetChecksum(p, 14, 34)).toBe(0)
    expect((p[38] << 8) | p[39]).toBe(72) // UDP length
    expect([...p.subarray(42, 46)]).toEqual([0, 1, 2, 3]) // the payload pattern
    expect(parsePacket(p).text).toBe('10.0.0.1:1234 → 10.0.0.2:53 UDP len 64')
  })

  it('802.1Q tags, single and stacked', () => {
    const one = buildPacket({ eth: { vlan: { id: 100, pcp: 5, dei: true } }, ipv4: { src: '10.0.0.1', dst: '10.0.0.2' }, icmp: {} })
    expect(hex(one.subarray(12, 18))).toBe('8100b0640800')
    const two = buildPacket({ eth: { vlan: [{ id: 10, tpid: 0x88a8 }, { id: 20 }] }, ipv6: { src: '::1', dst: '::2' }, udp: { sport: 1, dport: 2 } })
    expect(hex(two.subarray(12, 22))).toBe('88a8000a8100001486dd')
    expect(parsePacket(two).text).toBe('vlan 10.20: [::1]:1 → [::2]:2 UDP len 0')
    expect(parsePacket(two).problems).toEqual([])
  })

  it('ARP request and reply', () => {
    const req = buildPacket({ eth: { src: '02:00:00:00:00:02' }, arp: { senderIp: '10.0.0.2', targetIp: '10.0.0.1' } })
    expect(req.length).toBe(42)
    expect(hex(req)).toBe('ffffffffffff0200000000020806' + '0001080006040001' + '020000000002' + '0a000002' + '000000000000' + '0a000001')
    const rep = buildPacket({ eth: { src: '02:00:00:00:00:01', dst: '02:00:00:00:00:02' }, arp: { op: 'reply', senderIp: '10.0.0.1', targetIp: '10.0.0.2' } })
    expect(hex(rep.subarray(20, 42))).toBe('0002' + '020000000001' + '0a000001' + '020000000002' + '0a000002')
  })

  it('pads short frames to 60 bytes only when asked, leaving IP lengths alone', () => {
    const spec = { ipv4: { src: '10.0.0.1', dst: '10.0.0.2' }, udp: { sport: 1, dport: 2 } } as const
    expect(buildPacket(spec).length).toBe(42)
    const padded = buildPacket({ ...spec, padToMinimum: true })
    expect(padded.length).toBe(60)
    expect(padded.subarray(42).every((b) => b === 0)).toBe(true)
    expect((padded[16] << 8) | padded[17]).toBe(28)
    expect(parsePacket(padded).udp?.checksumOk).toBe(true)
  })

  it('frameLength sizes the whole frame, never below the headers', () => {
    const spec = { ipv6: { src: '2001:db8::1', dst: '2001:db8::2' }, tcp: { sport: 1, dport: 2, flags: 'P.' } }
    expect(headerLength(spec)).toBe(74)
    expect(buildPacket({ ...spec, frameLength: 1514 }).length).toBe(1514)
    expect(buildPacket({ ...spec, frameLength: 10 }).length).toBe(74)
    expect(buildPacket({ ...spec, payload: 'abcdef', payloadLength: 3 }).subarray(74)).toEqual(new TextEncoder().encode('abc'))
  })

  it('TCP flags in tcpdump letters, options padded to 4 bytes', () => {
    expect(parseTcpFlags('S')).toBe(TCP_SYN)
    expect(parseTcpFlags('FP.')).toBe(TCP_FIN | TCP_PSH | TCP_ACK)
    expect(() => parseTcpFlags('X')).toThrow(/flag letter/)
    const p = buildPacket({ ipv4: { src: '10.0.0.1', dst: '10.0.0.2' }, tcp: { sport: 1, dport: 2, options: new Uint8Array([2, 4, 5, 0xb4, 1]) } })
    expect(p[46] >> 4).toBe(7) // 20 + 8 bytes of options
    expect([...p.subarray(54, 62)]).toEqual([2, 4, 5, 0xb4, 1, 0, 0, 0])
    expect(parsePacket(p).tcp?.checksumOk).toBe(true)
  })

  it('writes 0xffff for a UDP checksum that computes to 0, and 0 when told not to checksum', () => {
    // Search a payload byte that makes the computed checksum 0 (RFC 768: transmit as all ones).
    let hit: Uint8Array | undefined
    for (let v = 0; v < 0x10000 && !hit; v++) {
      const p = buildPacket({ ipv4: { src: '10.0.0.1', dst: '10.0.0.2' }, udp: { sport: 1, dport: 2 }, payload: new Uint8Array([v >> 8, v & 255]) })
      if (p[40] === 0xff && p[41] === 0xff) hit = p
    }
    expect(hit).toBeDefined()
    expect(parsePacket(hit!).udp?.checksumOk).toBe(true)
    const none = buildPacket({ ipv4: { src: '10.0.0.1', dst: '10.0.0.2' }, udp: { sport: 1, dport: 2, noChecksum: true } })
    expect((none[40] << 8) | none[41]).toBe(0)
    expect(() => buildPacket({ ipv6: { src: '::1', dst: '::2' }, udp: { sport: 1, dport: 2, noChecksum: true } })).toThrow(/IPv6/)
  })

  it('rejects descriptions that cannot be a packet', () => {
    const ip = { src: '10.0.0.1', dst: '10.0.0.2' }
    expect(() => buildPacket({ ipv4: ip, ipv6: { src: '::1', dst: '::2' } })).toThrow(TypeError)
    expect(() => buildPacket({ ipv4: ip, tcp: { sport: 1, dport: 2 }, udp: { sport: 1, dport: 2 } })).toThrow(TypeError)
    expect(() => buildPacket({ tcp: { sport: 1, dport: 2 } })).toThrow(/needs an ipv4 or ipv6/)
    expect(() => buildPacket({ ipv4: ip, udp: { sport: 70000, dport: 2 } })).toThrow(/UDP sport/)
    expect(() => buildPacket({ ipv4: ip, udp: { sport: 1, dport: 2 }, payloadLength: 70000 })).toThrow(/exceeds 65535/)
    expect(() => buildPacket({ ipv4: { src: '10.0.0.300', dst: '10.0.0.2' } })).toThrow(/IPv4 address/)
    expect(() => buildPacket({ eth: { vlan: { id: 4096 } } })).toThrow(/VLAN id/)
    expect(() => buildPacket({ ipv4: ip, tcp: { sport: 1, dport: 2, options: new Uint8Array(41) } })).toThrow(/40 bytes/)
  })
})

describe('DNS queries', () => {
  it('encodes the question as a resolver does, and reads it back', () => {
    const q = buildDnsQuery({ id: 0xabcd, name: 'www.example.com', type: 'AAAA' })
    expect(hex(q)).toBe('abcd01000001000000000000' + '03777777076578616d706c6503636f6d00' + '001c0001')
    expect(readDnsQuestion(q)).toEqual({ id: 0xabcd, response: false, name: 'www.example.com.', type: 28, typeName: 'AAAA' })
  })
  it('reads a compressed name and rejects pointer loops and truncation', () => {
    const q = buildDnsQuery({ id: 1, name: 'a.b' })
    expect(readDnsQuestion(q.subarray(0, q.length - 1))).toBeUndefined()
    const loop = q.slice()
    loop[12] = 0xc0
    loop[13] = 12 // points at itself
    expect(readDnsQuestion(loop)).toBeUndefined()
    expect(readDnsQuestion(new Uint8Array(5))).toBeUndefined()
  })
  it('refuses labels over 63 bytes and unknown types', () => {
    expect(() => buildDnsQuery({ id: 1, name: 'x'.repeat(64) + '.com' })).toThrow(/63/)
    expect(() => buildDnsQuery({ id: 1, name: 'a.com', type: 'NOPE' })).toThrow(/unknown DNS type/)
  })
})
