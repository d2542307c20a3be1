import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { highlightC, type Token } from './highlight-c'

const kinds = (line: Token[]) => line.filter((t) => t.kind).map((t) => [t.kind, t.text])

describe('highlightC', () => {
  it('colours directives, header names, keywords, strings, numbers and comments', () => {
    const [inc, decl, call] = highlightC('#include <bpf/bpf.h>\nstatic __u64 n = 0x10UL; // count\nprintf("%d\\n", \'a\');')
    expect(kinds(inc)).toEqual([['directive', '#include'], ['string', '<bpf/bpf.h>']])
    expect(kinds(decl)).toEqual([['keyword', 'static'], ['keyword', '__u64'], ['number', '0x10UL'], ['comment', '// count']])
    expect(kinds(call)).toEqual([['string', '"%d\\n"'], ['string', "'a'"]])
  })

  it('carries a block comment across lines, and ends it where it ends', () => {
    const lines = highlightC('int a; /* one\ntwo */ int b;')
    expect(kinds(lines[0])).toEqual([['keyword', 'int'], ['comment', '/* one']])
    expect(kinds(lines[1])).toEqual([['comment', 'two */'], ['keyword', 'int']])
  })

  it('leaves identifiers that contain keywords or digits alone', () => {
    expect(kinds(highlightC('interval x1 = struct_size;')[0])).toEqual([])
  })

  it('never changes the text: every example joins back to its source', () => {
    for (const file of ['public/examples/demos/hello-maps.c', 'public/examples/xdp/xdp_prog_kern.c', 'public/examples/demos/xdp_pass_count.c']) {
      const src = readFileSync(file, 'utf8')
      expect(highlightC(src).map((l) => l.map((t) => t.text).join('')).join('\n')).toBe(src)
    }
  })
})
