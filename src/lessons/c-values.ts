/**
 * Keys and values in check lines: C integer literals (`5`, `-1`, `0x2a`, `200ULL`, `'A'`) and
 * literal bytes (`hex "05 00 00 00"`), turned into the bytes a map holds (little-endian, as on
 * x86-64) and read back out of a value (`u64 at offset 8`).
 */
import type { ByteSpec, Field } from './types'

const INT_RE = /^(-)?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)([uU]?[lL]{0,2}|[lL]{1,2}[uU])$/

/** A C integer literal (decimal, octal, hex, with u/l suffixes, optional minus) or a char constant. null if not one. */
export function parseCInt(text: string): bigint | null {
  const ch = /^'(\\?.)'$/.exec(text)
  if (ch) {
    const esc: Record<string, number> = { '\\n': 10, '\\t': 9, '\\0': 0, "\\'": 39, '\\\\': 92 }
    const c = ch[1]
    if (c.length === 2) return esc[c] === undefined ? null : BigInt(esc[c])
    return BigInt(c.charCodeAt(0))
  }
  const m = INT_RE.exec(text)
  if (!m) return null
  const digits = m[2]
  let v: bigint
  if (/^0[xX]/.test(digits)) v = BigInt(digits)
  else if (digits.length > 1 && digits[0] === '0') v = BigInt('0o' + digits.slice(1))
  else v = BigInt(digits)
  return m[1] ? -v : v
}

/** Hex bytes, spaces allowed: "05 00 00 00" or "05000000". null if malformed. */
export function parseHexBytes(text: string): Uint8Array | null {
  const clean = text.replace(/[\s:]/g, '')
  if (clean.length === 0 || clean.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(clean)) return null
  const out = new Uint8Array(clean.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16)
  return out
}

/** `size` little-endian bytes of `v` (two's complement); an error text when it does not fit. */
export function encodeInt(v: bigint, size: number): Uint8Array | string {
  if (size < 1 || size > 8) return `an integer cannot stand for ${size} bytes: give them as hex "…"`
  const bits = BigInt(size * 8)
  const min = -(1n << (bits - 1n))
  const max = (1n << bits) - 1n
  if (v < min || v > max) return `${v} does not fit in ${size} byte${size > 1 ? 's' : ''}`
  let u = BigInt.asUintN(size * 8, v)
  const out = new Uint8Array(size)
  for (let i = 0; i < size; i++) {
    out[i] = Number(u & 0xffn)
    u >>= 8n
  }
  return out
}

/** The bytes a ByteSpec stands for in a `size`-byte key or value, or an error text. */
export function specBytes(spec: ByteSpec, size: number): Uint8Array | string {
  if (spec.kind === 'hex') {
    return spec.bytes.length === size ? spec.bytes : `hex "${spec.text}" is ${spec.bytes.length} bytes, the map's are ${size}`
  }
  return encodeInt(spec.value, size)
}

export const FIELD_SIZE: Record<Field['type'], number> = { u8: 1, u16: 2, u32: 4, u64: 8, s8: 1, s16: 2, s32: 4, s64: 8 }

/** Reads a little-endian integer of `size` bytes at `offset`, signed or not. */
export function readInt(bytes: Uint8Array, offset: number, size: number, signed: boolean): bigint {
  let v = 0n
  for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[offset + i])
  return signed ? BigInt.asIntN(size * 8, v) : v
}

/** The scalar a field names inside a value, or an error text when the value is too small. */
export function readField(value: Uint8Array, field: Field): bigint | string {
  const size = FIELD_SIZE[field.type]
  if (field.offset + size > value.length) return `${field.type} at offset ${field.offset} is past the end of the ${value.length}-byte value`
  return readInt(value, field.offset, size, field.type.startsWith('s'))
}

export function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ')
}

/** How a key or value reads in a message: as the integer when it is 1–8 bytes, else as hex. */
export function describeBytes(bytes: Uint8Array, signedHint = false): string {
  if (bytes.length >= 1 && bytes.length <= 8) return String(readInt(bytes, 0, bytes.length, signedHint))
  return `hex "${hex(bytes)}"`
}
