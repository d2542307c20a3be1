// A first look at a BPF hash map: create it, fill it, walk it, pin it.
// Press Run (Ctrl+Enter) and look at the kernel inspector: the map,
// its hash buckets, the pin in /sys/fs/bpf and the call that failed.
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    // max_entries 8 gives 8 hash buckets (rounded up to a power of two)
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "scores",
            sizeof(int), sizeof(long long), 8, NULL);
    if (fd < 0) {
        fprintf(stderr, "bpf_map_create: %s\n", strerror(errno));
        return 1;
    }
    printf("created hash map 'scores', fd %d\n", fd);

    for (int key = 1; key <= 5; key++) {
        long long value = key * 100;
        bpf_map_update_elem(fd, &key, &value, BPF_ANY);
    }

    // get_next_key walks the hash buckets: the order is not 1, 2, 3, 4, 5
    int key, *prev = NULL;
    printf("get_next_key order:");
    while (bpf_map_get_next_key(fd, prev, &key) == 0) {
        printf(" %d", key);
        prev = &key;
    }
    printf("\n");

    // BPF_NOEXIST on a key that exists fails with EEXIST
    int one = 1;
    long long v = 1;
    if (bpf_map_update_elem(fd, &one, &v, BPF_NOEXIST) < 0)
        printf("update key 1 with BPF_NOEXIST: %s\n", strerror(errno));

    // A pinned map outlives this process; Reboot removes it
    unlink("/sys/fs/bpf/scores");
    if (bpf_obj_pin(fd, "/sys/fs/bpf/scores") == 0)
        printf("pinned at /sys/fs/bpf/scores\n");
    return 0;
}
