import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { check } from './check'
import { compile } from './compile'
import { parse } from './parse'
import { createPreprocessCache, preprocess, SYSTEM_INCLUDE_DIR } from './preprocess'
import { pruneSystemDeclarations } from './prune'

const isSystem = (file: string) => file.startsWith(SYSTEM_INCLUDE_DIR)

/** Errors of parsing + checking the pruned token stream (what compile() tries first). */
function prunedErrors(source: string, target: 'user' | 'bpf' = 'user'): { kept: number; all: number; errors: string[] } {
  const pp = preprocess({ name: 'test.c', text: source }, { target })
  const tokens = pruneSystemDeclarations(pp.tokens, isSystem)
  const parsed = parse(tokens)
  const checked = check(parsed.unit, { target })
  const errors = [...parsed.diagnostics, ...checked.diagnostics].filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`)
  return { kept: tokens.length, all: pp.tokens.length, errors }
}

const repo = join(import.meta.dirname, '..', '..')
const programs = [
  ...['tests/golden', 'tests/c', 'bench', 'public/examples/seeds', 'public/examples/demos', 'src/xdp/fixtures'].flatMap((dir) =>
    readdirSync(join(repo, dir))
      .filter((f) => f.endsWith('.c'))
      .map((f) => join(dir, f)),
  ),
]

describe('pruning system declarations', () => {
  it.each(programs)('%s compiles from the pruned tokens alone (no fallback to the full stream)', (file) => {
    const text = readFileSync(join(repo, file), 'utf8')
    const r = prunedErrors(text, /SEC\("xdp/.test(text) ? 'bpf' : 'user')
    expect(r.errors).toEqual([])
    expect(r.kept).toBeLessThan(r.all)
  })

  it.each(programs)('%s: a warm cache (saved prefix, cached split) gives the same program and diagnostics', (file) => {
    const text = readFileSync(join(repo, file), 'utf8')
    const target = /SEC\("xdp/.test(text) ? 'bpf' : 'user'
    const cold = compile(text, { filename: 'main.c', target })
    const cache = createPreprocessCache()
    compile('#include <stdio.h>\nint main(void) { return 0; }\n', { filename: 'other.c', target, cache })
    for (let i = 0; i < 2; i++) {
      const warm = compile(text, { filename: 'main.c', target, cache })
      expect(warm.diagnostics).toEqual(cold.diagnostics)
      expect(warm.program?.code).toEqual(cold.program?.code)
    }
  })

  it('keeps what the program reaches only through other declarations', () => {
    const src = `#include <bpf/libbpf.h>
#include <bpf/bpf.h>
int main(void) {
  LIBBPF_OPTS(bpf_map_batch_opts, opts, .elem_flags = 0);       /* a struct named only by a macro */
  struct bpf_map_info info = {};                                  /* a struct from linux/bpf.h */
  __u32 len = sizeof(info);
  int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "m", 4, 8, 4, NULL); /* an enum constant */
  libbpf_print_fn_t old = libbpf_set_print(NULL);                 /* a function-pointer typedef */
  FILE *out = stderr;                                             /* a typedef and an extern */
  fprintf(out, "%d %u %d\\n", fd, len, (int)opts.sz);
  libbpf_set_print(old);
  return bpf_map_get_info_by_fd(fd, &info, &len);
}
`
    expect(prunedErrors(src).errors).toEqual([])
  })

  it('drops most of what <bpf/libbpf.h> declares', () => {
    const r = prunedErrors('#include <bpf/libbpf.h>\nint main(void) { printf("hi\\n"); return 0; }\n')
    expect(r.errors).toEqual([])
    expect(r.kept * 5).toBeLessThan(r.all)
  })

  it('falls back to the full token stream, so diagnostics stay those of the whole program', () => {
    // An unknown name: the pruned attempt fails, the full one reports the same error gcc does.
    const r = compile('#include <stdio.h>\nint main(void) { return undeclared_thing; }\n', { filename: 'test.c', target: 'user' })
    expect(r.program).toBeNull()
    expect(r.diagnostics.map((d) => `${d.line}:${d.col}: ${d.severity}: ${d.message}`)).toEqual([
      "2:25: error: 'undeclared_thing' undeclared (first use in this function)",
      '2:25: note: each undeclared identifier is reported only once for each function it appears in',
    ])
  })

  it('never splits a declaration: struct attributes before the brace, function definitions in headers', () => {
    const tokens = preprocess(
      { name: 'test.c', text: '#include <stdio.h>\nstruct __attribute__((packed)) p { char c; int i; } g;\nstatic inline int f(int x) { return x + 1; }\nint main(void) { return f(sizeof(g)) - 6; }\n' },
      { target: 'user' },
    ).tokens
    const pruned = pruneSystemDeclarations(tokens, isSystem)
    const text = pruned.filter((t) => t.file === 'test.c').map((t) => t.text).join(' ')
    expect(text).toContain('struct __attribute__ ( ( packed ) ) p { char c ; int i ; } g ;')
    const r = compile('#include <stdio.h>\nstruct __attribute__((packed)) p { char c; int i; } g;\nstatic inline int f(int x) { return x + 1; }\nint main(void) { return f(sizeof(g)) - 6; }\n', { filename: 'test.c', target: 'user' })
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  })
})
