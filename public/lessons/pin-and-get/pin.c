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
    if (bpf_obj_pin(fd, pin_path) == 0) {
        printf("Map pinned at %s\n", pin_path);
    } else {
        perror("bpf_obj_pin");
        return 1;
    }

    close(fd);   // the pin keeps the map alive
    return 0;
}
