/**
 * <ctype.h> in glibc's C locale. The is* functions return what glibc's do - the class bit of
 * its table (isdigit('7') is 2048, not 1) - because programs print these values. Arguments are
 * ints in [-128, 255] (EOF is -1): bytes 128..255 and negative chars belong to no class, as in
 * the C locale. toupper/tolower change letters, turn a negative char other than EOF into its
 * unsigned value (glibc's tables do), and return anything else unchanged.
 */

// glibc's _ISbit values on a little-endian machine (ctype.h)
export const CT_UPPER = 256
export const CT_LOWER = 512
export const CT_ALPHA = 1024
export const CT_DIGIT = 2048
export const CT_XDIGIT = 4096
export const CT_SPACE = 8192
export const CT_PRINT = 16384
export const CT_GRAPH = 32768
export const CT_BLANK = 1
export const CT_CNTRL = 2
export const CT_PUNCT = 4
export const CT_ALNUM = 8

/** Class masks of bytes 0..127 (everything above is 0 in the C locale). */
const TABLE = new Uint16Array(128)
for (let c = 0; c < 128; c++) {
  let m = 0
  const upper = c >= 65 && c <= 90
  const lower = c >= 97 && c <= 122
  const digit = c >= 48 && c <= 57
  if (upper) m |= CT_UPPER
  if (lower) m |= CT_LOWER
  if (upper || lower) m |= CT_ALPHA
  if (digit) m |= CT_DIGIT
  if (digit || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)) m |= CT_XDIGIT
  if (c === 32 || (c >= 9 && c <= 13)) m |= CT_SPACE
  if (c >= 32 && c < 127) m |= CT_PRINT
  if (c > 32 && c < 127) m |= CT_GRAPH
  if (c === 32 || c === 9) m |= CT_BLANK
  if (c < 32 || c === 127) m |= CT_CNTRL
  if (c > 32 && c < 127 && !upper && !lower && !digit) m |= CT_PUNCT
  if (upper || lower || digit) m |= CT_ALNUM
  TABLE[c] = m
}

function cls(c: number, mask: number): number {
  return c >= 0 && c < 128 ? TABLE[c] & mask : 0
}

export const isalnum = (c: number): number => cls(c, CT_ALNUM)
export const isalpha = (c: number): number => cls(c, CT_ALPHA)
export const iscntrl = (c: number): number => cls(c, CT_CNTRL)
export const isdigit = (c: number): number => cls(c, CT_DIGIT)
export const isgraph = (c: number): number => cls(c, CT_GRAPH)
export const islower = (c: number): number => cls(c, CT_LOWER)
export const isprint = (c: number): number => cls(c, CT_PRINT)
export const ispunct = (c: number): number => cls(c, CT_PUNCT)
export const isspace = (c: number): number => cls(c, CT_SPACE)
export const isupper = (c: number): number => cls(c, CT_UPPER)
export const isxdigit = (c: number): number => cls(c, CT_XDIGIT)
export const isblank = (c: number): number => cls(c, CT_BLANK)
/** glibc's isascii is a macro: ((c & ~0x7f) == 0). */
export const isascii = (c: number): number => ((c & ~0x7f) === 0 ? 1 : 0)
export const toascii = (c: number): number => c & 0x7f

/** glibc's tables map a negative (signed) char other than EOF to its unsigned value. */
function unsignedChar(c: number): number {
  return c >= -128 && c < -1 ? c + 256 : c
}

export function toupper(c: number): number {
  return c >= 97 && c <= 122 ? c - 32 : unsignedChar(c)
}

export function tolower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : unsignedChar(c)
}
