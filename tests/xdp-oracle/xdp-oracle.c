/*
 * xdp-oracle: runs an XDP program on the real kernel over the packets of a pcap file and prints
 * what bpfplay's `xdp --dump json` prints, so the two can be compared byte for byte.
 *
 *   xdp-oracle PROG.o IN.pcap [--prog NAME] [--repeat N [--threads T]]
 *
 * The object (built with `clang -O2 -g -target bpf -c`) is opened and loaded with libbpf; every
 * program is set to BPF_PROG_TYPE_XDP, so tutorial section names such as SEC("xdp_stats1") load.
 * Each packet goes through bpf_prog_test_run_opts() once (the kernel runs it on the calling CPU:
 * run under `taskset -c 0` for per-CPU maps to be comparable). Output, one JSON object:
 *
 *   {"actions": [aborted, drop, pass, tx, redirect], "maps": {"name": [{"key": "hex",
 *    "value": "hex" | ["hex per possible cpu"]}, ...]}, "durationNs": ns/packet}
 *
 * With --repeat N every packet is also run N more times (after the counted run, so the maps
 * hold the single-run result only if N is 0): `durationNs` is then the kernel's own average
 * (test_run's `duration` field) over those runs, for the benchmark.
 *
 * With --threads T instead, T threads pinned to CPUs 0..T-1 run at the same time, thread t
 * packet t (of the pcap, in a loop) N times in one test_run call, and `packetsPerSec` is their
 * total throughput from the first thread's start to the last one's end: the kernel's own scaling
 * over several CPUs, for the benchmark. One call each, because test_run installs the program in
 * the XDP dispatcher for a call with repeat > 1 and removes it after: both are reference-counted,
 * so while the calls overlap only the first install and the last removal swap the dispatcher
 * (milliseconds: it waits for the other CPUs), where calls one after the other swap it each time.
 */
#define _GNU_SOURCE
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct packet {
	unsigned char *data;
	uint32_t len;
};

static int read_pcap(const char *path, struct packet **out, size_t *count)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "xdp-oracle: %s: %s\n", path, strerror(errno));
		return -1;
	}
	unsigned char hdr[24];
	if (fread(hdr, 1, 24, f) != 24) {
		fprintf(stderr, "xdp-oracle: %s: short pcap header\n", path);
		fclose(f);
		return -1;
	}
	uint32_t magic;
	memcpy(&magic, hdr, 4);
	int swap = magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1;
	if (!swap && magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
		fprintf(stderr, "xdp-oracle: %s: not a pcap file\n", path);
		fclose(f);
		return -1;
	}
	size_t cap = 1024, n = 0;
	struct packet *pk = malloc(cap * sizeof(*pk));
	unsigned char rec[16];
	while (fread(rec, 1, 16, f) == 16) {
		uint32_t incl;
		memcpy(&incl, rec + 8, 4);
		if (swap)
			incl = __builtin_bswap32(incl);
		if (n == cap)
			pk = realloc(pk, (cap *= 2) * sizeof(*pk));
		pk[n].data = malloc(incl ? incl : 1);
		pk[n].len = incl;
		if (fread(pk[n].data, 1, incl, f) != incl)
			break;
		n++;
	}
	fclose(f);
	*out = pk;
	*count = n;
	return 0;
}

/* One thread of --threads: `packet` run `repeat` times on CPU `cpu`. */
struct repeat_thread {
	pthread_t thread;
	int prog_fd, cpu, repeat;
	struct packet *packet;
	double start, end;
	unsigned long long runs;
};

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static void pin_to_cpu(int cpu)
{
	cpu_set_t set;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
}

static void *repeat_packets(void *arg)
{
	struct repeat_thread *t = arg;
	pin_to_cpu(t->cpu);
	static __thread unsigned char out[65536];
	LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = t->packet->data, .data_size_in = t->packet->len, .data_out = out,
		    .data_size_out = sizeof(out), .repeat = t->repeat);
	t->start = now_s();
	if (bpf_prog_test_run_opts(t->prog_fd, &opts) == 0)
		t->runs = t->repeat;
	t->end = now_s();
	return NULL;
}

/* Packets per second of `threads` threads running the repeats at once (see the top). */
static double parallel_rate(int prog_fd, struct packet *packets, size_t npk, int repeat, int threads)
{
	struct repeat_thread t[64];
	if (threads > 64)
		threads = 64;
	for (int i = 0; i < threads; i++) {
		t[i] = (struct repeat_thread){ .prog_fd = prog_fd, .cpu = i, .repeat = repeat, .packet = &packets[i % npk] };
		pthread_create(&t[i].thread, NULL, repeat_packets, &t[i]);
	}
	double start = 1e300, end = 0;
	unsigned long long runs = 0;
	for (int i = 0; i < threads; i++) {
		pthread_join(t[i].thread, NULL);
		start = t[i].start < start ? t[i].start : start;
		end = t[i].end > end ? t[i].end : end;
		runs += t[i].runs;
	}
	return end > start ? runs / (end - start) : 0;
}

static void hex(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		printf("%02x", p[i]);
}

static int is_percpu(enum bpf_map_type t)
{
	return t == BPF_MAP_TYPE_PERCPU_ARRAY || t == BPF_MAP_TYPE_PERCPU_HASH || t == BPF_MAP_TYPE_LRU_PERCPU_HASH;
}

static void dump_map(struct bpf_map *map, int first)
{
	int fd = bpf_map__fd(map);
	enum bpf_map_type type = bpf_map__type(map);
	uint32_t ks = bpf_map__key_size(map), vs = bpf_map__value_size(map);
	int ncpu = libbpf_num_possible_cpus();
	size_t vbytes = is_percpu(type) ? (size_t)ncpu * ((vs + 7) & ~7u) : vs;
	unsigned char *key = calloc(1, ks ? ks : 1), *next = calloc(1, ks ? ks : 1), *val = calloc(1, vbytes);
	printf("%s\"%s\": [", first ? "" : ", ", bpf_map__name(map));
	int n = 0;
	int err = bpf_map_get_next_key(fd, NULL, next);
	while (err == 0) {
		memcpy(key, next, ks);
		if (bpf_map_lookup_elem(fd, key, val) == 0) {
			printf("%s{\"key\": \"", n++ ? ", " : "");
			hex(key, ks);
			printf("\", \"value\": ");
			if (is_percpu(type)) {
				printf("[");
				for (int c = 0; c < ncpu; c++) {
					printf("%s\"", c ? ", " : "");
					hex(val + (size_t)c * ((vs + 7) & ~7u), vs);
					printf("\"");
				}
				printf("]");
			} else {
				printf("\"");
				hex(val, vs);
				printf("\"");
			}
			printf("}");
		}
		err = bpf_map_get_next_key(fd, key, next);
	}
	printf("]");
	free(key);
	free(next);
	free(val);
}

int main(int argc, char **argv)
{
	const char *obj_path = NULL, *pcap_path = NULL, *prog_name = NULL;
	int repeat = 0, threads = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--prog") && i + 1 < argc)
			prog_name = argv[++i];
		else if (!strcmp(argv[i], "--repeat") && i + 1 < argc)
			repeat = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--threads") && i + 1 < argc)
			threads = atoi(argv[++i]);
		else if (!obj_path)
			obj_path = argv[i];
		else
			pcap_path = argv[i];
	}
	if (!obj_path || !pcap_path) {
		fprintf(stderr, "usage: xdp-oracle PROG.o IN.pcap [--prog NAME] [--repeat N [--threads T]]\n");
		return 2;
	}
	struct packet *packets;
	size_t npk;
	if (read_pcap(pcap_path, &packets, &npk))
		return 1;

	struct bpf_object *obj = bpf_object__open_file(obj_path, NULL);
	if (!obj) {
		fprintf(stderr, "xdp-oracle: cannot open %s: %s\n", obj_path, strerror(errno));
		return 1;
	}
	struct bpf_program *prog, *chosen = NULL;
	bpf_object__for_each_program(prog, obj) {
		bpf_program__set_type(prog, BPF_PROG_TYPE_XDP);
		if (!chosen && (!prog_name || !strcmp(bpf_program__name(prog), prog_name)))
			chosen = prog;
	}
	if (!chosen) {
		fprintf(stderr, "xdp-oracle: no program%s%s in %s\n", prog_name ? " " : "", prog_name ? prog_name : "", obj_path);
		return 1;
	}
	int err = bpf_object__load(obj);
	if (err) {
		fprintf(stderr, "xdp-oracle: load failed: %s\n", strerror(-err));
		return 1;
	}
	int prog_fd = bpf_program__fd(chosen);

	/* taskset gave the process CPUs 0..T-1 for the threads: the counted run stays on CPU 0 */
	if (threads > 0)
		pin_to_cpu(0);
	unsigned long actions[5] = { 0 };
	unsigned long long total_ns = 0, runs = 0;
	static unsigned char out[65536];
	for (size_t i = 0; i < npk; i++) {
		LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = packets[i].data, .data_size_in = packets[i].len,
			    .data_out = out, .data_size_out = sizeof(out), .repeat = 1);
		err = bpf_prog_test_run_opts(prog_fd, &opts);
		if (err) {
			fprintf(stderr, "xdp-oracle: test_run failed on packet %zu: %s\n", i, strerror(-err));
			return 1;
		}
		if (opts.retval < 5)
			actions[opts.retval]++;
	}
	double rate = threads > 0 && repeat > 0 && npk > 0 ? parallel_rate(prog_fd, packets, npk, repeat, threads) : 0;
	for (size_t i = 0; repeat > 0 && threads == 0 && i < npk; i++) {
		LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = packets[i].data, .data_size_in = packets[i].len,
			    .data_out = out, .data_size_out = sizeof(out), .repeat = repeat);
		if (bpf_prog_test_run_opts(prog_fd, &opts) == 0) {
			total_ns += (unsigned long long)opts.duration * repeat;
			runs += repeat;
		}
	}

	printf("{\"actions\": [%lu, %lu, %lu, %lu, %lu], \"maps\": {", actions[0], actions[1], actions[2], actions[3], actions[4]);
	struct bpf_map *map;
	int first = 1;
	bpf_object__for_each_map(map, obj) {
		if (bpf_map__is_internal(map))
			continue;
		dump_map(map, first);
		first = 0;
	}
	printf("}, \"durationNs\": %.1f", runs ? (double)total_ns / runs : 0.0);
	if (threads > 0)
		printf(", \"packetsPerSec\": %.0f", rate);
	printf("}\n");
	bpf_object__close(obj);
	return 0;
}
