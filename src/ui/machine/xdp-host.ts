/**
 * The page's handle on the XDP side of the machine, per boot: the NIC worker (eth0's traffic
 * and the toolbar's loader) and one Web Worker per CPU, each draining its RX queue in kernel
 * memory and running whatever program is attached to eth0 (src/xdp/browser-cpu.ts). The page
 * thread only starts and stops workers and reads the stats buffer (browser-stats.ts); packets,
 * programs and kernel calls all happen in the workers.
 *
 * Compiled XDP programs reach the CPUs by message, under a key unique to the compiled text
 * (`v3/xdp_prog.o`): the key is what BPF_PROG_LOAD records, so a CPU always builds the program
 * that was loaded, even after the editor changed. A program is posted to the CPUs before
 * anything can load it, and the objects-version word tells a CPU to pick it up.
 *
 * The CPUs and RX queues (a "session") start at the first traffic or Step and live until the
 * reboot; a preset with larger frames (jumbo) replaces them with queues that hold its frames,
 * and the new CPUs go on from the old ones' counts (CpuCounters.resume), as the maps keep theirs.
 */
import * as Comlink from 'comlink'
import type { Kernel } from '../../kernel/kernel'
import type { Program } from '../../lang/api'
import { useProgramTypes } from '../inspector/program-types'
import type { BpfObjectFile, BpfObjectTable } from '../../runtime/libbpf-object'
import type { Finding } from '../../xdp/checks'
import type { FromCpu, ToCpu } from '../../xdp/browser-cpu'
import type { HostLoadResult, HostLoaderState } from '../../xdp/browser-loader'
import type { SteppedFrame, TakenFrame, TrafficSpec } from '../../xdp/browser-nic'
import { presetMaxFrame, type PresetName } from '../../xdp/browser-traffic'
import { MAX_TRAFFIC_CPUS, W_OBJECTS, W_STOP, XdpStats } from '../../xdp/browser-stats'
import { SideRunCounts } from '../xdp/side-runs'
import type { XdpFault } from '../../xdp/cpu'
import type { NicWorkerApi } from '../../../workers/nic.worker'

/** How long the CPUs get to drain and end before their workers are terminated. */
const DRAIN_MS = 1500
/** Compiled programs kept for the CPUs (oldest dropped first; a loaded one is rarely that old). */
const MAX_OBJECTS = 16

export interface XdpHostEvents {
  trace(lines: string[], dropped: number): void
  fault(fault: XdpFault): void
  error(message: string): void
}

interface Session {
  cpus: number
  maxFrame: number
  workers: Worker[]
  done: Promise<void>[]
}

export interface CompiledXdp {
  key: string
  program: Program
  findings: Finding[]
  /** How bpf_object__load fails when the checks refuse the program. */
  refusal?: BpfObjectFile['refusal']
}

export class XdpHost {
  /** Replaced at each boot: workers of the old kernel may still write into the old one. */
  // Made on first use: without cross-origin isolation there is no SharedArrayBuffer, and this
  // module is loaded anyway (the page still edits and says why it cannot run).
  private statsBuffer: XdpStats | null = null
  get stats(): XdpStats {
    return (this.statsBuffer ??= XdpStats.create())
  }
  private kernel: Kernel | null = null
  private nicWorker: Worker | null = null
  private nic: Comlink.Remote<NicWorkerApi> | null = null
  private nicReady: Promise<void> | null = null
  private session: Session | null = null
  private sessionReady: Promise<Session> | null = null
  private readonly objects = new Map<string, Program>()
  /** Packets the page ran itself (stepping, lesson checks), counted with their CPU's until the next boot. */
  readonly sideRuns = new SideRunCounts()
  private readonly byText = new Map<string, CompiledXdp>()
  private version = 0
  private nextKey = 1

  constructor(private readonly events: XdpHostEvents) {}

  /** A new kernel: every worker of the old one is terminated (its memory is gone with it). */
  boot(kernel: Kernel): void {
    this.shutdown()
    this.statsBuffer = XdpStats.create()
    this.sideRuns.reset()
    Atomics.store(this.stats.words, W_OBJECTS, this.version)
    this.kernel = kernel
  }

  shutdown(): void {
    Atomics.store(this.stats.words, W_STOP, 1)
    for (const w of this.session?.workers ?? []) w.terminate()
    this.nicWorker?.terminate()
    this.nic?.[Comlink.releaseProxy]()
    this.nic = null
    this.nicWorker = null
    this.nicReady = null
    this.session = null
    this.sessionReady = null
    this.stats.setTraffic(false)
  }

  /** The compiled program registered under an object key (what a loaded program records), if still known. */
  programFor(key: string): Program | undefined {
    return this.objects.get(key)
  }

  /** CPUs that run traffic on this kernel. */
  get cpuCount(): number {
    return Math.min(this.kernel?.possibleCpus ?? 1, MAX_TRAFFIC_CPUS)
  }

  get cpusStarted(): number {
    return this.session?.cpus ?? 0
  }

  /** The compiled program for this text, or a fresh key for it. Registers it with the CPUs. */
  register(text: string, program: Program, findings: Finding[], refusal: CompiledXdp['refusal']): CompiledXdp {
    const known = this.byText.get(text)
    if (known) return known
    // the inspector decodes this program's maps with their declared key/value types
    useProgramTypes.getState().noteProgram(program)
    const key = `v${this.nextKey++}/${program.filename.replace(/\.c$/, '')}.o`
    const compiled = { key, program, findings, refusal }
    this.byText.set(text, compiled)
    this.objects.set(key, program)
    while (this.objects.size > MAX_OBJECTS) {
      const oldest = this.objects.keys().next().value!
      this.objects.delete(oldest)
      for (const [t, c] of this.byText) if (c.key === oldest) this.byText.delete(t)
    }
    this.version++
    // Sent before anyone can load it; the version word makes a running CPU wait for it.
    for (const w of this.session?.workers ?? []) w.postMessage({ kind: 'objects', objects: { [key]: program }, version: this.version } satisfies ToCpu)
    Atomics.store(this.stats.words, W_OBJECTS, this.version)
    return compiled
  }

  private nicApi(): Promise<Comlink.Remote<NicWorkerApi>> {
    const kernel = this.kernel
    if (!kernel) return Promise.reject(new Error('no kernel'))
    if (!this.nic) {
      const worker = new Worker(new URL('../../../workers/nic.worker.ts', import.meta.url), { type: 'module', name: 'nic' })
      worker.addEventListener('error', (ev) => {
        ev.preventDefault()
        this.events.error(`the NIC worker failed${ev.message ? `: ${ev.message}` : ''}`)
      })
      this.nicWorker = worker
      this.nic = Comlink.wrap<NicWorkerApi>(worker)
      this.nicReady = this.nic.init(kernel.sab, this.stats.sab)
    }
    const nic = this.nic
    return this.nicReady!.then(() => nic)
  }

  /** The CPUs and their RX queues, for frames up to maxFrame bytes. */
  private ensureSession(maxFrame: number): Promise<Session> {
    const current = this.sessionReady
    if (current) {
      return current.then((s) => (s.maxFrame >= maxFrame ? s : this.endSession().then(() => this.ensureSession(maxFrame))))
    }
    const kernel = this.kernel!
    const cpus = this.cpuCount
    const ready = (async () => {
      const nic = await this.nicApi()
      const addrs = await nic.placeQueues(cpus, maxFrame)
      const objects = Object.fromEntries(this.objects)
      const workers: Worker[] = []
      const done: Promise<void>[] = []
      for (let cpu = 0; cpu < cpus; cpu++) {
        const w = new Worker(new URL('../../../workers/cpu.worker.ts', import.meta.url), { type: 'module', name: `cpu${cpu}` })
        done.push(
          new Promise<void>((resolve) => {
            w.addEventListener('message', (ev: MessageEvent<FromCpu>) => {
              const m = ev.data
              if (m.kind === 'trace') this.events.trace(m.lines, m.dropped)
              else if (m.kind === 'fault') this.events.fault(m.fault)
              else if (m.kind === 'error') {
                this.events.error(`CPU ${m.cpu}: ${m.message}`)
                resolve()
              } else resolve()
            })
            w.addEventListener('error', (ev) => {
              ev.preventDefault()
              this.events.error(`CPU ${cpu} worker failed${ev.message ? `: ${ev.message}` : ''}`)
              resolve()
            })
          }),
        )
        w.postMessage({ kind: 'init', sab: kernel.sab, memory: kernel.memory, stats: this.stats.sab, cpu, queueOffset: addrs[cpu], ifindex: 2, objects, version: this.version } satisfies ToCpu)
        workers.push(w)
      }
      const s: Session = { cpus, maxFrame, workers, done }
      this.session = s
      return s
    })()
    this.sessionReady = ready
    ready.catch(() => {
      if (this.sessionReady === ready) this.sessionReady = null
    })
    return ready
  }

  /** Closes the RX queues, lets the CPUs drain them and end, frees the queues. */
  private async endSession(): Promise<void> {
    const s = await this.sessionReady
    this.sessionReady = null
    this.session = null
    if (!s) return
    const nic = await this.nicApi()
    await nic.closeQueues()
    const drained = await Promise.race([Promise.all(s.done).then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), DRAIN_MS))])
    if (!drained) {
      // A program stuck in a long loop: stop it at its next hook, then give up on the worker.
      Atomics.store(this.stats.words, W_STOP, 1)
      await Promise.race([Promise.all(s.done), new Promise((r) => setTimeout(r, 300))])
    }
    for (const w of s.workers) w.terminate()
    Atomics.store(this.stats.words, W_STOP, 0)
    await nic.freeQueues()
  }

  async startTraffic(preset: PresetName, seed: number, rate: number): Promise<void> {
    await this.ensureSession(presetMaxFrame(preset))
    const nic = await this.nicApi()
    await nic.setTraffic({ preset, seed } satisfies TrafficSpec)
    await nic.start(rate)
  }

  async stopTraffic(): Promise<void> {
    if (!this.nic) return
    await (await this.nicApi()).stop()
  }

  async setRate(rate: number): Promise<void> {
    if (!this.session) return
    await (await this.nicApi()).setRate(rate)
  }

  /** One packet on the CPU its flow maps to; resolves with the action it returned. */
  async step(preset: PresetName, seed: number): Promise<SteppedFrame & { action: number }> {
    await this.ensureSession(presetMaxFrame(preset))
    const nic = await this.nicApi()
    await nic.stop()
    await nic.setTraffic({ preset, seed })
    const frame = await nic.step()
    const deadline = performance.now() + 3000
    for (;;) {
      const c = this.stats.read(frame.cpu)
      if (c.lastTag === frame.tag) return { ...frame, action: c.lastAction }
      if (performance.now() > deadline) throw new Error(`CPU ${frame.cpu} did not process the packet within 3 s (a long loop in the program?)`)
      await new Promise((r) => setTimeout(r, 4))
    }
  }

  /** The next frame of the preset for the single-packet debugger (traffic stopped first), with the CPU its flow maps to. */
  async takeFrame(preset: PresetName, seed: number): Promise<TakenFrame> {
    await this.ensureSession(presetMaxFrame(preset))
    const nic = await this.nicApi()
    await nic.stop()
    await nic.setTraffic({ preset, seed })
    return nic.takeFrame()
  }

  async load(compiled: CompiledXdp): Promise<HostLoadResult> {
    const nic = await this.nicApi()
    return nic.load(compiled.program, compiled.key, compiled.findings)
  }

  async attach(ifindex: number): Promise<number> {
    return (await this.nicApi()).attach(ifindex)
  }

  async detach(): Promise<void> {
    if (this.nic) await (await this.nicApi()).detach()
  }

  async unload(): Promise<void> {
    if (this.nic) await (await this.nicApi()).unload()
  }

  async loaderState(): Promise<HostLoaderState | null> {
    if (!this.nic) return null
    return (await this.nicApi()).loaderState()
  }

  /** The BPF object table a userspace run gets (bpf_object__open_file finds the program under its key). */
  objectTable(compiled: CompiledXdp): BpfObjectTable {
    return { [compiled.key]: { program: compiled.program, refusal: compiled.refusal } }
  }
}
