// Golden program: expected stdout (from gcc 12 on x86-64) in the // expect: lines at the end.
#include <stdio.h>
typedef int (*op_t)(int);
static int inc(int x) { return x + 1; }
static int dbl(int x) { return x * 2; }
static op_t pick(int i) { return i ? dbl : inc; }
int (*pick2(int i))(int) { return i ? inc : dbl; }
struct S { int v; };
static struct S g_s = { 7 };
static struct S *(*getters[2])(void);
static struct S *get_s(void) { return &g_s; }
int main(void) {
  int (*fp[3])(int) = { inc, dbl, inc };
  int (*(*pfp)[3])(int) = &fp;
  char *const names[] = { "a", "b" };
  int matrix[2][3][4];
  int (*row)[4] = matrix[1];
  getters[1] = get_s;
  printf("%d %d %d %d\n", pick(0)(5), pick(1)(5), pick2(0)(5), (*pfp)[1](10));
  printf("%zu %zu %zu %zu %zu\n", sizeof fp, sizeof names, sizeof matrix, sizeof matrix[0], sizeof *row);
  printf("%zu %zu %d\n", sizeof (int) * 2, sizeof(int[5]), (int)-1 < 0);
  printf("%d %s\n", getters[1]()->v, names[1]);
  int a, b, c; a = b = c = 4; printf("%d %d %d\n", a, b, c);
  unsigned long long big = ~0ULL >> 1; printf("%llu %d\n", big, (int)(signed char)0x80);
  int arr[5] = {1, 2, 3, 4, 5}; int *p = arr; int first = *p++; int third = *++p; printf("%d %d %d\n", first, third, p[-1]);
  printf("%d\n", 3["abcdef"]);
  const int ci = 5; int const *pci = &ci; printf("%d\n", *pci);
  void (*vf)(void) = 0; printf("%d\n", vf == 0);
  return 0;
}

// expect: 6 10 10 20
// expect: 24 16 96 48 16
// expect: 8 20 1
// expect: 7 b
// expect: 4 4 4
// expect: 9223372036854775807 -128
// expect: 1 3 2
// expect: 100
// expect: 5
// expect: 1
