/**
 * Map bytes read as the program's C types. A type (TypeDesc from the compiler) is flattened into
 * leaves: one per scalar a table cell can show (struct fields by dotted path, small arrays by
 * index, char arrays as text), each with its byte offset inside the key or value, so padding is
 * simply never read. Leaves decode little-endian (x86-64), as decimal or hex, and per-CPU values
 * add up per leaf, wrapping at the leaf's width like C arithmetic.
 *
 * Without a type, a buffer of 1, 2, 4 or 8 bytes is one integer (shown signed and, when they
 * differ, unsigned), anything else raw bytes.
 */
import type { TypeDesc } from '../../lang/api'
import { hex } from './decode'

export type LeafKind = 'int' | 'guess' | 'bool' | 'float' | 'pointer' | 'text' | 'ints' | 'bytes'

export interface Leaf {
  /** Dotted field path ("" for a scalar key or value). */
  label: string
  offset: number
  size: number
  kind: LeafKind
  signed?: boolean
  /** Bitfields: bit position inside the bytes at offset, and width. */
  bitOffset?: number
  bitWidth?: number
  /** kind 'ints': size of one element. */
  elemSize?: number
}

/** Longest array flattened into one column per element. */
const MAX_SPREAD = 8
/** Columns at most per key or value; what is left goes into one bytes column. */
const MAX_LEAVES = 24
/** Elements of an 'ints' cell shown before "…". */
const MAX_SHOWN = 8

export function sizeOfType(t: TypeDesc): number {
  switch (t.kind) {
    case 'void':
    case 'function':
      return 0
    case 'bool':
      return 1
    case 'int':
    case 'float':
      return t.size
    case 'enum':
      return 4
    case 'pointer':
      return 8
    case 'array':
      return t.length === null ? 0 : t.length * sizeOfType(t.of)
    default:
      return t.size
  }
}

function isChar(t: TypeDesc): boolean {
  return t.kind === 'int' && t.size === 1 && /char/.test(t.name)
}

/** The name a type was written with, for legends ("struct flow", "__u32", "char[16]"). */
export function typeLabel(t: TypeDesc): string {
  switch (t.kind) {
    case 'int':
    case 'float':
    case 'enum':
    case 'struct':
    case 'union':
    case 'function':
      return t.name
    case 'bool':
      return '_Bool'
    case 'void':
      return 'void'
    case 'pointer':
      return `${typeLabel(t.to)} *`
    case 'array':
      return `${typeLabel(t.of)}[${t.length ?? ''}]`
  }
}

function join(prefix: string, name: string): string {
  if (!prefix) return name
  return name.startsWith('[') ? prefix + name : `${prefix}.${name}`
}

function flattenInto(t: TypeDesc, offset: number, label: string, out: Leaf[]): void {
  switch (t.kind) {
    case 'int':
      out.push({ label, offset, size: t.size, kind: 'int', signed: t.signed })
      return
    case 'enum':
      out.push({ label, offset, size: 4, kind: 'int', signed: true })
      return
    case 'bool':
      out.push({ label, offset, size: 1, kind: 'bool' })
      return
    case 'float':
      out.push({ label, offset, size: t.size, kind: 'float' })
      return
    case 'pointer':
      out.push({ label, offset, size: 8, kind: 'pointer' })
      return
    case 'array': {
      const n = t.length ?? 0
      const es = sizeOfType(t.of)
      if (n === 0 || es === 0) return
      if (isChar(t.of)) out.push({ label, offset, size: n, kind: 'text' })
      else if (n <= MAX_SPREAD) for (let i = 0; i < n; i++) flattenInto(t.of, offset + i * es, join(label, `[${i}]`), out)
      else if (t.of.kind === 'int' || t.of.kind === 'enum') out.push({ label, offset, size: n * es, kind: 'ints', elemSize: es, signed: t.of.kind === 'enum' || t.of.signed })
      else out.push({ label, offset, size: n * es, kind: 'bytes' })
      return
    }
    case 'struct':
    case 'union':
      for (const f of t.fields) {
        const at = offset + f.offset
        if (f.bitWidth !== undefined) {
          if (f.bitWidth === 0 || !f.name) continue // unnamed bitfields are padding
          const base = f.type.kind === 'int' ? f.type : null
          out.push({ label: join(label, f.name), offset: at, size: base?.size ?? 4, kind: 'int', signed: base?.signed ?? false, bitOffset: f.bitOffset ?? 0, bitWidth: f.bitWidth })
        } else {
          // Anonymous struct/union members lend their fields to the enclosing record.
          flattenInto(f.type, at, f.name ? join(label, f.name) : label, out)
        }
      }
      return
    default:
      return
  }
}

/** The cells of a key or value of `size` bytes read as `t` (or guessed without a type). */
export function leavesOf(t: TypeDesc | undefined, size: number): Leaf[] {
  if (!t || sizeOfType(t) !== size) return guessLeaves(size)
  const out: Leaf[] = []
  flattenInto(t, 0, '', out)
  if (out.length === 0) return guessLeaves(size)
  if (out.length > MAX_LEAVES) {
    const kept = out.slice(0, MAX_LEAVES - 1)
    const rest = out[MAX_LEAVES - 1].offset
    kept.push({ label: '…', offset: rest, size: size - rest, kind: 'bytes' })
    return kept
  }
  return out
}

export function guessLeaves(size: number): Leaf[] {
  if (size === 1 || size === 2 || size === 4 || size === 8) return [{ label: '', offset: 0, size, kind: 'guess' }]
  return [{ label: '', offset: 0, size, kind: 'bytes' }]
}

function readUnsigned(bytes: Uint8Array, offset: number, size: number): bigint {
  let u = 0n
  for (let i = Math.min(offset + size, bytes.length) - 1; i >= offset; i--) u = (u << 8n) | BigInt(bytes[i])
  return u
}

function toSigned(u: bigint, bits: number): bigint {
  const b = BigInt(bits)
  return u >= 1n << (b - 1n) ? u - (1n << b) : u
}

/** The leaf's integer value (bitfields extracted), or null for non-integer leaves. */
export function leafInt(bytes: Uint8Array, leaf: Leaf): bigint | null {
  if (leaf.kind !== 'int' && leaf.kind !== 'guess' && leaf.kind !== 'bool') return null
  let u = readUnsigned(bytes, leaf.offset, leaf.bitWidth !== undefined ? Math.ceil(((leaf.bitOffset ?? 0) + leaf.bitWidth) / 8) : leaf.size)
  let bits = leaf.size * 8
  if (leaf.bitWidth !== undefined) {
    u = (u >> BigInt(leaf.bitOffset ?? 0)) & ((1n << BigInt(leaf.bitWidth)) - 1n)
    bits = leaf.bitWidth
  }
  return leaf.signed ? toSigned(u, bits) : u
}

function hexInt(u: bigint, size: number): string {
  return '0x' + BigInt.asUintN(size * 8, u).toString(16).padStart(size * 2, '0')
}

function quoteText(bytes: Uint8Array): string | null {
  let end = bytes.indexOf(0)
  if (end < 0) end = bytes.length
  // Text is what a C string holds: printable up to the NUL, nothing but NULs after it.
  for (let i = end; i < bytes.length; i++) if (bytes[i] !== 0) return null
  let s = ''
  for (let i = 0; i < end; i++) {
    const c = bytes[i]
    if (c === 0x22 || c === 0x5c) s += '\\' + String.fromCharCode(c)
    else if (c >= 0x20 && c < 0x7f) s += String.fromCharCode(c)
    else if (c === 0x0a) s += '\\n'
    else if (c === 0x09) s += '\\t'
    else return null
  }
  return `"${s}"`
}

/** What a table cell shows for this leaf of a key or value. */
export function leafText(bytes: Uint8Array, leaf: Leaf, asHex: boolean): string {
  const raw = bytes.subarray(leaf.offset, leaf.offset + leaf.size)
  switch (leaf.kind) {
    case 'int':
    case 'bool': {
      const v = leafInt(bytes, leaf)!
      if (asHex) return hexInt(v, leaf.bitWidth !== undefined ? Math.ceil(leaf.bitWidth / 8) : leaf.size)
      return leaf.kind === 'bool' ? (v === 0n ? 'false' : v === 1n ? 'true' : v.toString()) : v.toString()
    }
    case 'guess': {
      const u = readUnsigned(bytes, 0, leaf.size)
      if (asHex) return hexInt(u, leaf.size)
      const s = toSigned(u, leaf.size * 8)
      return s === u ? u.toString() : `${s} (${u})`
    }
    case 'float': {
      if (asHex) return hex(raw)
      const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength)
      const f = leaf.size === 4 ? dv.getFloat32(0, true) : dv.getFloat64(0, true)
      return Number.isInteger(f) && Math.abs(f) < 1e15 ? f.toFixed(1) : String(f)
    }
    case 'pointer': {
      const u = readUnsigned(bytes, leaf.offset, 8)
      return u === 0n && !asHex ? 'NULL' : hexInt(u, 8)
    }
    case 'text':
      return (!asHex && quoteText(raw)) || hex(raw)
    case 'ints': {
      const es = leaf.elemSize!
      const n = leaf.size / es
      const parts: string[] = []
      for (let i = 0; i < Math.min(n, MAX_SHOWN); i++) {
        const u = readUnsigned(bytes, leaf.offset + i * es, es)
        parts.push(asHex ? hexInt(u, es) : (leaf.signed ? toSigned(u, es * 8) : u).toString())
      }
      return `[${parts.join(', ')}${n > MAX_SHOWN ? `, … ${n - MAX_SHOWN} more` : ''}]`
    }
    case 'bytes':
      return hex(raw) || '—'
  }
}

/** Whether per-CPU copies of this leaf add up to something meaningful (counters do; text does not). */
export function summable(leaf: Leaf): boolean {
  return leaf.kind === 'int' || leaf.kind === 'guess'
}

/**
 * Sum of one leaf over the per-CPU copies, wrapped to the leaf's width like C (`__u64 sum += v`)
 * and read with its signedness; null when the leaf is not a number.
 */
export function leafSum(values: Uint8Array[], leaf: Leaf): bigint | null {
  if (!summable(leaf)) return null
  const bits = leaf.bitWidth ?? leaf.size * 8
  let sum = 0n
  for (const v of values) {
    const x = leaf.kind === 'guess' ? readUnsigned(v, leaf.offset, leaf.size) : leafInt(v, leaf)!
    sum += x
  }
  const u = BigInt.asUintN(bits, sum)
  return leaf.signed ? toSigned(u, bits) : u
}

export function sumText(sum: bigint | null, leaf: Leaf, asHex: boolean): string {
  if (sum === null) return '—'
  return asHex ? hexInt(sum, leaf.bitWidth !== undefined ? Math.ceil(leaf.bitWidth / 8) : leaf.size) : sum.toString()
}

/** A key or value in one short string: the scalar itself, or `{field value, …}` for structs. */
export function compactText(bytes: Uint8Array, leaves: Leaf[], asHex = false): string {
  if (leaves.length === 1 && leaves[0].label === '') {
    const l = leaves[0]
    // A guessed integer shows one reading here: the signed one (keys are usually small ints).
    if (l.kind === 'guess' && !asHex) return leafText(bytes, { ...l, kind: 'int', signed: true }, false)
    return leafText(bytes, l, asHex)
  }
  return `{${leaves.map((l) => `${l.label} ${leafText(bytes, l, asHex)}`).join(', ')}}`
}
