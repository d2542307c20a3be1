/**
 * Live NIC mode: traffic flows at a rate while programs are attached, switched and detached
 * from outside; the CPU workers (started once) follow the interface's attachment at each poll.
 * Every frame is processed exactly once: what the programs counted plus what found no program
 * equals what was sent, per action.
 */
import { describe, expect, it } from 'vitest'
import { Kernel } from '../kernel/kernel'
import { NULL_GUARD } from '../lang/abi'
import { Memory } from '../runtime/memory'
import { userMemoryOf } from '../runtime/user-memory'
import { LiveNic } from './live'
import { createMaps, fillMapSlots, placeData, SyscallPort } from './object-load'
import { bundledCpuWorker, compileBpf, fixture } from './testing'
import { trafficSource } from './source'
import type { Program } from '../lang/api'

/** What bpf_object__load + bpf_program__attach_xdp do, from a process of this thread. */
function loadAndAttach(kernel: Kernel, pid: number, program: Program, object: string, ifindex = 2): { link: number; mapId: number; progId: number } {
  const mem = new Memory(new ArrayBuffer(NULL_GUARD + 8192))
  const port = new SyscallPort({ kernel, pid, cpu: 0, mem, user: userMemoryOf(mem), attrAddr: NULL_GUARD, stringsAddr: NULL_GUARD + 1024 })
  const maps = createMaps(kernel, port, program, '/sys/fs/bpf', [])
  const dataAddr = placeData(kernel, program)
  fillMapSlots(kernel, dataAddr, maps)
  const entry = program.functions.find((f) => f.section === 'xdp')!.name
  const fd = kernel.progTable.load(pid, { type: 6, name: entry, entry, object, dataAddr, mapIds: maps.map((m) => m.id) })
  const link = kernel.progTable.linkCreateXdp(pid, fd, ifindex)
  if (link < 0) throw new Error(`attach: ${link}`)
  return { link, mapId: maps[0].id, progId: kernel.progTable.attachedProg(ifindex) }
}

/** Sum of the u64 at `offset` of key `key` over every CPU's copy (or the one value). */
function counter(kernel: Kernel, mapId: number, key: number, offset = 0): bigint {
  const snap = kernel.maps().find((m) => m.id === mapId)!
  const e = snap.entries.find((x) => new DataView(x.key.buffer, x.key.byteOffset).getUint32(0, true) === key)!
  const values = Array.isArray(e.value) ? e.value : [e.value]
  return values.reduce((s, v) => s + new DataView(v.buffer, v.byteOffset).getBigUint64(offset, true), 0n)
}

const DROP_ALL = `#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
struct { __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY); __type(key, __u32); __type(value, __u64); __uint(max_entries, 5); } drops SEC(".maps");
SEC("xdp") int xdp_drop_count(struct xdp_md *ctx) {
	__u32 key = XDP_DROP;
	__u64 *n = bpf_map_lookup_elem(&drops, &key);
	if (n)
		*n += 1;
	return XDP_DROP;
}
char _license[] SEC("license") = "GPL";
`

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('live NIC', () => {
  it('CPUs follow attach, switch and detach; every packet is counted once', async () => {
    const kernel = Kernel.create({ possibleCpus: 4, hashSeed: 1 })
    const pass = compileBpf(fixture('counter_atomic.c'), 'pass.c')
    const drop = compileBpf(DROP_ALL, 'drop.c')
    const total = 6000
    const nic = LiveNic.start({ kernel, objects: { 'pass.o': pass, 'drop.o': drop }, source: trafficSource('mixed', total, 3), cpus: 4, rate: 5000, workerScript: bundledCpuWorker() })
    const pid = kernel.processCreate('loader')
    await sleep(250)
    const a = loadAndAttach(kernel, pid, pass, 'pass.o')
    await sleep(350)
    kernel.sysClose(pid, a.link) // bpf_link__destroy: the CPUs fall back to no program
    await sleep(100)
    const b = loadAndAttach(kernel, pid, drop, 'drop.o')
    await sleep(300)
    kernel.sysClose(pid, b.link)
    const c = loadAndAttach(kernel, pid, pass, 'pass.o') // a fresh load: its own map
    const r = await nic.done
    expect(r.sent).toBe(total)
    expect(r.packets).toBe(total)
    const passed = counter(kernel, a.mapId, 2) + counter(kernel, c.mapId, 2)
    const dropped = counter(kernel, b.mapId, 1)
    expect(passed).toBeGreaterThan(0n)
    expect(dropped).toBeGreaterThan(0n)
    expect(r.noProgram).toBeGreaterThan(0)
    expect(BigInt(r.actions[1])).toBe(dropped)
    expect(BigInt(r.actions[2])).toBe(passed + BigInt(r.noProgram!))
    expect(r.actions[0] + r.actions[3] + r.actions[4]).toBe(0)
    // Same worker per CPU all along: each ran several programs in turn.
    expect(r.perCpu.map((x) => x.cpu)).toEqual([0, 1, 2, 3])
    expect(r.perCpu.some((x) => x.programs!.length >= 2)).toBe(true)
    for (const x of r.perCpu) for (const id of x.programs!) expect([a.progId, b.progId, c.progId]).toContain(id)
    // The CPUs gave their references back: the program fds hold a and b, c has its link too.
    expect(kernel.programs().map((p) => [p.id, p.refs])).toEqual([
      [a.progId, 1],
      [b.progId, 1],
      [c.progId, 2],
    ])
    kernel.processExit(pid)
    expect(kernel.programs()).toEqual([])
  }, 30_000)

  it('stop() ends the traffic early; the frames already queued are still processed', async () => {
    const kernel = Kernel.create({ possibleCpus: 2 })
    const nic = LiveNic.start({ kernel, objects: {}, source: trafficSource('small', 100_000), cpus: 2, rate: 2000, workerScript: bundledCpuWorker() })
    await sleep(300)
    nic.stop()
    const r = await nic.done
    expect(r.sent).toBeGreaterThan(0)
    expect(r.sent).toBeLessThan(100_000)
    expect(r.packets).toBe(r.sent)
    expect(r.noProgram).toBe(r.sent)
  }, 30_000)
})
