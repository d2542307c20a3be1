import { describe, expect, it } from 'vitest'
import { Memory, SegvError } from '../memory'
import * as S from './string'
import cases from './fixtures/libc-cases.json'

function setup(size = 1 << 16) {
  const mem = new Memory(new ArrayBuffer(size))
  let next = 4096
  const alloc = (n: number) => {
    const at = next
    next += n + 8
    return at
  }
  const bytes = (b: Uint8Array | number[]) => {
    const at = alloc(b.length + 1)
    mem.u8.set(b, at)
    mem.u8[at + b.length] = 0
    return at
  }
  const str = (s: string) => bytes(new TextEncoder().encode(s))
  const read = (addr: number) => mem.cstring(addr)
  return { mem, alloc, str, bytes, read }
}

describe('strtol family against glibc (fixtures/libc-cases.json)', () => {
  const { mem, str, alloc } = setup()
  const endp = alloc(8)
  for (const c of cases.strtol) {
    const input = cases.strtolInputs[c.input]
    it(`${JSON.stringify(input)} base ${c.base}`, () => {
      const s = str(input)
      for (const [fn, expected] of [
        [S.strtol, c.strtol],
        [S.strtoul, c.strtoul],
        [S.strtoll, c.strtoll],
        [S.strtoull, c.strtoull],
      ] as const) {
        let errno = 0
        mem.dv.setBigUint64(endp - 4096, 0xdeadn, true)
        const v = fn(mem, s, endp, c.base, (e) => (errno = e))
        const wide = fn === S.strtoul || fn === S.strtoull ? BigInt.asUintN(64, v) : v
        expect([String(wide), Number(mem.dv.getBigUint64(endp - 4096, true)) - s, errno]).toEqual([expected[0], expected[1], expected[2]])
      }
      if (c.atoi !== undefined) {
        expect(S.atoi(mem, s)).toBe(c.atoi)
        expect(String(S.atol(mem, s))).toBe(c.atol)
      }
    })
  }
  it('invalid bases set EINVAL and leave endptr alone', () => {
    const s = str('12')
    mem.dv.setBigUint64(endp - 4096, 77n, true)
    let errno = 0
    expect(S.strtol(mem, s, endp, 1, (e) => (errno = e))).toBe(0n)
    expect(errno).toBe(22)
    expect(mem.dv.getBigUint64(endp - 4096, true)).toBe(77n)
    expect(S.strtoul(mem, s, 0, 37)).toBe(0n)
  })
  it('a NULL endptr is not written', () => {
    expect(S.strtol(mem, str('  -5'), 0, 10)).toBe(-5n)
  })
})

describe('ctype against glibc', () => {
  const fns = [S.isalnum, S.isalpha, S.iscntrl, S.isdigit, S.isgraph, S.islower, S.isprint, S.ispunct, S.isspace, S.isupper, S.isxdigit, S.isblank, S.isascii, S.toupper, S.tolower]
  it('every value in -128..255', () => {
    for (const [c, ...expected] of cases.ctype) expect(fns.map((f) => f(c)), `c=${c}`).toEqual(expected)
  })
})

describe('string functions', () => {
  it('comparisons return the difference of the first differing bytes (glibc 2.36 x86-64)', () => {
    const { mem, str, bytes } = setup()
    const a = str('abc')
    const b = str('abd')
    const c = bytes([97, 98, 0xff])
    const d = str('ab')
    expect([S.memcmp(mem, a, b, 3n), S.memcmp(mem, b, a, 3n), S.memcmp(mem, a, c, 3n), S.memcmp(mem, a, a, 3n)]).toEqual([-1, 1, -156, 0])
    expect([S.strcmp(mem, a, b), S.strcmp(mem, b, a), S.strcmp(mem, a, c), S.strcmp(mem, a, d), S.strcmp(mem, d, a)]).toEqual([-1, 1, -156, 99, -99])
    expect([S.strncmp(mem, a, b, 3n), S.strncmp(mem, a, b, 2n), S.strncmp(mem, c, a, 5n)]).toEqual([-1, 0, 156])
    expect([S.strcasecmp(mem, str('ABC'), str('abd')), S.strcasecmp(mem, str('b'), str('A'))]).toEqual([-1, 1])
    expect(S.strncasecmp(mem, str('HELLO'), str('help'), 3)).toBe(0)
  })
  it('lengths are size_t (bigint)', () => {
    const { mem, str } = setup()
    const s = str('hello')
    expect(S.strlen(mem, s)).toBe(5n)
    expect(S.strnlen(mem, s, 3n)).toBe(3n)
    expect(S.strnlen(mem, s, 100n)).toBe(5n)
    expect(S.strspn(mem, str('aabbc'), str('ab'))).toBe(4n)
    expect(S.strcspn(mem, str('hello, world'), str(', '))).toBe(5n)
  })
  it('copies and concatenations', () => {
    const { mem, str, alloc, read } = setup()
    const buf = alloc(32)
    expect(S.strcpy(mem, buf, str('foo'))).toBe(buf)
    expect(S.strcat(mem, buf, str('bar'))).toBe(buf)
    expect(read(buf)).toBe('foobar')
    S.strncat(mem, buf, str('bazqux'), 3n)
    expect(read(buf)).toBe('foobarbaz')
    expect(S.stpcpy(mem, buf, str('xy'))).toBe(buf + 2)
    const pad = alloc(8)
    mem.u8.fill(0x55, pad, pad + 8)
    S.strncpy(mem, pad, str('ab'), 6n)
    expect([...mem.u8.subarray(pad, pad + 8)]).toEqual([97, 98, 0, 0, 0, 0, 0x55, 0x55])
    S.strncpy(mem, pad, str('abcdefgh'), 3)
    expect([...mem.u8.subarray(pad, pad + 4)]).toEqual([97, 98, 99, 0])
    const m = alloc(8)
    S.memset(mem, m, 0x141, 8n)
    expect([...mem.u8.subarray(m, m + 8)]).toEqual(new Array(8).fill(0x41))
    S.memcpy(mem, m, str('12345678'), 4n)
    S.memmove(mem, m + 1, m, 4n)
    expect(String.fromCharCode(...mem.u8.subarray(m, m + 6))).toBe('11234A')
  })
  it('searching', () => {
    const { mem, str } = setup()
    const s = str('hello world')
    expect(S.strchr(mem, s, 0x6f)).toBe(s + 4)
    expect(S.strrchr(mem, s, 0x6f)).toBe(s + 7)
    expect(S.strchr(mem, s, 0)).toBe(s + 11)
    expect(S.strchr(mem, s, 0x7a)).toBe(0)
    expect(S.strchr(mem, s, 0x16f)).toBe(s + 4) // c is converted to char
    expect(S.strstr(mem, s, str('wor'))).toBe(s + 6)
    expect(S.strstr(mem, s, str(''))).toBe(s)
    expect(S.strstr(mem, s, str('xyz'))).toBe(0)
    expect(S.memchr(mem, s, 0x20, 11n)).toBe(s + 5)
    expect(S.memchr(mem, s, 0x20, 5n)).toBe(0)
    expect(S.strpbrk(mem, s, str('wr'))).toBe(s + 6)
  })
  it('strtok and strtok_r cut tokens in place', () => {
    const { mem, str, alloc, read } = setup()
    const s = str(',,a,bb;;c,')
    const delim = str(',;')
    const state = { next: 0 }
    const tokens: string[] = []
    for (let t = S.strtok(mem, s, delim, state); t !== 0; t = S.strtok(mem, 0, delim, state)) tokens.push(read(t))
    expect(tokens).toEqual(['a', 'bb', 'c'])
    const s2 = str('x y')
    const save = alloc(8)
    const t1 = S.strtok_r(mem, s2, str(' '), save)
    const t2 = S.strtok_r(mem, 0, str(' '), save)
    expect([read(t1), read(t2), S.strtok_r(mem, 0, str(' '), save)]).toEqual(['x', 'y', 0])
    expect(() => S.strtok(mem, 0, delim, { next: 0 })).toThrow(SegvError)
  })
  it('strdup uses the given allocator', () => {
    const { mem, str, alloc, read } = setup()
    const p = S.strdup(mem, str('copy me'), alloc)
    expect(read(p)).toBe('copy me')
    let errno = 0
    expect(S.strdup(mem, str('x'), () => 0, (e) => (errno = e))).toBe(0)
    expect(errno).toBe(12)
    expect(read(S.strndup(mem, str('abcdef'), 3n, alloc))).toBe('abc')
  })
  it('faults outside mapped memory, where Linux would', () => {
    const { mem, str } = setup(8192)
    const s = str('ok')
    expect(() => S.strlen(mem, 0)).toThrow(SegvError)
    expect(() => S.strcmp(mem, s, 16)).toThrow(SegvError)
    expect(() => S.memset(mem, 8000, 0, 500n)).toThrow(SegvError)
    expect(() => S.memcpy(mem, s, 8100, 200n)).toThrow(SegvError)
    expect(() => S.memset(mem, 8000, 0, -1n)).toThrow(SegvError) // (size_t)-1
    expect(S.memset(mem, 0, 0, 0n)).toBe(0) // n == 0 touches nothing
    // an unterminated string faults at the end of memory
    mem.u8.fill(0x41, 8100)
    try {
      S.strlen(mem, 8100)
      expect.unreachable()
    } catch (e) {
      expect((e as SegvError).address).toBe(8192)
    }
    // comparisons stop at the first difference, before reading further
    mem.u8[8191] = 0x42
    expect(S.memcmp(mem, 8100, s, 100n)).toBe(0x41 - 0x6f)
  })
})
