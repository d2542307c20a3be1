/**
 * The `bpfplay` CLI as a user runs it: exit statuses, diagnostics, timeouts, faults, and a
 * kernel shared by the programs of one invocation.
 */
import { cliSandbox } from './cli-sandbox'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildCli } from '../scripts/build-cli.mjs'

const { dir, file, cli } = cliSandbox('cli')



beforeAll(async () => {
  await buildCli()
}, 60_000)

describe('bpfplay CLI', () => {
  it('prints usage and refuses unknown commands', () => {
    expect(cli('--help').out).toContain('Usage: bpfplay')
    const r = cli('frobnicate')
    expect(r.rc).toBe(2)
    expect(r.err).toContain("unknown command 'frobnicate'")
  })

  it('exits with the program status; return -1 is 255', () => {
    const f = file('ret.c', '#include <stdio.h>\nint main(void) { printf("hi\\n"); return -1; }\n')
    expect(cli('run', f)).toEqual({ out: 'hi\n', err: '', rc: 255 })
  })

  it('reports compile errors as FILE:LINE:COL and exits 1', () => {
    const f = file('bad.c', 'int main(void) {\n    int x = ;\n    return 0;\n}\n')
    const r = cli('run', f)
    expect(r.rc).toBe(1)
    expect(r.err).toMatch(new RegExp(`${f.replace(/[.]/g, '\\.')}:2:\\d+: error: `))
    expect(r.out).toBe('')
  })

  it('ends quietly when its reader goes away (| head)', () => {
    const f = file('many.c', '#include <stdio.h>\nint main(void) { for (int i = 0; i < 200000; i++) printf("line %d\\n", i); return 0; }\n')
    const bin = join(import.meta.dirname, '..', 'bin', 'bpfplay.mjs')
    const r = spawnSync('bash', ['-c', `node ${JSON.stringify(bin)} run ${JSON.stringify(f)} | head -1; echo "status \${PIPESTATUS[0]}"`], { encoding: 'utf8', timeout: 60_000 })
    expect(r.stdout).toBe('line 0\nstatus 0\n')
    expect(r.stderr).toBe('')
  })

  it('names a missing file', () => {
    const r = cli('run', join(dir, 'nope.c'))
    expect(r.rc).toBe(1)
    expect(r.err).toContain('nope.c: No such file or directory')
  })

  it('stops a runaway loop with --timeout', () => {
    const f = file('loop.c', 'int main(void) { while (1); }\n')
    const t0 = Date.now()
    const r = cli('run', '--timeout', '1', f)
    expect(r.rc).toBe(137)
    expect(r.err).toContain('timed out after 1 s')
    expect(Date.now() - t0).toBeLessThan(10_000)
  })

  it('turns a NULL dereference into a segfault of the program (exit 139)', () => {
    const f = file('segv.c', '#include <stdio.h>\nint main(void) {\n    int *p = 0;\n    printf("before\\n");\n    *p = 1;\n    return 0;\n}\n')
    const r = cli('run', f)
    expect(r.rc).toBe(139)
    expect(r.out).toBe('before\n')
    expect(r.err).toMatch(/^Segmentation fault \(.*segv\.c:5/)
  })

  it('shares one kernel between the programs of one invocation (pin then get)', () => {
    const pin = file(
      'pin.c',
      `#include <bpf/bpf.h>
#include <stdio.h>
int main(void) {
    int fd = bpf_map_create(BPF_MAP_TYPE_ARRAY, "shared", 4, 4, 1, NULL);
    __u32 k = 0; int v = 77;
    bpf_map_update_elem(fd, &k, &v, BPF_ANY);
    return bpf_obj_pin(fd, "/sys/fs/bpf/shared") ? 1 : 0;
}
`,
    )
    const get = file(
      'get.c',
      `#include <bpf/bpf.h>
#include <stdio.h>
int main(void) {
    int fd = bpf_obj_get("/sys/fs/bpf/shared");
    __u32 k = 0; int v = 0;
    if (fd < 0 || bpf_map_lookup_elem(fd, &k, &v)) { printf("not found\\n"); return 1; }
    printf("fd %d value %d\\n", fd, v);
    return 0;
}
`,
    )
    expect(cli('run', pin, get)).toEqual({ out: 'fd 3 value 77\n', err: '', rc: 0 })
    expect(cli('run', get)).toEqual({ out: 'not found\n', err: '', rc: 1 })
  })

  it('makes hash order reproducible with --seed', () => {
    const f = file(
      'order.c',
      `#include <bpf/bpf.h>
#include <stdio.h>
int main(void) {
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "h", 4, 4, 64, NULL);
    for (int k = 0; k < 20; k++) bpf_map_update_elem(fd, &k, &k, BPF_ANY);
    int key, next, *prev = NULL;
    while (bpf_map_get_next_key(fd, prev, &next) == 0) { printf("%d ", next); key = next; prev = &key; }
    printf("\\n");
    return 0;
}
`,
    )
    const a = cli('run', '--seed', '9', f)
    expect(a.rc).toBe(0)
    expect(cli('run', '--seed', '9', f).out).toBe(a.out)
    const orders = new Set([1, 2, 3, 4].map((s) => cli('run', '--seed', String(s), f).out))
    expect(orders.size).toBeGreaterThan(1)
  })
})
