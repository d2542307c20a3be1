/**
 * The seed tutorial's programs (../shared/conformance/seeds): bpfplay's output compared with the
 * real kernel's recorded output as the manifest says; and, where bpf() works here, the same
 * programs built with gcc + libbpf and run for real, checked by the same rules.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compareSeed, loadManifest, seedsAvailable, seedsDir } from './seed-compare.mjs'
import { runFiles, type RunOutput } from './harness'
import { realKernelAvailable, ensureBpffs } from './real-kernel'
import { runReal } from './real-run'

const toSeedRun = (r: RunOutput) => ({ out: r.stdout, err: r.stderr, rc: r.exit })
const available = seedsAvailable()
const manifest: { name: string; compare?: string }[] = available ? loadManifest() : []

describe.skipIf(!available)(`seed programs on bpfplay${available ? '' : ` (skipped: ${seedsDir} not found)`}`, () => {
  for (const entry of manifest) {
    it(entry.name, () => {
      const [run] = runFiles([join(seedsDir, `${entry.name}.c`)])
      expect(compareSeed(entry, toSeedRun(run))).toBeNull()
    })
    if (entry.compare === 'sorted' || entry.compare === 'batch_subset') {
      it(`${entry.name} with 50 different hash seeds`, () => {
        for (let seed = 1; seed <= 50; seed++) {
          const [run] = runFiles([join(seedsDir, `${entry.name}.c`)], { seed })
          expect(compareSeed(entry, toSeedRun(run)), `--seed ${seed}`).toBeNull()
        }
      })
    }
  }
  it('10-pin then 11-get on one kernel finds the pinned map', () => {
    const [, get] = runFiles([join(seedsDir, '10-pin.c'), join(seedsDir, '11-get.c')])
    const entry = manifest.find((e) => e.name === '11-get')!
    expect(compareSeed(entry, toSeedRun(get), { afterPin: true })).toBeNull()
  })
})

const why = !available ? 'no seeds' : realKernelAvailable()
const bpffs = why === true ? ensureBpffs() : why
describe.skipIf(bpffs !== true)(`seed programs on the real kernel${bpffs === true ? '' : ` (skipped: ${bpffs})`}`, () => {
  for (const entry of manifest) {
    it(entry.name, () => {
      const [run] = runReal([join(seedsDir, `${entry.name}.c`)], 'my_map')
      expect(compareSeed(entry, toSeedRun(run))).toBeNull()
    })
  }
  it('10-pin then 11-get', () => {
    const [, get] = runReal([join(seedsDir, '10-pin.c'), join(seedsDir, '11-get.c')], 'my_map')
    const entry = manifest.find((e) => e.name === '11-get')!
    expect(compareSeed(entry, toSeedRun(get), { afterPin: true })).toBeNull()
  })
})
