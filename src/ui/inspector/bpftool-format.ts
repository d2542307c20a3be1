/**
 * `bpftool map show` for one map snapshot, printed by the simulated bpftool's own formatter
 * (src/bpftool/format.ts, checked against bpftool 7.1), so the inspector and the bpftool tab
 * never disagree:
 *
 *   10: hash  name scores  flags 0x0
 *   	key 4B  value 8B  max_entries 8  memlock 4096B
 *   	pinned /sys/fs/bpf/scores
 *   	frozen
 */
import { showPlain } from '../../bpftool/format'
import type { MapSnapshot } from '../../kernel/api'

export function bpftoolMapShow(maps: MapSnapshot[]): string {
  return [...maps]
    .sort((a, b) => a.id - b.id)
    .map((m) =>
      showPlain(
        { type: m.type, id: m.id, keySize: m.keySize, valueSize: m.valueSize, maxEntries: m.maxEntries, mapFlags: m.flags, name: m.name, ifindex: 0, btfId: 0 },
        { memlock: String(m.memlock), frozen: m.frozen ? '1' : '0', pinned: m.pins.length ? [...m.pins].sort() : null },
      ),
    )
    .join('')
}
