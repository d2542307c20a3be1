/**
 * Code generator: typed tree (ast.ts) -> the JavaScript factory body described in abi.ts.
 *
 * Values follow the ABI exactly: ints of 32 bits or less are JS numbers normalised after every
 * operation (`|0`, `>>>0`, sign/zero extension), 64-bit ints are bigints wrapped with
 * BigInt.asIntN/asUintN, pointers are numbers. Scalar locals whose address is never taken are JS
 * `let`s (all hoisted to the top of their function, so C scopes and gotos cannot break them); a
 * 64-bit one that is only ever given number-valued values (a pointer difference, a widened 32-bit
 * value, a small constant) is a JS number too, converted to a bigint where one is needed
 * (numberLocals below);
 * everything else lives in linear memory reached through `$dv` with the NULL_GUARD offset folded
 * into constant displacements. Globals and string literals are laid out here into the data segment.
 *
 * Control flow maps onto JS: loops and switches are labelled so `break`/`continue` stay right under
 * goto wrappers; a forward `goto` becomes `break` out of a labelled block ending at the label, a
 * backward one `continue` of a labelled loop starting at it. Every loop iteration and function entry
 * tests `$ctl[0]` (and every statement with hooks: 'statements'), each C statement starts its own JS
 * line, and `jsLineToSid` maps JS lines back to statements.
 */

import { FUNC_BASE, FUNC_STEP, NULL_GUARD } from './abi'
import type { BpfMapDecl, Diagnostic, Program, ProgramFunction, ProgramGlobal } from './api'
import type { FuncSym, InitItem, InitPlan, Pos, TExpr, TFunction, TStmt, TUnit, VarSym, BinOp } from './ast'
import { staticValue, type StaticVal } from './check'
import { FRAME_RECORD_WORDS, type DebugFunction, type DebugScope } from './debug-info'
import { type CType, type RecordT, T, alignOf, alignUp, intBase, isRecord, sizeOf, toTypeDesc } from './types'
import { walkStmt, type TreeVisitor } from './walk'

export interface CodegenOptions {
  filename: string
  target: 'user' | 'bpf'
  hooks: 'loops' | 'statements'
}

type Rep = 'i8' | 'u8' | 'i16' | 'u16' | 'i32' | 'u32' | 'i64' | 'u64' | 'f32' | 'f64' | 'ptr' | 'bool' | 'void' | 'rec'

function rep(t: CType): Rep {
  switch (t.k) {
    case 'void': return 'void'
    case 'bool': return 'bool'
    case 'float': return t.size === 4 ? 'f32' : 'f64'
    case 'ptr': return 'ptr'
    case 'int': case 'enum': {
      const b = intBase(t)
      switch (b.size) {
        case 1: return b.signed ? 'i8' : 'u8'
        case 2: return b.signed ? 'i16' : 'u16'
        case 4: return b.signed ? 'i32' : 'u32'
        default: return b.signed ? 'i64' : 'u64'
      }
    }
    default: return 'rec'
  }
}
const isBig = (r: Rep) => r === 'i64' || r === 'u64'
const isSignedNum = (r: Rep) => r === 'i8' || r === 'i16' || r === 'i32'
const zeroOf = (r: Rep) => (isBig(r) ? '0n' : '0')

/** Does every value of `from` fit in `to` (both number-represented integers)? */
function fits(from: Rep, to: Rep): boolean {
  const range: Record<string, [number, number]> = {
    bool: [0, 1], i8: [-128, 127], u8: [0, 255], i16: [-32768, 32767], u16: [0, 65535],
    i32: [-2147483648, 2147483647], u32: [0, 4294967295],
  }
  const a = range[from]
  const b = range[to]
  return !!a && !!b && a[0] >= b[0] && a[1] <= b[1]
}

const SIMPLE = /^(?:[\w$]+|\(-\d+\))(?: [+-] \d+)?$/

/** An address: base expression (or null for an absolute one) plus a constant displacement. */
interface Addr {
  base: string | null
  off: number
}

type LV =
  | { k: 'reg'; name: string; ty: CType }
  | { k: 'mem'; a: Addr; ty: CType }
  | { k: 'bits'; a: Addr; ty: CType; unit: 1 | 2 | 4 | 8; shift: number; width: number }

class CodegenError {
  constructor(readonly pos: Pos, readonly message: string) {}
}

/** The data segment under construction. */
class DataSeg {
  bytes = new Uint8Array(256)
  size = 0
  relocs: number[] = []
  private strings = new Map<string, number>()

  alloc(size: number, align: number): number {
    const off = alignUp(this.size, Math.max(1, align))
    this.size = off + size
    if (this.size > this.bytes.length) {
      const nb = new Uint8Array(Math.max(this.size, this.bytes.length * 2))
      nb.set(this.bytes)
      this.bytes = nb
    }
    return off
  }
  str(b: Uint8Array): number {
    let key = ''
    for (let i = 0; i < b.length; i++) key += String.fromCharCode(b[i])
    const hit = this.strings.get(key)
    if (hit !== undefined) return hit
    const off = this.alloc(b.length, 1)
    this.bytes.set(b, off)
    this.strings.set(key, off)
    return off
  }
  view(): DataView {
    return new DataView(this.bytes.buffer, 0, this.bytes.length)
  }
}

export function generate(unit: TUnit, opts: CodegenOptions): { program: Program | null; diagnostics: Diagnostic[] } {
  return new Generator(unit, opts).run()
}

interface LoopCtx {
  label: string
  isLoop: boolean
  /** nesting depth of statement-expression functions when the loop was entered */
  fnDepth: number
}

class Generator {
  private readonly diags: Diagnostic[] = []
  private readonly data = new DataSeg()
  private readonly varOff = new Map<VarSym, number>()
  private readonly lines: { text: string; sid: number }[] = []
  private readonly usedImports = new Map<string, Pos>()
  /** BPF helper calls bound to the global they get first (&map), by `name|address`: the site's JS name. */
  private readonly boundSites = new Map<string, { js: string; name: string; addr: string }>()
  /** Fixed frames (BPF programs, see fixFrames): each function's frame and the lines that move $sp. */
  private readonly frames = new Map<TFunction, { size: number; lines: number[]; callees: Set<TFunction> }>()
  /** Something that rules fixed frames out: a VLA, a function whose address is taken. */
  private dynamicStack = false
  private fixedFrameDecls: string[] = []
  private readonly helpers = new Set<string>()
  private labelN = 0
  // debug info (debug-info.ts): frame layouts always, hook scopes with hooks: 'statements'
  private readonly dbgFns: DebugFunction[] = []
  private readonly scopes: DebugScope[] = []
  private readonly scopeIds = new Map<string, number>()
  private readonly sidScopes: number[] = []
  /** Variables visible at the statement being generated, innermost last (hidden ones excluded). */
  private scope: VarSym[] = []
  private dbgIndex = new Map<VarSym, number>()
  private fid = -1

  // per-function state
  private fn: TFunction | null = null
  private regNames = new Map<VarSym, string>()
  /** 64-bit integer locals held as JS numbers (numberLocals), with the range of those numbers. */
  private numLocals: ReadonlyMap<VarSym, Range> = new Map()
  private frameOff = new Map<VarSym, number>()
  private temps: string[] = []
  private loops: LoopCtx[] = []
  private gotoTargets = new Map<string, { js: string; kind: 'break' | 'continue'; fnDepth: number }>()
  private fnDepth = 0
  private indent = 1

  constructor(private readonly unit: TUnit, private readonly opts: CodegenOptions) {}

  run(): { program: Program | null; diagnostics: Diagnostic[] } {
    try {
      return this.runInner()
    } catch (e) {
      if (e instanceof CodegenError) {
        this.diags.push({ file: e.pos.file, line: e.pos.line, col: e.pos.col, severity: 'error', message: e.message })
        return { program: null, diagnostics: this.diags }
      }
      throw e
    }
  }

  private fail(pos: Pos, message: string): never {
    throw new CodegenError(pos, message)
  }

  private runInner(): { program: Program | null; diagnostics: Diagnostic[] } {
    const unit = this.unit
    // 1. data segment: every global that is defined or used
    const globals = unit.globals.filter((g) => g.defined || g.used)
    for (const g of globals) {
      const size = Math.max(sizeOf(g.type), 0)
      let align = alignOf(g.type)
      if (g.type.k === 'array' && size >= 16) align = Math.max(align, 16) // x86-64 ABI: large arrays are 16-aligned
      this.varOff.set(g, this.data.alloc(size, align))
    }
    // compound literals first: other initialisers may copy them
    for (const g of globals) if (g.hidden && g.init) this.writeStaticInit(g, g.init)
    for (const g of globals) if (!g.hidden && g.init) this.writeStaticInit(g, g.init)

    // 2. functions
    const fnOut: string[][] = []
    const emitted = unit.functions.filter((f) => !(f.sym.isStatic && !f.sym.used && f.sym.name !== 'main'))
    const bodyLines: { text: string; sid: number }[][] = []
    for (const f of emitted) {
      if (f.sym.type.variadic) this.fail(f.sym.pos, `variadic function '${f.sym.name}' cannot be defined (calling variadic library functions is supported)`)
      this.lines.length = 0
      this.genFunction(f)
      bodyLines.push(this.lines.splice(0))
      fnOut.push([])
    }
    this.fixFrames(emitted, bodyLines)

    // 3. assemble: prelude, functions, table, exports
    const out: { text: string; sid: number }[] = []
    const push = (text: string, sid = -1) => out.push({ text, sid })
    push('"use strict";')
    for (const l of this.prelude()) push(l)
    for (const l of this.fixedFrameDecls) push(l)
    for (const [name] of this.usedImports) push(`const $i_${mangle(name)} = $imp(${JSON.stringify(name)});`)
    for (const b of this.boundSites.values()) push(`const ${b.js} = $bindImp(${JSON.stringify(b.name)}, ${b.addr}, $i_${mangle(b.name)});`)
    for (const b of bodyLines) for (const l of b) out.push(l)
    // function pointer table: index -> JS function (only functions that exist at run time)
    const table: string[] = []
    const emittedSet = new Set(emitted)
    for (const f of unit.funcs) {
      if (f.defined && f.def && emittedSet.has(f.def)) table.push(`${f.tableIndex}: f_${mangle(f.name)}`)
      else if (this.usedImports.has(f.name)) table.push(`${f.tableIndex}: $i_${mangle(f.name)}`)
    }
    push(`const $ftab = { ${table.join(', ')} };`)
    // a null-prototype object: C names such as __proto__ or constructor are plain keys
    push('const $ex = Object.create(null);')
    for (const f of emitted) push(`$ex[${JSON.stringify(f.sym.name)}] = f_${mangle(f.sym.name)};`)
    push('$ex.$fn = $fn;')
    push('return $ex;')

    const code = out.map((l) => l.text).join('\n')
    const jsLineToSid = new Int32Array(out.length + 3).fill(-1)
    out.forEach((l, i) => {
      if (l.sid >= 0) jsLineToSid[i + 1 + 2] = l.sid
    })

    const functions: ProgramFunction[] = emitted.map((f) => ({
      name: f.sym.name,
      section: f.sym.section,
      line: f.sym.pos.line,
      params: f.sym.type.params.map((p) => toTypeDesc(p)),
      returns: toTypeDesc(f.sym.type.ret),
    }))
    const pglobals: ProgramGlobal[] = globals.filter((g) => !g.hidden).map((g) => {
      const d: ProgramGlobal = { name: g.name, offset: this.varOff.get(g)!, type: toTypeDesc(g.type) }
      if (g.section) d.section = g.section
      return d
    })
    const imports = [...this.usedImports].map(([name, p]) => ({ name, line: p.line, col: p.col }))
    const maps = this.opts.target === 'bpf' ? this.mapDecls(globals) : []
    const license = this.license(globals)
    const program: Program = {
      filename: this.opts.filename,
      code,
      data: this.data.bytes.slice(0, this.data.size),
      relocations: this.data.relocs.slice().sort((a, b) => a - b),
      imports,
      functions,
      globals: pglobals,
      statements: unit.statements.map((p) => ({ file: p.file, line: p.line, col: p.col })),
      jsLineToSid,
      maps,
      license,
      debug: { functions: this.dbgFns, scopes: this.scopes, sidScopes: Array.from({ length: unit.statements.length }, (_, i) => this.sidScopes[i] ?? -1) },
    }
    return { program, diagnostics: this.diags }
  }

  // --- static data ---------------------------------------------------------------------------------------

  private writeStaticInit(g: VarSym, plan: InitPlan): void {
    const base = this.varOff.get(g)!
    for (const it of plan.items) {
      const off = base + it.off
      if (it.e.k === 'str' && it.ty.k === 'array') {
        const n = Math.min(it.e.bytes.length, sizeOf(it.ty))
        this.data.bytes.set(it.e.bytes.subarray(0, n), off)
        continue
      }
      if (isRecord(it.ty)) {
        const src = it.e.k === 'compound' ? it.e.tmp : it.e.k === 'var' ? it.e.sym : null
        if (src && this.varOff.has(src)) {
          const so = this.varOff.get(src)!
          this.data.bytes.copyWithin(off, so, so + sizeOf(it.ty))
        }
        continue
      }
      const v = staticValue(it.e)
      if (!v) continue
      if (it.bitWidth !== undefined) {
        this.writeBits(base, it, v)
        continue
      }
      this.writeScalar(off, it.ty, v, it.e.pos)
    }
  }

  private staticAddr(v: Extract<StaticVal, { k: 'addr' }>, slot: number | null): number {
    const b = v.base
    if (b === null) return Number(BigInt.asUintN(64, v.off))
    if ('func' in b) return FUNC_BASE + FUNC_STEP * b.func.tableIndex + Number(v.off)
    let off: number
    if ('str' in b) off = this.data.str(b.str)
    else {
      const o = this.varOff.get(b.var)
      if (o === undefined) {
        const no = this.data.alloc(Math.max(sizeOf(b.var.type), 1), alignOf(b.var.type))
        this.varOff.set(b.var, no)
        off = no
      } else off = o
    }
    if (slot !== null) this.data.relocs.push(slot)
    return off + Number(v.off)
  }

  private writeScalar(off: number, ty: CType, v: StaticVal, pos: Pos): void {
    const r = rep(ty)
    let num: number | bigint
    if (v.k === 'addr') {
      if (r !== 'ptr' && r !== 'i64' && r !== 'u64') this.fail(pos, 'initializer element is not computable at load time')
      num = this.staticAddr(v, off)
    } else num = v.v
    const dv = this.data.view() // after staticAddr: the segment may have grown (string literals)
    const n = num
    switch (r) {
      case 'i8': case 'u8': case 'bool': dv.setUint8(off, Number(BigInt.asUintN(8, BigInt(Math.trunc(Number(n)))))); break
      case 'i16': case 'u16': dv.setUint16(off, Number(BigInt.asUintN(16, toBig(n))), true); break
      case 'i32': case 'u32': dv.setUint32(off, Number(BigInt.asUintN(32, toBig(n))), true); break
      case 'i64': case 'u64': case 'ptr': dv.setBigUint64(off, BigInt.asUintN(64, toBig(n)), true); break
      case 'f32': dv.setFloat32(off, Number(n), true); break
      case 'f64': dv.setFloat64(off, Number(n), true); break
      default: break
    }
  }

  private writeBits(base: number, it: InitItem, v: StaticVal): void {
    if (v.k !== 'int') return
    const dv = this.data.view()
    const start = base * 8 + it.bitOffset!
    const w = it.bitWidth!
    const val = BigInt.asUintN(w, v.v)
    for (let i = 0; i < w; i++) {
      const bit = start + i
      const byte = bit >> 3
      const m = 1 << (bit & 7)
      const cur = dv.getUint8(byte)
      dv.setUint8(byte, (val >> BigInt(i)) & 1n ? cur | m : cur & ~m)
    }
  }

  // --- BPF metadata ------------------------------------------------------------------------------------------

  private mapDecls(globals: VarSym[]): BpfMapDecl[] {
    const maps: BpfMapDecl[] = []
    for (const g of globals) {
      if (g.section !== 'maps' && g.section !== '.maps') continue
      if (!isRecord(g.type)) continue
      const info = (g.type as RecordT).info
      const m: BpfMapDecl = { name: g.name, type: 0, keySize: 0, valueSize: 0, maxEntries: 0, flags: 0, pinning: 0, slot: this.varOff.get(g)!, line: g.pos.line, col: g.pos.col }
      const set = (field: string, v: number) => {
        switch (field) {
          case 'type': m.type = v; break
          case 'key_size': m.keySize = v; break
          case 'value_size': m.valueSize = v; break
          case 'max_entries': m.maxEntries = v; break
          case 'map_flags': m.flags = v; break
          case 'pinning': m.pinning = v; break
        }
      }
      if (g.section === '.maps') {
        for (const f of info.fields) {
          if (!f.name) continue
          const t = f.type
          if (t.k !== 'ptr') continue
          if ((f.name === 'key' || f.name === 'value') && t.to.k !== 'array') {
            if (f.name === 'key') {
              m.keySize = sizeOf(t.to)
              m.keyType = toTypeDesc(t.to)
            } else {
              m.valueSize = sizeOf(t.to)
              m.valueType = toTypeDesc(t.to)
            }
          } else if (t.to.k === 'array' && t.to.len !== null) set(f.name, t.to.len)
        }
      } else if (g.init) {
        for (const it of g.init.items) {
          const f = info.fields.find((x) => x.offset === it.off && x.bitWidth === undefined)
          const v = staticValue(it.e)
          if (f?.name && v && v.k === 'int') set(f.name, Number(BigInt.asUintN(32, v.v)))
        }
      }
      maps.push(m)
    }
    return maps
  }

  private license(globals: VarSym[]): string | undefined {
    for (const g of globals) {
      if (g.section !== 'license' || !g.init) continue
      const off = this.varOff.get(g)!
      const size = sizeOf(g.type)
      const bytes = this.data.bytes.subarray(off, off + size)
      const end = bytes.indexOf(0)
      return new TextDecoder().decode(end >= 0 ? bytes.subarray(0, end) : bytes)
    }
    return undefined
  }

  // --- prelude ------------------------------------------------------------------------------------------------

  private prelude(): string[] {
    const G = NULL_GUARD
    const h = this.helpers
    const l = [
      'const $dv = $env.dv, $buf = $env.buffer, $u8 = new Uint8Array($buf), $D = $env.dataBase, $Dg = $D - ' + G + ';',
      'const $ctl = $env.ctl, $lim = $env.stackLimit, $tk = $env.ticks || new Float64Array(1);',
      'function $trap(sid, sc, v) { $env.trap(sid, sc, v); }',
      // ctl[0] 3 = count the hook, do not trap (abi.ts ticks); a call, to keep each hook short
      'function $hk() { if ($ctl[0] !== 3) return true; $tk[0]++; return false; }',
      'let $sp = $env.stackTop;',
      'const $Fault = $env.CFault || class extends Error { constructor(s, d) { super(s + ": " + d); this.signal = s; this.detail = d; } };',
      'function $fault(s, d) { throw new $Fault(s, d); }',
      'function $fpe() { $fault("SIGFPE", "integer divide by zero"); }',
      'function $segv(a) { $fault("SIGSEGV", "invalid memory access at 0x" + Math.max(0, Math.floor(a)).toString(16)); }',
      'function $stackOverflow() { $fault("SIGSEGV", "stack overflow"); }',
      'function $imp(n) { const f = $env.imports[n]; return typeof f === "function" ? f : function () { $fault("SIGSEGV", "call to undefined function " + n); }; }',
      `function $fn(p) { const f = $ftab[(p - ${FUNC_BASE}) / ${FUNC_STEP}]; if (typeof f !== "function") $fault("SIGSEGV", "call through invalid function pointer 0x" + Math.max(0, p).toString(16)); return f; }`,
      'function $div(a, b) { if (b === 0 || (b === -1 && a === -2147483648)) $fpe(); return (a / b) | 0; }',
      'function $mod(a, b) { if (b === 0 || (b === -1 && a === -2147483648)) $fpe(); return (a % b) | 0; }',
      'function $udiv(a, b) { if (b === 0) $fpe(); return (a / b) >>> 0; }',
      'function $umod(a, b) { if (b === 0) $fpe(); return a % b; }',
      'function $div64(a, b) { if (b === 0n || (b === -1n && a === -9223372036854775808n)) $fpe(); return a / b; }',
      'function $mod64(a, b) { if (b === 0n || (b === -1n && a === -9223372036854775808n)) $fpe(); return a % b; }',
      'function $udiv64(a, b) { if (b === 0n) $fpe(); return a / b; }',
      'function $umod64(a, b) { if (b === 0n) $fpe(); return a % b; }',
      'function $ldp(a) { const lo = $dv.getUint32(a, true), hi = $dv.getUint32(a + 4, true); return hi === 0 ? lo : lo + hi * 4294967296; }',
      'function $st64n(a, x) { if (x >= -2147483648 && x <= 4294967295) { $dv.setInt32(a, x | 0, true); $dv.setInt32(a + 4, x < 0 ? -1 : 0, true); } else $dv.setBigInt64(a, BigInt(x), true); }',
      // x (a JS integer) added to the 64-bit integer at a: two words and a carry, no bigint (x of up to 32 bits, either sign).
      // The common case (0 <= x < 2^31: every packet counter) is a function of its own, small enough for V8 to inline into a
      // program's hot path (it inlines by bytecode size, within a budget per optimised function), in int32 arithmetic (the
      // carry out of the low word is its sign bit going from set to clear), so the low word's 2^31 costs no deoptimisation.
      // Like the program's 64-bit load and store, it reads and writes the low word, and the high one only on a carry.
      'function $add64m(a, x) { if (x >= 0 && x <= 2147483647) { const lo = $dv.getInt32(a, true), s = (lo + x) | 0; $dv.setInt32(a, s, true); if ((lo & ~s) < 0) $dv.setInt32(a + 4, ($dv.getInt32(a + 4, true) + 1) | 0, true); } else $add64mx(a, x); }',
      'function $add64mx(a, x) { if (x >= -4294967295 && x <= 4294967295) { const s = $dv.getUint32(a, true) + x; $dv.setUint32(a, s >>> 0, true); if (s > 4294967295) $dv.setUint32(a + 4, ($dv.getUint32(a + 4, true) + 1) >>> 0, true); else if (s < 0) $dv.setUint32(a + 4, ($dv.getUint32(a + 4, true) - 1) >>> 0, true); } else $dv.setBigUint64(a, BigInt.asUintN(64, $dv.getBigUint64(a, true) + BigInt(x)), true); }',
      'function $n64(x) { return x >= -9007199254740992n && x <= 9007199254740992n ? Number(x) : Number(BigInt.asIntN(32, x)); }',
      'function $stp(a, v) { $dv.setUint32(a, v, true); $dv.setUint32(a + 4, v > 4294967295 ? Math.floor(v / 4294967296) : 0, true); }',
      'function $chk(a, n) { if (!(a >= ' + G + ' && a + n <= $u8.length)) $segv(a < ' + G + ' ? a : $u8.length); }',
      'function $memcpy(d, s, n) { if (n > 0) { $chk(d, n); $chk(s, n); $u8.copyWithin(d, s, s + n); } return d; }',
      'function $memset(d, c, n) { if (n > 0) { $chk(d, n); $u8.fill(c & 255, d, d + n); } return d; }',
      'function $memcmp(a, b, n) { if (n > 0) { $chk(a, n); $chk(b, n); } for (let i = 0; i < n; i++) { const x = $u8[a + i], y = $u8[b + i]; if (x !== y) return x < y ? -1 : 1; } return 0; }',
      'function $strlen(p) { let q = p; for (;;) { if (q < ' + G + ' || q >= $u8.length) $segv(q); if ($u8[q] === 0) return q - p; q++; } }',
      'function $valloc(n) { $sp = Math.floor(($sp - n) / 16) * 16; if ($sp < $lim) $stackOverflow(); return $sp; }',
      'function $i2p(x) { return x < 0 ? x + 18446744073709551616 : x; }',
      'function $l2p(x) { return Number(BigInt.asUintN(64, x)); }',
      'function $f2i32(x) { return x > -2147483649 && x < 2147483648 ? x | 0 : -2147483648; }',
      'function $f2i64(x) { return x >= -9223372036854775808 && x < 9223372036854775808 ? BigInt(Math.trunc(x)) : -9223372036854775808n; }',
      'function $f2u64(x) { return x >= 9223372036854775808 && x < 18446744073709551616 ? BigInt(Math.trunc(x)) : BigInt.asUintN(64, $f2i64(x)); }',
      'function $f2u32(x) { return x > -1 && x < 4294967296 ? x >>> 0 : Number(BigInt.asUintN(32, $f2i64(x))); }',
      'function $ni64(r) { return typeof r === "bigint" ? BigInt.asIntN(64, r) : BigInt(Math.trunc(Number(r) || 0)); }',
      'function $nu64(r) { return typeof r === "bigint" ? BigInt.asUintN(64, r) : BigInt.asUintN(64, BigInt(Math.trunc(Number(r) || 0))); }',
      // a 64-bit number under an unsigned comparison with a non-negative one: negative stands for 2^64 + itself, above it
      'function $uo(x) { return x < 0 ? Infinity : x; }',
      // (a helper's pointer: the number case apart, small enough to inline everywhere)
      'function $np(r) { return typeof r === "number" ? r || 0 : $npx(r); }',
      'function $npx(r) { return typeof r === "bigint" ? Number(BigInt.asUintN(64, r)) : +r || 0; }',
    ]
    // a BPF helper given &map at a call site: the runner's version for that map, or the import itself (abi.ts bindImport)
    if (this.boundSites.size > 0) l.push('function $bindImp(n, a, f) { const b = $env.bindImport, s = b === undefined ? undefined : b(n, a); return typeof s === "function" ? s : f; }')
    // frame records (debug-info.ts): userspace always may; BPF programs only when stepped (src/xdp/step-cpu.ts)
    if (this.opts.target === 'user' || this.opts.hooks === 'statements') l.push(`const $fr = $env.frames || new Int32Array(${FRAME_RECORD_WORDS});`)
    if (h.has('bswap')) {
      l.push('function $bswap16(x) { return ((x & 255) << 8) | ((x >>> 8) & 255); }')
      l.push('function $bswap32(x) { return (((x & 255) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24)) >>> 0; }')
      l.push('function $bswap64(x) { return (BigInt($bswap32(Number(x & 0xffffffffn))) << 32n) | BigInt($bswap32(Number(x >> 32n))); }')
    }
    if (h.has('bits')) {
      l.push('function $ctz32(x) { return x === 0 ? 32 : 31 - Math.clz32(x & -x); }')
      l.push('function $pop32(x) { x = x - ((x >>> 1) & 0x55555555); x = (x & 0x33333333) + ((x >>> 2) & 0x33333333); return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24); }')
      l.push('function $clz64(x) { const hi = Number(x >> 32n); return hi !== 0 ? Math.clz32(hi) : 32 + Math.clz32(Number(x & 0xffffffffn)); }')
      l.push('function $ctz64(x) { const lo = Number(x & 0xffffffffn); return lo !== 0 ? $ctz32(lo) : 32 + $ctz32(Number(x >> 32n)); }')
      l.push('function $pop64(x) { return $pop32(Number(x & 0xffffffffn)) + $pop32(Number(x >> 32n)); }')
    }
    if (h.has('atomics')) {
      l.push('const $len = $buf.byteLength;')
      l.push('const $I8 = new Int8Array($buf), $U8 = $u8, $I16 = new Int16Array($buf, 0, $len >> 1), $U16 = new Uint16Array($buf, 0, $len >> 1);')
      l.push('const $I32 = new Int32Array($buf, 0, $len >> 2), $U32 = new Uint32Array($buf, 0, $len >> 2), $I64 = new BigInt64Array($buf, 0, $len >> 3), $U64 = new BigUint64Array($buf, 0, $len >> 3);')
      l.push(`function $ax(p, sh) { if (p < ${G} || p % (1 << sh) !== 0 || p >= $len) $fault("SIGSEGV", "misaligned or invalid atomic access at 0x" + Math.max(0, p).toString(16)); return p / (1 << sh); }`)
    }
    if (h.has('xadd64')) {
      // 64-bit atomic add of x (an integer number; any size, taken mod 2^64) to *p, result unused: the low words
      // are added atomically and the exact carry of *that* addition goes to the high word with x's
      // high part, so the final sum is exact under any contention (no update is lost). Only a reader
      // between the two adds, at a 2^32 wrap of the low word, can see a torn value: as the kernel's
      // 32-bit-word copy_to_user here can already show. Two Int32 Atomics.add cost far less than a
      // BigInt one, and the high one is skipped when there is nothing to add.
      // the host's 64-bit atomic add when it has one (abi.ts atomicAdd64), else two 32-bit ones with the carry
      // (the host's add and the checks it needs, apart from the rest: small enough for V8 to inline, as $add64m)
      l.push('const $wadd64 = $env.atomicAdd64;')
      l.push(`function $x8(p) { return p >= ${G} && p < $len && (p & 0x7ffffff8) === p; }`)
      l.push('function $xadd64(p, x) { if ($wadd64 !== undefined && $x8(p) && Number.isSafeInteger(x)) $wadd64(p, x); else $xadd64w(p, x); }')
      l.push(`function $xadd64w(p, x) { if (!$x8(p)) $ax(p, 3); if ($wadd64 !== undefined && x >= -9007199254740991 && x <= 9007199254740991) { $wadd64(p, x); return; } const i = p >> 2, lo = x >>> 0, old = Atomics.add($I32, i, lo | 0) >>> 0, hi = (Math.floor(x / 4294967296) + (old + lo > 4294967295 ? 1 : 0)) | 0; if (hi !== 0) Atomics.add($I32, i + 1, hi); }`)
      // two of them back to back in one host call (xaddPair), when the host has it and takes both; false: do nothing, the caller adds one by one
      l.push('const $wadd2 = $env.atomicAdd64x2;')
      l.push('function $xadd64x2(p, x, q, y) { if ($wadd2 === undefined || !$x8(p) || !$x8(q) || !Number.isSafeInteger(x) || !Number.isSafeInteger(y)) return false; $wadd2(p, x, q, y); return true; }')
    }
    return l
  }

  // --- functions ------------------------------------------------------------------------------------------------

  private emit(text: string, sid = -1): void {
    this.lines.push({ text: '  '.repeat(this.indent) + text, sid })
  }

  private hook(sid: number): string {
    // (short: every statement has one, and long function bodies stop V8 inlining them)
    if (this.opts.hooks !== 'statements' || this.fid < 0) return `if ($ctl[0] !== 0 && $hk()) $trap(${sid});`
    // the debugger's view of this point: which variables are visible, register values as arguments
    const vars = this.scope.map((v) => this.dbgIndex.get(v)!)
    const key = `${this.fid}:${vars.join(',')}`
    let sc = this.scopeIds.get(key)
    if (sc === undefined) {
      sc = this.scopes.length
      this.scopes.push({ fid: this.fid, vars })
      this.scopeIds.set(key, sc)
    }
    if (this.sidScopes[sid] === undefined) this.sidScopes[sid] = sc
    const regs = this.scope.filter((v) => this.regNames.has(v)).map((v) => (this.numLocals.has(v) ? this.bigOfLocal(v) : this.regNames.get(v)!))
    // (one array literal: a run recording for step back traps at every statement)
    return `if ($ctl[0] !== 0 && $hk()) $trap(${sid}, ${sc}, [${regs.join(', ')}]);`
  }

  /** Records a function's variables for the debugger and the ASan checks (frame offsets, register or memory). */
  private debugFunction(f: TFunction, frameSize: number): void {
    const vars = [...f.params, ...f.locals].filter((v) => v.name !== '' && !(v.hidden && this.regNames.has(v)))
    this.dbgIndex = new Map(vars.map((v, i) => [v, i]))
    this.dbgFns.push({
      name: f.sym.name,
      jsName: `f_${mangle(f.sym.name)}`,
      sid: f.sid,
      line: f.sym.pos.line,
      frameSize,
      vars: vars.map((v) => {
        const off = this.frameOff.get(v)
        const d: DebugFunction['vars'][number] = {
          name: v.name,
          type: toTypeDesc(v.type),
          size: v.vlaCount ? 0 : Math.max(sizeOf(v.type), 0),
          line: v.pos.line,
          col: v.pos.col,
          param: v.storage === 'param',
          reg: off === undefined,
          off: off ?? -1,
        }
        if (v.hidden) d.hidden = true
        if (v.vlaCount) d.vla = true
        return d
      }),
    })
  }

  private stmtHook(sid: number): string {
    return this.opts.hooks === 'statements' ? this.hook(sid) + ' ' : ''
  }

  private needsMemory(v: VarSym): boolean {
    return (v.addrTaken || isRecord(v.type) || v.type.k === 'array') && !v.vlaCount
  }

  private genFunction(f: TFunction): void {
    this.fn = f
    this.regNames = new Map()
    this.frameOff = new Map()
    this.numLocals = numberLocals(f, (v) => !this.needsMemory(v))
    this.temps = []
    this.loops = []
    this.gotoTargets = new Map()
    this.fnDepth = 0
    // frame layout
    let frame = 0
    const place = (v: VarSym) => {
      const a = Math.max(alignOf(v.type), 1)
      frame = alignUp(frame, Math.min(a, 16))
      this.frameOff.set(v, frame)
      frame += Math.max(sizeOf(v.type), 1)
    }
    const params: string[] = []
    if (f.sretParam) params.push('$ret')
    const copies: string[] = []
    f.params.forEach((p, i) => {
      if (this.needsMemory(p) && p.name !== '') {
        place(p)
        const pn = `$a${i}`
        params.push(pn)
        copies.push(pn)
      } else {
        const n = `v${p.id}_${mangle(p.name || 'p')}`
        this.regNames.set(p, n)
        params.push(n)
      }
    })
    const regLocals: string[] = []
    for (const v of f.locals) {
      if (this.needsMemory(v)) place(v)
      else {
        const n = `v${v.id}_${mangle(v.name)}`
        this.regNames.set(v, n)
        regLocals.push(`${n} = ${v.vlaCount || this.numLocals.has(v) ? '0' : zeroOf(rep(v.type))}`)
      }
    }
    frame = alignUp(frame, 16)
    const hasVla = f.locals.some((v) => v.vlaCount)
    if (hasVla) this.dynamicStack = true
    const useFrame = frame > 0 || hasVla
    const stepping = this.opts.hooks === 'statements'
    const frameInfo = { size: frame, lines: [] as number[], callees: new Set<TFunction>() }
    this.frames.set(f, frameInfo)
    // frame records (debug-info.ts): user programs with a memory frame; every function when stepping (BPF too)
    const record = stepping || (this.opts.target === 'user' && useFrame)
    this.fid = this.dbgFns.length
    this.debugFunction(f, frame)
    this.scope = f.params.filter((p) => p.name !== '')
    const name = `f_${mangle(f.sym.name)}`
    this.indent = 0
    this.emit(`function ${name}(${params.join(', ')}) {`, f.sid)
    this.indent = 1
    // stepping: the entry hook comes after the frame is set up, so parameters in memory can be read
    if (!stepping) this.emit(this.hook(f.sid), f.sid)
    const declLineIdx = this.lines.length
    this.emit('') // placeholder for let declarations (filled after the body: temps)
    const push = record ? ` const $fi = $fr[0] + 2; $fr[0] = $fi; $fr[$fi] = ${this.fid}; $fr[$fi + 1] = ${useFrame ? '$fp' : '0'};` : ''
    if (useFrame) {
      frameInfo.lines.push(this.lines.length)
      this.emit(`const $fp = $sp - ${frame}; if ($fp < $lim) $stackOverflow(); $sp = $fp; const $Fg = $fp - ${NULL_GUARD};${push}`, f.sid)
      f.params.forEach((p, i) => {
        if (!this.frameOff.has(p)) return
        const a: Addr = { base: '$fp', off: this.frameOff.get(p)! }
        if (isRecord(p.type)) this.emit(`$memcpy(${this.va(a)}, $a${i}, ${sizeOf(p.type)});`, f.sid)
        else this.emit(this.store(p.type, a, `$a${i}`) + ';', f.sid)
      })
    } else if (record) this.emit(push.trim(), f.sid)
    if (stepping) this.emit(this.hook(f.sid), f.sid)
    if (useFrame || record) {
      frameInfo.lines.push(this.lines.length)
      this.emit('try {')
      this.indent++
    }
    this.genList(f.body)
    const ret = f.sym.type.ret
    if (ret.k !== 'void' && fallsThrough(f.body)) {
      if (f.sretParam) this.emit('return $ret;')
      else this.emit(`return ${zeroOf(rep(ret))};`)
    }
    if (useFrame || record) {
      this.indent--
      const pop = record ? ' $fr[0] = $fi - 2;' : ''
      frameInfo.lines.push(this.lines.length)
      this.emit(`} finally {${useFrame ? ` $sp = $fp + ${frame};` : ''}${pop} }`)
    }
    this.indent = 0
    this.emit('}')
    const decls = [...regLocals, ...this.temps]
    this.lines[declLineIdx].text = decls.length ? `  let ${decls.join(', ')};` : ''
    this.fn = null
    this.fid = -1
    this.scope = []
    this.numLocals = new Map()
  }

  private temp(r: Rep): string {
    const n = `$t${this.temps.length + 1}`
    this.temps.push(`${n} = ${zeroOf(r)}`)
    return n
  }

  // --- statements -------------------------------------------------------------------------------------------------

  /** A statement list, with goto wrappers for the labels defined directly in it. */
  private genList(list: TStmt[]): void {
    // labels at this level and which statements contain gotos to them
    const labelAt = new Map<string, number>()
    list.forEach((s, i) => {
      for (let x: TStmt = s; x.k === 'label'; x = x.body) labelAt.set(x.name, i)
    })
    if (labelAt.size === 0) {
      for (let i = 0; i < list.length; ) i += this.genAt(list, i, true)
      return
    }
    const gotosIn = list.map((s) => collectGotos(s))
    interface Wrap { label: string; start: number; end: number; kind: 'break' | 'continue'; js: string }
    const wraps: Wrap[] = []
    for (const [label, j] of labelAt) {
      let first = -1
      let backward = false
      gotosIn.forEach((g, k) => {
        if (!g.has(label)) return
        if (k < j) {
          if (first < 0) first = k
        } else backward = true
      })
      if (first >= 0) wraps.push({ label, start: first, end: j, kind: 'break', js: `G${++this.labelN}` })
      if (backward) wraps.push({ label, start: j, end: list.length, kind: 'continue', js: `B${++this.labelN}` })
    }
    // forward wrappers may start earlier to nest properly
    wraps.sort((a, b) => a.end - b.end)
    for (let i = 0; i < wraps.length; i++) {
      for (let k = 0; k < i; k++) {
        const a = wraps[k]
        const b = wraps[i]
        if (b.start > a.start && b.start < a.end && b.end > a.end) {
          if (b.kind === 'break') b.start = a.start
          else this.fail(this.unit.statements[0] ?? { file: this.opts.filename, line: 1, col: 1 }, `this combination of 'goto' statements is not supported`)
        }
      }
    }
    // check laminar after adjustment
    for (const a of wraps) for (const b of wraps) {
      if (a !== b && a.start < b.start && b.start < a.end && a.end < b.end) {
        this.fail(this.posOfList(list), `this combination of 'goto' statements is not supported`)
      }
    }
    const opensAt = (i: number) => wraps.filter((w) => w.start === i).sort((a, b) => b.end - a.end)
    const open: Wrap[] = []
    let paired = -1
    for (let i = 0; i <= list.length; i++) {
      // close wrappers ending here (innermost first)
      for (let k = open.length - 1; k >= 0; k--) {
        const w = open[k]
        if (w.end !== i) continue
        open.splice(k, 1)
        this.gotoTargets.delete(w.label + ':' + w.kind)
        this.indent--
        if (w.kind === 'continue') this.emit('break;')
        if (w.kind === 'continue') this.loops.pop()
        this.emit('}')
      }
      if (i === list.length) break
      for (const w of opensAt(i)) {
        if (w.kind === 'break') this.emit(`${w.js}: {`)
        else {
          this.emit(`${w.js}: for (;;) {`)
          this.emit(this.hook(firstSid(list[i]) ?? this.fn!.sid), firstSid(list[i]) ?? -1)
          this.loops.push({ label: '', isLoop: false, fnDepth: this.fnDepth })
        }
        this.indent++
        open.push(w)
        this.gotoTargets.set(w.label + ':' + w.kind, { js: w.js, kind: w.kind, fnDepth: this.fnDepth })
      }
      if (i === paired) continue
      // a pair of adds can span no wrapper's start or end
      if (this.genAt(list, i, !wraps.some((w) => w.start === i + 1 || w.end === i + 1)) === 2) paired = i + 1
    }
  }

  /** Generates list[i], or list[i] and list[i + 1] together when they are a pair of adds (xaddPair); returns how many it took. */
  private genAt(list: TStmt[], i: number, pairable: boolean): number {
    if (pairable && i + 1 < list.length && this.xaddPair(list[i], list[i + 1])) return 2
    this.genStmt(list[i])
    return 1
  }

  /**
   * Two consecutive `lock xadd` statements (xaddParts) whose operands are pure (isPure: reading
   * no memory, calling nothing) become one call doing both adds back to back, as the JIT emits
   * two adjacent `lock xadd`s: a CPU that owns the counters' cache line does both before another
   * CPU can take it. Where that call cannot (no host 64-bit add, an address or addend it does
   * not take), the two statements run as they are, each on its own line for fault positions.
   * Not with statement hooks: a stepped program stops between the two. Emits and returns true,
   * or returns false.
   */
  private xaddPair(a: TStmt, b: TStmt): boolean {
    if (this.opts.hooks === 'statements' || a.k !== 'expr' || b.k !== 'expr') return false
    // (void)__sync_fetch_and_add(...), as the tutorials' lock_xadd() macro writes it, is the same statement
    const unvoid = (e: TExpr): TExpr => (e.k === 'cast' && e.ty.k === 'void' ? unvoid(e.e) : e)
    const ea = unvoid(a.e)
    const eb = unvoid(b.e)
    if (ea.k !== 'builtin' || eb.k !== 'builtin') return false
    if (!ea.args.slice(0, 2).every((x) => this.isPure(x)) || !eb.args.slice(0, 2).every((x) => this.isPure(x))) return false
    const first = this.xaddParts(ea)
    const second = first && this.xaddParts(eb)
    if (!first || !second) return false
    this.emit(`if (!$xadd64x2(${first.p}, ${first.x}, ${second.p}, ${second.x})) { $xadd64(${first.p}, ${first.x});`, a.sid)
    this.emit(`  $xadd64(${second.p}, ${second.x}); }`, b.sid)
    return true
  }

  /** Whether e reads no memory, calls nothing and cannot fault: its JS may run twice or early. */
  private isPure(e: TExpr): boolean {
    switch (e.k) {
      case 'int': return true
      case 'var': return this.regNames.has(e.sym) && !e.sym.vlaCount
      case 'cast': return e.ty.k !== 'void' && this.isPure(e.e)
      case 'bin': return e.op !== '/' && e.op !== '%' && this.isPure(e.l) && this.isPure(e.r)
      case 'padd': return typeof e.size === 'number' && this.isPure(e.p) && this.isPure(e.i)
      case 'pdiff': return this.isPure(e.l) && this.isPure(e.r)
      case 'addr': return this.isPureAddress(e.e)
      default: return false
    }
  }

  /** Whether the address of lvalue l is computed without reading memory (`&rec->bytes` for a pointer `rec` in a register). */
  private isPureAddress(l: TExpr): boolean {
    switch (l.k) {
      case 'var': return !this.regNames.has(l.sym) && !l.sym.vlaCount // an object in memory: its address is known
      case 'deref': return this.isPure(l.e)
      case 'member': return this.isPureAddress(l.e)
      default: return false
    }
  }

  private posOfList(list: TStmt[]): Pos {
    for (const s of list) {
      const sid = firstSid(s)
      if (sid !== undefined) return this.unit.statements[sid]
    }
    return this.fn ? this.fn.sym.pos : { file: this.opts.filename, line: 1, col: 1 }
  }

  private genStmt(s: TStmt): void {
    switch (s.k) {
      case 'empty': return
      case 'expr':
        this.emit(this.stmtHook(s.sid) + this.g(s.e, true) + ';', s.sid)
        return
      case 'decl':
        this.genDecl(s)
        // in scope from the statement after its declaration
        if (!s.sym.hidden && this.dbgIndex.has(s.sym)) this.scope.push(s.sym)
        return
      case 'block': {
        const visible = this.scope.length
        if (s.hasVla) {
          const sv = `$sv${++this.labelN}`
          this.emit(`{ const ${sv} = $sp; try {`)
          this.indent++
          this.genList(s.body)
          this.indent--
          this.emit(`} finally { $sp = ${sv}; } }`)
        } else {
          this.genList(s.body)
        }
        this.scope.length = visible
        return
      }
      case 'if': {
        this.emit(`${this.stmtHook(s.sid)}if (${this.c(s.c)}) {`, s.sid)
        this.indent++
        this.genStmt(s.t)
        this.indent--
        if (s.f) {
          this.emit('} else {')
          this.indent++
          this.genStmt(s.f)
          this.indent--
        }
        this.emit('}')
        return
      }
      case 'while': {
        const L = `L${++this.labelN}`
        this.emit(`${this.stmtHook(s.sid)}${L}: while (${this.c(s.c)}) {`, s.sid)
        this.loopBody(L, true, s.sid, s.body)
        this.emit('}')
        return
      }
      case 'do': {
        const L = `L${++this.labelN}`
        this.emit(`${this.stmtHook(s.sid)}${L}: do {`, s.sid)
        this.loopBody(L, true, s.sid, s.body)
        this.emit(`} while (${this.c(s.c)});`, s.sid)
        return
      }
      case 'for': {
        const visible = this.scope.length
        const L = `L${++this.labelN}`
        if (s.init.length) {
          if (this.opts.hooks === 'statements') this.emit(this.stmtHook(s.sid), s.sid)
          for (const i of s.init) this.genStmt(i)
        }
        const cond = s.c ? this.c(s.c) : ''
        const step = s.step ? this.g(s.step, true) : ''
        this.emit(`${s.init.length ? '' : this.stmtHook(s.sid)}${L}: for (; ${cond}; ${step}) {`, s.sid)
        this.loopBody(L, true, s.sid, s.body)
        this.emit('}')
        this.scope.length = visible
        return
      }
      case 'switch': {
        const L = `L${++this.labelN}`
        const big = isBig(rep(s.e.ty))
        this.emit(`${this.stmtHook(s.sid)}${L}: switch (${this.g(s.e)}) {`, s.sid)
        this.loops.push({ label: L, isLoop: false, fnDepth: this.fnDepth })
        this.indent++
        const body = s.body.k === 'block' ? s.body.body : [s.body]
        const visible = this.scope.length
        this.genSwitchBody(body, big)
        this.scope.length = visible
        this.indent--
        this.loops.pop()
        this.emit('}')
        return
      }
      case 'case': case 'default':
        this.fail(this.unit.statements[s.sid], `'${s.k}' label inside a nested statement of its switch is not supported`)
        return
      case 'break': {
        const t = this.loops[this.loops.length - 1]
        const target = [...this.loops].reverse().find((x) => x.label !== '')
        if (!target || !t) this.fail(this.unit.statements[s.sid], 'break statement not within loop or switch')
        if (target.fnDepth !== this.fnDepth) this.fail(this.unit.statements[s.sid], `'break' out of a statement expression is not supported`)
        this.emit(`${this.stmtHook(s.sid)}break ${target.label};`, s.sid)
        return
      }
      case 'continue': {
        const target = [...this.loops].reverse().find((x) => x.isLoop)
        if (!target) this.fail(this.unit.statements[s.sid], 'continue statement not within a loop')
        if (target.fnDepth !== this.fnDepth) this.fail(this.unit.statements[s.sid], `'continue' out of a statement expression is not supported`)
        this.emit(`${this.stmtHook(s.sid)}continue ${target.label};`, s.sid)
        return
      }
      case 'return': {
        if (this.fnDepth > 0) this.fail(this.unit.statements[s.sid], `'return' inside a statement expression is not supported`)
        const h = this.stmtHook(s.sid)
        if (!s.e) {
          this.emit(`${h}return${this.fn!.sym.type.ret.k === 'void' ? '' : ' ' + zeroOf(rep(this.fn!.sym.type.ret))};`, s.sid)
          return
        }
        if (s.e.ty.k === 'void' || this.fn!.sym.type.ret.k === 'void') {
          this.emit(`${h}${this.g(s.e, true)}; return;`, s.sid)
          return
        }
        if (this.fn!.sretParam) {
          this.emit(`${h}return $memcpy($ret, ${this.g(s.e)}, ${sizeOf(s.e.ty)});`, s.sid)
          return
        }
        this.emit(`${h}return ${this.g(s.e)};`, s.sid)
        return
      }
      case 'goto': {
        const fwd = this.gotoTargets.get(s.label + ':break')
        const back = this.gotoTargets.get(s.label + ':continue')
        const t = fwd ?? back
        if (!t) this.fail(this.unit.statements[s.sid], `jump to label '${s.label}' into a nested block is not supported`)
        if (t.fnDepth !== this.fnDepth) this.fail(this.unit.statements[s.sid], `'goto' out of a statement expression is not supported`)
        this.emit(`${this.stmtHook(s.sid)}${t.kind} ${t.js};`, s.sid)
        return
      }
      case 'label':
        this.genStmt(s.body)
        return
    }
  }

  private loopBody(L: string, isLoop: boolean, sid: number, body: TStmt): void {
    this.indent++
    this.emit(this.hook(sid), sid)
    this.loops.push({ label: L, isLoop, fnDepth: this.fnDepth })
    this.genStmt(body)
    this.loops.pop()
    this.indent--
  }

  private genSwitchBody(list: TStmt[], big: boolean): void {
    // hoist case/default labels (possibly chained `case 1: case 2: stmt`) to the switch level
    const lit = (v: bigint) => (big ? `${v}n` : v < 0n ? `(${v})` : `${v}`)
    for (const s of list) {
      let x: TStmt = s
      const heads: string[] = []
      while (x.k === 'case' || x.k === 'default' || (x.k === 'label' && (x.body.k === 'case' || x.body.k === 'default'))) {
        if (x.k === 'label') {
          this.fail(this.unit.statements[firstSid(x) ?? 0], `a label before a 'case' is not supported`)
        }
        if (x.k === 'case') {
          if (x.hi - x.lo > 4096n) this.fail(this.unit.statements[x.sid], 'case range too large')
          for (let v = x.lo; v <= x.hi; v++) heads.push(`case ${lit(v)}:`)
        } else heads.push('default:')
        x = x.body
      }
      if (heads.length) {
        this.indent--
        this.emit(heads.join(' '))
        this.indent++
      }
      this.genStmtInSwitch(x)
    }
  }

  private genStmtInSwitch(s: TStmt): void {
    if (s.k === 'label') {
      this.fail(this.posOfList([s]), `labels directly inside a switch body are not supported`)
    }
    this.genStmt(s)
  }

  private genDecl(s: Extract<TStmt, { k: 'decl' }>): void {
    const v = s.sym
    const h = this.stmtHook(s.sid)
    if (s.vlaCount) {
      const cnt = v.vlaCount!
      const cn = this.regNames.get(cnt)!
      const an = this.regNames.get(v)!
      const elem = (v.type as { of: CType }).of
      const esize = this.sizeExpr(elem)
      this.emit(`${h}${cn} = ${this.g(s.vlaCount)}; ${an} = $valloc(Number(${cn}) * ${esize});`, s.sid)
      return
    }
    if (!s.init) {
      if (h) this.emit(h, s.sid)
      return
    }
    const reg = this.regNames.get(v)
    if (reg && this.numLocals.has(v)) {
      const it = s.init.items[0]
      this.emit(`${h}${reg} = ${it ? this.numOf(it.e) : '0'};`, s.sid)
      return
    }
    if (reg) {
      const it = s.init.items[0]
      this.emit(`${h}${reg} = ${it ? this.g(it.e) : zeroOf(rep(v.type))};`, s.sid)
      return
    }
    const a: Addr = { base: '$fp', off: this.frameOff.get(v)! }
    const parts = this.initCode(a, s.init)
    this.emit(`${h}${parts.join('; ')};`, s.sid)
  }

  /** Runtime byte size of a (possibly VLA) element type, as a JS number expression. */
  private sizeExpr(t: CType): string {
    if (t.k === 'array' && t.vla) {
      const cv = t.vla.countVar
      const count = cv ? `Number(${this.regNames.get(cv)})` : `Number(${this.g(t.vla.count)})`
      return `(${count} * ${this.sizeExpr(t.of)})`
    }
    return `${sizeOf(t)}`
  }

  /** JS expressions that initialise the object at `a` (zero-fill, then each item). */
  private initCode(a: Addr, plan: InitPlan): string[] {
    const out: string[] = []
    const va = this.va(a)
    if (plan.zero) {
      // skip the zero-fill when the items cover the object completely with scalar stores
      out.push(`$memset(${va}, 0, ${plan.size})`)
    }
    for (const it of plan.items) {
      const ia: Addr = { base: a.base, off: a.off + it.off }
      if (it.e.k === 'str' && it.ty.k === 'array') {
        const n = Math.min(it.e.bytes.length, sizeOf(it.ty))
        const so = this.data.str(it.e.bytes)
        out.push(`$memcpy(${this.va(ia)}, $D + ${so}, ${n})`)
        continue
      }
      if (isRecord(it.ty)) {
        out.push(`$memcpy(${this.va(ia)}, ${this.g(it.e)}, ${sizeOf(it.ty)})`)
        continue
      }
      if (it.bitWidth !== undefined) {
        const shift = it.bitOffset! - it.off * 8
        const lv: LV = { k: 'bits', a: ia, ty: it.ty, unit: unitFor(shift, it.bitWidth), shift, width: it.bitWidth }
        out.push(this.storeLV(lv, this.g(it.e)))
        continue
      }
      out.push(this.store(it.ty, ia, this.g(it.e)))
    }
    return out
  }

  // --- addresses, loads, stores --------------------------------------------------------------------------------------

  /** Guarded address expression (address - NULL_GUARD) for $dv. */
  private ga(a: Addr): string {
    if (a.base === '$D') return `$Dg + ${a.off}`
    if (a.base === '$fp') return `$Fg + ${a.off}`
    if (a.base === null) return `${a.off - NULL_GUARD}`
    const b = SIMPLE.test(a.base) ? a.base : `(${a.base})`
    const d = a.off - NULL_GUARD
    return d < 0 ? `${b} - ${-d}` : `${b} + ${d}`
  }

  /** Address value. */
  private va(a: Addr): string {
    if (a.base === null) return `${a.off}`
    const b = SIMPLE.test(a.base) ? a.base : `(${a.base})`
    if (a.off === 0) return a.base === '$fp' || a.base === '$D' ? a.base : b
    return a.off < 0 ? `(${b} - ${-a.off})` : `(${b} + ${a.off})`
  }

  private load(ty: CType, a: Addr): string {
    const g = this.ga(a)
    switch (rep(ty)) {
      case 'i8': return `$dv.getInt8(${g})`
      case 'u8': case 'bool': return `$dv.getUint8(${g})`
      case 'i16': return `$dv.getInt16(${g}, true)`
      case 'u16': return `$dv.getUint16(${g}, true)`
      case 'i32': return `$dv.getInt32(${g}, true)`
      case 'u32': return `$dv.getUint32(${g}, true)`
      case 'i64': return `$dv.getBigInt64(${g}, true)`
      case 'u64': return `$dv.getBigUint64(${g}, true)`
      case 'f32': return `$dv.getFloat32(${g}, true)`
      case 'f64': return `$dv.getFloat64(${g}, true)`
      case 'ptr': return `$ldp(${g})`
      default: return this.va(a)
    }
  }

  private store(ty: CType, a: Addr, v: string): string {
    const g = this.ga(a)
    switch (rep(ty)) {
      case 'i8': return `$dv.setInt8(${g}, ${v})`
      case 'u8': case 'bool': return `$dv.setUint8(${g}, ${v})`
      case 'i16': return `$dv.setInt16(${g}, ${v}, true)`
      case 'u16': return `$dv.setUint16(${g}, ${v}, true)`
      case 'i32': return `$dv.setInt32(${g}, ${v}, true)`
      case 'u32': return `$dv.setUint32(${g}, ${v}, true)`
      case 'i64': case 'u64': {
        const big = unwrap64(v)
        // A number-valued 64-bit value on its way into private memory: two word stores, no bigint.
        // (Not into a BPF program's shared memory, where a 64-bit store must not tear; its own
        // stack frame is private to the CPU running it.)
        const num = this.opts.target === 'user' || a.base === '$fp' ? wholeCall(big, 'BigInt(') : null
        if (num !== null) return `$st64n(${g}, ${num})`
        return `$dv.${rep(ty) === 'i64' ? 'setBigInt64' : 'setBigUint64'}(${g}, ${big}, true)`
      }
      case 'f32': return `$dv.setFloat32(${g}, ${v}, true)`
      case 'f64': return `$dv.setFloat64(${g}, ${v}, true)`
      case 'ptr': return `$stp(${g}, ${v})`
      case 'rec': return `$memcpy(${this.va(a)}, ${v}, ${sizeOf(ty)})`
      default: return v
    }
  }

  /** Evaluate the base of an address once (for read-modify-write). */
  private pin(a: Addr, setup: string[]): Addr {
    if (a.base === null || a.base === '$fp' || a.base === '$D' || SIMPLE.test(a.base)) return a
    const t = this.temp('ptr')
    setup.push(`${t} = ${a.base}`)
    return { base: t, off: a.off }
  }

  private pinLV(lv: LV, setup: string[]): LV {
    if (lv.k === 'reg') return lv
    return { ...lv, a: this.pin(lv.a, setup) }
  }

  /** Address of an lvalue expression. */
  private addrOf(e: TExpr): Addr {
    switch (e.k) {
      case 'var': {
        const v = e.sym
        if (v.storage === 'global') {
          const off = this.varOff.get(v)
          if (off === undefined) this.fail(e.pos, `'${v.name}' has no storage`)
          return { base: '$D', off }
        }
        if (v.vlaCount) return { base: this.regNames.get(v)!, off: 0 }
        const fo = this.frameOff.get(v)
        if (fo === undefined) this.fail(e.pos, `internal: '${v.name}' is not in memory`)
        return { base: '$fp', off: fo }
      }
      case 'deref': return this.ptrAddr(e.e)
      case 'member': {
        const b = this.isMemLvalue(e.e) ? this.addrOf(e.e) : { base: this.g(e.e), off: 0 }
        return { base: b.base, off: b.off + e.path.offset }
      }
      case 'str': return { base: '$D', off: this.data.str(e.bytes) }
      case 'compound': {
        const a: Addr = { base: '$fp', off: this.frameOff.get(e.tmp)! }
        const init = this.initCode(a, e.init)
        return { base: `(${[...init, '$fp'].join(', ')})`, off: a.off }
      }
      default:
        // record rvalues (calls, statement expressions, assignments...) are addresses already
        return { base: this.g(e), off: 0 }
    }
  }

  private isMemLvalue(e: TExpr): boolean {
    return e.k === 'var' || e.k === 'deref' || e.k === 'member' || e.k === 'str' || e.k === 'compound'
  }

  /** The address a pointer-valued expression points to, folding constant offsets. */
  private ptrAddr(p: TExpr): Addr {
    if (p.k === 'padd' && typeof p.size === 'number' && p.i.k === 'int') {
      const a = this.ptrAddr(p.p)
      const d = Number(BigInt.asIntN(64, p.i.v)) * p.size * (p.neg ? -1 : 1)
      return { base: a.base, off: a.off + d }
    }
    if (p.k === 'addr' && p.e.k !== 'func') return this.addrOf(p.e)
    if (p.k === 'cast' && p.e.ty.k === 'ptr') return this.ptrAddr(p.e)
    if (p.k === 'int') return { base: null, off: Number(p.v) }
    return { base: this.g(p), off: 0 }
  }

  private lv(e: TExpr): LV {
    if (e.k === 'var' && this.regNames.has(e.sym) && !e.sym.vlaCount) return { k: 'reg', name: this.regNames.get(e.sym)!, ty: e.sym.type }
    if (e.k === 'member' && e.path.field.bitWidth !== undefined) {
      const a = this.addrOf(e)
      const shift = e.path.bitOffset! - e.path.offset * 8
      return { k: 'bits', a, ty: e.ty, unit: unitFor(shift, e.path.field.bitWidth), shift, width: e.path.field.bitWidth }
    }
    return { k: 'mem', a: this.addrOf(e), ty: e.ty }
  }

  private loadLV(lv: LV): string {
    if (lv.k === 'reg') return lv.name
    if (lv.k === 'mem') return this.load(lv.ty, lv.a)
    const r = rep(lv.ty)
    const g = this.ga(lv.a)
    const signed = isSignedNum(r) || r === 'i64'
    if (lv.unit <= 4) {
      const u = `$dv.getUint${lv.unit * 8}(${g}${lv.unit > 1 ? ', true' : ''})`
      let v: string
      if (signed) v = `((${u} << ${32 - lv.shift - lv.width}) >> ${32 - lv.width})`
      else if (lv.width === 32) v = `(${u} >>> 0)`
      else v = `((${u} >>> ${lv.shift}) & ${maskNum(lv.width)})`
      return isBig(r) ? `BigInt(${v})` : v
    }
    const u = `$dv.getBigUint64(${g}, true)`
    const v = `BigInt.as${signed ? 'Int' : 'Uint'}N(${lv.width}, ${u} >> ${lv.shift}n)`
    return isBig(r) ? v : `Number(${v})`
  }

  /** A store to an lvalue, as a JS expression (its value is not meaningful). */
  private storeLV(lv: LV, v: string): string {
    if (lv.k === 'reg') return `${lv.name} = ${v}`
    if (lv.k === 'mem') return this.store(lv.ty, lv.a, v)
    const r = rep(lv.ty)
    const g = this.ga(lv.a)
    const unitMask = lv.unit === 8 ? (1n << 64n) - 1n : (1n << BigInt(lv.unit * 8)) - 1n
    const fieldMask = ((1n << BigInt(lv.width)) - 1n) << BigInt(lv.shift)
    const keep = unitMask & ~fieldMask
    if (lv.unit <= 4) {
      const bits = lv.unit * 8
      const cur = `$dv.getUint${bits}(${g}${lv.unit > 1 ? ', true' : ''})`
      const num = isBig(r) ? `Number(BigInt.asUintN(${lv.width}, ${v}))` : v
      const val = lv.width === 32 ? num : `((${num}) & ${maskNum(lv.width)})`
      return `$dv.setUint${bits}(${g}, (${cur} & ${keep}) | (${val} << ${lv.shift})${lv.unit > 1 ? ', true' : ''})`
    }
    const cur = `$dv.getBigUint64(${g}, true)`
    const big = isBig(r) ? v : `BigInt(${v})`
    return `$dv.setBigUint64(${g}, (${cur} & ${keep}n) | (BigInt.asUintN(${lv.width}, ${big}) << ${lv.shift}n), true)`
  }

  // --- expressions ---------------------------------------------------------------------------------------------------

  /** Literal for a constant of type ty. */
  private lit(v: bigint | number, ty: CType): string {
    const r = rep(ty)
    if (typeof v === 'number') {
      if (Number.isNaN(v)) return 'NaN'
      if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '(-Infinity)'
      if (Object.is(v, -0)) return '(-0)'
      return v < 0 ? `(${v})` : `${v}`
    }
    if (isBig(r)) return v < 0n ? `(${v}n)` : `${v}n`
    if (r === 'f32' || r === 'f64') return this.lit(Number(v), ty)
    if (r === 'ptr') return `${Number(BigInt.asUintN(64, v))}`
    return v < 0n ? `(${v})` : `${v}`
  }

  /** Value of an expression (discard: the value is not used). */
  g(e: TExpr, discard = false): string {
    switch (e.k) {
      case 'int': return this.lit(e.v, e.ty)
      case 'flt': return this.lit(e.v, e.ty)
      case 'str': return `($D + ${this.data.str(e.bytes)})`
      case 'var': {
        const v = e.sym
        if (v.helperImport) {
          this.useImport(v.helperImport, v.pos)
          return `${FUNC_BASE}` // a value that is never a real function: calls are resolved statically
        }
        if (this.numLocals.has(v)) return this.bigOfLocal(v)
        if (this.regNames.has(v) && !v.vlaCount) return this.regNames.get(v)!
        if (v.vlaCount) return this.regNames.get(v)!
        return this.load(e.ty, this.addrOf(e))
      }
      case 'func': return this.funcAddr(e.sym, e.pos)
      case 'deref': case 'member': {
        const lv = this.lv(e)
        return this.loadLV(lv)
      }
      case 'compound': {
        const a: Addr = { base: '$fp', off: this.frameOff.get(e.tmp)! }
        const init = this.initCode(a, e.init)
        if (isRecord(e.ty) || e.ty.k === 'array') return `(${[...init, this.va(a)].join(', ')})`
        return `(${[...init, this.load(e.ty, a)].join(', ')})`
      }
      case 'addr': {
        if (e.e.k === 'func') return this.funcAddr(e.e.sym, e.e.pos)
        if (e.e.k === 'var' && e.e.sym.helperImport) {
          this.useImport(e.e.sym.helperImport, e.e.sym.pos)
          return `${FUNC_BASE}`
        }
        if (e.e.k === 'deref' && e.e.ty.k === 'func') return this.g(e.e.e)
        return this.va(this.addrOf(e.e))
      }
      case 'cast': {
        if (e.ty.k === 'void') return this.g(e.e, true)
        const narrow = this.narrowNum(e.e, e.ty)
        if (narrow !== null) return narrow
        return this.conv(this.g(e.e), e.e.ty, e.ty, e.e)
      }
      case 'bin': return this.bin(e.op, this.g(e.l), this.g(e.r), e.ty, e.r)
      case 'cmp': return `(${this.cmp(e)} ? 1 : 0)`
      case 'padd': {
        const idx = this.scaledIndex(e.i, e.size)
        return `(${this.g(e.p)} ${e.neg ? '-' : '+'} ${idx})`
      }
      case 'pdiff': {
        const d = `(${this.g(e.l)} - ${this.g(e.r)})`
        return e.size === 1 ? `BigInt(${d})` : `BigInt(Math.trunc(${d} / ${e.size}))`
      }
      case 'land': case 'lor': return `(${this.c(e)} ? 1 : 0)`
      case 'not': return `(${this.c(e.e)} ? 0 : 1)`
      case 'neg': {
        const x = this.g(e.e)
        switch (rep(e.ty)) {
          case 'i32': return `((-${x}) | 0)`
          case 'u32': return `((-${x}) >>> 0)`
          case 'i64': return `BigInt.asIntN(64, -${x})`
          case 'u64': return `BigInt.asUintN(64, -${x})`
          default: return `(-${x})`
        }
      }
      case 'bitnot': {
        const x = this.g(e.e)
        switch (rep(e.ty)) {
          case 'u32': return `(~${x} >>> 0)`
          case 'u64': return `BigInt.asUintN(64, ~${x})`
          default: return `(~${x})`
        }
      }
      case 'assign': return this.assign(e, discard)
      case 'opassign': {
        const r = this.g(e.r)
        const lty = e.l.ty
        if (discard && e.size === undefined && (e.op === '+' || e.op === '-') && isBig(rep(e.opTy))) {
          const num = e.r.k === 'int' ? numberLiteral(e.r.v) : wholeCall(unwrap64(r), 'BigInt(')
          const inPlace = num === null ? null : this.add64InPlace(e.l, e.op === '-' ? `-(${num})` : num)
          if (inPlace !== null) return inPlace
        }
        return this.rmw(e.l, (cur) => {
          if (e.size !== undefined) return `(${cur} ${e.op === '-' ? '-' : '+'} ${this.scaledIndex(e.r, e.size, r)})`
          const a = this.conv(cur, lty, e.opTy)
          return this.conv(this.bin(e.op, a, r, e.opTy, e.r), e.opTy, lty)
        }, false, discard)
      }
      case 'incdec': {
        const lty = e.l.ty
        if (discard && e.size === undefined && isBig(rep(lty))) {
          const inPlace = this.add64InPlace(e.l, e.inc ? '1' : '-1')
          if (inPlace !== null) return inPlace
        }
        return this.rmw(e.l, (cur) => {
          if (e.size !== undefined) return `(${cur} ${e.inc ? '+' : '-'} ${e.size})`
          const r = rep(lty)
          if (r === 'f32') return `Math.fround(${cur} ${e.inc ? '+' : '-'} 1)`
          if (r === 'f64') return `(${cur} ${e.inc ? '+' : '-'} 1)`
          const p = lty.k === 'bool' ? T.int : promoteRep(lty)
          const one = isBig(rep(p)) ? '1n' : '1'
          return this.conv(this.bin(e.inc ? '+' : '-', this.conv(cur, lty, p), one, p, null), p, lty)
        }, e.post, discard)
      }
      case 'cond': {
        if (discard) return `(${this.c(e.c)} ? ${this.g(e.t, true)} : ${this.g(e.f, true)})`
        return `(${this.c(e.c)} ? ${this.g(e.t)} : ${this.g(e.f)})`
      }
      case 'comma': return `(${this.g(e.l, true)}, ${this.g(e.r, discard)})`
      case 'call': return this.call(e)
      case 'stmtexpr': return this.stmtExpr(e)
      case 'builtin': return this.builtin(e, discard)
    }
  }

  private funcAddr(f: FuncSym, pos: Pos): string {
    if (!f.defined) this.useImport(f.name, f.usePos ?? pos)
    else this.dynamicStack = true // it may be called from anywhere: frames must move
    return `${FUNC_BASE + FUNC_STEP * f.tableIndex}`
  }

  private useImport(name: string, pos: Pos): void {
    if (!this.usedImports.has(name)) this.usedImports.set(name, pos)
  }

  /** index * size as a JS number expression (for pointer arithmetic). */
  private scaledIndex(i: TExpr, size: number | TExpr, js?: string): string {
    if (typeof size === 'number' && i.k === 'int') return `${Number(BigInt.asIntN(64, i.v)) * size}`
    const r = rep(i.ty)
    // a 64-bit index that is a safe number already: its signed value without a bigint
    const safe = js === undefined && isBig(r) && isSafe(this.numRange(i))
    const x = safe ? this.numOf(i) : js ?? this.g(i)
    const n = safe ? x : r === 'i64' ? `Number(${x})` : r === 'u64' ? `Number(BigInt.asIntN(64, ${x}))` : x
    if (typeof size !== 'number') return `(${n} * Number(${this.g(size)}))`
    return size === 1 ? n : `(${n} * ${size})`
  }

  private bin(op: BinOp, a: string, b: string, ty: CType, rNode: TExpr | null): string {
    const r = rep(ty)
    const cnt = () => {
      // shift counts: the right operand has its own promoted type
      const rr = rNode ? rep(rNode.ty) : r
      if (isBig(r)) {
        if (rNode && rNode.k === 'int') return `${BigInt.asUintN(6, rNode.v)}n`
        return isBig(rr) ? `(${b} & 63n)` : `BigInt(${b} & 63)`
      }
      return isBig(rr) ? `Number(${b} & 31n)` : b
    }
    switch (r) {
      case 'i32':
        switch (op) {
          case '+': return `((${a} + ${b}) | 0)`
          case '-': return `((${a} - ${b}) | 0)`
          case '*': return `Math.imul(${a}, ${b})`
          case '/': return `$div(${a}, ${b})`
          case '%': return `$mod(${a}, ${b})`
          case '&': return `(${a} & ${b})`
          case '|': return `(${a} | ${b})`
          case '^': return `(${a} ^ ${b})`
          case '<<': return `(${a} << ${cnt()})`
          case '>>': return `(${a} >> ${cnt()})`
        }
        break
      case 'u32':
        switch (op) {
          case '+': return `((${a} + ${b}) >>> 0)`
          case '-': return `((${a} - ${b}) >>> 0)`
          case '*': return `(Math.imul(${a}, ${b}) >>> 0)`
          case '/': return `$udiv(${a}, ${b})`
          case '%': return `$umod(${a}, ${b})`
          case '&': return `((${a} & ${b}) >>> 0)`
          case '|': return `((${a} | ${b}) >>> 0)`
          case '^': return `((${a} ^ ${b}) >>> 0)`
          case '<<': return `((${a} << ${cnt()}) >>> 0)`
          case '>>': return `(${a} >>> ${cnt()})`
        }
        break
      case 'i64': case 'u64': {
        const w = r === 'i64' ? 'BigInt.asIntN' : 'BigInt.asUintN'
        switch (op) {
          case '+': case '-': case '*': return `${w}(64, ${a} ${op} ${b})`
          case '/': return r === 'i64' ? `$div64(${a}, ${b})` : `$udiv64(${a}, ${b})`
          case '%': return r === 'i64' ? `$mod64(${a}, ${b})` : `$umod64(${a}, ${b})`
          case '&': case '|': case '^': return `(${a} ${op} ${b})`
          case '<<': return `${w}(64, ${a} << ${cnt()})`
          case '>>': return `(${a} >> ${cnt()})`
        }
        break
      }
      case 'f32': return `Math.fround(${a} ${op} ${b})`
      case 'f64': return `(${a} ${op} ${b})`
      default: break
    }
    // narrower types never reach arithmetic (promotions); pointers neither
    return `((${a} ${op} ${b}) | 0)`
  }

  private cmp(e: Extract<TExpr, { k: 'cmp' }>): string {
    const op = e.op === '==' ? '===' : e.op === '!=' ? '!==' : e.op
    const r = rep(e.l.ty)
    if (isBig(r) && isBig(rep(e.r.ty))) {
      // two 64-bit values that are safe numbers: compared as numbers when that gives the C answer
      const a = this.numRange(e.l)
      const b = this.numRange(e.r)
      if (a && b && isSafe(a) && isSafe(b)) {
        // equal mod 2^64 is equal (|a - b| < 2^64); signed: the numbers are the values; unsigned:
        // a negative number stands for 2^64 + itself, above every non-negative one
        const ordered = op === '===' || op === '!==' || r === 'i64' || (a.lo >= 0 && b.lo >= 0) || (a.hi < 0 && b.hi < 0)
        if (ordered) return `(${this.numOf(e.l)} ${op} ${this.numOf(e.r)})`
      }
      if (a && b) {
        // Numbers beyond the safe range come only from pointer differences (numRange), exact and
        // far below 2^63 for pointers into memory (subtracting any others is undefined): signed,
        // the numbers compare as the values do; unsigned, against a non-negative safe side, a
        // negative number stands for 2^64 + itself, above it ($uo). (As a bigint, such a
        // difference is BigInt of the same number: the answers are the same.)
        if (r === 'i64') return `(${this.numOf(e.l)} ${op} ${this.numOf(e.r)})`
        if (isSafe(b) && b.lo >= 0) return `($uo(${this.numOf(e.l)}) ${op} ${this.numOf(e.r)})`
        if (isSafe(a) && a.lo >= 0) return `(${this.numOf(e.l)} ${op} $uo(${this.numOf(e.r)}))`
      }
    }
    return `(${this.g(e.l)} ${op} ${this.g(e.r)})`
  }

  /** A JS condition (truthy/falsy) for a scalar expression. */
  c(e: TExpr): string {
    switch (e.k) {
      case 'cmp': return this.cmp(e)
      case 'land': return `(${this.c(e.l)} && ${this.c(e.r)})`
      case 'lor': return `(${this.c(e.l)} || ${this.c(e.r)})`
      case 'not': return `!${this.c(e.e)}`
      case 'int': return e.v !== 0n ? 'true' : 'false'
      case 'cast': {
        // widening integer casts (e.g. __builtin_expect's long) do not change truth
        const fr = rep(e.e.ty)
        const tr = rep(e.ty)
        if ((tr === 'i64' || tr === 'u64' || tr === 'bool' || tr === 'i32' || tr === 'u32') && fr !== 'f32' && fr !== 'f64' && fr !== 'rec' && fr !== 'void' && (isBig(tr) || fits(fr, tr) || tr === 'bool')) return this.c(e.e)
        break
      }
    }
    const r = rep(e.ty)
    if (isBig(r)) {
      // a number of magnitude below 2^64 is 0 mod 2^64 only when it is 0
      const rg = this.numRange(e)
      if (rg && rg.lo > -TWO64 && rg.hi < TWO64) return `(${this.numOf(e)} !== 0)`
    }
    return isBig(r) ? `(${this.g(e)} !== 0n)` : `(${this.g(e)} !== 0)`
  }

  /** Convert a JS value of C type `from` to C type `to`. */
  private conv(js: string, from: CType, to: CType, node?: TExpr): string {
    const fr = rep(from)
    const tr = rep(to)
    if (tr === 'void' || fr === tr) return js
    if (tr === 'rec' || fr === 'rec') return js
    if (tr === 'bool') {
      if (isBig(fr)) return `(${js} !== 0n ? 1 : 0)`
      return `(${js} !== 0 ? 1 : 0)`
    }
    const num = (r: Rep) => r === 'i8' || r === 'u8' || r === 'i16' || r === 'u16' || r === 'i32' || r === 'u32' || r === 'bool'
    if (tr === 'f64' || tr === 'f32') {
      const v = isBig(fr) ? `Number(${js})` : js
      return tr === 'f32' && fr !== 'i8' && fr !== 'u8' && fr !== 'i16' && fr !== 'u16' && fr !== 'bool' ? `Math.fround(${v})` : v
    }
    if (tr === 'ptr') {
      if (isBig(fr)) {
        // (void *)(long)x where x is a 32-bit unsigned value: the number itself
        if (node && node.k === 'cast' && (rep(node.e.ty) === 'u32' || rep(node.e.ty) === 'u16' || rep(node.e.ty) === 'u8' || rep(node.e.ty) === 'ptr')) return this.g(node.e)
        return `$l2p(${js})`
      }
      if (fr === 'f32' || fr === 'f64') return `$l2p($f2u64(${js}))`
      return isSignedNum(fr) ? `$i2p(${js})` : js
    }
    if (tr === 'i64' || tr === 'u64') {
      if (isBig(fr)) return tr === 'i64' ? `BigInt.asIntN(64, ${js})` : `BigInt.asUintN(64, ${js})`
      if (fr === 'f32' || fr === 'f64') return tr === 'i64' ? `$f2i64(${js})` : `$f2u64(${js})`
      if (tr === 'u64' && isSignedNum(fr)) return `BigInt.asUintN(64, BigInt(${js}))`
      return `BigInt(${js})`
    }
    // to a number-represented integer of 32 bits or less
    let src = js
    let sr = fr
    if (isBig(fr)) {
      const bits = tr === 'i8' || tr === 'u8' ? 8 : tr === 'i16' || tr === 'u16' ? 16 : 32
      return `Number(BigInt.as${isSignedNum(tr) ? 'Int' : 'Uint'}N(${bits}, ${js}))`
    }
    if (fr === 'f32' || fr === 'f64') {
      if (tr === 'u32') return `$f2u32(${js})`
      src = `$f2i32(${js})`
      sr = 'i32'
      if (tr === 'i32') return src
    }
    if (num(sr) && fits(sr, tr)) return src
    return truncateNum(src, tr) ?? src
  }

  private assign(e: Extract<TExpr, { k: 'assign' }>, discard: boolean): string {
    if (e.l.k === 'var' && this.numLocals.has(e.l.sym)) {
      // numberLocals saw this assignment: its value is number-valued
      const name = this.regNames.get(e.l.sym)!
      const n = this.numOf(e.r)
      return discard ? `(${name} = ${n})` : `(${name} = ${n}, ${this.bigOfLocal(e.l.sym)})`
    }
    const lv = this.lv(e.l)
    const v = this.g(e.r)
    if (isRecord(e.ty)) {
      const setup: string[] = []
      const p = this.pinLV(lv, setup)
      if (p.k !== 'mem') return v
      const dst = this.va(p.a)
      return `(${[...setup, `$memcpy(${dst}, ${v}, ${sizeOf(e.ty)})`].join(', ')})`
    }
    if (lv.k === 'reg') return `(${lv.name} = ${v})`
    if (discard) return this.storeLV(lv, v)
    const t = this.temp(rep(e.ty))
    if (lv.k === 'bits') {
      const setup: string[] = []
      const p = this.pinLV(lv, setup)
      return `(${[...setup, `${t} = ${v}`, this.storeLV(p, t), this.loadLV(p)].join(', ')})`
    }
    return `(${t} = ${v}, ${this.storeLV(lv, t)}, ${t})`
  }

  /**
   * `l += x`, `l -= x`, `l++`, `l--` as a statement on a 64-bit integer in memory, with x a JS
   * number: $add64m adds it to the two 32-bit words with a carry, where the generic path would
   * make two bigints per update (the per-packet `rec->rx_packets++` of every per-CPU counter).
   * A plain shared counter still races (a read, then a write, of the low word): with the window
   * from the read to the write now nanoseconds rather than two bigint allocations, fewer updates
   * are lost, as a JIT-compiled `*p += 1` loses fewer than an interpreted one. null: does not apply.
   */
  private add64InPlace(l: TExpr, x: string): string | null {
    const lv = this.lv(l)
    if (lv.k !== 'mem' || !isBig(rep(lv.ty))) return null
    return `$add64m(${this.ga(lv.a)}, ${x})`
  }

  /** Read-modify-write of an lvalue; `post` gives the old value. */
  private rmw(l: TExpr, compute: (cur: string) => string, post: boolean, discard: boolean): string {
    const setup: string[] = []
    const lv = this.pinLV(this.lv(l), setup)
    const r = rep(l.ty)
    if (lv.k === 'reg') {
      if (post && !discard) {
        const t = this.temp(r)
        return `(${t} = ${lv.name}, ${lv.name} = ${compute(t)}, ${t})`
      }
      return `(${lv.name} = ${compute(lv.name)})`
    }
    const cur = this.loadLV(lv)
    if (discard) return setup.length ? `(${[...setup, this.storeLV(lv, compute(cur))].join(', ')})` : this.storeLV(lv, compute(cur))
    const t = this.temp(r)
    if (post) return `(${[...setup, `${t} = ${cur}`, this.storeLV(lv, compute(t)), t].join(', ')})`
    if (lv.k === 'bits') return `(${[...setup, `${t} = ${compute(cur)}`, this.storeLV(lv, t), this.loadLV(lv)].join(', ')})`
    return `(${[...setup, `${t} = ${compute(cur)}`, this.storeLV(lv, t), t].join(', ')})`
  }

  private call(e: Extract<TExpr, { k: 'call' }>): string {
    const fty = e.fty
    const args: string[] = []
    if (e.sret) args.push(this.va({ base: '$fp', off: this.frameOff.get(e.sret)! }))
    let callee: string
    let isImport = false
    const f = e.fn
    let direct: FuncSym | null = null
    if (f.k === 'addr' && f.e.k === 'func') direct = f.e.sym
    else if (f.k === 'func') direct = f.sym
    let helper: VarSym | null = null
    if (!direct) {
      let x = f
      while (x.k === 'cast' || (x.k === 'deref' && x.ty.k === 'func')) x = x.e
      if (x.k === 'var' && x.sym.helperImport) helper = x.sym
    }
    if (direct && direct.defined && direct.def) {
      callee = `f_${mangle(direct.name)}`
      direct.used = true
      if (this.fn) this.frames.get(this.fn)?.callees.add(direct.def)
    } else if (direct) {
      this.useImport(direct.name, direct.usePos ?? e.pos)
      callee = this.boundCallee(direct.name, e.args[0]) ?? `$i_${mangle(direct.name)}`
      isImport = true
    } else if (helper) {
      this.useImport(helper.helperImport!, e.pos)
      callee = this.boundCallee(helper.helperImport!, e.args[0]) ?? `$i_${mangle(helper.helperImport!)}`
      isImport = true
    } else {
      callee = `$fn(${this.g(f)})`
      isImport = true // values from imports reached through pointers are normalised too
    }
    // gcc on x86-64 evaluates arguments right to left: when the order can be seen, do the same
    const all = e.args.map((a) => this.g(a))
    // A library function called without a prototype (an implicit declaration) gets 64-bit
    // arguments as numbers, the way a callee reading an int or a size from the register would.
    if (isImport && !fty.proto) e.args.forEach((a, i) => isBig(rep(a.ty)) && (all[i] = `$n64(${all[i]})`))
    const pre: string[] = []
    if (e.args.filter(hasSideEffects).length >= 2) {
      for (let i = all.length - 1; i >= 0; i--) {
        if (e.args[i].k === 'int' || e.args[i].k === 'flt') continue
        const t = this.temp(rep(e.args[i].ty) === 'rec' ? 'ptr' : rep(e.args[i].ty))
        pre.push(`${t} = ${all[i]}`)
        all[i] = t
      }
    }
    args.push(...all.slice(0, e.nfixed))
    const extra = e.args.slice(e.nfixed)
    if (fty.variadic) {
      const codes = extra.map((a) => varCode(a.ty)).join('')
      args.push(JSON.stringify(codes), `[${all.slice(e.nfixed).join(', ')}]`)
    } else args.push(...all.slice(e.nfixed))
    const call0 = `${callee}(${args.join(', ')})`
    const call = pre.length ? `(${pre.join(', ')}, ${call0})` : call0
    if (!isImport || (direct && direct.defined)) return call
    return this.normaliseReturn(call, fty.ret)
  }

  /**
   * BPF programs: each function's frame at a fixed address. BPF has no recursion and a CPU runs
   * one packet at a time on its own copy of the program (its own stack), so when the direct call
   * graph has no cycle, no function's address is taken and no frame grows (VLA), a function's
   * frame can sit below the deepest frame of any chain of callers: no $sp to move on entry and
   * restore in a finally on exit. The rewrite keeps every line (jsLineToSid) and the stack
   * overflow check. Stepping (hooks: 'statements') keeps moving frames, with their records.
   */
  private fixFrames(emitted: TFunction[], bodyLines: { text: string; sid: number }[][]): void {
    if (this.opts.target !== 'bpf' || this.opts.hooks === 'statements' || this.dynamicStack) return
    // depth of each function's frame: below every caller's (longest chain), by DFS post-order
    const order: TFunction[] = []
    const state = new Map<TFunction, 1 | 2>()
    const visit = (f: TFunction): boolean => {
      const st = state.get(f)
      if (st === 2) return true
      if (st === 1) return false // a cycle
      state.set(f, 1)
      for (const g of this.frames.get(f)?.callees ?? []) if (!visit(g)) return false
      state.set(f, 2)
      order.push(f)
      return true
    }
    for (const f of emitted) if (!visit(f)) return
    const depth = new Map<TFunction, number>()
    for (let i = order.length - 1; i >= 0; i--) {
      // callers come before callees in reverse post-order
      const f = order[i]
      const d = (depth.get(f) ?? 0) + this.frames.get(f)!.size
      for (const g of this.frames.get(f)!.callees) if ((depth.get(g) ?? 0) < d) depth.set(g, d)
    }
    emitted.forEach((f, i) => {
      const info = this.frames.get(f)!
      if (info.lines.length !== 3) return
      const fp = `$ff${i}`
      this.fixedFrameDecls.push(`const ${fp} = $sp - ${(depth.get(f) ?? 0) + info.size};`)
      const lines = bodyLines[i]
      const [pro, tr, fin] = info.lines
      lines[pro].text = lines[pro].text.replace(/const \$fp = \$sp - \d+; if \(\$fp < \$lim\) \$stackOverflow\(\); \$sp = \$fp;/, `const $fp = ${fp}; if ($fp < $lim) $stackOverflow();`)
      lines[tr].text = lines[tr].text.replace(/try \{$/, '{')
      lines[fin].text = lines[fin].text.replace(/\} finally \{ \$sp = \$fp \+ \d+; \}$/, '}')
    })
  }

  /**
   * A BPF program's helper call whose first argument is the address of a global (`&map`, as the
   * verifier requires of a map argument): the call goes through a per-site binding made once at
   * instantiation ($bindImp), which the runner may specialise for that map, as the kernel's
   * verifier rewrites an ARRAY lookup into inline code. The call still passes the address, so the
   * plain import can stand in for the binding.
   */
  private boundCallee(name: string, first: TExpr | undefined): string | null {
    if (this.opts.target !== 'bpf' || !first) return null
    let x = first
    while (x.k === 'cast' && x.ty.k === 'ptr') x = x.e
    if (x.k !== 'addr' || x.e.k !== 'var' || x.e.sym.storage !== 'global' || x.e.sym.helperImport) return null
    const off = this.varOff.get(x.e.sym)
    if (off === undefined) return null
    const addr = off === 0 ? '$D' : `$D + ${off}`
    const id = `${name}|${off}`
    let site = this.boundSites.get(id)
    if (!site) {
      site = { js: `$b${this.boundSites.size}_${mangle(name)}`, name, addr }
      this.boundSites.set(id, site)
    }
    return site.js
  }

  private normaliseReturn(js: string, t: CType): string {
    switch (rep(t)) {
      case 'void': return js
      case 'i32': return `(${js} | 0)`
      case 'u32': return `(${js} >>> 0)`
      case 'i8': return `(${js} << 24 >> 24)`
      case 'u8': return `(${js} & 255)`
      case 'bool': return `(${js} ? 1 : 0)`
      case 'i16': return `(${js} << 16 >> 16)`
      case 'u16': return `(${js} & 65535)`
      case 'i64': return `$ni64(${js})`
      case 'u64': return `$nu64(${js})`
      case 'ptr': return `$np(${js})`
      case 'f32': return `Math.fround(+${js})`
      case 'f64': return `(+${js})`
      default: return js
    }
  }

  private stmtExpr(e: Extract<TExpr, { k: 'stmtexpr' }>): string {
    const saved = this.lines.length
    const savedIndent = this.indent
    this.fnDepth++
    this.indent = 0
    const visible = this.scope.length
    this.genList(e.body)
    this.scope.length = visible
    const inner = this.lines.splice(saved).map((l) => l.text.trim())
    let result = ''
    if (e.result) result = e.ty.k === 'void' ? `${this.g(e.result, true)}; return;` : `return ${this.g(e.result)};`
    this.fnDepth--
    this.indent = savedIndent
    return `(() => { ${[...inner, result].join(' ')} })()`
  }

  private builtin(e: Extract<TExpr, { k: 'builtin' }>, discard = false): string {
    const a = e.args
    const n = (x: TExpr) => (isBig(rep(x.ty)) ? (x.k === 'int' ? `${Number(x.v)}` : `Number(${this.g(x)})`) : this.g(x))
    switch (e.name) {
      case '__builtin_bswap16': this.helpers.add('bswap'); return `$bswap16(${this.g(a[0])})`
      case '__builtin_bswap32': this.helpers.add('bswap'); return `$bswap32(${this.g(a[0])})`
      case '__builtin_bswap64': this.helpers.add('bswap'); return `$bswap64(${this.g(a[0])})`
      case '__builtin_memcpy': case '__builtin_memmove': return `$memcpy(${this.g(a[0])}, ${this.g(a[1])}, ${n(a[2])})`
      case '__builtin_memset': return `$memset(${this.g(a[0])}, ${this.g(a[1])}, ${n(a[2])})`
      case '__builtin_memcmp': return `$memcmp(${this.g(a[0])}, ${this.g(a[1])}, ${n(a[2])})`
      case '__builtin_strlen': return `BigInt($strlen(${this.g(a[0])}))`
      case '__builtin_unreachable': case '__builtin_trap': return '$fault("SIGILL", "illegal instruction")'
      case '__builtin_abort': return '$fault("SIGABRT", "abort")'
      case '__builtin_clz': return `Math.clz32(${this.g(a[0])})`
      case '__builtin_ctz': this.helpers.add('bits'); return `$ctz32(${this.g(a[0])})`
      case '__builtin_popcount': this.helpers.add('bits'); return `$pop32(${this.g(a[0])})`
      case '__builtin_ffs': this.helpers.add('bits'); return `((${this.g(a[0])}) === 0 ? 0 : $ctz32(${this.g(a[0])}) + 1)`
      case '__builtin_clzl': case '__builtin_clzll': this.helpers.add('bits'); return `$clz64(${this.g(a[0])})`
      case '__builtin_ctzl': case '__builtin_ctzll': this.helpers.add('bits'); return `$ctz64(${this.g(a[0])})`
      case '__builtin_popcountl': case '__builtin_popcountll': this.helpers.add('bits'); return `$pop64(${this.g(a[0])})`
      case '__builtin_abs': return `(Math.abs(${this.g(a[0])}) | 0)`
      case '__builtin_labs': {
        const t = this.temp('i64')
        return `(${t} = ${this.g(a[0])}, BigInt.asIntN(64, ${t} < 0n ? -${t} : ${t}))`
      }
      case '__sync_synchronize': case '__atomic_thread_fence': case '__atomic_signal_fence': return 'undefined'
    }
    return this.atomic(e, discard)
  }

  /**
   * A JS number expression equal, modulo 2^64, to the 64-bit integer expression e, when one is as
   * cheap as its BigInt; else null. (An integer: within +-2^53 unless numRange says otherwise.)
   */
  private num64(e: TExpr): string | null {
    return this.numRange(e) === null ? null : this.numOf(e)
  }

  /** The range of the number num64 gives for e (null: none). */
  private numRange(e: TExpr): Range | null {
    return numRange(e, this.numLocals)
  }

  /** num64 of an expression that numRange accepts. */
  private numOf(e: TExpr): string {
    switch (e.k) {
      case 'int': {
        const v = BigInt.asIntN(64, e.v)
        return `${v < 0n ? `(${v})` : v}`
      }
      case 'pdiff': {
        const d = `(${this.g(e.l)} - ${this.g(e.r)})`
        return e.size === 1 ? d : `Math.trunc(${d} / ${e.size})`
      }
      // a 32-bit or narrower integer: its number, sign-extended or not as the conversion does
      case 'cast': return isBig(rep(e.e.ty)) ? this.numOf(e.e) : `(${this.g(e.e)})`
      case 'var': {
        const name = this.regNames.get(e.sym)
        if (name === undefined || !this.numLocals.has(e.sym)) this.fail(e.pos, `internal: '${e.sym.name}' is not a number local`)
        return name
      }
      case 'cond': return `(${this.c(e.c)} ? ${this.numOf(e.t)} : ${this.numOf(e.f)})`
      case 'comma': return `(${this.g(e.l, true)}, ${this.numOf(e.r)})`
      default: this.fail(e.pos, `internal: no number form for '${e.k}'`)
    }
  }

  /** A number local's value as the bigint of its C type (wrapped only when its numbers can leave that type's range). */
  private bigOfLocal(v: VarSym): string {
    const name = this.regNames.get(v)!
    const rg = this.numLocals.get(v)!
    const signed = rep(v.type) === 'i64'
    const fits = signed ? rg.lo >= -TWO63 && rg.hi < TWO63 : rg.lo >= 0 && rg.hi < TWO64
    return fits ? `BigInt(${name})` : `BigInt.as${signed ? 'Int' : 'Uint'}N(64, BigInt(${name}))`
  }

  /**
   * A cast of a number-valued 64-bit expression to an integer type of 32 bits or less, as number
   * operations (ToInt32 / ToUint32 take any integer number exactly modulo 2^32), or to a floating
   * type when the number is the C value itself. null: not that.
   */
  private narrowNum(e: TExpr, to: CType): string | null {
    const tr = rep(to)
    const fr = rep(e.ty)
    if (!isBig(fr)) return null
    const rg = this.numRange(e)
    if (rg === null) return null
    if (tr === 'f64' || tr === 'f32') {
      // a safe number (non-negative, for an unsigned type) is exactly the C value
      if (!isSafe(rg) || (fr === 'u64' && rg.lo < 0)) return null
      return tr === 'f32' ? `Math.fround(${this.numOf(e)})` : `(${this.numOf(e)})`
    }
    if (!(tr === 'i8' || tr === 'u8' || tr === 'i16' || tr === 'u16' || tr === 'i32' || tr === 'u32')) return null
    return truncateNum(this.numOf(e), tr)
  }

  /**
   * BPF's `lock xadd`: a 64-bit __sync/__atomic add or sub, its result unused, of an addend with
   * a number form (num64), to be done by $xadd64(p, x) (the host's 64-bit add, or two 32-bit
   * words with the carry). null for anything else.
   */
  private xaddParts(e: Extract<TExpr, { k: 'builtin' }>): { p: string; x: string } | null {
    if (this.opts.target !== 'bpf' || !e.elem || sizeOf(e.elem) !== 8 || rep(e.elem) === 'ptr') return null
    const m = /^__(?:sync_fetch_and_|atomic_fetch_)(add|sub)$|^__(?:sync_|atomic_)(add|sub)(?:_and)?_fetch$/.exec(e.name)
    if (!m) return null
    const x = this.num64(e.args[1])
    if (x === null) return null
    this.helpers.add('atomics')
    this.helpers.add('xadd64')
    return { p: this.g(e.args[0]), x: (m[1] ?? m[2]) === 'sub' ? `-${x}` : x }
  }

  private atomic(e: Extract<TExpr, { k: 'builtin' }>, discard: boolean): string {
    this.helpers.add('atomics')
    const elem = e.elem!
    const r = rep(elem)
    const size = sizeOf(elem)
    const sh = Math.log2(size)
    const arr = r === 'ptr' ? '$U64' : `$${isSignedNum(r) || r === 'i64' ? 'I' : 'U'}${size * 8}`
    const a = e.args
    const idx = `$ax(${this.g(a[0])}, ${sh})`
    const toArr = (js: string) => (r === 'ptr' ? `BigInt(${js})` : js)
    const fromArr = (js: string) => (r === 'ptr' ? `Number(${js})` : js)
    const name = e.name
    // __sync_fetch_and_OP / __sync_OP_and_fetch / __atomic_fetch_OP / __atomic_OP_fetch
    const m = /^__(?:sync_fetch_and_|atomic_fetch_)(add|sub|or|and|xor)$|^__(?:sync_|atomic_)(add|sub|or|and|xor)(?:_and)?_fetch$/.exec(name)
    const op = m ? (m[1] ?? m[2]) : ''
    const fetchFirst = !!m && m[1] !== undefined
    const binOf: Record<string, BinOp> = { add: '+', sub: '-', or: '|', and: '&', xor: '^' }
    switch (name) {
      case '__sync_lock_release': return `Atomics.store(${arr}, ${idx}, ${toArr(zeroOf(r === 'ptr' ? 'i32' : r))})`
      case '__sync_val_compare_and_swap': return fromArr(`Atomics.compareExchange(${arr}, ${idx}, ${toArr(this.g(a[1]))}, ${toArr(this.g(a[2]))})`)
      case '__sync_bool_compare_and_swap': {
        const t = this.temp(r === 'ptr' ? 'i64' : r)
        return `(${t} = ${toArr(this.g(a[1]))}, Atomics.compareExchange(${arr}, ${idx}, ${t}, ${toArr(this.g(a[2]))}) === ${t} ? 1 : 0)`
      }
      case '__atomic_load_n': return fromArr(`Atomics.load(${arr}, ${idx})`)
      case '__atomic_store_n': return `Atomics.store(${arr}, ${idx}, ${toArr(this.g(a[1]))})`
      case '__atomic_exchange_n': case '__sync_lock_test_and_set': return fromArr(`Atomics.exchange(${arr}, ${idx}, ${toArr(this.g(a[1]))})`)
      case '__atomic_compare_exchange_n': {
        // old = CAS(p, *expected, desired); if (old != *expected) *expected = old
        const ep = this.temp('ptr')
        const ex = this.temp(r === 'ptr' ? 'i64' : r)
        const old = this.temp(r === 'ptr' ? 'i64' : r)
        const ea: Addr = { base: ep, off: 0 }
        return `(${ep} = ${this.g(a[1])}, ${ex} = ${toArr(this.load(elem, ea))}, ${old} = Atomics.compareExchange(${arr}, ${idx}, ${ex}, ${toArr(this.g(a[2]))}), ${old} === ${ex} ? 1 : (${this.store(elem, ea, fromArr(old))}, 0))`
      }
    }
    if (!op) this.fail(e.pos, `unsupported builtin '${name}'`)
    const xadd = discard ? this.xaddParts(e) : null
    if (xadd) return `$xadd64(${xadd.p}, ${xadd.x})`
    const v = this.g(a[1])
    if (fetchFirst) return fromArr(`Atomics.${op}(${arr}, ${idx}, ${toArr(v)})`)
    // op-and-fetch: the new value, computed from the old one
    const t = this.temp(r === 'ptr' ? 'i64' : r)
    const p = promoteRep(elem)
    const oldJs = fromArr(`Atomics.${op}(${arr}, ${idx}, ${toArr(t)})`)
    const newVal = this.conv(this.bin(binOf[op], this.conv(oldJs, elem, p), this.conv(t, elem, p), p, null), p, elem)
    return `(${t} = ${v}, ${newVal})`
  }
}

/**
 * An integer number expression truncated to an integer type of 32 bits or less, as C converts
 * (ToInt32 / ToUint32 take any integer number exactly modulo 2^32); null for other types.
 */
function truncateNum(js: string, to: Rep): string | null {
  switch (to) {
    case 'i8': return `(${js} << 24 >> 24)`
    case 'u8': return `(${js} & 255)`
    case 'i16': return `(${js} << 16 >> 16)`
    case 'u16': return `(${js} & 65535)`
    case 'i32': return `(${js} | 0)`
    case 'u32': return `(${js} >>> 0)`
    default: return null
  }
}

// --- 64-bit locals held as numbers --------------------------------------------------------------------------------------

/**
 * The numbers a number-valued 64-bit expression can take (integers; +-Infinity: no bound). The
 * number n stands for the C value n mod 2^64 (read as the expression's type), so every consumer
 * that only needs the value mod 2^64 (a store, a 64-bit add to memory, a truncation to 32 bits,
 * BigInt.asUintN(64, BigInt(n))) is exact whatever the range; comparisons need safe ranges.
 */
interface Range {
  lo: number
  hi: number
}

const TWO53 = 2 ** 53
const TWO63 = 2 ** 63
const TWO64 = 2 ** 64
const UNBOUNDED: Range = { lo: -Infinity, hi: Infinity }

/** Every number in the range is a safe integer (so it equals its C value's signed reading). */
function isSafe(r: Range | null): r is Range {
  return r !== null && r.lo >= -TWO53 && r.hi <= TWO53
}

const SMALL_RANGE: Partial<Record<Rep, Range>> = {
  bool: { lo: 0, hi: 1 }, i8: { lo: -128, hi: 127 }, u8: { lo: 0, hi: 255 }, i16: { lo: -32768, hi: 32767 },
  u16: { lo: 0, hi: 65535 }, i32: { lo: -2147483648, hi: 2147483647 }, u32: { lo: 0, hi: 4294967295 },
}

/**
 * Range of the JS number that stands for the 64-bit integer expression e, or null when e has no
 * number form as cheap as its bigint: a constant within +-2^53, a pointer difference (pointers
 * are numbers: no bound is known), a 32-bit or narrower value widened, a number local (`locals`),
 * and ?: and comma of those. Codegen's numOf writes the matching JS.
 */
function numRange(e: TExpr, locals: ReadonlyMap<VarSym, Range>): Range | null {
  switch (e.k) {
    case 'int': {
      if (!isBig(rep(e.ty))) return null
      const v = BigInt.asIntN(64, e.v)
      return v >= -(2n ** 53n) && v <= 2n ** 53n ? { lo: Number(v), hi: Number(v) } : null
    }
    case 'pdiff': return UNBOUNDED
    case 'cast': {
      if (!isBig(rep(e.ty))) return null
      const from = rep(e.e.ty)
      if (isBig(from)) return numRange(e.e, locals)
      const r = SMALL_RANGE[from]
      if (!r) return null
      // a constant's number is itself (lit() writes it as is)
      if (e.e.k === 'int' && e.e.v >= -(2n ** 53n) && e.e.v <= 2n ** 53n) return { lo: Number(e.e.v), hi: Number(e.e.v) }
      return r
    }
    case 'var': return locals.get(e.sym) ?? null
    case 'cond': {
      const t = numRange(e.t, locals)
      const f = t && numRange(e.f, locals)
      return t && f ? { lo: Math.min(t.lo, f.lo), hi: Math.max(t.hi, f.hi) } : null
    }
    case 'comma': return numRange(e.r, locals)
    default: return null
  }
}

/**
 * The 64-bit integer locals of f that can be JS numbers: in a register (inRegister: not in
 * memory), never the target of a compound assignment or ++/--, and given only number-valued
 * values (numRange) by their initialiser and every `=`, possibly copied from each other. Each
 * gets the union of the ranges of those values and of 0 (a hoisted local starts at 0). The ranges
 * only grow and come from finitely many bounds, so the iteration ends.
 */
function numberLocals(f: TFunction, inRegister: (v: VarSym) => boolean): Map<VarSym, Range> {
  const writes = new Map<VarSym, TExpr[]>()
  for (const v of f.locals) {
    if (v.storage === 'local' && !v.hidden && !v.vlaCount && isBig(rep(v.type)) && inRegister(v)) writes.set(v, [])
  }
  const out = new Map<VarSym, Range>()
  if (writes.size === 0) return out
  const denied = new Set<VarSym>()
  const target = (l: TExpr) => (l.k === 'var' && writes.has(l.sym) ? l.sym : null)
  const visitor: TreeVisitor = {
    expr(e) {
      if (e.k === 'assign') {
        const v = target(e.l)
        if (v) writes.get(v)!.push(e.r)
      } else if (e.k === 'opassign' || e.k === 'incdec') {
        const v = target(e.l)
        if (v) denied.add(v)
      } else if (e.k === 'addr') {
        const v = target(e.e)
        if (v) denied.add(v)
      }
    },
    stmt(s) {
      if (s.k !== 'decl') return
      const w = writes.get(s.sym)
      if (!w || !s.init) return
      if (s.init.items.length > 1) denied.add(s.sym)
      else if (s.init.items.length === 1) w.push(s.init.items[0].e)
    },
  }
  for (const s of f.body) walkStmt(s, visitor)
  for (const v of writes.keys()) if (!denied.has(v)) out.set(v, { lo: 0, hi: 0 })
  for (let changed = true; changed; ) {
    changed = false
    for (const [v, r] of out) {
      let lo = r.lo
      let hi = r.hi
      let ok = true
      for (const src of writes.get(v)!) {
        const sr = numRange(src, out)
        if (!sr) {
          ok = false
          break
        }
        lo = Math.min(lo, sr.lo)
        hi = Math.max(hi, sr.hi)
      }
      if (!ok) out.delete(v)
      else if (lo !== r.lo || hi !== r.hi) out.set(v, { lo, hi })
      else continue
      changed = true
    }
  }
  return out
}

// --- helpers ------------------------------------------------------------------------------------------------------------

/** `BigInt.asUintN(64, x)` -> `x` where the consumer (a 64-bit DataView store) wraps anyway. */
/** `X` when `v` is exactly `${open}X)` (the call's parentheses enclose the whole expression), else null. */
function wholeCall(v: string, open: string): string | null {
  if (!v.startsWith(open) || !v.endsWith(')')) return null
  let depth = 1
  for (let i = open.length; i < v.length; i++) {
    const c = v[i]
    if (c === '(') depth++
    else if (c === ')' && --depth === 0) return i === v.length - 1 ? v.slice(open.length, -1) : null
  }
  return null
}

/** A 64-bit literal as a JS number expression, when it is one exactly (|v| <= 2^53). */
function numberLiteral(v: bigint): string | null {
  const n = BigInt.asIntN(64, v)
  return n >= -(2n ** 53n) && n <= 2n ** 53n ? `${n}` : null
}

function unwrap64(v: string): string {
  const m = /^BigInt\.as(?:U)?intN\(64, /i.exec(v)
  if (!m || !v.endsWith(')')) return v
  // the wrapper's parentheses must enclose the whole expression
  let depth = 0
  for (let i = m[0].length - 5; i < v.length; i++) {
    const c = v[i]
    if (c === '(') depth++
    else if (c === ')' && --depth === 0) return i === v.length - 1 ? v.slice(m[0].length, -1) : v
  }
  return v
}

function toBig(n: number | bigint): bigint {
  return typeof n === 'bigint' ? n : BigInt(Math.trunc(n))
}

function maskNum(width: number): string {
  return width >= 32 ? '4294967295' : `${2 ** width - 1}`
}

function unitFor(shift: number, width: number): 1 | 2 | 4 | 8 {
  const bytes = Math.ceil((shift + width) / 8)
  return bytes <= 1 ? 1 : bytes <= 2 ? 2 : bytes <= 4 ? 4 : 8
}

/** The promoted arithmetic type of an integer type (char/short -> int). */
function promoteRep(t: CType): CType {
  const r = rep(t)
  if (r === 'i8' || r === 'u8' || r === 'i16' || r === 'u16' || r === 'bool') return T.int
  if (r === 'ptr') return T.ulong
  return t
}

function varCode(t: CType): string {
  switch (rep(t)) {
    case 'u32': return 'u'
    case 'i64': return 'l'
    case 'u64': return 'L'
    case 'ptr': case 'rec': return 'p'
    case 'f32': case 'f64': return 'd'
    default: return 'i'
  }
}

/** JS-safe spelling of a C identifier (letters, digits, _; anything else as $xx). */
export function mangle(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/gu, (c) => '$' + c.codePointAt(0)!.toString(16))
}

/** Could evaluating this expression change memory or call something? */
function hasSideEffects(e: TExpr): boolean {
  switch (e.k) {
    case 'int': case 'flt': case 'str': case 'var': case 'func': return false
    case 'call': case 'assign': case 'opassign': case 'incdec': case 'stmtexpr': case 'compound': case 'builtin': return true
    case 'deref': case 'addr': case 'cast': case 'not': case 'neg': case 'bitnot': return hasSideEffects(e.e)
    case 'member': return hasSideEffects(e.e)
    case 'bin': case 'cmp': case 'land': case 'lor': case 'pdiff': case 'comma': return hasSideEffects(e.l) || hasSideEffects(e.r)
    case 'padd': return hasSideEffects(e.p) || hasSideEffects(e.i)
    case 'cond': return hasSideEffects(e.c) || hasSideEffects(e.t) || hasSideEffects(e.f)
  }
}

function collectGotos(s: TStmt, out = new Set<string>()): Set<string> {
  switch (s.k) {
    case 'goto': out.add(s.label); break
    case 'block': for (const x of s.body) collectGotos(x, out); break
    case 'if': collectGotos(s.t, out); if (s.f) collectGotos(s.f, out); break
    case 'while': case 'do': case 'switch': collectGotos(s.body, out); break
    case 'for': for (const x of s.init) collectGotos(x, out); collectGotos(s.body, out); break
    case 'case': case 'default': case 'label': collectGotos(s.body, out); break
    default: break
  }
  return out
}

function firstSid(s: TStmt): number | undefined {
  switch (s.k) {
    case 'empty': return undefined
    case 'block': for (const x of s.body) { const r = firstSid(x); if (r !== undefined) return r } return undefined
    case 'label': return firstSid(s.body)
    default: return s.sid
  }
}

/** Can control reach the end of this list (so a default `return` is needed)? Conservative. */
function fallsThrough(list: TStmt[]): boolean {
  const last = list[list.length - 1]
  if (!last) return true
  if (last.k === 'return') return false
  return true
}
