#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

static int show(int fd, int key)
{
    int value = 0;
    if (bpf_map_lookup_elem(fd, &key, &value) == 0) {
        printf("Found value %d for key %d\n", value, key);
        return 0;
    }
    // TODO: if errno is ENOENT, print "Key %d not found" and return 0
    fprintf(stderr, "Element doesn't exist: %s\n", strerror(errno));
    return -1;
}

int main(void)
{
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "lookup_demo", sizeof(int), sizeof(int), 1024, NULL);
    if (fd < 0) {
        fprintf(stderr, "Failed to create hash map: %s\n", strerror(errno));
        return 1;
    }
    int key = 10, value = 100;
    bpf_map_update_elem(fd, &key, &value, BPF_ANY);

    if (show(fd, 10) != 0 || show(fd, 11) != 0) {
        close(fd);
        return -1;
    }
    close(fd);
    return 0;
}
