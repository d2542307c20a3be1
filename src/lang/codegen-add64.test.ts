/**
 * `x += v`, `x -= v`, `x++`, `x--` as statements on a 64-bit integer in memory compile to $add64m
 * (two 32-bit words and a carry) when v is a number-valued expression, instead of a bigint load,
 * add and store: every form is checked against BigInt arithmetic at and across 2^32 wraps, with
 * negative, large and 64-bit addends, for both targets. Values used as results keep the exact path.
 */
import { describe, expect, it } from 'vitest'
import { CFault, NULL_GUARD } from './abi'
import { compileOk } from './testing'

const SRC = `
typedef unsigned long long u64;
typedef long long s64;
typedef unsigned int u32;
struct rec { u64 packets; s64 bytes; };
u64 seen;
int inc(struct rec *r) { r->packets++; return 0; }
int dec(struct rec *r) { --r->packets; return 0; }
int inc_signed(struct rec *r) { r->bytes++; return 0; }
int add_u32(struct rec *r, u32 v) { r->packets += v; return 0; }
int add_int(struct rec *r, int v) { r->bytes += v; return 0; }
int sub_u32(struct rec *r, u32 v) { r->packets -= v; return 0; }
int add_diff(struct rec *r, char *a, char *b) { r->bytes += b - a; return 0; }
int add_big(struct rec *r) { r->packets += 0x10000000005ULL; return 0; }
int add_minus_one(struct rec *r) { r->packets += 0xffffffffffffffffULL; return 0; }
int add_var(struct rec *r, u64 v) { r->packets += v; return 0; }
int add_used(struct rec *r, u32 v) { seen = (r->packets += v); return 0; }
`

const STARTS = [0n, 5n, 0x7fff_fff0n, 0x8000_0000n, 0xffffff00n, 0xffffffffn, 0x1_0000_0000n, 0x1_ffff_fffen, 0xffff_ffff_ffff_fff0n, 0x7fff_ffff_ffff_ffffn, 0x8000_0000_0000_0000n]
const U32S = [0, 1, 255, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff]

for (const target of ['bpf', 'user'] as const) {
  describe(`64-bit add in place (${target} target)`, () => {
    const p = compileOk(SRC, { target })
    const buffer = new SharedArrayBuffer(1 << 16)
    const dv = new DataView(buffer)
    const dataBase = 0x2000
    new Uint8Array(buffer).set(p.data, dataBase)
    const env = { dv: new DataView(buffer, NULL_GUARD), buffer, dataBase, stackTop: 0x7000, stackLimit: 0x6000, ctl: new Int32Array(1), trap: () => undefined, CFault, imports: {} }
    const ex = new Function('$env', p.code)(env) as Record<string, (...a: (number | bigint)[]) => number>
    const at = 0x8000
    const body = (fn: string) => {
      const start = p.code.indexOf(`function f_${fn}(`)
      return p.code.slice(start, p.code.indexOf('\n}\n', start))
    }

    it('compiles number-valued updates to $add64m, others to the bigint path', () => {
      for (const fn of ['inc', 'dec', 'inc_signed', 'add_u32', 'add_int', 'sub_u32', 'add_diff', 'add_big', 'add_minus_one']) {
        expect(body(fn), fn).toContain('$add64m(')
        expect(body(fn), fn).not.toContain('BigUint64(')
      }
      expect(body('add_var')).not.toContain('$add64m(')
      expect(body('add_used')).not.toContain('$add64m(')
    })

    it('gives the exact 64-bit result for every start value and addend', () => {
      const cases: [string, (u: number, field: number) => void, (u: number) => bigint, number][] = [
        ['inc', () => ex.inc(at), () => 1n, 0],
        ['dec', () => ex.dec(at), () => -1n, 0],
        ['inc_signed', () => ex.inc_signed(at), () => 1n, 8],
        ['add_u32', (u) => ex.add_u32(at, u), (u) => BigInt(u), 0],
        ['add_int', (u) => ex.add_int(at, u | 0), (u) => BigInt(u | 0), 8],
        ['sub_u32', (u) => ex.sub_u32(at, u), (u) => -BigInt(u), 0],
        ['add_diff', (u) => ex.add_diff(at, 0x9000 + (u & 0xfff), 0x9000), (u) => -BigInt(u & 0xfff), 8],
        ['add_big', () => ex.add_big(at), () => 0x10000000005n, 0],
        ['add_minus_one', () => ex.add_minus_one(at), () => -1n, 0],
        ['add_var', (u) => ex.add_var(at, BigInt(u) * 3n), (u) => BigInt(u) * 3n, 0],
      ]
      for (const [name, run, delta, off] of cases) {
        for (const start of STARTS) {
          for (const u of U32S) {
            dv.setBigUint64(at, 0x1111n, true)
            dv.setBigUint64(at + 8, 0x2222n, true)
            dv.setBigUint64(at + off, start, true)
            run(u, off)
            expect(dv.getBigUint64(at + off, true), `${name} ${start.toString(16)} ${u}`).toBe(BigInt.asUintN(64, start + delta(u)))
            // the other member is untouched
            expect(dv.getBigUint64(at + 8 - off, true)).toBe(off === 0 ? 0x2222n : 0x1111n)
          }
        }
      }
    })

    it('a used result stays exact, and a NULL pointer still faults', () => {
      dv.setBigUint64(at, 0xffff_fff0n, true)
      ex.add_used(at, 0x20)
      expect(dv.getBigUint64(dataBase + p.globals.find((g) => g.name === 'seen')!.offset, true)).toBe(0x1_0000_0010n)
      expect(() => ex.inc(0)).toThrow()
    })
  })
}
