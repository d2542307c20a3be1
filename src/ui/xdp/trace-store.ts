/**
 * trace_pipe as the page shows it: the bpf_printk lines the CPU workers send (already in the
 * kernel's format, src/xdp/trace.ts), in a bounded buffer. Lines arrive in batches from several
 * workers; they are collected and handed to the store at most once per animation frame, and
 * only the newest MAX_LINES are kept (the count of older ones that fell out is shown), so a
 * program printing on every packet at full rate costs one render per frame.
 */
import { create } from 'zustand'

export const MAX_LINES = 2000

export interface TraceState {
  lines: string[]
  /** Lines no longer shown: pushed out of the buffer, or lost in a CPU's ring (never reached the page). */
  dropped: number
  /** Lines received since the page started (or the last clear). */
  total: number
  clear(): void
}

export const useTrace = create<TraceState>()((set) => ({
  lines: [],
  dropped: 0,
  total: 0,
  clear: () => set({ lines: [], dropped: 0, total: 0 }),
}))

/** Appends `incoming` to `lines`, keeping the newest `max`; returns the new lines and how many fell out. */
export function appendBounded(lines: readonly string[], incoming: readonly string[], max = MAX_LINES): { lines: string[]; fellOut: number } {
  const all = lines.length + incoming.length
  if (all <= max) return { lines: [...lines, ...incoming], fellOut: 0 }
  const fellOut = all - max
  if (incoming.length >= max) return { lines: incoming.slice(incoming.length - max), fellOut }
  return { lines: [...lines.slice(fellOut), ...incoming], fellOut }
}

let pending: string[] = []
let pendingLost = 0
let scheduled = false

function flush(): void {
  scheduled = false
  if (pending.length === 0 && pendingLost === 0) return
  const incoming = pending
  const lost = pendingLost
  pending = []
  pendingLost = 0
  useTrace.setState((s) => {
    const { lines, fellOut } = appendBounded(s.lines, incoming)
    return { lines, dropped: s.dropped + fellOut + lost, total: s.total + incoming.length + lost }
  })
}

/** From the CPU workers: a batch of lines, and how many that CPU had to drop. */
export function pushTrace(lines: readonly string[], lost: number): void {
  // Never hold more than a buffer's worth between two frames.
  for (const l of lines) pending.push(l)
  if (pending.length > MAX_LINES) {
    pendingLost += pending.length - MAX_LINES
    pending = pending.slice(pending.length - MAX_LINES)
  }
  pendingLost += lost
  if (!scheduled) {
    scheduled = true
    requestAnimationFrame(flush)
  }
}
