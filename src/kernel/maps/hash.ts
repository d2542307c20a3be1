/**
 * HASH, PERCPU_HASH, LRU_HASH and LRU_PERCPU_HASH (kernel/bpf/hashtab.c), spec sections 4-5.
 *
 * Buckets: n_buckets = roundup_pow_of_two(max_entries) singly linked lists, newest element at
 * the head, bucket = jhash(key, key_size, seed) & (n_buckets - 1). A chain ends in a "nulls"
 * marker naming its bucket (bucket << 1 | 1), so a lock-free reader that followed an element
 * which was meanwhile moved to another bucket notices and restarts (hlist_nulls, as in Linux).
 * Writers hold the map lock and publish links with Atomics.store; readers use plain loads.
 *
 * The bucket array and the element pool are allocated in chunks on first use: a map with
 * max_entries 2^27 costs little until it is filled. Behaviour is that of the preallocated
 * kernel map: the pool holds max_entries elements (plus one spare per possible CPU for HASH),
 * a free list recycles deleted elements (LIFO), and a HASH update of an existing key builds
 * the new element in the running CPU's spare and makes the replaced element the new spare
 * (spec 4.8), so stale program pointers see what they see on Linux (spec 12.3).
 * BPF_F_NO_PREALLOC elements come from kmalloc; freed ones wait in a small ring (standing in
 * for the RCU grace period) before their memory is reused.
 */
import { BPF_EXIST, BPF_F_LOCK, BPF_NOEXIST, Errno, MapFlag, MapType } from '../uapi'
import type { KernelMemory } from '../memory'
import { jhashKey, jhashWord } from '../jhash'
import { D, hashValueOffset, percpuStride, type MapDesc } from './desc'
import { ACCESS_MASK, accessOk, kcopy, keyEq, kzero, log2, mapAlloc, mapFree, roundupPow2, valueFromUser, valueToUser } from './common'
import { E_HASH, E_HNEXT, E_KEY, E_LPREV, E_REF, ELEM_HDR } from './hash_layout'
import { LruLists } from './lru'
import type { CreateAttr, MapOps } from './ops'
import { spinLock, spinUnlock } from '../lock'

/** KMALLOC_MAX_SIZE - sizeof(struct htab_elem): key_size + value_size must stay below this. */
const HTAB_KV_LIMIT = 4 * 1024 * 1024 - 48
/** PCPU_MIN_UNIT_SIZE */
const PCPU_MIN_UNIT_SIZE = 32768
const HTAB_CREATE_FLAG_MASK =
  MapFlag.NO_PREALLOC | MapFlag.NO_COMMON_LRU | MapFlag.NUMA_NODE | ACCESS_MASK | MapFlag.ZERO_SEED
const RCU_RING_LEN = 64
const MAX_BUCKET_CHUNK_SHIFT = 10
const MAX_ELEM_CHUNKS = 4096
const MAX_ELEM_CHUNK_BYTES = 4 << 20

function nulls(b: number): number {
  return (b << 1) | 1
}

export class HashOps implements MapOps {
  readonly batch = { lookup: 'hash', lookupAndDelete: 'hash', update: true, delete: true } as const
  readonly queueLike = false

  constructor(
    readonly name: string,
    readonly percpu: boolean,
    readonly lru: boolean,
  ) {}

  userValueSize(valueSize: number): number {
    return valueSize
  }

  // ---- creation --------------------------------------------------------------------------

  allocCheck(a: CreateAttr): number {
    const f = a.mapFlags
    const percpuLru = (f & MapFlag.NO_COMMON_LRU) !== 0
    const prealloc = (f & MapFlag.NO_PREALLOC) === 0
    // ZERO_SEED needs CAP_SYS_ADMIN; the playground user is root.
    if ((f & ~HTAB_CREATE_FLAG_MASK) !== 0 || !accessOk(f)) return -Errno.EINVAL
    if (!this.lru && percpuLru) return -Errno.EINVAL
    if (this.lru && !prealloc) return -Errno.ENOTSUPP
    if ((f & MapFlag.NUMA_NODE) !== 0 && (this.percpu || percpuLru)) return -Errno.EINVAL
    if (a.maxEntries === 0 || a.keySize === 0 || a.valueSize === 0) return -Errno.EINVAL
    if (a.keySize + a.valueSize >= HTAB_KV_LIMIT) return -Errno.E2BIG
    if (this.percpu && roundUp8(a.valueSize) > PCPU_MIN_UNIT_SIZE) return -Errno.E2BIG
    return 0
  }

  alloc(mem: KernelMemory, w: number, a: CreateAttr): number {
    const i32 = mem.i32
    const ncpu = mem.ncpu
    const percpuLru = (a.mapFlags & MapFlag.NO_COMMON_LRU) !== 0
    const prealloc = (a.mapFlags & MapFlag.NO_PREALLOC) === 0
    let maxEntries = a.maxEntries
    if (percpuLru) {
      // Each CPU's list gets the same number of nodes (>= 1).
      const up = Math.ceil(maxEntries / ncpu) * ncpu
      maxEntries = up > 0xffffffff ? Math.floor(maxEntries / ncpu) * ncpu : up
    }
    if (maxEntries > 2 ** 31) return -Errno.E2BIG
    const nBuckets = roundupPow2(maxEntries)
    // n_buckets * sizeof(struct bucket) must fit in u32.
    if (nBuckets > Math.floor(0xffffffff / 16)) return -Errno.E2BIG
    // per-CPU values start a cache line each (MapDesc.pcpuStride), so elements are whole lines
    const elemSize = this.percpu ? hashValueOffset(a.keySize, true) + percpuStride(a.valueSize) * ncpu : ELEM_HDR + roundUp8(a.keySize) + roundUp8(a.valueSize)
    if (elemSize > 0x7fff0000) return -Errno.ENOMEM
    const spares = prealloc && !this.lru && !this.percpu ? ncpu : 0
    const nElems = prealloc ? maxEntries + spares : 0

    const allocs: number[] = []
    const take = (bytes: number): number => {
      const p = mapAlloc(mem, w, bytes)
      if (p !== 0) allocs.push(p)
      return p
    }
    const fail = (): number => {
      for (const p of allocs) mapFree(mem, w, p)
      return -Errno.ENOMEM
    }

    const bshift = Math.min(MAX_BUCKET_CHUNK_SHIFT, log2(nBuckets))
    const btable = take((nBuckets / (1 << bshift)) * 4)
    if (btable === 0) return fail()
    let etable = 0
    let eshift = 0
    if (prealloc) {
      let ce = 64
      while (ce < nElems && Math.ceil(nElems / ce) > MAX_ELEM_CHUNKS) ce *= 2
      while (ce > 1 && ce * elemSize > MAX_ELEM_CHUNK_BYTES) ce /= 2
      if (ce > nElems) ce = roundupPow2(nElems)
      eshift = log2(ce)
      etable = take(Math.ceil(nElems / ce) * 4)
      if (etable === 0) return fail()
    }
    let sparesAddr = 0
    if (spares > 0) {
      sparesAddr = take(ncpu * 4)
      if (sparesAddr === 0) return fail()
    }
    let freshRanges = 0
    if (prealloc && !this.lru) {
      // pcpu_freelist_populate: nr_elems / num_possible_cpus() + 1 elements per CPU, in order
      freshRanges = take(ncpu * 8)
      if (freshRanges === 0) return fail()
      const per = Math.floor(maxEntries / ncpu) + 1
      for (let c = 0; c < ncpu; c++) {
        i32[(freshRanges >> 2) + 2 * c] = Math.min(c * per, maxEntries)
        i32[(freshRanges >> 2) + 2 * c + 1] = Math.min((c + 1) * per, maxEntries)
      }
    }
    let lruAddr = 0
    if (this.lru) {
      lruAddr = take(LruLists.stateWords(ncpu, percpuLru) * 4)
      if (lruAddr === 0) return fail()
      LruLists.init(i32, lruAddr >> 2, ncpu, percpuLru, maxEntries)
    }
    let rcuRing = 0
    if (!prealloc) {
      rcuRing = take(RCU_RING_LEN * 4)
      if (rcuRing === 0) return fail()
    }
    i32[w + D.MAX_ENTRIES] = maxEntries | 0
    i32[w + D.N_BUCKETS] = nBuckets | 0
    i32[w + D.BTABLE] = btable
    i32[w + D.BSHIFT] = bshift
    i32[w + D.ETABLE] = etable
    i32[w + D.ESHIFT] = eshift
    i32[w + D.ELEM_SIZE] = elemSize
    i32[w + D.NELEMS] = nElems | 0
    i32[w + D.FREE_HEAD] = 0
    i32[w + D.FRESH] = 0
    i32[w + D.SPARES] = sparesAddr
    i32[w + D.FRESH_RANGES] = freshRanges
    i32[w + D.LRU] = lruAddr
    i32[w + D.RCU_RING] = rcuRing
    i32[w + D.RCU_POS] = 0
    i32[w + D.COUNT] = 0
    return 0
  }

  free(mem: KernelMemory, m: MapDesc): void {
    const i32 = mem.i32
    const w = m.w
    const nChunks = m.nBuckets >>> m.bshift
    if (!m.prealloc) {
      // Elements are individual allocations: free the linked ones and the ones waiting in the ring.
      for (let c = 0; c < nChunks; c++) {
        const chunk = i32[m.btableW + c]
        if (chunk === 0) continue
        for (let j = 0; j <= m.bchunkMask && (c << m.bshift) + j < m.nBuckets; j++) {
          let n = i32[(chunk >> 2) + j]
          while ((n & 1) === 0) {
            const next = i32[n >> 2]
            mapFree(mem, w, n)
            n = next
          }
        }
      }
      const ring = i32[w + D.RCU_RING]
      for (let k = 0; k < RCU_RING_LEN; k++) mapFree(mem, w, i32[(ring >> 2) + k])
      mapFree(mem, w, ring)
    } else {
      const nec = Math.ceil(m.nElems / (1 << m.eshift))
      for (let c = 0; c < nec; c++) mapFree(mem, w, i32[m.etableW + c])
      mapFree(mem, w, m.etableW << 2)
    }
    for (let c = 0; c < nChunks; c++) mapFree(mem, w, i32[m.btableW + c])
    mapFree(mem, w, m.btableW << 2)
    mapFree(mem, w, i32[w + D.SPARES])
    mapFree(mem, w, i32[w + D.FRESH_RANGES])
    mapFree(mem, w, i32[w + D.LRU])
  }

  // ---- buckets and elements ------------------------------------------------------------------

  private hashOf(mem: KernelMemory, m: MapDesc, keyAddr: number): number {
    return jhashKey(mem.i32, mem.u8, keyAddr, m.keySize, m.seed) | 0
  }

  /** Word index of bucket b's head, or -1 if its chunk was never allocated (empty). */
  private headIdx(i32: Int32Array, m: MapDesc, b: number): number {
    const chunk = i32[m.btableW + (b >>> m.bshift)]
    return chunk === 0 ? -1 : (chunk >> 2) + (b & m.bchunkMask)
  }

  /** headIdx, allocating the bucket chunk (under the map lock). -1 = out of memory. */
  private ensureHead(mem: KernelMemory, m: MapDesc, b: number): number {
    const i32 = mem.i32
    const ti = m.btableW + (b >>> m.bshift)
    let chunk = i32[ti]
    if (chunk === 0) {
      const n = Math.min(1 << m.bshift, m.nBuckets)
      chunk = mapAlloc(mem, m.w, n * 4)
      if (chunk === 0) return -1
      const first = (b >>> m.bshift) << m.bshift
      for (let j = 0; j < n; j++) i32[(chunk >> 2) + j] = nulls(first + j)
      Atomics.store(i32, ti, chunk)
    }
    return (chunk >> 2) + (b & m.bchunkMask)
  }

  /** Address of pool element idx (allocating its chunk). 0 = out of memory. */
  elemAddr(mem: KernelMemory, m: MapDesc, idx: number): number {
    const i32 = mem.i32
    const ci = idx >>> m.eshift
    let chunk = i32[m.etableW + ci]
    if (chunk === 0) {
      const first = ci * (1 << m.eshift)
      const n = Math.min(1 << m.eshift, m.nElems - first)
      chunk = mapAlloc(mem, m.w, n * m.elemSize, m.percpu ? 64 : 8)
      if (chunk === 0) return 0
      i32[m.etableW + ci] = chunk
    }
    return chunk + (idx & m.emask) * m.elemSize
  }

  /** Search a bucket (caller holds the lock or accepts a racy answer). */
  private find(mem: KernelMemory, m: MapDesc, hi: number, hash: number, keyAddr: number): number {
    const i32 = mem.i32
    let n = i32[hi]
    if (m.keySize === 4 && (keyAddr & 3) === 0) {
      // the common u32 key: one word compare instead of keyEq's loop
      const kw = i32[keyAddr >> 2]
      while ((n & 1) === 0) {
        if (i32[(n + E_HASH) >> 2] === hash && i32[(n + E_KEY) >> 2] === kw) return n
        n = i32[(n + E_HNEXT) >> 2]
      }
      return 0
    }
    while ((n & 1) === 0) {
      if (i32[(n + E_HASH) >> 2] === hash && keyEq(mem, n + E_KEY, keyAddr, m.keySize)) return n
      n = i32[(n + E_HNEXT) >> 2]
    }
    return 0
  }

  /** Lock-free lookup (RCU style). Returns the element address or 0. */
  lookupElem(mem: KernelMemory, m: MapDesc, keyAddr: number): number {
    const i32 = mem.i32
    const hash = this.hashOf(mem, m, keyAddr)
    const b = hash & m.bmask
    const end = nulls(b)
    const limit = m.maxEntries + mem.ncpu + 8
    const fastKey = m.keySize === 4 && (keyAddr & 3) === 0
    const kw = i32[keyAddr >> 2]
    for (let attempt = 0; attempt < 4; attempt++) {
      const hi = this.headIdx(i32, m, b)
      if (hi < 0) return 0
      let n = i32[hi]
      let steps = 0
      while ((n & 1) === 0) {
        if (i32[(n + E_HASH) >> 2] === hash) {
          if (fastKey ? i32[(n + E_KEY) >> 2] === kw : keyEq(mem, n + E_KEY, keyAddr, m.keySize)) return n
        }
        n = i32[(n + E_HNEXT) >> 2]
        if (++steps > limit) break
      }
      if (n === end) return 0
      // The walk left our bucket (an element was recycled under us): retry.
    }
    const lockW = m.w + D.LOCK
    spinLock(i32, lockW)
    try {
      const hi = this.headIdx(i32, m, b)
      return hi < 0 ? 0 : this.find(mem, m, hi, hash, keyAddr)
    } finally {
      spinUnlock(i32, lockW)
    }
  }

  /** Unlink element `target` from the bucket at head index hi. */
  private unlink(i32: Int32Array, hi: number, target: number): boolean {
    let prev = hi
    let n = i32[hi]
    while ((n & 1) === 0) {
      if (n === target) {
        // Plain store: it only makes the list skip an element, publishing nothing new.
        i32[prev] = i32[(n + E_HNEXT) >> 2]
        return true
      }
      prev = (n + E_HNEXT) >> 2
      n = i32[prev]
    }
    return false
  }

  private linkHead(i32: Int32Array, hi: number, n: number): void {
    i32[(n + E_HNEXT) >> 2] = i32[hi]
    Atomics.store(i32, hi, n)
  }

  /**
   * Take an element (prealloc, not LRU): a freed one, else a never-used one from `cpu`'s own
   * run of elements, else from the next CPU's that has some (as __pcpu_freelist_pop steals).
   * Each CPU's new elements thus sit together in memory, not interleaved with another CPU's on
   * shared cache lines. 0 = none left.
   */
  private popFree(mem: KernelMemory, m: MapDesc, cpu: number): number {
    const i32 = mem.i32
    const head = i32[m.w + D.FREE_HEAD]
    if (head !== 0) {
      i32[m.w + D.FREE_HEAD] = i32[(head + E_LPREV) >> 2]
      return head
    }
    const ranges = i32[m.w + D.FRESH_RANGES] >> 2
    const ncpu = mem.ncpu
    for (let k = 0; k < ncpu; k++) {
      const r = ranges + 2 * ((cpu + k) % ncpu)
      const idx = i32[r]
      if (idx >= i32[r + 1]) continue
      const a = this.elemAddr(mem, m, idx)
      if (a !== 0) {
        i32[r] = idx + 1
        i32[m.w + D.FRESH]++
      }
      return a
    }
    return 0
  }

  /** HASH prealloc replace: this CPU's spare becomes the new element, `old` the new spare. */
  private swapSpare(mem: KernelMemory, m: MapDesc, cpu: number, old: number): number {
    const i32 = mem.i32
    const si = (i32[m.w + D.SPARES] >> 2) + cpu
    let n = i32[si]
    if (n === 0) n = this.elemAddr(mem, m, m.maxEntries + cpu)
    if (n !== 0) i32[si] = old
    return n
  }

  /** An element left the map: back to the free list / LRU / allocator (after the grace ring). */
  private freeElem(mem: KernelMemory, m: MapDesc, n: number): void {
    const i32 = mem.i32
    if (this.lru) {
      this.lruOf(mem, m).release(n)
    } else if (m.prealloc) {
      i32[(n + E_LPREV) >> 2] = i32[m.w + D.FREE_HEAD]
      i32[m.w + D.FREE_HEAD] = n
    } else {
      const ring = i32[m.w + D.RCU_RING] >> 2
      const pos = i32[m.w + D.RCU_POS]
      const old = i32[ring + pos]
      i32[ring + pos] = n
      i32[m.w + D.RCU_POS] = (pos + 1) % RCU_RING_LEN
      if (old !== 0) mapFree(mem, m.w, old)
    }
  }

  lruOf(mem: KernelMemory, m: MapDesc): LruLists {
    let l = m.ext as LruLists | null
    if (l === null) {
      const i32 = mem.i32
      l = new LruLists(
        i32,
        m.lruW,
        mem.ncpu,
        (m.flags & MapFlag.NO_COMMON_LRU) !== 0,
        m.maxEntries,
        (idx) => this.elemAddr(mem, m, idx),
        (node) => this.delFromHtab(mem, m, node),
      )
      m.ext = l
    }
    return l
  }

  /** htab_lru_map_delete_node: eviction of an LRU node's element. */
  private delFromHtab(mem: KernelMemory, m: MapDesc, node: number): boolean {
    const i32 = mem.i32
    const hi = this.headIdx(i32, m, i32[(node + E_HASH) >> 2] & m.bmask)
    if (hi < 0 || !this.unlink(i32, hi, node)) return false
    i32[m.w + D.COUNT]--
    return true
  }

  /** Store a value into a new element's value area. */
  private initValue(mem: KernelMemory, m: MapDesc, n: number, valueAddr: number, cpu: number, onAllCpus: boolean): void {
    const dst = n + m.valOff
    if (!this.percpu) {
      kcopy(mem, dst, valueAddr, m.valueSize)
    } else if (onAllCpus) {
      valueFromUser(mem, m, dst, valueAddr)
    } else {
      // pcpu_init_value from a program: this CPU gets the value (8-byte rounded copy, as
      // copy_map_value_long), the other CPUs are zeroed.
      for (let c = 0; c < mem.ncpu; c++) {
        if (c === cpu) kcopy(mem, dst + c * m.pcpuStride, valueAddr, Math.min(m.stride, mem.u8.length - valueAddr))
        else kzero(mem, dst + c * m.pcpuStride, m.valueSize)
      }
    }
  }

  /** Per-CPU in-place update of an existing element. */
  private overwritePercpu(mem: KernelMemory, m: MapDesc, n: number, valueAddr: number, cpu: number, onAllCpus: boolean): void {
    const dst = n + m.valOff
    if (onAllCpus) valueFromUser(mem, m, dst, valueAddr)
    else kcopy(mem, dst + cpu * m.pcpuStride, valueAddr, m.valueSize)
  }

  // ---- element operations --------------------------------------------------------------------

  lookup(mem: KernelMemory, m: MapDesc, keyAddr: number): number {
    const n = this.lookupElem(mem, m, keyAddr)
    return n === 0 ? 0 : n + m.valOff
  }

  progLookup(mem: KernelMemory, m: MapDesc, keyAddr: number, cpu: number): number {
    const n = this.lookupElem(mem, m, keyAddr)
    if (n === 0) return 0
    if (this.lru) {
      const r = (n + E_REF) >> 2
      if (mem.i32[r] === 0) mem.i32[r] = 1
    }
    return this.percpu ? n + m.valOff + cpu * m.pcpuStride : n + m.valOff
  }

  /**
   * progLookup bound to one map and CPU. The common case, a map that is not LRU with a 4-byte key
   * at an aligned address, is one small function: the key's jhash and lookupElem's lock-free
   * walk of its bucket with the map's geometry captured, which V8 can inline into the program
   * (through progLookup's chain of calls, the per-source HASH program of the XDP bench took 37 ns
   * a packet instead of 23).
   * Anything else, and a walk that left its bucket or ran too long, goes the general way.
   */
  boundProgLookup(mem: KernelMemory, m: MapDesc, cpu: number): (keyAddr: number) => number {
    const general = (keyAddr: number): number => this.progLookup(mem, m, keyAddr, cpu)
    if (this.lru || m.keySize !== 4) return general
    const i32 = mem.i32
    const { seed, bmask, btableW, bshift, bchunkMask } = m
    const valOff = this.percpu ? m.valOff + cpu * m.pcpuStride : m.valOff
    const limit = m.maxEntries + mem.ncpu + 8
    return (keyAddr: number): number => {
      if ((keyAddr & 3) !== 0) return general(keyAddr)
      const kw = i32[keyAddr >> 2]
      const hash = jhashWord(kw, seed) | 0
      const b = hash & bmask
      const chunk = i32[btableW + (b >>> bshift)]
      if (chunk === 0) return 0
      let n = i32[(chunk >> 2) + (b & bchunkMask)]
      for (let steps = 0; (n & 1) === 0 && steps < limit; steps++) {
        if (i32[(n + E_HASH) >> 2] === hash && i32[(n + E_KEY) >> 2] === kw) return n + valOff
        n = i32[(n + E_HNEXT) >> 2]
      }
      return n === nulls(b) ? 0 : general(keyAddr)
    }
  }

  progLookupPercpu(mem: KernelMemory, m: MapDesc, keyAddr: number, cpu: number, target: number): number {
    if (!this.percpu || target >= mem.ncpu || target < 0) return 0
    const n = this.lookupElem(mem, m, keyAddr)
    if (n === 0) return 0
    if (this.lru) {
      const r = (n + E_REF) >> 2
      if (mem.i32[r] === 0) mem.i32[r] = 1
    }
    return n + m.valOff + target * m.pcpuStride
  }

  update(mem: KernelMemory, m: MapDesc, keyAddr: number, valueAddr: number, flags: number, cpu: number, onAllCpus: boolean): number {
    if (this.lru) return this.percpu ? this.updateLruPercpu(mem, m, keyAddr, valueAddr, flags, cpu, onAllCpus) : this.updateLru(mem, m, keyAddr, valueAddr, flags, cpu)
    if (this.percpu) {
      if (flags > BPF_EXIST) return -Errno.EINVAL
    } else {
      if ((flags & ~BPF_F_LOCK) >>> 0 > BPF_EXIST) return -Errno.EINVAL
      // No map value carries a bpf_spin_lock (no BTF): BPF_F_LOCK is always refused.
      if ((flags & BPF_F_LOCK) !== 0) return -Errno.EINVAL
    }
    const i32 = mem.i32
    const hash = this.hashOf(mem, m, keyAddr)
    const lockW = m.w + D.LOCK
    spinLock(i32, lockW)
    try {
      const hi = this.ensureHead(mem, m, hash & m.bmask)
      if (hi < 0) return -Errno.ENOMEM
      const old = this.find(mem, m, hi, hash, keyAddr)
      const op = flags & 3
      if (old !== 0 && op === BPF_NOEXIST) return -Errno.EEXIST
      if (old === 0 && op === BPF_EXIST) return -Errno.ENOENT
      if (old !== 0 && this.percpu) {
        this.overwritePercpu(mem, m, old, valueAddr, cpu, onAllCpus)
        return 0
      }
      let n: number
      if (m.prealloc) {
        if (old !== 0) {
          n = this.swapSpare(mem, m, cpu, old)
          if (n === 0) return -Errno.ENOMEM
        } else {
          if (i32[m.w + D.FREE_HEAD] === 0 && i32[m.w + D.FRESH] >= m.maxEntries) return -Errno.E2BIG
          n = this.popFree(mem, m, cpu)
          if (n === 0) return -Errno.ENOMEM
        }
      } else {
        if (old === 0 && i32[m.w + D.COUNT] >= m.maxEntries) return -Errno.E2BIG
        n = mapAlloc(mem, m.w, m.elemSize, m.percpu ? 64 : 8)
        if (n === 0) return -Errno.ENOMEM
      }
      kcopy(mem, n + E_KEY, keyAddr, m.keySize)
      i32[(n + E_HASH) >> 2] = hash
      this.initValue(mem, m, n, valueAddr, cpu, onAllCpus)
      this.linkHead(i32, hi, n)
      if (old !== 0) {
        this.unlink(i32, hi, old)
        if (!m.prealloc) this.freeElem(mem, m, old)
      } else {
        i32[m.w + D.COUNT]++
      }
      return 0
    } finally {
      spinUnlock(i32, lockW)
    }
  }

  /** htab_lru_map_update_elem (spec 5): acquire first (may evict), then check the flags. */
  private updateLru(mem: KernelMemory, m: MapDesc, keyAddr: number, valueAddr: number, flags: number, cpu: number): number {
    if (flags > BPF_EXIST) return -Errno.EINVAL
    const i32 = mem.i32
    const hash = this.hashOf(mem, m, keyAddr)
    const lockW = m.w + D.LOCK
    spinLock(i32, lockW)
    try {
      const lru = this.lruOf(mem, m)
      const n = lru.acquire(cpu, hash)
      if (n === 0) return -Errno.ENOMEM
      kcopy(mem, n + E_KEY, keyAddr, m.keySize)
      kcopy(mem, n + m.valOff, valueAddr, m.valueSize)
      const hi = this.ensureHead(mem, m, hash & m.bmask)
      if (hi < 0) {
        lru.release(n)
        return -Errno.ENOMEM
      }
      const old = this.find(mem, m, hi, hash, keyAddr)
      if ((old !== 0 && flags === BPF_NOEXIST) || (old === 0 && flags === BPF_EXIST)) {
        lru.release(n)
        return old !== 0 ? -Errno.EEXIST : -Errno.ENOENT
      }
      this.linkHead(i32, hi, n)
      i32[m.w + D.COUNT]++
      if (old !== 0) {
        i32[(n + E_REF) >> 2] = 1
        this.unlink(i32, hi, old)
        i32[m.w + D.COUNT]--
        lru.release(old)
      }
      return 0
    } finally {
      spinUnlock(i32, lockW)
    }
  }

  /** __htab_lru_percpu_map_update_elem: BPF_EXIST never acquires; existing keys update in place. */
  private updateLruPercpu(mem: KernelMemory, m: MapDesc, keyAddr: number, valueAddr: number, flags: number, cpu: number, onAllCpus: boolean): number {
    if (flags > BPF_EXIST) return -Errno.EINVAL
    const i32 = mem.i32
    const hash = this.hashOf(mem, m, keyAddr)
    const lockW = m.w + D.LOCK
    spinLock(i32, lockW)
    try {
      const lru = this.lruOf(mem, m)
      let n = 0
      if (flags !== BPF_EXIST) {
        n = lru.acquire(cpu, hash)
        if (n === 0) return -Errno.ENOMEM
        kcopy(mem, n + E_KEY, keyAddr, m.keySize)
      }
      const hi = this.ensureHead(mem, m, hash & m.bmask)
      if (hi < 0) {
        if (n !== 0) lru.release(n)
        return -Errno.ENOMEM
      }
      const old = this.find(mem, m, hi, hash, keyAddr)
      if ((old !== 0 && flags === BPF_NOEXIST) || (old === 0 && flags === BPF_EXIST)) {
        if (n !== 0) lru.release(n)
        return old !== 0 ? -Errno.EEXIST : -Errno.ENOENT
      }
      if (old !== 0) {
        i32[(old + E_REF) >> 2] = 1
        this.overwritePercpu(mem, m, old, valueAddr, cpu, onAllCpus)
        if (n !== 0) lru.release(n)
      } else {
        this.initValue(mem, m, n, valueAddr, cpu, onAllCpus)
        this.linkHead(i32, hi, n)
        i32[m.w + D.COUNT]++
      }
      return 0
    } finally {
      spinUnlock(i32, lockW)
    }
  }

  delete(mem: KernelMemory, m: MapDesc, keyAddr: number): number {
    return this.remove(mem, m, keyAddr, null)
  }

  lookupAndDelete(mem: KernelMemory, m: MapDesc, keyAddr: number, outAddr: number, flags: number): number {
    // Only 0 or BPF_F_LOCK, and BPF_F_LOCK needs a bpf_spin_lock no value has here.
    if (flags !== 0) return -Errno.EINVAL
    return this.remove(mem, m, keyAddr, outAddr)
  }

  /** Unlinks and frees the key's element, its value copied out to outAddr first unless null. */
  private remove(mem: KernelMemory, m: MapDesc, keyAddr: number, outAddr: number | null): number {
    const i32 = mem.i32
    const hash = this.hashOf(mem, m, keyAddr)
    const lockW = m.w + D.LOCK
    spinLock(i32, lockW)
    try {
      const hi = this.headIdx(i32, m, hash & m.bmask)
      const n = hi < 0 ? 0 : this.find(mem, m, hi, hash, keyAddr)
      if (n === 0) return -Errno.ENOENT
      if (outAddr !== null) valueToUser(mem, m, outAddr, n + m.valOff)
      this.unlink(i32, hi, n)
      i32[m.w + D.COUNT]--
      this.freeElem(mem, m, n)
      return 0
    } finally {
      spinUnlock(i32, lockW)
    }
  }

  getNextKey(mem: KernelMemory, m: MapDesc, keyAddr: number, outAddr: number): number {
    const i32 = mem.i32
    const lockW = m.w + D.LOCK
    spinLock(i32, lockW)
    try {
      let i = 0
      if (keyAddr !== 0) {
        const hash = this.hashOf(mem, m, keyAddr)
        const b = hash & m.bmask
        const hi = this.headIdx(i32, m, b)
        const n = hi < 0 ? 0 : this.find(mem, m, hi, hash, keyAddr)
        if (n !== 0) {
          const next = i32[(n + E_HNEXT) >> 2]
          if ((next & 1) === 0) {
            kcopy(mem, outAddr, next + E_KEY, m.keySize)
            return 0
          }
          i = b + 1
        }
      }
      for (; i < m.nBuckets; i++) {
        const hi = this.headIdx(i32, m, i)
        if (hi < 0) {
          i |= m.bchunkMask // skip the whole unallocated chunk
          continue
        }
        const head = i32[hi]
        if ((head & 1) === 0) {
          kcopy(mem, outAddr, head + E_KEY, m.keySize)
          return 0
        }
      }
      return -Errno.ENOENT
    } finally {
      spinUnlock(i32, lockW)
    }
  }

  bucketBatch(mem: KernelMemory, m: MapDesc, b: number, room: number, cap: number, keysOut: number, valsOut: number, del: boolean): number {
    const i32 = mem.i32
    const lockW = m.w + D.LOCK
    spinLock(i32, lockW)
    try {
      const hi = this.headIdx(i32, m, b)
      if (hi < 0) return 0
      let cnt = 0
      for (let n = i32[hi]; (n & 1) === 0; n = i32[(n + E_HNEXT) >> 2]) cnt++
      if (cnt === 0 || cnt > room || cnt > cap) return cnt
      const ks = m.keySize
      const vs = m.userValueSize
      let k = 0
      for (let n = i32[hi]; (n & 1) === 0; n = i32[(n + E_HNEXT) >> 2]) {
        kcopy(mem, keysOut + k * ks, n + E_KEY, ks)
        valueToUser(mem, m, valsOut + k * vs, n + m.valOff)
        k++
      }
      if (del) {
        // Unlink all first; LRU nodes are released in reverse (the kernel's node_to_free stack).
        const victims: number[] = []
        for (let n = i32[hi]; (n & 1) === 0; n = i32[(n + E_HNEXT) >> 2]) victims.push(n)
        Atomics.store(i32, hi, nulls(b))
        i32[m.w + D.COUNT] -= victims.length
        if (this.lru) for (let j = victims.length - 1; j >= 0; j--) this.freeElem(mem, m, victims[j])
        else for (const n of victims) this.freeElem(mem, m, n)
      }
      return cnt
    } finally {
      spinUnlock(i32, lockW)
    }
  }

  forEach(mem: KernelMemory, m: MapDesc, fn: (keyAddr: number, valueAddr: number, bucket: number, index: number) => void): void {
    const i32 = mem.i32
    const lo = mem.heapStart
    const hiAddr = mem.heapEnd
    const limit = m.maxEntries + mem.ncpu + 8
    let seen = 0
    for (let b = 0; b < m.nBuckets; b++) {
      const hi = this.headIdx(i32, m, b)
      if (hi < 0) {
        b |= m.bchunkMask
        continue
      }
      let n = Atomics.load(i32, hi)
      let steps = 0
      while ((n & 1) === 0) {
        if (n < lo || n + m.elemSize > hiAddr || (n & 7) !== 0 || ++steps > limit) break
        fn(n + E_KEY, n + m.valOff, b, -1)
        if (++seen > limit) return
        n = Atomics.load(i32, (n + E_HNEXT) >> 2)
      }
    }
  }
}

function roundUp8(n: number): number {
  return n <= 0x7ffffff0 ? (n + 7) & ~7 : Math.ceil(n / 8) * 8
}

export const hashOps = new HashOps('hash', false, false)
export const percpuHashOps = new HashOps('percpu_hash', true, false)
export const lruHashOps = new HashOps('lru_hash', false, true)
export const lruPercpuHashOps = new HashOps('lru_percpu_hash', true, true)

/** Map types served by this file. */
export const HASH_TYPES: Record<number, HashOps> = {
  [MapType.HASH]: hashOps,
  [MapType.PERCPU_HASH]: percpuHashOps,
  [MapType.LRU_HASH]: lruHashOps,
  [MapType.LRU_PERCPU_HASH]: lruPercpuHashOps,
}

