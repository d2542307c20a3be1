#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "walk_demo", sizeof(int), sizeof(int), 1024, NULL);
    if (fd < 0) {
        fprintf(stderr, "Failed to create hash map: %s\n", strerror(errno));
        return 1;
    }
    for (int key = 10; key <= 50; key += 10) {
        int value = key * 10;
        bpf_map_update_elem(fd, &key, &value, BPF_ANY);
    }

    int next_key;
    // TODO: loop: ask for the key after the previous one until get_next_key fails,
    //       then print "End of map" if errno is ENOENT
    if (bpf_map_get_next_key(fd, NULL, &next_key) == 0)
        printf("Next key: %d\n", next_key);
    close(fd);
    return 0;
}
