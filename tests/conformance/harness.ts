/**
 * Runs one op sequence on both sides — the real kernel (oracle) and the simulator — and
 * compares them op by op; shrinks a failing sequence to a minimal reproducer and formats it.
 * Shared by the vitest slice (kernel-diff.test.ts) and the long run (scripts/conformance.ts).
 */
import { bindPaths, firstDifference, opLine, runOnSimulator, type Difference, type Op, type Result } from './ops'
import { freshPinPrefix, type OraclePool } from './oracle'
import { shrink } from './shrink'
import { bootSimulator } from './simulator'

export interface Outcome {
  kernel: Result[]
  simulator: Result[]
  difference: Difference | null
}

export class DiffHarness {
  constructor(
    private readonly oracle: OraclePool,
    readonly possibleCpus: number,
  ) {}

  /** Both sides get the same bpffs paths; the simulator's random hash seed is `seed`. */
  async compare(ops: Op[], seed: number): Promise<Outcome> {
    const prefix = freshPinPrefix()
    const kernel = await this.oracle.run(ops, prefix)
    const simulator = runOnSimulator(bindPaths(ops, prefix), bootSimulator(this.possibleCpus, seed))
    return { kernel, simulator, difference: firstDifference(ops, kernel, simulator) }
  }

  /** Smallest sequence that still differs at an op of the same kind as `ops` does. */
  async shrink(ops: Op[], seed: number, maxTests = 1500): Promise<{ ops: Op[]; outcome: Outcome }> {
    const original = await this.compare(ops, seed)
    if (!original.difference) return { ops, outcome: original }
    const kind = original.difference.op.op
    const minimal = await shrink(
      ops,
      async (candidate) => {
        const d = (await this.compare(candidate, seed)).difference
        return d !== null && d.op.op === kind
      },
      { maxTests },
    )
    return { ops: minimal, outcome: await this.compare(minimal, seed) }
  }
}

/**
 * A short name for the kind of difference, to group sequences that fail the same way:
 * op kind, the two return values, and which result fields differ.
 */
export function differenceSignature(d: Difference): string {
  const k = (d.kernel ?? {}) as Record<string, unknown>
  const s = (d.simulator ?? {}) as Record<string, unknown>
  const fields = [...new Set([...Object.keys(k), ...Object.keys(s)])]
    .filter((f) => f !== 'ret' && JSON.stringify(k[f]) !== JSON.stringify(s[f]))
    .sort()
  return `${d.op.op}: kernel ret ${k.ret} / simulator ret ${s.ret ?? 'exception'}${fields.length ? `, differing ${fields.join(',')}` : ''}`
}

/** A reproducer: the ops as JSON lines, each with the kernel's result, and the differing op. */
export function formatReproducer(ops: Op[], outcome: Outcome): string {
  const lines = ops.map((op, i) => {
    const mark = outcome.difference?.index === i ? '   <-- differs' : ''
    return `${opLine(op)}${mark}\n    kernel: ${JSON.stringify(outcome.kernel[i])}`
  })
  const d = outcome.difference
  if (d) {
    lines.push(
      `first difference at op #${d.index} (${d.op.op}):`,
      `  kernel:    ${JSON.stringify(d.kernel)}`,
      `  simulator: ${JSON.stringify(d.simulator)}`,
    )
  }
  return lines.join('\n')
}
