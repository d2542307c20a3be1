/**
 * The real-kernel side on its own: is it deterministic (so any kernel/simulator difference is the
 * simulator's), do the golden recordings still match the live kernel, does it clean up its pins.
 * Skipped, with the reason in the test name, where bpf() cannot run.
 */
import { readdirSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { generateSequence, generateWithPredictions, sequenceSeed } from './generate'
import { goldenPaths, loadGolden } from './golden'
import { canonical, firstDifference, type Op } from './ops'
import { BPFFS, checkOracle, OraclePool, PIN_ROOT } from './oracle'

const avail = await checkOracle()
const title = avail.ok ? `real kernel oracle (Linux ${avail.kernel})` : `real kernel oracle (skipped: ${avail.reason})`

describe.skipIf(!avail.ok)(title, () => {
  const pool = avail.ok ? new OraclePool(avail.binary, 2) : null
  afterAll(() => pool?.close())

  it('answers spec 14.1 with the documented ZERO_SEED order and cursors', async () => {
    const le = (v: number) => new Uint8Array(new Uint32Array([v]).buffer)
    const hex = (v: number) => [...le(v)].map((b) => b.toString(16).padStart(2, '0')).join('')
    const ops: Op[] = [
      { op: 'create', type: 1, key_size: 4, value_size: 4, max_entries: 1024, flags: 0x40, name: 'm' },
      ...[10, 20, 30, 40, 50, 60, 70, 80, 90].map((k): Op => ({ op: 'update', fd: 3, key: hex(k), value: hex(k * 10), flags: 0 })),
      { op: 'walk', fd: 3, key_size: 4, sort: false },
      { op: 'lookup_batch', fd: 3, in_batch: null, out_null: false, cursor_size: 4, count: 2, key_size: 4, value_size: 4, elem_flags: 0, flags: 0 },
    ]
    const r = await pool!.run(ops)
    expect(r[0]).toEqual({ ret: 3 })
    expect(r[10]).toEqual({ ret: -2, keys: [80, 50, 90, 30, 60, 10, 20, 40, 70].map(hex) })
    expect(r[11]).toEqual({ ret: 0, count: 2, out_batch: hex(131), keys: [hex(80), hex(50)], values: [hex(800), hex(500)] })
  })

  it('is deterministic: 80 random sequences give identical results twice', async () => {
    const env = { possibleCpus: avail.ok ? avail.possibleCpus : 1, switchableCpus: avail.ok ? avail.switchableCpus : 1 }
    for (let i = 0; i < 80; i++) {
      const ops = generateSequence(sequenceSeed(424242, i), env)
      const [a, b] = await Promise.all([pool!.run(ops), pool!.run(ops)])
      const d = firstDifference(ops, a, b)
      expect(d, d ? `sequence ${i}, op #${d.index}: ${JSON.stringify(d)}` : '').toBeNull()
    }
  })

  it("the generator's fd model matches the kernel (random-seed maps must never get order-dependent ops)", async () => {
    const env = { possibleCpus: avail.ok ? avail.possibleCpus : 1, switchableCpus: avail.ok ? avail.switchableCpus : 1 }
    for (let i = 0; i < 300; i++) {
      const { ops, predictions } = generateWithPredictions(sequenceSeed(777, i), env)
      const results = await pool!.run(ops)
      for (const p of predictions) {
        const got = results[p.index]!.ret!
        const ok = p.ret === 'error' ? got < 0 : got === p.ret
        expect(ok, `sequence ${i} op #${p.index} ${JSON.stringify(ops[p.index])}: predicted ${p.ret}, kernel ${got}`).toBe(true)
      }
    }
  })

  for (const path of goldenPaths()) {
    const g = loadGolden(path)
    const name = path.split('/').pop()!
    it.skipIf(avail.ok && g.meta.possible_cpus !== avail.possibleCpus)(`golden ${name} still matches the live kernel`, async () => {
      const results = await pool!.run(g.ops)
      g.ops.forEach((op, i) => {
        expect(canonical(results[i]), `${name} op #${i} ${JSON.stringify(op)}`).toBe(canonical(g.expect[i]))
      })
    })
  }

  it('leaves no pins behind', async () => {
    await pool!.run([
      { op: 'create', type: 2, key_size: 4, value_size: 4, max_entries: 1, flags: 0, name: 'm' },
      { op: 'pin', fd: 3, path: '@PIN@_a' },
      { op: 'pin', fd: 3, path: '@PIN@_b' },
    ])
    const mine = readdirSync(BPFFS).filter((n) => n.startsWith(PIN_ROOT.slice(BPFFS.length + 1)))
    expect(mine).toEqual([])
  })
})
