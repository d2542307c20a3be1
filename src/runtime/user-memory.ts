/**
 * A process's side of copy_from_user / copy_to_user (the kernel's UserMemory) over its private
 * memory: the C runtime's processes (runtime/process.ts), the XDP loaders' and bpftool's.
 */
import type { UserMemory } from '../kernel/api'
import { NULL_GUARD } from '../lang/abi'
import type { SyscallBufferCheck } from './asan'

/**
 * copy_from_user / copy_to_user over a process's memory. Keys, values and attrs are small and
 * usually word-aligned on both sides: a word loop is cheapest for them, a byte loop for the
 * rest (set(subarray()) allocates a view per call, worth it only for long copies).
 */
export function userMemoryOf(mem: { readonly u8: Uint8Array; readonly i32: Int32Array }, asan?: SyscallBufferCheck, runtimeArea: readonly [number, number] = [0, 0]): UserMemory {
  const u8 = mem.u8
  const i32 = mem.i32
  const size = u8.length
  // (addr >>> 0) === addr: an integer below 4 GiB, which every mapped address is
  const mapped = (addr: number, len: number) => (addr >>> 0) === addr && addr >= NULL_GUARD && len >= 0 && addr + len <= size
  // Word view of the other side (the kernel's buffer), made once per array: typed-array
  // .buffer and .byteOffset getters cost ~20 ns on shared memory, an identity test nothing.
  let other: Uint8Array | null = null
  let other32: Int32Array | null = null
  const wordsOf = (a: Uint8Array): Int32Array | null => {
    if (a !== other) {
      other = a
      other32 = a.byteOffset === 0 ? new Int32Array(a.buffer, 0, a.buffer.byteLength >> 2) : null
    }
    return other32
  }
  return {
    copyFromUser(dst, dstOffset, addr, len) {
      // (the runtime area, where libbpf keeps its attr, holds no C object)
      if (asan !== undefined && (addr < runtimeArea[0] || addr >= runtimeArea[1])) asan.read(addr, len)
      if (!mapped(addr, len)) return false
      if (len > 64) dst.set(u8.subarray(addr, addr + len), dstOffset)
      else if (((addr | dstOffset | len) & 3) === 0 && wordsOf(dst) !== null) {
        const w = other32!
        for (let s = addr >> 2, d = dstOffset >> 2, end = s + (len >> 2); s < end; s++, d++) w[d] = i32[s]
      } else for (let i = 0; i < len; i++) dst[dstOffset + i] = u8[addr + i]
      return true
    },
    copyToUser(addr, src, srcOffset, len) {
      // ASan first: an overrun is reported (and cut to the object) even where the bytes past it are unmapped
      if (asan !== undefined && (addr < runtimeArea[0] || addr >= runtimeArea[1])) len = asan.write(addr, len)
      if (!mapped(addr, len)) return false
      if (len > 64) u8.set(src.subarray(srcOffset, srcOffset + len), addr)
      else if (((addr | srcOffset | len) & 3) === 0 && wordsOf(src) !== null) {
        const w = other32!
        for (let d = addr >> 2, s = srcOffset >> 2, end = d + (len >> 2); d < end; s++, d++) i32[d] = w[s]
      } else for (let i = 0; i < len; i++) u8[addr + i] = src[srcOffset + i]
      return true
    },
  }
}
