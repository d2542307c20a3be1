#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

int main(void)
{
    // a queue: no key (key size 0), 4-byte values, up to 16 of them
    int fd = bpf_map_create(BPF_MAP_TYPE_QUEUE, "jobs", 0, sizeof(__u32), 16, NULL);
    if (fd < 0) {
        fprintf(stderr, "Failed to create queue: %s\n", strerror(errno));
        return 1;
    }
    for (__u32 job = 10; job <= 30; job += 10)
        bpf_map_update_elem(fd, NULL, &job, BPF_ANY);   // push

    __u32 job;
    while (bpf_map_lookup_and_delete_elem(fd, NULL, &job) == 0)
        printf("popped %u\n", job);
    if (errno == ENOENT)
        printf("Queue empty\n");
    else
        fprintf(stderr, "pop: %s\n", strerror(errno));
    close(fd);
    return 0;
}
