// LRU_HASH evicts instead of failing when full (spec 14.8): bursts of target_free keys.
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

static void walk(int fd) {
    int key, next, *prev = NULL;
    while (bpf_map_get_next_key(fd, prev, &next) == 0) {
        printf(" %d", next);
        key = next;
        prev = &key;
    }
    printf("\n");
}

int main(void) {
    LIBBPF_OPTS(bpf_map_create_opts, opts, .map_flags = BPF_F_ZERO_SEED);
    int fd = bpf_map_create(BPF_MAP_TYPE_LRU_HASH, "lru8", 4, 4, 8, &opts);
    for (int k = 1; k <= 12; k++) {
        int r = bpf_map_update_elem(fd, &k, &k, BPF_ANY);
        printf("insert %2d -> %d, keys:", k, r);
        walk(fd);
    }
    close(fd);
    fd = bpf_map_create(BPF_MAP_TYPE_LRU_HASH, "lru3", 4, 4, 3, &opts);
    for (int k = 1; k <= 3; k++) bpf_map_update_elem(fd, &k, &k, BPF_ANY);
    int one = 1;
    int r = bpf_map_update_elem(fd, &one, &one, BPF_EXIST);
    printf("update(1, EXIST) on full LRU: %d %s, keys:", r, strerror(-r));
    walk(fd);
    close(fd);
    r = bpf_map_create(BPF_MAP_TYPE_LRU_HASH, "noprealloc", 4, 4, 8,
                       &(struct bpf_map_create_opts){ .sz = sizeof(struct bpf_map_create_opts), .map_flags = BPF_F_NO_PREALLOC });
    printf("LRU with NO_PREALLOC: %d %s\n", r, strerror(-r));
    fd = bpf_map_create(BPF_MAP_TYPE_LRU_HASH, "lru256", 4, 4, 256, &opts);
    for (int k = 1; k <= 257; k++) bpf_map_update_elem(fd, &k, &k, BPF_ANY);
    int n = 0, smallest = 1 << 30, key, next, *prev = NULL;
    while (bpf_map_get_next_key(fd, prev, &next) == 0) {
        n++;
        if (next < smallest) smallest = next;
        key = next;
        prev = &key;
    }
    printf("LRU 256 after 257 inserts: %d keys, smallest %d\n", n, smallest);
    return 0;
}

// expect: insert  1 -> 0, keys: 1
// expect: insert  2 -> 0, keys: 2 1
// expect: insert  3 -> 0, keys: 2 1 3
// expect: insert  4 -> 0, keys: 4 2 1 3
// expect: insert  5 -> 0, keys: 4 2 1 5 3
// expect: insert  6 -> 0, keys: 4 2 1 6 5 3
// expect: insert  7 -> 0, keys: 4 7 2 1 6 5 3
// expect: insert  8 -> 0, keys: 4 7 2 1 8 6 5 3
// expect: insert  9 -> 0, keys: 4 7 8 9 6 5 3
// expect: insert 10 -> 0, keys: 10 4 7 8 9 6 5 3
// expect: insert 11 -> 0, keys: 10 7 8 11 9 6 5
// expect: insert 12 -> 0, keys: 10 7 8 12 11 9 6 5
// expect: update(1, EXIST) on full LRU: -2 No such file or directory, keys: 2 3
// expect: LRU with NO_PREALLOC: -524 Unknown error 524
// expect: LRU 256 after 257 inserts: 193 keys, smallest 65
