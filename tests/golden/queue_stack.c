// QUEUE and STACK through the element commands with a NULL key (spec section 7).
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

static void run(enum bpf_map_type type, const char *name) {
    int fd = bpf_map_create(type, name, 0, 4, 3, NULL);
    printf("%s fd %d\n", name, fd);
    for (int v = 1; v <= 3; v++) bpf_map_update_elem(fd, NULL, &v, BPF_ANY);
    int v = 4;
    int r = bpf_map_update_elem(fd, NULL, &v, BPF_ANY);
    printf("  push 4 (ANY) on full: %d %s\n", r, strerror(-r));
    r = bpf_map_update_elem(fd, NULL, &v, BPF_EXIST);
    printf("  push 4 (EXIST) on full: %d\n", r);
    r = bpf_map_update_elem(fd, NULL, &v, BPF_NOEXIST);
    printf("  push NOEXIST: %d %s\n", r, strerror(-r));
    int key = 0;
    r = bpf_map_update_elem(fd, &key, &v, BPF_ANY);
    printf("  non-NULL key: %d %s\n", r, strerror(-r));
    bpf_map_lookup_elem(fd, NULL, &v);
    printf("  peek %d\n", v);
    printf("  pop:");
    while (bpf_map_lookup_and_delete_elem(fd, NULL, &v) == 0) printf(" %d", v);
    printf(" then %s\n", strerror(errno));
    r = bpf_map_delete_elem(fd, NULL);
    printf("  delete: %d %s\n", r, strerror(-r));
    r = bpf_map_get_next_key(fd, NULL, &key);
    printf("  get_next_key: %d %s\n", r, strerror(-r));
    __u32 count = 1;
    r = bpf_map_lookup_batch(fd, NULL, &key, &key, &v, &count, NULL);
    printf("  lookup_batch: %d %s\n", r, strerror(-r));
    r = bpf_map_lookup_and_delete_elem_flags(fd, NULL, &v, BPF_F_LOCK);
    printf("  pop with flags: %d %s\n", r, strerror(-r));
    close(fd);
}

int main(void) {
    run(BPF_MAP_TYPE_QUEUE, "queue");
    run(BPF_MAP_TYPE_STACK, "stack");
    int r = bpf_map_create(BPF_MAP_TYPE_QUEUE, "badq", 4, 4, 3, NULL);
    printf("queue with key_size 4: %d %s\n", r, strerror(-r));
    return 0;
}

// expect: queue fd 3
// expect:   push 4 (ANY) on full: -7 Argument list too long
// expect:   push 4 (EXIST) on full: 0
// expect:   push NOEXIST: -22 Invalid argument
// expect:   non-NULL key: -22 Invalid argument
// expect:   peek 2
// expect:   pop: 2 3 4 then No such file or directory
// expect:   delete: -22 Invalid argument
// expect:   get_next_key: -22 Invalid argument
// expect:   lookup_batch: -524 Unknown error 524
// expect:   pop with flags: -22 Invalid argument
// expect: stack fd 3
// expect:   push 4 (ANY) on full: -7 Argument list too long
// expect:   push 4 (EXIST) on full: 0
// expect:   push NOEXIST: -22 Invalid argument
// expect:   non-NULL key: -22 Invalid argument
// expect:   peek 4
// expect:   pop: 4 3 2 then No such file or directory
// expect:   delete: -22 Invalid argument
// expect:   get_next_key: -22 Invalid argument
// expect:   lookup_batch: -524 Unknown error 524
// expect:   pop with flags: -22 Invalid argument
// expect: queue with key_size 4: -22 Invalid argument
