/**
 * Packet bytes from a small typed description: Ethernet II (optionally 802.1Q-tagged), then IPv4,
 * IPv6 or ARP, then TCP, UDP or ICMP/ICMPv6 echo, then a payload. The bytes are what a NIC hands
 * to an XDP program (the frame without preamble and FCS), with every length and checksum filled in
 * exactly as a Linux sender fills them, so a program that parses or rewrites them meets real data
 * and tcpdump shows them as correct.
 *
 *   buildPacket({ ipv4: { src: '10.0.0.1', dst: '10.0.0.2' }, udp: { sport: 1234, dport: 53 }, payloadLength: 64 })
 *
 * Defaults: MACs 02:00:00:00:00:02 -> 02:00:00:00:00:01 (locally administered), IPv4 TTL 64 with
 * DF set and id 0, IPv6 hop limit 64, TCP flags SYN with window 64240, payload bytes 0,1,2,...
 * A description that cannot be a packet (two IP layers, TCP without IP, port 70000) throws.
 */
import { type Ipv4Address, parseIpv4, parseIpv6, parseMac } from './addr'
import { internetChecksum, ipv4PseudoSum, ipv6PseudoSum } from './checksum'

export { parsePacket } from './parse'
export type { PacketSummary } from './parse'

export const ETH_HLEN = 14
export const VLAN_HLEN = 4
export const IPV4_HLEN = 20
export const IPV6_HLEN = 40
export const TCP_HLEN = 20
export const UDP_HLEN = 8
export const ICMP_HLEN = 8
export const ARP_LEN = 28
/** Shortest Ethernet frame without FCS; NICs pad shorter frames up to it on the wire. */
export const ETH_ZLEN = 60

export const ETH_P_IP = 0x0800
export const ETH_P_ARP = 0x0806
export const ETH_P_8021Q = 0x8100
export const ETH_P_8021AD = 0x88a8
export const ETH_P_IPV6 = 0x86dd

export const IPPROTO_ICMP = 1
export const IPPROTO_TCP = 6
export const IPPROTO_UDP = 17
export const IPPROTO_ICMPV6 = 58

export const TCP_FIN = 0x01
export const TCP_SYN = 0x02
export const TCP_RST = 0x04
export const TCP_PSH = 0x08
export const TCP_ACK = 0x10
export const TCP_URG = 0x20
export const TCP_ECE = 0x40
export const TCP_CWR = 0x80

export const ICMP_ECHOREPLY = 0
export const ICMP_ECHO = 8
export const ICMPV6_ECHO_REQUEST = 128
export const ICMPV6_ECHO_REPLY = 129

export const ARPOP_REQUEST = 1
export const ARPOP_REPLY = 2

export const DEFAULT_SRC_MAC = '02:00:00:00:00:02'
export const DEFAULT_DST_MAC = '02:00:00:00:00:01'
const BROADCAST_MAC = 'ff:ff:ff:ff:ff:ff'

export interface VlanSpec {
  /** VLAN id, 0..4095. */
  id: number
  /** Priority code point, 0..7. */
  pcp?: number
  dei?: boolean
  /** Tag protocol id: 0x8100 (802.1Q, default) or 0x88a8 (802.1ad outer tag). */
  tpid?: number
}

export interface EthernetSpec {
  /** "aa:bb:cc:dd:ee:ff" or 6 bytes. */
  src?: string | Uint8Array
  dst?: string | Uint8Array
  /** One tag, or several outermost first (QinQ). */
  vlan?: VlanSpec | VlanSpec[]
  /** EtherType; only needed when there is no IPv4/IPv6/ARP layer to imply it (default 0x88b5, "local experimental"). */
  type?: number
}

export interface Ipv4Spec {
  src: Ipv4Address
  dst: Ipv4Address
  ttl?: number
  id?: number
  tos?: number
  /** The DF flag (default true, as Linux sets it with path MTU discovery). */
  dontFragment?: boolean
  /** Protocol number when no TCP/UDP/ICMP layer implies it (default 253, for testing); the payload is then the IP payload. */
  protocol?: number
}

export interface Ipv6Spec {
  /** Text ("2001:db8::1") or 16 bytes. */
  src: string | Uint8Array
  dst: string | Uint8Array
  hopLimit?: number
  trafficClass?: number
  flowLabel?: number
  /** Next header when no TCP/UDP/ICMPv6 layer implies it (default 59, "no next header"). */
  nextHeader?: number
}

export interface TcpSpec {
  sport: number
  dport: number
  seq?: number
  ack?: number
  /** A bit mask (TCP_SYN | TCP_ACK) or tcpdump letters: "S", "S.", "P.", "F.", "R" ('.' = ACK). Default "S". */
  flags?: number | string
  window?: number
  urgent?: number
  /** Raw option bytes; padded with EOL to a multiple of 4 (data offset counts them). */
  options?: Uint8Array
}

export interface UdpSpec {
  sport: number
  dport: number
  /** Send checksum 0 ("none"), allowed over IPv4 only. */
  noChecksum?: boolean
}

export interface IcmpSpec {
  /** Echo request/reply (ICMP over IPv4, ICMPv6 over IPv6) or a raw type number. Default echo-request. */
  type?: 'echo-request' | 'echo-reply' | number
  code?: number
  id?: number
  seq?: number
}

export interface ArpSpec {
  /** Default 'request'. */
  op?: 'request' | 'reply' | number
  /** Default: the Ethernet source. */
  senderMac?: string | Uint8Array
  senderIp: Ipv4Address
  /** Default 00:00:00:00:00:00 for a request, the Ethernet destination for a reply. */
  targetMac?: string | Uint8Array
  targetIp: Ipv4Address
}

export interface PacketSpec {
  eth?: EthernetSpec
  ipv4?: Ipv4Spec
  ipv6?: Ipv6Spec
  arp?: ArpSpec
  tcp?: TcpSpec
  udp?: UdpSpec
  icmp?: IcmpSpec
  /** Payload after the last header (a string is UTF-8 encoded). */
  payload?: Uint8Array | string
  /** Payload length: pads `payload` with the 0,1,2,... pattern or cuts it. */
  payloadLength?: number
  /** Whole frame length wanted (overrides payloadLength); never shorter than the headers. */
  frameLength?: number
  /** Pad the frame with zeros to 60 bytes as a NIC delivers it (IP lengths stay unpadded). */
  padToMinimum?: boolean
}

const textEncoder = new TextEncoder()
const NO_OPTIONS = new Uint8Array(0)

/** Bytes of all headers the description produces (everything before the payload). */
export function headerLength(spec: PacketSpec): number {
  const layout = planLayers(spec)
  return layout.l4Offset + layout.l4HeaderLength
}

/**
 * Zeroed memory for frames built by the thousand (a traffic generator), cut from 64 KiB slabs:
 * a new ArrayBuffer per frame is a trip into the runtime costing more than building the frame.
 * Each frame is a view of its own bytes in a slab (never handed out twice).
 */
export class FrameSlab {
  private buffer = new ArrayBuffer(0)
  private used = 0

  /** A zeroed frame of n bytes and a DataView of exactly its bytes. */
  take(n: number): { frame: Uint8Array; view: DataView } {
    if (n > SLAB_BYTES / 4) return freshFrame(n)
    if (this.used + n > this.buffer.byteLength) {
      this.buffer = new ArrayBuffer(SLAB_BYTES)
      this.used = 0
    }
    const at = this.used
    this.used = (at + n + 7) & ~7
    return { frame: new Uint8Array(this.buffer, at, n), view: new DataView(this.buffer, at, n) }
  }
}

const SLAB_BYTES = 1 << 16

function freshFrame(n: number): { frame: Uint8Array; view: DataView } {
  // the buffer first: asking a small Uint8Array for its .buffer makes V8 move it off its heap
  const buffer = new ArrayBuffer(n)
  return { frame: new Uint8Array(buffer), view: new DataView(buffer) }
}

/** Builds the frame described by spec (in its own ArrayBuffer, or cut from `slab`). */
export function buildPacket(spec: PacketSpec, slab?: FrameSlab): Uint8Array {
  const plan = planLayers(spec)
  const headers = plan.l4Offset + plan.l4HeaderLength
  const given = typeof spec.payload === 'string' ? textEncoder.encode(spec.payload) : spec.payload
  const payloadLength = resolvePayloadLength(spec, headers, given?.length ?? 0)
  const frameEnd = headers + payloadLength
  // One allocation per packet: the payload is written straight into the frame.
  const bytes = spec.padToMinimum ? Math.max(frameEnd, ETH_ZLEN) : frameEnd
  const { frame, view } = slab !== undefined ? slab.take(bytes) : freshFrame(bytes)

  // Ethernet and VLAN tags.
  const eth = spec.eth ?? {}
  const defaultDst = spec.arp && arpOp(spec.arp) === ARPOP_REQUEST ? BROADCAST_MAC : DEFAULT_DST_MAC
  frame.set(macBytes(eth.dst ?? defaultDst), 0)
  frame.set(macBytes(eth.src ?? DEFAULT_SRC_MAC), 6)
  let off = 12
  for (const tag of plan.vlans) {
    checkRange('VLAN id', tag.id, 0, 4095)
    checkRange('VLAN pcp', tag.pcp ?? 0, 0, 7)
    view.setUint16(off, tag.tpid ?? ETH_P_8021Q)
    view.setUint16(off + 2, ((tag.pcp ?? 0) << 13) | (tag.dei ? 0x1000 : 0) | tag.id)
    off += VLAN_HLEN
  }
  view.setUint16(off, plan.etherType)
  off += 2

  const l3Length = frameEnd - off
  if (spec.ipv4) writeIpv4(frame, view, off, spec.ipv4, plan.ipProtocol, l3Length)
  else if (spec.ipv6) writeIpv6(frame, view, off, spec.ipv6, plan.ipProtocol, l3Length - IPV6_HLEN)
  else if (spec.arp) writeArp(frame, view, off, spec.arp, eth)

  writePayload(frame, headers, given, payloadLength)

  const l4Length = frameEnd - plan.l4Offset
  const pseudo = (proto: number) =>
    spec.ipv4 ? ipv4PseudoSum(frame, off, proto, l4Length) : ipv6PseudoSum(frame, off, proto, l4Length)
  if (spec.tcp) writeTcp(frame, view, plan.l4Offset, spec.tcp, frameEnd, pseudo(IPPROTO_TCP))
  else if (spec.udp) writeUdp(frame, view, plan.l4Offset, spec.udp, frameEnd, spec.ipv4 ? undefined : 'ipv6', pseudo(IPPROTO_UDP))
  else if (spec.icmp) writeIcmp(frame, view, plan.l4Offset, spec.icmp, frameEnd, spec.ipv6 ? pseudo(IPPROTO_ICMPV6) : undefined)
  return frame
}

interface Plan {
  vlans: VlanSpec[]
  etherType: number
  ipProtocol: number
  l4Offset: number
  l4HeaderLength: number
}

function planLayers(spec: PacketSpec): Plan {
  const l3Count = (spec.ipv4 ? 1 : 0) + (spec.ipv6 ? 1 : 0) + (spec.arp ? 1 : 0)
  const l4Count = (spec.tcp ? 1 : 0) + (spec.udp ? 1 : 0) + (spec.icmp ? 1 : 0)
  if (l3Count > 1) throw new TypeError('a packet has one network layer: give one of ipv4, ipv6, arp')
  if (l4Count > 1) throw new TypeError('a packet has one transport layer: give one of tcp, udp, icmp')
  if (l4Count && !(spec.ipv4 || spec.ipv6)) throw new TypeError(`${spec.tcp ? 'tcp' : spec.udp ? 'udp' : 'icmp'} needs an ipv4 or ipv6 layer`)

  const vlanSpec = spec.eth?.vlan
  const vlans = vlanSpec === undefined ? [] : Array.isArray(vlanSpec) ? vlanSpec : [vlanSpec]
  const etherType = spec.ipv4 ? ETH_P_IP : spec.ipv6 ? ETH_P_IPV6 : spec.arp ? ETH_P_ARP : (spec.eth?.type ?? 0x88b5)
  const l3Offset = ETH_HLEN + VLAN_HLEN * vlans.length
  const l3Length = spec.ipv4 ? IPV4_HLEN : spec.ipv6 ? IPV6_HLEN : spec.arp ? ARP_LEN : 0
  const ipProtocol = spec.tcp
    ? IPPROTO_TCP
    : spec.udp
      ? IPPROTO_UDP
      : spec.icmp
        ? spec.ipv6
          ? IPPROTO_ICMPV6
          : IPPROTO_ICMP
        : spec.ipv4
          ? (spec.ipv4.protocol ?? 253) // "experimentation and testing" (RFC 3692)
          : (spec.ipv6?.nextHeader ?? 59) // IPv6 "no next header"
  const l4HeaderLength = spec.tcp
    ? TCP_HLEN + align4(spec.tcp.options?.length ?? 0)
    : spec.udp
      ? UDP_HLEN
      : spec.icmp
        ? ICMP_HLEN
        : 0
  if (spec.tcp && l4HeaderLength > 60) throw new RangeError('TCP options longer than 40 bytes')
  return { vlans, etherType, ipProtocol, l4Offset: l3Offset + l3Length, l4HeaderLength }
}

function resolvePayloadLength(spec: PacketSpec, headers: number, givenLength: number): number {
  const wanted =
    spec.frameLength !== undefined
      ? Math.max(0, spec.frameLength - headers)
      : spec.payloadLength !== undefined
        ? spec.payloadLength
        : givenLength
  if (!Number.isInteger(wanted) || wanted < 0) throw new RangeError(`bad payload length ${wanted}`)
  return wanted
}

/** The given bytes (cut to length), then the pattern byte i = i & 0xff up to length. */
function writePayload(frame: Uint8Array, at: number, given: Uint8Array | undefined, length: number) {
  const fromGiven = Math.min(given?.length ?? 0, length)
  if (given && fromGiven) frame.set(fromGiven === given.length ? given : given.subarray(0, fromGiven), at)
  for (let i = fromGiven; i < length; i++) frame[at + i] = i & 0xff
}

function macBytes(mac: string | Uint8Array): Uint8Array {
  if (typeof mac === 'string') return parseMac(mac)
  if (mac.length !== 6) throw new RangeError(`a MAC address is 6 bytes, got ${mac.length}`)
  return mac
}


function writeIpv4(frame: Uint8Array, view: DataView, off: number, ip: Ipv4Spec, protocol: number, totalLength: number) {
  if (totalLength > 0xffff) throw new RangeError(`IPv4 packet of ${totalLength} bytes exceeds 65535`)
  view.setUint8(off, 0x45) // version 4, IHL 5 (no options)
  view.setUint8(off + 1, checkRange('IPv4 tos', ip.tos ?? 0, 0, 255))
  view.setUint16(off + 2, totalLength)
  view.setUint16(off + 4, checkRange('IPv4 id', ip.id ?? 0, 0, 0xffff))
  view.setUint16(off + 6, ip.dontFragment === false ? 0 : 0x4000)
  view.setUint8(off + 8, checkRange('IPv4 ttl', ip.ttl ?? 64, 0, 255))
  view.setUint8(off + 9, checkRange('IPv4 protocol', protocol, 0, 255))
  view.setUint32(off + 12, parseIpv4(ip.src))
  view.setUint32(off + 16, parseIpv4(ip.dst))
  view.setUint16(off + 10, internetChecksum(frame, off, off + IPV4_HLEN))
}

function writeIpv6(frame: Uint8Array, view: DataView, off: number, ip: Ipv6Spec, nextHeader: number, payloadLength: number) {
  if (payloadLength > 0xffff) throw new RangeError(`IPv6 payload of ${payloadLength} bytes exceeds 65535`)
  const tc = checkRange('IPv6 traffic class', ip.trafficClass ?? 0, 0, 255)
  const flow = checkRange('IPv6 flow label', ip.flowLabel ?? 0, 0, 0xfffff)
  view.setUint32(off, ((6 << 28) | (tc << 20) | flow) >>> 0)
  view.setUint16(off + 4, payloadLength)
  view.setUint8(off + 6, checkRange('IPv6 next header', nextHeader, 0, 255))
  view.setUint8(off + 7, checkRange('IPv6 hop limit', ip.hopLimit ?? 64, 0, 255))
  frame.set(ipv6Bytes(ip.src), off + 8)
  frame.set(ipv6Bytes(ip.dst), off + 24)
}

function ipv6Bytes(addr: string | Uint8Array): Uint8Array {
  if (typeof addr === 'string') return parseIpv6(addr)
  if (addr.length !== 16) throw new RangeError(`an IPv6 address is 16 bytes, got ${addr.length}`)
  return addr
}

function arpOp(arp: ArpSpec): number {
  return arp.op === undefined || arp.op === 'request' ? ARPOP_REQUEST : arp.op === 'reply' ? ARPOP_REPLY : arp.op
}

function writeArp(frame: Uint8Array, view: DataView, off: number, arp: ArpSpec, eth: EthernetSpec) {
  const op = arpOp(arp)
  view.setUint16(off, 1) // hardware type Ethernet
  view.setUint16(off + 2, ETH_P_IP)
  view.setUint8(off + 4, 6)
  view.setUint8(off + 5, 4)
  view.setUint16(off + 6, checkRange('ARP op', op, 0, 0xffff))
  frame.set(macBytes(arp.senderMac ?? eth.src ?? DEFAULT_SRC_MAC), off + 8)
  view.setUint32(off + 14, parseIpv4(arp.senderIp))
  const defaultTarget = op === ARPOP_REQUEST ? '00:00:00:00:00:00' : (eth.dst ?? DEFAULT_DST_MAC)
  frame.set(macBytes(arp.targetMac ?? defaultTarget), off + 18)
  view.setUint32(off + 24, parseIpv4(arp.targetIp))
}

/** tcpdump's flag letters -> bit mask. */
export function parseTcpFlags(flags: number | string): number {
  if (typeof flags === 'number') return checkRange('TCP flags', flags, 0, 0xff)
  const letters: Record<string, number> = { F: TCP_FIN, S: TCP_SYN, R: TCP_RST, P: TCP_PSH, '.': TCP_ACK, U: TCP_URG, E: TCP_ECE, W: TCP_CWR }
  let mask = 0
  for (const ch of flags) {
    const bit = letters[ch]
    if (bit === undefined) throw new RangeError(`bad TCP flag letter "${ch}" in "${flags}" (use F S R P . U E W)`)
    mask |= bit
  }
  return mask
}

function writeTcp(frame: Uint8Array, view: DataView, off: number, tcp: TcpSpec, end: number, pseudoSum: number) {
  const options = tcp.options ?? NO_OPTIONS
  const headerLength = TCP_HLEN + align4(options.length)
  view.setUint16(off, checkRange('TCP sport', tcp.sport, 0, 0xffff))
  view.setUint16(off + 2, checkRange('TCP dport', tcp.dport, 0, 0xffff))
  view.setUint32(off + 4, checkRange('TCP seq', tcp.seq ?? 0, 0, 0xffffffff))
  view.setUint32(off + 8, checkRange('TCP ack', tcp.ack ?? 0, 0, 0xffffffff))
  view.setUint8(off + 12, (headerLength / 4) << 4)
  view.setUint8(off + 13, parseTcpFlags(tcp.flags ?? TCP_SYN))
  view.setUint16(off + 14, checkRange('TCP window', tcp.window ?? 64240, 0, 0xffff))
  view.setUint16(off + 18, checkRange('TCP urgent pointer', tcp.urgent ?? 0, 0, 0xffff))
  frame.set(options, off + TCP_HLEN) // the padding bytes stay 0 = EOL
  view.setUint16(off + 16, internetChecksum(frame, off, end, pseudoSum))
}

function writeUdp(frame: Uint8Array, view: DataView, off: number, udp: UdpSpec, end: number, family: 'ipv6' | undefined, pseudoSum: number) {
  const length = end - off
  if (length > 0xffff) throw new RangeError(`UDP datagram of ${length} bytes exceeds 65535`)
  view.setUint16(off, checkRange('UDP sport', udp.sport, 0, 0xffff))
  view.setUint16(off + 2, checkRange('UDP dport', udp.dport, 0, 0xffff))
  view.setUint16(off + 4, length)
  if (udp.noChecksum) {
    if (family === 'ipv6') throw new TypeError('UDP over IPv6 must have a checksum (RFC 8200)')
    return
  }
  // A computed 0 is sent as 0xffff: 0 on the wire means "no checksum".
  view.setUint16(off + 6, internetChecksum(frame, off, end, pseudoSum) || 0xffff)
}

function writeIcmp(frame: Uint8Array, view: DataView, off: number, icmp: IcmpSpec, end: number, v6PseudoSum: number | undefined) {
  const v6 = v6PseudoSum !== undefined
  const type =
    icmp.type === undefined || icmp.type === 'echo-request'
      ? v6
        ? ICMPV6_ECHO_REQUEST
        : ICMP_ECHO
      : icmp.type === 'echo-reply'
        ? v6
          ? ICMPV6_ECHO_REPLY
          : ICMP_ECHOREPLY
        : icmp.type
  view.setUint8(off, checkRange('ICMP type', type, 0, 255))
  view.setUint8(off + 1, checkRange('ICMP code', icmp.code ?? 0, 0, 255))
  view.setUint16(off + 4, checkRange('ICMP id', icmp.id ?? 0, 0, 0xffff))
  view.setUint16(off + 6, checkRange('ICMP seq', icmp.seq ?? 0, 0, 0xffff))
  view.setUint16(off + 2, internetChecksum(frame, off, end, v6PseudoSum ?? 0))
}

function align4(n: number): number {
  return (n + 3) & ~3
}

function checkRange(what: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${what} ${value} is not in ${min}..${max}`)
  return value
}
