/**
 * Differential conformance run: random op sequences on the real Linux kernel (through the
 * native libbpf oracle) and on bpfplay's simulated kernel, compared op by op.
 *
 *   npx tsx scripts/conformance.ts --sequences 10000 [--seed N] [--jobs 2]
 *       long run; prints progress, then "K/N sequences identical" and, for the first
 *       difference, a shrunk reproducer with the kernel and simulator results of the op that differs
 *       (--all-kinds: one shrunk reproducer per kind of difference instead of only the first)
 *   npx tsx scripts/conformance.ts --replay file.jsonl     run one op file (golden or plain) on both sides
 *   npx tsx scripts/conformance.ts --record golden/x.jsonl [...]   (re)record golden expectations from the kernel
 *   npx tsx scripts/conformance.ts --self --sequences 500   kernel vs kernel (is the oracle deterministic?)
 *
 * Needs Linux, root and a working bpf(); says why when it cannot run.
 */
import { readFileSync } from 'node:fs'
import { generateSequence, sequenceSeed } from '../tests/conformance/generate'
import { loadGolden, writeGolden } from '../tests/conformance/golden'
import { firstDifference, opLine, type Op } from '../tests/conformance/ops'
import { checkOracle, cleanupPins, OraclePool } from '../tests/conformance/oracle'

interface Args {
  sequences: number
  seed: number
  jobs: number
  replay: string | null
  record: string[]
  self: boolean
  allKinds: boolean
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sequences: 1000, seed: (Date.now() ^ (process.pid << 16)) >>> 0, jobs: 2, replay: null, record: [], self: false, allKinds: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const next = () => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${a} needs a value`)
      return v
    }
    if (a === '--sequences' || a === '-n') args.sequences = Number(next())
    else if (a === '--seed') args.seed = Number(next()) >>> 0
    else if (a === '--jobs' || a === '-j') args.jobs = Math.max(1, Number(next()))
    else if (a === '--replay') args.replay = next()
    else if (a === '--record') {
      while (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) args.record.push(argv[++i]!)
    } else if (a === '--self') args.self = true
    else if (a === '--all-kinds') args.allKinds = true
    else if (a === '--help' || a === '-h') {
      console.log(readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0])
      process.exit(0)
    } else throw new Error(`unknown argument ${a}`)
  }
  return args
}

/** Runs `work(i)` for i in [0, n) with `jobs` in flight. */
async function parallel(n: number, jobs: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(jobs, n) }, async () => {
      while (next < n) await work(next++)
    }),
  )
}

function progress(done: number, total: number, same: number): void {
  if (process.stderr.isTTY) process.stderr.write(`\r${done}/${total} run, ${same} identical `)
  else if (done % Math.max(1, Math.floor(total / 20)) === 0 || done === total) process.stderr.write(`${done}/${total} run, ${same} identical\n`)
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2))
  const avail = await checkOracle()
  if (!avail.ok) {
    console.error(`conformance: cannot run the real kernel side: ${avail.reason}`)
    return 2
  }
  const pool = new OraclePool(avail.binary, args.jobs)
  const env = { possibleCpus: avail.possibleCpus, switchableCpus: avail.switchableCpus }
  process.on('exit', cleanupPins)
  try {
    if (args.record.length > 0) {
      for (const file of args.record) {
        const g = loadGolden(file)
        if (g.meta.possible_cpus !== avail.possibleCpus) {
          console.error(`${file}: written for ${g.meta.possible_cpus} possible CPUs, this machine has ${avail.possibleCpus}; recording anyway`)
        }
        const results = await pool.run(g.ops)
        writeGolden(g, { possible_cpus: avail.possibleCpus, kernel: avail.kernel, libbpf: '1.1.2' }, results)
        console.log(`recorded ${file} (${g.ops.length} ops, kernel ${avail.kernel})`)
      }
      return 0
    }

    if (args.self) {
      let same = 0
      let firstBad: number | null = null
      await parallel(args.sequences, args.jobs, async (i) => {
        const ops = generateSequence(sequenceSeed(args.seed, i), env)
        const [a, b] = await Promise.all([pool.run(ops), pool.run(ops)])
        if (firstDifference(ops, a, b) === null) same++
        else if (firstBad === null || i < firstBad) firstBad = i
        progress(i + 1, args.sequences, same)
      })
      console.log(`\n${same}/${args.sequences} sequences identical kernel vs kernel (seed ${args.seed})`)
      if (firstBad !== null) {
        const ops = generateSequence(sequenceSeed(args.seed, firstBad), env)
        const [a, b] = [await pool.run(ops), await pool.run(ops)]
        const d = firstDifference(ops, a, b)!
        console.log(`sequence ${firstBad}: op #${d.index} ${opLine(d.op)}\n  run 1: ${JSON.stringify(d.kernel)}\n  run 2: ${JSON.stringify(d.simulator)}`)
      }
      return firstBad === null ? 0 : 1
    }

    // The simulator is loaded only for the modes that need it.
    const { DiffHarness, differenceSignature, formatReproducer } = await import('../tests/conformance/harness')
    const harness = new DiffHarness(pool, avail.possibleCpus)

    if (args.replay) {
      const text = readFileSync(args.replay, 'utf8')
      const ops: Op[] = text.includes('"meta"')
        ? loadGolden(args.replay).ops
        : text
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l && !l.startsWith('#'))
            .map((l) => JSON.parse(l) as Op)
      const outcome = await harness.compare(ops, 1)
      console.log(formatReproducer(ops, outcome))
      console.log(outcome.difference ? 'DIFFERENT' : 'identical')
      return outcome.difference ? 1 : 0
    }

    console.error(`conformance: ${args.sequences} sequences, seed ${args.seed}, kernel ${avail.kernel}, ${avail.possibleCpus} possible CPUs, ${args.jobs} oracle processes`)
    let same = 0
    let done = 0
    const failing: { index: number; signature: string }[] = []
    await parallel(args.sequences, args.jobs, async (i) => {
      const seed = sequenceSeed(args.seed, i)
      const ops = generateSequence(seed, env)
      const outcome = await harness.compare(ops, seed)
      if (outcome.difference) failing.push({ index: i, signature: differenceSignature(outcome.difference) })
      else same++
      progress(++done, args.sequences, same)
    })
    console.log(`\n${same}/${args.sequences} sequences identical (seed ${args.seed})`)
    if (failing.length === 0) return 0

    // Group by kind of difference; the group of the first failing sequence is shown first.
    failing.sort((a, b) => a.index - b.index)
    const groups = new Map<string, number[]>()
    for (const f of failing) groups.set(f.signature, [...(groups.get(f.signature) ?? []), f.index])
    console.log(`\n${groups.size} kinds of first difference:`)
    for (const [sig, idx] of groups) console.log(`  ${String(idx.length).padStart(5)} x ${sig}   (e.g. sequence ${idx[0]})`)

    const toShrink = args.allKinds ? [...groups.values()].map((idx) => idx[0]!) : [failing[0]!.index]
    for (const index of toShrink) {
      const seed = sequenceSeed(args.seed, index)
      const ops = generateSequence(seed, env)
      console.log(`\n${index === failing[0]!.index ? 'first difference' : 'difference'}: sequence ${index} (sequence seed ${seed}, ${ops.length} ops); shrinking...`)
      const shrunk = await harness.shrink(ops, seed)
      console.log(`minimal reproducer (${shrunk.ops.length} ops):\n`)
      console.log(formatReproducer(shrunk.ops, shrunk.outcome))
      console.log(`\nas JSON lines:\n${shrunk.ops.map(opLine).join('\n')}`)
    }
    return 1
  } finally {
    pool.close()
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.stack : e)
    process.exit(2)
  },
)
