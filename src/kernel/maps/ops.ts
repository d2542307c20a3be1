/**
 * The per-type operations table, like the kernel's `struct bpf_map_ops`. syscall.ts validates
 * attrs, permissions and user pointers, then calls these with kernel addresses only: keys and
 * values have already been copied into kernel memory (or, for BPF programs, live there).
 *
 * Conventions: every function returns 0 / a value address / a count on success and a
 * negative errno on failure. `flags` are u32 numbers (the syscall layer turns any u64 with high
 * bits into BAD_FLAGS, which every type rejects). `cpu` is the CPU running the operation.
 * Operations take the map lock themselves; lookups of hash maps are lock-free, as under RCU.
 */
import type { KernelMemory } from '../memory'
import type { MapDesc } from './desc'

/** `union bpf_attr` fields of BPF_MAP_CREATE, as u32 numbers. */
export interface CreateAttr {
  mapType: number
  keySize: number
  valueSize: number
  maxEntries: number
  mapFlags: number
  innerMapFd: number
  numaNode: number
  mapExtraLo: number
  mapExtraHi: number
}

/** A u64 flags value with bits above 31 set, reduced to something every check rejects. */
export const BAD_FLAGS = 0x80000000

/** Reduce a flags number (possibly from a u64) to a u32 the ops can test with bit operations. */
export function normFlags(flags: number): number {
  return flags >= 0 && flags <= 0xffffffff ? flags >>> 0 : BAD_FLAGS
}

/** How the batch commands work for a type (null = ENOTSUPP). */
export interface BatchSupport {
  lookup: 'hash' | 'generic' | null
  lookupAndDelete: 'hash' | null
  update: boolean
  delete: boolean
}

export interface MapOps {
  readonly name: string
  /** Values are per-CPU (one slot per possible CPU: MapDesc.pcpuStride apart in the kernel, round_up(value_size, 8) for userspace). */
  readonly percpu: boolean
  readonly batch: BatchSupport
  /** Queue/stack: userspace element commands mean push/pop/peek. */
  readonly queueLike: boolean

  /** bpf_map_value_size for non-per-CPU types (fd maps would give 4). */
  userValueSize(valueSize: number): number
  /** map_alloc_check: attribute validation (spec 3.3). 0 or -errno. */
  allocCheck(a: CreateAttr, ncpu: number): number
  /**
   * map_alloc: fill the type-specific descriptor words of slot word `w` (max_entries may be
   * adjusted) and allocate storage. 0 or -errno (E2BIG, ENOMEM). On failure nothing is left allocated.
   */
  alloc(mem: KernelMemory, w: number, a: CreateAttr): number
  /** Free every allocation of the map. */
  free(mem: KernelMemory, m: MapDesc): void

  /** Syscall-side lookup: address of the value (per-CPU: CPU 0's slot, the others follow), 0 if none. */
  lookup(mem: KernelMemory, m: MapDesc, keyAddr: number): number
  /** bpf_map_lookup_elem from a program on `cpu`: that CPU's copy; LRU sets the reference bit. */
  progLookup(mem: KernelMemory, m: MapDesc, keyAddr: number, cpu: number): number
  /**
   * progLookup for one map and CPU, for a program's call sites (its helper is bound to &map once):
   * a map type may return a version specialised to the map (absent: progLookup itself).
   */
  boundProgLookup?(mem: KernelMemory, m: MapDesc, cpu: number): (keyAddr: number) => number
  /** bpf_map_lookup_percpu_elem: `target` CPU's copy or 0. */
  progLookupPercpu(mem: KernelMemory, m: MapDesc, keyAddr: number, cpu: number, target: number): number
  /**
   * map_update_elem. `onAllCpus`: the value holds every CPU's slot (syscall); otherwise it holds
   * one value for the running CPU (program).
   */
  update(mem: KernelMemory, m: MapDesc, keyAddr: number, valueAddr: number, flags: number, cpu: number, onAllCpus: boolean): number
  delete(mem: KernelMemory, m: MapDesc, keyAddr: number, cpu: number): number
  /** Copies the value (userValueSize bytes) to outAddr, then deletes. Undefined = ENOTSUPP. */
  lookupAndDelete?(mem: KernelMemory, m: MapDesc, keyAddr: number, outAddr: number, flags: number, cpu: number): number
  /** keyAddr 0 = NULL. Writes key_size bytes at outAddr. */
  getNextKey(mem: KernelMemory, m: MapDesc, keyAddr: number, outAddr: number): number

  /** Queue/stack. */
  push?(mem: KernelMemory, m: MapDesc, valueAddr: number, flags: number): number
  pop?(mem: KernelMemory, m: MapDesc, outAddr: number): number
  peek?(mem: KernelMemory, m: MapDesc, outAddr: number): number

  /**
   * Hash batch: under the lock, count bucket b; when 0 < count <= min(room, cap) copy its keys
   * and values (head to tail) to keysOut/valsOut and delete them if `del`. Returns the count.
   */
  bucketBatch?(mem: KernelMemory, m: MapDesc, b: number, room: number, cap: number, keysOut: number, valsOut: number, del: boolean, cpu: number): number

  /**
   * Lock-free walk for snapshots (tolerates concurrent writers, bounded, never writes): calls
   * fn for every element in iteration order with its key address, value address and bucket
   * (-1 if none). keyAddr 0 means the key is not stored: it is `index` as a u32 (arrays), or
   * empty when index is -1 (queue/stack).
   */
  forEach(mem: KernelMemory, m: MapDesc, fn: (keyAddr: number, valueAddr: number, bucket: number, index: number) => void): void
}
