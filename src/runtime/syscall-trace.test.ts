/**
 * The syscall inspector's recorder on real programs: what each bpf() call carried in its attr,
 * what crossed between the process's memory and the kernel, and which C objects it touched.
 */
import { describe, expect, it } from 'vitest'
import { Kernel } from '../kernel/kernel'
import { BpfCmd, Errno } from '../kernel/uapi'
import { compile } from '../lang/compile'
import { Process } from './process'
import { SyscallTracer, type SyscallRecord } from './syscall-trace'

function trace(source: string): { calls: SyscallRecord[]; out: string } {
  const { program, diagnostics } = compile(source, { filename: 'trace.c', target: 'user' })
  if (!program) throw new Error(diagnostics.map((d) => d.message).join('\n'))
  const kernel = Kernel.create({ possibleCpus: 2, hashSeed: 3 })
  const tracer = new SyscallTracer()
  let out = ''
  const proc = new Process(tracer.wrap(kernel), program, { write: (_fd, b) => (out += new TextDecoder().decode(b)) })
  tracer.attach(proc)
  proc.run()
  return { calls: tracer.recent(), out }
}

const field = (r: SyscallRecord, name: string) => r.fields.find((f) => f.name === name)?.value

describe('syscall tracer', () => {
  it('shows a lookup: the attr members, the key copied in and the value copied out to their C variables', () => {
    const { calls } = trace(`#include <bpf/bpf.h>
int main(void) {
  int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "counts", sizeof(int), sizeof(long), 4, NULL);
  int key = 7;
  long value = 200, got = 0;
  bpf_map_update_elem(fd, &key, &value, BPF_NOEXIST);
  bpf_map_lookup_elem(fd, &key, &got);
  key = 9;
  return bpf_map_lookup_elem(fd, &key, &got) == 0;
}`)
    expect(calls.map((c) => c.cmd)).toEqual([BpfCmd.MAP_CREATE, BpfCmd.MAP_UPDATE_ELEM, BpfCmd.MAP_LOOKUP_ELEM, BpfCmd.MAP_LOOKUP_ELEM])
    const [create, update, lookup, miss] = calls
    expect(field(create, 'map_type')).toBe('1')
    expect(field(create, 'map_name')).toBe('counts')
    expect(field(create, 'value_size')).toBe('8')
    expect(create.ret).toBeGreaterThanOrEqual(3)
    expect(create.map?.name).toBe('counts')
    expect(field(update, 'flags')).toBe('1')
    expect(update.map).toMatchObject({ name: 'counts', type: 1 })

    expect(lookup.fields.map((f) => f.name)).toEqual(['map_fd', 'key', 'value', 'flags'])
    expect(lookup.ret).toBe(0)
    const [attrIn, keyIn, valueOut] = lookup.copies
    expect(attrIn).toMatchObject({ dir: 'in', via: 'attr', len: 32, object: null })
    expect(keyIn).toMatchObject({ dir: 'in', via: 'key', len: 4, ok: true, object: { name: 'key', type: 'int', size: 4, where: "main()'s stack" } })
    expect([...keyIn.bytes]).toEqual([7, 0, 0, 0])
    expect(valueOut).toMatchObject({ dir: 'out', via: 'value', len: 8, object: { name: 'got', type: 'long int' } })
    expect(new DataView(valueOut.bytes.buffer).getBigInt64(0, true)).toBe(200n)
    expect(lookup.copies).toHaveLength(3)

    // a miss copies the key in and nothing out
    expect(miss.ret).toBe(-Errno.ENOENT)
    expect(miss.copies.map((c) => `${c.dir}:${c.via}`)).toEqual(['in:attr', 'in:key'])
  })

  it('shows a batch call: the cursor and count go both ways, keys and values come out into the arrays', () => {
    const { calls } = trace(`#include <bpf/bpf.h>
int main(void) {
  int fd = bpf_map_create(BPF_MAP_TYPE_ARRAY, "arr", sizeof(int), sizeof(int), 4, NULL);
  int keys[4], vals[4];
  __u32 out_batch, count = 4;
  LIBBPF_OPTS(bpf_map_batch_opts, opts);
  bpf_map_lookup_batch(fd, NULL, &out_batch, keys, vals, &count, &opts);
  return 0;
}`)
    const batch = calls.find((c) => c.cmd === BpfCmd.MAP_LOOKUP_BATCH)!
    expect(field(batch, 'count')).toBe('4')
    expect(field(batch, 'in_batch')).toBe('0')
    const outs = batch.copies.filter((c) => c.dir === 'out').map((c) => `${c.via}:${c.len}:${c.object?.name}`)
    expect(batch.copies.find((c) => c.via === 'keys')).toMatchObject({ dir: 'out', len: 16, parts: 4 })
    expect(outs).toContain('keys:16:keys')
    expect(outs).toContain('values:16:vals')
    expect(outs).toContain('out_batch:4:out_batch')
    // the kernel writes the count it copied back into the attr
    expect(outs).toContain('attr.count:4:undefined')
  })

  it('marks a copy to an unmapped address (EFAULT)', () => {
    const { calls } = trace(`#include <bpf/bpf.h>
int main(void) {
  int fd = bpf_map_create(BPF_MAP_TYPE_ARRAY, "arr", sizeof(int), sizeof(int), 4, NULL);
  int key = 0;
  return bpf_map_lookup_elem(fd, &key, (void *)16) == 0;
}`)
    const lookup = calls[1]
    expect(lookup.ret).toBe(-Errno.EFAULT)
    expect(lookup.copies.at(-1)).toMatchObject({ dir: 'out', via: 'value', ok: false, object: null })
  })
})
