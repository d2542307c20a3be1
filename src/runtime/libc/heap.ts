/**
 * malloc/calloc/realloc/free over a region [start, end) of a process's Memory, laid out like
 * glibc's ptmalloc so that addresses behave the same way: a chunk is a 16-byte header followed
 * by the user's bytes, chunk sizes are max(32, request + 8 rounded up to 16) (two malloc(24)
 * calls return pointers 32 apart; malloc(0) is a unique 32-byte chunk), a freed small chunk
 * (up to 1040 bytes, glibc's tcache range) is reused last-in first-out by the next malloc of
 * the same size, larger free chunks coalesce with their free neighbours and with the top of
 * the heap. Small chunks are coalesced only when memory runs short (glibc's consolidation).
 *
 * The bookkeeping lives in JS, not in the program's memory, so a program that overruns a block
 * cannot corrupt it, and each live block keeps its exact requested size for AddressSanitizer-
 * style reports (blockAt, describe). Double and invalid frees throw HeapError with glibc's
 * messages (the runtime turns them into SIGABRT); out of memory returns 0 (errno ENOMEM is the
 * caller's to set). Not modelled: mmap'd chunks for large requests, the tcache count limit,
 * and the pointers glibc writes into freed blocks.
 */
import { type Memory, SegvError } from '../memory'

/** glibc's malloc_printerr messages; the process then aborts. */
export class HeapError extends Error {}

export interface Block {
  /** The address malloc returned. */
  start: number
  /** The size that was asked for. */
  size: number
}

export interface BlockInfo extends Block {
  state: 'live' | 'freed'
  /** The chunk: header at chunkStart, next chunk at chunkEnd. */
  chunkStart: number
  chunkEnd: number
}

const HEADER = 16 // prev_size + size
const MIN_CHUNK = 32
const TCACHE_MAX_CHUNK = 1040 // chunks for requests up to 1032 bytes
const PAGE_SHIFT = 12

const enum State {
  Live,
  Cached, // freed, parked in a tcache-like bin, not coalesced
  Free, // freed and coalesced
}

interface Chunk {
  start: number
  size: number
  state: State
  /** Requested size of the last allocation in this chunk (-1 once merged with others). */
  req: number
}

function chunkSizeFor(req: number): number {
  return Math.max(MIN_CHUNK, (req + 8 + 15) & ~15)
}

/** Size classes of coalesced free chunks: exact below 2 KiB, powers of two above. */
function sizeClass(size: number): number {
  return size <= 2048 ? size >> 4 : 129 + (31 - Math.clz32(size))
}
const CLASS_COUNT = 129 + 32

export class Heap {
  readonly start: number
  readonly end: number
  /** Everything from top to end is unallocated. */
  private top: number
  private readonly chunks = new Map<number, Chunk>()
  /** Chunk starts by 4 KiB page, sorted: finds the chunk containing an address. */
  private readonly pages = new Map<number, number[]>()
  private readonly bins = new Map<number, number[]>() // tcache-like LIFO by chunk size
  private readonly freeClasses: Set<number>[] = Array.from({ length: CLASS_COUNT }, () => new Set())
  private readonly freeByEnd = new Map<number, number>() // end address -> start of a Free chunk
  /** Chunk starts freed and since swallowed by a neighbour, for glibc's double free messages. */
  private readonly absorbedFrees = new Set<number>()
  private liveCount = 0
  private liveBytes = 0

  constructor(
    readonly mem: Memory,
    start: number,
    end: number,
  ) {
    this.start = (start + 15) & ~15
    this.end = Math.min(end, mem.size) & ~15
    this.top = this.start
  }

  get stats(): { liveBlocks: number; liveBytes: number; heapTop: number } {
    return { liveBlocks: this.liveCount, liveBytes: this.liveBytes, heapTop: this.top }
  }

  malloc(size: number | bigint): number {
    const req = toRequest(size)
    if (req < 0) return 0
    const cs = chunkSizeFor(req)
    const chunk = this.takeChunk(cs) ?? (this.consolidate() ? this.takeChunk(cs) : null)
    if (!chunk) return 0
    chunk.state = State.Live
    chunk.req = req
    this.absorbedFrees.delete(chunk.start)
    this.liveCount++
    this.liveBytes += req
    return chunk.start + HEADER
  }

  calloc(nmemb: number | bigint, size: number | bigint): number {
    const total = BigInt(nmemb) * BigInt(size)
    if (total > BigInt(Number.MAX_SAFE_INTEGER)) return 0
    const p = this.malloc(total)
    if (p !== 0) this.mem.u8.fill(0, p, p + Number(total))
    return p
  }

  free(ptr: number): void {
    if (ptr === 0) return
    const chunk = this.chunkOf(ptr, 'free')
    this.release(chunk)
  }

  realloc(ptr: number, size: number | bigint): number {
    if (ptr === 0) return this.malloc(size)
    const req = toRequest(size)
    if (req === 0) {
      this.free(ptr)
      return 0
    }
    const chunk = this.chunkOf(ptr, 'realloc')
    if (req < 0) return 0
    const cs = chunkSizeFor(req)
    if (chunk.state === State.Cached) {
      // glibc does not notice the block was freed: it is handed back while still in the bin,
      // unless it has to move, and then freeing the old copy is a double free.
      if (cs <= chunk.size) return ptr
      throw new HeapError('free(): double free detected in tcache 2')
    }
    if (chunk.state === State.Free) throw new HeapError('realloc(): invalid pointer')
    if (cs <= chunk.size) {
      this.splitTail(chunk, cs)
      this.resize(chunk, req)
      return ptr
    }
    const nextStart = chunk.start + chunk.size
    if (nextStart === this.top && chunk.start + cs <= this.end) {
      this.top = chunk.start + cs
      chunk.size = cs
      this.resize(chunk, req)
      return ptr
    }
    const next = this.chunks.get(nextStart)
    if (next && next.state === State.Free && chunk.size + next.size >= cs) {
      this.unlinkFree(next)
      this.removeChunk(next)
      chunk.size += next.size
      this.splitTail(chunk, cs)
      this.resize(chunk, req)
      return ptr
    }
    const fresh = this.malloc(req)
    if (fresh === 0) return 0
    const keep = Math.min(chunk.size - 8, req)
    this.mem.u8.copyWithin(fresh, ptr, ptr + keep)
    this.release(chunk)
    return fresh
  }

  /** malloc_usable_size. */
  usableSize(ptr: number): number {
    const c = ptr === 0 ? undefined : this.chunks.get(ptr - HEADER)
    return c && c.state === State.Live ? c.size - 8 : 0
  }

  /**
   * The live block an address belongs to: from its start up to the next block's start (so
   * overruns into the padding and the next header are attributed to it). null when the address
   * is outside the heap or in a freed or unallocated part.
   */
  blockAt(addr: number): Block | null {
    const info = this.describe(addr)
    return info && info.state === 'live' ? { start: info.start, size: info.size } : null
  }

  /** Like blockAt, for freed blocks too (a use after free); size is the last requested size when known. */
  describe(addr: number): BlockInfo | null {
    const c = this.chunkContaining(addr - HEADER)
    if (!c) return null
    const start = c.start + HEADER
    const size = c.req >= 0 ? c.req : c.size - HEADER
    return { state: c.state === State.Live ? 'live' : 'freed', start, size, chunkStart: c.start, chunkEnd: c.start + c.size }
  }

  // ---- internals ---------------------------------------------------------------------------

  private resize(chunk: Chunk, req: number): void {
    this.liveBytes += req - chunk.req
    chunk.req = req
  }

  /** The chunk of a pointer passed to free/realloc, with glibc's complaints when it is not one. */
  private chunkOf(ptr: number, fn: 'free' | 'realloc'): Chunk {
    const start = ptr - HEADER
    if (!this.mem.valid(start, HEADER)) throw new SegvError(Math.max(0, ptr - 8), 'read') // glibc reads the header
    const chunk = this.chunks.get(start)
    if (fn === 'realloc') {
      if (!chunk) throw new HeapError('realloc(): invalid pointer')
      return chunk
    }
    if (chunk?.state === State.Live) return chunk
    if (chunk?.state === State.Cached) throw new HeapError('free(): double free detected in tcache 2')
    if (chunk?.state === State.Free) throw new HeapError('double free or corruption (!prev)')
    if (start === this.top && this.absorbedFrees.has(start)) throw new HeapError('double free or corruption (top)')
    if (this.absorbedFrees.has(start)) throw new HeapError('double free or corruption (!prev)')
    throw new HeapError('free(): invalid pointer')
  }

  private release(chunk: Chunk): void {
    this.liveCount--
    this.liveBytes -= chunk.req
    if (chunk.size <= TCACHE_MAX_CHUNK) {
      chunk.state = State.Cached
      let bin = this.bins.get(chunk.size)
      if (!bin) this.bins.set(chunk.size, (bin = []))
      bin.push(chunk.start)
    } else this.coalesce(chunk)
  }

  /** A free chunk of at least cs bytes, or a new one from the top; null when there is none. */
  private takeChunk(cs: number): Chunk | null {
    if (cs <= TCACHE_MAX_CHUNK) {
      const bin = this.bins.get(cs)
      if (bin && bin.length > 0) return this.chunks.get(bin.pop()!)!
    }
    const fit = this.findFree(cs)
    if (fit) {
      this.unlinkFree(fit)
      this.splitTail(fit, cs)
      return fit
    }
    if (this.top + cs > this.end) return null
    const chunk: Chunk = { start: this.top, size: cs, state: State.Live, req: 0 }
    this.top += cs
    this.addChunk(chunk)
    return chunk
  }

  /** Give back the part of chunk beyond cs bytes when it can hold a chunk of its own. */
  private splitTail(chunk: Chunk, cs: number): void {
    const rest = chunk.size - cs
    if (rest < MIN_CHUNK) return
    chunk.size = cs
    const tail: Chunk = { start: chunk.start + cs, size: rest, state: State.Free, req: -1 }
    this.addChunk(tail)
    if (rest <= TCACHE_MAX_CHUNK) {
      tail.state = State.Cached
      let bin = this.bins.get(rest)
      if (!bin) this.bins.set(rest, (bin = []))
      bin.push(tail.start)
    } else this.coalesce(tail)
  }

  private findFree(cs: number): Chunk | null {
    for (let k = sizeClass(cs); k < CLASS_COUNT; k++) {
      const set = this.freeClasses[k]
      if (set.size === 0) continue
      for (const start of set) {
        const c = this.chunks.get(start)!
        if (c.size >= cs) return c
      }
    }
    return null
  }

  /** Merge a chunk that became free with free neighbours (and the top), then file it. */
  private coalesce(chunk: Chunk): void {
    chunk.state = State.Free
    let { start, size } = chunk
    if (chunk.req >= 0) this.absorbedFrees.add(start)
    const next = this.chunks.get(start + size)
    if (next && next.state === State.Free) {
      this.unlinkFree(next)
      this.removeChunk(next)
      size += next.size
    }
    const prevStart = this.freeByEnd.get(start)
    if (prevStart !== undefined) {
      const prev = this.chunks.get(prevStart)!
      this.unlinkFree(prev)
      this.removeChunk(chunk)
      size += prev.size
      start = prev.start
      chunk = prev
    }
    if (size !== chunk.size) chunk.req = -1 // merged: no single requested size any more
    chunk.size = size
    if (start + size === this.top) {
      this.removeChunk(chunk)
      this.top = start
      return
    }
    this.freeClasses[sizeClass(size)].add(start)
    this.freeByEnd.set(start + size, start)
  }

  private unlinkFree(c: Chunk): void {
    this.freeClasses[sizeClass(c.size)].delete(c.start)
    this.freeByEnd.delete(c.start + c.size)
  }

  /** glibc's malloc_consolidate: merge every binned small chunk. False when there was none. */
  private consolidate(): boolean {
    let any = false
    for (const bin of this.bins.values()) {
      for (const start of bin) {
        const c = this.chunks.get(start)
        if (c && c.state === State.Cached) {
          any = true
          this.coalesce(c)
        }
      }
      bin.length = 0
    }
    return any
  }

  private addChunk(c: Chunk): void {
    this.chunks.set(c.start, c)
    const page = c.start >> PAGE_SHIFT
    let list = this.pages.get(page)
    if (!list) this.pages.set(page, (list = []))
    if (list.length === 0 || list[list.length - 1] < c.start) list.push(c.start)
    else list.splice(lowerBound(list, c.start), 0, c.start)
  }

  private removeChunk(c: Chunk): void {
    this.chunks.delete(c.start)
    const list = this.pages.get(c.start >> PAGE_SHIFT)
    if (!list) return
    const i = lowerBound(list, c.start)
    if (list[i] === c.start) list.splice(i, 1)
  }

  private chunkContaining(addr: number): Chunk | null {
    if (addr < this.start || addr >= this.top) return null
    const firstPage = this.start >> PAGE_SHIFT
    for (let page = addr >> PAGE_SHIFT; page >= firstPage; page--) {
      const list = this.pages.get(page)
      if (!list || list.length === 0) continue
      let i = lowerBound(list, addr + 1) - 1 // last start <= addr
      if (i < 0) {
        if (page === addr >> PAGE_SHIFT) continue
        i = list.length - 1
      }
      const c = this.chunks.get(list[i])!
      return addr < c.start + c.size ? c : null
    }
    return null
  }
}

/** First index with list[i] >= x. */
function lowerBound(list: number[], x: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (list[mid] < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** A size_t request as a number; -1 when no heap could hold it. */
function toRequest(size: number | bigint): number {
  const n = typeof size === 'bigint' ? BigInt.asUintN(64, size) : BigInt(Math.max(0, Math.trunc(size)))
  return n > 0x7fffffffn ? -1 : Number(n)
}
