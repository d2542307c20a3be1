/**
 * Fixed frames of BPF programs (codegen fixFrames): without recursion, function pointers to the
 * program's own functions or VLAs, each function's frame sits at a fixed address below every
 * chain of its callers, and no $sp moves. Checked: the addresses, that the program computes the
 * same through nested calls as with moving frames, that a frame too big for the stack still
 * faults as a stack overflow exactly as with moving frames, and that the cases it cannot handle (and
 * stepping, and userspace) keep moving frames.
 */
import { describe, expect, it } from 'vitest'
import { compile } from '../lang/compile'
import { Kernel } from '../kernel/kernel'
import { XdpCpu } from './cpu'
import { loadProgram } from './loader'

const HEAD = '#include <linux/bpf.h>\n#include <bpf/bpf_helpers.h>\nchar _license[] SEC("license") = "GPL";\n'
const NESTED = `${HEAD}
static __attribute__((noinline)) int leaf(int x) { int a[4] = {x, 1, 2, 3}; int *p = a; return p[x & 3] * 10; }
static __attribute__((noinline)) int mid(int x) { int b[8] = {0}; int *q = b; q[x & 7] = leaf(x); q[1] = leaf(x + 1); return q[x & 7] + q[1]; }
SEC("xdp") int p(struct xdp_md *ctx) { int c[2] = {4, 5}; int *r = c; return mid(r[ctx->rx_queue_index & 1]) + leaf(3) - 78; }
`

function code(src: string, hooks: 'loops' | 'statements' = 'loops', target: 'bpf' | 'user' = 'bpf'): string {
  const r = compile(src, { filename: 'prog.c', target, hooks })
  if (!r.program) throw new Error(JSON.stringify(r.diagnostics))
  return r.program.code
}

function runOnCpu(src: string, rxQueue: number) {
  const r = compile(src, { filename: 'prog.c', target: 'bpf' })
  const kernel = Kernel.create({ possibleCpus: 2 })
  const loaded = loadProgram(kernel, r.program!)
  const cpu = new XdpCpu({ kernel, loaded, cpu: rxQueue })
  const buf = kernel.kmalloc(512, 8)
  return { action: cpu.run(buf + 256, 14, buf, buf + 512, 0), cpu }
}

describe('fixed frames of BPF programs', () => {
  it('places each frame below the deepest chain of callers, with no $sp to move', () => {
    const js = code(NESTED)
    // p: 16 bytes at the top; mid under p; leaf under mid (its deepest caller), not under p
    expect(js.match(/^const \$ff\d+ = .*/gm)).toEqual(['const $ff0 = $sp - 64;', 'const $ff1 = $sp - 48;', 'const $ff2 = $sp - 16;'])
    expect(js).not.toMatch(/finally|\$sp = \$fp/)
    expect(js.match(/const \$fp = \$ff\d; if \(\$fp < \$lim\) \$stackOverflow\(\);/g)).toHaveLength(3)
  })

  it('computes the same through nested calls as moving frames do', () => {
    // queue 0: mid(4) = leaf(4) + leaf(5) = 40 + 10, + leaf(3) 30 - 78 = 2 (XDP_PASS);
    // queue 1: mid(5) = leaf(5) + leaf(6) = 10 + 20, + 30 - 78 = -18 (not an action)
    const moving = NESTED.replace('{ int c[2]', '{ volatile long h = (long)&leaf; int c[2]')
    expect(code(moving)).not.toMatch(/\$ff\d/)
    for (const q of [0, 1]) {
      const fixed = runOnCpu(NESTED, q)
      const ref = runOnCpu(moving, q)
      expect(fixed.cpu.faults).toEqual([])
      expect([fixed.action, fixed.cpu.invalidActions]).toEqual([ref.action, ref.cpu.invalidActions])
    }
    expect(runOnCpu(NESTED, 0).action).toBe(2)
    expect(runOnCpu(NESTED, 1).cpu.invalidActions).toBe(1)
  })

  it('still faults on a frame bigger than the stack, as moving frames do', () => {
    const src = `${HEAD}
static __attribute__((noinline)) int big(int x) { volatile char a[40000]; a[x] = 1; return a[0]; }
SEC("xdp") int p(struct xdp_md *ctx) { return big(ctx->rx_queue_index) + 2; }
`
    const moving = src.replace('{ return big', '{ volatile long h = (long)&big; return big')
    expect(code(src)).toMatch(/\$ff\d/)
    expect(code(moving)).not.toMatch(/\$ff\d/)
    const fixed = runOnCpu(src, 0)
    const ref = runOnCpu(moving, 0)
    expect(fixed.action).toBe(0)
    expect(fixed.cpu.faults.map((f) => f.message)).toEqual(['invalid memory access: stack overflow'])
    expect(fixed.cpu.faults).toEqual(ref.cpu.faults)
  })

  it('keeps moving frames for recursion, function pointers, VLAs, stepping and userspace', () => {
    const rec = `${HEAD}
static int f(int x) { int a[2] = {x, x}; int *p = a; return x > 0 ? f(p[0] - 1) : 0; }
SEC("xdp") int p(struct xdp_md *ctx) { return f(2); }
`
    const fptr = `${HEAD}
static int g(int x) { int a[2] = {x, x}; int *p = a; return p[1]; }
SEC("xdp") int p(struct xdp_md *ctx) { int (*h)(int) = g; return h(2); }
`
    const vla = `${HEAD}
SEC("xdp") int p(struct xdp_md *ctx) { int n = ctx->rx_queue_index + 1; int a[n]; a[0] = 2; return a[0]; }
`
    for (const src of [rec, fptr, vla]) expect(code(src)).toMatch(/finally \{ \$sp = /)
    expect(code(NESTED, 'statements')).toMatch(/finally \{ \$sp = /)
    expect(code('int leaf(int x) { int a[2] = {x, x}; int *p = a; return p[1]; }\nint main(void) { return leaf(1); }', 'loops', 'user')).toMatch(/finally \{ \$sp = /)
  })
})
