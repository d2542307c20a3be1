/**
 * Loads a compiled BPF program into the simulated kernel, doing what libbpf's
 * `bpf_object__load()` and the kernel's program load do between them:
 *
 *  - creates every map the program declares (legacy `struct bpf_map_def SEC("maps")` and
 *    BTF-style `SEC(".maps")`) with a real BPF_MAP_CREATE from a short-lived loader process, and
 *    for `__uint(pinning, LIBBPF_PIN_BY_NAME)` reuses a compatible map already pinned at
 *    <pinRoot>/<name> or pins the new one there (libbpf's bpf_object__reuse_map / map_is_reuse_compat);
 *  - takes a program reference on every map (mapRef), as a loaded program does, so the maps
 *    live on after the loader's fds are closed, until `unloadProgram`;
 *  - places the data segment (globals, string literals) in kernel memory: BPF programs run in
 *    the kernel's SharedArrayBuffer, so every address they see is a byte offset in it;
 *  - writes each map's id into the 8-byte slot that `&map` points at (the ld_imm64 map
 *    relocation of a real loader), so helpers resolve their `map` argument to a map id.
 *
 * Entry points are the functions with a program SEC(): `xdp`, `xdp/...`, `xdp.frags` and the
 * tutorials' `xdp_pass`, `xdp_stats1`, ... are XDP programs.
 */
import { NULL_GUARD } from '../lang/abi'
import type { BpfMapDecl, Program, ProgramFunction } from '../lang/api'
import type { Kernel } from '../kernel/kernel'
import { Attr, BpfCmd, BPF_OBJ_NAME_LEN, Errno } from '../kernel/uapi'
import { Memory } from '../runtime/memory'
import { userMemoryOf } from '../runtime/process'
import { strerror } from '../runtime/libc/errno'
import { HELPER_NAMES } from './helpers'

export const DEFAULT_PIN_ROOT = '/sys/fs/bpf'
export const LIBBPF_PIN_BY_NAME = 1

export interface LoadedMap {
  decl: BpfMapDecl
  id: number
  /** Kernel address of the slot `&map` evaluates to. */
  slotAddr: number
  /** Path the map is pinned at (LIBBPF_PIN_BY_NAME), if any. */
  pinPath?: string
  /** True when an existing pinned map was reused instead of creating one. */
  reused: boolean
}

/** What a CPU needs to run the program (structured-cloneable: it crosses to worker threads). */
export interface LoadedProgram {
  program: Program
  /** Kernel address of the data segment. */
  dataBase: number
  maps: LoadedMap[]
  /** Functions with a program section, XDP ones first in source order. */
  entries: ProgramFunction[]
  /** libbpf-style messages printed while loading (debug lines about reuse/pinning). */
  log: string[]
}

/** The load failed; `message` reads like libbpf's own output. */
export class LoadError extends Error {}

export interface LoadOptions {
  /** Directory of LIBBPF_PIN_BY_NAME pins (libbpf's pin_root_path). Default /sys/fs/bpf. */
  pinRoot?: string
  /** comm of the loader process (shown as the fd holder while loading). */
  comm?: string
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
export function pickEntry(loaded: Pick<LoadedProgram, 'entries' | 'program'>, name?: string): ProgramFunction {
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
 * A minimal process for the loader's syscalls: a small private memory holding the attr, names
 * and paths, as libbpf keeps them in the loading process.
 */
class LoaderProcess {
  readonly mem = new Memory(new ArrayBuffer(NULL_GUARD + 8192))
  readonly user = userMemoryOf(this.mem)
  readonly attr = NULL_GUARD
  readonly strings = NULL_GUARD + 1024
  readonly pid: number

  constructor(
    readonly kernel: Kernel,
    comm: string,
  ) {
    this.pid = kernel.processCreate(comm)
  }

  private clearAttr(): void {
    this.mem.u8.fill(0, this.attr, this.attr + Attr.SIZE)
  }
  private u32(off: number, v: number): void {
    this.mem.dv.setUint32(this.attr - NULL_GUARD + off, v >>> 0, true)
  }
  private u64(off: number, v: number): void {
    this.mem.dv.setBigUint64(this.attr - NULL_GUARD + off, BigInt(v), true)
  }
  private cstring(text: string): number {
    const bytes = new TextEncoder().encode(text)
    if (bytes.length >= 4096) throw new LoadError(`path too long: ${text}`)
    this.mem.u8.set(bytes, this.strings)
    this.mem.u8[this.strings + bytes.length] = 0
    return this.strings
  }
  private bpf(cmd: number, size: number): number {
    return this.kernel.sysBpf(cmd, this.attr, size, this.user, { pid: this.pid, cpu: 0 })
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
    this.mem.u8.set(name, this.attr + Attr.create.map_name)
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

  exit(): void {
    this.kernel.processExit(this.pid)
  }
}

function errText(ret: number): string {
  return `${strerror(-ret)}(${ret})`
}

/** Map id of a freshly opened fd, with a program reference taken on it. */
function holdMap(kernel: Kernel, proc: LoaderProcess, fd: number): number {
  const id = kernel.mapIdFromFd(proc.pid, fd)
  if (id < 0 || kernel.mapRef(id) < 0) throw new LoadError(`libbpf: internal error: fd ${fd} is not a map`)
  return id
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

function loadMap(kernel: Kernel, proc: LoaderProcess, d: BpfMapDecl, pinRoot: string, log: string[]): Omit<LoadedMap, 'slotAddr'> {
  const pinPath = d.pinning === LIBBPF_PIN_BY_NAME ? `${pinRoot}/${d.name}` : undefined
  if (d.pinning !== 0 && d.pinning !== LIBBPF_PIN_BY_NAME) {
    throw new LoadError(`libbpf: map '${d.name}': invalid pinning value ${d.pinning}.`)
  }
  if (pinPath) {
    const fd = proc.objGet(pinPath)
    if (fd >= 0) {
      const id = kernel.mapIdFromFd(proc.pid, fd)
      if (id < 0 || !reuseCompatible(kernel, id, d)) {
        throw new LoadError(`libbpf: couldn't reuse pinned map at '${pinPath}': parameter mismatch\nlibbpf: map '${d.name}': error reusing pinned map`)
      }
      kernel.mapRef(id)
      log.push(`libbpf: reused pinned map at '${pinPath}'`)
      return { decl: d, id, pinPath, reused: true }
    }
    if (fd !== -Errno.ENOENT) {
      throw new LoadError(`libbpf: couldn't retrieve pinned map '${pinPath}': ${errText(fd)}\nlibbpf: map '${d.name}': error reusing pinned map`)
    }
  }
  const fd = proc.mapCreate(d)
  if (fd < 0) throw new LoadError(`libbpf: map '${d.name}': failed to create: ${errText(fd)}`)
  const id = holdMap(kernel, proc, fd)
  if (pinPath) {
    const r = proc.objPin(fd, pinPath)
    if (r < 0) {
      kernel.mapUnref(id)
      throw new LoadError(`libbpf: map '${d.name}': failed to auto-pin at '${pinPath}': ${r}`)
    }
    log.push(`libbpf: pinned map '${d.name}' at '${pinPath}'`)
  }
  return { decl: d, id, pinPath, reused: false }
}

/**
 * Every function the program calls but does not define must be a helper bpfplay implements:
 * the verifier refuses a call to anything else ("unknown func"), so does the loader.
 */
function checkImports(program: Program): void {
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
function placeData(kernel: Kernel, program: Program): number {
  const size = Math.max(program.data.length, 8)
  const base = kernel.kmalloc(size, 16)
  if (base === 0) throw new LoadError(`out of kernel memory for the ${size}-byte data segment`)
  const u8 = new Uint8Array(kernel.sab)
  const dv = new DataView(kernel.sab)
  u8.set(program.data, base)
  for (const off of program.relocations) dv.setUint32(base + off, dv.getUint32(base + off, true) + base, true)
  return base
}

/** Loads `program`: maps created (or reused when pinned), data placed, map slots filled. */
export function loadProgram(kernel: Kernel, program: Program, opts: LoadOptions = {}): LoadedProgram {
  const pinRoot = (opts.pinRoot ?? DEFAULT_PIN_ROOT).replace(/\/+$/, '')
  const entries = findEntries(program)
  checkImports(program)
  const log: string[] = []
  const proc = new LoaderProcess(kernel, opts.comm ?? 'xdp-loader')
  const held: number[] = []
  let dataBase = 0
  try {
    const maps: Omit<LoadedMap, 'slotAddr'>[] = []
    for (const d of program.maps) {
      const m = loadMap(kernel, proc, d, pinRoot, log)
      held.push(m.id)
      maps.push(m)
    }
    dataBase = placeData(kernel, program)
    const dv = new DataView(kernel.sab)
    const loaded = maps.map((m) => {
      const slotAddr = dataBase + m.decl.slot
      dv.setUint32(slotAddr, m.id, true)
      dv.setUint32(slotAddr + 4, 0, true)
      return { ...m, slotAddr }
    })
    return { program, dataBase, maps: loaded, entries, log }
  } catch (e) {
    for (const id of held) kernel.mapUnref(id)
    if (dataBase !== 0) kernel.kfree(dataBase)
    throw e
  } finally {
    // The loader's fds close; the program's references keep the maps (and pins keep theirs).
    proc.exit()
  }
}

/** Unloads: drops the program's map references (maps without fds or pins are freed) and its data. */
export function unloadProgram(kernel: Kernel, loaded: LoadedProgram): void {
  for (const m of loaded.maps) kernel.mapUnref(m.id)
  kernel.kfree(loaded.dataBase)
}
