/*
 * Reads the per-CPU packet counters that xdp_prog.c keeps in /sys/fs/bpf/xdp_stats_map.
 * First load and attach xdp_prog.c with the toolbar (Attach XDP) and start the Traffic;
 * then Run this: one value per possible CPU, and their sum.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <linux/bpf.h>

int main(void)
{
	int fd = bpf_obj_get("/sys/fs/bpf/xdp_stats_map");
	if (fd < 0) {
		printf("bpf_obj_get: %s: press Attach XDP in the eth0 row first\n", strerror(errno));
		return 1;
	}
	int ncpus = libbpf_num_possible_cpus();
	__u64 *values = calloc(ncpus, sizeof(__u64));
	__u32 key = XDP_PASS;
	if (bpf_map_lookup_elem(fd, &key, values) != 0) {
		printf("lookup: %s\n", strerror(errno));
		return 1;
	}
	__u64 sum = 0;
	for (int cpu = 0; cpu < ncpus; cpu++) {
		printf("CPU %d: %llu packets passed\n", cpu, values[cpu]);
		sum += values[cpu];
	}
	printf("total: %llu\n", sum);
	free(values);
	return 0;
}
