/**
 * XDP programs on several simulated CPUs sharing one kernel: tutorial counters (ARRAY with and
 * without atomics, PERCPU_ARRAY), a HASH keyed by source IPv4 address and a parser that drops
 * UDP to one port, in parallel worker threads and in the reproducible one-thread mode.
 * Expected map contents are computed from the frames themselves.
 */
import { describe, expect, it } from 'vitest'
import { generateTraffic, parsePacket, type PresetName } from './packets'
import { hex, type MapDump } from './dump'
import { bundledCpuWorker, compileBpf, fixture, simulate } from './testing'
import { Kernel } from '../kernel/kernel'
import { loadProgram } from './loader'
import { rxQueue } from './rss'
import { runParallel, type XdpRunOptions } from './run'
import { cycledSource } from './source'

function frames(preset: PresetName, count: number, seed = 1): Uint8Array[] {
  return [...generateTraffic({ preset, count, seed })].map((p) => p.bytes)
}

function u64le(...values: bigint[]): string {
  const b = new Uint8Array(8 * values.length)
  const dv = new DataView(b.buffer)
  values.forEach((v, i) => dv.setBigUint64(8 * i, v, true))
  return hex(b)
}

function readU64(hexValue: string, index: number): bigint {
  let v = 0n
  for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(parseInt(hexValue.slice((index * 8 + i) * 2, (index * 8 + i) * 2 + 2), 16))
  return v
}

/** Value of ARRAY key `k` (u32) of map `name`. */
function arrayValue(maps: MapDump, name: string, k: number): string | string[] {
  const key = hex(new Uint8Array(new Uint32Array([k]).buffer))
  const e = maps[name].find((x) => x.key === key)
  if (!e) throw new Error(`no key ${k} in ${name}`)
  return e.value
}

const totalBytes = (fs: Uint8Array[]) => fs.reduce((n, f) => n + BigInt(f.length), 0n)

describe('counters on an ARRAY shared by 4 CPUs', () => {
  const packets = frames('mixed', 20000)
  const pass = u64le(BigInt(packets.length), totalBytes(packets))

  it('__sync_fetch_and_add is exact in parallel worker threads', async () => {
    const { result, maps } = await simulate(fixture('counter_atomic.c'), packets, { cpus: 4 })
    expect(result.mode).toBe('parallel')
    expect(result.actions).toEqual([0, 0, packets.length, 0, 0])
    expect(result.perCpu.reduce((n, c) => n + c.packets, 0)).toBe(packets.length)
    expect(arrayValue(maps, 'xdp_stats_map', 2)).toBe(pass)
    for (const k of [0, 1, 3, 4]) expect(arrayValue(maps, 'xdp_stats_map', k)).toBe(u64le(0n, 0n))
  })

  it('__sync_fetch_and_add is exact in reproducible mode', async () => {
    const { result, maps } = await simulate(fixture('counter_atomic.c'), packets, { cpus: 4, mode: 'reproducible', seed: 5 })
    expect(result.switches).toBeGreaterThan(0)
    expect(arrayValue(maps, 'xdp_stats_map', 2)).toBe(pass)
  })

  it('a plain increment loses the same updates on every reproducible run', async () => {
    const runs = await Promise.all([1, 2].map(() => simulate(fixture('counter_plain.c'), packets, { cpus: 4, mode: 'reproducible', seed: 5 })))
    const [a, b] = runs.map((r) => arrayValue(r.maps, 'xdp_stats_map', 2) as string)
    expect(a).toBe(b)
    const counted = readU64(a, 0)
    expect(counted).toBeLessThan(BigInt(packets.length))
    expect(counted).toBeGreaterThan(BigInt(packets.length) / 2n)
    // every packet still ran and returned XDP_PASS: only the counter lost updates
    expect(runs[0].result.actions[2]).toBe(packets.length)
    // another seed, another interleaving
    const other = await simulate(fixture('counter_plain.c'), packets, { cpus: 4, mode: 'reproducible', seed: 6 })
    expect(arrayValue(other.maps, 'xdp_stats_map', 2)).not.toBe(a)
  })

  it('a plain increment never loses updates on one CPU', async () => {
    const { maps } = await simulate(fixture('counter_plain.c'), packets, { cpus: 1, mode: 'reproducible' })
    expect(arrayValue(maps, 'xdp_stats_map', 2)).toBe(pass)
  })

  it('the legacy bpf_map_def of the tutorial (SEC("maps"), SEC("xdp_stats1")) counts exactly', async () => {
    const { maps } = await simulate(fixture('basic02_legacy.c'), packets, { cpus: 4 })
    expect(arrayValue(maps, 'xdp_stats_map', 2)).toBe(u64le(BigInt(packets.length)))
  })
})

describe('PERCPU_ARRAY', () => {
  it('each CPU counts in its own slot; the slots sum to the packet count', async () => {
    const packets = frames('small', 12000)
    for (const mode of ['parallel', 'reproducible'] as const) {
      const { result, maps } = await simulate(fixture('percpu.c'), packets, { cpus: 4, mode })
      const slots = arrayValue(maps, 'xdp_stats_map', 2) as string[]
      expect(slots).toHaveLength(4)
      slots.forEach((s, cpu) => expect(readU64(s, 0)).toBe(BigInt(result.perCpu[cpu].packets)))
      expect(slots.reduce((n, s) => n + readU64(s, 0), 0n)).toBe(BigInt(packets.length))
      expect(slots.reduce((n, s) => n + readU64(s, 1), 0n)).toBe(totalBytes(packets))
    }
  })
})

describe('HASH keyed by source IPv4', () => {
  it('counts packets and bytes per source exactly with 4 CPUs racing to insert', async () => {
    const packets = frames('many-sources', 15000, 3)
    const expected = new Map<string, [bigint, bigint]>()
    for (const f of packets) {
      if (f[12] !== 0x08 || f[13] !== 0x00) continue
      const k = hex(f.subarray(26, 30))
      const [p, b] = expected.get(k) ?? [0n, 0n]
      expected.set(k, [p + 1n, b + BigInt(f.length)])
    }
    const { result, maps } = await simulate(fixture('ipcount.c'), packets, { cpus: 4 })
    expect(result.actions[0]).toBe(0)
    const got = new Map(maps.src_stats.map((e) => [e.key, e.value]))
    expect(got.size).toBe(expected.size)
    for (const [k, [p, b]] of expected) expect(got.get(k)).toBe(u64le(p, b))
  })
})

describe('a parser dropping UDP to port 9999', () => {
  it('drops exactly the UDP datagrams to 9999, IPv4 and IPv6', async () => {
    const packets = [...frames('udp-flood', 3000), ...frames('mixed', 5000, 9), ...frames('ipv6-only', 2000, 4)]
    // shuffle deterministically so blocked and passed packets interleave
    for (let i = packets.length - 1, s = 7; i > 0; i--) {
      s = (s * 1103515245 + 12345) >>> 0
      const j = s % (i + 1)
      ;[packets[i], packets[j]] = [packets[j], packets[i]]
    }
    const blocked = packets.filter((f) => parsePacket(f).udp?.dport === 9999).length
    expect(blocked).toBeGreaterThanOrEqual(3000)
    for (const mode of ['parallel', 'reproducible'] as const) {
      const { result, maps } = await simulate(fixture('udp_drop.c'), packets, { cpus: 4, mode })
      expect(result.actions).toEqual([0, blocked, packets.length - blocked, 0, 0])
      expect(arrayValue(maps, 'action_count', 1)).toBe(u64le(BigInt(blocked)))
      expect(arrayValue(maps, 'action_count', 2)).toBe(u64le(BigInt(packets.length - blocked)))
    }
  })
})

describe('the NIC replaying staged frames', () => {
  // Marks the first byte of every packet it sees, counting the packets that arrive marked.
  const marker = `#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __type(key, __u32); __type(value, __u64); __uint(max_entries, 2); } seen SEC(".maps");
SEC("xdp") int mark(struct xdp_md *ctx) {
  unsigned char *p = (void *)(long)ctx->data;
  if ((void *)(p + 1) > (void *)(long)ctx->data_end) return XDP_ABORTED;
  __u32 key = p[0] == 0xee;
  __u64 *c = bpf_map_lookup_elem(&seen, &key);
  if (c) __sync_fetch_and_add(c, 1);
  p[0] = 0xee;
  return XDP_TX;
}
char _license[] SEC("license") = "GPL";`

  /** The atomic ARRAY counter on 2 CPUs over `count` of 300 mixed frames, with the run options given. */
  async function countOn2Cpus(count: number, opts: Partial<XdpRunOptions>) {
    const distinct = frames('mixed', 300, 6)
    const kernel = Kernel.create({ possibleCpus: 2, memoryBytes: 64 << 20 })
    const loaded = loadProgram(kernel, compileBpf(fixture('counter_atomic.c')))
    return { distinct, result: await runParallel({ kernel, loaded, source: cycledSource(distinct, count), cpus: 2, workerScript: bundledCpuWorker(), ...opts }) }
  }

  it('releases the frames at the rate asked, and the CPUs take every one', async () => {
    // 1500 frames at 10000/s: 150 ms of traffic
    const { result } = await countOn2Cpus(1500, { ratePps: 10_000 })
    expect(result.actions).toEqual([0, 0, 1500, 0, 0])
    expect(result.elapsedMs).toBeGreaterThanOrEqual(140)
  })

  it('times only the packets after a warm-up, which every CPU finished first', async () => {
    const { distinct, result } = await countOn2Cpus(5000, { warmupPackets: 3000 })
    expect(result.actions).toEqual([0, 0, 5000, 0, 0])
    expect(result.timedPackets).toBe(2000)
    // each CPU's untimed packets are its frames among the first 3000 of the run
    const untimed = [0, 1].map((cpu) => Array.from({ length: 3000 }, (_, tag) => rxQueue(distinct[tag % distinct.length], 2)).filter((q) => q === cpu).length)
    expect(result.perCpu.map((c) => c.packets - c.timedPackets!)).toEqual(untimed)
  })

  it('stops CPUs stuck in a program at the timeout', async () => {
    const spin = `#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
SEC("xdp") int p(struct xdp_md *ctx) { volatile int x = 0; while (ctx->ingress_ifindex > 0) x++; return XDP_PASS; }
char _license[] SEC("license") = "GPL";`
    const kernel = Kernel.create({ possibleCpus: 2, memoryBytes: 64 << 20 })
    const loaded = loadProgram(kernel, compileBpf(spin))
    const result = await runParallel({ kernel, loaded, source: cycledSource(frames('mixed', 50, 6), 500), cpus: 2, timeoutMs: 300, workerScript: bundledCpuWorker() })
    expect(result.stopped).toBe(true)
    expect(result.packets).toBe(0)
  })

  it('gives every packet a fresh copy: a program rewriting its packet never sees the rewrite again', async () => {
    const distinct = frames('mixed', 500, 4)
    // replayed from the NIC's memory, and copied into RX queues by a producer
    for (const staged of [true, false]) {
      const kernel = Kernel.create({ possibleCpus: 2, memoryBytes: 64 << 20 })
      const loaded = loadProgram(kernel, compileBpf(marker))
      const cycled = cycledSource(distinct, 3 * distinct.length)
      const source = staged ? cycled : { ...cycled, distinct: undefined }
      const result = await runParallel({ kernel, loaded, source, cpus: 2, workerScript: bundledCpuWorker() })
      expect(result.actions).toEqual([0, 0, 0, 3 * distinct.length, 0])
      const { dumpMaps } = await import('./dump')
      const maps = dumpMaps(kernel, loaded)
      expect([arrayValue(maps, 'seen', 0), arrayValue(maps, 'seen', 1)]).toEqual([u64le(BigInt(3 * distinct.length)), u64le(0n)])
    }
  })

  it('runs a program that never writes its packets on the staged frames in place, any other on a copy', async () => {
    const where = `#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
struct { __uint(type, BPF_MAP_TYPE_HASH); __type(key, __u32); __type(value, __u32); __uint(max_entries, 4096); } at SEC(".maps");
SEC("xdp") int where(struct xdp_md *ctx) {
  __u32 data = ctx->data, one = 1;
  bpf_map_update_elem(&at, &data, &one, BPF_ANY);
  return XDP_PASS;
}
char _license[] SEC("license") = "GPL";`
    const { analyseProgram } = await import('./checks')
    const program = compileBpf(where)
    expect(analyseProgram(where, program).packetWrites).toBe(false)
    const distinct = frames('mixed', 200, 7)
    for (const packetsReadOnly of [true, false]) {
      const kernel = Kernel.create({ possibleCpus: 2, memoryBytes: 64 << 20 })
      const loaded = loadProgram(kernel, program)
      const result = await runParallel({ kernel, loaded, source: cycledSource(distinct, 2 * distinct.length), cpus: 2, workerScript: bundledCpuWorker(), packetsReadOnly })
      expect(result.actions).toEqual([0, 0, 2 * distinct.length, 0, 0])
      const { dumpMaps } = await import('./dump')
      // in place: each frame at its own staged address; copied: into each CPU's one buffer
      expect(dumpMaps(kernel, loaded).at.length).toBe(packetsReadOnly ? distinct.length : 2)
    }
  })
})
