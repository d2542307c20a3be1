/**
 * /proc/PID/fdinfo/FD for a map fd, and the `memlock` figure in it. bpftool reads `memlock`
 * and `frozen` from there (get_fdinfo), not from bpf(): so the text must be the kernel's
 * (bpf_map_show_fdinfo, kernel/bpf/syscall.c):
 *
 *   pos:	0
 *   flags:	02000002
 *   map_type:	1
 *   key_size:	4
 *   ...
 *   memlock:	2320
 *   map_id:	30
 *   frozen:	0
 *
 * (mnt_id and ino are left out: the simulator has no anonymous inodes to number.)
 *
 * memlock is `map->ops->map_mem_usage()` (Linux 6.4+), computed with the structure sizes of
 * x86-64 Linux 6.18 as built for this project's machines, and checked against it (bpftool's
 * real-kernel test): sizeof(struct bpf_htab) 832 (896 in an earlier build of the same kernel:
 * it depends on the configuration), struct bucket 16,
 * HASHTAB_MAP_LOCK_COUNT 8 int locks per CPU, struct htab_elem 48, struct llist_node 8,
 * sizeof(struct bpf_array) and sizeof(struct bpf_queue_stack) 312. Kernels before 6.4
 * print a page-rounded estimate instead (round_up(max_entries * round_up(key + value, 8),
 * PAGE_SIZE)). It is the kernel's accounting formula, not the simulator's own allocations
 * (MapSnapshot.memoryBytes), which follow a different allocator.
 */
import type { Kernel } from './kernel'
import type { KernelMemory } from './memory'
import { D, type MapDesc } from './maps/desc'
import { fdMapSlot, fdPerms, FD_FILE, PERM_READ, PERM_WRITE } from './fdtable'
import { MapFlag, MapType } from './uapi'

const SIZEOF_BPF_HTAB = 832
const SIZEOF_BUCKET = 16
const HASHTAB_MAP_LOCK_COUNT = 8
const SIZEOF_HTAB_ELEM = 48
const SIZEOF_LLIST_NODE = 8
const SIZEOF_PTR = 8
const SIZEOF_BPF_ARRAY = 312
const SIZEOF_BPF_QUEUE_STACK = 312
const PAGE_SIZE = 4096

const r8 = (n: number) => Math.ceil(n / 8) * 8
const pageAlign = (n: number) => Math.ceil(n / PAGE_SIZE) * PAGE_SIZE

/** map->ops->map_mem_usage(map) for the map types the simulator implements. */
export function mapMemUsage(mem: KernelMemory, m: MapDesc): number {
  const ncpu = mem.ncpu
  const entries = m.maxEntries
  switch (m.type) {
    case MapType.HASH:
    case MapType.PERCPU_HASH:
    case MapType.LRU_HASH:
    case MapType.LRU_PERCPU_HASH: {
      // htab_map_mem_usage
      const percpu = m.type === MapType.PERCPU_HASH || m.type === MapType.LRU_PERCPU_HASH
      const lru = m.type === MapType.LRU_HASH || m.type === MapType.LRU_PERCPU_HASH
      const valueSize = r8(m.valueSize)
      const elemSize = SIZEOF_HTAB_ELEM + r8(m.keySize) + (percpu ? SIZEOF_PTR : valueSize)
      let usage = SIZEOF_BPF_HTAB + SIZEOF_BUCKET * m.nBuckets + 4 * ncpu * HASHTAB_MAP_LOCK_COUNT
      // LRU maps are always preallocated.
      if ((m.flags & MapFlag.NO_PREALLOC) === 0 || lru) {
        // htab_has_extra_elems: plain HASH keeps one spare element per CPU.
        const n = entries + (!percpu && !lru ? ncpu : 0)
        usage += elemSize * n
        if (percpu) usage += valueSize * ncpu * n
        else if (!lru) usage += SIZEOF_PTR * ncpu
      } else {
        const n = mem.i32[m.w + D.COUNT]
        usage += (elemSize + SIZEOF_LLIST_NODE) * n
        if (percpu) {
          usage += (SIZEOF_LLIST_NODE + SIZEOF_PTR) * n
          usage += valueSize * ncpu * n
        }
      }
      return usage
    }
    case MapType.ARRAY:
    case MapType.PERCPU_ARRAY: {
      // array_map_mem_usage
      const elemSize = r8(m.valueSize)
      if (m.type === MapType.PERCPU_ARRAY) return SIZEOF_BPF_ARRAY + entries * SIZEOF_PTR + entries * elemSize * ncpu
      if ((m.flags & MapFlag.MMAPABLE) !== 0) return pageAlign(SIZEOF_BPF_ARRAY) + pageAlign(entries * elemSize)
      return SIZEOF_BPF_ARRAY + entries * elemSize
    }
    case MapType.QUEUE:
    case MapType.STACK:
      // queue_stack_map_mem_usage
      return SIZEOF_BPF_QUEUE_STACK + (entries + 1) * m.valueSize
    default:
      return 0
  }
}

/**
 * The text of /proc/PID/fdinfo/FD, or null when the fd is not open. Anything but a map fd
 * only gets the generic lines here.
 */
export function fdinfo(k: Kernel, pid: number, fd: number): string | null {
  const slot = k.fds.slotOf(pid)
  if (slot < 0) return null
  const e = k.fds.get(slot, fd)
  if (e === 0) return null
  // Not a map (a plain file, or a program / link fd): the generic lines only.
  if (e === FD_FILE || fdMapSlot(e) < 0) return 'pos:\t0\nflags:\t02\n'
  const m = k.mapTable.desc(fdMapSlot(e))
  const perms = fdPerms(e)
  // O_CLOEXEC | O_RDWR / O_RDONLY / O_WRONLY, in octal as the kernel prints f_flags.
  const acc = (perms & (PERM_READ | PERM_WRITE)) === (PERM_READ | PERM_WRITE) ? 2 : (perms & PERM_WRITE) !== 0 ? 1 : 0
  const i32 = k.mem.i32
  const extra = (BigInt(i32[m.w + D.EXTRA_HI] >>> 0) << 32n) | BigInt(i32[m.w + D.EXTRA_LO] >>> 0)
  return (
    `pos:\t0\nflags:\t0200000${acc}\n` +
    `map_type:\t${m.type}\n` +
    `key_size:\t${m.keySize}\n` +
    `value_size:\t${m.valueSize}\n` +
    `max_entries:\t${m.maxEntries}\n` +
    `map_flags:\t${hexAlt(BigInt(m.flags))}\n` +
    `map_extra:\t${hexAlt(extra)}\n` +
    `memlock:\t${mapMemUsage(k.mem, m)}\n` +
    `map_id:\t${m.id}\n` +
    `frozen:\t${i32[m.w + D.FROZEN] !== 0 ? 1 : 0}\n`
  )
}

/** printf("%#x"): 0 prints as "0x0" in the kernel's vsnprintf (unlike glibc's "0"). */
function hexAlt(v: bigint): string {
  return `0x${v.toString(16)}`
}
