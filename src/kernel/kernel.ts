/**
 * The simulated kernel: one SharedArrayBuffer and the code to run on it.
 *
 * `Kernel.create(config)` boots a new kernel (formats a buffer); `Kernel.attach(sab)` gives
 * another worker a handle on the same one. Every handle is a thin set of per-worker caches and
 * scratch space over shared state, so the userspace process worker and the CPU workers running
 * XDP programs all enter the same kernel concurrently, synchronised by Atomics locks.
 *
 * Two ways in:
 *  - syscalls (`sysBpf`, `sysClose`, `processCreate`, ... ) from a process, with user memory
 *    behind a `UserMemory`: keys and values are copied in and out, as in Linux;
 *  - program helpers (`progMap*`) from a BPF program running on a CPU: the kernel buffer is the
 *    program's memory, so keys and values are kernel addresses and lookups return value
 *    addresses that the program reads and writes directly (also with Atomics).
 */
import type { BpffsEntry, Caller, KernelApi, KernelConfig, KernelEvent, MapSnapshot, UserMemory } from './api'
import { Vfs } from './bpffs'
import { atomicAdders, kernelBuffer, type AtomicAdders } from './atomics64'
import { EventLog } from './events'
import { FdTable, FD_FILE, fdMapSlot } from './fdtable'
import { KernelCheckpoint } from './checkpoint'
import { DEFAULT_MEMORY_BYTES, KernelMemory, MAX_MEMORY_BYTES, MIN_MEMORY_BYTES } from './memory'
import { D, type MapDesc } from './maps/desc'
import { normFlags } from './maps/ops'
import { MapTable } from './maps/table'
import { snapshotBpffs, snapshotMaps } from './snapshot'
import { sysBpf, SyscallState } from './syscall'
import { Errno } from './uapi'
import { LruLists } from './maps/lru'
import { ProgTable, type LinkSnapshot, type NetdevSnapshot, type ProgSnapshot } from './progs'

/** BPF helper ids (enum bpf_func_id) used as the event `op` of program calls. */
export const BpfFunc = {
  map_lookup_elem: 1,
  map_update_elem: 2,
  map_delete_elem: 3,
  map_push_elem: 87,
  map_pop_elem: 88,
  map_peek_elem: 89,
  map_lookup_percpu_elem: 195,
} as const

const MAX_CPUS = 1024
const SCRATCH_MIN = 64 * 1024

/** A kernel checkpoint plus where this handle's syscall buffers were (Kernel.checkpoint). */
export interface HandleCheckpoint {
  image: KernelCheckpoint
  sysBase: number
  scratchAddr: number
  scratchSize: number
}

/** What a program (loader, verifier checks) needs to know about a map. */
export interface MapInfoView {
  id: number
  type: number
  keySize: number
  valueSize: number
  maxEntries: number
  flags: number
  name: string
}

export class Kernel implements KernelApi {
  readonly possibleCpus: number
  readonly mem: KernelMemory
  readonly fds: FdTable
  readonly vfs: Vfs
  readonly eventLog: EventLog
  readonly mapTable: MapTable
  /** Loaded programs, links and network devices (progs.ts). */
  readonly progTable: ProgTable
  /** Per-worker syscall state (attr copy, event under construction). */
  readonly sys: SyscallState
  private scratchAddr = 0
  private adders: AtomicAdders | undefined
  private scratchSize = 0
  /** Map id -> descriptor cache for program helpers (this worker). */
  private readonly byId: (MapDesc | undefined)[] = []

  private constructor(
    readonly sab: SharedArrayBuffer,
    /** The WebAssembly.Memory whose buffer `sab` is, when the kernel was booted with wasmAtomics (hand it to workers with the buffer). */
    readonly memory: WebAssembly.Memory | null = null,
  ) {
    this.mem = new KernelMemory(sab)
    this.possibleCpus = this.mem.ncpu
    this.fds = new FdTable(this.mem)
    this.vfs = new Vfs(this.mem)
    this.eventLog = new EventLog(this.mem)
    this.mapTable = new MapTable(this.mem)
    this.sys = new SyscallState(this.mem)
    this.progTable = new ProgTable(this.mem, this.mapTable, this.fds)
  }

  /** Boot a new kernel. */
  static create(config: KernelConfig): Kernel {
    const ncpu = config.possibleCpus
    if (!Number.isInteger(ncpu) || ncpu < 1 || ncpu > MAX_CPUS) throw new Error(`possibleCpus must be 1..${MAX_CPUS}`)
    const bytes = config.memoryBytes ?? DEFAULT_MEMORY_BYTES
    if (!Number.isInteger(bytes) || bytes < MIN_MEMORY_BYTES || bytes > MAX_MEMORY_BYTES) {
      throw new Error(`memoryBytes must be ${MIN_MEMORY_BYTES}..${MAX_MEMORY_BYTES}`)
    }
    const { sab, memory } = kernelBuffer(bytes & ~7, config.wasmAtomics ?? false)
    KernelMemory.format(sab, { possibleCpus: ncpu, memoryBytes: bytes, prngSeed: config.hashSeed })
    ProgTable.format(new KernelMemory(sab))
    const k = new Kernel(sab, memory)
    k.vfs.init()
    return k
  }

  /** Another handle on a running kernel (from any worker); `memory` when it has one (Kernel.memory). */
  static attach(sab: SharedArrayBuffer, memory: WebAssembly.Memory | null = null): Kernel {
    if (memory !== null && (memory.buffer as unknown) !== sab) throw new Error('the WebAssembly.Memory given is not the kernel buffer')
    return new Kernel(sab, memory)
  }

  /**
   * Real 64-bit atomic adds on this kernel's memory (atomics64.ts) when it is a
   * WebAssembly.Memory, else undefined; made once per handle, shared by its CPUs' programs.
   */
  atomicAdders(): AtomicAdders | undefined {
    if (this.memory === null) return undefined
    this.adders ??= atomicAdders(this.memory)
    return this.adders
  }

  /** Give back this worker's scratch memory (call before a worker goes away). */
  detach(): void {
    if (this.sys.base !== 0) this.mem.kfree(this.sys.base)
    this.sys.base = 0
    if (this.scratchAddr !== 0) this.mem.kfree(this.scratchAddr)
    this.scratchAddr = 0
    this.scratchSize = 0
  }

  /** Kernel scratch of at least `bytes` for this worker's current call (contents not kept on growth). */
  scratch(bytes: number): number {
    if (bytes > this.scratchSize) {
      if (this.scratchAddr !== 0) this.mem.kfree(this.scratchAddr)
      const size = Math.max(SCRATCH_MIN, bytes)
      this.scratchAddr = this.mem.kmalloc(size, 8)
      if (this.scratchAddr === 0) {
        this.scratchSize = 0
        throw new Error(`kernel out of memory for a ${bytes}-byte syscall buffer`)
      }
      this.scratchSize = size
    }
    return this.scratchAddr
  }

  /**
   * Save the whole kernel (time travel: src/runtime/time-travel.ts). This handle's syscall
   * buffers are allocated first, so they are allocated in every state a restore brings back.
   */
  checkpoint(): HandleCheckpoint {
    this.sys.ensure()
    this.scratch(SCRATCH_MIN)
    return { image: KernelCheckpoint.capture(this.sab), sysBase: this.sys.base, scratchAddr: this.scratchAddr, scratchSize: this.scratchSize }
  }

  /**
   * Bring the kernel back to a checkpoint of this handle. Only while nothing else runs on the
   * kernel (no CPU, no other process): the caller checks. Other handles keep their descriptor
   * caches, which stay right as long as the replay recreates the same maps (it does: the map
   * ids and hash seeds come from kernel memory too).
   */
  restore(cp: HandleCheckpoint): void {
    cp.image.restore(this.sab)
    this.sys.adopt(cp.sysBase)
    this.scratchAddr = cp.scratchAddr
    this.scratchSize = cp.scratchSize
    this.byId.length = 0
    this.mapTable.forgetCache()
  }

  // ---- processes and files ------------------------------------------------------------------

  processCreate(comm: string): number {
    this.mem.lockKernel()
    try {
      return this.fds.create(comm, this.vfs.lookup('/root'))
    } finally {
      this.mem.unlockKernel()
    }
  }

  processExit(pid: number): void {
    const slot = this.fds.slotOf(pid)
    if (slot < 0) return
    this.mem.lockKernel()
    try {
      for (const fd of this.fds.openFds(slot)) this.dropFd(slot, fd)
      this.fds.release(slot)
    } finally {
      this.mem.unlockKernel()
    }
  }

  /** Kernel lock held. */
  private dropFd(procSlot: number, fd: number): boolean {
    const e = this.fds.remove(procSlot, fd)
    if (e === 0) return false
    const mapSlot = fdMapSlot(e)
    if (mapSlot >= 0) this.mapTable.put(mapSlot)
    else this.progTable.fdClose(e)
    return true
  }

  sysClose(pid: number, fd: number): number {
    const slot = this.fds.mustSlot(pid)
    this.mem.lockKernel()
    try {
      return this.dropFd(slot, fd) ? 0 : -Errno.EBADF
    } finally {
      this.mem.unlockKernel()
    }
  }

  /** dup(2): a new fd (lowest free) for the same object, or -errno. */
  sysDup(pid: number, fd: number): number {
    const slot = this.fds.mustSlot(pid)
    this.mem.lockKernel()
    try {
      const e = this.fds.get(slot, fd)
      if (e === 0) return -Errno.EBADF
      const nfd = this.fds.install(slot, e)
      if (nfd >= 0 && fdMapSlot(e) >= 0) this.mapTable.get(fdMapSlot(e))
      else if (nfd >= 0) this.progTable.fdDup(e)
      return nfd
    } finally {
      this.mem.unlockKernel()
    }
  }

  /** Open a non-BPF file descriptor (for the runtime's open()/socket()), lowest free number. */
  fdInstallFile(pid: number): number {
    const slot = this.fds.mustSlot(pid)
    this.mem.lockKernel()
    try {
      return this.fds.install(slot, FD_FILE)
    } finally {
      this.mem.unlockKernel()
    }
  }

  private withPath<T>(pid: number, f: (cwd: number) => T): T {
    const slot = this.fds.mustSlot(pid)
    this.mem.lockKernel()
    try {
      return f(this.fds.cwd(slot))
    } finally {
      this.mem.unlockKernel()
    }
  }

  /** mkdir(2): 0 or -errno. */
  sysMkdir(pid: number, path: string, mode = 0o755): number {
    return this.withPath(pid, (cwd) => this.vfs.mkdir(Vfs.encode(path), cwd, mode))
  }

  /** rmdir(2): 0 or -errno. */
  sysRmdir(pid: number, path: string): number {
    return this.withPath(pid, (cwd) => this.vfs.rmdir(Vfs.encode(path), cwd))
  }

  /** unlink(2): removing a pin drops its reference on the map. */
  sysUnlink(pid: number, path: string): number {
    return this.withPath(pid, (cwd) => {
      const removed = { mapSlot: -1 }
      const r = this.vfs.unlink(Vfs.encode(path), cwd, removed)
      if (r === 0 && removed.mapSlot >= 0) this.mapTable.put(removed.mapSlot)
      return r
    })
  }

  /** rename(2) within one file system. */
  sysRename(pid: number, from: string, to: string): number {
    return this.withPath(pid, (cwd) => {
      const removed = { mapSlot: -1 }
      const r = this.vfs.rename(Vfs.encode(from), Vfs.encode(to), cwd, removed)
      if (r === 0 && removed.mapSlot >= 0) this.mapTable.put(removed.mapSlot)
      return r
    })
  }

  // ---- bpf(2) -----------------------------------------------------------------------------------

  sysBpf(cmd: number, attrAddr: number, size: number, user: UserMemory, caller: Caller): number {
    this.checkCpu(caller.cpu)
    return sysBpf(this, cmd, attrAddr, size, user, caller)
  }

  private checkCpu(cpu: number): void {
    if (!(cpu >= 0 && cpu < this.possibleCpus) || (cpu | 0) !== cpu) throw new Error(`cpu ${cpu} out of range 0..${this.possibleCpus - 1}`)
  }

  // ---- program side -----------------------------------------------------------------------------

  /** Map id behind a process's fd (the loader resolves map fds this way), or -errno. */
  mapIdFromFd(pid: number, fd: number): number {
    const e = this.fds.get(this.fds.mustSlot(pid), fd)
    if (e === 0) return -Errno.EBADF
    const slot = fdMapSlot(e)
    if (slot < 0) return -Errno.EINVAL
    return this.mem.i32[this.mapTable.slotW(slot) + D.ID]
  }

  /** A program starts holding the map (keeps it alive without fds or pins). 0 or -ENOENT. */
  mapRef(mapId: number): number {
    this.mem.lockKernel()
    try {
      const slot = this.mapTable.slotOfId(mapId)
      if (slot < 0) return -Errno.ENOENT
      this.mapTable.get(slot)
      this.mapTable.progRefs(slot, 1)
      return 0
    } finally {
      this.mem.unlockKernel()
    }
  }

  /** The program releases the map; frees it if that was the last reference. */
  mapUnref(mapId: number): void {
    this.mem.lockKernel()
    try {
      const slot = this.mapTable.slotOfId(mapId)
      if (slot < 0) return
      this.mapTable.progRefs(slot, -1)
      this.mapTable.put(slot)
    } finally {
      this.mem.unlockKernel()
    }
  }

  /** Type and sizes of a live map (for the loader and program checks), or null. */
  mapInfo(mapId: number): MapInfoView | null {
    const slot = this.mapTable.slotOfId(mapId)
    if (slot < 0) return null
    const m = this.mapTable.desc(slot)
    const nameAt = (m.w + D.NAME) << 2
    const nb = this.mem.u8.slice(nameAt, nameAt + 16)
    const nul = nb.indexOf(0)
    return {
      id: m.id,
      type: m.type,
      keySize: m.keySize,
      valueSize: m.valueSize,
      maxEntries: m.maxEntries,
      flags: m.flags,
      name: new TextDecoder().decode((nul < 0 ? nb : nb.subarray(0, nul)).slice()),
    }
  }

  /** Descriptor of a live map id for helpers; throws for an unknown id (the loader checks ids). */
  private progMap(mapId: number): MapDesc {
    // The program holds a reference, so a cached descriptor whose slot still has this id is live.
    const d = this.byId[mapId]
    if (d !== undefined && this.mem.i32[d.w + D.ID] === mapId) return d
    const slot = this.mapTable.slotOfId(mapId)
    if (slot < 0) throw new Error(`no map with id ${mapId}`)
    const nd = this.mapTable.desc(slot)
    this.byId[mapId] = nd
    return nd
  }

  /** bpf_map_lookup_elem: value address (running CPU's copy for per-CPU maps) or 0. */
  progMapLookup(mapId: number, keyAddr: number, cpu: number): number {
    const m = this.progMap(mapId)
    const r = m.ops.queueLike ? 0 : m.ops.progLookup(this.mem, m, keyAddr, cpu)
    this.eventLog.appendHelper(cpu, BpfFunc.map_lookup_elem, mapId, r, keyAddr, m.keySize)
    return r
  }

  /** bpf_map_lookup_percpu_elem: `targetCpu`'s copy, or 0 (missing key, cpu >= nr_cpu_ids). */
  progMapLookupPercpu(mapId: number, keyAddr: number, cpu: number, targetCpu: number): number {
    const m = this.progMap(mapId)
    const r = m.ops.queueLike ? 0 : m.ops.progLookupPercpu(this.mem, m, keyAddr, cpu, targetCpu >>> 0)
    this.eventLog.appendHelper(cpu, BpfFunc.map_lookup_percpu_elem, mapId, r, keyAddr, m.keySize)
    return r
  }

  /** bpf_map_update_elem: 0 or -errno. Per-CPU inserts zero the other CPUs' copies. */
  progMapUpdate(mapId: number, keyAddr: number, valueAddr: number, flags: number, cpu: number): number {
    const m = this.progMap(mapId)
    const r = m.ops.queueLike ? -Errno.EINVAL : m.ops.update(this.mem, m, keyAddr, valueAddr, normFlags(flags), cpu, false)
    this.eventLog.appendHelper(cpu, BpfFunc.map_update_elem, mapId, r, keyAddr, m.keySize)
    return r
  }

  /** bpf_map_delete_elem: 0, -ENOENT, arrays -EINVAL. */
  progMapDelete(mapId: number, keyAddr: number, cpu: number): number {
    const m = this.progMap(mapId)
    const r = m.ops.queueLike ? -Errno.EINVAL : m.ops.delete(this.mem, m, keyAddr, cpu)
    this.eventLog.appendHelper(cpu, BpfFunc.map_delete_elem, mapId, r, keyAddr, m.keySize)
    return r
  }

  /** bpf_map_push_elem: 0, -E2BIG (full), -EINVAL (flags). */
  progMapPush(mapId: number, valueAddr: number, flags: number, cpu: number): number {
    const m = this.progMap(mapId)
    const r = m.ops.push === undefined ? -Errno.EINVAL : m.ops.push(this.mem, m, valueAddr, normFlags(flags))
    this.eventLog.appendHelper(cpu, BpfFunc.map_push_elem, mapId, r, 0, 0)
    return r
  }

  /** bpf_map_pop_elem: 0 or -ENOENT (value zero-filled). */
  progMapPop(mapId: number, valueAddr: number, cpu: number): number {
    const m = this.progMap(mapId)
    const r = m.ops.pop === undefined ? -Errno.EINVAL : m.ops.pop(this.mem, m, valueAddr)
    this.eventLog.appendHelper(cpu, BpfFunc.map_pop_elem, mapId, r, 0, 0)
    return r
  }

  /** bpf_map_peek_elem: 0 or -ENOENT (value zero-filled). */
  progMapPeek(mapId: number, valueAddr: number, cpu: number): number {
    const m = this.progMap(mapId)
    const r = m.ops.peek === undefined ? -Errno.EINVAL : m.ops.peek(this.mem, m, valueAddr)
    this.eventLog.appendHelper(cpu, BpfFunc.map_peek_elem, mapId, r, 0, 0)
    return r
  }

  /** Kernel memory for CPU stacks, packets, ... (zeroed). 0 when out of memory. */
  kmalloc(size: number, align = 8): number {
    return this.mem.kmalloc(size, align)
  }

  kfree(addr: number): void {
    this.mem.kfree(addr)
  }

  /** bpf_ktime_get_ns: nanoseconds since boot (real time plus simulated sleeps). */
  ktimeNs(): number {
    return this.eventLog.nowNs()
  }

  /** Advance the kernel clock by ns of simulated time (a process's sleep()), for every worker. */
  advanceClock(ns: number): void {
    this.mem.lockKernel()
    try {
      this.eventLog.advance(ns)
    } finally {
      this.mem.unlockKernel()
    }
  }

  /** LRU list sizes of an LRU map (tests, inspector). */
  lruStats(mapId: number): ReturnType<LruLists['stats']> | null {
    const m = this.progMap(mapId)
    if (m.lruW === 0) return null
    return new LruLists(this.mem.i32, m.lruW, this.possibleCpus, (m.flags & 2) !== 0, m.maxEntries, () => 0, () => false).stats()
  }

  // ---- views ------------------------------------------------------------------------------------

  maps(): MapSnapshot[] {
    return snapshotMaps(this.mem, this.mapTable, this.fds, this.vfs)
  }

  bpffs(): BpffsEntry[] {
    return snapshotBpffs(this.vfs, this.mapTable, this.mem)
  }

  /** Loaded programs, bpf_links and interfaces with their XDP attachment (lock-free, like maps()). */
  programs(): ProgSnapshot[] {
    return this.progTable.programs()
  }

  links(): LinkSnapshot[] {
    return this.progTable.links()
  }

  netdevs(): NetdevSnapshot[] {
    return this.progTable.netdevs()
  }

  events(afterSeq: number): KernelEvent[] {
    return this.eventLog.read(afterSeq)
  }

  helperEvents(cpu: number, afterSeq: number): KernelEvent[] {
    this.checkCpu(cpu)
    return this.eventLog.readHelper(cpu, afterSeq)
  }

  traceHelperCalls(): void {
    this.eventLog.traceHelperCalls()
  }

  /** Live processes. */
  processes(): { pid: number; comm: string }[] {
    return this.fds.list()
  }
}
