/**
 * vitest globalSetup: one scratch folder for the whole test run, under which every test's
 * scratchDir goes (the environment variable reaches the test workers), removed at the end. The
 * workers are stopped without running their exit handlers, so they cannot clean up themselves.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'bpfplay-test-run-'))
  process.env.BPFPLAY_SCRATCH = dir
  return () => rmSync(dir, { recursive: true, force: true })
}
