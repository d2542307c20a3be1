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
    __u32 count = 4;
    if (bpf_map_delete_batch(fd, doomed, &count, NULL) != 0)
        fprintf(stderr, "Batch delete stopped: %s\n", strerror(errno));
    // TODO: print "deleted <count> of 4", then skip the missing key and delete the keys after it
    close(fd);
    return 0;
}
