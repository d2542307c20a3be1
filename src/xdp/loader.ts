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
 * tutorials' `xdp_pass`, `xdp_stats1`, ... are XDP programs. The steps shared with the libbpf
 * object API (src/runtime/libbpf-object.ts) are in object-load.ts.
 */
import { NULL_GUARD } from '../lang/abi'
import type { BpfMapDecl, Program, ProgramFunction } from '../lang/api'
import type { Kernel } from '../kernel/kernel'
import { Memory } from '../runtime/memory'
import { userMemoryOf } from '../runtime/user-memory'
import { checkImports, createMaps, fillMapSlots, findEntries, placeData, SyscallPort, DEFAULT_PIN_ROOT } from './object-load'

export { DEFAULT_PIN_ROOT, LIBBPF_PIN_BY_NAME, LoadError, findEntries, isXdpSection, pickEntry } from './object-load'

export interface LoadedMap {
  decl: BpfMapDecl
  id: number
  /** Kernel address of the slot `&map` points at. */
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

export interface LoadOptions {
  /** Directory of LIBBPF_PIN_BY_NAME pins (libbpf's pin_root_path). Default /sys/fs/bpf. */
  pinRoot?: string
  /** comm of the loader process (shown as the fd holder while loading). */
  comm?: string
}

/** A short-lived process for the loader's syscalls: a small private memory holding the attr and paths. */
function loaderPort(kernel: Kernel, comm: string): SyscallPort {
  const mem = new Memory(new ArrayBuffer(NULL_GUARD + 8192))
  return new SyscallPort({ kernel, pid: kernel.processCreate(comm), cpu: 0, mem, user: userMemoryOf(mem), attrAddr: NULL_GUARD, stringsAddr: NULL_GUARD + 1024 })
}

/**
 * The view of a program a CPU runs, from a data segment and the ids of its maps (in the
 * program's `maps` order): what loadProgram returns, and what a CPU builds for a program it
 * finds attached to its interface (src/kernel/progs.ts).
 */
export function loadedView(program: Program, dataBase: number, maps: readonly { id: number; pinPath?: string; reused?: boolean }[]): LoadedProgram {
  return {
    program,
    dataBase,
    maps: program.maps.map((decl, i) => ({ decl, id: maps[i].id, slotAddr: dataBase + decl.slot, pinPath: maps[i].pinPath, reused: maps[i].reused ?? false })),
    entries: findEntries(program),
    log: [],
  }
}

/** Loads `program`: maps created (or reused when pinned), data placed, map slots filled. */
export function loadProgram(kernel: Kernel, program: Program, opts: LoadOptions = {}): LoadedProgram {
  const entries = findEntries(program)
  checkImports(program)
  const log: string[] = []
  const port = loaderPort(kernel, opts.comm ?? 'xdp-loader')
  const held: number[] = []
  try {
    const maps = createMaps(kernel, port, program, opts.pinRoot ?? DEFAULT_PIN_ROOT, log)
    // The program's references keep the maps once the loader's fds close (pins keep theirs).
    for (const m of maps) {
      if (kernel.mapRef(m.id) < 0) throw new Error(`map ${m.id} vanished while loading`)
      held.push(m.id)
    }
    const dataBase = placeData(kernel, program)
    fillMapSlots(kernel, dataBase, maps)
    return { ...loadedView(program, dataBase, maps), entries, log }
  } catch (e) {
    for (const id of held) kernel.mapUnref(id)
    throw e
  } finally {
    kernel.processExit(port.pid)
  }
}

/** Unloads: drops the program's map references (maps without fds or pins are freed) and its data. */
export function unloadProgram(kernel: Kernel, loaded: LoadedProgram): void {
  for (const m of loaded.maps) kernel.mapUnref(m.id)
  kernel.kfree(loaded.dataBase)
}
