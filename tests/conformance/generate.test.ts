/**
 * The generator must be reproducible (same seed, same sequence) and must reach what the harness
 * promises to cover: every map type, invalid creates, every update flag, full maps, freezes, pins,
 * batch ops with NULL out_batch, and random-seed maps that only get set-comparable ops.
 */
import { describe, expect, it } from 'vitest'
import { generateSequence, Rng, sequenceSeed } from './generate'
import type { LookupBatchOp, Op } from './ops'

const env = { possibleCpus: 2, switchableCpus: 2 }
const many = (n: number, seed = 1): Op[][] => Array.from({ length: n }, (_, i) => generateSequence(sequenceSeed(seed, i), env))

describe('generator', () => {
  it('is reproducible', () => {
    expect(generateSequence(1234, env)).toEqual(generateSequence(1234, env))
    expect(JSON.stringify(many(20, 9))).toBe(JSON.stringify(many(20, 9)))
    expect(generateSequence(1, env)).not.toEqual(generateSequence(2, env))
    expect(sequenceSeed(1, 0)).not.toBe(sequenceSeed(1, 1))
  })

  it('Rng stays in range', () => {
    const r = new Rng(5)
    for (let i = 0; i < 1000; i++) {
      const x = r.int(3, 7)
      expect(x >= 3 && x <= 7).toBe(true)
    }
  })

  it('covers map types, flags and op kinds', () => {
    const ops = many(400).flat()
    const types = new Set(ops.filter((o) => o.op === 'create').map((o) => (o as { type: number }).type))
    for (const t of [1, 2, 5, 6, 9, 10, 22, 23]) expect(types).toContain(t)
    const kinds = new Set(ops.map((o) => o.op))
    for (const k of ['create', 'update', 'lookup', 'delete', 'lookup_and_delete', 'get_next_key', 'lookup_batch', 'lookup_and_delete_batch', 'update_batch', 'delete_batch', 'freeze', 'pin', 'get', 'close', 'info', 'walk', 'batch_walk', 'cpu']) {
      expect(kinds).toContain(k)
    }
    const updateFlags = new Set(ops.filter((o) => o.op === 'update').map((o) => (o as { flags: number }).flags))
    for (const f of [0, 1, 2, 3, 4]) expect(updateFlags).toContain(f)
    const creates = ops.filter((o): o is Extract<Op, { op: 'create' }> => o.op === 'create')
    expect(creates.some((c) => c.type === 1 && !(c.flags & 0x40))).toBe(true) // random-seed hash maps
    expect(creates.some((c) => c.key_size % 4 !== 0 && c.key_size > 0)).toBe(true)
    expect(creates.some((c) => c.value_size % 8 !== 0)).toBe(true)
    expect(creates.some((c) => c.max_entries >= 1000)).toBe(true)
    expect(creates.some((c) => c.max_entries <= 2)).toBe(true)
    const batches = ops.filter((o): o is LookupBatchOp => o.op === 'lookup_batch')
    expect(batches.some((b) => b.out_null)).toBe(true)
    expect(batches.some((b) => b.count === 1)).toBe(true)
    expect(batches.some((b) => b.in_batch === 'prev')).toBe(true)
    expect(ops.some((o) => o.op === 'get_next_key' && o.key === null)).toBe(true)
    const pins = ops.filter((o) => o.op === 'pin').map((o) => (o as { path: string }).path)
    expect(pins.some((p) => p.includes('.dot'))).toBe(true)
    expect(new Set(pins).size).toBeLessThan(pins.length) // some pins reuse an existing path
  })

  it('keeps order-dependent ops away from random-seed hash maps', () => {
    // An independent fd model: valid creates (invalid ones are named "bad…" or carry an invalid
    // name) and gets of pinned paths take the lowest free fd; close frees it.
    for (const seq of many(300, 3)) {
      const fds = new Map<number, boolean>() // fd -> random-seed hash map?
      const pins = new Map<string, boolean>()
      const lowest = () => {
        let fd = 3
        while (fds.has(fd)) fd++
        return fd
      }
      for (const op of seq) {
        if (op.op === 'create') {
          const valid = op.name === null || (/^[A-Za-z0-9_.]*$/.test(op.name) && !op.name.startsWith('bad'))
          if (valid) fds.set(lowest(), [1, 5, 9, 10].includes(op.type) && !(op.flags & 0x40))
        } else if (op.op === 'close') {
          fds.delete(op.fd)
        } else if (op.op === 'pin' && fds.has(op.fd) && op.path && /^@PIN@_\d+$/.test(op.path) && !pins.has(op.path)) {
          pins.set(op.path, fds.get(op.fd)!)
        } else if (op.op === 'get' && op.path && pins.has(op.path) && [0, 8, 16].includes(op.file_flags)) {
          fds.set(lowest(), pins.get(op.path)!)
        }
        if ((op.op === 'get_next_key' || op.op === 'lookup_batch' || op.op === 'lookup_and_delete_batch') && fds.get(op.fd)) {
          throw new Error(`order-dependent ${op.op} on random-seed map fd ${op.fd}`)
        }
        if ((op.op === 'walk' || op.op === 'batch_walk') && fds.get(op.fd)) expect(op.sort).toBe(true)
      }
    }
  })
})
