/**
 * How a userspace program's sleep() behaves under the CLI, and how a stats loop ends.
 *
 *  - time 'simulated' (the default without live traffic): sleep advances the simulated clock
 *    instantly, as Process does on its own;
 *  - time 'real' (the default while traffic flows): sleep waits in real time, so a
 *    `while (1) { read map; sleep(1); }` loop sees packets arrive between two readings. The wait
 *    is an Atomics.wait on the control word, so a stop (timeout, end of run) interrupts it.
 *
 * Ending a stats loop: once the traffic is done (ctl[CTL_TRAFFIC] set by the driver), the
 * program gets one more full interval (the sleep that starts after the traffic ended) and its
 * next print; at the sleep after that it is stopped like Ctrl-C (exit 130, "^C"). stdout is
 * flushed at each sleep, as a terminal's line buffering would show the lines.
 */
import { StopRequest, type Process } from '../runtime/process'

/** Control words shared between the CLI and the userspace worker (Int32Array indexes). */
export const CTL_STOP = 0
export const CTL_TRAFFIC = 1
export const CTL_SLEEPING = 2
export const CTL_WORDS = 3

/** ctl[CTL_STOP] values. */
export const STOP_NONE = 0
export const STOP_TIMEOUT = 1
export const STOP_INTERRUPT = 2

export type TimeMode = 'real' | 'simulated'

/** The stop a control word asks for, as the exception that ends the program. */
export function stopRequest(ctl: Int32Array, timeoutSec: number): StopRequest | null {
  const v = Atomics.load(ctl, CTL_STOP)
  if (v === STOP_NONE) return null
  if (v === STOP_INTERRUPT) return new StopRequest('interrupted', 'SIGINT')
  return new StopRequest(`timed out after ${timeoutSec} s`)
}

/** The sleep hook for Process (opts.sleep). */
export function cliSleep(ctl: Int32Array, time: TimeMode, timeoutSec: number): (ns: bigint, proc: Process) => void {
  let slept = false // a sleep that began after the traffic ended has completed
  return (ns, proc) => {
    proc.flush()
    const trafficDone = Atomics.load(ctl, CTL_TRAFFIC) !== 0
    if (trafficDone && slept) throw new StopRequest('traffic done', 'SIGINT')
    if (time === 'simulated') {
      proc.clock.advance(ns)
      proc.kernel.advanceClock(Number(ns))
    } else {
      Atomics.store(ctl, CTL_SLEEPING, 1)
      const end = performance.now() + Number(ns) / 1e6
      for (let left = end - performance.now(); left > 0 && Atomics.load(ctl, CTL_STOP) === STOP_NONE; left = end - performance.now()) {
        Atomics.wait(ctl, CTL_STOP, STOP_NONE, left)
      }
      Atomics.store(ctl, CTL_SLEEPING, 0)
    }
    const stop = stopRequest(ctl, timeoutSec)
    if (stop) throw stop
    if (trafficDone) slept = true
  }
}
