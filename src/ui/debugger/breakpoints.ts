/**
 * Breakpoint lists as the stores keep them (user.c's in store.ts, xdp_prog.c's for Step packet
 * in src/ui/xdp/step-store.ts): lines ascending, mirrored into the shared words of the program
 * running, so a breakpoint set while it runs stops it (debug-control.ts setBreakpoint).
 */
import { setBreakpoint, type DebugControl } from '../../runtime/debug-control'

interface Holder {
  breakpoints: number[]
  run: DebugControl | null
}

export function breakpointActions(get: () => Holder, set: (s: { breakpoints: number[] }) => void) {
  return {
    toggleBreakpoint(line: number): void {
      const has = get().breakpoints.includes(line)
      set({ breakpoints: has ? get().breakpoints.filter((l) => l !== line) : [...get().breakpoints, line].sort((a, b) => a - b) })
      const run = get().run
      if (run) setBreakpoint(run, line, !has)
    },

    /** The breakpoints after an edit moved them (the editor's decorations follow the text). */
    setBreakpoints(lines: number[]): void {
      const next = [...new Set(lines)].sort((a, b) => a - b)
      const prev = get().breakpoints
      if (next.length === prev.length && next.every((l, i) => l === prev[i])) return
      const run = get().run
      if (run) {
        for (const l of prev) if (!next.includes(l)) setBreakpoint(run, l, false)
        for (const l of next) if (!prev.includes(l)) setBreakpoint(run, l, true)
      }
      set({ breakpoints: next })
    },
  }
}
