// HASH: update flags, lookup, delete, lookup_and_delete and their errno (libbpf 1.x returns -errno).
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

static void show(const char *what, int ret) {
    printf("%-28s ret=%d errno=%s\n", what, ret, ret ? strerror(errno) : "-");
}

int main(void) {
    LIBBPF_OPTS(bpf_map_create_opts, opts, .map_flags = BPF_F_ZERO_SEED);
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "basic", sizeof(int), sizeof(long), 4, &opts);
    printf("fd=%d\n", fd);
    int key = 1;
    long value = 100, out = 0;
    show("update(1, NOEXIST)", bpf_map_update_elem(fd, &key, &value, BPF_NOEXIST));
    show("update(1, NOEXIST) again", bpf_map_update_elem(fd, &key, &value, BPF_NOEXIST));
    value = 111;
    show("update(1, EXIST)", bpf_map_update_elem(fd, &key, &value, BPF_EXIST));
    key = 2;
    show("update(2, EXIST)", bpf_map_update_elem(fd, &key, &value, BPF_EXIST));
    show("update(2, flags 3)", bpf_map_update_elem(fd, &key, &value, 3));
    show("update(2, F_LOCK)", bpf_map_update_elem(fd, &key, &value, BPF_F_LOCK));
    key = 1;
    show("lookup(1)", bpf_map_lookup_elem(fd, &key, &out));
    printf("value of 1: %ld\n", out);
    show("lookup_flags(1, 1)", bpf_map_lookup_elem_flags(fd, &key, &out, 1));
    key = 7;
    show("lookup(7)", bpf_map_lookup_elem(fd, &key, &out));
    show("delete(7)", bpf_map_delete_elem(fd, &key));
    key = 1;
    out = 0;
    show("lookup_and_delete(1)", bpf_map_lookup_and_delete_elem(fd, &key, &out));
    printf("popped value: %ld\n", out);
    show("lookup_and_delete(1) again", bpf_map_lookup_and_delete_elem(fd, &key, &out));
    show("lookup(NULL key)", bpf_map_lookup_elem(fd, NULL, &out));
    show("update(NULL value)", bpf_map_update_elem(fd, &key, NULL, BPF_ANY));
    for (int k = 10; k < 15; k++) {
        value = k * 10;
        int r = bpf_map_update_elem(fd, &k, &value, BPF_ANY);
        printf("insert %d -> %d%s%s\n", k, r, r ? " " : "", r ? strerror(-r) : "");
    }
    key = 10;
    value = 1;
    show("replace 10 on a full map", bpf_map_update_elem(fd, &key, &value, BPF_ANY));
    close(fd);
    return 0;
}

// expect: fd=3
// expect: update(1, NOEXIST)           ret=0 errno=-
// expect: update(1, NOEXIST) again     ret=-17 errno=File exists
// expect: update(1, EXIST)             ret=0 errno=-
// expect: update(2, EXIST)             ret=-2 errno=No such file or directory
// expect: update(2, flags 3)           ret=-22 errno=Invalid argument
// expect: update(2, F_LOCK)            ret=-22 errno=Invalid argument
// expect: lookup(1)                    ret=0 errno=-
// expect: value of 1: 111
// expect: lookup_flags(1, 1)           ret=-22 errno=Invalid argument
// expect: lookup(7)                    ret=-2 errno=No such file or directory
// expect: delete(7)                    ret=-2 errno=No such file or directory
// expect: lookup_and_delete(1)         ret=0 errno=-
// expect: popped value: 111
// expect: lookup_and_delete(1) again   ret=-2 errno=No such file or directory
// expect: lookup(NULL key)             ret=-14 errno=Bad address
// expect: update(NULL value)           ret=-14 errno=Bad address
// expect: insert 10 -> 0
// expect: insert 11 -> 0
// expect: insert 12 -> 0
// expect: insert 13 -> 0
// expect: insert 14 -> -7 Argument list too long
// expect: replace 10 on a full map     ret=0 errno=-
