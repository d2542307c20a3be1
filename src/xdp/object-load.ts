/**
 * The steps of libbpf's `bpf_object__load()` that do not depend on who loads: finding the
 * program entry points by SEC(), refusing calls to helpers bpfplay lacks, creating the maps with
 * real BPF_MAP_CREATE syscalls (reusing or pinning LIBBPF_PIN_BY_NAME maps as libbpf's
 * bpf_object__reuse_map / map_is_reuse_compat do), placing a data segment in kernel memory and
 * writing each map's id into the slot `&map` points at (the ld_imm64 map relocation).
 *
 * The syscalls go through a `SyscallPort`: a process's memory holding the attr and the path
 * strings, as libbpf keeps them in the loading process. The CLI's loader (loader.ts) uses a
 * short-lived process of its own; the libbpf object API (src/runtime/libbpf-object.ts) uses the
 * userspace program's process, so the map fds are that program's fds.
 */
import { NULL_GUARD } from '../lang/abi'
import type { BpfMapDecl, Program, ProgramFunction } from '../lang/api'
import type { UserMemory } from '../kernel/api'
import type { Kernel } from '../kernel/kernel'
import { Attr, BpfCmd, BPF_OBJ_NAME_LEN, Errno } from '../kernel/uapi'
import { strerror } from '../runtime/libc/errno'
import type { Memory } from '../runtime/memory'
import { HELPER_NAMES } from './helpers'

export const DEFAULT_PIN_ROOT = '/sys/fs/bpf'
export const LIBBPF_PIN_BY_NAME = 1

/** The load failed; `message` reads like libbpf's own output, `errno` is what libbpf returns (negated). */
export class LoadError extends Error {
  constructor(
    message: string,
    readonly errno: number = Errno.EINVAL,
  ) {
    super(message)
  }
}

/** Sections that hold data, not programs. */
const DATA_SECTIONS = /^(maps|\.maps|license|version|\.data.*|\.rodata.*|\.bss.*|\.kconfig|\.ksyms)$/

/** SEC() names libbpf maps to BPF_PROG_TYPE_XDP, plus the legacy tutorial names (xdp_pass, xdp_stats1, ...). */
export function isXdpSection(section: string): boolean {
  return /^xdp($|[/._-])/.test(section)
}

/** Program entry points: XDP ones first. */
export function findEntries(program: Program): ProgramFunction[] {
  const progs = program.functions.filter((f) => f.section !== undefined && !DATA_SECTIONS.test(f.section))
  return [...progs.filter((f) => isXdpSection(f.section!)), ...progs.filter((f) => !isXdpSection(f.section!))]
}

/** The XDP entry to run: by function name, or the first XDP program. Throws LoadError when there is none. */
export function pickEntry(loaded: { entries: ProgramFunction[]; program: Program }, name?: string): ProgramFunction {
  if (name !== undefined) {
    const f = loaded.entries.find((e) => e.name === name)
    if (!f) {
      const have = loaded.entries.map((e) => e.name).join(', ') || 'none'
      throw new LoadError(`no program '${name}' in ${loaded.program.filename} (programs: ${have})`)
    }
    return f
  }
  const xdp = loaded.entries.find((e) => isXdpSection(e.section!))
  if (xdp) return xdp
  if (loaded.entries.length > 0) {
    const e = loaded.entries[0]
    throw new LoadError(`${loaded.program.filename}: '${e.name}' is in SEC("${e.section}"), not an XDP section: use SEC("xdp")`)
  }
  throw new LoadError(`${loaded.program.filename}: no program found: put the XDP function in SEC("xdp")`)
}

/**
 * Every function the program calls but does not define must be a helper bpfplay implements:
 * the verifier refuses a call to anything else ("unknown func"), so does the loader.
 */
export function checkImports(program: Program): void {
  const known = new Set(HELPER_NAMES)
  const bad = program.imports.filter((i) => !known.has(i.name))
  if (bad.length === 0) return
  const lines = bad.map((i) =>
    /^bpf_/.test(i.name)
      ? `${program.filename}:${i.line}:${i.col}: unknown func ${i.name}: bpfplay does not implement this helper`
      : `${program.filename}:${i.line}:${i.col}: '${i.name}' is not defined in the program and is not a BPF helper (a BPF program cannot call library functions)`,
  )
  throw new LoadError(lines.join('\n'))
}

/** Copies the data segment into kernel memory and relocates its pointers. Returns its address. */
export function placeData(kernel: Kernel, program: Program): number {
  const size = Math.max(program.data.length, 8)
  const base = kernel.kmalloc(size, 16)
  if (base === 0) throw new LoadError(`out of kernel memory for the ${size}-byte data segment`, Errno.ENOMEM)
  const u8 = new Uint8Array(kernel.sab)
  const dv = new DataView(kernel.sab)
  u8.set(program.data, base)
  for (const off of program.relocations) dv.setUint32(base + off, dv.getUint32(base + off, true) + base, true)
  return base
}

/** Writes each map's id into the 8-byte slot `&map` evaluates to. Returns the slot addresses. */
export function fillMapSlots(kernel: Kernel, dataBase: number, maps: readonly { decl: BpfMapDecl; id: number }[]): number[] {
  const dv = new DataView(kernel.sab)
  return maps.map((m) => {
    const slotAddr = dataBase + m.decl.slot
    dv.setUint32(slotAddr, m.id, true)
    dv.setUint32(slotAddr + 4, 0, true)
    return slotAddr
  })
}

/** Where the loader's syscalls come from: a process, its memory, the attr area and a string buffer in it. */
export interface PortSpec {
  kernel: Kernel
  pid: number
  cpu: number
  mem: Memory
  user: UserMemory
  /** User address of a union bpf_attr-sized area. */
  attrAddr: number
  /** User address of a 4096-byte buffer for paths and names. */
  stringsAddr: number
}

/** bpf() and close() on behalf of a process, with the attr written in that process's memory. */
export class SyscallPort {
  constructor(readonly s: PortSpec) {}

  get pid(): number {
    return this.s.pid
  }

  private clearAttr(): void {
    this.s.mem.u8.fill(0, this.s.attrAddr, this.s.attrAddr + Attr.SIZE)
  }
  private u32(off: number, v: number): void {
    this.s.mem.dv.setUint32(this.s.attrAddr - NULL_GUARD + off, v >>> 0, true)
  }
  private u64(off: number, v: number): void {
    this.s.mem.dv.setBigUint64(this.s.attrAddr - NULL_GUARD + off, BigInt(v), true)
  }
  private cstring(text: string): number {
    const bytes = new TextEncoder().encode(text)
    if (bytes.length >= 4096) throw new LoadError(`path too long: ${text}`, Errno.ENAMETOOLONG)
    this.s.mem.u8.set(bytes, this.s.stringsAddr)
    this.s.mem.u8[this.s.stringsAddr + bytes.length] = 0
    return this.s.stringsAddr
  }
  private bpf(cmd: number, size: number): number {
    return this.s.kernel.sysBpf(cmd, this.s.attrAddr, size, this.s.user, { pid: this.s.pid, cpu: this.s.cpu })
  }

  mapCreate(d: BpfMapDecl): number {
    this.clearAttr()
    this.u32(Attr.create.map_type, d.type)
    this.u32(Attr.create.key_size, d.keySize)
    this.u32(Attr.create.value_size, d.valueSize)
    this.u32(Attr.create.max_entries, d.maxEntries)
    this.u32(Attr.create.map_flags, d.flags)
    // libbpf_strlcpy(): at most 15 characters of the name.
    const name = new TextEncoder().encode(d.name).subarray(0, BPF_OBJ_NAME_LEN - 1)
    this.s.mem.u8.set(name, this.s.attrAddr + Attr.create.map_name)
    return this.bpf(BpfCmd.MAP_CREATE, Attr.create.SIZE)
  }

  objGet(path: string): number {
    const p = this.cstring(path)
    this.clearAttr()
    this.u64(Attr.obj.pathname, p)
    return this.bpf(BpfCmd.OBJ_GET, Attr.obj.SIZE)
  }

  objPin(fd: number, path: string): number {
    const p = this.cstring(path)
    this.clearAttr()
    this.u64(Attr.obj.pathname, p)
    this.u32(Attr.obj.bpf_fd, fd)
    return this.bpf(BpfCmd.OBJ_PIN, Attr.obj.SIZE)
  }

  close(fd: number): number {
    return this.s.kernel.sysClose(this.s.pid, fd)
  }

  unlink(path: string): number {
    return this.s.kernel.sysUnlink(this.s.pid, path)
  }
}

/** A map created (or reused) for a program. */
export interface CreatedMap {
  decl: BpfMapDecl
  id: number
  /** The loading process's fd for it. */
  fd: number
  pinPath?: string
  /** True when an existing pinned map was reused instead of creating one. */
  reused: boolean
}

export function errText(ret: number): string {
  return `${strerror(-ret)}(${ret})`
}

/** libbpf's map_is_reuse_compat(): same type, sizes, max_entries and flags. */
function reuseCompatible(kernel: Kernel, id: number, d: BpfMapDecl): boolean {
  const info = kernel.mapInfo(id)
  return (
    info !== null &&
    info.type === d.type &&
    info.keySize === d.keySize &&
    info.valueSize === d.valueSize &&
    info.maxEntries === d.maxEntries &&
    info.flags === d.flags
  )
}

function createMap(kernel: Kernel, port: SyscallPort, d: BpfMapDecl, pinRoot: string, log: string[]): CreatedMap {
  const pinPath = d.pinning === LIBBPF_PIN_BY_NAME ? `${pinRoot}/${d.name}` : undefined
  if (d.pinning !== 0 && d.pinning !== LIBBPF_PIN_BY_NAME) {
    throw new LoadError(`libbpf: map '${d.name}': invalid pinning value ${d.pinning}.`)
  }
  if (pinPath) {
    const fd = port.objGet(pinPath)
    if (fd >= 0) {
      const id = kernel.mapIdFromFd(port.pid, fd)
      if (id < 0 || !reuseCompatible(kernel, id, d)) {
        port.close(fd)
        throw new LoadError(`libbpf: couldn't reuse pinned map at '${pinPath}': parameter mismatch\nlibbpf: map '${d.name}': error reusing pinned map`)
      }
      log.push(`libbpf: reused pinned map at '${pinPath}'`)
      return { decl: d, id, fd, pinPath, reused: true }
    }
    if (fd !== -Errno.ENOENT) {
      throw new LoadError(`libbpf: couldn't retrieve pinned map '${pinPath}': ${errText(fd)}\nlibbpf: map '${d.name}': error reusing pinned map`, -fd)
    }
  }
  const fd = port.mapCreate(d)
  if (fd < 0) throw new LoadError(`libbpf: map '${d.name}': failed to create: ${errText(fd)}`, -fd)
  const id = kernel.mapIdFromFd(port.pid, fd)
  if (id < 0) throw new LoadError(`libbpf: internal error: fd ${fd} is not a map`, Errno.EINVAL)
  if (pinPath) {
    const r = port.objPin(fd, pinPath)
    if (r < 0) {
      port.close(fd)
      throw new LoadError(`libbpf: map '${d.name}': failed to auto-pin at '${pinPath}': ${r}`, -r)
    }
    log.push(`libbpf: pinned map '${d.name}' at '${pinPath}'`)
  }
  return { decl: d, id, fd, pinPath, reused: false }
}

/**
 * Creates (or reuses) every map of the program with fds in the port's process. On failure the
 * maps created so far are closed and the pins made here removed (as bpf_object_load's cleanup
 * does), then the LoadError is thrown.
 */
export function createMaps(kernel: Kernel, port: SyscallPort, program: Program, pinRoot: string, log: string[]): CreatedMap[] {
  const root = pinRoot.replace(/\/+$/, '')
  const made: CreatedMap[] = []
  try {
    for (const d of program.maps) made.push(createMap(kernel, port, d, root, log))
    return made
  } catch (e) {
    releaseMaps(port, made)
    throw e
  }
}

/** Closes the maps' fds and removes the pins this load made (not reused ones). */
export function releaseMaps(port: SyscallPort, maps: readonly CreatedMap[]): void {
  for (const m of maps) {
    if (m.pinPath && !m.reused) port.unlink(m.pinPath)
    port.close(m.fd)
  }
}
