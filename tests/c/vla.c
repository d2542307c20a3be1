// Golden program: expected stdout (from gcc 12 on x86-64) in the // expect: lines at the end.
#include <stdio.h>
#include <string.h>
struct datarec { unsigned long long rx_packets; unsigned long long rx_bytes; };
static int nr_cpus(void) { return 4; }
static void fill(struct datarec *v, int n) { for (int i = 0; i < n; i++) { v[i].rx_packets = i + 1; v[i].rx_bytes = 100 * (i + 1); } }
int main(void) {
  int n = nr_cpus();
  struct datarec values[n];
  memset(values, 0, sizeof(values));
  printf("%zu\n", sizeof(values));
  fill(values, n);
  unsigned long long sum = 0;
  for (int i = 0; i < n; i++) sum += values[i].rx_packets * 1000 + values[i].rx_bytes;
  printf("%llu\n", sum);
  for (int k = 1; k <= 3; k++) { char buf[k * 8]; snprintf(buf, sizeof buf, "k=%d..........", k); printf("%s %zu\n", buf, sizeof buf); }
  int x = 0;
  if (n > 2) goto end;
  x = 5;
end:
  x += 1;
  printf("%d\n", x);
  return 0;
}

// expect: 64
// expect: 11000
// expect: k=1.... 8
// expect: k=2.......... 16
// expect: k=3.......... 24
// expect: 1
