/** The kernel's memory as a shared WebAssembly.Memory, and its 64-bit atomic adds. */
import { describe, expect, it } from 'vitest'
import { atomicAdders, kernelBuffer } from './atomics64'
import { Kernel } from './kernel'

describe('64-bit atomic add on wasm-backed kernel memory', () => {
  it('backs the kernel with a WebAssembly.Memory only when asked and the size is whole pages', () => {
    const k = Kernel.create({ possibleCpus: 2, memoryBytes: 4 << 20, wasmAtomics: true })
    expect(k.memory).toBeInstanceOf(WebAssembly.Memory)
    expect(k.memory!.buffer).toBe(k.sab)
    expect(k.sab).toBeInstanceOf(SharedArrayBuffer)
    expect(Kernel.create({ possibleCpus: 2, memoryBytes: 4 << 20 }).memory).toBeNull()
    expect(kernelBuffer((4 << 20) + 8, true).memory).toBeNull()
    expect(() => Kernel.attach(k.sab, Kernel.create({ possibleCpus: 1, memoryBytes: 4 << 20, wasmAtomics: true }).memory)).toThrow(/not the kernel buffer/)
  })

  it('adds exactly, across 2^32 and 2^64 wraps, with negative and large addends', () => {
    const { sab, memory } = kernelBuffer(1 << 16, true)
    const { add } = atomicAdders(memory!)
    const dv = new DataView(sab)
    const cases: [bigint, number][] = [
      [0n, 1],
      [0xffff_ffffn, 1],
      [0x1_0000_0000n, -1],
      [0xffff_ffff_ffff_ffffn, 1],
      [0n, -3],
      [5n, 2 ** 53],
      [0x7fff_ffff_0000_0000n, 0xffff_fff0],
    ]
    for (const [start, x] of cases) {
      dv.setBigUint64(64, start, true)
      dv.setBigUint64(72, 0x1234n, true)
      add(64, x)
      expect(dv.getBigUint64(64, true)).toBe(BigInt.asUintN(64, start + BigInt(x)))
      expect(dv.getBigUint64(72, true)).toBe(0x1234n) // the next word untouched
    }
  })

  it('adds a pair: the first word, then the second, each exactly', () => {
    const { sab, memory } = kernelBuffer(1 << 16, true)
    const { add2 } = atomicAdders(memory!)
    const dv = new DataView(sab)
    dv.setBigUint64(64, 0xffff_ffffn, true)
    dv.setBigUint64(72, 10n, true)
    dv.setBigUint64(80, 0x5555n, true)
    add2(64, 1, 72, -11)
    expect([dv.getBigUint64(64, true), dv.getBigUint64(72, true), dv.getBigUint64(80, true)]).toEqual([0x1_0000_0000n, 0xffff_ffff_ffff_ffffn, 0x5555n])
    // the same word twice adds both
    add2(80, 2, 80, 3)
    expect(dv.getBigUint64(80, true)).toBe(0x555an)
  })
})
