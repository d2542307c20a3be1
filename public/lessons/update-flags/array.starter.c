#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    int fd = bpf_map_create(BPF_MAP_TYPE_ARRAY, "slots", sizeof(__u32), sizeof(__u32), 8, NULL);
    if (fd < 0) {
        fprintf(stderr, "Failed to create array: %s\n", strerror(errno));
        return 1;
    }
    __u32 index = 3, value = 42;
    // TODO: index 3 already exists (every index of an array does): pick a flag that allows that
    if (bpf_map_update_elem(fd, &index, &value, BPF_NOEXIST) != 0) {
        fprintf(stderr, "update of index %u: %s\n", index, strerror(errno));
        return 1;
    }
    printf("slots[%u] = %u\n", index, value);
    close(fd);
    return 0;
}
