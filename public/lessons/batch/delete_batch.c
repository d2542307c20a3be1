#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "bulk", sizeof(int), sizeof(int), 1024, NULL);
    if (fd < 0) {
        fprintf(stderr, "Failed to create hash map: %s\n", strerror(errno));
        return 1;
    }
    int keys[3] = {40, 50, 60};
    int values[3] = {400, 500, 600};
    __u32 n = 3;
    bpf_map_update_batch(fd, keys, values, &n, NULL);

    int doomed[4] = {40, 50, 99, 60};   // 99 is not in the map
    __u32 total = 4, done = 0;
    while (done < total) {
        __u32 count = total - done;
        int err = bpf_map_delete_batch(fd, doomed + done, &count, NULL);
        if (done == 0)
            printf("deleted %u of %u\n", count, total);
        done += count;
        if (err == 0)
            break;
        if (errno != ENOENT) {
            fprintf(stderr, "Batch delete failed: %s\n", strerror(errno));
            return 1;
        }
        printf("key %d is not in the map: skipped\n", doomed[done]);
        done++;                          // skip the missing key, go on after it
    }
    close(fd);
    return 0;
}
