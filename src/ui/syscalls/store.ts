/**
 * The syscall inspector's state: the last bpf() calls of the current (or last) run, as the
 * process worker reported them at each pause and at the end (src/runtime/syscall-trace.ts),
 * which one is shown, and which were made by the last step (those after the previous pause).
 */
import { create } from 'zustand'
import type { SyscallRecord } from '../../runtime/syscall-trace'

interface SyscallsState {
  calls: SyscallRecord[]
  /**
   * Calls with `time` at or above this were made since the previous pause (the last step: a
   * pause comes before its statement runs, so its calls carry its time); 0 = none marked.
   */
  stepFrom: number
  /** The call shown (its `n`); null = the newest. */
  selected: number | null
  /** At a pause at statement `time` (0: the run ended). */
  update(calls: SyscallRecord[], time: number): void
  select(n: number | null): void
  clear(): void
}

export const useSyscalls = create<SyscallsState>()((set, get) => {
  let lastTime = 0
  return {
    calls: [],
    stepFrom: 0,
    selected: null,
    update(calls, time) {
      // going back in time (a step back) marks nothing as new
      const stepFrom = time > lastTime ? lastTime : time
      lastTime = time
      const keep = get().selected
      set({ calls, stepFrom, selected: keep !== null && calls.some((c) => c.n === keep && c.time < stepFrom) ? keep : null })
    },
    select(n) {
      set({ selected: n })
    },
    clear() {
      lastTime = 0
      set({ calls: [], stepFrom: 0, selected: null })
    },
  }
})
