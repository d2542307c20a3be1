/**
 * The get_next_key order a hash map had on earlier boots, so the walk view can show how another
 * hash seed orders the same keys. Maps are matched across boots by name and sizes (a rerun of
 * the same program makes "the same" map). Kept for the page's lifetime, a few boots per map.
 */
import { create } from 'zustand'

export interface BootOrder {
  bootN: number
  seed: number
  zeroSeed: boolean
  /** Keys in get_next_key order, as shown (first ones only). */
  keys: string[]
  total: number
}

interface WalkHistory {
  orders: Record<string, BootOrder[]>
  record(mapKey: string, order: BootOrder): void
}

const BOOTS_KEPT = 4
export const KEYS_KEPT = 16

function same(a: BootOrder, b: BootOrder): boolean {
  return a.bootN === b.bootN && a.seed === b.seed && a.total === b.total && a.keys.join('\u0000') === b.keys.join('\u0000')
}

export const useWalkHistory = create<WalkHistory>()((set, get) => ({
  orders: {},
  record(mapKey, order) {
    const list = get().orders[mapKey] ?? []
    const i = list.findIndex((o) => o.bootN === order.bootN)
    if (i >= 0 && same(list[i], order)) return
    const next = i >= 0 ? list.map((o, j) => (j === i ? order : o)) : [...list, order].slice(-BOOTS_KEPT)
    set({ orders: { ...get().orders, [mapKey]: next } })
  },
}))
