/**
 * The real kernel as the oracle for XDP programs: the program is built with
 * `clang -O2 -g -target bpf`, loaded with libbpf and fed the packets of a pcap file through
 * bpf_prog_test_run_opts by xdp-oracle.c (pinned to CPU 0 with taskset, so per-CPU maps have
 * everything in CPU 0's slot). The driver prints the action counts and every map's contents in
 * the shape of bpfplay's `xdp --dump json`.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { realKernelAvailable } from '../real-kernel'
import { scratchDir } from '../scratch-dir'

export interface OracleResult {
  actions: number[]
  maps: Record<string, { key: string; value: string | string[] }[]>
  /** ns per run from test_run's `duration` (only with repeat > 0 and no threads). */
  durationNs: number
  /** With repeat and threads: the threads' total packets per second, all running at once. */
  packetsPerSec?: number
}

let driver: string | undefined
let probed: true | string | undefined

function multiarchInclude(): string[] {
  try {
    const arch = execFileSync('gcc', ['-print-multiarch'], { encoding: 'utf8' }).trim()
    return arch ? [`-I/usr/include/${arch}`] : []
  } catch {
    return []
  }
}

/** true when clang, libbpf and a usable bpf() are here; otherwise why not. */
export function xdpOracleAvailable(): true | string {
  if (probed !== undefined) return probed
  const k = realKernelAvailable()
  if (k !== true) return (probed = k)
  const clang = spawnSync('clang', ['--version'], { encoding: 'utf8' })
  if (clang.status !== 0) return (probed = 'clang is not installed (needed for -target bpf)')
  if (spawnSync('taskset', ['--version']).status !== 0) return (probed = 'taskset (util-linux) is not installed')
  try {
    buildDriver()
  } catch (e) {
    return (probed = `cannot build tests/xdp-oracle/xdp-oracle.c: ${(e as { stderr?: Buffer }).stderr?.toString().trim() ?? e}`)
  }
  return (probed = true)
}

function buildDriver(): string {
  if (driver && existsSync(driver)) return driver
  const src = fileURLToPath(new URL('./xdp-oracle.c', import.meta.url))
  const out = join(scratchDir('xdp-oracle'), 'xdp-oracle')
  execFileSync('cc', ['-O2', '-o', out, src, '-lbpf', '-lpthread'], { stdio: 'pipe' })
  driver = out
  return out
}

/** Object files built by this process, by name and source (a benchmark runs one program many times). */
const built = new Map<string, string>()

/** Builds `source` for BPF (once per process); returns the object file path. Throws with clang's messages. */
export function clangBpf(source: string, name = 'prog'): string {
  const key = `${name}\n${source}`
  const done = built.get(key)
  if (done !== undefined) return done
  const dir = scratchDir('xdp-prog')
  const c = join(dir, `${name}.c`)
  const o = join(dir, `${name}.o`)
  writeFileSync(c, source)
  execFileSync('clang', ['-O2', '-g', '-target', 'bpf', ...multiarchInclude(), '-c', c, '-o', o], { stdio: 'pipe' })
  built.set(key, o)
  return o
}

/**
 * Runs the program over the pcap on the real kernel (on CPU 0; with `threads`, the repeats on
 * CPUs 0..threads-1 at once).
 */
export function runOracle(source: string, pcap: Uint8Array, opts: { prog?: string; repeat?: number; threads?: number } = {}): OracleResult {
  const bin = buildDriver()
  const obj = clangBpf(source)
  const pcapFile = obj.replace(/\.o$/, '.pcap')
  writeFileSync(pcapFile, pcap)
  const cpus = opts.threads ? `0-${opts.threads - 1}` : '0'
  const args = ['-c', cpus, bin, obj, pcapFile, ...(opts.prog ? ['--prog', opts.prog] : []), ...(opts.repeat ? ['--repeat', String(opts.repeat)] : []), ...(opts.threads ? ['--threads', String(opts.threads)] : [])]
  const r = spawnSync('taskset', args, { encoding: 'utf8', maxBuffer: 64 << 20 })
  if (r.status !== 0) throw new Error(`xdp-oracle failed (${r.status}): ${r.stderr}`)
  return JSON.parse(r.stdout) as OracleResult
}

/** Loads the program on the real kernel (no packets): true, or the libbpf/verifier log. */
export function realVerifier(source: string): true | string {
  const bin = buildDriver()
  const obj = clangBpf(source)
  const pcapFile = obj.replace(/\.o$/, '.pcap')
  const header = new Uint8Array(24)
  new DataView(header.buffer).setUint32(0, 0xa1b2c3d4, true)
  new DataView(header.buffer).setUint16(4, 2, true)
  new DataView(header.buffer).setUint16(6, 4, true)
  new DataView(header.buffer).setUint32(16, 65535, true)
  new DataView(header.buffer).setUint32(20, 1, true)
  writeFileSync(pcapFile, header)
  const r = spawnSync(bin, [obj, pcapFile], { encoding: 'utf8' })
  return r.status === 0 ? true : r.stderr
}
