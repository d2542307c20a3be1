/**
 * `bpfplay xdp PROG.c`: compile an XDP program for the BPF target, refuse it like the verifier
 * would (checks.ts), load it into a fresh kernel (maps created, pinned when asked), run it over
 * a pcap file or generated traffic on N simulated CPUs, then print the packets per XDP action
 * and, with --dump json, every map's contents. bpf_printk lines go where trace_pipe would show
 * them (stdout, or stderr when stdout carries the JSON dump). --user USER.c runs a userspace
 * program on the same kernel once the packets are through (it finds pinned maps with bpf_obj_get).
 *
 * Live mode: when USER uses the libbpf object API (bpf_object__open_file), the CLI does not load
 * the program. It offers it to USER as the object `<PROG basename>.o` (src/runtime/libbpf-object.ts),
 * starts the traffic on eth0 at --rate (src/xdp/live.ts: the CPUs run whatever is attached) and
 * runs USER at the same time, its sleep() in real time; a verifier-like refusal becomes USER's
 * bpf_object__load error. The run ends when USER exits, or once the traffic is over and USER's
 * stats loop has printed once more (it is then stopped like Ctrl-C: exit 130).
 */
import { existsSync, readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Kernel } from '../kernel/kernel'
import type { Program } from '../lang/api'
import { compile, formatDiagnostic } from '../lang/compile'
import { analyseProgram, verifierRefusal, type Finding } from '../xdp/checks'
import { XDP_ACTIONS } from '../xdp/cpu'
import { dumpMaps, dumpMapsByName } from '../xdp/dump'
import { DEFAULT_LIVE_RATE, LiveNic } from '../xdp/live'
import { findEntries, LoadError, loadProgram, pickEntry, unloadProgram } from '../xdp/loader'
import { runParallel, runReproducible, type XdpRunResult } from '../xdp/run'
import { pcapSource, trafficSource, type PacketSource } from '../xdp/source'
import { runInWorker } from './run-worker'
import type { XdpOptions } from './xdp-args'

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    process.stderr.write(`bpfplay: ${file}: ${code === 'ENOENT' ? 'No such file or directory' : (e as Error).message}\n`)
    return null
  }
}

function compileFile(file: string, target: 'bpf' | 'user', warnings: boolean): { program: Program; source: string } | null {
  const source = readText(file)
  if (source === null) return null
  const r = compile(source, { filename: file, target })
  for (const d of r.diagnostics) if (d.severity === 'error' || warnings) process.stderr.write(formatDiagnostic(d) + '\n')
  return r.program ? { program: r.program, source } : null
}

function packetSource(o: XdpOptions): PacketSource | null {
  try {
    if (o.pcap) {
      const bytes = readFileSync(o.pcap)
      return pcapSource(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), o.pcap)
    }
    return trafficSource(o.traffic, o.packets, o.seed ?? 1)
  } catch (e) {
    const err = e as NodeJS.ErrnoException
    process.stderr.write(`bpfplay: ${err.code === 'ENOENT' ? `${o.pcap}: No such file or directory` : err.message}\n`)
    return null
  }
}

function report(r: XdpRunResult, cpus: number, out: NodeJS.WriteStream, rate?: number): void {
  const w = (s: string) => out.write(s + '\n')
  XDP_ACTIONS.forEach((name, i) => w(`${name.padEnd(14)}${String(r.actions[i]).padStart(10)}`))
  if (r.invalidActions > 0) w(`${'invalid'.padEnd(14)}${String(r.invalidActions).padStart(10)}  (not an XDP action: the driver drops them)`)
  const secs = (r.elapsedMs / 1000).toFixed(2)
  const mode = `${r.mode}${rate ? `, ${rate}/s` : ''}${r.switches !== undefined ? `, ${r.switches} CPU switches` : ''}`
  w(`${r.packets} packets on ${cpus} CPU${cpus > 1 ? 's' : ''} (${mode}) in ${secs} s; per CPU: ${r.perCpu.map((c) => c.packets).join(' ')}`)
  if (r.noProgram !== undefined) w(`${r.packets - r.noProgram} ran an XDP program; ${r.noProgram} found none attached on eth0 (passed to the stack)`)
  if (r.stopped) w('stopped by --timeout before all packets were processed')
  if (r.faultCount > 0) {
    w(`${r.faultCount} packet${r.faultCount > 1 ? 's' : ''} aborted by a fault (counted as XDP_ABORTED):`)
    for (const f of r.faults) w(`  packet ${f.packet} on CPU ${f.cpu}: ${f.message}${f.where ? ` at ${f.where}` : ''}`)
  }
}

export async function runXdpCommand(o: XdpOptions): Promise<number> {
  const bpf = compileFile(o.prog, 'bpf', o.warnings)
  if (!bpf) return 1
  const user = o.user ? compileFile(o.user, 'user', o.warnings) : undefined
  if (user === null) return 1
  const { program, source } = bpf
  const { findings, packetWrites } = analyseProgram(source, program)
  if (user && usesObjectApi(user.program)) {
    if (findings.length > 0 && o.skipChecks) warnFindings(findings)
    return runLive(o, program, user.program, o.skipChecks ? [] : findings)
  }
  if (findings.length > 0 && o.skipChecks) {
    for (const f of findings) process.stderr.write(`${f.pos.file}:${f.pos.line}:${f.pos.col}: warning: the kernel would refuse this: ${f.message.split('\n')[0]}\n`)
  } else if (findings.length > 0) {
    let name = '?'
    try {
      name = pickEntry({ entries: findEntries(program), program }, o.entry).name
    } catch {
      // no entry: the verifier messages still apply
    }
    const errno = findings.some((f) => f.kind === 'loop' && f.message.startsWith('BPF program is too large')) ? 'Argument list too long' : 'Permission denied'
    process.stderr.write(`libbpf: prog '${name}': BPF program load failed: ${errno}\n`)
    for (const f of findings) {
      process.stderr.write(`${f.pos.file}:${f.pos.line}:${f.pos.col}: ${f.message.replace(/\n/g, '\n    ')}\n  ${f.explanation}\n`)
    }
    return 1
  }
  const source2 = packetSource(o)
  if (!source2) return 1
  const kernel = Kernel.create({ possibleCpus: o.cpus, hashSeed: o.seed, wasmAtomics: true })
  let loaded
  try {
    loaded = loadProgram(kernel, program)
    pickEntry(loaded, o.entry)
  } catch (e) {
    if (!(e instanceof LoadError)) throw e
    process.stderr.write(e.message + '\n')
    return 1
  }
  const out = o.dump ? process.stderr : process.stdout
  const trace = (line: string) => out.write(line + '\n')
  let result: XdpRunResult
  if (o.reproducible) {
    result = runReproducible({ kernel, loaded, source: source2, cpus: o.cpus, entry: o.entry, seed: o.seed ?? 1, trace })
  } else {
    result = await runParallel({ kernel, loaded, source: source2, cpus: o.cpus, entry: o.entry, seed: o.seed, trace, workerScript: cpuWorkerScript(), timeoutMs: o.timeoutSec ? o.timeoutSec * 1000 : undefined, ratePps: o.rate, packetsReadOnly: !packetWrites })
  }
  report(result, o.cpus, out, o.reproducible ? undefined : o.rate)
  let status = result.stopped ? 137 : 0
  if (user && !result.stopped) {
    status = await runInWorker(kernel.sab, user.program, {
      timeoutSec: o.timeoutSec,
      write: (fd, bytes) => (fd === 1 && !o.dump ? process.stdout : process.stderr).write(bytes),
    })
  }
  if (o.dump) process.stdout.write(JSON.stringify(dumpMaps(kernel, loaded)) + '\n')
  unloadProgram(kernel, loaded)
  return status
}

function cpuWorkerScript(): string {
  const workerScript = fileURLToPath(new URL('./xdp-cpu-worker.mjs', import.meta.url))
  if (!existsSync(workerScript)) throw new Error(`${workerScript} is missing: run bpfplay through bin/bpfplay.mjs (it builds the CPU worker)`)
  return workerScript
}

/** USER loads the program itself (the xdp-tutorial flow) when it opens a BPF object. */
function usesObjectApi(user: Program): boolean {
  return user.imports.some((i) => i.name === 'bpf_object__open_file' || i.name === 'bpf_object__open')
}

function warnFindings(findings: readonly Finding[]): void {
  for (const f of findings) process.stderr.write(`${f.pos.file}:${f.pos.line}:${f.pos.col}: warning: the kernel would refuse this: ${f.message.split('\n')[0]}\n`)
}

/** Live mode (see the top of this file). */
async function runLive(o: XdpOptions, program: Program, user: Program, findings: readonly Finding[]): Promise<number> {
  if (o.reproducible) {
    process.stderr.write(`bpfplay: --reproducible needs the packets up front; ${o.user} attaches the program itself while traffic flows (live mode)\n`)
    return 2
  }
  const source = packetSource(o)
  if (!source) return 1
  const kernel = Kernel.create({ possibleCpus: o.cpus, hashSeed: o.seed, wasmAtomics: true })
  const key = basename(o.prog).replace(/\.c$/, '') + '.o'
  const out = o.dump ? process.stderr : process.stdout
  const rate = o.rate ?? DEFAULT_LIVE_RATE
  // USER's worker starts first: on a busy machine it then attaches before much traffic has passed.
  let trafficOver: { resolve: () => void; reject: (e: unknown) => void } | undefined
  const trafficDone = new Promise<void>((resolve, reject) => (trafficOver = { resolve, reject }))
  const userExit = runInWorker(kernel.sab, user, {
    timeoutSec: o.timeoutSec,
    write: (fd, bytes) => (fd === 1 && !o.dump ? process.stdout : process.stderr).write(bytes),
    objects: { [key]: { program, refusal: verifierRefusal(program, findings, o.entry) } },
    time: o.time ?? 'real',
    trafficDone,
  })
  const nic = LiveNic.start({ kernel, objects: { [key]: program }, source, cpus: o.cpus, rate, seed: o.seed, trace: (line) => out.write(line + '\n'), workerScript: cpuWorkerScript() })
  nic.done.then(() => trafficOver!.resolve(), (e) => trafficOver!.reject(e))
  const status = await userExit
  // USER is gone: the rest of the traffic is not sent (a timeout also stops programs mid-packet).
  if (status === 137) nic.halt()
  else nic.stop()
  const result = await nic.done
  report(result, o.cpus, out, rate)
  if (o.dump) process.stdout.write(JSON.stringify(dumpMapsByName(kernel, program.maps.map((m) => m.name))) + '\n')
  return status
}
