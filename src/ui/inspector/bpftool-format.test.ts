import { describe, expect, it } from 'vitest'
import type { MapSnapshot } from '../../kernel/api'
import { bpftoolMapShow } from './bpftool-format'

const base: MapSnapshot = { id: 7, type: 1, name: 'scores', keySize: 4, valueSize: 8, maxEntries: 8, flags: 0, frozen: false, entries: [], fds: [], pins: [], memoryBytes: 4096, memlock: 4096 }

describe('bpftool map show', () => {
  it('prints the plain format, sorted by id', () => {
    const maps: MapSnapshot[] = [
      { ...base, id: 9, type: 2, name: '', flags: 0x40, frozen: true, fds: [{ pid: 3, fd: 3 }, { pid: 3, fd: 4 }] },
      { ...base, pins: ['/sys/fs/bpf/scores'] },
    ]
    // (Debian's bpftool 7.1 has no pids line: it is built without skeletons)
    expect(bpftoolMapShow(maps)).toBe(
      '7: hash  name scores  flags 0x0\n\tkey 4B  value 8B  max_entries 8  memlock 4096B\n\tpinned /sys/fs/bpf/scores\n' +
        '9: array  flags 0x40\n\tkey 4B  value 8B  max_entries 8  memlock 4096B\n\tfrozen\n',
    )
  })
})
