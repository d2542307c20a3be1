/**
 * Test and benchmark support (not used by the CLI or the app). Node worker threads cannot load
 * TypeScript, so the CPU worker is bundled to one JavaScript file with esbuild, once per process,
 * as the CLI build does for its own copy; `simulate` runs a program end to end on a new kernel.
 */
import { buildSync } from 'esbuild'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Kernel } from '../kernel/kernel'
import type { Program } from '../lang/api'
import { compile, formatDiagnostic } from '../lang/compile'
import { dumpMaps, type MapDump } from './dump'
import { loadProgram } from './loader'
import { runParallel, runReproducible, type XdpRunOptions, type XdpRunResult } from './run'
import { analyseProgram } from './checks'
import { framesSource } from './source'

let bundled: string | undefined

/**
 * Path of a bundled copy of cpu-worker.ts: one file per version of the code, named by its hash
 * and shared by every test process (written to a temporary name and renamed into place, so
 * processes bundling at once never see half a file).
 */
export function bundledCpuWorker(): string {
  if (bundled) return bundled
  const out = buildSync({
    entryPoints: [fileURLToPath(new URL('./cpu-worker.ts', import.meta.url))],
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  }).outputFiles[0].contents
  const file = join(tmpdir(), `bpfplay-xdp-cpu-worker-${createHash('sha256').update(out).digest('hex').slice(0, 16)}.mjs`)
  if (!existsSync(file)) {
    const part = `${file}.${process.pid}.part`
    writeFileSync(part, out)
    renameSync(part, file)
  }
  bundled = file
  return file
}

/** Compiles a BPF C program or throws with the diagnostics. */
export function compileBpf(source: string, filename = 'prog.c'): Program {
  const r = compile(source, { filename, target: 'bpf' })
  if (!r.program) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'))
  return r.program
}

export interface SimOptions {
  /** CPUs running the program (default 4). */
  cpus?: number
  /** Possible CPUs of the kernel (per-CPU value slots; default: cpus). */
  possibleCpus?: number
  mode?: 'parallel' | 'reproducible'
  seed?: number
  switchProbability?: number
  trace?: (line: string) => void
}

/** Compiles, loads and runs a program over frames on a fresh kernel; returns the run and the maps. */
export async function simulate(source: string, frames: Uint8Array[], opts: SimOptions = {}): Promise<{ result: XdpRunResult; maps: MapDump; kernel: Kernel }> {
  const program = compileBpf(source)
  const cpus = opts.cpus ?? 4
  const kernel = Kernel.create({ possibleCpus: opts.possibleCpus ?? cpus, hashSeed: opts.seed ?? 1, memoryBytes: 64 << 20, wasmAtomics: true })
  const loaded = loadProgram(kernel, program)
  const run: XdpRunOptions = {
    kernel,
    loaded,
    source: framesSource(frames),
    cpus,
    seed: opts.seed,
    switchProbability: opts.switchProbability,
    trace: opts.trace,
    workerScript: bundledCpuWorker(),
    packetsReadOnly: !analyseProgram(source, program).packetWrites,
  }
  const result = opts.mode === 'reproducible' ? runReproducible(run) : await runParallel(run)
  return { result, maps: dumpMaps(kernel, loaded), kernel }
}

/** A fixture program's source (src/xdp/fixtures/NAME). */
export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8')
}
