#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

static int claim(int fd, int key, int value)
{
    int err = bpf_map_update_elem(fd, &key, &value, BPF_NOEXIST);
    if (err == 0)
        printf("Claimed key %d with value %d\n", key, value);
    return err;
}

int main(void)
{
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "counts", sizeof(int), sizeof(int), 1024, NULL);
    if (fd < 0) {
        fprintf(stderr, "Failed to create hash map: %s\n", strerror(errno));
        return 1;
    }
    if (claim(fd, 4, 300) != 0)
        return -1;
    // TODO: a second claim of key 4 fails with EEXIST: print strerror(errno) and go on
    if (claim(fd, 4, 999) != 0)
        return -1;
    printf("Done\n");
    close(fd);
    return 0;
}
