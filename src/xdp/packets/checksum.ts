/**
 * The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of 16-bit
 * big-endian words, an odd last byte padded with zero. IPv4 headers, ICMP, TCP and UDP all use
 * it; TCP, UDP and ICMPv6 also sum a "pseudo-header" of the IP addresses, protocol and length
 * first, so a packet whose addresses are rewritten (NAT, load balancers) needs a new checksum.
 * Verifying is the same sum over the data with its checksum in place: a correct packet sums to 0.
 */

/** Adds bytes[start, end) to a running 32-bit sum (not yet folded). */
export function sumWords(bytes: Uint8Array, start: number, end: number, sum = 0): number {
  let i = start
  for (; i + 1 < end; i += 2) sum += (bytes[i] << 8) | bytes[i + 1]
  if (i < end) sum += bytes[i] << 8
  // A double holds this sum exactly for any packet (2^53 / 0xffff words), so fold only at the end.
  return sum
}

/** Folds carries back into 16 bits (end-around carry). */
export function foldSum(sum: number): number {
  while (sum > 0xffff) sum = (sum & 0xffff) + Math.floor(sum / 0x10000)
  return sum
}

/** The checksum field value for bytes[start, end) plus an initial sum. */
export function internetChecksum(bytes: Uint8Array, start = 0, end = bytes.length, initial = 0): number {
  return ~foldSum(sumWords(bytes, start, end, initial)) & 0xffff
}

/** Sum of the IPv4 pseudo-header (src, dst, zero, protocol, L4 length). Addresses read from the IP header. */
export function ipv4PseudoSum(bytes: Uint8Array, ipOffset: number, protocol: number, l4Length: number): number {
  return sumWords(bytes, ipOffset + 12, ipOffset + 20) + protocol + l4Length
}

/** Sum of the IPv6 pseudo-header (src, dst, 32-bit length, next header). Addresses read from the IP header. */
export function ipv6PseudoSum(bytes: Uint8Array, ipOffset: number, nextHeader: number, l4Length: number): number {
  return sumWords(bytes, ipOffset + 8, ipOffset + 40) + Math.floor(l4Length / 0x10000) + (l4Length & 0xffff) + nextHeader
}
