/**
 * The syscall inspector's recorder: strace for the simulated bpf(). It wraps the kernel a
 * process calls and keeps, for each of the last bpf() calls, the command, the `union bpf_attr`
 * members it carried (syscall-attr.ts), every copy between the process's memory and the kernel
 * (copy_from_user in, copy_to_user out) with the C object each one touched, the map it was
 * about and what it returned. So a learner sees that a lookup copied 4 bytes of `key` in and 8
 * bytes of the value out into `value`, where a BPF program would have got a pointer.
 *
 * Only observation: the process sees exactly the kernel's behaviour. The page's process worker
 * traces every run; the hot path costs one record per call, and only the last KEEP are kept.
 */
import type { Caller, KernelApi, UserMemory } from '../kernel/api'
import type { MapInfoView } from '../kernel/kernel'
import { BpfCmd } from '../kernel/uapi'
import { attrFields, type AttrField } from './syscall-attr'
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

const FD_FIELDS = ['map_fd', 'bpf_fd']
const RETURNS_MAP_FD = new Set<number>([BpfCmd.MAP_CREATE, BpfCmd.OBJ_GET])

/**
 * What a copy went through: 'attr' (the attr itself), 'attr.count' (the kernel writing a member
 * back), or the pointer member nearest at or below its address (a batch's keys array).
 */
function viaOf(fields: AttrField[], attrAddr: number, size: number, addr: number): string | null {
  if (addr === attrAddr) return 'attr'
  if (addr > attrAddr && addr < attrAddr + size) {
    const f = fields.find((x) => x.offset === addr - attrAddr)
    return f ? `attr.${f.name}` : 'attr'
  }
  let best: AttrField | null = null
  for (const f of fields) {
    if (f.pointer === undefined || f.pointer === 0 || f.pointer > addr) continue
    if (best === null || f.pointer > best.pointer!) best = f
  }
  return best?.name ?? null
}

function concat(a: Uint8Array, b: Uint8Array, max: number): Uint8Array {
  const out = new Uint8Array(Math.min(max, a.length + b.length))
  out.set(a.subarray(0, out.length))
  if (a.length < out.length) out.set(b.subarray(0, out.length - a.length), a.length)
  return out
}

export class SyscallTracer {
  /** `onCall`: each call as it returns (`bpfplay run --strace` prints it). */
  constructor(private readonly onCall?: (r: SyscallRecord) => void) {}

  private readonly records: SyscallRecord[] = []
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
      const copies: UserCopy[] = []
      const attr = new Uint8Array(Math.max(0, Math.min(size, 144)))
      const attrOk = attr.length > 0 && user.copyFromUser(attr, 0, attrAddr, attr.length)
      const fields = attrOk ? attrFields(cmd, attr, size) : []
      // a path as the process has it (strace shows it even when the kernel refuses before reading it)
      for (const f of fields) if (f.name === 'pathname' && f.pointer) f.text = this.pathAt(f.pointer) ?? undefined
      const keep = (dir: UserCopy['dir'], addr: number, len: number, bytes: Uint8Array, ok: boolean) => {
        const via = viaOf(fields, attrAddr, size, addr)
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
      const fdField = fields.find((f) => FD_FIELDS.includes(f.name))
      let map = fdField ? this.mapOf(kernel, caller.pid, Number(fdField.value)) : null
      const ret = kernel.sysBpf(cmd, attrAddr, size, recording, caller)
      if (ret >= 0 && RETURNS_MAP_FD.has(cmd)) map = this.mapOf(kernel, caller.pid, ret)
      for (const c of copies) if (!c.via?.startsWith('attr')) c.object = this.objectView(c.addr)
      const record: SyscallRecord = { n: ++this.count, time, line, cmd, attrAddr, attrSize: size, fields, copies, ret, map }
      this.push(record)
      this.onCall?.(record)
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
    return this.records.slice(-n)
  }

  private push(r: SyscallRecord): void {
    this.records.push(r)
    if (this.records.length > KEEP * 2) this.records.splice(0, this.records.length - KEEP)
  }

  private mapOf(kernel: TracedKernel, pid: number, fd: number): SyscallRecord['map'] {
    try {
      const id = kernel.mapIdFromFd(pid, fd)
      const info = id > 0 ? kernel.mapInfo(id) : null
      return info ? { id, name: info.name, type: info.type } : null
    } catch {
      return null
    }
  }

  private pathAt(addr: number): string | null {
    const mem = this.proc?.mem
    if (!mem || addr < NULL_GUARD || addr >= mem.size) return null
    const bytes = mem.u8.subarray(addr, Math.min(mem.size, addr + PATH_MAX))
    const end = bytes.indexOf(0)
    return new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end))
  }

  private objectView(addr: number): UserObjectView | null {
    const o = this.proc?.objects.describe(addr)
    if (!o) return null
    const where = o.kind === 'stack' ? `${o.fn?.name ?? '?'}()'s stack` : o.kind === 'freed' ? 'freed heap' : o.kind
    return { name: o.name || 'heap block', type: o.type ? typeName(o.type) : null, size: o.size, offset: o.offset, where }
  }
}
