/**
 * Helper calls bound to their map at the call site (bpfHelperBinder, ProgramEnv.bindImport):
 * the code generator binds every `helper(&global, ...)` site of a BPF program, the CPU gives
 * bpf_map_lookup_elem sites a lookup specialised for their map, and that lookup answers and logs
 * exactly as the generic helper does, faults the same way, and still lets the reproducible
 * scheduler in before the call. Sites the binder refuses (not a map) keep the generic helper.
 */
import { describe, expect, it } from 'vitest'
import { Kernel } from '../kernel/kernel'
import { XdpCpu } from './cpu'
import { bpfHelperBinder, bpfHelpers, HelperFault, type HelperEnv } from './helpers'
import { loadProgram } from './loader'
import { compileBpf } from './testing'

const HEAD = '#include <linux/bpf.h>\n#include <bpf/bpf_helpers.h>\nchar _license[] SEC("license") = "GPL";\n'

const MAPS = `${HEAD}
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __type(key, __u32); __type(value, __u64); __uint(max_entries, 4); } arr SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY); __type(key, __u32); __type(value, __u32); __uint(max_entries, 3); } pcpu SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_HASH); __type(key, __u64); __type(value, __u64); __uint(max_entries, 8); } hash SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_QUEUE); __uint(value_size, 4); __uint(max_entries, 4); } queue SEC(".maps");
int not_a_map;
SEC("xdp") int p(struct xdp_md *ctx) {
	__u32 k = 1;
	__u64 hk = 5;
	__u64 *a = bpf_map_lookup_elem(&arr, &k);
	__u32 *c = bpf_map_lookup_elem(&pcpu, &k);
	__u64 *h = bpf_map_lookup_elem(&hash, &hk);
	if (!a || !c)
		return XDP_ABORTED;
	*a += 1;
	*c += 10 + bpf_get_smp_processor_id();
	return h ? XDP_DROP : XDP_PASS;
}`

function helperEnv(kernel: Kernel, loaded: ReturnType<typeof loadProgram>, cpu: number, beforeHelper?: () => void): HelperEnv {
  return {
    kernel,
    cpu,
    maps: loaded.maps,
    ktimeNs: () => 0n,
    prandomU32: () => 4,
    trace: () => {},
    traceComm: '<idle>',
    tracePid: 0,
    traceFlags: 'd.s11',
    packet: { ctxAddr: 0, hardStart: 0, hardEnd: 0 },
    beforeHelper,
  }
}

describe('helper calls bound to their map', () => {
  it('binds every helper(&global, ...) call site of a BPF program, once per helper and global', () => {
    const code = compileBpf(`${MAPS}
SEC("xdp") int q(struct xdp_md *ctx) { __u32 k = 0; void *m = &arr; return bpf_map_lookup_elem(&arr, &k) && bpf_map_lookup_elem(m, &k) && !bpf_map_delete_elem(&hash, &k); }`).code
    expect(code.match(/^const \$b.*/gm)).toEqual([
      expect.stringMatching(/^const \$b0_bpf_map_lookup_elem = \$bindImp\("bpf_map_lookup_elem", \$D \+ \d+, \$i_bpf_map_lookup_elem\);$/),
      expect.stringMatching(/^const \$b1_bpf_map_lookup_elem = \$bindImp\("bpf_map_lookup_elem", \$D \+ \d+, \$i_bpf_map_lookup_elem\);$/),
      expect.stringMatching(/^const \$b2_bpf_map_lookup_elem = \$bindImp\("bpf_map_lookup_elem", \$D \+ \d+, \$i_bpf_map_lookup_elem\);$/),
      expect.stringMatching(/^const \$b3_bpf_map_delete_elem = \$bindImp\("bpf_map_delete_elem", \$D \+ \d+, \$i_bpf_map_delete_elem\);$/),
    ])
    expect(code).toMatch(/^function \$bindImp\(n, a, f\)/m)
    // a pointer held in a variable is no map the site can know: the generic helper
    expect(code).toContain('$i_bpf_map_lookup_elem(v')
    expect(code.match(/\$b0_bpf_map_lookup_elem\(\(\$D \+ \d+\), /g)).toHaveLength(2)
  })

  it('gives the generic lookup\'s answers and helper events for ARRAY, PERCPU_ARRAY and HASH maps', () => {
    const kernel = Kernel.create({ possibleCpus: 2 })
    kernel.traceHelperCalls()
    const loaded = loadProgram(kernel, compileBpf(MAPS))
    const key = kernel.kmalloc(16, 8)
    const dv = new DataView(kernel.sab)
    const env = helperEnv(kernel, loaded, 1)
    const generic = bpfHelpers(env).bpf_map_lookup_elem
    const bind = bpfHelperBinder(env)
    const [arr, pcpu, hash, queue] = loaded.maps
    // one hash element, key 5
    dv.setBigUint64(key, 5n, true)
    dv.setBigUint64(key + 8, 77n, true)
    expect(kernel.progMapUpdate(hash.id, key, key + 8, 0, 1)).toBe(0)
    expect(bind('bpf_map_lookup_elem', queue.slotAddr)).toBeUndefined() // queue maps: the generic path (always NULL)
    expect(bind('bpf_map_update_elem', arr.slotAddr)).toBeUndefined()
    for (const [map, keys] of [[arr, [0, 3, 4, 0xffffffff]], [pcpu, [0, 2, 3]], [hash, [5, 6]]] as const) {
      const bound = bind('bpf_map_lookup_elem', map.slotAddr)!
      expect(bound).toBeTypeOf('function')
      for (const k of keys) {
        dv.setBigUint64(key, BigInt(k), true)
        // unaligned keys too (the index is read as bytes)
        for (const at of [key, key + 1]) {
          if (at !== key) for (let i = 0; i < 8; i++) dv.setUint8(at + i, Number((BigInt(k) >> BigInt(8 * i)) & 255n))
          const seq = kernel.eventLog.helperSeq(1)
          const want = generic(map.slotAddr, at) as number
          const got = bound(map.slotAddr, at) as number
          expect(got).toBe(want)
          const [a, b] = kernel.helperEvents(1, seq)
          expect({ ...b, seq: 0 }).toEqual({ ...a, seq: 0 })
          expect(a.mapId).toBe(map.id)
        }
      }
    }
    // this CPU's copy of a per-CPU value, distinct from the other CPU's
    dv.setUint32(key, 2, true)
    const mine = bind('bpf_map_lookup_elem', pcpu.slotAddr)!(pcpu.slotAddr, key)
    const other = bpfHelperBinder(helperEnv(kernel, loaded, 0))('bpf_map_lookup_elem', pcpu.slotAddr)!(pcpu.slotAddr, key)
    expect(mine).not.toBe(0)
    expect(other).not.toBe(mine)
  })

  it('faults on a bad key pointer as the generic helper does, with the call\'s source position', () => {
    const kernel = Kernel.create({ possibleCpus: 1 })
    kernel.traceHelperCalls()
    const loaded = loadProgram(kernel, compileBpf(`${MAPS}
SEC("xdp") int bad_key(struct xdp_md *ctx) {
	return bpf_map_lookup_elem(&arr, (void *)(long)ctx->data_end + 0x7fff0000) ? 1 : 2;
}
SEC("xdp") int bad_map(struct xdp_md *ctx) {
	__u32 k = 0;
	return bpf_map_lookup_elem(&not_a_map, &k) ? 1 : 2;
}`))
    const env = helperEnv(kernel, loaded, 0)
    const bind = bpfHelperBinder(env)
    expect(() => bind('bpf_map_lookup_elem', loaded.maps[0].slotAddr)!(0, 8)).toThrow(new HelperFault('bpf_map_lookup_elem: invalid key pointer 0x8 (4 bytes)'))
    expect(() => bpfHelpers(env).bpf_map_lookup_elem(loaded.maps[0].slotAddr, 8)).toThrow(new HelperFault('bpf_map_lookup_elem: invalid key pointer 0x8 (4 bytes)'))
    const buf = kernel.kmalloc(512, 8)
    for (const entry of ['bad_key', 'bad_map']) {
      const cpu = new XdpCpu({ kernel, loaded, cpu: 0, entry })
      expect(cpu.run(buf + 256, 14, buf, buf + 512, 3)).toBe(0)
      expect(cpu.faults).toHaveLength(1)
      const f = cpu.faults[0]
      if (entry === 'bad_key') {
        expect(f.message).toMatch(/^bpf_map_lookup_elem: invalid key pointer 0x[0-9a-f]+ \(4 bytes\)$/)
        expect(f.where).toBe('prog.c:23:2')
      } else {
        expect(f.message).toMatch(/^bpf_map_lookup_elem: R1 is not a map pointer \(0x[0-9a-f]+\): pass &map_name$/)
        expect(f.where).toBe('prog.c:27:2')
      }
    }
  })

  it('runs the program the same through bound sites, and lets the scheduler in before each lookup', () => {
    const kernel = Kernel.create({ possibleCpus: 2 })
    kernel.traceHelperCalls()
    const loaded = loadProgram(kernel, compileBpf(MAPS))
    const buf = kernel.kmalloc(512, 8)
    let switches = 0
    const cpus = [0, 1].map((cpu) => new XdpCpu({ kernel, loaded, cpu, beforeHelper: () => switches++ }))
    const seq = kernel.eventLog.helperSeq(1)
    expect(cpus[0].run(buf + 256, 14, buf, buf + 512, 0)).toBe(2)
    expect(cpus[1].run(buf + 256, 14, buf, buf + 512, 1)).toBe(2)
    expect(cpus[1].run(buf + 256, 14, buf, buf + 512, 2)).toBe(2)
    expect(switches).toBe(9)
    const maps = Object.fromEntries(kernel.maps().map((m) => [m.name, m.entries]))
    const u64 = (v: unknown) => new DataView((v as Uint8Array).buffer).getBigUint64(0, true)
    expect(u64(maps.arr[1].value)).toBe(3n)
    expect((maps.pcpu[1].value as Uint8Array[]).map((v) => new DataView(v.buffer).getUint32(0, true))).toEqual([10, 22])
    const ev = kernel.helperEvents(1, seq)
    expect(ev.map((e) => [e.mapId, e.ret === 0 ? 'NULL' : 'value', [...e.key].slice(0, 1)])).toEqual([
      [loaded.maps[0].id, 'value', [1]],
      [loaded.maps[1].id, 'value', [1]],
      [loaded.maps[2].id, 'NULL', [5]],
      [loaded.maps[0].id, 'value', [1]],
      [loaded.maps[1].id, 'value', [1]],
      [loaded.maps[2].id, 'NULL', [5]],
    ])
  })
})
