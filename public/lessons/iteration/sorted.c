#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    LIBBPF_OPTS(bpf_map_create_opts, opts, .map_flags = BPF_F_ZERO_SEED);
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "order_demo", sizeof(int), sizeof(int), 1024, &opts);
    if (fd < 0) {
        fprintf(stderr, "Failed to create hash map: %s\n", strerror(errno));
        return 1;
    }
    for (int key = 10; key <= 30; key += 10) {
        int value = key * 10;
        bpf_map_update_elem(fd, &key, &value, BPF_ANY);
    }

    int keys[16], n = 0;
    int key, *prev = NULL;
    while (n < 16 && bpf_map_get_next_key(fd, prev, &key) == 0) {
        printf("Next key: %d\n", key);
        keys[n++] = key;
        prev = &key;
    }

    for (int i = 1; i < n; i++)          // insertion sort: n is small
        for (int j = i; j > 0 && keys[j - 1] > keys[j]; j--) {
            int t = keys[j];
            keys[j] = keys[j - 1];
            keys[j - 1] = t;
        }
    printf("Sorted:");
    for (int i = 0; i < n; i++)
        printf(" %d", keys[i]);
    printf("\n");
    close(fd);
    return 0;
}
