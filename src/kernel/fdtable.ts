/**
 * Processes and their file descriptor tables, in the kernel buffer.
 *
 * A process slot holds its pid, comm, current directory and MAX_FDS fd entries. An entry is
 * 0 (free), FD_FILE (an open non-BPF file: fds 0-2 at creation, or whatever the runtime
 * installs), a program or link reference (other negative values, progs.ts) or a map reference:
 * (map slot + 1) | permissions << 20, permissions being the file's FMODE_CAN_READ / FMODE_CAN_WRITE. New fds take the lowest free number, as POSIX says;
 * fd 1024 and up give EMFILE (RLIMIT_NOFILE). Each map fd holds one reference on the map.
 * Changes happen under the global kernel lock; syscalls read their own process's entries
 * without it (a process is one thread).
 */
import { H, MAX_FDS, MAX_PROCS, PROC_HDR_BYTES, PROC_SLOT_BYTES, type KernelMemory } from './memory'
import { Errno, MapFlag } from './uapi'
import type { Kernel } from './kernel'

export const FD_FILE = -1
export const PERM_READ = 1
export const PERM_WRITE = 2
const PERM_SHIFT = 20
const SLOT_MASK = (1 << PERM_SHIFT) - 1

const P_PID = 0
const P_HIGH = 1
const P_CWD = 2
const P_COMM = 4 // 4 words

export function fdEntryForMap(slot: number, perms: number): number {
  return (slot + 1) | (perms << PERM_SHIFT)
}
/** Map slot of a map entry, or -1 for a free / non-BPF entry. */
/** The access an fd gets for BPF_F_RDONLY / BPF_F_WRONLY (neither: read and write). */
export function fdPermsFor(flags: number): number {
  return (flags & MapFlag.RDONLY) !== 0 ? PERM_READ : (flags & MapFlag.WRONLY) !== 0 ? PERM_WRITE : PERM_READ | PERM_WRITE
}

/** A new fd of process `procSlot` on the map in `slot`, holding a reference to it. Kernel lock held. */
export function installMapFd(k: Kernel, procSlot: number, slot: number, perms: number): number {
  k.mapTable.get(slot)
  const fd = k.fds.install(procSlot, fdEntryForMap(slot, perms))
  if (fd < 0) k.mapTable.put(slot)
  return fd
}

export function fdMapSlot(entry: number): number {
  return entry > 0 ? (entry & SLOT_MASK) - 1 : -1
}
export function fdPerms(entry: number): number {
  return entry >>> PERM_SHIFT
}

export class FdTable {
  /** pid -> process slot, per worker; validated against the slot's pid word. */
  private readonly pidCache = new Map<number, number>()

  constructor(private readonly mem: KernelMemory) {}

  private procW(slot: number): number {
    return (this.mem.procTable + slot * PROC_SLOT_BYTES) >> 2
  }

  /** Word index of fd 0 of a process slot. */
  fdBase(slot: number): number {
    return this.procW(slot) + (PROC_HDR_BYTES >> 2)
  }

  /** New process with fds 0, 1, 2 open. Caller holds the kernel lock. */
  create(comm: string, cwdNode: number): number {
    const i32 = this.mem.i32
    for (let s = 0; s < MAX_PROCS; s++) {
      const w = this.procW(s)
      if (i32[w + P_PID] !== 0) continue
      const pid = i32[H.NEXT_PID]++
      i32[w + P_HIGH] = 3
      i32[w + P_CWD] = cwdNode
      const name = new TextEncoder().encode(comm).subarray(0, 15)
      const u8 = this.mem.u8
      u8.fill(0, (w + P_COMM) << 2, (w + P_COMM + 4) << 2)
      u8.set(name, (w + P_COMM) << 2)
      const fb = this.fdBase(s)
      i32.fill(0, fb, fb + MAX_FDS)
      i32[fb] = FD_FILE
      i32[fb + 1] = FD_FILE
      i32[fb + 2] = FD_FILE
      Atomics.store(i32, w + P_PID, pid)
      return pid
    }
    throw new Error(`too many processes (max ${MAX_PROCS})`)
  }

  private lastPid = 0
  private lastSlot = 0

  /** Process slot of pid, or -1. */
  slotOf(pid: number): number {
    const i32 = this.mem.i32
    if (pid === this.lastPid && i32[this.procW(this.lastSlot) + P_PID] === pid) return this.lastSlot
    const s = this.findSlot(pid)
    if (s >= 0) {
      this.lastPid = pid
      this.lastSlot = s
    }
    return s
  }

  private findSlot(pid: number): number {
    const i32 = this.mem.i32
    const cached = this.pidCache.get(pid)
    if (cached !== undefined && i32[this.procW(cached) + P_PID] === pid) return cached
    for (let s = 0; s < MAX_PROCS; s++) {
      if (i32[this.procW(s) + P_PID] === pid) {
        this.pidCache.set(pid, s)
        return s
      }
    }
    return -1
  }

  /** Process slot of pid; throws for an unknown pid (a caller bug, not a C-level error). */
  mustSlot(pid: number): number {
    const s = this.slotOf(pid)
    if (s < 0) throw new Error(`no such process: ${pid}`)
    return s
  }

  /** The fd entry, or 0 when fd is not open. */
  get(slot: number, fd: number): number {
    if (!(fd >= 0 && fd < MAX_FDS) || (fd | 0) !== fd) return 0
    return this.mem.i32[this.fdBase(slot) + fd]
  }

  /** Install an entry at the lowest free fd. Caller holds the kernel lock. Returns fd or -EMFILE. */
  install(slot: number, entry: number): number {
    const i32 = this.mem.i32
    const fb = this.fdBase(slot)
    for (let fd = 0; fd < MAX_FDS; fd++) {
      if (i32[fb + fd] === 0) {
        i32[fb + fd] = entry
        const w = this.procW(slot)
        if (fd >= i32[w + P_HIGH]) i32[w + P_HIGH] = fd + 1
        return fd
      }
    }
    return -Errno.EMFILE
  }

  /** Clear an fd; returns the old entry (0 if it was not open). Caller holds the kernel lock. */
  remove(slot: number, fd: number): number {
    const e = this.get(slot, fd)
    if (e !== 0) this.mem.i32[this.fdBase(slot) + fd] = 0
    return e
  }

  /** All open entries of a process (for exit). */
  openFds(slot: number): number[] {
    const i32 = this.mem.i32
    const fb = this.fdBase(slot)
    const high = i32[this.procW(slot) + P_HIGH]
    const out: number[] = []
    for (let fd = 0; fd < high; fd++) if (i32[fb + fd] !== 0) out.push(fd)
    return out
  }

  /** Free the process slot (after its fds were closed). */
  release(slot: number): void {
    Atomics.store(this.mem.i32, this.procW(slot) + P_PID, 0)
  }

  cwd(slot: number): number {
    return this.mem.i32[this.procW(slot) + P_CWD]
  }

  /** Every (pid, fd) holding map slot `mapSlot` (lock-free, for snapshots). */
  holdersOf(mapSlot: number): { pid: number; fd: number }[] {
    return this.holdersWhere((entry) => fdMapSlot(entry) === mapSlot)
  }

  /** Every (pid, fd) whose entry satisfies `match` (lock-free, for snapshots of programs and links). */
  holdersWhere(match: (entry: number) => boolean): { pid: number; fd: number }[] {
    const i32 = this.mem.i32
    const out: { pid: number; fd: number }[] = []
    for (let s = 0; s < MAX_PROCS; s++) {
      const w = this.procW(s)
      const pid = Atomics.load(i32, w + P_PID)
      if (pid === 0) continue
      const fb = this.fdBase(s)
      const high = Math.min(MAX_FDS, i32[w + P_HIGH])
      for (let fd = 0; fd < high; fd++) if (match(i32[fb + fd])) out.push({ pid, fd })
    }
    return out
  }

  /** Live processes (pid, comm). */
  list(): { pid: number; comm: string }[] {
    const i32 = this.mem.i32
    const out: { pid: number; comm: string }[] = []
    const dec = new TextDecoder()
    for (let s = 0; s < MAX_PROCS; s++) {
      const w = this.procW(s)
      const pid = Atomics.load(i32, w + P_PID)
      if (pid === 0) continue
      const b = this.mem.u8.slice((w + P_COMM) << 2, (w + P_COMM + 4) << 2)
      const end = b.indexOf(0)
      out.push({ pid, comm: dec.decode((end < 0 ? b : b.subarray(0, end)).slice()) }) // a copy: browsers refuse to decode shared memory
    }
    return out
  }
}
