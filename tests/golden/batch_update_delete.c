// update_batch / delete_batch: one element at a time, stop at the first error, count = done (spec 8.3).
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void) {
    LIBBPF_OPTS(bpf_map_create_opts, opts, .map_flags = BPF_F_ZERO_SEED);
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "h", 4, 4, 4, &opts);
    int two = 2;
    bpf_map_update_elem(fd, &two, &two, BPF_ANY);
    int keys[5] = {1, 2, 3, 4, 5}, vals[5] = {10, 20, 30, 40, 50};
    __u32 count = 5;
    int r = bpf_map_update_batch(fd, keys, vals, &count, NULL);
    printf("update_batch 5 into max 4 holding {2}: %d %s count %u\n", r, strerror(errno), count);
    LIBBPF_OPTS(bpf_map_batch_opts, noexist, .elem_flags = BPF_NOEXIST);
    count = 1;
    r = bpf_map_update_batch(fd, keys, vals, &count, &noexist);
    printf("update_batch elem_flags NOEXIST: %d %s count %u\n", r, strerror(errno), count);
    int del[4] = {1, 2, 99, 3};
    count = 4;
    r = bpf_map_delete_batch(fd, del, &count, NULL);
    printf("delete_batch [1,2,99,3]: %d %s count %u\n", r, strerror(errno), count);
    int v;
    for (int k = 1; k <= 4; k++) printf("key %d: %s\n", k, bpf_map_lookup_elem(fd, &k, &v) ? "gone" : "present");
    count = 0;
    r = bpf_map_delete_batch(fd, del, &count, NULL);
    printf("delete_batch count 0: %d count %u\n", r, count);
    count = 2;
    r = bpf_map_delete_batch(fd, NULL, &count, NULL);
    printf("delete_batch NULL keys: %d %s count %u\n", r, strerror(errno), count);
    return 0;
}

// expect: update_batch 5 into max 4 holding {2}: -7 Argument list too long count 4
// expect: update_batch elem_flags NOEXIST: -22 Invalid argument count 1
// expect: delete_batch [1,2,99,3]: -2 No such file or directory count 2
// expect: key 1: gone
// expect: key 2: gone
// expect: key 3: present
// expect: key 4: present
// expect: delete_batch count 0: 0 count 0
// expect: delete_batch NULL keys: -14 Bad address count 0
