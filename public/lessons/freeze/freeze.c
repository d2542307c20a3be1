#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "config", sizeof(int), sizeof(int), 1024, NULL);
    if (fd < 0) {
        fprintf(stderr, "Failed to create hash map: %s\n", strerror(errno));
        return 1;
    }
    int key = 10, value = 100;
    bpf_map_update_elem(fd, &key, &value, BPF_ANY);

    if (bpf_map_freeze(fd) == 0) {
        printf("Map is now frozen and read-only\n");
    } else {
        perror("bpf_map_freeze");
        return 1;
    }

    int new_val = 200;
    if (bpf_map_update_elem(fd, &key, &new_val, BPF_ANY) != 0) {
        if (errno == EPERM)
            printf("Update failed, map is frozen\n");
        else
            perror("bpf_map_update_elem");
    } else {
        printf("Unexpected success, map should have been frozen\n");
    }
    close(fd);
    return 0;
}
