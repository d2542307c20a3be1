/**
 * QUEUE and STACK (kernel/bpf/queue_stack_maps.c), spec section 7. A ring of max_entries + 1
 * value slots with head (next push) and tail (oldest) indexes; the queue pops at the tail, the
 * stack at head - 1. Slots are allocated in chunks on first use, so max_entries 2^32 - 1 is
 * accepted as on Linux. Userspace reaches them through the element commands with a NULL key:
 * update = push, lookup = peek, lookup_and_delete = pop.
 */
import { BPF_EXIST, BPF_NOEXIST, Errno, MapFlag, MapType } from '../uapi'
import type { KernelMemory } from '../memory'
import { D, type MapDesc } from './desc'
import { ACCESS_MASK, accessOk, kcopy, kzero, log2, mapAlloc, mapFree } from './common'
import type { CreateAttr, MapOps } from './ops'
import { spinLock, spinUnlock } from '../lock'

const QUEUE_STACK_CREATE_FLAG_MASK = MapFlag.NUMA_NODE | ACCESS_MASK
const KMALLOC_MAX_SIZE = 4 * 1024 * 1024
const MAX_CHUNKS = 4096
const MAX_CHUNK_BYTES = 4 << 20

export class QueueStackOps implements MapOps {
  readonly batch = { lookup: null, lookupAndDelete: null, update: false, delete: false } as const
  readonly queueLike = true
  readonly percpu = false

  constructor(
    readonly name: string,
    readonly isStack: boolean,
  ) {}

  userValueSize(valueSize: number): number {
    return valueSize
  }

  allocCheck(a: CreateAttr): number {
    if (a.maxEntries === 0 || a.keySize !== 0 || a.valueSize === 0 || (a.mapFlags & ~QUEUE_STACK_CREATE_FLAG_MASK) !== 0 || !accessOk(a.mapFlags))
      return -Errno.EINVAL
    if (a.valueSize > KMALLOC_MAX_SIZE) return -Errno.E2BIG
    return 0
  }

  alloc(mem: KernelMemory, w: number, a: CreateAttr): number {
    const size = a.maxEntries + 1
    let ce = 64
    while (ce < size && Math.ceil(size / ce) > MAX_CHUNKS) ce *= 2
    while (ce > 1 && ce * a.valueSize > MAX_CHUNK_BYTES) ce /= 2
    if (ce > size) {
      ce = 1
      while (ce < size) ce *= 2
    }
    const nChunks = Math.ceil(size / ce)
    if (nChunks * 4 > 0x7fff0000) return -Errno.ENOMEM
    const table = mapAlloc(mem, w, nChunks * 4)
    if (table === 0) return -Errno.ENOMEM
    const i32 = mem.i32
    i32[w + D.ETABLE] = table
    i32[w + D.ESHIFT] = log2(ce)
    i32[w + D.ELEM_SIZE] = a.valueSize
    i32[w + D.Q_HEAD] = 0
    i32[w + D.Q_TAIL] = 0
    i32[w + D.COUNT] = 0
    return 0
  }

  free(mem: KernelMemory, m: MapDesc): void {
    const size = m.maxEntries + 1
    const nChunks = Math.ceil(size / (1 << m.eshift))
    for (let c = 0; c < nChunks; c++) mapFree(mem, m.w, mem.i32[m.etableW + c])
    mapFree(mem, m.w, m.etableW << 2)
  }

  /** Address of ring slot i (allocating its chunk when `create`); 0 if absent / out of memory. */
  private slot(mem: KernelMemory, m: MapDesc, i: number, create: boolean): number {
    const i32 = mem.i32
    const ci = Math.floor(i / (1 << m.eshift))
    let chunk = i32[m.etableW + ci]
    if (chunk === 0) {
      if (!create) return 0
      const per = 1 << m.eshift
      const n = Math.min(per, m.maxEntries + 1 - ci * per)
      chunk = mapAlloc(mem, m.w, n * m.valueSize)
      if (chunk === 0) return 0
      Atomics.store(i32, m.etableW + ci, chunk)
    }
    return chunk + (i - ci * (1 << m.eshift)) * m.valueSize
  }

  push(mem: KernelMemory, m: MapDesc, valueAddr: number, flags: number): number {
    if ((flags & BPF_NOEXIST) !== 0 || flags > BPF_EXIST) return -Errno.EINVAL
    const i32 = mem.i32
    const w = m.w
    const size = m.maxEntries + 1
    spinLock(i32, w + D.LOCK)
    try {
      const head = i32[w + D.Q_HEAD] >>> 0
      let tail = i32[w + D.Q_TAIL] >>> 0
      const next = head + 1 >= size ? 0 : head + 1
      let count = i32[w + D.COUNT] >>> 0
      if (next === tail) {
        if ((flags & BPF_EXIST) === 0) return -Errno.E2BIG
        // Make room: drop the oldest element.
        tail = tail + 1 >= size ? 0 : tail + 1
        count--
      }
      const dst = this.slot(mem, m, head, true)
      if (dst === 0) return -Errno.ENOMEM
      kcopy(mem, dst, valueAddr, m.valueSize)
      i32[w + D.Q_TAIL] = tail | 0
      i32[w + D.COUNT] = (count + 1) | 0
      Atomics.store(i32, w + D.Q_HEAD, next | 0)
      return 0
    } finally {
      spinUnlock(i32, w + D.LOCK)
    }
  }

  private get(mem: KernelMemory, m: MapDesc, outAddr: number, del: boolean): number {
    const i32 = mem.i32
    const w = m.w
    const size = m.maxEntries + 1
    spinLock(i32, w + D.LOCK)
    try {
      const head = i32[w + D.Q_HEAD] >>> 0
      const tail = i32[w + D.Q_TAIL] >>> 0
      if (head === tail) {
        kzero(mem, outAddr, m.valueSize)
        return -Errno.ENOENT
      }
      let index: number
      if (this.isStack) {
        index = head === 0 ? size - 1 : head - 1
      } else {
        index = tail
      }
      kcopy(mem, outAddr, this.slot(mem, m, index, true), m.valueSize)
      if (del) {
        if (this.isStack) i32[w + D.Q_HEAD] = index | 0
        else i32[w + D.Q_TAIL] = (tail + 1 >= size ? 0 : tail + 1) | 0
        i32[w + D.COUNT]--
      }
      return 0
    } finally {
      spinUnlock(i32, w + D.LOCK)
    }
  }

  pop(mem: KernelMemory, m: MapDesc, outAddr: number): number {
    return this.get(mem, m, outAddr, true)
  }

  peek(mem: KernelMemory, m: MapDesc, outAddr: number): number {
    return this.get(mem, m, outAddr, false)
  }

  // Element commands as bpf() maps them for a queue/stack (key is always NULL here).
  lookup(): number {
    return 0
  }
  progLookup(): number {
    return 0
  }
  progLookupPercpu(): number {
    return 0
  }
  update(mem: KernelMemory, m: MapDesc, _keyAddr: number, valueAddr: number, flags: number): number {
    return this.push(mem, m, valueAddr, flags)
  }
  delete(): number {
    return -Errno.EINVAL
  }
  getNextKey(): number {
    return -Errno.EINVAL
  }

  forEach(mem: KernelMemory, m: MapDesc, fn: (keyAddr: number, valueAddr: number, bucket: number, index: number) => void): void {
    const i32 = mem.i32
    const size = m.maxEntries + 1
    const head = Atomics.load(i32, m.w + D.Q_HEAD) >>> 0
    const tail = Atomics.load(i32, m.w + D.Q_TAIL) >>> 0
    let n = head >= tail ? head - tail : head + size - tail
    if (n > 1 << 16) n = 1 << 16
    // Pop order: queue oldest first, stack newest first.
    for (let k = 0; k < n; k++) {
      const i = this.isStack ? (head - 1 - k + size) % size : (tail + k) % size
      const a = this.slot(mem, m, i, false)
      if (a !== 0) fn(0, a, -1, -1)
    }
  }
}

export const queueOps = new QueueStackOps('queue', false)
export const stackOps = new QueueStackOps('stack', true)

export const QUEUE_STACK_TYPES: Record<number, QueueStackOps> = {
  [MapType.QUEUE]: queueOps,
  [MapType.STACK]: stackOps,
}
