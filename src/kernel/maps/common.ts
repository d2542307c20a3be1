/**
 * Small helpers shared by the map types: byte copies inside kernel memory with fast paths for
 * the common 4- and 8-byte keys and values, key comparison, u32 reads at any alignment, and
 * memory accounting per map.
 */
import type { KernelMemory } from '../memory'
import { D, type MapDesc } from './desc'

/** memcpy inside kernel memory (word loop when aligned: typed-array byte loops are slow). */
export function kcopy(mem: KernelMemory, dst: number, src: number, len: number): void {
  if (((dst | src | len) & 3) === 0 && len <= 1024) {
    const i32 = mem.i32
    const d = dst >> 2
    const s = src >> 2
    const n = len >> 2
    if (d > s) for (let i = n - 1; i >= 0; i--) i32[d + i] = i32[s + i]
    else for (let i = 0; i < n; i++) i32[d + i] = i32[s + i]
    return
  }
  if (len <= 16) {
    const u8 = mem.u8
    if (dst > src) for (let i = len - 1; i >= 0; i--) u8[dst + i] = u8[src + i]
    else for (let i = 0; i < len; i++) u8[dst + i] = u8[src + i]
    return
  }
  mem.u8.copyWithin(dst, src, src + len)
}

/** memset(dst, 0, len) */
export function kzero(mem: KernelMemory, dst: number, len: number): void {
  if (len === 4 && (dst & 3) === 0) {
    mem.i32[dst >> 2] = 0
    return
  }
  mem.u8.fill(0, dst, dst + len)
}

/** memcmp(a, b, len) == 0 */
export function keyEq(mem: KernelMemory, a: number, b: number, len: number): boolean {
  if (((a | b | len) & 3) === 0) {
    const i32 = mem.i32
    const wa = a >> 2
    const wb = b >> 2
    const n = len >> 2
    for (let i = 0; i < n; i++) if (i32[wa + i] !== i32[wb + i]) return false
    return true
  }
  const u8 = mem.u8
  for (let i = 0; i < len; i++) if (u8[a + i] !== u8[b + i]) return false
  return true
}

/** Little-endian u32 at any address. */
export function readU32(mem: KernelMemory, addr: number): number {
  if ((addr & 3) === 0) return mem.i32[addr >> 2] >>> 0
  const u8 = mem.u8
  return (u8[addr] | (u8[addr + 1] << 8) | (u8[addr + 2] << 16) | (u8[addr + 3] << 24)) >>> 0
}

export function writeU32(mem: KernelMemory, addr: number, v: number): void {
  if ((addr & 3) === 0) {
    mem.i32[addr >> 2] = v | 0
    return
  }
  const u8 = mem.u8
  u8[addr] = v & 255
  u8[addr + 1] = (v >>> 8) & 255
  u8[addr + 2] = (v >>> 16) & 255
  u8[addr + 3] = (v >>> 24) & 255
}

/** kmalloc charged to the map in slot word `w`. */
/**
 * A value from its kernel layout at `src` to userspace's layout at `dst` (both kernel addresses):
 * the per-CPU copies of a per-CPU value move from pcpuStride apart to stride apart
 * (bpf_map_value_size bytes in all); any other value is copied as it is.
 */
export function valueToUser(mem: KernelMemory, m: MapDesc, dst: number, src: number): void {
  if (!m.percpu) return kcopy(mem, dst, src, m.userValueSize)
  for (let c = 0; c < mem.ncpu; c++) kcopy(mem, dst + c * m.stride, src + c * m.pcpuStride, m.stride)
}

/** valueToUser the other way: userspace's layout at `src` into the kernel's at `dst`. */
export function valueFromUser(mem: KernelMemory, m: MapDesc, dst: number, src: number): void {
  if (!m.percpu) return kcopy(mem, dst, src, m.userValueSize)
  for (let c = 0; c < mem.ncpu; c++) kcopy(mem, dst + c * m.pcpuStride, src + c * m.stride, m.stride)
}

export function mapAlloc(mem: KernelMemory, w: number, size: number, align = 8): number {
  const a = mem.kmalloc(size, align)
  if (a !== 0) mem.i32[w + D.MEM] += mem.usableSize(a)
  return a
}

export function mapFree(mem: KernelMemory, w: number, addr: number): void {
  if (addr === 0) return
  mem.i32[w + D.MEM] -= mem.usableSize(addr)
  mem.kfree(addr)
}

/** roundup_pow_of_two (exact for any u32). */
export function roundupPow2(n: number): number {
  let p = 1
  while (p < n) p *= 2
  return p
}

export function log2(n: number): number {
  return Math.round(Math.log2(n))
}

/** Map flags that decide fd and program access (BPF_F_ACCESS_MASK). */
export const ACCESS_MASK = 0x8 | 0x10 | 0x80 | 0x100

/** bpf_map_flags_access_ok: RDONLY_PROG and WRONLY_PROG together are rejected. */
export function accessOk(flags: number): boolean {
  return (flags & (0x80 | 0x100)) !== (0x80 | 0x100)
}
