// get_next_key pitfall: deleting the current key while walking a hash map.
//
// get_next_key(key) looks `key` up to find its successor. If `key` is no longer
// in the map it returns the FIRST key again, so a walk that deletes the key it
// is standing on restarts from the beginning and visits keys twice.
// The safe pattern fetches the next key before deleting the current one.
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

static int fill(void)
{
    // BPF_F_ZERO_SEED: hash seed 0, so the bucket order is the same on every run
    LIBBPF_OPTS(bpf_map_create_opts, opts, .map_flags = BPF_F_ZERO_SEED);
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "walk", sizeof(int), sizeof(int), 16, &opts);
    if (fd < 0) {
        fprintf(stderr, "bpf_map_create: %s\n", strerror(errno));
        return -1;
    }
    for (int key = 1; key <= 8; key++) {
        int value = key * 10;
        bpf_map_update_elem(fd, &key, &value, BPF_ANY);
    }
    return fd;
}

int main(void)
{
    int fd = fill();
    if (fd < 0)
        return 1;

    printf("1) delete even keys while standing on them:\n  visits:");
    int key, visits = 0, *prev = NULL;
    while (bpf_map_get_next_key(fd, prev, &key) == 0 && visits < 40) {
        visits++;
        printf(" %d", key);
        if (key % 2 == 0)
            bpf_map_delete_elem(fd, &key); // `key` is gone: the next call restarts
        prev = &key;
    }
    printf("\n  %d visits for 8 keys\n", visits);
    close(fd);

    fd = fill();
    if (fd < 0)
        return 1;
    printf("2) fetch the next key first, then delete:\n  visits:");
    int cur, next;
    visits = 0;
    int more = bpf_map_get_next_key(fd, NULL, &cur) == 0;
    while (more) {
        visits++;
        printf(" %d", cur);
        more = bpf_map_get_next_key(fd, &cur, &next) == 0;
        if (cur % 2 == 0)
            bpf_map_delete_elem(fd, &cur);
        cur = next;
    }
    printf("\n  %d visits for 8 keys\n", visits);

    // Keep the second map for the inspector: the odd keys are left
    unlink("/sys/fs/bpf/walk");
    bpf_obj_pin(fd, "/sys/fs/bpf/walk");
    return 0;
}
