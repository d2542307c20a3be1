/**
 * sleep() of a userspace program in the browser: the CLI's rule (src/cli/user-sleep.ts). While
 * the NIC is sending (the traffic word of the XDP stats buffer is set), sleep waits in real time,
 * so a `while (1) { read map; sleep(1); }` stats loop sees packets arrive between two readings.
 * Otherwise simulated time moves on at once, as Process does on its own.
 *
 * The real wait is an Atomics.wait on the run's control word, so Stop (which sets and notifies
 * it) ends a sleeping program at once; stdout is flushed first, as a terminal shows the lines
 * a stats loop printed before it sleeps.
 */
import { StopRequest, type Process } from '../../runtime/process'
import { W_TRAFFIC } from '../../xdp/browser-stats'

export function liveSleep(ctl: Int32Array, traffic: Int32Array | null): (ns: bigint, proc: Process) => void {
  return (ns, proc) => {
    proc.flush()
    if (traffic === null || Atomics.load(traffic, W_TRAFFIC) === 0) {
      proc.clock.advance(ns)
      proc.kernel.advanceClock(Number(ns))
      return
    }
    const end = performance.now() + Number(ns) / 1e6
    // ctl[0]: 1 = Stop; 2 = a debugger wants the hooks to trap (src/runtime/debug-control.ts), not a stop
    for (let left = end - performance.now(), v = Atomics.load(ctl, 0); left > 0 && v !== 1; left = end - performance.now(), v = Atomics.load(ctl, 0)) {
      Atomics.wait(ctl, 0, v, left)
    }
    if (Atomics.load(ctl, 0) === 1) throw new StopRequest('stopped (Stop was pressed)')
  }
}
