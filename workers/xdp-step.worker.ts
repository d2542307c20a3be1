/**
 * Browser worker entry: single-packet stepping of the XDP program (src/ui/xdp/step-worker-side.ts).
 * One packet per call; while the packet is paused this worker is blocked in Atomics.wait and the
 * page talks to it through shared memory only (Stop included). The kernel's SharedArrayBuffer
 * comes as a plain argument, attached once per buffer.
 */
import '../src/ui/platform/shared-text-decoder'
import * as Comlink from 'comlink'
import { Kernel } from '../src/kernel/kernel'
import type { SteppedPacket } from '../src/xdp/step-cpu'
import { runStep, type StepObserver, type StepRequest } from '../src/ui/xdp/step-worker-side'

/** One attached handle per kernel buffer: attaching allocates per-worker scratch in the kernel. */
let attached: { sab: SharedArrayBuffer; kernel: Kernel } | null = null

const api = {
  async step(sab: SharedArrayBuffer, req: StepRequest, observer: StepObserver): Promise<SteppedPacket> {
    if (attached?.sab !== sab) attached = { sab, kernel: Kernel.attach(sab) }
    const result = runStep(attached.kernel, req, observer)
    // the observer's messages travel on their own port: the result must not overtake them
    await observer.sync()
    return result
  },

  /** After a worker stepping a packet of `progId` had to be terminated: drop the hold it had on the program. */
  release(sab: SharedArrayBuffer, progId: number): void {
    if (attached?.sab !== sab) attached = { sab, kernel: Kernel.attach(sab) }
    attached.kernel.progTable.release(progId)
  },
}

export type XdpStepWorkerApi = typeof api

Comlink.expose(api)
