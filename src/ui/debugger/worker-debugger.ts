/**
 * The process worker's half of debugging (protocol.ts): the stepping engine's pause, which
 * posts the state to the page and then blocks the worker in Atomics.wait until the page writes
 * a command (or presses Stop).
 */
import { CTL_STOP, type DebugCommand, type PauseState } from '../../runtime/debug-control'
import { ARG, CMD, CODES, type DebugRunOptions } from './protocol'

/** How often a paused worker looks at the stop flag (Stop notifies word 0, not the command word). */
const STOP_POLL_MS = 100

/** The `pause` of a debugged run (src/runtime/time-travel.ts runDebugged). */
export function workerPause(opts: DebugRunOptions, post: (state: PauseState) => void): (state: PauseState) => DebugCommand {
  const { ctl } = opts
  return (state: PauseState): DebugCommand => {
    Atomics.store(ctl, CMD, 0)
    post(state)
    for (;;) {
      const code = Atomics.load(ctl, CMD)
      if (code !== 0) {
        const k = CODES[code - 1] ?? 'stop'
        return k === 'runToLine' ? { k, line: Atomics.load(ctl, ARG) } : ({ k } as DebugCommand)
      }
      if (Atomics.load(ctl, 0) === CTL_STOP) return { k: 'stop' }
      Atomics.wait(ctl, CMD, 0, STOP_POLL_MS)
    }
  }
}
