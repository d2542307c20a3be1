// Runs every seed program of ../shared/conformance/seeds through the `bpfplay` CLI and compares
// with the real kernel's output. 10-pin and 11-get also run in one invocation (shared kernel).
// Programs whose output depends on the random hash seed run with several --seed values.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { compareSeed, loadManifest, seedsAvailable, seedsDir } from '../tests/seed-compare.mjs'

if (!seedsAvailable()) {
  console.log(`seed conformance: skipped: ${seedsDir} not found`)
  process.exit(0)
}

function cli(args) {
  const r = spawnSync('node', ['bin/bpfplay.mjs', 'run', ...args], { encoding: 'utf8', timeout: 30_000 })
  return { out: r.stdout ?? '', err: r.stderr ?? '', rc: r.status ?? -1 }
}

const manifest = loadManifest()
let pass = 0
let fail = 0
const check = (label, entry, run, opts) => {
  const d = compareSeed(entry, run, opts)
  if (d === null) pass++
  else {
    fail++
    console.log(`FAIL ${label}\n${d}\n`)
  }
}
for (const entry of manifest) {
  const file = join(seedsDir, `${entry.name}.c`)
  check(entry.name, entry, cli([file]))
  if (entry.compare === 'sorted' || entry.compare === 'batch_subset') {
    for (const seed of [1, 2, 3, 42, 1234]) check(`${entry.name} --seed ${seed}`, entry, cli(['--seed', String(seed), file]))
  }
}
// 10-pin then 11-get on one kernel: the map pinned by the first is found by the second.
const pin = manifest.find((e) => e.name === '10-pin')
const get = manifest.find((e) => e.name === '11-get')
if (pin && get) {
  const both = cli([join(seedsDir, '10-pin.c'), join(seedsDir, '11-get.c')])
  const pinOut = 'Hash map created successfully with fd: 3\nBatch update succeeded\nMap pinned at /sys/fs/bpf/my_map\n'
  const split = both.out.startsWith(pinOut) ? { out: both.out.slice(pinOut.length), err: both.err, rc: both.rc } : both
  check('10-pin + 11-get on one kernel', get, split, { afterPin: true })
}
console.log(`seed conformance: ${pass} passed, ${fail} failed`)
process.exitCode = fail ? 1 : 0
