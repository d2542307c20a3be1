// Golden program: expected stdout (from gcc 12 on x86-64) in the // expect: lines at the end.
#include <stdio.h>
#include <stddef.h>
struct s { char a; int b; long c; };
struct pr { int x, y; };
static struct pr mk(int v) { struct pr p = { v, -v }; return p; }
typedef struct pr (*mkfn)(int);
_Static_assert(((size_t)&((struct s *)0)->c) == 8, "offsetof");
int main(void) {
  long l = 10; unsigned char uc = 250; short sh = 5; unsigned long long ull = 1;
  long o1 = __atomic_fetch_add(&l, 5, __ATOMIC_SEQ_CST);
  long n1 = __atomic_add_fetch(&l, 5, __ATOMIC_SEQ_CST);
  printf("%ld %ld %ld\n", o1, n1, __atomic_load_n(&l, __ATOMIC_RELAXED));
  __atomic_store_n(&l, 77, __ATOMIC_RELEASE);
  long ex = 77; int ok = __atomic_compare_exchange_n(&l, &ex, 99, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  long ex2 = 5; int ok2 = __atomic_compare_exchange_n(&l, &ex2, 1, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  printf("%d %d %ld %ld\n", ok, ok2, ex2, l);
  unsigned char u0 = __sync_fetch_and_add(&uc, 10); printf("%d %d\n", u0, uc);
  short s0 = __sync_sub_and_fetch(&sh, 7); printf("%d %d\n", s0, sh);
  printf("%llu\n", __sync_or_and_fetch(&ull, 0x8000000000000000ULL));
  printf("%ld\n", __atomic_exchange_n(&l, 3, __ATOMIC_SEQ_CST));
  int lk = 0; printf("%d ", __sync_lock_test_and_set(&lk, 1)); __sync_lock_release(&lk); printf("%d\n", lk);
  printf("%d\n", __sync_bool_compare_and_swap(&lk, 0, 4) + lk);
  mkfn f = mk; struct pr a = f(3), b = mk(4); struct pr c = (a.x > 0 ? a : b);
  printf("%d %d %d %d\n", a.y, b.x, c.x, f(9).y);
  struct s arr[2] = {{1, 2, 3}, {4, 5, 6}}; arr[0] = arr[1]; printf("%d %ld\n", arr[0].a, arr[0].c);
  return 0;
}

// expect: 10 20 20
// expect: 1 0 99 99
// expect: 250 4
// expect: -2 -2
// expect: 9223372036854775809
// expect: 99
// expect: 0 0
// expect: 5
// expect: -3 4 3 -9
// expect: 4 6
