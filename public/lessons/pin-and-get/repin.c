#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "my_map_v2", sizeof(int), sizeof(int), 1024, NULL);
    if (fd < 0) {
        fprintf(stderr, "Failed to create hash map: %s\n", strerror(errno));
        return 1;
    }
    const char *pin_path = "/sys/fs/bpf/my_map";
    unlink(pin_path);   // remove an old pin, if any (ENOENT otherwise: fine)
    if (bpf_obj_pin(fd, pin_path) != 0) {
        perror("bpf_obj_pin");
        return 1;
    }
    printf("Map pinned at %s\n", pin_path);
    close(fd);
    return 0;
}
