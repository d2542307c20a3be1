/**
 * `bpfplay run ... --then "bpftool ..."`: bpftool commands run on the kernel the programs of
 * the same invocation use, in command-line order, with bpftool's output and exit status.
 */
import { cliSandbox } from '../../tests/cli-sandbox'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildCli } from '../../scripts/build-cli.mjs'
import { parseArgs, UsageError } from './args'

const { file, cli } = cliSandbox('bpftool')



const PIN = `#include <stdio.h>
#include <bpf/bpf.h>
int main(void) {
  int fd = bpf_map_create(BPF_MAP_TYPE_ARRAY, "counts", 4, 8, 2, NULL);
  int k = 1;
  long long v = 0x1122;
  bpf_map_update_elem(fd, &k, &v, BPF_ANY);
  if (bpf_obj_pin(fd, "/sys/fs/bpf/counts")) { perror("pin"); return 1; }
  printf("pinned\\n");
  return 0;
}
`

const READ = `#include <stdio.h>
#include <bpf/bpf.h>
int main(void) {
  int fd = bpf_obj_get("/sys/fs/bpf/counts");
  int k = 0;
  long long v = 0;
  bpf_map_lookup_elem(fd, &k, &v);
  printf("counts[0] = %lld\\n", v);
  return 0;
}
`

beforeAll(async () => {
  await buildCli()
}, 60_000)

describe('bpfplay run --then "bpftool ..."', () => {
  it('parses the steps with their place among the files', () => {
    const c = parseArgs(['run', '--then', 'bpftool map show', 'a.c', '--then', "bpftool map dump pinned '/sys/fs/bpf/x y'", 'b.c'])
    expect(c).toMatchObject({
      kind: 'run',
      opts: {
        files: ['a.c', 'b.c'],
        then: [
          { afterFile: 0, argv: ['map', 'show'] },
          { afterFile: 1, argv: ['map', 'dump', 'pinned', '/sys/fs/bpf/x y'] },
        ],
      },
    })
    expect(() => parseArgs(['run', 'a.c', '--then', 'ls /sys/fs/bpf'])).toThrow(UsageError)
    expect(() => parseArgs(['run', 'a.c', '--then'])).toThrow('--then needs a command')
    expect(() => parseArgs(['run', 'a.c', '--then', "bpftool map 'x"])).toThrow('unexpected EOF')
    expect(() => parseArgs(['check', 'a.c', '--then', 'bpftool map show'])).toThrow("unknown option '--then'")
  })

  it('runs bpftool between the programs on their kernel', () => {
    // bpftool writes into the array at run time; the second program reads what bpftool wrote.
    const r = cli(
      'run',
      file('pin.c', PIN),
      '--then',
      'bpftool map dump pinned /sys/fs/bpf/counts',
      '--then',
      'bpftool map update name counts key 0 0 0 0 value 42 0 0 0 0 0 0 0',
      file('read.c', READ),
      '--then',
      'bpftool -j map show pinned /sys/fs/bpf/counts',
    )
    expect(r.err).toBe('')
    expect(r.out).toBe(
      'pinned\n' +
        'key: 00 00 00 00  value: 00 00 00 00 00 00 00 00\n' +
        'key: 01 00 00 00  value: 22 11 00 00 00 00 00 00\n' +
        'Found 2 elements\n' +
        'counts[0] = 42\n' +
        '{"id":1,"type":"array","name":"counts","flags":0,"bytes_key":4,"bytes_value":8,"max_entries":2,"bytes_memlock":328,"frozen":0}\n',
    )
    expect(r.rc).toBe(0)
  })

  it("ends with the last step's status and bpftool's errors on stderr", () => {
    const r = cli('run', file('pin2.c', PIN), '--then', 'bpftool map lookup pinned /sys/fs/bpf/counts key 9 0 0 0', '--then', 'bpftool map show pinned /sys/fs/bpf/nope')
    expect(r.out).toBe('pinned\nkey:\n09 00 00 00\n\nNot found\n')
    expect(r.err).toBe('Error: bpf obj get (/sys/fs/bpf/nope): No such file or directory\n')
    expect(r.rc).toBe(255)
  })
})
