/**
 * How the page and the process worker talk while a program is debugged. The worker cannot
 * receive messages while the C program runs on it, so everything the page says goes through
 * shared memory:
 *
 *   ctl[0..1]  the engine's words (src/runtime/debugger.ts): hook flag and breakpoint count
 *   ctl[2]     the command the page gives a paused program (0 = none yet); the worker waits on it
 *   ctl[3]     its argument (the line of Run to cursor)
 *   breakpoints  one byte per line of user.c
 *
 * What the worker says (a pause, with the state to show) travels as a comlink call on the
 * run's observer, posted just before it blocks in Atomics.wait.
 */
import { initialCtl, type DebugCommand, type DebugControl } from '../../runtime/debug-control'
import type { ProbeSpec } from '../../lang/probes'

/** Control words of the page -> worker command (after the engine's two). */
export const CMD = 2
export const ARG = 3
/** Bytes of the control buffer (4 words). */
export const DEBUG_CTL_BYTES = 16
/** Lines of user.c that can hold a breakpoint. */
export const MAX_BREAKPOINT_LINES = 1 << 16

/** What a debug run starts with (RunOptions.debug of the process worker). */
export interface DebugRunOptions extends DebugControl {
  startPaused: boolean
  runToLine?: number
  /** Inline probes of user.c (`// ^?`): the run traps at every statement to read them. */
  probes: ProbeSpec[]
}

export const CODES: DebugCommand['k'][] = ['stepOver', 'stepInto', 'stepOut', 'continue', 'runToLine', 'stop', 'stepBack']

/** Page side: hands a paused program its next command. */
export function sendCommand(ctl: Int32Array, cmd: DebugCommand): void {
  Atomics.store(ctl, ARG, cmd.k === 'runToLine' ? cmd.line : 0)
  Atomics.store(ctl, CMD, CODES.indexOf(cmd.k) + 1)
  Atomics.notify(ctl, CMD)
}

/** Page side: fresh shared control words and breakpoint bytes for a run, the hook flag set as the start requires. */
export function newDebugRun(breakpointLines: number[], start: { startPaused: boolean; runToLine?: number }, probes: ProbeSpec[] = []): DebugRunOptions {
  const ctl = new Int32Array(new SharedArrayBuffer(DEBUG_CTL_BYTES))
  const breakpoints = new Uint8Array(new SharedArrayBuffer(MAX_BREAKPOINT_LINES))
  let count = 0
  for (const l of breakpointLines) {
    if (l > 0 && l < MAX_BREAKPOINT_LINES && breakpoints[l] === 0) {
      breakpoints[l] = 1
      count++
    }
  }
  ctl[1] = count
  ctl[0] = initialCtl({ ...start, probes }, count)
  return { ctl, breakpoints, ...start, probes }
}
