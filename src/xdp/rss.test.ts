/**
 * RSS: the Toeplitz hash against the Microsoft RSS specification's verification vectors, and
 * the queue choice: one flow always on one queue, non-IP frames on queue 0, flows spread.
 */
import { describe, expect, it } from 'vitest'
import { buildPacket, generateTraffic } from './packets'
import { rxQueue, toeplitz, toeplitzBits } from './rss'

describe('Toeplitz hash', () => {
  it('matches the RSS specification vectors (IPv4 with and without ports)', () => {
    // 66.9.149.187:2794 -> 161.142.100.80:1766
    const tuple = Uint8Array.from([66, 9, 149, 187, 161, 142, 100, 80, 0x0a, 0xea, 0x06, 0xe6])
    expect(toeplitz(tuple).toString(16)).toBe('51ccc178')
    expect(toeplitz(tuple, 8).toString(16)).toBe('323e8fc2')
    // 199.92.111.2:14230 -> 65.69.140.83:4739
    const t2 = Uint8Array.from([199, 92, 111, 2, 65, 69, 140, 83, 0x37, 0x96, 0x12, 0x83])
    expect(toeplitz(t2).toString(16)).toBe('c626b0ea')
    expect(toeplitz(t2, 8).toString(16)).toBe('d718262a')
  })

  it('the table-driven hash equals the bit-by-bit definition', () => {
    const input = Uint8Array.from({ length: 36 }, (_, i) => (i * 37 + 11) & 255)
    for (const len of [8, 12, 32, 36]) expect(toeplitz(input, len)).toBe(toeplitzBits(input, len))
  })
})

describe('rxQueue', () => {
  it('keeps a flow on one queue and spreads flows over all queues', () => {
    const frames = [...generateTraffic({ preset: 'mixed', count: 4000, seed: 3 })].map((p) => p.bytes)
    const counts = [0, 0, 0, 0]
    for (const f of frames) counts[rxQueue(f, 4)]++
    for (const c of counts) expect(c).toBeGreaterThan(500)
    const udp = (sport: number) => buildPacket({ ipv4: { src: '10.1.2.3', dst: '10.0.0.1' }, udp: { sport, dport: 53 } })
    expect(rxQueue(udp(1000), 4)).toBe(rxQueue(udp(1000), 4))
    expect(new Set(Array.from({ length: 64 }, (_, i) => rxQueue(udp(1000 + i), 4))).size).toBe(4)
  })

  it('picks entry hash % 128 of an indirection table spread over the queues, hash by the bit-by-bit definition', () => {
    let seed = 9
    const rnd = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n
    const v4 = () => Array.from({ length: 4 }, () => rnd(256))
    const v6 = () => Array.from({ length: 16 }, () => rnd(256))
    const v6text = (b: number[]) => Array.from({ length: 8 }, (_, i) => ((b[2 * i] << 8) | b[2 * i + 1]).toString(16)).join(':')
    for (let i = 0; i < 400; i++) {
      const ipv6 = i % 4 === 3
      const src = ipv6 ? v6() : v4()
      const dst = ipv6 ? v6() : v4()
      const [sport, dport] = [rnd(65536), rnd(65536)]
      const l4 = i % 3 === 0 ? { udp: { sport, dport } } : i % 3 === 1 ? { tcp: { sport, dport } } : { icmp: { type: 8 } }
      const ip = ipv6 ? { ipv6: { src: v6text(src), dst: v6text(dst) } } : { ipv4: { src: src.join('.'), dst: dst.join('.') } }
      const eth = i % 5 === 0 ? { eth: { vlan: { id: rnd(4096) } } } : {}
      const frame = buildPacket({ ...eth, ...ip, ...l4 } as Parameters<typeof buildPacket>[0])
      const ports = 'icmp' in l4 ? [] : [sport >> 8, sport & 255, dport >> 8, dport & 255]
      const tuple = Uint8Array.from([...src, ...dst, ...ports])
      for (const queues of [2, 3, 4, 8]) expect(rxQueue(frame, queues), `frame ${i}`).toBe((toeplitzBits(tuple) % 128) % queues)
    }
  })

  it('sends frames without IP to queue 0, and everything to queue 0 with one queue', () => {
    const arp = buildPacket({ arp: { senderIp: '10.0.0.2', targetIp: '10.0.0.1' } })
    expect(rxQueue(arp, 4)).toBe(0)
    const tcp = buildPacket({ ipv4: { src: '10.1.2.3', dst: '10.0.0.1' }, tcp: { sport: 1, dport: 80 } })
    expect(rxQueue(tcp, 1)).toBe(0)
  })
})

