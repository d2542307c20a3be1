/**
 * The packet ring that feeds the simulated CPUs: fixed-size slots in a region of the kernel's
 * SharedArrayBuffer, filled by one or more producers (the traffic source) and drained by N
 * consumers (CPU workers), with no lock. It plays the part of a NIC's RX ring: a CPU takes the
 * next packet, runs the XDP program on it in place (ctx->data points into the slot) and releases
 * the slot for reuse.
 *
 * The algorithm is Dmitry Vyukov's bounded MPMC queue. Every slot has a sequence word; a producer
 * claims position p with a compare-and-swap on the enqueue counter when slot p's sequence is p,
 * writes the packet, then publishes it by storing p+1. A consumer claims position p when the
 * sequence is p+1, and its release stores p+slots, handing the slot to the producer one lap
 * later. Atomics give the ordering: the packet bytes written before the publishing store are
 * visible to whoever reads that store, so no consumer sees a torn packet. Counters are 32-bit and
 * wrap; slots is a power of two so wrapping keeps slot = position & (slots-1).
 *
 * Region layout (byte offsets from `offset`, which must be 8-aligned; words are little-endian i32):
 *
 *   0   header, 64 bytes: magic, slots, slotSize, headroom, enqueue position, dequeue position,
 *       push epoch, release epoch, waiting consumers, waiting producers, closed
 *   64  slot 0: [sequence][length][tag][owned] 16 bytes, `headroom` bytes, then packet data
 *   64 + slotSize: slot 1 ...
 *
 * The headroom (default 256, the kernel's XDP_PACKET_HEADROOM) is free space in front of the
 * packet, where bpf_xdp_adjust_head can grow it, as in a real driver's buffer.
 *
 * `format` writes a fresh ring into the region; `new PacketRing(sab, offset)` attaches to one
 * (in any worker). The blocking variants (`pushWait`, `takeWait`) use Atomics.wait, which browsers
 * allow in workers only; the non-blocking `push`/`take` work everywhere.
 */

export const RING_HEADER_BYTES = 64
export const SLOT_HEADER_BYTES = 16
/** The kernel's XDP_PACKET_HEADROOM. */
export const XDP_PACKET_HEADROOM = 256

const MAGIC = 0x50524e47 // "PRNG"
// Header word indices.
const H_MAGIC = 0
const H_SLOTS = 1
const H_SLOT_SIZE = 2
const H_HEADROOM = 3
const H_ENQUEUE = 4
const H_DEQUEUE = 5
const H_PUSH_EPOCH = 6
const H_RELEASE_EPOCH = 7
const H_WAITING_CONSUMERS = 8
const H_WAITING_PRODUCERS = 9
const H_CLOSED = 10
// Slot header word indices.
const S_SEQUENCE = 0
const S_LENGTH = 1
const S_TAG = 2
const S_OWNED = 3

export interface PacketRingOptions {
  /** Free bytes in front of each packet (default 256, XDP_PACKET_HEADROOM). */
  headroom?: number
}

export class PacketRing {
  readonly slots: number
  readonly slotSize: number
  readonly headroom: number
  /** Largest packet a slot holds. */
  readonly capacity: number
  private readonly mask: number
  private readonly i32: Int32Array
  private readonly u8: Uint8Array
  /** i32 index of slot 0's header. */
  private readonly slotBase: number
  private readonly slotWords: number

  /** Bytes a ring of `slots` slots of `slotSize` bytes occupies. */
  static bytesNeeded(slots: number, slotSize: number): number {
    return RING_HEADER_BYTES + slots * slotSize
  }

  /**
   * Writes an empty ring into sab[offset, offset + bytesNeeded) and attaches to it. Do this once,
   * before any producer or consumer attaches; it discards whatever the region held.
   */
  static format(sab: SharedArrayBuffer, offset: number, slots: number, slotSize: number, options: PacketRingOptions = {}): PacketRing {
    const headroom = options.headroom ?? XDP_PACKET_HEADROOM
    if (!Number.isInteger(offset) || offset < 0 || offset % 8) throw new RangeError(`ring offset ${offset} must be a multiple of 8`)
    if (!Number.isInteger(slots) || slots < 1 || slots > 1 << 30 || (slots & (slots - 1)) !== 0) {
      throw new RangeError(`ring slots ${slots} must be a power of two`)
    }
    if (!Number.isInteger(slotSize) || slotSize % 8 || slotSize <= SLOT_HEADER_BYTES) throw new RangeError(`slot size ${slotSize} must be a multiple of 8 above ${SLOT_HEADER_BYTES}`)
    if (!Number.isInteger(headroom) || headroom < 0 || SLOT_HEADER_BYTES + headroom >= slotSize) {
      throw new RangeError(`headroom ${headroom} leaves no room for data in a ${slotSize}-byte slot`)
    }
    const end = offset + PacketRing.bytesNeeded(slots, slotSize)
    if (end > sab.byteLength) throw new RangeError(`ring needs bytes ${offset}..${end}, the buffer has ${sab.byteLength}`)
    const i32 = new Int32Array(sab, offset, (end - offset) / 4)
    i32.fill(0)
    const slotWords = slotSize / 4
    for (let s = 0; s < slots; s++) i32[RING_HEADER_BYTES / 4 + s * slotWords + S_SEQUENCE] = s
    i32[H_SLOTS] = slots
    i32[H_SLOT_SIZE] = slotSize
    i32[H_HEADROOM] = headroom
    // Published last: an attacher that sees the magic sees the rest.
    Atomics.store(i32, H_MAGIC, MAGIC)
    return new PacketRing(sab, offset)
  }

  /** Attaches to a ring that `format` wrote at sab[offset]. */
  constructor(
    readonly sab: SharedArrayBuffer,
    readonly offset: number,
  ) {
    if (!Number.isInteger(offset) || offset < 0 || offset % 8 || offset + RING_HEADER_BYTES > sab.byteLength) {
      throw new RangeError(`no packet ring at offset ${offset}`)
    }
    const header = new Int32Array(sab, offset, RING_HEADER_BYTES / 4)
    if (Atomics.load(header, H_MAGIC) !== MAGIC) throw new Error(`no packet ring at offset ${offset} (call PacketRing.format first)`)
    this.slots = header[H_SLOTS]
    this.slotSize = header[H_SLOT_SIZE]
    this.headroom = header[H_HEADROOM]
    this.capacity = this.slotSize - SLOT_HEADER_BYTES - this.headroom
    this.mask = this.slots - 1
    this.i32 = new Int32Array(sab, offset, PacketRing.bytesNeeded(this.slots, this.slotSize) / 4)
    this.u8 = new Uint8Array(sab)
    this.slotBase = RING_HEADER_BYTES / 4
    this.slotWords = this.slotSize / 4
  }

  /**
   * Copies a packet into the next free slot. False when the ring is full (the packet is not
   * queued: the caller drops it, as a NIC does, or retries). Throws if the packet exceeds
   * `capacity` or the ring is closed.
   */
  push(bytes: Uint8Array, tag = 0): boolean {
    if (bytes.length > this.capacity) throw new RangeError(`packet of ${bytes.length} bytes does not fit a ring slot (capacity ${this.capacity})`)
    if (Atomics.load(this.i32, H_CLOSED)) throw new Error('push on a closed packet ring')
    const i32 = this.i32
    let pos = Atomics.load(i32, H_ENQUEUE)
    let word: number
    for (;;) {
      word = this.slotBase + (pos & this.mask) * this.slotWords
      const dif = (Atomics.load(i32, word + S_SEQUENCE) - pos) | 0
      if (dif === 0) {
        const seen = Atomics.compareExchange(i32, H_ENQUEUE, pos, (pos + 1) | 0)
        if (seen === pos) break
        pos = seen
      } else if (dif < 0) {
        return false // the slot one lap back is still being consumed: full
      } else {
        pos = Atomics.load(i32, H_ENQUEUE)
      }
    }
    i32[word + S_LENGTH] = bytes.length
    i32[word + S_TAG] = tag
    this.u8.set(bytes, this.offset + word * 4 + SLOT_HEADER_BYTES + this.headroom)
    Atomics.store(i32, word + S_SEQUENCE, (pos + 1) | 0) // publish
    Atomics.add(i32, H_PUSH_EPOCH, 1)
    if (Atomics.load(i32, H_WAITING_CONSUMERS) > 0) Atomics.notify(i32, H_PUSH_EPOCH, 1)
    return true
  }

  /** Like push, but waits (up to timeoutMs) for a free slot. False on timeout. Workers only in browsers. */
  pushWait(bytes: Uint8Array, tag = 0, timeoutMs = Infinity): boolean {
    const deadline = performance.now() + timeoutMs
    for (;;) {
      if (this.push(bytes, tag)) return true
      const i32 = this.i32
      Atomics.add(i32, H_WAITING_PRODUCERS, 1)
      // Read the epoch before the last try: a release after that try changes it, so wait cannot miss it.
      const epoch = Atomics.load(i32, H_RELEASE_EPOCH)
      if (this.push(bytes, tag)) {
        Atomics.sub(i32, H_WAITING_PRODUCERS, 1)
        return true
      }
      const left = deadline - performance.now()
      if (left > 0) Atomics.wait(i32, H_RELEASE_EPOCH, epoch, left)
      Atomics.sub(i32, H_WAITING_PRODUCERS, 1)
      if (left <= 0) return false
    }
  }

  /** Claims the oldest queued packet: its slot index, or -1 when the ring is empty. */
  take(): number {
    const i32 = this.i32
    let pos = Atomics.load(i32, H_DEQUEUE)
    for (;;) {
      const slot = pos & this.mask
      const word = this.slotBase + slot * this.slotWords
      const dif = (Atomics.load(i32, word + S_SEQUENCE) - ((pos + 1) | 0)) | 0
      if (dif === 0) {
        const seen = Atomics.compareExchange(i32, H_DEQUEUE, pos, (pos + 1) | 0)
        if (seen === pos) {
          Atomics.store(i32, word + S_OWNED, 1)
          return slot
        }
        pos = seen
      } else if (dif < 0) {
        return -1 // not yet published: empty
      } else {
        pos = Atomics.load(i32, H_DEQUEUE)
      }
    }
  }

  /**
   * Like take, but waits (up to timeoutMs) for a packet. -1 on timeout, or once the ring is
   * closed and drained. Workers only in browsers.
   */
  takeWait(timeoutMs = Infinity): number {
    const deadline = performance.now() + timeoutMs
    const i32 = this.i32
    for (;;) {
      let slot = this.take()
      if (slot >= 0) return slot
      if (Atomics.load(i32, H_CLOSED)) return this.take() // pushes before close() are visible now
      Atomics.add(i32, H_WAITING_CONSUMERS, 1)
      const epoch = Atomics.load(i32, H_PUSH_EPOCH)
      slot = this.take()
      if (slot >= 0 || Atomics.load(i32, H_CLOSED)) {
        Atomics.sub(i32, H_WAITING_CONSUMERS, 1)
        return slot >= 0 ? slot : this.take()
      }
      const left = deadline - performance.now()
      if (left > 0) Atomics.wait(i32, H_PUSH_EPOCH, epoch, left)
      Atomics.sub(i32, H_WAITING_CONSUMERS, 1)
      if (left <= 0) return -1
    }
  }

  /** Byte offset in the SharedArrayBuffer of the taken slot's first packet byte (ctx->data). */
  dataOffset(slot: number): number {
    return this.offset + (this.slotBase + slot * this.slotWords) * 4 + SLOT_HEADER_BYTES + this.headroom
  }

  /** Packet length in bytes (ctx->data_end - ctx->data). */
  length(slot: number): number {
    return this.i32[this.slotBase + slot * this.slotWords + S_LENGTH]
  }

  /** The tag given to push (a packet number, for tracing). */
  tag(slot: number): number {
    return this.i32[this.slotBase + slot * this.slotWords + S_TAG]
  }

  /** A view of the packet bytes in shared memory (valid until release). */
  bytes(slot: number): Uint8Array {
    const start = this.dataOffset(slot)
    return this.u8.subarray(start, start + this.length(slot))
  }

  /** Gives a taken slot back to the producers. Throws if the slot is not currently taken. */
  release(slot: number): void {
    if (!Number.isInteger(slot) || slot < 0 || slot >= this.slots) throw new RangeError(`no ring slot ${slot}`)
    const i32 = this.i32
    const word = this.slotBase + slot * this.slotWords
    if (Atomics.compareExchange(i32, word + S_OWNED, 1, 0) !== 1) throw new Error(`release of ring slot ${slot}, which is not taken`)
    // Taken at position p, the sequence is p+1; p+slots hands the slot to the producer one lap on.
    const sequence = Atomics.load(i32, word + S_SEQUENCE)
    Atomics.store(i32, word + S_SEQUENCE, (sequence + this.slots - 1) | 0)
    Atomics.add(i32, H_RELEASE_EPOCH, 1)
    if (Atomics.load(i32, H_WAITING_PRODUCERS) > 0) Atomics.notify(i32, H_RELEASE_EPOCH)
  }

  /** No more packets will come: waiting consumers drain what is queued, then get -1. */
  close(): void {
    Atomics.store(this.i32, H_CLOSED, 1)
    Atomics.add(this.i32, H_PUSH_EPOCH, 1)
    Atomics.notify(this.i32, H_PUSH_EPOCH)
  }

  get closed(): boolean {
    return Atomics.load(this.i32, H_CLOSED) !== 0
  }

  /** Packets pushed and not yet taken (a snapshot; others may be moving it). */
  queued(): number {
    const n = (Atomics.load(this.i32, H_ENQUEUE) - Atomics.load(this.i32, H_DEQUEUE)) | 0
    return Math.max(0, Math.min(n, this.slots))
  }
}
