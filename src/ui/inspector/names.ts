/** Names of the kernel's numbers as bpftool and the man pages print them. */
import { BpfCmd, Errno, MapFlag, MAP_TYPE_NAMES } from '../../kernel/uapi'
import { BpfFunc } from '../../kernel/kernel'
import { errnoName, strerror } from '../../runtime/libc/errno'

const CMD_NAMES: Record<number, string> = Object.fromEntries(Object.entries(BpfCmd).map(([k, v]) => [v, `BPF_${k}`]))
const HELPER_NAMES: Record<number, string> = Object.fromEntries(Object.entries(BpfFunc).map(([k, v]) => [v, `bpf_${k}`]))

/** The libbpf wrapper a program most likely called for each command. */
const LIBBPF_NAMES: Record<number, string> = {
  [BpfCmd.MAP_CREATE]: 'bpf_map_create',
  [BpfCmd.MAP_LOOKUP_ELEM]: 'bpf_map_lookup_elem',
  [BpfCmd.MAP_UPDATE_ELEM]: 'bpf_map_update_elem',
  [BpfCmd.MAP_DELETE_ELEM]: 'bpf_map_delete_elem',
  [BpfCmd.MAP_GET_NEXT_KEY]: 'bpf_map_get_next_key',
  [BpfCmd.PROG_LOAD]: 'bpf_prog_load',
  [BpfCmd.OBJ_PIN]: 'bpf_obj_pin',
  [BpfCmd.OBJ_GET]: 'bpf_obj_get',
  [BpfCmd.OBJ_GET_INFO_BY_FD]: 'bpf_obj_get_info_by_fd',
  [BpfCmd.MAP_LOOKUP_AND_DELETE_ELEM]: 'bpf_map_lookup_and_delete_elem',
  [BpfCmd.MAP_FREEZE]: 'bpf_map_freeze',
  [BpfCmd.MAP_LOOKUP_BATCH]: 'bpf_map_lookup_batch',
  [BpfCmd.MAP_LOOKUP_AND_DELETE_BATCH]: 'bpf_map_lookup_and_delete_batch',
  [BpfCmd.MAP_UPDATE_BATCH]: 'bpf_map_update_batch',
  [BpfCmd.MAP_DELETE_BATCH]: 'bpf_map_delete_batch',
}

export function cmdName(cmd: number): string {
  return CMD_NAMES[cmd] ?? `bpf cmd ${cmd}`
}

export function libbpfName(cmd: number): string {
  return LIBBPF_NAMES[cmd] ?? cmdName(cmd)
}

export function helperName(id: number): string {
  return HELPER_NAMES[id] ?? `helper ${id}`
}

/** bpftool's map type names ("hash", "percpu_array", ...). */
export function mapTypeName(type: number): string {
  return MAP_TYPE_NAMES[type] ?? `type ${type}`
}

const KERNEL_ERRNO_NAMES: Record<number, string> = Object.fromEntries(Object.entries(Errno).map(([k, v]) => [v, k]))

export function errnoLabel(errno: number): string {
  return KERNEL_ERRNO_NAMES[errno] ?? errnoName(errno) ?? `errno ${errno}`
}

/** What strerror() prints; 524 (ENOTSUPP) is kernel-internal, so glibc has no text for it. */
export function errnoText(errno: number): string {
  return strerror(errno)
}

const FLAG_NAMES = Object.entries(MapFlag).map(([k, v]) => [v, `BPF_F_${k}`] as const)

export function mapFlagNames(flags: number): string[] {
  const out: string[] = []
  let rest = flags
  for (const [bit, name] of FLAG_NAMES) {
    if (flags & bit) {
      out.push(name)
      rest &= ~bit
    }
  }
  if (rest) out.push(`0x${rest.toString(16)}`)
  return out
}
