import { describe, expect, it } from 'vitest'
import type { MapCallType, TypeDesc } from './api'
import { compile } from './compile'

function callsOf(src: string): MapCallType[] {
  const r = compile(src, { filename: 'user.c', target: 'user' })
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return r.program!.mapCallTypes!
}

const name = (t: TypeDesc | undefined) => (t && 'name' in t ? t.name : t?.kind)

describe('map call types', () => {
  it('records the pointee types of key and value arguments, struct layouts included', () => {
    const calls = callsOf(`
      #include <bpf/bpf.h>
      struct flow { __u32 saddr; __u16 port; char proto; };
      struct stats { __u64 packets; __u64 bytes; };
      int main(void) {
        int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "flows", sizeof(struct flow), sizeof(struct stats), 16, NULL);
        struct flow k = { 1, 2, 3 };
        struct stats v = { 0 };
        bpf_map_update_elem(fd, &k, &v, BPF_ANY);
        bpf_map_lookup_elem(fd, &k, &v);
        bpf_map_delete_elem(fd, &k);
        return 0;
      }`)
    expect(calls.map((c) => c.fn)).toEqual(['bpf_map_update_elem', 'bpf_map_lookup_elem', 'bpf_map_delete_elem'])
    const key = calls[0].key!
    expect(key).toMatchObject({ kind: 'struct', name: 'struct flow', size: 8 })
    if (key.kind !== 'struct') throw new Error('struct expected')
    expect(key.fields.map((f) => [f.name, f.offset])).toEqual([['saddr', 0], ['port', 4], ['proto', 6]])
    expect(calls[0].value).toMatchObject({ kind: 'struct', name: 'struct stats', size: 16 })
    expect(calls[2].value).toBeUndefined()
  })

  it('sees through array decay, NULL and void pointers; batch calls give element types', () => {
    const calls = callsOf(`
      #include <bpf/bpf.h>
      int main(void) {
        int fd = 3;
        int keys[8]; long vals[8]; __u32 count = 8, out; void *any = keys;
        unsigned short next;
        bpf_map_lookup_batch(fd, NULL, &out, keys, vals, &count, NULL);
        bpf_map_get_next_key(fd, NULL, &next);
        bpf_map_update_elem(fd, any, vals, 0);
        return 0;
      }`)
    expect(calls).toHaveLength(3)
    expect(calls[0]).toMatchObject({ fn: 'bpf_map_lookup_batch', batch: true, key: { kind: 'int', size: 4, signed: true }, value: { kind: 'int', size: 8 } })
    // get_next_key(fd, NULL, &next): the key type comes from next_key.
    expect(name(calls[1].key)).toBe('short unsigned int')
    expect(calls[1].value).toBeUndefined()
    // void * says nothing: only the value is recorded.
    expect(calls[2].key).toBeUndefined()
    expect(calls[2].value).toMatchObject({ kind: 'int', size: 8 })
  })

  it('a function named like an Object property (constructor, toString) is just another call', () => {
    const calls = callsOf(`
      #include <bpf/bpf.h>
      int constructor(int *p) { return *p; }
      int toString(void) { return 1; }
      int main(void) { int k = 1; long v = 2; constructor(&k); toString(); bpf_map_lookup_elem(3, &k, &v); return 0; }`)
    expect(calls.map((c) => c.fn)).toEqual(['bpf_map_lookup_elem'])
  })

  it('keeps typedef names and skips other calls; BPF programs get none (their maps carry types)', () => {
    const calls = callsOf(`
      #include <bpf/bpf.h>
      #include <string.h>
      typedef struct { char comm[16]; __s64 delta; } sample_t;
      int main(void) { sample_t s; __u32 k = 0; memset(&s, 0, sizeof s); bpf_map_update_elem(0, &k, &s, 0); return 0; }`)
    expect(calls).toHaveLength(1)
    expect(name(calls[0].key)).toBe('__u32')
    expect(name(calls[0].value)).toBe('sample_t')
    const bpf = compile(`#include <linux/bpf.h>\n#include <bpf/bpf_helpers.h>\nSEC("xdp") int f(struct xdp_md *ctx) { return XDP_PASS; }\nchar _license[] SEC("license") = "GPL";`, { filename: 'x.c', target: 'bpf' })
    expect(bpf.program).not.toBeNull()
    expect(bpf.program!.mapCallTypes).toBeUndefined()
  })
})
