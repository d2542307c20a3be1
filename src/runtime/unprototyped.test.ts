import { describe, expect, it } from 'vitest'
import { runSources } from '../../tests/harness'

describe('library functions called without a prototype', () => {
  it('work as with gcc: 64-bit arguments (sizeof) reach them as the int or size the callee reads', () => {
    // <bpf/libbpf.h> does not declare bpf_map_create (that is <bpf/bpf.h>): gcc warns and the call works.
    const [r] = runSources([
      {
        name: 'implicit.c',
        text: `#include <bpf/libbpf.h>
int main(void) {
  int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "m", sizeof(int), sizeof(long), 4, NULL);
  int key = 1;
  long value = 42, out = 0;
  if (bpf_map_update_elem(fd, &key, &value, 0)) return 2;
  if (bpf_map_lookup_elem(fd, &key, &out)) return 3;
  printf("fd %d value %ld\\n", fd, out);
  return 0;
}
`,
      },
    ])
    expect(r.stdout).toBe('fd 3 value 42\n')
    expect(r.exit).toBe(0)
  })
})
