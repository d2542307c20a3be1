/** The shrinker finds the minimal failing subsequence and simplifies what is left. */
import { describe, expect, it } from 'vitest'
import type { Op } from './ops'
import { shrink } from './shrink'

const update = (fd: number, key: string, value: string, flags = 0): Op => ({ op: 'update', fd, key, value, flags })

describe('shrink', () => {
  it('keeps only the ops the failure needs, in order, with simplified values', async () => {
    const ops: Op[] = [
      { op: 'create', type: 1, key_size: 4, value_size: 4, max_entries: 64, flags: 64, name: 'long_name_here' },
      ...Array.from({ length: 30 }, (_, i) => update(3, `0${i % 10}000000`, 'deadbeef', i % 3)),
      { op: 'freeze', fd: 3 },
      ...Array.from({ length: 10 }, () => ({ op: 'info', fd: 3 }) as Op),
      update(3, '07000000', 'cafebabe', 2),
    ]
    // "Fails" when a freeze is followed later by an update with flags 2 (a stand-in for a real bug).
    const fails = async (seq: Op[]) => {
      const f = seq.findIndex((o) => o.op === 'freeze')
      return f >= 0 && seq.slice(f + 1).some((o) => o.op === 'update' && o.flags === 2)
    }
    let tests = 0
    const minimal = await shrink(ops, async (s) => {
      tests++
      return fails(s)
    })
    expect(minimal).toEqual([{ op: 'freeze', fd: 3 }, update(3, '07000000', '00000000', 2)])
    expect(tests).toBeLessThan(400)
  })

  it('returns the input when nothing can be removed and respects the test budget', async () => {
    const ops: Op[] = [{ op: 'freeze', fd: 3 }]
    expect(await shrink(ops, async (s) => s.length === 1)).toEqual(ops)
    let calls = 0
    await shrink(
      Array.from({ length: 50 }, (_, i) => update(3, '00000000', '00000000', i)),
      async () => {
        calls++
        return true
      },
      { maxTests: 7 },
    )
    expect(calls).toBeLessThanOrEqual(7)
  })
})
