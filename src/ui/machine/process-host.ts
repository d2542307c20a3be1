/**
 * The page's handle on the process worker: runs one compiled userspace program at a time on
 * the current kernel and stops it.
 *
 * Stop never goes through comlink (a running worker answers no message until the program
 * ends): it sets the run's shared control word, and the program's next hook check (loop
 * back-edges, function entries) ends it with SIGKILL. A worker that has not finished a second
 * later (stuck in a long call, or the hook is never reached) is terminated and replaced; the
 * new worker then closes the killed process's fds, as the kernel does when a process dies.
 */
import * as Comlink from 'comlink'
import type { FreedMap } from '../../runtime/freed-maps'
import type { Program } from '../../lang/api'
import type { ProcessObserver, ProcessWorkerApi, RunOptions, RunResult } from '../../../workers/process.worker'
import type { PauseState } from '../../runtime/debug-control'
import type { SyscallRecord } from '../../runtime/syscall-trace'

/** How long a stopped program has to reach a hook check before its worker is terminated. */
export const STOP_GRACE_MS = 1000
/** Output forwarded to the page per run. */
export const OUTPUT_LIMIT_BYTES = 1 << 20

export interface RunOutcome extends RunResult {
  /** The worker was terminated because the program did not stop in time. */
  killed: boolean
  wallMs: number
}

export interface RunCallbacks {
  /** The process exists in the kernel, with this pid and command name. */
  started(pid: number, comm: string): void
  write(fd: 1 | 2, bytes: Uint8Array): void
  /** Maps a close(fd) or the exit of the process freed, as they were just before (see freed-maps.ts). */
  freed(pid: number, maps: FreedMap[]): void
  /** A debug run paused (src/ui/debugger/store.ts), with its last bpf() calls. */
  paused?(state: PauseState, syscalls: SyscallRecord[]): void
  /** A step back is replaying the program: what the run printed is printed again up to there. */
  rewound?(): void
}

interface ActiveRun {
  ctl: Int32Array
  pid: number
  settle(outcome: RunOutcome | Error): void
  startedAt: number
  killTimer?: ReturnType<typeof setTimeout>
  sab: SharedArrayBuffer
}

export class ProcessHost {
  private worker: Worker | null = null
  private api: Comlink.Remote<ProcessWorkerApi> | null = null
  private active: ActiveRun | null = null

  get running(): boolean {
    return this.active !== null
  }

  private spawn(): Comlink.Remote<ProcessWorkerApi> {
    if (this.api) return this.api
    const worker = new Worker(new URL('../../../workers/process.worker.ts', import.meta.url), { type: 'module', name: 'process' })
    worker.addEventListener('error', (ev) => {
      ev.preventDefault()
      const err = new Error(`the process worker failed${ev.message ? `: ${ev.message}` : ' to start'}`)
      this.discardWorker()
      this.active?.settle(err)
    })
    this.worker = worker
    this.api = Comlink.wrap<ProcessWorkerApi>(worker)
    return this.api
  }

  private discardWorker(): void {
    this.worker?.terminate()
    this.api?.[Comlink.releaseProxy]()
    this.worker = null
    this.api = null
  }

  warmUp(): void {
    this.spawn()
  }

  /** `xdp`: the BPF objects the program may open, and the XDP stats buffer (sleep in real time while traffic flows). */
  run(sab: SharedArrayBuffer, program: Program, cb: RunCallbacks, xdp: Pick<RunOptions, 'objects' | 'xdpStats' | 'debug' | 'noTimeTravel'> = {}): Promise<RunOutcome> {
    if (this.active) return Promise.reject(new Error('a program is already running'))
    const api = this.spawn()
    // One control word per run, shared with the worker (plain argument: structured clone shares it).
    const ctl = xdp.debug?.ctl ?? new Int32Array(new SharedArrayBuffer(4))
    const startedAt = performance.now()
    const comm = program.filename.replace(/\.c$/, '')
    return new Promise<RunOutcome>((resolve, reject) => {
      const run: ActiveRun = {
        ctl,
        pid: -1,
        sab,
        startedAt,
        settle: (outcome) => {
          if (this.active !== run) return
          clearTimeout(run.killTimer)
          this.active = null
          if (outcome instanceof Error) reject(outcome)
          else resolve(outcome)
        },
      }
      this.active = run
      const observer: ProcessObserver = {
        started: (pid) => {
          run.pid = pid
          if (this.active === run) cb.started(pid, comm)
        },
        write: (fd, bytes) => {
          if (this.active === run) cb.write(fd, bytes)
        },
        freed: (pid, maps) => {
          if (this.active === run) cb.freed(pid, maps)
        },
        sync: () => {},
        paused: (state, syscalls) => {
          if (this.active === run) cb.paused?.(state, syscalls)
        },
        rewound: () => {
          if (this.active === run) cb.rewound?.()
        },
      }
      api.run(sab, program, ctl, { comm, outputLimit: OUTPUT_LIMIT_BYTES, ...xdp }, Comlink.proxy(observer)).then(
        (r) => run.settle({ ...r, killed: false, wallMs: performance.now() - startedAt }),
        (e: unknown) => run.settle(e instanceof Error ? e : new Error(String(e))),
      )
    })
  }

  /** Asks the running program to stop; terminates its worker if it has not ended after STOP_GRACE_MS. */
  stop(): void {
    const run = this.active
    if (!run || run.killTimer !== undefined) return
    Atomics.store(run.ctl, 0, 1)
    Atomics.notify(run.ctl, 0)
    run.killTimer = setTimeout(() => {
      if (this.active !== run) return
      this.discardWorker()
      run.settle({
        exitCode: 137,
        signal: 'SIGKILL',
        reason: `did not reach a stop check within ${STOP_GRACE_MS / 1000} s: its worker was terminated`,
        droppedBytes: 0,
        syscalls: [],
        probes: [],
        killed: true,
        wallMs: performance.now() - run.startedAt,
      })
      // The dead worker could not run exit(): close the process's fds from a fresh worker.
      if (run.pid >= 0) void this.spawn().reap(run.sab, run.pid).catch(() => {})
    }, STOP_GRACE_MS)
  }
}
