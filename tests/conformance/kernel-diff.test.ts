/**
 * Differential conformance: bpfplay's simulated kernel against the real Linux kernel.
 *
 * 1. Golden files (tests/conformance/golden/*.jsonl, recorded from the real kernel) are replayed
 *    on the simulator on every machine — no bpf() needed.
 * 2. Where bpf() works (Linux, root), a fast slice of random sequences runs on both kernels and
 *    must agree op by op; the first difference is shrunk to a minimal reproducer in the failure
 *    message. The long run is scripts/conformance.ts. CONFORMANCE_SEED picks another slice.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { generateSequence, sequenceSeed } from './generate'
import { goldenPaths, loadGolden } from './golden'
import { DiffHarness, formatReproducer } from './harness'
import { bindPaths, canonical, opLine, runOnSimulator } from './ops'
import { checkOracle, OraclePool } from './oracle'
import { bootSimulator } from './simulator'

const SLICE = 300
const SEED = Number(process.env.CONFORMANCE_SEED ?? 20240601) >>> 0

describe('golden kernel recordings replayed on the simulator', () => {
  for (const path of goldenPaths()) {
    const g = loadGolden(path)
    const name = path.split('/').pop()!
    it(`${name}: ${g.meta.about ?? ''}`, () => {
      const sim = runOnSimulator(bindPaths(g.ops, '/sys/fs/bpf/bpfplay_golden'), bootSimulator(g.meta.possible_cpus, 1))
      g.ops.forEach((op, i) => {
        if (g.expect[i] === undefined) throw new Error(`${name}: op #${i} has no recorded kernel result (run --record)`)
        expect(canonical(sim[i]), `${name} op #${i}: ${opLine(op)}\n  kernel:    ${JSON.stringify(g.expect[i])}\n  simulator: ${JSON.stringify(sim[i])}`).toBe(
          canonical(g.expect[i]),
        )
      })
    })
  }
})

const avail = await checkOracle()
const title = avail.ok
  ? `simulator vs real kernel (Linux ${avail.kernel}, ${avail.possibleCpus} possible CPUs)`
  : `simulator vs real kernel (skipped: ${avail.reason})`

describe.skipIf(!avail.ok)(title, () => {
  const pool = avail.ok ? new OraclePool(avail.binary, 2) : null
  afterAll(() => pool?.close())

  it(`${SLICE} random sequences (seed ${SEED}) are identical`, async () => {
    const cpus = avail.ok ? avail.possibleCpus : 1
    const env = { possibleCpus: cpus, switchableCpus: avail.ok ? avail.switchableCpus : 1 }
    const harness = new DiffHarness(pool!, cpus)
    const failing: number[] = []
    let next = 0
    await Promise.all(
      [0, 1].map(async () => {
        while (next < SLICE) {
          const i = next++
          const seed = sequenceSeed(SEED, i)
          const outcome = await harness.compare(generateSequence(seed, env), seed)
          if (outcome.difference) failing.push(i)
        }
      }),
    )
    if (failing.length === 0) return
    failing.sort((a, b) => a - b)
    const seed = sequenceSeed(SEED, failing[0]!)
    const shrunk = await harness.shrink(generateSequence(seed, env), seed, 400)
    expect.fail(
      `${SLICE - failing.length}/${SLICE} sequences identical; first difference in sequence ${failing[0]} ` +
        `(run: npx tsx scripts/conformance.ts --seed ${SEED}), shrunk to:\n${formatReproducer(shrunk.ops, shrunk.outcome)}`,
    )
  }, 180_000)
})
