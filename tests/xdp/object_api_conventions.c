/*
 * Return values and errno of the libbpf 1.x object API, success and error paths, printed
 * without fd numbers or pointers so that the output of real libbpf on Linux and of bpfplay
 * can be compared line by line (src/runtime/libbpf-object.test.ts). errno is shown for failures
 * only: after a success it is unspecified (libbpf leaves ENOENT from its probes there).
 *
 * usage: object_api_conventions GOOD.o REFUSED.o IFINDEX
 *   GOOD.o has the map xdp_stats_map and the XDP program xdp_stats1_func; the verifier refuses
 *   REFUSED.o's program; IFINDEX is an interface the program may be attached to for a moment.
 */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#define SHOW_INT(what, call) do { errno = 0; long r_ = (long)(call); int e_ = errno; \
	printf("%-34s %4ld  errno %s\n", what, r_ < 0 ? r_ : (r_ > 2 ? 3L : r_), r_ < 0 && e_ ? strerror(e_) : "-"); } while (0)
#define SHOW_PTR(what, call) SHOW_SAVE(what, any_, call)
#define SHOW_SAVE(what, var, call) do { errno = 0; var = (call); int e_ = errno; \
	printf("%-34s %4s  errno %s\n", what, (var) ? "ptr" : "NULL", !(var) && e_ ? strerror(e_) : "-"); } while (0)

static void *any_;

int main(int argc, char **argv)
{
	const char *good = argv[1], *refused = argv[2];
	int ifindex = atoi(argv[3]);
	struct bpf_object *obj;
	struct bpf_program *prog;
	struct bpf_map *map;
	struct bpf_link *link, *busy;

	if (argc != 4)
		return 2;
	fflush(stdout);
	SHOW_PTR("open_file(missing.o)", bpf_object__open_file("missing.o", NULL));
	SHOW_PTR("open_file(NULL)", bpf_object__open_file(NULL, NULL));
	SHOW_INT("load(NULL)", bpf_object__load(NULL));
	SHOW_INT("map__fd(NULL)", bpf_map__fd(NULL));
	SHOW_INT("program__fd(NULL)", bpf_program__fd(NULL));
	SHOW_INT("link__destroy(NULL)", bpf_link__destroy(NULL));
	bpf_object__close(NULL);

	SHOW_SAVE("open_file(good)", obj, bpf_object__open_file(good, NULL));
	printf("object name %s\n", bpf_object__name(obj));
	SHOW_SAVE("find_map_by_name", map, bpf_object__find_map_by_name(obj, "xdp_stats_map"));
	SHOW_INT("map__fd before load", bpf_map__fd(map));
	SHOW_INT("find_map_fd_by_name before load", bpf_object__find_map_fd_by_name(obj, "xdp_stats_map"));
	SHOW_INT("find_map_fd_by_name(missing)", bpf_object__find_map_fd_by_name(obj, "missing"));
	SHOW_PTR("find_map_by_name(missing)", bpf_object__find_map_by_name(obj, "missing"));
	SHOW_SAVE("find_program_by_name", prog, bpf_object__find_program_by_name(obj, "xdp_stats1_func"));
	SHOW_PTR("find_program_by_name(missing)", bpf_object__find_program_by_name(obj, "missing"));
	SHOW_INT("program__fd before load", bpf_program__fd(prog));
	printf("program %s in SEC(\"%s\"), map %s type %d key %u value %u max %u\n", bpf_program__name(prog),
	       bpf_program__section_name(prog), bpf_map__name(map), bpf_map__type(map), bpf_map__key_size(map),
	       bpf_map__value_size(map), bpf_map__max_entries(map));
	fflush(stdout);
	SHOW_PTR("attach_xdp before load", bpf_program__attach_xdp(prog, ifindex));
	SHOW_INT("load", bpf_object__load(obj));
	fflush(stdout);
	SHOW_INT("load again", bpf_object__load(obj));
	SHOW_INT("map__fd", bpf_map__fd(map));
	SHOW_INT("find_map_fd_by_name", bpf_object__find_map_fd_by_name(obj, "xdp_stats_map"));
	SHOW_INT("program__fd", bpf_program__fd(prog));
	SHOW_PTR("next_map(NULL)", bpf_object__next_map(obj, NULL));
	SHOW_PTR("next_map(last)", bpf_object__next_map(obj, map));
	SHOW_PTR("next_program(NULL)", bpf_object__next_program(obj, NULL));
	SHOW_PTR("next_program(last)", bpf_object__next_program(obj, prog));
	fflush(stdout);
	SHOW_PTR("attach_xdp(ifindex 0)", bpf_program__attach_xdp(prog, 0));
	fflush(stdout);
	SHOW_PTR("attach_xdp(ifindex 9999)", bpf_program__attach_xdp(prog, 9999));
	SHOW_SAVE("attach_xdp", link, bpf_program__attach_xdp(prog, ifindex));
	SHOW_INT("link__fd", bpf_link__fd(link));
	fflush(stdout);
	SHOW_SAVE("attach_xdp again", busy, bpf_program__attach_xdp(prog, ifindex));
	SHOW_INT("link__destroy", bpf_link__destroy(link));
	SHOW_SAVE("attach_xdp after destroy", link, bpf_program__attach_xdp(prog, ifindex));
	SHOW_INT("link__detach", bpf_link__detach(link));
	SHOW_INT("link__destroy after detach", bpf_link__destroy(link));
	bpf_object__close(obj);

	SHOW_SAVE("open_file(refused)", obj, bpf_object__open_file(refused, NULL));
	fflush(stdout);
	SHOW_INT("load(refused)", bpf_object__load(obj));
	prog = bpf_object__next_program(obj, NULL);
	SHOW_INT("program__fd after failed load", bpf_program__fd(prog));
	SHOW_INT("map__fd after failed load", bpf_map__fd(bpf_object__next_map(obj, NULL)));
	fflush(stdout);
	SHOW_INT("load(refused) again", bpf_object__load(obj));
	bpf_object__close(obj);
	return 0;
}
