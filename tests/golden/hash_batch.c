// lookup_batch and lookup_and_delete_batch on a HASH: bucket cursors, the final partial batch
// that comes back with ENOENT, and ENOSPC when a bucket does not fit (spec 14.1, 14.4).
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

static int make(unsigned max, const int *keys, int n) {
    LIBBPF_OPTS(bpf_map_create_opts, opts, .map_flags = BPF_F_ZERO_SEED);
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "batch", 4, 4, max, &opts);
    for (int i = 0; i < n; i++) {
        int v = keys[i] * 10;
        bpf_map_update_elem(fd, &keys[i], &v, BPF_ANY);
    }
    return fd;
}

static void dump(int fd, __u32 per_call, int del) {
    int keys[16], vals[16];
    __u32 out = 0, count;
    void *in = NULL;
    printf("count %u%s:\n", per_call, del ? " (and delete)" : "");
    for (int call = 0; call < 10; call++) {
        count = per_call;
        int r = del ? bpf_map_lookup_and_delete_batch(fd, in, &out, keys, vals, &count, NULL)
                    : bpf_map_lookup_batch(fd, in, &out, keys, vals, &count, NULL);
        printf("  ret %d (%s) count %u out %u:", r, r ? strerror(errno) : "ok", count, out);
        for (__u32 i = 0; i < count; i++) printf(" %d=%d", keys[i], vals[i]);
        printf("\n");
        if (r) break;
        in = &out;
    }
}

int main(void) {
    int tens[] = {10, 20, 30, 40, 50, 60, 70, 80, 90};
    int fd = make(1024, tens, 9);
    dump(fd, 2, 0);
    dump(fd, 3, 0);
    dump(fd, 10, 0);
    dump(fd, 2, 1);
    int key, next;
    printf("empty after delete batch: %s\n", bpf_map_get_next_key(fd, NULL, &next) ? strerror(errno) : "no");
    close(fd);
    int same[] = {1, 13, 30, 48, 26};
    fd = make(8, same, 5);
    dump(fd, 1, 0);
    dump(fd, 4, 0);
    __u32 count = 0, out = 77, in = 7;
    int k[8], v[8];
    int r = bpf_map_lookup_batch(fd, NULL, &out, k, v, &count, NULL);
    printf("count 0: ret %d count %u out %u\n", r, count, out);
    count = 4;
    r = bpf_map_lookup_batch(fd, &in, &out, k, v, &count, NULL);
    printf("in 7: ret %d count %u out %u\n", r, count, out);
    in = 100;
    out = 77;
    count = 4;
    r = bpf_map_lookup_batch(fd, &in, &out, k, v, &count, NULL);
    printf("in 100: ret %d count %u out %u\n", r, count, out);
    LIBBPF_OPTS(bpf_map_batch_opts, bopts, .elem_flags = BPF_NOEXIST);
    count = 4;
    r = bpf_map_lookup_batch(fd, NULL, &out, k, v, &count, &bopts);
    printf("elem_flags NOEXIST: ret %d count %u\n", r, count);
    count = 4;
    r = bpf_map_lookup_batch(fd, NULL, NULL, k, v, &count, NULL);
    printf("NULL out_batch: ret %d (%s) count %u\n", r, strerror(errno), count);
    (void)key;
    return 0;
}

// expect: count 2:
// expect:   ret 0 (ok) count 2 out 131: 80=800 50=500
// expect:   ret 0 (ok) count 2 out 321: 90=900 30=300
// expect:   ret 0 (ok) count 2 out 381: 60=600 10=100
// expect:   ret 0 (ok) count 2 out 981: 20=200 40=400
// expect:   ret -2 (No such file or directory) count 1 out 1024: 70=700
// expect: count 3:
// expect:   ret 0 (ok) count 3 out 243: 80=800 50=500 90=900
// expect:   ret 0 (ok) count 3 out 381: 30=300 60=600 10=100
// expect:   ret -2 (No such file or directory) count 3 out 1024: 20=200 40=400 70=700
// expect: count 10:
// expect:   ret -2 (No such file or directory) count 9 out 1024: 80=800 50=500 90=900 30=300 60=600 10=100 20=200 40=400 70=700
// expect: count 2 (and delete):
// expect:   ret 0 (ok) count 2 out 131: 80=800 50=500
// expect:   ret 0 (ok) count 2 out 321: 90=900 30=300
// expect:   ret 0 (ok) count 2 out 381: 60=600 10=100
// expect:   ret 0 (ok) count 2 out 981: 20=200 40=400
// expect:   ret -2 (No such file or directory) count 1 out 1024: 70=700
// expect: empty after delete batch: No such file or directory
// expect: count 1:
// expect:   ret 0 (ok) count 1 out 3: 26=260
// expect:   ret -28 (No space left on device) count 0 out 3:
// expect: count 4:
// expect:   ret 0 (ok) count 1 out 3: 26=260
// expect:   ret -2 (No such file or directory) count 4 out 8: 48=480 30=300 13=130 1=10
// expect: count 0: ret 0 count 0 out 77
// expect: in 7: ret -2 count 0 out 8
// expect: in 100: ret -2 count 0 out 77
// expect: elem_flags NOEXIST: ret -22 count 4
// expect: NULL out_batch: ret -14 (Bad address) count 0
