// Golden program: expected stdout (from gcc 12 on x86-64) in the // expect: lines at the end.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
typedef int (*binop)(int, int);
struct op { const char *name; binop fn; };
static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static const struct op ops[] = { { "add", add }, { "sub", sub }, { "mul", mul } };
struct list { int v; struct list *next; };
static struct list *push(struct list *head, int v) { struct list *n = malloc(sizeof *n); n->v = v; n->next = head; return n; }
static int ack(int m, int n) { return m == 0 ? n + 1 : n == 0 ? ack(m - 1, 1) : ack(m - 1, ack(m, n - 1)); }
static void hanoi(int n, char a, char b, char c, int *moves) { if (!n) return; hanoi(n - 1, a, c, b, moves); (*moves)++; hanoi(n - 1, c, b, a, moves); }
static void sort(int *a, int n) { for (int i = 1; i < n; i++) { int k = a[i], j = i - 1; while (j >= 0 && a[j] > k) { a[j + 1] = a[j]; j--; } a[j + 1] = k; } }
struct pt { int x, y; };
static struct pt addpt(struct pt a, struct pt b) { return (struct pt){ a.x + b.x, a.y + b.y }; }
static int state(int ev) {
  int s = 0;
  if (ev < 0) goto bad;
  if (ev > 100) goto big;
  s = ev * 2;
  goto done;
big:
  s = 1000;
  goto done;
bad:
  s = -1;
done:
  return s;
}
int main(void) {
  for (unsigned i = 0; i < sizeof ops / sizeof ops[0]; i++) printf("%s=%d ", ops[i].name, ops[i].fn(7, 3));
  printf("\n");
  struct list *l = 0; for (int i = 0; i < 5; i++) l = push(l, i * i);
  for (struct list *p = l; p; p = p->next) printf("%d ", p->v);
  printf("\n%d\n", ack(2, 3));
  int moves = 0; hanoi(10, 'a', 'b', 'c', &moves); printf("%d\n", moves);
  int arr[] = { 9, -2, 7, 4, 4, 0, 13, -8 }; sort(arr, 8);
  for (int i = 0; i < 8; i++) printf("%d%c", arr[i], i == 7 ? '\n' : ',');
  struct pt a = { 1, 2 }, b = { 10, 20 }; struct pt c = addpt(addpt(a, b), (struct pt){ 100, 200 });
  printf("%d %d\n", c.x, c.y);
  printf("%d %d %d %d\n", state(-5), state(7), state(500), state(0));
  int *pa = (int[]){ 5, 6, 7 }; printf("%d\n", pa[1] + pa[2]);
  char esc[] = "a\tb\\c\"d\x41\101\n"; printf("%zu %s", sizeof esc, esc);
  double d = 10.0 / 4; float f = 1.0f / 3; printf("%.4f %.6f %d %d\n", d, f, (int)-2.9, (int)2.9);
  unsigned char uc = (unsigned char)-1; signed char sc = (signed char)uc; printf("%d %d %d\n", uc, sc, uc == sc);
  int x = 5, y = (x++, x * 2); printf("%d %d\n", x, y);
  int q = x > 3 ? x < 10 ? 1 : 2 : 3; printf("%d\n", q);
  int grid[3][3] = { [1][1] = 5, [2] = { 7, 8, 9 } }; printf("%d %d %d %d\n", grid[0][0], grid[1][1], grid[2][0], grid[2][2]);
  char name[8]; memset(name, 'z', sizeof name); name[7] = 0; printf("%s\n", name);
  long total = 0; int i = 0; do { if (i % 3 == 0) { i++; continue; } total += i; i++; } while (i < 20); printf("%ld\n", total);
  unsigned bits = 0xA5; int pop = 0; while (bits) { pop += bits & 1; bits >>= 1; } printf("%d\n", pop);
  printf("%d %d\n", (int)sizeof(struct list), (int)sizeof(binop));
  static int calls; calls++; printf("%d\n", calls);
  int v = ({ int t = 0; for (int k = 1; k <= 4; k++) t += k; t; }); printf("%d\n", v);
  const char *words[] = { "zero", "one", "two" }; printf("%s %c\n", words[2], *words[1]);
  return 0;
}

// expect: add=10 sub=4 mul=21 
// expect: 16 9 4 1 0 
// expect: 9
// expect: 1023
// expect: -8,-2,0,4,4,7,9,13
// expect: 111 222
// expect: -1 14 1000 0
// expect: 13
// expect: 11 a	b\c"dAA
// expect: 2.5000 0.333333 -2 2
// expect: 255 -1 0
// expect: 6 12
// expect: 1
// expect: 0 5 7 9
// expect: zzzzzzz
// expect: 127
// expect: 4
// expect: 16 8
// expect: 1
// expect: 10
// expect: two o
