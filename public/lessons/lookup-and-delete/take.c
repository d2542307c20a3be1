#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "take_demo", sizeof(int), sizeof(int), 1024, NULL);
    if (fd < 0) {
        fprintf(stderr, "Failed to create hash map: %s\n", strerror(errno));
        return 1;
    }
    int key = 10, value = 100;
    bpf_map_update_elem(fd, &key, &value, BPF_ANY);

    int taken;
    if (bpf_map_lookup_and_delete_elem(fd, &key, &taken) == 0) {
        printf("Lookup and delete succeeded, value=%d\n", taken);
    } else {
        fprintf(stderr, "Failed to take key %d: %s\n", key, strerror(errno));
        return 1;
    }

    int verify;
    if (bpf_map_lookup_elem(fd, &key, &verify) == 0)
        printf("Unexpectedly found key %d after deletion\n", key);
    else if (errno == ENOENT)
        printf("Confirmed that key %d no longer exists\n", key);
    close(fd);
    return 0;
}
