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
 *       (drop (i64.atomic.rmw.add (local.get $addr) (i64.trunc_f64_s (local.get $x))))))
 * The caller checks the address (in memory, 8-aligned) and that x is an integer, |x| < 2^63.
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

/** `add(addr, x)`: atomically adds the integer x to the 64-bit word at byte address addr of `memory`. */
export function atomicAdd64(memory: WebAssembly.Memory): (addr: number, x: number) => void {
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
  const body = [0, 0x20, 0, 0x20, 1, 0xb0, 0xfe, 0x1f, 3, 0, 0x1a, 0x0b] // locals; get addr; get x; i64.trunc_f64_s; i64.atomic.rmw.add align=8; drop; end
  const bytes = new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [1, 0x60, 2, 0x7f, 0x7c, 0]), // type: (i32, f64) -> ()
    ...section(2, [1, ...name('k'), ...name('m'), 2, 3, ...leb(pages), ...leb(pages)]), // import shared memory
    ...section(3, [1, 0]),
    ...section(7, [1, ...name('add'), 0, 0]),
    ...section(10, [1, body.length, ...body]),
  ])
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { k: { m: memory } })
  return instance.exports.add as (addr: number, x: number) => void
}
