/**
 * For tests of the `bpfplay` command: a temporary folder to write C files into and a runner of
 * bin/bpfplay.mjs that returns its stdout, stderr and exit status.
 */
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { scratchDir } from './scratch-dir'

const bin = join(import.meta.dirname, '..', 'bin', 'bpfplay.mjs')

export function cliSandbox(prefix: string) {
  const dir = scratchDir(prefix)
  return {
    dir,
    /** Writes `text` to `name` in the folder; returns its path. */
    file(name: string, text: string): string {
      const p = join(dir, name)
      writeFileSync(p, text)
      return p
    },
    cli(...args: string[]) {
      const r = spawnSync('node', [bin, ...args], { encoding: 'utf8', timeout: 60_000, maxBuffer: 256 << 20 })
      return { out: r.stdout, err: r.stderr, rc: r.status }
    },
  }
}
