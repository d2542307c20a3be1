/**
 * The abstract values and program state of the verifier-like checks (check-walk.ts), modelled on
 * the kernel verifier's register types:
 *
 *   scalar       a number; `konst` when known (keys, offsets, sizeof)
 *   ctx          the struct xdp_md pointer
 *   pkt          a packet pointer: `data` plus `off` bytes, plus variable parts named by `key`
 *                ('' = data itself; 's12*4' = data + 4 * scalar #12). The verifier's `id`.
 *                Where paths with different packet pointers meet, the result gets a new key whose
 *                proven range is what both paths proved past their pointer.
 *   pkt_end      data_end
 *   map_value    a pointer into a map value; `orNull` until a NULL check (map_value_or_null)
 *   map_ptr      &map
 *   stack        a pointer into a local object (sym) at `off`
 *   other        anything else (globals, strings, unknown pointers): not checked
 *
 * A State holds the values of local variables, of the words stored in local objects (so a
 * packet pointer kept in `struct hdr_cursor nh` keeps its type), and the packet ranges proven
 * by comparisons against data_end: range[key] = bytes from that pointer known to be inside
 * the packet (the verifier's `r=`).
 */
import type { VarSym } from '../lang/ast'

export type Abs =
  | { k: 'scalar'; id: number; konst?: bigint }
  /** off: bytes past the start of struct xdp_md (NaN: not constant) */
  | { k: 'ctx'; off: number }
  | { k: 'pkt'; key: string; off: number }
  | { k: 'pkt_end' }
  /** viaNull: the NULL check happened, but a path where it failed joined this one */
  | { k: 'map_value'; map: number; off: number; orNull: boolean; nullId: number; viaNull?: boolean }
  | { k: 'map_ptr'; map: number }
  | { k: 'stack'; sym: VarSym; off: number }
  | { k: 'other' }

export class Ids {
  private n = 0
  next(): number {
    return ++this.n
  }
  scalar(konst?: bigint): Abs {
    return konst === undefined ? { k: 'scalar', id: this.next() } : { k: 'scalar', id: this.next(), konst }
  }
}

export const OTHER: Abs = { k: 'other' }

export class State {
  dead = false
  constructor(
    readonly vars = new Map<VarSym, Abs>(),
    /** `${sym.id}:${off}` -> value stored there */
    readonly mem = new Map<string, Abs>(),
    readonly ranges = new Map<string, number>(),
  ) {}

  clone(): State {
    const s = new State(new Map(this.vars), new Map(this.mem), new Map(this.ranges))
    s.dead = this.dead
    return s
  }

  /** Takes over another state's contents (a sub-expression's paths have met again). */
  become(o: State): void {
    this.dead = o.dead
    for (const [from, to] of [
      [o.vars, this.vars],
      [o.mem, this.mem],
      [o.ranges, this.ranges],
    ] as [Map<unknown, unknown>, Map<unknown, unknown>][]) {
      if (from === to) continue
      to.clear()
      for (const [k, v] of from) to.set(k, v)
    }
  }

  static deadState(): State {
    const s = new State()
    s.dead = true
    return s
  }

  /** Replaces every copy of map value `nullId` (after a NULL check). */
  mapNullness(nullId: number, to: (v: Abs & { k: 'map_value' }) => Abs): void {
    const fix = (v: Abs) => (v.k === 'map_value' && v.nullId === nullId ? to(v) : v)
    for (const [s, v] of this.vars) this.vars.set(s, fix(v))
    for (const [s, v] of this.mem) this.mem.set(s, fix(v))
  }

  range(key: string): number {
    return this.ranges.get(key) ?? 0
  }

  /** A comparison proved `key`+off is at most data_end. */
  prove(key: string, off: number): void {
    if (off > this.range(key)) this.ranges.set(key, off)
  }
}

function sameAbs(a: Abs, b: Abs): boolean {
  if (a === b) return true
  if (a.k !== b.k) return false
  switch (a.k) {
    case 'scalar':
      return a.id === (b as typeof a).id
    case 'pkt':
      return a.key === (b as typeof a).key && a.off === (b as typeof a).off
    case 'map_value': {
      const c = b as typeof a
      return a.map === c.map && a.off === c.off && a.orNull === c.orNull && a.nullId === c.nullId
    }
    case 'map_ptr':
      return a.map === (b as typeof a).map
    case 'stack':
      return a.sym === (b as typeof a).sym && a.off === (b as typeof a).off
    default:
      return true
  }
}

const isNull = (v: Abs) => v.k === 'scalar' && v.konst === 0n

/** The value of a variable after two paths meet. */
export function joinAbs(a: Abs, b: Abs, ids: Ids): Abs {
  if (sameAbs(a, b)) return a
  if (a.k === 'map_value' && b.k === 'map_value' && a.map === b.map) {
    const viaNull = (a.orNull && a.viaNull) || (b.orNull && b.viaNull)
    return { k: 'map_value', map: a.map, off: a.off === b.off ? a.off : 0, orNull: a.orNull || b.orNull, nullId: a.nullId === b.nullId ? a.nullId : ids.next(), viaNull }
  }
  // p = NULL on one path, p = lookup() on the other: the pointer may be NULL
  if (a.k === 'map_value' && isNull(b)) return { ...a, orNull: true, viaNull: !a.orNull || a.viaNull }
  if (b.k === 'map_value' && isNull(a)) return { ...b, orNull: true, viaNull: !b.orNull || b.viaNull }
  if (a.k === 'pkt' && b.k === 'pkt') return { k: 'pkt', key: `j${ids.next()}`, off: 0 }
  if (a.k === 'scalar' && b.k === 'scalar') return ids.scalar(a.konst !== undefined && a.konst === b.konst ? a.konst : undefined)
  if (a.k === 'ctx' && b.k === 'ctx') return a.off === b.off ? a : { k: 'ctx', off: Number.NaN }
  if (a.k === 'pkt_end' && b.k === 'pkt_end') return a
  return OTHER
}

/** Where two paths meet: values joined, packet ranges intersected. */
export function joinStates(a: State, b: State, ids: Ids): State {
  if (a.dead) return b.clone()
  if (b.dead) return a.clone()
  const s = new State()
  for (const [k, r] of a.ranges) {
    const q = b.ranges.get(k)
    if (q !== undefined) s.ranges.set(k, Math.min(r, q))
  }
  // Different packet pointers meeting become one new pointer; what each path proved past its
  // own pointer carries over (the same pair met twice, e.g. in a variable and in nh.pos, gives
  // the same new pointer).
  const pairs = new Map<string, Abs>()
  const join = (v: Abs, w: Abs): Abs => {
    if (v.k !== 'pkt' || w.k !== 'pkt' || (v.key === w.key && v.off === w.off)) return joinAbs(v, w, ids)
    const pair = `${v.key}@${v.off}|${w.key}@${w.off}`
    let j = pairs.get(pair)
    if (j === undefined) {
      const key = `j${ids.next()}`
      const known = Math.min(a.range(v.key) - v.off, b.range(w.key) - w.off)
      if (known > 0) s.ranges.set(key, known)
      pairs.set(pair, (j = { k: 'pkt', key, off: 0 }))
    }
    return j
  }
  for (const [sym, v] of a.vars) {
    const w = b.vars.get(sym)
    s.vars.set(sym, w === undefined ? v : join(v, w))
  }
  for (const [sym, w] of b.vars) if (!s.vars.has(sym)) s.vars.set(sym, w)
  for (const [k, v] of a.mem) {
    const w = b.mem.get(k)
    if (w !== undefined) s.mem.set(k, join(v, w))
  }
  return s
}

export function joinAll(states: State[], ids: Ids): State {
  return states.reduce((acc, s) => joinStates(acc, s, ids), State.deadState())
}
