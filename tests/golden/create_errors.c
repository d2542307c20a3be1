// BPF_MAP_CREATE validation per type (spec 3) and the 15-character name truncation.
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <errno.h>
#include <unistd.h>

static void try(const char *what, enum bpf_map_type t, __u32 k, __u32 v, __u32 max, __u32 flags, const char *name) {
    LIBBPF_OPTS(bpf_map_create_opts, opts, .map_flags = flags);
    int fd = bpf_map_create(t, name, k, v, max, &opts);
    printf("%-34s %d %s\n", what, fd, fd < 0 ? strerror(-fd) : "ok");
    if (fd >= 0) close(fd);
}

int main(void) {
    try("hash key_size 0", BPF_MAP_TYPE_HASH, 0, 4, 4, 0, "a");
    try("hash value_size 0", BPF_MAP_TYPE_HASH, 4, 0, 4, 0, "a");
    try("hash max_entries 0", BPF_MAP_TYPE_HASH, 4, 4, 0, 0, "a");
    try("hash NO_COMMON_LRU", BPF_MAP_TYPE_HASH, 4, 4, 4, BPF_F_NO_COMMON_LRU, "a");
    try("hash MMAPABLE", BPF_MAP_TYPE_HASH, 4, 4, 4, BPF_F_MMAPABLE, "a");
    try("hash RDONLY|WRONLY", BPF_MAP_TYPE_HASH, 4, 4, 4, BPF_F_RDONLY | BPF_F_WRONLY, "a");
    try("hash 2^27+1 entries", BPF_MAP_TYPE_HASH, 4, 4, (1u << 27) + 1, BPF_F_NO_PREALLOC, "a");
    try("array key_size 8", BPF_MAP_TYPE_ARRAY, 8, 4, 4, 0, "a");
    try("array ZERO_SEED", BPF_MAP_TYPE_ARRAY, 4, 4, 4, BPF_F_ZERO_SEED, "a");
    try("array NO_PREALLOC", BPF_MAP_TYPE_ARRAY, 4, 4, 4, BPF_F_NO_PREALLOC, "a");
    try("lru NO_PREALLOC", BPF_MAP_TYPE_LRU_HASH, 4, 4, 4, BPF_F_NO_PREALLOC, "a");
    try("stack key_size 4", BPF_MAP_TYPE_STACK, 4, 4, 4, 0, "a");
    try("unknown type 99", 99, 4, 4, 4, 0, "a");
    try("name with '-'", BPF_MAP_TYPE_HASH, 4, 4, 4, 0, "bad-name");
    try("name with '.'", BPF_MAP_TYPE_HASH, 4, 4, 4, 0, "ok.name");
    try("flag bit 20", BPF_MAP_TYPE_HASH, 4, 4, 4, 1u << 20, "a");
    int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "hash_map_example", 4, 4, 7, NULL);
    struct bpf_map_info info;
    __u32 len = sizeof(info);
    memset(&info, 0, sizeof(info));
    int r = bpf_obj_get_info_by_fd(fd, &info, &len);
    printf("info ret %d len %u: type %u key %u value %u max %u flags %u name '%s'\n", r, len, info.type,
           info.key_size, info.value_size, info.max_entries, info.map_flags, info.name);
    LIBBPF_OPTS(bpf_map_create_opts, lru, .map_flags = BPF_F_NO_COMMON_LRU);
    int lfd = bpf_map_create(BPF_MAP_TYPE_LRU_HASH, "lrupcpu", 4, 4, 7, &lru);
    memset(&info, 0, sizeof(info));
    bpf_obj_get_info_by_fd(lfd, &info, &len);
    printf("NO_COMMON_LRU max_entries 7 -> %u (%d possible CPUs)\n", info.max_entries, libbpf_num_possible_cpus());
    struct bpf_map_create_opts bad = { .sz = 4 };
    r = bpf_map_create(BPF_MAP_TYPE_HASH, "a", 4, 4, 4, &bad);
    printf("opts.sz 4: %d %s\n", r, strerror(-r));
    return 0;
}

// expect: hash key_size 0                    -22 Invalid argument
// expect: hash value_size 0                  -22 Invalid argument
// expect: hash max_entries 0                 -22 Invalid argument
// expect: hash NO_COMMON_LRU                 -22 Invalid argument
// expect: hash MMAPABLE                      -22 Invalid argument
// expect: hash RDONLY|WRONLY                 -22 Invalid argument
// expect: hash 2^27+1 entries                -7 Argument list too long
// expect: array key_size 8                   -22 Invalid argument
// expect: array ZERO_SEED                    -22 Invalid argument
// expect: array NO_PREALLOC                  -22 Invalid argument
// expect: lru NO_PREALLOC                    -524 Unknown error 524
// expect: stack key_size 4                   -22 Invalid argument
// expect: unknown type 99                    -22 Invalid argument
// expect: name with '-'                      -22 Invalid argument
// expect: name with '.'                      3 ok
// expect: flag bit 20                        -22 Invalid argument
// expect: info ret 0 len 88: type 1 key 4 value 4 max 7 flags 0 name 'hash_map_exampl'
// expect: NO_COMMON_LRU max_entries 7 -> 8 (2 possible CPUs)
// expect: opts.sz 4: -22 Invalid argument
// expect-stderr: libbpf: bpf_map_create_opts size (4) is too small
