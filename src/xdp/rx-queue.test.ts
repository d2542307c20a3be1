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
    expect([q.lengthAt(pos), q.tagAt(pos), ...u8.subarray(q.dataAt(pos), q.dataAt(pos) + 3)]).toEqual([3, 10, 1, 2, 3])
    pos++
    expect([q.lengthAt(pos), q.tagAt(pos), ...u8.subarray(q.dataAt(pos), q.dataAt(pos) + 2)]).toEqual([2, 11, 4, 5])
    expect(q.dataAt(pos) - q.dataAt(pos - 1)).toBe(8 + q.bufferBytes)
    expect((q.dataAt(pos) - 64) % 8).toBe(0)
    expect(q.dataAt(0) - XDP_PACKET_HEADROOM).toBeGreaterThan(64)
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

  it('refuses frames larger than a buffer', () => {
    const { q } = queue()
    expect(() => q.write(new Uint8Array(q.bufferBytes), 0)).toThrow(RangeError)
  })
})
