// ARRAY: all elements exist from creation; NOEXIST always EEXIST, delete EINVAL,
// lookup_and_delete ENOTSUPP (524, "Unknown error 524"), get_next_key and the key cursor batch.
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

static void show(const char *what, int ret) {
    printf("%-26s ret=%d %s\n", what, ret, ret ? strerror(errno) : "ok");
}

int main(void) {
    int fd = bpf_map_create(BPF_MAP_TYPE_ARRAY, "arr", 4, 4, 5, NULL);
    __u32 i;
    int v;
    for (i = 0; i < 5; i++) {
        v = i * 100;
        bpf_map_update_elem(fd, &i, &v, BPF_ANY);
    }
    i = 1;
    show("update(1, NOEXIST)", bpf_map_update_elem(fd, &i, &v, BPF_NOEXIST));
    show("update(1, EXIST)", bpf_map_update_elem(fd, &i, &v, BPF_EXIST));
    i = 5;
    show("update(5)", bpf_map_update_elem(fd, &i, &v, BPF_ANY));
    show("update(5, NOEXIST)", bpf_map_update_elem(fd, &i, &v, BPF_NOEXIST));
    show("lookup(5)", bpf_map_lookup_elem(fd, &i, &v));
    i = 2;
    show("delete(2)", bpf_map_delete_elem(fd, &i));
    show("lookup_and_delete(2)", bpf_map_lookup_and_delete_elem(fd, &i, &v));
    show("lookup_and_delete flags", bpf_map_lookup_and_delete_elem_flags(fd, &i, &v, 1));
    __u32 key, next, *prev = NULL;
    printf("walk:");
    while (bpf_map_get_next_key(fd, prev, &next) == 0) {
        bpf_map_lookup_elem(fd, &next, &v);
        printf(" %u=%d", next, v);
        key = next;
        prev = &key;
    }
    printf("\n");
    key = 100;
    bpf_map_get_next_key(fd, &key, &next);
    printf("get_next_key(100) = %u\n", next);
    __u32 keys[8], out, count;
    int vals[8];
    for (__u32 per = 2; per <= 7; per += 5) {
        void *in = NULL;
        printf("batch %u:", per);
        for (;;) {
            count = per;
            int r = bpf_map_lookup_batch(fd, in, &out, keys, vals, &count, NULL);
            printf(" [ret %d count %u out %u", r, count, out);
            for (__u32 j = 0; j < count; j++) printf(" %u", keys[j]);
            printf("]");
            if (r) break;
            in = &out;
        }
        printf("\n");
    }
    count = 5;
    show("lookup_and_delete_batch", bpf_map_lookup_and_delete_batch(fd, NULL, &out, keys, vals, &count, NULL));
    count = 2;
    show("delete_batch", bpf_map_delete_batch(fd, keys, &count, NULL));
    __u32 upd_keys[3] = {0, 1, 7};
    int upd_vals[3] = {1, 2, 3};
    count = 3;
    int r = bpf_map_update_batch(fd, upd_keys, upd_vals, &count, NULL);
    printf("update_batch [0,1,7]: ret %d (%s) count %u\n", r, strerror(errno), count);
    close(fd);
    return 0;
}

// expect: update(1, NOEXIST)         ret=-17 File exists
// expect: update(1, EXIST)           ret=0 ok
// expect: update(5)                  ret=-7 Argument list too long
// expect: update(5, NOEXIST)         ret=-7 Argument list too long
// expect: lookup(5)                  ret=-2 No such file or directory
// expect: delete(2)                  ret=-22 Invalid argument
// expect: lookup_and_delete(2)       ret=-524 Unknown error 524
// expect: lookup_and_delete flags    ret=-22 Invalid argument
// expect: walk: 0=0 1=400 2=200 3=300 4=400
// expect: get_next_key(100) = 0
// expect: batch 2: [ret 0 count 2 out 1 0 1] [ret 0 count 2 out 3 2 3] [ret -2 count 1 out 4 4]
// expect: batch 7: [ret -2 count 5 out 4 0 1 2 3 4]
// expect: lookup_and_delete_batch    ret=-524 Unknown error 524
// expect: delete_batch               ret=-524 Unknown error 524
// expect: update_batch [0,1,7]: ret -7 (Argument list too long) count 2
