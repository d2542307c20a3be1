/**
 * ARRAY and PERCPU_ARRAY (kernel/bpf/arraymap.c), spec section 6: max_entries zero-filled
 * values allocated at creation, indexed by a u32 key; nothing can be deleted. Each element
 * takes round_up(value_size, 8) bytes. A per-CPU element has one slot per possible CPU, CPU 0
 * first, each starting a cache line (MapDesc.pcpuStride), so CPUs updating their own copies do
 * not pass a line around; userspace sees the slots round_up(value_size, 8) apart. Updates are plain in-place copies without a lock, as in
 * Linux, so a program's pointer always sees the current value.
 */
import { BPF_EXIST, BPF_F_LOCK, BPF_NOEXIST, Errno, MapFlag, MapType } from '../uapi'
import type { KernelMemory } from '../memory'
import { D, percpuStride, type MapDesc } from './desc'
import { ACCESS_MASK, accessOk, kcopy, mapAlloc, mapFree, readU32, valueFromUser, writeU32 } from './common'
import type { CreateAttr, MapOps } from './ops'

const ARRAY_CREATE_FLAG_MASK =
  MapFlag.NUMA_NODE | MapFlag.MMAPABLE | ACCESS_MASK | MapFlag.PRESERVE_ELEMS | MapFlag.INNER_MAP
const PCPU_MIN_UNIT_SIZE = 32768
const INT_MAX = 0x7fffffff
/** Snapshots show at most this many array elements. */
export const ARRAY_SNAPSHOT_LIMIT = 1 << 16

export class ArrayOps implements MapOps {
  readonly batch = { lookup: 'generic', lookupAndDelete: null, update: true, delete: false } as const
  readonly queueLike = false

  constructor(
    readonly name: string,
    readonly percpu: boolean,
  ) {}

  userValueSize(valueSize: number): number {
    return valueSize
  }

  allocCheck(a: CreateAttr): number {
    const f = a.mapFlags
    if (
      a.maxEntries === 0 ||
      a.keySize !== 4 ||
      a.valueSize === 0 ||
      (f & ~ARRAY_CREATE_FLAG_MASK) !== 0 ||
      !accessOk(f) ||
      (this.percpu && (f & MapFlag.NUMA_NODE) !== 0)
    )
      return -Errno.EINVAL
    if (this.percpu && (f & (MapFlag.MMAPABLE | MapFlag.INNER_MAP)) !== 0) return -Errno.EINVAL
    if ((f & MapFlag.PRESERVE_ELEMS) !== 0) return -Errno.EINVAL
    if (a.valueSize > INT_MAX) return -Errno.E2BIG
    if (this.percpu && roundUp8(a.valueSize) > PCPU_MIN_UNIT_SIZE) return -Errno.E2BIG
    return 0
  }

  alloc(mem: KernelMemory, w: number, a: CreateAttr): number {
    const per = this.percpu ? percpuStride(a.valueSize) * mem.ncpu : roundUp8(a.valueSize)
    const total = a.maxEntries * per
    if (total > 0x7fff0000) return -Errno.ENOMEM
    const align = (a.mapFlags & MapFlag.MMAPABLE) !== 0 ? 4096 : this.percpu ? 64 : 8
    const data = mapAlloc(mem, w, total, align)
    if (data === 0) return -Errno.ENOMEM
    mem.i32[w + D.DATA] = data
    mem.i32[w + D.ELEM_SIZE] = per
    mem.i32[w + D.COUNT] = a.maxEntries | 0
    return 0
  }

  free(mem: KernelMemory, m: MapDesc): void {
    mapFree(mem, m.w, m.data)
  }

  private per(mem: KernelMemory, m: MapDesc): number {
    return this.percpu ? m.pcpuStride * mem.ncpu : m.stride
  }

  lookup(mem: KernelMemory, m: MapDesc, keyAddr: number): number {
    const idx = readU32(mem, keyAddr)
    if (idx >= m.maxEntries) return 0
    return m.data + idx * this.per(mem, m)
  }

  progLookup(mem: KernelMemory, m: MapDesc, keyAddr: number, cpu: number): number {
    const v = this.lookup(mem, m, keyAddr)
    return v === 0 || !this.percpu ? v : v + cpu * m.pcpuStride
  }

  progLookupPercpu(mem: KernelMemory, m: MapDesc, keyAddr: number, _cpu: number, target: number): number {
    if (!this.percpu || target < 0 || target >= mem.ncpu) return 0
    const v = this.lookup(mem, m, keyAddr)
    return v === 0 ? 0 : v + target * m.pcpuStride
  }

  update(mem: KernelMemory, m: MapDesc, keyAddr: number, valueAddr: number, flags: number, cpu: number, onAllCpus: boolean): number {
    const idx = readU32(mem, keyAddr)
    if (this.percpu && onAllCpus) {
      // bpf_percpu_array_update (syscall): all CPUs from the buffer, padding included.
      if (flags > BPF_EXIST) return -Errno.EINVAL
      if (idx >= m.maxEntries) return -Errno.E2BIG
      if (flags === BPF_NOEXIST) return -Errno.EEXIST
      valueFromUser(mem, m, m.data + idx * this.per(mem, m), valueAddr)
      return 0
    }
    // array_map_update_elem
    if ((flags & ~BPF_F_LOCK) >>> 0 > BPF_EXIST) return -Errno.EINVAL
    if (idx >= m.maxEntries) return -Errno.E2BIG
    if ((flags & BPF_NOEXIST) !== 0) return -Errno.EEXIST
    if ((flags & BPF_F_LOCK) !== 0) return -Errno.EINVAL // no value has a bpf_spin_lock
    const dst = m.data + idx * this.per(mem, m) + (this.percpu ? cpu * m.pcpuStride : 0)
    kcopy(mem, dst, valueAddr, m.valueSize)
    return 0
  }

  delete(): number {
    return -Errno.EINVAL
  }

  getNextKey(mem: KernelMemory, m: MapDesc, keyAddr: number, outAddr: number): number {
    const index = keyAddr === 0 ? 0xffffffff : readU32(mem, keyAddr)
    if (index >= m.maxEntries) {
      writeU32(mem, outAddr, 0)
      return 0
    }
    if (index === m.maxEntries - 1) return -Errno.ENOENT
    writeU32(mem, outAddr, index + 1)
    return 0
  }

  forEach(mem: KernelMemory, m: MapDesc, fn: (keyAddr: number, valueAddr: number, bucket: number, index: number) => void): void {
    // Keys are the indexes themselves (keyAddr 0 = "the key is `index` as a u32").
    const n = Math.min(m.maxEntries, ARRAY_SNAPSHOT_LIMIT)
    const per = this.per(mem, m)
    for (let i = 0; i < n; i++) fn(0, m.data + i * per, -1, i)
  }
}

function roundUp8(n: number): number {
  return n <= 0x7ffffff0 ? (n + 7) & ~7 : Math.ceil(n / 8) * 8
}

export const arrayOps = new ArrayOps('array', false)
export const percpuArrayOps = new ArrayOps('percpu_array', true)

export const ARRAY_TYPES: Record<number, ArrayOps> = {
  [MapType.ARRAY]: arrayOps,
  [MapType.PERCPU_ARRAY]: percpuArrayOps,
}
