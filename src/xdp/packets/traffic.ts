/**
 * Deterministic, seeded traffic for the XDP simulation: pick a preset a learner recognises
 * ("mixed", "syn-flood", "many-sources", ...), optionally adjust it, and iterate. Packets come
 * one at a time, each with a simulated arrival time for the chosen rate, so a million-packet run
 * never builds a million-element array and a pcap written from it has realistic timestamps.
 *
 *   for (const p of generateTraffic({ preset: 'many-sources', count: 10_000, seed: 7, rate: 50_000 })) ring.push(p.bytes)
 *
 * Traffic is addressed to one host, "us" (10.0.0.1 / 2001:db8::1, MAC 02:00:00:00:00:01), from a
 * pool of source hosts in 10.0.0.0/8 and 2001:db8::/32, each with its own IPv4 and IPv6 address
 * and a stable TTL (initial 64/128/255 minus a few hops, as a receiver sees it). Source popularity
 * follows a Zipf law, so a per-source-IP HASH map shows heavy hitters and a long tail.
 * Frames are padded to 60 bytes as a NIC delivers them (padToMinimum), and `sizes` sets the frame
 * length of packets that carry data (TCP PSH segments, UDP, ICMP); SYNs, bare ACKs, FINs, RSTs,
 * ARP, DNS and mDNS queries and NTP requests have their natural size (well-known ports carry
 * their real protocol, so a parser, or tcpdump on a written pcap, sees sense).
 */
import { parseIpv4, parseIpv6, parseMac } from './addr'
import { buildPacket, FrameSlab, ETH_HLEN, IPV4_HLEN, IPV6_HLEN, type PacketSpec, TCP_HLEN, type TcpSpec, VLAN_HLEN } from './build'
import { buildDnsQuery } from './dns'
import { Rng, ZipfSampler } from './rng'

export type PresetName = 'mixed' | 'udp-flood' | 'many-sources' | 'syn-flood' | 'dns' | 'ipv6-only' | 'small' | 'jumbo'

export interface PresetInfo {
  /** One line for menus and `--traffic` help. */
  description: string
}

export const presets: Readonly<Record<PresetName, PresetInfo>> = {
  mixed: { description: 'everyday traffic: TCP, UDP, ICMP and some ARP, 15% IPv6, from 64 hosts, IMIX sizes' },
  'udp-flood': { description: 'UDP flood: minimum-size datagrams from 8 hosts, all to port 9999' },
  'many-sources': { description: '5000 IPv4 sources with Zipf popularity: a few heavy hitters and a long tail' },
  'syn-flood': { description: 'SYN flood: TCP SYNs to port 80 from random spoofed IPv4 sources' },
  dns: { description: 'DNS queries (UDP to port 53) for a handful of names, A and AAAA records' },
  'ipv6-only': { description: 'everyday TCP, UDP and ICMPv6 traffic, all IPv6' },
  small: { description: 'like mixed, with every data packet a minimum 60-byte frame' },
  jumbo: { description: 'like mixed, with data packets in 9014-byte jumbo frames (ring slots must hold them)' },
}

export const presetNames = Object.keys(presets) as PresetName[]

export function isPresetName(name: string): name is PresetName {
  return Object.prototype.hasOwnProperty.call(presets, name)
}

/** Frame lengths (bytes, without FCS): a name, one length, a range or a weighted list. */
export type SizeDistribution =
  | 'imix' // 60 / 590 / 1514 bytes in 7:4:1, the classic "simple IMIX"
  | 'small' // 60
  | 'large' // 1514
  | 'jumbo' // 9014
  | number
  | { uniform: [min: number, max: number] }
  | { weighted: [size: number, weight: number][] }

/** Relative weights of transport protocols (ARP is IPv4-only and has no transport). */
export interface ProtocolMix {
  tcp?: number
  udp?: number
  icmp?: number
  arp?: number
}

export interface TrafficOptions {
  preset?: PresetName
  /** Number of packets (default 1000); Infinity for an endless stream. */
  count?: number
  /** Default 1. */
  seed?: number
  /** Packets per second of simulated time (default 1000). */
  rate?: number
  /** 'constant' spacing (default) or 'poisson' arrivals with the same mean rate. */
  arrival?: 'constant' | 'poisson'
  sizes?: SizeDistribution
  mix?: ProtocolMix
  /** Fraction of IP packets that are IPv6, 0..1. */
  ipv6?: number
  /** Distinct source hosts; 0 means a fresh random (spoofed) address per packet. */
  sources?: number
  /** Zipf exponent of source popularity; 0 is uniform. */
  zipf?: number
  /** Send every TCP/UDP packet to this port. */
  dport?: number
  /** Tag every frame with this 802.1Q VLAN id. */
  vlan?: number
  /** Pad frames shorter than 60 bytes as a NIC does (default true). */
  padToMinimum?: boolean
}

export interface ResolvedTrafficOptions {
  preset: PresetName
  count: number
  seed: number
  rate: number
  arrival: 'constant' | 'poisson'
  sizes: SizeDistribution
  mix: Required<ProtocolMix>
  ipv6: number
  sources: number
  zipf: number
  dport: number | undefined
  vlan: number | undefined
  padToMinimum: boolean
}

export interface TrafficPacket {
  /** 0-based position in the stream. */
  index: number
  /** Simulated arrival time in ns since the start of the stream. */
  timeNs: number
  bytes: Uint8Array
}

type PresetDefaults = Pick<ResolvedTrafficOptions, 'sizes' | 'mix' | 'ipv6' | 'sources' | 'zipf' | 'dport'>

const EVERYDAY_MIX = { tcp: 60, udp: 30, icmp: 8, arp: 2 }
const MIXED: PresetDefaults = { sizes: 'imix', mix: EVERYDAY_MIX, ipv6: 0.15, sources: 64, zipf: 1, dport: undefined }

const PRESET_DEFAULTS: Record<PresetName, PresetDefaults> = {
  mixed: MIXED,
  small: { ...MIXED, sizes: 'small' },
  jumbo: { ...MIXED, sizes: 'jumbo' },
  'ipv6-only': { ...MIXED, mix: { tcp: 60, udp: 30, icmp: 10, arp: 0 }, ipv6: 1 },
  'many-sources': { ...MIXED, mix: { tcp: 70, udp: 30, icmp: 0, arp: 0 }, ipv6: 0, sources: 5000, zipf: 1.1 },
  'udp-flood': { sizes: 'small', mix: { tcp: 0, udp: 1, icmp: 0, arp: 0 }, ipv6: 0, sources: 8, zipf: 0, dport: 9999 },
  'syn-flood': { sizes: 'small', mix: { tcp: 1, udp: 0, icmp: 0, arp: 0 }, ipv6: 0, sources: 0, zipf: 0, dport: 80 },
  dns: { sizes: 'small', mix: { tcp: 0, udp: 1, icmp: 0, arp: 0 }, ipv6: 0.1, sources: 200, zipf: 1, dport: 53 },
}

/** The host the traffic is sent to. */
export const TARGET_IPV4 = '10.0.0.1'
export const TARGET_IPV6 = '2001:db8::1'
export const TARGET_MAC = '02:00:00:00:00:01'
/** The router every IP packet arrives through (its MAC is the Ethernet source). */
export const GATEWAY_MAC = '02:00:00:00:00:fe'
const MAX_SOURCES = 1_000_000
// Parsed once: the generator builds hundreds of thousands of frames a second.
const TARGET_IPV4_U32 = parseIpv4(TARGET_IPV4)
const TARGET_IPV6_BYTES = parseIpv6(TARGET_IPV6)
const TARGET_MAC_BYTES = parseMac(TARGET_MAC)
const GATEWAY_MAC_BYTES = parseMac(GATEWAY_MAC)

/** Options with the preset's defaults filled in; throws RangeError on an impossible option. */
export function resolveTrafficOptions(options: TrafficOptions = {}): ResolvedTrafficOptions {
  const preset = options.preset ?? 'mixed'
  if (!isPresetName(preset)) throw new RangeError(`unknown traffic preset "${preset}" (one of ${presetNames.join(', ')})`)
  const d = PRESET_DEFAULTS[preset]
  const r: ResolvedTrafficOptions = {
    preset,
    count: options.count ?? 1000,
    seed: options.seed ?? 1,
    rate: options.rate ?? 1000,
    arrival: options.arrival ?? 'constant',
    sizes: options.sizes ?? d.sizes,
    mix: { tcp: 0, udp: 0, icmp: 0, arp: 0, ...(options.mix ?? d.mix) },
    ipv6: options.ipv6 ?? d.ipv6,
    sources: options.sources ?? d.sources,
    zipf: options.zipf ?? d.zipf,
    dport: options.dport ?? d.dport,
    vlan: options.vlan,
    padToMinimum: options.padToMinimum ?? true,
  }
  if (!(r.count === Infinity || (Number.isInteger(r.count) && r.count >= 0))) throw new RangeError(`count must be a whole number >= 0, got ${r.count}`)
  if (!Number.isFinite(r.seed)) throw new RangeError(`seed must be a number, got ${r.seed}`)
  if (!(r.rate > 0 && Number.isFinite(r.rate))) throw new RangeError(`rate must be > 0 packets per second, got ${r.rate}`)
  if (r.arrival !== 'constant' && r.arrival !== 'poisson') throw new RangeError(`arrival must be 'constant' or 'poisson', got ${r.arrival}`)
  if (!(r.ipv6 >= 0 && r.ipv6 <= 1)) throw new RangeError(`ipv6 is a fraction in 0..1, got ${r.ipv6}`)
  if (!(Number.isInteger(r.sources) && r.sources >= 0 && r.sources <= MAX_SOURCES)) throw new RangeError(`sources must be a whole number in 0..${MAX_SOURCES}, got ${r.sources}`)
  if (!(r.zipf >= 0 && Number.isFinite(r.zipf))) throw new RangeError(`zipf exponent must be >= 0, got ${r.zipf}`)
  if (r.dport !== undefined && !(Number.isInteger(r.dport) && r.dport >= 0 && r.dport <= 0xffff)) throw new RangeError(`dport ${r.dport} is not a port`)
  if (r.vlan !== undefined && !(Number.isInteger(r.vlan) && r.vlan >= 0 && r.vlan <= 4095)) throw new RangeError(`vlan ${r.vlan} is not in 0..4095`)
  const weights = Object.values(r.mix)
  if (weights.some((w) => !(w >= 0 && Number.isFinite(w))) || !weights.some((w) => w > 0)) throw new RangeError('mix needs weights >= 0, at least one > 0')
  sizeSampler(r.sizes) // validates
  return r
}

/** The packets of a traffic stream, one at a time. Options are checked here, before the first packet. */
export function generateTraffic(options: TrafficOptions = {}): IterableIterator<TrafficPacket> {
  const opts = resolveTrafficOptions(options)
  return stream(opts)
}

function* stream(opts: ResolvedTrafficOptions): Generator<TrafficPacket, void, undefined> {
  const rng = new Rng(opts.seed)
  const ctx: Context = {
    rng,
    opts,
    hosts: makeHosts(rng, opts.sources),
    popularity: opts.sources > 0 ? new ZipfSampler(opts.sources, opts.zipf) : undefined,
    frameSize: sizeSampler(opts.sizes),
  }
  const maker = opts.preset === 'syn-flood' ? synFloodPacket : opts.preset === 'dns' ? dnsPacket : everydayPacket
  const gapNs = 1e9 / opts.rate
  const slab = new FrameSlab()
  let clock = 0
  for (let index = 0; index < opts.count; index++) {
    const spec = maker(ctx)
    if (opts.vlan !== undefined) spec.eth = { ...spec.eth, vlan: { id: opts.vlan } }
    const timeNs = opts.arrival === 'constant' ? Math.round(index * gapNs) : Math.round(clock)
    if (opts.arrival === 'poisson') clock += rng.exponential(gapNs)
    yield { index, timeNs, bytes: buildPacket(spec, slab) }
  }
}

interface Host {
  ipv4: number
  ipv6: Uint8Array
  ttl: number
  icmpId: number
  icmpSeq: number
}

interface Context {
  rng: Rng
  opts: ResolvedTrafficOptions
  hosts: Host[]
  popularity: ZipfSampler | undefined
  frameSize: (rng: Rng) => number
}

/** Distinct hosts in 10.0.0.0/8 (never .0, .255 or the target), ordered by popularity rank. */
function makeHosts(rng: Rng, n: number): Host[] {
  const taken = new Set<number>([0x0a000001])
  const hosts: Host[] = []
  while (hosts.length < n) {
    const ipv4 = (0x0a000000 | (rng.u32() & 0x00ffffff)) >>> 0
    const last = ipv4 & 0xff
    if (last === 0 || last === 255 || taken.has(ipv4)) continue
    taken.add(ipv4)
    hosts.push(randomHost(rng, ipv4))
  }
  return hosts
}

function randomHost(rng: Rng, ipv4: number): Host {
  // 10.b.c.d also has 2001:db8:b:c::d, its octets written as hex digits so they read the same
  // ("10.37.163.95" -> "2001:db8:37:163::95").
  const ipv6 = new Uint8Array(16)
  ipv6.set([0x20, 0x01, 0x0d, 0xb8])
  const asHexDigits = (octet: number) => parseInt(String(octet), 16)
  const groups = [asHexDigits((ipv4 >>> 16) & 255), asHexDigits((ipv4 >>> 8) & 255), 0, 0, 0, asHexDigits(ipv4 & 255)]
  groups.forEach((g, i) => {
    ipv6[4 + 2 * i] = g >> 8
    ipv6[5 + 2 * i] = g & 255
  })
  const initialTtl = rng.weighted([
    [64, 70],
    [128, 25],
    [255, 5],
  ] as const)
  return {
    ipv4,
    ipv6,
    ttl: initialTtl - rng.int(1, 20),
    icmpId: rng.int(1, 0xffff),
    icmpSeq: 0,
  }
}

function pickHost(ctx: Context): Host {
  if (ctx.popularity) return ctx.hosts[ctx.popularity.sample(ctx.rng)]
  // No pool: a spoofed address anywhere in 1.0.0.0-223.255.255.255 except 10/8 and 127/8.
  for (;;) {
    const ipv4 = ctx.rng.u32()
    const first = ipv4 >>> 24
    if (first === 0 || first === 10 || first === 127 || first >= 224) continue
    const ipv6 = new Uint8Array(16)
    ipv6.set([0x20, 0x01, 0x0d, 0xb8])
    for (let i = 4; i < 16; i += 4) {
      const r = ctx.rng.u32()
      ipv6[i] = r >>> 24
      ipv6[i + 1] = (r >>> 16) & 255
      ipv6[i + 2] = (r >>> 8) & 255
      ipv6[i + 3] = r & 255
    }
    // Flood tools pick TTLs freely; keep them in a plausible band.
    return { ipv4, ipv6, ttl: ctx.rng.int(30, 64), icmpId: 0, icmpSeq: 0 }
  }
}

/**
 * A packet with every PacketSpec field present, the ones not set undefined: one object shape
 * for every packet keeps buildPacket's property reads monomorphic (objects spread together in a
 * dozen shapes made each read a slow lookup, and most of the generator's time).
 */
function blankSpec(ctx: Context): PacketSpec {
  return {
    eth: undefined,
    ipv4: undefined,
    ipv6: undefined,
    arp: undefined,
    tcp: undefined,
    udp: undefined,
    icmp: undefined,
    payload: undefined,
    payloadLength: undefined,
    frameLength: undefined,
    padToMinimum: ctx.opts.padToMinimum,
  }
}

/** A packet from host to us with its IP layer: IPv6 with probability opts.ipv6. */
function ipPacket(ctx: Context, host: Host): PacketSpec {
  const spec = blankSpec(ctx)
  spec.eth = { src: GATEWAY_MAC_BYTES, dst: TARGET_MAC_BYTES }
  if (ctx.rng.chance(ctx.opts.ipv6)) spec.ipv6 = { src: host.ipv6, dst: TARGET_IPV6_BYTES, hopLimit: host.ttl }
  else spec.ipv4 = { src: host.ipv4, dst: TARGET_IPV4_U32, ttl: host.ttl, id: ctx.rng.u32() & 0xffff }
  return spec
}

const TCP_PORTS = [
  [443, 50],
  [80, 25],
  [22, 10],
  [8080, 5],
  [3306, 5],
  [25, 5],
] as const
const UDP_PORTS = [
  [53, 35],
  [443, 35],
  [123, 15],
  [51820, 10],
  [5353, 5],
] as const
const TCP_FLAGS = [
  ['P.', 65],
  ['.', 25],
  ['S', 5],
  ['F.', 3],
  ['R', 2],
] as const
const DNS_NAMES = [
  ['example.com', 30],
  ['www.example.org', 20],
  ['api.example.net', 15],
  ['mail.example.com', 10],
  ['cdn.example.org', 10],
  ['updates.example.net', 8],
  ['printer.home.arpa', 4],
  ['very-long-subdomain-name-for-testing.example.test', 3],
] as const
const DNS_QTYPES = [
  ['A', 70],
  ['AAAA', 25],
  ['MX', 3],
  ['TXT', 2],
] as const

function ephemeralPort(rng: Rng): number {
  return rng.int(32768, 60999) // Linux's default ip_local_port_range
}

/** mixed, small, jumbo, ipv6-only, many-sources, udp-flood. */
function everydayPacket(ctx: Context): PacketSpec {
  const { rng, opts } = ctx
  const m = opts.mix
  const proto = rng.weighted([
    ['tcp', m.tcp],
    ['udp', m.udp],
    ['icmp', m.icmp],
    ['arp', m.arp],
  ] as const)
  const host = pickHost(ctx)
  if (proto === 'arp') {
    // ARP comes straight from the neighbour: its own MAC (02:00 + its IPv4), broadcast.
    const mac = new Uint8Array([2, 0, host.ipv4 >>> 24, (host.ipv4 >>> 16) & 255, (host.ipv4 >>> 8) & 255, host.ipv4 & 255])
    const spec = blankSpec(ctx)
    spec.eth = { src: mac }
    spec.arp = { senderIp: host.ipv4, targetIp: TARGET_IPV4_U32 }
    return spec
  }
  const spec = ipPacket(ctx, host)
  if (proto === 'tcp') {
    const flags = rng.weighted(TCP_FLAGS)
    const tcp: TcpSpec = {
      sport: ephemeralPort(rng),
      dport: opts.dport ?? rng.weighted(TCP_PORTS),
      seq: rng.u32(),
      ack: flags.includes('.') ? rng.u32() : 0,
      flags,
      window: rng.int(200, 65535),
    }
    spec.tcp = tcp
    // A PSH segment carries at least one byte, whatever size was drawn.
    if (flags === 'P.') spec.frameLength = Math.max(ctx.frameSize(rng), ETH_HLEN + (spec.ipv6 ? IPV6_HLEN : IPV4_HLEN) + TCP_HLEN + 1 + (opts.vlan !== undefined ? VLAN_HLEN : 0))
    return spec
  }
  if (proto === 'udp') {
    const dport = opts.dport ?? rng.weighted(UDP_PORTS)
    const sport = ephemeralPort(rng)
    if (dport === 53) spec.payload = dnsQuery(rng)
    else if (dport === 5353) spec.payload = buildDnsQuery({ id: 0, name: '_services._dns-sd._udp.local', type: 'PTR', recursionDesired: false })
    else if (dport === 123) spec.payload = ntpClientRequest(rng)
    else spec.frameLength = ctx.frameSize(rng)
    spec.udp = { sport: dport === 5353 || dport === 123 ? dport : sport, dport }
    return spec
  }
  host.icmpSeq = (host.icmpSeq + 1) & 0xffff
  spec.icmp = { type: 'echo-request', id: host.icmpId, seq: host.icmpSeq }
  spec.frameLength = ctx.frameSize(rng)
  return spec
}

/** syn-flood: bare SYNs (no options, as flood tools send them), random ports, seq and window. */
function synFloodPacket(ctx: Context): PacketSpec {
  const { rng, opts } = ctx
  const spec = ipPacket(ctx, pickHost(ctx))
  spec.tcp = { sport: rng.int(1024, 65535), dport: opts.dport ?? 80, seq: rng.u32(), flags: 'S', window: rng.weighted([[512, 2], [1024, 1], [64240, 1]] as const) }
  return spec
}

/** dns: one question per datagram, from a client's ephemeral port. */
function dnsPacket(ctx: Context): PacketSpec {
  const { rng, opts } = ctx
  const spec = ipPacket(ctx, pickHost(ctx))
  spec.udp = { sport: ephemeralPort(rng), dport: opts.dport ?? 53 }
  spec.payload = dnsQuery(rng)
  return spec
}

/** An NTPv4 client request (RFC 5905): LI 0, version 4, mode 3, then a transmit timestamp. */
function ntpClientRequest(rng: Rng): Uint8Array {
  const msg = new Uint8Array(48)
  msg[0] = 0x23
  const view = new DataView(msg.buffer)
  view.setUint32(40, 3_900_000_000 + rng.int(0, 1_000_000)) // seconds since 1900, around 2023
  view.setUint32(44, rng.u32())
  return msg
}

function dnsQuery(rng: Rng): Uint8Array {
  return buildDnsQuery({ id: rng.u32() & 0xffff, name: rng.weighted(DNS_NAMES), type: rng.weighted(DNS_QTYPES) })
}

/** A function drawing frame lengths; throws RangeError for a distribution that makes no sense. */
function sizeSampler(sizes: SizeDistribution): (rng: Rng) => number {
  const check = (n: number) => {
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new RangeError(`frame size ${n} is not in 0..65535`)
    return n
  }
  if (sizes === 'small') return () => 60
  if (sizes === 'large') return () => 1514
  if (sizes === 'jumbo') return () => 9014
  if (sizes === 'imix') {
    const table = [
      [60, 7],
      [590, 4],
      [1514, 1],
    ] as const
    return (rng) => rng.weighted(table)
  }
  if (typeof sizes === 'number') {
    const n = check(sizes)
    return () => n
  }
  if (typeof sizes === 'object' && sizes !== null && 'uniform' in sizes) {
    const [min, max] = sizes.uniform.map(check)
    if (min > max) throw new RangeError(`uniform size range ${min}..${max} is empty`)
    return (rng) => rng.int(min, max)
  }
  if (typeof sizes === 'object' && sizes !== null && 'weighted' in sizes) {
    const table = sizes.weighted.map(([n, w]) => [check(n), w] as const)
    if (!table.length || table.some(([, w]) => !(w >= 0)) || !table.some(([, w]) => w > 0)) throw new RangeError('weighted sizes need weights >= 0, at least one > 0')
    return (rng) => rng.weighted(table)
  }
  throw new RangeError(`unknown size distribution ${JSON.stringify(sizes)}`)
}
