/** Worker thread entry: one userspace process on an attached kernel. No logic of its own. */
import { parentPort, workerData } from 'node:worker_threads'
import { Kernel } from '../kernel/kernel'
import type { Program } from '../lang/api'
import { Process, StopRequest } from '../runtime/process'

export interface WorkerRequest {
  sab: SharedArrayBuffer
  program: Program
  ctl: Int32Array
  timeoutSec: number
}

export type WorkerReply = { kind: 'write'; fd: 1 | 2; bytes: Uint8Array } | { kind: 'exit'; exitCode: number }

if (parentPort && workerData) {
  const port = parentPort
  const req = workerData as WorkerRequest
  const kernel = Kernel.attach(req.sab)
  const proc = new Process(kernel, req.program, { write: (fd, bytes) => port.postMessage({ kind: 'write', fd, bytes } satisfies WorkerReply) }, {
    ctl: req.ctl,
    trap: () => {
      if (Atomics.load(req.ctl, 0) !== 0) throw new StopRequest(`timed out after ${req.timeoutSec} s`)
    },
  })
  const result = proc.run()
  port.postMessage({ kind: 'exit', exitCode: result.exitCode } satisfies WorkerReply)
}
