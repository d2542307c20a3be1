/**
 * `bpfplay run --strace` against the real strace: the seed and golden programs, built with gcc
 * + libbpf, run under `strace -e trace=bpf` on this machine's kernel, and bpfplay must print
 * the same lines: every bpf() call with the attr members strace decodes, the result and errno,
 * and how the process ended. This checks the syscall inspector's reading of each attr (the same
 * records) against the real tool. Two things differ by nature and are set aside: user-space
 * addresses, and the BPF_PROG_LOAD calls real libbpf makes to probe kernel features before its
 * first map (bpfplay's libbpf knows the kernel it runs on).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliSandbox } from './cli-sandbox'
import { ensureBpffs, realKernelAvailable } from './real-kernel'

const root = join(import.meta.dirname, '..')
const programs = [
  ...readdirSync(join(root, 'public/examples/seeds')).map((f) => join(root, 'public/examples/seeds', f)),
  ...readdirSync(join(root, 'tests/golden')).filter((f) => f.endsWith('.c')).map((f) => join(root, 'tests/golden', f)),
].filter((f) => f.endsWith('.c'))

/** The bpf() lines and the exit line, addresses replaced, libbpf's feature probes left out. */
function normalize(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => (l.startsWith('bpf(') && !l.startsWith('bpf(BPF_PROG_LOAD')) || l.startsWith('+++'))
    .map((l) => l.replace(/=0x[0-9a-f]+/g, '=ADDR'))
}

function straceAvailable(): true | string {
  const kernel = realKernelAvailable()
  if (kernel !== true) return kernel
  const bpffs = ensureBpffs()
  if (bpffs !== true) return bpffs
  const r = spawnSync('strace', ['-V'], { encoding: 'utf8' })
  return r.status === 0 ? true : 'strace is not installed'
}

const why = straceAvailable()

describe.skipIf(why !== true)(`bpfplay run --strace prints what strace prints${why === true ? '' : ` (skipped: ${why})`}`, () => {
  const sim = cliSandbox('strace')
  const dir = mkdtempSync(join(tmpdir(), 'bpfplay-strace-'))
  const realTrace = (file: string): string[] => {
    const exe = join(dir, basename(file, '.c'))
    const out = `${exe}.strace`
    execFileSync('cc', ['-w', '-o', exe, file, '-lbpf'], { stdio: 'pipe' })
    cleanPins()
    try {
      spawnSync('strace', ['-e', 'trace=bpf', '-o', out, 'taskset', '-c', '0', exe], { encoding: 'utf8' })
      // (strace follows the exec of taskset into the program: its lines are the program's)
      return normalize(readFileSync(out, 'utf8'))
    } finally {
      cleanPins()
    }
  }

  for (const file of programs) {
    it(basename(file), () => {
      // A map created without BPF_F_ZERO_SEED hashes with a random seed on both sides, so the
      // buckets (and with them where a batch call stops) can differ between two runs of the same
      // program: a mismatch is tried again with fresh runs of both, up to 5 times.
      let real: string[] = []
      let ours: string[] = []
      for (let attempt = 0; attempt < 5; attempt++) {
        real = realTrace(file)
        // (the CLI's kernel has this machine's possible CPUs, as the real one: LRU lists are per CPU)
        ours = normalize(sim.cli('run', '--strace', file).err)
        if (JSON.stringify(ours) === JSON.stringify(real)) break
      }
      expect(ours).toEqual(real)
    })
  }

  it('(cleanup)', () => rmSync(dir, { recursive: true, force: true }))
})

/** The pins the seed (my_map) and golden (bpfplay_golden_*) programs make. */
function cleanPins(): void {
  for (const name of readdirSync('/sys/fs/bpf')) if (name === 'my_map' || name.startsWith('bpfplay_golden')) rmSync(join('/sys/fs/bpf', name), { recursive: true, force: true })
}
