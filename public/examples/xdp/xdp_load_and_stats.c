/* SPDX-License-Identifier: GPL-2.0 */
/*
 * xdp-tutorial basic03 (xdp_load_and_stats.c), simplified to the libbpf 1.x object API: open
 * and load xdp_prog_kern.o, attach xdp_stats1_func to the interface, then print the per-action
 * counters (summed over the possible CPUs) every interval, until interrupted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <time.h>
#include <net/if.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

/* common_kern_user.h */
struct datarec {
	__u64 rx_packets;
	__u64 rx_bytes;
};

#define XDP_ACTION_MAX (XDP_REDIRECT + 1)

struct record {
	__u64 timestamp;
	struct datarec total; /* defined in common_kern_user.h */
};

struct stats_record {
	struct record stats[XDP_ACTION_MAX];
};

static const char *action_names[XDP_ACTION_MAX] = {
	"XDP_ABORTED", "XDP_DROP", "XDP_PASS", "XDP_TX", "XDP_REDIRECT",
};

#define NANOSEC_PER_SEC 1000000000 /* 10^9 */
static __u64 gettime(void)
{
	struct timespec t;
	int res;

	res = clock_gettime(CLOCK_MONOTONIC, &t);
	if (res < 0) {
		fprintf(stderr, "Error with gettimeofday! (%i)\n", res);
		exit(EXIT_FAILURE);
	}
	return (__u64) t.tv_sec * NANOSEC_PER_SEC + t.tv_nsec;
}

static double calc_period(struct record *r, struct record *p)
{
	double period_ = 0;
	__u64 period = 0;

	period = r->timestamp - p->timestamp;
	if (period > 0)
		period_ = ((double) period / NANOSEC_PER_SEC);

	return period_;
}

static void stats_print(struct stats_record *stats_rec, struct stats_record *stats_prev)
{
	int i;

	for (i = 0; i < XDP_ACTION_MAX; i++) {
		struct record *rec = &stats_rec->stats[i];
		struct record *prev = &stats_prev->stats[i];
		double period = calc_period(rec, prev);
		__u64 packets = rec->total.rx_packets - prev->total.rx_packets;
		double pps = period > 0 ? packets / period : 0;

		if (rec->total.rx_packets == 0)
			continue;
		printf("%-12s %11llu pkts (%10.0f pps) %11llu bytes  period:%f\n",
		       action_names[i], rec->total.rx_packets, pps, rec->total.rx_bytes, period);
	}
}

/* BPF_MAP_TYPE_PERCPU_ARRAY: one value per possible CPU, summed here */
static void map_get_value_percpu_array(int fd, __u32 key, struct datarec *value)
{
	unsigned int nr_cpus = libbpf_num_possible_cpus();
	struct datarec *values = calloc(nr_cpus, sizeof(*values));
	__u64 sum_bytes = 0;
	__u64 sum_pkts = 0;
	unsigned int i;

	if (!values || bpf_map_lookup_elem(fd, &key, values) != 0) {
		fprintf(stderr, "ERR: bpf_map_lookup_elem failed key:0x%X\n", key);
		free(values);
		return;
	}
	for (i = 0; i < nr_cpus; i++) {
		sum_pkts += values[i].rx_packets;
		sum_bytes += values[i].rx_bytes;
	}
	value->rx_packets = sum_pkts;
	value->rx_bytes = sum_bytes;
	free(values);
}

static void stats_collect(int map_fd, struct stats_record *stats_rec)
{
	__u32 key;

	for (key = 0; key < XDP_ACTION_MAX; key++) {
		struct record *rec = &stats_rec->stats[key];

		rec->timestamp = gettime();
		map_get_value_percpu_array(map_fd, key, &rec->total);
	}
}

static void stats_poll(int map_fd, int interval)
{
	struct stats_record prev, record = { 0 };

	/* Get initial reading quickly */
	stats_collect(map_fd, &record);
	usleep(1000000 / 4);

	while (1) {
		prev = record; /* struct copy */
		stats_collect(map_fd, &record);
		stats_print(&record, &prev);
		sleep(interval);
	}
}

int main(int argc, char **argv)
{
	const char *filename = "xdp_prog_kern.o";
	const char *progname = "xdp_stats1_func";
	const char *ifname = argc > 1 ? argv[1] : "eth0";
	struct bpf_program *prog;
	struct bpf_object *obj;
	struct bpf_link *link;
	int ifindex, map_fd;

	ifindex = if_nametoindex(ifname);
	if (!ifindex) {
		fprintf(stderr, "ERR: unknown interface %s\n", ifname);
		return EXIT_FAILURE;
	}

	obj = bpf_object__open_file(filename, NULL);
	if (!obj) {
		fprintf(stderr, "ERR: opening file %s: %s\n", filename, strerror(errno));
		return EXIT_FAILURE;
	}
	if (bpf_object__load(obj)) {
		fprintf(stderr, "ERR: loading file %s: %s\n", filename, strerror(errno));
		return EXIT_FAILURE;
	}

	map_fd = bpf_object__find_map_fd_by_name(obj, "xdp_stats_map");
	if (map_fd < 0) {
		fprintf(stderr, "ERR: cannot find map by name: %s\n", "xdp_stats_map");
		return EXIT_FAILURE;
	}

	prog = bpf_object__find_program_by_name(obj, progname);
	if (!prog) {
		fprintf(stderr, "ERR: no program %s in %s\n", progname, filename);
		return EXIT_FAILURE;
	}
	link = bpf_program__attach_xdp(prog, ifindex);
	if (!link) {
		fprintf(stderr, "ERR: attaching %s to %s: %s\n", progname, ifname, strerror(errno));
		return EXIT_FAILURE;
	}

	printf("Success: Loaded BPF-object(%s) and used section(%s)\n", filename, bpf_program__section_name(prog));
	printf(" - XDP prog attached on device:%s(ifindex:%d)\n", ifname, ifindex);
	printf("\nCollecting stats from BPF map\n");
	struct bpf_map_info info = { 0 };
	__u32 info_len = sizeof(info);
	if (bpf_obj_get_info_by_fd(map_fd, &info, &info_len)) {
		fprintf(stderr, "ERR: can't get map info: %s\n", strerror(errno));
		return EXIT_FAILURE;
	}
	printf(" - BPF map (bpf_map_type:%d) id:%d name:%s key_size:%d value_size:%d max_entries:%d\n",
	       info.type, info.id, info.name, info.key_size, info.value_size, info.max_entries);

	stats_poll(map_fd, 1);

	bpf_link__destroy(link);
	bpf_object__close(obj);
	return EXIT_SUCCESS;
}
