/**
 * The live demo of a first visit: once the kernel is up, xdp_prog.c is loaded and attached to
 * eth0 and gentle traffic starts, with no click, so within a second the map table counts up and
 * the CPU panel moves. It only drives what the eth0 toolbar does (useXdp's attach and traffic),
 * so the console shows the same `xdp-loader` lines a click would have printed.
 *
 * The demo is the page's, not the visitor's: it ends as soon as the visitor does something of
 * their own. Stop (or the Traffic button, a Step, a Reboot) stops its traffic and leaves the
 * program attached; Run stops the traffic as the run starts, so user.c reads settling counts;
 * another example, a lesson's code or a share link stops it and unloads its program so eth0 is
 * free. It never writes to the editors: what the visitor types is saved as always.
 */
import { create } from 'zustand'
import { useConsole } from '../console/store'
import { useMachine } from '../machine/store'
import { compileXdp, useXdp } from '../machine/xdp-store'
import { useWorkspace } from './store'

/** Packets per second of the demo's traffic: a count you can read as it rises. */
export const DEMO_RATE = 100

export type DemoPhase = 'off' | 'starting' | 'live'
/** Why the demo ends: Stop-like actions keep the program attached, a new workspace unloads it. */
export type DemoEnd = 'stop' | 'run' | 'switch'

interface DemoState {
  phase: DemoPhase
}

export const useDemo = create<DemoState>()(() => ({ phase: 'off' }))

let started = false
let ending: DemoEnd | null = null
let rateBefore = DEMO_RATE
let unwatch: (() => void) | null = null

function kernelUp(): Promise<void> {
  if (useMachine.getState().kernel) return Promise.resolve()
  return new Promise((resolve) => {
    const unsub = useMachine.subscribe((s) => {
      if (s.kernel) {
        unsub()
        resolve()
      }
    })
  })
}

/** Ends the demo when the visitor takes over (see the file comment). */
function watch(): () => void {
  const stops = [
    useMachine.subscribe((s, p) => {
      if (s.phase === 'compiling' && p.phase === 'idle') void endDemo('run')
      else if (p.boot && s.boot !== p.boot) void endDemo('stop') // a reboot (not the first boot)
    }),
    useWorkspace.subscribe((s, p) => {
      if (s.replaced !== p.replaced || s.exampleId !== p.exampleId) void endDemo('switch')
    }),
    useXdp.subscribe((s, p) => {
      // The visitor stopped the traffic (the Traffic button, Step) or a reboot reset eth0.
      if (useDemo.getState().phase === 'live' && p.traffic === 'on' && s.traffic !== 'on') void endDemo('stop')
    }),
  ]
  return () => stops.forEach((f) => f())
}

/** Starts the demo once per page, when the kernel is up. Resolves when it is live (or did not start). */
export async function startDemo(): Promise<void> {
  if (started) return
  started = true
  useDemo.setState({ phase: 'starting' })
  unwatch = watch()
  // Compiling needs no kernel: the compiler worker starts and compiles while the kernel boots.
  void compileXdp().catch(() => {})
  await kernelUp()
  if (ending) return finish()
  const xdp = useXdp.getState()
  rateBefore = xdp.rate
  await xdp.setRate(DEMO_RATE)
  useConsole
    .getState()
    .note('info', `Live demo: xdp_prog.c counts every packet eth0 receives (${DEMO_RATE} packets/s of test traffic) in xdp_stats_map, shown on the right. Stop stops the traffic; Run reads the counts with user.c; Examples has more.`)
  // The CPUs start while xdp_prog.c compiles and loads: packets pass to the stack until it is attached.
  await Promise.all([xdp.startTraffic(), xdp.attach()])
  const x = useXdp.getState()
  if (!ending && !(x.traffic === 'on' && x.loader?.attached)) ending = 'stop'
  if (ending) return finish()
  useDemo.setState({ phase: 'live' })
}

/** Ends the demo (no-op when it is not running). */
export async function endDemo(why: DemoEnd): Promise<void> {
  const phase = useDemo.getState().phase
  if (phase === 'off' || ending) return
  ending = why
  // While starting, startDemo finishes once its own steps are done.
  if (phase === 'live') await finish()
}

async function finish(): Promise<void> {
  const why = ending ?? 'stop'
  unwatch?.()
  unwatch = null
  useDemo.setState({ phase: 'off' })
  const xdp = useXdp.getState()
  await xdp.stopTraffic()
  if (why === 'switch' && useXdp.getState().loader) await useXdp.getState().unload()
  // Back to the toolbar's usual rate, unless the visitor picked one meanwhile.
  if (useXdp.getState().rate === DEMO_RATE && rateBefore !== DEMO_RATE) await useXdp.getState().setRate(rateBefore)
}
