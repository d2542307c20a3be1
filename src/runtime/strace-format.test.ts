/**
 * strace's line format for bpf() calls, on real calls of a program run in-process (the lines
 * below are what strace 6.1 printed for the same calls on Linux, addresses aside; the full
 * comparison with the real strace is tests/strace.test.ts, where bpf() works).
 */
import { describe, expect, it } from 'vitest'
import { Kernel } from '../kernel/kernel'
import { compile } from '../lang/compile'
import { Process } from './process'
import { straceExit, straceLine } from './strace-format'
import { SyscallTracer } from './syscall-trace'

function lines(source: string): string[] {
  const { program, diagnostics } = compile(source, { filename: 's.c', target: 'user' })
  if (!program) throw new Error(diagnostics.map((d) => d.message).join('\n'))
  const out: string[] = []
  const tracer = new SyscallTracer((r) => out.push(straceLine(r).replace(/=0x[0-9a-f]{5,}/g, '=ADDR')))
  const proc = new Process(tracer.wrap(Kernel.create({ possibleCpus: 2 })), program, { write() {} })
  tracer.attach(proc)
  const r = proc.run()
  out.push(straceExit(r.exitCode, r.signal))
  return out
}

describe('strace format', () => {
  it('prints create, element calls, freeze (aligned at column 40) and errno as strace does', () => {
    expect(
      lines(`#include <bpf/bpf.h>
int main(void) {
  int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "m", sizeof(int), sizeof(int), 4, NULL);
  int k = 1, v = 2, n;
  bpf_map_update_elem(fd, &k, &v, BPF_NOEXIST);
  bpf_map_get_next_key(fd, NULL, &n);
  bpf_map_delete_elem(fd, &k);
  bpf_map_freeze(fd);
  bpf_map_update_elem(fd, &k, &v, BPF_ANY);
  return 3;
}`),
    ).toEqual([
      'bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_HASH, key_size=4, value_size=4, max_entries=4, map_flags=0, inner_map_fd=0, map_name="m", map_ifindex=0, btf_fd=0, btf_key_type_id=0, btf_value_type_id=0, btf_vmlinux_value_type_id=0, map_extra=0}, 72) = 3',
      'bpf(BPF_MAP_UPDATE_ELEM, {map_fd=3, key=ADDR, value=ADDR, flags=BPF_NOEXIST}, 32) = 0',
      'bpf(BPF_MAP_GET_NEXT_KEY, {map_fd=3, key=NULL, next_key=ADDR}, 24) = 0',
      'bpf(BPF_MAP_DELETE_ELEM, {map_fd=3, key=ADDR}, 32) = 0',
      'bpf(BPF_MAP_FREEZE, {map_fd=3}, 4)      = 0',
      'bpf(BPF_MAP_UPDATE_ELEM, {map_fd=3, key=ADDR, value=ADDR, flags=BPF_ANY}, 32) = -1 EPERM (Operation not permitted)',
      '+++ exited with 3 +++',
    ])
  })

  it('shows a batch count the kernel changed, paths, file flags and values strace has no name for', () => {
    expect(
      lines(`#include <bpf/bpf.h>
int main(void) {
  int fd = bpf_map_create(BPF_MAP_TYPE_ARRAY, "a", sizeof(int), sizeof(int), 2, NULL);
  int keys[4], vals[4];
  __u32 out, count = 4;
  bpf_map_lookup_batch(fd, NULL, &out, keys, vals, &count, NULL);
  bpf_obj_pin(fd, "/sys/fs/bpf/a_rather_long_name_for_a_pinned_map");
  LIBBPF_OPTS(bpf_obj_get_opts, ro, .file_flags = BPF_F_RDONLY);
  bpf_obj_get_opts("/sys/fs/bpf/a_rather_long_name_for_a_pinned_map", &ro);
  LIBBPF_OPTS(bpf_map_create_opts, o, .map_flags = 0x8000);
  bpf_map_create(BPF_MAP_TYPE_HASH, "x", 4, 4, 4, &o);
  return 0;
}`),
    ).toEqual([
      'bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_ARRAY, key_size=4, value_size=4, max_entries=2, map_flags=0, inner_map_fd=0, map_name="a", map_ifindex=0, btf_fd=0, btf_key_type_id=0, btf_value_type_id=0, btf_vmlinux_value_type_id=0, map_extra=0}, 72) = 3',
      'bpf(BPF_MAP_LOOKUP_BATCH, {batch={in_batch=NULL, out_batch=ADDR, keys=ADDR, values=ADDR, count=4, map_fd=3, elem_flags=BPF_ANY, flags=0}} => {batch={count=2}}, 56) = -1 ENOENT (No such file or directory)',
      'bpf(BPF_OBJ_PIN, {pathname="/sys/fs/bpf/a_rather_long_name_for_a_pinned_map", bpf_fd=3, file_flags=0}, 16) = 0',
      'bpf(BPF_OBJ_GET, {pathname="/sys/fs/bpf/a_rather_long_name_for_a_pinned_map", bpf_fd=0, file_flags=BPF_F_RDONLY}, 16) = 4',
      'bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_HASH, key_size=4, value_size=4, max_entries=4, map_flags=0x8000 /* BPF_F_??? */, inner_map_fd=0, map_name="x", map_ifindex=0, btf_fd=0, btf_key_type_id=0, btf_value_type_id=0, btf_vmlinux_value_type_id=0, map_extra=0}, 72) = -1 EINVAL (Invalid argument)',
      '+++ exited with 0 +++',
    ])
  })
})
