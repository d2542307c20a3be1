/**
 * The syscall inspector's recorder: strace for the simulated bpf(). It wraps the kernel a
 * process calls and keeps, for each of the last bpf() calls, the command, the `union bpf_attr`
 * members it carried (syscall-attr.ts), every copy between the process's memory and the kernel
 * (copy_from_user in, copy_to_user out) with the C object each one touched, the map it was
 * about and what it returned. So a learner sees that a lookup copied 4 bytes of `key` in and 8
 * bytes of the value out into `value`, where a BPF program would have got a pointer.
 *
 * Only observation: the process sees exactly the kernel's behaviour. The page's process worker
 * traces every run, so the hot path only keeps bytes and addresses (decoded when shown), and
 * only the last KEEP calls are kept.
 */
import type { Caller, KernelApi, UserMemory } from '../kernel/api'
import type { MapInfoView } from '../kernel/kernel'
import { BpfCmd } from '../kernel/uapi'
import { attrFields, attrMemberAt, attrSketch, type AttrField, type AttrSketch } from './syscall-attr'
import type { UserObject } from './asan-objects'
import { NULL_GUARD } from '../lang/abi'
import type { Process } from './process'
import { typeName } from './debug-values'
import { withOverrides } from './kernel-proxy'

/** Bytes of each copy kept for display. */
export const COPY_BYTES_KEPT = 64
/** Calls kept (the newest). */
const KEEP = 200
/** Copies kept per call (a batch call copies one block per array, so this is plenty). */
const MAX_COPIES = 16

export interface UserObjectView {
  /** The variable's name, or "heap block". */
  name: string
  /** Its C type, when known. */
  type: string | null
  size: number
  /** addr - start of the object. */
  offset: number
  /** "global", "main()'s stack", "heap", "freed heap". */
  where: string
}

export interface UserCopy {
  /** in: copy_from_user (process -> kernel); out: copy_to_user (kernel -> process). */
  dir: 'in' | 'out'
  addr: number
  len: number
  /** The first COPY_BYTES_KEPT bytes copied. */
  bytes: Uint8Array
  /** false: the address was not mapped (the call fails with EFAULT). */
  ok: boolean
  /** Copies the kernel made for this transfer (a batch copies each element on its own). */
  parts: number
  /** The attr member that pointed there, 'attr' for the attr itself, 'attr.count' for a member written back; or null. */
  via: string | null
  object: UserObjectView | null
}

export interface SyscallRecord {
  /** 1 for the run's first bpf() call. */
  n: number
  /** Statements executed when the call was made (debugged runs; 0 otherwise). */
  time: number
  /** Line of the main file making the call (debugged runs; 0 when unknown). */
  line: number
  cmd: number
  attrAddr: number
  attrSize: number
  fields: AttrField[]
  copies: UserCopy[]
  /** >= 0 result, or -errno. */
  ret: number
  /** The map the call was about (0: none), as the kernel knew it. */
  map: { id: number; name: string; type: number } | null
}

/** What the tracer needs of the kernel besides the syscalls (Kernel has them). */
export interface TracedKernel extends KernelApi {
  mapIdFromFd(pid: number, fd: number): number
  mapInfo(mapId: number): MapInfoView | null
}

/** The process traced: what a user address is, and its memory to read a path from. */
export type TracedProcess = Pick<Process, 'objects' | 'mem'>

/** Where the program is: the debugger's clock and line (0s when not debugged). */
export type Position = () => { time: number; line: number }

/** Longest path read for a pathname member (PATH_MAX). */
const PATH_MAX = 4096

const RETURNS_MAP_FD = new Set<number>([BpfCmd.MAP_CREATE, BpfCmd.OBJ_GET])

/**
 * What a copy went through: 'attr' (the attr itself), 'attr.count' (the kernel writing a member
 * back), or the pointer member nearest at or below its address (a batch's keys array).
 */
function viaOf(cmd: number, sketch: AttrSketch, attrAddr: number, size: number, addr: number): string | null {
  if (addr === attrAddr) return 'attr'
  if (addr > attrAddr && addr < attrAddr + size) {
    const member = attrMemberAt(cmd, addr - attrAddr)
    return member ? `attr.${member}` : 'attr'
  }
  let best: { name: string; addr: number } | null = null
  for (const p of sketch.pointers) if (p.addr <= addr && (best === null || p.addr > best.addr)) best = p
  return best?.name ?? null
}

function concat(a: Uint8Array, b: Uint8Array, max: number): Uint8Array {
  const out = new Uint8Array(Math.min(max, a.length + b.length))
  out.set(a.subarray(0, out.length))
  if (a.length < out.length) out.set(b.subarray(0, out.length - a.length), a.length)
  return out
}

/**
 * A call as recorded while it runs: the attr kept as bytes and the C objects as the process
 * described them, decoded into a SyscallRecord only when someone looks (recent(), onCall), so
 * the hot path of a program making millions of calls stays short.
 */
interface RawCall extends Omit<SyscallRecord, 'fields' | 'copies'> {
  attr: Uint8Array
  /** The path a pathname member named, read when the call was made. */
  path: string | null
  copies: (Omit<UserCopy, 'object'> & { object: UserObject | null })[]
}

export class SyscallTracer {
  /** `onCall`: each call as it returns (`bpfplay run --strace` prints it). */
  constructor(private readonly onCall?: (r: SyscallRecord) => void) {}

  private readonly records: RawCall[] = []
  /** Maps seen, by id (ids are never reused in a boot; a map may be gone by the time a call is shown). */
  private readonly maps = new Map<number, { name: string; type: number } | null>()
  private count = 0
  private proc: TracedProcess | null = null
  private position: Position = () => ({ time: 0, line: 0 })

  /** The process (and where its debugger is) being traced; set once the process exists. */
  attach(proc: TracedProcess, position?: Position): void {
    this.proc = proc
    if (position) this.position = position
  }

  /** The kernel the process should call. */
  wrap<K extends TracedKernel>(kernel: K): K {
    const sysBpf = (cmd: number, attrAddr: number, size: number, user: UserMemory, caller: Caller): number => {
      const copies: RawCall['copies'] = []
      // read straight from the process's memory: a copy through `user` would be an extra copy the kernel did not make
      const attr = this.userBytes(attrAddr, Math.max(0, Math.min(size, 144))) ?? new Uint8Array(0)
      const sketch = attrSketch(cmd, attr, size)
      // a path as the process has it (strace shows it even when the kernel refuses before reading it)
      const pathname = sketch.pointers.find((p) => p.name === 'pathname')
      const path = pathname ? this.pathAt(pathname.addr) : null
      const keep = (dir: UserCopy['dir'], addr: number, len: number, bytes: Uint8Array, ok: boolean) => {
        const via = viaOf(cmd, sketch, attrAddr, size, addr)
        // a batch copies element by element (keys and values interleaved): contiguous copies
        // through the same member are one transfer
        const same = copies.findLast((c) => c.dir === dir && c.via === via && c.ok && ok && c.addr + c.len === addr)
        if (same) {
          if (same.bytes.length < COPY_BYTES_KEPT) same.bytes = concat(same.bytes, bytes, COPY_BYTES_KEPT)
          same.len += len
          same.parts++
        } else if (copies.length < MAX_COPIES) copies.push({ dir, addr, len, bytes, ok, parts: 1, via, object: null })
      }
      const recording: UserMemory = {
        copyFromUser(dst, dstOffset, addr, len) {
          const ok = user.copyFromUser(dst, dstOffset, addr, len)
          keep('in', addr, len, ok ? dst.slice(dstOffset, dstOffset + Math.min(len, COPY_BYTES_KEPT)) : new Uint8Array(0), ok)
          return ok
        },
        copyToUser(addr, src, srcOffset, len) {
          const ok = user.copyToUser(addr, src, srcOffset, len)
          keep('out', addr, len, src.slice(srcOffset, srcOffset + Math.min(len, COPY_BYTES_KEPT)), ok)
          return ok
        },
      }
      const { time, line } = this.position()
      let mapId = sketch.fd >= 0 ? this.mapIdOf(kernel, caller.pid, sketch.fd) : 0
      const ret = kernel.sysBpf(cmd, attrAddr, size, recording, caller)
      if (ret >= 0 && RETURNS_MAP_FD.has(cmd)) mapId = this.mapIdOf(kernel, caller.pid, ret)
      // (described now: the stack frame a copy touched may be gone when the call is shown)
      for (const c of copies) if (!c.via?.startsWith('attr')) c.object = this.proc?.objects.describe(c.addr) ?? null
      const call: RawCall = { n: ++this.count, time, line, cmd, attrAddr, attrSize: size, attr, path, copies, ret, map: this.mapOf(mapId) }
      this.push(call)
      if (this.onCall) this.onCall(decode(call))
      return ret
    }
    return withOverrides(kernel, { sysBpf } as Partial<Record<keyof K, unknown>>)
  }

  /** Forget every call (a step back replays the program from its start: time-travel.ts). */
  reset(): void {
    this.records.length = 0
    this.count = 0
  }

  /** The newest `n` calls, oldest first. */
  recent(n = KEEP): SyscallRecord[] {
    return this.records.slice(-n).map(decode)
  }

  private push(r: RawCall): void {
    this.records.push(r)
    if (this.records.length > KEEP * 2) this.records.splice(0, this.records.length - KEEP)
  }

  /** The map id behind a process's fd (0: none); the map's name and type are noted at first sight. */
  private mapIdOf(kernel: TracedKernel, pid: number, fd: number): number {
    try {
      const id = kernel.mapIdFromFd(pid, fd)
      if (id <= 0) return 0
      if (!this.maps.has(id)) {
        const info = kernel.mapInfo(id)
        this.maps.set(id, info ? { name: info.name, type: info.type } : null)
      }
      return id
    } catch {
      return 0
    }
  }

  private mapOf(id: number): SyscallRecord['map'] {
    const m = id > 0 ? this.maps.get(id) : null
    return m ? { id, ...m } : null
  }

  private userBytes(addr: number, len: number): Uint8Array | null {
    const mem = this.proc?.mem
    if (!mem || addr < NULL_GUARD || addr + len > mem.size) return null
    return mem.u8.slice(addr, addr + len)
  }

  private pathAt(addr: number): string | null {
    const mem = this.proc?.mem
    if (!mem || addr < NULL_GUARD || addr >= mem.size) return null
    const bytes = mem.u8.subarray(addr, Math.min(mem.size, addr + PATH_MAX))
    const end = bytes.indexOf(0)
    return new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end))
  }

}

/** A recorded call as the inspector and strace show it. */
function decode(call: RawCall): SyscallRecord {
  const { attr, path, copies, ...rest } = call
  const fields = attrFields(call.cmd, attr, call.attrSize)
  if (path !== null) for (const f of fields) if (f.name === 'pathname') f.text = path
  return { ...rest, fields, copies: copies.map((c) => ({ ...c, object: c.object ? objectView(c.object) : null })) }
}

function objectView(o: UserObject): UserObjectView {
  const where = o.kind === 'stack' ? `${o.fn?.name ?? '?'}()'s stack` : o.kind === 'freed' ? 'freed heap' : o.kind
  return { name: o.name || 'heap block', type: o.type ? typeName(o.type) : null, size: o.size, offset: o.offset, where }
}
