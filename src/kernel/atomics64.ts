/**
 * A true 64-bit atomic add on kernel memory, for BPF's `lock xadd` (`__sync_fetch_and_add` on a
 * __u64 with the result unused: every packet counter). JavaScript has no 64-bit atomic on
 * numbers: BigInt64Array's Atomics.add allocates bigints, and two Int32 adds with a carry (the
 * fallback in generated code) are exact in the end but let a reader catch a torn value at a
 * 2^32 wrap and cost two of V8's Atomics calls (~8 ns each here; `lock xadd` is ~2 ns).
 * WebAssembly has the instruction itself (i64.atomic.rmw.add), on a shared memory: so the
 * kernel's memory can be a shared WebAssembly.Memory (its buffer is an ordinary
 * SharedArrayBuffer to everyone else), and a CPU calls this 40-byte module instead.
 *
 * The module is written out by hand (no toolchain for one instruction):
 *   (module (import "k" "m" (memory pages pages shared))
 *     (func (export "add") (param $addr i32) (param $x f64)
 *       (drop (i64.atomic.rmw.add (local.get $addr) (i64.trunc_f64_s (local.get $x)))))
 *     (func (export "add2") (param $a i32) (param $x f64) (param $b i32) (param $y f64)
 *       (drop (i64.atomic.rmw.add (local.get $a) (i64.trunc_f64_s (local.get $x))))
 *       (drop (i64.atomic.rmw.add (local.get $b) (i64.trunc_f64_s (local.get $y))))))
 * add2 is two consecutive `lock xadd`s in one call, as the JIT emits
 * `__sync_fetch_and_add(&rec->rx_packets, 1); __sync_fetch_and_add(&rec->rx_bytes, len);`: a core
 * that owns the counters' cache line does both adds before another core can take the line,
 * where two calls leave it a window between them (measured with 2 CPUs on one ARRAY counter:
 * 24.4 vs 28.4 M packets/s, best of 5). The caller checks the addresses (in memory, 8-aligned)
 * and that x and y are integers, |x| < 2^63.
 */

const WASM_PAGE = 65536

/** Shared kernel memory of `bytes`: a WebAssembly.Memory's buffer when `wasm` and the size allows, else a plain SharedArrayBuffer. */
export function kernelBuffer(bytes: number, wasm: boolean): { sab: SharedArrayBuffer; memory: WebAssembly.Memory | null } {
  if (wasm && bytes % WASM_PAGE === 0 && typeof WebAssembly === 'object') {
    try {
      const pages = bytes / WASM_PAGE
      const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true })
      return { sab: memory.buffer as unknown as SharedArrayBuffer, memory }
    } catch {
      // no room for another wasm memory (address space reservations): plain memory works the same
    }
  }
  return { sab: new SharedArrayBuffer(bytes), memory: null }
}

export interface AtomicAdders {
  /** Atomically adds the integer x to the 64-bit word at byte address addr. */
  add(addr: number, x: number): void
  /** add(a, x), then add(b, y), back to back. */
  add2(a: number, x: number, b: number, y: number): void
}

/** The 64-bit atomic adds on `memory`'s words. */
export function atomicAdders(memory: WebAssembly.Memory): AtomicAdders {
  const pages = memory.buffer.byteLength / WASM_PAGE
  const leb = (n: number): number[] => {
    const out: number[] = []
    do {
      let b = n & 0x7f
      n >>>= 7
      if (n !== 0) b |= 0x80
      out.push(b)
    } while (n !== 0)
    return out
  }
  const section = (id: number, body: number[]) => [id, ...leb(body.length), ...body]
  const name = (s: string) => [s.length, ...Array.from(s, (c) => c.charCodeAt(0))]
  // get address; get x; i64.trunc_f64_s; i64.atomic.rmw.add align=8 offset=0; drop
  const xadd = (addr: number, x: number) => [0x20, addr, 0x20, x, 0xb0, 0xfe, 0x1f, 3, 0, 0x1a]
  const add = [0, ...xadd(0, 1), 0x0b] // no locals; ...; end
  const add2 = [0, ...xadd(0, 1), ...xadd(2, 3), 0x0b]
  const bytes = new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [2, 0x60, 2, 0x7f, 0x7c, 0, 0x60, 4, 0x7f, 0x7c, 0x7f, 0x7c, 0]), // types: (i32, f64) -> (), (i32, f64, i32, f64) -> ()
    ...section(2, [1, ...name('k'), ...name('m'), 2, 3, ...leb(pages), ...leb(pages)]), // import shared memory
    ...section(3, [2, 0, 1]),
    ...section(7, [2, ...name('add'), 0, 0, ...name('add2'), 0, 1]),
    ...section(10, [2, add.length, ...add, add2.length, ...add2]),
  ])
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes), { k: { m: memory } })
  return { add: exports.add as AtomicAdders['add'], add2: exports.add2 as AtomicAdders['add2'] }
}
