/**
 * Which C types a userspace program uses for the keys and values of its maps. A map made with
 * bpf_map_create() carries only sizes; the program's calls of the libbpf map functions
 * (`bpf_map_update_elem(fd, &key, &value, 0)`, the batch calls, ...) show the types behind
 * those sizes. This pass walks the checked program once and records, for every such call, the
 * pointee types of its key and value arguments (before the implicit conversion to `const void *`),
 * so the map inspector can decode a map's bytes as the program's structs.
 *
 * Pure and read-only: the checked AST is not changed, code generation does not see this.
 */
import type { MapCallType, TypeDesc } from './api'
import type { TExpr, TUnit } from './ast'
import { toTypeDesc, type CType } from './types'

/** Argument positions of keys and values in each libbpf map function (0-based). */
const SIGNATURES = new Map<string, { keys: number[]; values: number[]; batch: boolean }>(Object.entries({
  bpf_map_update_elem: { keys: [1], values: [2], batch: false },
  bpf_map_lookup_elem: { keys: [1], values: [2], batch: false },
  bpf_map_lookup_elem_flags: { keys: [1], values: [2], batch: false },
  bpf_map_lookup_and_delete_elem: { keys: [1], values: [2], batch: false },
  bpf_map_lookup_and_delete_elem_flags: { keys: [1], values: [2], batch: false },
  bpf_map_delete_elem: { keys: [1], values: [], batch: false },
  bpf_map_delete_elem_flags: { keys: [1], values: [], batch: false },
  bpf_map_get_next_key: { keys: [1, 2], values: [], batch: false },
  bpf_map_lookup_batch: { keys: [3], values: [4], batch: true },
  bpf_map_lookup_and_delete_batch: { keys: [3], values: [4], batch: true },
  bpf_map_update_batch: { keys: [1], values: [2], batch: true },
  bpf_map_delete_batch: { keys: [1], values: [], batch: true },
}))

/** Object fields of AST nodes that lead to symbols or types rather than to sub-expressions. */
const NOT_CHILDREN = new Set(['sym', 'ty', 'fty', 'opTy', 'elem', 'tmp', 'sret', 'pos', 'path', 'bytes', 'v'])

/** The type an argument pointed at before it became `const void *`; null for NULL, void * and non-pointers. */
function pointee(arg: TExpr): CType | null {
  let e = arg
  while (e.k === 'cast' && e.ty.k === 'ptr') e = e.e
  if (e.ty.k !== 'ptr') return null
  const to = e.ty.to
  return to.k === 'void' || to.k === 'func' ? null : to
}

function calleeName(fn: TExpr): string | null {
  if (fn.k === 'func') return fn.sym.name
  if (fn.k === 'addr' && fn.e.k === 'func') return fn.e.sym.name
  return null
}

/** Every call of a libbpf map function in the program, in source order, with its key/value pointee types. */
export function collectMapCallTypes(unit: TUnit): MapCallType[] {
  const out: MapCallType[] = []
  const memo = new Map<object, TypeDesc>()
  const seen = new Set<object>()
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return
    seen.add(node)
    if (Array.isArray(node)) {
      for (const x of node) visit(x)
      return
    }
    const n = node as Record<string, unknown>
    if (n.k === 'call') {
      const call = n as unknown as Extract<TExpr, { k: 'call' }>
      const name = calleeName(call.fn)
      const sig = name === null ? undefined : SIGNATURES.get(name)
      if (name !== null && sig) {
        const typeAt = (i: number): TypeDesc | undefined => {
          const arg = call.args[i]
          const t = arg ? pointee(arg) : null
          return t ? toTypeDesc(t, memo) : undefined
        }
        const key = sig.keys.map(typeAt).find((t) => t !== undefined)
        const value = sig.values.map(typeAt).find((t) => t !== undefined)
        if (key || value) {
          const rec: MapCallType = { fn: name, line: call.pos.line, col: call.pos.col, batch: sig.batch }
          if (key) rec.key = key
          if (value) rec.value = value
          out.push(rec)
        }
      }
    }
    for (const [k, v] of Object.entries(n)) if (!NOT_CHILDREN.has(k)) visit(v)
  }
  for (const f of unit.functions) visit(f.body)
  out.sort((a, b) => a.line - b.line || a.col - b.col)
  return out
}
