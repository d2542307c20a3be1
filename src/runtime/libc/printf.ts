/**
 * glibc 2.36's printf formatting, byte for byte, for compiled C programs. The format string and
 * %s arguments are read from the program's Memory as bytes; the result is the bytes printf would
 * write (the caller does the writing: stdout, a buffer for sprintf, ...).
 *
 * Arguments follow the x86-64 varargs ABI, not C's types: integer-class values (int, long,
 * pointers) and doubles travel in separate register files, so printf("%d %f", 1.5, 2) prints
 * "2 1.500000" as on real hardware (see RegisterArgs). The directive parser follows glibc's
 * (printf-parsemb.c): the same flags, widths, length modifiers and the same odd corners -
 * unknown conversions echoed back, positional (%2$d) arguments, "%" at the end of the format
 * failing with EINVAL, %lc/%ls failing with EILSEQ in the C locale for non-ASCII.
 */
import type { VarArgCode } from '../../lang/abi'
import { NULL_GUARD } from '../../lang/abi'
import { type Memory, SegvError, latin1OrUtf8 } from '../memory'
import { strerror } from './errno'
import { formatA, formatE, formatF, formatG, signBit } from './printf-float'

export { checkFormat, checkFormatDetailed, type FormatArg, type FormatWarning } from './printf-check'

export const EINVAL = 22
export const EILSEQ = 84
export const EOVERFLOW = 75

const INT_MAX = 0x7fffffff

/**
 * An integer-class argument as the 64-bit register (or stack slot) holding it: a non-negative
 * number below 2^53 (ints are zero-extended from 32 bits: gcc loads them with a 32-bit mov) or
 * an unsigned 64-bit bigint.
 */
export type RawInt = number | bigint

/** Where printf takes its variadic arguments from, in va_arg order. */
export interface ArgSource {
  nextInt(): RawInt
  nextDouble(): number
  /** Back to the first argument (glibc re-reads them all once it sees a positional directive). */
  rewind(): void
}

const scratch = new DataView(new ArrayBuffer(8))
function doubleToRaw(d: number): bigint {
  scratch.setFloat64(0, d, true)
  return scratch.getBigUint64(0, true)
}
function rawToDouble(r: RawInt): number {
  scratch.setBigUint64(0, typeof r === 'bigint' ? r : BigInt(r), true)
  return scratch.getFloat64(0, true)
}

function toRaw(code: number, v: unknown): RawInt {
  if (code === 108 /* l */ || code === 76 /* L */) return BigInt.asUintN(64, typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v))))
  if (typeof v === 'bigint') return BigInt.asUintN(64, v)
  const n = Number(v)
  if (code === 112 /* p */) return n >= 0 && n <= Number.MAX_SAFE_INTEGER ? Math.trunc(n) : BigInt.asUintN(64, BigInt(Math.trunc(n) || 0))
  return n >>> 0
}

/**
 * The arguments of a variadic call laid out as the x86-64 SysV ABI does: the first integer-class
 * arguments in the 6 general registers not taken by fixed parameters (printf's format takes one;
 * fprintf/sprintf/dprintf two; snprintf three), the first 8 doubles in xmm0-7, everything else on
 * the stack in call order. va_arg reads each kind from its own registers, then from the shared
 * stack area; a register nobody wrote reads as 0.
 */
export class RegisterArgs implements ArgSource {
  private readonly gp: RawInt[] = []
  private readonly fp: number[] = []
  private readonly stack: (RawInt | number)[] = []
  private readonly stackIsDouble: boolean[] = []
  private readonly gpCount: number
  private gi = 0
  private fi = 0
  private si = 0

  constructor(types: string, values: readonly unknown[], fixedIntArgs = 1) {
    this.gpCount = Math.max(0, 6 - fixedIntArgs)
    for (let i = 0; i < types.length; i++) {
      const code = types.charCodeAt(i)
      if (code === 100 /* d */) {
        const d = Number(values[i])
        if (this.fp.length < 8) this.fp.push(d)
        else this.pushStack(d, true)
      } else {
        const raw = toRaw(code, values[i])
        if (this.gp.length < this.gpCount) this.gp.push(raw)
        else this.pushStack(raw, false)
      }
    }
  }

  private pushStack(v: RawInt | number, isDouble: boolean): void {
    this.stack.push(v)
    this.stackIsDouble.push(isDouble)
  }

  nextInt(): RawInt {
    if (this.gi < this.gpCount) return this.gi < this.gp.length ? this.gp[this.gi++] : (this.gi++, 0)
    const i = this.si++
    if (i >= this.stack.length) return 0
    return this.stackIsDouble[i] ? doubleToRaw(this.stack[i] as number) : (this.stack[i] as RawInt)
  }

  nextDouble(): number {
    if (this.fi < 8) return this.fi < this.fp.length ? this.fp[this.fi++] : (this.fi++, 0)
    const i = this.si++
    if (i >= this.stack.length) return 0
    return this.stackIsDouble[i] ? (this.stack[i] as number) : rawToDouble(this.stack[i] as RawInt)
  }

  rewind(): void {
    this.gi = this.fi = this.si = 0
  }
}

export interface PrintfOptions {
  /** General registers taken by the fixed parameters: printf 1 (default), fprintf/sprintf/dprintf 2, snprintf 3. */
  fixedIntArgs?: number
  /** errno at the time of the call, for %m. */
  errno?: number
}

export interface PrintfResult {
  /** What printf writes (also when it fails: glibc keeps what it produced before the failure). */
  bytes: Uint8Array
  /** 0, or the errno of a failure (printf then returns -1): EINVAL, EILSEQ, EOVERFLOW. */
  error: number
}

/** printf(fmt, ...) for a call whose variadic arguments are `types`/`values` (abi.ts codes). */
export function formatPrintfEx(
  mem: Memory,
  fmtAddr: number,
  types: string | readonly VarArgCode[],
  values: readonly unknown[],
  opts: PrintfOptions = {},
): PrintfResult {
  const codes = typeof types === 'string' ? types : types.join('')
  return formatWithArgs(mem, fmtAddr, new RegisterArgs(codes, values, opts.fixedIntArgs ?? 1), opts.errno ?? 0)
}

/** The bytes printf(fmt, ...) writes (on failure: what it wrote before failing). */
export function formatPrintf(
  mem: Memory,
  fmtAddr: number,
  types: string | readonly VarArgCode[],
  values: readonly unknown[],
  opts: PrintfOptions = {},
): Uint8Array {
  return formatPrintfEx(mem, fmtAddr, types, values, opts).bytes
}

/** formatPrintf decoded as UTF-8, for tests and diagnostics. */
export function formatPrintfToString(
  mem: Memory,
  fmtAddr: number,
  types: string | readonly VarArgCode[],
  values: readonly unknown[],
  opts: PrintfOptions = {},
): string {
  return latin1OrUtf8(formatPrintf(mem, fmtAddr, types, values, opts))
}

/** One parsed directive, with glibc's field names (struct printf_info + printf_spec). */
interface Spec {
  start: number // address of the '%'
  end: number // address just after the conversion character
  dataArg: number // argument index (positional mode), -1 none
  widthArg: number // '*': argument index in positional mode, -2 = '*' in sequential mode; -1 none
  precArg: number
  explicitPositional: boolean
  width: number
  prec: number // -1: none
  alt: boolean
  space: boolean
  left: boolean
  showsign: boolean
  group: boolean
  i18n: boolean
  pad0: boolean
  isLongDouble: boolean
  isLong: boolean
  isShort: boolean
  isChar: boolean
  conv: number // conversion character; 0 when the format ended inside the directive
  overflow: boolean // a width or precision above INT_MAX
}

function newSpec(): Spec {
  return {
    start: 0, end: 0, dataArg: -1, widthArg: -1, precArg: -1, explicitPositional: false, width: 0, prec: -1,
    alt: false, space: false, left: false, showsign: false, group: false, i18n: false, pad0: false,
    isLongDouble: false, isLong: false, isShort: false, isChar: false, conv: 0, overflow: false,
  }
}

const enum ArgKind {
  None,
  Int,
  Double,
}

/** What a conversion consumes (glibc: spec->ndata_args and data_arg_type). */
function argKind(conv: number): ArgKind {
  switch (conv) {
    case 100: case 105: case 117: case 111: case 120: case 88: case 98: case 66: // d i u o x X b B
    case 99: case 67: case 115: case 83: case 112: case 110: // c C s S p n
      return ArgKind.Int
    case 101: case 69: case 102: case 70: case 103: case 71: case 97: case 65: // e E f F g G a A
      return ArgKind.Double
    default:
      return ArgKind.None // m, %, unknown
  }
}

function isKnownConversion(conv: number): boolean {
  return argKind(conv) !== ArgKind.None || conv === 109 /* m */ || conv === 37 /* % */
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

/** Parser state over the format bytes [.., end): reads past the end see the terminating NUL. */
class FormatReader {
  pos = 0
  constructor(
    readonly u8: Uint8Array,
    readonly end: number,
  ) {}
  peek(): number {
    return this.pos < this.end ? this.u8[this.pos] : 0
  }
  /** glibc read_int: the digits at pos; -1 when the value exceeds INT_MAX (all digits consumed). */
  readInt(): number {
    let n = 0
    let c = this.peek()
    while (isDigit(c)) {
      if (n >= 0) n = n * 10 + (c - 48) > INT_MAX ? -1 : n * 10 + (c - 48)
      this.pos++
      c = this.peek()
    }
    return n
  }
}

/**
 * After a '*' (a width or precision taken from an argument): the argument's index when it is
 * named (`*n$`, which also makes the directive positional), else -1 with r.pos back after the
 * '*' (the next argument in order), as glibc's read_int/'$' check after '*'.
 */
function starArgument(r: FormatReader, spec: Spec, maxRef: { v: number }): number {
  const begin = r.pos
  if (isDigit(r.peek())) {
    const n = r.readInt()
    if (n !== 0 && r.peek() === 36 /* $ */) {
      spec.explicitPositional = true
      r.pos++
      if (n !== -1) {
        maxRef.v = Math.max(maxRef.v, n)
        return n - 1
      }
    }
  }
  r.pos = begin
  return -1
}

/**
 * Parses the directive at r.pos (a '%') into spec, as glibc's __parse_one_specmb. posn numbers
 * the non-positional argument uses (for positional mode); returns the updated posn, and
 * maxRef.v tracks the highest n$ seen.
 */
function parseSpec(r: FormatReader, spec: Spec, posn: number, maxRef: { v: number }): number {
  spec.start = r.pos
  r.pos++ // '%'
  spec.dataArg = spec.widthArg = spec.precArg = -1
  spec.explicitPositional = false
  spec.alt = spec.space = spec.left = spec.showsign = spec.group = spec.i18n = spec.pad0 = false
  spec.overflow = false
  if (isDigit(r.peek())) {
    const begin = r.pos
    const n = r.readInt()
    if (n !== 0 && r.peek() === 36 /* $ */) {
      r.pos++
      spec.explicitPositional = true
      if (n !== -1) {
        spec.dataArg = n - 1
        maxRef.v = Math.max(maxRef.v, n)
      }
    } else r.pos = begin
  }
  flags: for (;;) {
    switch (r.peek()) {
      case 32: spec.space = true; break
      case 43: spec.showsign = true; break
      case 45: spec.left = true; break
      case 35: spec.alt = true; break
      case 48: spec.pad0 = true; break
      case 39: spec.group = true; break
      case 73: spec.i18n = true; break
      default: break flags
    }
    r.pos++
  }
  if (spec.left) spec.pad0 = false
  spec.width = 0
  if (r.peek() === 42 /* * */) {
    r.pos++
    const n = starArgument(r, spec, maxRef)
    spec.widthArg = n >= 0 ? n : posn++
  } else if (isDigit(r.peek())) {
    const n = r.readInt()
    if (n === -1) spec.overflow = true
    else spec.width = n
  }
  spec.prec = -1
  if (r.peek() === 46 /* . */) {
    r.pos++
    if (r.peek() === 42) {
      r.pos++
      const n = starArgument(r, spec, maxRef)
      spec.precArg = n >= 0 ? n : posn++
    } else if (isDigit(r.peek())) {
      const n = r.readInt()
      if (n === -1) spec.overflow = true
      else spec.prec = n
    } else spec.prec = 0
  }
  spec.isLongDouble = spec.isLong = spec.isShort = spec.isChar = false
  switch (r.peek()) {
    case 104: // h
      r.pos++
      if (r.peek() === 104) {
        r.pos++
        spec.isChar = true
      } else spec.isShort = true
      break
    case 108: // l
      r.pos++
      spec.isLong = true
      if (r.peek() === 108) {
        r.pos++
        spec.isLongDouble = true
      }
      break
    case 76: case 113: // L q
      r.pos++
      spec.isLongDouble = true
      break
    case 122: case 90: case 116: case 106: // z Z t j
      r.pos++
      spec.isLong = true
      break
  }
  spec.conv = r.peek()
  if (spec.conv !== 0) r.pos++
  spec.end = r.pos
  if (spec.dataArg === -1 && argKind(spec.conv) !== ArgKind.None) spec.dataArg = posn++
  return posn
}

/**
 * A growable byte buffer for the output. The storage is shared between calls (formatting never
 * re-enters itself: no callback runs user code) because allocating it dominated short printfs.
 */
let sharedStorage = new Uint8Array(256)

class Out {
  buf = sharedStorage
  len = 0
  private grow(extra: number): void {
    // glibc fails with EOVERFLOW once the count passes INT_MAX (it has written those bytes; we
    // cannot hold them, so the output stops here)
    if (this.len + extra > INT_MAX) throw new PrintfFailure(EOVERFLOW)
    let cap = this.buf.length * 2
    while (cap < this.len + extra) cap *= 2
    const next = new Uint8Array(cap)
    next.set(this.buf.subarray(0, this.len))
    this.buf = next
    if (cap <= 1 << 16) sharedStorage = next
  }
  byte(b: number): void {
    if (this.len === this.buf.length) this.grow(1)
    this.buf[this.len++] = b
  }
  ascii(s: string): void {
    const n = s.length
    if (this.len + n > this.buf.length) this.grow(n)
    const buf = this.buf
    let len = this.len
    for (let i = 0; i < n; i++) buf[len++] = s.charCodeAt(i)
    this.len = len
  }
  bytes(src: Uint8Array, from: number, to: number): void {
    const n = to - from
    if (this.len + n > this.buf.length) this.grow(n)
    if (n > 64) this.buf.set(src.subarray(from, to), this.len)
    else {
      const buf = this.buf
      let len = this.len
      for (let i = from; i < to; i++) buf[len++] = src[i]
    }
    this.len += n
  }
  fill(b: number, n: number): void {
    if (n <= 0) return
    if (this.len + n > this.buf.length) this.grow(n)
    this.buf.fill(b, this.len, this.len + n)
    this.len += n
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.len)
  }
}

/** A printf failure (printf returns -1 with this errno). */
class PrintfFailure {
  constructor(readonly errno: number) {}
}

/** Values of all arguments, read up front in positional mode. */
interface ArgTable {
  raw: (RawInt | number)[]
  isDouble: boolean[]
}

/**
 * The whole printf: fast sequential mode until a directive needs glibc's positional mode (an
 * n$ argument or an unknown conversion), then the rest in positional mode, as vfprintf does.
 */
export function formatWithArgs(mem: Memory, fmtAddr: number, args: ArgSource, errno = 0): PrintfResult {
  if (fmtAddr === 0) return { bytes: new Uint8Array(0), error: EINVAL } // glibc's ARGCHECK
  const u8 = mem.u8
  if (!mem.valid(fmtAddr, 1)) throw new SegvError(fmtAddr, 'read')
  const fmtEnd = u8.indexOf(0, fmtAddr)
  if (fmtEnd < 0) throw new SegvError(u8.length, 'read')
  const out = new Out()
  const r = new FormatReader(u8, fmtEnd)
  const ctx = new Emitter(mem, out, errno)
  const spec = newSpec()
  const maxRef = { v: 0 }
  let p = fmtAddr
  let specsDone = 0
  let firstSpec = -1
  try {
    while (p < fmtEnd) {
      let q = p
      while (q < fmtEnd && u8[q] !== 37) q++
      if (q > p) out.bytes(u8, p, q)
      if (q >= fmtEnd) break
      if (firstSpec < 0) firstSpec = q
      r.pos = q
      parseSpec(r, spec, 0, maxRef)
      if (spec.explicitPositional || (spec.conv !== 0 && !isKnownConversion(spec.conv))) {
        positionalMode(ctx, r, firstSpec, specsDone, args)
        break
      }
      if (spec.conv === 0) throw new PrintfFailure(EINVAL)
      if (spec.overflow) throw new PrintfFailure(EOVERFLOW)
      if (spec.widthArg >= 0) applyWidth(spec, int32(args.nextInt()))
      if (spec.precArg >= 0) applyPrec(spec, int32(args.nextInt()))
      const kind = argKind(spec.conv)
      const value = kind === ArgKind.Int ? args.nextInt() : kind === ArgKind.Double ? args.nextDouble() : 0
      ctx.emit(spec, value)
      specsDone++
      p = spec.end
    }
  } catch (e) {
    if (e instanceof PrintfFailure) return { bytes: out.result(), error: e.errno }
    throw e
  }
  if (out.len > INT_MAX) return { bytes: out.result(), error: EOVERFLOW }
  return { bytes: out.result(), error: 0 }
}

function applyWidth(spec: Spec, w: number): void {
  if (w < 0) {
    if (w === -0x80000000) throw new PrintfFailure(EOVERFLOW)
    spec.left = true
    spec.pad0 = false
    spec.width = -w
  } else spec.width = w
}

function applyPrec(spec: Spec, pr: number): void {
  spec.prec = pr < 0 ? -1 : pr
}

/**
 * glibc's printf_positional: parse every directive from the first, give each argument the type
 * of the last directive using it (int when none does), read them all in order, then print the
 * directives not printed yet. Unknown and unfinished directives are echoed (printf_unknown).
 */
function positionalMode(ctx: Emitter, r: FormatReader, firstSpec: number, specsDone: number, args: ArgSource): void {
  const u8 = r.u8
  const specs: Spec[] = []
  const maxRef = { v: 0 }
  let posn = 0
  r.pos = firstSpec
  for (;;) {
    const spec = newSpec()
    posn = parseSpec(r, spec, posn, maxRef)
    specs.push(spec)
    if (spec.conv === 0) break
    let q = spec.end
    while (q < r.end && u8[q] !== 37) q++
    if (q >= r.end) break
    r.pos = q
  }
  const nargs = Math.max(maxRef.v, posn)
  const isDouble: boolean[] = new Array(nargs).fill(false)
  for (const s of specs) {
    if (s.widthArg >= 0) isDouble[s.widthArg] = false
    if (s.precArg >= 0) isDouble[s.precArg] = false
    if (s.dataArg >= 0) isDouble[s.dataArg] = argKind(s.conv) === ArgKind.Double
  }
  args.rewind()
  const table: ArgTable = { raw: new Array(nargs), isDouble }
  for (let i = 0; i < nargs; i++) table.raw[i] = isDouble[i] ? args.nextDouble() : args.nextInt()
  const intArg = (i: number): RawInt => (table.isDouble[i] ? doubleToRaw(table.raw[i] as number) : (table.raw[i] as RawInt))
  const doubleArg = (i: number): number => (table.isDouble[i] ? (table.raw[i] as number) : rawToDouble(table.raw[i] as RawInt))

  for (let k = specsDone; k < specs.length; k++) {
    const spec = specs[k]
    if (spec.overflow) throw new PrintfFailure(EOVERFLOW)
    if (spec.widthArg >= 0) applyWidth(spec, int32(intArg(spec.widthArg)))
    if (spec.precArg >= 0) applyPrec(spec, int32(intArg(spec.precArg)))
    if (spec.conv === 0 || !isKnownConversion(spec.conv)) ctx.unknown(spec)
    else {
      const kind = argKind(spec.conv)
      ctx.emit(spec, kind === ArgKind.Int ? intArg(spec.dataArg) : kind === ArgKind.Double ? doubleArg(spec.dataArg) : 0)
    }
    if (spec.conv === 0) break
    let q = spec.end
    while (q < r.end && u8[q] !== 37) q++
    if (q > spec.end) ctx.out.bytes(u8, spec.end, q)
  }
}

function int32(raw: RawInt): number {
  return typeof raw === 'number' ? raw | 0 : Number(BigInt.asIntN(32, raw))
}
function uint32(raw: RawInt): number {
  return typeof raw === 'number' ? raw >>> 0 : Number(BigInt.asUintN(32, raw))
}
function int64(raw: RawInt): bigint {
  return typeof raw === 'number' ? BigInt(raw) : BigInt.asIntN(64, raw)
}
function uint64(raw: RawInt): bigint {
  return typeof raw === 'number' ? BigInt(raw) : raw
}

const NULL_TEXT = '(null)'

/** Formats single directives into `out`. */
class Emitter {
  constructor(
    readonly mem: Memory,
    readonly out: Out,
    readonly errno: number,
  ) {}

  emit(spec: Spec, value: RawInt | number): void {
    const c = spec.conv
    switch (c) {
      case 100: case 105: // d i
        return this.signedInt(spec, value as RawInt)
      case 117: return this.unsignedInt(spec, value as RawInt, 10, false)
      case 111: return this.unsignedInt(spec, value as RawInt, 8, false)
      case 120: return this.unsignedInt(spec, value as RawInt, 16, false)
      case 88: return this.unsignedInt(spec, value as RawInt, 16, true)
      case 98: return this.unsignedInt(spec, value as RawInt, 2, false)
      case 66: return this.unsignedInt(spec, value as RawInt, 2, true)
      case 112: return this.pointer(spec, value as RawInt)
      case 99: // c
        if (spec.isLong) return this.wideChar(spec, value as RawInt)
        return this.padded(spec, () => this.out.byte(uint32(value as RawInt) & 0xff), 1)
      case 67: return this.wideChar(spec, value as RawInt)
      case 115: // s
        if (spec.isLong) return this.wideString(spec, value as RawInt)
        return this.string(spec, value as RawInt)
      case 83: return this.wideString(spec, value as RawInt)
      case 109: { // m
        const text = new TextEncoder().encode(strerror(this.errno))
        const n = spec.prec >= 0 ? Math.min(spec.prec, text.length) : text.length
        return this.padded(spec, () => this.out.bytes(text, 0, n), n)
      }
      case 110: return this.storeCount(spec, value as RawInt)
      case 37: return this.out.byte(37)
      default:
        return this.float(spec, value as number)
    }
  }

  /** glibc's printf_unknown: '%', the flags in a fixed order, width, precision, the character. */
  unknown(spec: Spec): void {
    let s = '%'
    if (spec.alt) s += '#'
    if (spec.group) s += "'"
    if (spec.showsign) s += '+'
    else if (spec.space) s += ' '
    if (spec.left) s += '-'
    if (spec.pad0) s += '0'
    if (spec.i18n) s += 'I'
    if (spec.width !== 0) s += spec.width
    if (spec.prec !== -1) s += '.' + spec.prec
    this.out.ascii(s)
    if (spec.conv !== 0) this.out.byte(spec.conv)
  }

  /** Space padding around `len` bytes written by `body` (strings, chars: the 0 flag does not apply). */
  private padded(spec: Spec, body: () => void, len: number): void {
    if (!spec.left) this.out.fill(32, spec.width - len)
    body()
    if (spec.left) this.out.fill(32, spec.width - len)
  }

  private paddedAscii(spec: Spec, s: string): void {
    this.padded(spec, () => this.out.ascii(s), s.length)
  }

  /** sign + prefix + digits with width: zeros go between prefix and digits when zeroPad. */
  private number(spec: Spec, sign: string, prefix: string, digits: string, zeroPad: boolean): void {
    const len = sign.length + prefix.length + digits.length
    const pad = spec.width - len
    const out = this.out
    if (pad <= 0) {
      out.ascii(sign)
      out.ascii(prefix)
      out.ascii(digits)
    } else if (spec.left) {
      out.ascii(sign)
      out.ascii(prefix)
      out.ascii(digits)
      out.fill(32, pad)
    } else if (zeroPad) {
      out.ascii(sign)
      out.ascii(prefix)
      out.fill(48, pad)
      out.ascii(digits)
    } else {
      out.fill(32, pad)
      out.ascii(sign)
      out.ascii(prefix)
      out.ascii(digits)
    }
  }

  private signedInt(spec: Spec, raw: RawInt): void {
    let negative: boolean
    let digits: string
    let zero: boolean
    if (spec.isLong || spec.isLongDouble) {
      const v = int64(raw)
      negative = v < 0n
      zero = v === 0n
      digits = (negative ? -v : v).toString()
    } else {
      let v = int32(raw)
      if (spec.isShort) v = (v << 16) >> 16
      else if (spec.isChar) v = (v << 24) >> 24
      negative = v < 0
      zero = v === 0
      digits = String(negative ? -v : v)
    }
    const sign = negative ? '-' : spec.showsign ? '+' : spec.space ? ' ' : ''
    this.integer(spec, sign, digits, zero, 10, false)
  }

  private unsignedInt(spec: Spec, raw: RawInt, base: number, upper: boolean): void {
    let digits: string
    let zero: boolean
    if (spec.isLong || spec.isLongDouble) {
      const v = uint64(raw)
      zero = v === 0n
      digits = v.toString(base)
    } else {
      let v = uint32(raw)
      if (spec.isShort) v &= 0xffff
      else if (spec.isChar) v &= 0xff
      zero = v === 0
      digits = v.toString(base)
    }
    if (upper) digits = digits.toUpperCase()
    this.integer(spec, '', digits, zero, base, upper)
  }

  private integer(spec: Spec, sign: string, digits: string, zero: boolean, base: number, upper: boolean): void {
    if (spec.prec === 0 && zero) digits = ''
    if (spec.prec > digits.length) digits = '0'.repeat(spec.prec - digits.length) + digits
    let prefix = ''
    if (spec.alt) {
      if (base === 8) {
        if (digits.charCodeAt(0) !== 48) digits = '0' + digits
      } else if (!zero && base === 16) prefix = upper ? '0X' : '0x'
      else if (!zero && base === 2) prefix = upper ? '0B' : '0b'
    }
    this.number(spec, sign, prefix, digits, spec.pad0 && spec.prec < 0)
  }

  private pointer(spec: Spec, raw: RawInt): void {
    const v = uint64(raw)
    if (v === 0n) return this.paddedAscii(spec, '(nil)')
    let digits = v.toString(16)
    if (spec.prec > digits.length) digits = '0'.repeat(spec.prec - digits.length) + digits
    const sign = spec.showsign ? '+' : spec.space ? ' ' : ''
    this.number(spec, sign, '0x', digits, spec.pad0 && spec.prec < 0)
  }

  private string(spec: Spec, raw: RawInt): void {
    const addr = Number(uint64(raw))
    if (addr === 0) {
      const text = spec.prec === -1 || spec.prec >= 6 ? NULL_TEXT : ''
      return this.paddedAscii(spec, text)
    }
    if (spec.prec === 0) return this.paddedAscii(spec, '')
    const bytes = this.mem.cstringBytes(addr, spec.prec >= 0 ? spec.prec : Infinity)
    this.padded(spec, () => this.out.bytes(bytes, 0, bytes.length), bytes.length)
  }

  /** %lc: wcrtomb in the C locale, which only knows ASCII. */
  private wideChar(spec: Spec, raw: RawInt): void {
    const wc = uint32(raw)
    if (wc >= 0x80) throw new PrintfFailure(EILSEQ)
    this.padded(spec, () => this.out.byte(wc), 1)
  }

  /** %ls: wcsrtombs in the C locale; with a precision only the characters that fit are converted. */
  private wideString(spec: Spec, raw: RawInt): void {
    const addr = Number(uint64(raw))
    if (addr === 0) return this.paddedAscii(spec, spec.prec === -1 || spec.prec >= 6 ? NULL_TEXT : '')
    const limit = spec.prec >= 0 ? spec.prec : Infinity
    const mem = this.mem
    let s = ''
    for (let a = addr; s.length < limit; a += 4) {
      if (!mem.valid(a, 4)) throw new SegvError(mem.valid(a, 1) ? mem.size : a, 'read')
      const wc = mem.dv.getUint32(a - NULL_GUARD, true)
      if (wc === 0) break
      if (wc >= 0x80) throw new PrintfFailure(EILSEQ)
      s += String.fromCharCode(wc)
    }
    this.paddedAscii(spec, s)
  }

  /** %n: the number of bytes written so far, stored with the size the length modifier says. */
  private storeCount(spec: Spec, raw: RawInt): void {
    const addr = Number(uint64(raw))
    const size = spec.isLong || spec.isLongDouble ? 8 : spec.isShort ? 2 : spec.isChar ? 1 : 4
    const bytes = this.mem.bytes(addr, size, 'write')
    let n = this.out.len
    for (let i = 0; i < size; i++) {
      bytes[i] = i < 4 ? n & 0xff : 0
      n >>>= 8
    }
  }

  private float(spec: Spec, x: number): void {
    const c = spec.conv
    const upper = c === 69 || c === 70 || c === 71 || c === 65 // E F G A
    const negative = signBit(x)
    const sign = negative ? '-' : spec.showsign ? '+' : spec.space ? ' ' : ''
    if (!Number.isFinite(x)) {
      const word = Number.isNaN(x) ? (upper ? 'NAN' : 'nan') : upper ? 'INF' : 'inf'
      return this.number(spec, sign, '', word, false)
    }
    const ax = Math.abs(x)
    const prec = spec.prec
    switch (c) {
      case 102: case 70: // f F
        return this.number(spec, sign, '', formatF(ax, prec < 0 ? 6 : prec, spec.alt), spec.pad0)
      case 101: case 69: // e E
        return this.number(spec, sign, '', formatE(ax, prec < 0 ? 6 : prec, spec.alt, upper), spec.pad0)
      case 103: case 71: // g G
        return this.number(spec, sign, '', formatG(ax, prec < 0 ? 6 : prec, spec.alt, upper), spec.pad0)
      default: // a A
        return this.number(spec, sign, upper ? '0X' : '0x', formatA(ax, prec, spec.alt, upper, spec.isLongDouble), spec.pad0)
    }
  }
}
