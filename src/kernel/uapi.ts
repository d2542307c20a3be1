/**
 * The kernel's user-visible ABI: bpf() commands, map types, flags, errno values and the byte
 * layout of `union bpf_attr` and `struct bpf_map_info` as in Linux UAPI 6.1 (x86-64).
 * Userspace (runtime/libbpf) writes attrs with these offsets; kernel/syscall reads them.
 */

export const BpfCmd = {
  MAP_CREATE: 0,
  MAP_LOOKUP_ELEM: 1,
  MAP_UPDATE_ELEM: 2,
  MAP_DELETE_ELEM: 3,
  MAP_GET_NEXT_KEY: 4,
  PROG_LOAD: 5,
  OBJ_PIN: 6,
  OBJ_GET: 7,
  OBJ_GET_INFO_BY_FD: 15,
  MAP_LOOKUP_AND_DELETE_ELEM: 21,
  MAP_FREEZE: 22,
  MAP_LOOKUP_BATCH: 24,
  MAP_LOOKUP_AND_DELETE_BATCH: 25,
  MAP_UPDATE_BATCH: 26,
  MAP_DELETE_BATCH: 27,
} as const

export const MapType = {
  UNSPEC: 0,
  HASH: 1,
  ARRAY: 2,
  PROG_ARRAY: 3,
  PERF_EVENT_ARRAY: 4,
  PERCPU_HASH: 5,
  PERCPU_ARRAY: 6,
  STACK_TRACE: 7,
  CGROUP_ARRAY: 8,
  LRU_HASH: 9,
  LRU_PERCPU_HASH: 10,
  LPM_TRIE: 11,
  ARRAY_OF_MAPS: 12,
  HASH_OF_MAPS: 13,
  DEVMAP: 14,
  SOCKMAP: 15,
  CPUMAP: 16,
  XSKMAP: 17,
  SOCKHASH: 18,
  CGROUP_STORAGE: 19,
  REUSEPORT_SOCKARRAY: 20,
  PERCPU_CGROUP_STORAGE: 21,
  QUEUE: 22,
  STACK: 23,
  SK_STORAGE: 24,
  DEVMAP_HASH: 25,
  STRUCT_OPS: 26,
  RINGBUF: 27,
  INODE_STORAGE: 28,
  TASK_STORAGE: 29,
  BLOOM_FILTER: 30,
  USER_RINGBUF: 31,
  CGRP_STORAGE: 32,
  ARENA: 33,
} as const
/** One past the last map type this UAPI knows (unknown type -> EINVAL). */
export const MAP_TYPE_MAX = 34

export const MAP_TYPE_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(MapType).map(([k, v]) => [v, k.toLowerCase()]),
)

/** Update flags. */
export const BPF_ANY = 0
export const BPF_NOEXIST = 1
export const BPF_EXIST = 2
export const BPF_F_LOCK = 4

/** map_flags at creation. */
export const MapFlag = {
  NO_PREALLOC: 0x1,
  NO_COMMON_LRU: 0x2,
  NUMA_NODE: 0x4,
  RDONLY: 0x8,
  WRONLY: 0x10,
  STACK_BUILD_ID: 0x20,
  ZERO_SEED: 0x40,
  RDONLY_PROG: 0x80,
  WRONLY_PROG: 0x100,
  CLONE: 0x200,
  MMAPABLE: 0x400,
  PRESERVE_ELEMS: 0x800,
  INNER_MAP: 0x1000,
} as const

export const Errno = {
  EPERM: 1,
  ENOENT: 2,
  ESRCH: 3,
  EINTR: 4,
  EIO: 5,
  E2BIG: 7,
  EBADF: 9,
  EBADFD: 77,
  EAGAIN: 11,
  ENOMEM: 12,
  EACCES: 13,
  EFAULT: 14,
  EBUSY: 16,
  EEXIST: 17,
  ENOTDIR: 20,
  EISDIR: 21,
  EINVAL: 22,
  EMFILE: 24,
  ENOSPC: 28,
  ERANGE: 34,
  ENAMETOOLONG: 36,
  ENOSYS: 38,
  ENOTEMPTY: 39,
  EOPNOTSUPP: 95,
  ENOTSUPP: 524,
} as const

/** `union bpf_attr` field offsets, per command group. All pointers are u64. */
export const Attr = {
  SIZE: 144, // sizeof(union bpf_attr) in UAPI 6.1
  create: {
    map_type: 0,
    key_size: 4,
    value_size: 8,
    max_entries: 12,
    map_flags: 16,
    inner_map_fd: 20,
    numa_node: 24,
    map_name: 28, // char[16]
    map_ifindex: 44,
    btf_fd: 48,
    btf_key_type_id: 52,
    btf_value_type_id: 56,
    btf_vmlinux_value_type_id: 60,
    map_extra: 64, // u64
    SIZE: 72,
  },
  elem: {
    map_fd: 0,
    key: 8,
    value: 16, // also next_key for GET_NEXT_KEY
    flags: 24,
    SIZE: 32,
  },
  batch: {
    in_batch: 0,
    out_batch: 8,
    keys: 16,
    values: 24,
    count: 32, // u32
    map_fd: 36,
    elem_flags: 40,
    flags: 48,
    SIZE: 56,
  },
  obj: {
    pathname: 0,
    bpf_fd: 8,
    file_flags: 12,
    SIZE: 16,
  },
  info: {
    bpf_fd: 0,
    info_len: 4,
    info: 8,
    SIZE: 16,
  },
} as const

/** `struct bpf_map_info` (UAPI 6.1). */
export const MapInfo = {
  type: 0,
  id: 4,
  key_size: 8,
  value_size: 12,
  max_entries: 16,
  map_flags: 20,
  name: 24, // char[16]
  ifindex: 40,
  btf_vmlinux_value_type_id: 44,
  netns_dev: 48,
  netns_ino: 56,
  btf_id: 64,
  btf_key_type_id: 68,
  btf_value_type_id: 72,
  map_extra: 80,
  SIZE: 88,
} as const

export const BPF_OBJ_NAME_LEN = 16
