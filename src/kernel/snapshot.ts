/**
 * Read-only views of kernel state for the UI, the CLI's --dump and tests: maps with their
 * elements in iteration order, the bpffs tree, and (in events.ts) the event log.
 *
 * Snapshots never lock and never write to kernel memory, so they can run on a browser main
 * thread while CPU workers update maps. They tolerate concurrent writers: walks are bounded,
 * addresses are range-checked, and a map that disappears mid-walk is simply left out.
 */
import { mapMemUsage } from './fdinfo'
import type { BpffsEntry, MapSnapshot } from './api'
import type { Vfs } from './bpffs'
import type { FdTable } from './fdtable'
import type { KernelMemory } from './memory'
import { D, MapState } from './maps/desc'
import { isHashType } from './maps/registry'
import type { MapTable } from './maps/table'

const dec = new TextDecoder()

export function snapshotMaps(mem: KernelMemory, maps: MapTable, fds: FdTable, vfs: Vfs): MapSnapshot[] {
  const out: MapSnapshot[] = []
  const bpffs = vfs.bpffsEntries()
  for (const slot of maps.liveSlots()) {
    try {
      const snap = snapshotMap(mem, maps, fds, slot)
      if (snap === null) continue
      snap.pins = bpffs.filter((e) => e.kind === 'map' && e.mapSlot === slot).map((e) => e.path)
      out.push(snap)
    } catch {
      // The map was freed while we read it: leave it out of this frame.
    }
  }
  return out
}

function snapshotMap(mem: KernelMemory, maps: MapTable, fds: FdTable, slot: number): MapSnapshot | null {
  const i32 = mem.i32
  const m = maps.desc(slot)
  if (Atomics.load(i32, m.w + D.STATE) !== MapState.LIVE) return null
  const nameAt = (m.w + D.NAME) << 2
  const nameBytes = mem.u8.slice(nameAt, nameAt + 16)
  const nul = nameBytes.indexOf(0)
  const entries: MapSnapshot['entries'] = []
  const ncpu = mem.ncpu
  // Without the lock, a walk can meet a key twice while a writer replaces its element (the new
  // one is linked before the old one is unlinked): show it once, the newest (met first). The key
  // is copied once and the copy is what is compared and shown: a writer may recycle the element
  // for another key between two reads of it.
  const seen = new Set<number | string>()
  m.ops.forEach(mem, m, (keyAddr, valueAddr, bucket, index) => {
    let key: Uint8Array
    if (keyAddr !== 0) {
      key = mem.u8.slice(keyAddr, keyAddr + m.keySize)
      // (the common 4-byte key as a number: a 100,000-key map is walked 15 times a second)
      const id = key.length === 4 ? key[0] | (key[1] << 8) | (key[2] << 16) | (key[3] << 24) : key.join()
      if (seen.has(id)) return
      seen.add(id)
    } else if (index >= 0) key = new Uint8Array(new Uint32Array([index]).buffer)
    else key = new Uint8Array(0)
    let value: Uint8Array | Uint8Array[]
    if (m.percpu) {
      value = []
      for (let c = 0; c < ncpu; c++) value.push(mem.u8.slice(valueAddr + c * m.pcpuStride, valueAddr + c * m.pcpuStride + m.valueSize))
    } else {
      value = mem.u8.slice(valueAddr, valueAddr + m.valueSize)
    }
    entries.push(bucket >= 0 ? { key, value, bucket } : { key, value })
  })
  if (Atomics.load(i32, m.w + D.STATE) !== MapState.LIVE || i32[m.w + D.ID] !== m.id) return null
  const snap: MapSnapshot = {
    id: m.id,
    type: m.type,
    name: dec.decode((nul < 0 ? nameBytes : nameBytes.subarray(0, nul)).slice()), // a copy: browsers refuse to decode shared memory
    keySize: m.keySize,
    valueSize: m.valueSize,
    maxEntries: m.maxEntries,
    flags: m.flags,
    frozen: i32[m.w + D.FROZEN] !== 0,
    entries,
    fds: fds.holdersOf(slot),
    pins: [],
    memoryBytes: i32[m.w + D.MEM],
    memlock: mapMemUsage(mem, m),
  }
  if (isHashType(m.type)) {
    snap.seed = m.seed
    snap.nBuckets = m.nBuckets
  }
  return snap
}

export function snapshotBpffs(vfs: Vfs, maps: MapTable, mem: KernelMemory): BpffsEntry[] {
  return vfs.bpffsEntries().map((e) => {
    if (e.kind === 'dir') return { path: e.path, kind: 'dir' }
    return { path: e.path, kind: 'map', mapId: mem.i32[maps.slotW(e.mapSlot) + D.ID] }
  })
}
