/**
 * AddressSanitizer-style reports for syscall buffers: the per-CPU bug with stack, global and heap
 * buffers, reads as well as writes, and silence for buffers of the right size.
 */
import { describe, expect, it } from 'vitest'
import { Kernel } from '../kernel/kernel'
import { compile } from '../lang/compile'
import { Process } from './process'

function run(body: string, opts: { cpus?: number; globals?: string; hooks?: 'loops' | 'statements' } = {}) {
  const source = `#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <stdio.h>
#include <stdlib.h>
struct datarec { long rx_packets; long rx_bytes; };
${opts.globals ?? ''}
int main(void) {
${body}
  return 0;
}
`
  const { program, diagnostics } = compile(source, { filename: 'percpu.c', target: 'user', hooks: opts.hooks ?? 'loops' })
  if (!program) throw new Error(diagnostics.map((d) => `${d.line}: ${d.message}`).join('\n'))
  const kernel = Kernel.create({ possibleCpus: opts.cpus ?? 4 })
  let stdout = ''
  let stderr = ''
  const proc = new Process(kernel, program, { write: (fd, b) => (fd === 1 ? (stdout += new TextDecoder().decode(b)) : (stderr += new TextDecoder().decode(b))) })
  const result = proc.run()
  return { ...result, stdout, stderr, pid: proc.pid }
}

// line of the first statement of main's body in the generated source
const BODY = 8
const PERCPU_ARRAY = `  int fd = bpf_map_create(BPF_MAP_TYPE_PERCPU_ARRAY, "counts", sizeof(int), sizeof(long), 4, NULL);\n  int key = 0;\n`

describe('syscall buffer checks', () => {
  it('reports the classic per-CPU lookup into one long on the stack, in ASan format, exit 1', () => {
    const r = run(`${PERCPU_ARRAY}  long value;\n  bpf_map_lookup_elem(fd, &key, &value);\n  printf("not reached\\n");\n`)
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toBe('')
    const lines = r.stderr.split('\n')
    expect(lines[1]).toMatch(new RegExp(`^==${r.pid}==ERROR: AddressSanitizer: stack-buffer-overflow on address 0x[0-9a-f]{12}$`))
    expect(lines[2]).toMatch(/^WRITE of size 32 at 0x[0-9a-f]+ thread T0$/)
    expect(r.stderr).toContain(`#2 in main percpu.c:${BODY + 3}:3`)
    expect(r.stderr).toMatch(/\[\d+, \d+\) 'value' \(line 10\) <== Memory access at offset \d+ partially overflows this variable/)
    expect(r.stderr).toContain("the kernel would write 32 bytes into 'value', which holds 8 bytes")
    expect(r.stderr).toContain(`SUMMARY: AddressSanitizer: stack-buffer-overflow percpu.c:${BODY + 3}:3 in main`)
    expect(r.stderr).toContain('bpfplay checks every syscall buffer like gcc -fsanitize=address would')
    expect(r.stderr.trimEnd().endsWith(`==${r.pid}==ABORTING`)).toBe(true)
    expect(r.reason).toBe(`AddressSanitizer: stack-buffer-overflow percpu.c:${BODY + 3}:3 in main`)
  })

  it('reports a struct value on a per-CPU hash: the neighbours are not overwritten', () => {
    const r = run(
      `  int fd = bpf_map_create(BPF_MAP_TYPE_PERCPU_HASH, "stats", sizeof(int), sizeof(struct datarec), 16, NULL);
  int key = 1;
  struct datarec vals[2] = {{0}};
  bpf_map_update_elem(fd, &key, vals, BPF_ANY);
  long canary = 42;
  struct datarec value;
  bpf_map_lookup_elem(fd, &key, &value);
`,
      { cpus: 2 },
    )
    // the update READ 32 bytes from a 32-byte array: fine; the lookup writes 32 into 16
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toMatch(/WRITE of size 32 at/)
    expect(r.stderr).toMatch(/'value' \(line 13\) <== Memory access/)
  })

  it('reports a read past the buffer (update of a per-CPU map from one long)', () => {
    const r = run(`${PERCPU_ARRAY}  long value = 1;\n  bpf_map_update_elem(fd, &key, &value, BPF_ANY);\n`)
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toMatch(/stack-buffer-overflow on address/)
    expect(r.stderr).toMatch(/READ of size 32 at/)
    expect(r.stderr).toContain('#0 in copy_from_user (the kernel, in the bpf() syscall made by bpf_map_update_elem)')
  })

  it('reports a global buffer', () => {
    const r = run(`${PERCPU_ARRAY}  bpf_map_lookup_elem(fd, &key, &total);\n`, { globals: 'long total;\nint after = 7;' })
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toMatch(/AddressSanitizer: global-buffer-overflow on address/)
    expect(r.stderr).toMatch(/is located 0 bytes inside of global variable 'total' defined in 'percpu.c' \(0x[0-9a-f]+\) of size 8/)
  })

  it('reports a heap block, and a freed one', () => {
    const r = run(`${PERCPU_ARRAY}  long *v = malloc(sizeof(long) * 2);\n  bpf_map_lookup_elem(fd, &key, v);\n`)
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toMatch(/AddressSanitizer: heap-buffer-overflow on address/)
    expect(r.stderr).toMatch(/is located 0 bytes inside of 16-byte region \[0x[0-9a-f]+,0x[0-9a-f]+\)/)
    const freed = run(`${PERCPU_ARRAY}  long *v = malloc(64);\n  free(v);\n  bpf_map_lookup_elem(fd, &key, v);\n`)
    expect(freed.exitCode).toBe(1)
    expect(freed.stderr).toMatch(/AddressSanitizer: heap-use-after-free on address/)
  })

  it('says nothing for buffers of the right size, per-CPU ones included', () => {
    const r = run(
      `${PERCPU_ARRAY}  long values[4] = {1, 2, 3, 4};
  if (bpf_map_update_elem(fd, &key, values, BPF_ANY)) return 2;
  long *heap = calloc(4, sizeof(long));
  if (bpf_map_lookup_elem(fd, &key, heap)) return 3;
  struct { long v[4]; } g;
  if (bpf_map_lookup_elem(fd, &key, &g)) return 4;
  int h = bpf_map_create(BPF_MAP_TYPE_HASH, "h", sizeof(int), sizeof(long), 4, NULL);
  long one = 5;
  if (bpf_map_update_elem(h, &key, &one, BPF_ANY) || bpf_map_lookup_elem(h, &key, &one)) return 5;
  printf("%ld %ld %ld\\n", heap[0] + heap[3], g.v[1], one);
`,
    )
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe('5 2 5\n')
    expect(r.exitCode).toBe(0)
  })

  it('works the same in a program compiled for stepping', () => {
    const r = run(`${PERCPU_ARRAY}  long value;\n  bpf_map_lookup_elem(fd, &key, &value);\n`, { hooks: 'statements' })
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toMatch(/'value' \(line 10\) <== Memory access/)
  })
})
