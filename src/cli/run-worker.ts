/**
 * Runs one userspace program in a worker thread attached to the kernel's SharedArrayBuffer,
 * as the browser does, so that a runaway program can be stopped: on timeout the driver sets
 * the program's control word, the program's next hook check traps and ends it cleanly.
 */
import { Worker } from 'node:worker_threads'
import type { Program } from '../lang/api'
import type { WorkerReply, WorkerRequest } from './process-worker'

export interface RunInWorkerOptions {
  timeoutSec?: number
  write(fd: 1 | 2, bytes: Uint8Array): void
}

/** Control word values (ctl[0]). */
export const CTL_RUN = 0
export const CTL_STOP = 1

export function runInWorker(sab: SharedArrayBuffer, program: Program, opts: RunInWorkerOptions): Promise<number> {
  const ctl = new Int32Array(new SharedArrayBuffer(4))
  const request: WorkerRequest = { sab, program, ctl, timeoutSec: opts.timeoutSec ?? 0 }
  const worker = new Worker(new URL('./process-worker.mjs', import.meta.url), { workerData: request })
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined
    let killer: NodeJS.Timeout | undefined
    const finish = (code: number) => {
      clearTimeout(timer)
      clearTimeout(killer)
      resolve(code)
    }
    if (opts.timeoutSec) {
      timer = setTimeout(() => {
        Atomics.store(ctl, 0, CTL_STOP)
        // A program inside a long kernel call reaches no hook: give it a second, then kill the thread.
        killer = setTimeout(() => {
          opts.write(2, new TextEncoder().encode(`bpfplay: timed out after ${opts.timeoutSec} s (killed)\n`))
          void worker.terminate().then(() => finish(137))
        }, 1000)
      }, opts.timeoutSec * 1000)
    }
    worker.on('message', (msg: WorkerReply) => {
      if (msg.kind === 'write') opts.write(msg.fd, msg.bytes)
      else finish(msg.exitCode)
    })
    worker.on('error', (e) => {
      opts.write(2, new TextEncoder().encode(`bpfplay: internal error: ${e.stack ?? e.message}\n`))
      finish(70)
    })
  })
}
