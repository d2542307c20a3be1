/**
 * Semantic checker: syntax tree -> typed tree (ast.ts), with gcc-worded diagnostics.
 *
 * It resolves declarations into C types (types.ts) and symbols in nested scopes, types every
 * expression, and makes C's implicit rules explicit for the code generator: integer promotions and
 * the usual arithmetic conversions become `cast` nodes, arrays and functions decay to pointers,
 * pointer arithmetic carries its element size, initialisers become flat (offset, type, value)
 * lists, constant expressions are folded (sizeof, enum values, case labels, array sizes).
 *
 * Errors never stop the walk: a bad expression gets the ERR type, which silences the messages that
 * would only repeat the first one. Nothing here throws on bad input.
 */

import type { Diagnostic } from './api'
import type {
  Attr, BinOp, Block, CmpOp, Declaration, DeclSpecs, Declarator, Expr, FuncSym, FunctionDef, InitItem, InitPlan,
  Initializer, Pos, Stmt, Sym, TExpr, TFunction, TStmt, TUnit, TranslationUnit, TypeName, TypeSpec, VarSym, EnumConstSym,
  TypedefSym, StaticAssert, LazyPrototype,
} from './ast'
import { argMatches, literalByteColumns, mismatchMessage, missingMessage, scanPrintf } from './format'
import { decodeCharLiteral, decodeStringLiteral, parseNumber } from './lex'
import {
  type ArrayT, type CType, type EnumInfo, type FuncT, type IntT, type MemberDecl, type RecordInfo, type RecordT,
  T, alignOf, argPromote, arrayOf, commonType, findMember, func, intBase, isAggregate, isArith, isComplete, isFloat,
  isInteger, isRecord, isScalar, layoutRecord, promote, ptr, ptrdiffT, quoteType, sameType, sizeOf, sizeT, typeName,
  unqual, withAlias, withQuals, wrapInt,
} from './types'
import type { Token } from './token'

/** The type of an expression that already produced an error (never reported again). */
export const ERR: IntT = { k: 'int', size: 4, signed: true, name: 'int', rank: 3 }

export interface CheckOptions {
  target: 'user' | 'bpf'
}

export interface CheckResult {
  unit: TUnit
  diagnostics: Diagnostic[]
}

export function check(tu: TranslationUnit, opts: CheckOptions): CheckResult {
  const c = new Checker(opts)
  return c.run(tu)
}

// --- static (link-time constant) values -----------------------------------------------------------------

export type StaticBase = { var: VarSym } | { str: Uint8Array } | { func: FuncSym } | null
export type StaticVal =
  | { k: 'int'; v: bigint }
  | { k: 'flt'; v: number }
  | { k: 'addr'; base: StaticBase; off: bigint }

/** The value of a constant initialiser element (numbers and address constants), or null. */
export function staticValue(e: TExpr): StaticVal | null {
  switch (e.k) {
    case 'int': return { k: 'int', v: e.v }
    case 'flt': return { k: 'flt', v: e.v }
    case 'func': return { k: 'addr', base: { func: e.sym }, off: 0n }
    case 'addr': return staticAddress(e.e)
    case 'cast': {
      const v = staticValue(e.e)
      if (!v) return null
      const to = e.ty
      if (to.k === 'void') return null
      if (v.k === 'int') {
        if (to.k === 'float') return { k: 'flt', v: to.size === 4 ? Math.fround(Number(v.v)) : Number(v.v) }
        return { k: 'int', v: wrapInt(v.v, to) }
      }
      if (v.k === 'flt') {
        if (to.k === 'float') return { k: 'flt', v: to.size === 4 ? Math.fround(v.v) : v.v }
        if (!Number.isFinite(v.v)) return null
        return { k: 'int', v: wrapInt(BigInt(Math.trunc(v.v)), to) }
      }
      // address constants survive casts to pointers and to 64-bit integers only
      if (to.k === 'ptr' || (isInteger(to) && sizeOf(to) === 8)) return v
      return null
    }
    case 'padd': {
      const p = staticValue(e.p)
      const i = staticValue(e.i)
      if (!p || !i || i.k !== 'int' || typeof e.size !== 'number') return null
      const d = i.v * BigInt(e.size) * (e.neg ? -1n : 1n)
      if (p.k === 'addr') return { k: 'addr', base: p.base, off: p.off + d }
      if (p.k === 'int') return { k: 'int', v: BigInt.asUintN(64, p.v + d) }
      return null
    }
    case 'bin': {
      if (e.op !== '+' && e.op !== '-') return null
      const l = staticValue(e.l)
      const r = staticValue(e.r)
      if (l && r && l.k === 'addr' && r.k === 'int') return { k: 'addr', base: l.base, off: e.op === '+' ? l.off + r.v : l.off - r.v }
      if (l && r && l.k === 'int' && r.k === 'addr' && e.op === '+') return { k: 'addr', base: r.base, off: l.v + r.off }
      return null
    }
    case 'comma': return null
    case 'cond': {
      const c = staticValue(e.c)
      if (!c || c.k === 'addr') return null
      return staticValue((c.k === 'int' ? c.v !== 0n : c.v !== 0) ? e.t : e.f)
    }
    default: return null
  }
}

function staticAddress(e: TExpr): StaticVal | null {
  switch (e.k) {
    case 'var': return e.sym.storage === 'global' ? { k: 'addr', base: { var: e.sym }, off: 0n } : null
    case 'str': return { k: 'addr', base: { str: e.bytes }, off: 0n }
    case 'func': return { k: 'addr', base: { func: e.sym }, off: 0n }
    case 'compound': return e.tmp.storage === 'global' ? { k: 'addr', base: { var: e.tmp }, off: 0n } : null
    case 'member': {
      const b = staticAddress(e.e)
      if (!b || b.k !== 'addr') return null
      return { k: 'addr', base: b.base, off: b.off + BigInt(e.path.offset) }
    }
    case 'deref': {
      const p = staticValue(e.e)
      if (!p) return null
      if (p.k === 'int') return { k: 'addr', base: null, off: p.v }
      return p.k === 'addr' ? p : null
    }
    default: return null
  }
}

// --- the checker -----------------------------------------------------------------------------------------

interface Scope {
  syms: Map<string, Sym>
  tags: Map<string, { kind: 'struct' | 'union'; info: RecordInfo } | { kind: 'enum'; info: EnumInfo }>
  parent: Scope | null
}

interface SwitchCtx {
  ty: CType
  values: Map<bigint, Pos>
  hasDefault: boolean
}

interface FnCtx {
  sym: FuncSym
  ret: CType
  locals: VarSym[]
  labels: Map<string, Pos>
  gotos: { label: string; pos: Pos }[]
  undeclared: Set<string>
  loops: number
  breakables: number
  switches: SwitchCtx[]
  statics: VarSym[]
}

const FORMAT_FUNCS: Record<string, [number, number]> = {
  printf: [1, 2], fprintf: [2, 3], dprintf: [2, 3], sprintf: [2, 3], snprintf: [3, 4], asprintf: [2, 3],
}

/** gcc's built-in knowledge of some library functions, used for implicit declarations. */
const LIBRARY_BUILTINS: Record<string, [string, () => FuncT]> = {
  printf: ['stdio.h', () => func(T.int, [ptr({ ...T.char, const: true })], true)],
  fprintf: ['stdio.h', () => func(T.int, [ptr(T.void), ptr({ ...T.char, const: true })], true)],
  sprintf: ['stdio.h', () => func(T.int, [ptr(T.char), ptr({ ...T.char, const: true })], true)],
  snprintf: ['stdio.h', () => func(T.int, [ptr(T.char), sizeT, ptr({ ...T.char, const: true })], true)],
  puts: ['stdio.h', () => func(T.int, [ptr({ ...T.char, const: true })])],
  putchar: ['stdio.h', () => func(T.int, [T.int])],
  malloc: ['stdlib.h', () => func(ptr(T.void), [sizeT])],
  calloc: ['stdlib.h', () => func(ptr(T.void), [sizeT, sizeT])],
  free: ['stdlib.h', () => func(T.void, [ptr(T.void)])],
  exit: ['stdlib.h', () => func(T.void, [T.int])],
  abort: ['stdlib.h', () => func(T.void, [])],
  abs: ['stdlib.h', () => func(T.int, [T.int])],
  memcpy: ['string.h', () => func(ptr(T.void), [ptr(T.void), ptr({ ...T.void, const: true }), sizeT])],
  memset: ['string.h', () => func(ptr(T.void), [ptr(T.void), T.int, sizeT])],
  memcmp: ['string.h', () => func(T.int, [ptr({ ...T.void, const: true }), ptr({ ...T.void, const: true }), sizeT])],
  strlen: ['string.h', () => func(sizeT, [ptr({ ...T.char, const: true })])],
  strcmp: ['string.h', () => func(T.int, [ptr({ ...T.char, const: true }), ptr({ ...T.char, const: true })])],
  strcpy: ['string.h', () => func(ptr(T.char), [ptr(T.char), ptr({ ...T.char, const: true })])],
}

const ATOMIC_ORDERS = ['__ATOMIC_RELAXED', '__ATOMIC_CONSUME', '__ATOMIC_ACQUIRE', '__ATOMIC_RELEASE', '__ATOMIC_ACQ_REL', '__ATOMIC_SEQ_CST']

/** Builtins the code generator implements inline. */
const BUILTINS = new Set([
  '__builtin_bswap16', '__builtin_bswap32', '__builtin_bswap64', '__builtin_expect', '__builtin_expect_with_probability',
  '__builtin_constant_p', '__builtin_memcpy', '__builtin_memset', '__builtin_memcmp', '__builtin_memmove',
  '__builtin_strlen', '__builtin_unreachable', '__builtin_trap', '__builtin_abort', '__builtin_clz', '__builtin_clzl',
  '__builtin_clzll', '__builtin_ctz', '__builtin_ctzl', '__builtin_ctzll', '__builtin_popcount', '__builtin_popcountl',
  '__builtin_popcountll', '__builtin_ffs', '__builtin_choose_expr', '__builtin_preserve_access_index',
  '__builtin_object_size', '__builtin_assume_aligned', '__builtin_abs', '__builtin_labs',
  '__sync_fetch_and_add', '__sync_fetch_and_sub', '__sync_fetch_and_or', '__sync_fetch_and_and', '__sync_fetch_and_xor',
  '__sync_add_and_fetch', '__sync_sub_and_fetch', '__sync_or_and_fetch', '__sync_and_and_fetch', '__sync_xor_and_fetch',
  '__sync_val_compare_and_swap', '__sync_bool_compare_and_swap', '__sync_lock_test_and_set', '__sync_lock_release',
  '__sync_synchronize', '__atomic_fetch_add', '__atomic_fetch_sub', '__atomic_fetch_or', '__atomic_fetch_and',
  '__atomic_fetch_xor', '__atomic_add_fetch', '__atomic_sub_fetch', '__atomic_or_fetch', '__atomic_and_fetch',
  '__atomic_xor_fetch', '__atomic_load_n', '__atomic_store_n', '__atomic_exchange_n', '__atomic_compare_exchange_n',
  '__atomic_thread_fence', '__atomic_signal_fence',
])

class Checker {
  private readonly diags: Diagnostic[] = []
  private readonly file: Scope = { syms: new Map(), tags: new Map(), parent: null }
  private scope: Scope = this.file
  private fn: FnCtx | null = null
  private readonly statements: Pos[] = []
  private readonly globals: VarSym[] = []
  private readonly funcs: FuncSym[] = []
  private readonly functions: TFunction[] = []
  private nextId = 1
  private fileScopeUndeclared = new Set<string>()

  constructor(private readonly opts: CheckOptions) {
    // gcc's built-in va_list (only passed around: variadic definitions are not supported)
    const builtin = { file: '<built-in>', line: 0, col: 0 }
    const va: TypedefSym = { kind: 'typedef', name: '__builtin_va_list', type: withAlias(ptr(T.void), '__builtin_va_list'), pos: builtin }
    this.file.syms.set(va.name, va)
    // gcc predefines these memory orders as macros; as constants they serve the same uses
    ATOMIC_ORDERS.forEach((name, value) => this.file.syms.set(name, { kind: 'enumconst', name, value: BigInt(value), type: T.int, pos: builtin }))
  }

  run(tu: TranslationUnit): CheckResult {
    for (const d of tu.decls) {
      if (d.k === 'funcdef') this.functionDef(d)
      else if (d.k === 'static_assert') this.staticAssert(d)
      else if (d.k === 'lazyproto') this.lazyPrototype(d)
      else this.declaration(d, true)
    }
    for (const g of this.globals) {
      if (g.type.k === 'array' && g.type.len === null && !g.isExtern && g.defined && !g.init) {
        // tentative definition of an array of unknown size: one element (gcc warns)
        this.warn(g.pos, `array '${g.name}' assumed to have one element`)
        g.type = { ...g.type, len: 1 }
      }
      if (g.defined && !isComplete(g.type) && !g.isExtern) this.error(g.pos, `storage size of '${g.name}' isn't known`)
    }
    for (const f of this.funcs) {
      if (!f.defined && f.used && f.isStatic && !f.implicit) this.warn(f.pos, `'${f.name}' used but never defined`)
      if (f.defined && !f.used && f.isStatic && !f.inline && f.def) this.warn(f.pos, `'${f.name}' defined but not used [-Wunused-function]`)
    }
    for (const g of this.globals) {
      if (g.isStatic && !g.used && !g.hidden && g.defined && g.name && !g.section && !g.pos.file.startsWith('/usr/include/')) this.warn(g.pos, `'${g.name}' defined but not used [-Wunused-variable]`)
    }
    return {
      unit: { functions: this.functions, globals: this.globals, funcs: this.funcs, statements: this.statements },
      diagnostics: this.diags,
    }
  }

  // --- diagnostics -------------------------------------------------------------------------------------------------

  private error(pos: Pos, message: string): void {
    this.diags.push({ file: pos.file, line: pos.line, col: pos.col, severity: 'error', message })
  }
  private warn(pos: Pos, message: string): void {
    this.diags.push({ file: pos.file, line: pos.line, col: pos.col, severity: 'warning', message })
  }
  private note(pos: Pos, message: string): void {
    this.diags.push({ file: pos.file, line: pos.line, col: pos.col, severity: 'note', message })
  }

  private sid(pos: Pos): number {
    this.statements.push(pos)
    return this.statements.length - 1
  }

  // --- scopes --------------------------------------------------------------------------------------------------------

  private push(): void {
    this.scope = { syms: new Map(), tags: new Map(), parent: this.scope }
  }
  private pop(): void {
    if (this.scope.parent) this.scope = this.scope.parent
  }
  private lookup(name: string): Sym | undefined {
    for (let s: Scope | null = this.scope; s; s = s.parent) {
      const v = s.syms.get(name)
      if (v) {
        if (v.kind === 'func' && v.lazy) this.resolveLazy(v)
        return v
      }
    }
    return undefined
  }

  private resolveLazy(f: FuncSym): void {
    const run = f.lazy!
    f.lazy = undefined
    const saved = this.scope
    const savedFn = this.fn
    this.scope = this.file
    this.fn = null
    try {
      run()
    } finally {
      this.scope = saved
      this.fn = savedFn
    }
  }

  /** A prototype the parser skipped: parsed and typed on first use (or now, if the name is already known). */
  private lazyPrototype(lp: LazyPrototype): void {
    const parseNow = () => {
      const r = lp.parse()
      this.diags.push(...r.diagnostics)
      return r.decl
    }
    if (this.file.syms.has(lp.name)) {
      const d = parseNow()
      if (d) this.declaration(d, true)
      return
    }
    const f: FuncSym = {
      kind: 'func', name: lp.name, type: func(T.int, [], false, false), pos: lp.pos, defined: false, isStatic: false,
      inline: false, implicit: false, used: false, tableIndex: this.funcs.length, id: this.nextId++,
    }
    f.lazy = () => {
      const d = parseNow()
      if (!d) return
      // let the ordinary path declare it: it finds no previous symbol and fills this one
      this.file.syms.delete(lp.name)
      const idx = this.funcs.indexOf(f)
      this.declaration(d, true)
      const real = this.file.syms.get(lp.name)
      if (real && real.kind === 'func' && real !== f) {
        if (real.lazy) this.resolveLazy(real)
        Object.assign(f, { ...real, tableIndex: f.tableIndex, id: f.id, used: f.used || real.used, usePos: f.usePos ?? real.usePos })
        this.funcs.splice(this.funcs.indexOf(real), 1)
        this.funcs[idx] = f
        this.file.syms.set(lp.name, f)
      } else if (!real) this.file.syms.set(lp.name, f)
    }
    this.funcs.push(f)
    this.file.syms.set(lp.name, f)
  }

  /**
   * File-scope prototypes with plain specifiers (no struct/enum bodies) are typed on first use:
   * headers declare hundreds of functions a program never calls.
   */
  private lazyPrototypes(d: Declaration): boolean {
    const sp = d.specs.spec
    // the user's own declarations are always checked (their errors must show)
    if (!d.pos.file.startsWith('/usr/include/')) return false
    if (d.specs.storage === 'typedef' || d.items.length === 0) return false
    if ((sp.k === 'record' && sp.members !== null) || (sp.k === 'enum' && sp.items !== null) || sp.k === 'typeof') return false
    for (const it of d.items) {
      const last = it.decl.derived[it.decl.derived.length - 1]
      if (!last || last.k !== 'func' || it.init || !it.decl.name || this.file.syms.has(it.decl.name)) return false
    }
    for (const it of d.items) {
      const name = it.decl.name!
      const f: FuncSym = {
        kind: 'func', name, type: func(T.int, [], false, false), pos: it.pos, defined: false, isStatic: d.specs.storage === 'static',
        inline: d.specs.inline, implicit: false, used: false, tableIndex: this.funcs.length, id: this.nextId++,
      }
      f.lazy = () => {
        const base = this.specType(d.specs)
        const { ty } = this.derive(base, it.decl, false)
        if (ty.k !== 'func') return
        f.type = ty
        const attrs = [...d.specs.attrs, ...it.decl.attrs]
        f.format = this.formatAttr(attrs)
        f.section = this.section(attrs)
        if (!f.format && FORMAT_FUNCS[name]) f.format = { fmt: FORMAT_FUNCS[name][0], first: FORMAT_FUNCS[name][1], kind: 'printf' }
      }
      this.funcs.push(f)
      this.file.syms.set(name, f)
    }
    return true
  }
  private lookupTag(name: string) {
    for (let s: Scope | null = this.scope; s; s = s.parent) {
      const v = s.tags.get(name)
      if (v) return v
    }
    return undefined
  }

  private newVar(name: string, type: CType, storage: VarSym['storage'], pos: Pos): VarSym {
    return {
      kind: 'var', name, type, storage, isStatic: false, isExtern: false, defined: false,
      addrTaken: isAggregate(type), pos, id: this.nextId++, used: false,
    }
  }

  /** A compiler-made local (temporaries, VLA sizes, compound literals). */
  private hiddenVar(name: string, type: CType, pos: Pos): VarSym {
    const v = this.newVar(name, type, this.fn ? 'local' : 'global', pos)
    v.hidden = true
    if (this.fn) this.fn.locals.push(v)
    else {
      v.isStatic = true
      v.defined = true
      this.globals.push(v)
    }
    return v
  }

  // --- attributes ----------------------------------------------------------------------------------------------------

  private attrString(a: Attr): string | null {
    const e = a.args[0]
    if (!e || e.k !== 'str') return null
    return new TextDecoder().decode(this.stringBytes(e.toks).bytes.subarray(0, -1))
  }
  private section(attrs: Attr[]): string | undefined {
    for (const a of attrs) if (a.name === 'section') return this.attrString(a) ?? undefined
    return undefined
  }
  private alignAttr(attrs: Attr[]): number | undefined {
    let al: number | undefined
    for (const a of attrs) {
      if (a.name !== 'aligned') continue
      if (a.args.length === 0) {
        al = Math.max(al ?? 0, 16)
        continue
      }
      const v = this.constInt(a.args[0])
      if (v === null || v <= 0n || (v & (v - 1n)) !== 0n) {
        this.error(a.pos, 'requested alignment is not a positive power of 2')
        continue
      }
      al = Math.max(al ?? 0, Number(v))
    }
    return al
  }
  private hasAttr(attrs: Attr[], name: string): boolean {
    return attrs.some((a) => a.name === name)
  }
  private formatAttr(attrs: Attr[]): FuncSym['format'] {
    for (const a of attrs) {
      if (a.name !== 'format' || a.args.length < 3) continue
      const kindE = a.args[0]
      const kind = kindE.k === 'ident' ? kindE.name.replace(/^__(.*)__$/, '$1') : ''
      if (kind !== 'printf' && kind !== 'scanf' && kind !== 'gnu_printf') continue
      const f = this.constInt(a.args[1])
      const first = this.constInt(a.args[2])
      if (f === null || first === null) continue
      return { fmt: Number(f), first: Number(first), kind: kind === 'scanf' ? 'scanf' : 'printf' }
    }
    return undefined
  }

  // --- types from declaration specifiers and declarators ---------------------------------------------------------------

  private specType(specs: DeclSpecs, alone = false): CType {
    let t = this.typeSpec(specs.spec, alone)
    if (specs.const || specs.volatile) t = withQuals(t, { const: specs.const, volatile: specs.volatile })
    return t
  }

  private typeSpec(spec: TypeSpec, alone: boolean): CType {
    switch (spec.k) {
      case 'basic': return this.basicType(spec.words, spec.pos)
      case 'typedef': {
        const s = this.lookup(spec.name)
        if (!s || s.kind !== 'typedef') {
          this.error(spec.pos, `unknown type name '${spec.name}'`)
          return ERR
        }
        return s.type
      }
      case 'record': return this.recordType(spec, alone)
      case 'enum': return this.enumType(spec)
      case 'typeof': {
        if (spec.type) return this.typeName(spec.type)
        if (spec.expr) {
          // typeof keeps arrays and functions undecayed
          return this.expr(spec.expr).ty
        }
        return T.int // __auto_type: replaced by the initialiser's type
      }
    }
  }

  private basicType(words: string[], pos: Pos): CType {
    if (words.length === 0) return T.int
    const count = (w: string) => words.filter((x) => x === w).length
    const signed = count('signed')
    const unsigned = count('unsigned')
    const longs = count('long')
    if (signed && unsigned) {
      this.error(pos, `both 'signed' and 'unsigned' in declaration specifiers`)
      return ERR
    }
    const bases = words.filter((w) => w !== 'signed' && w !== 'unsigned' && w !== 'long' && w !== 'short' && w !== '_Complex')
    const shorts = count('short')
    if (count('_Complex')) {
      this.error(pos, 'complex types are not supported')
      return ERR
    }
    if (bases.length > 1 || (shorts && longs) || longs > 2 || shorts > 1) {
      this.error(pos, 'two or more data types in declaration specifiers')
      return ERR
    }
    const base = bases[0] ?? 'int'
    switch (base) {
      case 'void':
      case '_Bool':
      case 'float':
        if (signed || unsigned || longs || shorts) {
          this.error(pos, `both '${signed ? 'signed' : unsigned ? 'unsigned' : longs ? 'long' : 'short'}' and '${base}' in declaration specifiers`)
          return ERR
        }
        return base === 'void' ? T.void : base === '_Bool' ? T.bool : T.float
      case 'double':
        if (signed || unsigned || shorts || longs > 1) {
          this.error(pos, `two or more data types in declaration specifiers`)
          return ERR
        }
        return longs ? T.ldouble : T.double
      case 'char':
        if (longs || shorts) {
          this.error(pos, `both '${longs ? 'long' : 'short'}' and 'char' in declaration specifiers`)
          return ERR
        }
        return signed ? T.schar : unsigned ? T.uchar : T.char
      case '__int128':
        this.error(pos, `'__int128' is not supported`)
        return ERR
      default:
        if (shorts) return unsigned ? T.ushort : T.short
        if (longs === 2) return unsigned ? T.ullong : T.llong
        if (longs === 1) return unsigned ? T.ulong : T.long
        return unsigned ? T.uint : T.int
    }
  }

  private recordType(spec: Extract<TypeSpec, { k: 'record' }>, alone: boolean): CType {
    const { kind, tag } = spec
    if (spec.members === null) {
      const tagName = tag!
      const here = this.scope.tags.get(tagName)
      const found = alone ? here : this.lookupTag(tagName)
      if (found) {
        if (found.kind !== kind) {
          this.error(spec.pos, `'${tagName}' defined as wrong kind of tag`)
          return ERR
        }
        return { k: kind, info: found.info as RecordInfo }
      }
      const info = this.newRecord(kind, tagName)
      this.scope.tags.set(tagName, { kind, info })
      return { k: kind, info }
    }
    let info: RecordInfo
    if (tag !== null) {
      const here = this.scope.tags.get(tag)
      if (here && here.kind !== kind) {
        this.error(spec.pos, `'${tag}' defined as wrong kind of tag`)
        return ERR
      }
      if (here && (here.info as RecordInfo).complete) {
        this.error(spec.pos, `redefinition of '${kind} ${tag}'`)
        info = this.newRecord(kind, tag)
      } else if (here) {
        info = here.info as RecordInfo
      } else {
        info = this.newRecord(kind, tag)
        this.scope.tags.set(tag, { kind, info })
      }
    } else {
      info = this.newRecord(kind, null)
    }
    const members: MemberDecl[] = []
    const seen = new Set<string>()
    const addNames = (ri: RecordInfo, pos: Pos) => {
      for (const f of ri.fields) {
        if (f.name === null) {
          if (isRecord(f.type)) addNames(f.type.info, pos)
        } else if (seen.has(f.name)) this.error(pos, `duplicate member '${f.name}'`)
        else seen.add(f.name)
      }
    }
    for (const m of spec.members) {
      const base = this.specType(m.specs)
      if (m.items.length === 0) {
        if (isRecord(base) && base.info.tag === null) {
          members.push({ name: null, type: base })
          addNames(base.info, m.pos)
        } else if (isRecord(base) && m.specs.spec.k === 'record' && m.specs.spec.members !== null) {
          // `struct tag { ... };` inside a struct: declares the tag only
          this.warn(m.pos, 'declaration does not declare anything')
        } else {
          this.warn(m.pos, 'declaration does not declare anything')
        }
        continue
      }
      for (const item of m.items) {
        const { ty } = this.derive(base, item.decl, false)
        const name = item.decl.name
        const shown = name ?? '<anonymous>'
        const md: MemberDecl = { name, type: ty }
        if (m.specs.attrs.length || item.decl.attrs.length) {
          const attrs = [...m.specs.attrs, ...item.decl.attrs]
          const al = this.alignAttr(attrs)
          if (al) md.align = al
          if (this.hasAttr(attrs, 'packed')) md.packed = true
        }
        if (item.bitWidth) {
          if (!isInteger(ty)) {
            this.error(item.pos, `bit-field '${shown}' has invalid type`)
            continue
          }
          const w = this.constInt(item.bitWidth)
          if (w === null) {
            this.error(item.pos, `bit-field '${shown}' width not an integer constant`)
            continue
          }
          if (w < 0n) {
            this.error(item.pos, `negative width in bit-field '${shown}'`)
            continue
          }
          if (w > BigInt(sizeOf(ty) * 8)) {
            this.error(item.pos, `width of '${shown}' exceeds its type`)
            continue
          }
          if (w === 0n && name !== null) {
            this.error(item.pos, `zero width for bit-field '${name}'`)
            continue
          }
          md.bitWidth = Number(w)
        } else {
          if (ty.k === 'func') {
            this.error(item.pos, `field '${shown}' declared as a function`)
            continue
          }
          const flexible = ty.k === 'array' && ty.len === null && !ty.vla
          if (!flexible && !isComplete(ty) && ty !== ERR) {
            this.error(item.pos, `field '${shown}' has incomplete type`)
            continue
          }
          if (ty.k === 'array' && ty.vla) {
            this.error(item.pos, `a member of a structure or union cannot have a variably modified type`)
            continue
          }
        }
        if (name !== null) {
          if (seen.has(name)) this.error(item.pos, `duplicate member '${name}'`)
          seen.add(name)
        }
        members.push(md)
      }
    }
    const packed = this.hasAttr(spec.attrs, 'packed')
    const align = this.alignAttr(spec.attrs)
    for (const p of layoutRecord(info, members, { packed, align })) this.error(spec.pos, p)
    return { k: kind, info }
  }

  private newRecord(kind: 'struct' | 'union', tag: string | null): RecordInfo {
    return { kind, tag, complete: false, size: 0, align: 1, fields: [], packed: false, flexible: false, id: this.nextId++ }
  }

  private enumType(spec: Extract<TypeSpec, { k: 'enum' }>): CType {
    const { tag } = spec
    if (spec.items === null) {
      const found = this.lookupTag(tag!)
      if (found) {
        if (found.kind !== 'enum') {
          this.error(spec.pos, `'${tag}' defined as wrong kind of tag`)
          return ERR
        }
        return { k: 'enum', info: found.info as EnumInfo }
      }
      // forward reference to an enum (GNU): an incomplete enum with unsigned int base
      const info: EnumInfo = { tag, complete: false, base: T.uint, id: this.nextId++ }
      this.scope.tags.set(tag!, { kind: 'enum', info })
      return { k: 'enum', info }
    }
    let info: EnumInfo
    const here = tag !== null ? this.scope.tags.get(tag) : undefined
    if (here && here.kind !== 'enum') {
      this.error(spec.pos, `'${tag}' defined as wrong kind of tag`)
      return ERR
    }
    if (here && (here.info as EnumInfo).complete) {
      this.error(spec.pos, `redeclaration of 'enum ${tag}'`)
    }
    if (here && !(here.info as EnumInfo).complete) info = here.info as EnumInfo
    else {
      info = { tag, complete: false, base: T.uint, id: this.nextId++ }
      if (tag !== null) this.scope.tags.set(tag, { kind: 'enum', info })
    }
    let next = 0n
    let min = 0n
    let max = 0n
    const consts: EnumConstSym[] = []
    for (const it of spec.items) {
      let v = next
      if (it.value) {
        const c = this.constInt(it.value)
        if (c === null) this.error(it.pos, `enumerator value for '${it.name}' is not an integer constant`)
        else v = c
      }
      if (v < min) min = v
      if (v > max) max = v
      const ty = v >= -(1n << 31n) && v < 1n << 31n ? T.int : v >= 0n && v < 1n << 32n ? T.uint : v < 0n ? T.long : T.ulong
      const sym: EnumConstSym = { kind: 'enumconst', name: it.name, value: v, type: ty, pos: it.pos }
      this.declareOrdinary(sym, it.pos)
      consts.push(sym)
      next = v + 1n
    }
    info.base = min < 0n ? (min >= -(1n << 31n) && max < 1n << 31n ? T.int : T.long) : max < 1n << 32n ? T.uint : T.ulong
    info.complete = true
    return { k: 'enum', info }
  }

  private declareOrdinary(sym: Sym, pos: Pos): void {
    const prev = this.scope.syms.get(sym.name)
    if (prev) {
      if (prev.kind === 'enumconst' || sym.kind === 'enumconst') this.error(pos, `redeclaration of enumerator '${sym.name}'`)
      else this.error(pos, `'${sym.name}' redeclared as different kind of symbol`)
    }
    this.scope.syms.set(sym.name, sym)
  }

  typeName(tn: TypeName): CType {
    return this.derive(this.specType(tn.specs), tn.decl, false).ty
  }

  /** Apply a declarator's derivations to a base type. `params` are the outermost function's parameters. */
  private derive(base: CType, d: Declarator, isParam: boolean): { ty: CType; params: { name: string | null; pos: Pos; ty: CType }[] | null } {
    let t = base
    let params: { name: string | null; pos: Pos; ty: CType }[] | null = null
    const name = d.name ?? '<anonymous>'
    const n = d.derived.length
    for (let idx = 0; idx < n; idx++) {
      const dv = d.derived[idx]
      if (dv.k === 'ptr') {
        t = { k: 'ptr', to: t }
        if (dv.const) t.const = true
        if (dv.volatile) t.volatile = true
      } else if (dv.k === 'array') {
        if (t.k === 'func') {
          this.error(d.pos, `declaration of '${name}' as array of functions`)
          t = ERR
          continue
        }
        if (t.k === 'void') {
          this.error(d.pos, `declaration of '${name}' as array of voids`)
          t = ERR
          continue
        }
        if (!isComplete(t) && t !== ERR) {
          this.error(d.pos, `array type has incomplete element type ${quoteType(t)}`)
          t = ERR
          continue
        }
        if (dv.size === null) {
          t = arrayOf(t, null)
          continue
        }
        if (isParam && idx === n - 1) {
          // the outermost array of a parameter becomes a pointer; its size does not matter
          t = arrayOf(t, 0)
          continue
        }
        const e = this.rv(dv.size)
        if (e.ty === ERR) {
          t = ERR
          continue
        }
        if (!isInteger(e.ty)) {
          this.error(dv.pos, `size of array '${name}' has non-integer type`)
          t = ERR
          continue
        }
        if (e.k === 'int') {
          const v = e.v
          if (intBase(e.ty).signed && v < 0n) {
            this.error(d.pos, `size of array '${name}' is negative`)
            t = ERR
            continue
          }
          if (v * BigInt(sizeOf(t)) > 0x7fffffffn) {
            this.error(dv.pos, `size of array '${name}' is too large`)
            t = ERR
            continue
          }
          t = arrayOf(t, Number(v))
        } else {
          const at: ArrayT = { k: 'array', of: t, len: null, vla: { count: this.convert(e, sizeT) } }
          t = at
        }
      } else {
        if (t.k === 'array') {
          this.error(d.pos, `'${name}' declared as function returning an array`)
          t = ERR
        } else if (t.k === 'func') {
          this.error(d.pos, `'${name}' declared as function returning a function`)
          t = ERR
        }
        const ps: { name: string | null; pos: Pos; ty: CType }[] = []
        for (const p of dv.params) {
          let pt = this.derive(this.specType(p.specs), p.decl, true).ty
          if (pt.k === 'array') pt = withQuals(ptr(pt.of), {})
          else if (pt.k === 'func') pt = ptr(pt)
          if (pt.k === 'void') {
            this.error(p.pos, `'void' must be the only parameter`)
            pt = ERR
          }
          ps.push({ name: p.decl.name, pos: p.pos, ty: pt })
        }
        for (const kn of dv.krNames) ps.push({ name: kn, pos: dv.pos, ty: T.int })
        t = func(t, ps.map((p) => unqual(p.ty)), dv.variadic, dv.proto)
        if (idx === n - 1) params = ps
      }
    }
    return { ty: t, params }
  }

  // --- declarations ------------------------------------------------------------------------------------------------------

  private staticAssert(s: StaticAssert): void {
    const v = this.constInt(s.cond)
    if (v === null) {
      this.error(s.pos, 'expression in static assertion is not an integer constant expression')
      return
    }
    if (v === 0n) {
      const msg = s.message ? new TextDecoder().decode(Uint8Array.from(decodeStringLiteral(s.message.text).units)) : ''
      this.error(s.pos, s.message ? `static assertion failed: "${msg}"` : 'static assertion failed')
    }
  }

  /** A declaration at file scope (`fileScope`) or in a block; returns the statements it makes. */
  private declaration(d: Declaration, fileScope: boolean): TStmt[] {
    const out: TStmt[] = []
    if (fileScope && this.lazyPrototypes(d)) return out
    const alone = d.items.length === 0
    const base = this.specType(d.specs, alone && d.specs.spec.k === 'record' && d.specs.spec.members === null)
    if (alone) {
      const sp = d.specs.spec
      if (!(sp.k === 'record' || sp.k === 'enum') ) this.warn(d.pos, 'useless type name in empty declaration')
      else if (sp.k === 'record' && sp.tag === null && sp.members !== null) this.warn(d.pos, 'unnamed struct/union that defines no instances')
      return out
    }
    const storage = d.specs.storage
    for (const item of d.items) {
      const name = item.decl.name
      if (name === null) {
        this.error(item.pos, 'expected identifier or \'(\'')
        continue
      }
      let { ty } = this.derive(base, item.decl, false)
      const attrs = [...d.specs.attrs, ...item.decl.attrs]
      if (d.specs.spec.k === 'typeof' && !d.specs.spec.expr && !d.specs.spec.type) {
        // __auto_type x = init;
        if (!item.init || item.init.k !== 'expr') {
          this.error(item.pos, `'__auto_type' requires an initialized data declaration`)
          ty = ERR
        } else ty = unqual(this.rv(item.init.e).ty)
      }
      if (storage === 'typedef') {
        if (item.init) this.error(item.pos, `typedef '${name}' is initialized (use __typeof__ instead)`)
        const prev = this.scope.syms.get(name)
        const aliased = ty === ERR ? ERR : withAlias(ty, name)
        if (prev) {
          if (prev.kind !== 'typedef') this.error(item.pos, `'${name}' redeclared as different kind of symbol`)
          else if (!sameType(prev.type, ty)) this.error(item.pos, `conflicting types for '${name}'; have ${quoteType(ty)}`)
          continue
        }
        const sym: TypedefSym = { kind: 'typedef', name, type: aliased, pos: item.pos }
        this.scope.syms.set(name, sym)
        continue
      }
      if (ty.k === 'func') {
        if (item.init) this.error(item.pos, `function '${name}' is initialized like a variable`)
        const f = this.declareFunction(name, ty, item.pos, storage === 'static', d.specs.inline, attrs)
        if (!fileScope) this.scope.syms.set(name, f)
        continue
      }
      if (fileScope || storage === 'extern' || storage === 'static') {
        const v = this.declareStaticObject(name, ty, item, storage, fileScope, attrs)
        if (v && !fileScope) this.scope.syms.set(name, v)
        continue
      }
      // automatic object
      if (ty.k === 'void') {
        this.error(item.pos, `variable or field '${name}' declared void`)
        ty = ERR
      }
      const prev = this.scope.syms.get(name)
      if (prev) {
        if (prev.kind === 'var' && prev.storage !== 'global') this.error(item.pos, `redeclaration of '${name}' with no linkage`)
        else this.error(item.pos, `'${name}' redeclared as different kind of symbol`)
      }
      const v = this.newVar(name, ty, 'local', item.pos)
      v.attrs = attrs
      if (storage === 'register') v.addrTaken = false
      const sid = this.sid(item.pos)
      let vlaCount: TExpr | undefined
      if (ty.k === 'array' && ty.vla) {
        const count = this.hiddenVar(`${name}$len`, sizeT, item.pos)
        count.used = true
        vlaCount = ty.vla.count
        ty.vla.countVar = count
        v.vlaCount = count
        if (item.init) this.error(item.pos, 'variable-sized object may not be initialized')
      }
      this.scope.syms.set(name, v)
      this.fn!.locals.push(v)
      let init: InitPlan | null = null
      if (item.init && !vlaCount) {
        const r = this.initializer(v.type, item.init, false)
        init = r.plan
        v.type = r.ty
      }
      if (!isComplete(v.type) && v.type !== ERR) {
        this.error(item.pos, `storage size of '${name}' isn't known`)
        v.type = ERR
      }
      out.push({ k: 'decl', sym: v, init, vlaCount, sid })
    }
    return out
  }

  private declareFunction(name: string, ty: FuncT, pos: Pos, isStatic: boolean, inline: boolean, attrs: Attr[]): FuncSym {
    const prev = this.file.syms.get(name)
    if (prev && prev.kind === 'func' && prev.lazy) this.resolveLazy(prev)
    const format = this.formatAttr(attrs)
    const section = this.section(attrs)
    if (prev && prev.kind === 'func') {
      if (!sameType(prev.type, ty)) {
        if (prev.implicit) {
          this.warn(pos, `conflicting types for '${name}'; have ${quoteType(ty)}`)
          this.note(prev.pos, `previous implicit declaration of '${name}' with type ${quoteType(ty)}`)
        }
        else {
          this.error(pos, `conflicting types for '${name}'; have ${quoteType(ty)}`)
          this.note(prev.pos, `previous declaration of '${name}' with type ${quoteType(prev.type)}`)
        }
      }
      // keep the prototype when one of the declarations has none
      if (ty.proto || !prev.type.proto) prev.type = ty
      if (prev.implicit) prev.implicit = false
      if (format) prev.format = format
      if (section) prev.section = section
      if (inline) prev.inline = true
      return prev
    }
    if (prev) {
      this.error(pos, `'${name}' redeclared as different kind of symbol`)
    }
    const f: FuncSym = {
      kind: 'func', name, type: ty, pos, defined: false, isStatic, inline, section, format, implicit: false,
      used: false, tableIndex: this.funcs.length, id: this.nextId++,
    }
    if (!format && FORMAT_FUNCS[name]) f.format = { fmt: FORMAT_FUNCS[name][0], first: FORMAT_FUNCS[name][1], kind: 'printf' }
    this.funcs.push(f)
    this.file.syms.set(name, f)
    return f
  }

  private declareStaticObject(name: string, ty: CType, item: Declaration['items'][number], storage: DeclSpecs['storage'], fileScope: boolean, attrs: Attr[]): VarSym | null {
    if (ty.k === 'void') {
      if (storage !== 'extern') {
        this.error(item.pos, `storage size of '${name}' isn't known`)
        return null
      }
    }
    if (ty.k === 'array' && ty.vla) {
      this.error(item.pos, fileScope ? `variably modified '${name}' at file scope` : `storage size of '${name}' isn't constant`)
      return null
    }
    const isExtern = storage === 'extern'
    // block-scope static: a new object with static storage; block-scope extern: the file-scope one
    let v: VarSym | undefined
    if (fileScope || isExtern) {
      const prev = this.file.syms.get(name)
      if (prev && prev.kind !== 'var') {
        this.error(item.pos, `'${name}' redeclared as different kind of symbol`)
        return null
      }
      if (prev) {
        v = prev
        if (!sameType(unqual(prev.type), unqual(ty))) {
          this.error(item.pos, `conflicting types for '${name}'; have ${quoteType(ty)}`)
          this.note(prev.pos, `previous declaration of '${name}' with type ${quoteType(prev.type)}`)
        } else if (prev.type.k === 'array' && prev.type.len === null && ty.k === 'array' && ty.len !== null) prev.type = ty
      }
    }
    if (!v) {
      v = this.newVar(name, ty, 'global', item.pos)
      v.isStatic = storage === 'static'
      if (!fileScope && storage === 'static') {
        v.localStatic = true
        this.fn?.statics.push(v)
      }
      v.isExtern = isExtern
      if (fileScope || isExtern) this.file.syms.set(name, v)
      this.globals.push(v)
    }
    v.attrs = attrs
    const section = this.section(attrs)
    if (section) v.section = section
    if (!isExtern) {
      v.defined = true
      v.isExtern = false
    }
    if (item.init) {
      if (isExtern && !fileScope) {
        this.error(item.pos, `'${name}' has both 'extern' and initializer`)
        return v
      }
      if (isExtern) this.warn(item.pos, `'${name}' initialized and declared 'extern'`)
      if (v.init) this.error(item.pos, `redefinition of '${name}'`)
      v.defined = true
      v.isExtern = false
      const r = this.initializer(v.type, item.init, true)
      v.init = r.plan
      v.type = r.ty
      // old-style BPF helper declarations only mean something in BPF programs
      if (this.opts.target === 'bpf') this.detectHelperPointer(v)
    }
    return v
  }

  /** `static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *) 1;` declares BPF helper 1. */
  private detectHelperPointer(v: VarSym): void {
    if (v.type.k !== 'ptr' || v.type.to.k !== 'func' || !v.init || v.init.items.length !== 1) return
    const sv = staticValue(v.init.items[0].e)
    if (sv && sv.k === 'int' && sv.v > 0n && sv.v < 4096n) v.helperImport = v.name
  }

  private functionDef(d: FunctionDef): void {
    const base = this.specType(d.specs)
    const { ty, params } = this.derive(base, d.decl, false)
    const name = d.decl.name!
    if (ty.k !== 'func' || !params) {
      this.error(d.pos, 'expected declaration specifiers')
      return
    }
    const attrs = [...d.specs.attrs, ...d.decl.attrs]
    // K&R definitions: the declarations between ) and { give the parameter types
    if (d.krDecls.length) {
      const kr = new Map<string, CType>()
      for (const kd of d.krDecls) {
        const kb = this.specType(kd.specs)
        for (const it of kd.items) if (it.decl.name) kr.set(it.decl.name, this.derive(kb, it.decl, true).ty)
      }
      for (const p of params) {
        const t = p.name ? kr.get(p.name) : undefined
        if (t) p.ty = t.k === 'array' ? ptr(t.of) : t
      }
    }
    const fty = ty.k === 'func' && !ty.proto && d.krDecls.length ? { ...ty, params: params.map((p) => p.ty) } : ty
    const f = this.declareFunction(name, fty, d.decl.pos, d.specs.storage === 'static', d.specs.inline, attrs)
    if (f.defined) {
      this.error(d.decl.pos, `redefinition of '${name}'`)
      return
    }
    f.defined = true
    if (!f.type.proto && fty.proto) f.type = fty
    if (fty.ret.k === 'array' || fty.ret.k === 'func') return
    if (!isComplete(fty.ret) && fty.ret.k !== 'void' && fty.ret !== ERR) this.error(d.decl.pos, `return type is an incomplete type`)
    const ctx: FnCtx = {
      sym: f, ret: fty.ret, locals: [], labels: new Map(), gotos: [], undeclared: new Set(), loops: 0, breakables: 0, switches: [], statics: [],
    }
    this.fn = ctx
    const entrySid = this.sid(d.decl.pos)
    this.push()
    const pvars: VarSym[] = []
    for (const p of params) {
      if (!p.name) {
        if (fty.proto) this.error(p.pos, 'parameter name omitted')
        const v = this.newVar('', p.ty, 'param', p.pos)
        pvars.push(v)
        continue
      }
      if (!isComplete(p.ty) && p.ty !== ERR) this.error(p.pos, `parameter ${pvars.length + 1} ('${p.name}') has incomplete type`)
      const v = this.newVar(p.name, p.ty, 'param', p.pos)
      if (this.scope.syms.has(p.name)) this.error(p.pos, `redefinition of parameter '${p.name}'`)
      this.scope.syms.set(p.name, v)
      pvars.push(v)
    }
    const body: TStmt[] = []
    for (const it of d.body.items) this.blockItem(it, body)
    this.pop()
    for (const g of ctx.gotos) {
      if (!ctx.labels.has(g.label)) this.error(d.pos, `label '${g.label}' used but not defined`)
    }
    this.fn = null
    for (const v of [...ctx.locals, ...ctx.statics]) {
      // gcc -Wall: named automatic (and static) variables never referenced, or only assigned to
      if (v.hidden || !v.name || v.pos.file.startsWith('/usr/include/')) continue
      if (!v.used) this.warn(v.pos, `unused variable '${v.name}' [-Wunused-variable]`)
      else if ((v.reads ?? 0) <= 0 && !v.localStatic) this.warn(v.pos, `variable '${v.name}' set but not used [-Wunused-but-set-variable]`)
    }
    const tf: TFunction = { sym: f, params: pvars, body, sid: entrySid, locals: ctx.locals, sretParam: isRecord(fty.ret) }
    f.def = tf
    this.functions.push(tf)
    if (fty.ret.k !== 'void' && name !== 'main' && fallsOffEnd(body)) {
      // gcc -Wall: control reaches end of non-void function
      this.warn(d.body.end, 'control reaches end of non-void function [-Wreturn-type]')
    }
  }

  // --- initialisers ---------------------------------------------------------------------------------------------------------

  /**
   * Flatten an initialiser for an object of type `ty` (C11 6.7.9: designators, brace elision,
   * strings for char arrays). Returns the plan and the completed type (arrays of unknown size).
   */
  private initializer(ty: CType, init: Initializer, isStatic: boolean): { plan: InitPlan; ty: CType } {
    const items: InitItem[] = []
    let outTy = ty
    if (init.k === 'expr') {
      const str = this.stringInit(ty, init.e)
      if (str) {
        items.push({ off: 0, ty: str.ty, e: str.e })
        outTy = str.ty
      } else if (ty.k === 'array') {
        const e = this.rv(init.e)
        if (e.ty !== ERR) this.error(init.pos, 'invalid initializer')
      } else {
        const e = this.assignConvert(this.rv(init.e), ty, { kind: 'init' }, init.pos)
        items.push({ off: 0, ty: unqual(ty), e })
      }
    } else if (!isAggregate(ty)) {
      if (init.items.length === 0) {
        items.push({ off: 0, ty: unqual(ty), e: this.zeroOf(ty, init.pos) })
      } else {
        const first = init.items[0]
        if (first.desig.length) this.error(first.pos, 'field name not in record or union initializer')
        const sub = this.initializer(ty, first.init, isStatic)
        items.push(...sub.plan.items)
        if (init.items.length > 1) this.warn(init.items[1].pos, 'excess elements in scalar initializer')
      }
    } else {
      outTy = this.aggregateInit(ty, init, 0, items)
    }
    if (isStatic) {
      for (const it of items) {
        if (it.e.ty === ERR) continue
        if (it.e.k === 'str' && it.ty.k === 'array') continue
        if (isRecord(it.ty)) {
          if (it.e.k === 'compound' && it.e.tmp.storage === 'global') continue
          this.error(it.e.pos, 'initializer element is not constant')
          continue
        }
        if (!staticValue(it.e)) this.error(it.e.pos, 'initializer element is not constant')
        else {
          const sv = staticValue(it.e)!
          if (sv.k === 'addr' && sizeOf(it.ty) !== 8) this.error(it.e.pos, 'initializer element is not computable at load time')
        }
      }
    }
    return { plan: { size: sizeOf(outTy), zero: isAggregate(outTy), items }, ty: outTy }
  }

  private zeroOf(ty: CType, pos: Pos): TExpr {
    if (isFloat(ty)) return { k: 'flt', v: 0, ty: unqual(ty), pos }
    return { k: 'int', v: 0n, ty: unqual(ty), pos }
  }

  /** `char s[] = "abc"` (also wide strings into int/short arrays). */
  private stringInit(ty: CType, e: Expr): { ty: CType; e: TExpr } | null {
    if (ty.k !== 'array' || e.k !== 'str') return null
    const elem = ty.of
    if (!isInteger(elem)) return null
    const s = this.stringLit(e)
    const strElem = (s.ty as ArrayT).of
    if (sizeOf(strElem) !== sizeOf(elem)) {
      this.error(e.pos, sizeOf(elem) === 1 ? 'char-array initialized from wide string' : 'wide character array initialized from non-wide string')
      return { ty, e: s }
    }
    const n = (s.ty as ArrayT).len!
    if (ty.len === null) return { ty: { ...ty, len: n }, e: s }
    if (n - 1 > ty.len) this.warn(e.pos, `initializer-string for array of ${quoteType(elem)} is too long`)
    return { ty, e: s }
  }

  /** Initialise an aggregate from a brace list; returns the (completed) type. */
  private aggregateInit(ty: CType, list: Initializer & { k: 'list' }, baseOff: number, out: InitItem[]): CType {
    // a brace-enclosed string for a char array: char s[] = { "abc" }
    if (ty.k === 'array' && list.items.length === 1 && list.items[0].desig.length === 0 && list.items[0].init.k === 'expr') {
      const s = this.stringInit(ty, list.items[0].init.e)
      if (s) {
        out.push({ off: baseOff, ty: s.ty, e: s.e })
        return s.ty
      }
    }
    interface Frame { ty: CType; off: number; idx: number; len: number; bitBase: number }
    const lenOf = (t: CType): number => (t.k === 'array' ? (t.len ?? Infinity) : isRecord(t) ? t.info.fields.length : 0)
    const top: Frame = { ty, off: baseOff, idx: 0, len: lenOf(ty), bitBase: baseOff * 8 }
    const stack: Frame[] = [top]
    let maxIndex = 0
    const sub = (f: Frame): { ty: CType; off: number; bitOffset?: number; bitWidth?: number } => {
      if (f.ty.k === 'array') {
        const es = sizeOf(f.ty.of)
        return { ty: f.ty.of, off: f.off + f.idx * es }
      }
      const fld = (f.ty as RecordT).info.fields[f.idx]
      if (fld.bitWidth !== undefined) return { ty: fld.type, off: f.off + fld.offset, bitOffset: f.off * 8 + fld.bitOffset!, bitWidth: fld.bitWidth }
      return { ty: fld.type, off: f.off + fld.offset }
    }
    const advance = (f: Frame) => {
      if (f === top && f.ty.k === 'array') maxIndex = Math.max(maxIndex, f.idx + 1)
      if (isRecord(f.ty) && f.ty.k === 'union') f.idx = f.len
      else f.idx++
    }
    const kindName = (t: CType) => (t.k === 'array' ? 'array' : t.k === 'union' ? 'union' : 'struct')
    for (const item of list.items) {
      if (item.desig.length) {
        stack.length = 1
        let ok = true
        for (let di = 0; di < item.desig.length && ok; di++) {
          const d = item.desig[di]
          const f = stack[stack.length - 1]
          if (d.k === 'index') {
            if (f.ty.k !== 'array') {
              this.error(d.pos, 'array index in non-array initializer')
              ok = false
              break
            }
            const v = this.constInt(d.e)
            if (v === null) {
              this.error(d.pos, 'array index in initializer not of integer type')
              ok = false
              break
            }
            if (v < 0n || Number(v) >= f.len) {
              this.error(d.pos, 'array index in initializer exceeds array bounds')
              ok = false
              break
            }
            f.idx = Number(v)
            if (d.hi) {
              // GNU range [lo ... hi] = v: initialise each element with the same value
              const hi = this.constInt(d.hi)
              if (hi === null || hi < v || Number(hi) >= f.len) {
                this.error(d.pos, 'array index range in initializer exceeds array bounds')
                ok = false
                break
              }
              if (di === item.desig.length - 1) {
                for (let k = Number(v); k < Number(hi); k++) {
                  f.idx = k
                  const s = sub(f)
                  this.initOne(s, item.init, out)
                }
                f.idx = Number(hi)
              }
            }
          } else {
            if (!isRecord(f.ty)) {
              this.error(d.pos, `field name not in record or union initializer`)
              ok = false
              break
            }
            const path = fieldPath(f.ty.info, d.name)
            if (!path) {
              this.error(d.pos, `${quoteType(f.ty)} has no member named '${d.name}'`)
              ok = false
              break
            }
            // walk through anonymous members
            for (let pi = 0; pi < path.length; pi++) {
              const cur = stack[stack.length - 1]
              cur.idx = path[pi]
              if (pi < path.length - 1) {
                const s = sub(cur)
                stack.push({ ty: s.ty, off: s.off, idx: 0, len: lenOf(s.ty), bitBase: s.off * 8 })
              }
            }
          }
          if (di < item.desig.length - 1) {
            const cur = stack[stack.length - 1]
            const s = sub(cur)
            if (!isAggregate(s.ty)) {
              this.error(item.desig[di + 1].pos, item.desig[di + 1].k === 'index' ? 'array index in non-array initializer' : 'field name not in record or union initializer')
              ok = false
              break
            }
            stack.push({ ty: s.ty, off: s.off, idx: 0, len: lenOf(s.ty), bitBase: s.off * 8 })
          }
        }
        if (!ok) {
          this.checkUnused(item.init)
          continue
        }
      }
      // find the next subobject to initialise (descending for brace elision)
      for (;;) {
        const f = stack[stack.length - 1]
        if (f.idx >= f.len) {
          if (stack.length === 1) {
            this.warn(item.pos, `excess elements in ${kindName(f.ty)} initializer`)
            this.checkUnused(item.init)
            break
          }
          stack.pop()
          advance(stack[stack.length - 1])
          continue
        }
        const s = sub(f)
        if (item.init.k === 'list' || !isAggregate(s.ty)) {
          this.initOne(s, item.init, out)
          advance(f)
          break
        }
        // an expression for an aggregate subobject: a struct value or a string initialises it whole
        const strInit = this.stringInitMaybe(s.ty, item.init.e)
        if (strInit) {
          out.push({ off: s.off, ty: s.ty, e: strInit })
          advance(f)
          break
        }
        if (isRecord(s.ty)) {
          const e = this.rv(item.init.e)
          if (isRecord(e.ty) && sameType(e.ty, s.ty)) {
            out.push({ off: s.off, ty: unqual(s.ty), e })
            advance(f)
            break
          }
          // brace elision: descend and initialise the first member with this expression
          stack.push({ ty: s.ty, off: s.off, idx: 0, len: lenOf(s.ty), bitBase: s.off * 8 })
          if (s.ty.info.fields.length === 0) {
            this.error(item.pos, 'invalid initializer')
            break
          }
          const f2 = stack[stack.length - 1]
          const s2 = sub(f2)
          if (!isAggregate(s2.ty)) {
            out.push(this.scalarItem(s2, e, item.init.pos))
            advance(f2)
            break
          }
          continue
        }
        stack.push({ ty: s.ty, off: s.off, idx: 0, len: lenOf(s.ty), bitBase: s.off * 8 })
      }
    }
    if (ty.k === 'array' && ty.len === null) return { ...ty, len: maxIndex }
    return ty
  }

  private stringInitMaybe(ty: CType, e: Expr): TExpr | null {
    if (ty.k !== 'array' || e.k !== 'str') return null
    const r = this.stringInit(ty, e)
    return r ? r.e : null
  }

  private checkUnused(init: Initializer): void {
    if (init.k === 'expr') this.rv(init.e)
    else for (const it of init.items) this.checkUnused(it.init)
  }

  private scalarItem(s: { ty: CType; off: number; bitOffset?: number; bitWidth?: number }, e: TExpr, pos: Pos): InitItem {
    const ce = this.assignConvert(e, s.ty, { kind: 'init' }, pos)
    const it: InitItem = { off: s.off, ty: unqual(s.ty), e: ce }
    if (s.bitWidth !== undefined) {
      it.bitOffset = s.bitOffset
      it.bitWidth = s.bitWidth
    }
    return it
  }

  /** Initialise one subobject from an initialiser (expression or braces). */
  private initOne(s: { ty: CType; off: number; bitOffset?: number; bitWidth?: number }, init: Initializer, out: InitItem[]): void {
    if (init.k === 'list') {
      if (isAggregate(s.ty)) {
        this.aggregateInit(s.ty, init, s.off, out)
        return
      }
      if (init.items.length === 0) {
        out.push({ off: s.off, ty: unqual(s.ty), e: this.zeroOf(s.ty, init.pos) })
        return
      }
      if (init.items.length > 1) this.warn(init.items[1].pos, 'excess elements in scalar initializer')
      this.initOne(s, init.items[0].init, out)
      return
    }
    if (isAggregate(s.ty)) {
      const str = this.stringInitMaybe(s.ty, init.e)
      if (str) {
        out.push({ off: s.off, ty: s.ty, e: str })
        return
      }
      const e = this.rv(init.e)
      if (isRecord(s.ty) && isRecord(e.ty) && sameType(s.ty, e.ty)) {
        out.push({ off: s.off, ty: unqual(s.ty), e })
        return
      }
      if (e.ty !== ERR) this.error(init.pos, 'invalid initializer')
      return
    }
    out.push(this.scalarItem(s, this.rv(init.e), init.pos))
  }

  // --- statements -----------------------------------------------------------------------------------------------------

  private blockItem(s: Stmt, out: TStmt[]): void {
    if (s.k === 'decl') {
      out.push(...this.declaration(s.d, false))
      return
    }
    if (s.k === 'static_assert') {
      this.staticAssert(s.s)
      return
    }
    out.push(this.stmt(s))
  }

  private block(b: Block): TStmt {
    this.push()
    const body: TStmt[] = []
    for (const it of b.items) this.blockItem(it, body)
    this.pop()
    return { k: 'block', body, hasVla: body.some((s) => s.k === 'decl' && !!s.vlaCount) }
  }

  /** A sub-statement (if/while body) is its own scope. */
  private subStmt(s: Stmt): TStmt {
    if (s.k === 'decl') {
      this.push()
      const out: TStmt[] = []
      this.blockItem(s, out)
      this.pop()
      return { k: 'block', body: out, hasVla: false }
    }
    this.push()
    const r = this.stmt(s)
    this.pop()
    return r
  }

  private stmt(s: Stmt): TStmt {
    const fn = this.fn!
    switch (s.k) {
      case 'block': return this.block(s)
      case 'decl': case 'static_assert': {
        const out: TStmt[] = []
        this.blockItem(s, out)
        return { k: 'block', body: out, hasVla: false }
      }
      case 'bad': return { k: 'empty' }
      case 'expr': {
        if (!s.e) return { k: 'empty' }
        const sid = this.sid(s.pos)
        const e = this.expr(s.e)
        if (e.ty !== ERR && !hasEffect(e) && !s.e.pos.file.startsWith('/usr/include/')) this.warn(e.pos, 'statement with no effect [-Wunused-value]')
        return { k: 'expr', e: this.decay(e), sid }
      }
      case 'if': {
        const sid = this.sid(s.pos)
        const c = this.condition(s.cond)
        const t = this.subStmt(s.then)
        const f = s.else ? this.subStmt(s.else) : null
        return { k: 'if', c, t, f, sid }
      }
      case 'while': {
        const sid = this.sid(s.pos)
        const c = this.condition(s.cond)
        fn.loops++
        fn.breakables++
        const body = this.subStmt(s.body)
        fn.loops--
        fn.breakables--
        return { k: 'while', c, body, sid }
      }
      case 'do': {
        const sid = this.sid(s.pos)
        fn.loops++
        fn.breakables++
        const body = this.subStmt(s.body)
        fn.loops--
        fn.breakables--
        const c = this.condition(s.cond)
        return { k: 'do', body, c, sid }
      }
      case 'for': {
        const sid = this.sid(s.pos)
        this.push()
        let init: TStmt[] = []
        if (s.init) {
          if (s.init.k === 'declaration') {
            init = this.declaration(s.init, false)
            for (const it of s.init.items) {
              if (s.init.specs.storage === 'static' || s.init.specs.storage === 'extern') this.error(it.pos, `declaration of static variable '${it.decl.name}' in 'for' loop initial declaration`)
            }
          } else {
            const isid = this.sid(s.init.pos)
            init = [{ k: 'expr', e: this.decay(this.expr(s.init)), sid: isid }]
          }
        }
        const c = s.cond ? this.condition(s.cond) : null
        const step = s.step ? this.decay(this.expr(s.step)) : null
        fn.loops++
        fn.breakables++
        const body = this.subStmt(s.body)
        fn.loops--
        fn.breakables--
        this.pop()
        return { k: 'for', init, c, step, body, sid }
      }
      case 'switch': {
        const sid = this.sid(s.pos)
        let e = this.rv(s.e)
        if (e.ty !== ERR && !isInteger(e.ty)) {
          this.error(s.e.pos, 'switch quantity not an integer')
          e = { ...e, ty: ERR }
        }
        const ty = promote(e.ty)
        e = this.convert(e, ty)
        fn.switches.push({ ty, values: new Map(), hasDefault: false })
        fn.breakables++
        const body = this.subStmt(s.body)
        fn.breakables--
        fn.switches.pop()
        return { k: 'switch', e, body, sid }
      }
      case 'case': {
        const sid = this.sid(s.pos)
        const sw = fn.switches[fn.switches.length - 1]
        const lo = this.constInt(s.lo)
        const hi = s.hi ? this.constInt(s.hi) : lo
        if (lo === null || hi === null) {
          this.error(s.pos, 'case label does not reduce to an integer constant')
        } else if (!sw) {
          this.error(s.pos, 'case label not within a switch statement')
        } else {
          const l = wrapInt(lo, sw.ty)
          const h = wrapInt(hi, sw.ty)
          if (h < l) this.warn(s.pos, 'empty range specified')
          for (let v = l; v <= h && v - l < 65536n; v++) {
            if (sw.values.has(v)) {
              this.error(s.pos, 'duplicate case value')
              this.note(sw.values.get(v)!, 'previously used here')
              break
            }
            sw.values.set(v, s.pos)
          }
          const body = this.stmt(s.body)
          return { k: 'case', lo: l, hi: h, body, sid }
        }
        return this.stmt(s.body)
      }
      case 'default': {
        const sid = this.sid(s.pos)
        const sw = fn.switches[fn.switches.length - 1]
        if (!sw) this.error(s.pos, `'default' label not within a switch statement`)
        else if (sw.hasDefault) this.error(s.pos, `multiple default labels in one switch`)
        else sw.hasDefault = true
        const body = this.stmt(s.body)
        return sw ? { k: 'default', body, sid } : body
      }
      case 'break': {
        const sid = this.sid(s.pos)
        if (fn.breakables === 0) this.error(s.pos, 'break statement not within loop or switch')
        return { k: 'break', sid }
      }
      case 'continue': {
        const sid = this.sid(s.pos)
        if (fn.loops === 0) this.error(s.pos, 'continue statement not within a loop')
        return { k: 'continue', sid }
      }
      case 'return': {
        const sid = this.sid(s.pos)
        const ret = fn.ret
        if (!s.e) {
          if (ret.k !== 'void' && ret !== ERR) this.warn(s.pos, `'return' with no value, in function returning non-void [-Wreturn-type]`)
          return { k: 'return', e: null, sid }
        }
        let e = this.rv(s.e)
        if (ret.k === 'void') {
          if (e.ty.k !== 'void') this.warn(s.e.pos, `'return' with a value, in function returning void [-Wreturn-type]`)
          return { k: 'return', e: { k: 'cast', e, ty: T.void, pos: e.pos }, sid }
        }
        e = this.assignConvert(e, ret, { kind: 'return' }, s.e.pos)
        return { k: 'return', e, sid }
      }
      case 'goto': {
        const sid = this.sid(s.pos)
        fn.gotos.push({ label: s.label, pos: s.pos })
        return { k: 'goto', label: s.label, sid }
      }
      case 'label': {
        if (fn.labels.has(s.name)) this.error(s.pos, `duplicate label '${s.name}'`)
        else fn.labels.set(s.name, s.pos)
        const body = this.stmt(s.body)
        return { k: 'label', name: s.name, body }
      }
    }
  }

  /** A controlling expression: must be scalar. */
  private condition(e: Expr): TExpr {
    const t = this.rv(e)
    if (t.ty === ERR) return t
    if (!isScalar(t.ty)) {
      if (t.ty.k === 'void') this.error(e.pos, 'void value not ignored as it ought to be')
      else this.error(e.pos, `used ${isRecord(t.ty) ? (t.ty.k === 'struct' ? 'struct' : 'union') + ' type' : 'array'} value where scalar is required`)
      return { ...t, ty: ERR }
    }
    return t
  }

  // --- expressions -----------------------------------------------------------------------------------------------------------

  /** Integer constant expression value, or null. */
  private constInt(e: Expr): bigint | null {
    const t = this.rv(e)
    if (t.k === 'int' && (isInteger(t.ty) || t.ty.k === 'ptr')) return t.v
    if (!isInteger(t.ty)) return null
    return constEval(t)
  }

  /** Array and function designators decay to pointers (C11 6.3.2.1). */
  private decay(e: TExpr): TExpr {
    if (e.ty.k === 'array') {
      this.markAddr(e)
      return { k: 'addr', e, ty: ptr(e.ty.of), pos: e.pos }
    }
    if (e.ty.k === 'func') return { k: 'addr', e, ty: ptr(e.ty), pos: e.pos }
    return e
  }

  /** rvalue of an expression: decayed. */
  private rv(e: Expr): TExpr {
    return this.decay(this.expr(e))
  }

  private markAddr(e: TExpr): void {
    if (e.k === 'var') e.sym.addrTaken = true
    else if (e.k === 'member') this.markAddr(e.e)
  }

  /** Scalar conversion (folds constants). */
  convert(e: TExpr, to: CType, pos: Pos = e.pos): TExpr {
    if (e.ty === ERR || to === ERR) return e.ty === ERR ? e : { ...e, ty: ERR }
    const from = e.ty
    if (to.k === 'void') return { k: 'cast', e, ty: T.void, pos }
    const uto = unqual(to)
    if (sameType(unqual(from), uto) && from.k === uto.k) {
      if (from === uto) return e
      if (from.k === 'int' && uto.k === 'int' && from.name !== uto.name) {
        // fall through: different integer types of the same representation still need a cast node
      } else if (e.k === 'int' || e.k === 'flt') return { ...e, ty: uto }
      else return e
    }
    if (e.k === 'int') {
      if (isInteger(uto) || uto.k === 'ptr') return { k: 'int', v: wrapInt(e.v, uto), ty: uto, pos }
      if (uto.k === 'float') return { k: 'flt', v: uto.size === 4 ? Math.fround(Number(e.v)) : Number(e.v), ty: uto, pos }
    }
    if (e.k === 'flt') {
      if (uto.k === 'float') return { k: 'flt', v: uto.size === 4 ? Math.fround(e.v) : e.v, ty: uto, pos }
      if (isInteger(uto) && Number.isFinite(e.v)) {
        if (uto.k === 'bool') return { k: 'int', v: e.v !== 0 ? 1n : 0n, ty: uto, pos }
        return { k: 'int', v: wrapInt(BigInt(Math.trunc(e.v)), uto), ty: uto, pos }
      }
    }
    return { k: 'cast', e, ty: uto, pos }
  }

  private isNullConst(e: TExpr): boolean {
    if (e.k !== 'int' || e.v !== 0n) return false
    if (isInteger(e.ty)) return true
    return e.ty.k === 'ptr' && e.ty.to.k === 'void'
  }

  /** Implicit conversion as by assignment (C11 6.5.16.1), with gcc's messages. */
  private assignConvert(e: TExpr, to: CType, ctx: { kind: 'assign' | 'init' | 'return' } | { kind: 'arg'; n: number; fname: string | null; paramPos?: Pos }, pos: Pos): TExpr {
    const from = e.ty
    if (from === ERR || to === ERR) return { ...e, ty: ERR }
    const q = (t: CType) => quoteType(t)
    const where = () => {
      switch (ctx.kind) {
        case 'assign': return `assignment to ${q(to)} from ${q(from)}`
        case 'init': return `initialization of ${q(to)} from ${q(from)}`
        case 'return': return `returning ${q(from)} from a function with return type ${q(to)}`
        case 'arg': return `passing argument ${ctx.n} of ${ctx.fname ? `'${ctx.fname}'` : 'function'}`
      }
    }
    const argNote = () => {
      if (ctx.kind === 'arg') this.note(ctx.paramPos ?? pos, `expected ${q(to)} but argument is of type ${q(from)}`)
    }
    if (from.k === 'void') {
      this.error(pos, 'void value not ignored as it ought to be')
      return { ...e, ty: ERR }
    }
    if (isArith(to) && isArith(from)) return this.convert(e, to, pos)
    if (isRecord(to) || isRecord(from)) {
      if (isRecord(to) && isRecord(from) && sameType(to, from)) return e
      switch (ctx.kind) {
        case 'assign': this.error(e.pos, `incompatible types when assigning to type ${q(to)} from type ${q(from)}`); break
        case 'init': this.error(pos, `incompatible types when initializing type ${q(to)} using type ${q(from)}`); break
        case 'return': this.error(pos, `incompatible types when returning type ${q(from)} but ${q(to)} was expected`); break
        case 'arg': this.error(pos, `incompatible type for argument ${ctx.n} of ${ctx.fname ? `'${ctx.fname}'` : 'function'}`); argNote(); break
      }
      return { ...e, ty: ERR }
    }
    if (to.k === 'bool' && from.k === 'ptr') return this.convert(e, to, pos)
    if (to.k === 'ptr') {
      if (from.k === 'ptr') {
        const a = to.to
        const b = from.to
        // void * converts to and from any object pointer (and, without -pedantic, function pointers)
        const compatible = a.k === 'void' || b.k === 'void' || sameType(unqual(a), unqual(b))
        if (!compatible) {
          if (ctx.kind === 'arg') {
            this.warn(pos, `${where()} from incompatible pointer type [-Wincompatible-pointer-types]`)
            argNote()
          } else if (ctx.kind === 'return') this.warn(pos, `returning ${q(from)} from a function with incompatible return type ${q(to)} [-Wincompatible-pointer-types]`)
          else this.warn(pos, `${ctx.kind === 'assign' ? 'assignment to' : 'initialization of'} ${q(to)} from incompatible pointer type ${q(from)} [-Wincompatible-pointer-types]`)
        } else if ((b.const && !a.const) || (b.volatile && !a.volatile)) {
          const qual = b.const && !a.const ? 'const' : 'volatile'
          const what = ctx.kind === 'arg' ? where() : ctx.kind === 'assign' ? 'assignment' : ctx.kind === 'init' ? 'initialization' : 'return'
          this.warn(pos, `${what} discards '${qual}' qualifier from pointer target type [-Wdiscarded-qualifiers]`)
          argNote()
        }
        return this.convert(e, to, pos)
      }
      if (isInteger(from)) {
        if (!this.isNullConst(e)) {
          if (ctx.kind === 'return') this.warn(pos, `returning ${q(from)} from a function with return type ${q(to)} makes pointer from integer without a cast [-Wint-conversion]`)
          else this.warn(pos, `${where()} makes pointer from integer without a cast [-Wint-conversion]`)
          argNote()
        }
        return this.convert(e, to, pos)
      }
    }
    if (isInteger(to) && from.k === 'ptr') {
      if (ctx.kind === 'return') this.warn(pos, `returning ${q(from)} from a function with return type ${q(to)} makes integer from pointer without a cast [-Wint-conversion]`)
      else this.warn(pos, `${where()} makes integer from pointer without a cast [-Wint-conversion]`)
      argNote()
      return this.convert(e, to, pos)
    }
    switch (ctx.kind) {
      case 'assign': this.error(pos, `incompatible types when assigning to type ${q(to)} from type ${q(from)}`); break
      case 'init': this.error(pos, `incompatible types when initializing type ${q(to)} using type ${q(from)}`); break
      case 'return': this.error(pos, `incompatible types when returning type ${q(from)} but ${q(to)} was expected`); break
      case 'arg': this.error(pos, `incompatible type for argument ${ctx.n} of ${ctx.fname ? `'${ctx.fname}'` : 'function'}`); argNote(); break
    }
    return { ...e, ty: ERR }
  }

  private expr(e: Expr): TExpr {
    switch (e.k) {
      case 'num': return this.numberLit(e)
      case 'char': {
        const d = decodeCharLiteral(e.text)
        for (const p of d.problems) (p.severity === 'error' ? this.error : this.warn).call(this, e.pos, p.message)
        const ty = d.prefix === 'u' ? T.ushort : d.prefix === 'U' ? T.uint : T.int
        return { k: 'int', v: BigInt(d.value), ty, pos: e.pos }
      }
      case 'str': return this.stringLit(e)
      case 'ident': return this.ident(e)
      case 'unary': return this.unary(e)
      case 'postfix': return this.incdec(e.e, e.op === '++', true, e.pos)
      case 'binary': return this.binary(e.op, e.l, e.r, e.pos)
      case 'assign': return this.assign(e)
      case 'cond': return this.conditional(e)
      case 'comma': {
        const l = this.rv(e.l)
        const r = this.rv(e.r)
        return { k: 'comma', l, r, ty: r.ty, pos: e.pos }
      }
      case 'call': return this.call(e)
      case 'index': return this.index(e)
      case 'member': return this.member(e)
      case 'cast': return this.cast(e)
      case 'compound': return this.compoundLit(e)
      case 'sizeof': case 'alignof': return this.sizeofExpr(e)
      case 'stmtexpr': return this.stmtExpr(e)
      case 'offsetof': return this.offsetof(e)
      case 'typescompat': {
        const a = unqual(this.typeName(e.a))
        const b = unqual(this.typeName(e.b))
        return { k: 'int', v: sameType(a, b) ? 1n : 0n, ty: T.int, pos: e.pos }
      }
      case 'vaarg':
        this.error(e.pos, 'variadic functions cannot be defined in this compiler (va_arg is not supported)')
        return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
  }

  private numberLit(e: Extract<Expr, { k: 'num' }>): TExpr {
    if (e.text.length < 10 && /^(?:[1-9][0-9]*|0)$/.test(e.text)) return { k: 'int', v: BigInt(e.text), ty: T.int, pos: e.pos }
    const n = parseNumber(e.text)
    if (n.kind === 'error') {
      this.error(e.pos, n.message)
      return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
    if (n.kind === 'float') {
      const ty = n.suffix === 'f' ? T.float : n.suffix === 'l' ? T.ldouble : T.double
      return { k: 'flt', v: ty === T.float ? Math.fround(n.value) : n.value, ty, pos: e.pos }
    }
    const v = n.value
    const fits = (t: IntT) => (t.signed ? v < 1n << BigInt(t.size * 8 - 1) : v < 1n << BigInt(t.size * 8))
    let cands: IntT[]
    if (n.unsigned) cands = n.long === 2 ? [T.ullong] : n.long === 1 ? [T.ulong, T.ullong] : [T.uint, T.ulong, T.ullong]
    else if (!n.nonDecimal) cands = n.long === 2 ? [T.llong] : n.long === 1 ? [T.long, T.llong] : [T.int, T.long, T.llong]
    else cands = n.long === 2 ? [T.llong, T.ullong] : n.long === 1 ? [T.long, T.ulong, T.llong, T.ullong] : [T.int, T.uint, T.long, T.ulong, T.llong, T.ullong]
    for (const t of cands) if (fits(t)) return { k: 'int', v, ty: t, pos: e.pos }
    if (v < 1n << 64n) {
      this.warn(e.pos, 'integer constant is so large that it is unsigned')
      return { k: 'int', v, ty: T.ullong, pos: e.pos }
    }
    this.error(e.pos, 'integer constant is too large for its type')
    return { k: 'int', v: wrapInt(v, T.ullong), ty: T.ullong, pos: e.pos }
  }

  /** Concatenated string literal tokens -> bytes (with the final NUL) and element type. */
  private stringBytes(toks: Token[]): { bytes: Uint8Array; elem: IntT; units: number } {
    if (toks.length === 1 && /^"[ !#-[\]-~]*"$/.test(toks[0].text)) {
      // plain ASCII without escapes: the bytes are the characters
      const t = toks[0].text
      const bytes = new Uint8Array(t.length - 1)
      for (let i = 1; i < t.length - 1; i++) bytes[i - 1] = t.charCodeAt(i)
      return { bytes, elem: T.char, units: bytes.length }
    }
    let prefix = ''
    const parts = toks.map((t) => decodeStringLiteral(t.text))
    for (const p of parts) {
      if (p.prefix && p.prefix !== 'u8') {
        if (prefix && prefix !== p.prefix) this.error({ file: toks[0].file, line: toks[0].line, col: toks[0].col }, 'unsupported non-standard concatenation of string literals')
        prefix = p.prefix
      }
      for (const pr of p.problems) {
        const t = toks[parts.indexOf(p)]
        const pos = { file: (t.expandedFrom ?? t).file, line: (t.expandedFrom ?? t).line, col: (t.expandedFrom ?? t).col }
        if (pr.severity === 'error') this.error(pos, pr.message)
        else this.warn(pos, pr.message)
      }
    }
    const elem = prefix === 'L' ? T.int : prefix === 'u' ? T.ushort : prefix === 'U' ? T.uint : T.char
    const units: number[] = []
    for (const p of parts) {
      if (sizeOf(elem) === 1 || !p.prefix || p.prefix === 'u8') {
        // narrow pieces inside a wide string are widened unit by unit (ASCII in practice)
        units.push(...p.units)
      } else units.push(...p.units)
    }
    units.push(0)
    const es = sizeOf(elem)
    const bytes = new Uint8Array(units.length * es)
    const dv = new DataView(bytes.buffer)
    units.forEach((u, i) => {
      if (es === 1) bytes[i] = u & 255
      else if (es === 2) dv.setUint16(i * 2, u & 0xffff, true)
      else dv.setUint32(i * 4, u >>> 0, true)
    })
    return { bytes, elem, units: units.length }
  }

  private stringLit(e: Extract<Expr, { k: 'str' }>): TExpr {
    const s = this.stringBytes(e.toks)
    return { k: 'str', bytes: s.bytes, ty: arrayOf(s.elem, s.units), pos: e.pos }
  }

  private ident(e: Extract<Expr, { k: 'ident' }>): TExpr {
    const sym = this.lookup(e.name)
    if (!sym) {
      if ((e.name === '__func__' || e.name === '__FUNCTION__' || e.name === '__PRETTY_FUNCTION__') && this.fn) {
        const bytes = new TextEncoder().encode(this.fn.sym.name + '\0')
        return { k: 'str', bytes, ty: arrayOf({ ...T.char, const: true }, bytes.length), pos: e.pos }
      }
      this.undeclared(e.name, e.pos)
      return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
    switch (sym.kind) {
      case 'var':
        sym.used = true
        sym.reads = (sym.reads ?? 0) + 1
        return { k: 'var', sym, ty: sym.type, pos: e.pos }
      case 'func':
        sym.used = true
        sym.usePos ??= e.pos
        return { k: 'func', sym, ty: sym.type, pos: e.pos }
      case 'enumconst':
        return { k: 'int', v: sym.value, ty: sym.type, pos: e.pos }
      case 'typedef':
        this.error(e.pos, `expected expression before '${e.name}'`)
        return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
  }

  private undeclared(name: string, pos: Pos): void {
    if (this.fn) {
      if (this.fn.undeclared.has(name)) return
      const first = this.fn.undeclared.size === 0
      this.fn.undeclared.add(name)
      this.error(pos, `'${name}' undeclared (first use in this function)`)
      if (first) this.note(pos, 'each undeclared identifier is reported only once for each function it appears in')
    } else {
      if (this.fileScopeUndeclared.has(name)) return
      this.fileScopeUndeclared.add(name)
      this.error(pos, `'${name}' undeclared here (not in a function)`)
    }
  }

  private unary(e: Extract<Expr, { k: 'unary' }>): TExpr {
    const pos = e.pos
    switch (e.op) {
      case '++': case '--': return this.incdec(e.e, e.op === '++', false, pos)
      case '&': {
        const x = this.expr(e.e)
        if (x.ty === ERR) return x
        if (x.k === 'func') return { k: 'addr', e: x, ty: ptr(x.ty), pos }
        if (x.k === 'deref') {
          // &*p is p (no load)
          return x.e.ty.k === 'ptr' ? x.e : { k: 'addr', e: x, ty: ptr(x.ty), pos }
        }
        if (!this.isLvalue(x)) {
          this.error(pos, 'lvalue required as unary \'&\' operand')
          return { ...x, ty: ERR }
        }
        if (x.k === 'member' && x.path.field.bitWidth !== undefined) {
          this.error(pos, `cannot take address of bit-field '${x.path.field.name}'`)
          return { ...x, ty: ERR }
        }
        this.markAddr(x)
        if (x.k === 'var' && x.sym.storage !== 'global' && x.sym.addrTaken === false) x.sym.addrTaken = true
        return { k: 'addr', e: x, ty: ptr(x.ty), pos }
      }
      case '*': {
        const x = this.rv(e.e)
        if (x.ty === ERR) return x
        if (x.ty.k !== 'ptr') {
          this.error(pos, `invalid type argument of unary '*' (have ${quoteType(x.ty)})`)
          return { ...x, ty: ERR }
        }
        const to = x.ty.to
        if (to.k === 'func') return x.k === 'addr' ? x.e : { k: 'deref', e: x, ty: to, pos }
        if (to.k === 'void') this.warn(pos, `dereferencing 'void *' pointer`)
        else if (!isComplete(to) && to.k !== 'array') {
          this.error(pos, `invalid use of undefined type ${quoteType(to)}`)
          return { ...x, ty: ERR }
        }
        return { k: 'deref', e: x, ty: to, pos }
      }
      case '+': case '-': {
        const x = this.rv(e.e)
        if (x.ty === ERR) return x
        if (!isArith(x.ty)) {
          this.error(pos, `wrong type argument to unary ${e.op === '-' ? 'minus' : 'plus'}`)
          return { ...x, ty: ERR }
        }
        const ty = promote(x.ty)
        const c = this.convert(x, ty)
        if (e.op === '+') return c.k === 'int' || c.k === 'flt' ? { ...c, pos } : { k: 'cast', e: c, ty, pos }
        if (c.k === 'int') return { k: 'int', v: wrapInt(-c.v, ty), ty, pos }
        if (c.k === 'flt') return { k: 'flt', v: -c.v, ty, pos }
        return { k: 'neg', e: c, ty, pos }
      }
      case '~': {
        const x = this.rv(e.e)
        if (x.ty === ERR) return x
        if (!isInteger(x.ty)) {
          this.error(pos, 'wrong type argument to bit-complement')
          return { ...x, ty: ERR }
        }
        const ty = promote(x.ty)
        const c = this.convert(x, ty)
        if (c.k === 'int') return { k: 'int', v: wrapInt(~c.v, ty), ty, pos }
        return { k: 'bitnot', e: c, ty, pos }
      }
      case '!': {
        const x = this.rv(e.e)
        if (x.ty === ERR) return x
        if (!isScalar(x.ty)) {
          this.error(pos, 'wrong type argument to unary exclamation mark')
          return { ...x, ty: ERR }
        }
        if (x.k === 'int') return { k: 'int', v: x.v === 0n ? 1n : 0n, ty: T.int, pos }
        if (x.k === 'flt') return { k: 'int', v: x.v === 0 ? 1n : 0n, ty: T.int, pos }
        return { k: 'not', e: x.ty.k === 'int' || x.ty.k === 'ptr' || x.ty.k === 'float' ? x : this.convert(x, promote(x.ty)), ty: T.int, pos }
      }
    }
  }

  private isLvalue(x: TExpr): boolean {
    switch (x.k) {
      case 'var': case 'deref': case 'compound': case 'str': return true
      case 'member': return x.e.k !== 'call' && x.e.k !== 'stmtexpr' && x.e.k !== 'cond' && x.e.k !== 'assign' && x.e.k !== 'comma' ? this.isLvalue(x.e) || x.e.k === 'deref' : false
      default: return false
    }
  }

  /** Check that x may be assigned; returns false after reporting. */
  private modifiable(x: TExpr, what: 'assignment' | 'increment' | 'decrement', pos: Pos, src: Expr): boolean {
    if (x.ty === ERR) return false
    if (!this.isLvalue(x) || x.k === 'str') {
      this.error(pos, what === 'assignment' ? 'lvalue required as left operand of assignment' : `lvalue required as ${what} operand`)
      return false
    }
    if (x.ty.k === 'array') {
      this.error(pos, `assignment to expression with array type`)
      return false
    }
    if (x.ty.const || (isRecord(x.ty) && hasConstMember(x.ty.info))) {
      if (x.k === 'var') this.error(pos, `${what} of read-only variable '${x.sym.name}'`)
      else if (x.k === 'member') this.error(pos, `${what} of read-only member '${x.path.field.name}'`)
      else this.error(pos, `${what} of read-only location '${exprText(src)}'`)
      return false
    }
    if (x.k === 'member' && constBase(x)) {
      this.error(pos, `${what} of read-only member '${x.path.field.name}'`)
      return false
    }
    return true
  }

  private incdec(operand: Expr, inc: boolean, post: boolean, pos: Pos): TExpr {
    const l = this.expr(operand)
    if (l.ty === ERR) return l
    const what = inc ? 'increment' : 'decrement'
    if (!isScalar(l.ty)) {
      if (l.ty.k !== 'array') {
        this.error(pos, `wrong type argument to ${what}`)
        return { ...l, ty: ERR }
      }
    }
    if (!this.modifiable(l, what, pos, operand)) return { ...l, ty: ERR }
    let size: number | undefined
    if (l.ty.k === 'ptr') {
      if (!isComplete(l.ty.to) && l.ty.to.k !== 'void' && l.ty.to.k !== 'func') {
        this.error(pos, `${what} of pointer to an incomplete type ${quoteType(l.ty.to)}`)
        return { ...l, ty: ERR }
      }
      size = sizeOf(l.ty.to)
    }
    return { k: 'incdec', l, inc, post, size, ty: unqual(l.ty), pos }
  }

  private binary(op: string, le: Expr, re: Expr, pos: Pos): TExpr {
    if (op === '&&' || op === '||') {
      const l = this.rv(le)
      const r = this.rv(re)
      if (l.ty === ERR || r.ty === ERR) return { k: 'int', v: 0n, ty: ERR, pos }
      if (!isScalar(l.ty) || !isScalar(r.ty)) {
        this.error(pos, `invalid operands to binary ${op} (have ${quoteType(l.ty)} and ${quoteType(r.ty)})`)
        return { k: 'int', v: 0n, ty: ERR, pos }
      }
      const lc = constTruth(l)
      const rc = constTruth(r)
      if (lc !== null && (op === '&&' ? !lc : lc)) return { k: 'int', v: op === '&&' ? 0n : 1n, ty: T.int, pos }
      if (lc !== null && rc !== null) return { k: 'int', v: rc ? 1n : 0n, ty: T.int, pos }
      return { k: op === '&&' ? 'land' : 'lor', l, r, ty: T.int, pos }
    }
    const l = this.rv(le)
    const r = this.rv(re)
    return this.binaryTyped(op, l, r, pos)
  }

  private invalidOperands(op: string, l: TExpr, r: TExpr, pos: Pos): TExpr {
    this.error(pos, `invalid operands to binary ${op} (have ${quoteType(l.ty)} and ${quoteType(r.ty)})`)
    return { k: 'int', v: 0n, ty: ERR, pos }
  }

  private binaryTyped(op: string, l: TExpr, r: TExpr, pos: Pos): TExpr {
    if (l.ty === ERR || r.ty === ERR) return { k: 'int', v: 0n, ty: ERR, pos }
    const lt = l.ty
    const rt = r.ty
    switch (op) {
      case '*': case '/': case '%': case '&': case '|': case '^': {
        const needInt = op === '%' || op === '&' || op === '|' || op === '^'
        if (needInt ? !isInteger(lt) || !isInteger(rt) : !isArith(lt) || !isArith(rt)) return this.invalidOperands(op, l, r, pos)
        return this.arith(op as BinOp, l, r, commonType(lt, rt), pos)
      }
      case '<<': case '>>': {
        if (!isInteger(lt) || !isInteger(rt)) return this.invalidOperands(op, l, r, pos)
        const ty = promote(lt)
        const lc = this.convert(l, ty)
        const rc = this.convert(r, promote(rt))
        if (rc.k === 'int') {
          if (rc.v < 0n) this.warn(pos, `${op === '<<' ? 'left' : 'right'} shift count is negative [-Wshift-count-negative]`)
          else if (rc.v >= BigInt(sizeOf(ty) * 8)) this.warn(pos, `${op === '<<' ? 'left' : 'right'} shift count >= width of type [-Wshift-count-overflow]`)
        }
        if (lc.k === 'int' && rc.k === 'int') {
          const bits = BigInt(sizeOf(ty) * 8)
          const n = BigInt.asUintN(64, rc.v) & (bits - 1n)
          const v = op === '<<' ? lc.v << n : lc.v >> n
          return { k: 'int', v: wrapInt(v, ty), ty, pos }
        }
        return { k: 'bin', op: op as BinOp, l: lc, r: rc, ty, pos }
      }
      case '+': {
        if (isArith(lt) && isArith(rt)) return this.arith('+', l, r, commonType(lt, rt), pos)
        if (lt.k === 'ptr' && isInteger(rt)) return this.ptrAdd(l, r, false, pos)
        if (rt.k === 'ptr' && isInteger(lt)) return this.ptrAdd(r, l, false, pos)
        return this.invalidOperands(op, l, r, pos)
      }
      case '-': {
        if (isArith(lt) && isArith(rt)) return this.arith('-', l, r, commonType(lt, rt), pos)
        if (lt.k === 'ptr' && isInteger(rt)) return this.ptrAdd(l, r, true, pos)
        if (lt.k === 'ptr' && rt.k === 'ptr') {
          if (!sameType(unqual(lt.to), unqual(rt.to))) {
            this.error(pos, `invalid operands to binary - (have ${quoteType(lt)} and ${quoteType(rt)})`)
            return { k: 'int', v: 0n, ty: ERR, pos }
          }
          const size = sizeOf(lt.to)
          return { k: 'pdiff', l, r, size: size || 1, ty: ptrdiffT, pos }
        }
        return this.invalidOperands(op, l, r, pos)
      }
      case '<': case '>': case '<=': case '>=': case '==': case '!=': {
        const cop = op as CmpOp
        if (isArith(lt) && isArith(rt)) {
          const ty = commonType(lt, rt)
          const a = this.convert(l, ty)
          const b = this.convert(r, ty)
          if ((a.k === 'int' || a.k === 'flt') && (b.k === 'int' || b.k === 'flt')) {
            return { k: 'int', v: compareConst(cop, a.v, b.v) ? 1n : 0n, ty: T.int, pos }
          }
          // (gcc's -Wsign-compare is -Wextra only in C)
          return { k: 'cmp', op: cop, l: a, r: b, ty: T.int, pos }
        }
        if (lt.k === 'ptr' && rt.k === 'ptr') {
          const eq = cop === '==' || cop === '!='
          if (!sameType(unqual(lt.to), unqual(rt.to)) && !(eq && (lt.to.k === 'void' || rt.to.k === 'void'))) {
            if (!this.isNullConst(l) && !this.isNullConst(r)) this.warn(pos, `comparison of distinct pointer types lacks a cast`)
          }
          return { k: 'cmp', op: cop, l, r: this.convert(r, lt), ty: T.int, pos }
        }
        if (lt.k === 'ptr' && isInteger(rt)) {
          if (!this.isNullConst(r)) this.warn(pos, 'comparison between pointer and integer')
          return { k: 'cmp', op: cop, l, r: this.convert(r, lt), ty: T.int, pos }
        }
        if (rt.k === 'ptr' && isInteger(lt)) {
          if (!this.isNullConst(l)) this.warn(pos, 'comparison between pointer and integer')
          return { k: 'cmp', op: cop, l: this.convert(l, rt), r, ty: T.int, pos }
        }
        return this.invalidOperands(op, l, r, pos)
      }
    }
    this.error(pos, `unknown operator '${op}'`)
    return { k: 'int', v: 0n, ty: ERR, pos }
  }

  private arith(op: BinOp, l: TExpr, r: TExpr, ty: CType, pos: Pos): TExpr {
    const a = this.convert(l, ty)
    const b = this.convert(r, ty)
    if (a.k === 'int' && b.k === 'int') {
      const x = a.v
      const y = b.v
      let v: bigint | null = null
      switch (op) {
        case '+': v = x + y; break
        case '-': v = x - y; break
        case '*': v = x * y; break
        case '/': case '%':
          if (y === 0n) {
            this.warn(pos, 'division by zero [-Wdiv-by-zero]')
            break
          }
          if (intBase(ty).signed && y === -1n && x === -(1n << BigInt(sizeOf(ty) * 8 - 1))) {
            if (op === '/') this.warn(pos, 'integer overflow in expression [-Woverflow]')
            break
          }
          v = op === '/' ? x / y : x % y
          break
        case '&': v = x & y; break
        case '|': v = x | y; break
        case '^': v = x ^ y; break
      }
      if (v !== null) return { k: 'int', v: wrapInt(v, ty), ty, pos }
    }
    if (a.k === 'flt' && b.k === 'flt' && op !== '%') {
      const f = ty.k === 'float' && ty.size === 4 ? Math.fround : (x: number) => x
      const x = a.v
      const y = b.v
      const v = op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : x / y
      return { k: 'flt', v: f(v), ty, pos }
    }
    if ((op === '/' || op === '%') && b.k === 'int' && b.v === 0n && isInteger(ty) && a.k !== 'int') this.warn(pos, 'division by zero [-Wdiv-by-zero]')
    return { k: 'bin', op, l: a, r: b, ty, pos }
  }

  private ptrAdd(p: TExpr, i: TExpr, neg: boolean, pos: Pos): TExpr {
    const to = (p.ty as { to: CType }).to
    if (!isComplete(to) && to.k !== 'void' && to.k !== 'func') {
      this.error(pos, `invalid use of undefined type ${quoteType(to)}`)
      return { k: 'int', v: 0n, ty: ERR, pos }
    }
    let size: number | TExpr = sizeOf(to)
    if (to.k === 'array' && to.vla) size = this.vlaSize(to, pos)
    const ic = this.convert(i, promote(i.ty))
    if (p.k === 'int' && ic.k === 'int' && typeof size === 'number') {
      return { k: 'int', v: BigInt.asUintN(64, p.v + (neg ? -1n : 1n) * ic.v * BigInt(size)), ty: p.ty, pos }
    }
    return { k: 'padd', p, i: ic, size, neg, ty: unqual(p.ty), pos }
  }

  /** Runtime byte size of a VLA type (size_t). */
  private vlaSize(t: ArrayT, pos: Pos): TExpr {
    const count: TExpr = t.vla!.countVar ? { k: 'var', sym: t.vla!.countVar, ty: sizeT, pos } : t.vla!.count
    const elem = t.of.k === 'array' && t.of.vla ? this.vlaSize(t.of, pos) : ({ k: 'int', v: BigInt(sizeOf(t.of)), ty: sizeT, pos } as TExpr)
    return { k: 'bin', op: '*', l: count, r: elem, ty: sizeT, pos }
  }

  private assign(e: Extract<Expr, { k: 'assign' }>): TExpr {
    const l = this.expr(e.l)
    const r = this.rv(e.r)
    if (l.ty === ERR || r.ty === ERR) return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    if (!this.modifiable(l, 'assignment', e.pos, e.l)) return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    const lty = unqual(l.ty)
    if (e.op === '=') {
      // storing into x, x.f or x[i] (x an array) does not read x
      const root = assignedRoot(l)
      if (root) root.reads = (root.reads ?? 1) - 1
      const rc = this.assignConvert(r, lty, { kind: 'assign' }, e.pos)
      if (rc.ty === ERR) return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
      if (isRecord(lty) && !isComplete(lty)) {
        this.error(e.pos, `invalid use of undefined type ${quoteType(lty)}`)
        return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
      }
      return { k: 'assign', l, r: rc, ty: lty, pos: e.pos }
    }
    const op = e.op.slice(0, -1) as BinOp
    if ((op === '+' || op === '-') && lty.k === 'ptr') {
      if (!isInteger(r.ty)) return this.invalidOperands(op, l, r, e.pos)
      const to = lty.to
      if (!isComplete(to) && to.k !== 'void' && to.k !== 'func') {
        this.error(e.pos, `invalid use of undefined type ${quoteType(to)}`)
        return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
      }
      return { k: 'opassign', op, l, r: this.convert(r, promote(r.ty)), opTy: lty, size: sizeOf(to), ty: lty, pos: e.pos }
    }
    const needInt = op === '%' || op === '&' || op === '|' || op === '^' || op === '<<' || op === '>>'
    if (needInt ? !isInteger(lty) || !isInteger(r.ty) : !isArith(lty) || !isArith(r.ty)) return this.invalidOperands(op, l, r, e.pos)
    if (op === '<<' || op === '>>') {
      const opTy = promote(lty)
      return { k: 'opassign', op, l, r: this.convert(r, promote(r.ty)), opTy, ty: lty, pos: e.pos }
    }
    const opTy = commonType(lty, r.ty)
    if ((op === '/' || op === '%') && r.k === 'int' && r.v === 0n) this.warn(e.pos, 'division by zero [-Wdiv-by-zero]')
    return { k: 'opassign', op, l, r: this.convert(r, opTy), opTy, ty: lty, pos: e.pos }
  }

  private conditional(e: Extract<Expr, { k: 'cond' }>): TExpr {
    let c = this.rv(e.c)
    let t: TExpr
    if (e.t === null) {
      // GNU a ?: b — evaluate a once
      if (c.k === 'int' || c.k === 'var' || c.k === 'flt') t = c
      else if (this.fn && c.ty !== ERR && isScalar(c.ty)) {
        const tmp = this.hiddenVar('cond$tmp', unqual(c.ty), e.pos)
        tmp.used = true
        const tv: TExpr = { k: 'var', sym: tmp, ty: tmp.type, pos: e.pos }
        c = { k: 'assign', l: tv, r: c, ty: tmp.type, pos: e.pos }
        t = tv
      } else t = c
    } else t = this.rv(e.t)
    const f = this.rv(e.f)
    if (c.ty === ERR || t.ty === ERR || f.ty === ERR) return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    if (!isScalar(c.ty)) {
      this.error(e.c.pos, `used ${isRecord(c.ty) ? 'struct type' : 'array'} value where scalar is required`)
      return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
    const tt = t.ty
    const ft = f.ty
    let ty: CType
    if (isArith(tt) && isArith(ft)) ty = commonType(tt, ft)
    else if (tt.k === 'void' || ft.k === 'void') ty = T.void
    else if (isRecord(tt) && isRecord(ft) && sameType(tt, ft)) ty = unqual(tt)
    else if (tt.k === 'ptr' && ft.k === 'ptr') {
      if (this.isNullConst(f)) ty = tt
      else if (this.isNullConst(t)) ty = ft
      else if (sameType(unqual(tt.to), unqual(ft.to))) ty = ptr(withQuals(unqual(tt.to), { const: tt.to.const || ft.to.const, volatile: tt.to.volatile || ft.to.volatile }))
      else if (tt.to.k === 'void' || ft.to.k === 'void') ty = ptr(withQuals(T.void, { const: tt.to.const || ft.to.const }))
      else {
        this.warn(e.pos, 'pointer type mismatch in conditional expression')
        ty = ptr(T.void)
      }
    } else if (tt.k === 'ptr' && isInteger(ft)) {
      if (!this.isNullConst(f)) this.warn(e.pos, 'pointer/integer type mismatch in conditional expression')
      ty = tt
    } else if (ft.k === 'ptr' && isInteger(tt)) {
      if (!this.isNullConst(t)) this.warn(e.pos, 'pointer/integer type mismatch in conditional expression')
      ty = ft
    } else {
      this.error(e.pos, 'type mismatch in conditional expression')
      return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
    const tc = ty.k === 'void' || isRecord(ty) ? t : this.convert(t, ty)
    const fc = ty.k === 'void' || isRecord(ty) ? f : this.convert(f, ty)
    const truth = constTruth(c)
    if (truth !== null && (tc.k === 'int' || tc.k === 'flt') && (fc.k === 'int' || fc.k === 'flt')) return truth ? { ...tc, pos: e.pos } : { ...fc, pos: e.pos }
    return { k: 'cond', c, t: tc, f: fc, ty, pos: e.pos }
  }

  private index(e: Extract<Expr, { k: 'index' }>): TExpr {
    let a = this.rv(e.a)
    let i = this.rv(e.i)
    if (a.ty === ERR || i.ty === ERR) return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    if (a.ty.k !== 'ptr' && i.ty.k === 'ptr') [a, i] = [i, a]
    if (a.ty.k !== 'ptr') {
      this.error(e.pos, 'subscripted value is neither array nor pointer nor vector')
      unread(a)
      return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
    if (!isInteger(i.ty)) {
      this.error(e.pos, 'array subscript is not an integer')
      return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
    if (i.k === 'int' && a.k === 'addr' && a.e.ty.k === 'array' && a.e.ty.len !== null && a.e.ty.len > 0 && (i.v < 0n || i.v > BigInt(a.e.ty.len)) && this.fn) {
      this.warn(e.pos, `array subscript ${i.v} is outside array bounds of ${quoteType(a.e.ty)} [-Warray-bounds]`)
    }
    const to = a.ty.to
    if (to.k === 'void') {
      this.warn(e.pos, `dereferencing 'void *' pointer`)
    } else if (!isComplete(to) && !(to.k === 'array' && to.vla)) {
      this.error(e.pos, `invalid use of undefined type ${quoteType(to)}`)
      return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
    const p = this.ptrAdd(a, i, false, e.pos)
    if (p.ty === ERR) return p
    return { k: 'deref', e: p, ty: to, pos: e.pos }
  }

  private member(e: Extract<Expr, { k: 'member' }>): TExpr {
    let base = this.expr(e.e)
    if (base.ty === ERR) return base
    if (e.arrow) {
      base = this.decay(base)
      const bt = base.ty
      if (bt.k !== 'ptr' || !isRecord(bt.to)) {
        this.error(e.pos, `invalid type argument of '->' (have ${quoteType(bt)})`)
        return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
      }
      base = { k: 'deref', e: base, ty: bt.to, pos: e.pos }
    }
    const rt = base.ty
    if (!e.arrow && rt.k === 'ptr' && isRecord(rt.to)) {
      this.error(e.pos, `'${exprText(e.e)}' is a pointer; did you mean to use '->'?`)
      unread(base)
      return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
    if (!isRecord(rt)) {
      this.error(e.pos, `request for member '${e.name}' in something not a structure or union`)
      unread(base)
      return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
    if (!rt.info.complete) {
      this.error(e.pos, `invalid use of undefined type ${quoteType(rt)}`)
      return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
    const path = findMember(rt.info, e.name)
    if (!path) {
      this.error(e.pos, `${quoteType(rt)} has no member named '${e.name}'`)
      unread(base)
      return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
    let ty = path.field.type
    if (rt.const || rt.volatile) ty = withQuals(ty, { const: rt.const, volatile: rt.volatile })
    return { k: 'member', e: base, path, ty, pos: e.pos }
  }

  private cast(e: Extract<Expr, { k: 'cast' }>): TExpr {
    const to = this.typeName(e.tn)
    const x = this.rv(e.e)
    if (x.ty === ERR || to === ERR) return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    if (to.k === 'void') return { k: 'cast', e: x, ty: T.void, pos: e.pos }
    if (isRecord(to)) {
      if (isRecord(x.ty) && sameType(to, x.ty)) return x
      this.error(e.pos, 'conversion to non-scalar type requested')
      return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
    if (to.k === 'array' || to.k === 'func') {
      this.error(e.pos, `cast specifies ${to.k === 'array' ? 'array' : 'function'} type`)
      return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
    if (!isScalar(x.ty)) {
      if (x.ty.k === 'void') this.error(e.pos, 'void value not ignored as it ought to be')
      else if (to.k === 'ptr') this.error(e.pos, `cannot convert to a pointer type`)
      else this.error(e.pos, `aggregate value used where ${isFloat(to) ? 'a floating-point' : 'an integer'} was expected`)
      return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
    if (to.k === 'ptr' && isFloat(x.ty)) {
      this.error(e.pos, 'cannot convert to a pointer type')
      return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
    if (isFloat(to) && x.ty.k === 'ptr') {
      this.error(e.pos, 'pointer value used where a floating-point was expected')
      return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
    if (to.k === 'ptr' && isInteger(x.ty) && sizeOf(x.ty) !== 8 && x.k !== 'int') this.warn(e.pos, 'cast to pointer from integer of different size [-Wint-to-pointer-cast]')
    if (isInteger(to) && to.k !== 'bool' && x.ty.k === 'ptr' && sizeOf(to) !== 8) this.warn(e.pos, 'cast from pointer to integer of different size [-Wpointer-to-int-cast]')
    const c = this.convert(x, to, e.pos)
    if (c === x) return { k: 'cast', e: x, ty: unqual(to), pos: e.pos } // a cast is never an lvalue
    return { ...c, ty: c.ty === ERR ? ERR : withAliasOf(c.ty, to) }
  }

  private compoundLit(e: Extract<Expr, { k: 'compound' }>): TExpr {
    const ty = this.typeName(e.tn)
    if (ty === ERR) return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    if (ty.k === 'array' && ty.vla) {
      this.error(e.pos, 'compound literal has variable size')
      return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
    const tmp = this.hiddenVar('compound$', ty, e.pos)
    tmp.addrTaken = true
    tmp.used = true
    const r = this.initializer(ty, e.init, !this.fn)
    tmp.type = r.ty
    if (!this.fn) tmp.init = r.plan
    if (!isComplete(r.ty)) {
      this.error(e.pos, 'compound literal has incomplete type')
      return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
    if (!this.fn) return { k: 'var', sym: tmp, ty: r.ty, pos: e.pos }
    return { k: 'compound', tmp, init: r.plan, ty: r.ty, pos: e.pos }
  }

  private sizeofExpr(e: Extract<Expr, { k: 'sizeof' | 'alignof' }>): TExpr {
    let ty: CType
    let x: TExpr | null = null
    if (e.tn) ty = this.typeName(e.tn)
    else {
      x = this.expr(e.e!)
      ty = x.ty
    }
    if (ty === ERR) return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    const word = e.k === 'sizeof' ? 'sizeof' : '__alignof__'
    if (ty.k === 'func') {
      this.warn(e.pos, `invalid application of '${word}' to a function type [-Wpointer-arith]`)
      return { k: 'int', v: 1n, ty: sizeT, pos: e.pos }
    }
    if (x && x.k === 'member' && x.path.field.bitWidth !== undefined) {
      this.error(e.pos, `'${e.k === 'sizeof' ? 'sizeof' : '_Alignof'}' applied to a bit-field`)
      return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
    if (e.k === 'alignof') return { k: 'int', v: BigInt(alignOf(ty)), ty: sizeT, pos: e.pos }
    if (ty.k === 'array' && ty.vla) return this.vlaSize(ty, e.pos)
    if (!isComplete(ty) && ty.k !== 'void') {
      this.error(e.pos, `invalid application of 'sizeof' to incomplete type ${quoteType(ty)}`)
      return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
    return { k: 'int', v: BigInt(sizeOf(ty)), ty: sizeT, pos: e.pos }
  }

  private stmtExpr(e: Extract<Expr, { k: 'stmtexpr' }>): TExpr {
    if (!this.fn) {
      this.error(e.pos, 'braced-group within expression allowed only inside a function')
      return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
    this.push()
    const body: TStmt[] = []
    const items = e.body.items
    let result: TExpr | null = null
    items.forEach((it, i) => {
      if (i === items.length - 1 && it.k === 'expr' && it.e) {
        result = this.decay(this.expr(it.e))
        return
      }
      this.blockItem(it, body)
    })
    this.pop()
    const res = result as TExpr | null
    // jumps out of the statement expression (break/continue/goto/return) are reported by codegen
    return { k: 'stmtexpr', body, result: res, ty: res ? (isRecord(res.ty) ? res.ty : unqual(res.ty)) : T.void, pos: e.pos }
  }

  private offsetof(e: Extract<Expr, { k: 'offsetof' }>): TExpr {
    let ty = this.typeName(e.tn)
    if (ty === ERR) return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    let off = 0n
    for (const p of e.path) {
      if (p.k === 'field') {
        if (!isRecord(ty) || !ty.info.complete) {
          this.error(p.pos, `request for member '${p.name}' in something not a structure or union`)
          return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
        }
        const m = findMember(ty.info, p.name)
        if (!m) {
          this.error(p.pos, `${quoteType(ty)} has no member named '${p.name}'`)
          return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
        }
        if (m.field.bitWidth !== undefined) {
          this.error(p.pos, `attempt to take address of bit-field structure member '${p.name}'`)
          return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
        }
        off += BigInt(m.offset)
        ty = m.field.type
      } else {
        if (ty.k !== 'array') {
          this.error(p.pos, 'subscripted value is neither array nor pointer nor vector')
          return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
        }
        const v = this.constInt(p.e)
        if (v === null) {
          this.error(p.pos, 'array subscript is not an integer constant')
          return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
        }
        off += v * BigInt(sizeOf(ty.of))
        ty = ty.of
      }
    }
    return { k: 'int', v: off, ty: sizeT, pos: e.pos }
  }

  // --- calls ------------------------------------------------------------------------------------------------------------

  private call(e: Extract<Expr, { k: 'call' }>): TExpr {
    let fnName: string | null = null
    if (e.fn.k === 'ident') {
      fnName = e.fn.name
      const sym = this.lookup(fnName)
      if (BUILTINS.has(fnName) && (!sym || sym.kind === 'func')) return this.builtin(fnName, e)
      if (!sym) this.implicitDecl(fnName, e.fn.pos)
    }
    const f = this.rv(e.fn)
    if (f.ty === ERR) {
      for (const a of e.args) this.rv(a)
      return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
    if (f.ty.k !== 'ptr' || f.ty.to.k !== 'func') {
      this.error(e.pos, fnName ? `called object '${fnName}' is not a function or function pointer` : 'called object is not a function or function pointer')
      for (const a of e.args) this.rv(a)
      return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
    const fty = f.ty.to
    const fsym = f.k === 'addr' && f.e.k === 'func' ? f.e.sym : null
    const shown = fsym ? fsym.name : fnName
    const args = e.args.map((a) => this.rv(a))
    const out: TExpr[] = []
    let bad = false
    if (fty.proto) {
      if (args.length < fty.params.length) {
        this.error(e.fn.pos, `too few arguments to function '${shown ?? exprText(e.fn)}'`)
        if (fsym) this.note(fsym.pos, 'declared here')
        bad = true
      } else if (args.length > fty.params.length && !fty.variadic) {
        this.error(e.fn.pos, `too many arguments to function '${shown ?? exprText(e.fn)}'`)
        if (fsym) this.note(fsym.pos, 'declared here')
        bad = true
      }
    }
    args.forEach((a, i) => {
      if (fty.proto && i < fty.params.length) {
        const c = this.assignConvert(a, fty.params[i], { kind: 'arg', n: i + 1, fname: shown, paramPos: fsym?.pos }, e.args[i].pos)
        if (c.ty === ERR) bad = true
        out.push(c)
      } else {
        if (a.ty === ERR) bad = true
        if (a.ty.k === 'void') {
          this.error(e.args[i].pos, 'invalid use of void expression')
          bad = true
        }
        out.push(isRecord(a.ty) ? a : this.convert(a, argPromote(a.ty)))
      }
    })
    const fmt = fsym?.format
    if (fmt && fmt.kind === 'printf' && !bad) this.checkFormat(e, args, fmt.fmt, fmt.first)
    const rty = fty.ret
    if (isRecord(rty) && !isComplete(rty)) {
      this.error(e.pos, `invalid use of undefined type ${quoteType(rty)}`)
      return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    }
    if (bad) return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
    const nfixed = fty.proto ? fty.params.length : 0
    const node: TExpr = { k: 'call', fn: f, fty, args: out, nfixed, ty: unqual(rty), pos: e.pos }
    if (isRecord(rty)) {
      if (!this.fn) return { k: 'int', v: 0n, ty: ERR, pos: e.pos }
      const tmp = this.hiddenVar('ret$', unqual(rty), e.pos)
      tmp.addrTaken = true
      tmp.used = true
      ;(node as Extract<TExpr, { k: 'call' }>).sret = tmp
    }
    return node
  }

  private implicitDecl(name: string, pos: Pos): void {
    this.warn(pos, `implicit declaration of function '${name}' [-Wimplicit-function-declaration]`)
    const lib = LIBRARY_BUILTINS[name]
    const ty = lib ? lib[1]() : func(T.int, [], false, false)
    if (lib) {
      // gcc's built-in knows the real prototype; an `int f()` guess clashes unless it returns int without variadics or narrow parameters
      const clash = ty.ret !== T.int || ty.variadic || ty.params.some((p) => !sameType(argPromote(p), p))
      if (clash) this.warn(pos, `incompatible implicit declaration of built-in function '${name}' [-Wbuiltin-declaration-mismatch]`)
      this.note(pos, `include '<${lib[0]}>' or provide a declaration of '${name}'`)
    }
    const f = this.declareFunction(name, ty, pos, false, false, [])
    f.implicit = true
    // the implicit declaration has block scope in C90 terms but gcc keeps it for the whole file
  }

  private checkFormat(e: Extract<Expr, { k: 'call' }>, args: TExpr[], fmtIdx: number, first: number): void {
    const fe = args[fmtIdx - 1]
    const src = e.args[fmtIdx - 1]
    if (!fe || !src) return
    // the format must be a string literal (possibly behind a decay)
    const lit = fe.k === 'addr' && fe.e.k === 'str' ? fe.e : null
    if (!lit || src.k !== 'str') return
    const bytes = lit.bytes.subarray(0, lit.bytes.length - 1)
    const { directives, problems } = scanPrintf(bytes)
    // map byte offsets back to source columns when the literal is one token written in the file
    const tok = src.toks.length === 1 && !src.toks[0].expandedFrom ? src.toks[0] : null
    const cols = tok ? literalByteColumns(tok.text) : null
    const posAt = (off: number): Pos => (tok && cols && off < cols.length ? { file: tok.file, line: tok.line, col: tok.col + cols[off] } : src.pos)
    for (const p of problems) this.warn(posAt(p.offset + p.length - 1), `${p.message} [-Wformat=]`)
    if (problems.length) return
    if (first === 0) return
    let ai = first - 1
    for (const d of directives) {
      for (const exp of d.args) {
        if (ai >= args.length) {
          this.warn(posAt(d.offset + d.text.length - 1), `${missingMessage(d, exp)} [-Wformat=]`)
          return
        }
        const a = args[ai]
        const at = argPromote(a.ty)
        if (!argMatches(exp, at)) this.warn(posAt(d.offset + d.text.length - 1), `${mismatchMessage(d, exp, ai + 1, quoteType(argPromoteKeepAlias(a.ty)))} [-Wformat=]`)
        ai++
      }
    }
    if (ai < args.length) {
      this.warn(src.pos, 'too many arguments for format [-Wformat-extra-args]')
    }
  }

  // --- builtins ------------------------------------------------------------------------------------------------------------

  private builtin(name: string, e: Extract<Expr, { k: 'call' }>): TExpr {
    const pos = e.pos
    const args = e.args.map((a) => this.rv(a))
    if (args.some((a) => a.ty === ERR)) return { k: 'int', v: 0n, ty: ERR, pos }
    const need = (n: number): boolean => {
      if (args.length < n) {
        this.error(e.end, `too few arguments to function '${name}'`)
        return false
      }
      if (args.length > n) {
        this.error(e.args[n].pos, `too many arguments to function '${name}'`)
        return false
      }
      return true
    }
    const fail: TExpr = { k: 'int', v: 0n, ty: ERR, pos }
    const mk = (ty: CType, a: TExpr[], elem?: CType): TExpr => ({ k: 'builtin', name, args: a, elem, ty, pos })
    const intArg = (a: TExpr, t: CType, i: number) => this.assignConvert(a, t, { kind: 'arg', n: i + 1, fname: name }, e.args[i].pos)
    switch (name) {
      case '__builtin_bswap16': case '__builtin_bswap32': case '__builtin_bswap64': {
        if (!need(1)) return fail
        const t = name.endsWith('16') ? T.ushort : name.endsWith('32') ? T.uint : T.ulong
        const a = intArg(args[0], t, 0)
        if (a.k === 'int') return { k: 'int', v: bswap(a.v, sizeOf(t)), ty: t, pos }
        return mk(t, [a])
      }
      case '__builtin_expect': {
        if (!need(2)) return fail
        return this.convert(args[0], T.long)
      }
      case '__builtin_expect_with_probability': {
        if (!need(3)) return fail
        return this.convert(args[0], T.long)
      }
      case '__builtin_constant_p': {
        if (!need(1)) return fail
        const a = args[0]
        return { k: 'int', v: a.k === 'int' || a.k === 'flt' || (a.k === 'addr' && a.e.k === 'str') ? 1n : 0n, ty: T.int, pos }
      }
      case '__builtin_preserve_access_index':
        if (!need(1)) return fail
        return args[0]
      case '__builtin_assume_aligned':
        if (args.length < 2) return (need(2), fail)
        return args[0]
      case '__builtin_object_size':
        if (!need(2)) return fail
        return { k: 'int', v: (1n << 64n) - 1n, ty: sizeT, pos }
      case '__builtin_choose_expr': {
        if (!need(3)) return fail
        const c = this.constInt(e.args[0])
        if (c === null) {
          this.error(pos, 'first argument to \'__builtin_choose_expr\' not a constant')
          return fail
        }
        return c !== 0n ? args[1] : args[2]
      }
      case '__builtin_memcpy': case '__builtin_memmove': case '__builtin_memset': case '__builtin_memcmp': {
        if (!need(3)) return fail
        const isSet = name === '__builtin_memset'
        const a0 = intArg(args[0], ptr(T.void), 0)
        const a1 = isSet ? intArg(args[1], T.int, 1) : intArg(args[1], ptr({ ...T.void, const: true }), 1)
        const a2 = intArg(args[2], sizeT, 2)
        return mk(name === '__builtin_memcmp' ? T.int : ptr(T.void), [a0, a1, a2])
      }
      case '__builtin_strlen': {
        if (!need(1)) return fail
        return mk(sizeT, [intArg(args[0], ptr({ ...T.char, const: true }), 0)])
      }
      case '__builtin_unreachable': case '__builtin_trap': case '__builtin_abort':
        if (!need(0)) return fail
        return mk(T.void, [])
      case '__builtin_clz': case '__builtin_ctz': case '__builtin_popcount': case '__builtin_ffs':
      case '__builtin_clzl': case '__builtin_ctzl': case '__builtin_popcountl':
      case '__builtin_clzll': case '__builtin_ctzll': case '__builtin_popcountll': {
        if (!need(1)) return fail
        const wide = name.endsWith('l')
        const t = wide ? T.ulong : name === '__builtin_ffs' ? T.int : T.uint
        return mk(T.int, [intArg(args[0], t, 0)])
      }
      case '__builtin_abs': case '__builtin_labs': {
        if (!need(1)) return fail
        const t = name === '__builtin_labs' ? T.long : T.int
        return mk(t, [intArg(args[0], t, 0)])
      }
      case '__sync_synchronize': case '__atomic_thread_fence': case '__atomic_signal_fence':
        return mk(T.void, [])
    }
    // atomics: the first argument is a pointer to an integer (or pointer) object
    if (args.length === 0) return (need(1), fail)
    const p = args[0]
    if (p.ty.k !== 'ptr' || !(isInteger(p.ty.to) || p.ty.to.k === 'ptr') || p.ty.to.k === 'bool') {
      this.error(e.args[0].pos, `operand type ${quoteType(p.ty)} is incompatible with argument 1 of '${name}'`)
      return fail
    }
    const elem = unqual(p.ty.to)
    const sz = sizeOf(elem)
    if (sz !== 1 && sz !== 2 && sz !== 4 && sz !== 8) {
      this.error(pos, `operand type ${quoteType(p.ty)} is incompatible with argument 1 of '${name}'`)
      return fail
    }
    const val = (i: number) => intArg(args[i], elem, i)
    const order = (i: number) => intArg(args[i], T.int, i)
    const isAtomic = name.startsWith('__atomic_')
    switch (name) {
      case '__sync_lock_release':
        if (!need(1)) return fail
        return mk(T.void, [p], elem)
      case '__sync_val_compare_and_swap':
        if (!need(3)) return fail
        return mk(elem, [p, val(1), val(2)], elem)
      case '__sync_bool_compare_and_swap':
        if (!need(3)) return fail
        return mk(T.bool, [p, val(1), val(2)], elem)
      case '__atomic_load_n':
        if (!need(2)) return fail
        return mk(elem, [p, order(1)], elem)
      case '__atomic_store_n':
        if (!need(3)) return fail
        return mk(T.void, [p, val(1), order(2)], elem)
      case '__atomic_exchange_n':
        if (!need(3)) return fail
        return mk(elem, [p, val(1), order(2)], elem)
      case '__atomic_compare_exchange_n': {
        if (!need(6)) return fail
        const ex = intArg(args[1], ptr(elem), 1)
        return mk(T.bool, [p, ex, val(2), intArg(args[3], T.bool, 3), order(4), order(5)], elem)
      }
    }
    // fetch-and-op / op-and-fetch / lock_test_and_set
    if (!need(isAtomic ? 3 : 2)) return fail
    return mk(elem, isAtomic ? [p, val(1), order(2)] : [p, val(1)], elem)
  }
}

// --- helpers ---------------------------------------------------------------------------------------------------------------

/**
 * Value of an integer expression built from constants and null-based address arithmetic, such as
 * the classic `((size_t)&((struct s *)0)->f)` offsetof; null when it depends on run time.
 */
function constEval(e: TExpr): bigint | null {
  const ty = e.ty
  switch (e.k) {
    case 'int': return e.v
    case 'cast': {
      if (!isInteger(ty) && ty.k !== 'ptr') return null
      if (isInteger(e.e.ty) || e.e.ty.k === 'ptr') {
        const v = constEval(e.e)
        return v === null ? null : wrapInt(v, ty)
      }
      if (e.e.k === 'flt' && Number.isFinite(e.e.v)) return wrapInt(BigInt(Math.trunc(e.e.v)), ty)
      return null
    }
    case 'bin': {
      const a = constEval(e.l)
      const b = constEval(e.r)
      if (a === null || b === null) return null
      const bits = BigInt(sizeOf(ty) * 8)
      switch (e.op) {
        case '+': return wrapInt(a + b, ty)
        case '-': return wrapInt(a - b, ty)
        case '*': return wrapInt(a * b, ty)
        case '/': return b === 0n ? null : wrapInt(a / b, ty)
        case '%': return b === 0n ? null : wrapInt(a % b, ty)
        case '&': return wrapInt(a & b, ty)
        case '|': return wrapInt(a | b, ty)
        case '^': return wrapInt(a ^ b, ty)
        case '<<': return wrapInt(a << (BigInt.asUintN(64, b) & (bits - 1n)), ty)
        case '>>': return wrapInt(a >> (BigInt.asUintN(64, b) & (bits - 1n)), ty)
      }
      return null
    }
    case 'cmp': {
      const a = constEval(e.l)
      const b = constEval(e.r)
      if (a === null || b === null) return null
      return compareConst(e.op, a, b) ? 1n : 0n
    }
    case 'land': case 'lor': {
      const a = constEval(e.l)
      if (a === null) return null
      if (e.k === 'land' ? a === 0n : a !== 0n) return e.k === 'land' ? 0n : 1n
      const b = constEval(e.r)
      return b === null ? null : b !== 0n ? 1n : 0n
    }
    case 'not': {
      const a = constEval(e.e)
      return a === null ? null : a === 0n ? 1n : 0n
    }
    case 'neg': case 'bitnot': {
      const a = constEval(e.e)
      return a === null ? null : wrapInt(e.k === 'neg' ? -a : ~a, ty)
    }
    case 'cond': {
      const c = constEval(e.c)
      if (c === null) return null
      return constEval(c !== 0n ? e.t : e.f)
    }
    case 'padd': {
      const p = constEval(e.p)
      const i = constEval(e.i)
      if (p === null || i === null || typeof e.size !== 'number') return null
      return BigInt.asUintN(64, p + (e.neg ? -1n : 1n) * i * BigInt(e.size))
    }
    default: {
      const sv = staticValue(e)
      if (sv && sv.k === 'int') return sv.v
      if (sv && sv.k === 'addr' && sv.base === null) return wrapInt(sv.off, ty)
      return null
    }
  }
}

/** An erroneous expression does not count as reading its variable (as in gcc). */
function unread(e: TExpr): void {
  let x = e
  while (x.k === 'addr' || x.k === 'deref' || x.k === 'member') x = x.e
  if (x.k === 'var') x.sym.reads = (x.sym.reads ?? 1) - 1
}

/** The variable whose storage a plain assignment writes without reading it: x, x.f, x[i] for an array x. */
function assignedRoot(l: TExpr): VarSym | null {
  let x: TExpr = l
  for (;;) {
    if (x.k === 'var') return x.sym.storage === 'global' ? null : x.sym
    if (x.k === 'member') x = x.e
    else if (x.k === 'deref' && x.e.k === 'padd' && x.e.p.k === 'addr' && x.e.p.e.ty.k === 'array') x = x.e.p.e
    else return null
  }
}

/** Does an expression statement do anything (gcc -Wunused-value)? */
function hasEffect(e: TExpr): boolean {
  switch (e.k) {
    case 'call': case 'assign': case 'opassign': case 'incdec': case 'stmtexpr': case 'builtin': return true
    case 'cast': return e.ty.k === 'void' || hasEffect(e.e)
    case 'comma': return hasEffect(e.l) || hasEffect(e.r)
    case 'cond': return hasEffect(e.t) || hasEffect(e.f) || hasEffect(e.c)
    case 'land': case 'lor': return hasEffect(e.r) || hasEffect(e.l)
    default: return false
  }
}

function constTruth(e: TExpr): boolean | null {
  if (e.k === 'int') return e.v !== 0n
  if (e.k === 'flt') return e.v !== 0
  if (e.k === 'addr' && (e.e.k === 'str' || e.e.k === 'func' || (e.e.k === 'var' && e.e.sym.storage === 'global'))) return true
  return null
}

function compareConst(op: CmpOp, a: bigint | number, b: bigint | number): boolean {
  switch (op) {
    case '<': return a < b
    case '>': return a > b
    case '<=': return a <= b
    case '>=': return a >= b
    case '==': return a == b // eslint-disable-line eqeqeq
    case '!=': return a != b // eslint-disable-line eqeqeq
  }
}

function bswap(v: bigint, size: number): bigint {
  let r = 0n
  for (let i = 0; i < size; i++) {
    r = (r << 8n) | ((v >> BigInt(8 * i)) & 255n)
  }
  return r
}

/** Indices through anonymous members to a named field, or null. */
function fieldPath(info: RecordInfo, name: string): number[] | null {
  for (let i = 0; i < info.fields.length; i++) {
    const f = info.fields[i]
    if (f.name === name) return [i]
    if (f.name === null && isRecord(f.type)) {
      const inner = fieldPath(f.type.info, name)
      if (inner) return [i, ...inner]
    }
  }
  return null
}

function hasConstMember(info: RecordInfo): boolean {
  return info.fields.some((f) => f.type.const || (isRecord(f.type) && hasConstMember(f.type.info)))
}

function constBase(x: TExpr): boolean {
  let b: TExpr = x
  while (b.k === 'member') {
    b = b.e
    if (b.ty.const) return true
  }
  return false
}

/** The promoted type of a variadic argument, keeping the typedef name when promotion does not change it. */
function argPromoteKeepAlias(t: CType): CType {
  const p = argPromote(t)
  return sameType(unqual(p), unqual(t)) && t.k === p.k ? t : p
}

function withAliasOf(t: CType, written: CType): CType {
  return written.alias && sameType(unqual(t), unqual(written)) ? { ...t, alias: written.alias } : t
}

/** Does control reach the end of this statement list? (conservative, for -Wreturn-type) */
function fallsOffEnd(body: TStmt[]): boolean {
  const last = body[body.length - 1]
  if (!last) return true
  return stmtFallsThrough(last)
}

function stmtFallsThrough(s: TStmt): boolean {
  switch (s.k) {
    case 'return': case 'goto': return false
    case 'block': return fallsOffEnd(s.body)
    case 'if': return !s.f || stmtFallsThrough(s.t) || stmtFallsThrough(s.f)
    case 'while': return !(s.c.k === 'int' && s.c.v !== 0n) || containsBreak(s.body)
    case 'for': return !(s.c === null || (s.c.k === 'int' && s.c.v !== 0n)) || containsBreak(s.body)
    case 'do': return !(s.c.k === 'int' && s.c.v !== 0n) || containsBreak(s.body)
    case 'label': return stmtFallsThrough(s.body)
    case 'expr': {
      const e = s.e
      if (e.k === 'call' && e.fn.k === 'addr' && e.fn.e.k === 'func' && ['exit', 'abort', '_exit', '__builtin_unreachable'].includes(e.fn.e.sym.name)) return false
      if (e.k === 'builtin' && (e.name === '__builtin_unreachable' || e.name === '__builtin_trap' || e.name === '__builtin_abort')) return false
      return true
    }
    case 'switch': return true
    default: return true
  }
}

function containsBreak(s: TStmt): boolean {
  switch (s.k) {
    case 'break': return true
    case 'block': return s.body.some(containsBreak)
    case 'if': return containsBreak(s.t) || (!!s.f && containsBreak(s.f))
    case 'label': case 'case': case 'default': return containsBreak(s.body)
    default: return false // nested loops/switches own their breaks
  }
}

/** Source-like text of an expression, for messages such as "assignment of read-only location '*p'". */
export function exprText(e: Expr): string {
  switch (e.k) {
    case 'num': case 'char': return e.text
    case 'str': return e.toks.map((t) => t.text).join(' ')
    case 'ident': return e.name
    case 'unary': return e.op + exprText(e.e)
    case 'postfix': return exprText(e.e) + e.op
    case 'binary': return `${exprText(e.l)} ${e.op} ${exprText(e.r)}`
    case 'assign': return `${exprText(e.l)} ${e.op} ${exprText(e.r)}`
    case 'cond': return `${exprText(e.c)} ? ${e.t ? exprText(e.t) : ''} : ${exprText(e.f)}`
    case 'comma': return `${exprText(e.l)}, ${exprText(e.r)}`
    case 'call': return `${exprText(e.fn)}(${e.args.map(exprText).join(', ')})`
    case 'index': return `${exprText(e.a)}[${exprText(e.i)}]`
    case 'member': return `${exprText(e.e)}${e.arrow ? '->' : '.'}${e.name}`
    case 'cast': return `(type)${exprText(e.e)}`
    default: return '...'
  }
}

export { typeName }
