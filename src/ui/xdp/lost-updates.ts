/**
 * The lost-update gap of counter maps: how many packets the XDP program ran on (counted by the
 * CPUs, per program) next to how many the map counted (its packet counter summed over every
 * key and, for per-CPU maps, every CPU). A plain `rec->rx_packets++` on a value shared by all
 * CPUs (ARRAY, HASH) is a read, an add and a write: two CPUs that read the same old value write
 * the same new one, and one packet is lost. `__sync_fetch_and_add` (an atomic add) and per-CPU
 * maps (each CPU its own copy, summed by the reader) lose none.
 *
 * Which value is "the packet counter": an integer value itself, or the first integer field of a
 * struct value named like one (rx_packets, packets, pkts, count, cnt). A program that counts only
 * some packets (say UDP) shows a gap too: the view says so next to the number.
 *
 * Reading order matters: the CPUs' packet counts are read before the maps. A CPU updates the map
 * while it runs a packet and publishes its count after the poll, so for an exact counter the map
 * is never behind the count read before it (the gap shows 0); a gap is packets really missing.
 */
import type { MapSnapshot } from '../../kernel/api'
import { MapType } from '../../kernel/uapi'
import type { BpfMapDecl, TypeDesc } from '../../lang/api'

export interface CounterField {
  /** "" for an integer value, else the field name. */
  name: string
  offset: number
  size: 4 | 8
}

const COUNTER_NAME = /^(rx_)?(packets|pkts|count|cnt|counter|hits)$|packets$|pkts$/i
const COUNTER_MAPS = new Set<number>([MapType.HASH, MapType.ARRAY, MapType.PERCPU_HASH, MapType.PERCPU_ARRAY, MapType.LRU_HASH, MapType.LRU_PERCPU_HASH])
const PERCPU_MAPS = new Set<number>([MapType.PERCPU_HASH, MapType.PERCPU_ARRAY, MapType.LRU_PERCPU_HASH])

export function isPercpuMap(type: number): boolean {
  return PERCPU_MAPS.has(type)
}

/** The packet counter in a value of this type, or null when the value does not look like one. */
export function counterField(t: TypeDesc | undefined): CounterField | null {
  if (!t) return null
  if (t.kind === 'int' && (t.size === 4 || t.size === 8)) return { name: '', offset: 0, size: t.size }
  if (t.kind !== 'struct') return null
  for (const f of t.fields) {
    if (f.bitWidth !== undefined) continue
    if (f.type.kind === 'int' && (f.type.size === 4 || f.type.size === 8) && COUNTER_NAME.test(f.name)) return { name: f.name, offset: f.offset, size: f.type.size }
  }
  return null
}

function readCount(v: Uint8Array, f: CounterField): number {
  if (v.length < f.offset + f.size) return 0
  const dv = new DataView(v.buffer, v.byteOffset, v.byteLength)
  return f.size === 8 ? Number(dv.getBigUint64(f.offset, true)) : dv.getUint32(f.offset, true)
}

/** The counter summed over every element of the map (and every CPU of a per-CPU map). */
export function countedValue(snap: MapSnapshot, f: CounterField): number {
  let sum = 0
  for (const e of snap.entries) {
    if (Array.isArray(e.value)) for (const v of e.value) sum += readCount(v, f)
    else sum += readCount(e.value, f)
  }
  return sum
}

/** A program as the view knows it: which maps it uses, with their declarations (same order). */
export interface ProgramMaps {
  id: number
  mapIds: number[]
  decls: BpfMapDecl[]
}

export interface CounterRow {
  mapId: number
  mapName: string
  /** "rx_packets", or "" when the value is the counter. */
  field: string
  type: number
  percpu: boolean
  /** Packets the programs using this map ran on. */
  ran: number
  counted: number
  /** ran - counted, never negative (in-flight packets may be counted before they are reported). */
  gap: number
}

/**
 * One row per counter map of these programs that still exists. `ranByProg`: packets each program
 * ran on (read before `maps`).
 */
export function counterRows(programs: readonly ProgramMaps[], ranByProg: ReadonlyMap<number, number>, maps: readonly MapSnapshot[]): CounterRow[] {
  const byId = new Map(maps.map((m) => [m.id, m]))
  const rows = new Map<number, CounterRow & { f: CounterField }>()
  for (const p of programs) {
    const ran = ranByProg.get(p.id) ?? 0
    p.mapIds.forEach((mapId, i) => {
      const decl = p.decls[i]
      const snap = byId.get(mapId)
      if (!decl || !snap || !COUNTER_MAPS.has(snap.type)) return
      const f = counterField(decl.valueType)
      if (!f) return
      const row = rows.get(mapId)
      if (row) row.ran += ran
      else rows.set(mapId, { mapId, mapName: snap.name || decl.name, field: f.name, type: snap.type, percpu: isPercpuMap(snap.type), ran, counted: 0, gap: 0, f })
    })
  }
  const out: CounterRow[] = []
  for (const { f, ...row } of rows.values()) {
    row.counted = countedValue(byId.get(row.mapId)!, f)
    row.gap = Math.max(0, row.ran - row.counted)
    out.push(row)
  }
  return out.sort((a, b) => a.mapId - b.mapId)
}
