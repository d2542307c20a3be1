/**
 * The page's debugger state: the breakpoints of user.c (kept across runs), the shared control
 * words of the run being debugged, and the pause the worker last reported. Every run of user.c
 * is a debug run (compiled with hooks: 'statements', which costs little while nothing is
 * stepped), so a breakpoint set while a program runs stops it, and Step before Run starts the
 * program paused at its first line. Commands while paused go to the worker through shared
 * memory (protocol.ts); the machine store (src/ui/machine/store.ts) calls beginRun/paused/endRun.
 */
import { create } from 'zustand'
import type { DebugCommand, PauseState } from '../../runtime/debug-control'
import type { ProbeSpec } from '../../lang/probes'
import type { ProbeResult } from '../../runtime/probes'
import { useMachine } from '../machine/store'
import { newDebugRun, sendCommand, type DebugRunOptions } from './protocol'
import { breakpointActions } from './breakpoints'

interface DebuggerState {
  /** Lines of user.c with a breakpoint, ascending. */
  breakpoints: number[]
  /** The current run's shared words; null when no program runs. */
  run: DebugRunOptions | null
  /** Where the program is paused, and what it sees; null while it runs or when none runs. */
  paused: PauseState | null
  /** A step back is restoring the kernel and replaying the program (views hold still until it pauses). */
  rewinding: boolean
  /** Values of user.c's inline probes (`// ^?`) in the current or last run. */
  probes: ProbeResult[]
  /** How the next run starts (set by a step or Run to cursor pressed while no program runs). */
  nextStart: { startPaused: boolean; runToLine?: number }
  toggleBreakpoint(line: number): void
  /** The breakpoints after an edit moved them (the editor's decorations follow the text). */
  setBreakpoints(lines: number[]): void
  /** A debugger command: to the paused program, or starting a run when none is going. */
  command(cmd: DebugCommand): void
  beginRun(probes: ProbeSpec[]): DebugRunOptions
  onPaused(state: PauseState): void
  /** The run ended, with its probes' final values. */
  endRun(probes?: ProbeResult[]): void
}

const canStart = () => useMachine.getState().phase === 'idle' && useMachine.getState().kernel !== null

export const useDebugger = create<DebuggerState>()((set, get) => ({
  breakpoints: [],
  run: null,
  paused: null,
  rewinding: false,
  probes: [],
  nextStart: { startPaused: false },

  ...breakpointActions(get, set),

  command(cmd) {
    const { run, paused } = get()
    if (run && paused) {
      if (cmd.k === 'stepBack' && paused.noStepBack !== null) return
      set({ paused: null, rewinding: cmd.k === 'stepBack' })
      sendCommand(run.ctl, cmd)
      return
    }
    if (run || !canStart() || cmd.k === 'stop' || cmd.k === 'stepOut' || cmd.k === 'stepBack') return
    set({ nextStart: cmd.k === 'continue' ? { startPaused: false } : cmd.k === 'runToLine' ? { startPaused: false, runToLine: cmd.line } : { startPaused: true } })
    void useMachine.getState().run()
  },

  beginRun(probes) {
    const run = newDebugRun(get().breakpoints, get().nextStart, probes)
    set({ run, paused: null, nextStart: { startPaused: false }, probes: [] })
    return run
  },

  onPaused(state) {
    if (get().run) set({ paused: state, rewinding: false, ...(state.probes ? { probes: state.probes } : {}) })
  },

  endRun(probes) {
    set({ run: null, paused: null, rewinding: false, ...(probes ? { probes } : {}) })
  },
}))

/** The line of the editor's cursor in user.c (Run to cursor), kept by the editor. */
export const useCursorLine = create<{ line: number; set(line: number): void }>()((set) => ({
  line: 1,
  set: (line) => set({ line }),
}))
