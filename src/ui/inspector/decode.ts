/**
 * Map keys and values as bytes and as the integers a C program most likely stored in them
 * (x86-64: little-endian). Sizes 1, 2, 4 and 8 decode as one integer; other sizes are shown
 * as bytes only, since the inspector does not know the program's struct layout yet.
 */

export function hex(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i++) s += (i ? ' ' : '') + bytes[i].toString(16).padStart(2, '0')
  return s
}

/** Little-endian signed and unsigned value of a 1/2/4/8-byte buffer; null for other sizes. */
export function decodeInt(bytes: Uint8Array): { signed: bigint; unsigned: bigint } | null {
  const n = bytes.length
  if (n !== 1 && n !== 2 && n !== 4 && n !== 8) return null
  let u = 0n
  for (let i = n - 1; i >= 0; i--) u = (u << 8n) | BigInt(bytes[i])
  const bits = BigInt(n * 8)
  const signed = u >= 1n << (bits - 1n) ? u - (1n << bits) : u
  return { signed, unsigned: u }
}

/** "42", or "-1 (4294967295)" when the signed and unsigned readings differ; null when the size has no integer reading. */
export function intText(bytes: Uint8Array): string | null {
  const v = decodeInt(bytes)
  if (!v) return null
  return v.signed === v.unsigned ? v.signed.toString() : `${v.signed} (${v.unsigned})`
}

/** Sum of per-CPU values read as unsigned integers of their size (what a counter adds up to), wrapping like C. */
export function sumPerCpu(values: Uint8Array[]): bigint | null {
  let sum = 0n
  let bits = 0n
  for (const v of values) {
    const d = decodeInt(v)
    if (!d) return null
    bits = BigInt(v.length * 8)
    sum += d.unsigned
  }
  return bits ? sum & ((1n << bits) - 1n) : 0n
}

/** Bytes from the key of an event (at most its first 16), cut to the map's key size. */
export function keyOfEvent(key: Uint8Array, keySize: number | undefined): Uint8Array {
  return keySize !== undefined && keySize < key.length ? key.subarray(0, keySize) : key
}
