/**
 * Several workers attached to one kernel buffer hammer one map at once (inserts, deletes,
 * reads, program helpers); afterwards the map must be consistent: its element count equals
 * the number of keys get_next_key walks, every walked key can be looked up, no key appears
 * twice, and the snapshot agrees.
 */
import { describe, expect, it } from 'vitest'
import { Worker } from 'node:worker_threads'
import { buildSync } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { Kernel } from './kernel'
import { TestProc } from './testing'
import { D } from './maps/desc'
import { MapType } from './uapi'

function workerCode(): string {
  const out = buildSync({
    entryPoints: [fileURLToPath(new URL('./concurrency.worker.ts', import.meta.url))],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
  })
  return out.outputFiles[0].text
}

function run(code: string, data: object): Promise<{ ok: number; fail: number }> {
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: data })
    w.once('message', resolve)
    w.once('error', reject)
    w.once('exit', (c) => c !== 0 && reject(new Error(`worker exit ${c}`)))
  })
}

describe('concurrent workers on one kernel', () => {
  for (const [type, name, maxEntries] of [
    [MapType.HASH, 'HASH', 256],
    [MapType.LRU_HASH, 'LRU_HASH', 64],
    [MapType.PERCPU_HASH, 'PERCPU_HASH', 256],
  ] as const) {
    it(`${name}: inserter, deleter, reader and a program keep the map consistent`, async () => {
      const k = Kernel.create({ possibleCpus: 2, memoryBytes: 32 << 20 })
      const p = new TestProc(k)
      const vs = 8
      const fd = p.bpf_map_create(type, 'shared', 4, vs, maxEntries)
      expect(p.bpf_obj_pin(fd, '/sys/fs/bpf/shared')).toBe(0)
      // Start full, so the deleter has work even if the scheduler runs it before the inserter.
      for (let i = 0; i < maxEntries; i++) p.put(fd, i, i)
      const code = workerCode()
      const base = { sab: k.sab, path: '/sys/fs/bpf/shared', keys: 300, ops: 20000 }
      // Meanwhile this thread reads snapshots and events without locks, as the UI does.
      // (Findings are collected and asserted after the run: a throw in a timer fails no test.)
      let snapshots = 0
      let lastSeq = 0
      const problems: string[] = []
      const poll = setInterval(() => {
        const snap = k.maps().find((m) => m.name === 'shared')
        if (!snap) problems.push('map missing from a snapshot')
        else if (snap.entries.length > maxEntries) problems.push(`snapshot with ${snap.entries.length} > ${maxEntries} entries`)
        else if (new Set(snap.entries.map((e) => e.key.join())).size !== snap.entries.length) problems.push('a key twice in a snapshot')
        for (const e of k.events(lastSeq)) {
          if (e.seq <= lastSeq) problems.push(`event ${e.seq} after ${lastSeq}`)
          lastSeq = e.seq
        }
        snapshots++
      }, 2)
      const results = await Promise.all([
        run(code, { ...base, role: 'insert', cpu: 0, seed: 1 }),
        run(code, { ...base, role: 'delete', cpu: 1, seed: 2 }),
        run(code, { ...base, role: 'read', cpu: 0, seed: 3 }),
        run(code, { ...base, role: 'prog', cpu: 1, seed: 4 }),
      ])
      clearInterval(poll)
      expect(problems).toEqual([])
      expect(snapshots).toBeGreaterThan(0)
      for (const r of results) expect(r.ok + r.fail).toBe(20000)
      expect(results[0].ok).toBeGreaterThan(0)
      expect(results[1].ok).toBeGreaterThan(0)

      const keys = p.keys(fd)
      expect(new Set(keys).size).toBe(keys.length)
      const slot = k.mapTable.slotOfId(k.mapIdFromFd(p.pid, fd))
      expect(k.mem.i32[k.mapTable.slotW(slot) + D.COUNT]).toBe(keys.length)
      expect(keys.length).toBeLessThanOrEqual(maxEntries)
      const out = p.mem.alloc(64)
      for (const key of keys) expect(p.bpf_map_lookup_elem(fd, p.mem.u32(key), out)).toBe(0)
      const snap = k.maps().find((m) => m.name === 'shared')!
      expect(snap.entries.length).toBe(keys.length)
      // Still fully usable: fill up to the limit and empty it.
      for (let i = 0; i < maxEntries; i++) p.put(fd, 1000 + i, i)
      for (const key of p.keys(fd)) expect(p.del(fd, key)).toBe(0)
      expect(p.keys(fd)).toEqual([])
      expect(k.mem.i32[k.mapTable.slotW(slot) + D.COUNT]).toBe(0)
    }, 60_000)
  }
})
