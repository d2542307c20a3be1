import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildPacket, type PacketSpec } from './build'
import { internetChecksum } from './checksum'
import { buildDnsQuery } from './dns'
import { parsePacket } from './parse'
import { readPcap } from './pcap'
import { Rng } from './rng'

function fixture(name: string): Uint8Array[] {
  const result = readPcap(new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url))))
  if (!result.ok) throw new Error(result.error)
  return result.packets.map((p) => p.data)
}

const v4 = { src: '10.0.0.1', dst: '10.0.0.2' }
const v6 = { src: '2001:db8::1', dst: '2001:db8::2' }
const samples: PacketSpec[] = [
  { ipv4: v4, udp: { sport: 1234, dport: 53 }, payload: buildDnsQuery({ id: 7, name: 'example.com' }) },
  { ipv4: v4, tcp: { sport: 40000, dport: 443, seq: 1, ack: 2, flags: 'P.' }, payloadLength: 100 },
  { ipv4: v4, icmp: { id: 1, seq: 2 }, payloadLength: 56 },
  { ipv6: v6, tcp: { sport: 1, dport: 2, flags: 'S' } },
  { ipv6: v6, icmp: { type: 'echo-reply', id: 3, seq: 4 }, payloadLength: 8 },
  { ipv6: v6, udp: { sport: 5, dport: 6 }, payloadLength: 1 },
  { eth: { vlan: { id: 7 } }, ipv4: v4, udp: { sport: 1, dport: 2 }, payloadLength: 3 },
  { arp: { senderIp: '10.0.0.2', targetIp: '10.0.0.1' } },
]

describe('parsePacket summaries', () => {
  it('reads what the kernel sent on loopback as tcpdump does', () => {
    const ping = fixture('lo-ping.pcap').map(parsePacket)
    expect(ping.map((s) => s.text)).toEqual([
      '127.0.0.1 → 127.0.0.1 ICMP echo request id 27444 seq 1 len 16',
      '127.0.0.1 → 127.0.0.1 ICMP echo reply id 27444 seq 1 len 16',
      '::1 → ::1 ICMPv6 echo request id 27449 seq 1 len 16',
      '::1 → ::1 ICMPv6 echo reply id 27449 seq 1 len 16',
    ])
    expect(ping[0].ipv4).toMatchObject({ ttl: 64, id: 60799, dontFragment: true, checksumOk: true, totalLength: 44 })
    expect(ping[1].ipv4?.dontFragment).toBe(false)
    expect(ping.every((s) => s.icmp?.checksumOk === true)).toBe(true)
  })

  it('flags the offloaded (partial) TCP/UDP checksums of loopback captures, as tcpdump does', () => {
    const [udp4, udp6, syn, synAck, ack] = fixture('lo-udp-tcp.pcap').map(parsePacket)
    expect(udp4.text).toBe('127.0.0.1:33659 → 127.0.0.1:40053 UDP len 5 [bad UDP checksum]')
    expect(udp6.text).toBe('[::1]:50077 → [::1]:40053 UDP len 3 [bad UDP checksum]')
    expect(syn.text).toBe('127.0.0.1:51662 → 127.0.0.1:40080 TCP [S] seq 4222457875 len 0 [bad TCP checksum]')
    expect(synAck.text).toBe('127.0.0.1:40080 → 127.0.0.1:51662 TCP [S.] seq 1472881 ack 4222457876 len 0 [bad TCP checksum]')
    expect(ack.tcp).toMatchObject({ flags: 0x10, headerLength: 32, window: 64, payloadLength: 0, checksumOk: false })
    expect(udp4.ipv4?.checksumOk).toBe(true)
  })

  it('summarises built packets without problems', () => {
    expect(samples.map((spec) => parsePacket(buildPacket(spec)).text)).toEqual([
      '10.0.0.1:1234 → 10.0.0.2:53 UDP len 29 DNS query A? example.com.',
      '10.0.0.1:40000 → 10.0.0.2:443 TCP [P.] seq 1 ack 2 len 100',
      '10.0.0.1 → 10.0.0.2 ICMP echo request id 1 seq 2 len 56',
      '[2001:db8::1]:1 → [2001:db8::2]:2 TCP [S] seq 0 len 0',
      '2001:db8::1 → 2001:db8::2 ICMPv6 echo reply id 3 seq 4 len 8',
      '[2001:db8::1]:5 → [2001:db8::2]:6 UDP len 1',
      'vlan 7: 10.0.0.1:1 → 10.0.0.2:2 UDP len 3',
      'ARP who-has 10.0.0.1 tell 10.0.0.2',
    ])
  })

  it('names non-IP frames, other IP protocols and fragments', () => {
    expect(parsePacket(buildPacket({ eth: { type: 0x88cc }, payloadLength: 46 })).text).toBe('02:00:00:00:00:02 → 02:00:00:00:00:01 ethertype 0x88cc len 60')
    expect(parsePacket(buildPacket({ ipv4: { ...v4, protocol: 47 }, payloadLength: 4 })).text).toBe('10.0.0.1 → 10.0.0.2 proto 47 len 4')
    const frag = buildPacket({ ipv4: v4, udp: { sport: 1, dport: 2 }, payloadLength: 16 })
    frag[20] = 0x00
    frag[21] = 0x03 // fragment offset 3 * 8
    frag[24] = frag[25] = 0
    const sum = internetChecksum(frag, 14, 34)
    frag[24] = sum >> 8
    frag[25] = sum & 255
    expect(parsePacket(frag).text).toBe('10.0.0.1 → 10.0.0.2 UDP fragment offset 24')
  })

  it('does not judge the checksum of a first fragment (it covers bytes still to come)', () => {
    const whole = buildPacket({ ipv4: { ...v4, dontFragment: false }, udp: { sport: 1, dport: 2 }, payloadLength: 100 })
    // Keep the first 24 bytes of the datagram, set "more fragments", fix the IP header.
    const first = whole.slice(0, 14 + 20 + 24)
    first[16] = 0
    first[17] = 44
    first[20] = 0x20
    first[24] = first[25] = 0
    const sum = internetChecksum(first, 14, 34)
    first[24] = sum >> 8
    first[25] = sum & 255
    const s = parsePacket(first)
    expect(s.problems).toEqual([])
    expect(s.ipv4?.moreFragments).toBe(true)
    expect(s.udp).toMatchObject({ length: 108, checksumOk: undefined })
  })

  it('walks IPv6 extension headers to the transport header', () => {
    const p = buildPacket({ ipv6: { ...v6, nextHeader: 0 }, payload: new Uint8Array([17, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 0, 8, 0, 0]) })
    const s = parsePacket(p)
    expect(s.udp).toMatchObject({ sport: 1, dport: 2, length: 8 })
    expect(s.text).toBe('[2001:db8::1]:1 → [2001:db8::2]:2 UDP len 0 [bad UDP checksum]')
  })

  it('notices a changed byte through the checksums', () => {
    const p = buildPacket(samples[1])
    p[70] ^= 1 // TCP payload
    expect(parsePacket(p).problems).toEqual(['bad TCP checksum'])
    p[70] ^= 1
    p[22] -= 1 // TTL
    expect(parsePacket(p).problems).toEqual(['bad IPv4 header checksum'])
  })
})

describe('parsePacket never throws', () => {
  it('on every truncation of every sample', () => {
    for (const spec of samples) {
      const full = buildPacket(spec)
      for (let n = 0; n < full.length; n++) {
        const s = parsePacket(full.subarray(0, n))
        expect(s.text.length).toBeGreaterThan(0)
        expect(s.length).toBe(n)
        // Cutting a well-formed frame always loses something the headers promised.
        expect(s.problems.length, `${n} bytes of ${parsePacket(full).text}: ${s.text}`).toBeGreaterThan(0)
      }
    }
  })

  it('on random bytes and random corruption', () => {
    const rng = new Rng(99)
    for (let round = 0; round < 5000; round++) {
      let bytes: Uint8Array
      if (round % 2) {
        bytes = new Uint8Array(rng.int(0, 200)).map(() => rng.u32() & 255)
        // Steer half of them into the IP parsers.
        if (bytes.length > 14 && rng.chance(0.7)) {
          const type = rng.weighted([[0x0800, 1], [0x86dd, 1], [0x8100, 1], [0x0806, 1]] as const)
          bytes[12] = type >> 8
          bytes[13] = type & 255
        }
      } else {
        bytes = buildPacket(samples[round % samples.length]).slice()
        for (let k = rng.int(1, 4); k > 0; k--) bytes[rng.int(0, bytes.length - 1)] = rng.u32() & 255
      }
      const s = parsePacket(bytes)
      expect(typeof s.text).toBe('string')
      expect(s.problems.some((p) => p.startsWith('parser error'))).toBe(false)
    }
  })
})
