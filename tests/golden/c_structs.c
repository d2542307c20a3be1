// Structs: x86-64 layout and padding, designated initialisers, unions, bitfields, copies.
#include <stdio.h>
#include <stddef.h>
#include <string.h>
#include <linux/types.h>

struct datarec { __u64 rx_packets; __u64 rx_bytes; };
struct mixed { char c; int i; short s; long l; char tail; };
struct __attribute__((packed)) packed { char c; int i; short s; };
struct bits { unsigned a : 3, b : 5; unsigned c : 1; int d : 4; };
union u { __u32 word; __u8 bytes[4]; };
struct nested { int id; struct datarec rec; int arr[3]; };
enum color { RED, GREEN = 5, BLUE };

int main(void) {
    printf("%zu %zu\n", sizeof(struct datarec), offsetof(struct datarec, rx_bytes));
    printf("%zu %zu %zu %zu %zu\n", sizeof(struct mixed), offsetof(struct mixed, i), offsetof(struct mixed, s), offsetof(struct mixed, l), offsetof(struct mixed, tail));
    printf("%zu %zu\n", sizeof(struct packed), offsetof(struct packed, s));
    struct bits b = { .a = 5, .b = 17, .c = 1, .d = -3 };
    printf("%zu %u %u %u %d\n", sizeof(b), b.a, b.b, b.c, b.d);
    b.a += 4;
    printf("%u\n", b.a);
    union u w = { .word = 0x11223344 };
    printf("%x %x\n", w.bytes[0], w.bytes[3]);
    struct nested n = { .id = 7, .rec = { .rx_bytes = 1500 }, .arr = { [2] = 9 } };
    struct nested copy = n;
    copy.rec.rx_packets = 3;
    printf("%d %llu %llu %llu %d %d\n", copy.id, (unsigned long long)copy.rec.rx_bytes, (unsigned long long)n.rec.rx_packets,
           (unsigned long long)copy.rec.rx_packets, copy.arr[0], copy.arr[2]);
    struct datarec *p = &copy.rec;
    p->rx_bytes += 100;
    printf("%llu\n", (unsigned long long)copy.rec.rx_bytes);
    enum color c = BLUE;
    printf("%d %zu\n", c, sizeof(c));
    struct mixed arr[2];
    memset(arr, 0, sizeof(arr));
    arr[1].l = -2;
    printf("%zu %ld\n", sizeof(arr), arr[1].l);
    struct datarec recs[] = { { 1, 2 }, { 3, 4 } };
    __u64 sum = 0;
    for (int i = 0; i < 2; i++) sum += recs[i].rx_packets + recs[i].rx_bytes;
    printf("%llu\n", (unsigned long long)sum);
    return 0;
}

// expect: 16 8
// expect: 32 4 8 16 24
// expect: 7 5
// expect: 4 5 17 1 -3
// expect: 1
// expect: 44 11
// expect: 7 1500 0 3 0 9
// expect: 1600
// expect: 6 4
// expect: 64 -2
// expect: 10
