/**
 * The LRU engine of LRU_HASH / LRU_PERCPU_HASH: kernel/bpf/bpf_lru_list.c, node for node, as
 * specified in map-semantics section 5 (that model matched the real kernel on 147k operations).
 *
 * Every element slot of an LRU map is a node. With the common LRU (default) a node is on one of
 * the global lists FREE / ACTIVE / INACTIVE or on a per-CPU LOCAL_FREE / PENDING list; with
 * BPF_F_NO_COMMON_LRU each CPU owns N/C nodes on its own FREE / ACTIVE / INACTIVE lists.
 * Lists are doubly linked through the node header (LPREV = newer neighbour, LNEXT = older),
 * head = newest. The INACTIVE list has a rotation cursor R (0 = the list head itself).
 *
 * Never-used nodes are not threaded onto FREE at creation: FREE is "the explicit FREE list,
 * then the fresh nodes FRESH..FRESH_END in index order". Nothing is ever appended to FREE's
 * tail, so this is the same list, without touching (or allocating) memory for unused slots.
 * All calls run under the map lock.
 */
import { E_HASH, E_LNEXT, E_LPREV, E_LTYPE, E_REF } from './hash_layout'

/** Node types, numbered as in the kernel (bpf_lru_list.h). */
export const LruType = { ACTIVE: 0, INACTIVE: 1, FREE: 2, LOCAL_FREE: 3, PENDING: 4 } as const

// List struct: head, tail, count.
const HEAD = 0
const TAIL = 1
const COUNT = 2
// A list set (global, or one per CPU with NO_COMMON_LRU).
const S_ACTIVE = 0
const S_INACTIVE = 3
const S_FREE = 6
const S_ROT = 9
const S_FRESH = 10
const S_FRESH_END = 11
const SET_WORDS = 16
// Common LRU: per-CPU local lists after the global set.
const LOC_FREE = 0
const LOC_PENDING = 3
const LOC_NEXT_STEAL = 6
const LOC_WORDS = 8

const LOCAL_FREE_TARGET = 128
const PERCPU_FREE_TARGET = 4

export class LruLists {
  readonly nrScans: number
  readonly targetFree: number

  constructor(
    private readonly i32: Int32Array,
    /** Word index of the state block. */
    private readonly L: number,
    private readonly ncpu: number,
    readonly percpuLists: boolean,
    maxEntries: number,
    /** Address of pool node `idx` (allocating its chunk if needed); 0 = out of memory. */
    private readonly materialize: (idx: number) => number,
    /** Unlink the node's element from its hash bucket; false if it was not hashed. */
    private readonly delFromHtab: (node: number) => boolean,
  ) {
    this.nrScans = percpuLists ? PERCPU_FREE_TARGET : LOCAL_FREE_TARGET
    this.targetFree = Math.min(LOCAL_FREE_TARGET, Math.max(1, Math.floor(Math.floor(maxEntries / ncpu) / 2)))
  }

  static stateWords(ncpu: number, percpuLists: boolean): number {
    return percpuLists ? SET_WORDS * ncpu : SET_WORDS + LOC_WORDS * ncpu
  }

  /** Initialise a zeroed state block for `nElems` nodes. */
  static init(i32: Int32Array, L: number, ncpu: number, percpuLists: boolean, nElems: number): void {
    if (percpuLists) {
      const per = Math.floor(nElems / ncpu)
      for (let c = 0; c < ncpu; c++) {
        i32[L + c * SET_WORDS + S_FRESH] = c * per
        i32[L + c * SET_WORDS + S_FRESH_END] = (c + 1) * per
      }
    } else {
      i32[L + S_FRESH] = 0
      i32[L + S_FRESH_END] = nElems
      for (let c = 0; c < ncpu; c++) i32[L + SET_WORDS + c * LOC_WORDS + LOC_NEXT_STEAL] = c
    }
  }

  // ---- node fields -------------------------------------------------------------------------

  private prev(n: number): number {
    return this.i32[(n + E_LPREV) >> 2]
  }
  private next(n: number): number {
    return this.i32[(n + E_LNEXT) >> 2]
  }
  private type(n: number): number {
    return this.i32[(n + E_LTYPE) >> 2] & 0xff
  }
  nodeCpu(n: number): number {
    return this.i32[(n + E_LTYPE) >> 2] >>> 8
  }
  private setType(n: number, t: number, cpu: number): void {
    this.i32[(n + E_LTYPE) >> 2] = t | (cpu << 8)
  }
  private isRef(n: number): boolean {
    return this.i32[(n + E_REF) >> 2] !== 0
  }
  private clearRef(n: number): void {
    this.i32[(n + E_REF) >> 2] = 0
  }

  // ---- plain list operations ----------------------------------------------------------------

  private pushHead(l: number, n: number): void {
    const i32 = this.i32
    const h = i32[l + HEAD]
    i32[(n + E_LPREV) >> 2] = 0
    i32[(n + E_LNEXT) >> 2] = h
    if (h !== 0) i32[(h + E_LPREV) >> 2] = n
    else i32[l + TAIL] = n
    i32[l + HEAD] = n
    i32[l + COUNT]++
  }

  private remove(l: number, n: number): void {
    const i32 = this.i32
    const p = i32[(n + E_LPREV) >> 2]
    const x = i32[(n + E_LNEXT) >> 2]
    if (p !== 0) i32[(p + E_LNEXT) >> 2] = x
    else i32[l + HEAD] = x
    if (x !== 0) i32[(x + E_LPREV) >> 2] = p
    else i32[l + TAIL] = p
    i32[(n + E_LPREV) >> 2] = 0
    i32[(n + E_LNEXT) >> 2] = 0
    i32[l + COUNT]--
  }

  private popHead(l: number): number {
    const n = this.i32[l + HEAD]
    if (n !== 0) this.remove(l, n)
    return n
  }

  private setOf(cpu: number): number {
    return this.percpuLists ? this.L + cpu * SET_WORDS : this.L
  }
  private local(cpu: number): number {
    return this.L + SET_WORDS + cpu * LOC_WORDS
  }

  /** The list struct a node currently sits on. */
  private listOf(n: number): number {
    const t = this.type(n)
    const c = this.nodeCpu(n)
    if (t <= LruType.FREE) return this.setOf(c) + 3 * t
    return this.local(c) + (t === LruType.LOCAL_FREE ? LOC_FREE : LOC_PENDING)
  }

  /** Head of FREE: the explicit list first, then the next fresh node. 0 if empty. */
  private popFreeHead(set: number, cpu: number): number {
    const n = this.popHead(set + S_FREE)
    if (n !== 0) return n
    const i32 = this.i32
    const idx = i32[set + S_FRESH]
    if (idx >= i32[set + S_FRESH_END]) return 0
    const addr = this.materialize(idx)
    if (addr === 0) return 0
    i32[set + S_FRESH] = idx + 1
    i32[(addr + E_LPREV) >> 2] = 0
    i32[(addr + E_LNEXT) >> 2] = 0
    this.setType(addr, LruType.FREE, cpu)
    this.clearRef(addr)
    return addr
  }

  private freeEmpty(set: number): boolean {
    const i32 = this.i32
    return i32[set + S_FREE + HEAD] === 0 && i32[set + S_FRESH] >= i32[set + S_FRESH_END]
  }

  // ---- kernel list moves --------------------------------------------------------------------

  /** __bpf_lru_node_move: between global lists (ref cleared, R follows). */
  private move(set: number, n: number, tgt: number): void {
    this.clearRef(n)
    if (this.i32[set + S_ROT] === n) this.i32[set + S_ROT] = this.prev(n)
    this.remove(this.listOf(n), n)
    this.setType(n, tgt, this.nodeCpu(n))
    this.pushHead(set + 3 * tgt, n)
  }

  /** __bpf_lru_node_move_to_free: onto a free list (global FREE or a CPU's LOCAL_FREE). */
  private moveToFree(set: number, n: number, dest: number, destType: number, destCpu: number): void {
    if (this.i32[set + S_ROT] === n) this.i32[set + S_ROT] = this.prev(n)
    this.remove(this.listOf(n), n)
    this.setType(n, destType, destCpu)
    this.pushHead(dest, n)
  }

  /** __bpf_lru_node_move_in: from a PENDING list into ACTIVE/INACTIVE. */
  private moveIn(set: number, n: number, tgt: number): void {
    this.remove(this.listOf(n), n)
    this.setType(n, tgt, this.nodeCpu(n))
    this.clearRef(n)
    this.pushHead(set + 3 * tgt, n)
  }

  private rotateActive(set: number): void {
    const i32 = this.i32
    const first = i32[set + S_ACTIVE + HEAD]
    let n = i32[set + S_ACTIVE + TAIL]
    let i = 0
    while (n !== 0) {
      const tmp = this.prev(n)
      this.move(set, n, this.isRef(n) ? LruType.ACTIVE : LruType.INACTIVE)
      if (++i === this.nrScans || n === first) break
      n = tmp
    }
  }

  private rotateInactive(set: number): void {
    const i32 = this.i32
    const I = set + S_INACTIVE
    if (i32[I + HEAD] === 0) return
    const R = i32[set + S_ROT]
    let last = R === 0 ? i32[I + HEAD] : this.next(R)
    if (last === 0) last = i32[I + HEAD]
    let cur = R
    let nxt = 0
    let i = 0
    while (i < this.nrScans) {
      if (cur === 0) {
        cur = i32[I + TAIL]
        if (cur === 0) break
        continue
      }
      nxt = this.prev(cur)
      if (this.isRef(cur)) this.move(set, cur, LruType.ACTIVE)
      if (cur === last) break
      cur = nxt
      i++
    }
    i32[set + S_ROT] = nxt
  }

  private rotate(set: number): void {
    const i32 = this.i32
    if (i32[set + S_INACTIVE + COUNT] < i32[set + S_ACTIVE + COUNT]) this.rotateActive(set)
    this.rotateInactive(set)
  }

  private shrinkInactive(set: number, tgt: number, dest: number, destType: number, destCpu: number): number {
    let n = this.i32[set + S_INACTIVE + TAIL]
    let done = 0
    let i = 0
    while (n !== 0) {
      const tmp = this.prev(n)
      if (this.isRef(n)) {
        this.move(set, n, LruType.ACTIVE)
      } else if (this.delFromHtab(n)) {
        this.moveToFree(set, n, dest, destType, destCpu)
        if (++done === tgt) break
      }
      if (++i === this.nrScans) break
      n = tmp
    }
    return done
  }

  private shrink(set: number, tgt: number, dest: number, destType: number, destCpu: number): number {
    const done = this.shrinkInactive(set, tgt, dest, destType, destCpu)
    if (done !== 0) return done
    // Forced shrink: ignore the reference bits, take one node.
    const i32 = this.i32
    const list = i32[set + S_INACTIVE + HEAD] !== 0 ? set + S_INACTIVE : set + S_ACTIVE
    let n = i32[list + TAIL]
    while (n !== 0) {
      const tmp = this.prev(n)
      if (this.delFromHtab(n)) {
        this.moveToFree(set, n, dest, destType, destCpu)
        return 1
      }
      n = tmp
    }
    return 0
  }

  // ---- common LRU ----------------------------------------------------------------------------

  private addPending(cpu: number, n: number, hash: number): void {
    this.i32[(n + E_HASH) >> 2] = hash
    this.setType(n, LruType.PENDING, cpu)
    this.clearRef(n)
    this.pushHead(this.local(cpu) + LOC_PENDING, n)
  }

  /** bpf_lru_list_pop_free_to_local */
  private popFreeToLocal(cpu: number): void {
    const G = this.L
    const loc = this.local(cpu)
    // __local_list_flush: pending nodes, oldest first, into ACTIVE (referenced) or INACTIVE.
    let n = this.i32[loc + LOC_PENDING + TAIL]
    while (n !== 0) {
      const p = this.prev(n)
      this.moveIn(G, n, this.isRef(n) ? LruType.ACTIVE : LruType.INACTIVE)
      n = p
    }
    this.rotate(G)
    let nfree = 0
    while (nfree < this.targetFree) {
      const f = this.popFreeHead(G, cpu)
      if (f === 0) break
      this.setType(f, LruType.LOCAL_FREE, cpu)
      this.pushHead(loc + LOC_FREE, f)
      nfree++
    }
    if (nfree < this.targetFree) this.shrink(G, this.targetFree - nfree, loc + LOC_FREE, LruType.LOCAL_FREE, cpu)
  }

  /** __local_list_pop_pending: the oldest unreferenced pending node of `cpu`, else the oldest. */
  private popPending(cpu: number): number {
    const pend = this.local(cpu) + LOC_PENDING
    for (let force = 0; force < 2; force++) {
      let n = this.i32[pend + TAIL]
      while (n !== 0) {
        const p = this.prev(n)
        if ((force === 1 || !this.isRef(n)) && this.delFromHtab(n)) {
          this.remove(pend, n)
          return n
        }
        n = p
      }
    }
    return 0
  }

  /**
   * bpf_lru_pop_free: a node for a new element on `cpu`, possibly evicting other elements.
   * 0 = none (ENOMEM). The node's hash word is set to `hash`.
   */
  acquire(cpu: number, hash: number): number {
    return this.percpuLists ? this.acquirePercpu(cpu, hash) : this.acquireCommon(cpu, hash)
  }

  private acquireCommon(cpu: number, hash: number): number {
    const i32 = this.i32
    const loc = this.local(cpu)
    let n = this.popHead(loc + LOC_FREE)
    if (n === 0) {
      this.popFreeToLocal(cpu)
      n = this.popHead(loc + LOC_FREE)
    }
    if (n !== 0) {
      this.addPending(cpu, n, hash)
      return n
    }
    // Steal from the local lists of every CPU, round robin from next_steal.
    const first = i32[loc + LOC_NEXT_STEAL]
    let steal = first
    do {
      const sl = this.local(steal)
      n = this.popHead(sl + LOC_FREE)
      if (n === 0) n = this.popPending(steal)
      steal = (steal + 1) % this.ncpu
    } while (n === 0 && steal !== first)
    i32[loc + LOC_NEXT_STEAL] = steal
    if (n !== 0) this.addPending(cpu, n, hash)
    return n
  }

  private acquirePercpu(cpu: number, hash: number): number {
    const set = this.setOf(cpu)
    this.rotate(set)
    if (this.freeEmpty(set)) this.shrink(set, PERCPU_FREE_TARGET, set + S_FREE, LruType.FREE, cpu)
    const n = this.popFreeHead(set, cpu)
    if (n === 0) return 0
    this.i32[(n + E_HASH) >> 2] = hash
    this.clearRef(n)
    this.setType(n, LruType.INACTIVE, cpu)
    this.pushHead(set + S_INACTIVE, n)
    return n
  }

  /** bpf_lru_push_free: a deleted, replaced or unused node goes back to a free list. */
  release(n: number): void {
    const t = this.type(n)
    if (this.percpuLists) {
      if (t === LruType.FREE) return
      this.move(this.setOf(this.nodeCpu(n)), n, LruType.FREE)
      return
    }
    if (t === LruType.FREE || t === LruType.LOCAL_FREE) return
    if (t === LruType.PENDING) {
      const c = this.nodeCpu(n)
      this.remove(this.local(c) + LOC_PENDING, n)
      this.setType(n, LruType.LOCAL_FREE, c)
      this.clearRef(n)
      this.pushHead(this.local(c) + LOC_FREE, n)
      return
    }
    this.moveToFree(this.L, n, this.L + S_FREE, LruType.FREE, this.nodeCpu(n))
  }

  /** Counts per list, for tests and the inspector. */
  stats(): { active: number; inactive: number; free: number; fresh: number } {
    const i32 = this.i32
    let active = 0
    let inactive = 0
    let free = 0
    let fresh = 0
    const sets = this.percpuLists ? this.ncpu : 1
    for (let c = 0; c < sets; c++) {
      const s = this.L + c * SET_WORDS
      active += i32[s + S_ACTIVE + COUNT]
      inactive += i32[s + S_INACTIVE + COUNT]
      free += i32[s + S_FREE + COUNT]
      fresh += i32[s + S_FRESH_END] - i32[s + S_FRESH]
    }
    if (!this.percpuLists) for (let c = 0; c < this.ncpu; c++) free += i32[this.local(c) + LOC_FREE + COUNT]
    return { active, inactive, free, fresh }
  }
}
