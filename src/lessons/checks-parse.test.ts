import { describe, expect, it } from 'vitest'
import { CheckSyntaxError, parseCheck } from './checks-parse'

describe('parseCheck', () => {
  it('reads output checks', () => {
    expect(parseCheck('output contains "Found value 100"')).toEqual({ kind: 'contains', stream: 'stdout', text: 'Found value 100', negate: false })
    expect(parseCheck('stderr does not contain "a \\"quoted\\" word"')).toEqual({ kind: 'contains', stream: 'stderr', text: 'a "quoted" word', negate: true })
    const m = parseCheck('output matches /Next key: \\d+/i')
    expect(m.kind === 'matches' && m.regex.source === 'Next key: \\d+' && m.regex.flags === 'i').toBe(true)
    expect(parseCheck('output has 3 lines containing "Next key"')).toMatchObject({ kind: 'lineCount', op: '=', count: 3, text: 'Next key' })
    expect(parseCheck('output has at least 2 lines matching /x/')).toMatchObject({ kind: 'lineCount', op: '>=', count: 2 })
    expect(parseCheck('stderr is empty')).toEqual({ kind: 'empty', stream: 'stderr' })
  })

  it('reads exit status and errno checks', () => {
    expect(parseCheck('exit status 0')).toEqual({ kind: 'exit', status: 0, negate: false })
    expect(parseCheck('exit status is not 255')).toEqual({ kind: 'exit', status: 255, negate: true })
    expect(parseCheck('errno EEXIST printed')).toEqual({ kind: 'errno', name: 'EEXIST', errno: 17, negate: false })
    expect(parseCheck('errno ENOTSUPP not printed')).toEqual({ kind: 'errno', name: 'ENOTSUPP', errno: 524, negate: true })
  })

  it('reads map checks by name and by id', () => {
    expect(parseCheck('map "my_map" has key 5 with value 200')).toMatchObject({
      kind: 'mapValue',
      map: { by: 'name', name: 'my_map' },
      key: { kind: 'int', value: 5n },
      field: null,
      op: '=',
      expected: { kind: 'int', value: 200n },
      cpu: null,
    })
    expect(parseCheck('map id 3 has key 0x10 with value hex "c8 00 00 00"')).toMatchObject({
      map: { by: 'id', id: 3 },
      key: { kind: 'int', value: 16n },
      expected: { kind: 'hex', bytes: new Uint8Array([0xc8, 0, 0, 0]) },
    })
    expect(parseCheck('map "stats" has key 2 with u64 at offset 8 >= 100 sum over CPUs')).toMatchObject({
      field: { type: 'u64', offset: 8 },
      op: '>=',
      cpu: { kind: 'sum' },
    })
    expect(parseCheck('map "s" has key -1 with __s32 at 0 = -5 on CPU 1')).toMatchObject({ key: { value: -1n }, field: { type: 's32', offset: 0 }, cpu: { kind: 'cpu', cpu: 1 } })
    expect(parseCheck('map "s" has key 1 with value 0 on every CPU')).toMatchObject({ cpu: { kind: 'every' } })
    expect(parseCheck('map "m" has no key 4')).toMatchObject({ kind: 'mapHasKey', negate: true })
    expect(parseCheck('map "m" has key 4')).toMatchObject({ kind: 'mapHasKey', negate: false })
    expect(parseCheck('map "m" has 3 entries')).toMatchObject({ kind: 'mapEntries', op: '=', count: 3 })
    expect(parseCheck('map "m" has at most 1 entry')).toMatchObject({ kind: 'mapEntries', op: '<=', count: 1 })
    expect(parseCheck('map "m" has type HASH')).toMatchObject({ kind: 'mapAttr', attr: 'type', expected: 1 })
    expect(parseCheck('map "m" has type BPF_MAP_TYPE_PERCPU_ARRAY')).toMatchObject({ expected: 6 })
    expect(parseCheck('map "m" has key size 4')).toMatchObject({ attr: 'keySize', expected: 4 })
    expect(parseCheck('map "m" has value size 8')).toMatchObject({ attr: 'valueSize', expected: 8 })
    expect(parseCheck('map "m" has max entries 1024')).toMatchObject({ attr: 'maxEntries', expected: 1024 })
    expect(parseCheck('map "m" has flags BPF_F_NO_PREALLOC | BPF_F_ZERO_SEED')).toMatchObject({ attr: 'flags', expected: 0x41 })
    expect(parseCheck('map "m" has flags 0')).toMatchObject({ attr: 'flags', expected: 0 })
    expect(parseCheck('map id 1 has name "hash_map_exampl"')).toMatchObject({ attr: 'name', expected: 'hash_map_exampl' })
    expect(parseCheck('map "m" is frozen')).toMatchObject({ kind: 'mapFrozen', negate: false })
    expect(parseCheck('map "m" is not frozen')).toMatchObject({ kind: 'mapFrozen', negate: true })
    expect(parseCheck('map "m" exists')).toMatchObject({ kind: 'mapExists', negate: false })
    expect(parseCheck('map "m" does not exist')).toMatchObject({ kind: 'mapExists', negate: true })
    expect(parseCheck('map "m" is pinned at "/sys/fs/bpf/m"')).toMatchObject({ kind: 'pinned', path: '/sys/fs/bpf/m' })
    expect(parseCheck('nothing is pinned at "/sys/fs/bpf/m"')).toEqual({ kind: 'nothingPinned', path: '/sys/fs/bpf/m' })
  })

  it('reads XDP checks', () => {
    expect(parseCheck('xdp program loads')).toEqual({ kind: 'xdpLoads' })
    expect(parseCheck('xdp returned XDP_PASS 1000 times')).toEqual({ kind: 'xdpAction', action: 'XDP_PASS', op: '=', count: 1000 })
    expect(parseCheck('xdp returned xdp_drop more than 0 times')).toEqual({ kind: 'xdpAction', action: 'XDP_DROP', op: '>', count: 0 })
  })

  it('says what it did not understand', () => {
    const bad: [string, RegExp][] = [
      ['output says "x"', /expected 'contains'.*found 'says'/],
      ['map my_map has 3 entries', /map name in double quotes/],
      ['map "m" has key 5 with value', /expected the value.*end of the line/],
      ['map "m" has key 5 with value 200 extra', /expected the end of the line, found 'extra'/],
      ['errno ENOPE printed', /unknown errno name 'ENOPE'/],
      ['map "m" has type TRIE_OF_LIFE', /unknown map type/],
      ['map "m" has flags BPF_F_FAST', /unknown map flag/],
      ['output contains "unclosed', /not closed/],
      ['output matches /(/', /bad regular expression/],
      ['map "m" has key 1 with value hex "zz"', /not a list of bytes/],
      ['map "m" has key 1 with value < hex "01"', /only be compared with = or !=/],
      ['xdp returned XDP_MAYBE 3 times', /unknown XDP action/],
      ['exit status 300', /0\.\.255/],
      ['the moon is full', /a check starting with/],
    ]
    for (const [line, re] of bad) {
      expect(() => parseCheck(line), line).toThrow(CheckSyntaxError)
      expect(() => parseCheck(line), line).toThrow(re)
    }
  })
})
