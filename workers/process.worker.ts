/**
 * Browser worker entry: one userspace process at a time on an attached kernel, as
 * src/cli/process-worker.ts does for Node. Commands (run, reap) arrive through comlink; the
 * kernel's SharedArrayBuffer comes as a plain argument (never Comlink.transfer: a transferred
 * SAB breaks every later call). Stop is not a command: the page sets the shared control word
 * `ctl[0]`, the program's next hook check calls `trap`, which ends it with StopRequest.
 *
 * Every run is traced for the syscall inspector (src/runtime/syscall-trace.ts); a debugged run
 * goes through runDebugged (src/runtime/time-travel.ts), which replays it on a step back.
 *
 * XDP: the run may carry the compiled xdp_prog.c as its table of BPF objects, so that
 * bpf_object__open_file("xdp_prog_kern.o") + load + attach work as in xdp-tutorial, and the XDP
 * stats buffer, whose traffic word makes sleep() wait in real time while the NIC sends
 * (src/ui/machine/live-sleep.ts).
 */
import '../src/ui/platform/shared-text-decoder'
import * as Comlink from 'comlink'
import { Kernel } from '../src/kernel/kernel'
import type { Program } from '../src/lang/api'
import type { BpfObjectTable } from '../src/runtime/libbpf-object'
import { Process, StopRequest } from '../src/runtime/process'
import { observeFreedMaps, type FreedMap } from '../src/runtime/freed-maps'
import type { PauseState } from '../src/runtime/debug-control'
import type { Debugger } from '../src/runtime/debugger'
import { runDebugged } from '../src/runtime/time-travel'
import { SyscallTracer, type SyscallRecord } from '../src/runtime/syscall-trace'
import type { ProbeResult } from '../src/runtime/probes'
import type { DebugRunOptions } from '../src/ui/debugger/protocol'
import { workerPause } from '../src/ui/debugger/worker-debugger'
import { liveSleep } from '../src/ui/machine/live-sleep'
import { XdpStats } from '../src/xdp/browser-stats'

/** bpf() calls sent with each pause and with the result, for the syscall inspector. */
const SYSCALLS_SHOWN = 60

/** What the page learns while a process runs (comlink proxies: one message per call). */
export interface ProcessObserver {
  started(pid: number): void
  write(fd: 1 | 2, bytes: Uint8Array): void
  /**
   * Maps a close(fd) or the exit freed, with their last contents: the inspector keeps showing
   * what the program built after it is gone (see src/runtime/freed-maps.ts).
   */
  freed(pid: number, maps: FreedMap[]): void
  /** Answered after every earlier call: the run's result must not overtake its last output. */
  sync(): void
  /**
   * Debug runs: the program paused, with its last bpf() calls (the worker then waits for a
   * command in shared memory: src/ui/debugger/protocol.ts).
   */
  paused?(state: PauseState, syscalls: SyscallRecord[]): void
  /** A step back abandoned the timeline: its output is replaced by the replay's. */
  rewound?(): void
}

export interface RunOptions {
  comm?: string
  /** Bytes of output forwarded per run; the rest is dropped (a runaway printf must not flood the page). */
  outputLimit: number
  /** BPF objects bpf_object__open_file() finds (the compiled xdp_prog.c). */
  objects?: BpfObjectTable
  /** The XDP stats buffer (src/xdp/browser-stats.ts): its traffic word switches sleep() to real time. */
  xdpStats?: SharedArrayBuffer
  /** Step, breakpoints, run to cursor, step back (src/ui/debugger/protocol.ts); needs a program compiled with hooks: 'statements'. */
  debug?: DebugRunOptions
  /** Why step back cannot work in this run (XDP traffic is running), if it cannot. */
  noTimeTravel?: string
}

export interface RunResult {
  exitCode: number
  signal?: string
  reason?: string
  /** Output bytes dropped past `outputLimit`. */
  droppedBytes: number
  /** The run's last bpf() calls. */
  syscalls: SyscallRecord[]
  /** Values of the inline probes (`// ^?`) of a debugged run. */
  probes: ProbeResult[]
}

/**
 * Time travel's check on the NIC: packets in flight live in kernel memory (the RX queues), so a
 * kernel restore while traffic runs, or after it ran, would corrupt them.
 */
function nicActivity(sab: SharedArrayBuffer | undefined): () => string | null {
  if (!sab) return () => null
  const nic = new XdpStats(sab)
  const sentAtStart = nic.sent
  return () => (nic.trafficOn || nic.sent !== sentAtStart ? 'XDP traffic ran on eth0 since the program started (its packets are in kernel memory)' : null)
}

/** One attached handle per kernel buffer: attaching allocates per-worker scratch in the kernel. */
let attached: { sab: SharedArrayBuffer; kernel: Kernel } | null = null

function kernelFor(sab: SharedArrayBuffer): Kernel {
  if (attached?.sab !== sab) {
    attached = { sab, kernel: Kernel.attach(sab) }
  }
  return attached.kernel
}

const api = {
  async run(sab: SharedArrayBuffer, program: Program, ctl: Int32Array, opts: RunOptions, observer: ProcessObserver): Promise<RunResult> {
    const kernel = kernelFor(sab)
    let forwarded = 0
    let droppedBytes = 0
    const write = (fd: 1 | 2, bytes: Uint8Array) => {
      const room = opts.outputLimit - forwarded
      if (room <= 0) {
        droppedBytes += bytes.length
        return
      }
      const part = bytes.length > room ? bytes.slice(0, room) : bytes
      droppedBytes += bytes.length - part.length
      forwarded += part.length
      void observer.write(fd, part)
    }
    const observed = observeFreedMaps(kernel, (pid, maps) => void observer.freed(pid, maps))
    const tracer = new SyscallTracer()
    const traced = tracer.wrap(observed)
    const processFor = (trap: Debugger['trap'] | null, dbg: Debugger | null) => {
      const proc = new Process(traced, program, { write }, {
        comm: opts.comm,
        ctl,
        trap: trap ?? (() => {
          if (Atomics.load(ctl, 0) !== 0) throw new StopRequest('stopped (Stop was pressed)')
        }),
        bpfObjects: opts.objects,
        sleep: liveSleep(ctl, opts.xdpStats ? new Int32Array(opts.xdpStats, 0, 4) : null),
      })
      tracer.attach(proc, () => ({ time: dbg?.now ?? 0, line: Math.max(0, dbg?.line ?? 0) }))
      void observer.started(proc.pid)
      return proc
    }
    const debug = opts.debug && program.debug?.scopes.length ? opts.debug : null
    let timeline: Debugger | null = null
    const result = debug
      ? runDebugged({
          kernel,
          program,
          control: debug,
          start: { startPaused: debug.startPaused, runToLine: debug.runToLine, probes: debug.probes },
          pause: workerPause(debug, (state) => void observer.paused?.(state, tracer.recent(SYSCALLS_SHOWN))),
          makeProcess: (dbg) => processFor(dbg.trap, (timeline = dbg)),
          unavailable: opts.noTimeTravel ?? null,
          othersActive: nicActivity(opts.xdpStats),
          onRewind: () => {
            tracer.reset()
            forwarded = 0
            droppedBytes = 0
            void observer.rewound?.()
          },
        })
      : processFor(null, null).run()
    // The observer's messages travel on their own port: wait until the page has them all.
    await observer.sync()
    return {
      exitCode: result.exitCode,
      signal: result.signal,
      reason: result.reason,
      droppedBytes,
      syscalls: tracer.recent(SYSCALLS_SHOWN),
      probes: (timeline as Debugger | null)?.probeResults() ?? [],
    }
  },

  /** After a worker running `pid` had to be terminated: close that process's fds, as exit would. */
  reap(sab: SharedArrayBuffer, pid: number): void {
    kernelFor(sab).processExit(pid)
  },
}

export type ProcessWorkerApi = typeof api

Comlink.expose(api)
