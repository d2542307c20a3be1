// Golden program: expected stdout (from gcc 12 on x86-64) in the // expect: lines at the end.
#include <stdio.h>
#include <stdlib.h>
static int cleanup_style(int fail_at) {
	int err = 0;
	char *a = NULL, *b = NULL;
	a = malloc(4);
	if (fail_at == 1) { err = -1; goto out; }
	b = malloc(4);
	if (fail_at == 2) { err = -2; goto free_a; }
	for (int i = 0; i < 10; i++) {
		for (int j = 0; j < 10; j++) {
			if (i * j == fail_at) { err = i + j; goto free_b; }
		}
	}
	err = 100;
free_b:
	free(b);
free_a:
	free(a);
out:
	return err;
}
static int retry(int n) {
	int tries = 0, acc = 0;
again:
	tries++;
	for (int i = 0; i < 3; i++) {
		acc += i;
		if (acc > n) break;
	}
	if (tries < 4 && acc < n) goto again;
	return tries * 1000 + acc;
}
static int sw(int x) {
	int r = 0;
	switch (x) {
	default: r = -1;
	case 1: r += 10;
	case 2: r += 20; break;
	case 3: { int k = x * 7; r = k; } break;
	case 4: for (int i = 0; i < 3; i++) { if (i == 1) continue; r += i; } break;
	case 5: while (1) { r++; if (r > 3) break; } break;
	case 6: switch (r) { case 0: r = 66; break; } break;
	case 7 ... 9: r = 789; break;
	}
	return r;
}
static int loopsw(void) {
	int total = 0;
	for (int i = 0; i < 8; i++) {
		switch (i % 4) {
		case 0: continue;
		case 1: total += 1; break;
		case 2: total += 10; if (i > 4) goto done; break;
		default: total += 100;
		}
		total *= 2;
	}
done:
	return total;
}
int main(void) {
	for (int f = 0; f < 6; f++) printf("%d ", cleanup_style(f));
	printf("\n%d %d\n", retry(2), retry(50));
	for (int x = 0; x <= 9; x++) printf("%d ", sw(x));
	printf("\n%d\n", loopsw());
	int v = ({ int s = 0; for (int i = 0; i < 5; i++) s += ({ int q = i * i; q + 1; }); s; });
	printf("%d\n", v);
	if (({ int t = v; t > 10; })) printf("big\n");
	int w = 0; while (({ w++; w < 5; })) {} printf("%d\n", w);
	return 0;
}

// expect: 0 -1 -2 4 5 6 
// expect: 1003 4012
// expect: 29 30 20 21 2 4 66 789 789 789 
// expect: 508
// expect: 35
// expect: big
// expect: 5
