// HASH iteration follows jhash buckets (spec 14.1): get_next_key from NULL, from a missing key,
// and what happens when the current key is deleted mid-walk.
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

static void walk(int fd) {
    int key, next, *prev = NULL;
    printf("order:");
    while (bpf_map_get_next_key(fd, prev, &next) == 0) {
        printf(" %d", next);
        key = next;
        prev = &key;
    }
    printf(" (then %s)\n", strerror(errno));
}

int main(void) {
    LIBBPF_OPTS(bpf_map_create_opts, opts, .map_flags = BPF_F_ZERO_SEED);
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "order", 4, 4, 1024, &opts);
    for (int k = 10; k <= 90; k += 10) {
        int v = k * 10;
        bpf_map_update_elem(fd, &k, &v, BPF_ANY);
    }
    walk(fd);
    int missing = -1, next = 0;
    int r = bpf_map_get_next_key(fd, &missing, &next);
    printf("get_next_key(-1) = %d, next %d\n", r, next);
    int k = 30;
    bpf_map_get_next_key(fd, &k, &next);
    printf("after 30 comes %d\n", next);
    bpf_map_delete_elem(fd, &k);
    bpf_map_get_next_key(fd, &k, &next);
    printf("after deleting 30, get_next_key(30) = %d (restart)\n", next);
    int last = 70;
    r = bpf_map_get_next_key(fd, &last, &next);
    printf("get_next_key(last) = %d (%s)\n", r, strerror(-r));
    close(fd);
    fd = bpf_map_create(BPF_MAP_TYPE_HASH, "order16", 4, 4, 16, &opts);
    for (int i = 1; i <= 16; i++) bpf_map_update_elem(fd, &i, &i, BPF_ANY);
    walk(fd);
    int two = 2;
    bpf_map_update_elem(fd, &two, &two, BPF_EXIST);
    printf("after update(2): ");
    walk(fd);
    return 0;
}

// expect: order: 80 50 90 30 60 10 20 40 70 (then No such file or directory)
// expect: get_next_key(-1) = 0, next 80
// expect: after 30 comes 60
// expect: after deleting 30, get_next_key(30) = 80 (restart)
// expect: get_next_key(last) = -2 (No such file or directory)
// expect: order: 10 4 16 15 5 14 7 2 13 1 8 12 11 9 6 3 (then No such file or directory)
// expect: after update(2): order: 10 4 16 15 5 2 14 7 13 1 8 12 11 9 6 3 (then No such file or directory)
