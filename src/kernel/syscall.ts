/**
 * bpf(2): reads `union bpf_attr` from the caller's memory, validates in the kernel's order
 * (spec 2.3: attr tail, then per command CHECK_ATTR, flags, fd, permissions, key/value copies,
 * then the map operation), runs the command and copies results back (values, next keys, batch
 * count and cursor, map info). Mirrors kernel/bpf/syscall.c; map_create's validation follows
 * spec section 3, the batch commands section 8, pin/get section 10.
 *
 * Keys and values are copied from user memory into this worker's scratch area in kernel
 * memory, so the map code only ever sees kernel addresses. Every call appends an event.
 */
import type { Caller, UserMemory } from './api'
import type { KernelMemory } from './memory'
import type { Kernel } from './kernel'
import { Attr, BPF_F_LOCK, BPF_OBJ_NAME_LEN, BpfCmd, Errno, MAP_TYPE_MAX, MapFlag, MapInfo, MapType } from './uapi'
import { D, type MapDesc } from './maps/desc'
import { fdEntryForMap, fdMapSlot, fdPerms, fdPermsFor, FD_FILE, installMapFd, PERM_READ, PERM_WRITE } from './fdtable'
import { normFlags, type CreateAttr } from './maps/ops'
import { opsForType } from './maps/registry'
import { EXTRA_ASKED, EXTRA_COUNT, EXTRA_IN, EXTRA_OUT } from './events'
import { readU32, valueToUser } from './maps/common'
import { BPF_MAP_GET_FD_BY_ID, BPF_MAP_GET_NEXT_ID, mapGetFdById, mapGetNextId } from './map-ids'

/** sizeof(union bpf_attr) in the UAPI we model. */
const ATTR_SIZE = Attr.SIZE
const PAGE_SIZE = 4096
const PATH_MAX = 4096
const TWO32 = 4294967296

/**
 * Per-worker syscall state: the attr copy and the event fields of the current call. Reused on
 * every call so the hot path does not allocate.
 */
export class SyscallState {
  readonly i32: Int32Array
  readonly u8: Uint8Array
  /**
   * Kernel address of this worker's copy of the attr (ATTR_SIZE bytes + 8 spare for put_user).
   * It lives in kernel memory so every user copy targets the same buffer. Allocated on first use.
   */
  base = 0
  private w = 0
  /** attr bytes possibly non-zero from an earlier call (zeroed lazily). */
  dirty = 0
  user!: UserMemory
  attrAddr = 0
  procSlot = 0
  cpu = 0
  pid = 0
  /** fd table entry of the map fd of the current call (set by mapOfFd). */
  fdEntry = 0
  // Event being built.
  evMap = 0
  evKeyAddr = 0
  evKeyLen = 0
  evMask = 0
  evIn = 0
  evOut = 0
  evCount = 0
  evAsked = 0

  constructor(private readonly mem: KernelMemory) {
    this.i32 = mem.i32
    this.u8 = mem.u8
  }

  ensure(): void {
    if (this.base !== 0) return
    const a = this.mem.kmalloc(ATTR_SIZE + 8, 8)
    if (a === 0) throw new Error('kernel out of memory for the attr buffer')
    this.adopt(a)
  }

  /** Use the attr buffer at `addr` (a kernel restored from a checkpoint has it allocated there). */
  adopt(addr: number): void {
    this.base = addr
    this.w = addr >> 2
    this.dirty = ATTR_SIZE
  }

  u32(off: number): number {
    return this.i32[this.w + (off >> 2)] >>> 0
  }
  /** u64 as a JS number (exact below 2^53; larger values are invalid everywhere they are used). */
  u64(off: number): number {
    const lo = this.i32[this.w + (off >> 2)] >>> 0
    const hi = this.i32[this.w + (off >> 2) + 1] >>> 0
    return hi === 0 ? lo : hi * TWO32 + lo
  }
  /** u64 flags reduced to a u32 the map code can test (high bits -> an always-invalid value). */
  flags(off: number): number {
    return normFlags(this.u64(off))
  }
  /** CHECK_ATTR: every byte after the command's last field must be zero. */
  tailNonZero(lastEnd: number): boolean {
    const a = this.u8
    for (let i = this.base + lastEnd; i < this.base + this.dirty; i++) if (a[i] !== 0) return true
    return false
  }
  /** The attr bytes [from, to). */
  bytes(from: number, to: number): Uint8Array {
    return this.u8.subarray(this.base + from, this.base + to)
  }
}

export function sysBpf(k: Kernel, cmd: number, attrAddr: number, size: number, user: UserMemory, caller: Caller): number {
  const s = k.sys
  s.ensure()
  s.user = user
  s.attrAddr = attrAddr
  s.pid = caller.pid
  s.cpu = caller.cpu
  s.procSlot = k.fds.mustSlot(caller.pid)
  s.evMap = 0
  s.evKeyLen = 0
  s.evMask = 0
  let ret = readAttr(s, attrAddr, size)
  if (ret === 0) ret = dispatch(k, s, cmd)
  k.eventLog.append(false, s.pid, s.cpu, cmd, s.evMap, ret, s.evKeyAddr, s.evKeyLen, s.evMask, s.evIn, s.evOut, s.evCount, s.evAsked)
  return ret
}

function readAttr(s: SyscallState, attrAddr: number, size: number): number {
  size = size >>> 0
  if (size > ATTR_SIZE) {
    // bpf_check_uarg_tail_zero: bytes beyond what we know must be zero.
    if (size > PAGE_SIZE) return -Errno.E2BIG
    const extra = new Uint8Array(size - ATTR_SIZE)
    if (!s.user.copyFromUser(extra, 0, attrAddr + ATTR_SIZE, extra.length)) return -Errno.EFAULT
    if (extra.some((b) => b !== 0)) return -Errno.E2BIG
    size = ATTR_SIZE
  }
  const a = s.u8
  const base = s.base
  if (s.dirty > size) a.fill(0, base + size, base + s.dirty)
  if (size > 0 && (attrAddr === 0 || !s.user.copyFromUser(a, base, attrAddr, size))) {
    a.fill(0, base, base + size)
    s.dirty = 0
    return -Errno.EFAULT
  }
  s.dirty = size
  return 0
}

function dispatch(k: Kernel, s: SyscallState, cmd: number): number {
  switch (cmd) {
    case BpfCmd.MAP_CREATE:
      return mapCreate(k, s)
    case BpfCmd.MAP_LOOKUP_ELEM:
      return mapLookup(k, s)
    case BpfCmd.MAP_UPDATE_ELEM:
      return mapUpdate(k, s)
    case BpfCmd.MAP_DELETE_ELEM:
      return mapDelete(k, s)
    case BpfCmd.MAP_GET_NEXT_KEY:
      return mapGetNextKey(k, s)
    case BpfCmd.MAP_LOOKUP_AND_DELETE_ELEM:
      return mapLookupAndDelete(k, s)
    case BpfCmd.MAP_FREEZE:
      return mapFreeze(k, s)
    case BpfCmd.OBJ_PIN:
      return objPin(k, s)
    case BpfCmd.OBJ_GET:
      return objGet(k, s)
    case BpfCmd.OBJ_GET_INFO_BY_FD:
      return objGetInfo(k, s)
    case BPF_MAP_GET_NEXT_ID:
      return mapGetNextId(k, s)
    case BPF_MAP_GET_FD_BY_ID:
      return mapGetFdById(k, s)
    case BpfCmd.MAP_LOOKUP_BATCH:
    case BpfCmd.MAP_LOOKUP_AND_DELETE_BATCH:
    case BpfCmd.MAP_UPDATE_BATCH:
    case BpfCmd.MAP_DELETE_BATCH:
      return mapBatch(k, s, cmd)
    default:
      // Program loading and the other commands are not part of the simulated syscall surface.
      return -Errno.EINVAL
  }
}

// ---- helpers ----------------------------------------------------------------------------------

/** map_get_sys_perms: the fd's permissions as the map grants them now (frozen: no write). */
function sysPerms(k: Kernel, s: SyscallState, m: MapDesc): number {
  let p = fdPerms(s.fdEntry)
  if (k.mem.i32[m.w + D.FROZEN] !== 0) p &= ~PERM_WRITE
  return p
}

/**
 * __bpf_copy_key: copy key_size bytes from ukey into kernel scratch at dst. A map without keys
 * (queue, stack) needs a NULL pointer. Returns 0 or -errno.
 */
function copyKey(k: Kernel, s: SyscallState, m: MapDesc, ukey: number, dst: number): number {
  if (m.keySize === 0) return ukey !== 0 ? -Errno.EINVAL : 0
  if (ukey === 0 || !s.user.copyFromUser(k.mem.u8, dst, ukey, m.keySize)) return -Errno.EFAULT
  s.evKeyAddr = dst
  s.evKeyLen = m.keySize
  return 0
}

function r8(n: number): number {
  return (n + 7) & ~7
}

/** Write a u32 into the caller's attr (put_user on uattr). */
function putAttrU32(s: SyscallState, off: number, v: number): boolean {
  const at = s.base + ATTR_SIZE // spare bytes after the attr copy
  s.i32[at >> 2] = v | 0
  return s.user.copyToUser(s.attrAddr + off, s.u8, at, 4)
}

/** Resolve attr fd -> live map (EBADF: not open, EINVAL: not a map), recording it for the event. */
function mapOfFd(k: Kernel, s: SyscallState, fd: number): MapDesc | number {
  const e = k.fds.get(s.procSlot, fd)
  if (e === 0) return -Errno.EBADF
  if (e <= FD_FILE) return -Errno.EINVAL // FD_FILE, or a program / link fd (progs.ts)
  s.fdEntry = e
  const m = k.mapTable.desc(fdMapSlot(e))
  s.evMap = m.id
  return m
}

// ---- BPF_MAP_CREATE ---------------------------------------------------------------------------

/** Kernel isalnum() (lib/ctype.c: Latin-1 letters count). */
function kernelIsAlnum(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7)
  )
}

/** bpf_obj_name_cpy: 0 or -EINVAL; the name bytes (NUL padded) go to out. */
function objNameCpy(src: Uint8Array, out: Uint8Array): number {
  out.fill(0)
  for (let i = 0; i < BPF_OBJ_NAME_LEN; i++) {
    const c = src[i]
    if (c === 0) return 0
    if (!kernelIsAlnum(c) && c !== 0x5f && c !== 0x2e) return -Errno.EINVAL
    out[i] = c
  }
  return -Errno.EINVAL // no NUL within 16 bytes
}

function mapCreate(k: Kernel, s: SyscallState): number {
  const C = Attr.create
  if (s.tailNonZero(C.SIZE)) return -Errno.EINVAL
  const a: CreateAttr = {
    mapType: s.u32(C.map_type),
    keySize: s.u32(C.key_size),
    valueSize: s.u32(C.value_size),
    maxEntries: s.u32(C.max_entries),
    mapFlags: s.u32(C.map_flags),
    innerMapFd: s.u32(C.inner_map_fd),
    numaNode: s.u32(C.numa_node),
    mapExtraLo: s.u32(C.map_extra),
    mapExtraHi: s.u32(C.map_extra + 4),
  }
  const btfKey = s.u32(C.btf_key_type_id)
  const btfValue = s.u32(C.btf_value_type_id)
  const btfVmlinux = s.u32(C.btf_vmlinux_value_type_id)
  if (btfVmlinux !== 0) {
    if (a.mapType !== MapType.STRUCT_OPS || btfKey !== 0 || btfValue !== 0) return -Errno.EINVAL
  } else if (btfKey !== 0 && btfValue === 0) {
    return -Errno.EINVAL
  }
  if (a.mapType !== MapType.BLOOM_FILTER && a.mapType !== MapType.ARENA && (a.mapExtraLo | a.mapExtraHi) !== 0) return -Errno.EINVAL
  if ((a.mapFlags & MapFlag.RDONLY) !== 0 && (a.mapFlags & MapFlag.WRONLY) !== 0) return -Errno.EINVAL
  // One NUMA node (0); NUMA_NO_NODE (-1) means "any".
  if ((a.mapFlags & MapFlag.NUMA_NODE) !== 0 && a.numaNode !== 0 && a.numaNode !== 0xffffffff) return -Errno.EINVAL
  if (a.mapType === 0 || a.mapType >= MAP_TYPE_MAX) return -Errno.EINVAL
  // The reference kernel (6.18 on the project's machines) refuses ARENA maps to root with EPERM
  // once the checks above pass, whatever the type's own attributes; the simulator has no arena
  // (pages shared with user space) and answers the same.
  if (a.mapType === MapType.ARENA) return -Errno.EPERM
  const ops = opsForType(a.mapType)
  if (ops === null) return -Errno.EINVAL
  const err = ops.allocCheck(a, k.possibleCpus)
  if (err < 0) return err
  if (s.u32(C.map_ifindex) !== 0) return -Errno.EINVAL // no offload devices
  const name = new Uint8Array(BPF_OBJ_NAME_LEN)
  // Checked after allocation, in this order: the name, then the BTF (btf_get_by_fd; there
  // are no BTF objects in the simulator, so any BTF id fails like a bad BTF fd).
  let lateErr = objNameCpy(s.bytes(C.map_name, C.map_name + BPF_OBJ_NAME_LEN), name)
  if (lateErr === 0 && (btfKey !== 0 || btfValue !== 0 || btfVmlinux !== 0)) {
    lateErr = k.fds.get(s.procSlot, s.u32(C.btf_fd)) === 0 ? -Errno.EBADF : -Errno.EINVAL
  }
  const slot = k.mapTable.create(ops, a, name, lateErr, s.pid)
  if (slot < 0) return slot
  const perms = fdPermsFor(a.mapFlags)
  k.mem.lockKernel()
  try {
    s.evMap = k.mem.i32[k.mapTable.slotW(slot) + D.ID]
    const fd = k.fds.install(s.procSlot, fdEntryForMap(slot, perms))
    if (fd < 0) k.mapTable.put(slot)
    return fd
  } finally {
    k.mem.unlockKernel()
  }
}

// ---- element commands -------------------------------------------------------------------------

function mapLookup(k: Kernel, s: SyscallState): number {
  const E = Attr.elem
  if (s.tailNonZero(E.SIZE)) return -Errno.EINVAL
  const flags = s.flags(E.flags)
  if ((flags & ~BPF_F_LOCK) !== 0) return -Errno.EINVAL
  const fd = s.u32(E.map_fd)
  const m = mapOfFd(k, s, fd)
  if (typeof m === 'number') return m
  if ((sysPerms(k, s, m) & PERM_READ) === 0) return -Errno.EPERM
  if ((flags & BPF_F_LOCK) !== 0) return -Errno.EINVAL // no value holds a bpf_spin_lock
  const key = k.scratch(r8(m.keySize) + r8(m.userValueSize))
  const err = copyKey(k, s, m, s.u64(E.key), key)
  if (err < 0) return err
  const uvalue = s.u64(E.value)
  let src: number
  if (m.ops.queueLike) {
    src = key + r8(m.keySize)
    const e = m.ops.peek!(k.mem, m, src)
    if (e < 0) return e
  } else {
    src = m.ops.lookup(k.mem, m, key)
    if (src === 0) return -Errno.ENOENT
    if (m.percpu) {
      // the CPUs' copies, a cache line each in the kernel, side by side for userspace
      valueToUser(k.mem, m, key + r8(m.keySize), src)
      src = key + r8(m.keySize)
    }
  }
  if (uvalue === 0 || !s.user.copyToUser(uvalue, k.mem.u8, src, m.userValueSize)) return -Errno.EFAULT
  return 0
}

function mapUpdate(k: Kernel, s: SyscallState): number {
  const E = Attr.elem
  if (s.tailNonZero(E.SIZE)) return -Errno.EINVAL
  const fd = s.u32(E.map_fd)
  const m = mapOfFd(k, s, fd)
  if (typeof m === 'number') return m
  if ((sysPerms(k, s, m) & PERM_WRITE) === 0) return -Errno.EPERM
  const flags = s.flags(E.flags)
  if ((flags & BPF_F_LOCK) !== 0) return -Errno.EINVAL
  const key = k.scratch(r8(m.keySize) + r8(m.userValueSize))
  const err = copyKey(k, s, m, s.u64(E.key), key)
  if (err < 0) return err
  const value = key + r8(m.keySize)
  const uvalue = s.u64(E.value)
  if (uvalue === 0 || !s.user.copyFromUser(k.mem.u8, value, uvalue, m.userValueSize)) return -Errno.EFAULT
  return m.ops.update(k.mem, m, key, value, flags, s.cpu, true)
}

function mapDelete(k: Kernel, s: SyscallState): number {
  const E = Attr.elem
  if (s.tailNonZero(E.SIZE)) return -Errno.EINVAL
  const fd = s.u32(E.map_fd)
  const m = mapOfFd(k, s, fd)
  if (typeof m === 'number') return m
  if ((sysPerms(k, s, m) & PERM_WRITE) === 0) return -Errno.EPERM
  const key = k.scratch(r8(m.keySize))
  const err = copyKey(k, s, m, s.u64(E.key), key)
  if (err < 0) return err
  return m.ops.delete(k.mem, m, key, s.cpu)
}

function mapGetNextKey(k: Kernel, s: SyscallState): number {
  const E = Attr.elem
  if (s.tailNonZero(E.value + 8)) return -Errno.EINVAL
  const fd = s.u32(E.map_fd)
  const m = mapOfFd(k, s, fd)
  if (typeof m === 'number') return m
  if ((sysPerms(k, s, m) & PERM_READ) === 0) return -Errno.EPERM
  const key = k.scratch(2 * r8(m.keySize))
  const next = key + r8(m.keySize)
  const ukey = s.u64(E.key)
  let kaddr = 0
  if (ukey !== 0) {
    const err = copyKey(k, s, m, ukey, key)
    if (err < 0) return err
    kaddr = key
  }
  const err = m.ops.getNextKey(k.mem, m, kaddr, next)
  if (err < 0) return err
  const unext = s.u64(E.value)
  if (unext === 0 || !s.user.copyToUser(unext, k.mem.u8, next, m.keySize)) return -Errno.EFAULT
  return 0
}

function mapLookupAndDelete(k: Kernel, s: SyscallState): number {
  const E = Attr.elem
  if (s.tailNonZero(E.SIZE)) return -Errno.EINVAL
  const flags = s.flags(E.flags)
  if ((flags & ~BPF_F_LOCK) !== 0) return -Errno.EINVAL
  const fd = s.u32(E.map_fd)
  const m = mapOfFd(k, s, fd)
  if (typeof m === 'number') return m
  const perms = sysPerms(k, s, m)
  if ((perms & PERM_READ) === 0 || (perms & PERM_WRITE) === 0) return -Errno.EPERM
  if (flags !== 0 && m.ops.queueLike) return -Errno.EINVAL
  if ((flags & BPF_F_LOCK) !== 0) return -Errno.EINVAL
  const key = k.scratch(r8(m.keySize) + r8(m.userValueSize))
  const err = copyKey(k, s, m, s.u64(E.key), key)
  if (err < 0) return err
  const value = key + r8(m.keySize)
  let e: number
  if (m.ops.queueLike) e = m.ops.pop!(k.mem, m, value)
  else if (m.ops.lookupAndDelete !== undefined) e = m.ops.lookupAndDelete(k.mem, m, key, value, flags, s.cpu)
  else e = -Errno.ENOTSUPP
  if (e < 0) return e
  const uvalue = s.u64(E.value)
  if (uvalue === 0 || !s.user.copyToUser(uvalue, k.mem.u8, value, m.userValueSize)) return -Errno.EFAULT
  return 0
}

function mapFreeze(k: Kernel, s: SyscallState): number {
  if (s.tailNonZero(4)) return -Errno.EINVAL
  const fd = s.u32(0)
  const m = mapOfFd(k, s, fd)
  if (typeof m === 'number') return m
  // Maps with special fields (bpf_spin_lock) would get ENOTSUPP here; none exist without BTF.
  if ((sysPerms(k, s, m) & PERM_WRITE) === 0) return -Errno.EPERM
  if (Atomics.compareExchange(k.mem.i32, m.w + D.FROZEN, 0, 1) !== 0) return -Errno.EBUSY
  return 0
}

// ---- pin / get / info --------------------------------------------------------------------------

/** strncpy_from_user of a path: the bytes, or -errno. */
function readPath(s: SyscallState, addr: number): Uint8Array | number {
  if (addr === 0) return -Errno.EFAULT
  const out: number[] = []
  const one = new Uint8Array(64)
  let at = addr
  while (out.length < PATH_MAX) {
    let n = 64
    if (!s.user.copyFromUser(one, 0, at, n)) {
      // Near the end of mapped memory: go byte by byte.
      n = 1
      if (!s.user.copyFromUser(one, 0, at, 1)) return -Errno.EFAULT
    }
    for (let i = 0; i < n; i++) {
      if (one[i] === 0) return Uint8Array.from(out)
      out.push(one[i])
      if (out.length >= PATH_MAX) break
    }
    at += n
  }
  return -Errno.ENAMETOOLONG
}

function objPin(k: Kernel, s: SyscallState): number {
  const O = Attr.obj
  if (s.tailNonZero(O.SIZE) || s.u32(O.file_flags) !== 0) return -Errno.EINVAL
  // bpf_fd_probe_obj: anything that is not a BPF object (or not open) is EINVAL.
  const slot = fdMapSlot(k.fds.get(s.procSlot, s.u32(O.bpf_fd)))
  if (slot < 0) return -Errno.EINVAL
  s.evMap = k.mapTable.desc(slot).id
  const path = readPath(s, s.u64(O.pathname))
  if (typeof path === 'number') return path
  k.mem.lockKernel()
  try {
    const n = k.vfs.pin(path, k.fds.cwd(s.procSlot), slot)
    if (n < 0) return n
    k.mapTable.get(slot)
    return 0
  } finally {
    k.mem.unlockKernel()
  }
}

function objGet(k: Kernel, s: SyscallState): number {
  const O = Attr.obj
  const ff = s.u32(O.file_flags)
  if (s.tailNonZero(O.SIZE) || s.u32(O.bpf_fd) !== 0 || (ff & ~(MapFlag.RDONLY | MapFlag.WRONLY)) !== 0) return -Errno.EINVAL
  if ((ff & MapFlag.RDONLY) !== 0 && (ff & MapFlag.WRONLY) !== 0) return -Errno.EINVAL
  const path = readPath(s, s.u64(O.pathname))
  if (typeof path === 'number') return path
  k.mem.lockKernel()
  try {
    const slot = k.vfs.getPin(path, k.fds.cwd(s.procSlot))
    if (slot < 0) return slot
    s.evMap = k.mem.i32[k.mapTable.slotW(slot) + D.ID]
    return installMapFd(k, s.procSlot, slot, fdPermsFor(ff))
  } finally {
    k.mem.unlockKernel()
  }
}

function objGetInfo(k: Kernel, s: SyscallState): number {
  const I = Attr.info
  if (s.tailNonZero(I.SIZE)) return -Errno.EINVAL
  const fd = s.u32(I.bpf_fd)
  const m = mapOfFd(k, s, fd)
  // bpf_obj_get_info_by_fd() uses CLASS(fd, f) and answers EBADFD (77), not EBADF, for a closed fd.
  if (m === -Errno.EBADF) return -Errno.EBADFD
  if (typeof m === 'number') return m
  let infoLen = s.u32(I.info_len)
  const uinfo = s.u64(I.info)
  if (infoLen > MapInfo.SIZE) {
    if (infoLen > PAGE_SIZE) return -Errno.E2BIG
    const extra = new Uint8Array(infoLen - MapInfo.SIZE)
    if (!s.user.copyFromUser(extra, 0, uinfo + MapInfo.SIZE, extra.length)) return -Errno.EFAULT
    if (extra.some((b) => b !== 0)) return -Errno.E2BIG
    infoLen = MapInfo.SIZE
  }
  const info = new Uint8Array(MapInfo.SIZE)
  const dv = new DataView(info.buffer)
  const i32 = k.mem.i32
  dv.setUint32(MapInfo.type, m.type, true)
  dv.setUint32(MapInfo.id, m.id, true)
  dv.setUint32(MapInfo.key_size, m.keySize, true)
  dv.setUint32(MapInfo.value_size, m.valueSize, true)
  dv.setUint32(MapInfo.max_entries, m.maxEntries, true)
  dv.setUint32(MapInfo.map_flags, m.flags, true)
  info.set(k.mem.u8.subarray((m.w + D.NAME) << 2, ((m.w + D.NAME) << 2) + BPF_OBJ_NAME_LEN), MapInfo.name)
  dv.setUint32(MapInfo.map_extra, i32[m.w + D.EXTRA_LO] >>> 0, true)
  dv.setUint32(MapInfo.map_extra + 4, i32[m.w + D.EXTRA_HI] >>> 0, true)
  if (infoLen > 0 && (uinfo === 0 || !s.user.copyToUser(uinfo, info, 0, infoLen))) return -Errno.EFAULT
  if (!putAttrU32(s, I.info_len, infoLen)) return -Errno.EFAULT
  return 0
}

// ---- batch commands (section 8) ----------------------------------------------------------------

function mapBatch(k: Kernel, s: SyscallState, cmd: number): number {
  const B = Attr.batch
  if (s.tailNonZero(B.SIZE)) return -Errno.EINVAL
  const fd = s.u32(B.map_fd)
  const m = mapOfFd(k, s, fd)
  if (typeof m === 'number') return m
  const hasRead = cmd === BpfCmd.MAP_LOOKUP_BATCH || cmd === BpfCmd.MAP_LOOKUP_AND_DELETE_BATCH
  const hasWrite = cmd !== BpfCmd.MAP_LOOKUP_BATCH
  const perms = sysPerms(k, s, m)
  if (hasRead && (perms & PERM_READ) === 0) return -Errno.EPERM
  if (hasWrite && (perms & PERM_WRITE) === 0) return -Errno.EPERM
  const b = m.ops.batch
  s.evMask = EXTRA_COUNT | EXTRA_ASKED
  s.evCount = s.u32(B.count)
  s.evAsked = s.evCount
  switch (cmd) {
    case BpfCmd.MAP_LOOKUP_BATCH:
      if (b.lookup === 'hash') return hashLookupBatch(k, s, m, false)
      if (b.lookup === 'generic') return genericLookupBatch(k, s, m)
      return -Errno.ENOTSUPP
    case BpfCmd.MAP_LOOKUP_AND_DELETE_BATCH:
      if (b.lookupAndDelete === 'hash') return hashLookupBatch(k, s, m, true)
      return -Errno.ENOTSUPP
    case BpfCmd.MAP_UPDATE_BATCH:
      return b.update ? genericUpdateBatch(k, s, m, false) : -Errno.ENOTSUPP
    default:
      return b.delete ? genericUpdateBatch(k, s, m, true) : -Errno.ENOTSUPP
  }
}

/** Validation shared by every batch op: elem_flags in {0, BPF_F_LOCK (with a spin lock)}. */
function badElemFlags(s: SyscallState): boolean {
  const ef = s.flags(Attr.batch.elem_flags)
  // BPF_F_LOCK needs a bpf_spin_lock in the value, which no map has here.
  return ef !== 0
}

/** __htab_map_lookup_and_delete_batch (spec 4.6): the cursor is a u32 bucket index. */
function hashLookupBatch(k: Kernel, s: SyscallState, m: MapDesc, del: boolean): number {
  const B = Attr.batch
  if (badElemFlags(s)) return -Errno.EINVAL
  if (s.u64(B.flags) !== 0) return -Errno.EINVAL
  const maxCount = s.u32(B.count)
  if (maxCount === 0) return 0
  if (!putAttrU32(s, B.count, 0)) return -Errno.EFAULT
  s.evCount = 0
  const ubatch = s.u64(B.in_batch)
  const uobatch = s.u64(B.out_batch)
  const ukeys = s.u64(B.keys)
  const uvalues = s.u64(B.values)
  const mem = k.mem
  let batch = 0
  if (ubatch !== 0) {
    const tmp = k.scratch(8)
    if (!s.user.copyFromUser(mem.u8, tmp, ubatch, 4)) return -Errno.EFAULT
    batch = readU32(mem, tmp)
  }
  s.evMask |= EXTRA_IN
  s.evIn = batch
  if (batch >= m.nBuckets) return -Errno.ENOENT
  const ks = m.keySize
  const vs = m.userValueSize
  let cap = 5 // the kernel starts with room for 5 elements per bucket and grows
  let total = 0
  let ret = 0
  for (;;) {
    const keys = k.scratch(r8(cap * ks) + cap * vs)
    const vals = keys + r8(cap * ks)
    const cnt = m.ops.bucketBatch!(mem, m, batch, maxCount - total, cap, keys, vals, del, s.cpu)
    if (cnt > maxCount - total) {
      if (total === 0) ret = -Errno.ENOSPC
      break
    }
    if (cnt > cap) {
      cap = cnt
      continue // retry this bucket with a bigger buffer
    }
    if (cnt > 0) {
      if (ukeys === 0 || uvalues === 0 || !s.user.copyToUser(ukeys + total * ks, mem.u8, keys, ks * cnt) || !s.user.copyToUser(uvalues + total * vs, mem.u8, vals, vs * cnt)) {
        return -Errno.EFAULT
      }
    }
    total += cnt
    batch++
    if (batch >= m.nBuckets) {
      ret = -Errno.ENOENT
      break
    }
  }
  const tmp = k.scratch(8)
  mem.i32[tmp >> 2] = batch
  if (uobatch === 0 || !s.user.copyToUser(uobatch, mem.u8, tmp, 4) || !putAttrU32(s, B.count, total)) ret = -Errno.EFAULT
  s.evMask |= EXTRA_OUT
  s.evOut = batch
  s.evCount = total
  return ret
}

/** generic_map_lookup_batch (spec 8.2): the cursor is the last key returned. */
function genericLookupBatch(k: Kernel, s: SyscallState, m: MapDesc): number {
  const B = Attr.batch
  if (badElemFlags(s)) return -Errno.EINVAL
  const maxCount = s.u32(B.count)
  if (maxCount === 0) return 0
  if (!putAttrU32(s, B.count, 0)) return -Errno.EFAULT
  s.evCount = 0
  const mem = k.mem
  const ks = m.keySize
  const vs = m.userValueSize
  const base = k.scratch(3 * r8(ks) + r8(vs))
  let prevBuf = base
  let keyBuf = base + r8(ks)
  const value = base + 2 * r8(ks)
  const ubatch = s.u64(B.in_batch)
  const ukeys = s.u64(B.keys)
  const uvalues = s.u64(B.values)
  let prev = 0
  if (ubatch !== 0) {
    if (!s.user.copyFromUser(mem.u8, prevBuf, ubatch, ks)) return -Errno.EFAULT
    prev = prevBuf
    if (ks >= 4) {
      s.evMask |= EXTRA_IN
      s.evIn = readU32(mem, prevBuf)
    }
  }
  let cp = 0
  let err = 0
  while (cp < maxCount) {
    err = m.ops.getNextKey(mem, m, prev, keyBuf)
    if (err < 0) break
    const v = m.ops.lookup(mem, m, keyBuf)
    if (v === 0) {
      // Missing (an empty map-in-map slot): skip it and go on from this key.
      err = -Errno.ENOENT
      const t = prevBuf
      prevBuf = keyBuf
      keyBuf = t
      prev = prevBuf
      continue
    }
    valueToUser(mem, m, value, v)
    if (ukeys === 0 || !s.user.copyToUser(ukeys + cp * ks, mem.u8, keyBuf, ks)) return -Errno.EFAULT
    if (uvalues === 0 || !s.user.copyToUser(uvalues + cp * vs, mem.u8, value, vs)) return -Errno.EFAULT
    const t = prevBuf
    prevBuf = keyBuf
    keyBuf = t
    prev = prevBuf
    err = 0
    cp++
  }
  s.evCount = cp
  const uobatch = s.u64(B.out_batch)
  if (!putAttrU32(s, B.count, cp) || (cp > 0 && (uobatch === 0 || !s.user.copyToUser(uobatch, mem.u8, prevBuf, ks)))) return -Errno.EFAULT
  if (cp > 0 && ks >= 4) {
    s.evMask |= EXTRA_OUT
    s.evOut = readU32(mem, prevBuf)
  }
  return err
}

/** generic_map_update_batch / generic_map_delete_batch (spec 8.3). */
function genericUpdateBatch(k: Kernel, s: SyscallState, m: MapDesc, del: boolean): number {
  const B = Attr.batch
  if (badElemFlags(s)) return -Errno.EINVAL
  const maxCount = s.u32(B.count)
  if (maxCount === 0) return 0
  if (!putAttrU32(s, B.count, 0)) return -Errno.EFAULT
  s.evCount = 0
  const mem = k.mem
  const ks = m.keySize
  const vs = m.userValueSize
  const key = k.scratch(r8(ks) + r8(vs))
  const value = key + r8(ks)
  const ukeys = s.u64(B.keys)
  const uvalues = s.u64(B.values)
  const elemFlags = s.flags(B.elem_flags)
  let cp = 0
  let err = 0
  for (; cp < maxCount; cp++) {
    if (ukeys === 0 || !s.user.copyFromUser(mem.u8, key, ukeys + cp * ks, ks)) {
      err = -Errno.EFAULT
      break
    }
    if (!del && (uvalues === 0 || !s.user.copyFromUser(mem.u8, value, uvalues + cp * vs, vs))) {
      err = -Errno.EFAULT
      break
    }
    err = del ? m.ops.delete(mem, m, key, s.cpu) : m.ops.update(mem, m, key, value, elemFlags, s.cpu, true)
    if (err < 0) break
  }
  s.evCount = cp
  if (!putAttrU32(s, B.count, cp)) err = -Errno.EFAULT
  return err
}
