// A program that never ends. Press Stop: the process gets SIGKILL within a second,
// and the maps it had open are freed, as when Linux kills a process.
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <unistd.h>

int main(void)
{
    int fd = bpf_map_create(BPF_MAP_TYPE_ARRAY, "ticks", sizeof(int), sizeof(long long), 1, NULL);
    int zero = 0;
    long long n = 0;
    fprintf(stderr, "counting forever in map 'ticks'; press Stop\n");
    while (1) {
        n++;
        if (n % 100000 == 0)
            bpf_map_update_elem(fd, &zero, &n, BPF_ANY);
    }
    return 0;
}
