#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    const char *pin_path = "/sys/fs/bpf/my_map";

    // TODO: open the pinned map: int pinned_map_fd = bpf_obj_get(pin_path);
    int pinned_map_fd = -1;
    if (pinned_map_fd < 0) {
        perror("bpf_obj_get");
        return 1;
    }
    printf("Opened pinned map from %s\n", pin_path);

    int key = 50, val = 0;
    if (bpf_map_lookup_elem(pinned_map_fd, &key, &val) == 0)
        printf("Retrieved value %d for key %d from pinned map\n", val, key);
    else
        perror("bpf_map_lookup_elem");
    close(pinned_map_fd);
    return 0;
}
