/**
 * Just enough DNS (RFC 1035) for realistic port-53 traffic: a query message with one question
 * (what a stub resolver sends), and a reader of the first question of any message, for packet
 * summaries ("DNS A? example.com"). The reader never throws: garbage gives undefined.
 */

export const DNS_TYPES: Record<string, number> = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28, SRV: 33, HTTPS: 65, ANY: 255 }

export interface DnsQuery {
  id: number
  name: string
  /** Record type name ("A", "AAAA", ...) or number. Default "A". */
  type?: string | number
  /** Recursion desired (default true, as stub resolvers ask). */
  recursionDesired?: boolean
}

/** A DNS query message: 12-byte header, one question of class IN. */
export function buildDnsQuery(query: DnsQuery): Uint8Array {
  const labels = query.name.replace(/\.$/, '').split('.').filter((l) => l.length > 0)
  const encoded = labels.map((l) => new TextEncoder().encode(l))
  for (const l of encoded) if (l.length > 63) throw new RangeError(`DNS label longer than 63 bytes in "${query.name}"`)
  const nameLength = encoded.reduce((n, l) => n + 1 + l.length, 1)
  if (nameLength > 255) throw new RangeError(`DNS name longer than 255 bytes: "${query.name}"`)
  const type = typeof query.type === 'number' ? query.type : DNS_TYPES[(query.type ?? 'A').toUpperCase()]
  if (type === undefined) throw new RangeError(`unknown DNS type "${query.type}"`)
  const msg = new Uint8Array(12 + nameLength + 4)
  const view = new DataView(msg.buffer)
  view.setUint16(0, query.id & 0xffff)
  view.setUint16(2, query.recursionDesired === false ? 0 : 0x0100)
  view.setUint16(4, 1) // QDCOUNT
  let off = 12
  for (const l of encoded) {
    msg[off++] = l.length
    msg.set(l, off)
    off += l.length
  }
  msg[off++] = 0
  view.setUint16(off, type)
  view.setUint16(off + 2, 1) // class IN
  return msg
}

export interface DnsQuestion {
  id: number
  /** QR bit: a response rather than a query. */
  response: boolean
  name: string
  type: number
  typeName: string
}

/** The first question of a DNS message at bytes[offset, end), or undefined if it does not parse. */
export function readDnsQuestion(bytes: Uint8Array, offset = 0, end = bytes.length): DnsQuestion | undefined {
  if (end - offset < 12) return undefined
  const u16 = (at: number) => (bytes[at] << 8) | bytes[at + 1]
  if (u16(offset + 4) < 1) return undefined
  const labels: string[] = []
  let at = offset + 12
  let jumps = 0
  let afterName = -1
  for (;;) {
    if (at >= end) return undefined
    const len = bytes[at]
    if (len === 0) {
      if (afterName < 0) afterName = at + 1
      break
    }
    if ((len & 0xc0) === 0xc0) {
      // Compression pointer; bounded so a pointer loop cannot spin.
      if (at + 1 >= end || ++jumps > 16) return undefined
      if (afterName < 0) afterName = at + 2
      at = offset + (((len & 0x3f) << 8) | bytes[at + 1])
      continue
    }
    if (len > 63 || at + 1 + len > end) return undefined
    labels.push(String.fromCharCode(...bytes.subarray(at + 1, at + 1 + len)))
    at += 1 + len
  }
  if (afterName + 4 > end) return undefined
  const type = u16(afterName)
  const typeName = Object.keys(DNS_TYPES).find((k) => DNS_TYPES[k] === type) ?? `TYPE${type}`
  return { id: u16(offset), response: (bytes[offset + 2] & 0x80) !== 0, name: labels.join('.') + '.', type, typeName }
}
