/**
 * The XDP side of the machine as the toolbar and the views see it: traffic on eth0 (preset,
 * rate, on/off), the toolbar's loader (load, attach, detach, unload xdp_prog.c), Step, and the
 * hooks the Run command uses so that user.c can open, load and attach xdp_prog.c itself (the
 * xdp-tutorial flow) while traffic flows. The work happens in the workers behind XdpHost.
 *
 * Loader actions print in the console like a command line tool would (`$ ./xdp-loader load
 * xdp_prog.o`), with libbpf's messages; a program the verifier-like checks refuse shows the
 * verifier's words there and as squiggles in the editor.
 */
import { create } from 'zustand'
import type { Diagnostic, Program } from '../../lang/api'
import { DEFAULT_PRESET, DEFAULT_RATE, type PresetName } from '../../xdp/browser-traffic'
import { useConsole } from '../console/store'
import { useDiagnostics } from '../editor/diagnostics-store'
import { useWorkspace } from '../workspace/store'
import { pushTrace } from '../xdp/trace-store'
import { compiler } from './compiler-host'
import { XdpHost, type CompiledXdp } from './xdp-host'

export const XDP_FILE = 'xdp_prog.c'
export const ETH0 = 2
const XDP_ACTION_NAMES = ['XDP_ABORTED', 'XDP_DROP', 'XDP_PASS', 'XDP_TX', 'XDP_REDIRECT']

export type TrafficPhase = 'off' | 'starting' | 'on' | 'stopping'

export interface StepResult {
  tag: number
  cpu: number
  length: number
  summary: string
  action: number
  actionName: string
}

export interface LoaderInfo {
  progId: number
  progName: string
  attached: boolean
}

interface XdpState {
  preset: PresetName
  /** Packets per second; 0 = max. */
  rate: number
  traffic: TrafficPhase
  /** Traffic started by a Run (it stops when the run ends). */
  autoTraffic: boolean
  loader: LoaderInfo | null
  /** A loader action or a step in progress. */
  busy: 'load' | 'attach' | 'detach' | 'unload' | 'step' | null
  lastStep: StepResult | null
  /** Anything XDP happened this boot (the CPU panel shows from then on). */
  used: boolean
  /** A packet is being stepped through xdp_prog.c (src/ui/xdp/step-store.ts): traffic stays off meanwhile. */
  stepping: boolean
  setPreset(p: PresetName): Promise<void>
  setRate(rate: number): Promise<void>
  startTraffic(auto?: boolean): Promise<void>
  stopTraffic(): Promise<void>
  step(): Promise<void>
  load(): Promise<boolean>
  attach(): Promise<void>
  detach(): Promise<void>
  unload(): Promise<void>
}

let faultNotes = 0

export const xdpHost = new XdpHost({
  trace: (lines, dropped) => pushTrace(lines, dropped),
  fault: (f) => {
    // The first few per boot: a faulting program aborts every packet, the count is in the panel.
    if (faultNotes++ < 3) useConsole.getState().note('warn', `XDP: packet ${f.packet} on CPU ${f.cpu} aborted (XDP_ABORTED): ${f.message}${f.where ? ` at ${f.where}` : ''}`)
  },
  error: (message) => useConsole.getState().note('error', `XDP: ${message}`),
})

/** Traffic seed: the same preset gives the same frames on every page (Step packet takes the same stream's frames). */
export const SEED = 1

/** Prints a loader command and its output as a console run. */
function loaderRun(command: string): { out(text: string): void; err(text: string): void; end(code: number): void } {
  const con = useConsole.getState()
  const id = con.startRun(command)
  con.setPhase(id, 'running')
  return {
    out: (text) => con.appendOutput(id, [{ stream: 'stdout', text: text.endsWith('\n') ? text : text + '\n' }]),
    err: (text) => con.appendOutput(id, [{ stream: 'stderr', text: text.endsWith('\n') ? text : text + '\n' }]),
    end: (code) => con.endRun(id, { kind: 'exit', exitCode: code, text: `exit status ${code}` }),
  }
}

/** Compiles xdp_prog.c for the bpf target (cached by text), shows its diagnostics, registers it with the CPUs. */
export async function compileXdp(): Promise<{ compiled: CompiledXdp | null; diagnostics: Diagnostic[]; compilerDiagnostics: Diagnostic[] }> {
  const text = useWorkspace.getState().files[XDP_FILE]
  const r = await compiler.compileXdp(text, XDP_FILE)
  const findingDiags: Diagnostic[] = r.findings.flatMap((f) => {
    const at = { file: f.pos.file, line: f.pos.line, col: f.pos.col }
    return [
      { ...at, severity: 'error' as const, message: f.message.split('\n').join('; ') },
      { ...at, severity: 'note' as const, message: f.explanation },
    ]
  })
  const diagnostics = [...r.result.diagnostics, ...findingDiags]
  if (useWorkspace.getState().files[XDP_FILE] === text) useDiagnostics.getState().set(XDP_FILE, diagnostics)
  const compilerDiagnostics = r.result.diagnostics
  if (!r.result.program) return { compiled: null, diagnostics, compilerDiagnostics }
  return { compiled: xdpHost.register(text, r.result.program, r.findings, r.refusal), diagnostics, compilerDiagnostics }
}

/** A userspace program that opens BPF objects itself (bpf_object__open_file: the xdp-tutorial flow). */
export function usesObjectApi(user: Program): boolean {
  return user.imports.some((i) => i.name === 'bpf_object__open_file' || i.name === 'bpf_object__open')
}

export const useXdp = create<XdpState>()((set, get) => ({
  preset: DEFAULT_PRESET,
  rate: DEFAULT_RATE,
  traffic: 'off',
  autoTraffic: false,
  loader: null,
  busy: null,
  lastStep: null,
  used: false,
  stepping: false,

  async setPreset(preset) {
    const running = get().traffic === 'on'
    set({ preset })
    if (running) {
      // New frames from now on (larger frames also need new RX queues).
      const auto = get().autoTraffic
      await get().stopTraffic()
      await get().startTraffic(auto)
    }
  },

  async setRate(rate) {
    set({ rate })
    if (get().traffic === 'on') await xdpHost.setRate(rate)
  },

  async startTraffic(auto = false) {
    if (get().traffic !== 'off') return
    if (get().stepping) {
      useConsole.getState().note('warn', 'Traffic stays off while a packet is stepped through xdp_prog.c: let it finish (Continue) or stop it first.')
      return
    }
    set({ traffic: 'starting', autoTraffic: auto, used: true })
    try {
      await xdpHost.startTraffic(get().preset, SEED, get().rate)
      set({ traffic: 'on' })
    } catch (e) {
      set({ traffic: 'off', autoTraffic: false })
      useConsole.getState().note('error', `Could not start the traffic: ${e instanceof Error ? e.message : String(e)}`)
    }
  },

  async stopTraffic() {
    if (get().traffic !== 'on') return
    set({ traffic: 'stopping' })
    try {
      await xdpHost.stopTraffic()
    } finally {
      set({ traffic: 'off', autoTraffic: false })
    }
  },

  async step() {
    if (get().busy || get().stepping) return
    set({ busy: 'step', used: true })
    try {
      if (get().traffic === 'on') await get().stopTraffic()
      const r = await xdpHost.step(get().preset, SEED)
      set({ lastStep: { ...r, actionName: XDP_ACTION_NAMES[r.action] ?? `action ${r.action}` } })
    } catch (e) {
      useConsole.getState().note('error', `Step: ${e instanceof Error ? e.message : String(e)}`)
    } finally {
      set({ busy: null })
    }
  },

  async load() {
    if (get().busy) return false
    set({ busy: 'load', used: true })
    const out = loaderRun('xdp-loader load xdp_prog.o')
    try {
      const { compiled, diagnostics } = await compileXdp()
      if (!compiled) {
        for (const d of diagnostics.filter((x) => x.severity === 'error')) out.err(`${d.file}:${d.line}:${d.col}: error: ${d.message}`)
        out.err('xdp-loader: xdp_prog.c does not compile')
        out.end(1)
        return false
      }
      if (get().loader) await xdpHost.unload()
      const r = await xdpHost.load(compiled)
      for (const line of r.log) (r.ok ? out.out : out.err)(line)
      if (!r.ok) {
        set({ loader: null })
        out.end(1)
        return false
      }
      out.out(`Loaded program ${r.progName} (prog id ${r.progId}) from xdp_prog.o`)
      for (const m of r.maps ?? []) out.out(`  map ${m.name}: id ${m.id}${m.pinPath ? `, ${m.reused ? 'reused the one pinned at' : 'pinned at'} ${m.pinPath}` : ''}`)
      out.end(0)
      set({ loader: { progId: r.progId!, progName: r.progName!, attached: false } })
      return true
    } catch (e) {
      out.err(`xdp-loader: ${e instanceof Error ? e.message : String(e)}`)
      out.end(1)
      return false
    } finally {
      set({ busy: null })
    }
  },

  async attach() {
    if (!get().loader && !(await get().load())) return
    if (get().busy) return
    set({ busy: 'attach' })
    const out = loaderRun('xdp-loader attach eth0')
    try {
      const ret = await xdpHost.attach(ETH0)
      if (ret < 0) {
        out.err(ret === -16 ? 'xdp-loader: eth0 already has an XDP program attached (Device or resource busy): detach it, or stop the program that attached it' : `xdp-loader: attach failed: errno ${-ret}`)
        out.end(1)
        return
      }
      const st = await xdpHost.loaderState()
      out.out(`Attached ${get().loader!.progName} to eth0 (ifindex ${ETH0}) with bpf_link id ${st?.linkId ?? '?'}`)
      out.end(0)
      set((s) => ({ loader: s.loader && { ...s.loader, attached: true } }))
    } finally {
      set({ busy: null })
    }
  },

  async detach() {
    if (get().busy || !get().loader?.attached) return
    set({ busy: 'detach' })
    const out = loaderRun('xdp-loader detach eth0')
    try {
      await xdpHost.detach()
      out.out('Detached from eth0: packets pass to the stack from the next NAPI poll')
      out.end(0)
      set((s) => ({ loader: s.loader && { ...s.loader, attached: false } }))
    } finally {
      set({ busy: null })
    }
  },

  async unload() {
    if (get().busy || !get().loader) return
    set({ busy: 'unload' })
    const out = loaderRun('xdp-loader unload')
    try {
      await xdpHost.unload()
      out.out(`Unloaded ${get().loader!.progName}: the loader closed its program${get().loader!.attached ? ' and link' : ''} fds`)
      out.end(0)
      set({ loader: null })
    } finally {
      set({ busy: null })
    }
  },
}))

/** A new kernel: fresh CPUs and NIC; the traffic settings stay. */
export function xdpBoot(kernel: Parameters<XdpHost['boot']>[0]): void {
  xdpHost.boot(kernel)
  faultNotes = 0
  useXdp.setState({ traffic: 'off', autoTraffic: false, loader: null, busy: null, lastStep: null, used: false, stepping: false })
}

/**
 * Before a run of a program that loads xdp_prog.c itself: eth0 must be free for it to attach
 * (the toolbar's attachment is detached, as `xdp-loader detach` would), and traffic flows.
 */
export async function prepareObjectRun(): Promise<void> {
  const x = useXdp.getState()
  if (x.loader?.attached) {
    await xdpHost.detach()
    useXdp.setState((s) => ({ loader: s.loader && { ...s.loader, attached: false } }))
    useConsole.getState().note('info', `eth0: detached the toolbar's ${x.loader.progName} so that user.c can attach its own copy of xdp_prog.c.`)
  }
  useXdp.setState({ used: true })
  if (useXdp.getState().traffic === 'off') await useXdp.getState().startTraffic(true)
}

/** After such a run: traffic the run started stops with it. */
export async function finishObjectRun(): Promise<void> {
  if (useXdp.getState().autoTraffic) await useXdp.getState().stopTraffic()
}

let lastPackets = -1

/**
 * For views that refresh only when the kernel changed (the inspector): true while traffic flows,
 * and once after the CPUs processed packets (a Step). XDP programs write map values through
 * pointers, which leaves no event in the log, so the event count alone misses them.
 */
export function xdpActive(): boolean {
  const stats = xdpHost.stats
  let packets = 0
  for (let cpu = 0; cpu < xdpHost.cpusStarted; cpu++) packets += stats.read(cpu).packets
  const changed = packets !== lastPackets
  lastPackets = packets
  // a stepped packet writes map values through pointers between pauses: keep looking
  return stats.trafficOn || changed || useXdp.getState().stepping
}
