/**
 * Receive-side scaling: which RX queue, and so which CPU, a frame arrives on. Multi-queue NICs
 * hash each frame's flow (Toeplitz hash of the IP addresses and, for TCP and UDP, the ports,
 * with the 40-byte RSS key) and look the hash up in an indirection table spread evenly over the
 * queues, the table Linux drivers set up by default (ethtool -x). All packets of one flow go to
 * one CPU, in order; frames without IP (ARP) go to queue 0.
 *
 * The key is the well-known default of the Microsoft RSS specification, used by many drivers.
 */

const RSS_KEY = Uint8Array.from([
  0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0, 0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4, 0x77, 0xcb, 0x2d, 0xa3,
  0x80, 0x30, 0xf2, 0x0c, 0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
])
const INDIRECTION_ENTRIES = 128

/** Toeplitz hash of `input` (at most 36 bytes) with the RSS key, bit by bit (the definition). */
export function toeplitzBits(input: Uint8Array, len = input.length): number {
  let result = 0
  // the 32-bit window of the key starting at the current input bit
  let window = ((RSS_KEY[0] << 24) | (RSS_KEY[1] << 16) | (RSS_KEY[2] << 8) | RSS_KEY[3]) >>> 0
  for (let i = 0; i < len; i++) {
    const byte = input[i]
    const next = RSS_KEY[i + 4] ?? 0
    for (let b = 7; b >= 0; b--) {
      if (byte & (1 << b)) result ^= window
      window = ((window << 1) | ((next >> b) & 1)) >>> 0
    }
  }
  return result >>> 0
}

/**
 * The hash is linear: byte i with value v always contributes the same 32-bit word, so a table of
 * 36 x 256 words turns it into one lookup and XOR per input byte (the producer hashes every frame).
 */
const TABLE = (() => {
  const t = new Uint32Array(36 * 256)
  const one = new Uint8Array(36)
  for (let i = 0; i < 36; i++) {
    for (let v = 0; v < 256; v++) {
      one.fill(0)
      one[i] = v
      t[i * 256 + v] = toeplitzBits(one, 36)
    }
  }
  return t
})()

/** Toeplitz hash of `input` (at most 36 bytes) with the RSS key. */
export function toeplitz(input: Uint8Array, len = input.length): number {
  let h = 0
  for (let i = 0; i < len; i++) h ^= TABLE[i * 256 + input[i]]
  return h >>> 0
}

const ETH_P_IP = 0x0800
const ETH_P_IPV6 = 0x86dd

/** Adds `len` bytes of the frame at `at` to the hash, as tuple bytes from position `pos`. */
function mix(h: number, frame: Uint8Array, at: number, len: number, pos: number): number {
  for (let i = 0; i < len; i++) h ^= TABLE[(pos + i) * 256 + frame[at + i]]
  return h
}

/** The RX queue of a frame among `queues` queues (no allocation: the producer hashes every frame). */
export function rxQueue(frame: Uint8Array, queues: number): number {
  const len = frame.length
  if (queues <= 1 || len < 14) return 0
  const T = TABLE
  let off = 12
  let type = (frame[off] << 8) | frame[off + 1]
  while ((type === 0x8100 || type === 0x88a8) && off + 6 <= len) {
    off += 4
    type = (frame[off] << 8) | frame[off + 1]
  }
  off += 2
  let h = 0
  let n: number
  let l4 = -1
  let proto: number
  if (type === ETH_P_IP && off + 20 <= len) {
    const fragmented = ((frame[off + 6] & 0x3f) | frame[off + 7]) !== 0
    // source and destination address (tuple bytes 0-7), unrolled: every IPv4 frame comes here
    const a = off + 12
    h = T[frame[a]] ^ T[256 + frame[a + 1]] ^ T[512 + frame[a + 2]] ^ T[768 + frame[a + 3]]
    h ^= T[1024 + frame[a + 4]] ^ T[1280 + frame[a + 5]] ^ T[1536 + frame[a + 6]] ^ T[1792 + frame[a + 7]]
    n = 8
    proto = frame[off + 9]
    if (!fragmented) l4 = off + (frame[off] & 15) * 4
  } else if (type === ETH_P_IPV6 && off + 40 <= len) {
    h = mix(h, frame, off + 8, 32, 0)
    n = 32
    proto = frame[off + 6]
    l4 = off + 40
  } else {
    return 0
  }
  if ((proto === 6 || proto === 17) && l4 >= 0 && l4 + 4 <= len) {
    // ports (tuple bytes n..n+3)
    const b = n * 256
    h ^= T[b + frame[l4]] ^ T[b + 256 + frame[l4 + 1]] ^ T[b + 512 + frame[l4 + 2]] ^ T[b + 768 + frame[l4 + 3]]
  }
  // hash mod 128 (the indirection table's size, as a mask: a division of the unsigned hash costs as
  // much as the hash), then the table's entry: spread evenly over the queues
  return (h & (INDIRECTION_ENTRIES - 1)) % queues
}
