/**
 * `lock xadd` under contention: 64-bit __sync_fetch_and_add / _sub with the result unused run as
 * WebAssembly's 64-bit atomic add when the kernel's memory is a WebAssembly.Memory
 * (src/kernel/atomics64.ts), else as two 32-bit atomic adds with an exact carry
 * (src/lang/codegen.ts, $xadd64). With 4 CPU worker threads adding to the same counters the
 * final values must equal the exact 64-bit sums either way, also when the low words wrap past
 * 2^32 during the run (counters started just below a wrap, and an addend close to 2^32 that
 * carries on nearly every packet).
 */
import { describe, expect, it } from 'vitest'
import { Kernel } from '../kernel/kernel'
import { loadProgram } from './loader'
import { generateTraffic } from './packets'
import { runParallel } from './run'
import { framesSource } from './source'
import { bundledCpuWorker, compileBpf } from './testing'

const SRC = `
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
struct counters { __u64 packets; __u64 bytes; __u64 big; __s64 down; };
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, struct counters);
	__uint(max_entries, 1);
} counters SEC(".maps");
#define lock_xadd(ptr, val) ((void)__sync_fetch_and_add(ptr, val))
SEC("xdp")
int count(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	__u32 key = 0;
	struct counters *c = bpf_map_lookup_elem(&counters, &key);
	if (!c)
		return XDP_ABORTED;
	lock_xadd(&c->packets, 1);
	lock_xadd(&c->bytes, data_end - data);
	__u32 near_wrap = 0xfffffff0u + (__u32)(data_end - data) % 16;
	lock_xadd(&c->big, near_wrap);
	__sync_fetch_and_sub(&c->down, 3);
	return XDP_PASS;
}
char _license[] SEC("license") = "GPL";
`

async function run(count: number, start: bigint[], wasmAtomics: boolean): Promise<{ values: bigint[]; frames: Uint8Array[]; perCpu: number[] }> {
  const frames = [...generateTraffic({ preset: 'mixed', count, seed: 3 })].map((p) => p.bytes)
  const kernel = Kernel.create({ possibleCpus: 4, memoryBytes: 64 << 20, wasmAtomics })
  expect(kernel.memory !== null).toBe(wasmAtomics)
  const program = compileBpf(SRC)
  expect(program.code).toContain('$xadd64(')
  const loaded = loadProgram(kernel, program)
  const id = loaded.maps[0].id
  const dv = new DataView(kernel.sab)
  const key = kernel.kmalloc(4)
  const value = kernel.kmalloc(32)
  start.forEach((v, i) => dv.setBigUint64(value + 8 * i, BigInt.asUintN(64, v), true))
  expect(kernel.progMapUpdate(id, key, value, 0, 0)).toBe(0)
  const result = await runParallel({ kernel, loaded, source: framesSource(frames), cpus: 4, workerScript: bundledCpuWorker() })
  expect(result.actions).toEqual([0, 0, count, 0, 0])
  const at = kernel.progMapLookup(id, key, 0)
  const values = [0, 1, 2, 3].map((i) => dv.getBigUint64(at + 8 * i, true))
  return { values, frames, perCpu: result.perCpu.map((c) => c.packets) }
}

function expected(frames: Uint8Array[], start: bigint[]): bigint[] {
  let [packets, bytes, big, down] = start
  for (const f of frames) {
    packets += 1n
    bytes += BigInt(f.length)
    big += BigInt(0xfffffff0 + (f.length % 16))
    down -= 3n
  }
  return [packets, bytes, big, down].map((v) => BigInt.asUintN(64, v))
}

describe.each([
  ['WebAssembly 64-bit atomic add', true],
  ['two 32-bit atomic adds', false],
])('64-bit lock xadd on 4 CPUs: %s', (_name, wasmAtomics) => {
  it('the counters equal the exact sums when the low words wrap during the run', async () => {
    const start = [0xffffff00n, 0xfffff000n, 0x7fff_ffff_0000_0000n, 0x1_0000_0100n]
    const { values, frames, perCpu } = await run(1000, start, wasmAtomics)
    expect(perCpu.filter((n) => n > 0).length).toBeGreaterThan(1)
    expect(values).toEqual(expected(frames, start))
    expect(values[0]).toBe(0x1_0000_02e8n) // 0xffffff00 + 1000: the low word wrapped once
  })

  it('the counters are exact over many packets, with a carry on nearly every add', async () => {
    const start = [0n, 0n, 0xffff_ffff_ffff_0000n, 0n]
    const { values, frames } = await run(20000, start, wasmAtomics)
    expect(values).toEqual(expected(frames, start))
  })
})
