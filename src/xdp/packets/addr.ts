/**
 * Network address text <-> bytes: MAC ("02:00:00:00:00:01"), IPv4 dotted quad ("10.0.0.1", or a
 * u32 in host order) and IPv6 (any RFC 4291 text form, including "::" and an embedded dotted quad).
 * Formatting follows what tcpdump and the kernel print: lower-case hex, IPv6 compressed by
 * RFC 5952 (the longest run of two or more zero groups becomes "::", the first one on a tie).
 * Parsers throw a RangeError naming the bad text: a packet description with a typo is a bug in
 * the caller, not a packet to build.
 */

export type Ipv4Address = string | number

/** "aa:bb:cc:dd:ee:ff" (or with '-', or one-digit groups) -> 6 bytes. */
export function parseMac(text: string): Uint8Array {
  // Hand-rolled: the traffic generator parses two MACs per packet.
  const out = new Uint8Array(6)
  let group = 0
  let digits = 0
  let value = 0
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1
    if (d >= 0 && digits < 2) {
      value = value * 16 + d
      digits++
    } else if ((c === 58 || c === 45 || c === -1) && digits > 0 && group < 6) {
      out[group++] = value
      value = digits = 0
    } else {
      group = -1
      break
    }
  }
  if (group !== 6) throw new RangeError(`bad MAC address "${text}"`)
  return out
}

export function formatMac(bytes: Uint8Array, offset = 0): string {
  let s = ''
  for (let i = 0; i < 6; i++) s += (i ? ':' : '') + hex2(bytes[offset + i])
  return s
}

/** "10.0.0.1" -> 0x0a000001 (a u32, host order). A number is checked and returned as is. */
export function parseIpv4(addr: Ipv4Address): number {
  if (typeof addr === 'number') {
    if (!Number.isInteger(addr) || addr < 0 || addr > 0xffffffff) throw new RangeError(`bad IPv4 address ${addr}`)
    return addr
  }
  const parts = addr.split('.')
  if (parts.length !== 4 || parts.some((p) => !/^(0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > 255)) {
    throw new RangeError(`bad IPv4 address "${addr}"`)
  }
  return ((Number(parts[0]) << 24) | (Number(parts[1]) << 16) | (Number(parts[2]) << 8) | Number(parts[3])) >>> 0
}

export function formatIpv4(value: number): string {
  return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`
}

/** The four bytes at offset (network order) as dotted quad. */
export function formatIpv4Bytes(bytes: Uint8Array, offset = 0): string {
  return `${bytes[offset]}.${bytes[offset + 1]}.${bytes[offset + 2]}.${bytes[offset + 3]}`
}

/** IPv6 text -> 16 bytes. */
export function parseIpv6(text: string): Uint8Array {
  const bad = () => new RangeError(`bad IPv6 address "${text}"`)
  let groups: number[] = []
  let body = text
  // An embedded IPv4 tail ("::ffff:10.0.0.1") stands for the last two groups.
  const lastColon = body.lastIndexOf(':')
  if (lastColon >= 0 && body.includes('.', lastColon)) {
    let v4: number
    try {
      v4 = parseIpv4(body.slice(lastColon + 1))
    } catch {
      throw bad()
    }
    body = body.slice(0, lastColon + 1) + (v4 >>> 16).toString(16) + ':' + (v4 & 0xffff).toString(16)
  }
  const halves = body.split('::')
  if (halves.length > 2) throw bad()
  const parseGroups = (s: string): number[] => {
    if (s === '') return []
    return s.split(':').map((g) => {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) throw bad()
      return parseInt(g, 16)
    })
  }
  if (halves.length === 2) {
    const head = parseGroups(halves[0])
    const tail = parseGroups(halves[1])
    const zeros = 8 - head.length - tail.length
    if (zeros < 1) throw bad()
    groups = [...head, ...new Array<number>(zeros).fill(0), ...tail]
  } else {
    groups = parseGroups(body)
  }
  if (groups.length !== 8) throw bad()
  const out = new Uint8Array(16)
  groups.forEach((g, i) => {
    out[2 * i] = g >> 8
    out[2 * i + 1] = g & 255
  })
  return out
}

/** 16 bytes at offset -> RFC 5952 text ("2001:db8::1"). */
export function formatIpv6(bytes: Uint8Array, offset = 0): string {
  const groups: number[] = []
  for (let i = 0; i < 8; i++) groups.push((bytes[offset + 2 * i] << 8) | bytes[offset + 2 * i + 1])
  let bestStart = -1
  let bestLen = 0
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++
      continue
    }
    let j = i
    while (j < 8 && groups[j] === 0) j++
    if (j - i > bestLen) {
      bestStart = i
      bestLen = j - i
    }
    i = j
  }
  const hexOf = (gs: number[]) => gs.map((g) => g.toString(16)).join(':')
  // IPv4-mapped addresses print with their dotted quad tail, as inet_ntop does.
  if (bestStart === 0 && bestLen === 5 && groups[5] === 0xffff) return `::ffff:${formatIpv4Bytes(bytes, offset + 12)}`
  if (bestLen < 2) return hexOf(groups)
  return `${hexOf(groups.slice(0, bestStart))}::${hexOf(groups.slice(bestStart + bestLen))}`
}

function hex2(b: number): string {
  return (b < 16 ? '0' : '') + b.toString(16)
}
