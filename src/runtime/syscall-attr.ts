/**
 * The fields of a `union bpf_attr` as a bpf() command reads them (UAPI 6.1 layout from
 * src/kernel/uapi.ts), for the syscall inspector: which member carried what. Pointers are kept
 * as addresses so the inspector can tell which C object each one named.
 */
import { Attr, BpfCmd } from '../kernel/uapi'

export type AttrFieldKind = 'u32' | 'u64' | 'fd' | 'ptr' | 'map_type' | 'flags' | 'elem_flags' | 'file_flags' | 'name'

export interface AttrField {
  name: string
  offset: number
  size: number
  kind: AttrFieldKind
  /** Integer members as a decimal string (u64 exact), map_name as its text. */
  value: string
  /** Pointer members: the user address (0 = NULL). */
  pointer?: number
  /** A path member: the string at the pointer, as the process had it. */
  text?: string
}

type Layout = [name: string, offset: number, size: number, kind: AttrFieldKind][]

const ELEM: Layout = [
  ['map_fd', Attr.elem.map_fd, 4, 'fd'],
  ['key', Attr.elem.key, 8, 'ptr'],
  ['value', Attr.elem.value, 8, 'ptr'],
  ['flags', Attr.elem.flags, 8, 'elem_flags'],
]

const BATCH: Layout = [
  ['in_batch', Attr.batch.in_batch, 8, 'ptr'],
  ['out_batch', Attr.batch.out_batch, 8, 'ptr'],
  ['keys', Attr.batch.keys, 8, 'ptr'],
  ['values', Attr.batch.values, 8, 'ptr'],
  ['count', Attr.batch.count, 4, 'u32'],
  ['map_fd', Attr.batch.map_fd, 4, 'fd'],
  ['elem_flags', Attr.batch.elem_flags, 8, 'elem_flags'],
  ['flags', Attr.batch.flags, 8, 'u64'],
]

const OBJ: Layout = [
  ['pathname', Attr.obj.pathname, 8, 'ptr'],
  ['bpf_fd', Attr.obj.bpf_fd, 4, 'fd'],
  ['file_flags', Attr.obj.file_flags, 4, 'file_flags'],
]

const LAYOUTS: Record<number, Layout> = {
  [BpfCmd.MAP_CREATE]: [
    ['map_type', Attr.create.map_type, 4, 'map_type'],
    ['key_size', Attr.create.key_size, 4, 'u32'],
    ['value_size', Attr.create.value_size, 4, 'u32'],
    ['max_entries', Attr.create.max_entries, 4, 'u32'],
    ['map_flags', Attr.create.map_flags, 4, 'flags'],
    ['inner_map_fd', Attr.create.inner_map_fd, 4, 'fd'],
    ['numa_node', Attr.create.numa_node, 4, 'u32'],
    ['map_name', Attr.create.map_name, 16, 'name'],
    ['map_ifindex', Attr.create.map_ifindex, 4, 'u32'],
    ['btf_fd', Attr.create.btf_fd, 4, 'fd'],
    ['btf_key_type_id', Attr.create.btf_key_type_id, 4, 'u32'],
    ['btf_value_type_id', Attr.create.btf_value_type_id, 4, 'u32'],
    ['btf_vmlinux_value_type_id', Attr.create.btf_vmlinux_value_type_id, 4, 'u32'],
    ['map_extra', Attr.create.map_extra, 8, 'u64'],
  ],
  [BpfCmd.MAP_LOOKUP_ELEM]: ELEM,
  [BpfCmd.MAP_UPDATE_ELEM]: ELEM,
  [BpfCmd.MAP_DELETE_ELEM]: ELEM.filter(([n]) => n !== 'value' && n !== 'flags'),
  [BpfCmd.MAP_LOOKUP_AND_DELETE_ELEM]: ELEM,
  [BpfCmd.MAP_GET_NEXT_KEY]: [ELEM[0], ELEM[1], ['next_key', Attr.elem.value, 8, 'ptr']],
  [BpfCmd.MAP_FREEZE]: [ELEM[0]],
  [BpfCmd.MAP_LOOKUP_BATCH]: BATCH,
  [BpfCmd.MAP_LOOKUP_AND_DELETE_BATCH]: BATCH,
  [BpfCmd.MAP_UPDATE_BATCH]: BATCH.filter(([n]) => n !== 'in_batch' && n !== 'out_batch'),
  [BpfCmd.MAP_DELETE_BATCH]: BATCH.filter(([n]) => n !== 'in_batch' && n !== 'out_batch' && n !== 'values'),
  [BpfCmd.OBJ_PIN]: OBJ,
  [BpfCmd.OBJ_GET]: OBJ,
  [BpfCmd.OBJ_GET_INFO_BY_FD]: [
    ['bpf_fd', Attr.info.bpf_fd, 4, 'fd'],
    ['info_len', Attr.info.info_len, 4, 'u32'],
    ['info', Attr.info.info, 8, 'ptr'],
  ],
}

/**
 * The members `cmd` reads, in the kernel's (and strace's) order, decoded from the first `size`
 * bytes of the attr; [] for commands without a table.
 */
export function attrFields(cmd: number, attr: Uint8Array, size: number): AttrField[] {
  const layout = LAYOUTS[cmd]
  if (!layout) return []
  const dv = new DataView(attr.buffer, attr.byteOffset, attr.byteLength)
  const out: AttrField[] = []
  for (const [name, offset, width, kind] of layout) {
    // members past the size the caller passed read as zero, as the kernel's zero-extended copy does
    const inside = offset + width <= Math.min(size, attr.length)
    let value: string
    let pointer: number | undefined
    if (kind === 'name') {
      const bytes = inside ? attr.subarray(offset, offset + width) : new Uint8Array(0)
      const end = bytes.indexOf(0)
      value = new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end))
    } else if (width === 8) {
      const v = inside ? dv.getBigUint64(offset, true) : 0n
      value = v.toString()
      if (kind === 'ptr') pointer = Number(v)
    } else {
      value = String(inside ? dv.getUint32(offset, true) : 0)
    }
    out.push({ name, offset, size: width, kind, value, ...(pointer !== undefined ? { pointer } : {}) })
  }
  return out
}

/** What the tracer needs of an attr while the call runs, without decoding it: its pointers and fd. */
export interface AttrSketch {
  /** Non-NULL pointer members inside the size: name and address. */
  pointers: { name: string; addr: number }[]
  /** map_fd / bpf_fd, or -1. */
  fd: number
}

export function attrSketch(cmd: number, attr: Uint8Array, size: number): AttrSketch {
  const out: AttrSketch = { pointers: [], fd: -1 }
  const layout = LAYOUTS[cmd]
  if (!layout) return out
  const end = Math.min(size, attr.length)
  const u32 = (at: number) => (attr[at] | (attr[at + 1] << 8) | (attr[at + 2] << 16) | (attr[at + 3] << 24)) >>> 0
  for (const [name, offset, width, kind] of layout) {
    if (offset + width > end) continue
    if (kind === 'fd' && (name === 'map_fd' || name === 'bpf_fd')) out.fd = u32(offset)
    else if (kind === 'ptr') {
      const addr = u32(offset) + u32(offset + 4) * 4294967296
      if (addr !== 0) out.pointers.push({ name, addr })
    }
  }
  return out
}

/** The member at `offset` of `cmd`'s attr, or null. */
export function attrMemberAt(cmd: number, offset: number): string | null {
  return LAYOUTS[cmd]?.find(([, o]) => o === offset)?.[0] ?? null
}
