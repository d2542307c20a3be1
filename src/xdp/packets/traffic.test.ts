import { describe, expect, it } from 'vitest'
import { parsePacket, type PacketSummary } from './parse'
import { Rng, ZipfSampler } from './rng'
import { generateTraffic, isPresetName, presetNames, presets, resolveTrafficOptions, type TrafficOptions } from './traffic'

const collect = (options: TrafficOptions) => [...generateTraffic(options)]
const summaries = (options: TrafficOptions) => collect(options).map((p) => parsePacket(p.bytes))
const sourceOf = (s: PacketSummary) => s.ipv4?.src ?? s.ipv6?.src ?? s.arp?.senderIp

describe('traffic presets', () => {
  it('each has a one-line description and the names the CLI accepts', () => {
    expect(presetNames).toEqual(['mixed', 'udp-flood', 'many-sources', 'syn-flood', 'dns', 'ipv6-only', 'small', 'jumbo'])
    for (const name of presetNames) {
      expect(presets[name].description).toMatch(/^\S.{10,100}$/)
      expect(isPresetName(name)).toBe(true)
    }
    expect(isPresetName('toString')).toBe(false)
    expect(isPresetName('nope')).toBe(false)
  })

  it.each(presetNames)('%s: well-formed packets, all to us, every checksum correct', (preset) => {
    for (const s of summaries({ preset, count: 2000, seed: 11 })) {
      expect(s.problems, s.text).toEqual([])
      expect(s.length).toBeGreaterThanOrEqual(60)
      if (s.arp) expect(s.arp.targetIp).toBe('10.0.0.1')
      else expect([s.ipv4?.dst, s.ipv6?.dst]).toContain(s.ipv4 ? '10.0.0.1' : '2001:db8::1')
      expect(s.eth?.dst).toBe(s.arp ? 'ff:ff:ff:ff:ff:ff' : '02:00:00:00:00:01')
    }
  })

  it('mixed: TCP, UDP, ICMP, ARP, some IPv6, IMIX sizes', () => {
    const all = summaries({ preset: 'mixed', count: 5000, seed: 1 })
    const share = (pred: (s: PacketSummary) => boolean) => all.filter(pred).length / all.length
    expect(share((s) => !!s.tcp)).toBeGreaterThan(0.5)
    expect(share((s) => !!s.udp)).toBeGreaterThan(0.2)
    expect(share((s) => !!s.icmp)).toBeGreaterThan(0.04)
    expect(share((s) => !!s.arp)).toBeGreaterThan(0.005)
    expect(share((s) => !!s.ipv6)).toBeGreaterThan(0.1)
    expect(share((s) => !!s.ipv6)).toBeLessThan(0.2)
    expect(new Set(all.map((s) => s.length))).toContain(1514)
    expect(new Set(all.map(sourceOf)).size).toBeLessThanOrEqual(64 * 2)
  })

  it('udp-flood: minimum-size UDP to port 9999 from 8 hosts', () => {
    const all = summaries({ preset: 'udp-flood', count: 1000 })
    expect(all.every((s) => s.udp?.dport === 9999 && s.length === 60)).toBe(true)
    expect(new Set(all.map(sourceOf)).size).toBe(8)
  })

  it('many-sources: thousands of sources, Zipf heavy hitters', () => {
    const all = summaries({ preset: 'many-sources', count: 20_000, seed: 5 })
    const perSource = new Map<string, number>()
    for (const s of all) perSource.set(sourceOf(s)!, (perSource.get(sourceOf(s)!) ?? 0) + 1)
    const ranked = [...perSource.values()].sort((a, b) => b - a)
    expect(perSource.size).toBeGreaterThan(2000)
    expect(all.every((s) => s.ipv4 && (s.tcp || s.udp))).toBe(true)
    // Zipf(1.1) over 5000: the top source gets about 1/6.3 of the packets, the top 10 about half.
    expect(ranked[0] / all.length).toBeGreaterThan(0.12)
    expect(ranked[0] / all.length).toBeLessThan(0.2)
    expect(ranked.slice(0, 10).reduce((a, b) => a + b) / all.length).toBeGreaterThan(0.4)
    expect(ranked[ranked.length - 1]).toBeLessThanOrEqual(2) // and a long tail
  })

  it('syn-flood: bare SYNs to port 80 from (almost) never-repeating spoofed sources', () => {
    const all = summaries({ preset: 'syn-flood', count: 3000 })
    expect(all.every((s) => s.tcp?.flagText === 'S' && s.tcp.dport === 80 && s.tcp.headerLength === 20 && s.length === 60)).toBe(true)
    expect(new Set(all.map(sourceOf)).size).toBeGreaterThan(2990)
    expect(all.some((s) => s.ipv4!.src.startsWith('10.') || s.ipv4!.src.startsWith('127.'))).toBe(false)
  })

  it('dns: real queries to port 53', () => {
    const all = summaries({ preset: 'dns', count: 1000 })
    expect(all.every((s) => s.udp?.dport === 53 && s.dns && !s.dns.response)).toBe(true)
    const types = new Set(all.map((s) => s.dns!.typeName))
    expect(types).toContain('A')
    expect(types).toContain('AAAA')
    expect(all.some((s) => s.ipv6)).toBe(true)
  })

  it('ipv6-only, small and jumbo', () => {
    expect(summaries({ preset: 'ipv6-only', count: 500 }).every((s) => s.ipv6 && !s.ipv4 && !s.arp)).toBe(true)
    // Data packets at the chosen size (DNS, mDNS and NTP keep their natural size); a PSH segment still carries a byte.
    const small = summaries({ preset: 'small', count: 2000 })
    const sized = small.filter((s) => s.udp && ![53, 123, 5353].includes(s.udp.dport) && s.ipv4)
    expect(sized.length).toBeGreaterThan(100)
    expect(sized.every((s) => s.length === 60)).toBe(true)
    expect(Math.max(...small.map((s) => s.length))).toBeLessThan(120)
    expect(small.filter((s) => s.tcp?.flagText === 'P.').every((s) => s.tcp!.payloadLength >= 1)).toBe(true)
    const jumbo = summaries({ preset: 'jumbo', count: 500 })
    expect(Math.max(...jumbo.map((s) => s.length))).toBe(9014)
  })
})

describe('traffic options', () => {
  it('is deterministic per seed', () => {
    const a = collect({ preset: 'mixed', count: 500, seed: 42 })
    const b = collect({ preset: 'mixed', count: 500, seed: 42 })
    const c = collect({ preset: 'mixed', count: 500, seed: 43 })
    expect(a).toEqual(b)
    expect(a.map((p) => p.bytes)).not.toEqual(c.map((p) => p.bytes))
  })

  it('stamps constant-rate arrivals', () => {
    const times = collect({ count: 5, rate: 3 }).map((p) => p.timeNs)
    expect(times).toEqual([0, 333_333_333, 666_666_667, 1_000_000_000, 1_333_333_333])
  })

  it('stamps Poisson arrivals with the asked mean rate', () => {
    const packets = collect({ count: 20_000, rate: 10_000, arrival: 'poisson', seed: 3 })
    const last = packets[packets.length - 1].timeNs
    expect(last / 1e9).toBeGreaterThan(1.9)
    expect(last / 1e9).toBeLessThan(2.1)
    expect(packets.every((p, i) => i === 0 || p.timeNs >= packets[i - 1].timeNs)).toBe(true)
  })

  it('streams lazily: an endless generator gives packets on demand', () => {
    const it = generateTraffic({ count: Infinity })
    for (let i = 0; i < 3; i++) expect(it.next().value?.index).toBe(i)
  })

  it('honours mix, ipv6, sources, dport, vlan and sizes', () => {
    const all = summaries({ preset: 'mixed', count: 1000, mix: { udp: 1 }, ipv6: 0, sources: 3, zipf: 0, dport: 7000, vlan: 42, sizes: { uniform: [100, 200] } })
    expect(all.every((s) => s.udp?.dport === 7000 && s.eth?.vlans[0] === 42 && s.ipv4)).toBe(true)
    expect(all.every((s) => s.length >= 100 && s.length <= 200)).toBe(true)
    expect(new Set(all.map(sourceOf)).size).toBe(3)
    const weighted = summaries({ preset: 'udp-flood', count: 1000, sizes: { weighted: [[64, 1], [1000, 3]] } })
    const big = weighted.filter((s) => s.length === 1000).length
    expect(big).toBeGreaterThan(650)
    expect(big).toBeLessThan(850)
    expect(summaries({ preset: 'udp-flood', count: 10, padToMinimum: false, sizes: 0 }).every((s) => s.length === 42)).toBe(true)
  })

  it('rejects impossible options before the first packet', () => {
    expect(() => generateTraffic({ preset: 'nope' as never })).toThrow(/unknown traffic preset "nope"/)
    expect(() => generateTraffic({ rate: 0 })).toThrow(/rate/)
    expect(() => generateTraffic({ count: -1 })).toThrow(/count/)
    expect(() => generateTraffic({ ipv6: 2 })).toThrow(/ipv6/)
    expect(() => generateTraffic({ sources: 2_000_000 })).toThrow(/sources/)
    expect(() => generateTraffic({ mix: { tcp: 0 } })).toThrow(/mix/)
    expect(() => generateTraffic({ sizes: { uniform: [300, 200] } })).toThrow(/empty/)
    expect(() => generateTraffic({ sizes: 'huge' as never })).toThrow(/size distribution/)
    expect(() => generateTraffic({ vlan: 5000 })).toThrow(/vlan/)
  })

  it('resolves a preset to the settings it runs with', () => {
    expect(resolveTrafficOptions({ preset: 'many-sources' })).toMatchObject({ sources: 5000, zipf: 1.1, ipv6: 0, sizes: 'imix', count: 1000, rate: 1000 })
    expect(resolveTrafficOptions({ preset: 'udp-flood', dport: 53 }).dport).toBe(53)
  })
})

describe('seeded randomness', () => {
  it('sfc32 is reproducible and roughly uniform', () => {
    const a = new Rng(7)
    const b = new Rng(7)
    const xs = Array.from({ length: 10_000 }, () => a.float())
    expect(xs).toEqual(Array.from({ length: 10_000 }, () => b.float()))
    const mean = xs.reduce((s, x) => s + x) / xs.length
    expect(mean).toBeGreaterThan(0.49)
    expect(mean).toBeLessThan(0.51)
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...xs)).toBeLessThan(1)
  })

  it('Zipf ranks follow 1/k^s', () => {
    const zipf = new ZipfSampler(100, 1)
    const rng = new Rng(1)
    const counts = new Array<number>(100).fill(0)
    for (let i = 0; i < 100_000; i++) counts[zipf.sample(rng)]++
    expect(counts[0] / counts[1]).toBeGreaterThan(1.8)
    expect(counts[0] / counts[1]).toBeLessThan(2.2)
    expect(counts[0] / 100_000).toBeCloseTo(zipf.probability(0), 2)
    const uniform = new ZipfSampler(4, 0)
    expect([0, 1, 2, 3].map((k) => uniform.probability(k))).toEqual([0.25, 0.25, 0.25, 0.25])
  })
})
