/**
 * Bob Jenkins' lookup3 hash exactly as the kernel's htab uses it (include/linux/jhash.h): the
 * bucket of a key is jhash(key bytes, key_size, seed) & (n_buckets - 1). On little-endian
 * machines the kernel's word path (jhash2) and byte path (jhash) agree, so one algorithm
 * covers every key size: 12-byte blocks are mixed while more than 12 bytes remain, the last
 * 1..12 bytes (zero-padded) go through the final mix. All arithmetic is 32-bit.
 */

const JHASH_INITVAL = 0xdeadbeef

/** jhash of `len` bytes at `addr` of `u8` (any alignment). Returns an unsigned 32-bit value. */
export function jhashBytes(u8: Uint8Array, addr: number, len: number, seed: number): number {
  let a = (JHASH_INITVAL + len + seed) | 0
  let b = a
  let c = a
  let p = addr
  let n = len
  while (n > 12) {
    a = (a + (u8[p] | (u8[p + 1] << 8) | (u8[p + 2] << 16) | (u8[p + 3] << 24))) | 0
    b = (b + (u8[p + 4] | (u8[p + 5] << 8) | (u8[p + 6] << 16) | (u8[p + 7] << 24))) | 0
    c = (c + (u8[p + 8] | (u8[p + 9] << 8) | (u8[p + 10] << 16) | (u8[p + 11] << 24))) | 0
    // __jhash_mix
    a = (a - c) | 0; a ^= (c << 4) | (c >>> 28); c = (c + b) | 0
    b = (b - a) | 0; b ^= (a << 6) | (a >>> 26); a = (a + c) | 0
    c = (c - b) | 0; c ^= (b << 8) | (b >>> 24); b = (b + a) | 0
    a = (a - c) | 0; a ^= (c << 16) | (c >>> 16); c = (c + b) | 0
    b = (b - a) | 0; b ^= (a << 19) | (a >>> 13); a = (a + c) | 0
    c = (c - b) | 0; c ^= (b << 4) | (b >>> 28); b = (b + a) | 0
    p += 12
    n -= 12
  }
  if (n === 0) return c >>> 0 // only for len 0: the kernel returns c without the final mix
  let w0 = 0
  let w1 = 0
  let w2 = 0
  for (let i = 0; i < n; i++) {
    const v = u8[p + i] << ((i & 3) << 3)
    if (i < 4) w0 |= v
    else if (i < 8) w1 |= v
    else w2 |= v
  }
  a = (a + w0) | 0
  b = (b + w1) | 0
  c = (c + w2) | 0
  return jhashFinal(a, b, c)
}

/** jhash of a key at a 4-byte aligned address, reading whole words through i32 (fast path). */
export function jhashAligned(i32: Int32Array, u8: Uint8Array, addr: number, len: number, seed: number): number {
  if (len === 4) return jhashWord(i32[addr >> 2], seed)
  if ((len & 3) !== 0) return jhashBytes(u8, addr, len, seed)
  let a = (JHASH_INITVAL + len + seed) | 0
  let b = a
  let c = a
  let w = addr >> 2
  let n = len
  while (n > 12) {
    a = (a + i32[w]) | 0
    b = (b + i32[w + 1]) | 0
    c = (c + i32[w + 2]) | 0
    a = (a - c) | 0; a ^= (c << 4) | (c >>> 28); c = (c + b) | 0
    b = (b - a) | 0; b ^= (a << 6) | (a >>> 26); a = (a + c) | 0
    c = (c - b) | 0; c ^= (b << 8) | (b >>> 24); b = (b + a) | 0
    a = (a - c) | 0; a ^= (c << 16) | (c >>> 16); c = (c + b) | 0
    b = (b - a) | 0; b ^= (a << 19) | (a >>> 13); a = (a + c) | 0
    c = (c - b) | 0; c ^= (b << 4) | (b >>> 28); b = (b + a) | 0
    w += 3
    n -= 12
  }
  // 4, 8 or 12 bytes left (whole words).
  a = (a + i32[w]) | 0
  if (n > 4) b = (b + i32[w + 1]) | 0
  if (n > 8) c = (c + i32[w + 2]) | 0
  return jhashFinal(a, b, c)
}

/** Hash of a key anywhere in memory: picks the word path when the address allows it. */
export function jhashKey(i32: Int32Array, u8: Uint8Array, addr: number, len: number, seed: number): number {
  return (addr & 3) === 0 ? jhashAligned(i32, u8, addr, len, seed) : jhashBytes(u8, addr, len, seed)
}

/** jhash of a 4-byte key whose bytes are the little-endian word `word`. */
export function jhashWord(word: number, seed: number): number {
  const bc = (JHASH_INITVAL + 4 + seed) | 0
  return jhashFinal((bc + word) | 0, bc, bc)
}

/** __jhash_final */
function jhashFinal(a: number, b: number, c: number): number {
  c ^= b; c = (c - ((b << 14) | (b >>> 18))) | 0
  a ^= c; a = (a - ((c << 11) | (c >>> 21))) | 0
  b ^= a; b = (b - ((a << 25) | (a >>> 7))) | 0
  c ^= b; c = (c - ((b << 16) | (b >>> 16))) | 0
  a ^= c; a = (a - ((c << 4) | (c >>> 28))) | 0
  b ^= a; b = (b - ((a << 14) | (a >>> 18))) | 0
  c ^= b; c = (c - ((b << 24) | (b >>> 8))) | 0
  return c >>> 0
}
