/**
 * The shared words between a debugged program's worker and its host, and the shapes of what a
 * pause shows: the light half of the stepping engine (debugger.ts), importable by the page
 * without pulling in the runtime.
 */
import type { ValueView } from './debug-values'
import type { ProbeSpec } from '../lang/probes'
import type { ProbeResult } from './probes'

export const CTL_RUN = 0
export const CTL_STOP = 1
export const CTL_DEBUG = 2
/** Hooks count themselves in ProgramEnv.ticks instead of trapping (a run recording for step back, going on at near full speed). */
export const CTL_COUNT = 3
/** Words of the control array the engine uses (hosts may use more after these). */
export const DEBUG_CTL_WORDS = 2

export type DebugCommand =
  | { k: 'stepOver' }
  | { k: 'stepInto' }
  | { k: 'stepOut' }
  | { k: 'continue' }
  | { k: 'runToLine'; line: number }
  | { k: 'stop' }
  /** Time travel: back to the previous line (gdb's reverse-next), kernel and process as they were there. */
  | { k: 'stepBack' }

/** stepBack: back in time to the previous line, replayed (src/runtime/time-travel.ts). */
export type PauseReason = 'entry' | 'step' | 'breakpoint' | 'runToLine' | 'stepBack'

export interface StackFrameView {
  fn: string
  file: string
  line: number
  col: number
  /** Register values of a caller are those seen at its last paused statement; false when the program ran freely since. */
  captured: boolean
  locals: ValueView[]
}

export interface PauseState {
  reason: PauseReason
  sid: number
  file: string
  line: number
  col: number
  /** 1 in main. */
  depth: number
  /** Innermost first. */
  stack: StackFrameView[]
  globals: ValueView[]
  /** Statements executed so far (this one included): the program's position in time. */
  time: number
  /** Step back is possible from here; otherwise why not (null when it is). */
  noStepBack: string | null
  /** Something the debugger has to say about the last command (a refused step back). */
  notice?: string
  /** Inline probes (`// ^?`) with their values so far. */
  probes?: ProbeResult[]
}

export interface DebugControl {
  ctl: Int32Array
  /** Byte per line of the main file: 1 = breakpoint. */
  breakpoints: Uint8Array
}

export interface DebuggerOptions {
  /** Pause at the first statement of main (Step into before running). */
  startPaused?: boolean
  /** Run until this line of the main file (Run to cursor before running). */
  runToLine?: number
  /**
   * Time travel (src/runtime/time-travel.ts): whether step back can work at all in this run
   * (null) or why not, and the host's last-moment check that the kernel is still the program's
   * (process `pid`) alone (null = fine). Without them step back is refused.
   */
  timeTravel?: { unavailable: string | null; check(pid: number): string | null }
  /** A replay: run silently to this statement count, then pause there (reason 'stepBack'). */
  replayTo?: number
  /** With replayTo: at that statement, rewind again to the line before it instead of pausing. */
  resolveStepBack?: boolean
  /** Inline probes to record (src/lang/probes.ts); the run must trap at every statement from its start. */
  probes?: ProbeSpec[]
}

/**
 * Thrown out of the program by a step back; the host restores the kernel and replays to `time`.
 * `resolve`: the line to go back to is not known yet (statements ran counted, not traced), so
 * the replay to `time` finds it and rewinds again.
 */
export class RewindRequest extends Error {
  constructor(
    readonly time: number,
    readonly resolve = false,
  ) {
    super(`rewind to statement ${time}`)
  }
}

/**
 * The host's side of a breakpoint change, safe while the program runs on another thread: the
 * line's byte and the count first, then hooks are made to trap (0 -> 2; a pending stop stays).
 */
export function setBreakpoint(control: DebugControl, line: number, on: boolean): void {
  const { ctl, breakpoints } = control
  if (line <= 0 || line >= breakpoints.length) return
  const was = Atomics.exchange(breakpoints, line, on ? 1 : 0) === 1
  if (was === on) return
  Atomics.add(ctl, 1, on ? 1 : -1)
  if (on) {
    Atomics.compareExchange(ctl, 0, CTL_RUN, CTL_DEBUG)
    Atomics.compareExchange(ctl, 0, CTL_COUNT, CTL_DEBUG)
  }
}

/** The value the host should put in ctl[0] before the run starts. */
export function initialCtl(opts: DebuggerOptions, breakpointCount: number): number {
  return opts.startPaused || opts.runToLine || opts.probes?.length || breakpointCount > 0 ? CTL_DEBUG : CTL_RUN
}
