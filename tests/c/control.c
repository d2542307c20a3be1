// Golden program: expected stdout (from gcc 12 on x86-64) in the // expect: lines at the end.
#include <stdio.h>
int classify(int x) {
  switch (x) {
  case 0: return 10;
  case 1: case 2: x += 100;
  case 3: x *= 2; break;
  default: x = -1; break;
  case 9: { int y = x * 3; return y; }
  }
  return x;
}
int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }
int find(int *a, int n, int v) {
  int i;
  for (i = 0; i < n; i++) {
    if (a[i] == v) goto found;
  }
  return -1;
found:
  return i;
}
int retry(void) {
  int tries = 0;
again:
  tries++;
  if (tries < 5) goto again;
  return tries;
}
int main(void) {
  for (int i = 0; i < 5; i++) printf("%d ", classify(i));
  printf("%d %d\n", classify(9), classify(42));
  printf("%d\n", fact(10));
  int a[] = {4, 8, 15, 16, 23, 42};
  printf("%d %d\n", find(a, 6, 16), find(a, 6, 5));
  printf("%d\n", retry());
  int n = 0, k = 0;
  while (1) { if (++n > 10) break; if (n % 2) continue; k += n; }
  printf("%d %d\n", n, k);
  do { n--; } while (n > 3);
  printf("%d\n", n);
  int s = 0;
  for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) { if (j == 2) break; s += i * j; }
  printf("%d\n", s);
  int t = 5 ? 6 : 7; int z = 0 ?: 8; printf("%d %d\n", t, z);
  int v = ({ int q = 3; q * q; }); printf("%d\n", v);
  int c = 0; int r = (c++, c++, c); printf("%d %d\n", r, c);
  printf("%d %d %d\n", 1 && 0, 0 || 2, !!7);
  long sw = 5000000000L;
  switch (sw) { case 5000000000L: printf("big\n"); break; default: printf("no\n"); }
  return 0;
}

// expect: 10 202 204 6 -1 27 -1
// expect: 3628800
// expect: 3 -1
// expect: 5
// expect: 11 30
// expect: 3
// expect: 6
// expect: 6 8
// expect: 9
// expect: 2 2
// expect: 0 1 1
// expect: big
