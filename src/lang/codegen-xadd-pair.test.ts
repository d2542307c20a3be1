/**
 * Two consecutive `lock xadd` statements with pure operands (the tutorials' packets-and-bytes
 * counters) compile to one host call doing both adds back to back ($xadd64x2, codegen.ts
 * xaddPair), with the two statements as they are for when the host cannot: the sums, the fault
 * messages and the fault lines must be those of the two statements run one by one. Statements
 * whose operands read memory or call anything, and programs compiled for stepping, keep their
 * adds apart.
 */
import { describe, expect, it } from 'vitest'
import { CFault, NULL_GUARD } from './abi'
import { faultStatement } from './debug-info'
import { compileOk } from './testing'

const SRC = `
typedef unsigned long long u64;
struct rec { u64 packets; u64 bytes; };
#define lock_xadd(ptr, val) ((void)__sync_fetch_and_add(ptr, val))
int pair(struct rec *r, char *data, char *end)
{
	lock_xadd(&r->packets, 1);
	lock_xadd(&r->bytes, end - data);
	return 0;
}
int pair_sub(struct rec *r, unsigned int n)
{
	__sync_fetch_and_sub(&r->packets, n);
	__atomic_fetch_add(&r->bytes, 2 * n, __ATOMIC_RELAXED);
	return 0;
}
int reads_memory(struct rec *r)
{
	__sync_fetch_and_add(&r->packets, 1);
	__sync_fetch_and_add(&r->bytes, r->packets);
	return 0;
}
int split(struct rec *a, struct rec *b)
{
	__sync_fetch_and_add(&a->packets, 1);
	__sync_fetch_and_add(&b->packets, 1);
	return 0;
}
`

type Env = Record<string, unknown>

function instance(stepping: boolean, host: Env) {
  const p = compileOk(SRC, { target: 'bpf', hooks: stepping ? 'statements' : undefined })
  const buffer = new SharedArrayBuffer(1 << 16)
  const env = { dv: new DataView(buffer, NULL_GUARD), buffer, dataBase: 0x2000, stackTop: 0x7000, stackLimit: 0x6000, ctl: new Int32Array(1), trap: () => undefined, CFault, imports: {}, ...host }
  const ex = new Function('$env', p.code)(env) as Record<string, (...a: number[]) => number>
  const dv = new DataView(buffer)
  const rec = (at: number) => [dv.getBigUint64(at, true), dv.getBigUint64(at + 8, true)]
  return { p, ex, dv, rec }
}

function body(code: string, fn: string): string {
  const start = code.indexOf(`function f_${fn}(`)
  return code.slice(start, code.indexOf('\n}\n', start))
}

/** A host doing its adds on the buffer, recording its calls. */
function host(buffer: () => DataView) {
  const calls: string[] = []
  const add = (a: number, x: number) => buffer().setBigUint64(a, BigInt.asUintN(64, buffer().getBigUint64(a, true) + BigInt(x)), true)
  return {
    calls,
    env: {
      atomicAdd64: (a: number, x: number) => {
        calls.push(`add ${a} ${x}`)
        add(a, x)
      },
      atomicAdd64x2: (a: number, x: number, b: number, y: number) => {
        calls.push(`add2 ${a} ${x} ${b} ${y}`)
        add(a, x)
        add(b, y)
      },
    },
  }
}

describe('two consecutive lock xadds', () => {
  it('become one call when both operands are pure, not when one reads memory or with statement hooks', () => {
    const { p } = instance(false, {})
    expect(body(p.code, 'pair')).toContain('$xadd64x2(')
    expect(body(p.code, 'pair_sub')).toContain('$xadd64x2(')
    expect(body(p.code, 'split')).toContain('$xadd64x2(')
    expect(body(p.code, 'reads_memory')).not.toContain('$xadd64x2(')
    expect(body(instance(true, {}).p.code, 'pair')).not.toContain('$xadd64x2(')
  })

  it('a program with no other atomic has what the pair needs', () => {
    const p = compileOk('struct rec { unsigned long long a, b; };\nint only(struct rec *r) { __sync_fetch_and_add(&r->a, 1); __sync_fetch_and_add(&r->b, 2); return 0; }', { target: 'bpf' })
    const buffer = new SharedArrayBuffer(1 << 16)
    const env = { dv: new DataView(buffer, NULL_GUARD), buffer, dataBase: 0x2000, stackTop: 0x7000, stackLimit: 0x6000, ctl: new Int32Array(1), trap: () => undefined, CFault, imports: {} }
    const ex = new Function('$env', p.code)(env) as Record<string, (a: number) => number>
    expect(p.code).toContain('$xadd64x2(')
    ex.only(0x8000)
    expect([new DataView(buffer).getBigUint64(0x8000, true), new DataView(buffer).getBigUint64(0x8008, true)]).toEqual([1n, 2n])
  })

  it('adds both in one host call, and the same sums one by one without it', () => {
    let view: DataView | undefined
    const h = host(() => view!)
    const withPair = instance(false, h.env)
    view = withPair.dv
    const without = instance(false, {})
    for (const { ex, rec } of [withPair, without]) {
      ex.pair(0x8000, 0x9000, 0x9000 + 1500)
      ex.pair(0x8000, 0x9000, 0x9000 + 60)
      ex.pair_sub(0x8010, 7)
      expect(rec(0x8000)).toEqual([2n, 1560n])
      expect(rec(0x8010)).toEqual([BigInt.asUintN(64, -7n), 14n])
    }
    expect(h.calls).toEqual([`add2 ${0x8000} 1 ${0x8008} 1500`, `add2 ${0x8000} 1 ${0x8008} 60`, `add2 ${0x8010} -7 ${0x8018} 14`])
  })

  it('a bad second pointer: the first add done, the fault at the second statement', () => {
    let view: DataView | undefined
    const h = host(() => view!)
    const { ex, p, rec, dv } = instance(false, h.env)
    view = dv
    let fault: unknown
    try {
      ex.split(0x8000, 0x8004) // misaligned
    } catch (e) {
      fault = e
    }
    expect(fault).toBeInstanceOf(CFault)
    expect(String(fault)).toMatch(/misaligned or invalid atomic access at 0x8004/)
    expect(rec(0x8000)[0]).toBe(1n)
    const lines = SRC.split('\n')
    expect(faultStatement(p, fault)?.line).toBe(lines.findIndex((l) => l.includes('__sync_fetch_and_add(&b->packets, 1)')) + 1)
    expect(h.calls).toEqual([`add ${0x8000} 1`])
  })
})
