/**
 * What the simulated kernel offers the rest of bpfplay. The kernel is a library over one
 * SharedArrayBuffer: every piece of state (maps and their elements, map table, bpffs, fd tables
 * of processes, the event log) lives in that buffer, so any worker that attaches to it "enters
 * the kernel" by calling these functions, as a CPU does. Writers synchronise with Atomics locks.
 */

/**
 * copy_from_user / copy_to_user against the calling process's private memory. They copy
 * straight between the process buffer and a kernel buffer (no allocation on the hot path).
 */
export interface UserMemory {
  /** Copy len bytes at user address addr into dst[dstOffset..]; false if any byte is unmapped (-> EFAULT). */
  copyFromUser(dst: Uint8Array, dstOffset: number, addr: number, len: number): boolean
  /** Copy src[srcOffset..srcOffset+len) to user address addr; false if any byte is unmapped (-> EFAULT). */
  copyToUser(addr: number, src: Uint8Array, srcOffset: number, len: number): boolean
}

/** Who is calling: a process (syscalls) running on a CPU. */
export interface Caller {
  pid: number
  cpu: number
}

export interface KernelConfig {
  /** Number of possible CPUs (per-CPU value layout, LRU lists). */
  possibleCpus: number
  /** Size of the shared buffer in bytes (default 64 MiB). */
  memoryBytes?: number
  /**
   * Seed for the per-map random hash seeds (maps without BPF_F_ZERO_SEED). Undefined = truly
   * random as in Linux; a number makes every run reproducible (demos, tests).
   */
  hashSeed?: number
  /**
   * Back the memory with a shared WebAssembly.Memory so that XDP CPUs get a real 64-bit atomic
   * add (atomics64.ts). For kernels whose CPUs run traffic; plain memory otherwise (each wasm
   * memory reserves a large range of address space, and tests boot many kernels).
   */
  wasmAtomics?: boolean
}

/** One row of the event log (for the UI and the syscall inspector). */
export interface KernelEvent {
  seq: number
  /** 'syscall' from a process, 'helper' from a BPF program on a CPU. */
  origin: 'syscall' | 'helper'
  pid: number
  cpu: number
  /** bpf() command number, or helper id for origin 'helper'. */
  op: number
  mapId: number
  /** Return value (>= 0) or -errno. */
  ret: number
  /** First bytes of the key involved, if any. */
  key: Uint8Array
  /** Batch cursor in/out (hash: bucket index), count returned and count asked, when relevant. */
  extra?: { inBatch?: number; outBatch?: number; count?: number; asked?: number }
  /** Simulated time in ns. */
  timeNs: number
}

export interface MapSnapshot {
  id: number
  type: number
  name: string
  keySize: number
  valueSize: number
  maxEntries: number
  flags: number
  frozen: boolean
  /** Hash seed in use (hash types), for the bucket view. */
  seed?: number
  nBuckets?: number
  /** Elements in iteration (get_next_key) order; per-CPU maps have one value per possible CPU. */
  entries: { key: Uint8Array; value: Uint8Array | Uint8Array[]; bucket?: number }[]
  /** References: open fds (pid/fd), pins (paths), programs. */
  fds: { pid: number; fd: number }[]
  pins: string[]
  /** Bytes of the simulator's memory the map uses. */
  memoryBytes: number
  /** What Linux charges for it (map_mem_usage): the `memlock` bpftool prints. */
  memlock: number
}

export interface BpffsEntry {
  path: string
  kind: 'dir' | 'map'
  mapId?: number
}

/**
 * The kernel. `Kernel.create(config)` makes a new one (a new SharedArrayBuffer: "boot");
 * `Kernel.attach(sab)` gives another worker a handle on the same kernel.
 */
export interface KernelApi {
  readonly sab: SharedArrayBuffer
  readonly possibleCpus: number

  /** Register a process; returns its pid. fds 0, 1, 2 are open (not BPF objects). */
  processCreate(comm: string): number
  /** Process exit: closes all its fds (maps without other references are freed). */
  processExit(pid: number): void

  /**
   * The bpf(2) syscall: reads `size` bytes of `union bpf_attr` from user memory at attrAddr,
   * validates exactly as Linux 6.1+ does, performs the command, copies results back to user
   * memory (values, keys, batch count/cursor, info). Returns the result (>= 0: 0 or a new fd)
   * or a negative errno.
   */
  sysBpf(cmd: number, attrAddr: number, size: number, user: UserMemory, caller: Caller): number
  /** close(2) on any fd of the process: 0 or -EBADF. */
  sysClose(pid: number, fd: number): number
  /** unlink(2), mkdir(2), rmdir(2) on the simulated file system (bpffs at /sys/fs/bpf): 0 or -errno. */
  sysUnlink(pid: number, path: string): number
  sysMkdir(pid: number, path: string, mode?: number): number
  sysRmdir(pid: number, path: string): number
  /** Simulated time passes (a process slept): bpf_ktime_get_ns and event times move on. */
  advanceClock(ns: number): void

  /** Kernel views for the UI, the CLI's --dump and tests. Cheap enough to call at display rate. */
  maps(): MapSnapshot[]
  bpffs(): BpffsEntry[]
  /** Events with seq > afterSeq still in the ring, oldest first. */
  events(afterSeq: number): KernelEvent[]
  /**
   * Helper calls made by BPF programs on one CPU with seq > afterSeq (each CPU numbers its own;
   * calls that failed also appear in events()). Only calls made since traceHelperCalls() are
   * recorded; earlier ones are counted (their numbers are skipped).
   */
  helperEvents(cpu: number, afterSeq: number): KernelEvent[]
  /** Records every helper call from now on, for helperEvents (off at boot: recording costs more than most helpers). */
  traceHelperCalls(): void
}
