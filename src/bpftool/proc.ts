/**
 * The bpftool process on the simulated kernel: a private address space and the libbpf 1.1
 * calls bpftool makes, each one a real bpf() syscall (the same `union bpf_attr` bytes and
 * attr sizes libbpf sends), so the kernel's event log shows bpftool's calls under its own pid
 * and comm, and the kernel checks them as it checks any program's. Beside bpf(): close(),
 * /proc/self/fdinfo (memlock, frozen), statfs (is a directory on bpffs?) and the list of
 * files under bpffs for `-f`.
 *
 * Wrappers return what libbpf returns: >= 0, or -errno (and `errno` is set, as bpftool reads
 * errno for its messages).
 */
import type { UserMemory } from '../kernel/api'
import { Fs, Vfs } from '../kernel/bpffs'
import { fdinfo } from '../kernel/fdinfo'
import type { Kernel } from '../kernel/kernel'
import { BPF_MAP_GET_FD_BY_ID, BPF_MAP_GET_NEXT_ID, IdAttr } from '../kernel/map-ids'
import { Attr, BpfCmd, MapInfo } from '../kernel/uapi'
import { userMemoryOf } from '../runtime/user-memory'

const NULL_GUARD = 4096

/** struct bpf_map_info as bpftool reads it. */
export interface MapInfoT {
  type: number
  id: number
  keySize: number
  valueSize: number
  maxEntries: number
  mapFlags: number
  name: string
  ifindex: number
  btfId: number
}

/** A growable private memory: addresses are offsets, [0, 4096) unmapped. */
class ProcMemory implements UserMemory {
  u8 = new Uint8Array(64 * 1024)
  dv = new DataView(this.u8.buffer)
  private brk = NULL_GUARD
  /** copy_from_user / copy_to_user as for any process, remade when the memory grows. */
  private user = this.userMemory()

  copyFromUser(dst: Uint8Array, dstOffset: number, addr: number, len: number): boolean {
    return this.user.copyFromUser(dst, dstOffset, addr, len)
  }
  copyToUser(addr: number, src: Uint8Array, srcOffset: number, len: number): boolean {
    return this.user.copyToUser(addr, src, srcOffset, len)
  }

  private userMemory(): UserMemory {
    return userMemoryOf({ u8: this.u8, i32: new Int32Array(this.u8.buffer) })
  }

  /** malloc: zeroed, 8-byte aligned, never freed (a bpftool run is short). */
  alloc(size: number): number {
    const a = (this.brk + 7) & ~7
    const end = a + Math.max(size, 1)
    if (end > this.u8.length) {
      let n = this.u8.length
      while (n < end) n *= 2
      const bigger = new Uint8Array(n)
      bigger.set(this.u8)
      this.u8 = bigger
      this.dv = new DataView(bigger.buffer)
      this.user = this.userMemory()
    }
    this.brk = end
    this.u8.fill(0, a, end)
    return a
  }

  /** A C string copy of s. */
  str(s: string): number {
    const b = Vfs.encode(s)
    const a = this.alloc(b.length + 1)
    this.u8.set(b, a)
    return a
  }
}

export class BpftoolProc {
  readonly pid: number
  readonly mem = new ProcMemory()
  private readonly attr: number
  errno = 0

  constructor(
    readonly k: Kernel,
    readonly cpu = 0,
  ) {
    this.pid = k.processCreate('bpftool')
    this.attr = this.mem.alloc(Attr.SIZE)
  }

  get possibleCpus(): number {
    return this.k.possibleCpus
  }

  /** exit(): the kernel closes whatever is still open. */
  exit(): void {
    this.k.processExit(this.pid)
  }

  alloc(size: number): number {
    return this.mem.alloc(size)
  }
  bytes(addr: number, len: number): Uint8Array {
    return this.mem.u8.slice(addr, addr + len)
  }
  setBytes(addr: number, b: Uint8Array): void {
    this.mem.u8.set(b, addr)
  }

  private ret(r: number): number {
    if (r < 0) this.errno = -r
    return r
  }

  /** sys_bpf(cmd, &attr, size) with the attr filled by fill (attr zeroed first, as libbpf memsets it). */
  private sys(cmd: number, size: number, fill: (dv: DataView, a: number) => void): number {
    const a = this.attr
    this.mem.u8.fill(0, a, a + Attr.SIZE)
    fill(this.mem.dv, a)
    return this.ret(this.k.sysBpf(cmd, a, size, this.mem, { pid: this.pid, cpu: this.cpu }))
  }

  private elem(cmd: number, size: number, fd: number, key: number, value: number, flags: number): number {
    const E = Attr.elem
    return this.sys(cmd, size, (dv, a) => {
      dv.setUint32(a + E.map_fd, fd >>> 0, true)
      dv.setBigUint64(a + E.key, BigInt(key), true)
      dv.setBigUint64(a + E.value, BigInt(value), true)
      dv.setBigUint64(a + E.flags, BigInt(flags >>> 0), true)
    })
  }

  mapCreate(type: number, name: string | null, keySize: number, valueSize: number, maxEntries: number, mapFlags: number, innerMapFd: number, ifindex: number): number {
    const C = Attr.create
    return this.sys(BpfCmd.MAP_CREATE, C.SIZE, (dv, a) => {
      dv.setUint32(a + C.map_type, type >>> 0, true)
      dv.setUint32(a + C.key_size, keySize >>> 0, true)
      dv.setUint32(a + C.value_size, valueSize >>> 0, true)
      dv.setUint32(a + C.max_entries, maxEntries >>> 0, true)
      dv.setUint32(a + C.map_flags, mapFlags >>> 0, true)
      dv.setUint32(a + C.inner_map_fd, innerMapFd >>> 0, true)
      dv.setUint32(a + C.map_ifindex, ifindex >>> 0, true)
      // libbpf_strlcpy(attr.map_name, name, BPF_OBJ_NAME_LEN): at most 15 bytes.
      if (name !== null) this.mem.u8.set(Vfs.encode(name).subarray(0, 15), a + C.map_name)
    })
  }

  lookup(fd: number, key: number, value: number): number {
    return this.elem(BpfCmd.MAP_LOOKUP_ELEM, Attr.elem.SIZE, fd, key, value, 0)
  }
  update(fd: number, key: number, value: number, flags: number): number {
    return this.elem(BpfCmd.MAP_UPDATE_ELEM, Attr.elem.SIZE, fd, key, value, flags)
  }
  delete(fd: number, key: number): number {
    return this.elem(BpfCmd.MAP_DELETE_ELEM, Attr.elem.SIZE, fd, key, 0, 0)
  }
  /** libbpf sends offsetofend(next_key). */
  getNextKey(fd: number, key: number, next: number): number {
    return this.elem(BpfCmd.MAP_GET_NEXT_KEY, Attr.elem.value + 8, fd, key, next, 0)
  }
  lookupAndDelete(fd: number, key: number, value: number): number {
    return this.elem(BpfCmd.MAP_LOOKUP_AND_DELETE_ELEM, Attr.elem.SIZE, fd, key, value, 0)
  }
  freeze(fd: number): number {
    return this.sys(BpfCmd.MAP_FREEZE, 4, (dv, a) => dv.setUint32(a, fd >>> 0, true))
  }

  objPin(fd: number, path: string): number {
    const p = this.mem.str(path)
    const O = Attr.obj
    return this.sys(BpfCmd.OBJ_PIN, O.SIZE, (dv, a) => {
      dv.setBigUint64(a + O.pathname, BigInt(p), true)
      dv.setUint32(a + O.bpf_fd, fd >>> 0, true)
    })
  }
  objGet(path: string): number {
    const p = this.mem.str(path)
    const O = Attr.obj
    return this.sys(BpfCmd.OBJ_GET, O.SIZE, (dv, a) => dv.setBigUint64(a + O.pathname, BigInt(p), true))
  }

  /** bpf_obj_get_info_by_fd with sizeof(struct bpf_map_info) of the 6.1 UAPI. */
  mapInfo(fd: number): MapInfoT | number {
    const info = this.mem.alloc(MapInfo.SIZE)
    const I = Attr.info
    const r = this.sys(BpfCmd.OBJ_GET_INFO_BY_FD, I.SIZE, (dv, a) => {
      dv.setUint32(a + I.bpf_fd, fd >>> 0, true)
      dv.setUint32(a + I.info_len, MapInfo.SIZE, true)
      dv.setBigUint64(a + I.info, BigInt(info), true)
    })
    if (r < 0) return r
    const dv = this.mem.dv
    const nameBytes = this.bytes(info + MapInfo.name, 16)
    const nul = nameBytes.indexOf(0)
    return {
      type: dv.getUint32(info + MapInfo.type, true),
      id: dv.getUint32(info + MapInfo.id, true),
      keySize: dv.getUint32(info + MapInfo.key_size, true),
      valueSize: dv.getUint32(info + MapInfo.value_size, true),
      maxEntries: dv.getUint32(info + MapInfo.max_entries, true),
      mapFlags: dv.getUint32(info + MapInfo.map_flags, true),
      name: new TextDecoder().decode(nameBytes.subarray(0, nul < 0 ? 16 : nul)),
      ifindex: dv.getUint32(info + MapInfo.ifindex, true),
      btfId: dv.getUint32(info + MapInfo.btf_id, true),
    }
  }

  /** bpf_map_get_next_id(start, &next): the id, or -errno. */
  mapGetNextId(start: number): number {
    const r = this.sys(BPF_MAP_GET_NEXT_ID, IdAttr.FD_BY_ID_SIZE, (dv, a) => dv.setUint32(a + IdAttr.start_id, start >>> 0, true))
    return r < 0 ? r : this.mem.dv.getUint32(this.attr + IdAttr.next_id, true)
  }

  mapGetFdById(id: number): number {
    return this.sys(BPF_MAP_GET_FD_BY_ID, IdAttr.FD_BY_ID_SIZE, (dv, a) => dv.setUint32(a + IdAttr.map_id, id >>> 0, true))
  }

  close(fd: number): number {
    return this.ret(this.k.sysClose(this.pid, fd))
  }

  /** get_fdinfo(fd, key): the value of the first fdinfo line containing key, or null. */
  fdinfoField(fd: number, key: string): string | null {
    const text = fdinfo(this.k, this.pid, fd)
    if (text === null) return null
    for (const line of text.split('\n')) {
      if (!line.includes(key)) continue
      const tab = line.indexOf('\t')
      return tab < 0 || tab === line.length - 1 ? null : line.slice(tab + 1)
    }
    return null
  }

  private node(path: string): number {
    return this.k.vfs.resolve(Vfs.encode(path), this.k.fds.cwd(this.k.fds.mustSlot(this.pid)))
  }

  /** statfs(path).f_type == BPF_FS_MAGIC */
  isBpffs(path: string): boolean {
    const n = this.node(path)
    return n >= 0 && this.k.vfs.fsOf(n) === Fs.BPFFS
  }

  /** stat(path): 0 or -errno. */
  stat(path: string): number {
    const n = this.node(path)
    return n < 0 ? n : 0
  }

  /** Every pinned file under the bpf mounts, as nftw(FTW_PHYS) finds them. */
  pinnedFiles(): string[] {
    return this.k.vfs
      .bpffsEntries()
      .filter((e) => e.kind === 'map')
      .map((e) => e.path)
  }
}
