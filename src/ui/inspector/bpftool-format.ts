/**
 * `bpftool map show` as bpftool 7 prints it (plain format, tools/bpf/bpftool/map.c:
 * show_map_close_plain), so learners see the same text they will see on a real machine:
 *
 *   10: hash  name scores  flags 0x0
 *   	key 4B  value 8B  max_entries 8  memlock 4096B
 *   	pinned /sys/fs/bpf/scores
 *   	frozen
 *   	pids user(1)
 */
import type { MapSnapshot } from '../../kernel/api'
import { mapTypeName } from './names'

export function bpftoolMapShow(maps: MapSnapshot[], commOf: (pid: number) => string | undefined): string {
  let out = ''
  for (const m of [...maps].sort((a, b) => a.id - b.id)) {
    out += `${m.id}: ${mapTypeName(m.type)}  `
    if (m.name) out += `name ${m.name}  `
    out += `flags 0x${m.flags.toString(16)}\n`
    out += `\tkey ${m.keySize}B  value ${m.valueSize}B  max_entries ${m.maxEntries}  memlock ${m.memlock}B`
    for (const p of m.pins) out += `\n\tpinned ${p}`
    if (m.frozen) out += '\n\tfrozen'
    const pids = [...new Set(m.fds.map((f) => f.pid))]
    if (pids.length) out += '\n\tpids ' + pids.map((pid) => `${commOf(pid) ?? '?'}(${pid})`).join(', ')
    out += '\n'
  }
  return out
}
