/**
 * C values as a debugger shows them: a tree of plain objects (they travel from the process
 * worker to the page) decoded from a process's memory or from a register value, following the
 * C type: structs and arrays expanded, chars with their character, pointers as addresses with
 * what they point to in the process (which variable or heap block, NULL, a function, a string)
 * and one level of the pointed-to object. A map value lives in kernel memory, which no userspace
 * pointer can reach: an address outside the process says so.
 */
import { FUNC_BASE, FUNC_STEP, NULL_GUARD } from '../lang/abi'
import type { Program, TypeDesc } from '../lang/api'
import type { UserObjects } from './asan-objects'
import { sizeOfDesc } from './asan-objects'

export interface ValueView {
  name: string
  /** C spelling of the type. */
  type: string
  /** One-line rendering ("42", "0x1fff0 → 'value' (local in main)", "{x = 1, y = 2}"). */
  value: string
  /** Address of the object, when it lives in memory. */
  address?: number
  /** What a pointer points to, or why a value cannot be shown. */
  note?: string
  children?: ValueView[]
}

/** Where a value comes from: memory at an address, or a JS value held in a register variable. */
export type ValueSource = { addr: number } | { reg: unknown }

export interface DecodeContext {
  dv: DataView
  size: number
  objects: UserObjects
  program: Program
}

const MAX_ELEMENTS = 64
const MAX_STRING = 64
/** Function pointer values are FUNC_BASE + FUNC_STEP * table index: a bound well above any program's table. */
const MAX_FUNCTIONS = 1 << 20

export function decodeValue(ctx: DecodeContext, name: string, t: TypeDesc, src: ValueSource, derefs = 1): ValueView {
  const view: ValueView = { name, type: typeName(t), value: '' }
  if ('addr' in src) view.address = src.addr
  switch (t.kind) {
    case 'struct': case 'union': {
      if (!('addr' in src)) return { ...view, value: '?' }
      view.children = t.fields.map((f) => {
        if (f.bitWidth !== undefined) return bitField(ctx, f.name, f.type, src.addr + f.offset, f.bitOffset ?? 0, f.bitWidth)
        return decodeValue(ctx, f.name || '<anonymous>', f.type, { addr: src.addr + f.offset }, derefs)
      })
      view.value = summary(view.children)
      return view
    }
    case 'array': {
      if (!('addr' in src)) {
        // a VLA: the register holds its address; its length is known only to the running code
        return { ...view, value: hex(Number(src.reg)), note: 'variable-length array' }
      }
      const n = t.length ?? 0
      const es = sizeOfDesc(t.of)
      if (isCharType(t.of)) view.value = quoted(ctx, src.addr, Math.min(n, MAX_STRING))
      const shown = Math.min(n, MAX_ELEMENTS)
      view.children = []
      for (let i = 0; i < shown; i++) view.children.push(decodeValue(ctx, `[${i}]`, t.of, { addr: src.addr + i * es }, derefs))
      if (n > shown) view.note = `first ${shown} of ${n} elements`
      if (!view.value) view.value = summary(view.children) + (n > shown ? ' …' : '')
      return view
    }
    default: {
      const raw = 'addr' in src ? readScalar(ctx, t, src.addr) : src.reg
      if (raw === undefined) return { ...view, value: '?', note: 'not readable' }
      if (t.kind === 'pointer') return pointerView(ctx, view, t, raw, derefs)
      view.value = scalarText(t, raw)
      return view
    }
  }
}

function pointerView(ctx: DecodeContext, view: ValueView, t: Extract<TypeDesc, { kind: 'pointer' }>, raw: unknown, derefs: number): ValueView {
  const p = typeof raw === 'bigint' ? Number(BigInt.asUintN(64, raw)) : Number(raw)
  if (p === 0) return { ...view, value: '0x0', note: 'NULL' }
  const fnIndex = (p - FUNC_BASE) / FUNC_STEP
  if (p >= FUNC_BASE && fnIndex < MAX_FUNCTIONS && Number.isInteger(fnIndex)) return { ...view, value: hex(p), note: 'a function' }
  view.value = hex(p)
  if (p < NULL_GUARD || p >= ctx.size) {
    view.note = 'not an address of this process (a kernel map value is not reachable from userspace memory)'
    return view
  }
  const o = ctx.objects.describe(p)
  if (o) {
    const plus = o.offset ? ` + ${o.offset}` : ''
    view.note =
      o.kind === 'stack' ? `→ '${o.name}'${plus} (local in ${o.fn?.name})`
      : o.kind === 'global' ? `→ global '${o.name}'${plus}`
      : o.kind === 'heap' ? `→ heap block of ${o.size} bytes${plus}`
      : `→ freed heap block${plus} (use after free)`
    if (o.offset >= o.size) view.note += ' — past its end'
  } else view.note = '→ process memory'
  if (isCharType(t.to)) view.value += ` ${quoted(ctx, p, MAX_STRING)}`
  else if (derefs > 0 && t.to.kind !== 'void' && t.to.kind !== 'function' && sizeOfDesc(t.to) > 0 && p + sizeOfDesc(t.to) <= ctx.size) {
    view.children = [decodeValue(ctx, '*', t.to, { addr: p }, derefs - 1)]
  }
  return view
}

function bitField(ctx: DecodeContext, name: string, t: TypeDesc, addr: number, bitOffset: number, width: number): ValueView {
  let v = 0n
  for (let i = 0; i < width; i++) {
    const bit = bitOffset + i
    const byte = ctx.dv.getUint8(addr + (bit >> 3) - NULL_GUARD)
    if ((byte >> (bit & 7)) & 1) v |= 1n << BigInt(i)
  }
  const signed = t.kind === 'int' && t.signed
  const value = signed ? BigInt.asIntN(width, v) : v
  return { name, type: `${typeName(t)} : ${width}`, value: value.toString() }
}

function readScalar(ctx: DecodeContext, t: TypeDesc, addr: number): unknown {
  const size = t.kind === 'pointer' ? 8 : t.kind === 'bool' ? 1 : t.kind === 'enum' ? 4 : t.kind === 'int' || t.kind === 'float' ? t.size : 0
  if (size === 0 || addr < NULL_GUARD || addr + size > ctx.size) return undefined
  const dv = ctx.dv
  const a = addr - NULL_GUARD
  switch (t.kind) {
    case 'bool': return dv.getUint8(a)
    case 'enum': return dv.getInt32(a, true)
    case 'pointer': return dv.getBigUint64(a, true)
    case 'float': return t.size === 4 ? dv.getFloat32(a, true) : dv.getFloat64(a, true)
    case 'int':
      switch (t.size) {
        case 1: return t.signed ? dv.getInt8(a) : dv.getUint8(a)
        case 2: return t.signed ? dv.getInt16(a, true) : dv.getUint16(a, true)
        case 4: return t.signed ? dv.getInt32(a, true) : dv.getUint32(a, true)
        default: return t.signed ? dv.getBigInt64(a, true) : dv.getBigUint64(a, true)
      }
  }
  return undefined
}

function scalarText(t: TypeDesc, raw: unknown): string {
  if (t.kind === 'bool') return Number(raw) ? 'true' : 'false'
  if (t.kind === 'float') return String(Number(raw))
  if (t.kind === 'int' && t.size === 1) {
    const n = Number(raw)
    const c = n & 255
    const ch = c >= 32 && c < 127 ? String.fromCharCode(c) : c === 0 ? '\\0' : c === 10 ? '\\n' : `\\${c.toString(8).padStart(3, '0')}`
    return `${n} '${ch}'`
  }
  return String(raw)
}

function quoted(ctx: DecodeContext, addr: number, max: number): string {
  let s = ''
  for (let i = 0; i < max; i++) {
    const a = addr + i
    if (a < NULL_GUARD || a >= ctx.size) break
    const c = ctx.dv.getUint8(a - NULL_GUARD)
    if (c === 0) return JSON.stringify(s)
    s += c >= 32 && c < 127 ? String.fromCharCode(c) : `\\x${c.toString(16).padStart(2, '0')}`
  }
  return JSON.stringify(s) + '…'
}

function summary(children: ValueView[]): string {
  const parts = children.slice(0, 8).map((c) => (c.name.startsWith('[') ? shortValue(c.value) : `${c.name} = ${shortValue(c.value)}`))
  return `{${parts.join(', ')}${children.length > 8 ? ', …' : ''}}`
}

function shortValue(v: string): string {
  return v.length > 24 ? v.slice(0, 23) + '…' : v
}

export function hex(n: number): string {
  return '0x' + n.toString(16)
}

function isCharType(t: TypeDesc): boolean {
  return t.kind === 'int' && t.size === 1
}

/** C spelling of a type ("int", "struct datarec", "long [4]", "char *"). */
export function typeName(t: TypeDesc): string {
  switch (t.kind) {
    case 'void': return 'void'
    case 'bool': return '_Bool'
    case 'int': case 'float': case 'enum': case 'struct': case 'union': return t.name
    case 'function': return t.name
    case 'pointer': {
      const inner = typeName(t.to)
      return inner.endsWith('*') ? `${inner}*` : `${inner} *`
    }
    case 'array': return `${typeName(t.of)} [${t.length ?? ''}]`
  }
}
