/**
 * Delta-debugging shrinker for a failing op sequence: removes chunks of ops (ddmin, halving the
 * chunk size down to single ops), then simplifies the ops that remain (zero values, plain flags,
 * smaller counts, shorter batch key lists), repeating until nothing more can go while the
 * sequence still fails. "Fails" is decided by the caller (typically: kernel and simulator still
 * differ at an op of the same kind as in the original failure).
 */
import type { Hex, Op } from './ops'

export interface ShrinkOptions {
  /** Stop after this many calls of `fails` (each one runs the kernel and the simulator). */
  maxTests?: number
}

export async function shrink(
  ops: Op[],
  fails: (ops: Op[]) => Promise<boolean>,
  options: ShrinkOptions = {},
): Promise<Op[]> {
  const budget = { left: options.maxTests ?? 2000 }
  const test = async (candidate: Op[]): Promise<boolean> => {
    if (budget.left <= 0) return false
    budget.left--
    return fails(candidate)
  }
  let current = ops
  for (;;) {
    const before = JSON.stringify(current)
    current = await removeChunks(current, test)
    current = await simplifyOps(current, test)
    if (JSON.stringify(current) === before || budget.left <= 0) return current
  }
}

/** ddmin-style: try dropping chunks of size n/2, n/4, ..., 1. */
async function removeChunks(ops: Op[], test: (ops: Op[]) => Promise<boolean>): Promise<Op[]> {
  let current = ops
  let size = Math.max(1, Math.floor(current.length / 2))
  for (;;) {
    let changed = false
    for (let start = 0; start < current.length; ) {
      const candidate = [...current.slice(0, start), ...current.slice(start + size)]
      if (candidate.length > 0 && (await test(candidate))) {
        current = candidate
        changed = true
      } else {
        start += size
      }
    }
    if (size === 1 && !changed) return current
    if (!changed) size = Math.max(1, Math.floor(size / 2))
  }
}

const zeros = (h: Hex) => '0'.repeat(h.length)

/** Simpler variants of one op, simplest first. */
function variants(op: Op): Op[] {
  const out: Op[] = []
  const add = (patch: Partial<Op>) => {
    const v = { ...op, ...patch } as Op
    if (JSON.stringify(v) !== JSON.stringify(op)) out.push(v)
  }
  switch (op.op) {
    case 'create':
      add({ name: 'm' })
      add({ max_entries: Math.max(1, Math.floor(op.max_entries / 2)) })
      add({ value_size: 4 })
      break
    case 'update':
      if (op.value) add({ value: zeros(op.value) })
      add({ flags: 0 })
      break
    case 'lookup':
    case 'lookup_and_delete':
      add({ flags: 0 })
      break
    case 'lookup_batch':
    case 'lookup_and_delete_batch':
      add({ in_batch: null })
      add({ count: Math.max(1, Math.floor(op.count / 2)) })
      add({ count: Math.max(0, op.count - 1) })
      add({ elem_flags: 0, flags: 0 })
      break
    case 'update_batch':
      if (op.keys && op.values && op.keys.length > 1) {
        for (let i = 0; i < op.keys.length; i++) {
          const keys = op.keys.filter((_, j) => j !== i)
          const values = op.values.filter((_, j) => j !== i)
          add({ keys, values, count: Math.min(op.count, keys.length) })
        }
      }
      if (op.values) add({ values: op.values.map(zeros) })
      add({ elem_flags: 0, flags: 0 })
      break
    case 'delete_batch':
      if (op.keys && op.keys.length > 1) {
        for (let i = 0; i < op.keys.length; i++) {
          const keys = op.keys.filter((_, j) => j !== i)
          add({ keys, count: Math.min(op.count, keys.length) })
        }
      }
      add({ elem_flags: 0, flags: 0 })
      break
    case 'batch_walk':
      add({ delete: false })
      add({ count: Math.max(1, Math.floor(op.count / 2)) })
      break
    case 'get':
      add({ file_flags: 0 })
      break
    default:
      break
  }
  return out
}

async function simplifyOps(ops: Op[], test: (ops: Op[]) => Promise<boolean>): Promise<Op[]> {
  let current = ops
  for (let i = 0; i < current.length; i++) {
    for (const v of variants(current[i]!)) {
      const candidate = current.map((op, j) => (j === i ? v : op))
      if (await test(candidate)) {
        current = candidate
        break
      }
    }
  }
  return current
}
