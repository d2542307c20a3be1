/**
 * Turns a generated op sequence into a complete C program that makes the same libbpf calls and
 * prints every result, so a random sequence also becomes a *program-level* differential test:
 * the program built with gcc + libbpf on the real kernel and the same file run by bpfplay must
 * print the same bytes. Inputs are copied into large zeroed buffers and outputs pre-filled
 * with 0xAA, so what either kernel reads or leaves untouched is deterministic.
 * Composite and CPU-moving ops (walk, batch_walk, cpu) have no single libbpf call: they are dropped.
 */
import type { Hex, Op } from './ops'

const BUF = 1 << 20

function bytes(h: Hex): string {
  const out: string[] = []
  for (let i = 0; i < h.length; i += 2) out.push(`0x${h.slice(i, i + 2)}`)
  return out.length ? out.join(',') : '0'
}

/** `setbuf(dst, "hex")` as C: zero the buffer, copy the bytes in. */
function load(dst: string, h: Hex | null): string {
  if (h === null) return ''
  return `{ static const unsigned char b[] = {${bytes(h)}}; memset(${dst}, 0, ${BUF}); memcpy(${dst}, b, ${h.length / 2}); }`
}

function cstr(s: string): string {
  return JSON.stringify(s) // paths and names are plain ASCII
}

export function usableOps(ops: Op[]): Op[] {
  return ops.filter((op) => op.op !== 'walk' && op.op !== 'batch_walk' && op.op !== 'cpu')
}

export function toCProgram(ops: Op[]): string {
  const body = usableOps(ops).map((op, i) => `    /* ${JSON.stringify(op).replace(/\*\//g, '* /')} */\n    ${stmt(op, i)}`)
  return `// Generated from a conformance op sequence (tests/conformance/c-program.ts).
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

static unsigned char kb[${BUF}], vb[${BUF}], ob[${BUF}], ob2[${BUF}], cin[64], cout[64];

static void hex(const char *tag, const unsigned char *p, unsigned long n) {
    printf(" %s=", tag);
    for (unsigned long i = 0; i < n; i++) printf("%02x", p[i]);
}

int main(void) {
    int r;
    __u32 count;
${body.join('\n')}
    return 0;
}
`
}

function stmt(op: Op, i: number): string {
  const p = (name: string) => `printf("${i} ${name} r=%d", r)`
  const end = 'printf("\\n");'
  switch (op.op) {
    case 'create': {
      const opts = `LIBBPF_OPTS(bpf_map_create_opts, o${i}, .map_flags = ${op.flags >>> 0}u, .map_extra = ${op.map_extra ?? 0}, .numa_node = ${op.numa_node ?? 0});`
      return `{ ${opts} r = bpf_map_create(${op.type}, ${op.name === null ? 'NULL' : cstr(op.name)}, ${op.key_size}, ${op.value_size}, ${op.max_entries >>> 0}u, &o${i}); ${p('create')}; ${end} }`
    }
    case 'update':
      return `${load('kb', op.key)} ${load('vb', op.value)} r = bpf_map_update_elem(${op.fd}, ${op.key === null ? 'NULL' : 'kb'}, ${op.value === null ? 'NULL' : 'vb'}, ${op.flags >>> 0}u); ${p('update')}; ${end}`
    case 'lookup':
    case 'lookup_and_delete': {
      const fn = op.op === 'lookup' ? 'bpf_map_lookup_elem_flags' : 'bpf_map_lookup_and_delete_elem_flags'
      return `${load('kb', op.key)} memset(ob, 0xaa, ${BUF}); r = ${fn}(${op.fd}, ${op.key === null ? 'NULL' : 'kb'}, ${op.value_null ? 'NULL' : 'ob'}, ${op.flags >>> 0}u); ${p(op.op)}; hex("value", ob, ${op.value_size}); ${end}`
    }
    case 'delete':
      return `${load('kb', op.key)} r = bpf_map_delete_elem(${op.fd}, ${op.key === null ? 'NULL' : 'kb'}); ${p('delete')}; ${end}`
    case 'get_next_key':
      return `${load('kb', op.key)} memset(ob, 0xaa, ${BUF}); r = bpf_map_get_next_key(${op.fd}, ${op.key === null ? 'NULL' : 'kb'}, ob); ${p('get_next_key')}; hex("key", ob, ${op.key_size}); ${end}`
    case 'lookup_batch':
    case 'lookup_and_delete_batch': {
      const fn = op.op === 'lookup_batch' ? 'bpf_map_lookup_batch' : 'bpf_map_lookup_and_delete_batch'
      const setIn =
        op.in_batch === null ? '' : op.in_batch === 'prev' ? `memcpy(cin, cout, sizeof(cin));` : `{ static const unsigned char b[] = {${bytes(op.in_batch)}}; memset(cin, 0, sizeof(cin)); memcpy(cin, b, ${op.in_batch.length / 2}); }`
      const opts = `LIBBPF_OPTS(bpf_map_batch_opts, o${i}, .elem_flags = ${op.elem_flags >>> 0}u, .flags = ${op.flags >>> 0}u);`
      return `{ ${opts} ${setIn} memset(cout, 0xaa, sizeof(cout)); memset(ob, 0xaa, ${BUF}); memset(ob2, 0xaa, ${BUF}); count = ${op.count >>> 0}u;
      r = ${fn}(${op.fd}, ${op.in_batch === null ? 'NULL' : 'cin'}, ${op.out_null ? 'NULL' : 'cout'}, ${op.keys_null ? 'NULL' : 'ob'}, ${op.values_null ? 'NULL' : 'ob2'}, &count, &o${i});
      ${p(op.op)}; printf(" count=%u", count); hex("out", cout, ${op.cursor_size}); { unsigned long n = count < ${op.count >>> 0}u ? count : ${op.count >>> 0}u; hex("keys", ob, n * ${op.key_size}); hex("values", ob2, n * ${op.value_size}); } ${end} }`
    }
    case 'update_batch':
    case 'delete_batch': {
      const keys = op.keys === null ? null : op.keys.join('')
      const values = op.op === 'update_batch' && op.values !== null ? op.values.join('') : null
      const opts = `LIBBPF_OPTS(bpf_map_batch_opts, o${i}, .elem_flags = ${op.elem_flags >>> 0}u, .flags = ${op.flags >>> 0}u);`
      const call =
        op.op === 'update_batch'
          ? `bpf_map_update_batch(${op.fd}, ${keys === null ? 'NULL' : 'kb'}, ${values === null ? 'NULL' : 'vb'}, &count, &o${i})`
          : `bpf_map_delete_batch(${op.fd}, ${keys === null ? 'NULL' : 'kb'}, &count, &o${i})`
      return `{ ${opts} ${load('kb', keys)} ${load('vb', values)} count = ${op.count >>> 0}u; r = ${call}; ${p(op.op)}; printf(" count=%u", count); ${end} }`
    }
    case 'freeze':
      return `r = bpf_map_freeze(${op.fd}); ${p('freeze')}; ${end}`
    case 'close':
      return `errno = 0; r = close(${op.fd}); ${p('close')}; printf(" errno=%d", r ? errno : 0); ${end}`
    case 'info':
      return `{ struct bpf_map_info info; __u32 len = sizeof(info); memset(&info, 0, sizeof(info)); r = bpf_obj_get_info_by_fd(${op.fd}, &info, &len); ${p('info')}; if (r == 0) printf(" type=%u key=%u value=%u max=%u flags=%u name=%s", info.type, info.key_size, info.value_size, info.max_entries, info.map_flags, info.name); ${end} }`
    case 'pin':
      return `r = bpf_obj_pin(${op.fd}, ${op.path === null ? 'NULL' : cstr(op.path)}); ${p('pin')}; ${end}`
    case 'get':
      return `{ LIBBPF_OPTS(bpf_obj_get_opts, o${i}, .file_flags = ${op.file_flags >>> 0}u); r = bpf_obj_get_opts(${op.path === null ? 'NULL' : cstr(op.path)}, &o${i}); ${p('get')}; ${end} }`
    default:
      return ''
  }
}
