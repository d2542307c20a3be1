/**
 * The generated JavaScript against the ABI (abi.ts): hooks and stop/step, statement ids and the
 * JS-line map, faults, imports and variadic calls, function pointers, the data segment, BPF
 * metadata (maps, license, sections) and an XDP program run over shared memory.
 */
import { describe, expect, it } from 'vitest'
import { CFault, FUNC_BASE, FUNC_STEP, NULL_GUARD } from './abi'
import { compile } from './compile'
import { compileOk, instantiate, load, runMain } from './testing'
import { seedsDir } from '../../tests/seed-compare.mjs'

function faultOf(f: () => unknown): string {
  try {
    f()
  } catch (e) {
    if (e instanceof CFault) return e.signal
    if (e instanceof RangeError) return 'RangeError'
    throw e
  }
  return 'none'
}

describe('hooks', () => {
  it('a runaway while (1); stops when ctl[0] is set', () => {
    const r = load('int spin(void) { volatile int x = 0; while (1) { x++; } return 0; }\nint main(void) { return 0; }')
    const seen: number[] = []
    r.env.trap = (sid) => {
      seen.push(sid)
      if (seen.length === 3) throw new Error('stop')
    }
    setTimeout(() => undefined)
    r.env.ctl[0] = 1
    expect(() => r.exports.spin()).toThrow('stop')
    // function entry, then the loop's back-edge check
    const pos = seen.map((s) => r.program.statements[s].line)
    expect(pos).toEqual([1, 1, 1])
    expect(seen[1]).not.toBe(seen[0])
  })

  it("with hooks: 'statements' every statement traps in order, with its position", () => {
    const src = 'int main(void) {\n  int a = 1;\n  a += 2;\n  if (a > 2)\n    a = 0;\n  return a;\n}\n'
    const r = load(src, { hooks: 'statements' })
    const lines: number[] = []
    r.env.trap = (sid) => void lines.push(r.program.statements[sid].line)
    r.env.ctl[0] = 1
    expect(r.exports.main()).toBe(0)
    expect(lines).toEqual([1, 2, 3, 4, 5, 6]) // entry, then each statement
  })

  it('jsLineToSid maps a fault in generated code back to the C statement', () => {
    const src = 'int main(void) {\n  int *p = 0;\n  int x = 1;\n  x = *p;\n  return x;\n}\n'
    const r = load(src)
    let stack = ''
    try {
      r.exports.main()
    } catch (e) {
      stack = (e as Error).stack ?? ''
    }
    const m = /<anonymous>:(\d+):\d+/.exec(stack)
    expect(m).not.toBeNull()
    const sid = r.program.jsLineToSid[Number(m![1])]
    expect(r.program.statements[sid]).toMatchObject({ line: 4, col: 3 })
  })
})

describe('faults', () => {
  const main = (body: string) => () => runMain(`int main(void) { ${body} }`)
  it('integer division by zero and INT_MIN / -1 are SIGFPE, as on x86', () => {
    expect(faultOf(main('volatile int a = 5, b = 0; return a / b;'))).toBe('SIGFPE')
    expect(faultOf(main('volatile int a = 5, b = 0; return a % b;'))).toBe('SIGFPE')
    expect(faultOf(main('volatile int a = -2147483647 - 1, b = -1; return a / b;'))).toBe('SIGFPE')
    expect(faultOf(main('volatile long a = 5, b = 0; return a / b;'))).toBe('SIGFPE')
    expect(faultOf(main('volatile unsigned a = 5, b = 0; return a / b;'))).toBe('SIGFPE')
  })
  it('NULL and wild pointers fault in the DataView; bad function pointers and stack overflow are SIGSEGV', () => {
    expect(faultOf(main('int *p = 0; return *p;'))).toBe('RangeError')
    expect(faultOf(main('char *p = (char *)16; *p = 1; return 0;'))).toBe('RangeError')
    expect(faultOf(main('long *p = (long *)-8L; return (int)*p;'))).toBe('RangeError')
    expect(faultOf(main('int (*f)(void) = (int (*)(void))1234; return f();'))).toBe('SIGSEGV')
    expect(faultOf(() => runMain('int r(int n) { volatile char b[512]; b[0] = n; return r(n + 1) + b[0]; }\nint main(void) { return r(0); }'))).toBe('SIGSEGV')
    expect(faultOf(main('__builtin_trap(); return 0;'))).toBe('SIGILL')
  })
  it('the stack pointer is restored after a fault, so the program can be called again', () => {
    const r = load('int f(int z) { int a[100]; a[0] = 100 / z; return a[0]; }\nint main(void) { return 0; }')
    expect(faultOf(() => r.exports.f(0))).toBe('SIGFPE')
    expect(r.exports.f(4)).toBe(25)
  })
})

describe('output hygiene', () => {
  it('user strings and identifiers never appear raw in the code', () => {
    const p = compileOk('#include <stdio.h>\nint evil_name(void) { return 1; }\nint main(void) { printf("constructor`${x}\\"); //"); return evil_name(); }\n')
    expect(p.code).not.toContain('constructor`')
    expect(p.code).not.toContain('${x}')
    expect(p.code).toContain('f_evil_name')
    expect(new TextDecoder().decode(p.data)).toContain('constructor`${x}")')
  })
})

describe('exports', () => {
  it('every defined function is exported by its C name, even names special to JavaScript', () => {
    const r = runMain('int __proto__(void) { return 3; }\nint constructor(int x) { return x; }\nint main(void) { return __proto__() + constructor(1); }\n')
    expect(r.exit).toBe(4)
    expect(Object.keys(r.run.exports).sort()).toEqual(['$fn', '__proto__', 'constructor', 'main'])
  })
})

describe('imports', () => {
  it('lists imports with their first use and passes variadic arguments with type codes, promoted', () => {
    const src = '#include <stdio.h>\nint ext(int a, long b);\nint main(void) {\n  char c = -3; float f = 1.5f; unsigned long ul = 7; short s = 9;\n  printf("%d %f %lu %p %d\\n", c, f, ul, &c, s);\n  return ext(1, 2);\n}\n'
    const calls: unknown[][] = []
    const r = runMain(src, {
      imports: () => ({
        printf: (...a: unknown[]) => {
          calls.push(a)
          return 0
        },
        ext: (a: number, b: bigint) => a + Number(b),
      }),
    })
    expect(r.exit).toBe(3)
    expect(r.run.program.imports.map((i) => [i.name, i.line])).toEqual([['printf', 5], ['ext', 6]])
    const [fmt, types, values] = calls[0] as [number, string, unknown[]]
    expect(r.run.cstr(fmt)).toBe('%d %f %lu %p %d\n')
    expect(types).toBe('idLpi')
    expect(values[0]).toBe(-3)
    expect(values[1]).toBe(1.5)
    expect(values[2]).toBe(7n)
    expect(typeof values[3]).toBe('number')
    expect(values[4]).toBe(9)
  })

  it('import results are normalised to the declared C type', () => {
    const src = 'unsigned char u8(void);\nlong l(void);\nvoid *p(void);\nint main(void) { return u8() + (int)l() + (p() == 0); }\n'
    const r = runMain(src, { imports: () => ({ u8: () => 0x1ff, l: () => 5, p: () => 0n }) })
    expect(r.exit).toBe(255 + 5 + 1 - 256)
  })

  it('function pointers are code addresses; $fn resolves them for callbacks from the runtime', () => {
    const src = 'int twice(int x) { return 2 * x; }\nvoid reg(int (*cb)(int));\nint main(void) { reg(twice); return 0; }\n'
    let ptrValue = 0
    let got = 0
    const r = runMain(src, {
      imports: (run) => ({
        reg: (cb: number) => {
          ptrValue = cb
          got = run.exports.$fn(cb)(21)
        },
      }),
    })
    expect(r.exit).toBe(0)
    expect(got).toBe(42)
    expect(ptrValue).toBeGreaterThanOrEqual(FUNC_BASE)
    expect((ptrValue - FUNC_BASE) % FUNC_STEP).toBe(0)
    expect(() => r.run.exports.$fn(ptrValue + 1)).toThrow(CFault)
  })
})

describe('data segment', () => {
  it('places globals and string literals, with relocations for pointers', () => {
    const p = compileOk('const char *msg = "hi";\nint arr[3] = {1, 2, 3};\nint *second = &arr[1];\nint main(void) { return *second + msg[1]; }\n')
    const byName = Object.fromEntries(p.globals.map((g) => [g.name, g]))
    expect(Object.keys(byName).sort()).toEqual(['arr', 'msg', 'second'])
    expect(p.relocations.sort((a, b) => a - b)).toEqual([byName.msg.offset, byName.second.offset].sort((a, b) => a - b))
    const dv = new DataView(p.data.buffer)
    expect(Number(dv.getBigUint64(byName.second.offset, true))).toBe(byName.arr.offset + 4)
    expect(runMain('const char *msg = "hi";\nint arr[3] = {1, 2, 3};\nint *second = &arr[1];\nint main(void) { return *second + msg[1]; }\n').exit).toBe(2 + 105)
  })
})

describe('BPF programs', () => {
  const xdp = `
#include <linux/bpf.h>
#include <linux/if_ether.h>
#define SEC(name) __attribute__((section(name), used))
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name
#define lock_xadd(ptr, val) ((void) __sync_fetch_and_add(ptr, val))
struct bpf_map_def { unsigned int type, key_size, value_size, max_entries, map_flags; };
struct datarec { __u64 rx_packets; __u64 rx_bytes; };
void *bpf_map_lookup_elem(void *map, const void *key);
struct bpf_map_def SEC("maps") legacy_map = {
  .type = BPF_MAP_TYPE_ARRAY, .key_size = sizeof(__u32), .value_size = sizeof(struct datarec), .max_entries = 5,
};
struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __type(key, __u32);
  __type(value, struct datarec);
  __uint(max_entries, 1024);
  __uint(map_flags, BPF_F_NO_PREALLOC);
  __uint(pinning, 1);
} btf_map SEC(".maps");
SEC("xdp")
int xdp_count(struct xdp_md *ctx) {
  void *data_end = (void *)(long)ctx->data_end;
  void *data = (void *)(long)ctx->data;
  struct ethhdr *eth = data;
  __u32 key = XDP_PASS;
  if (data + sizeof(*eth) > data_end) return XDP_DROP;
  struct datarec *rec = bpf_map_lookup_elem(&legacy_map, &key);
  if (!rec) return XDP_ABORTED;
  lock_xadd(&rec->rx_packets, 1);
  __sync_fetch_and_add(&rec->rx_bytes, data_end - data);
  return XDP_PASS;
}
char _license[] SEC("license") = "Dual BSD/GPL";
`
  it('extracts maps (legacy and BTF), license and sections', () => {
    const p = compileOk(xdp, { target: 'bpf' })
    expect(p.license).toBe('Dual BSD/GPL')
    expect(p.functions.map((f) => [f.name, f.section])).toEqual([['xdp_count', 'xdp']])
    expect(p.maps.map(({ name, type, keySize, valueSize, maxEntries, flags, pinning }) => ({ name, type, keySize, valueSize, maxEntries, flags, pinning }))).toEqual([
      { name: 'legacy_map', type: 2, keySize: 4, valueSize: 16, maxEntries: 5, flags: 0, pinning: 0 },
      { name: 'btf_map', type: 1, keySize: 4, valueSize: 16, maxEntries: 1024, flags: 1, pinning: 1 },
    ])
    const g = Object.fromEntries(p.globals.map((x) => [x.name, x]))
    expect(p.maps[0].slot).toBe(g.legacy_map.offset)
    expect(p.maps[1].valueType).toMatchObject({ kind: 'struct', name: 'struct datarec', size: 16 })
  })

  it('runs over a SharedArrayBuffer: &map is the slot, lookups return pointers into value memory, atomics count', () => {
    const p = compileOk(xdp, { target: 'bpf' })
    const buffer = new SharedArrayBuffer(1 << 16)
    const mem = new Uint8Array(buffer)
    const dv = new DataView(buffer)
    const dataBase = 0x2000
    mem.set(p.data, dataBase)
    const values = 0x8000
    const ctx = 0x9000
    const pkt = 0x9100
    const slotSeen: number[] = []
    const env = {
      dv: new DataView(buffer, NULL_GUARD), buffer, dataBase, stackTop: 0x7000, stackLimit: 0x6000, ctl: new Int32Array(1), trap: () => undefined, CFault,
      imports: {
        bpf_map_lookup_elem: (map: number, key: number) => {
          slotSeen.push(map)
          return values + 16 * dv.getUint32(key, true)
        },
      },
    }
    const ex = new Function('$env', p.code)(env)
    dv.setUint32(ctx, pkt, true)
    dv.setUint32(ctx + 4, pkt + 60, true)
    expect(ex.xdp_count(ctx)).toBe(2)
    expect(ex.xdp_count(ctx)).toBe(2)
    dv.setUint32(ctx + 4, pkt + 10, true)
    expect(ex.xdp_count(ctx)).toBe(1)
    expect(slotSeen[0]).toBe(dataBase + p.maps[0].slot)
    expect(dv.getBigUint64(values + 32, true)).toBe(2n)
    expect(dv.getBigUint64(values + 40, true)).toBe(120n)
  })

  it('a misaligned atomic faults', () => {
    const src = 'int main(void) { char buf[16]; int *p = (int *)(buf + 1); __sync_fetch_and_add(p, 1); return 0; }'
    expect(faultOf(() => runMain(src))).toBe('SIGSEGV')
  })
})

describe('compile speed', () => {
  it('a seed program compiles in well under a second once warm (10 ms on an idle core)', async () => {
    const { readFileSync } = await import('node:fs')
    const src = readFileSync(seedsDir + '/05-get_next_key.c', 'utf8')
    for (let i = 0; i < 5; i++) compile(src, { filename: 's.c', target: 'user' })
    const t = performance.now()
    for (let i = 0; i < 10; i++) compile(src, { filename: 's.c', target: 'user' })
    expect((performance.now() - t) / 10).toBeLessThan(250)
  })

  it('instantiating twice gives independent programs (no shared state)', () => {
    const p = compileOk('int counter;\nint bump(void) { return ++counter; }\nint main(void) { return 0; }\n')
    const a = instantiate(p)
    const b = instantiate(p)
    a.exports.bump()
    a.exports.bump()
    expect(a.exports.bump()).toBe(3)
    expect(b.exports.bump()).toBe(1)
  })
})
