/**
 * The per-CPU helper-call rings (events.ts): records written during a hold (a NAPI poll) appear
 * together when the CPU publishes, carrying the hold's time; outside a hold each record appears
 * at once. A reader racing a writer on another thread, on a ring so small that it laps all the
 * time, sees only whole records: every field of every record it returns belongs to that record.
 * Records are written only once tracing is on; before, calls are only counted.
 */
import { describe, expect, it } from 'vitest'
import { Worker } from 'node:worker_threads'
import { buildSync } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { Kernel } from './kernel'
import { H } from './memory'

function key(k: Kernel, a: number, b: number): number {
  const at = k.kmalloc(8)
  const dv = new DataView(k.sab)
  dv.setUint32(at, a, true)
  dv.setUint32(at + 4, b, true)
  return at
}

describe('helper-call rings', () => {
  it('count calls without recording them until tracing is turned on, then record from the next call', () => {
    const k = Kernel.create({ possibleCpus: 2, memoryBytes: 4 << 20 })
    const log = k.eventLog
    log.appendHelper(1, 1, 7, 0, key(k, 1, 0), 4)
    log.holdHelperEvents(1)
    log.appendHelper(1, 1, 7, 0, key(k, 2, 0), 4)
    log.appendHelper(1, 1, 7, -2, key(k, 3, 0), 4)
    log.publishHelperEvents(1)
    // counted (programs ran), not recorded; the failure is in the main log all the same
    expect(log.helperSeq(1)).toBe(3)
    expect(k.helperEvents(1, 0)).toEqual([])
    expect(k.events(0).filter((e) => e.origin === 'helper').map((e) => e.ret)).toEqual([-2])
    // a poll already holding the ring keeps not recording; the next call or poll records
    log.holdHelperEvents(1)
    k.traceHelperCalls()
    log.appendHelper(1, 1, 7, 0, key(k, 4, 0), 4)
    log.publishHelperEvents(1)
    expect(k.helperEvents(1, 0)).toEqual([])
    log.appendHelper(1, 1, 7, 0, key(k, 5, 0), 4)
    log.holdHelperEvents(1)
    log.appendHelper(1, 1, 7, 0, key(k, 6, 0), 4)
    log.publishHelperEvents(1)
    expect(k.helperEvents(1, 0).map((e) => [e.seq, e.key[0]])).toEqual([
      [5, 5],
      [6, 6],
    ])
  })

  it('a held batch is invisible until published, then appears whole, stamped with the hold time', () => {
    const k = Kernel.create({ possibleCpus: 2, memoryBytes: 4 << 20 })
    k.traceHelperCalls()
    const log = k.eventLog
    log.appendHelper(1, 1, 7, 0, key(k, 1, 0), 4)
    expect(k.helperEvents(1, 0).map((e) => e.seq)).toEqual([1])
    const before = k.ktimeNs()
    log.holdHelperEvents(1)
    log.appendHelper(1, 1, 7, 4096, key(k, 2, 0), 4)
    log.appendHelper(1, 2, 7, -22, key(k, 3, 0), 4)
    expect(k.helperEvents(1, 0).map((e) => e.seq)).toEqual([1])
    expect(log.helperSeq(1)).toBe(1)
    // the failed call is in the main log at once
    expect(k.events(0).filter((e) => e.origin === 'helper').map((e) => e.ret)).toEqual([-22])
    log.publishHelperEvents(1)
    const ev = k.helperEvents(1, 1)
    expect(ev.map((e) => [e.seq, e.op, e.mapId, e.ret, [...e.key]])).toEqual([
      [2, 1, 7, 4096, [2, 0, 0, 0]],
      [3, 2, 7, -22, [3, 0, 0, 0]],
    ])
    expect(ev[0].timeNs).toBe(ev[1].timeNs)
    expect(ev[0].timeNs).toBeGreaterThanOrEqual(before)
    expect(log.helperSeq(1)).toBe(3)
    // CPU 0's ring is its own
    expect(k.helperEvents(0, 0)).toEqual([])
    // after the hold, records appear one by one again
    log.appendHelper(1, 1, 7, 0, key(k, 4, 0), 4)
    expect(k.helperEvents(1, 3).map((e) => e.seq)).toEqual([4])
  })

  it('a reader during a hold that laps the ring gets only whole records, and all of them after it', () => {
    // 64 possible CPUs in 4 MiB: rings of 64 records (the writer claims them 16 at a time)
    const k = Kernel.create({ possibleCpus: 64, memoryBytes: 4 << 20 })
    k.traceHelperCalls()
    const cap = k.mem.i32[H.HEV_CAP]
    const log = k.eventLog
    const keyAt = k.kmalloc(8)
    const dv = new DataView(k.sab)
    const write = (n: number) => {
      dv.setUint32(keyAt, n, true)
      log.appendHelper(5, 1, n, n, keyAt, 4)
    }
    const whole = (evs: { seq: number; mapId: number; ret: number; key: Uint8Array }[]) =>
      evs.every((e) => e.mapId === e.seq && e.ret === e.seq && new DataView(e.key.buffer, e.key.byteOffset).getUint32(0, true) === e.seq)
    for (let n = 1; n <= cap; n++) write(n)
    expect(k.helperEvents(5, 0).map((e) => e.seq)).toEqual(Array.from({ length: cap }, (_, i) => i + 1))
    log.holdHelperEvents(5)
    const seen: number[] = []
    for (let n = cap + 1; n <= 4 * cap + 7; n++) {
      write(n)
      // what is published is older than the hold; some of it is being overwritten
      const evs = k.helperEvents(5, 0)
      expect(whole(evs)).toBe(true)
      expect(evs.every((e) => e.seq <= cap)).toBe(true)
      // a published record is dropped once its slot may have been claimed, never shown after
      expect(evs.length === 0 || evs[0].seq > n - cap).toBe(true)
      seen.push(evs.length)
    }
    expect(seen[0]).toBeGreaterThan(0)
    expect(seen[seen.length - 1]).toBe(0)
    log.publishHelperEvents(5)
    const after = k.helperEvents(5, 0)
    expect(after.map((e) => e.seq)).toEqual(Array.from({ length: cap }, (_, i) => 3 * cap + 8 + i))
    expect(whole(after)).toBe(true)
  })

  it('a hold after a writer died in its hold publishes none of the records it left', () => {
    const k = Kernel.create({ possibleCpus: 2, memoryBytes: 4 << 20 })
    k.traceHelperCalls()
    const keyAt = key(k, 9, 0)
    const dead = Kernel.attach(k.sab).eventLog
    for (let n = 1; n <= 3; n++) dead.appendHelper(1, 1, n, 0, keyAt, 4)
    dead.holdHelperEvents(1)
    for (let n = 4; n <= 6; n++) dead.appendHelper(1, 1, n, 0, keyAt, 4)
    // (never published: the worker was terminated)
    const log = k.eventLog
    log.holdHelperEvents(1)
    log.appendHelper(1, 2, 100, 0, keyAt, 4)
    log.publishHelperEvents(1)
    expect(k.helperEvents(1, 0).map((e) => [e.seq, e.op, e.mapId])).toEqual([
      [1, 1, 1],
      [2, 1, 2],
      [3, 1, 3],
      [4, 2, 100],
    ])
    log.appendHelper(1, 2, 101, 0, keyAt, 4)
    expect(k.helperEvents(1, 4).map((e) => [e.seq, e.mapId])).toEqual([[5, 101]])
  })

  it('a reader racing a writer thread on a lapping ring never returns a torn record', async () => {
    // 64 possible CPUs in 4 MiB: rings of 64 records, lapped continually by the writer
    const k = Kernel.create({ possibleCpus: 64, memoryBytes: 4 << 20 })
    k.traceHelperCalls()
    const cap = k.mem.i32[H.HEV_CAP]
    expect(cap).toBeLessThanOrEqual(64)
    // flag: [writer started, writer done, reads so far]
    const flag = new Int32Array(new SharedArrayBuffer(12))
    const records = 300_000
    const BLOCK = 4096
    const code = buildSync({
      stdin: {
        contents: `
          import { workerData, parentPort } from 'node:worker_threads'
          import { Kernel } from './kernel'
          const { sab, flag, records } = workerData
          const k = Kernel.attach(sab)
          const log = k.eventLog
          const keyAt = k.kmalloc(8)
          const dv = new DataView(sab)
          Atomics.store(flag, 0, 1)
          // record n: mapId n, ret 7n, key [n, n ^ 0x5a5a5a5a]; batches of 1..64 (and some unheld);
          // every BLOCK records the writer lets the reader read once, so the two surely interleave
          let reads = 0
          for (let n = 1; n <= records; ) {
            if (n % ${BLOCK} < 64 && n > 64) {
              while (Atomics.load(flag, 2) === reads) Atomics.wait(flag, 2, reads, 1)
              reads = Atomics.load(flag, 2)
            }
            const batch = 1 + (n % 64)
            const held = n % 5 !== 0
            if (held) log.holdHelperEvents(3)
            for (let j = 0; j < batch && n <= records; j++, n++) {
              dv.setUint32(keyAt, n, true)
              dv.setUint32(keyAt + 4, (n ^ 0x5a5a5a5a) >>> 0, true)
              log.appendHelper(3, 1 + (n & 1), n, (7 * n) | 0, keyAt, 8)
            }
            if (held) log.publishHelperEvents(3)
          }
          Atomics.store(flag, 1, 1)
          parentPort.postMessage('done')
        `,
        resolveDir: fileURLToPath(new URL('.', import.meta.url)),
        loader: 'ts',
      },
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
    }).outputFiles[0].text
    const w = new Worker(code, { eval: true, workerData: { sab: k.sab, flag, records } })
    const finished = new Promise((resolve, reject) => {
      w.once('message', resolve)
      w.once('error', reject)
    })
    while (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0, 1)
    const problems: string[] = []
    let checked = 0
    let reads = 0
    let after = 0
    while (Atomics.load(flag, 1) === 0 || after < records) {
      const ev = k.helperEvents(3, after)
      reads++
      Atomics.store(flag, 2, reads)
      for (let i = 0; i < ev.length; i++) {
        const e = ev[i]
        const kw = new DataView(e.key.buffer, e.key.byteOffset, 8)
        if (e.mapId !== e.seq || e.ret !== ((7 * e.seq) | 0) || e.op !== 1 + (e.seq & 1) || kw.getUint32(0, true) !== e.seq || kw.getUint32(4, true) !== (e.seq ^ 0x5a5a5a5a) >>> 0) {
          if (problems.length < 5) problems.push(`torn record ${JSON.stringify({ ...e, key: [...e.key] })}`)
        }
        if (i > 0 && e.seq !== ev[i - 1].seq + 1) problems.push(`gap in one read: ${ev[i - 1].seq} then ${e.seq}`)
        if (e.seq <= after) problems.push(`record ${e.seq} not after ${after}`)
        checked++
      }
      if (ev.length > 0) after = ev[ev.length - 1].seq
      if (Atomics.load(flag, 1) !== 0 && ev.length === 0) break
    }
    await finished
    await w.terminate()
    expect(problems).toEqual([])
    expect(k.eventLog.helperSeq(3)).toBe(records)
    // the reader really raced the writer: a read, and records read, in every block of the run
    expect(reads).toBeGreaterThan(records / BLOCK - 2)
    expect(checked).toBeGreaterThan(records / BLOCK - 2)
  })
})
