/**
 * The map table: slots in shared memory, ids, reference counts, creation and destruction.
 *
 * A map lives while anything references it (spec 10.3): open fds, pins, programs. REFCNT
 * counts them all; when it drops to zero the map's storage is freed at once and the slot
 * becomes free (its id is never reused: ids only grow, as idr_alloc_cyclic makes them).
 * Creation and reference changes run under the global kernel lock; lookups of a live map by
 * slot are lock-free (the caller holds a reference).
 */
import { H, MAP_SLOT_BYTES, MAX_MAPS, type KernelMemory } from '../memory'
import { MapFlag } from '../uapi'
import { D, MapDesc, MapState } from './desc'
import type { CreateAttr, MapOps } from './ops'
import { isHashType, opsForType } from './registry'

export class MapTable {
  private readonly cache: (MapDesc | null)[] = new Array(MAX_MAPS).fill(null)

  constructor(private readonly mem: KernelMemory) {}

  slotW(slot: number): number {
    return (this.mem.mapTable + slot * MAP_SLOT_BYTES) >> 2
  }

  /**
   * Drop the cached descriptors: after a checkpoint restore (time travel) a replay recreates
   * maps under the same ids, which the id check would take for the old ones.
   */
  forgetCache(): void {
    this.cache.fill(null)
  }

  /** MapDesc of a live slot (cached per worker, revalidated by id). */
  desc(slot: number): MapDesc {
    const c = this.cache[slot]
    const w = this.slotW(slot)
    if (c !== null && c.id === this.mem.i32[w + D.ID]) return c
    const ops = opsForType(this.mem.i32[w + D.TYPE]) as MapOps
    const d = new MapDesc(this.mem.i32, slot, w << 2, ops, this.mem.ncpu)
    this.cache[slot] = d
    return d
  }

  state(slot: number): number {
    return Atomics.load(this.mem.i32, this.slotW(slot) + D.STATE)
  }

  /** Slot of a live map id, or -1. */
  slotOfId(id: number): number {
    if (!(id > 0)) return -1
    const i32 = this.mem.i32
    for (let s = 0; s < MAX_MAPS; s++) {
      const w = this.slotW(s)
      if (i32[w + D.ID] === id && Atomics.load(i32, w + D.STATE) === MapState.LIVE) return s
    }
    return -1
  }

  /**
   * Create a map: allocate storage, then fail with `lateErr` if it is set (the name and BTF
   * checks come after allocation in Linux), else publish it with refcnt 1 (the caller installs
   * the fd). Returns the slot or -errno. Takes the kernel lock for the slot and id.
   */
  create(ops: MapOps, a: CreateAttr, name: Uint8Array, lateErr: number, creator: number): number {
    const mem = this.mem
    const i32 = mem.i32
    let slot = -1
    mem.lockKernel()
    try {
      for (let s = 0; s < MAX_MAPS; s++) {
        if (i32[this.slotW(s) + D.STATE] === MapState.FREE) {
          slot = s
          i32[this.slotW(s) + D.STATE] = MapState.CREATING
          break
        }
      }
    } finally {
      mem.unlockKernel()
    }
    if (slot < 0) return -12 // ENOMEM: no slot left
    const w = this.slotW(slot)
    i32.fill(0, w + 1, w + (MAP_SLOT_BYTES >> 2))
    i32[w + D.TYPE] = a.mapType
    i32[w + D.KEY_SIZE] = a.keySize | 0
    i32[w + D.VALUE_SIZE] = a.valueSize | 0
    i32[w + D.MAX_ENTRIES] = a.maxEntries | 0
    // bpf_map_flags_retain_permanent: RDONLY/WRONLY only shape the fd.
    i32[w + D.FLAGS] = a.mapFlags & ~(MapFlag.RDONLY | MapFlag.WRONLY)
    i32[w + D.EXTRA_LO] = a.mapExtraLo | 0
    i32[w + D.EXTRA_HI] = a.mapExtraHi | 0
    i32[w + D.CREATOR] = creator
    const err = ops.alloc(mem, w, a)
    if (err < 0) {
      Atomics.store(i32, w + D.STATE, MapState.FREE)
      return err
    }
    if (lateErr < 0) {
      ops.free(mem, new MapDesc(i32, slot, w << 2, ops, mem.ncpu))
      Atomics.store(i32, w + D.STATE, MapState.FREE)
      return lateErr
    }
    mem.u8.set(name, (w + D.NAME) << 2)
    mem.lockKernel()
    try {
      if (isHashType(a.mapType)) i32[w + D.SEED] = (a.mapFlags & MapFlag.ZERO_SEED) !== 0 ? 0 : this.randomSeed()
      i32[w + D.ID] = i32[H.NEXT_MAP_ID]++
      i32[w + D.REFCNT] = 1
      i32[H.NR_MAPS]++
      Atomics.store(i32, w + D.STATE, MapState.LIVE)
    } finally {
      mem.unlockKernel()
    }
    return slot
  }

  /** A random u32 for a hash seed: the kernel's PRNG (memory.ts format seeds it). Kernel lock held. */
  private randomSeed(): number {
    const i32 = this.mem.i32
    // mulberry32
    const a = (i32[H.PRNG] + 0x6d2b79f5) | 0
    i32[H.PRNG] = a
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return (t ^ (t >>> 14)) | 0
  }

  /** Take a reference (fd, pin, program). Kernel lock held. */
  get(slot: number): void {
    this.mem.i32[this.slotW(slot) + D.REFCNT]++
  }

  /** Drop a reference; frees the map when it was the last. Kernel lock held. */
  put(slot: number): void {
    const i32 = this.mem.i32
    const w = this.slotW(slot)
    if (--i32[w + D.REFCNT] > 0) return
    const d = this.desc(slot)
    Atomics.store(i32, w + D.STATE, MapState.DYING)
    d.ops.free(this.mem, d)
    i32[H.NR_MAPS]--
    i32[w + D.ID] = 0 // stale per-worker caches keyed by id stop matching
    Atomics.store(i32, w + D.STATE, MapState.FREE)
  }

  /** Adjust the count of non-fd holders shown in snapshots (pins are counted by the vfs). */
  progRefs(slot: number, delta: number): void {
    this.mem.i32[this.slotW(slot) + D.PROG_REFS] += delta
  }

  /** Slots of every live map (lock-free). */
  liveSlots(): number[] {
    const out: number[] = []
    for (let s = 0; s < MAX_MAPS; s++) if (this.state(s) === MapState.LIVE) out.push(s)
    return out
  }
}
