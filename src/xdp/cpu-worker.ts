/**
 * Worker thread body of one simulated CPU in parallel mode: attach to the kernel, build the
 * CPU, say it is ready, then poll its RX queue NAPI-style (napi.ts) until the queue is closed and
 * drained. Trace lines go to the parent in batches; the final counts go in one message. No logic
 * of its own beyond that loop.
 * In live mode (job.live) the CPU runs whatever program is attached to its interface, looked up
 * once per poll (follow.ts), instead of one program given at start.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { Kernel } from '../kernel/kernel'
import { CpuStop, XdpCpu, type XdpFault } from './cpu'
import type { Program } from '../lang/api'
import { FollowingCpu } from './follow'
import type { LoadedProgram } from './loader'
import { NapiPoller } from './napi'
import { ReplayQueue } from './replay-queue'
import { RxQueue } from './rx-queue'

export interface CpuWorkerJob {
  sab: SharedArrayBuffer
  /** The WebAssembly.Memory whose buffer `sab` is, if the kernel has one (Kernel.memory). */
  memory?: WebAssembly.Memory | null
  /** The program to run (parallel mode). */
  loaded?: LoadedProgram
  /** Live mode: run what is attached to interface `ifindex`; `objects` are the host's compiled programs by object key. */
  live?: { objects: Record<string, Program>; ifindex: number }
  cpu: number
  entry?: string
  /** Kernel address of this CPU's RX queue (rx-queue.ts; replay-queue.ts when `replay`). */
  queueOffset: number
  replay?: boolean
  /** ctl[0] != 0: stop at the next hook. */
  ctl: Int32Array
  seed?: number
}

export type CpuWorkerMessage =
  /** The CPU is built (program instantiated) and about to poll its queue. */
  | { kind: 'ready'; cpu: number }
  | { kind: 'trace'; lines: string[] }
  | {
      kind: 'done'
      cpu: number
      packets: number
      actions: number[]
      invalidActions: number
      faultCount: number
      faults: XdpFault[]
      /** Time spent between the first packet and the last, in ms (waits included). */
      activeMs: number
      /** Time spent processing packets (NAPI polls), in ms. */
      busyMs: number
      stopped: boolean
      /** Live mode: packets that found no program attached, and the ids of the programs run. */
      noProgram?: number
      programs?: number[]
    }
  | { kind: 'error'; message: string }

const TRACE_BATCH = 256

function main(job: CpuWorkerJob): void {
  const port = parentPort!
  const kernel = Kernel.attach(job.sab, job.memory ?? null)
  const queue = job.replay ? new ReplayQueue(job.sab, job.queueOffset) : new RxQueue(job.sab, job.queueOffset)
  let lines: string[] = []
  const flush = () => {
    if (lines.length === 0) return
    port.postMessage({ kind: 'trace', lines } satisfies CpuWorkerMessage)
    lines = []
  }
  const common = {
    kernel,
    cpu: job.cpu,
    seed: job.seed,
    ctl: job.ctl,
    trap: () => {
      if (Atomics.load(job.ctl, 0) !== 0) throw new CpuStop('stopped')
    },
    trace: (line: string) => {
      lines.push(line)
      if (lines.length >= TRACE_BATCH) flush()
    },
  }
  const follow = job.live ? new FollowingCpu({ ...common, objects: job.live.objects, ifindex: job.live.ifindex }) : null
  const fixed = job.loaded ? new XdpCpu({ ...common, loaded: job.loaded, entry: job.entry }) : null
  const source = follow ?? fixed
  if (source === null) throw new Error('CPU job without a program or an interface to follow')
  const napi = new NapiPoller(queue, source)
  port.postMessage({ kind: 'ready', cpu: job.cpu } satisfies CpuWorkerMessage)
  let first = 0
  let stopped = false
  // Only the waits are timed (busy = active - waited): two clock reads per poll cost several
  // per cent of a small program's packets, while a CPU kept busy by the NIC never waits.
  let waitedMs = 0
  try {
    for (;;) {
      let ready = napi.available()
      if (ready === 0) {
        const t = performance.now()
        ready = napi.wait()
        if (first !== 0) waitedMs += performance.now() - t
        if (ready === 0) break
      }
      if (first === 0) first = performance.now()
      napi.poll(ready)
      if (Atomics.load(job.ctl, 0) !== 0) throw new CpuStop('stopped')
    }
  } catch (e) {
    if (!(e instanceof CpuStop)) throw e
    stopped = true
  }
  const end = performance.now()
  const activeMs = first === 0 ? 0 : end - first
  const busyMs = activeMs - waitedMs
  flush()
  source.close()
  kernel.detach()
  port.postMessage({
    kind: 'done',
    cpu: job.cpu,
    packets: source.packets,
    actions: source.actions,
    invalidActions: source.invalidActions,
    faultCount: source.faultCount,
    faults: source.faults,
    activeMs,
    busyMs,
    stopped,
    noProgram: follow?.noProgram,
    programs: follow?.programs,
  } satisfies CpuWorkerMessage)
}

if (parentPort && workerData) {
  try {
    main(workerData as CpuWorkerJob)
  } catch (e) {
    parentPort.postMessage({ kind: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies CpuWorkerMessage)
  }
}
