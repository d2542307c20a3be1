/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loads race_kern.c (the xdp_prog.c tab), attaches it to eth0 and, every second, reads the three
 * counters: the plain one falls behind the atomic one, the per-CPU one (summed here over the
 * possible CPUs) does not. Stop it with the Stop button.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <net/if.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

struct counter {
	__u64 packets;
	__u64 bytes;
};

static __u64 read_shared(int fd)
{
	struct counter c = { 0 };
	__u32 key = 0;

	bpf_map_lookup_elem(fd, &key, &c);
	return c.packets;
}

static __u64 read_percpu(int fd)
{
	int ncpus = libbpf_num_possible_cpus();
	struct counter *c = calloc(ncpus, sizeof(*c));
	__u64 sum = 0;
	__u32 key = 0;

	if (c && bpf_map_lookup_elem(fd, &key, c) == 0)
		for (int i = 0; i < ncpus; i++)
			sum += c[i].packets;
	free(c);
	return sum;
}

int main(void)
{
	struct bpf_object *obj = bpf_object__open_file("race_kern.o", NULL);
	if (!obj) {
		fprintf(stderr, "ERR: opening race_kern.o: %s\n", strerror(errno));
		return 1;
	}
	if (bpf_object__load(obj)) {
		fprintf(stderr, "ERR: loading race_kern.o: %s\n", strerror(errno));
		return 1;
	}
	int plain = bpf_object__find_map_fd_by_name(obj, "plain_count");
	int atomic = bpf_object__find_map_fd_by_name(obj, "atomic_count");
	int percpu = bpf_object__find_map_fd_by_name(obj, "percpu_count");
	struct bpf_program *prog = bpf_object__find_program_by_name(obj, "xdp_count_race");
	struct bpf_link *link = bpf_program__attach_xdp(prog, if_nametoindex("eth0"));
	if (!link) {
		fprintf(stderr, "ERR: attaching to eth0: %s\n", strerror(errno));
		return 1;
	}
	printf("xdp_count_race attached to eth0 on %d possible CPUs\n", libbpf_num_possible_cpus());
	printf("%10s %10s %10s %10s\n", "atomic", "percpu", "plain", "lost");

	while (1) {
		sleep(1);
		__u64 a = read_shared(atomic);
		__u64 p = read_percpu(percpu);
		__u64 n = read_shared(plain);
		printf("%10llu %10llu %10llu %10llu\n", a, p, n, a > n ? a - n : 0);
	}

	bpf_link__destroy(link);
	bpf_object__close(obj);
	return 0;
}
