/**
 * libbpf 1.1.2 headers as Debian 12 ships them (libbpf-dev), comments removed.
 * Generated from /usr/include/bpf with `gcc -fpreprocessed -dD -E -P`; the edits: C++ guards and zero-width
 * `size_t :0;` padding fields dropped (no effect on layout), bpf_tail_call_static (inline asm) left out, and
 * bpf_helper_defs.h declares the helpers as ordinary prototypes instead of function-pointer constants.
 * Additions, marked "bpfplay:" in the text: bpf_helpers.h keeps the legacy struct bpf_map_def (libbpf < 1.0),
 * bpf.h declares bpf_obj_pin_opts and the bpf_*_get_info_by_fd functions of libbpf 1.2.
 * bpf/bpf_tracing.h is hand-written (minimal) in libbpf-extra.ts.
 */

export const libbpfHeaders: Record<string, string> = {
  'bpf/libbpf.h': String.raw`/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
#ifndef __LIBBPF_LIBBPF_H
#define __LIBBPF_LIBBPF_H
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdbool.h>
#include <sys/types.h>
#include <linux/bpf.h>
#include "libbpf_common.h"
#include "libbpf_legacy.h"
LIBBPF_API __u32 libbpf_major_version(void);
LIBBPF_API __u32 libbpf_minor_version(void);
LIBBPF_API const char *libbpf_version_string(void);
enum libbpf_errno {
 __LIBBPF_ERRNO__START = 4000,
 LIBBPF_ERRNO__LIBELF = __LIBBPF_ERRNO__START,
 LIBBPF_ERRNO__FORMAT,
 LIBBPF_ERRNO__KVERSION,
 LIBBPF_ERRNO__ENDIAN,
 LIBBPF_ERRNO__INTERNAL,
 LIBBPF_ERRNO__RELOC,
 LIBBPF_ERRNO__LOAD,
 LIBBPF_ERRNO__VERIFY,
 LIBBPF_ERRNO__PROG2BIG,
 LIBBPF_ERRNO__KVER,
 LIBBPF_ERRNO__PROGTYPE,
 LIBBPF_ERRNO__WRNGPID,
 LIBBPF_ERRNO__INVSEQ,
 LIBBPF_ERRNO__NLPARSE,
 __LIBBPF_ERRNO__END,
};
LIBBPF_API int libbpf_strerror(int err, char *buf, size_t size);
LIBBPF_API const char *libbpf_bpf_attach_type_str(enum bpf_attach_type t);
LIBBPF_API const char *libbpf_bpf_link_type_str(enum bpf_link_type t);
LIBBPF_API const char *libbpf_bpf_map_type_str(enum bpf_map_type t);
LIBBPF_API const char *libbpf_bpf_prog_type_str(enum bpf_prog_type t);
enum libbpf_print_level {
        LIBBPF_WARN,
        LIBBPF_INFO,
        LIBBPF_DEBUG,
};
typedef int (*libbpf_print_fn_t)(enum libbpf_print_level level,
     const char *, va_list ap);
LIBBPF_API libbpf_print_fn_t libbpf_set_print(libbpf_print_fn_t fn);
struct bpf_object;
struct bpf_object_open_opts {
 size_t sz;
 const char *object_name;
 bool relaxed_maps;
 const char *pin_root_path;
 __u32 :32;
 const char *kconfig;
 const char *btf_custom_path;
 char *kernel_log_buf;
 size_t kernel_log_size;
 __u32 kernel_log_level;
};
#define bpf_object_open_opts__last_field kernel_log_level
LIBBPF_API struct bpf_object *bpf_object__open(const char *path);
LIBBPF_API struct bpf_object *
bpf_object__open_file(const char *path, const struct bpf_object_open_opts *opts);
LIBBPF_API struct bpf_object *
bpf_object__open_mem(const void *obj_buf, size_t obj_buf_sz,
       const struct bpf_object_open_opts *opts);
LIBBPF_API int bpf_object__load(struct bpf_object *obj);
LIBBPF_API void bpf_object__close(struct bpf_object *object);
LIBBPF_API int bpf_object__pin_maps(struct bpf_object *obj, const char *path);
LIBBPF_API int bpf_object__unpin_maps(struct bpf_object *obj,
          const char *path);
LIBBPF_API int bpf_object__pin_programs(struct bpf_object *obj,
     const char *path);
LIBBPF_API int bpf_object__unpin_programs(struct bpf_object *obj,
       const char *path);
LIBBPF_API int bpf_object__pin(struct bpf_object *object, const char *path);
LIBBPF_API const char *bpf_object__name(const struct bpf_object *obj);
LIBBPF_API unsigned int bpf_object__kversion(const struct bpf_object *obj);
LIBBPF_API int bpf_object__set_kversion(struct bpf_object *obj, __u32 kern_version);
struct btf;
LIBBPF_API struct btf *bpf_object__btf(const struct bpf_object *obj);
LIBBPF_API int bpf_object__btf_fd(const struct bpf_object *obj);
LIBBPF_API struct bpf_program *
bpf_object__find_program_by_name(const struct bpf_object *obj,
     const char *name);
LIBBPF_API int
libbpf_prog_type_by_name(const char *name, enum bpf_prog_type *prog_type,
    enum bpf_attach_type *expected_attach_type);
LIBBPF_API int libbpf_attach_type_by_name(const char *name,
       enum bpf_attach_type *attach_type);
LIBBPF_API int libbpf_find_vmlinux_btf_id(const char *name,
       enum bpf_attach_type attach_type);
struct bpf_program;
LIBBPF_API struct bpf_program *
bpf_object__next_program(const struct bpf_object *obj, struct bpf_program *prog);
#define bpf_object__for_each_program(pos,obj) \
 for ((pos) = bpf_object__next_program((obj), NULL); \
      (pos) != NULL; \
      (pos) = bpf_object__next_program((obj), (pos)))
LIBBPF_API struct bpf_program *
bpf_object__prev_program(const struct bpf_object *obj, struct bpf_program *prog);
LIBBPF_API void bpf_program__set_ifindex(struct bpf_program *prog,
      __u32 ifindex);
LIBBPF_API const char *bpf_program__name(const struct bpf_program *prog);
LIBBPF_API const char *bpf_program__section_name(const struct bpf_program *prog);
LIBBPF_API bool bpf_program__autoload(const struct bpf_program *prog);
LIBBPF_API int bpf_program__set_autoload(struct bpf_program *prog, bool autoload);
LIBBPF_API bool bpf_program__autoattach(const struct bpf_program *prog);
LIBBPF_API void bpf_program__set_autoattach(struct bpf_program *prog, bool autoattach);
struct bpf_insn;
LIBBPF_API const struct bpf_insn *bpf_program__insns(const struct bpf_program *prog);
LIBBPF_API int bpf_program__set_insns(struct bpf_program *prog,
          struct bpf_insn *new_insns, size_t new_insn_cnt);
LIBBPF_API size_t bpf_program__insn_cnt(const struct bpf_program *prog);
LIBBPF_API int bpf_program__fd(const struct bpf_program *prog);
LIBBPF_API int bpf_program__pin(struct bpf_program *prog, const char *path);
LIBBPF_API int bpf_program__unpin(struct bpf_program *prog, const char *path);
LIBBPF_API void bpf_program__unload(struct bpf_program *prog);
struct bpf_link;
LIBBPF_API struct bpf_link *bpf_link__open(const char *path);
LIBBPF_API int bpf_link__fd(const struct bpf_link *link);
LIBBPF_API const char *bpf_link__pin_path(const struct bpf_link *link);
LIBBPF_API int bpf_link__pin(struct bpf_link *link, const char *path);
LIBBPF_API int bpf_link__unpin(struct bpf_link *link);
LIBBPF_API int bpf_link__update_program(struct bpf_link *link,
     struct bpf_program *prog);
LIBBPF_API void bpf_link__disconnect(struct bpf_link *link);
LIBBPF_API int bpf_link__detach(struct bpf_link *link);
LIBBPF_API int bpf_link__destroy(struct bpf_link *link);
LIBBPF_API struct bpf_link *
bpf_program__attach(const struct bpf_program *prog);
struct bpf_perf_event_opts {
 size_t sz;
 __u64 bpf_cookie;
};
#define bpf_perf_event_opts__last_field bpf_cookie
LIBBPF_API struct bpf_link *
bpf_program__attach_perf_event(const struct bpf_program *prog, int pfd);
LIBBPF_API struct bpf_link *
bpf_program__attach_perf_event_opts(const struct bpf_program *prog, int pfd,
        const struct bpf_perf_event_opts *opts);
struct bpf_kprobe_opts {
 size_t sz;
 __u64 bpf_cookie;
 size_t offset;
 bool retprobe;
};
#define bpf_kprobe_opts__last_field retprobe
LIBBPF_API struct bpf_link *
bpf_program__attach_kprobe(const struct bpf_program *prog, bool retprobe,
      const char *func_name);
LIBBPF_API struct bpf_link *
bpf_program__attach_kprobe_opts(const struct bpf_program *prog,
                                const char *func_name,
                                const struct bpf_kprobe_opts *opts);
struct bpf_kprobe_multi_opts {
 size_t sz;
 const char **syms;
 const unsigned long *addrs;
 const __u64 *cookies;
 size_t cnt;
 bool retprobe;
};
#define bpf_kprobe_multi_opts__last_field retprobe
LIBBPF_API struct bpf_link *
bpf_program__attach_kprobe_multi_opts(const struct bpf_program *prog,
          const char *pattern,
          const struct bpf_kprobe_multi_opts *opts);
struct bpf_ksyscall_opts {
 size_t sz;
 __u64 bpf_cookie;
 bool retprobe;
};
#define bpf_ksyscall_opts__last_field retprobe
LIBBPF_API struct bpf_link *
bpf_program__attach_ksyscall(const struct bpf_program *prog,
        const char *syscall_name,
        const struct bpf_ksyscall_opts *opts);
struct bpf_uprobe_opts {
 size_t sz;
 size_t ref_ctr_offset;
 __u64 bpf_cookie;
 bool retprobe;
 const char *func_name;
};
#define bpf_uprobe_opts__last_field func_name
LIBBPF_API struct bpf_link *
bpf_program__attach_uprobe(const struct bpf_program *prog, bool retprobe,
      pid_t pid, const char *binary_path,
      size_t func_offset);
LIBBPF_API struct bpf_link *
bpf_program__attach_uprobe_opts(const struct bpf_program *prog, pid_t pid,
    const char *binary_path, size_t func_offset,
    const struct bpf_uprobe_opts *opts);
struct bpf_usdt_opts {
 size_t sz;
 __u64 usdt_cookie;
};
#define bpf_usdt_opts__last_field usdt_cookie
LIBBPF_API struct bpf_link *
bpf_program__attach_usdt(const struct bpf_program *prog,
    pid_t pid, const char *binary_path,
    const char *usdt_provider, const char *usdt_name,
    const struct bpf_usdt_opts *opts);
struct bpf_tracepoint_opts {
 size_t sz;
 __u64 bpf_cookie;
};
#define bpf_tracepoint_opts__last_field bpf_cookie
LIBBPF_API struct bpf_link *
bpf_program__attach_tracepoint(const struct bpf_program *prog,
          const char *tp_category,
          const char *tp_name);
LIBBPF_API struct bpf_link *
bpf_program__attach_tracepoint_opts(const struct bpf_program *prog,
        const char *tp_category,
        const char *tp_name,
        const struct bpf_tracepoint_opts *opts);
LIBBPF_API struct bpf_link *
bpf_program__attach_raw_tracepoint(const struct bpf_program *prog,
       const char *tp_name);
struct bpf_trace_opts {
 size_t sz;
 __u64 cookie;
};
#define bpf_trace_opts__last_field cookie
LIBBPF_API struct bpf_link *
bpf_program__attach_trace(const struct bpf_program *prog);
LIBBPF_API struct bpf_link *
bpf_program__attach_trace_opts(const struct bpf_program *prog, const struct bpf_trace_opts *opts);
LIBBPF_API struct bpf_link *
bpf_program__attach_lsm(const struct bpf_program *prog);
LIBBPF_API struct bpf_link *
bpf_program__attach_cgroup(const struct bpf_program *prog, int cgroup_fd);
LIBBPF_API struct bpf_link *
bpf_program__attach_netns(const struct bpf_program *prog, int netns_fd);
LIBBPF_API struct bpf_link *
bpf_program__attach_xdp(const struct bpf_program *prog, int ifindex);
LIBBPF_API struct bpf_link *
bpf_program__attach_freplace(const struct bpf_program *prog,
        int target_fd, const char *attach_func_name);
struct bpf_map;
LIBBPF_API struct bpf_link *bpf_map__attach_struct_ops(const struct bpf_map *map);
struct bpf_iter_attach_opts {
 size_t sz;
 union bpf_iter_link_info *link_info;
 __u32 link_info_len;
};
#define bpf_iter_attach_opts__last_field link_info_len
LIBBPF_API struct bpf_link *
bpf_program__attach_iter(const struct bpf_program *prog,
    const struct bpf_iter_attach_opts *opts);
LIBBPF_API enum bpf_prog_type bpf_program__type(const struct bpf_program *prog);
LIBBPF_API int bpf_program__set_type(struct bpf_program *prog,
         enum bpf_prog_type type);
LIBBPF_API enum bpf_attach_type
bpf_program__expected_attach_type(const struct bpf_program *prog);
LIBBPF_API int
bpf_program__set_expected_attach_type(struct bpf_program *prog,
          enum bpf_attach_type type);
LIBBPF_API __u32 bpf_program__flags(const struct bpf_program *prog);
LIBBPF_API int bpf_program__set_flags(struct bpf_program *prog, __u32 flags);
LIBBPF_API __u32 bpf_program__log_level(const struct bpf_program *prog);
LIBBPF_API int bpf_program__set_log_level(struct bpf_program *prog, __u32 log_level);
LIBBPF_API const char *bpf_program__log_buf(const struct bpf_program *prog, size_t *log_size);
LIBBPF_API int bpf_program__set_log_buf(struct bpf_program *prog, char *log_buf, size_t log_size);
LIBBPF_API int
bpf_program__set_attach_target(struct bpf_program *prog, int attach_prog_fd,
          const char *attach_func_name);
LIBBPF_API struct bpf_map *
bpf_object__find_map_by_name(const struct bpf_object *obj, const char *name);
LIBBPF_API int
bpf_object__find_map_fd_by_name(const struct bpf_object *obj, const char *name);
LIBBPF_API struct bpf_map *
bpf_object__next_map(const struct bpf_object *obj, const struct bpf_map *map);
#define bpf_object__for_each_map(pos,obj) \
 for ((pos) = bpf_object__next_map((obj), NULL); \
      (pos) != NULL; \
      (pos) = bpf_object__next_map((obj), (pos)))
#define bpf_map__for_each bpf_object__for_each_map
LIBBPF_API struct bpf_map *
bpf_object__prev_map(const struct bpf_object *obj, const struct bpf_map *map);
LIBBPF_API int bpf_map__set_autocreate(struct bpf_map *map, bool autocreate);
LIBBPF_API bool bpf_map__autocreate(const struct bpf_map *map);
LIBBPF_API int bpf_map__fd(const struct bpf_map *map);
LIBBPF_API int bpf_map__reuse_fd(struct bpf_map *map, int fd);
LIBBPF_API const char *bpf_map__name(const struct bpf_map *map);
LIBBPF_API enum bpf_map_type bpf_map__type(const struct bpf_map *map);
LIBBPF_API int bpf_map__set_type(struct bpf_map *map, enum bpf_map_type type);
LIBBPF_API __u32 bpf_map__max_entries(const struct bpf_map *map);
LIBBPF_API int bpf_map__set_max_entries(struct bpf_map *map, __u32 max_entries);
LIBBPF_API __u32 bpf_map__map_flags(const struct bpf_map *map);
LIBBPF_API int bpf_map__set_map_flags(struct bpf_map *map, __u32 flags);
LIBBPF_API __u32 bpf_map__numa_node(const struct bpf_map *map);
LIBBPF_API int bpf_map__set_numa_node(struct bpf_map *map, __u32 numa_node);
LIBBPF_API __u32 bpf_map__key_size(const struct bpf_map *map);
LIBBPF_API int bpf_map__set_key_size(struct bpf_map *map, __u32 size);
LIBBPF_API __u32 bpf_map__value_size(const struct bpf_map *map);
LIBBPF_API int bpf_map__set_value_size(struct bpf_map *map, __u32 size);
LIBBPF_API __u32 bpf_map__btf_key_type_id(const struct bpf_map *map);
LIBBPF_API __u32 bpf_map__btf_value_type_id(const struct bpf_map *map);
LIBBPF_API __u32 bpf_map__ifindex(const struct bpf_map *map);
LIBBPF_API int bpf_map__set_ifindex(struct bpf_map *map, __u32 ifindex);
LIBBPF_API __u64 bpf_map__map_extra(const struct bpf_map *map);
LIBBPF_API int bpf_map__set_map_extra(struct bpf_map *map, __u64 map_extra);
LIBBPF_API int bpf_map__set_initial_value(struct bpf_map *map,
       const void *data, size_t size);
LIBBPF_API const void *bpf_map__initial_value(struct bpf_map *map, size_t *psize);
LIBBPF_API bool bpf_map__is_internal(const struct bpf_map *map);
LIBBPF_API int bpf_map__set_pin_path(struct bpf_map *map, const char *path);
LIBBPF_API const char *bpf_map__pin_path(const struct bpf_map *map);
LIBBPF_API bool bpf_map__is_pinned(const struct bpf_map *map);
LIBBPF_API int bpf_map__pin(struct bpf_map *map, const char *path);
LIBBPF_API int bpf_map__unpin(struct bpf_map *map, const char *path);
LIBBPF_API int bpf_map__set_inner_map_fd(struct bpf_map *map, int fd);
LIBBPF_API struct bpf_map *bpf_map__inner_map(struct bpf_map *map);
LIBBPF_API int bpf_map__lookup_elem(const struct bpf_map *map,
        const void *key, size_t key_sz,
        void *value, size_t value_sz, __u64 flags);
LIBBPF_API int bpf_map__update_elem(const struct bpf_map *map,
        const void *key, size_t key_sz,
        const void *value, size_t value_sz, __u64 flags);
LIBBPF_API int bpf_map__delete_elem(const struct bpf_map *map,
        const void *key, size_t key_sz, __u64 flags);
LIBBPF_API int bpf_map__lookup_and_delete_elem(const struct bpf_map *map,
            const void *key, size_t key_sz,
            void *value, size_t value_sz, __u64 flags);
LIBBPF_API int bpf_map__get_next_key(const struct bpf_map *map,
         const void *cur_key, void *next_key, size_t key_sz);
struct bpf_xdp_set_link_opts {
 size_t sz;
 int old_fd;
};
#define bpf_xdp_set_link_opts__last_field old_fd
struct bpf_xdp_attach_opts {
 size_t sz;
 int old_prog_fd;
};
#define bpf_xdp_attach_opts__last_field old_prog_fd
struct bpf_xdp_query_opts {
 size_t sz;
 __u32 prog_id;
 __u32 drv_prog_id;
 __u32 hw_prog_id;
 __u32 skb_prog_id;
 __u8 attach_mode;
};
#define bpf_xdp_query_opts__last_field attach_mode
LIBBPF_API int bpf_xdp_attach(int ifindex, int prog_fd, __u32 flags,
         const struct bpf_xdp_attach_opts *opts);
LIBBPF_API int bpf_xdp_detach(int ifindex, __u32 flags,
         const struct bpf_xdp_attach_opts *opts);
LIBBPF_API int bpf_xdp_query(int ifindex, int flags, struct bpf_xdp_query_opts *opts);
LIBBPF_API int bpf_xdp_query_id(int ifindex, int flags, __u32 *prog_id);
enum bpf_tc_attach_point {
 BPF_TC_INGRESS = 1 << 0,
 BPF_TC_EGRESS = 1 << 1,
 BPF_TC_CUSTOM = 1 << 2,
};
#define BPF_TC_PARENT(a,b) \
 ((((a) << 16) & 0xFFFF0000U) | ((b) & 0x0000FFFFU))
enum bpf_tc_flags {
 BPF_TC_F_REPLACE = 1 << 0,
};
struct bpf_tc_hook {
 size_t sz;
 int ifindex;
 enum bpf_tc_attach_point attach_point;
 __u32 parent;
};
#define bpf_tc_hook__last_field parent
struct bpf_tc_opts {
 size_t sz;
 int prog_fd;
 __u32 flags;
 __u32 prog_id;
 __u32 handle;
 __u32 priority;
};
#define bpf_tc_opts__last_field priority
LIBBPF_API int bpf_tc_hook_create(struct bpf_tc_hook *hook);
LIBBPF_API int bpf_tc_hook_destroy(struct bpf_tc_hook *hook);
LIBBPF_API int bpf_tc_attach(const struct bpf_tc_hook *hook,
        struct bpf_tc_opts *opts);
LIBBPF_API int bpf_tc_detach(const struct bpf_tc_hook *hook,
        const struct bpf_tc_opts *opts);
LIBBPF_API int bpf_tc_query(const struct bpf_tc_hook *hook,
       struct bpf_tc_opts *opts);
struct ring_buffer;
struct user_ring_buffer;
typedef int (*ring_buffer_sample_fn)(void *ctx, void *data, size_t size);
struct ring_buffer_opts {
 size_t sz;
};
#define ring_buffer_opts__last_field sz
LIBBPF_API struct ring_buffer *
ring_buffer__new(int map_fd, ring_buffer_sample_fn sample_cb, void *ctx,
   const struct ring_buffer_opts *opts);
LIBBPF_API void ring_buffer__free(struct ring_buffer *rb);
LIBBPF_API int ring_buffer__add(struct ring_buffer *rb, int map_fd,
    ring_buffer_sample_fn sample_cb, void *ctx);
LIBBPF_API int ring_buffer__poll(struct ring_buffer *rb, int timeout_ms);
LIBBPF_API int ring_buffer__consume(struct ring_buffer *rb);
LIBBPF_API int ring_buffer__epoll_fd(const struct ring_buffer *rb);
struct user_ring_buffer_opts {
 size_t sz;
};
#define user_ring_buffer_opts__last_field sz
LIBBPF_API struct user_ring_buffer *
user_ring_buffer__new(int map_fd, const struct user_ring_buffer_opts *opts);
LIBBPF_API void *user_ring_buffer__reserve(struct user_ring_buffer *rb, __u32 size);
LIBBPF_API void *user_ring_buffer__reserve_blocking(struct user_ring_buffer *rb,
          __u32 size,
          int timeout_ms);
LIBBPF_API void user_ring_buffer__submit(struct user_ring_buffer *rb, void *sample);
LIBBPF_API void user_ring_buffer__discard(struct user_ring_buffer *rb, void *sample);
LIBBPF_API void user_ring_buffer__free(struct user_ring_buffer *rb);
struct perf_buffer;
typedef void (*perf_buffer_sample_fn)(void *ctx, int cpu,
          void *data, __u32 size);
typedef void (*perf_buffer_lost_fn)(void *ctx, int cpu, __u64 cnt);
struct perf_buffer_opts {
 size_t sz;
};
#define perf_buffer_opts__last_field sz
LIBBPF_API struct perf_buffer *
perf_buffer__new(int map_fd, size_t page_cnt,
   perf_buffer_sample_fn sample_cb, perf_buffer_lost_fn lost_cb, void *ctx,
   const struct perf_buffer_opts *opts);
enum bpf_perf_event_ret {
 LIBBPF_PERF_EVENT_DONE = 0,
 LIBBPF_PERF_EVENT_ERROR = -1,
 LIBBPF_PERF_EVENT_CONT = -2,
};
struct perf_event_header;
typedef enum bpf_perf_event_ret
(*perf_buffer_event_fn)(void *ctx, int cpu, struct perf_event_header *event);
struct perf_buffer_raw_opts {
 size_t sz;
 int cpu_cnt;
 int *cpus;
 int *map_keys;
};
#define perf_buffer_raw_opts__last_field map_keys
struct perf_event_attr;
LIBBPF_API struct perf_buffer *
perf_buffer__new_raw(int map_fd, size_t page_cnt, struct perf_event_attr *attr,
       perf_buffer_event_fn event_cb, void *ctx,
       const struct perf_buffer_raw_opts *opts);
LIBBPF_API void perf_buffer__free(struct perf_buffer *pb);
LIBBPF_API int perf_buffer__epoll_fd(const struct perf_buffer *pb);
LIBBPF_API int perf_buffer__poll(struct perf_buffer *pb, int timeout_ms);
LIBBPF_API int perf_buffer__consume(struct perf_buffer *pb);
LIBBPF_API int perf_buffer__consume_buffer(struct perf_buffer *pb, size_t buf_idx);
LIBBPF_API size_t perf_buffer__buffer_cnt(const struct perf_buffer *pb);
LIBBPF_API int perf_buffer__buffer_fd(const struct perf_buffer *pb, size_t buf_idx);
LIBBPF_API int perf_buffer__buffer(struct perf_buffer *pb, int buf_idx, void **buf,
       size_t *buf_size);
struct bpf_prog_linfo;
struct bpf_prog_info;
LIBBPF_API void bpf_prog_linfo__free(struct bpf_prog_linfo *prog_linfo);
LIBBPF_API struct bpf_prog_linfo *
bpf_prog_linfo__new(const struct bpf_prog_info *info);
LIBBPF_API const struct bpf_line_info *
bpf_prog_linfo__lfind_addr_func(const struct bpf_prog_linfo *prog_linfo,
    __u64 addr, __u32 func_idx, __u32 nr_skip);
LIBBPF_API const struct bpf_line_info *
bpf_prog_linfo__lfind(const struct bpf_prog_linfo *prog_linfo,
        __u32 insn_off, __u32 nr_skip);
LIBBPF_API int libbpf_probe_bpf_prog_type(enum bpf_prog_type prog_type, const void *opts);
LIBBPF_API int libbpf_probe_bpf_map_type(enum bpf_map_type map_type, const void *opts);
LIBBPF_API int libbpf_probe_bpf_helper(enum bpf_prog_type prog_type,
           enum bpf_func_id helper_id, const void *opts);
LIBBPF_API int libbpf_num_possible_cpus(void);
struct bpf_map_skeleton {
 const char *name;
 struct bpf_map **map;
 void **mmaped;
};
struct bpf_prog_skeleton {
 const char *name;
 struct bpf_program **prog;
 struct bpf_link **link;
};
struct bpf_object_skeleton {
 size_t sz;
 const char *name;
 const void *data;
 size_t data_sz;
 struct bpf_object **obj;
 int map_cnt;
 int map_skel_sz;
 struct bpf_map_skeleton *maps;
 int prog_cnt;
 int prog_skel_sz;
 struct bpf_prog_skeleton *progs;
};
LIBBPF_API int
bpf_object__open_skeleton(struct bpf_object_skeleton *s,
     const struct bpf_object_open_opts *opts);
LIBBPF_API int bpf_object__load_skeleton(struct bpf_object_skeleton *s);
LIBBPF_API int bpf_object__attach_skeleton(struct bpf_object_skeleton *s);
LIBBPF_API void bpf_object__detach_skeleton(struct bpf_object_skeleton *s);
LIBBPF_API void bpf_object__destroy_skeleton(struct bpf_object_skeleton *s);
struct bpf_var_skeleton {
 const char *name;
 struct bpf_map **map;
 void **addr;
};
struct bpf_object_subskeleton {
 size_t sz;
 const struct bpf_object *obj;
 int map_cnt;
 int map_skel_sz;
 struct bpf_map_skeleton *maps;
 int prog_cnt;
 int prog_skel_sz;
 struct bpf_prog_skeleton *progs;
 int var_cnt;
 int var_skel_sz;
 struct bpf_var_skeleton *vars;
};
LIBBPF_API int
bpf_object__open_subskeleton(struct bpf_object_subskeleton *s);
LIBBPF_API void
bpf_object__destroy_subskeleton(struct bpf_object_subskeleton *s);
struct gen_loader_opts {
 size_t sz;
 const char *data;
 const char *insns;
 __u32 data_sz;
 __u32 insns_sz;
};
#define gen_loader_opts__last_field insns_sz
LIBBPF_API int bpf_object__gen_loader(struct bpf_object *obj,
          struct gen_loader_opts *opts);
enum libbpf_tristate {
 TRI_NO = 0,
 TRI_YES = 1,
 TRI_MODULE = 2,
};
struct bpf_linker_opts {
 size_t sz;
};
#define bpf_linker_opts__last_field sz
struct bpf_linker_file_opts {
 size_t sz;
};
#define bpf_linker_file_opts__last_field sz
struct bpf_linker;
LIBBPF_API struct bpf_linker *bpf_linker__new(const char *filename, struct bpf_linker_opts *opts);
LIBBPF_API int bpf_linker__add_file(struct bpf_linker *linker,
        const char *filename,
        const struct bpf_linker_file_opts *opts);
LIBBPF_API int bpf_linker__finalize(struct bpf_linker *linker);
LIBBPF_API void bpf_linker__free(struct bpf_linker *linker);
struct bpf_prog_load_opts;
typedef int (*libbpf_prog_setup_fn_t)(struct bpf_program *prog, long cookie);
typedef int (*libbpf_prog_prepare_load_fn_t)(struct bpf_program *prog,
          struct bpf_prog_load_opts *opts, long cookie);
typedef int (*libbpf_prog_attach_fn_t)(const struct bpf_program *prog, long cookie,
           struct bpf_link **link);
struct libbpf_prog_handler_opts {
 size_t sz;
 long cookie;
 libbpf_prog_setup_fn_t prog_setup_fn;
 libbpf_prog_prepare_load_fn_t prog_prepare_load_fn;
 libbpf_prog_attach_fn_t prog_attach_fn;
};
#define libbpf_prog_handler_opts__last_field prog_attach_fn
LIBBPF_API int libbpf_register_prog_handler(const char *sec,
         enum bpf_prog_type prog_type,
         enum bpf_attach_type exp_attach_type,
         const struct libbpf_prog_handler_opts *opts);
LIBBPF_API int libbpf_unregister_prog_handler(int handler_id);
#endif
`,
  'bpf/bpf.h': String.raw`/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
#ifndef __LIBBPF_BPF_H
#define __LIBBPF_BPF_H
#include <linux/bpf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "libbpf_common.h"
#include "libbpf_legacy.h"
int libbpf_set_memlock_rlim(size_t memlock_bytes);
struct bpf_map_create_opts {
 size_t sz;
 __u32 btf_fd;
 __u32 btf_key_type_id;
 __u32 btf_value_type_id;
 __u32 btf_vmlinux_value_type_id;
 __u32 inner_map_fd;
 __u32 map_flags;
 __u64 map_extra;
 __u32 numa_node;
 __u32 map_ifindex;
};
#define bpf_map_create_opts__last_field map_ifindex
LIBBPF_API int bpf_map_create(enum bpf_map_type map_type,
         const char *map_name,
         __u32 key_size,
         __u32 value_size,
         __u32 max_entries,
         const struct bpf_map_create_opts *opts);
struct bpf_prog_load_opts {
 size_t sz;
 int attempts;
 enum bpf_attach_type expected_attach_type;
 __u32 prog_btf_fd;
 __u32 prog_flags;
 __u32 prog_ifindex;
 __u32 kern_version;
 __u32 attach_btf_id;
 __u32 attach_prog_fd;
 __u32 attach_btf_obj_fd;
 const int *fd_array;
 const void *func_info;
 __u32 func_info_cnt;
 __u32 func_info_rec_size;
 const void *line_info;
 __u32 line_info_cnt;
 __u32 line_info_rec_size;
 __u32 log_level;
 __u32 log_size;
 char *log_buf;
};
#define bpf_prog_load_opts__last_field log_buf
LIBBPF_API int bpf_prog_load(enum bpf_prog_type prog_type,
        const char *prog_name, const char *license,
        const struct bpf_insn *insns, size_t insn_cnt,
        const struct bpf_prog_load_opts *opts);
#define MAPS_RELAX_COMPAT 0x01
#define BPF_LOG_BUF_SIZE (UINT32_MAX >> 8)
struct bpf_btf_load_opts {
 size_t sz;
 char *log_buf;
 __u32 log_level;
 __u32 log_size;
};
#define bpf_btf_load_opts__last_field log_size
LIBBPF_API int bpf_btf_load(const void *btf_data, size_t btf_size,
       const struct bpf_btf_load_opts *opts);
LIBBPF_API int bpf_map_update_elem(int fd, const void *key, const void *value,
       __u64 flags);
LIBBPF_API int bpf_map_lookup_elem(int fd, const void *key, void *value);
LIBBPF_API int bpf_map_lookup_elem_flags(int fd, const void *key, void *value,
      __u64 flags);
LIBBPF_API int bpf_map_lookup_and_delete_elem(int fd, const void *key,
           void *value);
LIBBPF_API int bpf_map_lookup_and_delete_elem_flags(int fd, const void *key,
          void *value, __u64 flags);
LIBBPF_API int bpf_map_delete_elem(int fd, const void *key);
LIBBPF_API int bpf_map_delete_elem_flags(int fd, const void *key, __u64 flags);
LIBBPF_API int bpf_map_get_next_key(int fd, const void *key, void *next_key);
LIBBPF_API int bpf_map_freeze(int fd);
struct bpf_map_batch_opts {
 size_t sz;
 __u64 elem_flags;
 __u64 flags;
};
#define bpf_map_batch_opts__last_field flags
LIBBPF_API int bpf_map_delete_batch(int fd, const void *keys,
        __u32 *count,
        const struct bpf_map_batch_opts *opts);
LIBBPF_API int bpf_map_lookup_batch(int fd, void *in_batch, void *out_batch,
        void *keys, void *values, __u32 *count,
        const struct bpf_map_batch_opts *opts);
LIBBPF_API int bpf_map_lookup_and_delete_batch(int fd, void *in_batch,
     void *out_batch, void *keys,
     void *values, __u32 *count,
     const struct bpf_map_batch_opts *opts);
LIBBPF_API int bpf_map_update_batch(int fd, const void *keys, const void *values,
        __u32 *count,
        const struct bpf_map_batch_opts *opts);
struct bpf_obj_get_opts {
 size_t sz;
 __u32 file_flags;
};
#define bpf_obj_get_opts__last_field file_flags
LIBBPF_API int bpf_obj_pin(int fd, const char *pathname);
/* bpfplay: from libbpf 1.2 (not in Debian 12's 1.1.2), declared because the tutorials use them */
struct bpf_obj_pin_opts {
 size_t sz;
 __u32 file_flags;
 int path_fd;
};
#define bpf_obj_pin_opts__last_field path_fd
LIBBPF_API int bpf_obj_pin_opts(int fd, const char *pathname,
     const struct bpf_obj_pin_opts *opts);
LIBBPF_API int bpf_obj_get(const char *pathname);
LIBBPF_API int bpf_obj_get_opts(const char *pathname,
    const struct bpf_obj_get_opts *opts);
struct bpf_prog_attach_opts {
 size_t sz;
 unsigned int flags;
 int replace_prog_fd;
};
#define bpf_prog_attach_opts__last_field replace_prog_fd
LIBBPF_API int bpf_prog_attach(int prog_fd, int attachable_fd,
          enum bpf_attach_type type, unsigned int flags);
LIBBPF_API int bpf_prog_attach_opts(int prog_fd, int attachable_fd,
         enum bpf_attach_type type,
         const struct bpf_prog_attach_opts *opts);
LIBBPF_API int bpf_prog_detach(int attachable_fd, enum bpf_attach_type type);
LIBBPF_API int bpf_prog_detach2(int prog_fd, int attachable_fd,
    enum bpf_attach_type type);
union bpf_iter_link_info;
struct bpf_link_create_opts {
 size_t sz;
 __u32 flags;
 union bpf_iter_link_info *iter_info;
 __u32 iter_info_len;
 __u32 target_btf_id;
 union {
  struct {
   __u64 bpf_cookie;
  } perf_event;
  struct {
   __u32 flags;
   __u32 cnt;
   const char **syms;
   const unsigned long *addrs;
   const __u64 *cookies;
  } kprobe_multi;
  struct {
   __u64 cookie;
  } tracing;
 };
};
#define bpf_link_create_opts__last_field kprobe_multi.cookies
LIBBPF_API int bpf_link_create(int prog_fd, int target_fd,
          enum bpf_attach_type attach_type,
          const struct bpf_link_create_opts *opts);
LIBBPF_API int bpf_link_detach(int link_fd);
struct bpf_link_update_opts {
 size_t sz;
 __u32 flags;
 __u32 old_prog_fd;
};
#define bpf_link_update_opts__last_field old_prog_fd
LIBBPF_API int bpf_link_update(int link_fd, int new_prog_fd,
          const struct bpf_link_update_opts *opts);
LIBBPF_API int bpf_iter_create(int link_fd);
struct bpf_prog_test_run_attr {
 int prog_fd;
 int repeat;
 const void *data_in;
 __u32 data_size_in;
 void *data_out;
 __u32 data_size_out;
 __u32 retval;
 __u32 duration;
 const void *ctx_in;
 __u32 ctx_size_in;
 void *ctx_out;
 __u32 ctx_size_out;
};
LIBBPF_API int bpf_prog_get_next_id(__u32 start_id, __u32 *next_id);
LIBBPF_API int bpf_map_get_next_id(__u32 start_id, __u32 *next_id);
LIBBPF_API int bpf_btf_get_next_id(__u32 start_id, __u32 *next_id);
LIBBPF_API int bpf_link_get_next_id(__u32 start_id, __u32 *next_id);
struct bpf_get_fd_by_id_opts {
 size_t sz;
 __u32 open_flags;
};
#define bpf_get_fd_by_id_opts__last_field open_flags
LIBBPF_API int bpf_prog_get_fd_by_id(__u32 id);
LIBBPF_API int bpf_prog_get_fd_by_id_opts(__u32 id,
    const struct bpf_get_fd_by_id_opts *opts);
LIBBPF_API int bpf_map_get_fd_by_id(__u32 id);
LIBBPF_API int bpf_map_get_fd_by_id_opts(__u32 id,
    const struct bpf_get_fd_by_id_opts *opts);
LIBBPF_API int bpf_btf_get_fd_by_id(__u32 id);
LIBBPF_API int bpf_btf_get_fd_by_id_opts(__u32 id,
    const struct bpf_get_fd_by_id_opts *opts);
LIBBPF_API int bpf_link_get_fd_by_id(__u32 id);
LIBBPF_API int bpf_link_get_fd_by_id_opts(__u32 id,
    const struct bpf_get_fd_by_id_opts *opts);
LIBBPF_API int bpf_obj_get_info_by_fd(int bpf_fd, void *info, __u32 *info_len);
/* bpfplay: from libbpf 1.2, as above */
struct bpf_prog_info;
struct bpf_map_info;
struct bpf_btf_info;
struct bpf_link_info;
LIBBPF_API int bpf_prog_get_info_by_fd(int prog_fd, struct bpf_prog_info *info, __u32 *info_len);
LIBBPF_API int bpf_map_get_info_by_fd(int map_fd, struct bpf_map_info *info, __u32 *info_len);
LIBBPF_API int bpf_btf_get_info_by_fd(int btf_fd, struct bpf_btf_info *info, __u32 *info_len);
LIBBPF_API int bpf_link_get_info_by_fd(int link_fd, struct bpf_link_info *info, __u32 *info_len);
struct bpf_prog_query_opts {
 size_t sz;
 __u32 query_flags;
 __u32 attach_flags;
 __u32 *prog_ids;
 __u32 prog_cnt;
 __u32 *prog_attach_flags;
};
#define bpf_prog_query_opts__last_field prog_attach_flags
LIBBPF_API int bpf_prog_query_opts(int target_fd,
       enum bpf_attach_type type,
       struct bpf_prog_query_opts *opts);
LIBBPF_API int bpf_prog_query(int target_fd, enum bpf_attach_type type,
         __u32 query_flags, __u32 *attach_flags,
         __u32 *prog_ids, __u32 *prog_cnt);
LIBBPF_API int bpf_raw_tracepoint_open(const char *name, int prog_fd);
LIBBPF_API int bpf_task_fd_query(int pid, int fd, __u32 flags, char *buf,
     __u32 *buf_len, __u32 *prog_id, __u32 *fd_type,
     __u64 *probe_offset, __u64 *probe_addr);
#ifdef __cplusplus
LIBBPF_API int bpf_enable_stats(int type);
#else
enum bpf_stats_type;
LIBBPF_API int bpf_enable_stats(enum bpf_stats_type type);
#endif
struct bpf_prog_bind_opts {
 size_t sz;
 __u32 flags;
};
#define bpf_prog_bind_opts__last_field flags
LIBBPF_API int bpf_prog_bind_map(int prog_fd, int map_fd,
     const struct bpf_prog_bind_opts *opts);
struct bpf_test_run_opts {
 size_t sz;
 const void *data_in;
 void *data_out;
 __u32 data_size_in;
 __u32 data_size_out;
 const void *ctx_in;
 void *ctx_out;
 __u32 ctx_size_in;
 __u32 ctx_size_out;
 __u32 retval;
 int repeat;
 __u32 duration;
 __u32 flags;
 __u32 cpu;
 __u32 batch_size;
};
#define bpf_test_run_opts__last_field batch_size
LIBBPF_API int bpf_prog_test_run_opts(int prog_fd,
          struct bpf_test_run_opts *opts);
#endif
`,
  'bpf/libbpf_common.h': String.raw`/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
#ifndef __LIBBPF_LIBBPF_COMMON_H
#define __LIBBPF_LIBBPF_COMMON_H
#include <string.h>
#include "libbpf_version.h"
#ifndef LIBBPF_API
#define LIBBPF_API __attribute__((visibility("default")))
#endif
#define LIBBPF_DEPRECATED(msg) __attribute__((deprecated(msg)))
#define LIBBPF_DEPRECATED_SINCE(major,minor,msg) \
 __LIBBPF_MARK_DEPRECATED_ ## major ## _ ## minor \
  (LIBBPF_DEPRECATED("libbpf v" # major "." # minor "+: " msg))
#define __LIBBPF_CURRENT_VERSION_GEQ(major,minor) \
 (LIBBPF_MAJOR_VERSION > (major) || \
  (LIBBPF_MAJOR_VERSION == (major) && LIBBPF_MINOR_VERSION >= (minor)))
#if __LIBBPF_CURRENT_VERSION_GEQ(1, 0)
#define __LIBBPF_MARK_DEPRECATED_1_0(X) X
#else
#define __LIBBPF_MARK_DEPRECATED_1_0(X)
#endif
#define ___libbpf_cat(A,B) A ## B
#define ___libbpf_select(NAME,NUM) ___libbpf_cat(NAME, NUM)
#define ___libbpf_nth(_1,_2,_3,_4,_5,_6,N,...) N
#define ___libbpf_cnt(...) ___libbpf_nth(__VA_ARGS__, 6, 5, 4, 3, 2, 1)
#define ___libbpf_overload(NAME,...) ___libbpf_select(NAME, ___libbpf_cnt(__VA_ARGS__))(__VA_ARGS__)
#define LIBBPF_OPTS(TYPE,NAME,...) \
 struct TYPE NAME = ({ \
  memset(&NAME, 0, sizeof(struct TYPE)); \
  (struct TYPE) { \
   .sz = sizeof(struct TYPE), \
   __VA_ARGS__ \
  }; \
 })
#endif
`,
  'bpf/libbpf_legacy.h': String.raw`/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
#ifndef __LIBBPF_LEGACY_BPF_H
#define __LIBBPF_LEGACY_BPF_H
#include <linux/bpf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "libbpf_common.h"
enum libbpf_strict_mode {
 LIBBPF_STRICT_ALL = 0xffffffff,
 LIBBPF_STRICT_NONE = 0x00,
 LIBBPF_STRICT_CLEAN_PTRS = 0x01,
 LIBBPF_STRICT_DIRECT_ERRS = 0x02,
 LIBBPF_STRICT_SEC_NAME = 0x04,
 LIBBPF_STRICT_NO_OBJECT_LIST = 0x08,
 LIBBPF_STRICT_AUTO_RLIMIT_MEMLOCK = 0x10,
 LIBBPF_STRICT_MAP_DEFINITIONS = 0x20,
 __LIBBPF_STRICT_LAST,
};
LIBBPF_API int libbpf_set_strict_mode(enum libbpf_strict_mode mode);
LIBBPF_API long libbpf_get_error(const void *ptr);
#define DECLARE_LIBBPF_OPTS LIBBPF_OPTS
struct bpf_program;
struct bpf_map;
struct btf;
struct btf_ext;
LIBBPF_API struct btf *libbpf_find_kernel_btf(void);
LIBBPF_API enum bpf_prog_type bpf_program__get_type(const struct bpf_program *prog);
LIBBPF_API enum bpf_attach_type bpf_program__get_expected_attach_type(const struct bpf_program *prog);
LIBBPF_API const char *bpf_map__get_pin_path(const struct bpf_map *map);
LIBBPF_API const void *btf__get_raw_data(const struct btf *btf, __u32 *size);
LIBBPF_API const void *btf_ext__get_raw_data(const struct btf_ext *btf_ext, __u32 *size);
#endif
`,
  'bpf/libbpf_version.h': String.raw`/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
#ifndef __LIBBPF_VERSION_H
#define __LIBBPF_VERSION_H
#define LIBBPF_MAJOR_VERSION 1
#define LIBBPF_MINOR_VERSION 1
#endif
`,
  'bpf/bpf_endian.h': String.raw`/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
#ifndef __BPF_ENDIAN__
#define __BPF_ENDIAN__
#define ___bpf_mvb(x,b,n,m) ((__u ##b)(x) << (b-(n+1)*8) >> (b-8) << (m*8))
#define ___bpf_swab16(x) ((__u16)( \
     ___bpf_mvb(x, 16, 0, 1) | \
     ___bpf_mvb(x, 16, 1, 0)))
#define ___bpf_swab32(x) ((__u32)( \
     ___bpf_mvb(x, 32, 0, 3) | \
     ___bpf_mvb(x, 32, 1, 2) | \
     ___bpf_mvb(x, 32, 2, 1) | \
     ___bpf_mvb(x, 32, 3, 0)))
#define ___bpf_swab64(x) ((__u64)( \
     ___bpf_mvb(x, 64, 0, 7) | \
     ___bpf_mvb(x, 64, 1, 6) | \
     ___bpf_mvb(x, 64, 2, 5) | \
     ___bpf_mvb(x, 64, 3, 4) | \
     ___bpf_mvb(x, 64, 4, 3) | \
     ___bpf_mvb(x, 64, 5, 2) | \
     ___bpf_mvb(x, 64, 6, 1) | \
     ___bpf_mvb(x, 64, 7, 0)))
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define __bpf_ntohs(x) __builtin_bswap16(x)
#define __bpf_htons(x) __builtin_bswap16(x)
#define __bpf_constant_ntohs(x) ___bpf_swab16(x)
#define __bpf_constant_htons(x) ___bpf_swab16(x)
#define __bpf_ntohl(x) __builtin_bswap32(x)
#define __bpf_htonl(x) __builtin_bswap32(x)
#define __bpf_constant_ntohl(x) ___bpf_swab32(x)
#define __bpf_constant_htonl(x) ___bpf_swab32(x)
#define __bpf_be64_to_cpu(x) __builtin_bswap64(x)
#define __bpf_cpu_to_be64(x) __builtin_bswap64(x)
#define __bpf_constant_be64_to_cpu(x) ___bpf_swab64(x)
#define __bpf_constant_cpu_to_be64(x) ___bpf_swab64(x)
#elif __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define __bpf_ntohs(x) (x)
#define __bpf_htons(x) (x)
#define __bpf_constant_ntohs(x) (x)
#define __bpf_constant_htons(x) (x)
#define __bpf_ntohl(x) (x)
#define __bpf_htonl(x) (x)
#define __bpf_constant_ntohl(x) (x)
#define __bpf_constant_htonl(x) (x)
#define __bpf_be64_to_cpu(x) (x)
#define __bpf_cpu_to_be64(x) (x)
#define __bpf_constant_be64_to_cpu(x) (x)
#define __bpf_constant_cpu_to_be64(x) (x)
#else
# error "Fix your compiler's __BYTE_ORDER__?!"
#endif
#define bpf_htons(x) \
 (__builtin_constant_p(x) ? \
  __bpf_constant_htons(x) : __bpf_htons(x))
#define bpf_ntohs(x) \
 (__builtin_constant_p(x) ? \
  __bpf_constant_ntohs(x) : __bpf_ntohs(x))
#define bpf_htonl(x) \
 (__builtin_constant_p(x) ? \
  __bpf_constant_htonl(x) : __bpf_htonl(x))
#define bpf_ntohl(x) \
 (__builtin_constant_p(x) ? \
  __bpf_constant_ntohl(x) : __bpf_ntohl(x))
#define bpf_cpu_to_be64(x) \
 (__builtin_constant_p(x) ? \
  __bpf_constant_cpu_to_be64(x) : __bpf_cpu_to_be64(x))
#define bpf_be64_to_cpu(x) \
 (__builtin_constant_p(x) ? \
  __bpf_constant_be64_to_cpu(x) : __bpf_be64_to_cpu(x))
#endif
`,
  'bpf/bpf_helpers.h': String.raw`/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
#ifndef __BPF_HELPERS__
#define __BPF_HELPERS__
#include "bpf_helper_defs.h"
/* bpfplay: the legacy map definition libbpf < 1.0 had here (SEC("maps")), kept for the tutorials */
struct bpf_map_def {
 unsigned int type;
 unsigned int key_size;
 unsigned int value_size;
 unsigned int max_entries;
 unsigned int map_flags;
};
#define __uint(name,val) int (*name)[val]
#define __type(name,val) typeof(val) *name
#define __array(name,val) typeof(val) *name[]
#if __GNUC__ && !__clang__
#define SEC(name) __attribute__((section(name), used))
#else
#define SEC(name) \
 _Pragma("GCC diagnostic push") \
 _Pragma("GCC diagnostic ignored \"-Wignored-attributes\"") \
 __attribute__((section(name), used)) \
 _Pragma("GCC diagnostic pop") \

#endif
#undef __always_inline
#define __always_inline inline __attribute__((always_inline))
#ifndef __noinline
#define __noinline __attribute__((noinline))
#endif
#ifndef __weak
#define __weak __attribute__((weak))
#endif
#define __hidden __attribute__((visibility("hidden")))
#ifndef NULL
#define NULL ((void *)0)
#endif
#ifndef KERNEL_VERSION
#define KERNEL_VERSION(a,b,c) (((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))
#endif
#ifndef offsetof
#define offsetof(TYPE,MEMBER) ((unsigned long)&((TYPE *)0)->MEMBER)
#endif
#ifndef container_of
#define container_of(ptr,type,member) \
 ({ \
  void *__mptr = (void *)(ptr); \
  ((type *)(__mptr - offsetof(type, member))); \
 })
#endif
#ifndef barrier
#define barrier() asm volatile("" ::: "memory")
#endif
#ifndef barrier_var
#define barrier_var(var) asm volatile("" : "=r"(var) : "0"(var))
#endif
#ifndef __bpf_unreachable
#define __bpf_unreachable() __builtin_trap()
#endif
enum libbpf_pin_type {
 LIBBPF_PIN_NONE,
 LIBBPF_PIN_BY_NAME,
};
enum libbpf_tristate {
 TRI_NO = 0,
 TRI_YES = 1,
 TRI_MODULE = 2,
};
#define __kconfig __attribute__((section(".kconfig")))
#define __ksym __attribute__((section(".ksyms")))
#define __kptr __attribute__((btf_type_tag("kptr")))
#define __kptr_ref __attribute__((btf_type_tag("kptr_ref")))
#ifndef ___bpf_concat
#define ___bpf_concat(a,b) a ## b
#endif
#ifndef ___bpf_apply
#define ___bpf_apply(fn,n) ___bpf_concat(fn, n)
#endif
#ifndef ___bpf_nth
#define ___bpf_nth(_,_1,_2,_3,_4,_5,_6,_7,_8,_9,_a,_b,_c,N,...) N
#endif
#ifndef ___bpf_narg
#define ___bpf_narg(...) \
 ___bpf_nth(_, ##__VA_ARGS__, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#endif
#define ___bpf_fill0(arr,p,x) do {} while (0)
#define ___bpf_fill1(arr,p,x) arr[p] = x
#define ___bpf_fill2(arr,p,x,args...) arr[p] = x; ___bpf_fill1(arr, p + 1, args)
#define ___bpf_fill3(arr,p,x,args...) arr[p] = x; ___bpf_fill2(arr, p + 1, args)
#define ___bpf_fill4(arr,p,x,args...) arr[p] = x; ___bpf_fill3(arr, p + 1, args)
#define ___bpf_fill5(arr,p,x,args...) arr[p] = x; ___bpf_fill4(arr, p + 1, args)
#define ___bpf_fill6(arr,p,x,args...) arr[p] = x; ___bpf_fill5(arr, p + 1, args)
#define ___bpf_fill7(arr,p,x,args...) arr[p] = x; ___bpf_fill6(arr, p + 1, args)
#define ___bpf_fill8(arr,p,x,args...) arr[p] = x; ___bpf_fill7(arr, p + 1, args)
#define ___bpf_fill9(arr,p,x,args...) arr[p] = x; ___bpf_fill8(arr, p + 1, args)
#define ___bpf_fill10(arr,p,x,args...) arr[p] = x; ___bpf_fill9(arr, p + 1, args)
#define ___bpf_fill11(arr,p,x,args...) arr[p] = x; ___bpf_fill10(arr, p + 1, args)
#define ___bpf_fill12(arr,p,x,args...) arr[p] = x; ___bpf_fill11(arr, p + 1, args)
#define ___bpf_fill(arr,args...) \
 ___bpf_apply(___bpf_fill, ___bpf_narg(args))(arr, 0, args)
#define BPF_SEQ_PRINTF(seq,fmt,args...) \
({ \
 static const char ___fmt[] = fmt; \
 unsigned long long ___param[___bpf_narg(args)]; \
        \
 _Pragma("GCC diagnostic push") \
 _Pragma("GCC diagnostic ignored \"-Wint-conversion\"") \
 ___bpf_fill(___param, args); \
 _Pragma("GCC diagnostic pop") \
        \
 bpf_seq_printf(seq, ___fmt, sizeof(___fmt), \
         ___param, sizeof(___param)); \
})
#define BPF_SNPRINTF(out,out_size,fmt,args...) \
({ \
 static const char ___fmt[] = fmt; \
 unsigned long long ___param[___bpf_narg(args)]; \
        \
 _Pragma("GCC diagnostic push") \
 _Pragma("GCC diagnostic ignored \"-Wint-conversion\"") \
 ___bpf_fill(___param, args); \
 _Pragma("GCC diagnostic pop") \
        \
 bpf_snprintf(out, out_size, ___fmt, \
       ___param, sizeof(___param)); \
})
#ifdef BPF_NO_GLOBAL_DATA
#define BPF_PRINTK_FMT_MOD
#else
#define BPF_PRINTK_FMT_MOD static const
#endif
#define __bpf_printk(fmt,...) \
({ \
 BPF_PRINTK_FMT_MOD char ____fmt[] = fmt; \
 bpf_trace_printk(____fmt, sizeof(____fmt), \
    ##__VA_ARGS__); \
})
#define __bpf_vprintk(fmt,args...) \
({ \
 static const char ___fmt[] = fmt; \
 unsigned long long ___param[___bpf_narg(args)]; \
        \
 _Pragma("GCC diagnostic push") \
 _Pragma("GCC diagnostic ignored \"-Wint-conversion\"") \
 ___bpf_fill(___param, args); \
 _Pragma("GCC diagnostic pop") \
        \
 bpf_trace_vprintk(___fmt, sizeof(___fmt), \
     ___param, sizeof(___param)); \
})
#define ___bpf_pick_printk(...) \
 ___bpf_nth(_, ##__VA_ARGS__, __bpf_vprintk, __bpf_vprintk, __bpf_vprintk, \
     __bpf_vprintk, __bpf_vprintk, __bpf_vprintk, __bpf_vprintk, \
     __bpf_vprintk, __bpf_vprintk, __bpf_printk , __bpf_printk ,\
     __bpf_printk , __bpf_printk )
#define bpf_printk(fmt,args...) ___bpf_pick_printk(args)(fmt, ##args)
#endif
`,
  'bpf/bpf_helper_defs.h': String.raw`#ifndef __BPF_HELPER_DEFS_H
#define __BPF_HELPER_DEFS_H
struct bpf_fib_lookup;
struct bpf_sk_lookup;
struct bpf_perf_event_data;
struct bpf_perf_event_value;
struct bpf_pidns_info;
struct bpf_redir_neigh;
struct bpf_sock;
struct bpf_sock_addr;
struct bpf_sock_ops;
struct bpf_sock_tuple;
struct bpf_spin_lock;
struct bpf_sysctl;
struct bpf_tcp_sock;
struct bpf_tunnel_key;
struct bpf_xfrm_state;
struct linux_binprm;
struct pt_regs;
struct sk_reuseport_md;
struct sockaddr;
struct tcphdr;
struct seq_file;
struct tcp6_sock;
struct tcp_sock;
struct tcp_timewait_sock;
struct tcp_request_sock;
struct udp6_sock;
struct unix_sock;
struct task_struct;
struct cgroup;
struct __sk_buff;
struct sk_msg_md;
struct xdp_md;
struct path;
struct btf_ptr;
struct inode;
struct socket;
struct file;
struct bpf_timer;
struct mptcp_sock;
struct bpf_dynptr;
struct iphdr;
struct ipv6hdr;
void *bpf_map_lookup_elem(void *map, const void *key);
long bpf_map_update_elem(void *map, const void *key, const void *value, __u64 flags);
long bpf_map_delete_elem(void *map, const void *key);
long bpf_probe_read(void *dst, __u32 size, const void *unsafe_ptr);
__u64 bpf_ktime_get_ns(void);
long bpf_trace_printk(const char *fmt, __u32 fmt_size, ...);
__u32 bpf_get_prandom_u32(void);
__u32 bpf_get_smp_processor_id(void);
long bpf_skb_store_bytes(struct __sk_buff *skb, __u32 offset, const void *from, __u32 len, __u64 flags);
long bpf_l3_csum_replace(struct __sk_buff *skb, __u32 offset, __u64 from, __u64 to, __u64 size);
long bpf_l4_csum_replace(struct __sk_buff *skb, __u32 offset, __u64 from, __u64 to, __u64 flags);
long bpf_tail_call(void *ctx, void *prog_array_map, __u32 index);
long bpf_clone_redirect(struct __sk_buff *skb, __u32 ifindex, __u64 flags);
__u64 bpf_get_current_pid_tgid(void);
__u64 bpf_get_current_uid_gid(void);
long bpf_get_current_comm(void *buf, __u32 size_of_buf);
__u32 bpf_get_cgroup_classid(struct __sk_buff *skb);
long bpf_skb_vlan_push(struct __sk_buff *skb, __be16 vlan_proto, __u16 vlan_tci);
long bpf_skb_vlan_pop(struct __sk_buff *skb);
long bpf_skb_get_tunnel_key(struct __sk_buff *skb, struct bpf_tunnel_key *key, __u32 size, __u64 flags);
long bpf_skb_set_tunnel_key(struct __sk_buff *skb, struct bpf_tunnel_key *key, __u32 size, __u64 flags);
__u64 bpf_perf_event_read(void *map, __u64 flags);
long bpf_redirect(__u32 ifindex, __u64 flags);
__u32 bpf_get_route_realm(struct __sk_buff *skb);
long bpf_perf_event_output(void *ctx, void *map, __u64 flags, void *data, __u64 size);
long bpf_skb_load_bytes(const void *skb, __u32 offset, void *to, __u32 len);
long bpf_get_stackid(void *ctx, void *map, __u64 flags);
__s64 bpf_csum_diff(__be32 *from, __u32 from_size, __be32 *to, __u32 to_size, __wsum seed);
long bpf_skb_get_tunnel_opt(struct __sk_buff *skb, void *opt, __u32 size);
long bpf_skb_set_tunnel_opt(struct __sk_buff *skb, void *opt, __u32 size);
long bpf_skb_change_proto(struct __sk_buff *skb, __be16 proto, __u64 flags);
long bpf_skb_change_type(struct __sk_buff *skb, __u32 type);
long bpf_skb_under_cgroup(struct __sk_buff *skb, void *map, __u32 index);
__u32 bpf_get_hash_recalc(struct __sk_buff *skb);
__u64 bpf_get_current_task(void);
long bpf_probe_write_user(void *dst, const void *src, __u32 len);
long bpf_current_task_under_cgroup(void *map, __u32 index);
long bpf_skb_change_tail(struct __sk_buff *skb, __u32 len, __u64 flags);
long bpf_skb_pull_data(struct __sk_buff *skb, __u32 len);
__s64 bpf_csum_update(struct __sk_buff *skb, __wsum csum);
void bpf_set_hash_invalid(struct __sk_buff *skb);
long bpf_get_numa_node_id(void);
long bpf_skb_change_head(struct __sk_buff *skb, __u32 len, __u64 flags);
long bpf_xdp_adjust_head(struct xdp_md *xdp_md, int delta);
long bpf_probe_read_str(void *dst, __u32 size, const void *unsafe_ptr);
__u64 bpf_get_socket_cookie(void *ctx);
__u32 bpf_get_socket_uid(struct __sk_buff *skb);
long bpf_set_hash(struct __sk_buff *skb, __u32 hash);
long bpf_setsockopt(void *bpf_socket, int level, int optname, void *optval, int optlen);
long bpf_skb_adjust_room(struct __sk_buff *skb, __s32 len_diff, __u32 mode, __u64 flags);
long bpf_redirect_map(void *map, __u64 key, __u64 flags);
long bpf_sk_redirect_map(struct __sk_buff *skb, void *map, __u32 key, __u64 flags);
long bpf_sock_map_update(struct bpf_sock_ops *skops, void *map, void *key, __u64 flags);
long bpf_xdp_adjust_meta(struct xdp_md *xdp_md, int delta);
long bpf_perf_event_read_value(void *map, __u64 flags, struct bpf_perf_event_value *buf, __u32 buf_size);
long bpf_perf_prog_read_value(struct bpf_perf_event_data *ctx, struct bpf_perf_event_value *buf, __u32 buf_size);
long bpf_getsockopt(void *bpf_socket, int level, int optname, void *optval, int optlen);
long bpf_override_return(struct pt_regs *regs, __u64 rc);
long bpf_sock_ops_cb_flags_set(struct bpf_sock_ops *bpf_sock, int argval);
long bpf_msg_redirect_map(struct sk_msg_md *msg, void *map, __u32 key, __u64 flags);
long bpf_msg_apply_bytes(struct sk_msg_md *msg, __u32 bytes);
long bpf_msg_cork_bytes(struct sk_msg_md *msg, __u32 bytes);
long bpf_msg_pull_data(struct sk_msg_md *msg, __u32 start, __u32 end, __u64 flags);
long bpf_bind(struct bpf_sock_addr *ctx, struct sockaddr *addr, int addr_len);
long bpf_xdp_adjust_tail(struct xdp_md *xdp_md, int delta);
long bpf_skb_get_xfrm_state(struct __sk_buff *skb, __u32 index, struct bpf_xfrm_state *xfrm_state, __u32 size, __u64 flags);
long bpf_get_stack(void *ctx, void *buf, __u32 size, __u64 flags);
long bpf_skb_load_bytes_relative(const void *skb, __u32 offset, void *to, __u32 len, __u32 start_header);
long bpf_fib_lookup(void *ctx, struct bpf_fib_lookup *params, int plen, __u32 flags);
long bpf_sock_hash_update(struct bpf_sock_ops *skops, void *map, void *key, __u64 flags);
long bpf_msg_redirect_hash(struct sk_msg_md *msg, void *map, void *key, __u64 flags);
long bpf_sk_redirect_hash(struct __sk_buff *skb, void *map, void *key, __u64 flags);
long bpf_lwt_push_encap(struct __sk_buff *skb, __u32 type, void *hdr, __u32 len);
long bpf_lwt_seg6_store_bytes(struct __sk_buff *skb, __u32 offset, const void *from, __u32 len);
long bpf_lwt_seg6_adjust_srh(struct __sk_buff *skb, __u32 offset, __s32 delta);
long bpf_lwt_seg6_action(struct __sk_buff *skb, __u32 action, void *param, __u32 param_len);
long bpf_rc_repeat(void *ctx);
long bpf_rc_keydown(void *ctx, __u32 protocol, __u64 scancode, __u32 toggle);
__u64 bpf_skb_cgroup_id(struct __sk_buff *skb);
__u64 bpf_get_current_cgroup_id(void);
void *bpf_get_local_storage(void *map, __u64 flags);
long bpf_sk_select_reuseport(struct sk_reuseport_md *reuse, void *map, void *key, __u64 flags);
__u64 bpf_skb_ancestor_cgroup_id(struct __sk_buff *skb, int ancestor_level);
struct bpf_sock *bpf_sk_lookup_tcp(void *ctx, struct bpf_sock_tuple *tuple, __u32 tuple_size, __u64 netns, __u64 flags);
struct bpf_sock *bpf_sk_lookup_udp(void *ctx, struct bpf_sock_tuple *tuple, __u32 tuple_size, __u64 netns, __u64 flags);
long bpf_sk_release(void *sock);
long bpf_map_push_elem(void *map, const void *value, __u64 flags);
long bpf_map_pop_elem(void *map, void *value);
long bpf_map_peek_elem(void *map, void *value);
long bpf_msg_push_data(struct sk_msg_md *msg, __u32 start, __u32 len, __u64 flags);
long bpf_msg_pop_data(struct sk_msg_md *msg, __u32 start, __u32 len, __u64 flags);
long bpf_rc_pointer_rel(void *ctx, __s32 rel_x, __s32 rel_y);
long bpf_spin_lock(struct bpf_spin_lock *lock);
long bpf_spin_unlock(struct bpf_spin_lock *lock);
struct bpf_sock *bpf_sk_fullsock(struct bpf_sock *sk);
struct bpf_tcp_sock *bpf_tcp_sock(struct bpf_sock *sk);
long bpf_skb_ecn_set_ce(struct __sk_buff *skb);
struct bpf_sock *bpf_get_listener_sock(struct bpf_sock *sk);
struct bpf_sock *bpf_skc_lookup_tcp(void *ctx, struct bpf_sock_tuple *tuple, __u32 tuple_size, __u64 netns, __u64 flags);
long bpf_tcp_check_syncookie(void *sk, void *iph, __u32 iph_len, struct tcphdr *th, __u32 th_len);
long bpf_sysctl_get_name(struct bpf_sysctl *ctx, char *buf, unsigned long buf_len, __u64 flags);
long bpf_sysctl_get_current_value(struct bpf_sysctl *ctx, char *buf, unsigned long buf_len);
long bpf_sysctl_get_new_value(struct bpf_sysctl *ctx, char *buf, unsigned long buf_len);
long bpf_sysctl_set_new_value(struct bpf_sysctl *ctx, const char *buf, unsigned long buf_len);
long bpf_strtol(const char *buf, unsigned long buf_len, __u64 flags, long *res);
long bpf_strtoul(const char *buf, unsigned long buf_len, __u64 flags, unsigned long *res);
void *bpf_sk_storage_get(void *map, void *sk, void *value, __u64 flags);
long bpf_sk_storage_delete(void *map, void *sk);
long bpf_send_signal(__u32 sig);
__s64 bpf_tcp_gen_syncookie(void *sk, void *iph, __u32 iph_len, struct tcphdr *th, __u32 th_len);
long bpf_skb_output(void *ctx, void *map, __u64 flags, void *data, __u64 size);
long bpf_probe_read_user(void *dst, __u32 size, const void *unsafe_ptr);
long bpf_probe_read_kernel(void *dst, __u32 size, const void *unsafe_ptr);
long bpf_probe_read_user_str(void *dst, __u32 size, const void *unsafe_ptr);
long bpf_probe_read_kernel_str(void *dst, __u32 size, const void *unsafe_ptr);
long bpf_tcp_send_ack(void *tp, __u32 rcv_nxt);
long bpf_send_signal_thread(__u32 sig);
__u64 bpf_jiffies64(void);
long bpf_read_branch_records(struct bpf_perf_event_data *ctx, void *buf, __u32 size, __u64 flags);
long bpf_get_ns_current_pid_tgid(__u64 dev, __u64 ino, struct bpf_pidns_info *nsdata, __u32 size);
long bpf_xdp_output(void *ctx, void *map, __u64 flags, void *data, __u64 size);
__u64 bpf_get_netns_cookie(void *ctx);
__u64 bpf_get_current_ancestor_cgroup_id(int ancestor_level);
long bpf_sk_assign(void *ctx, void *sk, __u64 flags);
__u64 bpf_ktime_get_boot_ns(void);
long bpf_seq_printf(struct seq_file *m, const char *fmt, __u32 fmt_size, const void *data, __u32 data_len);
long bpf_seq_write(struct seq_file *m, const void *data, __u32 len);
__u64 bpf_sk_cgroup_id(void *sk);
__u64 bpf_sk_ancestor_cgroup_id(void *sk, int ancestor_level);
long bpf_ringbuf_output(void *ringbuf, void *data, __u64 size, __u64 flags);
void *bpf_ringbuf_reserve(void *ringbuf, __u64 size, __u64 flags);
void bpf_ringbuf_submit(void *data, __u64 flags);
void bpf_ringbuf_discard(void *data, __u64 flags);
__u64 bpf_ringbuf_query(void *ringbuf, __u64 flags);
long bpf_csum_level(struct __sk_buff *skb, __u64 level);
struct tcp6_sock *bpf_skc_to_tcp6_sock(void *sk);
struct tcp_sock *bpf_skc_to_tcp_sock(void *sk);
struct tcp_timewait_sock *bpf_skc_to_tcp_timewait_sock(void *sk);
struct tcp_request_sock *bpf_skc_to_tcp_request_sock(void *sk);
struct udp6_sock *bpf_skc_to_udp6_sock(void *sk);
long bpf_get_task_stack(struct task_struct *task, void *buf, __u32 size, __u64 flags);
long bpf_load_hdr_opt(struct bpf_sock_ops *skops, void *searchby_res, __u32 len, __u64 flags);
long bpf_store_hdr_opt(struct bpf_sock_ops *skops, const void *from, __u32 len, __u64 flags);
long bpf_reserve_hdr_opt(struct bpf_sock_ops *skops, __u32 len, __u64 flags);
void *bpf_inode_storage_get(void *map, void *inode, void *value, __u64 flags);
int bpf_inode_storage_delete(void *map, void *inode);
long bpf_d_path(struct path *path, char *buf, __u32 sz);
long bpf_copy_from_user(void *dst, __u32 size, const void *user_ptr);
long bpf_snprintf_btf(char *str, __u32 str_size, struct btf_ptr *ptr, __u32 btf_ptr_size, __u64 flags);
long bpf_seq_printf_btf(struct seq_file *m, struct btf_ptr *ptr, __u32 ptr_size, __u64 flags);
__u64 bpf_skb_cgroup_classid(struct __sk_buff *skb);
long bpf_redirect_neigh(__u32 ifindex, struct bpf_redir_neigh *params, int plen, __u64 flags);
void *bpf_per_cpu_ptr(const void *percpu_ptr, __u32 cpu);
void *bpf_this_cpu_ptr(const void *percpu_ptr);
long bpf_redirect_peer(__u32 ifindex, __u64 flags);
void *bpf_task_storage_get(void *map, struct task_struct *task, void *value, __u64 flags);
long bpf_task_storage_delete(void *map, struct task_struct *task);
struct task_struct *bpf_get_current_task_btf(void);
long bpf_bprm_opts_set(struct linux_binprm *bprm, __u64 flags);
__u64 bpf_ktime_get_coarse_ns(void);
long bpf_ima_inode_hash(struct inode *inode, void *dst, __u32 size);
struct socket *bpf_sock_from_file(struct file *file);
long bpf_check_mtu(void *ctx, __u32 ifindex, __u32 *mtu_len, __s32 len_diff, __u64 flags);
long bpf_for_each_map_elem(void *map, void *callback_fn, void *callback_ctx, __u64 flags);
long bpf_snprintf(char *str, __u32 str_size, const char *fmt, __u64 *data, __u32 data_len);
long bpf_sys_bpf(__u32 cmd, void *attr, __u32 attr_size);
long bpf_btf_find_by_name_kind(char *name, int name_sz, __u32 kind, int flags);
long bpf_sys_close(__u32 fd);
long bpf_timer_init(struct bpf_timer *timer, void *map, __u64 flags);
long bpf_timer_set_callback(struct bpf_timer *timer, void *callback_fn);
long bpf_timer_start(struct bpf_timer *timer, __u64 nsecs, __u64 flags);
long bpf_timer_cancel(struct bpf_timer *timer);
__u64 bpf_get_func_ip(void *ctx);
__u64 bpf_get_attach_cookie(void *ctx);
long bpf_task_pt_regs(struct task_struct *task);
long bpf_get_branch_snapshot(void *entries, __u32 size, __u64 flags);
long bpf_trace_vprintk(const char *fmt, __u32 fmt_size, const void *data, __u32 data_len);
struct unix_sock *bpf_skc_to_unix_sock(void *sk);
long bpf_kallsyms_lookup_name(const char *name, int name_sz, int flags, __u64 *res);
long bpf_find_vma(struct task_struct *task, __u64 addr, void *callback_fn, void *callback_ctx, __u64 flags);
long bpf_loop(__u32 nr_loops, void *callback_fn, void *callback_ctx, __u64 flags);
long bpf_strncmp(const char *s1, __u32 s1_sz, const char *s2);
long bpf_get_func_arg(void *ctx, __u32 n, __u64 *value);
long bpf_get_func_ret(void *ctx, __u64 *value);
long bpf_get_func_arg_cnt(void *ctx);
int bpf_get_retval(void);
int bpf_set_retval(int retval);
__u64 bpf_xdp_get_buff_len(struct xdp_md *xdp_md);
long bpf_xdp_load_bytes(struct xdp_md *xdp_md, __u32 offset, void *buf, __u32 len);
long bpf_xdp_store_bytes(struct xdp_md *xdp_md, __u32 offset, void *buf, __u32 len);
long bpf_copy_from_user_task(void *dst, __u32 size, const void *user_ptr, struct task_struct *tsk, __u64 flags);
long bpf_skb_set_tstamp(struct __sk_buff *skb, __u64 tstamp, __u32 tstamp_type);
long bpf_ima_file_hash(struct file *file, void *dst, __u32 size);
void *bpf_kptr_xchg(void *map_value, void *ptr);
void *bpf_map_lookup_percpu_elem(void *map, const void *key, __u32 cpu);
struct mptcp_sock *bpf_skc_to_mptcp_sock(void *sk);
long bpf_dynptr_from_mem(void *data, __u32 size, __u64 flags, struct bpf_dynptr *ptr);
long bpf_ringbuf_reserve_dynptr(void *ringbuf, __u32 size, __u64 flags, struct bpf_dynptr *ptr);
void bpf_ringbuf_submit_dynptr(struct bpf_dynptr *ptr, __u64 flags);
void bpf_ringbuf_discard_dynptr(struct bpf_dynptr *ptr, __u64 flags);
long bpf_dynptr_read(void *dst, __u32 len, const struct bpf_dynptr *src, __u32 offset, __u64 flags);
long bpf_dynptr_write(const struct bpf_dynptr *dst, __u32 offset, void *src, __u32 len, __u64 flags);
void *bpf_dynptr_data(const struct bpf_dynptr *ptr, __u32 offset, __u32 len);
__s64 bpf_tcp_raw_gen_syncookie_ipv4(struct iphdr *iph, struct tcphdr *th, __u32 th_len);
__s64 bpf_tcp_raw_gen_syncookie_ipv6(struct ipv6hdr *iph, struct tcphdr *th, __u32 th_len);
long bpf_tcp_raw_check_syncookie_ipv4(struct iphdr *iph, struct tcphdr *th);
long bpf_tcp_raw_check_syncookie_ipv6(struct ipv6hdr *iph, struct tcphdr *th);
__u64 bpf_ktime_get_tai_ns(void);
long bpf_user_ringbuf_drain(void *map, void *callback_fn, void *ctx, __u64 flags);
void *bpf_cgrp_storage_get(void *map, struct cgroup *cgroup, void *value, __u64 flags);
long bpf_cgrp_storage_delete(void *map, struct cgroup *cgroup);
#endif
`,
}
