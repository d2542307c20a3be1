import { describe, expect, it } from 'vitest'
import type { MapSnapshot } from '../../kernel/api'
import { MapType } from '../../kernel/uapi'
import type { BpfMapDecl, TypeDesc } from '../../lang/api'
import { counterField, counterRows, countedValue } from './lost-updates'

const u64: TypeDesc = { kind: 'int', name: 'unsigned long long', size: 8, signed: false }
const u32: TypeDesc = { kind: 'int', name: 'unsigned int', size: 4, signed: false }
const datarec: TypeDesc = {
  kind: 'struct',
  name: 'datarec',
  size: 16,
  align: 8,
  fields: [
    { name: 'rx_bytes', offset: 0, type: u64 },
    { name: 'rx_packets', offset: 8, type: u64 },
  ],
}

function decl(name: string, type: number, valueType: TypeDesc, valueSize: number): BpfMapDecl {
  return { name, type, keySize: 4, valueSize, maxEntries: 5, flags: 0, pinning: 0, keyType: u32, valueType, slot: 0, line: 1, col: 1 }
}

function value(size: number, at: number, n: number): Uint8Array {
  const v = new Uint8Array(size)
  new DataView(v.buffer).setBigUint64(at, BigInt(n), true)
  return v
}

function snap(id: number, name: string, type: number, entries: MapSnapshot['entries'], valueSize = 8): MapSnapshot {
  return { id, type, name, keySize: 4, valueSize, maxEntries: 5, flags: 0, frozen: false, entries, fds: [], pins: [], memoryBytes: 0, memlock: 0 }
}

const key = (k: number) => Uint8Array.of(k, 0, 0, 0)

describe('counterField', () => {
  it('takes an integer value as the counter, or a packets field of a struct', () => {
    expect(counterField(u64)).toEqual({ name: '', offset: 0, size: 8 })
    expect(counterField(datarec)).toEqual({ name: 'rx_packets', offset: 8, size: 8 })
  })

  it('does not guess in structs without a packet counter', () => {
    expect(counterField({ ...datarec, fields: [{ name: 'rx_bytes', offset: 0, type: u64 }] } as TypeDesc)).toBeNull()
    expect(counterField({ kind: 'pointer', to: u64 })).toBeNull()
    expect(counterField(undefined)).toBeNull()
  })
})

describe('countedValue', () => {
  it('sums every key and, for per-CPU maps, every CPU', () => {
    const f = counterField(datarec)!
    const s = snap(1, 'stats', MapType.PERCPU_ARRAY, [
      { key: key(0), value: [value(16, 8, 3), value(16, 8, 4)] },
      { key: key(2), value: [value(16, 8, 10), value(16, 8, 0)] },
    ], 16)
    expect(countedValue(s, f)).toBe(17)
  })
})

describe('counterRows', () => {
  const plain = decl('plain', MapType.ARRAY, datarec, 16)
  const atomic = decl('atomic', MapType.ARRAY, u64, 8)
  const percpu = decl('percpu', MapType.PERCPU_ARRAY, u64, 8)
  const prog = { id: 7, mapIds: [1, 2, 3], decls: [plain, atomic, percpu] }
  const maps = [
    snap(1, 'plain', MapType.ARRAY, [{ key: key(0), value: value(16, 8, 9_400) }], 16),
    snap(2, 'atomic', MapType.ARRAY, [{ key: key(0), value: value(8, 0, 10_000) }]),
    snap(3, 'percpu', MapType.PERCPU_ARRAY, [{ key: key(0), value: [value(8, 0, 6_000), value(8, 0, 4_010)] }]),
  ]

  it('shows the packets a plain increment lost and none for atomics or per-CPU values', () => {
    const rows = counterRows([prog], new Map([[7, 10_000]]), maps)
    expect(rows.map((r) => [r.mapName, r.field, r.percpu, r.ran, r.counted, r.gap])).toEqual([
      ['plain', 'rx_packets', false, 10_000, 9_400, 600],
      // in-flight packets already counted: never a negative gap
      ['atomic', '', false, 10_000, 10_000, 0],
      ['percpu', '', true, 10_000, 10_010, 0],
    ])
  })

  it('adds the packets of every program that used the map (a pinned map outliving a reload)', () => {
    const again = { id: 9, mapIds: [2], decls: [atomic] }
    const rows = counterRows([prog, again], new Map([[7, 6_000], [9, 4_000]]), maps)
    expect(rows.find((r) => r.mapId === 2)).toMatchObject({ ran: 10_000, counted: 10_000, gap: 0 })
  })

  it('leaves out maps that are gone and maps that are not counters', () => {
    const queue = decl('q', MapType.QUEUE, u64, 8)
    const rows = counterRows([{ id: 7, mapIds: [1, 4, 5], decls: [plain, atomic, queue] }], new Map([[7, 1]]), [maps[0], snap(5, 'q', MapType.QUEUE, [])])
    expect(rows.map((r) => r.mapName)).toEqual(['plain'])
  })
})
