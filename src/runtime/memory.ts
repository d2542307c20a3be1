/**
 * A linear C memory: the process's private address space (or, for BPF programs, the kernel's
 * shared buffer). Addresses are byte offsets into `buffer`; the first NULL_GUARD bytes are
 * never mapped, so `dv` (which starts at NULL_GUARD) faults on NULL and on small bad pointers.
 */
import { NULL_GUARD } from '../lang/abi'

export class Memory {
  readonly dv: DataView
  readonly u8: Uint8Array
  /** Word view for aligned runtime writes on hot paths (the libbpf attr); addresses >> 2. */
  readonly i32: Int32Array
  constructor(readonly buffer: ArrayBuffer | SharedArrayBuffer) {
    this.dv = new DataView(buffer, NULL_GUARD)
    this.u8 = new Uint8Array(buffer)
    this.i32 = new Int32Array(buffer, 0, buffer.byteLength >> 2)
  }

  get size(): number {
    return this.buffer.byteLength
  }

  /** True when [addr, addr+len) is mapped. */
  valid(addr: number, len: number): boolean {
    return Number.isInteger(addr) && addr >= NULL_GUARD && len >= 0 && addr + len <= this.u8.length
  }

  /** The NUL-terminated string at addr (bytes, without the NUL). Throws SegvError when it runs off memory. */
  cstringBytes(addr: number, max = Infinity): Uint8Array {
    if (!this.valid(addr, 1)) throw new SegvError(addr, 'read')
    const u8 = this.u8
    let end = addr
    while (end - addr < max) {
      if (end >= u8.length) throw new SegvError(end, 'read')
      if (u8[end] === 0) break
      end++
    }
    return u8.subarray(addr, end)
  }

  cstring(addr: number, max = Infinity): string {
    return latin1OrUtf8(this.cstringBytes(addr, max))
  }

  /** Checked raw view of [addr, addr+len). */
  bytes(addr: number, len: number, access: 'read' | 'write' = 'read'): Uint8Array {
    if (!this.valid(addr, len)) throw new SegvError(len === 0 ? addr : firstBad(this, addr), access)
    return this.u8.subarray(addr, addr + len)
  }
}

function firstBad(m: Memory, addr: number): number {
  return addr < NULL_GUARD || !Number.isFinite(addr) ? addr : Math.max(addr, m.u8.length)
}

const utf8 = new TextDecoder('utf-8', { fatal: false })
/** C strings are bytes; show them as UTF-8 (what a terminal shows). */
export function latin1OrUtf8(bytes: Uint8Array): string {
  return utf8.decode(bytes)
}

/** A bad memory access by runtime code on behalf of the program (-> SIGSEGV). */
export class SegvError extends Error {
  constructor(
    readonly address: number,
    readonly access: 'read' | 'write',
  ) {
    super(`invalid ${access} at address 0x${Math.max(0, address).toString(16)}`)
  }
}
