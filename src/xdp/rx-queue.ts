/**
 * One CPU's RX queue in parallel mode: a single-producer single-consumer ring of packet
 * buffers in kernel memory, filled by the NIC (the run's producer thread) and drained by one
 * CPU worker, the way a driver's RX ring and its NAPI poll work: the NIC writes descriptors and
 * moves the tail once per batch; the CPU processes everything published (at most a NAPI budget
 * at a time) and gives the buffers back once per batch. Packets must live in the kernel's
 * SharedArrayBuffer because programs read them through ctx->data like any kernel address; each
 * buffer has XDP_PACKET_HEADROOM before the frame (bpf_xdp_adjust_head) and XDP_TAILROOM after
 * the largest frame, as a driver's buffer has.
 *
 * Why not the general MPMC PacketRing: with one consumer per queue no compare-and-swap is needed,
 * and publishing per batch instead of per packet keeps the producer's and the consumer's
 * counters (each on its own cache line) from bouncing between cores for every packet. Measured
 * on the 2-core development VM, 64-byte frames from one thread to another: ~550 ns per packet
 * through PacketRing, ~140 ns through this. The descriptors (DESC_*: address, length, source,
 * tag) sit together in their own array, as a NIC's descriptor ring, so a CPU reads four of them per cache line instead of
 * one line per packet at the head of each buffer, and buffers start on a cache line.
 *
 * Frames staged in kernel memory (frame-pool.ts: a recorded capture the NIC replays) are not
 * copied by the NIC: it posts a descriptor with the frame's address (post), and the CPU copies
 * the bytes into the buffer when it takes the frame (frameAt). The one thread feeding every
 * queue then writes four words per frame, and the copies are spread over the CPUs, as a NIC's
 * DMA engine does the copying, not the host. There are more descriptors than buffers (place:
 * 8 times as many): a frame takes a buffer only while the CPU runs the program on it, so posts
 * can run that far ahead of the CPU (a woken CPU finds a long batch, and the NIC waits for a
 * full queue less often), while a frame written by value needs a buffer of its own until taken.
 * Position p's frame is in buffer p mod buffers: a CPU at position p has finished every earlier
 * frame, and the NIC writes a frame into a buffer only after the CPU released the position that
 * last used it.
 *
 * Sleeping: a side that waits sets its flag word (the consumer: 1; the producer: the free
 * buffers it needs) and re-checks before Atomics.wait; the other side clears the flag with an
 * exchange when it wakes it, so one wait costs one notify.
 *
 * Layout (byte offsets from `offset`, 64-aligned; words little-endian i32):
 *   0    head: positions published by the producer (wraps at 2^32); then slots (descriptors),
 *        bufferBytes, magic "RXQ1", buffers
 *   64   tail: positions released by the consumer
 *   128  closed flag, 160 producer-waiting (free positions wanted), 192 consumer-sleeping flag
 *   256  descriptors: 16 bytes per position, as DESC_* say (the frame's address is its
 *        buffer's, written once by format)
 *   then (64-aligned) the buffers, each: headroom, frame, tailroom, padded to 64 bytes
 */
import type { Kernel } from '../kernel/kernel'
import { XDP_PACKET_HEADROOM } from './packets'

/** Room after the largest frame (the kernel keeps skb_shared_info there: 320 bytes on x86-64). */
export const XDP_TAILROOM = 320

/** Bytes of one packet buffer: headroom, the largest frame, tailroom. */
export function packetBufferBytes(maxFrame: number): number {
  return (XDP_PACKET_HEADROOM + Math.max(maxFrame, 1518) + XDP_TAILROOM + 7) & ~7
}

const HEAD = 0
const TAIL = 16
const CLOSED = 32
const SLEEPING = 48
const PRODUCER_WAITING = 40
const HEADER_BYTES = 256
/**
 * A frame's descriptor, the same in both kinds of queue (RxQueue, ReplayQueue), so that a NAPI
 * poll reads them in one loop without a call per frame (XdpCpu.runQueue): four words, the
 * kernel address the program sees the frame at, its length, where to copy it from first (0: it
 * is there already) and its tag (its number in the stream, or in the replayed pass).
 */
export const DESC_FRAME = 0
export const DESC_LENGTH = 1
export const DESC_SOURCE = 2
export const DESC_TAG = 3
export const DESC_WORDS = 4
const DESC_BYTES = DESC_WORDS * 4
/** Packets a CPU processes before it gives buffers back (NAPI_POLL_WEIGHT). */
export const NAPI_BUDGET = 64

/**
 * What a CPU's NAPI poll needs of its RX queue: RxQueue, or ReplayQueue (replay-queue.ts) when the
 * NIC replays a capture it holds in kernel memory. Positions count the queue's frames from 0.
 */
export interface RxRing {
  /** Bytes of a packet buffer: headroom, the largest frame, tailroom. */
  readonly bufferBytes: number
  /** Current consumer position. */
  tail(): number
  /** Waits for frames from `tail` on and returns how many are ready; 0 once there will be none. */
  ready(tail: number): number
  /** Frames ready from `tail` on, without waiting. */
  available(tail: number): number
  /**
   * Word index (in the kernel memory's Int32Array) of the descriptor of position `pos`; those of
   * the positions after it follow, up to contiguous(pos) positions in all.
   */
  descriptor(pos: number): number
  contiguous(pos: number): number
  /** Kernel address of the frame at `pos`, ready for the program (once per position, in order). */
  frameAt(pos: number): number
  lengthAt(pos: number): number
  tagAt(pos: number): number
  /** The frames before `tail` are done. */
  release(tail: number): void
}

export class RxQueue implements RxRing {
  /** Descriptors (positions the NIC can be ahead of the CPU) and packet buffers (at most as many). */
  readonly slots: number
  readonly buffers: number
  readonly bufferBytes: number
  private readonly i32: Int32Array
  private readonly words: Int32Array
  private readonly u8: Uint8Array
  private readonly mask: number
  private readonly bufferMask: number
  /** Word index of descriptor 0; byte address of buffer 0's frame; bytes from one buffer to the next. */
  private readonly descW: number
  private readonly frame0: number
  private readonly stride: number
  /** Producer: its own head (it alone moves HEAD), buffers not yet published, the consumer's tail as last read. */
  private head = 0
  private headKnown = false
  private pending = 0
  private seenTail = 0

  /** A queue in kernel memory for frames up to maxFrame bytes (kfree `addr` after the run). */
  static place(kernel: Kernel, maxFrame: number): { queue: RxQueue; addr: number } {
    const bytes = packetBufferBytes(maxFrame)
    const buffers = bytes > 4096 ? 128 : 512
    const slots = buffers * 8
    const addr = kernel.kmalloc(RxQueue.bytesNeeded(slots, bytes, buffers), 64)
    if (addr === 0) throw new Error(`kernel out of memory for a ${buffers}-buffer RX queue`)
    return { queue: RxQueue.format(kernel.sab, addr, slots, bytes, buffers), addr }
  }

  static bytesNeeded(slots: number, bufferBytes: number, buffers = slots): number {
    return HEADER_BYTES + align64(slots * DESC_BYTES) + buffers * align64(bufferBytes)
  }

  /**
   * A queue of `slots` descriptors and `buffers` buffers (powers of two, buffers <= slots) of
   * `bufferBytes` (headroom + frame + tailroom) at sab[offset].
   */
  static format(sab: SharedArrayBuffer, offset: number, slots: number, bufferBytes: number, buffers = slots): RxQueue {
    const pow2 = (n: number) => n >= 2 && (n & (n - 1)) === 0
    if (offset % 64 !== 0 || !pow2(slots) || !pow2(buffers) || buffers > slots || bufferBytes % 8 !== 0) throw new RangeError('bad RX queue geometry')
    new Int32Array(sab, offset, HEADER_BYTES / 4).fill(0)
    const i32 = new Int32Array(sab, offset, 5)
    i32[1] = slots
    i32[2] = bufferBytes
    i32[4] = buffers
    Atomics.store(i32, 3, 0x52585131) // "RXQ1"
    // (no one has the queue before format returns it)
    const queue = new RxQueue(sab, offset)
    for (let slot = 0; slot < slots; slot++) queue.words[queue.descW + DESC_WORDS * slot + DESC_FRAME] = queue.frame0 + (slot & queue.bufferMask) * queue.stride
    return queue
  }

  constructor(
    readonly sab: SharedArrayBuffer,
    readonly offset: number,
  ) {
    const hdr = new Int32Array(sab, offset, 5)
    if (Atomics.load(hdr, 3) !== 0x52585131) throw new Error(`no RX queue at ${offset}`)
    this.slots = hdr[1]
    this.bufferBytes = hdr[2]
    this.buffers = hdr[4]
    this.mask = this.slots - 1
    this.bufferMask = this.buffers - 1
    this.stride = align64(this.bufferBytes)
    this.descW = (offset + HEADER_BYTES) >> 2
    this.frame0 = offset + HEADER_BYTES + align64(this.slots * DESC_BYTES) + XDP_PACKET_HEADROOM
    this.i32 = new Int32Array(sab, offset, HEADER_BYTES / 4)
    this.words = new Int32Array(sab, 0, sab.byteLength >> 2)
    this.u8 = new Uint8Array(sab)
  }

  // ---- producer ---------------------------------------------------------------------------------

  /**
   * Writes a frame into the next free buffer; false when no buffer is free (roomForWrite
   * positions must be: waitForRoom). Call publish() after a batch.
   */
  write(frame: Uint8Array, tag: number): boolean {
    const slot = this.nextSlot(frame.length, this.buffers)
    if (slot < 0) return false
    this.describe(slot, frame.length, tag, 0)
    this.u8.set(frame, this.words[this.descW + DESC_WORDS * slot + DESC_FRAME])
    return true
  }

  /** Free positions a write needs (its buffer is free once the CPU is this close behind). */
  get roomForWrite(): number {
    return this.slots - this.buffers + 1
  }

  /**
   * Queues the frame of `length` bytes staged at kernel address `addr` (it must stay there until
   * the CPU has taken it); the CPU copies it into the buffer. False when the queue is full.
   */
  post(addr: number, length: number, tag: number): boolean {
    const slot = this.nextSlot(length, this.slots)
    if (slot < 0) return false
    this.describe(slot, length, tag, addr)
    return true
  }

  /** The next position's slot for a frame of `length` bytes, or -1 when `limit` positions are queued already. */
  private nextSlot(length: number, limit: number): number {
    if (!this.headKnown) {
      this.head = Atomics.load(this.i32, HEAD)
      this.headKnown = true
    }
    const head = (this.head + this.pending) | 0
    // Re-read the consumer's line only when the last value seen says full.
    if (((head - this.seenTail) | 0) >= limit) {
      this.seenTail = Atomics.load(this.i32, TAIL)
      if (((head - this.seenTail) | 0) >= limit) return -1
    }
    if (length > this.bufferBytes - XDP_PACKET_HEADROOM) throw new RangeError(`frame of ${length} bytes does not fit an RX buffer`)
    return head & this.mask
  }

  /** Fills the descriptor of the next position (published with the batch). */
  private describe(slot: number, length: number, tag: number, source: number): void {
    const d = this.descW + DESC_WORDS * slot
    this.words[d + DESC_LENGTH] = length
    this.words[d + DESC_SOURCE] = source
    this.words[d + DESC_TAG] = tag
    this.pending++
  }

  /**
   * Makes the written buffers visible to the CPU and wakes it if it sleeps, once at least
   * `wakeAt` buffers are waiting for it (interrupt coalescing: a NIC raises its interrupt after
   * rx-frames frames; whoever coalesces must publish with wakeAt 1 before it goes idle).
   */
  publish(wakeAt = 1): void {
    if (this.pending !== 0) {
      this.head = (Atomics.add(this.i32, HEAD, this.pending) + this.pending) | 0
      this.pending = 0
    } else if (!this.headKnown) return
    // (a CPU only sleeps on an empty queue, so its tail is the released one)
    if (Atomics.load(this.i32, SLEEPING) === 0) return
    const waiting = (this.head - Atomics.load(this.i32, TAIL)) | 0
    if (waiting >= (wakeAt > 1 ? wakeAt : 1) && Atomics.exchange(this.i32, SLEEPING, 0) !== 0) Atomics.notify(this.i32, HEAD)
  }

  /**
   * Waits (up to ms) until the CPU has freed at least `want` buffers (at most the queue's size):
   * spins briefly, then sleeps until the CPU's release wakes it.
   */
  waitForRoom(ms: number, want = 1, spin = 1000): void {
    const need = Math.max(1, Math.min(want, this.slots))
    const head = (Atomics.load(this.i32, HEAD) + this.pending) | 0
    const enough = () => this.slots - ((head - Atomics.load(this.i32, TAIL)) | 0) >= need
    for (let i = 0; i < spin; i++) if (enough()) return
    Atomics.store(this.i32, PRODUCER_WAITING, need)
    const tail = Atomics.load(this.i32, TAIL)
    if (!enough()) Atomics.wait(this.i32, TAIL, tail, ms)
    Atomics.store(this.i32, PRODUCER_WAITING, 0)
  }

  /** Every published frame has been taken and released by the CPU. */
  drained(): boolean {
    return Atomics.load(this.i32, HEAD) === Atomics.load(this.i32, TAIL)
  }

  close(): void {
    this.publish()
    Atomics.store(this.i32, CLOSED, 1)
    Atomics.notify(this.i32, HEAD)
  }

  // ---- consumer ---------------------------------------------------------------------------------

  /**
   * Waits for published buffers (spinning briefly, then sleeping) and returns how many are ready
   * from `tail` on; 0 once the queue is closed and drained.
   */
  ready(tail: number, spin = 500): number {
    const i32 = this.i32
    for (;;) {
      let n = (Atomics.load(i32, HEAD) - tail) | 0
      for (let i = 0; n === 0 && i < spin; i++) n = (Atomics.load(i32, HEAD) - tail) | 0
      if (n > 0) return n
      if (Atomics.load(i32, CLOSED) !== 0) {
        n = (Atomics.load(i32, HEAD) - tail) | 0
        if (n > 0) return n
        return 0
      }
      Atomics.store(i32, SLEEPING, 1)
      if (((Atomics.load(i32, HEAD) - tail) | 0) === 0 && Atomics.load(i32, CLOSED) === 0) Atomics.wait(i32, HEAD, tail, 100)
      Atomics.store(i32, SLEEPING, 0)
    }
  }

  /** Buffers published from `tail` on, without waiting (0 when none yet). */
  available(tail: number): number {
    return (Atomics.load(this.i32, HEAD) - tail) | 0
  }

  /** Current consumer position. */
  tail(): number {
    return Atomics.load(this.i32, TAIL)
  }

  descriptor(pos: number): number {
    return this.descW + DESC_WORDS * (pos & this.mask)
  }

  contiguous(pos: number): number {
    return this.slots - (pos & this.mask)
  }

  /** Kernel address of the frame in the buffer at position pos (copied there first when it was posted). */
  frameAt(pos: number): number {
    return takeFrame(this.words, this.u8, this.descriptor(pos))
  }

  lengthAt(pos: number): number {
    return this.words[this.descriptor(pos) + DESC_LENGTH]
  }

  tagAt(pos: number): number {
    return this.words[this.descriptor(pos) + DESC_TAG]
  }

  /** Gives buffers up to `tail` back to the producer, waking it once it has the room it waits for. */
  release(tail: number): void {
    Atomics.store(this.i32, TAIL, tail)
    const want = Atomics.load(this.i32, PRODUCER_WAITING)
    if (want !== 0 && this.slots - ((Atomics.load(this.i32, HEAD) - tail) | 0) >= want && Atomics.exchange(this.i32, PRODUCER_WAITING, 0) !== 0) {
      Atomics.notify(this.i32, TAIL)
    }
  }
}

/** Address of the frame of descriptor word `d`, copied there first when the descriptor says from where. */
export function takeFrame(words: Int32Array, u8: Uint8Array, d: number): number {
  const frame = words[d + DESC_FRAME]
  const source = words[d + DESC_SOURCE]
  if (source !== 0) copyFrame(words, u8, source, frame, words[d + DESC_LENGTH])
  return frame
}

/** Frames up to this many bytes are copied word by word. */
const SHORT_FRAME = 128

/**
 * Copies a frame of `length` bytes from kernel address `from` to `to`, both 4-aligned (a short
 * one word by word, up to 3 bytes past its end: staged frames and buffers have that room).
 */
export function copyFrame(words: Int32Array, u8: Uint8Array, from: number, to: number, length: number): void {
  if (length <= SHORT_FRAME) {
    // cheaper than copyWithin's call for the many minimum-size frames
    for (let s = from >> 2, d = to >> 2, end = s + ((length + 3) >> 2); s < end; s++, d++) words[d] = words[s]
  } else {
    u8.copyWithin(to, from, from + length)
  }
}

/** n rounded up to a cache line (64 bytes). */
export function align64(n: number): number {
  return (n + 63) & ~63
}
