/**
 * Browser worker entry: the CPUs of a lesson Check (src/ui/lessons/check-xdp.ts). It attaches
 * to the page's kernel, holds the program the eth0 loader loaded (as a CPU holds what it runs),
 * sends the step's packets through it on N CPUs interleaved by the seeded scheduler
 * (src/lessons/xdp-traffic.ts, the same run `bpfplay lessons --check` makes), and posts the
 * counts and the trace lines back. One job per worker: the page terminates it afterwards.
 */
import '../src/ui/platform/shared-text-decoder'
import { Kernel } from '../src/kernel/kernel'
import type { Program } from '../src/lang/api'
import { runStepTraffic, type StepTrafficResult } from '../src/lessons/xdp-traffic'
import { loadedView } from '../src/xdp/loader'

export interface SeededCpusJob {
  sab: SharedArrayBuffer
  progId: number
  /** The compiled program the loader loaded (the kernel records only its object key). */
  program: Program
  cpus: number
  seed: number
  traffic: string
  packets: number
}

/** bpf_printk lines kept for trace_pipe; the rest are counted, as trace_pipe's ring drops them. */
const TRACE_LIMIT = 2000

export type SeededCpusReply = { ok: true; result: StepTrafficResult; trace: string[]; traceDropped: number } | { ok: false; message: string }

addEventListener('message', (ev: MessageEvent<SeededCpusJob>) => {
  const job = ev.data
  const kernel = Kernel.attach(job.sab)
  let reply: SeededCpusReply
  const held = kernel.progTable.hold(job.progId)
  try {
    if (!held) throw new Error(`program ${job.progId} is not loaded any more`)
    const loaded = loadedView(job.program, held.dataAddr, held.mapIds.map((id) => ({ id })))
    const trace: string[] = []
    let traceDropped = 0
    const result = runStepTraffic(kernel, loaded, job, (line) => {
      if (trace.length < TRACE_LIMIT) trace.push(line)
      else traceDropped++
    })
    reply = { ok: true, result, trace, traceDropped }
  } catch (e) {
    reply = { ok: false, message: e instanceof Error ? e.message : String(e) }
  } finally {
    if (held) kernel.progTable.release(job.progId)
    kernel.detach()
  }
  postMessage(reply)
})
