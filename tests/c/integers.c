// Golden program: expected stdout (from gcc 12 on x86-64) in the // expect: lines at the end.
#include <stdio.h>
int main(void) {
  int a = 2147483647, b = -2147483647 - 1;
  unsigned u = 4000000000u;
  short s = 32767; unsigned short us = 65535;
  signed char c = 127; unsigned char uc = 255; char pc = -1;
  long l = 9223372036854775807L; unsigned long ul = 18446744073709551615UL;
  long long ll = -5;
  printf("%d %d %d\n", a + 1, b - 1, a * 2);
  printf("%u %u %u\n", u + u, u * 3u, -u);
  s++; us++; c++; uc++;
  printf("%d %d %d %d %d\n", s, us, c, uc, pc);
  printf("%ld %lu %lld\n", l + 1, ul + 2, ll * ll);
  printf("%d %d %d %d\n", -7 / 2, -7 % 2, 7 / -2, 7 % -2);
  printf("%u %u\n", 7u / 2u, 4000000000u % 7u);
  printf("%ld %ld\n", -7L / 2, -7L % 2);
  printf("%d %d\n", -1 < 0u, -1L < 0u);
  printf("%d %d %d\n", (unsigned char)300, (signed char)200, (short)70000);
  printf("%d %u %d\n", 1 << 31, 1u << 31, -16 >> 2);
  printf("%u %ld %lu\n", 0xffffffffu >> 4, -256L >> 4, 0xffffffffffffffffUL >> 60);
  int sh = 33; printf("%d %d\n", 1 << sh, 256 >> sh);
  long lsh = 65; printf("%ld\n", 1L << lsh);
  printf("%d %d %d\n", ~0, ~5, !5);
  printf("%u %lu\n", ~0u, ~0UL);
  printf("%d\n", (int)3000000000u);
  printf("%lu %ld\n", (unsigned long)-1, (long)4294967295u);
  printf("%d %d\n", uc + c, us * us);
  printf("%lu\n", (unsigned long)(unsigned)-1 + 1);
  int x = 10; x += 5; x -= 3; x *= 4; x /= 5; x %= 7; x <<= 3; x >>= 1; x &= 0x1f; x |= 0x40; x ^= 3;
  printf("%d\n", x);
  unsigned char b8 = 200; b8 += 100; printf("%d\n", b8);
  char ch = 'A'; ch += 200; printf("%d\n", ch);
  int i = 5; int j = i++ + ++i; printf("%d %d\n", i, j);
  long long big = 1LL << 62; big *= 4; printf("%lld\n", big);
  unsigned long long ubig = 3; ubig -= 5; printf("%llu\n", ubig);
  printf("%d %d\n", sizeof(long) == 8, sizeof(int));
  printf("%x %X %o %#x\n", 255, 255, 8, 255);
  printf("[%5d] [%-5d] [%05d] [%+d]\n", 42, 42, 42, 42);
  printf("[%s] [%10s] [%-4s] [%.2s] [%c]\n", "hi", "hi", "hi", "hello", 'z');
  return 0;
}

// expect: -2147483648 2147483647 -2
// expect: 3705032704 3410065408 294967296
// expect: -32768 0 -128 0 -1
// expect: -9223372036854775808 1 25
// expect: -3 -1 -3 1
// expect: 3 3
// expect: -3 -1
// expect: 0 1
// expect: 44 -56 4464
// expect: -2147483648 2147483648 -4
// expect: 268435455 -16 15
// expect: 2 128
// expect: 2
// expect: -1 -6 0
// expect: 4294967295 18446744073709551615
// expect: -1294967296
// expect: 18446744073709551615 4294967295
// expect: -128 0
// expect: 4294967296
// expect: 75
// expect: 44
// expect: 9
// expect: 7 12
// expect: 0
// expect: 18446744073709551614
// expect: 1 4
// expect: ff FF 10 0xff
// expect: [   42] [42   ] [00042] [+42]
// expect: [hi] [        hi] [hi  ] [he] [z]
