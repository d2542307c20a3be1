// bpf_map_freeze: the map loses write permission on every fd; reads keep working (spec 9).
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

static void show(const char *what, int ret) {
    printf("%-24s ret=%d %s\n", what, ret, ret ? strerror(errno) : "ok");
}

int main(void) {
    LIBBPF_OPTS(bpf_map_create_opts, opts, .map_flags = BPF_F_ZERO_SEED);
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "frozen", 4, 4, 8, &opts);
    int k = 1, v = 10;
    bpf_map_update_elem(fd, &k, &v, BPF_ANY);
    show("freeze", bpf_map_freeze(fd));
    show("freeze again", bpf_map_freeze(fd));
    show("update", bpf_map_update_elem(fd, &k, &v, BPF_ANY));
    show("delete", bpf_map_delete_elem(fd, &k));
    show("lookup_and_delete", bpf_map_lookup_and_delete_elem(fd, &k, &v));
    show("lookup", bpf_map_lookup_elem(fd, &k, &v));
    int next;
    show("get_next_key", bpf_map_get_next_key(fd, NULL, &next));
    __u32 count = 1;
    show("update_batch", bpf_map_update_batch(fd, &k, &v, &count, NULL));
    count = 1;
    show("delete_batch", bpf_map_delete_batch(fd, &k, &count, NULL));
    int keys[8], vals[8];
    __u32 out;
    count = 8;
    show("lookup_batch", bpf_map_lookup_batch(fd, NULL, &out, keys, vals, &count, NULL));
    printf("lookup_batch returned %u element(s)\n", count);
    int afd = bpf_map_create(BPF_MAP_TYPE_ARRAY, "farr", 4, 4, 2, NULL);
    bpf_map_freeze(afd);
    count = 1;
    show("frozen array delete_batch", bpf_map_delete_batch(afd, &k, &count, NULL));
    int qfd = bpf_map_create(BPF_MAP_TYPE_QUEUE, "fq", 0, 4, 2, NULL);
    bpf_map_update_elem(qfd, NULL, &v, BPF_ANY);
    bpf_map_freeze(qfd);
    show("frozen queue push", bpf_map_update_elem(qfd, NULL, &v, BPF_ANY));
    show("frozen queue pop", bpf_map_lookup_and_delete_elem(qfd, NULL, &v));
    show("frozen queue peek", bpf_map_lookup_elem(qfd, NULL, &v));
    return 0;
}

// expect: freeze                   ret=0 ok
// expect: freeze again             ret=-1 Operation not permitted
// expect: update                   ret=-1 Operation not permitted
// expect: delete                   ret=-1 Operation not permitted
// expect: lookup_and_delete        ret=-1 Operation not permitted
// expect: lookup                   ret=0 ok
// expect: get_next_key             ret=0 ok
// expect: update_batch             ret=-1 Operation not permitted
// expect: delete_batch             ret=-1 Operation not permitted
// expect: lookup_batch             ret=-2 No such file or directory
// expect: lookup_batch returned 1 element(s)
// expect: frozen array delete_batch ret=-1 Operation not permitted
// expect: frozen queue push        ret=-1 Operation not permitted
// expect: frozen queue pop         ret=-1 Operation not permitted
// expect: frozen queue peek        ret=0 ok
