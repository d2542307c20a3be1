// A hash map with 100,000 elements. The inspector's table renders only the
// rows in view, so it scrolls like a small one; the bucket view shows how
// 131,072 buckets (max_entries rounded up to a power of two) fill up.
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

struct point {
    __s32 x;
    __s32 y;
};

int main(void)
{
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "big_hash",
            sizeof(__u32), sizeof(struct point), 100000, NULL);
    if (fd < 0) {
        fprintf(stderr, "bpf_map_create: %s\n", strerror(errno));
        return 1;
    }
    for (__u32 id = 0; id < 100000; id++) {
        struct point p = { (__s32)id - 50000, (__s32)(id % 1000) * -3 };
        if (bpf_map_update_elem(fd, &id, &p, BPF_NOEXIST) != 0) {
            fprintf(stderr, "update %u: %s\n", id, strerror(errno));
            return 1;
        }
    }
    // One more does not fit: the map is full.
    __u32 id = 100000;
    struct point p = { 0, 0 };
    if (bpf_map_update_elem(fd, &id, &p, BPF_ANY) != 0)
        printf("element 100001: %s\n", strerror(errno));
    printf("100000 elements inserted\n");
    return 0;
}
