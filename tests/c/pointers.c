// Golden program: expected stdout (from gcc 12 on x86-64) in the // expect: lines at the end.
#include <stdio.h>
#include <string.h>
struct node { int v; struct node *next; };
int sum(int *a, int n) { int s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
void swap(int *a, int *b) { int t = *a; *a = *b; *b = t; }
int apply(int (*f)(int, int), int a, int b) { return f(a, b); }
int add(int a, int b) { return a + b; }
int mul(int a, int b) { return a * b; }
static int counter;
int next_id(void) { static int id = 100; return id++; }
int main(void) {
  int arr[10];
  for (int i = 0; i < 10; i++) arr[i] = i * i;
  printf("%d\n", sum(arr, 10));
  int *p = arr + 3; printf("%d %d %ld\n", *p, p[2], (long)(p - arr));
  int x = 1, y = 2; swap(&x, &y); printf("%d %d\n", x, y);
  printf("%d %d\n", apply(add, 3, 4), apply(mul, 3, 4));
  int (*ops[2])(int, int) = { add, mul };
  printf("%d\n", ops[1](5, 6));
  struct node n3 = {3, 0}, n2 = {2, &n3}, n1 = {1, &n2};
  int t = 0; for (struct node *q = &n1; q; q = q->next) t = t * 10 + q->v;
  printf("%d\n", t);
  char buf[32]; strcpy(buf, "hello"); buf[0] = 'J'; printf("%s %d\n", buf, (int)strlen(buf));
  const char *s = "abc"; printf("%c%c %d\n", s[2], *s, s[3]);
  counter += 5; printf("%d %d %d\n", counter, next_id(), next_id());
  int m[3][4]; for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) m[i][j] = i * 10 + j;
  printf("%d %d %d\n", m[2][3], *(*(m + 1) + 2), (int)sizeof(m));
  int *pp = &m[0][0]; printf("%d\n", pp[7]);
  char *cp = (char *)arr; printf("%d\n", cp[4]);
  void *vp = arr; vp += 8; printf("%d\n", *(int *)vp);
  struct node *np = &n1; printf("%d\n", np->next->next->v);
  printf("%d\n", (int)(&arr[9] - &arr[2]));
  int **ppp = &p; **ppp = 99; printf("%d\n", arr[3]);
  return 0;
}

// expect: 285
// expect: 9 25 3
// expect: 2 1
// expect: 7 12
// expect: 30
// expect: 123
// expect: Jello 5
// expect: ca 0
// expect: 5 101 100
// expect: 23 12 48
// expect: 13
// expect: 1
// expect: 4
// expect: 3
// expect: 7
// expect: 99
