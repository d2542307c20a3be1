/**
 * 64-bit integer locals held as JS numbers (codegen.ts numberLocals): a `__u64`/`__s64` local
 * given only number-valued values (pointer differences, widened 32-bit values, small constants,
 * copies of such locals) is a number, turned into a bigint only where one is needed. Checked here:
 * a program printing, storing, comparing, adding to memory, dividing, shifting and narrowing such
 * locals at edge values (negative differences, values around 2^32, INT_MIN) prints what gcc 12
 * printed for it, and exactly what the same program prints with those locals kept in memory (the
 * bigint path); comparisons against BigInt semantics for every sign mix; the debugger still sees
 * bigints; BPF `lock xadd` of such a local takes the number path ($xadd64) and sums exactly across
 * 2^32 wraps, host 64-bit add or not; locals given any other value stay bigints.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CFault, NULL_GUARD } from './abi'
import { compileOk, instantiate, load, runMain } from './testing'

/** The generated JS of one function. */
function body(code: string, fn: string): string {
  const start = code.indexOf(`function f_${fn}(`)
  if (start < 0) throw new Error(`no function ${fn}`)
  return code.slice(start, code.indexOf('\n}\n', start))
}

/** The initial value the hoisted `let` gives a local named `name`: '0' (a number) or '0n' (a bigint). */
function initOf(code: string, fn: string, name: string): string {
  const m = new RegExp(`\\bv\\d+_${name} = (0n?)[,;]`).exec(body(code, fn))
  if (!m) throw new Error(`no local ${name} in ${fn}`)
  return m[1]
}

// `KEEP(x)` takes x's address when IN_MEMORY is defined: the same program with every such local in memory (bigints).
const PROGRAM = `#include <stdio.h>
typedef unsigned long long u64;
typedef long long s64;
typedef unsigned int u32;
#ifdef IN_MEMORY
#define KEEP(x) ((void)&(x))
#else
#define KEEP(x) ((void)0)
#endif

struct pair { u64 a; s64 b; };
u64 g_total;
struct pair g_pair;
static char buf[256];

static u64 twice(u64 x) { return x * 2; }

static void show(char *lo, char *hi, int i, u32 u) {
  u64 d = lo - hi;
  s64 s = lo - hi;
  u64 w = u;
  s64 n = i;
  u64 c = i;
  u64 k = 4294967295u;
  u64 copy = d;
  u64 pick = i > 0 ? w : d;
  u64 idx = u % 16;
  s64 back = (s64)i % 8;
  u64 e2;
  u64 m = lo - hi;
  u64 q = w;
  KEEP(d); KEEP(s); KEEP(w); KEEP(n); KEEP(c); KEEP(k); KEEP(copy); KEEP(pick); KEEP(idx); KEEP(back); KEEP(e2);
  printf("%llu %lld %llx %llu %lld %llu %llu %llu %llu\\n", d, s, d, w, n, c, k, copy, pick);
  struct pair p = { d, s };
  g_pair.a = w;
  g_pair.b = n;
  printf("%llu %lld %llu %lld\\n", p.a, p.b, g_pair.a, g_pair.b);
  printf("%d %d %d %d %d %d %d %d %d %d\\n", d > 5, s < 0, w == c, n < 3, c > 3, (u64)n > 3, w >= k, d != copy, n >= s, w < d);
  if (d) printf("d set\\n");
  if (!w) printf("w zero\\n");
  if (n) printf("n set\\n");
  g_total = 100;
  g_total += d;
  printf("%llu\\n", g_total);
  g_total -= w;
  printf("%llu\\n", g_total);
  __sync_fetch_and_add(&g_total, s);
  printf("%llu\\n", g_total);
  __sync_fetch_and_sub(&g_total, c);
  printf("%llu\\n", g_total);
  printf("%llu %llu %llu %llu %lld %lld %lld\\n", d / 7, d % 7, d >> 3, d << 5, s / 3, s % 3, s >> 2);
  printf("%llu %llu %lld %llu\\n", w / 3, c >> 60, n * 3, twice(c));
  printf("%u %d %u %d %d %ld %.1f %hhd %hu\\n", (u32)d, (int)d, (unsigned char)c, (short)w, (int)n, (long)d, (double)w, (signed char)s, (unsigned short)d);
  buf[idx] = 'A' + (char)idx;
  printf("%c %d\\n", buf[idx], (buf + 100)[back]);
  printf("%llu\\n", e2 = hi - lo);
  printf("%llu\\n", e2);
  m = m * 3;
  q += 1;
  printf("%llu %llu\\n", m, q);
  switch (w) {
  case 7: printf("seven\\n"); break;
  case 4294967295u: printf("max\\n"); break;
  default: printf("other\\n");
  }
  for (int j = 0; j < 2; j++) {
    u64 t = j ? d : w;
    printf("%llu ", t);
  }
  printf("\\n");
}

int main(void) {
  show(buf, buf + 37, -1, 0xffffffffu);
  show(buf + 200, buf + 3, 5, 7);
  show(buf, buf, 0, 0);
  show(buf + 3, buf + 200, -2147483647 - 1, 0x80000000u);
  show((char *)0x100000005ULL, (char *)3, 2147483647, 0xfffffffeu);
  show((char *)3, (char *)0x100000005ULL, -3, 3);
  return 0;
}
`

// gcc 12 -O0 and -O2 on x86-64
const GCC_OUTPUT = [
  '18446744073709551579 -37 ffffffffffffffdb 4294967295 -1 18446744073709551615 4294967295 18446744073709551579 18446744073709551579',
  '18446744073709551579 -37 4294967295 -1',
  '1 1 0 1 1 1 1 0 1 1',
  'd set',
  'n set',
  '63',
  '18446744069414584384',
  '18446744069414584347',
  '18446744069414584348',
  '2635249153387078797 0 2305843009213693947 18446744073709550432 -12 -1 -10',
  '1431655765 15 -3 18446744073709551614',
  '4294967259 -37 255 -1 -1 -37 4294967295.0 -37 65499',
  'P 0',
  '37',
  '37',
  '18446744073709551505 4294967296',
  'max',
  '4294967295 18446744073709551579 ',
  '197 197 c5 7 5 5 4294967295 197 7',
  '197 197 7 5',
  '1 0 0 0 1 1 0 0 0 1',
  'd set',
  'n set',
  '297',
  '290',
  '487',
  '482',
  '28 1 24 6304 65 2 49',
  '2 0 15 10',
  '197 197 5 7 5 197 7.0 -59 197',
  'H 0',
  '18446744073709551419',
  '18446744073709551419',
  '591 8',
  'seven',
  '7 197 ',
  '0 0 0 0 0 0 4294967295 0 0',
  '0 0 0 0',
  '0 0 1 1 0 0 0 0 1 0',
  'w zero',
  '100',
  '100',
  '100',
  '100',
  '0 0 0 0 0 0 0',
  '0 0 0 0',
  '0 0 0 0 0 0 0.0 0 0',
  'A 0',
  '0',
  '0',
  '0 1',
  'other',
  '0 0 ',
  '18446744073709551419 -197 ffffffffffffff3b 2147483648 -2147483648 18446744071562067968 4294967295 18446744073709551419 18446744073709551419',
  '18446744073709551419 -197 2147483648 -2147483648',
  '1 1 0 1 1 1 0 0 0 1',
  'd set',
  'n set',
  '18446744073709551519',
  '18446744071562067871',
  '18446744071562067674',
  '18446744073709551322',
  '2635249153387078774 1 2305843009213693927 18446744073709545312 -65 -2 -50',
  '715827882 15 -6442450944 18446744069414584320',
  '4294967099 -197 0 0 -2147483648 -197 2147483648.0 59 65339',
  'A 0',
  '197',
  '197',
  '18446744073709551025 2147483649',
  'other',
  '2147483648 18446744073709551419 ',
  '4294967298 4294967298 100000002 4294967294 2147483647 2147483647 4294967295 4294967298 4294967294',
  '4294967298 4294967298 4294967294 2147483647',
  '1 0 0 0 1 1 0 0 0 1',
  'd set',
  'n set',
  '4294967398',
  '104',
  '4294967402',
  '2147483755',
  '613566756 6 536870912 137438953536 1431655766 0 1073741824',
  '1431655764 0 6442450941 4294967294',
  '2 2 255 -2 2147483647 4294967298 4294967294.0 2 2',
  'O 0',
  '18446744069414584318',
  '18446744069414584318',
  '12884901894 4294967295',
  'other',
  '4294967294 4294967298 ',
  '18446744069414584318 -4294967298 fffffffefffffffe 3 -3 18446744073709551613 4294967295 18446744069414584318 18446744069414584318',
  '18446744069414584318 -4294967298 3 -3',
  '1 1 0 1 1 1 0 0 1 1',
  'd set',
  'n set',
  '18446744069414584418',
  '18446744069414584415',
  '18446744065119617117',
  '18446744065119617120',
  '2635249152773512045 3 2305843008676823039 18446743936270598080 -1431655766 0 -1073741825',
  '1 15 -9 18446744073709551610',
  '4294967294 -2 253 3 -3 -4294967298 3.0 -2 65534',
  'D 0',
  '4294967298',
  '4294967298',
  '18446744060824649722 4',
  'other',
  '3 18446744069414584318 ',
]

describe('64-bit locals as numbers: userspace programs', () => {
  it('print, store, compare, add to memory, divide, shift and narrow as gcc does', () => {
    const r = runMain(PROGRAM)
    expect(r.stdout.split('\n').slice(0, -1)).toEqual(GCC_OUTPUT)
    expect(r.exit).toBe(0)
  })

  it('give exactly the output of the same locals kept in memory (the bigint path)', () => {
    const inMemory = runMain('#define IN_MEMORY\n' + PROGRAM)
    expect(runMain(PROGRAM).stdout).toBe(inMemory.stdout)
    // (and those locals really are in memory there)
    expect(body(compileOk('#define IN_MEMORY\n' + PROGRAM).code, 'show')).not.toMatch(/\bv\d+_d = /)
  })

  it('are numbers when every value is number-valued, bigints otherwise', () => {
    const code = compileOk(PROGRAM).code
    for (const n of ['d', 's', 'w', 'n', 'c', 'k', 'copy', 'pick', 'idx', 'e2', 't']) expect(initOf(code, 'show', n), n).toBe('0')
    // back = (s64)i % 8: a 64-bit remainder; m is later m * 3; q is the target of +=
    for (const n of ['back', 'm', 'q']) expect(initOf(code, 'show', n), n).toBe('0n')
    // a 32-bit truncation and a comparison of two bounded locals need no bigint
    expect(body(code, 'show')).toMatch(/\(v\d+_d >>> 0\)/)
    expect(body(code, 'show')).toMatch(/\(v\d+_w === v\d+_c\)/)
  })

  it('copies between locals: a local fed by one that turns out unbounded is a bigint too', () => {
    const src = `
typedef unsigned long long u64;
int printf(const char *, ...);
int main(void) {
  char b[8];
  u64 a = b + 1 - b, c = a, x = 1, y = x, z = 0;
  for (int i = 0; i < 3; i++) { a = c; c = a; y = x; x = y * 2 + a; z = i ? c : y; }
  printf("%llu %llu %llu %llu %llu\\n", a, c, x, y, z);
  return 0;
}`
    const code = compileOk(src).code
    expect([initOf(code, 'main', 'a'), initOf(code, 'main', 'c')]).toEqual(['0', '0'])
    expect([initOf(code, 'main', 'x'), initOf(code, 'main', 'y'), initOf(code, 'main', 'z')]).toEqual(['0n', '0n', '0n'])
    expect(runMain(src).stdout).toBe('1 1 15 7 1\n') // x: 1 -> 3 -> 7 -> 15
  })

  it('compare as BigInt semantics say, for every sign mix and both signednesses', () => {
    const src = `
typedef unsigned long long u64;
typedef long long s64;
typedef unsigned int u32;
#define CMP(p, q) (((p) < (q)) | ((p) <= (q)) << 1 | ((p) > (q)) << 2 | ((p) >= (q)) << 3 | ((p) == (q)) << 4 | ((p) != (q)) << 5)
int uu(int a, int b) { u64 p = a, q = b; return CMP(p, q); }
int uz(int a, u32 b) { u64 p = a, q = b; return CMP(p, q); }
int zz(u32 a, u32 b) { u64 p = a, q = b; return CMP(p, q); }
int ss(int a, int b) { s64 p = a, q = b; return CMP(p, q); }
int sz(int a, u32 b) { s64 p = a, q = b; return CMP(p, q); }
int ulit(int a) { u64 p = a; return CMP(p, 5) | CMP(p, -1) << 6 | CMP(p, 0xffffffffULL) << 12; }
int slit(int a) { s64 p = a; return CMP(p, 5) | CMP(p, -1) << 6 | CMP(p, -2147483649LL) << 12; }
`
    const run = load(src)
    const ex = run.exports as Record<string, (...a: number[]) => number>
    const cmp = (p: bigint, q: bigint) => (p < q ? 1 : 0) | (p <= q ? 2 : 0) | (p > q ? 4 : 0) | (p >= q ? 8 : 0) | (p === q ? 16 : 0) | (p !== q ? 32 : 0)
    const u = (x: number) => BigInt.asUintN(64, BigInt(x))
    const ints = [0, 1, 5, -1, -5, 2147483647, -2147483648]
    const u32s = [0, 1, 5, 0x7fffffff, 0x80000000, 0xffffffff]
    for (const a of ints) {
      for (const b of ints) {
        expect(ex.uu(a, b), `uu ${a} ${b}`).toBe(cmp(u(a), u(b)))
        expect(ex.ss(a, b), `ss ${a} ${b}`).toBe(cmp(BigInt(a), BigInt(b)))
      }
      for (const b of u32s) {
        expect(ex.uz(a, b), `uz ${a} ${b}`).toBe(cmp(u(a), BigInt(b)))
        expect(ex.sz(a, b), `sz ${a} ${b}`).toBe(cmp(BigInt(a), BigInt(b)))
      }
      expect(ex.ulit(a), `ulit ${a}`).toBe(cmp(u(a), 5n) | (cmp(u(a), u(-1)) << 6) | (cmp(u(a), 0xffffffffn) << 12))
      expect(ex.slit(a), `slit ${a}`).toBe(cmp(BigInt(a), 5n) | (cmp(BigInt(a), -1n) << 6) | (cmp(BigInt(a), -2147483649n) << 12))
    }
    for (const a of u32s) for (const b of u32s) expect(ex.zz(a, b), `zz ${a} ${b}`).toBe(cmp(BigInt(a), BigInt(b)))
    // same-sign operands compare as numbers; under an unsigned comparison a side that may be
    // negative compares as above a non-negative one ($uo), and two such sides go through bigints
    expect(body(run.program.code, 'zz')).not.toContain('BigInt')
    expect(body(run.program.code, 'ss')).not.toContain('BigInt')
    expect(body(run.program.code, 'uz')).not.toContain('BigInt')
    expect(body(run.program.code, 'uz')).toContain('$uo(')
    expect(body(run.program.code, 'uu')).toContain('BigInt')
  })

  it('compare pointer differences as numbers, as BigInt semantics say', () => {
    const src = `
typedef unsigned long long u64;
typedef long long s64;
#define CMP(p, q) (((p) < (q)) | ((p) <= (q)) << 1 | ((p) > (q)) << 2 | ((p) >= (q)) << 3 | ((p) == (q)) << 4 | ((p) != (q)) << 5)
int pd(char *p, char *q) { s64 d = p - q; u64 u = p - q; return CMP(d, 5) | CMP(d, -3) << 6 | CMP(u, 5) << 12 | CMP(p - q, 100) << 18 | CMP((u64)(p - q), 7) << 24; }
int wd(int *p, int *q) { return CMP(p - q, 2) | CMP((u64)(p - q), 2) << 6; }
`
    const run = load(src)
    const ex = run.exports as Record<string, (...a: number[]) => number>
    const cmp = (p: bigint, q: bigint) => (p < q ? 1 : 0) | (p <= q ? 2 : 0) | (p > q ? 4 : 0) | (p >= q ? 8 : 0) | (p === q ? 16 : 0) | (p !== q ? 32 : 0)
    const u = (x: bigint) => BigInt.asUintN(64, x)
    for (const diff of [0, 1, 3, 5, 7, 100, 101, -1, -3, -4, -100, 70000, -70000]) {
      const p = 0x20000 + diff
      const q = 0x20000
      const d = BigInt(diff)
      const want = cmp(d, 5n) | (cmp(d, -3n) << 6) | (cmp(u(d), 5n) << 12) | (cmp(d, 100n) << 18) | (cmp(u(d), 7n) << 24)
      expect(ex.pd(p, q), `pd ${diff}`).toBe(want)
      const w = d
      expect(ex.wd(0x20000 + 4 * diff, q), `wd ${diff}`).toBe(cmp(w, 2n) | (cmp(u(w), 2n) << 6))
    }
    expect(body(run.program.code, 'pd')).not.toContain('BigInt')
    expect(body(run.program.code, 'wd')).not.toContain('BigInt')
  })

  it('reach the debugger as bigints', () => {
    const src = `
typedef unsigned long long u64;
typedef long long s64;
int main(void) {
  char b[64];
  u64 d = b - (b + 37);
  s64 n = -5;
  int done = 1;
  return done;
}`
    const program = compileOk(src, { hooks: 'statements' })
    const run = instantiate(program)
    const seen = new Map<string, unknown>()
    const debug = program.debug!
    const fn = debug.functions.find((f) => f.name === 'main')!
    run.env.trap = (_sid, scope, values) => {
      const sc = debug.scopes[scope!]
      const regs = sc.vars.filter((i) => fn.vars[i].reg)
      regs.forEach((i, k) => seen.set(fn.vars[i].name, values![k]))
    }
    run.env.ctl[0] = 1
    expect(run.exports.main(0, 0)).toBe(1)
    expect(seen.get('d')).toBe(18446744073709551579n)
    expect(seen.get('n')).toBe(-5n)
    expect(initOf(program.code, 'main', 'd')).toBe('0')
  })
})

const BPF_SRC = `
typedef unsigned long long u64;
typedef long long s64;
struct counters { u64 packets; u64 bytes; };
int count(struct counters *c, char *data, char *data_end) {
  u64 bytes = data_end - data;
  KEEP(bytes);
  __sync_fetch_and_add(&c->packets, 1);
  __sync_fetch_and_add(&c->bytes, bytes);
  return 0;
}
int count_signed(s64 *c, char *data, char *data_end) {
  s64 bytes = data_end - data;
  KEEP(bytes);
  __sync_fetch_and_sub(c, bytes);
  return 0;
}
int init(struct counters *out, char *data, char *data_end) {
  u64 bytes = data_end - data;
  KEEP(bytes);
  struct counters init = { 1, bytes };
  __builtin_memcpy(out, &init, sizeof(init));
  return 0;
}
`
const NUMBERS = '#define KEEP(x) ((void)0)\n' + BPF_SRC
const IN_MEMORY = '#define KEEP(x) ((void)&(x))\n' + BPF_SRC

function bpfSetup(src: string, atomicAdd64?: (a: number, x: number) => void) {
  const p = compileOk(src, { target: 'bpf' })
  const buffer = new SharedArrayBuffer(1 << 16)
  const dv = new DataView(buffer)
  new Uint8Array(buffer).set(p.data, 0x2000)
  const env = { dv: new DataView(buffer, NULL_GUARD), buffer, dataBase: 0x2000, stackTop: 0x7000, stackLimit: 0x6000, ctl: new Int32Array(1), trap: () => undefined, CFault, imports: {}, atomicAdd64 }
  const ex = new Function('$env', p.code)(env) as Record<string, (...a: number[]) => number>
  return { p, ex, dv }
}

// byte differences (data_end - data): negative ones too, and around 2^32 and 2^53
const DIFFS = [0, 1, 1500, -1, -1500, 0xffffffff, 0x100000000, -0x100000000, 2 ** 53, -(2 ** 53), 2 ** 60 + 2 ** 40]
const STARTS = [0n, 5n, 0xffff_ff00n, 0xffff_ffffn, 0x1_ffff_fffen, 0xffff_ffff_ffff_fff0n, 0x8000_0000_0000_0000n]

describe('64-bit locals as numbers: BPF lock xadd', () => {
  it('an ipcount-style counter adds its packet length without a bigint', () => {
    const code = bpfSetup(NUMBERS).p.code
    for (const fn of ['count', 'count_signed']) {
      expect(body(code, fn), fn).not.toContain('BigInt(')
      expect(body(code, fn), fn).not.toContain('$U64')
      expect(body(code, fn), fn).not.toContain('$I64')
    }
    expect(body(code, 'count')).toMatch(/\$xadd64\(\(v\d+_c \+ 8\), v\d+_bytes\)/)
    expect(body(code, 'init')).not.toContain('BigInt(') // stored into the private stack as two words
    // kept in memory, the same program takes the bigint path (what the A/B tests below compare with)
    expect(body(bpfSetup(IN_MEMORY).p.code, 'count')).toContain('Atomics.add($U64')
  })

  it('the XDP fixture ipcount.c adds its byte count on the number path', () => {
    const src = readFileSync(join(__dirname, '../xdp/fixtures/ipcount.c'), 'utf8')
    const code = body(compileOk(src, { target: 'bpf', filename: 'ipcount.c' }).code, 'count_sources')
    expect(code).not.toContain('BigInt(')
    expect(code).not.toContain('Atomics.add($U64')
    expect(code).toMatch(/\$xadd64\(\(v\d+_c \+ 8\), v\d+_bytes\)/)
  })

  for (const host of [false, true]) {
    it(`sums exactly, as the bigint path does, across 2^32 wraps (${host ? 'host 64-bit add' : 'two 32-bit adds'})`, () => {
      const calls: number[] = []
      // a stand-in for the host's add: the real one is exact for |x| < 2^53 (abi.ts), this one too
      let dv: DataView | null = null
      const hostAdd = (a: number, x: number) => {
        calls.push(x)
        if (!Number.isSafeInteger(x)) throw new Error(`unsafe host add ${x}`)
        dv!.setBigUint64(a, BigInt.asUintN(64, dv!.getBigUint64(a, true) + BigInt(x)), true)
      }
      const num = bpfSetup(NUMBERS, host ? hostAdd : undefined)
      const mem = bpfSetup(IN_MEMORY)
      dv = num.dv
      const at = 0x8000
      const data = 0x10000000000 // pointers are numbers: any difference can be made
      for (const diff of DIFFS) {
        for (const start of STARTS) {
          for (const s of [num, mem]) {
            s.dv.setBigUint64(at, start, true)
            s.dv.setBigUint64(at + 8, start, true)
            s.dv.setBigUint64(at + 16, start, true)
            s.ex.count(at, data, data + diff)
            s.ex.count_signed(at + 16, data, data + diff)
          }
          const label = `${diff} ${start.toString(16)}`
          expect(num.dv.getBigUint64(at, true), label).toBe(BigInt.asUintN(64, start + 1n))
          expect(num.dv.getBigUint64(at + 8, true), label).toBe(BigInt.asUintN(64, start + BigInt(diff)))
          expect(num.dv.getBigUint64(at + 16, true), label).toBe(BigInt.asUintN(64, start - BigInt(diff)))
          for (const off of [0, 8, 16]) expect(num.dv.getBigUint64(at + off, true), label).toBe(mem.dv.getBigUint64(at + off, true))
        }
      }
      // the host add only ever gets safe integers: larger ones take the exact two-word path
      if (host) {
        expect(calls.length).toBeGreaterThan(0)
        expect(calls.every((x) => Number.isSafeInteger(x))).toBe(true)
      }
    })
  }

  it('a number local stored into a struct on the stack keeps its 64-bit value', () => {
    const num = bpfSetup(NUMBERS)
    const mem = bpfSetup(IN_MEMORY)
    const data = 0x10000000000
    for (const diff of DIFFS) {
      for (const s of [num, mem]) s.ex.init(0x8000, data, data + diff)
      expect(num.dv.getBigUint64(0x8000, true)).toBe(1n)
      expect(num.dv.getBigUint64(0x8008, true), `${diff}`).toBe(BigInt.asUintN(64, BigInt(diff)))
      expect(num.dv.getBigUint64(0x8008, true)).toBe(mem.dv.getBigUint64(0x8008, true))
    }
  })
})
