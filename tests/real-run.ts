/**
 * Builds a C file with gcc + libbpf and runs it as root on the real kernel, with the pins the
 * golden programs use (/sys/fs/bpf/bpfplay_golden_*) removed before and after.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'

import type { RunOutput } from './harness'

function cleanPins(prefix: string): void {
  try {
    for (const name of readdirSync('/sys/fs/bpf')) if (name.startsWith(prefix)) rmSync(join('/sys/fs/bpf', name), { recursive: true, force: true })
  } catch {
    // no bpffs: nothing to clean
  }
}

export function runReal(files: string[], pinPrefix = 'bpfplay_golden'): RunOutput[] {
  const dir = mkdtempSync(join(tmpdir(), 'bpfplay-real-'))
  const exes = files.map((file) => {
    const exe = join(dir, basename(file, '.c'))
    execFileSync('cc', ['-w', '-o', exe, file, '-lbpf'], { stdio: 'pipe' })
    return exe
  })
  cleanPins(pinPrefix)
  try {
    return exes.map((exe) => {
      // taskset: LRU and per-CPU results depend on the CPU that makes the syscall.
      const r = spawnSync('taskset', ['-c', '0', exe], { encoding: 'utf8' })
      return { stdout: r.stdout, stderr: r.stderr, exit: r.status ?? 128 + 11 }
    })
  } finally {
    cleanPins(pinPrefix)
    rmSync(dir, { recursive: true, force: true })
  }
}
