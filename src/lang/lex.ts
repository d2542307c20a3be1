/**
 * Lexer: C source text -> preprocessing tokens (C11 6.4), with exact source positions.
 *
 * Translation phases 2 and 3 happen here: backslash-newline pairs are spliced out before tokenising,
 * but every token keeps the line/column where it was written in the original text. Comments become
 * whitespace (`spaceBefore`), and `lineStart` marks the first token of each logical line so the
 * preprocessor can recognise directives and tell `F (x)` from `F(x)`. Numbers are pp-numbers (checked
 * later, see `parseNumber`), so `0x1e+1` or `1abc` is one token as the standard says.
 *
 * The lexer never throws: unterminated literals/comments and stray characters become diagnostics and
 * lexing carries on. The token list always ends with one `eof` token.
 *
 * Also exported: `parseNumber`, `decodeCharLiteral`, `decodeStringLiteral` — value decoders shared by
 * the preprocessor's `#if` evaluator and the parser.
 */

import type { Diagnostic } from './api'
import type { Token } from './token'

export interface LexResult {
  tokens: Token[]
  diagnostics: Diagnostic[]
}

const C_NL = 10
const C_CR = 13
const C_BACKSLASH = 92

// Punctuators, longest first within each leading character (C11 6.4.6 without digraphs).
const PUNCT_BY_FIRST: Record<string, string[]> = {
  '[': ['['], ']': [']'], '(': ['('], ')': [')'], '{': ['{'], '}': ['}'],
  '.': ['...', '.'],
  '-': ['->', '--', '-=', '-'],
  '+': ['++', '+=', '+'],
  '&': ['&&', '&=', '&'],
  '*': ['*=', '*'],
  '~': ['~'],
  '!': ['!=', '!'],
  '/': ['/=', '/'],
  '%': ['%=', '%'],
  '<': ['<<=', '<<', '<=', '<'],
  '>': ['>>=', '>>', '>=', '>'],
  '=': ['==', '='],
  '^': ['^=', '^'],
  '|': ['||', '|=', '|'],
  '?': ['?'], ':': [':'], ';': [';'], ',': [','],
  '#': ['##', '#'],
}

/** Every punctuator of C (what a 'punct' token may spell once preprocessing is over, plus '#' and '##'). */
export const PUNCTUATORS: ReadonlySet<string> = new Set(Object.values(PUNCT_BY_FIRST).flat())


// ASCII character classes (a constant table: the lexer's inner loops are table lookups)
const IDENT_START = 1 // a-z A-Z _ $
const DIGIT = 2
const IDENT = IDENT_START | DIGIT
const HSPACE = 4 // space, tab, vertical tab, form feed, carriage return
const CHAR_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(128)
  for (let c = 0; c < 128; c++) {
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36) t[c] = IDENT_START
    else if (c >= 48 && c <= 57) t[c] = DIGIT
    else if (c === 32 || c === 9 || c === 11 || c === 12 || c === C_CR) t[c] = HSPACE
  }
  return t
})()
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

const PUNCT_BY_CODE: (string[] | undefined)[] = Array.from({ length: 128 }, (_, c) => PUNCT_BY_FIRST[String.fromCharCode(c)])

/** The longest punctuator starting at i (first char code c), or null. */
function punctuatorAt(src: string, i: number, c: number): string | null {
  const cands = c < 128 ? PUNCT_BY_CODE[c] : undefined
  if (cands === undefined) return null
  if (cands.length === 1) return cands[0]
  const c1 = src.charCodeAt(i + 1)
  for (const p of cands) {
    if (p.length === 1) return p
    if (p.charCodeAt(1) === c1 && (p.length === 2 || p.charCodeAt(2) === src.charCodeAt(i + 2))) return p
  }
  return null
}
const UNICODE_LETTER = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]/u

/**
 * Where the spliced text came from: run r of spliced text starts at srcStart[r] and was written at
 * origStart[r] in the original text (runs are separated by removed backslash-newlines).
 */
interface SpliceMap {
  srcStart: number[]
  origStart: number[]
}

function originalOffset(m: SpliceMap, i: number): number {
  let lo = 0
  let hi = m.srcStart.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (m.srcStart[mid] <= i) lo = mid
    else hi = mid - 1
  }
  return m.origStart[lo] + (i - m.srcStart[lo])
}

/**
 * Splice backslash-newline pairs (phase 2). Returns the spliced text and, when anything was spliced,
 * the map back to original offsets. A backslash followed by blanks and a newline also splices, with a
 * warning, as gcc does.
 */
function splice(text: string, file: string, diags: Diagnostic[], lineOf: (o: number) => [number, number]): { src: string; map: SpliceMap | null } {
  if (text.indexOf('\\') < 0 || !/\\[ \t\f\v]*\r?\n/.test(text)) return { src: text, map: null }
  const out: string[] = []
  const map: SpliceMap = { srcStart: [0], origStart: [0] }
  let srcLen = 0
  let runStart = 0
  const n0 = text.length
  for (let i = text.indexOf('\\'); i >= 0 && i < n0; i = text.indexOf('\\', i)) {
    let j = i + 1
    while (j < n0 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9 || text.charCodeAt(j) === 11 || text.charCodeAt(j) === 12)) j++
    if (j < n0 && text.charCodeAt(j) === C_CR && text.charCodeAt(j + 1) === C_NL) j++
    if (j < n0 && text.charCodeAt(j) === C_NL) {
      if (j > i + 1 && !(j === i + 2 && text.charCodeAt(i + 1) === C_CR)) {
        const [line, col] = lineOf(i)
        diags.push({ file, line, col, severity: 'warning', message: 'backslash and newline separated by space' })
      }
      out.push(text.slice(runStart, i))
      srcLen += i - runStart
      runStart = j + 1
      map.srcStart.push(srcLen)
      map.origStart.push(runStart)
      i = runStart
    } else {
      i++
    }
  }
  out.push(text.slice(runStart))
  return { src: out.join(''), map }
}

export interface LexOptions {
  /**
   * Keep stray characters (`@`, `` ` ``, a lone `\\`) as one-character 'punct' tokens instead of reporting
   * them. The preprocessor uses this because C allows them as preprocessing tokens (they can be
   * stringified, e.g. `str(@)`); it reports "stray '@' in program" only if one reaches its output.
   */
  strayTokens?: boolean
}

/** Tokenise one file. `file` is the name recorded in tokens and diagnostics. */
export function lex(text: string, file: string, options?: LexOptions): LexResult {
  const strayTokens = options?.strayTokens === true
  const tokens: Token[] = []
  const diagnostics: Diagnostic[] = []

  // Line starts of the original text, to turn offsets into line/col.
  const lineStarts: number[] = [0]
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1)
  const lineOfOriginal = (o: number): [number, number] => {
    let lo = 0
    let hi = lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (lineStarts[mid] <= o) lo = mid
      else hi = mid - 1
    }
    return [lo + 1, o - lineStarts[lo] + 1]
  }
  const { src, map } = splice(text, file, diagnostics, lineOfOriginal)
  const diagAt = (i: number, severity: Diagnostic['severity'], message: string, endI?: number) => {
    const [line, col] = lineOfOriginal(map ? originalOffset(map, i) : i)
    const d: Diagnostic = { file, line, col, severity, message }
    if (endI !== undefined) {
      const [el, ec] = lineOfOriginal(map ? originalOffset(map, endI) : endI)
      d.endLine = el
      d.endCol = ec
    }
    diagnostics.push(d)
  }

  // The hot loop keeps all its state in locals (no closure writes them): it runs once per character.
  const len = src.length
  const nLines = lineStarts.length
  const nRuns = map === null ? 0 : map.srcStart.length
  let lineIdx = 0 // line of the current token start (token starts only move forward)
  let runIdx = 0 // splice run of the current token start
  let spaceBefore = false
  let lineStart = true
  let i = 0
  while (i < len) {
    const c = src.charCodeAt(i)
    const cls = c < 128 ? CHAR_CLASS[c] : 0
    if (cls & HSPACE) {
      spaceBefore = true
      i++
      continue
    }
    if (c === C_NL) {
      lineStart = true
      spaceBefore = false
      i++
      continue
    }
    if (c === 47 /* / */) {
      const d = src.charCodeAt(i + 1)
      if (d === 47) { // line comment: up to (not including) the newline
        const e = src.indexOf('\n', i + 2)
        i = e < 0 ? len : e
        spaceBefore = true
        continue
      }
      if (d === 42) { // block comment
        const e = src.indexOf('*/', i + 2)
        if (e < 0) {
          diagAt(i, 'error', 'unterminated comment')
          i = len
        } else i = e + 2
        spaceBefore = true
        continue
      }
    }

    // One token starts at i: find its end j and kind.
    let j = i + 1
    let kind: Token['kind']
    let tokText: string | null = null
    if (cls & IDENT_START || (c >= 128 && isUnicodeIdent(src, i))) {
      for (;;) {
        const d = src.charCodeAt(j)
        if (d < 128) {
          if (CHAR_CLASS[d] & IDENT) { j++; continue }
          break
        }
        if (j < len && isUnicodeIdent(src, j)) j += src.codePointAt(j)! > 0xffff ? 2 : 1
        else break
      }
      kind = 'ident'
      // literal prefixes L u U u8
      const q = src.charCodeAt(j)
      if ((q === 34 || q === 39) && j - i <= 2) {
        const word = src.slice(i, j)
        if (word === 'L' || word === 'u' || word === 'U' || (word === 'u8' && q === 34)) {
          kind = q === 34 ? 'string' : 'char'
          const end = scanQuoted(src, j, q)
          if (end < 0) {
            tokText = unterminated(src, i, -end - 1, q)
            diagAt(i, 'error', `missing terminating ${q === 34 ? '"' : "'"} character`)
            j = -end - 1
          } else {
            if (q === 39 && end === j + 2) diagAt(i, 'error', 'empty character constant')
            j = end
          }
        }
      }
    } else if (cls & DIGIT || (c === 46 && isDigit(src.charCodeAt(i + 1)))) {
      // pp-number: digit or .digit, then [0-9a-zA-Z_.] and e+ e- E+ E- p+ p- P+ P-
      while (j < len) {
        const d = src.charCodeAt(j)
        if (d < 128 && CHAR_CLASS[d] & IDENT) j++
        else if (d === 46) j++
        else if ((d === 43 || d === 45) && ((src.charCodeAt(j - 1) | 32) === 101 || (src.charCodeAt(j - 1) | 32) === 112)) j++
        else break
      }
      kind = 'number'
    } else if (c === 34 || c === 39) {
      kind = c === 34 ? 'string' : 'char'
      const end = scanQuoted(src, i, c)
      if (end < 0) {
        tokText = unterminated(src, i, -end - 1, c)
        diagAt(i, 'error', `missing terminating ${c === 34 ? '"' : "'"} character`)
        j = -end - 1
      } else {
        if (c === 39 && end === i + 2) diagAt(i, 'error', 'empty character constant')
        j = end
      }
    } else {
      const p = punctuatorAt(src, i, c)
      if (p !== null) {
        kind = 'punct'
        tokText = p
        j = i + p.length
      } else {
        // anything else is a stray character
        const w = src.codePointAt(i)! > 0xffff ? 2 : 1
        if (!strayTokens) {
          diagAt(i, 'error', `stray '${strayName(src.slice(i, i + w))}' in program`, i + w)
          spaceBefore = true
          i += w
          continue
        }
        kind = 'punct'
        j = i + w
      }
    }

    let o = i
    if (map !== null) {
      while (runIdx + 1 < nRuns && map.srcStart[runIdx + 1] <= i) runIdx++
      o = map.origStart[runIdx] + (i - map.srcStart[runIdx])
    }
    while (lineIdx + 1 < nLines && lineStarts[lineIdx + 1] <= o) lineIdx++
    tokens.push({ kind, text: tokText ?? src.slice(i, j), file, line: lineIdx + 1, col: o - lineStarts[lineIdx] + 1, spaceBefore, lineStart })
    spaceBefore = false
    lineStart = false
    i = j
  }

  const [eofLine, eofCol] = lineOfOriginal(text.length)
  tokens.push({ kind: 'eof', text: '', file, line: eofLine, col: eofCol, spaceBefore, lineStart: true })
  return { tokens, diagnostics }
}

/**
 * End (exclusive) of the string or char literal whose opening quote is at q, or -(end + 1) when the
 * line ends first (end = where the literal stops).
 */
function scanQuoted(src: string, q: number, quote: number): number {
  const len = src.length
  let j = q + 1
  while (j < len) {
    const d = src.charCodeAt(j)
    if (d === quote) return j + 1
    if (d === C_NL) break
    if (d === C_BACKSLASH && j + 1 < len && src.charCodeAt(j + 1) !== C_NL) j += 2
    else j++
  }
  return -(Math.min(j, len) + 1)
}

/** The text of an unterminated literal, closed so later stages see something sensible. */
function unterminated(src: string, start: number, end: number, quote: number): string {
  let body = src.slice(start, end)
  if (body.endsWith('\r')) body = body.slice(0, -1)
  return body + (quote === 34 ? '"' : "'")
}

function isUnicodeIdent(src: string, i: number): boolean {
  const cp = src.codePointAt(i)!
  return UNICODE_LETTER.test(String.fromCodePoint(cp))
}

/** How gcc names a stray character in "stray '…' in program" (control characters in octal). */
export function strayName(s: string): string {
  if (s === '\\') return '\\'
  const c = s.charCodeAt(0)
  if (c < 32 || c === 127) return '\\' + c.toString(8).padStart(3, '0')
  return s
}

// ---------------------------------------------------------------------------------------------
// Value decoders

export type NumberValue =
  | { kind: 'int'; value: bigint; unsigned: boolean; /** 0 = none, 1 = l, 2 = ll */ long: 0 | 1 | 2; /** written in hex/octal/binary (C's rule for picking the type) */ nonDecimal: boolean }
  | { kind: 'float'; value: number; /** f/F suffix = float, l/L = long double, none = double */ suffix: '' | 'f' | 'l' }
  | { kind: 'error'; message: string }

/**
 * Decode a pp-number as a C integer or floating constant (C11 6.4.4.1, 6.4.4.2, plus gcc's 0b binary).
 * Integer values are exact (bigint); the caller picks the type with the `unsigned`/`long`/`nonDecimal` facts.
 * Error messages use gcc's wording.
 */
export function parseNumber(text: string): NumberValue {
  const lower = text.toLowerCase()
  const isHex = lower.startsWith('0x')
  const isFloat = isHex ? /[.p]/.test(lower) : /[.e]/.test(lower)
  if (isFloat) {
    const m = isHex
      ? /^0x([0-9a-f]*)(?:\.([0-9a-f]*))?p([+-]?[0-9]+)([fl]?)$/.exec(lower)
      : /^([0-9]*)(?:\.([0-9]*))?(?:e([+-]?[0-9]+))?([fl]?)$/.exec(lower)
    if (!m || (m[1] === '' && (m[2] ?? '') === '')) {
      if (!isHex && /^[0-9]*(\.[0-9]*)?e[+-]?$/.test(lower.replace(/[fl]$/, ''))) return { kind: 'error', message: 'exponent has no digits' }
      if (isHex && !/p/.test(lower)) return { kind: 'error', message: 'hexadecimal floating constants require an exponent' }
      const suffix = /^[0-9a-fx.]*(?:[ep][+-]?[0-9]*)?(.*)$/.exec(lower)?.[1] ?? ''
      return { kind: 'error', message: `invalid suffix "${text.slice(text.length - suffix.length)}" on floating constant` }
    }
    let value: number
    if (isHex) {
      const mant = (m[1] || '0') + (m[2] ?? '')
      const fracDigits = (m[2] ?? '').length
      value = Number(BigInt('0x' + mant)) * Math.pow(2, Number(m[3]) - 4 * fracDigits)
    } else {
      value = Number(text.replace(/[fFlL]$/, ''))
    }
    return { kind: 'float', value, suffix: (m[4] as '' | 'f' | 'l') }
  }
  let digits: string
  let radix: 16 | 10 | 8 | 2
  let rest: string
  let m: RegExpExecArray | null
  if (isHex) {
    m = /^0x([0-9a-f]+)(.*)$/.exec(lower)
    if (!m) return { kind: 'error', message: `invalid suffix "${text.slice(1)}" on integer constant` }
    radix = 16
  } else if (lower.startsWith('0b')) {
    m = /^0b([01]*)([2-9]?)(.*)$/.exec(lower)!
    if (m[2]) return { kind: 'error', message: `invalid digit "${m[2]}" in binary constant` }
    if (!m[1]) return { kind: 'error', message: `invalid suffix "${text.slice(1)}" on integer constant` }
    m = /^0b([01]+)(.*)$/.exec(lower)!
    radix = 2
  } else if (lower.startsWith('0')) {
    m = /^0([0-9]*)(.*)$/.exec(lower)!
    const bad = /[89]/.exec(m[1])
    if (bad) return { kind: 'error', message: `invalid digit "${bad[0]}" in octal constant` }
    m[1] = m[1] || '0'
    radix = 8
  } else {
    m = /^([0-9]+)(.*)$/.exec(lower)
    if (!m) return { kind: 'error', message: `invalid integer constant "${text}"` }
    radix = 10
  }
  digits = m[1]
  rest = m[2]
  const sufOrig = text.slice(text.length - rest.length)
  const suffixes: Record<string, [boolean, 0 | 1 | 2]> = {
    '': [false, 0], u: [true, 0], l: [false, 1], ul: [true, 1], lu: [true, 1],
    ll: [false, 2], ull: [true, 2], llu: [true, 2],
  }
  // 'lL' and 'Ll' are not valid (the two l's must have the same case)
  const suf = suffixes[rest]
  if (!suf || /lL|Ll/.test(sufOrig)) return { kind: 'error', message: `invalid suffix "${sufOrig}" on integer constant` }
  const prefix = radix === 16 ? '0x' : radix === 8 ? '0o' : radix === 2 ? '0b' : ''
  const value = BigInt(prefix + digits)
  return { kind: 'int', value, unsigned: suf[0], long: suf[1], nonDecimal: radix !== 10 }
}

const SIMPLE_ESCAPES: Record<string, number> = {
  n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, e: 27, E: 27, '\\': 92, "'": 39, '"': 34, '?': 63,
}

export interface DecodedLiteral {
  /** 'L', 'u', 'U', 'u8' or '' */
  prefix: string
  /** Code units: bytes for '' and u8 (UTF-8 for non-ASCII source chars), 16-bit for u, 32-bit for L/U. */
  units: number[]
  /** Problems found, gcc wording (unknown escapes are warnings; out-of-range escapes are errors). */
  problems: { severity: 'error' | 'warning'; message: string }[]
}

/** Decode the body of one string or char literal (text as written, quotes and prefix included). */
function decodeQuoted(text: string): DecodedLiteral {
  const qi = text.search(/["']/)
  const prefix = text.slice(0, qi)
  const body = text.slice(qi + 1, text.length - 1)
  const wide = prefix === 'L' || prefix === 'U' ? 32 : prefix === 'u' ? 16 : 8
  const maxUnit = wide === 32 ? 0xffffffff : wide === 16 ? 0xffff : 0xff
  const units: number[] = []
  const problems: DecodedLiteral['problems'] = []
  const pushCodePoint = (cp: number) => {
    if (wide === 32) units.push(cp)
    else if (wide === 16) {
      if (cp > 0xffff) {
        cp -= 0x10000
        units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff))
      } else units.push(cp)
    } else for (const b of new TextEncoder().encode(String.fromCodePoint(cp))) units.push(b)
  }
  for (let i = 0; i < body.length; ) {
    const ch = body[i]
    if (ch !== '\\') {
      const cp = body.codePointAt(i)!
      pushCodePoint(cp)
      i += cp > 0xffff ? 2 : 1
      continue
    }
    const e = body[i + 1]
    if (e === undefined) { i++; break }
    if (e in SIMPLE_ESCAPES) {
      if (e === 'e' || e === 'E') problems.push({ severity: 'warning', message: `non-ISO-standard escape sequence, '\\${e}'` })
      units.push(SIMPLE_ESCAPES[e])
      i += 2
      continue
    }
    if (e >= '0' && e <= '7') {
      let j = i + 1
      let v = 0
      while (j < body.length && j < i + 4 && body[j] >= '0' && body[j] <= '7') v = v * 8 + (body.charCodeAt(j++) - 48)
      if (v > maxUnit) { problems.push({ severity: 'warning', message: 'octal escape sequence out of range' }); v &= maxUnit }
      units.push(v)
      i = j
      continue
    }
    if (e === 'x') {
      let j = i + 2
      let v = 0n
      while (j < body.length && /[0-9a-fA-F]/.test(body[j])) v = v * 16n + BigInt(parseInt(body[j++], 16))
      if (j === i + 2) problems.push({ severity: 'error', message: '\\x used with no following hex digits' })
      if (v > BigInt(maxUnit)) { problems.push({ severity: 'warning', message: 'hex escape sequence out of range' }); v &= BigInt(maxUnit) }
      units.push(Number(v))
      i = j
      continue
    }
    if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8
      const hex = body.slice(i + 2, i + 2 + n)
      if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex)) {
        problems.push({ severity: 'error', message: `incomplete universal character name \\${e}${hex.replace(/[^0-9a-fA-F].*$/, '')}` })
        i += 2
        continue
      }
      pushCodePoint(parseInt(hex, 16))
      i += 2 + n
      continue
    }
    problems.push({ severity: 'warning', message: `unknown escape sequence: '\\${e}'` })
    units.push(e.charCodeAt(0))
    i += 2
  }
  return { prefix, units, problems }
}

/**
 * Value of a character constant as C sees it: a plain 'x' is an int holding a (signed) char; multi-char
 * constants combine like gcc (big-endian in an int, warning); L'x' is a wchar_t (int), u'x' char16_t, U'x' char32_t.
 */
export function decodeCharLiteral(text: string): { value: number; prefix: string; problems: DecodedLiteral['problems'] } {
  const d = decodeQuoted(text)
  const problems = d.problems
  if (d.units.length === 0) return { value: 0, prefix: d.prefix, problems: [...problems, { severity: 'error', message: 'empty character constant' }] }
  if (d.prefix === '') {
    if (d.units.length > 1) {
      if (d.units.length > 4) problems.push({ severity: 'warning', message: 'character constant too long for its type' })
      else problems.push({ severity: 'warning', message: 'multi-character character constant' })
      let v = 0
      for (const u of d.units.slice(-4)) v = ((v << 8) | u) | 0
      return { value: v, prefix: '', problems }
    }
    const u = d.units[0]
    return { value: u >= 128 ? u - 256 : u, prefix: '', problems }
  }
  if (d.units.length > 1) problems.push({ severity: 'warning', message: 'character constant too long for its type' })
  const last = d.units[d.units.length - 1]
  return { value: d.prefix === 'L' ? last | 0 : last >>> 0, prefix: d.prefix, problems }
}

/** Code units of a string literal (without the terminating NUL); see DecodedLiteral. */
export function decodeStringLiteral(text: string): DecodedLiteral {
  return decodeQuoted(text)
}
