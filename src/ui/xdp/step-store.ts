/**
 * Single-packet stepping as the page sees it: the breakpoints of xdp_prog.c (kept across
 * packets), and the packet being stepped: which frame (the next of the traffic preset, on the
 * CPU its flow hashes to), through which loaded program, and how it ended (the XDP action, a
 * fault, Stop).
 *
 * Step packet (stepPacket) stops the traffic if it flows (the two never run together: the
 * traffic stays off until the packet is done, xdp-store.ts's `stepping`), makes sure the program
 * to step is the text in the editor (loading xdp_prog.c first when nothing is loaded), compiles
 * that text with hooks: 'statements', takes the next frame from the NIC and hands it all to the
 * step worker (workers/xdp-step.worker.ts), which starts paused at the first line. While it is
 * paused the debugger's store (src/ui/debugger/store.ts) holds the run's shared words and the
 * pause, so the debug bar's buttons and keys, the locals panel and the current-line highlight
 * work for xdp_prog.c as they do for user.c.
 */
import * as Comlink from 'comlink'
import { create } from 'zustand'
import { breakpointActions } from '../debugger/breakpoints'
import type { Program } from '../../lang/api'
import { CTL_STOP, type PauseState } from '../../runtime/debug-control'
import type { SteppedPacket } from '../../xdp/step-cpu'
import { useConsole } from '../console/store'
import { MAX_BREAKPOINT_LINES, newDebugRun, sendCommand, type DebugRunOptions } from '../debugger/protocol'
import { useDebugger } from '../debugger/store'
import { compiler, useMachine } from '../machine/store'
import { compileXdp, ETH0, SEED, useXdp, XDP_FILE, xdpHost } from '../machine/xdp-store'
import { useWorkspace } from '../workspace/store'
import { pushTrace } from './trace-store'
import type { XdpStepWorkerApi } from '../../../workers/xdp-step.worker'

/** How long a stopped packet gets to end before its worker is terminated. */
const STOP_GRACE_MS = 1500

export interface StepSession {
  /** The packet: one-line summary, bytes, the CPU it runs on. */
  packet: { summary: string; length: number; cpu: number }
  progId: number
  progName: string
  /** The traffic was flowing and was stopped for this packet. */
  stoppedTraffic: boolean
  /** How the packet ended; null while it runs or is paused. */
  result: SteppedPacket | null
}

interface StepState {
  /** Lines of xdp_prog.c with a breakpoint, ascending. */
  breakpoints: number[]
  /** Getting a packet ready (loading, compiling, taking the frame). */
  starting: boolean
  /** The last stepped packet (kept after it ends, to show its action, until dismissed). */
  session: StepSession | null
  /** Why the last Step packet could not start (nothing to step, a compile error). */
  error: string | null
  /** The shared words of the packet being stepped; null when none runs. */
  run: DebugRunOptions | null
  toggleBreakpoint(line: number): void
  setBreakpoints(lines: number[]): void
  stepPacket(): Promise<void>
  stop(): void
  dismiss(): void
}

type Worker$ = { worker: Worker; api: Comlink.Remote<XdpStepWorkerApi>; gone: Promise<never>; kill(why: string): void }
let stepWorker: Worker$ | null = null
/** A worker terminated mid-packet could not release its hold on this program: the next worker does. */
let unreleased: { sab: SharedArrayBuffer; progId: number } | null = null

function worker(): Worker$ {
  if (stepWorker) return stepWorker
  const w = new Worker(new URL('../../../workers/xdp-step.worker.ts', import.meta.url), { type: 'module', name: 'xdp-step' })
  // comlink never settles a call whose worker died: `gone` does, for whoever waits on one
  let kill = (_why: string) => {}
  const gone = new Promise<never>((_, reject) => (kill = (why) => reject(new Error(why))))
  gone.catch(() => {})
  w.addEventListener('error', (ev) => {
    ev.preventDefault()
    kill(`the step worker failed${ev.message ? `: ${ev.message}` : ''}`)
    if (stepWorker?.worker === w) stepWorker = null
  })
  stepWorker = { worker: w, api: Comlink.wrap<XdpStepWorkerApi>(w), gone, kill }
  return stepWorker
}

function dropWorker(why: string): void {
  const s = stepWorker
  if (!s) return
  stepWorker = null
  s.worker.terminate()
  s.api[Comlink.releaseProxy]()
  s.kill(why)
}

/** xdp_prog.c compiled with hooks: 'statements' (the compiler host keeps the last one: once per edit). */
async function steppingProgram(text: string): Promise<Program> {
  const r = await compiler.compile(text, { filename: XDP_FILE, target: 'bpf', hooks: 'statements' })
  if (!r.program) throw new Error('xdp_prog.c does not compile')
  return r.program
}

const emptyBreakpoints = () => new Uint8Array(new SharedArrayBuffer(MAX_BREAKPOINT_LINES))

/** Which loaded program to step: eth0's, else the toolbar loader's; loads xdp_prog.c when there is none or it is stale and unattached. */
async function programToStep(objectKey: string): Promise<{ progId: number; progName: string }> {
  const kernel = useMachine.getState().kernel!
  const eth0 = kernel.netdevs().find((d) => d.ifindex === ETH0)
  const progs = kernel.programs()
  if (eth0 && eth0.xdpProgId !== 0) {
    const p = progs.find((x) => x.id === eth0.xdpProgId)
    if (p && p.object === objectKey) return { progId: p.id, progName: p.name }
    throw new Error(`eth0 runs program ${eth0.xdpProgId}${p ? ` (${p.name})` : ''}, loaded from an earlier text of xdp_prog.c: Detach it, or load and attach the new text, to step what the editor shows`)
  }
  const loader = useXdp.getState().loader
  const loaded = loader ? progs.find((x) => x.id === loader.progId) : undefined
  if (loaded && loaded.object === objectKey) return { progId: loaded.id, progName: loaded.name }
  // nothing loaded, or the loader holds an older text: load the editor's (as Load XDP does)
  if (!(await useXdp.getState().load())) throw new Error('xdp_prog.c did not load (the console says why)')
  const now = useXdp.getState().loader!
  return { progId: now.progId, progName: now.progName }
}

export const useXdpStep = create<StepState>()((set, get) => ({
  breakpoints: [],
  starting: false,
  session: null,
  error: null,
  run: null,

  ...breakpointActions(get, set),

  async stepPacket() {
    const machine = useMachine.getState()
    const kernel = machine.kernel
    if (!kernel || get().starting || get().run) return
    if (machine.phase !== 'idle' || useDebugger.getState().run) {
      useConsole.getState().note('warn', 'Step packet: user.c is running; stop it first (the debugger steps one program at a time).')
      return
    }
    if (useXdp.getState().busy) return
    set({ starting: true, session: null, error: null })
    useXdp.setState({ stepping: true, used: true })
    let stoppedTraffic = false
    try {
      if (useXdp.getState().traffic !== 'off') {
        stoppedTraffic = true
        await useXdp.getState().stopTraffic()
      }
      const text = useWorkspace.getState().files[XDP_FILE]
      const { compiled } = await compileXdp()
      if (!compiled) throw new Error('xdp_prog.c does not compile (see the errors in the editor)')
      const program = await steppingProgram(text)
      if (program.maps.length !== compiled.program.maps.length || program.data.length !== compiled.program.data.length) {
        throw new Error('xdp_prog.c changed while it was being compiled: press Step packet again')
      }
      const { progId, progName } = await programToStep(compiled.key)
      const taken = await xdpHost.takeFrame(useXdp.getState().preset, SEED)
      const debug = newDebugRun(get().breakpoints, { startPaused: true })
      const session: StepSession = { packet: { summary: taken.summary, length: taken.length, cpu: taken.cpu }, progId, progName, stoppedTraffic, result: null }
      set({ starting: false, session, run: debug })
      // The debugger's store drives the paused packet (its buttons, keys, locals, highlight). It
      // gets its own breakpoint bytes: user.c's breakpoints must not reach xdp_prog.c's lines.
      useDebugger.setState({ run: { ...debug, breakpoints: emptyBreakpoints() }, paused: null })
      const w = worker()
      if (unreleased?.sab === kernel.sab) {
        await w.api.release(kernel.sab, unreleased.progId)
        unreleased = null
      }
      const observer = {
        paused: (state: PauseState) => {
          if (get().run === debug && useDebugger.getState().run?.ctl === debug.ctl) useDebugger.setState({ paused: state })
        },
        trace: (lines: string[]) => {
          if (lines.length) pushTrace(lines, 0)
        },
        sync: () => {},
      }
      let result: SteppedPacket
      try {
        result = await Promise.race([w.api.step(kernel.sab, { program, progId, frame: taken.frame, cpu: taken.cpu, debug }, Comlink.proxy(observer)), w.gone])
      } finally {
        if (useDebugger.getState().run?.ctl === debug.ctl) useDebugger.setState({ run: null, paused: null })
        if (get().run === debug) set({ run: null })
      }
      if (get().session === session) set({ session: { ...session, result } })
      if (!result.stopped) xdpHost.sideRuns.add(taken.cpu, progId, result.action)
      const con = useConsole.getState()
      if (result.stopped) con.note('info', `Step packet: stopped in ${progName} (the packet was not finished).`)
      else if (result.fault) con.note('warn', `Step packet: ${progName} aborted the packet (XDP_ABORTED) on CPU ${taken.cpu}: ${result.fault.message}${result.fault.where ? ` at ${result.fault.where}` : ''}`)
      else con.note('info', `Step packet: ${taken.summary} on CPU ${taken.cpu}: ${progName} returned ${result.actionName}.`)
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e)
      // a packet that never got a result is replaced by the reason in the panel
      set((s) => ({ error: message, session: s.session?.result ? s.session : null }))
      useConsole.getState().note('error', `Step packet: ${message}`)
    } finally {
      set({ starting: false })
      useXdp.setState({ stepping: false })
    }
  },

  stop() {
    const run = get().run
    if (!run) return
    Atomics.store(run.ctl, 0, CTL_STOP)
    Atomics.notify(run.ctl, 0)
    if (useDebugger.getState().paused && useDebugger.getState().run?.ctl === run.ctl) {
      useDebugger.setState({ paused: null })
      sendCommand(run.ctl, { k: 'stop' })
    }
    // Every loop has a hook: the packet ends at once. Should the worker not answer, replace it.
    const kernel = useMachine.getState().kernel
    const progId = get().session?.progId
    setTimeout(() => {
      if (get().run !== run) return
      dropWorker('stopped: the packet did not end in time, its worker was replaced')
      if (kernel && progId !== undefined) unreleased = { sab: kernel.sab, progId }
      if (useDebugger.getState().run?.ctl === run.ctl) useDebugger.setState({ run: null, paused: null })
      set((s) => ({ run: null, session: s.session ? { ...s.session, result: { action: -1, actionName: 'stopped', stopped: true } } : null }))
      useXdp.setState({ stepping: false })
    }, STOP_GRACE_MS)
  },

  dismiss() {
    if (!get().run) set({ session: null, error: null })
  },
}))

// A run of user.c or a reboot ends the stepped packet: one debugged program at a time, and a
// new kernel takes the old one's memory with it.
useMachine.subscribe((s, prev) => {
  const step = useXdpStep.getState()
  if (s.kernel !== prev.kernel) {
    if (step.run) {
      dropWorker('the machine rebooted')
      if (useDebugger.getState().run?.ctl === step.run.ctl) useDebugger.setState({ run: null, paused: null })
    }
    unreleased = null
    useXdpStep.setState({ run: null, session: null, error: null, starting: false })
    return
  }
  if (s.phase === 'compiling' && prev.phase === 'idle' && step.run) {
    useConsole.getState().note('info', 'Step packet: stopped the stepped packet to run user.c.')
    step.stop()
  }
})
