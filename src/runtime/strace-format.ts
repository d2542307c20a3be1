/**
 * A bpf() call as strace 6.1 prints it (`strace -e trace=bpf`), from what the syscall tracer
 * recorded: `bpf(BPF_MAP_LOOKUP_ELEM, {map_fd=3, key=0x1ffff8, value=0x1ffffc, flags=BPF_ANY},
 * 32) = -1 ENOENT (No such file or directory)`. `bpfplay run --strace` prints these lines, and
 * the tests compare them with real strace running the same C program on Linux (addresses
 * aside), so the syscall inspector's reading of each attr is checked against the real tool.
 */
import { Errno, MAP_TYPE_NAMES, MapFlag } from '../kernel/uapi'
import type { AttrField } from './syscall-attr'
import { errnoName, strerror } from './libc/errno'
import type { SyscallRecord } from './syscall-trace'
import { BpfCmd } from '../kernel/uapi'

/** strace aligns " = result" at this column. */
const RESULT_COLUMN = 40

const CMD_NAMES: Record<number, string> = Object.fromEntries(Object.entries(BpfCmd).map(([k, v]) => [v, `BPF_${k}`]))
/** Commands whose attr strace shows as a named sub-struct, and the member it shows again on exit when the kernel changed it. */
const WRAPPED: Record<number, { name: string; out: string }> = {
  [BpfCmd.MAP_LOOKUP_BATCH]: { name: 'batch', out: 'count' },
  [BpfCmd.MAP_LOOKUP_AND_DELETE_BATCH]: { name: 'batch', out: 'count' },
  [BpfCmd.MAP_UPDATE_BATCH]: { name: 'batch', out: 'count' },
  [BpfCmd.MAP_DELETE_BATCH]: { name: 'batch', out: 'count' },
  [BpfCmd.OBJ_GET_INFO_BY_FD]: { name: 'info', out: 'info_len' },
}
const ELEM_FLAGS: [number, string][] = [[4, 'BPF_F_LOCK']]
const ELEM_MODES = ['BPF_ANY', 'BPF_NOEXIST', 'BPF_EXIST', '0x3 /* BPF_??? */']
const MAP_FLAGS: [number, string][] = Object.entries(MapFlag).map(([k, v]) => [v, `BPF_F_${k}`])
const FILE_FLAGS: [number, string][] = [[MapFlag.RDONLY, 'BPF_F_RDONLY'], [MapFlag.WRONLY, 'BPF_F_WRONLY']]
const KERNEL_ERRNO: Record<number, string> = Object.fromEntries(Object.entries(Errno).map(([k, v]) => [v, k]))

export function straceLine(r: SyscallRecord): string {
  const cmd = CMD_NAMES[r.cmd] ?? String(r.cmd)
  const fields = r.fields.filter((f) => f.offset + f.size <= r.attrSize && !(f.name === 'numa_node' && !hasNumaNode(r.fields)))
  let body = fields.map((f) => `${f.name}=${straceValue(f, r)}`).join(', ')
  const wrap = WRAPPED[r.cmd]
  if (wrap) body = `${wrap.name}={${body}}`
  const call = `bpf(${cmd}, ${r.fields.length || r.attrSize === 0 ? `{${body}}${wrap ? changedOnExit(r, wrap) : ''}` : `0x${r.attrAddr.toString(16)}`}, ${r.attrSize})`
  const result = r.ret >= 0 ? `= ${r.ret}` : `= -1 ${KERNEL_ERRNO[-r.ret] ?? errnoName(-r.ret) ?? -r.ret} (${strerror(-r.ret)})`
  return call.length < RESULT_COLUMN ? `${call.padEnd(RESULT_COLUMN)}${result}` : `${call} ${result}`
}

/** The member the kernel writes back (a batch's count), when it changed: ` => {batch={count=N}}`. */
function changedOnExit(r: SyscallRecord, wrap: { name: string; out: string }): string {
  const entry = r.fields.find((f) => f.name === wrap.out)?.value
  // (the last write: the kernel may write it more than once)
  const back = r.copies.findLast((c) => c.via === `attr.${wrap.out}` && c.ok && c.bytes.length >= 4)
  if (entry === undefined || !back) return ''
  const exit = new DataView(back.bytes.buffer, back.bytes.byteOffset, 4).getUint32(0, true)
  return String(exit) === entry ? '' : ` => {${wrap.name}={${wrap.out}=${exit}}}`
}

/** strace's last line for a process: how it ended. */
export function straceExit(exitCode: number, signal?: string): string {
  return signal && signal !== 'SIGKILL' ? `+++ killed by ${signal} +++` : `+++ exited with ${exitCode} +++`
}

function hasNumaNode(fields: AttrField[]): boolean {
  const flags = fields.find((f) => f.name === 'map_flags')
  return flags !== undefined && (Number(flags.value) & MapFlag.NUMA_NODE) !== 0
}

/** A member's value as strace names it (BPF_MAP_TYPE_HASH, BPF_NOEXIST, BPF_F_RDONLY, ...). */
export function straceValue(f: AttrField, r: SyscallRecord): string {
  switch (f.kind) {
    case 'ptr':
      if (f.pointer === 0) return 'NULL'
      // (paths are shown whole: strace prints them as paths, not as strings cut at -s)
      if (f.text !== undefined) return quote(f.text)
      return `0x${f.pointer!.toString(16)}`
    case 'name':
      return quote(f.value)
    case 'map_type': {
      const name = MAP_TYPE_NAMES[Number(f.value)]
      return name ? `BPF_MAP_TYPE_${name.toUpperCase()}` : unknown(f.value, 'BPF_MAP_TYPE_???')
    }
    case 'flags':
      return flagNames(Number(f.value), MAP_FLAGS)
    case 'elem_flags': {
      const n = Number(f.value)
      // an update names its mode (BPF_ANY, BPF_NOEXIST, BPF_EXIST); the others know only BPF_F_LOCK
      if (r.cmd === BpfCmd.MAP_UPDATE_ELEM) {
        const mode = ELEM_MODES[n & 3]
        const rest = flagNames(n & ~3, ELEM_FLAGS, 'BPF_???')
        return rest === '0' ? mode : n & 3 ? `${rest}|${mode}` : rest
      }
      return n === 0 ? 'BPF_ANY' : n === 4 ? 'BPF_F_LOCK' : unknown(f.value, 'BPF_???')
    }
    case 'file_flags':
      return flagNames(Number(f.value), FILE_FLAGS)
    default:
      return f.value
  }
}

/** A value strace has no name for: hex, and the comment it puts beside. */
function unknown(decimal: string, what: string): string {
  return `0x${BigInt(decimal).toString(16)} /* ${what} */`
}

function quote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.charCodeAt(0)
    if (ch === '"' || ch === '\\') out += '\\' + ch
    else if (c >= 0x20 && c < 0x7f) out += ch
    else if (ch === '\n') out += '\\n'
    else if (ch === '\t') out += '\\t'
    else out += '\\' + (c & 0xff).toString(8)
  }
  return out + '"'
}

/** Flag names joined by |, unknown bits in hex; only unknown bits: hex and a comment, as strace prints them. */
function flagNames(n: number, names: [number, string][], unknownName = 'BPF_F_???'): string {
  if (n === 0) return '0'
  const out: string[] = []
  let rest = n >>> 0
  for (const [bit, name] of names) {
    if (n & bit) {
      out.push(name)
      rest &= ~bit
    }
  }
  if (out.length === 0) return `0x${rest.toString(16)} /* ${unknownName} */`
  if (rest) out.push(`0x${(rest >>> 0).toString(16)}`)
  return out.join('|')
}
