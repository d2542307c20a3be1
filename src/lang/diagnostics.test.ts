/**
 * Diagnostics: for each bad program, the errors and warnings (notes aside) must be exactly what
 * `gcc -c -Wall` (gcc 12, C locale) printed for it: same position, same words, in position order
 * (gcc prints in emission order). The expectations below were produced by running gcc on each program. Plus properties gcc does not
 * pin down: one error per broken statement (no cascades), and positions inside macros.
 */
import { describe, expect, it } from 'vitest'
import { compile, formatDiagnostic } from './compile'

/** [name, source, expected "line:col: severity: message" lines] */
const CASES: [string, string, string[]][] = [
  ["addr_rvalue", "int main() { int *p = &5; return 0; }\n", ["1:19: warning: unused variable 'p' [-Wunused-variable]","1:23: error: lvalue required as unary '&' operand"]],
  ["arg_ptr", "void f(int *p) {}\nint main() { char c; f(&c); return 0; }\n", ["2:24: warning: passing argument 1 of 'f' from incompatible pointer type [-Wincompatible-pointer-types]"]],
  ["arg_type", "void f(int *p) {}\nint main() { f(3); return 0; }\n", ["2:16: warning: passing argument 1 of 'f' makes pointer from integer without a cast [-Wint-conversion]"]],
  ["arrow_nonptr", "struct s { int a; };\nint main() { struct s v; return v->a; }\n", ["2:34: error: invalid type argument of '->' (have 'struct s')"]],
  ["bad_operands", "struct s { int a; };\nint main() { struct s v; return v + 1; }\n", ["2:35: error: invalid operands to binary + (have 'struct s' and 'int')"]],
  ["bitfield_addr", "struct s { int a:3; };\nint main() { struct s v; int *p = &v.a; return 0; }\n", ["2:31: warning: unused variable 'p' [-Wunused-variable]","2:35: error: cannot take address of bit-field 'a'"]],
  ["break_out", "int main() { break; return 0; }\n", ["1:14: error: break statement not within loop or switch"]],
  ["case_out", "int main() { case 1: return 0; }\n", ["1:14: error: case label not within a switch statement"]],
  ["conflict", "int f(int);\nlong f(int);\nint main() { return 0; }\n", ["2:6: error: conflicting types for 'f'; have 'long int(int)'"]],
  ["continue_out", "int main() { continue; return 0; }\n", ["1:14: error: continue statement not within a loop"]],
  ["deref_int", "int main() { int x = 0; return *x; }\n", ["1:32: error: invalid type argument of unary '*' (have 'int')"]],
  ["discard_const", "void f(char *p) {}\nint main() { const char *s = \"x\"; f(s); return 0; }\n", ["2:37: warning: passing argument 1 of 'f' discards 'const' qualifier from pointer target type [-Wdiscarded-qualifiers]"]],
  ["div_zero", "int main() { int x = 1 / 0; return x; }\n", ["1:24: warning: division by zero [-Wdiv-by-zero]"]],
  ["dup_case", "int main(int c) { switch (c) { case 1: break; case 1: break; } return 0; }\n", ["1:47: error: duplicate case value"]],
  ["else_no_if", "int main() { else return 0; }\n", ["1:14: error: 'else' without a previous 'if'"]],
  ["excess_init", "int a[2] = {1, 2, 3};\nint main() { return 0; }\n", ["1:19: warning: excess elements in array initializer"]],
  ["expected_expr", "int main() { int x = ; return 0; }\n", ["1:18: warning: unused variable 'x' [-Wunused-variable]","1:22: error: expected expression before ';' token"]],
  ["expected_expr2", "int main() { return (1 + ); }\n", ["1:26: error: expected expression before ')' token"]],
  ["format_extra", "#include <stdio.h>\nint main() { printf(\"%d\\n\", 1, 2); return 0; }\n", ["2:21: warning: too many arguments for format [-Wformat-extra-args]"]],
  ["format_ld", "#include <stdio.h>\nint main() { int x = 1; printf(\"%ld %s\\n\", x, x); return 0; }\n", ["2:35: warning: format '%ld' expects argument of type 'long int', but argument 2 has type 'int' [-Wformat=]","2:38: warning: format '%s' expects argument of type 'char *', but argument 3 has type 'int' [-Wformat=]"]],
  ["format_missing", "#include <stdio.h>\nint main() { printf(\"%d %d\\n\", 1); return 0; }\n", ["2:26: warning: format '%d' expects a matching 'int' argument [-Wformat=]"]],
  ["format_u64", "#include <stdio.h>\n#include <linux/types.h>\nint main() { __u64 v = 1; printf(\"%lu\\n\", v); return 0; }\n", ["3:37: warning: format '%lu' expects argument of type 'long unsigned int', but argument 2 has type '__u64' {aka 'long long unsigned int'} [-Wformat=]"]],
  ["implicit", "int main() { return foo(3); }\n", ["1:21: warning: implicit declaration of function 'foo' [-Wimplicit-function-declaration]"]],
  ["implicit_printf", "int main() { printf(\"hi\\n\"); return 0; }\n", ["1:14: warning: implicit declaration of function 'printf' [-Wimplicit-function-declaration]","1:14: warning: incompatible implicit declaration of built-in function 'printf' [-Wbuiltin-declaration-mismatch]"]],
  ["incompat_assign", "struct s { int a; };\nint main() { struct s v; int x; x = v; return 0; }\n", ["2:30: warning: variable 'x' set but not used [-Wunused-but-set-variable]","2:37: error: incompatible types when assigning to type 'int' from type 'struct s'"]],
  ["incompat_ptr", "int main() { int *p; char c; p = &c; return 0; }\n", ["1:19: warning: variable 'p' set but not used [-Wunused-but-set-variable]","1:32: warning: assignment to 'int *' from incompatible pointer type 'char *' [-Wincompatible-pointer-types]"]],
  ["incomplete", "struct s;\nint main() { struct s v; return 0; }\n", ["2:23: error: storage size of 'v' isn't known","2:23: warning: unused variable 'v' [-Wunused-variable]"]],
  ["init_not_const", "int f(void);\nint g = f();\nint main() { return 0; }\n", ["2:9: error: initializer element is not constant"]],
  ["int_from_ptr", "int main() { int x; char *p = 0; x = p; return x; }\n", ["1:36: warning: assignment to 'int' from 'char *' makes integer from pointer without a cast [-Wint-conversion]"]],
  ["lab", "int f(int x) {\n  if (x) goto out;\n  x++;\nout:\n}\nint g(int x) {\n  switch (x) { case 1: int y = 2; return y; }\n  return 0;\n}\n", ["5:1: warning: control reaches end of non-void function [-Wreturn-type]"]],
  ["label_undef", "int main() { goto out; return 0; }\n", ["1:1: error: label 'out' used but not defined"]],
  ["lvalue", "int main() { int x; 5 = x; return 0; }\n", ["1:23: error: lvalue required as left operand of assignment"]],
  ["member_ptr", "struct s { int a; };\nint main() { struct s *p = 0; return p.a; }\n", ["2:24: warning: variable 'p' set but not used [-Wunused-but-set-variable]","2:39: error: 'p' is a pointer; did you mean to use '->'?"]],
  ["missing_brace", "int main() { return 0;\n", ["1:1: error: expected declaration or statement at end of input"]],
  ["missing_semi2", "int main() {\n  int x;\n  x = 1\n}\n", ["2:7: warning: variable 'x' set but not used [-Wunused-but-set-variable]","3:8: error: expected ';' before '}' token"]],
  ["neg_array", "int main() { int a[-1]; return 0; }\n", ["1:18: error: size of array 'a' is negative","1:18: warning: unused variable 'a' [-Wunused-variable]"]],
  ["no_member", "struct s { int a; };\nint main() { struct s v; return v.b; }\n", ["2:23: warning: variable 'v' set but not used [-Wunused-but-set-variable]","2:34: error: 'struct s' has no member named 'b'"]],
  ["no_return", "int f(int x) { if (x) return 1; }\nint main() { return 0; }\n", ["1:33: warning: control reaches end of non-void function [-Wreturn-type]"]],
  ["not_func", "int main() { int x = 3; return x(); }\n", ["1:32: error: called object 'x' is not a function or function pointer"]],
  ["not_struct", "int main() { int x = 0; return x.a; }\n", ["1:18: warning: variable 'x' set but not used [-Wunused-but-set-variable]","1:33: error: request for member 'a' in something not a structure or union"]],
  ["ptr_from_int", "int main() { int *p; p = 5; return 0; }\n", ["1:19: warning: variable 'p' set but not used [-Wunused-but-set-variable]","1:24: warning: assignment to 'int *' from 'int' makes pointer from integer without a cast [-Wint-conversion]"]],
  ["readonly", "int main() { const int x = 1; x = 2; return x; }\n", ["1:33: error: assignment of read-only variable 'x'"]],
  ["readonly_loc", "int main() { const int *p = 0; *p = 2; return 0; }\n", ["1:35: error: assignment of read-only location '*p'"]],
  ["redef_fn", "int f() { return 1; }\nint f() { return 2; }\nint main() { return 0; }\n", ["2:5: error: redefinition of 'f'"]],
  ["redefinition", "int x = 1;\nint x = 2;\nint main() { return 0; }\n", ["2:5: error: redefinition of 'x'"]],
  ["return_novalue", "int f(void) { return; }\nint main() { return 0; }\n", ["1:15: warning: 'return' with no value, in function returning non-void [-Wreturn-type]"]],
  ["return_void", "void f(void) { return 1; }\nint main() { return 0; }\n", ["1:23: warning: 'return' with a value, in function returning void [-Wreturn-type]"]],
  ["set_but_unused", "struct s { int a; };\nint f(int);\nint main(void) {\n  int a = 0; a = 5;\n  int b = 0; b++;\n  int c = 0; c += 2;\n  int d; d = f(1);\n  int e = 0; int *pe = &e; (void)pe;\n  struct s st; st.a = 3;\n  int g[4]; g[1] = 2;\n  int h; h = 1; (void)h;\n  int k = 0; k = k + 1;\n  int m; m = 3; if (m) {}\n  int n = 0; sizeof(n);\n  return 0;\n}\n", ["4:7: warning: variable 'a' set but not used [-Wunused-but-set-variable]","7:7: warning: variable 'd' set but not used [-Wunused-but-set-variable]","9:12: warning: variable 'st' set but not used [-Wunused-but-set-variable]","10:7: warning: variable 'g' set but not used [-Wunused-but-set-variable]","14:14: warning: statement with no effect [-Wunused-value]"]],
  ["stray", "int main() { int x = 1 @ 2; return 0; }\n", ["1:18: warning: unused variable 'x' [-Wunused-variable]","1:24: error: stray '@' in program","1:26: error: expected ',' or ';' before numeric constant"]],
  ["struct_redef", "struct s { int a; };\nstruct s { int b; };\nint main() { return 0; }\n", ["2:8: error: redefinition of 'struct s'"]],
  ["subscript", "int main() { int x = 0; return x[1]; }\n", ["1:18: warning: variable 'x' set but not used [-Wunused-but-set-variable]","1:33: error: subscripted value is neither array nor pointer nor vector"]],
  ["too_few", "int f(int a, int b) { return a + b; }\nint main() { return f(1); }\n", ["2:21: error: too few arguments to function 'f'"]],
  ["too_many", "int f(int a) { return a; }\nint main() { return f(1, 2); }\n", ["2:21: error: too many arguments to function 'f'"]],
  ["undeclared", "int main() {\n  y = 3;\n  return y + z;\n}\n", ["2:3: error: 'y' undeclared (first use in this function)","3:14: error: 'z' undeclared (first use in this function)"]],
  ["unknown_type", "int main() { foo bar; return 0; }\n", ["1:14: error: unknown type name 'foo'","1:18: warning: unused variable 'bar' [-Wunused-variable]"]],
  ["unknown_type_file", "foo bar;\nint main() { return 0; }\n", ["1:1: error: unknown type name 'foo'"]],
  ["unused_things", "static int unused_g;\nstatic int used_g;\nstatic int helper(void) { return 1; }\nstatic inline int inl(void) { return 2; }\nint main(void) {\n  int x;\n  int y = 2, z;\n  static int s;\n  z = used_g;\n  return z + sizeof(y);\n}\n", ["1:12: warning: 'unused_g' defined but not used [-Wunused-variable]","3:12: warning: 'helper' defined but not used [-Wunused-function]","6:7: warning: unused variable 'x' [-Wunused-variable]","8:14: warning: unused variable 's' [-Wunused-variable]","8:14: warning: 's' defined but not used [-Wunused-variable]"]],
  ["void_deref", "int main() { void *p = 0; return *p; }\n", ["1:34: warning: dereferencing 'void *' pointer","1:34: error: void value not ignored as it ought to be"]],
  ["void_value", "void f(void) {}\nint main() { int x = f(); return x; }\n", ["2:22: error: void value not ignored as it ought to be"]],
]

function diags(src: string, filename = 'test.c'): string[] {
  return compile(src, { filename, target: 'user' })
    .diagnostics.filter((d) => d.severity !== 'note' && d.file === filename)
    .map((d) => formatDiagnostic(d).slice(filename.length + 1))
}

describe('diagnostics match gcc', () => {
  for (const [name, src, expected] of CASES) {
    it(name, () => {
      expect(diags(src)).toEqual(expected)
    })
  }
})

describe('error recovery', () => {
  it('one bad statement gives one error, and checking continues after it', () => {
    const src = 'int main() {\n  int a = 1 +;\n  a = (2 * ;\n  return a + b;\n}\nint g( { }\nint h(void) { return 1 }\n'
    const d = diags(src)
    // gcc: the same first errors, then cascades (e.g. "expected ';' before '}'" on line 4) that we avoid
    expect(d).toEqual([
      "2:14: error: expected expression before ';' token",
      "3:12: error: expected expression before ';' token",
      "4:14: error: 'b' undeclared (first use in this function)",
      "6:8: error: expected declaration specifiers or '...' before '{' token",
      "7:23: error: expected ';' before '}' token",
    ])
  })

  it('a missing semicolon at a line end is reported once and the statement kept', () => {
    const d = diags('int k(void) {\n  int x = 1\n  int y = 2;\n  x = 3 y = 4;\n  return x + y\n}\n')
    expect(d).toEqual([
      "3:3: error: expected ',' or ';' before 'int'",
      "4:8: error: expected ';' before 'y'",
      "5:15: error: expected ';' before '}' token",
    ])
  })

  it('an undeclared identifier is reported once per function, with gcc\'s note', () => {
    const r = compile('int f() { return x + x; }\nint g() { return x; }\n', { filename: 't.c', target: 'user' })
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      "t.c:1:18: error: 'x' undeclared (first use in this function)",
      't.c:1:18: note: each undeclared identifier is reported only once for each function it appears in',
      "t.c:2:18: error: 'x' undeclared (first use in this function)",
      't.c:2:18: note: each undeclared identifier is reported only once for each function it appears in',
    ])
  })

  it('diagnostics come sorted by position and a failed compile has no program', () => {
    const r = compile('int main() { return y; }\nint z = w;\n', { filename: 't.c', target: 'user' })
    expect(r.program).toBeNull()
    const lines = r.diagnostics.map((d) => d.line)
    expect(lines).toEqual([...lines].sort((a, b) => a - b))
  })

  it('format warnings point into the string literal at the conversion', () => {
    const src = '#include <stdio.h>\nint main(void) {\n  long v = 1; unsigned u = 2;\n  printf("%d and %s and %u\\n", v, u, u);\n  return 0;\n}\n'
    expect(diags(src)).toEqual([
      "4:12: warning: format '%d' expects argument of type 'int', but argument 2 has type 'long int' [-Wformat=]",
      "4:19: warning: format '%s' expects argument of type 'char *', but argument 3 has type 'unsigned int' [-Wformat=]",
    ])
  })

  it('typedef names appear with their aka, as gcc prints them', () => {
    const src = '#include <stdio.h>\n#include <linux/types.h>\nint main(void) { __u64 v = 1; __u32 w = 2; printf("%lu %ld\\n", v, w); return 0; }\n'
    expect(diags(src)).toEqual([
      "3:54: warning: format '%lu' expects argument of type 'long unsigned int', but argument 2 has type '__u64' {aka 'long long unsigned int'} [-Wformat=]",
      "3:58: warning: format '%ld' expects argument of type 'long int', but argument 3 has type '__u32' {aka 'unsigned int'} [-Wformat=]",
    ])
  })
})
