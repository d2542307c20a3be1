/**
 * Which cells changed since the view last showed them, so they can flash. The tracker keeps
 * the last text of every cell it was shown (rows by key, so a row that moves in the order is
 * still the same row) and a change counter per cell; a cell whose counter moved gets the
 * flash class and a React key that restarts its animation. Only rows on screen are tracked,
 * and the memory is bounded: rows long gone from the screen are forgotten.
 */
import { useRef } from 'react'

const KEEP_ROWS = 4000

interface Seen {
  cells: string[]
  gen: number[]
}

export class ChangeTracker {
  private rows = new Map<string, Seen>()

  /** Change counters of this row's cells (0: never changed while shown). */
  observe(rowKey: string, cells: string[]): number[] {
    const seen = this.rows.get(rowKey)
    if (!seen || seen.cells.length !== cells.length) {
      if (seen) this.rows.delete(rowKey)
      this.rows.set(rowKey, { cells, gen: cells.map(() => 0) })
      this.trim()
      return cells.map(() => 0)
    }
    for (let i = 0; i < cells.length; i++) {
      if (seen.cells[i] !== cells[i]) {
        seen.gen[i]++
        seen.cells[i] = cells[i]
      }
    }
    return seen.gen
  }

  private trim(): void {
    if (this.rows.size <= KEEP_ROWS) return
    // Map iteration is insertion order: the oldest rows go first.
    const drop = this.rows.size - KEEP_ROWS
    let i = 0
    for (const k of this.rows.keys()) {
      if (i++ >= drop) break
      this.rows.delete(k)
    }
  }
}

/** One tracker per map shown (a new map id or a new boot starts fresh). */
export function useChangeTracker(identity: string): ChangeTracker {
  const ref = useRef<{ id: string; tracker: ChangeTracker } | null>(null)
  if (ref.current === null || ref.current.id !== identity) ref.current = { id: identity, tracker: new ChangeTracker() }
  return ref.current.tracker
}
