/**
 * libbpf 1.x's object API for userspace programs: `bpf_object__open_file` / `__load` / `__close`,
 * maps and programs found by name, `bpf_program__attach_xdp` and `bpf_link__destroy`, so the
 * xdp-tutorial flow (load the object, find the stats map, attach, loop reading it) runs as
 * written.
 *
 * There are no ELF files: the host (the CLI, the browser app) gives the process a table of BPF
 * objects, object name -> compiled program (target 'bpf'), and `bpf_object__open_file` looks the
 * path up there (see `resolveObject`). Loading does what libbpf does, through real syscalls of
 * this process: the maps are created (or reused / pinned by name) with fds in this process's fd
 * table (src/xdp/object-load.ts), then each program is registered in the kernel's program table
 * (BPF_PROG_LOAD, src/kernel/progs.ts) with its own data segment; the verifier-like refusal the
 * host computed is printed as libbpf prints a verifier log. Attaching creates a bpf_link on the
 * simulated interface; its fd keeps the attachment (closing it, or exiting, detaches).
 *
 * `struct bpf_object`, `bpf_map`, `bpf_program` and `bpf_link` are opaque blocks malloc'd in the
 * process's heap (so they are real, distinct pointers); the state behind them lives here, keyed
 * by address. A pointer that is not a live handle (freed by bpf_object__close, or garbage)
 * faults as SIGSEGV naming the function, instead of reading freed memory as C would.
 *
 * Return conventions are libbpf 1.1's, checked against it on Linux 6.18 (libbpf-object.test.ts):
 * NULL + errno for pointers, -errno + errno for ints (libbpf_err), and a few plain crashes where
 * libbpf dereferences a NULL argument (bpf_map__name(NULL), ...).
 */
import { CFault, NULL_GUARD, type ImportFn } from '../lang/abi'
import type { Program, ProgramFunction } from '../lang/api'
import type { Kernel } from '../kernel/kernel'
import { BPF_PROG_TYPE_XDP } from '../kernel/progs'
import { Errno } from '../kernel/uapi'
import { checkImports, createMaps, DEFAULT_PIN_ROOT, fillMapSlots, findEntries, isXdpSection, LoadError, placeData, releaseMaps, SyscallPort, type CreatedMap } from '../xdp/object-load'
import { strerror } from './libc/errno'
import { optsValid } from './libbpf'
import { SegvError } from './memory'
import type { Process } from './process'

/** A BPF object file the host offers to bpf_object__open_file. */
export interface BpfObjectFile {
  /** The compiled program (target 'bpf'). */
  program: Program
  /**
   * Set when the verifier-like checks refuse a program of the object: bpf_object__load fails
   * with -errno (EACCES, or E2BIG for a program too large) and prints `log` as the verifier log.
   */
  refusal?: { prog: string; errno: number; log: string }
}

/** Object name (as open_file names it, e.g. "xdp_prog_kern.o") -> object. */
export type BpfObjectTable = Record<string, BpfObjectFile>

/**
 * Which registered object a path names: the exact path, else its file name; else, when the path
 * ends in `.o` and exactly one object is registered, that one (tutorial programs open
 * "xdp_prog_kern.o" whatever the playground calls the file). null when none.
 */
export function resolveObject(table: BpfObjectTable, path: string): string | null {
  if (Object.hasOwn(table, path)) return path
  const base = path.replace(/^.*\//, '')
  if (Object.hasOwn(table, base)) return base
  const keys = Object.keys(table)
  if (path.endsWith('.o') && keys.length === 1) return keys[0]
  return null
}

/** struct bpf_object_open_opts (libbpf 1.1): sz 0, object_name 8, relaxed_maps 16, pin_root_path 24, kconfig 40, btf_custom_path 48, kernel_log_buf 56, kernel_log_size 64, kernel_log_level 72. */
const OpenOpts = { object_name: 8, pin_root_path: 24, KNOWN: 76 }

const XDP_SEC = 'xdp'
const HANDLE_BYTES = { object: 64, map: 32, program: 32, link: 16 } as const
/** Magic words at the start of each handle block (seen in a memory dump, never trusted). */
const MAGIC = { object: 0x4a424f42, map: 0x50414d42, program: 0x47525042, link: 0x4b4e4c42 } as const

interface MapHandle {
  kind: 'map'
  addr: number
  obj: ObjectHandle
  decl: Program['maps'][number]
  nameAddr: number
  pinPathAddr: number
  fd: number
  created?: CreatedMap
}

interface ProgHandle {
  kind: 'program'
  addr: number
  obj: ObjectHandle
  fn: ProgramFunction
  nameAddr: number
  secAddr: number
  fd: number
}

interface ObjectHandle {
  kind: 'object'
  addr: number
  key: string
  file: BpfObjectFile
  path: string
  name: string
  nameAddr: number
  pinRoot: string
  loadAttempted: boolean
  maps: MapHandle[]
  progs: ProgHandle[]
}

interface LinkHandle {
  kind: 'link'
  addr: number
  fd: number
}

type Handle = ObjectHandle | MapHandle | ProgHandle | LinkHandle

export function libbpfObjectImports(p: Process): Record<string, ImportFn> {
  const handles = new Map<number, Handle>()
  const enc = new TextEncoder()
  const warn = (msg: string) => p.write(2, enc.encode(`libbpf: ${msg}\n`))
  /** libbpf_err(): -errno out, errno set. */
  const err = (ret: number): number => {
    p.errno = -ret
    return ret
  }
  /** libbpf_err_ptr(): NULL out, errno set. */
  const errPtr = (ret: number): number => {
    p.errno = -ret
    return 0
  }
  const cstr = (text: string): number => {
    const b = enc.encode(text)
    const a = p.heap.malloc(b.length + 1)
    p.mem.u8.set(b, a)
    p.mem.u8[a + b.length] = 0
    return a
  }
  const block = (kind: Handle['kind']): number => {
    const a = p.heap.malloc(HANDLE_BYTES[kind])
    p.mem.dv.setUint32(a - NULL_GUARD, MAGIC[kind], true)
    return a
  }
  /** The live handle of that kind at ptr; NULL -> a NULL dereference, anything else -> SIGSEGV naming fn. */
  function get(ptr: number, kind: 'object', fn: string): ObjectHandle
  function get(ptr: number, kind: 'map', fn: string): MapHandle
  function get(ptr: number, kind: 'program', fn: string): ProgHandle
  function get(ptr: number, kind: 'link', fn: string): LinkHandle
  function get(ptr: number, kind: Handle['kind'], fn: string): Handle {
    if (ptr === 0) throw new SegvError(0, 'read')
    const h = handles.get(ptr)
    if (h === undefined || h.kind !== kind) throw new CFault('SIGSEGV', `${fn}: 0x${ptr.toString(16)} is not a live struct bpf_${kind === 'object' ? 'object' : kind} (freed by bpf_object__close?)`)
    return h
  }
  const kernel = (): Kernel => {
    const k = p.kernel as Kernel
    if (!('progTable' in k)) throw new Error('the libbpf object API needs the simulated kernel (Kernel), not a KernelApi stand-in')
    return k
  }

  function open(pathPtr: number, opts: number): number {
    if (pathPtr === 0) return errPtr(-Errno.EINVAL)
    if (!optsValid(p, opts, OpenOpts.KNOWN, 'bpf_object_open_opts')) return errPtr(-Errno.EINVAL)
    const path = p.mem.cstring(pathPtr)
    const table = p.opts.bpfObjects ?? {}
    const key = resolveObject(table, path)
    if (key === null) {
      warn(`elf: failed to open ${path}: ${strerror(Errno.ENOENT)}`)
      return errPtr(-Errno.ENOENT)
    }
    const optName = opts !== 0 && optsSz(opts) >= OpenOpts.object_name + 8 ? ptrAt(opts + OpenOpts.object_name) : 0
    const optRoot = opts !== 0 && optsSz(opts) >= OpenOpts.pin_root_path + 8 ? ptrAt(opts + OpenOpts.pin_root_path) : 0
    // bpf_object__new(): the file name up to its first '.', unless opts->object_name says otherwise.
    const name = optName !== 0 ? p.mem.cstring(optName) : path.replace(/^.*\//, '').replace(/\..*$/, '')
    const file = table[key]
    const o: ObjectHandle = {
      kind: 'object',
      addr: block('object'),
      key,
      file,
      path,
      name,
      nameAddr: cstr(name),
      pinRoot: optRoot !== 0 ? p.mem.cstring(optRoot) : DEFAULT_PIN_ROOT,
      loadAttempted: false,
      maps: [],
      progs: [],
    }
    handles.set(o.addr, o)
    for (const decl of file.program.maps) {
      const m: MapHandle = { kind: 'map', addr: block('map'), obj: o, decl, nameAddr: cstr(decl.name), pinPathAddr: 0, fd: -1 }
      if (decl.pinning === 1) m.pinPathAddr = cstr(`${o.pinRoot.replace(/\/+$/, '')}/${decl.name}`)
      o.maps.push(m)
      handles.set(m.addr, m)
    }
    for (const fn of findEntries(file.program)) {
      const pr: ProgHandle = { kind: 'program', addr: block('program'), obj: o, fn, nameAddr: cstr(fn.name), secAddr: cstr(fn.section ?? ''), fd: -Errno.ENOENT }
      o.progs.push(pr)
      handles.set(pr.addr, pr)
    }
    return o.addr
  }

  function optsSz(opts: number): number {
    return Number(p.mem.dv.getBigUint64(opts - NULL_GUARD, true))
  }
  function ptrAt(addr: number): number {
    return Number(p.mem.dv.getBigUint64(addr - NULL_GUARD, true))
  }

  /** bpf_object_load(): maps, then programs; on failure everything is released and the error printed. */
  function load(objPtr: number): number {
    if (objPtr === 0) return err(-Errno.EINVAL)
    const o = get(objPtr, 'object', 'bpf_object__load')
    if (o.loadAttempted) {
      warn(`object '${o.name}': load can't be attempted twice`)
      return err(-Errno.EINVAL)
    }
    o.loadAttempted = true // "doesn't matter if successfully or not"
    const k = kernel()
    const strings = p.heap.malloc(4096)
    const port = new SyscallPort({ kernel: k, pid: p.pid, cpu: p.cpu, mem: p.mem, user: p.user, attrAddr: p.attrAddr, stringsAddr: strings })
    let created: CreatedMap[] = []
    const fail = (ret: number): number => {
      for (const pr of o.progs) {
        if (pr.fd >= 0) k.sysClose(p.pid, pr.fd)
        pr.fd = -Errno.ENOENT
      }
      releaseMaps(port, created)
      for (const m of o.maps) m.fd = -1
      warn(`failed to load object '${o.path}'`)
      return err(ret)
    }
    try {
      const program = o.file.program
      try {
        created = createMaps(k, port, program, o.pinRoot, [])
      } catch (e) {
        if (!(e instanceof LoadError)) throw e
        p.write(2, enc.encode(e.message + '\n'))
        return fail(-e.errno)
      }
      o.maps.forEach((m, i) => {
        m.fd = created[i].fd
        m.created = created[i]
      })
      for (const pr of o.progs) {
        const refused = loadRefusal(o, pr)
        if (refused !== null) {
          warn(`prog '${pr.fn.name}': BPF program load failed: ${strerror(refused.errno)}`)
          warn(`prog '${pr.fn.name}': -- BEGIN PROG LOAD LOG --\n${refused.log.replace(/\n?$/, '\n')}-- END PROG LOAD LOG --`)
          warn(`prog '${pr.fn.name}': failed to load: ${-refused.errno}`)
          return fail(-refused.errno)
        }
        let dataAddr: number
        try {
          dataAddr = placeData(k, program)
        } catch (e) {
          if (!(e instanceof LoadError)) throw e
          warn(`prog '${pr.fn.name}': failed to load: ${-e.errno}`)
          return fail(-e.errno)
        }
        fillMapSlots(k, dataAddr, created)
        const fd = k.progTable.load(p.pid, { type: BPF_PROG_TYPE_XDP, name: pr.fn.name, entry: pr.fn.name, object: o.key, dataAddr, mapIds: created.map((m) => m.id) })
        if (fd < 0) {
          warn(`prog '${pr.fn.name}': BPF program load failed: ${strerror(-fd)}`)
          warn(`prog '${pr.fn.name}': failed to load: ${fd}`)
          return fail(fd)
        }
        pr.fd = fd
      }
      return 0
    } finally {
      p.heap.free(strings)
    }
  }

  /** Why the kernel would refuse this program, or null: not XDP, calls a missing helper, or the host's verifier-like refusal. */
  function loadRefusal(o: ObjectHandle, pr: ProgHandle): { errno: number; log: string } | null {
    const sec = pr.fn.section ?? ''
    if (!isXdpSection(sec)) {
      return { errno: Errno.EINVAL, log: `bpfplay runs XDP programs only: '${pr.fn.name}' is in SEC("${sec}"); use SEC("${XDP_SEC}")` }
    }
    try {
      checkImports(o.file.program)
    } catch (e) {
      if (!(e instanceof LoadError)) throw e
      return { errno: Errno.EINVAL, log: e.message }
    }
    const r = o.file.refusal
    if (r && (r.prog === pr.fn.name || !o.progs.some((x) => x.fn.name === r.prog))) return { errno: r.errno, log: r.log }
    return null
  }

  function close(objPtr: number): undefined {
    if (objPtr === 0) return undefined
    const o = get(objPtr, 'object', 'bpf_object__close')
    const k = kernel()
    for (const pr of o.progs) {
      if (pr.fd >= 0) k.sysClose(p.pid, pr.fd)
      handles.delete(pr.addr)
      p.heap.free(pr.nameAddr)
      p.heap.free(pr.secAddr)
      p.heap.free(pr.addr)
    }
    for (const m of o.maps) {
      if (m.fd >= 0) k.sysClose(p.pid, m.fd)
      handles.delete(m.addr)
      p.heap.free(m.nameAddr)
      if (m.pinPathAddr) p.heap.free(m.pinPathAddr)
      p.heap.free(m.addr)
    }
    handles.delete(o.addr)
    p.heap.free(o.nameAddr)
    p.heap.free(o.addr)
    return undefined
  }

  /** __bpf_map__iter / __bpf_program__iter: first when prev is NULL, NULL after the last. */
  function next<T extends MapHandle | ProgHandle>(list: T[], prev: number, fn: string, what: string): number {
    if (prev === 0) return list.length > 0 ? list[0].addr : 0
    const i = list.findIndex((x) => x.addr === prev)
    if (i < 0) {
      warn(`error in ${fn}: ${what} handler doesn't belong to object`)
      return errPtr(-Errno.EINVAL)
    }
    return i + 1 < list.length ? list[i + 1].addr : 0
  }

  function findMap(objPtr: number, namePtr: number): number {
    const o = get(objPtr, 'object', 'bpf_object__find_map_by_name')
    const name = p.mem.cstring(namePtr)
    const m = o.maps.find((x) => x.decl.name === name)
    return m ? m.addr : errPtr(-Errno.ENOENT)
  }

  function mapFd(mapPtr: number): number {
    if (mapPtr === 0) return err(-Errno.EINVAL)
    return get(mapPtr, 'map', 'bpf_map__fd').fd
  }

  function progFd(progPtr: number): number {
    if (progPtr === 0) return err(-Errno.EINVAL)
    const pr = get(progPtr, 'program', 'bpf_program__fd')
    return pr.fd < 0 ? err(pr.fd) : pr.fd
  }

  function attachXdp(progPtr: number, ifindex: number): number {
    const pr = get(progPtr, 'program', 'bpf_program__attach_xdp')
    if (pr.fd < 0) {
      warn(`prog '${pr.fn.name}': can't attach before loaded`)
      return errPtr(-Errno.EINVAL)
    }
    const fd = kernel().progTable.linkCreateXdp(p.pid, pr.fd, ifindex)
    if (fd < 0) {
      warn(`prog '${pr.fn.name}': failed to attach to xdp: ${strerror(-fd)}`)
      return errPtr(fd)
    }
    const l: LinkHandle = { kind: 'link', addr: block('link'), fd }
    handles.set(l.addr, l)
    return l.addr
  }

  function linkDestroy(linkPtr: number): number {
    if (linkPtr === 0) return 0
    const l = get(linkPtr, 'link', 'bpf_link__destroy')
    // bpf_link__detach_fd(): close(link->fd); closing the last fd detaches.
    const r = kernel().sysClose(p.pid, l.fd)
    handles.delete(l.addr)
    p.heap.free(l.addr)
    return r < 0 ? err(r) : 0
  }

  const map = (fn: string, f: (m: MapHandle) => number) => (ptr: number) => f(get(ptr, 'map', fn))
  const prog = (fn: string, f: (pr: ProgHandle) => number) => (ptr: number) => f(get(ptr, 'program', fn))

  return {
    bpf_object__open: (path: number) => open(path, 0),
    bpf_object__open_file: open,
    bpf_object__load: load,
    bpf_object__close: close,
    bpf_object__name: (obj: number) => get(obj, 'object', 'bpf_object__name').nameAddr,
    bpf_object__find_map_by_name: findMap,
    bpf_object__find_map_fd_by_name: (obj: number, name: number) => {
      const m = findMap(obj, name)
      return mapFd(m)
    },
    bpf_object__next_map: (obj: number, prev: number) => {
      if (obj === 0) return errPtr(-Errno.EINVAL)
      const o = get(obj, 'object', 'bpf_object__next_map')
      if (o.maps.length === 0) return errPtr(-Errno.EINVAL) // !obj->maps
      return next(o.maps, prev, '__bpf_map__iter', 'map')
    },
    bpf_object__find_program_by_name: (obj: number, namePtr: number) => {
      const o = get(obj, 'object', 'bpf_object__find_program_by_name')
      const name = p.mem.cstring(namePtr)
      const pr = o.progs.find((x) => x.fn.name === name)
      return pr ? pr.addr : errPtr(-Errno.ENOENT)
    },
    bpf_object__next_program: (obj: number, prev: number) => next(get(obj, 'object', 'bpf_object__next_program').progs, prev, '__bpf_program__iter', 'program'),
    bpf_map__fd: mapFd,
    bpf_map__name: map('bpf_map__name', (m) => m.nameAddr),
    bpf_map__type: map('bpf_map__type', (m) => m.decl.type),
    bpf_map__key_size: map('bpf_map__key_size', (m) => m.decl.keySize),
    bpf_map__value_size: map('bpf_map__value_size', (m) => m.decl.valueSize),
    bpf_map__max_entries: map('bpf_map__max_entries', (m) => m.decl.maxEntries),
    bpf_map__map_flags: map('bpf_map__map_flags', (m) => m.decl.flags),
    bpf_map__pin_path: map('bpf_map__pin_path', (m) => m.pinPathAddr),
    bpf_map__is_pinned: map('bpf_map__is_pinned', (m) => (m.created?.pinPath !== undefined ? 1 : 0)),
    bpf_program__fd: progFd,
    bpf_program__name: prog('bpf_program__name', (pr) => pr.nameAddr),
    bpf_program__section_name: prog('bpf_program__section_name', (pr) => pr.secAddr),
    bpf_program__type: prog('bpf_program__type', (pr) => (isXdpSection(pr.fn.section ?? '') ? BPF_PROG_TYPE_XDP : 0)),
    bpf_program__attach_xdp: attachXdp,
    bpf_link__fd: (link: number) => get(link, 'link', 'bpf_link__fd').fd,
    bpf_link__detach: (link: number) => {
      const l = get(link, 'link', 'bpf_link__detach')
      const r = kernel().progTable.linkDetach(p.pid, l.fd)
      return r < 0 ? err(r) : 0
    },
    bpf_link__destroy: linkDestroy,
  }
}
