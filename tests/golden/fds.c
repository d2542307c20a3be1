// File descriptors: lowest free first from 3; bad fds give EBADF, non-BPF fds EINVAL.
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void) {
    int a = bpf_map_create(BPF_MAP_TYPE_ARRAY, "a", 4, 4, 1, NULL);
    int b = bpf_map_create(BPF_MAP_TYPE_ARRAY, "b", 4, 4, 1, NULL);
    int c = bpf_map_create(BPF_MAP_TYPE_ARRAY, "c", 4, 4, 1, NULL);
    printf("fds %d %d %d\n", a, b, c);
    close(b);
    int d = bpf_map_create(BPF_MAP_TYPE_ARRAY, "d", 4, 4, 1, NULL);
    printf("after close(%d): new fd %d\n", b, d);
    __u32 k = 0;
    int v;
    int r = bpf_map_lookup_elem(100, &k, &v);
    printf("lookup on fd 100: %d %s\n", r, strerror(errno));
    r = bpf_map_lookup_elem(0, &k, &v);
    printf("lookup on fd 0: %d %s\n", r, strerror(errno));
    r = close(100);
    printf("close(100): %d %s\n", r, strerror(errno));
    LIBBPF_OPTS(bpf_map_create_opts, wo, .map_flags = BPF_F_WRONLY);
    int w = bpf_map_create(BPF_MAP_TYPE_ARRAY, "w", 4, 4, 1, &wo);
    r = bpf_map_lookup_elem(w, &k, &v);
    printf("lookup on write-only fd %d: %d %s\n", w, r, strerror(errno));
    r = bpf_map_update_elem(w, &k, &v, BPF_ANY);
    printf("update on write-only fd: %d\n", r);
    return 0;
}

// expect: fds 3 4 5
// expect: after close(4): new fd 4
// expect: lookup on fd 100: -9 Bad file descriptor
// expect: lookup on fd 0: -22 Invalid argument
// expect: close(100): -1 Bad file descriptor
// expect: lookup on write-only fd 6: -1 Operation not permitted
// expect: update on write-only fd: 0
