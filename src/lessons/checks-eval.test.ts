import { describe, expect, it } from 'vitest'
import type { MapSnapshot } from '../kernel/api'
import { MapType } from '../kernel/uapi'
import { parseCheck } from './checks-parse'
import { allPass, evaluateChecks, findMap } from './checks-eval'
import type { RunOutcome } from './types'

const le = (v: number | bigint, size: number) => {
  const b = new Uint8Array(size)
  let x = BigInt.asUintN(size * 8, BigInt(v))
  for (let i = 0; i < size; i++, x >>= 8n) b[i] = Number(x & 0xffn)
  return b
}

function map(p: Partial<MapSnapshot> & Pick<MapSnapshot, 'id' | 'name'>): MapSnapshot {
  return { type: MapType.HASH, keySize: 4, valueSize: 4, maxEntries: 16, flags: 0, frozen: false, entries: [], fds: [], pins: [], memoryBytes: 0, memlock: 0, ...p }
}

const outcome: RunOutcome = {
  compileErrors: [],
  stdout: 'Hash map created successfully with fd: 3\nFound value 100 for key 10\nNext key: 1\nNext key: 2\n',
  stderr: 'Failed to insert: File exists\n',
  exitCode: 0,
  possibleCpus: 2,
  bpffs: [
    { path: '/sys/fs/bpf', kind: 'dir' },
    { path: '/sys/fs/bpf/my_map', kind: 'map', mapId: 2 },
  ],
  maps: [
    map({ id: 1, name: 'my_map', entries: [{ key: le(5, 4), value: le(100, 4) }] }), // an older map of the same name
    map({ id: 2, name: 'my_map', flags: 0x1, frozen: true, entries: [{ key: le(5, 4), value: le(200, 4) }, { key: le(-1, 4), value: le(-7, 4) }] }),
    map({
      id: 3,
      name: 'stats',
      type: MapType.PERCPU_ARRAY,
      valueSize: 16,
      maxEntries: 2,
      entries: [
        { key: le(0, 4), value: [new Uint8Array(16), new Uint8Array(16)] },
        { key: le(1, 4), value: [new Uint8Array([...le(504, 8), ...le(9000, 8)]), new Uint8Array([...le(496, 8), ...le(1000, 8)])] },
      ],
    }),
    map({ id: 4, name: 'big', keySize: 16, valueSize: 12, entries: [{ key: new Uint8Array(16).fill(0xab), value: new Uint8Array(12).fill(1) }] }),
  ],
  xdp: { loaded: true, packets: 1000, actions: [0, 0, 1000, 0, 0] },
}

function verdict(line: string, o: RunOutcome = outcome) {
  const [r] = evaluateChecks([{ text: line, spec: parseCheck(line) }], o)
  return r
}

/** Each check kind with a line that must pass and one that must fail on `outcome`. */
const cases: [kind: string, pass: string, fail: string][] = [
  ['contains', 'output contains "Found value 100"', 'output contains "Found value 200"'],
  ['does not contain', 'output does not contain "oops"', 'output does not contain "Found"'],
  ['stderr contains', 'stderr contains "File exists"', 'stderr contains "Found"'],
  ['matches', 'output matches /fd: \\d+/', 'output matches /^Next key: 3$/m'],
  ['does not match', 'output does not match /Next key: 3/', 'output does not match /Next key: [12]/'],
  ['line count', 'output has 2 lines containing "Next key"', 'output has 3 lines containing "Next key"'],
  ['line count regex', 'output has at least 2 lines matching /^Next key: \\d$/', 'output has more than 2 lines matching /^Next key/'],
  ['empty (the passing case is in the test below)', 'stdout does not contain "zzz"', 'stderr is empty'],
  ['exit', 'exit status 0', 'exit status 255'],
  ['exit not', 'exit status is not 1', 'exit status is not 0'],
  ['errno', 'errno EEXIST printed', 'errno ENOENT printed'],
  ['errno not', 'errno ENOSPC not printed', 'errno EEXIST not printed'],
  ['exists', 'map "stats" exists', 'map "nope" exists'],
  ['does not exist', 'map "nope" does not exist', 'map "stats" does not exist'],
  ['type', 'map "stats" has type BPF_MAP_TYPE_PERCPU_ARRAY', 'map "stats" has type HASH'],
  ['key size', 'map "big" has key size 16', 'map "big" has key size 4'],
  ['value size', 'map "stats" has value size 16', 'map "stats" has value size 8'],
  ['max entries', 'map "stats" has max entries 2', 'map "stats" has max entries 5'],
  ['flags', 'map "my_map" has flags BPF_F_NO_PREALLOC', 'map "my_map" has flags 0'],
  ['name', 'map id 3 has name "stats"', 'map id 3 has name "stat"'],
  ['frozen', 'map "my_map" is frozen', 'map "stats" is frozen'],
  ['not frozen', 'map "stats" is not frozen', 'map "my_map" is not frozen'],
  ['entries', 'map "my_map" has 2 entries', 'map "my_map" has fewer than 2 entries'],
  ['has key', 'map "my_map" has key 5', 'map "my_map" has key 6'],
  ['has no key', 'map "my_map" has no key 6', 'map "my_map" has no key -1'],
  ['value (newest map of a name)', 'map "my_map" has key 5 with value 200', 'map "my_map" has key 5 with value 100'],
  ['value by id', 'map id 1 has key 5 with value 100', 'map id 1 has key 5 with value 200'],
  ['value negative', 'map "my_map" has key -1 with value -7', 'map "my_map" has key -1 with value 7'],
  ['value hex', 'map "my_map" has key hex "05 00 00 00" with value hex "c8000000"', 'map "my_map" has key 5 with value hex "c9 00 00 00"'],
  ['value compare', 'map "my_map" has key 5 with value > 199', 'map "my_map" has key 5 with value < 200'],
  ['value not equal', 'map "my_map" has key 5 with value != 1', 'map "my_map" has key 5 with value != 200'],
  ['field', 'map "big" has key hex "abababababababababababababababab" with u32 at offset 8 = 0x01010101', 'map "big" has key hex "ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab" with u8 at offset 11 = 2'],
  ['per-CPU sum', 'map "stats" has key 1 with u64 at offset 0 = 1000 sum over CPUs', 'map "stats" has key 1 with u64 at offset 0 = 999 sum over CPUs'],
  ['per-CPU one CPU', 'map "stats" has key 1 with u64 at offset 8 = 1000 on CPU 1', 'map "stats" has key 1 with u64 at offset 8 = 1000 on CPU 0'],
  ['per-CPU every CPU', 'map "stats" has key 1 with u64 at offset 0 > 400 on every CPU', 'map "stats" has key 1 with u64 at offset 0 > 500 on every CPU'],
  ['pinned', 'map "my_map" is pinned at "/sys/fs/bpf/my_map"', 'map id 1 is pinned at "/sys/fs/bpf/my_map"'],
  ['nothing pinned', 'nothing is pinned at "/sys/fs/bpf/other"', 'nothing is pinned at "/sys/fs/bpf/my_map"'],
  ['xdp loads', 'xdp program loads', 'xdp returned XDP_PASS 999 times'],
  ['xdp action', 'xdp returned XDP_PASS 1000 times', 'xdp returned XDP_DROP more than 0 times'],
]

describe('evaluateChecks', () => {
  it.each(cases)('%s: passes and fails', (_kind, pass, fail) => {
    const p = verdict(pass)
    expect(p.pass, `${pass}: ${p.detail}`).toBe(true)
    const f = verdict(fail)
    expect(f.pass, `${fail}: ${f.detail}`).toBe(false)
    expect(f.detail.length).toBeGreaterThan(0)
  })

  it('explains what it found', () => {
    expect(verdict('map "my_map" has key 5 with value 100').detail).toBe('key 5: value is 200 (expected 100)')
    expect(verdict('map "stats" has key 1 with u64 at offset 0 = 999 sum over CPUs').detail).toBe('key 1: u64 at offset 0 summed over 2 CPUs is 1000 (504 + 496) (expected 999)')
    expect(verdict('map "nope" has 1 entry').detail).toMatch(/no map "nope" \(maps seen: "my_map", "stats", "big"\)/)
    expect(verdict('errno ENOENT printed').detail).toBe('"No such file or directory" (ENOENT) was not printed')
  })

  it('refuses ambiguous or impossible value checks instead of guessing', () => {
    expect(verdict('map "stats" has key 1 with u64 at offset 0 = 504').detail).toMatch(/per-CPU.*sum over CPUs/)
    expect(verdict('map "my_map" has key 5 with value 200 on CPU 0').detail).toMatch(/not per-CPU/)
    expect(verdict('map "stats" has key 1 with u64 at offset 0 = 1 on CPU 7').detail).toMatch(/no CPU 7/)
    expect(verdict('map "big" has key 1 with value 1').detail).toMatch(/cannot stand for 16 bytes/)
    expect(verdict('map "my_map" has key 5 with value 0x1ffffffff').detail).toMatch(/does not fit in 4 bytes/)
    expect(verdict('map "my_map" has key 5 with u64 at offset 0 = 1').detail).toMatch(/past the end/)
    expect(verdict('map "my_map" has key hex "05" with value 200').detail).toMatch(/1 bytes, the map's are 4/)
  })

  it('fails every check when the program did not compile, and XDP checks without an XDP run', () => {
    const broken = { ...outcome, compileErrors: ['user.c:3:1: error: expected ;'] }
    const rs = evaluateChecks([{ text: 'exit status 0', spec: parseCheck('exit status 0') }], broken)
    expect(rs[0]).toMatchObject({ pass: false, detail: 'the program did not compile' })
    expect(verdict('xdp program loads', { ...outcome, xdp: undefined }).pass).toBe(false)
    expect(verdict('xdp returned XDP_PASS 0 times', { ...outcome, xdp: { loaded: false, loadError: 'R0 invalid mem access', packets: 0, actions: [0, 0, 0, 0, 0] } }).detail).toMatch(/did not load/)
    expect(verdict('exit status 0', { ...outcome, exitCode: null }).pass).toBe(false)
    expect(verdict('stderr is empty', { ...outcome, stderr: '' }).pass).toBe(true)
  })

  it('allPass needs at least one check', () => {
    expect(allPass([])).toBe(false)
    expect(findMap(outcome.maps, { by: 'name', name: 'my_map' })?.id).toBe(2)
  })
})
