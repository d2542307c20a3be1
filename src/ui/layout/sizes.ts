/** Pane sizes (percent), kept per browser so the layout a user chose survives a reload. */
import { create } from 'zustand'

const KEY = 'bpfplay:layout'

interface Sizes {
  /** Width of the editor + console column. */
  left: number
  /** Height of the console within that column. */
  console: number
  set(p: Partial<Pick<Sizes, 'left' | 'console'>>): void
}

function load(): { left: number; console: number } {
  try {
    const o = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Sizes>
    return { left: typeof o.left === 'number' ? o.left : 56, console: typeof o.console === 'number' ? o.console : 36 }
  } catch {
    return { left: 56, console: 36 }
  }
}

export const useSizes = create<Sizes>()((set, get) => ({
  ...load(),
  set: (p) => {
    set(p)
    try {
      localStorage.setItem(KEY, JSON.stringify({ left: get().left, console: get().console }))
    } catch {
      // not kept
    }
  },
}))
