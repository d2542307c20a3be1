// printf as glibc formats it: widths, flags, precision, lengths, %p, %s NULL, %%.
#include <stdio.h>
#include <string.h>

int main(void) {
    printf("[%5d] [%-5d] [%05d] [%+d] [% d] [%.3d]\n", 42, 42, 42, 42, 42, 7);
    printf("[%x] [%#x] [%#o] [%08.3x] [%-#10X]\n", 255, 255, 8, 255, 255);
    printf("[%s] [%10s] [%-10s|] [%.2s]\n", "abc", "abc", "abc", "abc");
    printf("[%c] [%5c] [%%]\n", 'x', 'y');
    printf("[%ld] [%lu] [%lld] [%llx]\n", -1L, 18446744073709551615UL, -9223372036854775807LL - 1, 0x123456789abcdefULL);
    printf("[%hhd] [%hd] [%hhu]\n", 300, 70000, 257);
    printf("[%*d] [%-*d] [%.*s]\n", 6, 1, 6, 2, 2, "xyz");
    printf("[%f] [%.2f] [%10.3f] [%e] [%g] [%g]\n", 3.14159, 2.5, -1.0 / 3, 12345.678, 0.0001, 1e20);
    printf("[%p] [%s]\n", (void *)0, (char *)0);
    char buf[32];
    int n = snprintf(buf, sizeof(buf), "%d-%s", 12, "ab");
    printf("%d %s %zu\n", n, buf, strlen(buf));
    n = snprintf(buf, 4, "%s", "truncated");
    printf("%d %s\n", n, buf);
    printf("%5.1f%%\n", 99.44);
    puts("puts adds a newline");
    fputs("fputs does not\n", stdout);
    fprintf(stderr, "to stderr %d\n", 1);
    return 0;
}

// expect: [   42] [42   ] [00042] [+42] [ 42] [007]
// expect: [ff] [0xff] [010] [     0ff] [0XFF      ]
// expect: [abc] [       abc] [abc       |] [ab]
// expect: [x] [    y] [%]
// expect: [-1] [18446744073709551615] [-9223372036854775808] [123456789abcdef]
// expect: [44] [4464] [1]
// expect: [     1] [2     ] [xy]
// expect: [3.141590] [2.50] [    -0.333] [1.234568e+04] [0.0001] [1e+20]
// expect: [(nil)] [(null)]
// expect: 5 12-ab 5
// expect: 9 tru
// expect:  99.4%
// expect: puts adds a newline
// expect: fputs does not
// expect-stderr: to stderr 1
