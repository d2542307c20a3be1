/**
 * Which C object an address of a process belongs to: a global (the program's data segment), a
 * local in a live stack frame (the frame records generated code pushes, debug-info.ts), or a heap
 * block (the malloc bookkeeping, libc/heap.ts). The AddressSanitizer-style syscall checks
 * (asan.ts) ask `room` on every user copy, so that path is a range test and a table look-up; the
 * debugger asks `describe` to say what a pointer points to.
 */
import type { TypeDesc } from '../lang/api'
import type { DebugFunction, ProgramDebugInfo } from '../lang/debug-info'
import type { Program } from '../lang/api'
import type { Heap } from './libc/heap'

/** Process layout the resolver needs (process.ts's memory map). */
export interface UserLayout {
  dataBase: number
  /** End of the data segment (start of the runtime area). */
  dataEnd: number
  heap: Heap
  /** Lowest stack address (end of the heap region). */
  stackLimit: number
  stackTop: number
  frames: Int32Array
}

export type ObjectKind = 'global' | 'stack' | 'heap' | 'freed'

/** A C object an address falls in (or just past: `offset >= size` is an overflow). */
export interface UserObject {
  kind: ObjectKind
  /** Variable name ('' for heap blocks). */
  name: string
  start: number
  size: number
  /** addr - start. */
  offset: number
  type?: TypeDesc
  line?: number
  col?: number
  /** Stack objects: the function, its frame pointer and the frame's record index (0 = outermost). */
  fn?: DebugFunction
  fp?: number
  frameIndex?: number
}

interface GlobalSpan {
  start: number
  size: number
  name: string
  type: TypeDesc
}

/** Per-function table: for each frame offset, the index of the variable covering it (-1: padding). */
type FrameTable = Int16Array | Int32Array

/** Tables larger than this are not built: lookups in such frames scan the variables. */
const MAX_TABLE = 1 << 16

export class UserObjects {
  private readonly fns: DebugFunction[]
  private readonly globals: GlobalSpan[]
  private readonly tables: (FrameTable | null | undefined)[] = []
  private readonly frames: Int32Array

  constructor(
    program: Program,
    private readonly layout: UserLayout,
  ) {
    const debug: ProgramDebugInfo = program.debug ?? { functions: [], scopes: [], sidScopes: [] }
    this.fns = debug.functions
    this.frames = layout.frames
    this.globals = program.globals
      .map((g) => ({ start: layout.dataBase + g.offset, size: sizeOfDesc(g.type), name: g.name, type: g.type }))
      .filter((g) => g.size > 0)
      .sort((a, b) => a.start - b.start)
  }

  /**
   * Bytes from addr to the end of the object holding it (<= 0 when addr is past the end of a heap
   * block, in its padding); null when no known object is there (runtime area, padding between
   * variables, VLAs, unallocated heap): such copies are not checked.
   */
  room(addr: number): number | null {
    const l = this.layout
    if (addr >= l.stackLimit) return this.stackRoom(addr)
    if (addr >= l.heap.start) {
      const b = l.heap.describe(addr)
      if (b === null) return null
      return b.state === 'live' ? b.start + b.size - addr : 0 // a freed block holds nothing
    }
    if (addr < l.dataEnd) {
      const g = this.globalAt(addr)
      return g === null ? null : g.start + g.size - addr
    }
    return null
  }

  /** The object at addr, with names and types (slow path: reports and the debugger). */
  describe(addr: number): UserObject | null {
    const l = this.layout
    if (addr >= l.stackLimit && addr < l.stackTop) return this.stackObject(addr)
    if (addr >= l.heap.start && addr < l.stackLimit) {
      const b = l.heap.describe(addr)
      if (b === null) return null
      return { kind: b.state === 'live' ? 'heap' : 'freed', name: '', start: b.start, size: b.size, offset: addr - b.start }
    }
    if (addr >= l.dataBase && addr < l.dataEnd) {
      const g = this.globalAt(addr)
      if (g === null) return null
      return { kind: 'global', name: g.name, start: g.start, size: g.size, offset: addr - g.start, type: g.type }
    }
    return null
  }

  /** Live frames, innermost first: (function, frame pointer or 0, record index from the outermost). */
  liveFrames(): { fn: DebugFunction; fp: number; index: number }[] {
    const out: { fn: DebugFunction; fp: number; index: number }[] = []
    const f = this.frames
    const top = Math.min(f[0], f.length - 2)
    for (let i = top; i >= 2; i -= 2) {
      const fn = this.fns[f[i]]
      if (fn) out.push({ fn, fp: f[i + 1], index: (i >> 1) - 1 })
    }
    return out
  }

  // The last two stack answers: a map loop passes the same key and value buffers every time.
  // An answer holds while the frame it came from is still live at the same record index with
  // the same function and frame pointer (live frames never overlap, so no other frame can
  // cover the address).
  private cacheAddr = [-1, -1]
  private cacheIndex = [0, 0]
  private cacheFid = [0, 0]
  private cacheFp = [0, 0]
  private cacheRoom: (number | null)[] = [null, null]
  private cacheNext = 0

  private stackRoom(addr: number): number | null {
    const f = this.frames
    const top = Math.min(f[0], f.length - 2)
    for (let c = 0; c < 2; c++) {
      const i = this.cacheIndex[c]
      if (this.cacheAddr[c] === addr && i <= top && f[i] === this.cacheFid[c] && f[i + 1] === this.cacheFp[c]) return this.cacheRoom[c]
    }
    for (let i = top; i >= 2; i -= 2) {
      const fp = f[i + 1]
      if (fp === 0 || addr < fp) continue
      const fid = f[i]
      const fn = this.fns[fid]
      if (fn === undefined || addr >= fp + fn.frameSize) continue
      const off = addr - fp
      const table = this.tables[fid] ?? this.buildTable(fid)
      const vi = table !== null ? table[off] : varCovering(fn, off)
      const room = vi < 0 ? null : fn.vars[vi].off + fn.vars[vi].size - off
      const c = this.cacheNext
      this.cacheNext = c ^ 1
      this.cacheAddr[c] = addr
      this.cacheIndex[c] = i
      this.cacheFid[c] = fid
      this.cacheFp[c] = fp
      this.cacheRoom[c] = room
      return room
    }
    return null
  }

  private stackObject(addr: number): UserObject | null {
    for (const { fn, fp, index } of this.liveFrames()) {
      if (fp === 0 || addr < fp || addr >= fp + fn.frameSize) continue
      const vi = varCovering(fn, addr - fp)
      if (vi < 0) return null
      const v = fn.vars[vi]
      return { kind: 'stack', name: v.name, start: fp + v.off, size: v.size, offset: addr - fp - v.off, type: v.type, line: v.line, col: v.col, fn, fp, frameIndex: index }
    }
    return null
  }

  private buildTable(fid: number): FrameTable | null {
    const fn = this.fns[fid]
    if (fn.frameSize > MAX_TABLE) {
      this.tables[fid] = null
      return null
    }
    const t: FrameTable = fn.vars.length < 0x7fff ? new Int16Array(fn.frameSize) : new Int32Array(fn.frameSize)
    t.fill(-1)
    fn.vars.forEach((v, i) => {
      if (!v.reg && v.size > 0) t.fill(i, v.off, Math.min(v.off + v.size, fn.frameSize))
    })
    this.tables[fid] = t
    return t
  }

  private globalAt(addr: number): GlobalSpan | null {
    const gs = this.globals
    let lo = 0
    let hi = gs.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (gs[mid].start <= addr) lo = mid + 1
      else hi = mid
    }
    const g = gs[lo - 1]
    return g !== undefined && addr < g.start + g.size ? g : null
  }
}

function varCovering(fn: DebugFunction, off: number): number {
  return fn.vars.findIndex((v) => !v.reg && off >= v.off && off < v.off + v.size)
}

/** sizeof for a TypeDesc (0 for incomplete types). */
export function sizeOfDesc(t: TypeDesc): number {
  switch (t.kind) {
    case 'void': case 'function': return 0
    case 'bool': return 1
    case 'int': case 'float': return t.size
    case 'enum': return 4
    case 'pointer': return 8
    case 'array': return t.length === null ? 0 : t.length * sizeOfDesc(t.of)
    case 'struct': case 'union': return t.size
  }
}
