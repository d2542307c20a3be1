import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Diagnostic } from './api'
import { lex } from './lex'
import { createPreprocessCache, preprocess } from './preprocess'
import type { PreprocessOptions } from './preprocess'
import type { Token } from './token'
import { seedsDir } from '../../tests/seed-compare.mjs'

const SEEDS_DIR = seedsDir

function pp(text: string, opts: Partial<PreprocessOptions> = {}, name = 'u.c') {
  return preprocess({ name, text }, { target: 'user', ...opts })
}
/** Output tokens as one string, single spaces between tokens. */
function out(text: string, opts: Partial<PreprocessOptions> = {}): string {
  return pp(text, opts).tokens.filter((t) => t.kind !== 'eof').map((t) => t.text).join(' ')
}
const show = (ds: Diagnostic[]) => ds.map((d) => `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}`)
/** Output tokens written in the user's file (directly or through a macro used there). */
function userOut(text: string, opts: Partial<PreprocessOptions> = {}): string {
  return pp(text, opts).tokens.filter((t) => t.kind !== 'eof' && (t.expandedFrom ?? t).file === 'u.c').map((t) => t.text).join(' ')
}
const texts = (s: string) => lex(s, 'x').tokens.filter((t) => t.kind !== 'eof').map((t) => t.text).join(' ')

/** Does the stream contain these token texts in a row? */
function hasSequence(tokens: Token[], seq: string[]): boolean {
  outer: for (let i = 0; i + seq.length <= tokens.length; i++) {
    for (let k = 0; k < seq.length; k++) if (tokens[i + k].text !== seq[k]) continue outer
    return true
  }
  return false
}

/** Cases checked against `gcc -E -P -std=gnu17` (gcc 12.2, Debian 12); expected = gcc's tokens. */
const GCC_CASES: { name: string; src: string; expected: string }[] = [
  {
    name: "self-reference",
    src: "#define foo foo + 1\nfoo\n",
    expected: "foo + 1",
  },
  {
    name: "mutual recursion",
    src: "#define a b\n#define b a\na b\n",
    expected: "a b",
  },
  {
    name: "function-like not followed by paren",
    src: "#define f(x) (x+1)\nf + f(2) f\n",
    expected: "f + (2 +1) f",
  },
  {
    name: "nested args expanded first",
    src: "#define ID(x) x\n#define TWO 2\nID(TWO) ID(ID(TWO))\n",
    expected: "2 2",
  },
  {
    name: "stringify spacing",
    src: "#define S(x) #x\nS(  a   +   b  ) S(a+b) S(\"q\\\"x\" 'c' '\\n') S()\n",
    expected: "\"a + b\" \"a+b\" \"\\\"q\\\\\\\"x\\\" 'c' '\\\\n'\" \"\"",
  },
  {
    name: "stringify does not expand",
    src: "#define S(x) #x\n#define XS(x) S(x)\n#define V 42\nS(V) XS(V)\n",
    expected: "\"V\" \"42\"",
  },
  {
    name: "paste basic",
    src: "#define CAT(a,b) a##b\nCAT(x,y) CAT(1,2) CAT(,z) CAT(w,) CAT(,) CAT(<,<) CAT(+,=)\n",
    expected: "xy 12 z w << +=",
  },
  {
    name: "paste then rescan",
    src: "#define CAT(a,b) a##b\n#define xy done\nCAT(x,y)\n",
    expected: "done",
  },
  {
    name: "paste operand not expanded",
    src: "#define CAT(a,b) a##b\n#define XCAT(a,b) CAT(a,b)\n#define N 7\nCAT(N,N) XCAT(N,N)\n",
    expected: "NN 77",
  },
  {
    name: "variadic",
    src: "#define V(...) [__VA_ARGS__]\nV() V(1) V(1,2, 3)\n",
    expected: "[] [1] [1,2, 3]",
  },
  {
    name: "variadic named",
    src: "#define P(fmt, args...) printf(fmt, args)\nP(\"a\", 1, 2)\n",
    expected: "printf(\"a\", 1, 2)",
  },
  {
    name: "gnu comma swallow",
    src: "#define E(fmt, ...) f(fmt, ##__VA_ARGS__)\nE(\"x\") E(\"x\",) E(\"x\", 1) E(\"x\", 1, 2)\n",
    expected: "f(\"x\") f(\"x\",) f(\"x\", 1) f(\"x\", 1, 2)",
  },
  {
    name: "gnu comma swallow named",
    src: "#define E(fmt, args...) f(fmt, ##args)\nE(\"x\") E(\"x\", a, b)\n",
    expected: "f(\"x\") f(\"x\", a, b)",
  },
  {
    name: "va_opt",
    src: "#define F(a, ...) g(a __VA_OPT__(,) __VA_ARGS__)\nF(1) F(1, 2) F(1, 2, 3)\n",
    expected: "g(1 ) g(1 , 2) g(1 , 2, 3)",
  },
  {
    name: "object-like paste",
    src: "#define OB a ## b\nOB\n",
    expected: "ab",
  },
  {
    name: "hash hash in arg",
    src: "#define H(x) x\nH(##)\n",
    expected: "##",
  },
  {
    name: "empty args",
    src: "#define A3(a,b,c) <a|b|c>\nA3(,,) A3(1,,3)\n",
    expected: "<| |> <1| |3>",
  },
  {
    name: "parens in args",
    src: "#define F(x,y) {x}{y}\nF((a,b),c) F([a,b],c)\n",
    expected: "{(a,b)}{c} F",
  },
  {
    name: "function macro name at end of expansion",
    src: "#define f(x) x*2\n#define g f\ng(3)\n",
    expected: "3*2",
  },
  {
    name: "deferred paren from source",
    src: "#define LP (\n#define F(x) [x]\nF LP 1)\n",
    expected: "F ( 1)",
  },
  {
    name: "multi-line invocation",
    src: "#define F(x,y) x+y\nF(1,\n  2)\n",
    expected: "1 +2",
  },
  {
    name: "nested same macro in arg",
    src: "#define F(x) (x)\nF(F(F(1)))\n",
    expected: "(((1)))",
  },
  {
    name: "predefined",
    src: "__STDC__ __STDC_VERSION__ __GNUC__ __x86_64__ __linux__ __LP64__ __CHAR_BIT__ __SIZEOF_LONG__ __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__\n",
    expected: "1 201710L 12 1 1 1 8 8 1234 == 1234",
  },
  {
    name: "if arithmetic",
    src: "#if -1 < 0u\nsigned_lt\n#else\nunsigned_ge\n#endif\n#if (2 || 1/0) && !defined(NOPE) && defined NOPE2 == 0\nok1\n#endif\n#if 0x7fffffffffffffff + 0 > 0 && -1 >> 63 == -1 && 1 << 63 < 0\nok2\n#endif\n#if 'a' == 97 && '\\377' < 0 && (1 ? 2 : 3) == 2 && (0 ? 1u : -1) > 0\nok3\n#endif\n#if UNDEFINED_THING == 0 && ~0u == 0xffffffffffffffff\nok4\n#endif\n",
    expected: "unsigned_ge ok1 ok2 ok3 ok4",
  },
  {
    name: "elif chain",
    src: "#define X 2\n#if X == 1\none\n#elif X == 2\ntwo\n#elif X == 2\nagain\n#else\nother\n#endif\n",
    expected: "two",
  },
  {
    name: "nested skip",
    src: "#if 0\n#if 1\nno\n#else\nno\n#endif\n#elif 1\nyes\n#endif\n",
    expected: "yes",
  },
  {
    name: "undef",
    src: "#define Q 1\n#undef Q\nQ\n",
    expected: "Q",
  },
  {
    name: "defined in macro",
    src: "#define D defined(D)\n#if D\ndyes\n#endif\n",
    expected: "dyes",
  },
  {
    name: "has include",
    src: "#if __has_include(<stdio.h>) && !__has_include(<nope.h>) && __has_include(\"stdint.h\")\nhi\n#endif\n",
    expected: "hi",
  },
  {
    name: "c99 example",
    src: "#define t(x,y,z) x ## y ## z\nint j[] = { t(1,2,3), t(,4,5), t(6,,7), t(8,9,),\nt(10,,), t(,11,), t(,,12), t(,,) };\n",
    expected: "int j[] = { 123, 45, 67, 89, 10, 11, 12, };",
  },
  {
    name: "c99 example 7",
    src: "#define debug(...) fprintf(stderr, __VA_ARGS__)\n#define showlist(...) puts(#__VA_ARGS__)\n#define report(test, ...) ((test)?puts(#test): printf(__VA_ARGS__))\ndebug(\"Flag\");\ndebug(\"X = %d\\n\", x);\nshowlist(The first, second, and third items.);\nreport(x>y, \"x is %d but y is %d\", x, y);\n",
    expected: "fprintf(stderr, \"Flag\"); fprintf(stderr, \"X = %d\\n\", x); puts(\"The first, second, and third items.\"); ((x>y)?puts(\"x>y\"): printf(\"x is %d but y is %d\", x, y));",
  },
  {
    name: "c11 example 5 hash_hash",
    src: "#define hash_hash # ## #\n#define mkstr(a) # a\n#define in_between(a) mkstr(a)\n#define join(c, d) in_between(c hash_hash d)\nchar p[] = join(x, y);\n",
    expected: "char p[] = \"x ## y\";",
  },
  {
    name: "object like redefinition identical",
    src: "#define R 1 + 2\n#define R 1 + 2\nR\n",
    expected: "1 + 2",
  },
  {
    name: "libbpf narg",
    src: "#define ___bpf_nth(_,_1,_2,_3,_4,_5,_6,_7,_8,_9,_a,_b,_c,N,...) N\n#define ___bpf_narg(...) ___bpf_nth(_, ##__VA_ARGS__, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)\n___bpf_narg() ___bpf_narg(a) ___bpf_narg(a, b, c)\n",
    expected: "0 1 3",
  },
  {
    name: "counter and line",
    src: "__LINE__ __COUNTER__ __COUNTER__\n#line 100\n__LINE__\n",
    expected: "1 0 1 100",
  },
  {
    name: "blue paint persists",
    src: "#define f(a) a*g\n#define g(a) f(a)\nf(2)(9)\n",
    expected: "2*9*g",
  },
  {
    name: "arg containing macro name of outer",
    src: "#define m(a) a(w)\n#define w 0,1\nm(m)\n",
    expected: "m(0,1)",
  },
]

describe('macro expansion, as gcc does it', () => {
  // (`H(##)` leaves a ## that gcc -E prints; for the compiler it is a stray '#', tested below)
  for (const c of GCC_CASES.filter((g) => g.name !== 'hash hash in arg')) {
    it(c.name, () => {
      expect(out(c.src)).toBe(texts(c.expected))
    })
  }
})

describe('C11 6.10.3.5', () => {
  it('EXAMPLE 3 expands exactly as the standard prints it', () => {
    const src = [
      '#define x 3', '#define f(a) f(x * (a))', '#undef x', '#define x 2', '#define g f', '#define z z[0]', '#define h g(~',
      '#define m(a) a(w)', '#define w 0,1', '#define t(a) a', '#define p() int', '#define q(x) x', '#define r(x,y) x ## y',
      '#define str(x) # x',
      'f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);',
      'g(x+(3,4)-w) | h 5) & m',
      '(f)^m(m);',
      'p() i[q()] = { q(1), r(2,3), r(4,), r(,5), r(,) };',
      'char c[2][6] = { str(hello), str() };',
    ].join('\n')
    const r = pp(src)
    expect(r.diagnostics).toEqual([])
    expect(r.tokens.filter((t) => t.kind !== 'eof').map((t) => t.text).join(' ')).toBe(texts(
      'f(2 * (y+1)) + f(2 * (f(2 * (z[0])))) % f(2 * (0)) + t(1);' +
      'f(2 * (2+(3,4)-0,1)) | f(2 * (~ 5)) & f(2 * (0,1))^m(0,1);' +
      'int i[] = { 1, 23, 4, 5, };' +
      'char c[2][6] = { "hello", "" };'))
  })

  it('EXAMPLE 4 expands exactly as the standard prints it (including the #include operand)', () => {
    const src = [
      '#define str(s) # s', '#define xstr(s) str(s)',
      '#define debug(s, t) printf("x" # s "= %d, x" # t "= %s", \\', ' x ## s, x ## t)',
      '#define INCFILE(n) vers ## n', '#define glue(a, b) a ## b', '#define xglue(a, b) glue(a, b)',
      '#define HIGHLOW "hello"', '#define LOW LOW ", world"',
      'debug(1, 2);',
      'fputs(str(strncmp("abc\\0d", "abc", \'\\4\') // this goes away',
      ' == 0) str(: @\\n), s);',
      '#include xstr(INCFILE(2).h)',
      'glue(HIGH, LOW);',
      'xglue(HIGH, LOW)',
    ].join('\n')
    const r = pp(src, { files: { 'vers2.h': 'included_vers2\n' } })
    expect(r.diagnostics).toEqual([])
    expect(r.includes).toEqual(['vers2.h'])
    const toks = r.tokens.filter((t) => t.kind !== 'eof').map((t) => t.text)
    expect(toks).toEqual([
      'printf', '(', '"x"', '"1"', '"= %d, x"', '"2"', '"= %s"', ',', 'x1', ',', 'x2', ')', ';',
      'fputs', '(', String.raw`"strncmp(\"abc\\0d\", \"abc\", '\\4') == 0"`, String.raw`": @\n"`, ',', 's', ')', ';',
      'included_vers2',
      '"hello"', ';',
      '"hello"', '", world"',
    ])
  })
})

describe('variadic macros and libbpf idioms', () => {
  it('LIBBPF_OPTS expands as libbpf 1.1.2 defines it', () => {
    const r = pp('#include <bpf/bpf.h>\nLIBBPF_OPTS(bpf_map_create_opts, opts, .map_flags = BPF_F_NO_PREALLOC);\nDECLARE_LIBBPF_OPTS(bpf_map_batch_opts, b);\n')
    expect(r.diagnostics).toEqual([])
    const user = r.tokens.filter((t) => t.kind !== 'eof' && (t.file === 'u.c' || t.expandedFrom?.file === 'u.c'))
    expect(user.map((t) => t.text).join(' ')).toBe(texts(
      'struct bpf_map_create_opts opts = ({ memset(&opts, 0, sizeof(struct bpf_map_create_opts)); (struct bpf_map_create_opts) { .sz = sizeof(struct bpf_map_create_opts), .map_flags = BPF_F_NO_PREALLOC }; });' +
      'struct bpf_map_batch_opts b = ({ memset(&b, 0, sizeof(struct bpf_map_batch_opts)); (struct bpf_map_batch_opts) { .sz = sizeof(struct bpf_map_batch_opts), }; });'))
    // body tokens point back at the macro use; argument tokens keep their own place in the user's text
    const memset = user.find((t) => t.text === 'memset')!
    expect(memset.file).toBe('/usr/include/bpf/libbpf_common.h')
    expect(memset.expandedFrom).toMatchObject({ file: 'u.c', line: 2, col: 1, text: 'LIBBPF_OPTS' })
    expect(user.find((t) => t.text === 'map_flags')).toMatchObject({ file: 'u.c', line: 2, col: 41 })
  })

  it("bpf_printk picks __bpf_printk or __bpf_vprintk by argument count (libbpf's ___bpf_pick_printk)", () => {
    const r = pp('#include <linux/bpf.h>\n#include <bpf/bpf_helpers.h>\nvoid f(void) { bpf_printk("hi"); bpf_printk("%d", 1); bpf_printk("%d%d%d%d", 1, 2, 3, 4); }\n', { target: 'bpf' })
    expect(r.diagnostics).toEqual([])
    const body = r.tokens.slice(r.tokens.findIndex((t) => t.text === 'f' && t.file === 'u.c'))
    expect(hasSequence(body, ['static', 'const', 'char', '____fmt', '[', ']', '=', '"hi"', ';', 'bpf_trace_printk', '(', '____fmt', ',', 'sizeof', '(', '____fmt', ')', ')'])).toBe(true)
    expect(hasSequence(body, ['bpf_trace_printk', '(', '____fmt', ',', 'sizeof', '(', '____fmt', ')', ',', '1', ')'])).toBe(true)
    expect(hasSequence(body, ['unsigned', 'long', 'long', '___param', '[', '4', ']', ';'])).toBe(true)
    expect(hasSequence(body, ['___param', '[', '0', '+', '1', '+', '1', '+', '1', ']', '=', '4', ';'])).toBe(true)
    expect(hasSequence(body, ['bpf_trace_vprintk', '(', '___fmt'])).toBe(true)
  })

  it('SEC, __uint, __type and the legacy struct bpf_map_def work in a BPF program', () => {
    const r = pp('#include <linux/bpf.h>\n#include <bpf/bpf_helpers.h>\nstruct { __uint(type, BPF_MAP_TYPE_HASH); __type(key, __u32); } m SEC(".maps");\nstruct bpf_map_def SEC("maps") d = { .type = 1 };\n', { target: 'bpf' })
    expect(r.diagnostics).toEqual([])
    const toks = r.tokens.slice(r.tokens.findIndex((t) => t.text === 'struct' && t.file === 'u.c'))
    expect(toks.slice(0, 20).map((t) => t.text).join(' ')).toBe(texts('struct { int (*type)[BPF_MAP_TYPE_HASH]; typeof(__u32) *key; } m'))
    expect(hasSequence(toks, ['m', '__attribute__', '(', '(', 'section', '(', '".maps"', ')', ',', 'used', ')', ')', ';'])).toBe(true)
    expect(hasSequence(r.tokens, ['struct', 'bpf_map_def', '{', 'unsigned', 'int', 'type', ';'])).toBe(true)
  })
})

describe('#include', () => {
  it('reports an unknown header as gcc does and stops there', () => {
    const r = pp('int a;\n#include <foo.h>\nint b;\n')
    expect(show(r.diagnostics)).toEqual(['u.c:2:10: error: foo.h: No such file or directory'])
    expect(r.tokens.map((t) => t.text)).toEqual(['int', 'a', ';', ''])
    expect(show(pp('#include "missing/x.h"\n').diagnostics)).toEqual(['u.c:1:10: error: missing/x.h: No such file or directory'])
  })

  it('explains that vmlinux.h is not provided', () => {
    const r = pp('#include "vmlinux.h"\n', { target: 'bpf' })
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', message: 'vmlinux.h: No such file or directory', line: 1, col: 10 })
    expect(r.diagnostics[1].severity).toBe('note')
    expect(r.diagnostics[1].message).toContain('vmlinux.h')
  })

  it('finds "..." in the user files (next to the includer first), then in the system headers', () => {
    const files = { 'common.h': '#include "sub/a.h"\nint common;\n', 'sub/a.h': '#include "b.h"\nint a;\n', 'sub/b.h': 'int b;\n', 'stdint.h': 'int mine;\n' }
    expect(out('#include "common.h"\n#include "stdint.h"\n#include <stdbool.h>\nbool', { files })).toBe('int b ; int a ; int common ; int mine ; _Bool')
    expect(pp('#include "common.h"\n', { files }).includes).toEqual(['common.h', 'sub/a.h', 'sub/b.h'])
    expect(show(pp('#include <common.h>\n', { files }).diagnostics)).toEqual(['u.c:1:10: error: common.h: No such file or directory'])
  })

  it('honours include guards and #pragma once', () => {
    const files = { 'g.h': '#ifndef G_H\n#define G_H\nint g;\n#endif\n', 'o.h': '#pragma once\nint o;\n', 'n.h': 'int n;\n' }
    const r = pp('#include "g.h"\n#include "g.h"\n#include "o.h"\n#include "o.h"\n#include "n.h"\n#include "n.h"\n', { files })
    expect(r.diagnostics).toEqual([])
    expect(r.tokens.map((t) => t.text).join(' ')).toBe('int g ; int o ; int n ; int n ; ')
    expect(r.includes).toEqual(['g.h', 'o.h', 'n.h'])
    // a guard that is #undef'd lets the file in again
    expect(out('#include "g.h"\n#undef G_H\n#include "g.h"\n', { files })).toBe('int g ; int g ;')
  })

  it('stops runaway recursion at depth 200', () => {
    const r = pp('#include "self.h"\nint after;\n', { files: { 'self.h': '#include "self.h"\n' } })
    expect(show(r.diagnostics)).toEqual(['self.h:1:10: error: #include nested depth 200 exceeds maximum of 200 (use -fmax-include-depth=DEPTH to increase the maximum)'])
  })

  it('rejects a malformed operand', () => {
    expect(show(pp('#include\n#include foo\n#include <a.h\n').diagnostics)).toEqual([
      'u.c:1:2: error: #include expects "FILENAME" or <FILENAME>',
      'u.c:2:10: error: #include expects "FILENAME" or <FILENAME>',
      'u.c:3:10: error: missing terminating > character',
    ])
  })

  it('<bpf/libbpf.h> alone declares printf, fprintf, stderr and strerror', () => {
    const r = pp('#include <bpf/libbpf.h>\n')
    expect(r.diagnostics).toEqual([])
    expect(hasSequence(r.tokens, ['extern', 'int', 'printf', '('])).toBe(true)
    expect(hasSequence(r.tokens, ['extern', 'int', 'fprintf', '('])).toBe(true)
    expect(hasSequence(r.tokens, ['extern', 'FILE', '*', 'stderr', ';'])).toBe(true)
    expect(hasSequence(r.tokens, ['extern', 'char', '*', 'strerror', '(', 'int'])).toBe(true)
    expect(r.includes).toContain('/usr/include/string.h')
  })

  it('errno.h has errno and EOPNOTSUPP but not the kernel-internal ENOTSUPP', () => {
    expect(userOut('#include <errno.h>\nerrno EOPNOTSUPP ENOTSUP ENOTSUPP ENOENT EAGAIN E2BIG')).toBe('( * __errno_location ( ) ) 95 95 ENOTSUPP 2 11 7')
  })

  it('PRI*64 are "l"-based as in glibc on x86-64', () => {
    expect(userOut('#include <inttypes.h>\nPRId64 PRIu64 PRIx64 PRIu32')).toBe('"l" "d" "l" "u" "l" "x" "u"')
  })
})

describe('conditionals', () => {
  it('evaluates #if with C preprocessor arithmetic (intmax_t/uintmax_t)', () => {
    const cases: [string, boolean][] = [
      ['-1 < 0', true], ['-1 < 0u', false], ['-1 > 0u', true], ['0xffffffffffffffff == -1', true], ['18446744073709551615u == -1', true],
      ['(1 ? -1 : 0u) > 0', true], ['-9223372036854775807 - 1 < 0', true], ['1 << 63 < 0', true], ['1u << 63 > 0', true],
      ['-1 >> 1 == -1', true], ['-1u >> 63 == 1', true], ['7 / -2 == -3', true], ['7 % -2 == 1', true], ["'a' == 97", true],
      ["'\\377' < 0", true], ['UNDEFINED == 0', true], ['defined(__STDC__) && defined __STDC_VERSION__', true],
      ['!defined NOPE', true], ['(2 + 3) * 4 == 20', true], ['1 || (1/0)', true], ['0 && (1/0)', false], ['0 ? 1/0 : 5', true],
      ['~0 == -1', true], ['(0, 1)', true], ['__STDC_VERSION__ >= 201112L', true], ['__has_builtin(__builtin_bswap32)', true],
      ['__has_builtin(__builtin_nonexistent)', false], ['__has_attribute(packed) && __has_attribute(__section__)', true],
    ]
    for (const [expr, v] of cases) {
      const r = pp(`#if ${expr}\nyes\n#else\nno\n#endif\n`)
      expect({ expr, diags: r.diagnostics.filter((d) => d.severity === 'error') }).toEqual({ expr, diags: [] })
      expect({ expr, v: r.tokens[0].text }).toEqual({ expr, v: v ? 'yes' : 'no' })
    }
  })

  it('reports division by zero only where it is evaluated', () => {
    expect(show(pp('#if 1/0\n#endif\n#if 0 && 1/0\n#endif\n#if 1 % 0\n#endif\n').diagnostics)).toEqual([
      'u.c:1:6: error: division by zero in #if', 'u.c:5:7: error: division by zero in #if',
    ])
  })

  it('reports malformed expressions with gcc wording', () => {
    expect(show(pp('#if\n#endif\n#if (1\n#endif\n#if 1 +\n#endif\n#if 1.0\n#endif\n#if "s"\n#endif\n#if 1 2\n#endif\n#if defined\n#endif\n#if 1 :\n#endif\n#if ()\n#endif\n').diagnostics)).toEqual([
      'u.c:1:4: error: #if with no expression',
      "u.c:3:5: error: missing ')' in expression",
      "u.c:5:7: error: operator '+' has no right operand",
      'u.c:7:5: error: floating constant in preprocessor expression',
      'u.c:9:5: error: token ""s"" is not valid in preprocessor expressions',
      'u.c:11:7: error: missing binary operator before token "2"',
      'u.c:13:12: error: operator "defined" requires an identifier',
      "u.c:15:7: error: ':' without preceding '?'",
      "u.c:17:5: error: missing expression between '(' and ')'",
    ])
  })

  it('handles #ifdef/#ifndef/#elif/#else chains and nesting in skipped groups', () => {
    const src = '#define X 2\n#ifdef X\na\n#endif\n#ifndef X\nb\n#endif\n#if X == 1\none\n#elif X == 2\ntwo\n#elif 1/0\nnot_evaluated\n#else\nother\n#endif\n#if 0\n#if 1\nno\n#else\nno\n#endif\n#garbage\n#elif 1\nyes\n#endif\n'
    const r = pp(src)
    expect(r.diagnostics).toEqual([])
    expect(r.tokens.map((t) => t.text).join(' ')).toBe('a two yes ')
  })

  it('reports unbalanced and misplaced conditional directives', () => {
    expect(show(pp('#if 1\nint a;\n#ifdef X\n#else\n').diagnostics)).toEqual(['u.c:3:2: error: unterminated #else', 'u.c:1:2: error: unterminated #if'])
    expect(show(pp('#else\n#endif\n#elif 1\nint x;\n').diagnostics)).toEqual(['u.c:1:2: error: #else without #if', 'u.c:2:2: error: #endif without #if', 'u.c:3:2: error: #elif without #if'])
    expect(show(pp('#if 0\n#else\n#else\n#endif\n').diagnostics)).toEqual(['u.c:3:2: error: #else after #else', 'u.c:1:2: note: the conditional began here'])
    expect(show(pp('#if 0\n#else\n#elif 1\n#endif\n').diagnostics)).toEqual(['u.c:3:2: error: #elif after #else', 'u.c:1:2: note: the conditional began here'])
    expect(show(pp('#ifdef\n#endif\n#ifdef 3\n#endif\n#ifdef A B\n#endif C\n').diagnostics)).toEqual([
      'u.c:1:7: error: no macro name given in #ifdef directive', 'u.c:3:8: error: macro names must be identifiers',
      'u.c:5:10: warning: extra tokens at end of #ifdef directive', 'u.c:6:8: warning: extra tokens at end of #endif directive',
    ])
    // conditionals do not cross file boundaries
    expect(show(pp('#include "h.h"\n#endif\n', { files: { 'h.h': '#if 1\n' } }).diagnostics)).toEqual(['h.h:1:2: error: unterminated #if', 'u.c:2:2: error: #endif without #if'])
  })

  it('drops lexer errors in skipped groups (an apostrophe in #if 0 text only warns)', () => {
    expect(show(pp("#if 0\ndon't @ stop\n#endif\nint ok;\n").diagnostics)).toEqual(["u.c:2:4: warning: missing terminating ' character"])
    expect(show(pp('#if 0\n/* never closed\n#endif\n').diagnostics)).toEqual(['u.c:2:1: error: unterminated comment', 'u.c:1:2: error: unterminated #if'])
  })
})

describe('directives', () => {
  it('#error and #warning', () => {
    const r = pp('#warning careful  now\n#error stop "here"\nint z;\n')
    expect(show(r.diagnostics)).toEqual(['u.c:1:2: warning: #warning careful now', 'u.c:2:2: error: #error stop "here"'])
    expect(r.tokens.map((t) => t.text).join(' ')).toBe('int z ; ')
  })

  it('ignores #pragma and the null directive, rejects unknown directives', () => {
    const r = pp('#pragma GCC diagnostic push\n#\n#foo bar\n# 12 "x.c"\n#!\n_Pragma("GCC diagnostic pop") int y;\n')
    expect(show(r.diagnostics)).toEqual(['u.c:3:2: error: invalid preprocessing directive #foo', 'x.c:12:2: error: invalid preprocessing directive #!'])
    expect(r.tokens.map((t) => t.text).join(' ')).toBe('int y ; ')
  })

  it('#line renumbers lines and renames the file', () => {
    const r = pp('a\n#line 100 "foo.c"\nb __LINE__ __FILE__\nc\n#line 7\nd __LINE__\n')
    expect(r.tokens.map((t) => `${t.text}@${t.file}:${t.line}`)).toEqual(['a@u.c:1', 'b@foo.c:100', '100@foo.c:100', '"foo.c"@foo.c:100', 'c@foo.c:101', 'd@foo.c:7', '7@foo.c:7', '@u.c:7'])
    expect(show(pp('#line x\n#line 5 x\n').diagnostics)).toEqual(['u.c:1:7: error: "x" after #line is not a positive integer', 'u.c:2:9: error: invalid filename "x"'])
  })

  it('#define and #undef errors', () => {
    expect(show(pp('#define\n#define 3\n#define defined\n#define F(a,a) a\n#define G(a #\n#define H(x) #y\n#define I ## a\n#define K __VA_ARGS__\n#undef\n#undef X Y\n').diagnostics)).toEqual([
      'u.c:1:8: error: no macro name given in #define directive',
      'u.c:2:9: error: macro names must be identifiers',
      'u.c:3:9: error: "defined" cannot be used as a macro name',
      'u.c:4:13: error: duplicate macro parameter "a"',
      `u.c:5:13: error: expected ',' or ')', found "#"`,
      "u.c:6:14: error: '#' is not followed by a macro parameter",
      "u.c:7:11: error: '##' cannot appear at either end of a macro expansion",
      'u.c:8:11: warning: __VA_ARGS__ can only appear in the expansion of a C99 variadic macro',
      'u.c:9:7: error: no macro name given in #undef directive',
      'u.c:10:10: warning: extra tokens at end of #undef directive',
    ])
  })

  it('warns on an incompatible redefinition, accepts an identical one', () => {
    expect(show(pp('#define A 1\n#define A 1\n#define A 2\n#define F(x) x\n#define F(y) y\n').diagnostics)).toEqual([
      'u.c:3:9: warning: "A" redefined', 'u.c:1:9: note: this is the location of the previous definition',
      'u.c:5:9: warning: "F" redefined', 'u.c:4:9: note: this is the location of the previous definition',
    ])
  })

  it('reports bad macro calls and keeps the name', () => {
    const r = pp('#define F(a,b) a\nF(1)\nF(1,2,3)\nF(1,\n')
    expect(show(r.diagnostics)).toEqual([
      'u.c:2:1: error: macro "F" requires 2 arguments, but only 1 given',
      'u.c:3:1: error: macro "F" passed 3 arguments, but takes just 2',
      'u.c:4:1: error: unterminated argument list invoking macro "F"',
    ])
    expect(r.tokens.map((t) => t.text)).toEqual(['F', 'F', 'F', ''])
  })

  it('reports an invalid paste and stray # or @ reaching the compiler', () => {
    expect(show(pp('#define P(a,b) a##b\nP(+,-)\n').diagnostics)).toEqual(['u.c:2:1: error: pasting "+" and "-" does not give a valid preprocessing token'])
    expect(show(pp('#define I(x) x\nI(##)\n').diagnostics)).toEqual(["u.c:2:3: error: stray '##' in program"])
    expect(show(pp('#define H #\nH x @ `\n').diagnostics)).toEqual(["u.c:2:1: error: stray '#' in program", "u.c:2:5: error: stray '@' in program", "u.c:2:7: error: stray '`' in program"])
    // ... but a stray character may be stringified
    expect(out('#define S(x) #x\nS(@ `)')).toBe('"@ `"')
  })

  it('takes -D definitions', () => {
    expect(out('N M F(3)', { defines: { N: '5', M: '', 'F(x)': 'x*x' } })).toBe('5 3 * 3')
  })
})

describe('predefined macros and positions', () => {
  it('describes gcc 12 on x86-64 for user programs and clang 14 for BPF', () => {
    const probe = '__GNUC__ __x86_64__ __linux__ __bpf__ __clang__ __clang_major__ __LP64__ __BYTE_ORDER__ __ORDER_LITTLE_ENDIAN__ __STDC_VERSION__ __SIZEOF_POINTER__ __CHAR_BIT__ __SIZEOF_INT__ __SIZEOF_LONG__ __STDC__ __STDC_HOSTED__'
    expect(out(probe)).toBe('12 1 1 __bpf__ __clang__ __clang_major__ 1 1234 1234 201710L 8 8 4 8 1 1')
    expect(out(probe, { target: 'bpf' })).toBe('4 __x86_64__ __linux__ 1 1 14 1 1234 1234 201710L 8 8 4 8 1 1')
    expect(out('__BPF__ __ORDER_BIG_ENDIAN__', { target: 'bpf' })).toBe('1 4321')
  })

  it('__FILE__, __LINE__, __COUNTER__, __INCLUDE_LEVEL__, __BASE_FILE__', () => {
    const r = pp('#define L __LINE__\n__FILE__ __LINE__\nL __COUNTER__ __COUNTER__ __INCLUDE_LEVEL__\n#include "h.h"\n', { files: { 'h.h': '__FILE__ __INCLUDE_LEVEL__ __BASE_FILE__\n' } })
    expect(r.tokens.map((t) => t.text)).toEqual(['"u.c"', '2', '3', '0', '1', '0', '"h.h"', '1', '"u.c"', ''])
  })

  it('gives expanded tokens the macro-use token in the user file as expandedFrom', () => {
    const r = pp('#include <errno.h>\n#define A B + 1\n#define B (2)\n#define ID(x) x\nint e = errno;\nint a = A;\nint c = ID(zz) + ID(A);\n')
    const line = (n: number) => r.tokens.filter((t) => (t.expandedFrom ?? t).file === 'u.c' && (t.expandedFrom ?? t).line === n)
    const e = line(5)
    expect(e.map((t) => t.text).join(' ')).toBe('int e = ( * __errno_location ( ) ) ;')
    expect(e[3]).toMatchObject({ file: '/usr/include/errno.h', expandedFrom: { text: 'errno', file: 'u.c', line: 5, col: 9 } })
    const a = line(6)
    // B's tokens (a macro inside A's expansion) also point at the outermost use, A
    expect(a.slice(3, 8).map((t) => `${t.text}:${t.line}:${t.col}<-${t.expandedFrom?.text}@${t.expandedFrom?.col}`)).toEqual(['(:3:11<-A@9', '2:3:12<-A@9', '):3:13<-A@9', '+:2:13<-A@9', '1:2:15<-A@9'])
    const c = line(7)
    // an argument written by the user keeps its own position
    const zz = c.find((t) => t.text === 'zz')!
    expect(zz).toMatchObject({ line: 7, col: 12 })
    expect(zz.expandedFrom).toBeUndefined()
    expect(c.find((t) => t.text === '2')!.expandedFrom).toMatchObject({ text: 'A', line: 7, col: 21 })
    // output tokens carry no preprocessor internals
    for (const t of r.tokens) expect(Object.keys(t).every((k) => ['kind', 'text', 'file', 'line', 'col', 'spaceBefore', 'lineStart', 'expandedFrom'].includes(k))).toBe(true)
  })

  it('keeps token positions after line continuations inside macro uses', () => {
    const r = pp('#define ADD(a, b) \\\n  ((a) + (b))\nint x = ADD(1,\n            two);\n')
    const two = r.tokens.find((t) => t.text === 'two')!
    expect(two).toMatchObject({ line: 4, col: 13 })
    const plus = r.tokens.find((t) => t.text === '+')!
    expect(plus).toMatchObject({ line: 2, col: 8, expandedFrom: { text: 'ADD', line: 3, col: 9 } })
  })
})

describe('programs', () => {
  const seeds = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.c')).sort()
  it('finds the seed programs', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(11)
  })
  for (const f of seeds) {
    it(`seed ${f} preprocesses with no diagnostics`, () => {
      const r = preprocess({ name: f, text: readFileSync(join(SEEDS_DIR, f), 'utf8') }, { target: 'user' })
      expect(show(r.diagnostics)).toEqual([])
      expect(r.includes).toContain('/usr/include/bpf/libbpf.h')
      expect(r.tokens[r.tokens.length - 1].kind).toBe('eof')
    })
  }

  it('a typical XDP program (headers of linux/, bpf/) preprocesses cleanly for the bpf target', () => {
    const r = pp(XDP_PROGRAM, { target: 'bpf' })
    expect(show(r.diagnostics)).toEqual([])
    expect(hasSequence(r.tokens, ['struct', 'iphdr', '{', '__u8', 'ihl', ':', '4', ',', 'version', ':', '4', ';'])).toBe(true)
    expect(hasSequence(r.tokens, ['__u32', 'data', ';', '__u32', 'data_end', ';'])).toBe(true)
    expect(hasSequence(r.tokens, ['void', '*', 'bpf_map_lookup_elem', '(', 'void', '*', 'map', ',', 'const', 'void', '*', 'key', ')', ';'])).toBe(true)
    // bpf_htons(ETH_P_IP) on a constant: libbpf's __builtin_constant_p choice, 0x0800 swapped arithmetically
    expect(hasSequence(r.tokens, ['(', '__builtin_constant_p', '(', '0x0800', ')', '?'])).toBe(true)
    expect(hasSequence(r.tokens, ['(', '(', 'void', ')', '__sync_fetch_and_add', '('])).toBe(true)
  })

  it('a userspace program with many libc headers preprocesses cleanly', () => {
    const r = pp(USER_PROGRAM)
    expect(show(r.diagnostics)).toEqual([])
    expect(hasSequence(r.tokens, ['syscall', '(', '321'])).toBe(true)
    expect(hasSequence(r.tokens, ['(', '(', '__rlim_t', ')', '-', '1', ')'])).toBe(true)
  })

  it('a shared cache gives the same result', () => {
    const cache = createPreprocessCache()
    const a = pp(USER_PROGRAM, { cache })
    const b = pp(USER_PROGRAM, { cache })
    const c = pp(USER_PROGRAM)
    expect(b.tokens.map((t) => t.text)).toEqual(c.tokens.map((t) => t.text))
    expect(a.tokens.length).toBe(c.tokens.length)
    expect(cache.headers.size).toBeGreaterThan(10)
  })
})

describe('robustness', () => {
  it('never throws on 2000 random and mutated inputs', () => {
    let seed = 4242
    const rnd = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000) * n)
    const pieces = [
      '#define ', '#undef ', '#if ', '#ifdef ', '#ifndef ', '#elif ', '#else', '#endif', '#include ', '#line ', '#error ', '#pragma once', '\n', ' ',
      'F', 'G', 'x', '(', ')', ',', '...', '__VA_ARGS__', '__VA_OPT__', '#', '##', '"s"', "'c'", '1', '0', '/', '*', '-', '?', ':',
      'defined', '__has_include', '<stdio.h>', '"h.h"', '__LINE__', '_Pragma', '\\\n', '/*', '*/', '//', '@', '1/0', '0x', 'L\'', 'F(', 'G(x)',
    ]
    const seedsText = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.c')).map((f) => readFileSync(join(SEEDS_DIR, f), 'utf8'))
    const bases = [...seedsText, XDP_PROGRAM, ...GCC_CASES.map((c) => c.src)]
    const cache = createPreprocessCache()
    for (let n = 0; n < 2000; n++) {
      let text: string
      if (n % 4 === 0) {
        text = ''
        const len = rnd(60)
        for (let k = 0; k < len; k++) text += pieces[rnd(pieces.length)]
      } else {
        text = bases[rnd(bases.length)]
        const edits = 1 + rnd(6)
        for (let k = 0; k < edits; k++) {
          const p = rnd(text.length + 1)
          const what = rnd(3)
          if (what === 0) text = text.slice(0, p) + text.slice(p + 1 + rnd(20))
          else if (what === 1) text = text.slice(0, p) + pieces[rnd(pieces.length)] + text.slice(p)
          else text = text.slice(0, p) + String.fromCharCode(rnd(128)) + text.slice(p)
        }
      }
      const files = { 'h.h': 'F(\n#if\n', 'self.h': '#include "self.h"\n' }
      const r = preprocess({ name: 'f.c', text }, { target: n % 2 ? 'user' : 'bpf', files, cache })
      expect(r.tokens[r.tokens.length - 1].kind).toBe('eof')
      for (const d of r.diagnostics) {
        expect(d.line).toBeGreaterThanOrEqual(1)
        expect(d.col).toBeGreaterThanOrEqual(1)
        expect(d.message).not.toContain('internal preprocessor error')
      }
    }
  })
})

const XDP_PROGRAM = "#include <linux/bpf.h>\n#include <linux/if_ether.h>\n#include <linux/ip.h>\n#include <linux/ipv6.h>\n#include <linux/tcp.h>\n#include <linux/udp.h>\n#include <linux/icmp.h>\n#include <linux/in.h>\n#include <linux/pkt_cls.h>\n#include <bpf/bpf_helpers.h>\n#include <bpf/bpf_endian.h>\n#include <bpf/bpf_tracing.h>\n#ifndef lock_xadd\n#define lock_xadd(ptr, val)\t((void) __sync_fetch_and_add(ptr, val))\n#endif\nstruct datarec { __u64 rx_packets; };\nstruct {\n\t__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);\n\t__type(key, __u32);\n\t__type(value, struct datarec);\n\t__uint(max_entries, 5);\n\t__uint(pinning, LIBBPF_PIN_BY_NAME);\n} stats SEC(\".maps\");\nstruct bpf_map_def SEC(\"maps\") xdp_stats_map = {\n\t.type        = BPF_MAP_TYPE_ARRAY,\n\t.key_size    = sizeof(__u32),\n\t.value_size  = sizeof(struct datarec),\n\t.max_entries = 5,\n};\nSEC(\"xdp\")\nint xdp_prog(struct xdp_md *ctx) {\n\tvoid *data_end = (void *)(long)ctx->data_end;\n\tvoid *data = (void *)(long)ctx->data;\n\tstruct ethhdr *eth = data;\n\tif (eth + 1 > data_end) return XDP_DROP;\n\tif (eth->h_proto == bpf_htons(ETH_P_IP)) bpf_printk(\"ip %d\", 1);\n\tbpf_printk(\"hello\");\n\tbpf_printk(\"a %d %d %d %d\", 1, 2, 3, 4);\n\t__u32 key = XDP_PASS;\n\tstruct datarec *rec = bpf_map_lookup_elem(&xdp_stats_map, &key);\n\tif (!rec) return XDP_ABORTED;\n\tlock_xadd(&rec->rx_packets, 1);\n\treturn XDP_PASS;\n}\nchar _license[] SEC(\"license\") = \"GPL\";\n"

const USER_PROGRAM = "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <errno.h>\n#include <unistd.h>\n#include <inttypes.h>\n#include <assert.h>\n#include <signal.h>\n#include <time.h>\n#include <sys/resource.h>\n#include <sys/syscall.h>\n#include <net/if.h>\n#include <arpa/inet.h>\n#include <linux/if_link.h>\n#include <bpf/libbpf.h>\n#include <bpf/bpf.h>\nint main(int argc, char **argv) {\n\tLIBBPF_OPTS(bpf_map_create_opts, opts, .map_flags = BPF_F_NO_PREALLOC);\n\tDECLARE_LIBBPF_OPTS(bpf_map_batch_opts, bopts, .elem_flags = 0, .flags = 0);\n\tLIBBPF_OPTS(bpf_obj_pin_opts, popts);\n\tstruct rlimit r = { RLIM_INFINITY, RLIM_INFINITY };\n\tsetrlimit(RLIMIT_MEMLOCK, &r);\n\tint fd = bpf_map_create(BPF_MAP_TYPE_HASH, \"m\", sizeof(int), sizeof(long), 10, &opts);\n\tuint64_t v = 1;\n\tprintf(\"%\" PRIu64 \" %\" PRIx64 \" %d\\n\", v, v, errno);\n\tassert(fd >= 0);\n\tfprintf(stderr, \"%s %ld %d\\n\", strerror(errno), syscall(__NR_bpf, 0, 0, 0), XDP_FLAGS_SKB_MODE);\n\treturn EXIT_SUCCESS;\n}\n"
