/**
 * The browser machine's XDP parts without a browser: the toolbar's loader, the NIC's Step and
 * frame replay, and a CPU loop (browser-cpu.ts) draining its queue in this thread, publishing to
 * the stats buffer what the page reads.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { Kernel } from '../kernel/kernel'
import { compile } from '../lang/compile'
import type { Program } from '../lang/api'
import { checkProgram } from './checks'
import { BrowserCpu, type FromCpu } from './browser-cpu'
import { HostXdpLoader } from './browser-loader'
import { BrowserNic, FrameStream, POOL_FRAMES } from './browser-nic'
import { XdpStats } from './browser-stats'
import { RxQueue } from './rx-queue'

function bpf(file: string): { program: Program; source: string } {
  const source = readFileSync(new URL(file, import.meta.url), 'utf8')
  const r = compile(source, { filename: 'xdp_prog.c', target: 'bpf' })
  if (!r.program) throw new Error(r.diagnostics.map((d) => d.message).join('\n'))
  return { program: r.program, source }
}

/** One CPU in this thread over queue `cpu` until the NIC closes the queues. */
async function drain(kernel: Kernel, stats: XdpStats, addr: number, cpu: number, objects: Record<string, Program>): Promise<FromCpu[]> {
  const msgs: FromCpu[] = []
  const c = new BrowserCpu({ kind: 'init', sab: kernel.sab, memory: kernel.memory, stats: stats.sab, cpu, queueOffset: addr, ifindex: 2, objects, version: 0 }, { post: (m) => msgs.push(m), objectsFor: async () => {} })
  await c.run()
  return msgs
}

describe('browser XDP machine', () => {
  it('loads and attaches like xdp-loader; Step frames run on their CPU and are counted', async () => {
    const kernel = Kernel.create({ possibleCpus: 2, hashSeed: 1 })
    const stats = XdpStats.create()
    const { program, source } = bpf('../../public/examples/demos/xdp_pass_count.c')
    const loader = new HostXdpLoader(kernel)
    const r = loader.load(program, 'v1/xdp_prog.o', checkProgram(source, program))
    expect(r.ok).toBe(true)
    expect(r.maps).toEqual([{ name: 'xdp_stats_map', id: expect.any(Number), pinPath: '/sys/fs/bpf/xdp_stats_map', reused: false }])
    expect(loader.attach(2)).toBe(0)
    expect(loader.attach(2)).toBe(-16) // EBUSY: one link per interface
    expect(kernel.netdevs().find((d) => d.ifindex === 2)?.xdpProgId).toBe(r.progId)
    // The loader holds the program and the link, not the maps (the program does).
    expect(kernel.maps()[0].fds).toEqual([])

    const nic = new BrowserNic(kernel, stats, 2)
    const addrs = nic.placeQueues(1514)
    nic.setTraffic({ preset: 'mixed', seed: 1 })
    const steps = Array.from({ length: 6 }, () => nic.step())
    expect(steps.map((s) => s.tag)).toEqual([0, 1, 2, 3, 4, 5])
    expect(stats.sent).toBe(6)
    nic.closeQueues()
    const objects = { 'v1/xdp_prog.o': program }
    await Promise.all(addrs.map((a, cpu) => drain(kernel, stats, a, cpu, objects)))
    const counts = [stats.read(0), stats.read(1)]
    expect(counts[0].packets + counts[1].packets).toBe(6)
    for (const s of steps) expect(counts[s.cpu].packets).toBeGreaterThan(0)
    for (const c of counts) {
      expect(c.actions[2]).toBe(c.packets) // XDP_PASS
      if (c.packets) expect(c.perProgram.get(r.progId!)).toBe(c.packets)
    }
    // The last packet of each CPU is what Step shows.
    const last = steps.filter((s) => s.cpu === 0).pop()
    if (last) expect(counts[0]).toMatchObject({ lastTag: last.tag, lastAction: 2 })
    const map = kernel.maps().find((m) => m.name === 'xdp_stats_map')!
    const pass = map.entries[2].value as Uint8Array[]
    expect(pass.map((v) => Number(new DataView(v.buffer, v.byteOffset).getBigUint64(0, true)))).toEqual(counts.map((c) => c.packets))
    nic.freeQueues()

    loader.detach()
    expect(kernel.netdevs().find((d) => d.ifindex === 2)?.xdpProgId).toBe(0)
    loader.unload()
    expect(kernel.programs()).toEqual([])
    expect(kernel.processes().some((p) => p.comm === 'xdp-loader')).toBe(false)
  })

  it('refuses what the verifier would, with its words', () => {
    const kernel = Kernel.create({ possibleCpus: 1 })
    const source = `#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __type(key, __u32); __type(value, __u64); __uint(max_entries, 1); } m SEC(".maps");
SEC("xdp") int f(struct xdp_md *ctx) { __u32 k = 0; __u64 *v = bpf_map_lookup_elem(&m, &k); *v += 1; return XDP_PASS; }
char _license[] SEC("license") = "GPL";
`
    const program = compile(source, { filename: 'xdp_prog.c', target: 'bpf' }).program!
    const r = new HostXdpLoader(kernel).load(program, 'v1/xdp_prog.o', checkProgram(source, program))
    expect(r.ok).toBe(false)
    expect(r.log[0]).toBe("libbpf: prog 'f': BPF program load failed: Permission denied")
    expect(r.log.join('\n')).toContain("invalid mem access 'map_value_or_null'")
    expect(kernel.maps()).toEqual([])
    expect(kernel.programs()).toEqual([])
  })

  it('a CPU with nothing attached passes packets to the stack and counts them', async () => {
    const kernel = Kernel.create({ possibleCpus: 1 })
    const stats = XdpStats.create()
    const nic = new BrowserNic(kernel, stats, 1)
    const [addr] = nic.placeQueues(1514)
    nic.setTraffic({ preset: 'small', seed: 3 })
    for (let i = 0; i < 100; i++) nic.step()
    nic.closeQueues()
    const msgs = await drain(kernel, stats, addr, 0, {})
    expect(msgs).toEqual([{ kind: 'done', cpu: 0, stopped: false }])
    expect(stats.read(0)).toMatchObject({ packets: 100, noProgram: 100, progId: 0, lastTag: 99, lastAction: 2 })
  })

  it('CPUs of a new session on the same kernel (jumbo frames) go on from the counts of the last', async () => {
    const kernel = Kernel.create({ possibleCpus: 1 })
    const stats = XdpStats.create()
    const nic = new BrowserNic(kernel, stats, 1)
    for (const [preset, maxFrame, packets] of [['small', 1514, 40], ['jumbo', 9014, 25]] as const) {
      const [addr] = nic.placeQueues(maxFrame)
      nic.setTraffic({ preset, seed: 3 })
      for (let i = 0; i < packets; i++) nic.step()
      nic.closeQueues()
      await drain(kernel, stats, addr, 0, {})
      nic.freeQueues()
    }
    expect(stats.read(0)).toMatchObject({ packets: 65, noProgram: 65, actions: [0, 0, 65, 0, 0] })
  })

  it('records the first frames of a preset and replays them, from kernel memory once staged', () => {
    const kernel = Kernel.create({ possibleCpus: 4 })
    const s = new FrameStream({ preset: 'udp-flood', seed: 1 }, 4, kernel)
    const first = Array.from({ length: POOL_FRAMES }, () => s.take())
    expect(s.recorded).toBe(POOL_FRAMES)
    expect(first.every((i) => s.stagedAt(i) === 0)).toBe(true) // sent by value while recording
    const again = s.take()
    expect(again).toBe(first[0])
    expect(new Set(first.map((i) => s.queue(i))).size).toBeGreaterThan(1) // RSS spreads the flows
    const u8 = new Uint8Array(kernel.sab)
    for (const i of [0, 1, 2000, POOL_FRAMES - 1]) {
      const at = s.stagedAt(i)
      expect(at % 64).toBe(0)
      expect(u8.subarray(at, at + s.frame(i).length)).toEqual(s.frame(i))
    }
    // unstaged (the queues are gone): the memory is back (staged again in the same place), on the next take
    const where = s.stagedAt(0)
    s.unstage()
    expect(s.stagedAt(0)).toBe(0)
    s.take()
    expect(s.stagedAt(0)).toBe(where)
  })

  it('Step goes on from the recording to its staged copy: each CPU takes the same frames, in order', () => {
    const kernel = Kernel.create({ possibleCpus: 2 })
    const stats = XdpStats.create()
    const nic = new BrowserNic(kernel, stats, 2)
    const cpus = nic.placeQueues(1514).map((addr) => new RxQueue(kernel.sab, addr))
    nic.setTraffic({ preset: 'small', seed: 3 })
    const expected = new FrameStream({ preset: 'small', seed: 3 }, 2)
    const u8 = new Uint8Array(kernel.sab)
    const pos = cpus.map((q) => q.tail())
    let mismatches = 0
    for (let tag = 0; tag < POOL_FRAMES * 2.5; tag++) {
      const stepped = nic.step()
      const i = expected.take()
      expect(stepped).toMatchObject({ tag, cpu: expected.queue(i) })
      // the CPU's side: take the frame and give the buffer back
      const q = cpus[stepped.cpu]
      const p = pos[stepped.cpu]++
      const at = q.frameAt(p)
      if (q.tagAt(p) !== tag || !equal(u8.subarray(at, at + q.lengthAt(p)), expected.frame(i))) mismatches++
      q.release(pos[stepped.cpu])
    }
    expect(mismatches).toBe(0)
    nic.freeQueues()
  })
})

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}
