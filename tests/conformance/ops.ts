/**
 * The conformance op language and its simulator executor.
 *
 * An op is one flat JSON object naming a libbpf 1.1.2 low-level call and its arguments (byte
 * strings as lowercase hex, null = NULL pointer). The same ops run on the real kernel through
 * tests/oracle/oracle.c and on bpfplay's simulated kernel through `runOnSimulator` below, and each
 * side answers with one result object per op; a conformance failure is any result that differs.
 *
 * The simulator side writes `union bpf_attr` into a private user memory exactly as libbpf 1.1.2
 * does (same fields, same attr size passed to bpf()), and lays out its buffers like the oracle:
 * output buffers pre-filled with 0xAA, every buffer followed by SLACK bytes of 0xAA, so bytes the
 * kernel must leave untouched are compared as well. Buffers are at least as large as the target
 * map's key/value geometry (asked with map info before the op, on each side of its own kernel),
 * so an op whose sizes do not match its map cannot make either kernel write outside them. Two composite ops (`walk`, `batch_walk`)
 * iterate a whole map and can sort what they saw, which lets maps with a random hash seed be
 * compared as sets.
 */
import type { KernelApi, UserMemory } from '../../src/kernel/api'
import { Attr, BpfCmd, BPF_OBJ_NAME_LEN, MapInfo, MapType } from '../../src/kernel/uapi'

/** Lowercase hex bytes. */
export type Hex = string

export interface CreateOp {
  op: 'create'
  type: number
  key_size: number
  value_size: number
  max_entries: number
  flags: number
  name: string | null
  map_extra?: number
  numa_node?: number
}
export interface UpdateOp {
  op: 'update'
  fd: number
  key: Hex | null
  value: Hex | null
  flags: number
}
export interface LookupOp {
  op: 'lookup' | 'lookup_and_delete'
  fd: number
  key: Hex | null
  /** Bytes of the value buffer (per-CPU maps: all CPUs). */
  value_size: number
  flags: number
  value_null?: boolean
}
export interface DeleteOp {
  op: 'delete'
  fd: number
  key: Hex | null
}
export interface GetNextKeyOp {
  op: 'get_next_key'
  fd: number
  key: Hex | null
  key_size: number
}
export interface LookupBatchOp {
  op: 'lookup_batch' | 'lookup_and_delete_batch'
  fd: number
  /** Cursor bytes, null = NULL, "prev" = the out_batch bytes of the previous batch lookup. */
  in_batch: Hex | 'prev' | null
  out_null: boolean
  cursor_size: number
  count: number
  key_size: number
  value_size: number
  elem_flags: number
  flags: number
  keys_null?: boolean
  values_null?: boolean
}
export interface UpdateBatchOp {
  op: 'update_batch'
  fd: number
  keys: Hex[] | null
  values: Hex[] | null
  count: number
  elem_flags: number
  flags: number
}
export interface DeleteBatchOp {
  op: 'delete_batch'
  fd: number
  keys: Hex[] | null
  count: number
  elem_flags: number
  flags: number
}
export interface FdOp {
  op: 'freeze' | 'close' | 'info'
  fd: number
}
export interface PinOp {
  op: 'pin'
  fd: number
  /** "@PIN@" is replaced by a per-sequence unique bpffs prefix before running (bindPaths). */
  path: string | null
}
export interface GetOp {
  op: 'get'
  path: string | null
  file_flags: number
}
export interface WalkOp {
  op: 'walk'
  fd: number
  key_size: number
  sort: boolean
}
export interface BatchWalkOp {
  op: 'batch_walk'
  fd: number
  count: number
  key_size: number
  value_size: number
  cursor_size: number
  delete: boolean
  sort: boolean
}

/** Run the following ops on this CPU (the oracle moves itself with sched_setaffinity). */
export interface CpuOp {
  op: 'cpu'
  cpu: number
}

export type Op =
  | CpuOp
  | CreateOp
  | UpdateOp
  | LookupOp
  | DeleteOp
  | GetNextKeyOp
  | LookupBatchOp
  | UpdateBatchOp
  | DeleteBatchOp
  | FdOp
  | PinOp
  | GetOp
  | WalkOp
  | BatchWalkOp

/** What one op returned. Fields present depend on the op (see tests/oracle/oracle.c). */
export interface Result {
  /** fd / 0 / -errno; null when the simulator threw. */
  ret: number | null
  value?: Hex | null
  key?: Hex
  count?: number
  out_batch?: Hex | null
  keys?: Hex[]
  values?: Hex[]
  type?: number
  key_size?: number
  value_size?: number
  max_entries?: number
  map_flags?: number
  name?: string
  info_len?: number
  /** Simulator exception (never produced by the kernel). */
  error?: string
}

/** Placeholder in pin/get paths for the per-sequence bpffs prefix. */
export const PIN_PLACEHOLDER = '@PIN@'
/** Bytes of 0xAA after every buffer, on both sides. */
export const SLACK = 256
const FILL = 0xaa
const ENOENT = 2
const ENOSPC = 28
const MAX_WALK = 100000

/** Ops with "@PIN@" in their paths replaced by `prefix` (e.g. /sys/fs/bpf/bpfplay_123_7). */
export function bindPaths(ops: Op[], prefix: string): Op[] {
  return ops.map((op) =>
    (op.op === 'pin' || op.op === 'get') && op.path !== null
      ? { ...op, path: op.path.split(PIN_PLACEHOLDER).join(prefix) }
      : op,
  )
}

/** The op as the oracle reads it: known fields only, one line. */
export function opLine(op: Op): string {
  const { expect: _drop, ...rest } = op as Op & { expect?: unknown }
  return JSON.stringify(rest)
}

export function toHex(b: Uint8Array): Hex {
  let s = ''
  for (const x of b) s += x.toString(16).padStart(2, '0')
  return s
}

export function fromHex(h: Hex): Uint8Array {
  const out = new Uint8Array(h.length >> 1)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(h.slice(2 * i, 2 * i + 2), 16)
  return out
}

/**
 * The calling process's memory: a growable flat arena whose first page is unmapped (so NULL
 * and small pointers fault, as in C). Buffers are bump-allocated per op and reset after it.
 */
export class UserArena implements UserMemory {
  static readonly BASE = 4096
  private u8 = new Uint8Array(1 << 20)
  private top = UserArena.BASE

  /** A buffer of len bytes of 0xAA followed by SLACK bytes of 0xAA; returns its address. */
  alloc(len: number): number {
    const addr = this.top
    const end = addr + len + SLACK
    if (end > this.u8.length) {
      let size = this.u8.length
      while (size < end) size *= 2
      const bigger = new Uint8Array(size)
      bigger.set(this.u8)
      this.u8 = bigger
    }
    this.u8.fill(FILL, addr, end)
    this.top = (end + 7) & ~7
    return addr
  }

  /** A buffer holding `bytes`, padded with 0xAA to at least `min` bytes (then the slack). */
  put(bytes: Uint8Array, min = 0): number {
    const addr = this.alloc(Math.max(bytes.length, min))
    this.u8.set(bytes, addr)
    return addr
  }

  /** NUL-terminated string. */
  putString(s: string): number {
    const bytes = new TextEncoder().encode(s)
    const addr = this.alloc(bytes.length + 1)
    this.u8.set(bytes, addr)
    this.u8[addr + bytes.length] = 0
    return addr
  }

  read(addr: number, len: number): Uint8Array {
    return this.u8.slice(addr, addr + len)
  }

  /** Frees every buffer (between ops). */
  reset(): void {
    this.top = UserArena.BASE
  }

  dv(): DataView {
    return new DataView(this.u8.buffer)
  }

  private mapped(addr: number, len: number): boolean {
    return Number.isInteger(addr) && Number.isInteger(len) && len >= 0 && addr >= UserArena.BASE && addr + len <= this.u8.length
  }

  copyFromUser(dst: Uint8Array, dstOffset: number, addr: number, len: number): boolean {
    if (!this.mapped(addr, len)) return false
    dst.set(this.u8.subarray(addr, addr + len), dstOffset)
    return true
  }

  copyToUser(addr: number, src: Uint8Array, srcOffset: number, len: number): boolean {
    if (!this.mapped(addr, len)) return false
    this.u8.set(src.subarray(srcOffset, srcOffset + len), addr)
    return true
  }
}

/**
 * Runs a sequence on a simulated kernel as one fresh process on CPU `cpu` (the oracle is
 * pinned to CPU 0). `kernel` should be freshly booted so fds start at 3.
 */
export function runOnSimulator(ops: Op[], kernel: KernelApi, cpu = 0): Result[] {
  const pid = kernel.processCreate('bpfplay-oracle')
  const exec = new SimExecutor(kernel, pid, cpu)
  const results = ops.map((op) => {
    try {
      return exec.run(op)
    } catch (e) {
      return { ret: null, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }
    } finally {
      exec.mem.reset()
    }
  })
  try {
    kernel.processExit(pid)
  } catch {
    // A crash at exit is not an op result; the ops already show any difference.
  }
  return results
}

/** One process calling libbpf 1.1.2 wrappers against the simulated kernel. */
class SimExecutor {
  readonly mem = new UserArena()
  private lastOutBatch: Uint8Array | null = null

  constructor(
    private readonly kernel: KernelApi,
    private readonly pid: number,
    private cpu: number,
  ) {}

  run(op: Op): Result {
    switch (op.op) {
      case 'cpu':
        // Like sched_setaffinity to a CPU that does not exist: EINVAL.
        if (!Number.isInteger(op.cpu) || op.cpu < 0 || op.cpu >= this.kernel.possibleCpus) return { ret: -22 }
        this.cpu = op.cpu
        return { ret: 0 }
      case 'create':
        return { ret: this.create(op) }
      case 'update': {
        const g = this.geometry(op.fd)
        return { ret: this.elem(BpfCmd.MAP_UPDATE_ELEM, op.fd, this.hexPtr(op.key, g.key), this.hexPtr(op.value, g.value), op.flags) }
      }
      case 'lookup':
      case 'lookup_and_delete': {
        const g = this.geometry(op.fd)
        const keyPtr = this.hexPtr(op.key, g.key)
        const valuePtr = op.value_null ? 0 : this.mem.alloc(Math.max(op.value_size, g.value))
        const cmd = op.op === 'lookup' ? BpfCmd.MAP_LOOKUP_ELEM : BpfCmd.MAP_LOOKUP_AND_DELETE_ELEM
        const ret = this.elem(cmd, op.fd, keyPtr, valuePtr, op.flags)
        return { ret, value: valuePtr ? toHex(this.mem.read(valuePtr, op.value_size)) : null }
      }
      case 'delete':
        return { ret: this.elem(BpfCmd.MAP_DELETE_ELEM, op.fd, this.hexPtr(op.key, this.geometry(op.fd).key), 0, 0) }
      case 'get_next_key': {
        const g = this.geometry(op.fd)
        const keyPtr = this.hexPtr(op.key, g.key)
        const next = this.mem.alloc(Math.max(op.key_size, g.key))
        const ret = this.getNextKey(op.fd, keyPtr, next)
        return { ret, key: toHex(this.mem.read(next, op.key_size)) }
      }
      case 'lookup_batch':
      case 'lookup_and_delete_batch':
        return this.lookupBatch(op)
      case 'update_batch':
      case 'delete_batch': {
        const g = this.geometry(op.fd)
        const keys = this.hexArrayPtr(op.keys, op.count * g.key)
        const values = op.op === 'update_batch' ? this.hexArrayPtr(op.values, op.count * g.value) : 0
        const cmd = op.op === 'update_batch' ? BpfCmd.MAP_UPDATE_BATCH : BpfCmd.MAP_DELETE_BATCH
        const r = this.batch(cmd, op.fd, 0, 0, keys, values, op.count, op.elem_flags, op.flags)
        return { ret: r.ret, count: r.count }
      }
      case 'freeze': {
        const a = this.attr(4)
        this.mem.dv().setUint32(a + Attr.elem.map_fd, op.fd >>> 0, true)
        return { ret: this.sys(BpfCmd.MAP_FREEZE, a, 4) }
      }
      case 'pin':
        return { ret: this.obj(BpfCmd.OBJ_PIN, op.path, op.fd, 0) }
      case 'get':
        return { ret: this.obj(BpfCmd.OBJ_GET, op.path, 0, op.file_flags) }
      case 'close':
        return { ret: this.kernel.sysClose(this.pid, op.fd) }
      case 'info':
        return this.info(op.fd)
      case 'walk':
        return this.walk(op)
      case 'batch_walk':
        return this.batchWalk(op)
    }
  }

  private sys(cmd: number, attrAddr: number, size: number): number {
    return this.kernel.sysBpf(cmd, attrAddr, size, this.mem, { pid: this.pid, cpu: this.cpu })
  }

  /** memset(&attr, 0, attr_sz) on a stack union: attr_sz zero bytes (the rest is garbage). */
  private attr(size: number): number {
    const a = this.mem.alloc(size)
    const dv = this.mem.dv()
    for (let i = 0; i < size; i++) dv.setUint8(a + i, 0)
    return a
  }

  private hexPtr(h: Hex | null, min = 0): number {
    return h === null ? 0 : this.mem.put(fromHex(h), min)
  }

  private hexArrayPtr(list: Hex[] | null, min = 0): number {
    return list === null ? 0 : this.mem.put(fromHex(list.join('')), min)
  }

  /** Bytes this kernel touches for one key / one value of the map behind fd (0 if not a map). */
  private geometry(fd: number): { key: number; value: number } {
    const info = this.info(fd)
    if (info.ret !== 0) return { key: 0, value: 0 }
    const percpu =
      info.type === MapType.PERCPU_HASH ||
      info.type === MapType.PERCPU_ARRAY ||
      info.type === MapType.LRU_PERCPU_HASH ||
      info.type === MapType.PERCPU_CGROUP_STORAGE
    const vs = info.value_size!
    return { key: info.key_size!, value: percpu ? this.kernel.possibleCpus * ((vs + 7) & ~7) : vs }
  }

  private setU64(dv: DataView, addr: number, v: number | bigint): void {
    dv.setBigUint64(addr, BigInt.asUintN(64, BigInt(v)), true)
  }

  /** bpf_map_create(type, name, key_size, value_size, max_entries, opts): attr_sz = offsetofend(map_extra). */
  private create(op: CreateOp): number {
    const size = Attr.create.SIZE
    const a = this.attr(size)
    const dv = this.mem.dv()
    const c = Attr.create
    dv.setUint32(a + c.map_type, op.type >>> 0, true)
    if (op.name !== null) {
      // libbpf_strlcpy into the 16-byte field: at most 15 bytes, then NUL.
      const bytes = new TextEncoder().encode(op.name).subarray(0, BPF_OBJ_NAME_LEN - 1)
      for (let i = 0; i < bytes.length; i++) dv.setUint8(a + c.map_name + i, bytes[i]!)
    }
    dv.setUint32(a + c.key_size, op.key_size >>> 0, true)
    dv.setUint32(a + c.value_size, op.value_size >>> 0, true)
    dv.setUint32(a + c.max_entries, op.max_entries >>> 0, true)
    dv.setUint32(a + c.map_flags, op.flags >>> 0, true)
    this.setU64(dv, a + c.map_extra, op.map_extra ?? 0)
    dv.setUint32(a + c.numa_node, (op.numa_node ?? 0) >>> 0, true)
    return this.sys(BpfCmd.MAP_CREATE, a, size)
  }

  /** update/lookup/delete/lookup_and_delete: attr_sz = offsetofend(flags) = 32. */
  private elem(cmd: number, fd: number, key: number, value: number, flags: number): number {
    const size = Attr.elem.SIZE
    const a = this.attr(size)
    const dv = this.mem.dv()
    dv.setUint32(a + Attr.elem.map_fd, fd >>> 0, true)
    this.setU64(dv, a + Attr.elem.key, key)
    this.setU64(dv, a + Attr.elem.value, value)
    this.setU64(dv, a + Attr.elem.flags, flags)
    return this.sys(cmd, a, size)
  }

  /** bpf_map_get_next_key: attr_sz = offsetofend(next_key) = 24. */
  private getNextKey(fd: number, key: number, next: number): number {
    const size = Attr.elem.value + 8
    const a = this.attr(size)
    const dv = this.mem.dv()
    dv.setUint32(a + Attr.elem.map_fd, fd >>> 0, true)
    this.setU64(dv, a + Attr.elem.key, key)
    this.setU64(dv, a + Attr.elem.value, next)
    return this.sys(BpfCmd.MAP_GET_NEXT_KEY, a, size)
  }

  /** bpf_map_batch_common: attr_sz = offsetofend(batch) = 56; *count = attr.batch.count afterwards. */
  private batch(
    cmd: number,
    fd: number,
    inBatch: number,
    outBatch: number,
    keys: number,
    values: number,
    count: number,
    elemFlags: number,
    flags: number,
  ): { ret: number; count: number } {
    const size = Attr.batch.SIZE
    const b = Attr.batch
    const a = this.attr(size)
    const dv = this.mem.dv()
    this.setU64(dv, a + b.in_batch, inBatch)
    this.setU64(dv, a + b.out_batch, outBatch)
    this.setU64(dv, a + b.keys, keys)
    this.setU64(dv, a + b.values, values)
    dv.setUint32(a + b.count, count >>> 0, true)
    dv.setUint32(a + b.map_fd, fd >>> 0, true)
    this.setU64(dv, a + b.elem_flags, elemFlags)
    this.setU64(dv, a + b.flags, flags)
    const ret = this.sys(cmd, a, size)
    return { ret, count: this.mem.dv().getUint32(a + b.count, true) }
  }

  private lookupBatch(op: LookupBatchOp): Result {
    const g = this.geometry(op.fd)
    const cmin = Math.max(g.key, 4) // hash cursors are u32 bucket indexes
    let inPtr = 0
    if (op.in_batch === 'prev') {
      if (this.lastOutBatch) {
        inPtr = this.mem.alloc(Math.max(op.cursor_size, cmin))
        const n = Math.min(this.lastOutBatch.length, op.cursor_size)
        this.mem.copyToUser(inPtr, this.lastOutBatch, 0, n)
      }
    } else if (op.in_batch !== null) {
      inPtr = this.hexPtr(op.in_batch, cmin)
    }
    const outPtr = op.out_null ? 0 : this.mem.alloc(Math.max(op.cursor_size, cmin))
    const keysPtr = op.keys_null ? 0 : this.mem.alloc(op.count * Math.max(op.key_size, g.key))
    const valuesPtr = op.values_null ? 0 : this.mem.alloc(op.count * Math.max(op.value_size, g.value))
    const cmd = op.op === 'lookup_batch' ? BpfCmd.MAP_LOOKUP_BATCH : BpfCmd.MAP_LOOKUP_AND_DELETE_BATCH
    const r = this.batch(cmd, op.fd, inPtr, outPtr, keysPtr, valuesPtr, op.count, op.elem_flags, op.flags)
    const shown = Math.min(r.count, op.count)
    const res: Result = { ret: r.ret, count: r.count, out_batch: outPtr ? toHex(this.mem.read(outPtr, op.cursor_size)) : null }
    if (keysPtr) res.keys = this.slices(keysPtr, shown, op.key_size)
    if (valuesPtr) res.values = this.slices(valuesPtr, shown, op.value_size)
    this.lastOutBatch = outPtr ? this.mem.read(outPtr, op.cursor_size) : null
    return res
  }

  private slices(addr: number, n: number, size: number): Hex[] {
    const out: Hex[] = []
    for (let i = 0; i < n; i++) out.push(toHex(this.mem.read(addr + i * size, size)))
    return out
  }

  /** bpf_obj_pin / bpf_obj_get_opts: attr_sz = offsetofend(file_flags) = 16. */
  private obj(cmd: number, path: string | null, fd: number, fileFlags: number): number {
    const pathPtr = path === null ? 0 : this.mem.putString(path)
    const size = Attr.obj.SIZE
    const a = this.attr(size)
    const dv = this.mem.dv()
    this.setU64(dv, a + Attr.obj.pathname, pathPtr)
    dv.setUint32(a + Attr.obj.bpf_fd, fd >>> 0, true)
    dv.setUint32(a + Attr.obj.file_flags, fileFlags >>> 0, true)
    return this.sys(cmd, a, size)
  }

  /** bpf_obj_get_info_by_fd(fd, &info, &len) with a zeroed struct bpf_map_info (88 bytes). */
  private info(fd: number): Result {
    const infoPtr = this.mem.put(new Uint8Array(MapInfo.SIZE))
    const size = Attr.info.SIZE
    const a = this.attr(size)
    const dv = this.mem.dv()
    dv.setUint32(a + Attr.info.bpf_fd, fd >>> 0, true)
    dv.setUint32(a + Attr.info.info_len, MapInfo.SIZE, true)
    this.setU64(dv, a + Attr.info.info, infoPtr)
    const ret = this.sys(BpfCmd.OBJ_GET_INFO_BY_FD, a, size)
    if (ret !== 0) return { ret }
    const d = this.mem.dv()
    const u32 = (off: number) => d.getUint32(infoPtr + off, true)
    const nameBytes = this.mem.read(infoPtr + MapInfo.name, BPF_OBJ_NAME_LEN)
    const nul = nameBytes.indexOf(0)
    let name = ''
    for (const c of nul < 0 ? nameBytes : nameBytes.subarray(0, nul)) name += String.fromCharCode(c)
    return {
      ret,
      type: u32(MapInfo.type),
      key_size: u32(MapInfo.key_size),
      value_size: u32(MapInfo.value_size),
      max_entries: u32(MapInfo.max_entries),
      map_flags: u32(MapInfo.map_flags),
      name,
      info_len: d.getUint32(a + Attr.info.info_len, true),
    }
  }

  private walk(op: WalkOp): Result {
    const stride = Math.max(op.key_size, this.geometry(op.fd).key)
    const keys: Hex[] = []
    let ret = 0
    let prev: Uint8Array | null = null
    while (keys.length < MAX_WALK) {
      this.mem.reset()
      const keyPtr = prev ? this.mem.put(prev) : 0
      const next = this.mem.alloc(stride)
      ret = this.getNextKey(op.fd, keyPtr, next)
      if (ret !== 0) break
      prev = this.mem.read(next, stride)
      keys.push(toHex(prev.subarray(0, op.key_size)))
    }
    return { ret, keys: op.sort ? [...keys].sort() : keys }
  }

  /** Reset count before each call; on ENOSPC double it and retry from the same cursor. */
  private batchWalk(op: BatchWalkOp): Result {
    const g = this.geometry(op.fd)
    const cstride = Math.max(op.cursor_size, g.key, 4)
    const pairs: [Hex, Hex][] = []
    const cmd = op.delete ? BpfCmd.MAP_LOOKUP_AND_DELETE_BATCH : BpfCmd.MAP_LOOKUP_BATCH
    let perCall = op.count
    let cursor: Uint8Array | null = null
    let ret = 0
    for (let calls = 0; calls < MAX_WALK; calls++) {
      this.mem.reset()
      const inPtr = cursor ? this.mem.put(cursor) : 0
      const outPtr = this.mem.alloc(cstride)
      const keysPtr = this.mem.alloc(perCall * Math.max(op.key_size, g.key))
      const valuesPtr = this.mem.alloc(perCall * Math.max(op.value_size, g.value))
      const r = this.batch(cmd, op.fd, inPtr, outPtr, keysPtr, valuesPtr, perCall, 0, 0)
      ret = r.ret
      if ((ret === 0 || ret === -ENOENT) && r.count <= perCall) {
        const ks = this.slices(keysPtr, r.count, op.key_size)
        const vs = this.slices(valuesPtr, r.count, op.value_size)
        ks.forEach((k, i) => pairs.push([k, vs[i]!]))
      }
      if (ret === -ENOSPC && perCall < 1 << 20) {
        perCall *= 2
        continue
      }
      if (ret !== 0) break
      cursor = this.mem.read(outPtr, cstride)
    }
    if (op.sort) pairs.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0))
    return { ret, keys: pairs.map((p) => p[0]), values: pairs.map((p) => p[1]) }
  }
}

/** Canonical JSON (sorted keys) for comparing results. */
export function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v)
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  const o = v as Record<string, unknown>
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`
}

export interface Difference {
  index: number
  op: Op
  kernel: Result | undefined
  simulator: Result | undefined
}

/** The first op whose results differ, or null when the sequences agree. */
export function firstDifference(ops: Op[], kernel: Result[], simulator: Result[]): Difference | null {
  const n = Math.max(kernel.length, simulator.length)
  for (let i = 0; i < n; i++) {
    if (canonical(kernel[i]) !== canonical(simulator[i])) {
      return { index: i, op: ops[i]!, kernel: kernel[i], simulator: simulator[i] }
    }
  }
  return null
}
