/**
 * printf-family format strings, as gcc's -Wformat reads them: split a format into its `%`
 * directives, say which argument type each one expects, and decide whether an argument's type
 * (after default argument promotions) matches. Messages use gcc 12's wording; the checker adds the
 * positions. Signedness differences (`%d` with `unsigned`) are accepted, as gcc does without
 * -Wformat-signedness; different integer ranks (`%ld` with `long long`) are not.
 */

import { type CType, intBase } from './types'

export type LengthMod = '' | 'hh' | 'h' | 'l' | 'll' | 'L' | 'q' | 'z' | 'j' | 't'

/** What a directive wants: an integer of some rank, a double, a string, a pointer, ... */
export type Expectation =
  | { k: 'int'; rank: number; name: string }
  | { k: 'double'; long: boolean; name: string }
  | { k: 'str'; name: string }
  | { k: 'ptr'; name: string }
  | { k: 'intptr'; rank: number; name: string }

export interface Directive {
  /** the directive as written, e.g. `%-5ld` */
  text: string
  /** offset of the `%` in the format bytes */
  offset: number
  conv: string
  length: LengthMod
  /** arguments consumed, in order: `*` width / precision (int), then the value (absent for %%) */
  args: Expectation[]
}

export interface FormatProblem {
  offset: number
  /** length of the directive text the problem is about (gcc points at its last character) */
  length: number
  message: string
}

const INT_EXP: Expectation = { k: 'int', rank: 3, name: 'int' }

function intExpectation(conv: string, len: LengthMod): Expectation | string {
  const signed = conv === 'd' || conv === 'i'
  switch (len) {
    case 'hh': case 'h': case '': return signed || len !== '' ? { k: 'int', rank: 3, name: 'int' } : { k: 'int', rank: 3, name: 'unsigned int' }
    case 'l': return { k: 'int', rank: 4, name: signed ? 'long int' : 'long unsigned int' }
    case 'll': case 'q': return { k: 'int', rank: 5, name: signed ? 'long long int' : 'long long unsigned int' }
    case 'z': return { k: 'int', rank: 4, name: signed ? 'signed size_t' : 'size_t' }
    case 'j': return { k: 'int', rank: 4, name: signed ? 'intmax_t' : 'uintmax_t' }
    case 't': return { k: 'int', rank: 4, name: 'ptrdiff_t' }
    case 'L': return `use of 'L' length modifier with '${conv}' type character`
  }
}

/** Scan a printf format (the decoded bytes of the string literal, without the final NUL). */
export function scanPrintf(bytes: Uint8Array): { directives: Directive[]; problems: FormatProblem[] } {
  const directives: Directive[] = []
  const problems: FormatProblem[] = []
  const n = bytes.length
  const ch = (i: number) => (i < n ? String.fromCharCode(bytes[i]) : '')
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 37) continue // '%'
    const start = i
    i++
    if (i >= n) {
      problems.push({ offset: start, length: 1, message: `spurious trailing '%' in format` })
      break
    }
    if (ch(i) === '%') {
      directives.push({ text: '%%', offset: start, conv: '%', length: '', args: [] })
      continue
    }
    const args: Expectation[] = []
    // positional arguments (%1$d) are accepted but not checked
    let j = i
    while (j < n && /[0-9]/.test(ch(j))) j++
    if (j > i && ch(j) === '$') i = j + 1
    while (i < n && '-+ #0\''.includes(ch(i))) i++
    if (ch(i) === '*') {
      args.push(INT_EXP)
      i++
    } else while (i < n && /[0-9]/.test(ch(i))) i++
    if (ch(i) === '.') {
      i++
      if (ch(i) === '*') {
        args.push(INT_EXP)
        i++
      } else while (i < n && /[0-9]/.test(ch(i))) i++
    }
    let length: LengthMod = ''
    const c1 = ch(i)
    if (c1 === 'h' || c1 === 'l') {
      if (ch(i + 1) === c1) {
        length = (c1 + c1) as LengthMod
        i += 2
      } else {
        length = c1 as LengthMod
        i++
      }
    } else if ('Lqzjt'.includes(c1) && c1 !== '') {
      length = c1 as LengthMod
      i++
    }
    const conv = ch(i)
    const text = String.fromCharCode(...bytes.subarray(start, Math.min(i + 1, n)))
    if (conv === '') {
      problems.push({ offset: start, length: i - start, message: `conversion lacks type at end of format` })
      break
    }
    let exp: Expectation | string | null = null
    switch (conv) {
      case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        exp = intExpectation(conv, length)
        break
      case 'c':
        exp = length === 'l' ? { k: 'int', rank: 3, name: 'wint_t' } : length === '' ? INT_EXP : `use of '${length}' length modifier with 'c' type character`
        break
      case 's':
        exp = length === 'l' ? { k: 'ptr', name: 'wchar_t *' } : length === '' ? { k: 'str', name: 'char *' } : `use of '${length}' length modifier with 's' type character`
        break
      case 'p':
        exp = length === '' ? { k: 'ptr', name: 'void *' } : `use of '${length}' length modifier with 'p' type character`
        break
      case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A':
        exp = length === 'L' ? { k: 'double', long: true, name: 'long double' } : length === '' || length === 'l' ? { k: 'double', long: false, name: 'double' } : `use of '${length}' length modifier with '${conv}' type character`
        break
      case 'n': {
        const e = intExpectation('d', length)
        exp = typeof e === 'string' ? e : { k: 'intptr', rank: e.k === 'int' ? e.rank : 3, name: e.name + ' *' }
        break
      }
      case 'm':
        exp = null
        break
      default: {
        const code = conv.charCodeAt(0)
        const shown = code >= 32 && code < 127 ? `'${conv}'` : `'\\x${code.toString(16)}'`
        problems.push({ offset: start, length: text.length, message: `unknown conversion type character ${shown} in format` })
        continue
      }
    }
    if (typeof exp === 'string') {
      problems.push({ offset: start, length: text.length, message: exp })
      continue
    }
    if (exp) args.push(exp)
    directives.push({ text, offset: start, conv, length, args })
  }
  return { directives, problems }
}

/** Does an argument of type `t` (already promoted) satisfy the expectation? */
export function argMatches(exp: Expectation, t: CType): boolean {
  switch (exp.k) {
    case 'int':
      if (t.k !== 'int' && t.k !== 'enum' && t.k !== 'bool') return false
      return Math.max(intBase(t).rank, 3) === exp.rank
    case 'double':
      return t.k === 'float' && (exp.long ? t.name === 'long double' : t.name !== 'long double')
    case 'str':
      if (t.k !== 'ptr') return false
      return t.to.k === 'int' && t.to.size === 1
    case 'ptr':
      return t.k === 'ptr'
    case 'intptr':
      return t.k === 'ptr' && (t.to.k === 'int' || t.to.k === 'enum') && intBase(t.to).rank === exp.rank
  }
}

/** gcc's message for a mismatch: format '%ld' expects argument of type 'long int', but argument 3 has type 'int'. */
export function mismatchMessage(d: Directive, exp: Expectation, argNo: number, quotedActual: string): string {
  return `format '${d.text}' expects argument of type '${exp.name}', but argument ${argNo} has type ${quotedActual}`
}

export function missingMessage(d: Directive, exp: Expectation): string {
  return `format '${d.text}' expects a matching '${exp.name}' argument`
}

/**
 * Map each decoded byte of a (possibly concatenated) string literal back to a source column, so a
 * warning can point at the directive. `texts` are the literal tokens as written; returns, for each
 * token, the byte offset where it starts in the decoded string and the raw index of every byte.
 */
export function literalByteColumns(text: string): number[] {
  const q = text.indexOf('"')
  const cols: number[] = []
  let i = q + 1
  const end = text.length - 1
  while (i < end) {
    const start = i
    if (text[i] !== '\\') {
      const cp = text.codePointAt(i)!
      const len = cp > 0xffff ? 2 : 1
      const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
      for (let b = 0; b < bytes; b++) cols.push(start)
      i += len
      continue
    }
    const e = text[i + 1]
    if (e >= '0' && e <= '7') {
      i += 2
      while (i < end && i < start + 4 && text[i] >= '0' && text[i] <= '7') i++
    } else if (e === 'x') {
      i += 2
      while (i < end && /[0-9a-fA-F]/.test(text[i])) i++
    } else if (e === 'u' || e === 'U') {
      i += e === 'u' ? 6 : 10
    } else i += 2
    cols.push(start)
  }
  return cols
}

