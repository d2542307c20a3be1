/**
 * `struct bpf_map` in shared memory, and its per-worker JS mirror.
 *
 * Each map owns one fixed slot of the map table (MAP_SLOT_BYTES). The words below are the
 * kernel's truth and are read/written by every worker. `MapDesc` caches the fields that never
 * change after creation (sizes, seed, storage table addresses, the ops table), so the hot
 * paths read shared memory only for mutable state (count, free lists, frozen, refcount).
 * A worker validates a cached MapDesc by comparing its id with the slot's id word, since a
 * slot is reused (under a new id) after a map is freed.
 */
import type { MapOps } from './ops'

/** Descriptor words (Int32 index relative to the slot's first word). */
export const D = {
  /** 0 free, 1 being created, 2 live, 3 being destroyed. */
  STATE: 0,
  ID: 1,
  TYPE: 2,
  KEY_SIZE: 3,
  VALUE_SIZE: 4,
  MAX_ENTRIES: 5,
  FLAGS: 6,
  REFCNT: 7,
  FROZEN: 8,
  /** Map lock: writers of this map (element updates, LRU lists, queue head/tail). */
  LOCK: 9,
  /** Number of elements (hash maps, queue/stack). */
  COUNT: 10,
  N_BUCKETS: 11,
  SEED: 12,
  EXTRA_LO: 13,
  EXTRA_HI: 14,
  /** Bytes of kernel memory this map holds. */
  MEM: 15,
  NAME: 16, // 4 words = 16 bytes
  /** Hash: table of bucket chunks; log2 buckets per chunk. */
  BTABLE: 20,
  BSHIFT: 21,
  /** Hash: table of element chunks; log2 elements per chunk; element size; pool size. */
  ETABLE: 22,
  ESHIFT: 23,
  ELEM_SIZE: 24,
  NELEMS: 25,
  /** Hash (prealloc, not LRU): free list head, never-used elements handed out so far. */
  FREE_HEAD: 26,
  FRESH: 27,
  /** HASH prealloc: per-CPU spare element addresses (the kernel's extra_elems). */
  SPARES: 28,
  /** Array values / queue slot chunk table. */
  DATA: 29,
  /** LRU list state block. */
  LRU: 30,
  Q_HEAD: 31,
  Q_TAIL: 32,
  Q_SIZE: 33,
  /** NO_PREALLOC hash: ring of recently freed elements (RCU grace period stand-in), and its cursor. */
  RCU_RING: 34,
  RCU_POS: 35,
  /** Number of (non-fd) holders: pins and programs, for the snapshot. */
  PROG_REFS: 36,
  /** Creator pid. */
  CREATOR: 37,
  /**
   * Hash (prealloc, not LRU): per-CPU [next, end) ranges of never-used element indexes, as the
   * kernel's pcpu_freelist hands each CPU its own run of elements.
   */
  FRESH_RANGES: 38,
} as const

export const MapState = { FREE: 0, CREATING: 1, LIVE: 2, DYING: 3 } as const

/** Immutable view of one map for this worker. */
export class MapDesc {
  /** Word index of the descriptor slot. */
  readonly w: number
  readonly id: number
  readonly type: number
  readonly keySize: number
  readonly valueSize: number
  readonly maxEntries: number
  readonly flags: number
  readonly seed: number
  readonly nBuckets: number
  readonly bmask: number
  /** Word index of the bucket chunk table, and log2/mask of buckets per chunk. */
  readonly btableW: number
  readonly bshift: number
  readonly bchunkMask: number
  readonly etableW: number
  readonly eshift: number
  readonly emask: number
  readonly elemSize: number
  readonly nElems: number
  /**
   * Offset of the value inside a hash element: after the 24-byte header and the 8-aligned key,
   * rounded up to a cache line in per-CPU maps (see pcpuStride).
   */
  readonly valOff: number
  /** round_up(value_size, 8): array element stride, and a per-CPU slot as userspace sees it. */
  readonly stride: number
  /**
   * Distance between two CPUs' copies of one per-CPU value in kernel memory: the stride rounded
   * up to 64 bytes, so no two CPUs' copies share a cache line (the kernel keeps each in its own
   * CPU's per-CPU area). Userspace sees them `stride` apart (valueToUser / valueFromUser).
   */
  readonly pcpuStride: number
  readonly percpu: boolean
  /** Bytes of a value as userspace sees it (bpf_map_value_size): per-CPU = stride * possible CPUs. */
  readonly userValueSize: number
  readonly prealloc: boolean
  readonly data: number
  readonly lruW: number
  /** Scratch for per-type JS objects (e.g. the LRU list engine) built lazily by the ops. */
  ext: unknown = null

  constructor(
    i32: Int32Array,
    readonly slot: number,
    slotAddr: number,
    readonly ops: MapOps,
    ncpu: number,
  ) {
    const w = slotAddr >> 2
    this.w = w
    this.id = i32[w + D.ID]
    this.type = i32[w + D.TYPE]
    this.keySize = i32[w + D.KEY_SIZE] >>> 0
    this.valueSize = i32[w + D.VALUE_SIZE] >>> 0
    this.maxEntries = i32[w + D.MAX_ENTRIES] >>> 0
    this.flags = i32[w + D.FLAGS] >>> 0
    this.seed = i32[w + D.SEED] >>> 0
    this.nBuckets = i32[w + D.N_BUCKETS] >>> 0
    this.bmask = (this.nBuckets - 1) | 0
    this.btableW = i32[w + D.BTABLE] >> 2
    this.bshift = i32[w + D.BSHIFT]
    this.bchunkMask = (1 << this.bshift) - 1
    this.etableW = i32[w + D.ETABLE] >> 2
    this.eshift = i32[w + D.ESHIFT]
    this.emask = (1 << this.eshift) - 1
    this.elemSize = i32[w + D.ELEM_SIZE]
    this.nElems = i32[w + D.NELEMS] >>> 0
    this.stride = this.valueSize <= 0x7ffffff0 ? (this.valueSize + 7) & ~7 : Math.ceil(this.valueSize / 8) * 8
    this.percpu = ops.percpu
    this.pcpuStride = this.percpu ? percpuStride(this.valueSize) : this.stride
    this.valOff = hashValueOffset(this.keySize, this.percpu)
    this.userValueSize = this.percpu ? this.stride * ncpu : ops.userValueSize(this.valueSize)
    this.prealloc = (this.flags & 1) === 0
    this.data = i32[w + D.DATA]
    this.lruW = i32[w + D.LRU] >> 2
  }
}

/** Kernel distance between CPUs' copies of a per-CPU value of `valueSize` bytes (MapDesc.pcpuStride). */
export function percpuStride(valueSize: number): number {
  return Math.ceil(valueSize / 64) * 64
}

/** Offset of the value in a hash element (MapDesc.valOff). */
export function hashValueOffset(keySize: number, percpu: boolean): number {
  const off = 24 + Math.ceil(keySize / 8) * 8
  return percpu ? Math.ceil(off / 64) * 64 : off
}
