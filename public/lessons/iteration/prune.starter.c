#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    LIBBPF_OPTS(bpf_map_create_opts, opts, .map_flags = BPF_F_ZERO_SEED);
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "prune_demo", sizeof(int), sizeof(int), 16, &opts);
    if (fd < 0) {
        fprintf(stderr, "Failed to create hash map: %s\n", strerror(errno));
        return 1;
    }
    for (int key = 1; key <= 8; key++) {
        int value = key * 10;
        bpf_map_update_elem(fd, &key, &value, BPF_ANY);
    }

    // TODO: this walk deletes `key` and then asks for the key after it: it restarts.
    //       Fetch the next key first, then delete the current one.
    int key, *prev = NULL, visits = 0;
    printf("visits:");
    while (bpf_map_get_next_key(fd, prev, &key) == 0 && visits < 40) {
        visits++;
        printf(" %d", key);
        if (key % 2 == 0)
            bpf_map_delete_elem(fd, &key);
        prev = &key;
    }
    printf("\n%d visits for 8 keys\n", visits);
    close(fd);
    return 0;
}
