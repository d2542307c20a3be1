/**
 * Test-only helpers: a process with a private memory (a plain ArrayBuffer behind UserMemory)
 * and libbpf 1.x-style wrappers that fill `union bpf_attr` exactly as libbpf does (attr sizes,
 * name truncation to 15 characters, count written back for batches), so kernel tests read like
 * the C programs they model. Wrappers return what libbpf returns: >= 0 or -errno.
 */
import type { UserMemory } from './api'
import type { Kernel } from './kernel'
import { Attr, BpfCmd, MapInfo } from './uapi'

const NULL_GUARD = 4096

/** A process address space: [0, 4096) unmapped, bump allocation above. */
export class TestMemory implements UserMemory {
  readonly u8: Uint8Array
  readonly dv: DataView
  private brk = NULL_GUARD

  constructor(readonly size = 4 << 20) {
    this.u8 = new Uint8Array(size)
    this.dv = new DataView(this.u8.buffer)
    this.own32 = new Int32Array(this.u8.buffer)
  }

  valid(addr: number, len: number): boolean {
    return addr >= NULL_GUARD && len >= 0 && addr + len <= this.size && Number.isInteger(addr)
  }

  // Word copies when everything is 4-byte aligned (byte loops over typed arrays are slow and
  // subarray() allocates); the kernel's buffers are SharedArrayBuffers, ours is private.
  private readonly views = new WeakMap<Uint8Array, Int32Array>()
  private lastArr: Uint8Array | null = null
  private last32: Int32Array = new Int32Array(0)
  private lastOff = 0
  private readonly own32: Int32Array

  /** Int32 view over another Uint8Array's buffer (cached), and that array's byte offset. */
  private words(other: Uint8Array): Int32Array {
    if (other === this.lastArr) return this.last32
    let v = this.views.get(other)
    if (v === undefined) {
      v = new Int32Array(other.buffer, 0, other.buffer.byteLength >> 2)
      this.views.set(other, v)
    }
    this.lastArr = other
    this.last32 = v
    this.lastOff = other.byteOffset
    return v
  }

  copyFromUser(dst: Uint8Array, dstOffset: number, addr: number, len: number): boolean {
    if (!this.valid(addr, len)) return false
    if (len <= 256 && ((addr | len) & 3) === 0) {
      const d32 = this.words(dst)
      const at = this.lastOff + dstOffset
      if ((at & 3) === 0) {
        const o32 = this.own32
        const d = at >> 2
        const s = addr >> 2
        for (let i = 0; i < len >> 2; i++) d32[d + i] = o32[s + i]
        return true
      }
    }
    dst.set(this.u8.subarray(addr, addr + len), dstOffset)
    return true
  }

  copyToUser(addr: number, src: Uint8Array, srcOffset: number, len: number): boolean {
    if (!this.valid(addr, len)) return false
    if (len <= 256 && ((addr | len) & 3) === 0) {
      const s32 = this.words(src)
      const at = this.lastOff + srcOffset
      if ((at & 3) === 0) {
        const o32 = this.own32
        const d = addr >> 2
        const s = at >> 2
        for (let i = 0; i < len >> 2; i++) o32[d + i] = s32[s + i]
        return true
      }
    }
    this.u8.set(src.subarray(srcOffset, srcOffset + len), addr)
    return true
  }

  alloc(size: number, align = 8): number {
    this.brk = Math.ceil(this.brk / align) * align
    const a = this.brk
    this.brk += Math.max(size, 1)
    if (this.brk > this.size) throw new Error('TestMemory exhausted')
    this.u8.fill(0, a, a + size)
    return a
  }

  /** An int / __u32 holding v. */
  u32(v: number): number {
    const a = this.alloc(4, 4)
    this.dv.setUint32(a, v >>> 0, true)
    return a
  }
  u64(v: number | bigint): number {
    const a = this.alloc(8, 8)
    this.dv.setBigUint64(a, BigInt.asUintN(64, BigInt(v)), true)
    return a
  }
  /** int arr[] = {...} */
  u32s(vs: number[]): number {
    const a = this.alloc(vs.length * 4, 4)
    vs.forEach((v, i) => this.dv.setUint32(a + 4 * i, v >>> 0, true))
    return a
  }
  bytes(b: ArrayLike<number>): number {
    const a = this.alloc(b.length, 8)
    this.u8.set(b, a)
    return a
  }
  str(s: string): number {
    const b = new TextEncoder().encode(s)
    const a = this.alloc(b.length + 1, 1)
    this.u8.set(b, a)
    this.u8[a + b.length] = 0
    return a
  }
  getU32(a: number): number {
    return this.dv.getUint32(a, true)
  }
  getI32(a: number): number {
    return this.dv.getInt32(a, true)
  }
  getU64(a: number): bigint {
    return this.dv.getBigUint64(a, true)
  }
  get(a: number, len: number): Uint8Array {
    return this.u8.slice(a, a + len)
  }
  setU32(a: number, v: number): void {
    this.dv.setUint32(a, v >>> 0, true)
  }
}

export interface CreateOpts {
  map_flags?: number
  numa_node?: number
  map_extra?: bigint
  inner_map_fd?: number
  btf_fd?: number
  btf_key_type_id?: number
  btf_value_type_id?: number
  map_ifindex?: number
}

export interface BatchOpts {
  elem_flags?: number | bigint
  flags?: number | bigint
}

/** A userspace process on a CPU, with libbpf-like wrappers. */
export class TestProc {
  readonly mem: TestMemory
  readonly pid: number
  readonly attr: number

  constructor(
    readonly k: Kernel,
    readonly cpu = 0,
    comm = 'test',
  ) {
    this.mem = new TestMemory()
    this.pid = k.processCreate(comm)
    this.attr = this.mem.alloc(Attr.SIZE + 64, 8)
  }

  /** The raw syscall with the attr area filled by `fill`. */
  sys(cmd: number, size: number, fill: (dv: DataView, at: number) => void): number {
    this.mem.u8.fill(0, this.attr, this.attr + Attr.SIZE + 64)
    fill(this.mem.dv, this.attr)
    return this.k.sysBpf(cmd, this.attr, size, this.mem, { pid: this.pid, cpu: this.cpu })
  }

  private p64(dv: DataView, at: number, v: number | bigint): void {
    dv.setBigUint64(at, BigInt.asUintN(64, BigInt(v)), true)
  }

  bpf_map_create(type: number, name: string | null, keySize: number, valueSize: number, maxEntries: number, opts: CreateOpts = {}): number {
    const C = Attr.create
    return this.sys(BpfCmd.MAP_CREATE, C.SIZE, (dv, a) => {
      dv.setUint32(a + C.map_type, type, true)
      dv.setUint32(a + C.key_size, keySize >>> 0, true)
      dv.setUint32(a + C.value_size, valueSize >>> 0, true)
      dv.setUint32(a + C.max_entries, maxEntries >>> 0, true)
      dv.setUint32(a + C.map_flags, (opts.map_flags ?? 0) >>> 0, true)
      dv.setUint32(a + C.numa_node, (opts.numa_node ?? 0) >>> 0, true)
      dv.setUint32(a + C.inner_map_fd, opts.inner_map_fd ?? 0, true)
      dv.setUint32(a + C.btf_fd, opts.btf_fd ?? 0, true)
      dv.setUint32(a + C.btf_key_type_id, opts.btf_key_type_id ?? 0, true)
      dv.setUint32(a + C.btf_value_type_id, opts.btf_value_type_id ?? 0, true)
      dv.setUint32(a + C.map_ifindex, opts.map_ifindex ?? 0, true)
      this.p64(dv, a + C.map_extra, opts.map_extra ?? 0n)
      if (name !== null) {
        // libbpf_strlcpy: at most 15 characters.
        const b = new TextEncoder().encode(name).subarray(0, 15)
        this.mem.u8.set(b, a + C.map_name)
      }
    })
  }

  /** Raw create with the 16 name bytes given exactly (no truncation), for name validation tests. */
  createRawName(type: number, nameBytes: number[], keySize: number, valueSize: number, maxEntries: number): number {
    const C = Attr.create
    return this.sys(BpfCmd.MAP_CREATE, C.SIZE, (dv, a) => {
      dv.setUint32(a + C.map_type, type, true)
      dv.setUint32(a + C.key_size, keySize, true)
      dv.setUint32(a + C.value_size, valueSize, true)
      dv.setUint32(a + C.max_entries, maxEntries, true)
      this.mem.u8.set(nameBytes.slice(0, 16), a + C.map_name)
    })
  }

  private elem(cmd: number, size: number, fd: number, key: number, value: number, flags: number | bigint): number {
    const E = Attr.elem
    return this.sys(cmd, size, (dv, a) => {
      dv.setUint32(a + E.map_fd, fd >>> 0, true)
      this.p64(dv, a + E.key, key)
      this.p64(dv, a + E.value, value)
      this.p64(dv, a + E.flags, flags)
    })
  }

  bpf_map_update_elem(fd: number, key: number, value: number, flags: number | bigint = 0): number {
    return this.elem(BpfCmd.MAP_UPDATE_ELEM, Attr.elem.SIZE, fd, key, value, flags)
  }
  bpf_map_lookup_elem(fd: number, key: number, value: number): number {
    return this.elem(BpfCmd.MAP_LOOKUP_ELEM, Attr.elem.SIZE, fd, key, value, 0)
  }
  bpf_map_lookup_elem_flags(fd: number, key: number, value: number, flags: number | bigint): number {
    return this.elem(BpfCmd.MAP_LOOKUP_ELEM, Attr.elem.SIZE, fd, key, value, flags)
  }
  bpf_map_delete_elem(fd: number, key: number): number {
    return this.elem(BpfCmd.MAP_DELETE_ELEM, Attr.elem.SIZE, fd, key, 0, 0)
  }
  bpf_map_lookup_and_delete_elem(fd: number, key: number, value: number): number {
    return this.elem(BpfCmd.MAP_LOOKUP_AND_DELETE_ELEM, Attr.elem.SIZE, fd, key, value, 0)
  }
  bpf_map_lookup_and_delete_elem_flags(fd: number, key: number, value: number, flags: number | bigint): number {
    return this.elem(BpfCmd.MAP_LOOKUP_AND_DELETE_ELEM, Attr.elem.SIZE, fd, key, value, flags)
  }
  /** libbpf sends offsetofend(next_key) = 24 bytes. */
  bpf_map_get_next_key(fd: number, key: number, nextKey: number): number {
    return this.elem(BpfCmd.MAP_GET_NEXT_KEY, 24, fd, key, nextKey, 0)
  }
  bpf_map_freeze(fd: number): number {
    return this.sys(BpfCmd.MAP_FREEZE, 4, (dv, a) => dv.setUint32(a, fd >>> 0, true))
  }

  private batch(cmd: number, fd: number, inBatch: number, outBatch: number, keys: number, values: number, count: number, opts: BatchOpts): number {
    const B = Attr.batch
    const ret = this.sys(cmd, B.SIZE, (dv, a) => {
      this.p64(dv, a + B.in_batch, inBatch)
      this.p64(dv, a + B.out_batch, outBatch)
      this.p64(dv, a + B.keys, keys)
      this.p64(dv, a + B.values, values)
      dv.setUint32(a + B.count, this.mem.getU32(count), true)
      dv.setUint32(a + B.map_fd, fd >>> 0, true)
      this.p64(dv, a + B.elem_flags, opts.elem_flags ?? 0)
      this.p64(dv, a + B.flags, opts.flags ?? 0)
    })
    // libbpf copies the kernel's count back on success and on failure.
    this.mem.setU32(count, this.mem.getU32(this.attr + B.count))
    return ret
  }

  bpf_map_lookup_batch(fd: number, inBatch: number, outBatch: number, keys: number, values: number, count: number, opts: BatchOpts = {}): number {
    return this.batch(BpfCmd.MAP_LOOKUP_BATCH, fd, inBatch, outBatch, keys, values, count, opts)
  }
  bpf_map_lookup_and_delete_batch(fd: number, inBatch: number, outBatch: number, keys: number, values: number, count: number, opts: BatchOpts = {}): number {
    return this.batch(BpfCmd.MAP_LOOKUP_AND_DELETE_BATCH, fd, inBatch, outBatch, keys, values, count, opts)
  }
  bpf_map_update_batch(fd: number, keys: number, values: number, count: number, opts: BatchOpts = {}): number {
    return this.batch(BpfCmd.MAP_UPDATE_BATCH, fd, 0, 0, keys, values, count, opts)
  }
  bpf_map_delete_batch(fd: number, keys: number, count: number, opts: BatchOpts = {}): number {
    return this.batch(BpfCmd.MAP_DELETE_BATCH, fd, 0, 0, keys, 0, count, opts)
  }

  bpf_obj_pin(fd: number, path: string | number, fileFlags = 0): number {
    const p = typeof path === 'number' ? path : this.mem.str(path)
    const O = Attr.obj
    return this.sys(BpfCmd.OBJ_PIN, O.SIZE, (dv, a) => {
      this.p64(dv, a + O.pathname, p)
      dv.setUint32(a + O.bpf_fd, fd >>> 0, true)
      dv.setUint32(a + O.file_flags, fileFlags, true)
    })
  }

  bpf_obj_get(path: string | number, fileFlags = 0, bpfFd = 0): number {
    const p = typeof path === 'number' ? path : this.mem.str(path)
    const O = Attr.obj
    return this.sys(BpfCmd.OBJ_GET, O.SIZE, (dv, a) => {
      this.p64(dv, a + O.pathname, p)
      dv.setUint32(a + O.bpf_fd, bpfFd, true)
      dv.setUint32(a + O.file_flags, fileFlags, true)
    })
  }

  /** bpf_obj_get_info_by_fd(fd, info, &info_len) */
  bpf_obj_get_info_by_fd(fd: number, info: number, infoLen: number): number {
    const I = Attr.info
    const ret = this.sys(BpfCmd.OBJ_GET_INFO_BY_FD, I.SIZE, (dv, a) => {
      dv.setUint32(a + I.bpf_fd, fd >>> 0, true)
      dv.setUint32(a + I.info_len, this.mem.getU32(infoLen), true)
      this.p64(dv, a + I.info, info)
    })
    if (ret === 0) this.mem.setU32(infoLen, this.mem.getU32(this.attr + I.info_len))
    return ret
  }

  close(fd: number): number {
    return this.k.sysClose(this.pid, fd)
  }

  exit(): void {
    this.k.processExit(this.pid)
  }

  // ---- conveniences for u32 keys and values --------------------------------------------------

  /** update(fd, &key, &value, flags) with u32 key and value (or raw value bytes). */
  put(fd: number, key: number, value: number | number[], flags: number | bigint = 0): number {
    const v = typeof value === 'number' ? this.mem.u32(value) : this.mem.bytes(value)
    return this.bpf_map_update_elem(fd, this.mem.u32(key), v, flags)
  }

  /** lookup of a u32 key: the u32 value, or the -errno. */
  get(fd: number, key: number): number {
    const v = this.mem.alloc(8, 8)
    const r = this.bpf_map_lookup_elem(fd, this.mem.u32(key), v)
    return r < 0 ? r : this.mem.getU32(v)
  }

  del(fd: number, key: number): number {
    return this.bpf_map_delete_elem(fd, this.mem.u32(key))
  }

  /** Every u32 key in get_next_key order (starting from NULL). */
  keys(fd: number): number[] {
    const out: number[] = []
    const cur = this.mem.alloc(8, 8)
    const next = this.mem.alloc(8, 8)
    let r = this.bpf_map_get_next_key(fd, 0, next)
    while (r === 0 && out.length < 100000) {
      out.push(this.mem.getU32(next))
      this.mem.setU32(cur, this.mem.getU32(next))
      r = this.bpf_map_get_next_key(fd, cur, next)
    }
    return out
  }

  /** struct bpf_map_info fields. */
  info(fd: number): { type: number; id: number; key_size: number; value_size: number; max_entries: number; map_flags: number; name: string; ret: number } {
    const info = this.mem.alloc(MapInfo.SIZE, 8)
    const len = this.mem.u32(MapInfo.SIZE)
    const ret = this.bpf_obj_get_info_by_fd(fd, info, len)
    const nameBytes = this.mem.get(info + MapInfo.name, 16)
    const nul = nameBytes.indexOf(0)
    return {
      ret,
      type: this.mem.getU32(info + MapInfo.type),
      id: this.mem.getU32(info + MapInfo.id),
      key_size: this.mem.getU32(info + MapInfo.key_size),
      value_size: this.mem.getU32(info + MapInfo.value_size),
      max_entries: this.mem.getU32(info + MapInfo.max_entries),
      map_flags: this.mem.getU32(info + MapInfo.map_flags),
      name: new TextDecoder().decode(nameBytes.subarray(0, nul < 0 ? 16 : nul)),
    }
  }
}
