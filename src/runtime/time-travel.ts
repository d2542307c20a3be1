/**
 * Time travel for a debugged userspace run: step back to the previous line with the kernel and
 * the process exactly as they were there.
 *
 * A process's state is partly a JavaScript call stack, which cannot be saved, so going back is
 * done the way record-and-replay debuggers do it: the kernel is checkpointed when the run
 * starts (src/kernel/checkpoint.ts), the debugger counts every statement (debugger.ts), and a
 * step back restores the checkpoint and runs the same program again, silently, to the wanted
 * statement count (when the statements since the last pause ran counted rather than traced,
 * a first replay to the pause finds the previous line, a second goes there). The program is deterministic given the kernel it starts on (the same pid,
 * fds, map ids, hash seeds and heap), so it arrives in the same state, maps included.
 *
 * The kernel must be the program's alone for that: XDP CPUs running programs or another process
 * (bpftool) changing maps would be undone by a restore. check() refuses a step back then.
 */
import type { Kernel, HandleCheckpoint } from '../kernel/kernel'
import type { Program } from '../lang/api'
import { CTL_DEBUG, Debugger, RewindRequest, type DebugCommand, type DebugControl, type DebuggerOptions, type PauseState } from './debugger'
import type { Process, ProcessResult } from './process'

export interface DebuggedRun {
  kernel: Kernel
  program: Program
  control: DebugControl
  start: Pick<DebuggerOptions, 'startPaused' | 'runToLine' | 'probes'>
  pause(state: PauseState): DebugCommand
  /** A fresh process for each timeline (the first run and every replay), trapping to `dbg`. */
  makeProcess(dbg: Debugger): Process
  /** Why time travel is off from the start (e.g. traffic is running), or null. */
  unavailable?: string | null
  /** The host's own check that nothing else it runs touched the kernel since the start (the NIC), or null. */
  othersActive?(): string | null
  /** A step back is about to replay: forget what the abandoned timeline showed (its output). */
  onRewind?(time: number): void
}

/** Run a debugged program to its end, stepping back in time whenever the user asks. */
export function runDebugged(run: DebuggedRun): ProcessResult {
  const { kernel, control } = run
  const startsTrapping = Atomics.load(control.ctl, 0) === CTL_DEBUG
  const othersActive = run.othersActive ?? (() => null)
  const unavailable = run.unavailable ?? (startsTrapping ? othersActive() ?? kernelShared(kernel, null) : null)
  const checkpoint = unavailable === null && startsTrapping ? new KernelGuard(kernel) : null
  const timeTravel = { unavailable, check: (pid: number) => (checkpoint ? othersActive() ?? checkpoint.changedByOthers(pid) : 'no checkpoint') }
  let replayTo = 0
  let resolveStepBack = false
  for (;;) {
    const dbg = new Debugger(run.program, control, run.pause, { ...run.start, timeTravel, replayTo, resolveStepBack })
    const proc = run.makeProcess(dbg)
    try {
      return proc.run()
    } catch (e) {
      if (!(e instanceof RewindRequest) || !checkpoint) throw e
      replayTo = e.time
      resolveStepBack = e.resolve
    }
    checkpoint.restore()
    // the replay must count every statement (a pending Stop stays)
    Atomics.compareExchange(control.ctl, 0, 0, CTL_DEBUG)
    run.onRewind?.(replayTo)
  }
}

/** Why the kernel is not the program's alone (a loaded XDP program, another process), or null. */
function kernelShared(kernel: Kernel, ownPid: number | null): string | null {
  if (kernel.programs().length > 0) return 'an XDP program is loaded, and CPUs share the kernel with this program'
  const other = kernel.processes().find((p) => p.pid !== ownPid)
  if (other) return `another process (${other.comm}, pid ${other.pid}) is using the kernel`
  return null
}

/** The run's checkpoint, and what tells whether someone else touched the kernel since. */
class KernelGuard {
  private readonly saved: HandleCheckpoint
  private readonly seq: number
  private readonly helperSeqs: number[]

  constructor(private readonly kernel: Kernel) {
    this.saved = kernel.checkpoint()
    this.seq = kernel.eventLog.lastSeq()
    this.helperSeqs = this.helperNow()
  }

  private helperNow(): number[] {
    return Array.from({ length: this.kernel.possibleCpus }, (_, cpu) => this.kernel.eventLog.helperSeq(cpu))
  }

  /** Why a restore would undo someone else's work (pid: the debugged process), or null. */
  changedByOthers(pid: number): string | null {
    const now = this.helperNow()
    if (now.some((s, cpu) => s !== this.helperSeqs[cpu])) return 'XDP programs ran on the CPUs since the program started, and a restore would undo their work'
    for (const e of this.kernel.events(this.seq)) {
      if (e.origin === 'syscall' && e.pid !== pid) return `another process (pid ${e.pid}) changed the kernel since the program started`
    }
    return kernelShared(this.kernel, pid)
  }

  restore(): void {
    this.kernel.restore(this.saved)
  }
}
