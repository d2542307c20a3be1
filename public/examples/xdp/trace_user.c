/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loads trace_kern.c (the xdp_prog.c tab), attaches it to eth0 and prints the number of source
 * addresses seen so far every second. The packets themselves are printed by the program: open
 * the console's trace_pipe tab. Press Stop to end.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <net/if.h>
#include <arpa/inet.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

int main(void)
{
	struct bpf_object *obj = bpf_object__open_file("trace_kern.o", NULL);
	if (!obj || bpf_object__load(obj)) {
		fprintf(stderr, "ERR: loading trace_kern.o: %s\n", strerror(errno));
		return 1;
	}
	int fd = bpf_object__find_map_fd_by_name(obj, "pkts_by_src");
	struct bpf_link *link = bpf_program__attach_xdp(bpf_object__find_program_by_name(obj, "xdp_parse_print"), if_nametoindex("eth0"));
	if (!link) {
		fprintf(stderr, "ERR: attaching to eth0: %s\n", strerror(errno));
		return 1;
	}
	printf("xdp_parse_print attached to eth0: see the trace_pipe tab\n");
	while (1) {
		sleep(1);
		__u32 key, next;
		__u64 packets, total = 0;
		int sources = 0;
		void *prev = NULL;
		while (bpf_map_get_next_key(fd, prev, &next) == 0) {
			if (bpf_map_lookup_elem(fd, &next, &packets) == 0)
				total += packets;
			sources++;
			key = next;
			prev = &key;
		}
		printf("%d sources, %llu IPv4 packets\n", sources, total);
	}
	return 0;
}
