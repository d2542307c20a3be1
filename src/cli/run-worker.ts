/**
 * Runs one userspace program in a worker thread attached to the kernel's SharedArrayBuffer,
 * as the browser does, so that a runaway program can be stopped: on timeout the driver sets
 * the program's control word, the program's next hook check traps and ends it cleanly.
 *
 * With live traffic (`trafficDone`), the driver also tells the program when the traffic has
 * ended: a stats loop then prints once more and is stopped at its next sleep (user-sleep.ts);
 * a program that does not sleep is interrupted INTERRUPT_GRACE_MS later.
 */
import { Worker } from 'node:worker_threads'
import type { Program } from '../lang/api'
import type { BpfObjectTable } from '../runtime/libbpf-object'
import type { WorkerReply, WorkerRequest } from './process-worker'
import { CTL_SLEEPING, CTL_STOP, CTL_TRAFFIC, CTL_WORDS, STOP_INTERRUPT, STOP_TIMEOUT, type TimeMode } from './user-sleep'

export interface RunInWorkerOptions {
  timeoutSec?: number
  write(fd: 1 | 2, bytes: Uint8Array): void
  /** BPF objects the program can open with bpf_object__open_file. */
  objects?: BpfObjectTable
  /** sleep() in real or simulated time (default simulated). */
  time?: TimeMode
  /** Settles when the live traffic is over (see above). */
  trafficDone?: Promise<unknown>
  /** Print the bpf() calls as strace does. */
  strace?: boolean
}

/** How long a program that never sleeps may run on after the traffic ended. */
export const INTERRUPT_GRACE_MS = 5000

export function runInWorker(sab: SharedArrayBuffer, program: Program, opts: RunInWorkerOptions): Promise<number> {
  const ctl = new Int32Array(new SharedArrayBuffer(4 * CTL_WORDS))
  const request: WorkerRequest = { sab, program, ctl, timeoutSec: opts.timeoutSec ?? 0, objects: opts.objects, time: opts.time, strace: opts.strace }
  const worker = new Worker(new URL('./process-worker.mjs', import.meta.url), { workerData: request })
  const stop = (how: number) => {
    Atomics.store(ctl, CTL_STOP, how)
    Atomics.notify(ctl, CTL_STOP) // wakes a real-time sleep
  }
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined
    let killer: NodeJS.Timeout | undefined
    let grace: NodeJS.Timeout | undefined
    let exited = false
    const finish = (code: number) => {
      exited = true
      clearTimeout(timer)
      clearTimeout(killer)
      clearInterval(grace)
      resolve(code)
    }
    if (opts.timeoutSec) {
      timer = setTimeout(() => {
        stop(STOP_TIMEOUT)
        // A program inside a long kernel call reaches no hook: give it a second, then kill the thread.
        killer = setTimeout(() => {
          opts.write(2, new TextEncoder().encode(`bpfplay: timed out after ${opts.timeoutSec} s (killed)\n`))
          void worker.terminate().then(() => finish(137))
        }, 1000)
      }, opts.timeoutSec * 1000)
    }
    void opts.trafficDone?.then(
      () => {
        if (exited) return
        Atomics.store(ctl, CTL_TRAFFIC, 1)
        const since = performance.now()
        // A program asleep is stopped at its next sleep; one busy without sleeping, after the grace.
        grace = setInterval(() => {
          if (Atomics.load(ctl, CTL_SLEEPING) === 0 && performance.now() - since > INTERRUPT_GRACE_MS) stop(STOP_INTERRUPT)
        }, 100)
      },
      () => stop(STOP_INTERRUPT),
    )
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
