/** Facts about the machine the CLI runs on. */
import { readFileSync } from 'node:fs'
import { cpus } from 'node:os'

/** Number of possible CPUs as the kernel reports it (/sys/devices/system/cpu/possible, e.g. "0-1"). */
export function hostPossibleCpus(): number {
  try {
    const text = readFileSync('/sys/devices/system/cpu/possible', 'utf8').trim()
    let n = 0
    for (const part of text.split(',')) {
      const [a, b] = part.split('-').map(Number)
      n += b === undefined ? 1 : b - a + 1
    }
    if (n > 0) return n
  } catch {
    // not Linux: fall through
  }
  return Math.max(1, cpus().length)
}
