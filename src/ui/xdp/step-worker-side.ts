/**
 * The step worker's half of single-packet stepping (workers/xdp-step.worker.ts): it holds the
 * program the page chose in the kernel's program table (as a CPU holds what it runs, so a
 * detach or unload meanwhile cannot free it under the packet), runs the packet through the
 * stepping engine (src/xdp/step-cpu.ts) with the program's own data segment and maps, and
 * blocks at each pause until the page writes a command in shared memory, exactly as a debugged
 * userspace process does (src/ui/debugger/protocol.ts, worker-debugger.ts). Only the worker
 * imports this: it brings in the runtime.
 */
import type { Kernel } from '../../kernel/kernel'
import type { Program } from '../../lang/api'
import type { PauseState } from '../../runtime/debug-control'
import { loadedView } from '../../xdp/loader'
import { stepPacket, type SteppedPacket } from '../../xdp/step-cpu'
import type { DebugRunOptions } from '../debugger/protocol'
import { workerPause } from '../debugger/worker-debugger'

export interface StepRequest {
  /** xdp_prog.c compiled for the bpf target with hooks: 'statements', the same text as the loaded program. */
  program: Program
  /** The loaded program whose data segment and maps the packet uses. */
  progId: number
  frame: Uint8Array
  cpu: number
  debug: DebugRunOptions
}

/** What the page hears while the packet runs (comlink proxies: each call one message). */
export interface StepObserver {
  paused(state: PauseState): void
  trace(lines: string[]): void
  /** Answered after every earlier call. */
  sync(): void
}

export function runStep(kernel: Kernel, req: StepRequest, observer: StepObserver): SteppedPacket {
  const held = kernel.progTable.hold(req.progId)
  if (held === null) throw new Error(`program ${req.progId} is gone (unloaded): load xdp_prog.c again`)
  try {
    if (held.mapIds.length !== req.program.maps.length) throw new Error(`program ${req.progId} uses ${held.mapIds.length} maps, the compiled xdp_prog.c ${req.program.maps.length}: it was loaded from another text`)
    const loaded = loadedView(req.program, held.dataAddr, held.mapIds.map((id) => ({ id })))
    const post = workerPause(req.debug, (state) => void observer.paused(state))
    return stepPacket({
      kernel,
      loaded,
      entry: held.entry,
      cpu: req.cpu,
      frame: req.frame,
      control: req.debug,
      start: { startPaused: req.debug.startPaused, runToLine: req.debug.runToLine },
      // a line at a time: the page shows it before the worker blocks at the next pause
      trace: (line) => void observer.trace([line]),
      pause: post,
    })
  } finally {
    kernel.progTable.release(req.progId)
  }
}
