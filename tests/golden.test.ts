/**
 * Golden programs (tests/golden/*.c): bpfplay must print what the file says. Their
 * expectations were recorded from the real kernel; where bpf() works here they are also
 * re-checked against it, so a golden file can never drift from Linux.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readGolden } from './golden-format'
import { runFiles } from './harness'
import { realKernelAvailable } from './real-kernel'
import { runReal } from './real-run'
import { hostPossibleCpus } from '../src/cli/host'

const dir = join(import.meta.dirname, 'golden')
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.c'))
  .sort()

describe('golden programs on bpfplay', () => {
  for (const f of files) {
    it(f, () => {
      const golden = readGolden(join(dir, f))
      const [run] = runFiles([join(dir, f)], { cpus: 2 })
      expect({ stdout: run.stdout, stderr: run.stderr, exit: run.exit }).toEqual({ stdout: golden.stdout, stderr: golden.stderr, exit: golden.exit })
    })
  }
})

// Expectations assume the reference machine's 2 possible CPUs (per-CPU layouts, LRU lists).
const why = realKernelAvailable()
const skipReal = why !== true ? why : hostPossibleCpus() !== 2 ? `this machine has ${hostPossibleCpus()} possible CPUs, the goldens were recorded with 2` : null
describe.skipIf(skipReal !== null)(`golden programs on the real kernel${skipReal ? ` (skipped: ${skipReal})` : ''}`, () => {
  for (const f of files) {
    const golden = readGolden(join(dir, f))
    it.skipIf(golden.bpfplayOnly)(f, () => {
      const [run] = runReal([join(dir, f)])
      expect(run).toEqual({ stdout: golden.stdout, stderr: golden.stderr, exit: golden.exit })
    })
  }
})
