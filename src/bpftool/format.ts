/**
 * bpftool's output formats for maps (tools/bpf/bpftool/map.c and main.c of bpftool 7.1):
 * fprint_hex, the key/value lines of `map dump` / `lookup` (plain and JSON, per-CPU), the
 * error entries of a dump, and the two-line `map show` record. Pure functions of bytes and
 * map info, so they are tested on their own against text captured from the real tool.
 */
import { MAP_TYPE_NAMES, MapType } from '../kernel/uapi'
import type { JsonWriter } from './json-writer'
import type { MapInfoT } from './proc'

/** libbpf_bpf_map_type_str(): the name bpftool prints, or null for a type libbpf 1.1 does not know. */
export function mapTypeStr(type: number): string | null {
  // libbpf 1.1 knows every type up to user_ringbuf (31); cgrp_storage (32) came later.
  if (type < 0 || type > MapType.USER_RINGBUF) return null
  return MAP_TYPE_NAMES[type] ?? null
}

export function mapIsPerCpu(type: number): boolean {
  return type === MapType.PERCPU_HASH || type === MapType.PERCPU_ARRAY || type === MapType.LRU_PERCPU_HASH || type === MapType.PERCPU_CGROUP_STORAGE
}

function hex2(b: number): string {
  return (b < 16 ? '0' : '') + b.toString(16)
}

/** fprint_hex(f, data, n, " "): a newline every 16 bytes, two spaces every 8. */
export function fprintHex(data: Uint8Array, sep = ' '): string {
  let s = ''
  for (let i = 0; i < data.length; i++) {
    let pfx = ''
    if (i === 0) {
      // nothing
    } else if (i % 16 === 0) s += '\n'
    else if (i % 8 === 0) s += '  '
    else pfx = sep
    s += (i ? pfx : '') + hex2(data[i])
  }
  return s
}

/** print_hex_data_json: ["0x01","0x00",...] */
export function printHexDataJson(jw: JsonWriter, data: Uint8Array): void {
  jw.startArray()
  for (const b of data) jw.printf(`"0x${hex2(b)}"`)
  jw.endArray()
}

/** round_up(value_size, 8): the per-CPU stride of a value buffer. */
function stride(valueSize: number): number {
  return Math.ceil(valueSize / 8) * 8
}

/** print_entry_plain: one element of a dump, or the answer to lookup/peek/pop. */
export function entryPlain(info: MapInfoT, key: Uint8Array, value: Uint8Array, ncpu: number): string {
  let s = ''
  if (!mapIsPerCpu(info.type)) {
    const breakNames = info.keySize > 16 || info.valueSize > 16
    const singleLine = info.keySize + info.valueSize <= 24 && !breakNames
    if (info.keySize) {
      s += `key:${breakNames ? '\n' : ' '}` + fprintHex(key.subarray(0, info.keySize))
      s += singleLine ? '  ' : '\n'
    }
    if (info.valueSize) s += `value:${breakNames ? '\n' : ' '}` + fprintHex(value.subarray(0, info.valueSize))
    return s + '\n'
  }
  const step = stride(info.valueSize)
  if (info.keySize) s += 'key:\n' + fprintHex(key.subarray(0, info.keySize)) + '\n'
  if (info.valueSize) {
    for (let i = 0; i < ncpu; i++) {
      s += `value (CPU ${String(i).padStart(2, '0')}):${info.valueSize > 16 ? '\n' : ' '}`
      s += fprintHex(value.subarray(i * step, i * step + info.valueSize)) + '\n'
    }
  }
  return s
}

/** print_entry_json (no BTF: maps in the simulator never carry any). */
export function entryJson(jw: JsonWriter, info: MapInfoT, key: Uint8Array, value: Uint8Array, ncpu: number): void {
  jw.startObject()
  jw.name('key')
  printHexDataJson(jw, key.subarray(0, info.keySize))
  if (!mapIsPerCpu(info.type)) {
    jw.name('value')
    printHexDataJson(jw, value.subarray(0, info.valueSize))
  } else {
    const step = stride(info.valueSize)
    jw.name('values')
    jw.startArray()
    for (let i = 0; i < ncpu; i++) {
      jw.startObject()
      jw.intField('cpu', i)
      jw.name('value')
      printHexDataJson(jw, value.subarray(i * step, i * step + info.valueSize))
      jw.endObject()
    }
    jw.endArray()
  }
  jw.endObject()
}

/** print_entry_error_msg: a dump element whose lookup failed. */
export function entryErrorPlain(info: MapInfoT, key: Uint8Array, msg: string): string {
  const breakNames = info.keySize > 16 || msg.length > 16
  const singleLine = info.keySize + msg.length <= 24 && !breakNames
  let s = `key:${breakNames ? '\n' : ' '}` + fprintHex(key.subarray(0, info.keySize))
  s += singleLine ? '  ' : '\n'
  s += `value:${breakNames ? '\n' : ' '}${msg}\n`
  return s
}

export function entryErrorJson(jw: JsonWriter, info: MapInfoT, key: Uint8Array, errText: string): void {
  jw.startObject()
  jw.name('key')
  printHexDataJson(jw, key.subarray(0, info.keySize))
  jw.name('value')
  jw.startObject()
  jw.stringField('error', errText)
  jw.endObject()
  jw.endObject()
}

/** show_map_header_plain: "3: hash  name foo  flags 0x0\n" */
export function showHeaderPlain(info: MapInfoT): string {
  const t = mapTypeStr(info.type)
  let s = `${info.id}: ` + (t ? `${t}  ` : `type ${info.type}  `)
  if (info.name) s += `name ${info.name}  `
  s += `flags 0x${(info.mapFlags >>> 0).toString(16)}`
  if (info.ifindex) s += `  offloaded_to ifindex ${info.ifindex} ns_dev 0 ns_ino 0`
  return s + '\n'
}

export function showHeaderJson(jw: JsonWriter, info: MapInfoT): void {
  jw.uintField('id', info.id)
  const t = mapTypeStr(info.type)
  if (t) jw.stringField('type', t)
  else jw.uintField('type', info.type)
  if (info.name) jw.stringField('name', info.name)
  jw.name('flags')
  jw.printf(String(info.mapFlags | 0)) // "%d"
}

/** What show_map_close_* read from fdinfo and the pinned-path table. */
export interface ShowExtras {
  memlock: string | null
  frozen: string | null
  /** null when the table of pinned paths is empty or was not built (no -f). */
  pinned: string[] | null
}

/** show_map_close_plain */
export function showPlain(info: MapInfoT, x: ShowExtras): string {
  let s = showHeaderPlain(info)
  s += `\tkey ${info.keySize}B  value ${info.valueSize}B  max_entries ${info.maxEntries}`
  if (x.memlock !== null) s += `  memlock ${x.memlock}B`
  if (x.pinned) for (const p of x.pinned) s += `\n\tpinned ${p}`
  const frozen = x.frozen !== null ? atoi(x.frozen) : 0
  if (info.btfId || frozen) s += '\n\t'
  if (info.btfId) s += `btf_id ${info.btfId}`
  if (frozen) s += `${info.btfId ? '  ' : ''}frozen`
  return s + '\n'
}

/** show_map_close_json */
export function showJson(jw: JsonWriter, info: MapInfoT, x: ShowExtras): void {
  jw.startObject()
  showHeaderJson(jw, info)
  jw.uintField('bytes_key', info.keySize)
  jw.uintField('bytes_value', info.valueSize)
  jw.uintField('max_entries', info.maxEntries)
  if (x.memlock !== null) jw.intField('bytes_memlock', atoll(x.memlock))
  jw.intField('frozen', x.frozen !== null ? atoi(x.frozen) : 0)
  if (info.btfId) jw.intField('btf_id', info.btfId)
  if (x.pinned) {
    jw.name('pinned')
    jw.startArray()
    for (const p of x.pinned) jw.string(p)
    jw.endArray()
  }
  jw.endObject()
}

/** C atoi / atoll: leading digits, 0 when none. */
function atoll(s: string): bigint {
  const m = /^\s*([+-]?\d+)/.exec(s)
  return m ? BigInt(m[1]) : 0n
}
function atoi(s: string): number {
  return Number(BigInt.asIntN(32, atoll(s)))
}
