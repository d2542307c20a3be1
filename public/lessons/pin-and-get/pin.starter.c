#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "my_map", sizeof(int), sizeof(int), 1024, NULL);
    if (fd < 0) {
        fprintf(stderr, "Failed to create hash map: %s\n", strerror(errno));
        return 1;
    }
    int keys[3] = {40, 50, 60};
    int values[3] = {400, 500, 600};
    __u32 count = 3;
    if (bpf_map_update_batch(fd, keys, values, &count, NULL) != 0) {
        fprintf(stderr, "Batch update failed: %s\n", strerror(errno));
        return 1;
    }

    const char *pin_path = "/sys/fs/bpf/my_map";
    // TODO: pin the map at pin_path with bpf_obj_pin(fd, pin_path)
    //       and print "Map pinned at <path>"

    close(fd);   // without a pin, this frees the map
    return 0;
}
