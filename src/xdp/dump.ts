/**
 * A program's maps as plain data, for `bpfplay xdp --dump json` and for comparing with the
 * real kernel (tests/xdp-oracle prints the same shape):
 *
 *   {"map_name": [{"key": "0a000002", "value": "0300000000000000"}, ...],
 *    "percpu_map": [{"key": "00000000", "value": ["0100000000000000", "0200000000000000"]}]}
 *
 * Keys and values are the raw bytes in hex (little-endian integers as stored); per-CPU values
 * have one entry per possible CPU. Entries are in the map's iteration order (get_next_key).
 */
import type { Kernel } from '../kernel/kernel'
import type { LoadedProgram } from './loader'

export type MapDump = Record<string, { key: string; value: string | string[] }[]>

export function hex(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i++) s += bytes[i].toString(16).padStart(2, '0')
  return s
}

/** Contents of every map the program declares, by its name in the source. */
export function dumpMaps(kernel: Kernel, loaded: LoadedProgram): MapDump {
  const snaps = new Map(kernel.maps().map((s) => [s.id, s]))
  const out: MapDump = {}
  for (const m of loaded.maps) {
    const snap = snaps.get(m.id)
    out[m.decl.name] = (snap?.entries ?? []).map((e) => ({ key: hex(e.key), value: Array.isArray(e.value) ? e.value.map(hex) : hex(e.value) }))
  }
  return out
}

/** The same dump with entries sorted by key (hash maps iterate in seed-dependent order). */
export function sortedDump(d: MapDump): MapDump {
  const out: MapDump = {}
  for (const [name, entries] of Object.entries(d)) out[name] = [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return out
}

/**
 * Contents of the live maps named like the program's maps (the kernel keeps 15 characters of a
 * name), newest first when several match: what is left when userspace loaded the program itself
 * (only maps that are pinned, or still held, outlive it).
 */
export function dumpMapsByName(kernel: Kernel, names: readonly string[]): MapDump {
  const snaps = kernel.maps().sort((a, b) => b.id - a.id)
  const out: MapDump = {}
  for (const name of names) {
    const snap = snaps.find((s) => s.name === name.slice(0, 15))
    if (snap) out[name] = snap.entries.map((e) => ({ key: hex(e.key), value: Array.isArray(e.value) ? e.value.map(hex) : hex(e.value) }))
  }
  return out
}
