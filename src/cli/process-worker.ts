/** Worker thread entry: one userspace process on an attached kernel. No logic of its own. */
import { parentPort, workerData } from 'node:worker_threads'
import { Kernel } from '../kernel/kernel'
import type { Program } from '../lang/api'
import type { BpfObjectTable } from '../runtime/libbpf-object'
import { Process } from '../runtime/process'
import { straceExit, straceLine } from '../runtime/strace-format'
import { SyscallTracer } from '../runtime/syscall-trace'
import { cliSleep, stopRequest, type TimeMode } from './user-sleep'

export interface WorkerRequest {
  sab: SharedArrayBuffer
  program: Program
  /** Control words (user-sleep.ts: stop, traffic done, sleeping). */
  ctl: Int32Array
  timeoutSec: number
  /** BPF objects bpf_object__open_file() finds. */
  objects?: BpfObjectTable
  /** sleep() in real or simulated time (default simulated). */
  time?: TimeMode
  /** Print each bpf() call on stderr as `strace -e trace=bpf` does (run --strace). */
  strace?: boolean
}

export type WorkerReply = { kind: 'write'; fd: 1 | 2; bytes: Uint8Array } | { kind: 'exit'; exitCode: number }

if (parentPort && workerData) {
  const port = parentPort
  const req = workerData as WorkerRequest
  const write = (fd: 1 | 2, bytes: Uint8Array) => port.postMessage({ kind: 'write', fd, bytes } satisfies WorkerReply)
  const say = (line: string) => write(2, new TextEncoder().encode(line + '\n'))
  const tracer = req.strace ? new SyscallTracer((r) => say(straceLine(r))) : null
  const kernel = Kernel.attach(req.sab)
  const proc = new Process(tracer ? tracer.wrap(kernel) : kernel, req.program, { write }, {
    ctl: req.ctl,
    trap: () => {
      const stop = stopRequest(req.ctl, req.timeoutSec)
      if (stop) throw stop
    },
    bpfObjects: req.objects,
    sleep: cliSleep(req.ctl, req.time ?? 'simulated', req.timeoutSec),
  })
  tracer?.attach(proc)
  const result = proc.run()
  if (tracer) say(straceExit(result.exitCode, result.signal))
  port.postMessage({ kind: 'exit', exitCode: result.exitCode } satisfies WorkerReply)
}
