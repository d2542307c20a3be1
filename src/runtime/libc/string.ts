/**
 * <string.h> and the string-to-number half of <stdlib.h> over a program's Memory, with glibc's
 * results: comparisons return the difference of the first differing bytes (as unsigned chars),
 * size_t results are bigint (abi.ts), pointers are numbers, and an access outside mapped memory
 * throws SegvError at the first byte that is not mapped - reads stop at the terminating NUL or
 * at the byte a function looks for, so a missing terminator faults where it would on Linux.
 *
 * Sizes are accepted as number or bigint (size_t arguments arrive as bigint). Functions that set
 * errno take an optional callback for it. The <ctype.h> functions live in ctype.ts and are
 * re-exported here.
 */
import { type Memory, SegvError } from '../memory'
import { NULL_GUARD } from '../../lang/abi'
import { isspace } from './ctype'

export * from './ctype'

export type Size = number | bigint
export type SetErrno = (errno: number) => void
/** malloc as the runtime provides it: an address, or 0 when out of memory. */
export type Allocate = (size: number) => number

const ERANGE = 34
const EINVAL = 22
const ENOMEM = 12

/** A size_t argument as a JS number; sizes beyond any memory become Infinity (and fault). */
function toSize(n: Size): number {
  if (typeof n === 'bigint') {
    const u = BigInt.asUintN(64, n)
    return u > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(u)
  }
  return n < 0 ? Infinity : Math.trunc(n)
}

/** The checked view [addr, addr+n); n == 0 touches nothing (glibc reads no byte either). */
function region(mem: Memory, addr: number, n: number, access: 'read' | 'write'): Uint8Array {
  if (n === 0) return mem.u8.subarray(0, 0)
  if (!Number.isFinite(n)) throw new SegvError(mem.valid(addr, 1) ? mem.size : addr, access)
  return mem.bytes(addr, n, access)
}

/** Byte at addr, or a SegvError. */
function byteAt(mem: Memory, addr: number): number {
  if (addr < NULL_GUARD || addr >= mem.u8.length || !Number.isInteger(addr)) throw new SegvError(addr, 'read')
  return mem.u8[addr]
}

/** Length of the C string at s (faults like strlen would). */
function length(mem: Memory, s: number): number {
  if (!mem.valid(s, 1)) throw new SegvError(s, 'read')
  const end = mem.u8.indexOf(0, s)
  if (end < 0) throw new SegvError(mem.u8.length, 'read')
  return end - s
}

// ---- memory blocks -----------------------------------------------------------------------

export function memset(mem: Memory, s: number, c: number, n: Size): number {
  region(mem, s, toSize(n), 'write').fill(c & 0xff)
  return s
}

/** memcpy: overlapping copies are undefined in C; this one behaves like memmove. */
export function memcpy(mem: Memory, dst: number, src: number, n: Size): number {
  return memmove(mem, dst, src, n)
}

export function memmove(mem: Memory, dst: number, src: number, n: Size): number {
  const len = toSize(n)
  region(mem, src, len, 'read')
  region(mem, dst, len, 'write')
  if (len > 0) mem.u8.copyWithin(dst, src, src + len)
  return dst
}

export function memcmp(mem: Memory, a: number, b: number, n: Size): number {
  const len = toSize(n)
  for (let i = 0; i < len; i++) {
    const x = byteAt(mem, a + i)
    const y = byteAt(mem, b + i)
    if (x !== y) return x - y
  }
  return 0
}

export function memchr(mem: Memory, s: number, c: number, n: Size): number {
  const len = toSize(n)
  const want = c & 0xff
  for (let i = 0; i < len; i++) if (byteAt(mem, s + i) === want) return s + i
  return 0
}

// ---- strings -----------------------------------------------------------------------------

export function strlen(mem: Memory, s: number): bigint {
  return BigInt(length(mem, s))
}

export function strnlen(mem: Memory, s: number, maxlen: Size): bigint {
  const max = toSize(maxlen)
  let i = 0
  while (i < max && byteAt(mem, s + i) !== 0) i++
  return BigInt(i)
}

export function strcmp(mem: Memory, a: number, b: number): number {
  for (let i = 0; ; i++) {
    const x = byteAt(mem, a + i)
    const y = byteAt(mem, b + i)
    if (x !== y) return x - y
    if (x === 0) return 0
  }
}

export function strncmp(mem: Memory, a: number, b: number, n: Size): number {
  const len = toSize(n)
  for (let i = 0; i < len; i++) {
    const x = byteAt(mem, a + i)
    const y = byteAt(mem, b + i)
    if (x !== y) return x - y
    if (x === 0) return 0
  }
  return 0
}

const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c)

export function strcasecmp(mem: Memory, a: number, b: number): number {
  return strncasecmp(mem, a, b, Infinity)
}

export function strncasecmp(mem: Memory, a: number, b: number, n: Size): number {
  const len = toSize(n)
  for (let i = 0; i < len; i++) {
    const x = lower(byteAt(mem, a + i))
    const y = lower(byteAt(mem, b + i))
    if (x !== y) return x - y
    if (x === 0) return 0
  }
  return 0
}

export function strcpy(mem: Memory, dst: number, src: number): number {
  const n = length(mem, src) + 1
  region(mem, dst, n, 'write')
  mem.u8.copyWithin(dst, src, src + n)
  return dst
}

/** stpcpy: like strcpy, returns the address of the copied terminator. */
export function stpcpy(mem: Memory, dst: number, src: number): number {
  const n = length(mem, src)
  strcpy(mem, dst, src)
  return dst + n
}

/** strncpy: copies at most n bytes and pads with NULs up to n (no terminator when src is longer). */
export function strncpy(mem: Memory, dst: number, src: number, n: Size): number {
  const len = toSize(n)
  let i = 0
  while (i < len && byteAt(mem, src + i) !== 0) i++
  const out = region(mem, dst, len, 'write')
  mem.u8.copyWithin(dst, src, src + i)
  out.fill(0, i)
  return dst
}

export function strcat(mem: Memory, dst: number, src: number): number {
  strcpy(mem, dst + length(mem, dst), src)
  return dst
}

/** strncat: appends at most n bytes of src, then always a NUL. */
export function strncat(mem: Memory, dst: number, src: number, n: Size): number {
  const max = toSize(n)
  const at = dst + length(mem, dst)
  let i = 0
  while (i < max && byteAt(mem, src + i) !== 0) i++
  region(mem, at, i + 1, 'write')
  mem.u8.copyWithin(at, src, src + i)
  mem.u8[at + i] = 0
  return dst
}

/** strchr: the first c (as a char) in s; c == 0 finds the terminator. */
export function strchr(mem: Memory, s: number, c: number): number {
  const want = c & 0xff
  for (let p = s; ; p++) {
    const b = byteAt(mem, p)
    if (b === want) return p
    if (b === 0) return 0
  }
}

export function strrchr(mem: Memory, s: number, c: number): number {
  const want = c & 0xff
  let found = 0
  for (let p = s; ; p++) {
    const b = byteAt(mem, p)
    if (b === want) found = p
    if (b === 0) return found
  }
}

export function strstr(mem: Memory, haystack: number, needle: number): number {
  const n = length(mem, needle)
  const h = length(mem, haystack)
  if (n === 0) return haystack
  const u8 = mem.u8
  outer: for (let i = 0; i + n <= h; i++) {
    for (let j = 0; j < n; j++) if (u8[haystack + i + j] !== u8[needle + j]) continue outer
    return haystack + i
  }
  return 0
}

function byteSet(mem: Memory, set: number): Uint8Array {
  const n = length(mem, set)
  const member = new Uint8Array(256)
  for (let i = 0; i < n; i++) member[mem.u8[set + i]] = 1
  return member
}

export function strspn(mem: Memory, s: number, accept: number): bigint {
  const member = byteSet(mem, accept)
  let i = 0
  for (let b = byteAt(mem, s); b !== 0 && member[b]; b = byteAt(mem, s + ++i));
  return BigInt(i)
}

export function strcspn(mem: Memory, s: number, reject: number): bigint {
  const member = byteSet(mem, reject)
  let i = 0
  for (let b = byteAt(mem, s); b !== 0 && !member[b]; b = byteAt(mem, s + ++i));
  return BigInt(i)
}

export function strpbrk(mem: Memory, s: number, accept: number): number {
  const member = byteSet(mem, accept)
  for (let p = s; ; p++) {
    const b = byteAt(mem, p)
    if (b === 0) return 0
    if (member[b]) return p
  }
}

/** strtok's hidden static pointer, kept per process by the caller. */
export interface StrtokState {
  next: number
}

/**
 * glibc's strtok_r algorithm on a save pointer: skip delimiters, cut the token with a NUL, and
 * remember where to go on. Like glibc, continuing with no saved position faults (NULL).
 */
function tokenize(mem: Memory, str: number, delim: number, state: StrtokState): number {
  let p = str !== 0 ? str : state.next
  const member = byteSet(mem, delim)
  while (byteAt(mem, p) !== 0 && member[mem.u8[p]]) p++
  if (mem.u8[p] === 0) {
    state.next = p
    return 0
  }
  const token = p
  while (byteAt(mem, p) !== 0 && !member[mem.u8[p]]) p++
  if (mem.u8[p] === 0) state.next = p
  else {
    region(mem, p, 1, 'write')[0] = 0
    state.next = p + 1
  }
  return token
}

export function strtok(mem: Memory, str: number, delim: number, state: StrtokState): number {
  return tokenize(mem, str, delim, state)
}

/** strtok_r with the save pointer in C memory (char **saveptr): the state lives where the program put it. */
export function strtok_r(mem: Memory, str: number, delim: number, saveptr: number): number {
  const state = { next: str !== 0 ? 0 : readPointer(mem, saveptr) }
  const token = tokenize(mem, str, delim, state)
  storeEnd(mem, saveptr, state.next)
  return token
}

function readPointer(mem: Memory, addr: number): number {
  region(mem, addr, 8, 'read')
  return mem.dv.getUint32(addr - NULL_GUARD, true)
}

/** strdup: a malloc'd copy, or 0 (errno ENOMEM) when malloc fails. */
export function strdup(mem: Memory, s: number, malloc: Allocate, setErrno?: SetErrno): number {
  const n = length(mem, s) + 1
  const p = malloc(n)
  if (p === 0) {
    setErrno?.(ENOMEM)
    return 0
  }
  mem.u8.copyWithin(p, s, s + n)
  return p
}

/** strndup: at most n bytes of s, always terminated. */
export function strndup(mem: Memory, s: number, n: Size, malloc: Allocate, setErrno?: SetErrno): number {
  const len = Number(strnlen(mem, s, n))
  const p = malloc(len + 1)
  if (p === 0) {
    setErrno?.(ENOMEM)
    return 0
  }
  mem.u8.copyWithin(p, s, s + len)
  mem.u8[p + len] = 0
  return p
}

// ---- string to number (glibc's ____strtol_l_internal) --------------------------------------

const U64_MAX = (1n << 64n) - 1n
const I64_MAX = (1n << 63n) - 1n

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48
  if (c >= 97 && c <= 122) return c - 87
  if (c >= 65 && c <= 90) return c - 55
  return 99
}

interface Parsed {
  negative: boolean
  magnitude: bigint // saturated at U64_MAX + 1 on overflow
  overflow: boolean
  end: number // address where parsing stopped
  invalidBase: boolean
}

function parseInteger(mem: Memory, nptr: number, base: number): Parsed {
  if (base < 0 || base === 1 || base > 36) return { negative: false, magnitude: 0n, overflow: false, end: nptr, invalidBase: true }
  let p = nptr
  while (isspace(byteAt(mem, p))) p++
  let negative = false
  if (mem.u8[p] === 45) {
    negative = true
    p++
  } else if (mem.u8[p] === 43) p++
  if (byteAt(mem, p) === 48) {
    const x = byteAt(mem, p + 1)
    if ((base === 0 || base === 16) && (x === 120 || x === 88)) {
      p += 2
      base = 16
    } else if (base === 0) base = 8
  } else if (base === 0) base = 10
  const start = p
  const b = BigInt(base)
  let value = 0n
  let small = 0 // digits accumulate in a double while that is exact
  let big = false
  let overflow = false
  for (;;) {
    const d = digitValue(byteAt(mem, p))
    if (d >= base) break
    if (!big && small < 2 ** 46) small = small * base + d // stays below 2^53: exact
    else if (!big) {
      big = true
      value = BigInt(small) * b + BigInt(d)
    } else if (!overflow) {
      value = value * b + BigInt(d)
      if (value > U64_MAX) overflow = true
    }
    p++
  }
  if (p === start) {
    // no digits: for "0x" followed by a non-hex digit, the "0" was the number
    const x = start >= nptr + 2 ? mem.u8[start - 1] : 0
    const end = base === 16 && (x === 120 || x === 88) && mem.u8[start - 2] === 48 ? start - 1 : nptr
    return { negative: false, magnitude: 0n, overflow: false, end, invalidBase: false }
  }
  return { negative, magnitude: big ? value : BigInt(small), overflow, end: p, invalidBase: false }
}

function storeEnd(mem: Memory, endptr: number, end: number): void {
  if (endptr === 0) return
  region(mem, endptr, 8, 'write')
  mem.dv.setUint32(endptr - NULL_GUARD, end, true)
  mem.dv.setUint32(endptr - NULL_GUARD + 4, 0, true)
}

/** strtol / strtoll (long is 64-bit): clamps to LONG_MIN/LONG_MAX with ERANGE. */
export function strtol(mem: Memory, nptr: number, endptr: number, base: number, setErrno?: SetErrno): bigint {
  const r = parseInteger(mem, nptr, base)
  if (r.invalidBase) {
    setErrno?.(EINVAL)
    return 0n
  }
  storeEnd(mem, endptr, r.end)
  const limit = r.negative ? I64_MAX + 1n : I64_MAX
  if (r.overflow || r.magnitude > limit) {
    setErrno?.(ERANGE)
    return r.negative ? -limit : limit
  }
  return r.negative ? -r.magnitude : r.magnitude
}

export const strtoll = strtol

/** strtoul / strtoull: a leading '-' negates in unsigned arithmetic; overflow gives ULONG_MAX with ERANGE. */
export function strtoul(mem: Memory, nptr: number, endptr: number, base: number, setErrno?: SetErrno): bigint {
  const r = parseInteger(mem, nptr, base)
  if (r.invalidBase) {
    setErrno?.(EINVAL)
    return 0n
  }
  storeEnd(mem, endptr, r.end)
  if (r.overflow) {
    setErrno?.(ERANGE)
    return U64_MAX
  }
  return r.negative ? BigInt.asUintN(64, -r.magnitude) : r.magnitude
}

export const strtoull = strtoul

/** atoi: (int) strtol(s, NULL, 10) - errno is still set on overflow, as glibc's does. */
export function atoi(mem: Memory, nptr: number, setErrno?: SetErrno): number {
  return Number(BigInt.asIntN(32, strtol(mem, nptr, 0, 10, setErrno)))
}

export function atol(mem: Memory, nptr: number, setErrno?: SetErrno): bigint {
  return strtol(mem, nptr, 0, 10, setErrno)
}

export const atoll = atol
