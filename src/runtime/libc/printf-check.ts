/**
 * gcc 12's -Wformat checking of printf-family calls with a literal format, producing the same
 * warning texts (C locale quotes) in the same order, so bpfplay's compiler diagnostics match a
 * real `gcc -Wall` run. This is a port of the printf part of gcc's c-family/c-format.cc: the
 * conversion table (print_char_table), flag rules, length modifiers, $-operand bookkeeping and
 * the type compatibility rules of check_format_types (signedness differences are accepted, any
 * pointer goes for %p, char/signed char/unsigned char for %s).
 *
 * Argument types are given as gcc spells them after the default argument promotions ('int',
 * 'long unsigned int', 'char *', 'struct foo *'); a typedef name comes with `aka`, its canonical
 * spelling ({ cType: '__u64', aka: 'long long unsigned int' }), and is printed as gcc prints it.
 * Unpromoted small types ('char', 'short int', '_Bool', 'float') are promoted here.
 */
import type { VarArgCode } from '../../lang/abi'

export interface FormatArg {
  code: VarArgCode
  /** The argument's type as gcc names it (a typedef name when the expression has one). */
  cType: string
  /** The canonical type when cType is a typedef name ('long unsigned int' for size_t). */
  aka?: string
}

export interface FormatWarning {
  message: string
  /** gcc's option tag, printed as "[-Wformat=]". */
  option: '-Wformat=' | '-Wformat-extra-args' | '-Wformat-zero-length' | '-Wformat-contains-nul'
  /**
   * Where gcc puts the caret: 'char' = the format string byte at `offset`; 'format' = the start
   * of the format string literal; 'call' = the call expression.
   */
  at: 'char' | 'format' | 'call'
  offset: number
}

/** The gcc -Wformat messages for printf(format, args...), format being argument formatArgNumber. */
export function checkFormat(format: string, args: readonly FormatArg[], formatArgNumber = 1): string[] {
  return checkFormatDetailed(format, args, formatArgNumber).map((w) => w.message)
}

// ---- the conversion table ------------------------------------------------------------------

/** Length modifiers in gcc's FMT_LEN order. */
const enum Len {
  none, hh, h, l, ll, L, z, t, j, H, D, DD,
}

type IntRank = 'char' | 'short' | 'int' | 'long' | 'llong' | 'bool'

/** A type a conversion wants (gcc's format_type_detail). */
interface Wanted {
  /** Printed name without the pointer suffix: gcc's wanted_type_name, or %T of the type. */
  name: string
  /** gcc prints a wanted_type_name verbatim; an unnamed type is promoted first when not behind a pointer. */
  named: boolean
  kind: 'int' | 'float' | 'void' | 'char' | 'wchar'
  rank?: IntRank
  unsigned?: boolean
}

const int = (name: string, rank: IntRank, unsigned: boolean, named = false): Wanted => ({ name, named, kind: 'int', rank, unsigned })
const flt = (name: string, named = false): Wanted => ({ name, named, kind: 'float' })
const T_I = int('int', 'int', false)
const T_UI = int('unsigned int', 'int', true)
const T_SC = int('signed char', 'char', false)
const T_UC = int('unsigned char', 'char', true)
const T_S = int('short int', 'short', false)
const T_US = int('short unsigned int', 'short', true)
const T_L = int('long int', 'long', false)
const T_UL = int('long unsigned int', 'long', true)
const T_LL = int('long long int', 'llong', false)
const T_ULL = int('long long unsigned int', 'llong', true)
const T_SST = int('signed size_t', 'long', false, true)
const T_ST = int('size_t', 'long', true, true)
const T_PD = int('ptrdiff_t', 'long', false, true)
const T_UPD = int('unsigned ptrdiff_t', 'long', true, true)
const T_IM = int('intmax_t', 'long', false, true)
const T_UIM = int('uintmax_t', 'long', true, true)
const T_WI = int('wint_t', 'int', true, true)
const T_W: Wanted = { name: 'wchar_t', named: true, kind: 'wchar', rank: 'int', unsigned: false }
const T_D = flt('double')
const T_LD = flt('long double')
const T_D32 = flt('_Decimal32', true)
const T_D64 = flt('_Decimal64', true)
const T_D128 = flt('_Decimal128', true)
const T_C: Wanted = { name: 'char', named: false, kind: 'char', rank: 'char' }
const T_V: Wanted = { name: 'void', named: false, kind: 'void' }
const BAD = null

interface ConvInfo {
  pointerCount: number
  types: (Wanted | null)[] // by Len
  flags: string // allowed flag chars; 'w' width, 'p' precision
  flags2: string // 'i' integer, 'c' char-lenient, 'R' reads, 'W' writes
}

const INT_TYPES = [T_I, T_SC, T_S, T_L, T_LL, T_LL, T_SST, T_PD, T_IM, BAD, BAD, BAD]
const UINT_TYPES = [T_UI, T_UC, T_US, T_UL, T_ULL, T_ULL, T_ST, T_UPD, T_UIM, BAD, BAD, BAD]
const FLOAT_TYPES = [T_D, BAD, BAD, T_D, BAD, T_LD, BAD, BAD, BAD, T_D32, T_D64, T_D128]
const only = (t: Wanted): (Wanted | null)[] => [t, BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD]

const CONVERSIONS = new Map<string, ConvInfo>()
function conv(chars: string, pointerCount: number, types: (Wanted | null)[], flags: string, flags2: string): void {
  for (const c of chars) CONVERSIONS.set(c, { pointerCount, types, flags, flags2 })
}
conv('di', 0, INT_TYPES, "-wp0 +'I", 'i')
conv('oxX', 0, UINT_TYPES, '-wp0#', 'i')
conv('u', 0, UINT_TYPES, "-wp0'I", 'i')
conv('fgG', 0, FLOAT_TYPES, "-wp0 +#'I", '')
conv('eE', 0, FLOAT_TYPES, '-wp0 +#I', '')
conv('c', 0, [T_I, BAD, BAD, T_WI, BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD], '-w', '')
conv('s', 1, [T_C, BAD, BAD, T_W, BAD, BAD, BAD, BAD, BAD, BAD, BAD, BAD], '-wp', 'cR')
conv('p', 1, only(T_V), '-w', 'c')
conv('n', 1, [T_I, T_SC, T_S, T_L, T_LL, BAD, T_SST, T_PD, T_IM, BAD, BAD, BAD], '', 'W')
conv('F', 0, FLOAT_TYPES, "-wp0 +#'I", '')
conv('aA', 0, FLOAT_TYPES, '-wp0 +#', '')
conv('bB', 0, UINT_TYPES, '-wp0#', 'i')
conv('C', 0, only(T_WI), '-w', '')
conv('S', 1, only(T_W), '-wp', 'R')
conv('m', 0, only(T_V), '-wp', '')

const FLAG_CHARS = " +#0-'I"
const FLAG_NAMES: Record<string, string> = {
  ' ': "' ' flag", '+': "'+' flag", '#': "'#' flag", '0': "'0' flag", '-': "'-' flag", "'": "''' flag", I: "'I' flag",
  w: 'field width', p: 'precision',
}
/** gcc's printf_flag_pairs: [flag1, flag2, predicate on flags2]. All are "ignored" pairs. */
const FLAG_PAIRS: [string, string, string][] = [
  [' ', '+', ''],
  ['0', '-', ''],
  ['0', 'p', 'i'],
]

// ---- argument types -------------------------------------------------------------------------

type Parsed =
  | { kind: 'int'; rank: IntRank; unsigned: boolean; spelling: string }
  | { kind: 'float'; spelling: string }
  | { kind: 'ptr'; pointee: string; pointeeConst: boolean }
  | { kind: 'void' }
  | { kind: 'other' }

const QUALIFIERS = new Set(['const', 'volatile', 'restrict', '__restrict', '__restrict__', '_Atomic'])

/** The builtin arithmetic type these words name, in gcc's spelling, or null. */
function arithmeticSpelling(words: string[]): Parsed | null {
  let longs = 0
  let unsigned = false
  let signed = false
  let short = false
  let char = false
  let intWord = false
  let dbl = false
  let flt = false
  let bool = false
  for (const w of words) {
    switch (w) {
      case 'long': longs++; break
      case 'unsigned': unsigned = true; break
      case 'signed': signed = true; break
      case 'short': short = true; break
      case 'char': char = true; break
      case 'int': intWord = true; break
      case 'double': dbl = true; break
      case 'float': flt = true; break
      case '_Bool': case 'bool': bool = true; break
      default: return null
    }
  }
  if (dbl) return { kind: 'float', spelling: longs > 0 ? 'long double' : 'double' }
  if (flt) return { kind: 'float', spelling: 'float' }
  if (bool) return { kind: 'int', rank: 'bool', unsigned: true, spelling: '_Bool' }
  if (char) return { kind: 'int', rank: 'char', unsigned, spelling: unsigned ? 'unsigned char' : signed ? 'signed char' : 'char' }
  if (!(unsigned || signed || short || longs || intWord)) return null
  const u = unsigned ? ' unsigned' : ''
  if (short) return { kind: 'int', rank: 'short', unsigned, spelling: `short${u} int` }
  if (longs >= 2) return { kind: 'int', rank: 'llong', unsigned, spelling: `long long${u} int` }
  if (longs === 1) return { kind: 'int', rank: 'long', unsigned, spelling: `long${u} int` }
  return { kind: 'int', rank: 'int', unsigned, spelling: unsigned ? 'unsigned int' : 'int' }
}

function parseType(type: string): Parsed {
  let t = type.replace(/\s+/g, ' ').trim()
  // qualifiers of the outermost level (after the last '*') do not change the type
  for (;;) {
    const m = /^(.*?)\s*\b(const|volatile|restrict|__restrict|__restrict__|_Atomic)$/.exec(t)
    if (!m || !m[1].endsWith('*')) break
    t = m[1]
  }
  if (t.endsWith('*')) {
    const pointee = t.slice(0, -1).trim()
    // the pointee's own qualifiers are those after its last '*' (or all of it when it is not a pointer)
    const top = pointee.slice(pointee.lastIndexOf('*') + 1).split(' ')
    return { kind: 'ptr', pointee, pointeeConst: top.includes('const') }
  }
  if (t.includes('(*')) return { kind: 'ptr', pointee: '(function)', pointeeConst: false }
  const words = t.split(' ').filter((w) => !QUALIFIERS.has(w))
  if (words.length === 1 && words[0] === 'void') return { kind: 'void' }
  return arithmeticSpelling(words) ?? { kind: 'other' }
}

/** An argument as gcc sees it after the default promotions: what to print and what to match. */
interface ArgType {
  display: string // with quotes and {aka ...}
  typedefName: string | null
  canonical: string
  parsed: Parsed
}

const CODE_TYPES: Record<VarArgCode, string> = { i: 'int', u: 'unsigned int', l: 'long int', L: 'long unsigned int', p: 'void *', d: 'double' }

function argType(a: FormatArg): ArgType {
  const given = a.cType.trim() || CODE_TYPES[a.code]
  const canonical = a.aka?.trim() || given
  // enums promote to their underlying type, unsigned int unless an enumerator is negative
  if (/^(const |volatile )*enum\b[^*]*$/.test(canonical)) return argType({ code: a.code, cType: 'unsigned int' })
  const parsed = parseType(canonical)
  if (parsed.kind === 'int' && (parsed.rank === 'char' || parsed.rank === 'short' || parsed.rank === 'bool')) {
    return { display: "'int'", typedefName: null, canonical: 'int', parsed: { kind: 'int', rank: 'int', unsigned: false, spelling: 'int' } }
  }
  if (parsed.kind === 'float' && parsed.spelling === 'float') {
    return { display: "'double'", typedefName: null, canonical: 'double', parsed: { kind: 'float', spelling: 'double' } }
  }
  const spelled = gccSpelling(canonical)
  if (a.aka && a.aka.trim() !== given) return { display: `'${given}' {aka '${spelled}'}`, typedefName: given, canonical: spelled, parsed }
  return { display: `'${spelled}'`, typedefName: null, canonical: spelled, parsed }
}

/** Builtin type words in gcc's order ('unsigned long' -> 'long unsigned int'), pointers kept. */
function gccSpelling(type: string): string {
  const t = type.replace(/\s+/g, ' ').trim()
  const m = /^((?:(?:const|volatile) )*)([a-zA-Z_ ]+?)((?: ?\*(?: ?(?:const|volatile|restrict))*)*)$/.exec(t)
  if (!m) return t
  const arith = arithmeticSpelling(m[2].trim().split(' '))
  if (!arith || arith.kind === 'ptr' || arith.kind === 'void' || arith.kind === 'other') return t
  const stars = m[3].replace(/^ ?\*/, ' *')
  return `${m[1]}${arith.spelling}${stars}`
}

/** Does an argument of type `p` (one pointer level removed when wanted.pointerCount is 1) satisfy `w`? */
function compatible(w: Wanted, p: Parsed, charLenient: boolean): boolean {
  switch (w.kind) {
    case 'void':
      return true
    case 'float':
      return p.kind === 'float' && p.spelling === w.name
    case 'char':
      return p.kind === 'int' && p.rank === 'char' && charLenient
    case 'int':
    case 'wchar':
      return p.kind === 'int' && p.rank === w.rank
  }
}

/** What a conversion's type looks like in the message, promoted when not behind a pointer. */
function wantedDisplay(w: Wanted, pointerCount: number): string {
  if (pointerCount > 0) return `${w.name} *`
  if (!w.named && w.kind === 'int' && (w.rank === 'char' || w.rank === 'short')) return 'int'
  return w.name
}

function qc(code: number): string {
  return code >= 0x20 && code < 0x7f ? String.fromCharCode(code) : `\\x${code.toString(16).padStart(2, '0')}`
}

// ---- the checker ----------------------------------------------------------------------------

/** checkFormat with gcc's option names and caret positions. */
export function checkFormatDetailed(format: string, args: readonly FormatArg[], formatArgNumber = 1): FormatWarning[] {
  const bytes = /[^\x00-\xff]/.test(format) ? new TextEncoder().encode(format) : Uint8Array.from(format, (c) => c.charCodeAt(0))
  return new Checker(bytes, args, formatArgNumber).run()
}

class Stop {}

class Checker {
  private readonly out: FormatWarning[] = []
  private readonly firstArg: number
  private readonly argTypes: ArgType[]
  /** Index into args of the next sequential argument. */
  private next = 0
  /** -1 no operand-taking directive yet, 0 sequential, 1 $-numbered. */
  private hasOperandNumber = -1
  private readonly dollarUsed: boolean[]
  private dollarMax = 0
  private pos = 0

  constructor(
    private readonly fmt: Uint8Array,
    args: readonly FormatArg[],
    formatArgNumber: number,
  ) {
    this.firstArg = formatArgNumber + 1
    this.argTypes = args.map(argType)
    this.dollarUsed = new Array(args.length).fill(false)
  }

  private warn(message: string, at: FormatWarning['at'], offset = -1, option: FormatWarning['option'] = '-Wformat='): void {
    this.out.push({ message, option, at, offset })
  }

  private ch(i: number): number {
    return i < this.fmt.length ? this.fmt[i] : 0
  }

  run(): FormatWarning[] {
    const end = this.fmt.indexOf(0)
    const length = this.fmt.length
    if (length === 0) {
      this.warn('zero-length gnu_printf format string', 'format', -1, '-Wformat-zero-length')
      return this.out
    }
    try {
      this.directives()
    } catch (e) {
      if (e instanceof Stop) return this.out
      throw e
    }
    if (end >= 0) this.warn("embedded '\\0' in format", 'char', end, '-Wformat-contains-nul')
    if (this.hasOperandNumber > 0) {
      for (let i = 0; i < this.dollarMax; i++) {
        if (!this.dollarUsed[i]) this.warn(`format argument ${i + 1} unused before used argument ${this.dollarMax} in '$'-style format`, 'format')
      }
      if (this.dollarMax < this.argTypes.length) this.warn("unused arguments in '$'-style format", 'format', -1, '-Wformat-extra-args')
    } else if (this.next < this.argTypes.length) {
      this.warn('too many arguments for format', 'format', -1, '-Wformat-extra-args')
    }
    return this.out
  }

  /** gcc's maybe_read_dollar_number. Returns the operand number (1-based), 0 when none is written. */
  private readDollar(needed: boolean): number {
    let p = this.pos
    const isDigit = (c: number) => c >= 48 && c <= 57
    if (!isDigit(this.ch(p))) {
      if (needed) {
        this.warn('missing $ operand number in format', 'call')
        throw new Stop()
      }
      return 0
    }
    let n = 0
    let overflow = false
    while (isDigit(this.ch(p))) {
      n = n * 10 + (this.ch(p) - 48)
      if (n > 0x7fffffff) overflow = true
      p++
    }
    if (this.ch(p) !== 36) {
      if (needed) {
        this.warn('missing $ operand number in format', 'call')
        throw new Stop()
      }
      return 0
    }
    this.pos = p + 1
    if (overflow || n === 0 || n > this.argTypes.length) {
      this.warn('operand number out of range in format', 'call')
      throw new Stop()
    }
    this.dollarMax = Math.max(this.dollarMax, n)
    this.dollarUsed[n - 1] = true
    return n
  }

  /** gcc's avoid_dollar_number: digits then '$' after sequential directives. */
  private avoidDollar(): void {
    let p = this.pos
    if (!(this.ch(p) >= 48 && this.ch(p) <= 57)) return
    while (this.ch(p) >= 48 && this.ch(p) <= 57) p++
    if (this.ch(p) === 36) {
      this.warn("'$'operand number used after format without operand number", 'call')
      throw new Stop()
    }
  }

  /** The argument for a '*' (width or precision): its index, or -1 when missing. */
  private starArgument(): number {
    let index: number
    if (this.hasOperandNumber !== 0) {
      const n = this.readDollar(this.hasOperandNumber === 1)
      if (n > 0) {
        this.hasOperandNumber = 1
        return n - 1
      }
      this.hasOperandNumber = 0
    } else this.avoidDollar()
    index = this.next < this.argTypes.length ? this.next : -1
    if (index >= 0) this.next++
    return index
  }

  private directives(): void {
    const fmt = this.fmt
    for (;;) {
      const c = this.ch(this.pos)
      if (c === 0) return
      this.pos++
      if (c !== 37) continue
      if (this.ch(this.pos) === 0) {
        this.warn("spurious trailing '%' in format", 'char', this.pos - 1)
        continue
      }
      if (this.ch(this.pos) === 37) {
        this.pos++
        continue
      }
      this.directive(fmt)
    }
  }

  private directive(fmt: Uint8Array): void {
    const flags: string[] = [] // in order seen, 'w' and 'p' included
    let mainArg = 0 // $ operand number of the value, 0 = sequential
    if (this.hasOperandNumber !== 0) {
      const n = this.readDollar(false)
      if (n > 0) {
        this.hasOperandNumber = 1
        mainArg = n
      }
    } else this.avoidDollar()

    while (this.ch(this.pos) !== 0 && FLAG_CHARS.includes(String.fromCharCode(this.ch(this.pos)))) {
      const f = String.fromCharCode(this.ch(this.pos))
      if (flags.includes(f)) this.warn(`repeated ${FLAG_NAMES[f]} in format`, 'char', this.pos)
      else flags.push(f)
      this.pos++
    }

    // gcc names a '*' by the characters just before the parse position: '*' / '.*' (or '$' / '2$' after *n$)
    const checks: { what: string; index: number; offset: number }[] = []
    if (this.ch(this.pos) === 42) {
      flags.push('w')
      this.pos++
      const index = this.starArgument()
      checks.push({ what: `field width specifier '${String.fromCharCode(this.ch(this.pos - 1))}'`, index, offset: this.pos - 1 })
    } else {
      let found = false
      while (this.ch(this.pos) >= 48 && this.ch(this.pos) <= 57) {
        found = true
        this.pos++
      }
      if (found) flags.push('w')
    }
    if (this.ch(this.pos) === 46) {
      this.pos++
      flags.push('p')
      if (this.ch(this.pos) === 42) {
        this.pos++
        const index = this.starArgument()
        const text = String.fromCharCode(this.ch(this.pos - 2), this.ch(this.pos - 1))
        checks.push({ what: `field precision specifier '${text}'`, index, offset: this.pos - 1 })
      } else while (this.ch(this.pos) >= 48 && this.ch(this.pos) <= 57) this.pos++
    }

    const typeStart = this.pos
    let len = Len.none
    const c0 = String.fromCharCode(this.ch(this.pos))
    const c1 = String.fromCharCode(this.ch(this.pos + 1))
    switch (c0) {
      case 'h': len = c1 === 'h' ? Len.hh : Len.h; break
      case 'l': len = c1 === 'l' ? Len.ll : Len.l; break
      case 'q': len = Len.ll; break
      case 'L': len = Len.L; break
      case 'z': case 'Z': len = Len.z; break
      case 't': len = Len.t; break
      case 'j': len = Len.j; break
      case 'H': len = Len.H; break
      case 'D': len = c1 === 'D' ? Len.DD : Len.D; break
    }
    if (len !== Len.none) this.pos += (c0 === 'h' || c0 === 'l' || c0 === 'D') && c1 === c0 ? 2 : 1
    const lenText = String.fromCharCode(...fmt.subarray(typeStart, this.pos)) // as written: 'q' and 'Z' stay

    const convCode = this.ch(this.pos)
    if (convCode === 0 || convCode === 37) {
      this.warn('conversion lacks type at end of format', 'char', this.pos - 1)
      return
    }
    this.pos++
    const convChar = String.fromCharCode(convCode)
    const info = CONVERSIONS.get(convChar)
    if (!info) {
      this.warn(`unknown conversion type character '${qc(convCode)}' in format`, 'char', this.pos - 1)
      return
    }
    const convOffset = this.pos - 1

    // flags that do not apply to this conversion (they are then forgotten)
    const valid: string[] = []
    for (const f of flags) {
      if (!info.flags.includes(f)) this.warn(`${FLAG_NAMES[f]} used with '%${convChar}' gnu_printf format`, 'char', convOffset)
      else valid.push(f)
    }
    for (const [a, b, predicate] of FLAG_PAIRS) {
      if (!valid.includes(a) || !valid.includes(b)) continue
      if (predicate && !info.flags2.includes(predicate)) continue
      if (predicate) this.warn(`${FLAG_NAMES[a]} ignored with ${FLAG_NAMES[b]} and '%${convChar}' gnu_printf format`, 'format')
      else this.warn(`${FLAG_NAMES[a]} ignored with ${FLAG_NAMES[b]} in gnu_printf format`, 'format')
    }

    const wanted = info.types[len]
    if (!wanted) {
      this.warn(`use of '${lenText}' length modifier with '${convChar}' type character has either no effect or undefined behavior`, 'char', convOffset)
      this.next++ // gcc skips one argument
      return
    }

    // the value argument
    let valueIndex = -2 // -2: the conversion takes no argument
    if (info.pointerCount === 0 && wanted.kind === 'void') {
      if (mainArg !== 0) this.warn('operand number specified for format taking no argument', 'format')
    } else if (mainArg !== 0) valueIndex = mainArg - 1
    else {
      if (this.hasOperandNumber > 0) {
        this.warn('missing $ operand number in format', 'format')
        throw new Stop()
      }
      this.hasOperandNumber = 0
      valueIndex = this.next < this.argTypes.length ? this.next : -1
      this.next++
    }

    const spec = `%${String.fromCharCode(...fmt.subarray(typeStart, convOffset + 1))}`
    for (const w of checks) this.checkType(w.what, T_I, 0, false, false, w.index, w.offset)
    if (valueIndex !== -2) {
      this.checkType(`format '${spec}'`, wanted, info.pointerCount, info.flags2.includes('c'), info.flags2.includes('W'), valueIndex, convOffset)
    }
  }

  private checkType(what: string, w: Wanted, pointerCount: number, charLenient: boolean, writes: boolean, index: number, offset: number): void {
    const wantedText = wantedDisplay(w, pointerCount)
    if (index < 0 || index >= this.argTypes.length) {
      this.warn(`${what} expects a matching '${wantedText}' argument`, 'char', offset)
      return
    }
    const arg = this.argTypes[index]
    const argNumber = index + this.firstArg
    const p = arg.parsed
    let ok: boolean
    if (pointerCount > 0) {
      if (p.kind !== 'ptr') ok = false
      else {
        if (writes && p.pointeeConst) this.warn(`writing into constant object (argument ${argNumber})`, 'call')
        ok = w.kind === 'void' || compatible(w, parseType(p.pointee), charLenient)
      }
    } else ok = compatible(w, p, false)
    if (ok) return
    // gcc prints the canonical type when the typedef has the very name the format wants (a look-alike size_t)
    const display = w.named && arg.typedefName === w.name ? `'${arg.canonical}'` : arg.display
    this.warn(`${what} expects argument of type '${wantedText}', but argument ${argNumber} has type ${display}`, 'char', offset)
  }
}
