/**
 * The machine: one simulated kernel per boot, the compiler worker and the process worker, and
 * the Run / Stop / Reboot commands that drive them; the XDP side (NIC and CPU workers, the
 * toolbar's loader) is in xdp-store.ts and boots with the kernel. A user.c that opens BPF objects
 * (bpf_object__open_file) gets xdp_prog.c compiled for the bpf target as its object table, and
 * traffic on eth0 for the length of the run unless it already flows. The kernel lives from one Reboot to the
 * next, so what a program pins outlives the program and disappears on Reboot, as on Linux.
 *
 * The main thread creates the kernel (formatting a fresh SharedArrayBuffer touches no lock
 * anyone else holds) and afterwards only reads it through lock-free views; all user code runs
 * in the workers.
 */
import { create } from 'zustand'
import { Kernel } from '../../kernel/kernel'
import { OutputPump, useConsole, type RunEnd } from '../console/store'
import { useDiagnostics } from '../editor/diagnostics-store'
import type { MachineSettings } from '../workspace/files'
import { useWorkspace } from '../workspace/store'
import { useProgramTypes } from '../inspector/program-types'
import { compiler } from './compiler-host'
import { useDebugger } from '../debugger/store'
import { useSyscalls } from '../syscalls/store'
import { findProbes } from '../../lang/probes'
import type { ProbeResult } from '../../runtime/probes'
import type { FreedMap } from '../../runtime/freed-maps'
import { OUTPUT_LIMIT_BYTES, ProcessHost, type RunOutcome } from './process-host'
import { compileXdp, finishObjectRun, prepareObjectRun, usesObjectApi, xdpBoot, xdpHost } from './xdp-store'
import type { BpfObjectTable } from '../../runtime/libbpf-object'

export type Phase = 'idle' | 'compiling' | 'running' | 'stopping'

export interface BootInfo {
  n: number
  cpus: number
  seed: number | null
}

/** Maps the last run freed (by close or at exit), in their last state. */
export interface FreedByRun {
  pid: number
  maps: FreedMap[]
}

interface MachineState {
  kernel: Kernel | null
  boot: BootInfo | null
  phase: Phase
  /** Maps the last run freed, as they were just before. */
  freed: FreedByRun | null
  /** Every process started this boot (pid -> command name), for views of what has already exited. */
  comms: Record<number, string>
  /** Boots a kernel with these settings (a reboot when one is running). */
  bootKernel(settings: MachineSettings): Promise<void>
  run(): Promise<void>
  stop(): void
}

export { compiler }
const processes = new ProcessHost()

function describeEnd(o: RunOutcome): RunEnd {
  const wallMs = o.wallMs
  const dropped = o.droppedBytes > 0 ? ` · output past ${OUTPUT_LIMIT_BYTES >> 20} MiB not shown (${o.droppedBytes} bytes)` : ''
  if (o.signal) {
    const why = o.signal !== 'SIGKILL' ? `killed by ${o.signal}` : o.killed ? `killed (SIGKILL): ${o.reason ?? ''}` : 'stopped (SIGKILL)'
    return { kind: 'signal', exitCode: o.exitCode, signal: o.signal, text: `${why} · exit status ${o.exitCode}${dropped}`, wallMs }
  }
  return { kind: 'exit', exitCode: o.exitCode, text: `exit status ${o.exitCode}${dropped}`, wallMs }
}

export const useMachine = create<MachineState>()((set, get) => ({
  kernel: null,
  boot: null,
  phase: 'idle',
  freed: null,
  comms: {},

  async bootKernel(settings) {
    const wasRunning = get().boot !== null
    // A compile takes a moment and is followed by a run: the toolbar disables Reboot meanwhile.
    if (get().phase === 'compiling') return
    if (get().phase !== 'idle') {
      processes.stop()
      await new Promise<void>((resolve) => {
        const unsub = useMachine.subscribe((s) => {
          if (s.phase === 'idle') {
            unsub()
            resolve()
          }
        })
      })
    }
    const kernel = Kernel.create({ possibleCpus: settings.cpus, hashSeed: settings.seed ?? undefined, wasmAtomics: true })
    xdpBoot(kernel)
    const n = (get().boot?.n ?? 0) + 1
    set({ kernel, boot: { n, cpus: settings.cpus, seed: settings.seed }, freed: null, comms: {} })
    if (wasRunning) {
      const seed = settings.seed === null ? 'random hash seeds' : `hash seed ${settings.seed}`
      useConsole.getState().note('info', `Rebooted: a new kernel with ${settings.cpus} possible CPU${settings.cpus > 1 ? 's' : ''} and ${seed}. Maps and pins are gone.`)
    }
    processes.warmUp()
  },

  async run() {
    const { kernel, phase } = get()
    if (!kernel || phase !== 'idle') return
    const con = useConsole.getState()
    const file = 'user.c'
    const source = useWorkspace.getState().files[file]
    const runId = con.startRun(file)
    const pump = new OutputPump(runId)
    set({ phase: 'compiling' })
    let objectRun = false
    let probes: ProbeResult[] | undefined
    try {
      const result = await compiler.compile(source, { filename: file, target: 'user', hooks: 'statements' })
      useDiagnostics.getState().set(file, result.diagnostics)
      con.setDiagnostics(runId, result.diagnostics)
      if (!result.program) {
        const errors = result.diagnostics.filter((d) => d.severity === 'error').length
        con.endRun(runId, { kind: 'compile', text: `compilation failed: ${errors} error${errors === 1 ? '' : 's'}` })
        return
      }
      useProgramTypes.getState().noteProgram(result.program)
      let objects: BpfObjectTable | undefined
      objectRun = usesObjectApi(result.program)
      if (objectRun) {
        // The xdp-tutorial flow: user.c opens, loads and attaches xdp_prog.c itself.
        const xdp = await compileXdp()
        // Compiler messages here; a verifier-like refusal is printed by bpf_object__load, as libbpf does.
        if (xdp.compilerDiagnostics.length) con.setDiagnostics(runId, [...result.diagnostics, ...xdp.compilerDiagnostics])
        if (!xdp.compiled) {
          const errors = xdp.diagnostics.filter((d) => d.severity === 'error').length
          con.endRun(runId, { kind: 'compile', text: `compilation of xdp_prog.c failed: ${errors} error${errors === 1 ? '' : 's'}` })
          return
        }
        objects = xdpHost.objectTable(xdp.compiled)
        await prepareObjectRun()
      }
      set({ phase: 'running', freed: null })
      useSyscalls.getState().clear()
      con.setPhase(runId, 'running')
      const outcome = await processes.run(
        get().kernel!.sab,
        result.program,
        {
          started: (pid, comm) => set((s) => ({ comms: { ...s.comms, [pid]: comm } })),
          write: (fd, bytes) => pump.write(fd, bytes),
          freed: (pid, maps) => set((s) => ({ freed: { pid, maps: [...(s.freed?.pid === pid ? s.freed.maps : []), ...maps] } })),
          paused: (state, syscalls) => {
            useSyscalls.getState().update(syscalls, state.time)
            useDebugger.getState().onPaused(state)
          },
          rewound: () => {
            pump.reset()
            useConsole.getState().clearOutput(runId)
          },
        },
        {
          objects,
          xdpStats: xdpHost.stats.sab,
          debug: useDebugger.getState().beginRun(findProbes(source)),
          ...(objectRun ? { noTimeTravel: 'the program loads an XDP program, and CPUs share the kernel with it' } : {}),
        },
      )
      pump.flush(true)
      useSyscalls.getState().update(outcome.syscalls, Number.MAX_SAFE_INTEGER)
      probes = outcome.probes
      con.endRun(runId, describeEnd(outcome))
    } catch (e) {
      pump.flush(true)
      con.endRun(runId, { kind: 'internal', text: `bpfplay: ${e instanceof Error ? e.message : String(e)}` })
    } finally {
      if (objectRun) await finishObjectRun().catch(() => {})
      useDebugger.getState().endRun(probes)
      set({ phase: 'idle' })
    }
  },

  stop() {
    const { phase } = get()
    if (phase !== 'running') return
    set({ phase: 'stopping' })
    processes.stop()
  },
}))

// The console shows a run as "stopping" from the moment Stop is pressed.
useMachine.subscribe((s, prev) => {
  if (s.phase === 'stopping' && prev.phase === 'running') {
    const last = [...useConsole.getState().entries].reverse().find((e) => e.kind === 'run')
    if (last) useConsole.getState().setPhase(last.id, 'stopping')
  }
})
