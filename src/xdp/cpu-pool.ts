/**
 * The worker threads of N simulated CPUs (Node): started with one job each, their trace lines
 * forwarded as they come, their final counts collected, the first failure kept. Shared by the
 * parallel mode (run.ts) and the live NIC (live.ts). `started()` resolves once every CPU is up
 * (its program instantiated), so a NIC can start delivering to running CPUs.
 */
import { Worker } from 'node:worker_threads'
import type { CpuWorkerJob, CpuWorkerMessage } from './cpu-worker'

export type CpuDone = Extract<CpuWorkerMessage, { kind: 'done' }>

export class CpuPool {
  /** Final counts of the CPUs that finished, in the order they did. */
  readonly done: CpuDone[] = []
  /** The first failure (a worker error or an exception in it), if any. */
  failure: string | null = null
  /** performance.now() when the last CPU said it was done (the run's end; ending the threads is not timed). */
  lastDoneAt = 0
  private readonly workers: { w: Worker; started: Promise<void>; finished: Promise<void> }[]

  constructor(script: string | URL, jobs: CpuWorkerJob[], trace?: (line: string) => void) {
    this.workers = jobs.map((job) => {
      const w = new Worker(script, { workerData: job })
      let up = () => {}
      const started = new Promise<void>((resolve) => (up = resolve))
      const finished = new Promise<void>((resolve) => {
        w.on('message', (m: CpuWorkerMessage) => {
          if (m.kind === 'trace') for (const line of m.lines) trace?.(line)
          else if (m.kind === 'ready') up()
          else if (m.kind === 'done') {
            this.done.push(m)
            this.lastDoneAt = performance.now()
            resolve()
          } else {
            this.failure ??= `CPU ${job.cpu}: ${m.message}`
            resolve()
          }
        })
        w.on('error', (e) => {
          this.failure ??= `CPU ${job.cpu}: ${e.stack ?? e.message}`
          resolve()
        })
        w.on('exit', () => resolve())
      })
      // a CPU that ends or fails before it is up no longer holds the others back
      void finished.then(up)
      return { w, started, finished }
    })
  }

  /** Resolves when every CPU is up and polling (or has ended or failed). */
  async started(): Promise<void> {
    await Promise.all(this.workers.map((x) => x.started))
  }

  /** Waits for every CPU to finish (or fail), then ends the threads. */
  async finish(): Promise<void> {
    await Promise.all(this.workers.map((x) => x.finished))
    await Promise.all(this.workers.map((x) => x.w.terminate()))
  }

  /** The counts sorted by CPU; throws when a worker failed. */
  results(): CpuDone[] {
    if (this.failure !== null) throw new Error(`XDP CPU worker failed: ${this.failure}`)
    return [...this.done].sort((a, b) => a.cpu - b.cpu)
  }
}
