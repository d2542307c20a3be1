// Golden program: expected stdout (from gcc 12 on x86-64) in the // expect: lines at the end.
#include <stdio.h>
#include <stdint.h>
enum color { RED, GREEN = 5, BLUE };
enum neg { NA = -1, NB };
typedef struct { uint8_t a; uint16_t b; uint32_t c; uint64_t d; } rec_t;
int g_arr[4] = { 1, 2, 3, 4 };
int *g_p = &g_arr[2];
const char *g_s = "global";
char g_buf[16] = "buf";
struct { int k; const char *name; } table[] = { { 1, "one" }, { 2, "two" } };
static int vla_sum(int n) { int v[n]; for (int i = 0; i < n; i++) v[i] = i; int s = 0; for (int i = 0; i < n; i++) s += v[i]; return s + (int)sizeof(v); }
int main(void) {
  printf("%d %d %d %zu %zu\n", RED, GREEN, BLUE, sizeof(enum color), sizeof(enum neg));
  enum color c = BLUE; printf("%d %d\n", c == 6, NA < NB);
  rec_t r = { 1, 2, 3, 4 }; printf("%zu %u %lu\n", sizeof r, r.c, (unsigned long)r.d);
  printf("%d %d %s %s\n", *g_p, g_p[-1], g_s, g_buf);
  printf("%s %d\n", table[1].name, table[0].k);
  printf("%d\n", vla_sum(10));
  double d = 3.75; float f = 1.1f; int i = (int)d; long l = (long)-d;
  printf("%d %ld %d\n", i, l, (int)(f * 10));
  printf("%.3f %.2f\n", d / 2, (double)f);
  unsigned u = (unsigned)d; printf("%u\n", u);
  int bytes = __builtin_bswap32(0x11223344) == 0x44332211;
  printf("%d %x %lx\n", bytes, __builtin_bswap16(0x1234), (unsigned long)__builtin_bswap64(0x0102030405060708ULL));
  int cnt = 0; __sync_fetch_and_add(&cnt, 5); int old = __sync_fetch_and_add(&cnt, 2); int nw = __sync_add_and_fetch(&cnt, 1);
  printf("%d %d %d\n", old, nw, cnt);
  uint64_t big = 10; __sync_fetch_and_add(&big, 1); printf("%lu\n", (unsigned long)big);
  int cas = __sync_val_compare_and_swap(&cnt, 8, 20); printf("%d %d\n", cas, cnt);
  printf("%d %d\n", __builtin_popcount(0xff), __builtin_clz(1));
  char s[] = "xyz"; char *ps = s; while (*ps) ps++; printf("%d\n", (int)(ps - s));
  int arr2[2][3] = { {1, 2, 3}, {4, 5, 6} }; int (*rowp)[3] = arr2 + 1; printf("%d\n", (*rowp)[2]);
  printf("%d\n", (int)sizeof(int[3][4]));
  int (*cmp)(const char *, ...) = printf; cmp("via ptr %d\n", 7);
  return 0;
}

// expect: 0 5 6 4 4
// expect: 1 1
// expect: 16 3 4
// expect: 3 2 global buf
// expect: two 1
// expect: 85
// expect: 3 -3 11
// expect: 1.875 1.10
// expect: 3
// expect: 1 3412 807060504030201
// expect: 5 8 8
// expect: 11
// expect: 8 20
// expect: 8 31
// expect: 3
// expect: 6
// expect: 48
// expect: via ptr 7
