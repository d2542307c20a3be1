// Control flow and functions: loops, switch with fallthrough, recursion, function pointers,
// pointers and arrays, VLAs, statement expressions, compound literals, static locals.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static int twice(int x) { return 2 * x; }
static int apply(int (*f)(int), int v) { return f(v); }
static int counter(void) { static int n; return ++n; }
struct point { int x, y; };
static struct point add(struct point a, struct point b) { return (struct point){ a.x + b.x, a.y + b.y }; }

int main(void) {
    int sum = 0;
    for (int i = 0; i < 10; i++) {
        if (i == 3) continue;
        if (i == 8) break;
        sum += i;
    }
    printf("sum %d\n", sum);
    int k = 0;
    do { k += 2; } while (k < 7);
    while (k > 0) k -= 3;
    printf("k %d\n", k);
    for (int v = 0; v < 5; v++) {
        switch (v) {
        case 0: printf("zero "); break;
        case 1:
        case 2: printf("small "); /* fall through */
        case 3: printf("three-ish "); break;
        default: printf("other ");
        }
    }
    printf("\n");
    printf("fib %d, apply %d\n", fib(20), apply(twice, 21));
    counter(); counter();
    printf("counter %d\n", counter());
    int n = 4;
    long vla[n];
    for (int i = 0; i < n; i++) vla[i] = (long)i * i;
    printf("vla %zu %ld\n", sizeof(vla), vla[3]);
    int arr[5] = { 1, 2, 3, 4, 5 };
    int *p = arr + 1;
    printf("ptr %d %d %td\n", *p, p[2], &arr[4] - p);
    int m = ({ int t = 5; t * t; });
    printf("stmt-expr %d\n", m);
    struct point r = add((struct point){ 1, 2 }, (struct point){ .y = 10, .x = 20 });
    printf("point %d %d\n", r.x, r.y);
    char *s = malloc(16);
    strcpy(s, "hello");
    strcat(s, " world");
    printf("%s %zu %d\n", s, strlen(s), strcmp(s, "hello"));
    free(s);
    char name[8] = "abc";
    printf("%s %d\n", name, name[5]);
    const char *words[] = { "map", "prog", "link" };
    for (unsigned i = 0; i < sizeof(words) / sizeof(words[0]); i++) printf("%s%s", words[i], i < 2 ? "," : "\n");
    srand(1);
    int r1 = rand(), r2 = rand();
    printf("rand %d %d\n", r1, r2);
    return 3;
}

// expect: sum 25
// expect: k -1
// expect: zero small three-ish small three-ish three-ish other 
// expect: fib 6765, apply 42
// expect: counter 3
// expect: vla 32 9
// expect: ptr 2 4 3
// expect: stmt-expr 25
// expect: point 21 12
// expect: hello world 11 32
// expect: abc 0
// expect: map,prog,link
// expect: rand 1804289383 846930886
// expect-exit: 3
