/**
 * Loading a compiled BPF program: maps created as libbpf creates them (legacy and BTF-style
 * definitions), pinned by name and reused when compatible, held by the program after the loader
 * exits, freed on unload; data segment placed and map slots filled; entry points found by
 * SEC name; calls to anything but a known helper refused.
 */
import { describe, expect, it } from 'vitest'
import { Kernel } from '../kernel/kernel'
import { MapType } from '../kernel/uapi'
import { LoadError, findEntries, isXdpSection, loadProgram, pickEntry, unloadProgram } from './loader'
import { compileBpf, fixture } from './testing'

const PINNED = `#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, MAX);
	__uint(pinning, LIBBPF_PIN_BY_NAME);
} pinned_counts SEC(".maps");
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__type(key, __u32);
	__type(value, __u32);
	__uint(max_entries, 3);
} a_rather_long_map_name SEC(".maps");
SEC("xdp") int xdp_prog(struct xdp_md *ctx) { return XDP_PASS; }
SEC("tc") int tc_prog(void *ctx) { return 0; }
char _license[] SEC("license") = "GPL";
`
const pinned = (max: number) => compileBpf(PINNED.replace('MAX', String(max)))

describe('loadProgram', () => {
  it('creates legacy bpf_map_def maps and writes their ids into the &map slots', () => {
    const k = Kernel.create({ possibleCpus: 2 })
    const loaded = loadProgram(k, compileBpf(fixture('basic02_legacy.c')))
    expect(loaded.maps).toHaveLength(1)
    const [m] = loaded.maps
    expect(k.mapInfo(m.id)).toEqual({ id: m.id, type: MapType.ARRAY, keySize: 4, valueSize: 8, maxEntries: 5, flags: 0, name: 'xdp_stats_map' })
    expect(new DataView(k.sab).getUint32(m.slotAddr, true)).toBe(m.id)
    expect(m.slotAddr).toBe(loaded.dataBase + m.decl.slot)
    // the loader process has exited: the program's reference alone keeps the map
    const snap = k.maps().find((s) => s.id === m.id)!
    expect(snap.fds).toEqual([])
    expect(k.processes()).toEqual([])
  })

  it('creates BTF-style maps with libbpf name truncation and pins LIBBPF_PIN_BY_NAME maps', () => {
    const k = Kernel.create({ possibleCpus: 2 })
    const loaded = loadProgram(k, pinned(64))
    const names = loaded.maps.map((m) => k.mapInfo(m.id)!.name)
    expect(names).toEqual(['pinned_counts', 'a_rather_long_m'])
    expect(loaded.maps[0].pinPath).toBe('/sys/fs/bpf/pinned_counts')
    expect(loaded.maps[1].pinPath).toBeUndefined()
    expect(k.bpffs().find((e) => e.path === '/sys/fs/bpf/pinned_counts')?.mapId).toBe(loaded.maps[0].id)
    expect(loaded.log).toEqual(["libbpf: pinned map 'pinned_counts' at '/sys/fs/bpf/pinned_counts'"])
  })

  it('reuses a compatible pinned map and refuses an incompatible one, as libbpf does', () => {
    const k = Kernel.create({ possibleCpus: 2 })
    const first = loadProgram(k, pinned(64))
    const second = loadProgram(k, pinned(64))
    expect(second.maps[0].id).toBe(first.maps[0].id)
    expect(second.maps[0].reused).toBe(true)
    expect(second.maps[1].id).not.toBe(first.maps[1].id)
    expect(() => loadProgram(k, pinned(128))).toThrow(
      new LoadError("libbpf: couldn't reuse pinned map at '/sys/fs/bpf/pinned_counts': parameter mismatch\nlibbpf: map 'pinned_counts': error reusing pinned map"),
    )
  })

  it('frees unpinned maps on unload and keeps pinned ones', () => {
    const k = Kernel.create({ possibleCpus: 2 })
    const loaded = loadProgram(k, pinned(64))
    unloadProgram(k, loaded)
    expect(k.maps().map((m) => m.name)).toEqual(['pinned_counts'])
  })

  it('reports a map the kernel refuses with libbpf words, and leaves no map behind', () => {
    const k = Kernel.create({ possibleCpus: 2 })
    const src = fixture('counter_atomic.c').replace('__uint(max_entries, XDP_ACTION_MAX);', '__uint(max_entries, 0);')
    expect(() => loadProgram(k, compileBpf(src))).toThrow("libbpf: map 'xdp_stats_map': failed to create: Invalid argument(-22)")
    expect(k.maps()).toEqual([])
  })

  it('refuses calls to helpers bpfplay lacks and to functions that are not helpers', () => {
    const k = Kernel.create({ possibleCpus: 2 })
    const src = `#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
int printf(const char *, ...);
SEC("xdp") int p(struct xdp_md *ctx) {
	char buf[4];
	bpf_skb_load_bytes(ctx, 0, buf, 4);
	printf("x");
	return XDP_PASS;
}
char _license[] SEC("license") = "GPL";
`
    let err: unknown
    try {
      loadProgram(k, compileBpf(src))
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(LoadError)
    expect((err as Error).message).toBe(
      "prog.c:6:2: unknown func bpf_skb_load_bytes: bpfplay does not implement this helper\nprog.c:7:2: 'printf' is not defined in the program and is not a BPF helper (a BPF program cannot call library functions)",
    )
  })
})

describe('entry points', () => {
  it('treats xdp, xdp/..., xdp.frags and the tutorials xdp_* sections as XDP', () => {
    for (const s of ['xdp', 'xdp/eth0', 'xdp.frags', 'xdp_stats1', 'xdp_pass']) expect(isXdpSection(s)).toBe(true)
    for (const s of ['tc', 'kprobe/sys_bpf', 'xdpx', 'license', 'maps']) expect(isXdpSection(s)).toBe(false)
  })

  it('finds programs by SEC and picks the XDP one, or the one named', () => {
    const program = pinned(64)
    expect(findEntries(program).map((f) => [f.name, f.section])).toEqual([
      ['xdp_prog', 'xdp'],
      ['tc_prog', 'tc'],
    ])
    const view = { entries: findEntries(program), program }
    expect(pickEntry(view).name).toBe('xdp_prog')
    expect(() => pickEntry(view, 'nope')).toThrow("no program 'nope' in prog.c (programs: xdp_prog, tc_prog)")
    const tcOnly = compileBpf('#include <linux/bpf.h>\n#include <bpf/bpf_helpers.h>\nSEC("tc") int t(void *c) { return 0; }\n')
    expect(() => pickEntry({ entries: findEntries(tcOnly), program: tcOnly })).toThrow(`prog.c: 't' is in SEC("tc"), not an XDP section: use SEC("xdp")`)
  })
})
