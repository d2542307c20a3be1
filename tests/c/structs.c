// Golden program: expected stdout (from gcc 12 on x86-64) in the // expect: lines at the end.
#include <stdio.h>
#include <stddef.h>
struct a { char c; int i; short s; long l; char d; };
struct b { char c; struct a in; char e[3]; };
union u { int i; char c[8]; long l; float f; };
struct bf { unsigned a:3, b:5, c:9; int d:4; unsigned long e:40; };
struct __attribute__((packed)) pk { char c; int i; short s; };
struct al { char c; int x __attribute__((aligned(16))); };
struct fl { int n; int data[]; };
struct anon { int a; union { int b; float f; }; struct { char x, y; }; };
struct P { int x, y; };
struct P mkp(int x, int y) { struct P p = { x, y }; return p; }
int sump(struct P p) { p.x += 100; return p.x + p.y; }
int main(void) {
  printf("%zu %zu %zu %zu\n", sizeof(struct a), offsetof(struct a, i), offsetof(struct a, l), offsetof(struct a, d));
  printf("%zu %zu\n", sizeof(struct b), offsetof(struct b, e));
  printf("%zu\n", sizeof(union u));
  printf("%zu %zu %zu\n", sizeof(struct bf), sizeof(struct pk), offsetof(struct pk, s));
  printf("%zu %zu\n", sizeof(struct al), offsetof(struct al, x));
  printf("%zu %zu\n", sizeof(struct fl), sizeof(struct anon));
  struct bf x = { 5, 17, 300, -3, 0xffffffffffUL };
  printf("%u %u %u %d %lu\n", x.a, x.b, x.c, x.d, x.e);
  x.a = 9; x.d = 7; x.d++; x.e += 2;
  printf("%u %d %lu\n", x.a, x.d, x.e);
  unsigned char *raw = (unsigned char *)&x;
  printf("%d %d %d %d\n", raw[0], raw[1], raw[2], raw[3]);
  union u uu; uu.l = 0; uu.i = 0x41424344; printf("%c%c %ld\n", uu.c[0], uu.c[3], uu.l);
  struct anon an = { 1, { .b = 2 }, { 'x', 'y' } }; an.f = 1.5f;
  printf("%d %c %c %d\n", an.a, an.x, an.y, (int)(an.f * 2));
  struct P p = mkp(3, 4), q;
  q = p; q.x = 10;
  printf("%d %d %d %d\n", p.x, q.x, sump(p), p.x);
  struct P arr[3] = { {1, 2}, [2] = {5, 6} };
  printf("%d %d %d %d\n", arr[0].y, arr[1].x, arr[2].x, (int)sizeof arr);
  struct a s1 = { .l = 7, .c = 'q' };
  printf("%c %d %ld\n", s1.c, s1.i, s1.l);
  int ia[] = { 1, 2, [5] = 9, 3 };
  printf("%zu %d %d\n", sizeof ia / sizeof ia[0], ia[5], ia[6]);
  char str[] = "hey"; char str2[8] = "ab";
  printf("%zu %s %zu %d\n", sizeof str, str, sizeof str2, str2[5]);
  struct { int a[3]; struct P p; } nested = { {1, 2, 3}, {4, 5} };
  struct { int a[3]; struct P p; } elided = { 1, 2, 3, 4, 5 };
  printf("%d %d %d\n", nested.p.y, elided.a[2], elided.p.x);
  return 0;
}

// expect: 32 4 16 24
// expect: 48 40
// expect: 8
// expect: 8 7 5
// expect: 32 16
// expect: 4 12
// expect: 5 17 300 -3 1099511627775
// expect: 1 -8 1
// expect: 137 44 49 0
// expect: DA 1094861636
// expect: 1 x y 3
// expect: 3 10 107 3
// expect: 2 0 5 24
// expect: q 0 7
// expect: 7 9 3
// expect: 4 hey 8 0
// expect: 5 3 4
