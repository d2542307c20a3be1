/**
 * BPF's `lock xadd`: a 64-bit __sync_fetch_and_add / __sync_add_and_fetch / __atomic_fetch_add
 * (or _sub) whose result is unused compiles to two 32-bit atomic adds with an exact carry
 * ($xadd64); a result that is used keeps the exact 64-bit BigInt path. Every form is checked
 * against BigInt arithmetic, at and across 2^32 wraps of the low word, with negative and large
 * addends. The concurrent exactness (4 CPUs, a wrap crossed) is tested in src/xdp/xadd.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { CFault, NULL_GUARD } from './abi'
import { compileOk } from './testing'

const SRC = `
typedef unsigned long long u64;
typedef long long s64;
typedef unsigned int u32;
u64 seen_old, seen_new;
int add_const(u64 *p) { __sync_fetch_and_add(p, 1); return 0; }
int add_big_const(u64 *p) { __sync_fetch_and_add(p, 0x10000000005ULL); return 0; }
int add_neg(s64 *p) { __sync_fetch_and_add(p, -3); return 0; }
int add_u32(u64 *p, u32 v) { (void)__sync_fetch_and_add(p, v); return 0; }
int add_int(u64 *p, int v) { __sync_add_and_fetch(p, v); return 0; }
int add_diff(u64 *p, char *a, char *b) { __atomic_fetch_add(p, b - a, __ATOMIC_RELAXED); return 0; }
int sub_u32(u64 *p, u32 v) { __sync_fetch_and_sub(p, v); return 0; }
int add_var(u64 *p, u64 v) { __sync_fetch_and_add(p, v); return 0; }
int add_used(u64 *p, u32 v) { seen_old = __sync_fetch_and_add(p, v); seen_new = __sync_add_and_fetch(p, v); return 0; }
int add_u32_elem(u32 *p, u32 v) { __sync_fetch_and_add(p, v); return 0; }
`

function setup(target: 'bpf' | 'user') {
  const p = compileOk(SRC, { target })
  const buffer = new SharedArrayBuffer(1 << 16)
  const mem = new Uint8Array(buffer)
  const dv = new DataView(buffer)
  const dataBase = 0x2000
  mem.set(p.data, dataBase)
  const env = { dv: new DataView(buffer, NULL_GUARD), buffer, dataBase, stackTop: 0x7000, stackLimit: 0x6000, ctl: new Int32Array(1), trap: () => undefined, CFault, imports: {} }
  const ex = new Function('$env', p.code)(env) as Record<string, (...a: (number | bigint)[]) => number>
  const at = 0x8000
  const get = () => dv.getBigUint64(at, true)
  const set = (v: bigint) => dv.setBigUint64(at, BigInt.asUintN(64, v), true)
  const global = (name: string) => dv.getBigUint64(dataBase + p.globals.find((g) => g.name === name)!.offset, true)
  return { p, ex, at, get, set, global, dv }
}

const STARTS = [0n, 5n, 0xffffff00n, 0xffffffffn, 0x1_ffff_fffen, 0xffff_ffff_ffff_fff0n, 0x7fff_ffff_ffff_ffffn, 0x8000_0000_0000_0000n]
const U32S = [0, 1, 255, 0x100, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff]

describe('64-bit atomic add with the result unused (BPF target)', () => {
  it('compiles to $xadd64 for number-valued addends, to a BigInt Atomics.add otherwise', () => {
    const { p } = setup('bpf')
    const body = (fn: string) => {
      const start = p.code.indexOf(`function f_${fn}(`)
      return p.code.slice(start, p.code.indexOf('\n}\n', start))
    }
    for (const fn of ['add_const', 'add_big_const', 'add_neg', 'add_u32', 'add_int', 'add_diff', 'sub_u32']) {
      expect(body(fn), fn).toContain('$xadd64(')
      expect(body(fn), fn).not.toContain('$U64')
    }
    // a u64 variable is a BigInt already; a used result needs the 64-bit old value
    expect(body('add_var')).toContain('Atomics.add($U64')
    expect(body('add_used')).not.toContain('$xadd64(')
    expect(body('add_u32_elem')).toContain('Atomics.add($U32')
  })

  it('uses the host\'s 64-bit atomic add when the environment gives one', () => {
    const p = compileOk(SRC, { target: 'bpf' })
    const buffer = new SharedArrayBuffer(1 << 16)
    const calls: [number, number][] = []
    const env = { dv: new DataView(buffer, NULL_GUARD), buffer, dataBase: 0x2000, stackTop: 0x7000, stackLimit: 0x6000, ctl: new Int32Array(1), trap: () => undefined, CFault, imports: {}, atomicAdd64: (a: number, x: number) => void calls.push([a, x]) }
    const ex = new Function('$env', p.code)(env) as Record<string, (...a: (number | bigint)[]) => number>
    ex.add_const(0x8000)
    ex.sub_u32(0x8008, 7)
    expect(calls).toEqual([
      [0x8000, 1],
      [0x8008, -7],
    ])
    expect(new DataView(buffer).getBigUint64(0x8000, true)).toBe(0n) // the host did the adds
    expect(() => ex.add_const(0x8004)).toThrow(/misaligned or invalid atomic access at 0x8004/)
  })

  it('userspace programs keep the 64-bit Atomics.add', () => {
    expect(setup('user').p.code).not.toContain('$xadd64')
  })

  it('gives the exact 64-bit sum for every start value and addend, across 2^32 wraps', () => {
    const { ex, at, get, set } = setup('bpf')
    const cases: [string, (u: number) => void, (u: number) => bigint][] = [
      ['add_const', () => ex.add_const(at), () => 1n],
      ['add_big_const', () => ex.add_big_const(at), () => 0x10000000005n],
      ['add_neg', () => ex.add_neg(at), () => -3n],
      ['add_u32', (u) => ex.add_u32(at, u), (u) => BigInt(u)],
      ['add_int', (u) => ex.add_int(at, u | 0), (u) => BigInt(u | 0)],
      ['add_diff', (u) => ex.add_diff(at, 0x9000 + (u & 0xfff), 0x9000), (u) => -BigInt(u & 0xfff)],
      ['sub_u32', (u) => ex.sub_u32(at, u), (u) => -BigInt(u)],
      ['add_var', (u) => ex.add_var(at, BigInt(u) * 3n), (u) => BigInt(u) * 3n],
    ]
    for (const [name, run, delta] of cases) {
      for (const start of STARTS) {
        for (const u of U32S) {
          set(start)
          run(u)
          expect(get(), `${name} ${start.toString(16)} ${u}`).toBe(BigInt.asUintN(64, start + delta(u)))
        }
      }
    }
  })

  it('a used result stays the exact old / new value', () => {
    const { ex, at, get, set, global } = setup('bpf')
    set(0xffff_fff0n)
    ex.add_used(at, 0x20)
    expect(global('seen_old')).toBe(0xffff_fff0n)
    expect(global('seen_new')).toBe(0x1_0000_0030n)
    expect(get()).toBe(0x1_0000_0030n)
  })

  it('a misaligned or NULL 64-bit counter still faults', () => {
    const { ex } = setup('bpf')
    expect(() => ex.add_const(0x8004)).toThrow(/misaligned or invalid atomic access at 0x8004/)
    expect(() => ex.add_u32(0, 1)).toThrow(/misaligned or invalid atomic access at 0x0/)
  })
})
