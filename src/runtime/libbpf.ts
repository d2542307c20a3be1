/**
 * libbpf 1.x low-level API (tools/lib/bpf/bpf.c) for userspace programs. Like the real one,
 * each wrapper fills a `union bpf_attr` in the process's own memory, enters the kernel with
 * bpf(cmd, &attr, size), copies results back (batch count, info length) and converts the
 * result the libbpf 1.x way: on failure it returns -errno AND sets errno.
 */
import { Attr, BpfCmd, BPF_OBJ_NAME_LEN, Errno } from '../kernel/uapi'
import { NULL_GUARD, type ImportFn } from '../lang/abi'
import type { Process } from './process'
import { strerror } from './libc/errno'

/** The subset of Process the wrappers need (kept small so tests can drive it without a program). */
type Proc = Pick<Process, 'mem' | 'kernel' | 'caller' | 'user' | 'attrAddr' | 'write'> & { errno: number }

/** libbpf_err_errno(): negative errno out, errno set. */
function finish(p: Proc, ret: number): number {
  if (ret < 0) p.errno = -ret
  return ret
}

/** bpf(2) with the attr the wrapper just wrote at p.attrAddr. Returns the raw kernel result (-errno on failure). */
function sysBpf(p: Proc, cmd: number, size: number): number {
  return p.kernel.sysBpf(cmd, p.attrAddr, size, p.user, p.caller)
}

/** A zeroed attr of `size` bytes (what the kernel will read) in user memory, with setters at uapi offsets (no bigint on the hot path). */
function attr(p: Proc, size: number) {
  const base = p.attrAddr - NULL_GUARD
  const dv = p.mem.dv
  const u8 = p.mem.u8
  for (let i = p.attrAddr, end = p.attrAddr + size; i < end; i++) u8[i] = 0
  return {
    u32(off: number, v: number) {
      dv.setUint32(base + off, v >>> 0, true)
    },
    u64(off: number, v: number | bigint) {
      if (typeof v === 'bigint' && v >= 0n && v <= 0xffffffffn) v = Number(v)
      if (typeof v === 'number' && v >= 0 && v <= 0xffffffff) {
        dv.setUint32(base + off, v, true)
        dv.setUint32(base + off + 4, 0, true)
      } else dv.setBigUint64(base + off, BigInt.asUintN(64, BigInt(v)), true)
    },
    getU32(off: number) {
      return dv.getUint32(base + off, true)
    },
  }
}

function u32At(p: Proc, addr: number): number {
  return p.mem.dv.getUint32(addr - NULL_GUARD, true)
}
function setU32At(p: Proc, addr: number, v: number): void {
  p.mem.dv.setUint32(addr - NULL_GUARD, v >>> 0, true)
}
function u64At(p: Proc, addr: number): bigint {
  return p.mem.dv.getBigUint64(addr - NULL_GUARD, true)
}

/**
 * OPTS_VALID(): NULL is valid; `sz` must cover at least the size_t and any bytes past the
 * fields this libbpf knows must be zero. libbpf warns on stderr when it refuses.
 */
export function optsValid(p: Proc, opts: number, known: number, type: string): boolean {
  if (opts === 0) return true
  const sz = Number(u64At(p, opts))
  if (sz < 8) {
    warn(p, `libbpf: ${type} size (${sz}) is too small\n`)
    return false
  }
  for (let i = known; i < sz; i++) {
    if (p.mem.bytes(opts + i, 1)[0] !== 0) {
      warn(p, `libbpf: ${type} has non-zero extra bytes\n`)
      return false
    }
  }
  return true
}

/** OPTS_GET(): a field is read only when opts->sz covers it. */
function optsGet(p: Proc, opts: number, off: number, width: 4 | 8): bigint {
  if (opts === 0) return 0n
  const sz = Number(u64At(p, opts))
  if (sz < off + width) return 0n
  return width === 4 ? BigInt(u32At(p, opts + off)) : u64At(p, opts + off)
}

function warn(p: Proc, msg: string): void {
  p.write(2, new TextEncoder().encode(msg))
}

/** struct bpf_map_create_opts: sz 0, btf_fd 8, btf_key_type_id 12, btf_value_type_id 16, btf_vmlinux_value_type_id 20, inner_map_fd 24, map_flags 28, map_extra 32, numa_node 40, map_ifindex 44. */
const CreateOpts = { btf_fd: 8, btf_key_type_id: 12, btf_value_type_id: 16, btf_vmlinux_value_type_id: 20, inner_map_fd: 24, map_flags: 28, map_extra: 32, numa_node: 40, map_ifindex: 44, KNOWN: 48 }
/** struct bpf_map_batch_opts: sz 0, elem_flags 8, flags 16. */
const BatchOpts = { elem_flags: 8, flags: 16, KNOWN: 24 }
/** struct bpf_obj_pin_opts / bpf_obj_get_opts: sz 0, file_flags 8, path_fd 12. */
const ObjOpts = { file_flags: 8, KNOWN: 16 }

export function mapCreate(p: Proc, type: number, name: number, keySize: number, valueSize: number, maxEntries: number, opts: number): number {
  if (!optsValid(p, opts, CreateOpts.KNOWN, 'bpf_map_create_opts')) return finish(p, -Errno.EINVAL)
  const a = attr(p, Attr.create.SIZE)
  a.u32(Attr.create.map_type, type)
  a.u32(Attr.create.key_size, keySize)
  a.u32(Attr.create.value_size, valueSize)
  a.u32(Attr.create.max_entries, maxEntries)
  a.u32(Attr.create.btf_fd, Number(optsGet(p, opts, CreateOpts.btf_fd, 4)))
  a.u32(Attr.create.btf_key_type_id, Number(optsGet(p, opts, CreateOpts.btf_key_type_id, 4)))
  a.u32(Attr.create.btf_value_type_id, Number(optsGet(p, opts, CreateOpts.btf_value_type_id, 4)))
  a.u32(Attr.create.btf_vmlinux_value_type_id, Number(optsGet(p, opts, CreateOpts.btf_vmlinux_value_type_id, 4)))
  a.u32(Attr.create.inner_map_fd, Number(optsGet(p, opts, CreateOpts.inner_map_fd, 4)))
  a.u32(Attr.create.map_flags, Number(optsGet(p, opts, CreateOpts.map_flags, 4)))
  a.u64(Attr.create.map_extra, optsGet(p, opts, CreateOpts.map_extra, 8))
  a.u32(Attr.create.numa_node, Number(optsGet(p, opts, CreateOpts.numa_node, 4)))
  a.u32(Attr.create.map_ifindex, Number(optsGet(p, opts, CreateOpts.map_ifindex, 4)))
  if (name !== 0) {
    // libbpf_strlcpy(): at most 15 characters and a NUL, silently truncated.
    const bytes = p.mem.cstringBytes(name, BPF_OBJ_NAME_LEN - 1)
    p.mem.u8.set(bytes, p.attrAddr + Attr.create.map_name)
  }
  return finish(p, sysBpf(p, BpfCmd.MAP_CREATE, Attr.create.SIZE))
}

/**
 * The elem commands are the hot path of every map loop, so their attr is written as words
 * (attrAddr is 16-aligned; pointers fit in 32 bits) instead of through attr()'s setters.
 * The bytes the kernel reads are the same.
 */
/** What libbpf passes as the attr size: offsetofend(union bpf_attr, next_key) for get_next_key, of flags for the others. */
const GET_NEXT_KEY_ATTR_SIZE = 24

function elemCmd(p: Proc, cmd: number, fd: number, key: number, value: number, flags: bigint | number): number {
  const size = cmd === BpfCmd.MAP_GET_NEXT_KEY ? GET_NEXT_KEY_ATTR_SIZE : Attr.elem.SIZE
  // flags is almost always 0n: test that first (bigint range tests cost more)
  if (flags !== 0n && (typeof flags !== 'bigint' || flags < 0n || flags > 0xffffffffn)) {
    const a = attr(p, Attr.elem.SIZE)
    a.u32(Attr.elem.map_fd, fd)
    a.u64(Attr.elem.key, key)
    a.u64(Attr.elem.value, value)
    a.u64(Attr.elem.flags, flags)
    return finish(p, sysBpf(p, cmd, size))
  }
  const i32 = p.mem.i32
  const w = p.attrAddr >> 2
  i32[w + (Attr.elem.map_fd >> 2)] = fd
  i32[w + 1] = 0
  i32[w + (Attr.elem.key >> 2)] = key
  i32[w + (Attr.elem.key >> 2) + 1] = 0
  i32[w + (Attr.elem.value >> 2)] = value
  i32[w + (Attr.elem.value >> 2) + 1] = 0
  i32[w + (Attr.elem.flags >> 2)] = flags === 0n ? 0 : Number(flags)
  i32[w + (Attr.elem.flags >> 2) + 1] = 0
  const ret = p.kernel.sysBpf(cmd, p.attrAddr, size, p.user, p.caller)
  if (ret < 0) p.errno = -ret
  return ret
}

function batchCmd(p: Proc, cmd: number, fd: number, inBatch: number, outBatch: number, keys: number, values: number, count: number, opts: number): number {
  if (!optsValid(p, opts, BatchOpts.KNOWN, 'bpf_map_batch_opts')) return finish(p, -Errno.EINVAL)
  const a = attr(p, Attr.batch.SIZE)
  a.u64(Attr.batch.in_batch, inBatch)
  a.u64(Attr.batch.out_batch, outBatch)
  a.u64(Attr.batch.keys, keys)
  a.u64(Attr.batch.values, values)
  a.u32(Attr.batch.count, u32At(p, count)) // *count: a NULL count faults in the program, as in C
  a.u32(Attr.batch.map_fd, fd)
  a.u64(Attr.batch.elem_flags, optsGet(p, opts, BatchOpts.elem_flags, 8))
  a.u64(Attr.batch.flags, optsGet(p, opts, BatchOpts.flags, 8))
  const ret = sysBpf(p, cmd, Attr.batch.SIZE)
  setU32At(p, count, a.getU32(Attr.batch.count)) // copied back on success and on failure
  return finish(p, ret)
}

function objGet(p: Proc, path: number, opts: number): number {
  if (!optsValid(p, opts, ObjOpts.KNOWN, 'bpf_obj_get_opts')) return finish(p, -Errno.EINVAL)
  const a = attr(p, Attr.obj.SIZE)
  a.u64(Attr.obj.pathname, path)
  a.u32(Attr.obj.file_flags, Number(optsGet(p, opts, ObjOpts.file_flags, 4)))
  return finish(p, sysBpf(p, BpfCmd.OBJ_GET, Attr.obj.SIZE))
}

function objPin(p: Proc, fd: number, path: number, opts: number): number {
  if (!optsValid(p, opts, ObjOpts.KNOWN, 'bpf_obj_pin_opts')) return finish(p, -Errno.EINVAL)
  const a = attr(p, Attr.obj.SIZE)
  a.u64(Attr.obj.pathname, path)
  a.u32(Attr.obj.bpf_fd, fd)
  a.u32(Attr.obj.file_flags, Number(optsGet(p, opts, ObjOpts.file_flags, 4)))
  return finish(p, sysBpf(p, BpfCmd.OBJ_PIN, Attr.obj.SIZE))
}

function objInfo(p: Proc, fd: number, info: number, infoLen: number): number {
  const a = attr(p, Attr.info.SIZE)
  a.u32(Attr.info.bpf_fd, fd)
  a.u32(Attr.info.info_len, u32At(p, infoLen))
  a.u64(Attr.info.info, info)
  const ret = sysBpf(p, BpfCmd.OBJ_GET_INFO_BY_FD, Attr.info.SIZE)
  if (ret === 0) setU32At(p, infoLen, a.getU32(Attr.info.info_len))
  return finish(p, ret)
}

/** libbpf_strerror_table (LIBBPF_ERRNO__LIBELF = 4000 .. __LIBBPF_ERRNO__END = 4014); 4006 has no text. */
const LIBBPF_ERRNO_START = 4000
const LIBBPF_ERRNO_END = 4014
const LIBBPF_ERRNO: Record<number, string> = {
  4000: 'Something wrong in libelf',
  4001: 'BPF object format invalid',
  4002: "'version' section incorrect or lost",
  4003: 'Endian mismatch',
  4004: 'Internal error in libbpf',
  4005: 'Relocation failed',
  4007: 'Kernel verifier blocks program loading',
  4008: 'Program too big',
  4009: 'Incorrect kernel version',
  4010: "Kernel doesn't support this program type",
  4011: 'Wrong pid in netlink message',
  4012: 'Invalid netlink sequence',
  4013: 'Incorrect netlink message parsing',
}

/** libbpf_strerror(err, buf, size) as in libbpf.c: text into buf, truncated; 0, -ERANGE or -ENOENT. */
function libbpfStrerror(p: Proc, err: number, buf: number, size: number): number {
  if (buf === 0 || size === 0) return finish(p, -Errno.EINVAL)
  const code = Math.abs(err)
  let text: string
  let ret = 0
  if (code < LIBBPF_ERRNO_START) text = strerror(code)
  else if (code < LIBBPF_ERRNO_END) text = LIBBPF_ERRNO[code] ?? '(null)'
  else {
    text = `Unknown libbpf error ${code}`
    ret = -Errno.ENOENT
  }
  const bytes = new TextEncoder().encode(text)
  const n = Math.min(bytes.length, size - 1)
  const out = p.mem.bytes(buf, n + 1, 'write')
  out.set(bytes.subarray(0, n))
  out[n] = 0
  if (code >= LIBBPF_ERRNO_START && bytes.length >= size) ret = -Errno.ERANGE
  return ret < 0 ? finish(p, ret) : 0
}

export function libbpfImports(p: Process): Record<string, ImportFn> {
    return {
    bpf_map_create: (type: number, name: number, k: number, v: number, max: number, opts: number) => mapCreate(p, type, name, k, v, max, opts),
    bpf_map_update_elem: (fd: number, key: number, value: number, flags: bigint) => elemCmd(p, BpfCmd.MAP_UPDATE_ELEM, fd, key, value, flags),
    bpf_map_lookup_elem: (fd: number, key: number, value: number) => elemCmd(p, BpfCmd.MAP_LOOKUP_ELEM, fd, key, value, 0n),
    bpf_map_lookup_elem_flags: (fd: number, key: number, value: number, flags: bigint) => elemCmd(p, BpfCmd.MAP_LOOKUP_ELEM, fd, key, value, flags),
    bpf_map_lookup_and_delete_elem: (fd: number, key: number, value: number) => elemCmd(p, BpfCmd.MAP_LOOKUP_AND_DELETE_ELEM, fd, key, value, 0n),
    bpf_map_lookup_and_delete_elem_flags: (fd: number, key: number, value: number, flags: bigint) => elemCmd(p, BpfCmd.MAP_LOOKUP_AND_DELETE_ELEM, fd, key, value, flags),
    bpf_map_delete_elem: (fd: number, key: number) => elemCmd(p, BpfCmd.MAP_DELETE_ELEM, fd, key, 0, 0n),
    bpf_map_delete_elem_flags: (fd: number, key: number, flags: bigint) => elemCmd(p, BpfCmd.MAP_DELETE_ELEM, fd, key, 0, flags),
    bpf_map_get_next_key: (fd: number, key: number, next: number) => elemCmd(p, BpfCmd.MAP_GET_NEXT_KEY, fd, key, next, 0n),
    bpf_map_freeze: (fd: number) => {
      const a = attr(p, 4)
      a.u32(Attr.elem.map_fd, fd)
      return finish(p, sysBpf(p, BpfCmd.MAP_FREEZE, 4))
    },
    bpf_map_lookup_batch: (fd: number, inB: number, outB: number, keys: number, values: number, count: number, opts: number) =>
      batchCmd(p, BpfCmd.MAP_LOOKUP_BATCH, fd, inB, outB, keys, values, count, opts),
    bpf_map_lookup_and_delete_batch: (fd: number, inB: number, outB: number, keys: number, values: number, count: number, opts: number) =>
      batchCmd(p, BpfCmd.MAP_LOOKUP_AND_DELETE_BATCH, fd, inB, outB, keys, values, count, opts),
    bpf_map_update_batch: (fd: number, keys: number, values: number, count: number, opts: number) =>
      batchCmd(p, BpfCmd.MAP_UPDATE_BATCH, fd, 0, 0, keys, values, count, opts),
    bpf_map_delete_batch: (fd: number, keys: number, count: number, opts: number) => batchCmd(p, BpfCmd.MAP_DELETE_BATCH, fd, 0, 0, keys, 0, count, opts),
    bpf_obj_pin: (fd: number, path: number) => objPin(p, fd, path, 0),
    bpf_obj_pin_opts: (fd: number, path: number, opts: number) => objPin(p, fd, path, opts),
    bpf_obj_get: (path: number) => objGet(p, path, 0),
    bpf_obj_get_opts: (path: number, opts: number) => objGet(p, path, opts),
    bpf_obj_get_info_by_fd: (fd: number, info: number, len: number) => objInfo(p, fd, info, len),
    bpf_map_get_info_by_fd: (fd: number, info: number, len: number) => objInfo(p, fd, info, len),
    libbpf_num_possible_cpus: () => p.kernel.possibleCpus,
    libbpf_strerror: (err: number, buf: number, size: bigint) => libbpfStrerror(p, err, buf, Number(size)),
    libbpf_set_strict_mode: () => 0,
    libbpf_get_error: (ptr: number) => {
      // libbpf 1.x: returns -errno when ptr is NULL (and errno was set by the failed call).
      return ptr === 0 ? BigInt(-p.errno) : 0n
    },
    libbpf_set_print: () => 0,
    /** The raw syscall: returns -1 and sets errno (unlike the libbpf wrappers). */
    syscall: (nr: bigint, _types: string, values: unknown[]) => {
      if (Number(nr) !== 321) {
        p.errno = Errno.ENOSYS
        return -1n
      }
      const [cmd, attrAddr, size] = values.map((v) => Number(v as number | bigint))
      const ret = p.kernel.sysBpf(cmd, attrAddr, size, p.user, p.caller)
      if (ret < 0) {
        p.errno = -ret
        return -1n
      }
      return BigInt(ret)
    },
  }
}
