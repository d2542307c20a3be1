/**
 * glibc's strtoul(), because bpftool parses every number with it and its corners show up in
 * what bpftool accepts: base 0 reads "0x10" as hex and "010" as octal, leading blanks and a
 * sign are allowed ("-1" is ULONG_MAX), an empty string is 0 with nothing left over, a value
 * too large saturates at ULONG_MAX, and parsing stops at the first character that is not a
 * digit of the base (the caller then sees a non-empty rest: "error parsing byte").
 */

const ULONG_MAX = (1n << 64n) - 1n

export interface StrtoulResult {
  /** The value as unsigned long (64 bits). */
  value: bigint
  /** What *endptr points at: the unparsed rest of the string. */
  rest: string
}

function digitValue(c: string): number {
  const code = c.charCodeAt(0)
  if (code >= 48 && code <= 57) return code - 48
  if (code >= 97 && code <= 122) return code - 97 + 10
  if (code >= 65 && code <= 90) return code - 65 + 10
  return 99
}

/** C isspace in the "C" locale. */
function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r'
}

export function strtoul(str: string, base: number): StrtoulResult {
  let i = 0
  while (isSpace(str[i])) i++
  let negative = false
  if (str[i] === '+' || str[i] === '-') {
    negative = str[i] === '-'
    i++
  }
  const hexPrefix = str[i] === '0' && (str[i + 1] === 'x' || str[i + 1] === 'X') && digitValue(str[i + 2] ?? '') < 16
  if ((base === 0 || base === 16) && hexPrefix) {
    base = 16
    i += 2
  } else if (base === 0) {
    base = str[i] === '0' ? 8 : 10
  }
  const start = i
  let value = 0n
  let overflow = false
  const b = BigInt(base)
  while (i < str.length) {
    const d = digitValue(str[i])
    if (d >= base) break
    value = value * b + BigInt(d)
    if (value > ULONG_MAX) overflow = true
    i++
  }
  // No digits: nothing was converted and endptr is the start of the string.
  if (i === start) return { value: 0n, rest: str }
  if (overflow) return { value: ULONG_MAX, rest: str.slice(i) }
  if (negative) value = (ULONG_MAX + 1n - value) & ULONG_MAX
  return { value, rest: str.slice(i) }
}
