/**
 * A CPU's RX queue when the NIC replays a capture it holds in kernel memory (a pcap, a frame
 * list, frames replayed in a loop: frame-pool.ts). RSS is the NIC's hardware and the frames are
 * in its memory, so which frames reach which CPU, and in which order, is known before the first
 * one is sent: each CPU's queue is its list of frames for one pass over the capture (the frames of
 * its flows, in capture order), repeated pass after pass. The CPU takes its frames itself as the
 * NIC releases them (a counter of released frames, moved at once or at a rate): no producer
 * thread hashes, copies or queues anything per packet, so each CPU can have a host core to
 * itself, as it would with a real NIC.
 *
 * A program that may rewrite its packet gets a copy: the CPU copies each frame from the NIC's
 * memory into its own buffer first (one buffer reused packet after packet, as a page pool
 * recycles its page, so it stays in the CPU's cache), and the capture stays as it was for the
 * next pass. A program proven never to write its packet (analyseProgram's packetWrites) runs on
 * the NIC's frame in place, as on real hardware, where the frame is where the NIC wrote it.
 *
 * Layout (byte offsets from the queue's address, 64-aligned; little-endian i32 words):
 *   0    magic "RXR1", E = entries (frames per pass for this CPU), n = frames per pass (the
 *        capture), count = frames in the run, bufferBytes, T = positions in the whole run
 *   64   released: frames of the run the NIC has released (frame tags below it)
 *   128  stopped flag, 192 consumer position (released buffers, for observers)
 *   256  entries: the descriptors of one pass (rx-queue.ts: the frame's address, in place or in
 *        the CPU's buffer; its length; its address in the capture when copied; its tag within
 *        the pass), 16 bytes each
 *   then the CPU's buffer (when copying): headroom, the largest frame, tailroom
 */
import type { Kernel } from '../kernel/kernel'
import type { FramePool } from './frame-pool'
import { XDP_PACKET_HEADROOM } from './packets'
import { align64, DESC_FRAME, DESC_LENGTH, DESC_SOURCE, DESC_TAG, DESC_WORDS, NAPI_BUDGET, packetBufferBytes, takeFrame, type RxRing } from './rx-queue'

const MAGIC = 0x31525852 // "RXR1"
const W_ENTRIES = 1
const W_PASS = 2
const W_COUNT = 3
const W_BUFFER = 4
const W_TOTAL = 5
const RELEASED = 16
const STOPPED = 32
const TAIL = 48
const HEADER_BYTES = 256

export class ReplayQueue implements RxRing {
  readonly bufferBytes: number
  private readonly i32: Int32Array
  private readonly words: Int32Array
  private readonly u8: Uint8Array
  private readonly entries: number
  private readonly pass: number
  private readonly count: number
  private readonly total: number
  /** Word index of entry 0's descriptor. */
  private readonly entryW: number

  /**
   * CPU `cpu`'s queue for `count` frames replayed from `pool` (frame i of the run is pool frame
   * i % pool.size) with frames up to `maxFrame` bytes, copied for the program unless `inPlace`.
   * kfree `addr` after the run.
   */
  static place(kernel: Kernel, pool: FramePool, cpu: number, count: number, maxFrame: number, inPlace = false): { queue: ReplayQueue; addr: number } {
    const mine: number[] = []
    for (let i = 0; i < pool.size; i++) if (pool.queue(i) === cpu) mine.push(i)
    const bufferBytes = packetBufferBytes(maxFrame)
    const addr = kernel.kmalloc(HEADER_BYTES + mine.length * DESC_WORDS * 4 + (inPlace ? 0 : align64(bufferBytes)), 64)
    if (addr === 0) throw new Error(`kernel out of memory for a ${mine.length}-frame replay queue`)
    const words = new Int32Array(kernel.sab, addr, HEADER_BYTES / 4 + mine.length * DESC_WORDS)
    words.fill(0)
    const ownFrame = ownFrameOf(addr, mine.length)
    mine.forEach((frame, k) => {
      const w = HEADER_BYTES / 4 + k * DESC_WORDS
      words[w + DESC_FRAME] = inPlace ? pool.addr(frame) : ownFrame
      words[w + DESC_LENGTH] = pool.length(frame)
      words[w + DESC_SOURCE] = inPlace ? 0 : pool.addr(frame)
      words[w + DESC_TAG] = frame
    })
    // positions in the run: whole passes, then this CPU's frames of the last, partial pass
    const passes = Math.floor(count / pool.size)
    const rest = count - passes * pool.size
    words[W_ENTRIES] = mine.length
    words[W_PASS] = pool.size
    words[W_COUNT] = count
    words[W_BUFFER] = bufferBytes
    words[W_TOTAL] = passes * mine.length + mine.filter((frame) => frame < rest).length
    Atomics.store(words, 0, MAGIC)
    return { queue: new ReplayQueue(kernel.sab, addr), addr }
  }

  constructor(sab: SharedArrayBuffer, offset: number) {
    this.i32 = new Int32Array(sab, offset, HEADER_BYTES / 4)
    if (Atomics.load(this.i32, 0) !== MAGIC) throw new Error(`no replay queue at ${offset}`)
    this.entries = this.i32[W_ENTRIES]
    this.pass = this.i32[W_PASS]
    this.count = this.i32[W_COUNT]
    this.bufferBytes = this.i32[W_BUFFER]
    this.total = this.i32[W_TOTAL]
    this.entryW = (offset + HEADER_BYTES) >> 2
    this.words = new Int32Array(sab, 0, sab.byteLength >> 2)
    this.u8 = new Uint8Array(sab)
  }

  /** Frames this CPU gets in the whole run. */
  get frames(): number {
    return this.total
  }

  // ---- the NIC ----------------------------------------------------------------------------------

  /** Releases the run's frames up to (not including) tag `upTo`, waking the CPU if it waits for them. */
  releaseUpTo(upTo: number): void {
    Atomics.store(this.i32, RELEASED, Math.min(upTo, this.count))
    Atomics.notify(this.i32, RELEASED)
  }

  /** Ends the queue now: the CPU takes nothing more (a stop; frames not yet taken are not processed). */
  stop(): void {
    Atomics.store(this.i32, STOPPED, 1)
    Atomics.notify(this.i32, RELEASED)
  }

  // ---- the CPU ----------------------------------------------------------------------------------

  tail(): number {
    return Atomics.load(this.i32, TAIL)
  }

  available(pos: number): number {
    if (pos >= this.total || Atomics.load(this.i32, STOPPED) !== 0) return 0
    const released = Atomics.load(this.i32, RELEASED)
    if (released >= this.count) return this.total - pos
    // paced: the frames whose tag the NIC has released, a few polls' worth at a time
    let n = 0
    while (n < 4 * NAPI_BUDGET && pos + n < this.total && this.tagAt(pos + n) < released) n++
    return n
  }

  ready(pos: number, spin = 500): number {
    for (;;) {
      let n = this.available(pos)
      for (let i = 0; n === 0 && i < spin; i++) n = this.available(pos)
      if (n > 0 || pos >= this.total || Atomics.load(this.i32, STOPPED) !== 0) return n
      Atomics.wait(this.i32, RELEASED, Atomics.load(this.i32, RELEASED), 100)
    }
  }

  descriptor(pos: number): number {
    return this.entryW + (pos % this.entries) * DESC_WORDS
  }

  contiguous(pos: number): number {
    return this.entries - (pos % this.entries)
  }

  frameAt(pos: number): number {
    return takeFrame(this.words, this.u8, this.descriptor(pos))
  }

  lengthAt(pos: number): number {
    return this.words[this.descriptor(pos) + DESC_LENGTH]
  }

  tagAt(pos: number): number {
    return Math.floor(pos / this.entries) * this.pass + this.words[this.descriptor(pos) + DESC_TAG]
  }

  /** This CPU's positions in the run before the frame tagged `tag` (its frames with smaller tags). */
  positionsBefore(tag: number): number {
    const passNo = Math.floor(tag / this.pass)
    const inPass = tag - passNo * this.pass
    let k = 0
    while (k < this.entries && this.words[this.entryW + k * DESC_WORDS + DESC_TAG] < inPass) k++
    return Math.min(this.total, passNo * this.entries + k)
  }

  release(pos: number): void {
    Atomics.store(this.i32, TAIL, pos)
  }

}

/** Where a copying queue at `addr` with `entries` descriptors keeps the frame it copies (its one buffer, after the headroom). */
function ownFrameOf(addr: number, entries: number): number {
  return addr + HEADER_BYTES + entries * DESC_WORDS * 4 + XDP_PACKET_HEADROOM
}
