/**
 * The real-kernel side of the conformance harness: builds tests/oracle/oracle.c (a native
 * libbpf 1.1.2 program), checks that this machine can run it (Linux, root, bpf() works, bpffs
 * mounted — mounting it when possible), and runs op sequences through it.
 *
 * One OracleProcess is one long-running native process; each sequence it is given runs in a
 * freshly forked child pinned to CPU 0 (see oracle.c), so sequences are independent and fds
 * start at 3. An OraclePool spreads sequences over several processes (2 cores here).
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bindPaths, opLine, type Op, type Result } from './ops'
import { hostPossibleCpus } from '../../src/cli/host'
import { ensureBpffs } from '../real-kernel'

const here = dirname(fileURLToPath(import.meta.url))
export const ORACLE_SOURCE = resolve(here, '../oracle/oracle.c')
export const BPFFS = '/sys/fs/bpf'
/** Every pin this harness process makes starts with this (cleaned up by cleanupPins). */
export const PIN_ROOT = `${BPFFS}/bpfplay_${process.pid}_`

let pinCounter = 0
/** A fresh top-level bpffs name for one sequence run (the simulator gets the same paths). */
export function freshPinPrefix(): string {
  return `${PIN_ROOT}${pinCounter++}`
}

/** CPUs 0..k-1 that are all online (the `cpu` op may move the oracle to these). */
export function switchableCpus(): number {
  let online: Set<number>
  try {
    online = new Set<number>()
    for (const part of readFileSync('/sys/devices/system/cpu/online', 'utf8').trim().split(',')) {
      const [lo, hi] = part.split('-').map(Number)
      for (let c = lo!; c <= (hi ?? lo)!; c++) online.add(c)
    }
  } catch {
    return 1
  }
  let k = 0
  while (online.has(k) && k < hostPossibleCpus()) k++
  return Math.max(1, k)
}

/** Builds the oracle into the temp dir when missing or older than its source; returns its path. */
export function buildOracle(): string {
  const dir = join(tmpdir(), 'bpfplay-oracle-build')
  mkdirSync(dir, { recursive: true })
  const binary = join(dir, 'bpfplay-oracle')
  const srcTime = statSync(ORACLE_SOURCE).mtimeMs
  if (existsSync(binary) && statSync(binary).mtimeMs >= srcTime) return binary
  // Build under a private name and rename, so concurrent test workers never run a half-written file.
  const partial = `${binary}.${process.pid}.tmp`
  execFileSync('cc', ['-O2', '-o', partial, ORACLE_SOURCE, '-lbpf'], { stdio: ['ignore', 'pipe', 'pipe'] })
  renameSync(partial, binary)
  return binary
}


export type Availability =
  | { ok: true; binary: string; possibleCpus: number; switchableCpus: number; kernel: string }
  | { ok: false; reason: string }

/** Can this machine run the oracle? Says exactly why not when it cannot. */
export async function checkOracle(): Promise<Availability> {
  if (process.platform !== 'linux') return { ok: false, reason: `not Linux (platform ${process.platform})` }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    return { ok: false, reason: `not root (uid ${process.getuid()}); bpf() map commands need CAP_BPF/CAP_SYS_ADMIN` }
  }
  let binary: string
  try {
    binary = buildOracle()
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string }
    const detail = err.stderr?.toString().trim() || err.message
    return { ok: false, reason: `cannot build tests/oracle/oracle.c with cc -lbpf (libbpf-dev missing?): ${detail.split('\n')[0]}` }
  }
  const bpffs = ensureBpffs()
  if (bpffs !== true) return { ok: false, reason: `bpffs not mounted at ${BPFFS}: ${bpffs}` }
  const probe = new OracleProcess(binary)
  try {
    const [r] = await probe.run([
      { op: 'create', type: 2, key_size: 4, value_size: 4, max_entries: 1, flags: 0, name: 'probe' },
    ])
    if (!r || r.ret === null || r.ret < 0) {
      return { ok: false, reason: `bpf(BPF_MAP_CREATE) fails on this machine: ret ${r?.ret} (${errnoName(-(r?.ret ?? 0))})` }
    }
  } catch (e) {
    return { ok: false, reason: `oracle does not run: ${(e as Error).message}` }
  } finally {
    probe.close()
  }
  let kernel = 'unknown'
  try {
    kernel = readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim()
  } catch {
    // Not essential.
  }
  return { ok: true, binary, possibleCpus: hostPossibleCpus(), switchableCpus: switchableCpus(), kernel }
}

function errnoName(e: number): string {
  const names: Record<number, string> = { 1: 'EPERM', 13: 'EACCES', 22: 'EINVAL', 38: 'ENOSYS', 12: 'ENOMEM' }
  return names[e] ?? `errno ${e}`
}

/** One native oracle process; sequences are queued and run one at a time. */
export class OracleProcess {
  private child: ChildProcessWithoutNullStreams
  private buffered = ''
  private lines: string[] = []
  private waiter: (() => void) | null = null
  private stderr = ''
  private exited: string | null = null
  private queue: Promise<unknown> = Promise.resolve()

  constructor(binary: string) {
    this.child = spawn(binary, [], { stdio: ['pipe', 'pipe', 'pipe'] })
    this.child.stdout.setEncoding('utf8')
    this.child.stdout.on('data', (chunk: string) => {
      this.buffered += chunk
      let nl: number
      while ((nl = this.buffered.indexOf('\n')) >= 0) {
        this.lines.push(this.buffered.slice(0, nl))
        this.buffered = this.buffered.slice(nl + 1)
      }
      this.wake()
    })
    this.child.stderr.on('data', (d: Buffer) => {
      this.stderr += d.toString()
    })
    this.child.on('exit', (code, signal) => {
      this.exited = `oracle exited (${signal ?? `code ${code}`})${this.stderr ? `: ${this.stderr.trim()}` : ''}`
      this.wake()
    })
    this.child.on('error', (e) => {
      this.exited = `oracle failed to start: ${e.message}`
      this.wake()
    })
    this.child.stdin.on('error', () => {
      // EPIPE after the process died: reported through `exited`.
    })
  }

  private wake(): void {
    const w = this.waiter
    this.waiter = null
    w?.()
  }

  private async nextLine(): Promise<string> {
    for (;;) {
      const line = this.lines.shift()
      if (line !== undefined) return line
      if (this.exited) throw new Error(this.exited)
      await new Promise<void>((r) => (this.waiter = r))
    }
  }

  /**
   * Runs one sequence (paths with "@PIN@" bound to `pinPrefix`, or a fresh prefix) and returns one
   * result per op.
   */
  run(ops: Op[], pinPrefix = freshPinPrefix()): Promise<Result[]> {
    const job = this.queue.then(() => this.runNow(bindPaths(ops, pinPrefix)))
    this.queue = job.catch(() => undefined)
    return job
  }

  private async runNow(ops: Op[]): Promise<Result[]> {
    if (this.exited) throw new Error(this.exited)
    this.child.stdin.write(ops.map((op) => `${opLine(op)}\n`).join('') + '\n')
    const results: Result[] = []
    for (;;) {
      const line = await this.nextLine()
      const parsed = JSON.parse(line) as Result & { end?: boolean; status?: number }
      if (parsed.end) {
        if (parsed.status !== 0 || results.length !== ops.length) {
          throw new Error(
            `oracle child failed (wait status ${parsed.status}, ${results.length}/${ops.length} results)` +
              (this.stderr ? `: ${this.stderr.trim()}` : ''),
          )
        }
        return results
      }
      results.push(parsed)
    }
  }

  close(): void {
    this.child.stdin.end()
  }
}

/** Several oracle processes; each sequence goes to the least busy one. */
export class OraclePool {
  private procs: { p: OracleProcess; busy: number }[]
  constructor(binary: string, size: number) {
    this.procs = Array.from({ length: size }, () => ({ p: new OracleProcess(binary), busy: 0 }))
  }

  async run(ops: Op[], pinPrefix?: string): Promise<Result[]> {
    const slot = this.procs.reduce((a, b) => (b.busy < a.busy ? b : a))
    slot.busy++
    try {
      return await slot.p.run(ops, pinPrefix)
    } finally {
      slot.busy--
    }
  }

  close(): void {
    for (const s of this.procs) s.p.close()
    cleanupPins()
  }
}

/** Removes pins left behind by this harness process (the oracle unlinks its own; this is the safety net). */
export function cleanupPins(): void {
  let names: string[]
  try {
    names = readdirSync(BPFFS)
  } catch {
    return
  }
  const prefix = PIN_ROOT.slice(BPFFS.length + 1)
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    try {
      unlinkSync(join(BPFFS, name))
    } catch {
      // Already gone.
    }
  }
}
