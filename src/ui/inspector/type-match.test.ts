import { describe, expect, it } from 'vitest'
import type { TypeDesc } from '../../lang/api'
import { compile } from '../../lang/compile'
import { typeLabel } from './ctypes'
import { pickTypes, type TypeSource } from './type-match'

function source(body: string): TypeSource {
  const r = compile(`#include <bpf/bpf.h>\nstruct flow { __u32 saddr, daddr; __u16 sport, dport; };\nstruct stats { __u64 packets; __u64 bytes; };\nstruct small { __u32 a; __u16 b; };\n${body}`, {
    filename: 'user.c',
    target: 'user',
  })
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return { filename: 'user.c', mapCallTypes: r.program!.mapCallTypes }
}

const label = (t: TypeDesc | undefined) => (t ? typeLabel(t) : undefined)

describe('matching program types to maps', () => {
  const prog = source(`int main(void) {
    struct flow f; struct stats s; __u32 idx = 0; __s64 counter;
    bpf_map_update_elem(3, &f, &s, 0);
    bpf_map_lookup_elem(3, &f, &s);
    bpf_map_update_elem(4, &idx, &counter, 0);
    struct stats percpu[4];
    bpf_map_lookup_elem(5, &idx, &percpu);
    return 0; }`)

  it('picks the key and value types whose sizes fit the map', () => {
    const flows = pickTypes({ name: 'flows', keySize: 12, valueSize: 16, percpu: false }, [prog])
    expect([label(flows.key), label(flows.value)]).toEqual(['struct flow', 'struct stats'])
    expect(flows.origin).toBe('user.c:7 bpf_map_update_elem')
    const counters = pickTypes({ name: 'c', keySize: 4, valueSize: 8, percpu: false }, [prog])
    expect([label(counters.key), label(counters.value)]).toEqual(['__u32', '__s64'])
  })

  it('per-CPU values: an array of per-CPU slots gives its element type', () => {
    const pc = pickTypes({ name: 'pc', keySize: 4, valueSize: 16, percpu: true }, [prog])
    expect([label(pc.key), label(pc.value)]).toEqual(['__u32', 'struct stats'])
  })

  it('a per-CPU value slot is round_up(value_size, 8) bytes', () => {
    const p = source(`int main(void) { __u32 k = 0; struct small v[2]; bpf_map_lookup_elem(3, &k, v); return 0; }`)
    // struct small is 8 bytes (6 used + padding): it fits a per-CPU map of value_size 6 only per CPU slot.
    expect(label(pickTypes({ name: 'x', keySize: 4, valueSize: 6, percpu: true }, [p]).value)).toBe('struct small')
    expect(pickTypes({ name: 'x', keySize: 4, valueSize: 6, percpu: false }, [p]).value).toBeUndefined()
  })

  it('nothing fits: no types (the view shows integers by size)', () => {
    expect(pickTypes({ name: 'x', keySize: 3, valueSize: 5, percpu: false }, [prog])).toEqual({})
  })

  it('a call whose key and value both fit beats a more frequent one where only the key does', () => {
    const p = source(`int main(void) { __s32 a = 0; __u32 b = 0; __u64 v; struct flow f;
      bpf_map_delete_elem(3, &a); bpf_map_delete_elem(3, &a); bpf_map_update_elem(3, &a, &f, 0);
      bpf_map_update_elem(4, &b, &v, 0); return 0; }`)
    expect(label(pickTypes({ name: 'x', keySize: 4, valueSize: 8, percpu: false }, [p]).key)).toBe('__u32')
  })

  it('BPF maps: the declared types, found by the (15-character) kernel name', () => {
    const r = compile(
      `#include <linux/bpf.h>\n#include <bpf/bpf_helpers.h>\nstruct datarec { __u64 rx_packets; __u64 rx_bytes; };
      struct { __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY); __type(key, __u32); __type(value, struct datarec); __uint(max_entries, 5); } xdp_stats_map_long_name SEC(".maps");
      SEC("xdp") int prog(struct xdp_md *ctx) { __u32 k = 0; bpf_map_lookup_elem(&xdp_stats_map_long_name, &k); return XDP_PASS; }
      char _license[] SEC("license") = "GPL";`,
      { filename: 'xdp_prog.c', target: 'bpf' },
    )
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const src: TypeSource = { filename: 'xdp_prog.c', maps: r.program!.maps }
    const picked = pickTypes({ name: 'xdp_stats_map_l', keySize: 4, valueSize: 16, percpu: true }, [prog, src].reverse())
    expect([label(picked.key), label(picked.value), picked.origin]).toEqual(['__u32', 'struct datarec', 'xdp_prog.c: map xdp_stats_map_long_name'])
  })
})
