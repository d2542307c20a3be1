/**
 * Program-level differential tests on a generated set: random op sequences turned into C
 * programs (c-program.ts), built with gcc + libbpf and run on the real kernel, and run by
 * bpfplay; stdout must be identical. Complements the op-level harness: this path goes through
 * our C compiler, the libbpf wrappers and process memory, as a user's program does.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hostPossibleCpus } from '../../src/cli/host'
import { runSources } from '../harness'
import { ensureBpffs, realKernelAvailable } from '../real-kernel'
import { runReal } from '../real-run'
import { toCProgram } from './c-program'
import { generateSequence, sequenceSeed } from './generate'
import { bindPaths } from './ops'
import { scratchDir } from '../scratch-dir'

const PROGRAMS = 30
const SEED = Number(process.env.CONFORMANCE_SEED ?? 424242) >>> 0
const why = realKernelAvailable()
const ready = why === true ? ensureBpffs() : why

describe.skipIf(ready !== true)(`generated C programs: gcc + real kernel vs bpfplay${ready === true ? '' : ` (skipped: ${ready})`}`, () => {
  const cpus = hostPossibleCpus()
  const dir = scratchDir('genprog')
  for (let i = 0; i < PROGRAMS; i++) {
    it(`program ${i} (sequence seed ${sequenceSeed(SEED, i)})`, () => {
      const seed = sequenceSeed(SEED, i)
      const ops = bindPaths(generateSequence(seed, { possibleCpus: cpus }), `/sys/fs/bpf/bpfplay_golden_gen${i}`)
      const text = toCProgram(ops)
      const file = join(dir, `gen${i}.c`)
      writeFileSync(file, text)
      const [real] = runReal([file])
      const [ours] = runSources([{ name: `gen${i}.c`, text }], { cpus })
      expect(real.exit, `gcc build ran: ${real.stderr}`).toBe(0)
      expect({ stdout: ours.stdout, stderr: ours.stderr, exit: ours.exit }).toEqual(real)
    })
  }
})
