import { buildSync } from 'esbuild'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PacketRing, RING_HEADER_BYTES, SLOT_HEADER_BYTES, XDP_PACKET_HEADROOM } from './ring'
import { type RingWorkerJob, type RingWorkerResult, testPacket } from './ring-test-worker'

// Node workers cannot load TypeScript, so the worker body is bundled to plain JS first, as the CLI build does.
let workerDir = ''
let workerFile = ''
beforeAll(() => {
  workerDir = mkdtempSync(join(tmpdir(), 'bpfplay-ring-'))
  workerFile = join(workerDir, 'ring-test-worker.mjs')
  buildSync({
    entryPoints: [fileURLToPath(new URL('./ring-test-worker.ts', import.meta.url))],
    outfile: workerFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
  })
})
afterAll(() => rmSync(workerDir, { recursive: true, force: true }))

function runWorker(job: RingWorkerJob): Promise<RingWorkerResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: job })
    worker.once('message', resolve)
    worker.once('error', reject)
    worker.once('exit', (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)))
  })
}

/** A ring at a non-zero offset with guard bytes on both sides, to catch writes outside the region. */
function ringInBuffer(slots: number, slotSize: number, headroom?: number) {
  const offset = 4096
  const size = PacketRing.bytesNeeded(slots, slotSize)
  const sab = new SharedArrayBuffer(offset + size + 4096)
  new Uint8Array(sab).fill(0xa5)
  const ring = PacketRing.format(sab, offset, slots, slotSize, { headroom })
  const guardsIntact = () => {
    const u8 = new Uint8Array(sab)
    return u8.subarray(0, offset).every((b) => b === 0xa5) && u8.subarray(offset + size).every((b) => b === 0xa5)
  }
  return { sab, offset, ring, guardsIntact }
}

describe('PacketRing, one thread', () => {
  it('lays slots out as documented and hands packets back in order', () => {
    const { ring, offset, guardsIntact } = ringInBuffer(4, 2048)
    expect(ring.capacity).toBe(2048 - SLOT_HEADER_BYTES - XDP_PACKET_HEADROOM)
    expect(ring.push(testPacket(1), 1)).toBe(true)
    expect(ring.push(testPacket(2), 2)).toBe(true)
    expect(ring.queued()).toBe(2)
    const a = ring.take()
    expect(a).toBe(0)
    expect(ring.dataOffset(a)).toBe(offset + RING_HEADER_BYTES + SLOT_HEADER_BYTES + XDP_PACKET_HEADROOM)
    expect(ring.length(a)).toBe(testPacket(1).length)
    expect(ring.tag(a)).toBe(1)
    expect(ring.bytes(a)).toEqual(testPacket(1))
    const b = ring.take()
    expect(b).toBe(1)
    expect(ring.dataOffset(b) - ring.dataOffset(a)).toBe(2048)
    expect(ring.bytes(b)).toEqual(testPacket(2))
    expect(ring.take()).toBe(-1)
    ring.release(a)
    ring.release(b)
    expect(guardsIntact()).toBe(true)
  })

  it('refuses to push when full until a slot is released, across many laps', () => {
    const { ring, guardsIntact } = ringInBuffer(4, 256, 0)
    let next = 0
    let expected = 0
    for (let lap = 0; lap < 100; lap++) {
      while (ring.push(new Uint8Array([next & 255, next >> 8]), next)) next++
      expect(ring.queued()).toBe(4)
      for (let k = 0; k < 3; k++) {
        const slot = ring.take()
        expect(ring.tag(slot)).toBe(expected++)
        ring.release(slot)
      }
    }
    expect(next).toBe(4 + 99 * 3)
    expect(guardsIntact()).toBe(true)
  })

  it('does not free a slot before release, and rejects a double release', () => {
    const { ring } = ringInBuffer(2, 256, 0)
    ring.push(new Uint8Array([1]))
    ring.push(new Uint8Array([2]))
    const slot = ring.take()
    expect(ring.push(new Uint8Array([3]))).toBe(false) // taken is not free
    ring.release(slot)
    expect(ring.push(new Uint8Array([3]))).toBe(true)
    expect(() => ring.release(slot)).toThrow(/not taken/)
    expect(() => ring.release(7)).toThrow(RangeError)
  })

  it('checks sizes and layout arguments', () => {
    const sab = new SharedArrayBuffer(1 << 16)
    expect(() => PacketRing.format(sab, 0, 3, 2048)).toThrow(/power of two/)
    expect(() => PacketRing.format(sab, 4, 4, 2048)).toThrow(/multiple of 8/)
    expect(() => PacketRing.format(sab, 0, 64, 2048)).toThrow(/buffer has/)
    expect(() => PacketRing.format(sab, 0, 4, 256)).toThrow(/headroom/)
    expect(() => new PacketRing(sab, 0)).toThrow(/format/)
    const ring = PacketRing.format(sab, 0, 4, 2048)
    expect(() => ring.push(new Uint8Array(ring.capacity + 1))).toThrow(/does not fit/)
    expect(ring.push(new Uint8Array(ring.capacity))).toBe(true)
  })

  it('attaches to a formatted ring from a second view and shares its state', () => {
    const { sab, offset, ring } = ringInBuffer(8, 512, 64)
    const other = new PacketRing(sab, offset)
    expect([other.slots, other.slotSize, other.headroom, other.capacity]).toEqual([8, 512, 64, 512 - 16 - 64])
    const packet = new Uint8Array([5, 4, 3, 2, 1])
    ring.push(packet, 5)
    const slot = other.take()
    expect(other.tag(slot)).toBe(5)
    expect(ring.bytes(slot)).toEqual(packet)
  })

  it('takeWait times out on an empty ring and returns -1 once closed and drained', () => {
    const { ring } = ringInBuffer(4, 2048)
    const t0 = performance.now()
    expect(ring.takeWait(30)).toBe(-1)
    expect(performance.now() - t0).toBeGreaterThanOrEqual(25)
    ring.push(testPacket(9), 9)
    ring.close()
    expect(ring.closed).toBe(true)
    expect(() => ring.push(testPacket(1))).toThrow(/closed/)
    const slot = ring.takeWait()
    expect(ring.tag(slot)).toBe(9)
    ring.release(slot)
    expect(ring.takeWait()).toBe(-1)
  })

  it('pushWait times out on a full ring', () => {
    const { ring } = ringInBuffer(2, 2048)
    ring.push(testPacket(1))
    ring.push(testPacket(2))
    expect(ring.pushWait(testPacket(3), 3, 20)).toBe(false)
  })
})

describe('PacketRing across worker threads', () => {
  async function exchange(producers: number, consumers: number, count: number, slots: number) {
    const { sab, offset, ring, guardsIntact } = ringInBuffer(slots, 2048)
    const tally = new SharedArrayBuffer(count * 4)
    const base = { sab, ringOffset: offset, tally, count }
    const consumerRuns = Array.from({ length: consumers }, () => runWorker({ ...base, role: 'consumer', first: 0, stride: 1 }))
    const producerRuns = Array.from({ length: producers }, (_, p) => runWorker({ ...base, role: 'producer', first: p, stride: producers }))
    const pushed = (await Promise.all(producerRuns)).reduce((n, r) => n + r.taken, 0)
    ring.close()
    const results = await Promise.all(consumerRuns)
    const counts = new Int32Array(tally)
    return { pushed, results, counts, guardsIntact: guardsIntact(), left: ring.take() }
  }

  it('1 producer, 3 consumers: every packet consumed exactly once, none torn', async () => {
    const count = 20_000
    const { pushed, results, counts, guardsIntact, left } = await exchange(1, 3, count, 16)
    expect(pushed).toBe(count)
    expect(results.reduce((n, r) => n + r.taken, 0)).toBe(count)
    expect(results.reduce((n, r) => n + r.torn, 0)).toBe(0)
    expect(counts.every((c) => c === 1)).toBe(true)
    expect(left).toBe(-1)
    expect(guardsIntact).toBe(true)
  })

  it('2 producers, 2 consumers on a tiny ring (constant full/empty contention)', async () => {
    const count = 10_000
    const { pushed, results, counts, guardsIntact } = await exchange(2, 2, count, 2)
    expect(pushed).toBe(count)
    expect(results.reduce((n, r) => n + r.torn, 0)).toBe(0)
    expect(counts.every((c) => c === 1)).toBe(true)
    expect(guardsIntact).toBe(true)
  })
})
