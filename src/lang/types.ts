/**
 * C types with the exact x86-64 LP64 layout gcc uses: sizes, alignments, struct/union padding,
 * bitfields (SysV rules: a bitfield never straddles a unit of its declared type unless packed),
 * `packed` / `aligned(n)`, flexible array members and anonymous struct/union members.
 *
 * Types are plain immutable objects. Qualifiers and the typedef name a type was written with
 * (`alias`, kept only for gcc-style messages such as `'__u64' {aka 'long long unsigned int'}`) live
 * on copies; struct/union/enum identity is the shared `info` object, so copies stay the same type.
 * Also here: the usual arithmetic conversions, compatibility tests, gcc's spelling of types and the
 * `TypeDesc` view for tools.
 */

import type { TypeDesc } from './api'
import type { TExpr, VarSym } from './ast'

interface Quals {
  const?: boolean
  volatile?: boolean
  /** typedef name this type was written as (diagnostics only) */
  alias?: string
}

export type IntName =
  | 'char' | 'signed char' | 'unsigned char'
  | 'short int' | 'short unsigned int'
  | 'int' | 'unsigned int'
  | 'long int' | 'long unsigned int'
  | 'long long int' | 'long long unsigned int'

export interface VoidT extends Quals { k: 'void' }
export interface BoolT extends Quals { k: 'bool' }
export interface IntT extends Quals { k: 'int'; size: 1 | 2 | 4 | 8; signed: boolean; name: IntName; rank: number }
export interface FloatT extends Quals { k: 'float'; size: 4 | 8; name: 'float' | 'double' | 'long double' }
export interface EnumT extends Quals { k: 'enum'; info: EnumInfo }
export interface PtrT extends Quals { k: 'ptr'; to: CType }
export interface ArrayT extends Quals {
  k: 'array'
  of: CType
  /** null: unknown size (extern int a[]; flexible member) or a VLA (then `vla` is set) */
  len: number | null
  /** variable length array: the element count expression, then the hidden variable holding it */
  vla?: { count: TExpr; countVar?: VarSym }
}
export interface RecordT extends Quals { k: 'struct' | 'union'; info: RecordInfo }
export interface FuncT extends Quals {
  k: 'func'
  ret: CType
  params: CType[]
  variadic: boolean
  /** false for `int f()` (no prototype: any arguments, default promotions) */
  proto: boolean
}

export type CType = VoidT | BoolT | IntT | FloatT | EnumT | PtrT | ArrayT | RecordT | FuncT

export interface EnumInfo {
  tag: string | null
  complete: boolean
  /** int when some enumerator is negative, unsigned int otherwise (gcc), wider when needed */
  base: IntT
  id: number
}

export interface Field {
  name: string | null
  type: CType
  offset: number
  /** bitfields: bit position within the struct (absolute, from byte 0) and width */
  bitOffset?: number
  bitWidth?: number
}

export interface RecordInfo {
  kind: 'struct' | 'union'
  tag: string | null
  complete: boolean
  size: number
  align: number
  fields: Field[]
  packed: boolean
  /** ends with a flexible array member */
  flexible: boolean
  id: number
}

// --- the basic types ---------------------------------------------------------------------------

function int(name: IntName, size: 1 | 2 | 4 | 8, signed: boolean, rank: number): IntT {
  return { k: 'int', size, signed, name, rank }
}

export const T = {
  void: { k: 'void' } as VoidT,
  bool: { k: 'bool' } as BoolT,
  char: int('char', 1, true, 1),
  schar: int('signed char', 1, true, 1),
  uchar: int('unsigned char', 1, false, 1),
  short: int('short int', 2, true, 2),
  ushort: int('short unsigned int', 2, false, 2),
  int: int('int', 4, true, 3),
  uint: int('unsigned int', 4, false, 3),
  long: int('long int', 8, true, 4),
  ulong: int('long unsigned int', 8, false, 4),
  llong: int('long long int', 8, true, 5),
  ullong: int('long long unsigned int', 8, false, 5),
  float: { k: 'float', size: 4, name: 'float' } as FloatT,
  double: { k: 'float', size: 8, name: 'double' } as FloatT,
  ldouble: { k: 'float', size: 8, name: 'long double' } as FloatT,
}

export const sizeT: IntT = { ...T.ulong, alias: 'size_t' }
export const ptrdiffT: IntT = { ...T.long, alias: 'ptrdiff_t' }

export function ptr(to: CType): PtrT {
  return { k: 'ptr', to }
}
export function arrayOf(of: CType, len: number | null): ArrayT {
  return { k: 'array', of, len }
}
export function func(ret: CType, params: CType[], variadic = false, proto = true): FuncT {
  return { k: 'func', ret, params, variadic, proto }
}

/** The same type without qualifiers and typedef name. */
export function unqual(t: CType): CType {
  if (!t.const && !t.volatile && !t.alias) return t
  const c = { ...t }
  delete c.const
  delete c.volatile
  delete c.alias
  return c
}
export function withQuals(t: CType, q: { const?: boolean; volatile?: boolean }): CType {
  if ((!q.const || t.const) && (!q.volatile || t.volatile)) return t
  if (t.k === 'array') return { ...t, of: withQuals(t.of, q) } // qualifiers of an array apply to its elements
  return { ...t, const: t.const || q.const || undefined, volatile: t.volatile || q.volatile || undefined }
}
export function withAlias(t: CType, alias: string): CType {
  return { ...t, alias }
}
export function noAlias(t: CType): CType {
  if (!t.alias) return t
  const c = { ...t }
  delete c.alias
  return c
}

// --- classification ------------------------------------------------------------------------------

export const isInteger = (t: CType): t is IntT | BoolT | EnumT => t.k === 'int' || t.k === 'bool' || t.k === 'enum'
export const isFloat = (t: CType): t is FloatT => t.k === 'float'
export const isArith = (t: CType): boolean => isInteger(t) || t.k === 'float'
export const isPtr = (t: CType): t is PtrT => t.k === 'ptr'
export const isScalar = (t: CType): boolean => isArith(t) || t.k === 'ptr'
export const isRecord = (t: CType): t is RecordT => t.k === 'struct' || t.k === 'union'
export const isAggregate = (t: CType): boolean => t.k === 'array' || isRecord(t)
export const isVoid = (t: CType): boolean => t.k === 'void'
export const isFunc = (t: CType): t is FuncT => t.k === 'func'

/** The integer type an integer-class type behaves as (enum -> its base, _Bool -> unsigned char-like). */
export function intBase(t: CType): IntT {
  if (t.k === 'int') return t
  if (t.k === 'enum') return t.info.base
  if (t.k === 'bool') return T.uchar
  return T.ulong // pointers, when used as integers
}

/** Is the type complete (has a known size)? */
export function isComplete(t: CType): boolean {
  switch (t.k) {
    case 'void': return false
    case 'array': return (t.len !== null || !!t.vla) && isComplete(t.of)
    case 'struct': case 'union': return t.info.complete
    case 'enum': return true
    case 'func': return false
    default: return true
  }
}

export function sizeOf(t: CType): number {
  switch (t.k) {
    case 'void': return 1 // GNU: sizeof(void) == 1, void * arithmetic steps by 1
    case 'bool': return 1
    case 'int': return t.size
    case 'float': return t.size
    case 'enum': return t.info.base.size
    case 'ptr': return 8
    case 'array': return t.len === null ? 0 : t.len * sizeOf(t.of)
    case 'struct': case 'union': return t.info.complete ? t.info.size : 0
    case 'func': return 1 // GNU
  }
}

export function alignOf(t: CType): number {
  switch (t.k) {
    case 'array': return alignOf(t.of)
    case 'struct': case 'union': return t.info.complete ? t.info.align : 1
    case 'func': case 'void': return 1
    default: return sizeOf(t)
  }
}

// --- conversions ----------------------------------------------------------------------------------

/** Integer promotion (C11 6.3.1.1). */
export function promote(t: CType): CType {
  if (t.k === 'bool') return T.int
  if (t.k === 'enum') return t.info.base.rank < 3 ? T.int : unqual(t.info.base)
  if (t.k === 'int') {
    if (t.rank < 3) return T.int // every char/short value fits in int
    return unqual(t)
  }
  return unqual(t)
}

/** Default argument promotions: integer promotions, float -> double. */
export function argPromote(t: CType): CType {
  if (t.k === 'float' && t.size === 4) return T.double
  if (t.k === 'array') return ptr(t.of)
  if (t.k === 'func') return ptr(t)
  return promote(t)
}

/** Usual arithmetic conversions (C11 6.3.1.8) for two arithmetic types. */
export function commonType(a: CType, b: CType): CType {
  if (a.k === 'float' || b.k === 'float') {
    const fa = a.k === 'float' ? a.size : 0
    const fb = b.k === 'float' ? b.size : 0
    if (fa === 8 || fb === 8) {
      if ((a.k === 'float' && a.name === 'long double') || (b.k === 'float' && b.name === 'long double')) return T.ldouble
      return T.double
    }
    return T.float
  }
  const x = promote(a) as IntT
  const y = promote(b) as IntT
  if (x.name === y.name) return x
  if (x.signed === y.signed) return x.rank >= y.rank ? x : y
  const [s, u] = x.signed ? [x, y] : [y, x]
  if (u.rank >= s.rank) return u
  if (s.size > u.size) return s
  return unsignedOf(s)
}

export function unsignedOf(t: IntT): IntT {
  switch (t.rank) {
    case 1: return T.uchar
    case 2: return T.ushort
    case 3: return T.uint
    case 4: return T.ulong
    default: return T.ullong
  }
}

/** Value range of an integer type, as bigints. */
export function intRange(t: IntT | BoolT | EnumT): [bigint, bigint] {
  if (t.k === 'bool') return [0n, 1n]
  const b = intBase(t)
  const bits = BigInt(b.size * 8)
  return b.signed ? [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n] : [0n, (1n << bits) - 1n]
}

/** Wrap an exact integer into the range of an integer type (two's complement). */
export function wrapInt(v: bigint, t: CType): bigint {
  if (t.k === 'bool') return v !== 0n ? 1n : 0n
  if (t.k === 'ptr') return BigInt.asUintN(64, v)
  const b = intBase(t)
  return b.signed ? BigInt.asIntN(b.size * 8, v) : BigInt.asUintN(b.size * 8, v)
}

// --- compatibility (C11 6.2.7), qualifiers ignored at the top --------------------------------------

export function sameType(a: CType, b: CType): boolean {
  if (a === b) return true
  if (a.k !== b.k) {
    // an enum is compatible with its underlying integer type
    if (a.k === 'enum' && b.k === 'int') return a.info.base.name === b.name
    if (b.k === 'enum' && a.k === 'int') return b.info.base.name === a.name
    return false
  }
  switch (a.k) {
    case 'void': case 'bool': return true
    case 'int': return a.name === (b as IntT).name
    case 'float': return a.name === (b as FloatT).name
    case 'enum': return a.info === (b as EnumT).info
    case 'struct': case 'union': return a.info === (b as RecordT).info
    case 'ptr': {
      const bt = (b as PtrT).to
      return !!a.to.const === !!bt.const && sameType(a.to, bt)
    }
    case 'array': {
      const bb = b as ArrayT
      return sameType(a.of, bb.of) && (a.len === null || bb.len === null || a.len === bb.len)
    }
    case 'func': {
      const bf = b as FuncT
      if (!sameType(a.ret, bf.ret)) return false
      if (!a.proto || !bf.proto) return true
      if (a.variadic !== bf.variadic || a.params.length !== bf.params.length) return false
      return a.params.every((p, i) => sameType(p, bf.params[i]))
    }
  }
}

// --- records ----------------------------------------------------------------------------------------

export interface MemberDecl {
  name: string | null
  type: CType
  bitWidth?: number
  /** aligned(n) on the member */
  align?: number
  packed?: boolean
}

/**
 * Lay out a struct or union the way gcc does on x86-64 and fill `info`.
 * Returns problems (gcc wording) for the caller to report.
 */
export function layoutRecord(info: RecordInfo, members: MemberDecl[], opts: { packed: boolean; align?: number }): string[] {
  const problems: string[] = []
  const isUnion = info.kind === 'union'
  let bitPos = 0 // struct: next free bit
  let size = 0 // union: largest member
  let align = 1
  const fields: Field[] = []
  info.flexible = false
  members.forEach((m, i) => {
    const t = m.type
    const packed = opts.packed || !!m.packed
    const natural = alignOf(t)
    let a = packed ? 1 : natural
    if (m.align) a = Math.max(a, m.align)
    if (m.bitWidth !== undefined) {
      const w = m.bitWidth
      if (isUnion) {
        if (m.name !== null || w === 0) align = Math.max(align, w === 0 ? 1 : a)
        if (m.name !== null) fields.push({ name: m.name, type: t, offset: 0, bitOffset: 0, bitWidth: w })
        size = Math.max(size, Math.ceil(w / 8))
        return
      }
      if (w === 0) {
        // a zero-width bitfield moves to the next unit of its type (its type's alignment)
        bitPos = alignUp(bitPos, natural * 8)
        return
      }
      if (!packed) {
        const unit = natural * 8
        if (Math.floor(bitPos / unit) !== Math.floor((bitPos + w - 1) / unit)) bitPos = alignUp(bitPos, unit)
        if (m.align) bitPos = alignUp(bitPos, m.align * 8)
      }
      if (m.name !== null) {
        // named bitfields give the struct their type's alignment (unnamed ones do not)
        align = Math.max(align, a)
        const unitBytes = packed ? 1 : natural
        const offset = Math.floor(bitPos / 8 / unitBytes) * unitBytes
        fields.push({ name: m.name, type: t, offset, bitOffset: bitPos, bitWidth: w })
      }
      bitPos += w
      return
    }
    const isFlexible = t.k === 'array' && t.len === null
    if (isFlexible) {
      if (i !== members.length - 1) problems.push(`flexible array member not at end of struct`)
      else if (isUnion) problems.push('flexible array member in union')
      info.flexible = true
    }
    align = Math.max(align, a)
    if (isUnion) {
      fields.push({ name: m.name, type: t, offset: 0 })
      size = Math.max(size, sizeOf(t))
      return
    }
    const off = alignUp(Math.ceil(bitPos / 8), a)
    fields.push({ name: m.name, type: t, offset: off })
    bitPos = (off + sizeOf(t)) * 8
  })
  if (opts.align) align = Math.max(align, opts.align)
  const raw = isUnion ? size : Math.ceil(bitPos / 8)
  info.size = alignUp(raw, align)
  info.align = align
  info.fields = fields
  info.packed = opts.packed
  info.complete = true
  return problems
}

export function alignUp(n: number, a: number): number {
  return Math.ceil(n / a) * a
}

export interface MemberPath {
  /** the field itself (the innermost one for members of anonymous structs/unions) */
  field: Field
  /** byte offset from the start of the outer record */
  offset: number
  /** absolute bit offset for bitfields */
  bitOffset?: number
}

/** Find a member by name, looking into anonymous struct/union members as C11 says. */
export function findMember(info: RecordInfo, name: string): MemberPath | null {
  for (const f of info.fields) {
    if (f.name === name) return { field: f, offset: f.offset, bitOffset: f.bitOffset }
    if (f.name === null && isRecord(f.type)) {
      const inner = findMember(f.type.info, name)
      if (inner) return { field: inner.field, offset: f.offset + inner.offset, bitOffset: inner.bitOffset === undefined ? undefined : inner.bitOffset + f.offset * 8 }
    }
  }
  return null
}

// --- gcc's spelling of types --------------------------------------------------------------------------

/** A type as gcc prints it, e.g. `long unsigned int`, `const char *`, `int (*)(int)`, `struct foo[3]`. */
export function typeName(t: CType, useAlias = true): string {
  return declString(t, '', useAlias).trim()
}

function qualPrefix(t: CType): string {
  return (t.const ? 'const ' : '') + (t.volatile ? 'volatile ' : '')
}

/** gcc writes `int *`, `int (*)(int)` but `int[3]` and `int(int)`. */
function joinInner(inner: string): string {
  if (!inner) return ''
  if (inner[0] === '[' || (inner[0] === '(' && !inner.startsWith('(*'))) return inner
  return ' ' + inner
}

function declString(t: CType, inner: string, useAlias: boolean): string {
  if (useAlias && t.alias) return qualPrefix(t) + t.alias + joinInner(inner)
  switch (t.k) {
    case 'void': case 'bool': case 'int': case 'float': case 'enum': case 'struct': case 'union': {
      const base =
        t.k === 'void' ? 'void'
        : t.k === 'bool' ? '_Bool'
        : t.k === 'int' || t.k === 'float' ? t.name
        : t.k === 'enum' ? `enum ${t.info.tag ?? '<anonymous>'}`
        : `${t.k} ${t.info.tag ?? '<anonymous>'}`
      return qualPrefix(t) + base + joinInner(inner)
    }
    case 'ptr': {
      const q = (t.const ? ' const' : '') + (t.volatile ? ' volatile' : '')
      const star = '*' + q + (inner && q ? ' ' : '') + inner
      if (t.to.k === 'array' || t.to.k === 'func') return declString(t.to, '(' + star + ')', useAlias)
      return declString(t.to, star, useAlias)
    }
    case 'array': {
      const dim = `[${t.len ?? (t.vla ? '*' : '')}]`
      return declString(t.of, inner + dim, useAlias)
    }
    case 'func': {
      const ps = t.proto ? (t.params.length ? t.params.map((p) => typeName(p, useAlias)).join(', ') + (t.variadic ? ', ...' : '') : 'void') : ''
      return declString(t.ret, inner + '(' + ps + ')', useAlias)
    }
  }
}

/** A type quoted as in gcc messages: `'int'` or `'__u64' {aka 'long long unsigned int'}`. */
export function quoteType(t: CType): string {
  const a = typeName(t, true)
  const b = typeName(t, false)
  return a === b ? `'${a}'` : `'${a}' {aka '${b}'}`
}

// --- TypeDesc for tools ----------------------------------------------------------------------------------

/** The tool-facing description; recursion through pointers to records in progress is cut (fields: []). */
export function toTypeDesc(t: CType, memo: Map<object, TypeDesc> = new Map(), inProgress: Set<object> = new Set()): TypeDesc {
  switch (t.k) {
    case 'void': return { kind: 'void' }
    case 'bool': return { kind: 'bool' }
    case 'int': return { kind: 'int', name: t.alias ?? t.name, size: t.size, signed: t.signed }
    case 'float': return { kind: 'float', name: t.alias ?? t.name, size: t.size }
    case 'enum': return { kind: 'enum', name: t.alias ?? (t.info.tag ? `enum ${t.info.tag}` : 'enum <anonymous>'), size: 4 }
    case 'ptr': return { kind: 'pointer', to: toTypeDesc(t.to, memo, inProgress) }
    case 'array': return { kind: 'array', of: toTypeDesc(t.of, memo, inProgress), length: t.len }
    case 'func': return { kind: 'function', name: typeName(t) }
    case 'struct': case 'union': {
      const info = t.info
      const name = t.alias ?? `${t.k} ${info.tag ?? '<anonymous>'}`
      const hit = memo.get(info)
      if (hit) return hit
      if (inProgress.has(info) || !info.complete) return { kind: t.k, name, size: info.complete ? info.size : 0, align: info.complete ? info.align : 1, fields: [] }
      inProgress.add(info)
      const fields = info.fields.map((f) => {
        const d: { name: string; offset: number; type: TypeDesc; bitOffset?: number; bitWidth?: number } = {
          name: f.name ?? '',
          offset: f.offset,
          type: toTypeDesc(f.type, memo, inProgress),
        }
        if (f.bitWidth !== undefined) {
          d.bitOffset = f.bitOffset! - f.offset * 8
          d.bitWidth = f.bitWidth
        }
        return d
      })
      inProgress.delete(info)
      const desc: TypeDesc = { kind: t.k, name, size: info.size, align: info.align, fields }
      memo.set(info, desc)
      return desc
    }
  }
}
