/**
 * The per-CPU RX queue: buffers published per batch, drained in order with their tags, a full
 * queue refusing writes until the consumer releases, and close() ending the consumer. The
 * cross-thread path is exercised by run.test.ts (parallel mode).
 */
import { describe, expect, it } from 'vitest'
import { XDP_PACKET_HEADROOM } from './packets'
import { packetBufferBytes, RxQueue } from './rx-queue'

function queue(slots = 4) {
  const sab = new SharedArrayBuffer(1 << 20)
  return { sab, q: RxQueue.format(sab, 64, slots, packetBufferBytes(1514)) }
}

describe('RxQueue', () => {
  it('publishes written buffers in batches, in order, with their tags', () => {
    const { sab, q } = queue()
    expect(q.write(Uint8Array.from([1, 2, 3]), 10)).toBe(true)
    expect(q.write(Uint8Array.from([4, 5]), 11)).toBe(true)
    let pos = q.tail()
    q.publish()
    expect(q.ready(pos)).toBe(2)
    const u8 = new Uint8Array(sab)
    expect([q.lengthAt(pos), q.tagAt(pos), ...u8.subarray(q.frameAt(pos), q.frameAt(pos) + 3)]).toEqual([3, 10, 1, 2, 3])
    pos++
    expect([q.lengthAt(pos), q.tagAt(pos), ...u8.subarray(q.frameAt(pos), q.frameAt(pos) + 2)]).toEqual([2, 11, 4, 5])
    // buffers on cache lines, one after the other, after the queue's descriptors
    expect(q.frameAt(pos) - q.frameAt(pos - 1)).toBe(Math.ceil(q.bufferBytes / 64) * 64)
    expect((q.frameAt(pos) - XDP_PACKET_HEADROOM) % 64).toBe(0)
    expect(q.frameAt(0) - XDP_PACKET_HEADROOM).toBeGreaterThanOrEqual(64 + 256 + 4 * 16)
    expect(q.frameAt(3) + q.bufferBytes - XDP_PACKET_HEADROOM).toBeLessThanOrEqual(64 + RxQueue.bytesNeeded(4, q.bufferBytes))
  })

  it('posts staged frames: the consumer copies them into the buffer, the staged copy stays as it was', () => {
    const { sab, q } = queue()
    const u8 = new Uint8Array(sab)
    const short = Array.from({ length: 61 }, (_, i) => i + 1)
    const long = Array.from({ length: 700 }, (_, i) => (i * 7) & 0xff)
    const stagedShort = 512 << 10
    const stagedLong = stagedShort + 128
    u8.set(short, stagedShort)
    u8.set(long, stagedLong)
    expect(q.post(stagedShort, short.length, 20)).toBe(true)
    expect(q.write(Uint8Array.from([9, 8]), 21)).toBe(true) // by value in between
    expect(q.post(stagedLong, long.length, 22)).toBe(true)
    q.publish()
    let pos = q.tail()
    expect(q.ready(pos)).toBe(3)
    const taken: number[][] = []
    for (let n = 0; n < 3; n++, pos++) {
      const at = q.frameAt(pos)
      expect(at === stagedShort || at === stagedLong).toBe(false) // the program gets its own buffer
      taken.push([q.tagAt(pos), ...u8.subarray(at, at + q.lengthAt(pos))])
    }
    expect(taken).toEqual([[20, ...short], [21, 9, 8], [22, ...long]])
    // the program may write its buffer: the staged frame is sent again unchanged
    u8.fill(0xee, q.frameAt(0), q.frameAt(0) + short.length)
    expect([...u8.subarray(stagedShort, stagedShort + short.length)]).toEqual(short)
    q.release(pos)
    expect(q.drained()).toBe(true)
  })

  it('has more descriptors than buffers: posts run ahead, a write waits for a free buffer', () => {
    const sab = new SharedArrayBuffer(1 << 20)
    const q = RxQueue.format(sab, 64, 8, packetBufferBytes(1514), 2)
    const u8 = new Uint8Array(sab)
    const staged = 512 << 10
    u8.set([7, 7, 7], staged)
    expect(q.write(Uint8Array.of(1), 0)).toBe(true)
    expect(q.write(Uint8Array.of(2), 1)).toBe(true)
    expect(q.write(Uint8Array.of(3), 2)).toBe(false) // both buffers hold frames not yet taken
    for (let tag = 2; tag < 8; tag++) expect(q.post(staged, 3, tag)).toBe(true)
    expect(q.post(staged, 3, 8)).toBe(false) // every descriptor is in use
    expect(q.roomForWrite).toBe(7)
    q.publish()
    let pos = q.tail()
    const seen: number[][] = []
    for (; pos < 8; pos++) {
      const at = q.frameAt(pos)
      expect(at).toBe(q.frameAt(pos % 2)) // position p's frame is in buffer p mod 2
      seen.push([q.tagAt(pos), ...u8.subarray(at, at + q.lengthAt(pos))])
      q.release(pos + 1)
    }
    expect(seen).toEqual([[0, 1], [1, 2], ...[2, 3, 4, 5, 6, 7].map((t) => [t, 7, 7, 7])])
    // the CPU caught up: a write has a buffer again, and lands where its position says
    expect(q.write(Uint8Array.of(9), 8)).toBe(true)
    q.publish()
    expect([...u8.subarray(q.frameAt(8), q.frameAt(8) + 1)]).toEqual([9])
  })

  it('refuses writes while full and accepts them once the consumer releases', () => {
    const { q } = queue(4)
    for (let i = 0; i < 4; i++) expect(q.write(Uint8Array.of(i), i)).toBe(true)
    expect(q.write(Uint8Array.of(9), 9)).toBe(false)
    q.publish()
    const pos = q.tail()
    expect(q.ready(pos)).toBe(4)
    q.release((pos + 2) | 0)
    expect(q.write(Uint8Array.of(9), 9)).toBe(true)
    expect(q.write(Uint8Array.of(10), 10)).toBe(true)
    expect(q.write(Uint8Array.of(11), 11)).toBe(false)
  })

  it('drains what was published, then reports 0 once closed', () => {
    const { q } = queue()
    q.write(Uint8Array.of(1), 1)
    q.close() // publishes the pending buffer
    const pos = q.tail()
    expect(q.ready(pos)).toBe(1)
    q.release((pos + 1) | 0)
    expect(q.ready((pos + 1) | 0)).toBe(0)
  })

  it('a producer waiting for room sleeps until the consumer has freed as much as it wants', async () => {
    const { sab, q } = queue(8)
    for (let i = 0; i < 8; i++) q.write(Uint8Array.of(i), i)
    q.publish()
    const consumer = new RxQueue(sab, 64)
    const pos = consumer.tail()
    expect(consumer.ready(pos)).toBe(8)
    consumer.release((pos + 2) | 0)
    // 2 free, 4 wanted: no room yet, the wait times out
    q.waitForRoom(1, 4, 10)
    expect(q.write(Uint8Array.of(8), 8)).toBe(true)
    expect(q.write(Uint8Array.of(9), 9)).toBe(true)
    expect(q.write(Uint8Array.of(10), 10)).toBe(false)
    consumer.release((pos + 6) | 0)
    q.waitForRoom(1000, 4, 10) // returns at once: 4 are free
    for (let i = 0; i < 4; i++) expect(q.write(Uint8Array.of(i), 11 + i)).toBe(true)
    expect(q.write(Uint8Array.of(0), 15)).toBe(false)
  })

  it('refuses frames larger than a buffer', () => {
    const { q } = queue()
    expect(() => q.write(new Uint8Array(q.bufferBytes), 0)).toThrow(RangeError)
  })
})
