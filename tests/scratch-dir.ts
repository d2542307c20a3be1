/**
 * Scratch folders for tests and benchmarks (C programs built with cc or clang, pcaps, CLI
 * inputs), so that thousands of test runs do not leave thousands of folders behind: each is a
 * new folder under the test run's folder (BPFPLAY_SCRATCH, made and removed by
 * scratch-setup.ts) or else the OS temp dir, and removed when the process exits normally.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const made: string[] = []

/** A new empty folder named bpfplay-PREFIX-XXXXXX, gone at exit. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(process.env.BPFPLAY_SCRATCH ?? tmpdir(), `bpfplay-${prefix}-`))
  if (made.length === 0) process.on('exit', removeAll)
  made.push(dir)
  return dir
}

function removeAll(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
}
