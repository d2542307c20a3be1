/**
 * Which C types describe a map's keys and values. A map declared in a BPF program carries them
 * (BpfMapDecl.keyType/valueType, found by the map's name); a map a userspace program made with
 * bpf_map_create() carries only sizes, so the types come from the program's libbpf map calls
 * (Program.mapCallTypes) whose sizes fit: the key type must be key_size bytes, the value type
 * value_size bytes (for per-CPU maps also round_up(value_size, 8): one CPU's slot), or an array
 * of such values (`__u64 values[ncpus]` passed as `&values`).
 *
 * A call whose key and value both fit beats one where only one side does; among equals the
 * type used most often wins, then the first in the source. Nothing fits: the view falls back
 * to integers by size.
 */
import type { BpfMapDecl, MapCallType, TypeDesc } from '../../lang/api'
import { sizeOfType, typeLabel } from './ctypes'

export interface MapShape {
  name: string
  keySize: number
  valueSize: number
  percpu: boolean
}

export interface TypeSource {
  /** Program file the types come from, for the legend. */
  filename: string
  mapCallTypes?: MapCallType[]
  maps?: BpfMapDecl[]
}

export interface PickedTypes {
  key?: TypeDesc
  value?: TypeDesc
  /** Where they came from, e.g. "user.c:24 bpf_map_update_elem" or "xdp_prog.c: map flows". */
  origin?: string
}

/** The kernel keeps BPF_OBJ_NAME_LEN - 1 = 15 characters of a map name. */
const NAME_LEN = 15

function fitsValue(t: TypeDesc, shape: MapShape): TypeDesc | null {
  const sizes = shape.percpu ? [shape.valueSize, (shape.valueSize + 7) & ~7] : [shape.valueSize]
  if (sizes.includes(sizeOfType(t))) return t
  // A whole per-CPU buffer (or an array of values): its element is one value.
  if (t.kind === 'array' && sizes.includes(sizeOfType(t.of))) return t.of
  return null
}

function fitsKey(t: TypeDesc, shape: MapShape): TypeDesc | null {
  if (sizeOfType(t) === shape.keySize) return t
  if (t.kind === 'array' && sizeOfType(t.of) === shape.keySize) return t.of
  return null
}

interface Vote {
  type: TypeDesc
  score: number
  uses: number
  first: number
  call: MapCallType
}

function best(votes: Map<string, Vote>): Vote | undefined {
  let top: Vote | undefined
  for (const v of votes.values()) {
    if (!top || v.score > top.score || (v.score === top.score && (v.uses > top.uses || (v.uses === top.uses && v.first < top.first)))) top = v
  }
  return top
}

function vote(votes: Map<string, Vote>, type: TypeDesc, score: number, at: number, call: MapCallType): void {
  const id = `${typeLabel(type)}|${sizeOfType(type)}`
  const v = votes.get(id)
  if (!v) votes.set(id, { type, score, uses: 1, first: at, call })
  else {
    v.uses++
    if (score > v.score) {
      v.score = score
      v.call = call
    }
  }
}

/** Types for the map from the programs that may have made it, most likely first. */
export function pickTypes(shape: MapShape, sources: TypeSource[]): PickedTypes {
  for (const src of sources) {
    const decl = src.maps?.find((d) => d.name.slice(0, NAME_LEN) === shape.name && d.keySize === shape.keySize && d.valueSize === shape.valueSize)
    if (decl && (decl.keyType || decl.valueType)) {
      return {
        key: decl.keyType && fitsKey(decl.keyType, shape) ? fitsKey(decl.keyType, shape)! : undefined,
        value: decl.valueType && fitsValue(decl.valueType, shape) ? fitsValue(decl.valueType, shape)! : undefined,
        origin: `${src.filename}: map ${decl.name}`,
      }
    }
  }
  for (const src of sources) {
    const keys = new Map<string, Vote>()
    const values = new Map<string, Vote>()
    ;(src.mapCallTypes ?? []).forEach((c, i) => {
      const k = c.key ? fitsKey(c.key, shape) : null
      const v = c.value ? fitsValue(c.value, shape) : null
      // A call with a value argument whose type does not fit is about another map.
      const keyScore = k ? (v ? 2 : c.value ? 0 : 1) : 0
      const valueScore = v ? (k ? 2 : c.key ? 0 : 1) : 0
      if (k && keyScore > 0) vote(keys, k, keyScore, i, c)
      if (v && valueScore > 0) vote(values, v, valueScore, i, c)
    })
    const k = best(keys)
    const v = best(values)
    if (k || v) {
      const call = (v && (!k || v.score >= k.score) ? v : k)!.call
      return { key: k?.type, value: v?.type, origin: `${src.filename}:${call.line} ${call.fn}` }
    }
  }
  return {}
}
