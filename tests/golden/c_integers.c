// C integer semantics (LP64): wraparound, promotions, signed/unsigned mixes, shifts, division.
#include <stdio.h>
#include <stdint.h>
#include <limits.h>

int main(void) {
    int imax = INT_MAX;
    unsigned u = 0;
    printf("%u %u\n", (unsigned)imax + 1, u - 1);
    unsigned char uc = 250;
    uc += 10;
    signed char sc = 127;
    sc++;
    printf("%d %d\n", uc, sc);
    short s = -1;
    unsigned short us = s;
    printf("%d %u %d\n", s, us, (int)us);
    printf("%d\n", -1 < 0u);          /* -1 converted to unsigned */
    printf("%d\n", -1L < 0u);         /* long can hold all unsigned int values */
    printf("%d\n", (unsigned char)200 + (unsigned char)100);
    long long big = LLONG_MAX;
    big += 1;
    printf("%lld %llu\n", big, (unsigned long long)big);
    uint64_t x = 0xffffffffffffffffull;
    printf("%llu %lld %lx\n", (unsigned long long)x, (long long)x, (unsigned long)(x >> 4));
    printf("%d %d %d %d\n", 7 / 2, -7 / 2, 7 % -3, -7 % 3);
    printf("%ld %ld\n", -7L / 2, -7L % 2);
    printf("%u\n", 1u << 31);
    printf("%d\n", 1 << 30 << 1);
    printf("%d %d\n", -16 >> 2, (int)(0x80000000u >> 4));
    int32_t a = 0x7fffffff, b = 2;
    printf("%d\n", a * b);
    uint32_t m = 0xdeadbeef;
    printf("%u %x %X %o\n", m * 3, m * 3, m, 8);
    unsigned long long prod = (unsigned long long)0xffffffffu * 0xffffffffu;
    printf("%llu\n", prod);
    printf("%zu %zu %zu %zu %zu\n", sizeof(char), sizeof(short), sizeof(long), sizeof(long long), sizeof(void *));
    char c = 'A';
    printf("%c%c %d\n", c, c + 1, 'z' - 'a');
    int neg = -5;
    printf("%u %x\n", neg, neg);
    printf("%d\n", (int)3000000000u);
    printf("%lld\n", (long long)(int)-1 * 2);
    _Bool flag = 256;
    printf("%d\n", flag);
    int i = 5;
    i++;
    printf("%d %d %d\n", i, ~0, !5);
    printf("%d %d\n", 10 > 3 ? 1 : 2, (1, 2));
    return 0;
}

// expect: 2147483648 4294967295
// expect: 4 -128
// expect: -1 65535 65535
// expect: 0
// expect: 1
// expect: 300
// expect: -9223372036854775808 9223372036854775808
// expect: 18446744073709551615 -1 fffffffffffffff
// expect: 3 -3 1 -1
// expect: -3 -1
// expect: 2147483648
// expect: -2147483648
// expect: -4 134217728
// expect: -2
// expect: 2617851085 9c093ccd DEADBEEF 10
// expect: 18446744065119617025
// expect: 1 2 8 8 8
// expect: AB 25
// expect: 4294967291 fffffffb
// expect: -1294967296
// expect: -2
// expect: 1
// expect: 6 -1 0
// expect: 1 2
