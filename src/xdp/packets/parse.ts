/**
 * Frame bytes -> a readable summary for the UI and the CLI, in the spirit of `tcpdump -nn`:
 *
 *   10.0.0.1:1234 → 10.0.0.2:53 UDP len 64
 *   [2001:db8::1]:443 → [2001:db8::2]:50000 TCP [S.] seq 1 ack 2 len 0
 *   vlan 100: 10.0.0.9 → 10.0.0.1 ICMP echo request id 7 seq 1 len 56
 *
 * An XDP program may hand back anything (it can rewrite or cut the frame), so parsing never
 * throws: each layer is read only when its bytes are there, and what is missing or wrong
 * (truncation, a bad checksum, a bad version) is listed in `problems` and shown in brackets.
 * Checksums are verified when the whole covered data is present. "len" is always the payload
 * after the transport header (tcpdump's ICMP "length" also counts the 8-byte ICMP header).
 */
import { formatIpv4Bytes, formatIpv6, formatMac } from './addr'
import { internetChecksum, ipv4PseudoSum, ipv6PseudoSum } from './checksum'
import { type DnsQuestion, readDnsQuestion } from './dns'

export interface PacketSummary {
  /** One line for lists and logs. */
  text: string
  /** Frame length in bytes. */
  length: number
  eth?: { dst: string; src: string; etherType: number; vlans: number[] }
  arp?: { op: number; senderMac: string; senderIp: string; targetMac: string; targetIp: string }
  ipv4?: {
    src: string
    dst: string
    protocol: number
    ttl: number
    id: number
    headerLength: number
    totalLength: number
    dontFragment: boolean
    moreFragments: boolean
    fragmentOffset: number
    checksumOk: boolean
  }
  ipv6?: { src: string; dst: string; nextHeader: number; hopLimit: number; payloadLength: number; fragmentOffset: number }
  tcp?: { sport: number; dport: number; seq: number; ack: number; flags: number; flagText: string; window: number; headerLength: number; payloadLength: number; checksumOk?: boolean }
  udp?: { sport: number; dport: number; length: number; payloadLength: number; checksumOk?: boolean }
  icmp?: { version: 4 | 6; type: number; code: number; id: number; seq: number; payloadLength: number; checksumOk?: boolean }
  dns?: DnsQuestion
  /** What was truncated or wrong, in reading order. Empty for a well-formed packet. */
  problems: string[]
}

const ETH_P_IP = 0x0800
const ETH_P_ARP = 0x0806
const ETH_P_IPV6 = 0x86dd
const VLAN_TPIDS = new Set([0x8100, 0x88a8, 0x9100])

/** Summarises a frame; never throws. */
export function parsePacket(bytes: Uint8Array): PacketSummary {
  const summary: PacketSummary = { text: '', length: bytes.length, problems: [] }
  try {
    summary.text = describe(bytes, summary)
  } catch (err) {
    // Every read above is bounds-checked; this is only a last guard so the UI never breaks.
    summary.problems.push(`parser error: ${(err as Error).message}`)
    summary.text = `${bytes.length} bytes`
  }
  if (summary.problems.length) summary.text += ` [${summary.problems.join('; ')}]`
  return summary
}

function describe(b: Uint8Array, s: PacketSummary): string {
  const u16 = (at: number) => (b[at] << 8) | b[at + 1]
  const u32 = (at: number) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0
  const end = b.length
  if (end < 14) {
    s.problems.push(`truncated Ethernet header (${end} of 14 bytes)`)
    return `${end} bytes`
  }
  const eth = { dst: formatMac(b, 0), src: formatMac(b, 6), etherType: u16(12), vlans: [] as number[] }
  s.eth = eth
  let off = 14
  while (VLAN_TPIDS.has(eth.etherType)) {
    if (off + 4 > end) {
      s.problems.push('truncated VLAN tag')
      return vlanPrefix(eth.vlans) + `${eth.src} → ${eth.dst}`
    }
    eth.vlans.push(u16(off) & 0x0fff)
    eth.etherType = u16(off + 2)
    off += 4
  }
  const prefix = vlanPrefix(eth.vlans)

  if (eth.etherType === ETH_P_ARP) return prefix + describeArp(b, off, s)

  let l4 = -1
  let l4End = end
  let proto = -1
  let src = ''
  let dst = ''
  let fragmentOffset = 0
  // False when the IP length claims more bytes than the frame has, or the packet is a fragment:
  // the transport checksum covers bytes that are not here, so it cannot be verified.
  let checksumsVerifiable = true
  let pseudo: (protocol: number, length: number) => number = () => 0
  if (eth.etherType === ETH_P_IP) {
    if (off + 20 > end) {
      s.problems.push('truncated IPv4 header')
      return prefix + 'IPv4'
    }
    const version = b[off] >> 4
    const ihl = (b[off] & 15) * 4
    if (version !== 4) s.problems.push(`IP version ${version} in an IPv4 frame`)
    if (ihl < 20) {
      s.problems.push(`bad IPv4 header length ${ihl}`)
      return prefix + `${formatIpv4Bytes(b, off + 12)} → ${formatIpv4Bytes(b, off + 16)} IPv4`
    }
    if (off + ihl > end) {
      s.problems.push('truncated IPv4 options')
      return prefix + `${formatIpv4Bytes(b, off + 12)} → ${formatIpv4Bytes(b, off + 16)} IPv4`
    }
    const totalLength = u16(off + 2)
    const frag = u16(off + 6)
    src = formatIpv4Bytes(b, off + 12)
    dst = formatIpv4Bytes(b, off + 16)
    proto = b[off + 9]
    fragmentOffset = (frag & 0x1fff) * 8
    if (frag & 0x2000) checksumsVerifiable = false
    s.ipv4 = {
      src,
      dst,
      protocol: proto,
      ttl: b[off + 8],
      id: u16(off + 4),
      headerLength: ihl,
      totalLength,
      dontFragment: (frag & 0x4000) !== 0,
      moreFragments: (frag & 0x2000) !== 0,
      fragmentOffset,
      checksumOk: internetChecksum(b, off, off + ihl) === 0,
    }
    if (!s.ipv4.checksumOk) s.problems.push('bad IPv4 header checksum')
    if (totalLength < ihl) s.problems.push(`bad IPv4 total length ${totalLength}`)
    else if (off + totalLength > end) {
      s.problems.push(`truncated IPv4 packet (${end - off} of ${totalLength} bytes)`)
      checksumsVerifiable = false
    }
    l4 = off + ihl
    l4End = Math.min(end, off + Math.max(totalLength, ihl))
    const ipOff = off
    pseudo = (p, len) => ipv4PseudoSum(b, ipOff, p, len)
  } else if (eth.etherType === ETH_P_IPV6) {
    if (off + 40 > end) {
      s.problems.push('truncated IPv6 header')
      return prefix + 'IPv6'
    }
    if (b[off] >> 4 !== 6) s.problems.push(`IP version ${b[off] >> 4} in an IPv6 frame`)
    const payloadLength = u16(off + 4)
    src = formatIpv6(b, off + 8)
    dst = formatIpv6(b, off + 24)
    s.ipv6 = { src, dst, nextHeader: b[off + 6], hopLimit: b[off + 7], payloadLength, fragmentOffset: 0 }
    if (off + 40 + payloadLength > end) {
      s.problems.push(`truncated IPv6 packet (${end - off - 40} of ${payloadLength} payload bytes)`)
      checksumsVerifiable = false
    }
    l4End = Math.min(end, off + 40 + payloadLength)
    // Walk the extension headers that sit before the transport header.
    proto = b[off + 6]
    l4 = off + 40
    for (let hops = 0; hops < 8 && (proto === 0 || proto === 43 || proto === 60 || proto === 44); hops++) {
      if (l4 + 8 > l4End) {
        s.problems.push('truncated IPv6 extension header')
        return prefix + `${src} → ${dst} IPv6`
      }
      const next = b[l4]
      if (proto === 44) {
        fragmentOffset = u16(l4 + 2) & 0xfff8
        s.ipv6.fragmentOffset = fragmentOffset
        checksumsVerifiable = false
        l4 += 8
      } else {
        l4 += (b[l4 + 1] + 1) * 8
      }
      proto = next
    }
    const ipOff = off
    pseudo = (p, len) => ipv6PseudoSum(b, ipOff, p, len)
  } else {
    return prefix + `${eth.src} → ${eth.dst} ethertype 0x${eth.etherType.toString(16).padStart(4, '0')} len ${end}`
  }

  const v6 = eth.etherType === ETH_P_IPV6
  const ipText = (addr: string, port?: number) => (port === undefined ? addr : v6 ? `[${addr}]:${port}` : `${addr}:${port}`)
  if (fragmentOffset > 0) return prefix + `${src} → ${dst} ${protoName(proto, v6)} fragment offset ${fragmentOffset}`

  if (proto === 6) {
    if (l4 + 20 > l4End) {
      s.problems.push('truncated TCP header')
      return prefix + `${src} → ${dst} TCP`
    }
    const headerLength = (b[l4 + 12] >> 4) * 4
    const flags = b[l4 + 13]
    const tcp = {
      sport: u16(l4),
      dport: u16(l4 + 2),
      seq: u32(l4 + 4),
      ack: u32(l4 + 8),
      flags,
      flagText: tcpFlagText(flags),
      window: u16(l4 + 14),
      headerLength,
      payloadLength: Math.max(0, l4End - l4 - headerLength),
      checksumOk: undefined as boolean | undefined,
    }
    s.tcp = tcp
    if (headerLength < 20 || l4 + headerLength > l4End) s.problems.push(`bad TCP data offset ${headerLength}`)
    if (checksumsVerifiable) {
      tcp.checksumOk = internetChecksum(b, l4, l4End, pseudo(6, l4End - l4)) === 0
      if (!tcp.checksumOk) s.problems.push('bad TCP checksum')
    }
    const ack = flags & 0x10 ? ` ack ${tcp.ack}` : ''
    return prefix + `${ipText(src, tcp.sport)} → ${ipText(dst, tcp.dport)} TCP [${tcp.flagText}] seq ${tcp.seq}${ack} len ${tcp.payloadLength}`
  }
  if (proto === 17) {
    if (l4 + 8 > l4End) {
      s.problems.push('truncated UDP header')
      return prefix + `${src} → ${dst} UDP`
    }
    const length = u16(l4 + 4)
    const udp = { sport: u16(l4), dport: u16(l4 + 2), length, payloadLength: Math.max(0, length - 8), checksumOk: undefined as boolean | undefined }
    s.udp = udp
    const udpEnd = l4 + length
    if (length < 8) s.problems.push(`bad UDP length ${length}`)
    else if (udpEnd > l4End && checksumsVerifiable) s.problems.push(`truncated UDP datagram (${l4End - l4} of ${length} bytes)`)
    else if (checksumsVerifiable && (v6 || u16(l4 + 6) !== 0)) {
      udp.checksumOk = internetChecksum(b, l4, udpEnd, pseudo(17, length)) === 0
      if (!udp.checksumOk) s.problems.push('bad UDP checksum')
    }
    let text = prefix + `${ipText(src, udp.sport)} → ${ipText(dst, udp.dport)} UDP len ${udp.payloadLength}`
    if (udp.sport === 53 || udp.dport === 53) {
      const dns = readDnsQuestion(b, l4 + 8, Math.min(udpEnd, l4End))
      if (dns) {
        s.dns = dns
        text += ` DNS ${dns.response ? 'response' : 'query'} ${dns.typeName}? ${dns.name}`
      }
    }
    return text
  }
  if ((proto === 1 && !v6) || (proto === 58 && v6)) {
    const name = v6 ? 'ICMPv6' : 'ICMP'
    if (l4 + 8 > l4End) {
      s.problems.push(`truncated ${name} header`)
      return prefix + `${src} → ${dst} ${name}`
    }
    const icmp = { version: (v6 ? 6 : 4) as 4 | 6, type: b[l4], code: b[l4 + 1], id: u16(l4 + 4), seq: u16(l4 + 6), payloadLength: l4End - l4 - 8, checksumOk: undefined as boolean | undefined }
    s.icmp = icmp
    if (checksumsVerifiable) {
      icmp.checksumOk = internetChecksum(b, l4, l4End, v6 ? pseudo(58, l4End - l4) : 0) === 0
      if (!icmp.checksumOk) s.problems.push(`bad ${name} checksum`)
    }
    const echo = icmpEchoName(icmp.type, v6)
    const what = echo ? `${echo} id ${icmp.id} seq ${icmp.seq}` : `type ${icmp.type} code ${icmp.code}`
    return prefix + `${src} → ${dst} ${name} ${what} len ${icmp.payloadLength}`
  }
  return prefix + `${src} → ${dst} ${protoName(proto, v6)} len ${Math.max(0, l4End - l4)}`
}

function describeArp(b: Uint8Array, off: number, s: PacketSummary): string {
  if (off + 28 > b.length) {
    s.problems.push('truncated ARP packet')
    return 'ARP'
  }
  const u16 = (at: number) => (b[at] << 8) | b[at + 1]
  if (u16(off) !== 1 || u16(off + 2) !== ETH_P_IP || b[off + 4] !== 6 || b[off + 5] !== 4) {
    return `ARP hardware ${u16(off)} protocol 0x${u16(off + 2).toString(16)}`
  }
  const arp = { op: u16(off + 6), senderMac: formatMac(b, off + 8), senderIp: formatIpv4Bytes(b, off + 14), targetMac: formatMac(b, off + 18), targetIp: formatIpv4Bytes(b, off + 24) }
  s.arp = arp
  if (arp.op === 1) return `ARP who-has ${arp.targetIp} tell ${arp.senderIp}`
  if (arp.op === 2) return `ARP reply ${arp.senderIp} is-at ${arp.senderMac}`
  return `ARP op ${arp.op} ${arp.senderIp} → ${arp.targetIp}`
}

/** tcpdump's flag letters: S F P R U E W, then '.' for ACK; "none" when no flag is set. */
export function tcpFlagText(flags: number): string {
  let t = ''
  if (flags & 0x02) t += 'S'
  if (flags & 0x01) t += 'F'
  if (flags & 0x08) t += 'P'
  if (flags & 0x04) t += 'R'
  if (flags & 0x20) t += 'U'
  if (flags & 0x40) t += 'E'
  if (flags & 0x80) t += 'W'
  if (flags & 0x10) t += '.'
  return t || 'none'
}

function icmpEchoName(type: number, v6: boolean): string | undefined {
  if (v6) return type === 128 ? 'echo request' : type === 129 ? 'echo reply' : undefined
  return type === 8 ? 'echo request' : type === 0 ? 'echo reply' : undefined
}

function protoName(proto: number, v6: boolean): string {
  if (proto === 6) return 'TCP'
  if (proto === 17) return 'UDP'
  if (proto === 1) return 'ICMP'
  if (proto === 58 && v6) return 'ICMPv6'
  return `proto ${proto}`
}

function vlanPrefix(vlans: number[]): string {
  return vlans.length ? `vlan ${vlans.join('.')}: ` : ''
}
