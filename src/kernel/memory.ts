/**
 * The kernel's memory: one SharedArrayBuffer holding every piece of kernel state, laid out as
 *
 *   [0, 4096)            header: layout, global counters, locks, allocator bins. Never handed
 *                        out, so address 0 stays NULL for BPF programs (their DataView starts
 *                        at 4096, the ABI's NULL_GUARD).
 *   map table            fixed slots, one `struct bpf_map` each (maps/desc.ts)
 *   process table        pid, comm and the fd table of each process (fdtable.ts)
 *   vfs node table       the file tree, bpffs included (bpffs.ts)
 *   event ring           the kernel event log (events.ts)
 *   heap                 everything else: map storage, CPU stacks, packets (kmalloc/kfree)
 *
 * The heap allocator is a boundary-tag allocator with segregated free lists (power-of-two
 * bins), immediate coalescing and zeroed allocations (kzalloc semantics), guarded by one
 * spinlock. Addresses are byte offsets into the buffer and always fit in an Int32.
 */
import { spinLock, spinUnlock } from './lock'

/** First byte the kernel hands out; equals the ABI's NULL_GUARD (src/lang/abi.ts). */
export const KERNEL_RESERVED = 4096

export const KERNEL_MAGIC = 0x4b504642 // "BFPK"
const LAYOUT_VERSION = 1

/** Header words (Int32 indexes). */
export const H = {
  MAGIC: 0,
  VERSION: 1,
  NCPU: 2,
  MEM_BYTES: 3,
  /** Global lock: map table, processes and fds, vfs, reference counts. */
  KLOCK: 4,
  /** Heap allocator lock. */
  ALOCK: 5,
  NEXT_MAP_ID: 6,
  NEXT_PID: 7,
  /** PRNG state for map hash seeds (from config.hashSeed, else random per boot). */
  PRNG: 8,
  /** 1 once helper calls are recorded in the per-CPU rings (EventLog.traceHelperCalls; never back to 0). */
  HELPER_TRACE: 9,
  /** Event sequence: low 32 bits and completed half-epochs (events.ts). */
  EV_LO: 10,
  EV_HALF: 11,
  MAP_TABLE: 12,
  MAX_MAPS: 13,
  PROC_TABLE: 14,
  MAX_PROCS: 15,
  MAX_FDS: 16,
  VFS_TABLE: 17,
  MAX_NODES: 18,
  EV_RING: 19,
  EV_CAP: 20,
  HEAP_START: 21,
  HEAP_END: 22,
  HEAP_USED: 23,
  /** Number of live maps (for quick snapshots). */
  NR_MAPS: 24,
  /** Address of the program / link / netdev table (progs.ts). */
  PROG_TABLE: 25,
  /** Per-CPU rings of helper-call events (events.ts) and each ring's record capacity. */
  HEV_RINGS: 26,
  HEV_CAP: 27,
  /** Boot time, Float64 index (byte 128). */
  BOOT_TIME_F64: 16,
  /** Simulated time added to the real clock (sleep() in a process), ns, Float64 index (byte 136). */
  CLOCK_OFFSET_F64: 17,
  /** Allocator bin heads: 32 words from word 64. */
  BINS: 64,
} as const

export const MAX_MAPS = 1024
export const MAP_SLOT_BYTES = 256
export const MAX_PROCS = 64
/** RLIMIT_NOFILE soft limit of a default Linux shell. */
export const MAX_FDS = 1024
export const PROC_HDR_BYTES = 64
export const PROC_SLOT_BYTES = PROC_HDR_BYTES + MAX_FDS * 4
export const MAX_NODES = 2048
export const NODE_BYTES = 304
export const EV_CAP = 8192
export const EV_REC_BYTES = 80
/** Helper-call events kept per CPU (at most; fewer on small kernels with many CPUs), record bytes, ring header bytes. */
export const HEV_MAX_CAP = 4096
export const HEV_REC_BYTES = 32
export const HEV_HDR_BYTES = 64

/** Records per CPU ring: a power of two, the rings taking at most 1/16 of kernel memory. */
function helperRingCap(possibleCpus: number, memoryBytes: number): number {
  let cap = HEV_MAX_CAP
  while (cap > 16 && possibleCpus * (HEV_HDR_BYTES + cap * HEV_REC_BYTES) > memoryBytes / 16) cap >>= 1
  return cap
}

const BLK_HDR = 8
const BLK_FTR = 4
const BLK_MIN = 32
const BLK_MAGIC = 0x6b626c6b
const NBINS = 32

export const DEFAULT_MEMORY_BYTES = 64 << 20
export const MIN_MEMORY_BYTES = 4 << 20
export const MAX_MEMORY_BYTES = 0x7fff0000

export interface FormatOptions {
  possibleCpus: number
  memoryBytes: number
  prngSeed?: number
}

/** Views over the kernel buffer plus the heap allocator. One per worker (attach). */
export class KernelMemory {
  readonly i32: Int32Array
  readonly u8: Uint8Array
  readonly f64: Float64Array
  readonly dv: DataView
  readonly ncpu: number
  readonly heapStart: number
  readonly heapEnd: number
  readonly mapTable: number
  readonly procTable: number
  readonly vfsTable: number
  readonly evRing: number
  readonly hevRings: number

  constructor(readonly sab: SharedArrayBuffer) {
    this.i32 = new Int32Array(sab)
    this.u8 = new Uint8Array(sab)
    this.f64 = new Float64Array(sab, 0, sab.byteLength >> 3)
    this.dv = new DataView(sab)
    if (this.i32[H.MAGIC] !== KERNEL_MAGIC || this.i32[H.VERSION] !== LAYOUT_VERSION) {
      throw new Error('not a bpfplay kernel buffer (bad magic or version)')
    }
    this.ncpu = this.i32[H.NCPU]
    this.heapStart = this.i32[H.HEAP_START]
    this.heapEnd = this.i32[H.HEAP_END]
    this.mapTable = this.i32[H.MAP_TABLE]
    this.procTable = this.i32[H.PROC_TABLE]
    this.vfsTable = this.i32[H.VFS_TABLE]
    this.evRing = this.i32[H.EV_RING]
    this.hevRings = this.i32[H.HEV_RINGS]
  }

  /** Lay out a fresh buffer ("boot"). */
  static format(sab: SharedArrayBuffer, o: FormatOptions): void {
    const i32 = new Int32Array(sab)
    let at = KERNEL_RESERVED
    const take = (bytes: number): number => {
      const a = at
      at += (bytes + 63) & ~63
      return a
    }
    i32[H.NCPU] = o.possibleCpus
    i32[H.MEM_BYTES] = sab.byteLength
    i32[H.NEXT_MAP_ID] = 1
    i32[H.NEXT_PID] = 1000
    i32[H.EV_LO] = 1
    i32[H.MAP_TABLE] = take(MAX_MAPS * MAP_SLOT_BYTES)
    i32[H.MAX_MAPS] = MAX_MAPS
    i32[H.PROC_TABLE] = take(MAX_PROCS * PROC_SLOT_BYTES)
    i32[H.MAX_PROCS] = MAX_PROCS
    i32[H.MAX_FDS] = MAX_FDS
    i32[H.VFS_TABLE] = take(MAX_NODES * NODE_BYTES)
    i32[H.MAX_NODES] = MAX_NODES
    i32[H.EV_RING] = take(EV_CAP * EV_REC_BYTES)
    i32[H.EV_CAP] = EV_CAP
    const hevCap = helperRingCap(o.possibleCpus, sab.byteLength)
    i32[H.HEV_RINGS] = take(o.possibleCpus * (HEV_HDR_BYTES + hevCap * HEV_REC_BYTES))
    i32[H.HEV_CAP] = hevCap
    const heapStart = take(0)
    const heapEnd = sab.byteLength & ~7
    i32[H.HEAP_START] = heapStart
    i32[H.HEAP_END] = heapEnd
    // Map hash seeds come from a PRNG in kernel memory, seeded from the config or at random per
    // boot: random like Linux's get_random_u32() to the observer, yet a kernel checkpoint holds
    // the state, so a replay after a step back (time travel) draws the same seeds.
    i32[H.PRNG] = o.prngSeed !== undefined ? o.prngSeed | 0 : globalThis.crypto.getRandomValues(new Int32Array(1))[0]
    new Float64Array(sab, 0, 32)[H.BOOT_TIME_F64] = wallNow()
    // The whole heap starts as one free block.
    const size = heapEnd - heapStart
    i32[heapStart >> 2] = size
    i32[(heapStart >> 2) + 1] = BLK_MAGIC
    i32[(heapEnd - 4) >> 2] = size
    i32[(heapStart + 8) >> 2] = 0
    i32[(heapStart + 12) >> 2] = 0
    i32[H.BINS + binOf(size)] = heapStart
    i32[H.VERSION] = LAYOUT_VERSION
    Atomics.store(i32, H.MAGIC, KERNEL_MAGIC)
  }

  /**
   * Allocate `size` zeroed bytes aligned to `align` (a power of two, at least 8).
   * Returns the address, or 0 when no block is large enough (ENOMEM).
   */
  kmalloc(size: number, align = 8): number {
    if (!(size >= 0) || size > MAX_MEMORY_BYTES) return 0
    if (align < 8) align = 8
    let need = (size + BLK_HDR + BLK_FTR + 7) & ~7
    if (need < BLK_MIN) need = BLK_MIN
    const search = align > 8 ? need + align + BLK_MIN : need
    if (search > MAX_MEMORY_BYTES) return 0
    const i32 = this.i32
    let b = 0
    let bsize = 0
    spinLock(i32, H.ALOCK)
    try {
      b = this.findFit(search)
      if (b === 0) return 0
      bsize = i32[b >> 2] & ~7
      this.removeFree(b, bsize)
      if (align > 8) {
        let p = b + BLK_HDR
        const mis = p & (align - 1)
        if (mis !== 0) {
          p += align - mis
          while (p - BLK_HDR - b < BLK_MIN) p += align
          const lead = p - BLK_HDR - b
          this.setBlock(b, lead, 0)
          this.insertFree(b, lead)
          b = p - BLK_HDR
          bsize -= lead
        }
      }
      if (bsize - need >= BLK_MIN) {
        const rest = b + need
        this.setBlock(rest, bsize - need, 0)
        this.insertFree(rest, bsize - need)
        bsize = need
      }
      this.setBlock(b, bsize, 1)
      i32[H.HEAP_USED] += bsize
    } finally {
      spinUnlock(i32, H.ALOCK)
    }
    this.u8.fill(0, b + BLK_HDR, b + bsize - BLK_FTR)
    return b + BLK_HDR
  }

  /** Free memory from kmalloc. Throws on a pointer that is not a live allocation (a kernel bug). */
  kfree(addr: number): void {
    if (addr === 0) return
    const i32 = this.i32
    const b = addr - BLK_HDR
    if (b < this.heapStart || b >= this.heapEnd || (b & 7) !== 0 || i32[(b >> 2) + 1] !== BLK_MAGIC || (i32[b >> 2] & 1) === 0) {
      throw new Error(`kfree: not an allocated block: 0x${addr.toString(16)}`)
    }
    spinLock(i32, H.ALOCK)
    try {
      let size = i32[b >> 2] & ~7
      i32[H.HEAP_USED] -= size
      let start = b
      const next = b + size
      if (next < this.heapEnd) {
        const nh = i32[next >> 2]
        if ((nh & 1) === 0) {
          this.removeFree(next, nh & ~7)
          size += nh & ~7
          i32[(next >> 2) + 1] = 0
        }
      }
      if (b > this.heapStart) {
        const pf = i32[(b - 4) >> 2]
        if ((pf & 1) === 0) {
          const ps = pf & ~7
          start = b - ps
          this.removeFree(start, ps)
          size += ps
          i32[(b >> 2) + 1] = 0
        }
      }
      this.setBlock(start, size, 0)
      this.insertFree(start, size)
    } finally {
      spinUnlock(i32, H.ALOCK)
    }
  }

  /** Bytes usable at addr (at least what was asked for). */
  usableSize(addr: number): number {
    return (this.i32[(addr - BLK_HDR) >> 2] & ~7) - BLK_HDR - BLK_FTR
  }

  /** Bytes of heap in use (allocated blocks, headers included). */
  heapUsed(): number {
    return Atomics.load(this.i32, H.HEAP_USED)
  }

  heapSize(): number {
    return this.heapEnd - this.heapStart
  }

  /**
   * Walk every heap block and check the allocator's invariants (headers match footers, no
   * two free blocks touch, every free block is on its bin list). Throws on corruption.
   * For tests and debugging; not safe against concurrent allocation.
   */
  heapCheck(): { used: number; free: number; blocks: number } {
    const i32 = this.i32
    const binned = new Set<number>()
    for (let bin = 0; bin < NBINS; bin++) {
      for (let b = i32[H.BINS + bin], prev = 0; b !== 0; prev = b, b = i32[(b + 8) >> 2]) {
        if (i32[(b + 12) >> 2] !== prev) throw new Error(`heap: bad prev link at 0x${b.toString(16)}`)
        if (binOf(i32[b >> 2] & ~7) !== bin) throw new Error(`heap: block in wrong bin at 0x${b.toString(16)}`)
        binned.add(b)
      }
    }
    let used = 0
    let free = 0
    let blocks = 0
    let prevFree = false
    for (let b = this.heapStart; b < this.heapEnd; ) {
      const h = i32[b >> 2]
      const size = h & ~7
      if (size < BLK_MIN || b + size > this.heapEnd || i32[(b + size - 4) >> 2] !== h || i32[(b >> 2) + 1] !== BLK_MAGIC) {
        throw new Error(`heap: corrupt block at 0x${b.toString(16)}`)
      }
      const isFree = (h & 1) === 0
      if (isFree && prevFree) throw new Error(`heap: adjacent free blocks at 0x${b.toString(16)}`)
      if (isFree !== binned.has(b)) throw new Error(`heap: free list mismatch at 0x${b.toString(16)}`)
      if (isFree) free += size
      else used += size
      prevFree = isFree
      blocks++
      b += size
    }
    if (used !== i32[H.HEAP_USED]) throw new Error(`heap: used ${used} != counter ${i32[H.HEAP_USED]}`)
    return { used, free, blocks }
  }

  lockKernel(): void {
    spinLock(this.i32, H.KLOCK)
  }

  unlockKernel(): void {
    spinUnlock(this.i32, H.KLOCK)
  }

  /** Milliseconds since the epoch at boot (wall clock with sub-ms precision). */
  bootTime(): number {
    return this.f64[H.BOOT_TIME_F64]
  }

  private findFit(search: number): number {
    const i32 = this.i32
    for (let bin = binOf(search); bin < NBINS; bin++) {
      let b = i32[H.BINS + bin]
      while (b !== 0) {
        if ((i32[b >> 2] & ~7) >= search) return b
        b = i32[(b + 8) >> 2]
      }
    }
    return 0
  }

  private setBlock(b: number, size: number, used: number): void {
    const i32 = this.i32
    i32[b >> 2] = size | used
    i32[(b >> 2) + 1] = BLK_MAGIC
    i32[(b + size - 4) >> 2] = size | used
  }

  private insertFree(b: number, size: number): void {
    const i32 = this.i32
    const bin = H.BINS + binOf(size)
    const head = i32[bin]
    i32[(b + 8) >> 2] = head
    i32[(b + 12) >> 2] = 0
    if (head !== 0) i32[(head + 12) >> 2] = b
    i32[bin] = b
  }

  private removeFree(b: number, size: number): void {
    const i32 = this.i32
    const next = i32[(b + 8) >> 2]
    const prev = i32[(b + 12) >> 2]
    if (prev !== 0) i32[(prev + 8) >> 2] = next
    else i32[H.BINS + binOf(size)] = next
    if (next !== 0) i32[(next + 12) >> 2] = prev
  }
}

function binOf(size: number): number {
  return 31 - Math.clz32(size)
}

/** Wall clock in ms with sub-ms precision, comparable across workers. */
export function wallNow(): number {
  return performance.timeOrigin + performance.now()
}

/** round_up(n, 8) for any u32 n (no 32-bit overflow). */
export function roundUp8(n: number): number {
  return n <= 0x7ffffff0 ? (n + 7) & ~7 : Math.ceil(n / 8) * 8
}
