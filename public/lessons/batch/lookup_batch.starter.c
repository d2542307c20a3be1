#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "batch_demo", sizeof(int), sizeof(int), 1024, NULL);
    if (fd < 0) {
        fprintf(stderr, "Failed to create hash map: %s\n", strerror(errno));
        return 1;
    }
    for (int key = 10; key <= 90; key += 10) {
        int value = key * 10;
        bpf_map_update_elem(fd, &key, &value, BPF_ANY);
    }

    int keys[1024], vals[1024];
    __u32 count = 2;             // elements per call
    __u32 *in_batch = NULL;      // NULL: start at the beginning
    __u32 out_batch;
    int err;
    // TODO: reset count before each call, and also print the elements of the
    //       call that fails with ENOENT (it is the last one, not an empty one)
    do {
        err = bpf_map_lookup_batch(fd, in_batch, &out_batch, keys, vals, &count, NULL);
        if (err == 0) {
            for (__u32 i = 0; i < count; i++)
                printf("Batch element: key=%d, value=%d\n", keys[i], vals[i]);
            in_batch = &out_batch;
        } else if (errno != ENOENT) {
            fprintf(stderr, "Lookup batch failed: %s\n", strerror(errno));
            break;
        }
    } while (err == 0);
    close(fd);
    return 0;
}
