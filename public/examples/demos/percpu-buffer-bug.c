// The classic per-CPU bug: a lookup on a per-CPU map copies one value per possible CPU
// (round_up(value_size, 8) bytes each) into the buffer, here sized for one CPU only.
// On Linux this silently overwrites the stack; bpfplay stops the program with an
// AddressSanitizer-style report. Fix: long values[libbpf_num_possible_cpus()];
#include <bpf/libbpf.h>
#include <stdio.h>

int main(void)
{
    int fd = bpf_map_create(BPF_MAP_TYPE_PERCPU_ARRAY, "counts", sizeof(int), sizeof(long), 4, NULL);
    int key = 0;
    long value; /* one slot: a per-CPU map needs one per possible CPU */
    bpf_map_lookup_elem(fd, &key, &value);
    printf("value %ld\n", value);
    return 0;
}
