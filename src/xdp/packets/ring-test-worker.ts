/**
 * Worker thread body for ring.test.ts: a producer or a consumer on a shared PacketRing, checking
 * every byte. Packet n is `testPacket(n)`; a consumer compares what it took with that and counts
 * n in a shared tally, so the test can see each packet arrive exactly once and untorn.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { PacketRing } from './ring'

export interface RingWorkerJob {
  role: 'producer' | 'consumer'
  sab: SharedArrayBuffer
  ringOffset: number
  /** Int32 tally per packet number (consumers add 1). */
  tally: SharedArrayBuffer
  /** Producer: packet numbers first, first + stride, ... below count. */
  first: number
  stride: number
  count: number
}

export interface RingWorkerResult {
  taken: number
  torn: number
}

/** Packet n: length 1..1500 from n, bytes from n, so a mix of two packets shows. */
export function testPacket(n: number): Uint8Array {
  const bytes = new Uint8Array(1 + ((n * 7919) % 1500))
  for (let i = 0; i < bytes.length; i++) bytes[i] = (n * 31 + i * 7 + (n >>> 8)) & 0xff
  return bytes
}

function run(job: RingWorkerJob): RingWorkerResult {
  const ring = new PacketRing(job.sab, job.ringOffset)
  if (job.role === 'producer') {
    let pushed = 0
    for (let n = job.first; n < job.count; n += job.stride) {
      if (!ring.pushWait(testPacket(n), n, 10_000)) throw new Error(`producer timed out at packet ${n}`)
      pushed++
    }
    return { taken: pushed, torn: 0 }
  }
  const tally = new Int32Array(job.tally)
  let taken = 0
  let torn = 0
  for (;;) {
    const slot = ring.takeWait(10_000)
    if (slot < 0) break
    const n = ring.tag(slot)
    const want = testPacket(n)
    const got = ring.bytes(slot)
    if (got.length !== want.length || got.some((b, i) => b !== want[i])) torn++
    Atomics.add(tally, n, 1)
    taken++
    ring.release(slot)
  }
  return { taken, torn }
}

if (parentPort && workerData) parentPort.postMessage(run(workerData as RingWorkerJob))
