/**
 * bpftool on the simulated kernel without the real one: number and word parsing, the JSON
 * writer, the formatter, every command form and bpftool's error wording. The expected texts
 * were captured from bpftool 7.1 (Debian 12) on Linux 6.18; real.test.ts re-checks them
 * against the real tool whenever it can run.
 */
import { describe, expect, it } from 'vitest'
import { Kernel } from '../kernel/kernel'
import { MapType } from '../kernel/uapi'
import { complete } from './complete'
import { entryPlain, fprintHex } from './format'
import { getopt } from './getopt'
import { JsonWriter } from './json-writer'
import { runBpftool } from './main'
import type { MapInfoT } from './proc'
import { strtoul } from './strtoul'
import { splitWords } from './words'

function boot(cpus = 2) {
  const k = Kernel.create({ possibleCpus: cpus, hashSeed: 7 })
  const sh = (line: string) => runBpftool(k, line.split(' ').filter(Boolean))
  return { k, sh }
}

describe('strtoul (glibc)', () => {
  it.each([
    ['10', 0, 10n, ''],
    ['0x10', 0, 16n, ''],
    ['010', 0, 8n, ''],
    ['ff', 16, 255n, ''],
    ['0xff', 16, 255n, ''],
    ['08', 0, 0n, '8'],
    ['0x', 0, 0n, 'x'],
    ['', 0, 0n, ''],
    ['  7', 0, 7n, ''],
    ['-1', 0, (1n << 64n) - 1n, ''],
    ['zz', 16, 0n, 'zz'],
    ['99999999999999999999999', 10, (1n << 64n) - 1n, ''],
    ['12ab', 10, 12n, 'ab'],
  ])('strtoul(%j, %i)', (s, base, value, rest) => {
    expect(strtoul(s, base)).toEqual({ value, rest })
  })
})

describe('getopt_long as bpftool calls it', () => {
  it('permutes, clusters, abbreviates and stops at a bad option', () => {
    expect(getopt(['map', 'show', '-j'])).toEqual({ opts: ['j'], args: ['map', 'show'] })
    expect(getopt(['-jp', 'map'])).toEqual({ opts: ['j', 'p'], args: ['map'] })
    expect(getopt(['--js', '--pre', 'map'])).toEqual({ opts: ['j', 'p'], args: ['map'] })
    expect(getopt(['--', '-j'])).toEqual({ opts: [], args: ['-j'] })
    expect(getopt(['map', 'update', 'key', '-1']).bad).toBe('-1')
    expect(getopt(['--frob']).bad).toBe('--frob')
    expect(getopt(['--json=1']).bad).toBe('--json=1')
    expect(getopt(['-B', 'file', 'map'])).toEqual({ opts: ['B'], bArg: 'file', args: ['map'] })
  })
})

describe('command line words', () => {
  it('splits like a shell without expansions', () => {
    expect(splitWords(`map  dump pinned '/sys/fs/bpf/a b' "x\\"y" c\\ d`)).toEqual(['map', 'dump', 'pinned', '/sys/fs/bpf/a b', 'x"y', 'c d'])
    expect(splitWords(`''`)).toEqual([''])
    expect(splitWords(`map 'oops`)).toEqual({ error: "unexpected EOF while looking for matching `''" })
  })
})

describe("bpftool's JSON writer", () => {
  it('reproduces -p layout and its escaping', () => {
    let s = ''
    const jw = new JsonWriter((t) => (s += t), true)
    jw.startArray()
    jw.startObject()
    jw.name('key')
    jw.startArray()
    jw.printf('"0x01"')
    jw.printf('"0x00"')
    jw.endArray()
    jw.stringField('path', 'a\\b\t"c"')
    jw.endObject()
    jw.endArray()
    jw.destroy()
    expect(s).toBe('[{\n        "key": ["0x01","0x00"\n        ],\n        "path": "a\\nb\\t\\"c\\""\n    }\n]\n')
  })
})

describe('formatter', () => {
  const info = (type: number, keySize: number, valueSize: number): MapInfoT => ({ type, id: 1, keySize, valueSize, maxEntries: 1, mapFlags: 0, name: '', ifindex: 0, btfId: 0 })
  it('fprint_hex breaks every 16 bytes and spaces every 8', () => {
    expect(fprintHex(Uint8Array.from({ length: 20 }, (_, i) => i))).toBe('00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f\n10 11 12 13')
  })
  it('prints one line, two lines or broken names depending on the sizes', () => {
    expect(entryPlain(info(MapType.HASH, 4, 8), Uint8Array.of(1, 0, 0, 0), Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8), 2)).toBe('key: 01 00 00 00  value: 01 02 03 04 05 06 07 08\n')
    expect(entryPlain(info(MapType.HASH, 12, 16), new Uint8Array(12).fill(1), new Uint8Array(16).fill(2), 2)).toBe(
      'key: 01 01 01 01 01 01 01 01  01 01 01 01\nvalue: 02 02 02 02 02 02 02 02  02 02 02 02 02 02 02 02\n',
    )
    expect(entryPlain(info(MapType.HASH, 20, 4), new Uint8Array(20), new Uint8Array(4), 2)).toBe(
      'key:\n00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00\n00 00 00 00\nvalue:\n00 00 00 00\n',
    )
    expect(entryPlain(info(MapType.PERCPU_ARRAY, 4, 4), Uint8Array.of(1, 0, 0, 0), Uint8Array.of(5, 0, 0, 0, 0, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0), 2)).toBe(
      'key:\n01 00 00 00\nvalue (CPU 00): 05 00 00 00\nvalue (CPU 01): 06 00 00 00\n',
    )
    expect(entryPlain(info(MapType.QUEUE, 0, 4), new Uint8Array(0), Uint8Array.of(1, 2, 3, 4), 2)).toBe('value: 01 02 03 04\n')
  })
})

describe('bpftool map commands', () => {
  it('create, show, update, dump, lookup, getnext, delete (texts of bpftool 7.1)', () => {
    const { sh } = boot()
    expect(sh('map create /sys/fs/bpf/h type hash key 4 value 8 entries 16 name foo')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 })
    expect(sh('map show').stdout).toBe('1: hash  name foo  flags 0x0\n\tkey 4B  value 8B  max_entries 16  memlock 2320B\n')
    expect(sh('map update pinned /sys/fs/bpf/h key 1 0 0 0 value 1 2 3 4 5 6 7 8').exitCode).toBe(0)
    expect(sh('map update id 1 key hex 0a 0 0 0 value 0x10 0 0 0 0 0 0 0xff').exitCode).toBe(0)
    expect(sh('map lookup name foo key 10 0 0 0').stdout).toBe('key: 0a 00 00 00  value: 10 00 00 00 00 00 00 ff\n')
    const dump = sh('map dump pinned /sys/fs/bpf/h').stdout
    expect(dump.split('\n').sort()).toEqual(['', 'Found 2 elements', 'key: 01 00 00 00  value: 01 02 03 04 05 06 07 08', 'key: 0a 00 00 00  value: 10 00 00 00 00 00 00 ff'])
    expect(sh('-j map lookup id 1 key 1 0 0 0').stdout).toBe('{"key":["0x01","0x00","0x00","0x00"],"value":["0x01","0x02","0x03","0x04","0x05","0x06","0x07","0x08"]}\n')
    expect(sh('map lookup id 1 key 2 0 0 0')).toEqual(expect.objectContaining({ stdout: 'key:\n02 00 00 00\n\nNot found\n', exitCode: 254 }))
    expect(sh('map getnext id 1').stdout).toMatch(/^key: None\nnext key:\n(01|0a) 00 00 00\n$/)
    expect(sh('map delete id 1 key 1 0 0 0').exitCode).toBe(0)
    expect(sh('map delete id 1 key 1 0 0 0')).toEqual(expect.objectContaining({ stderr: 'Error: delete failed: No such file or directory\n', exitCode: 254 }))
    expect(sh('-j map delete id 1 key 10 0 0 0').stdout).toBe('null\n')
    expect(sh('map dump id 1').stdout).toBe('Found 0 elements\n')
  })

  it('per-CPU values, -p, queues, freeze, pins', () => {
    const { sh } = boot()
    sh('map create /sys/fs/bpf/pa type percpu_array key 4 value 4 entries 2 name pa')
    sh('map update pinned /sys/fs/bpf/pa key 1 0 0 0 value 9 0 0 0')
    expect(sh('map lookup pinned /sys/fs/bpf/pa key 1 0 0 0').stdout).toBe('key:\n01 00 00 00\nvalue (CPU 00): 09 00 00 00\nvalue (CPU 01): 09 00 00 00\n')
    expect(sh('-p map lookup pinned /sys/fs/bpf/pa key 1 0 0 0').stdout).toBe(
      '{\n    "key": ["0x01","0x00","0x00","0x00"\n    ],\n    "values": [{\n            "cpu": 0,\n            "value": ["0x09","0x00","0x00","0x00"\n            ]\n        },{\n            "cpu": 1,\n            "value": ["0x09","0x00","0x00","0x00"\n            ]\n        }\n    ]\n}\n',
    )
    sh('map create /sys/fs/bpf/q type queue key 0 value 4 entries 2 name q')
    expect(sh('map pop pinned /sys/fs/bpf/q')).toEqual(expect.objectContaining({ stdout: 'Error: empty map\n', exitCode: 254 }))
    sh('map push pinned /sys/fs/bpf/q value 1 2 3 4')
    sh('map enqueue pinned /sys/fs/bpf/q value 5 6 7 8')
    expect(sh('map push pinned /sys/fs/bpf/q value 0 0 0 0').stderr).toBe('Error: update failed: Argument list too long\n')
    expect(sh('map peek pinned /sys/fs/bpf/q').stdout).toBe('value: 01 02 03 04\n')
    expect(sh('-j map dequeue pinned /sys/fs/bpf/q').stdout).toBe('{"key":[],"value":["0x01","0x02","0x03","0x04"]}\n')
    expect(sh('map dump pinned /sys/fs/bpf/q')).toEqual(expect.objectContaining({ stdout: 'Found 0 elements\n', exitCode: 234 }))
    expect(sh('map freeze pinned /sys/fs/bpf/pa').exitCode).toBe(0)
    expect(sh('map freeze pinned /sys/fs/bpf/pa').stderr).toBe('Error: failed to freeze map: Operation not permitted\n')
    expect(sh('map pin name pa /sys/fs/bpf/pa2').exitCode).toBe(0)
    expect(sh('-f map show name pa').stdout).toBe(
      '1: percpu_array  name pa  flags 0x0\n\tkey 4B  value 4B  max_entries 2  memlock 360B\n\tpinned /sys/fs/bpf/pa\n\tpinned /sys/fs/bpf/pa2\n\tfrozen\n',
    )
    expect(sh('-j -f map show name q').stdout).toBe(
      '{"id":2,"type":"queue","name":"q","flags":0,"bytes_key":0,"bytes_value":4,"max_entries":2,"bytes_memlock":324,"frozen":0,"pinned":["/sys/fs/bpf/q"]}\n',
    )
  })

  it("words errors as bpftool does, and never throws", () => {
    const { sh } = boot()
    sh('map create /sys/fs/bpf/h type hash key 4 value 8 entries 16 name foo')
    const err = (line: string) => sh(line).stderr
    expect(err('map update pinned /sys/fs/bpf/h key 1 0 0 value 1 2 3 4 5 6 7 8')).toBe('Error: error parsing byte: value\n')
    expect(err('map update pinned /sys/fs/bpf/h key 1 0 0 0')).toBe('Error: did not find value\n')
    expect(err('map update pinned /sys/fs/bpf/h key 1 0 0 0 value 1 2')).toBe('Error: value expected 8 bytes got 2\n')
    expect(err('map update pinned /sys/fs/bpf/h key 1 0 0 0 value 1 2 3 4 5 6 7 8 any noexist')).toBe('Error: flags specified multiple times: noexist\n')
    expect(err('map lookup pinned /sys/fs/bpf/h key 1 0 0 0 value 1')).toBe('Error: unnecessary value\n')
    expect(err('map lookup pinned /sys/fs/bpf/h key 1 0 0 0 key 1')).toBe('Error: duplicate key\n')
    expect(err('map lookup pinned /sys/fs/bpf/h 1 0 0 0')).toBe('Error: expected key or value, got: 1\n')
    expect(err('map lookup pinned /sys/fs/bpf/nope key 1 0 0 0')).toBe('Error: bpf obj get (/sys/fs/bpf/nope): No such file or directory\n')
    expect(err('map lookup pinned /etc/passwd key 1 0 0 0')).toBe('Error: bpf obj get (/etc): directory not in bpf file system (bpffs)\n')
    expect(err('map lookup ip 3 key 1 0 0 0')).toBe("Error: expected 'id', 'name' or 'pinned', got: 'ip'?\n")
    expect(err('map show id x')).toBe("Error: can't parse x as ID\n")
    expect(err('map show id 9')).toBe('Error: get map by id (9): No such file or directory\n')
    expect(err('map show id')).toBe("Error: what is 'id'?\n")
    expect(err('map freeze')).toBe("Error: 'freeze' needs at least 2 arguments, 0 found\n")
    expect(err('map create /sys/fs/bpf/x type hash key 4 value 4 entries 4')).toBe('Error: map name not specified\n')
    expect(err('map create /sys/fs/bpf/x type hashy key 4 value 4 entries 4 name x')).toBe('Error: unrecognized map type: hashy\n')
    expect(err('map create /sys/fs/bpf/x type hash key 0 value 4 entries 4 name x')).toBe('Error: map create failed: Invalid argument\n')
    expect(err('map create /sys/fs/bpf/h type hash key 4 value 4 entries 4 name x')).toBe("Error: can't pin the object (/sys/fs/bpf/h): File exists\n")
    expect(err('map update pinned /sys/fs/bpf/h key -1 0 0 0 value 0 0 0 0 0 0 0 0').split('\n')[0]).toBe("Error: unrecognized option '-1'")
    expect(sh('-j map show id 9').stdout).toBe('{"error":"get map by id (9): No such file or directory"}\n')
    const usage = sh('map dump')
    expect(usage.exitCode).toBe(255)
    expect(usage.stderr.startsWith('Usage: bpftool map { show | list }   [MAP]\n')).toBe(true)
    expect(sh('-j map dump').stdout).toBe('null\n')
    expect(sh('link show').stderr).toMatch(/^Error: bpfplay: 'bpftool link' is not simulated/)
    expect(sh('version').stdout).toBe('bpftool v7.1.0\nusing libbpf v1.1\nfeatures: libbpf_strict\n')
    // Any sequence of words ends in an exit status, never in an exception.
    const vocab = ['map', 'show', 'dump', 'update', 'lookup', 'key', 'value', 'hex', 'id', '1', 'pinned', '/sys/fs/bpf/h', 'name', 'foo', '0x', '-j', '-p', 'any', 'exist', 'create', 'type', 'queue', 'pin', 'freeze', 'push', 'pop', '', 'entries', '4']
    let seed = 1
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) % vocab.length
    for (let i = 0; i < 400; i++) {
      const words = Array.from({ length: 1 + (i % 9) }, () => vocab[rnd()])
      const r = sh(words.join(' '))
      expect(r.exitCode).toBeGreaterThanOrEqual(0)
    }
  })

  it('is a process named bpftool that enters the kernel through bpf() and exits', () => {
    const { k, sh } = boot()
    sh('map create /sys/fs/bpf/h type hash key 4 value 8 entries 16 name foo')
    const before = k.events(0).at(-1)!.seq
    sh('map dump pinned /sys/fs/bpf/h')
    const evs = k.events(before)
    expect(evs.map((e) => e.op)).toEqual([7, 15, 4]) // OBJ_GET, OBJ_GET_INFO_BY_FD, MAP_GET_NEXT_KEY
    expect(evs[0].origin).toBe('syscall')
    expect(k.processes()).toEqual([]) // exited: nothing left open
    expect(k.maps()[0].fds).toEqual([])
  })
})

describe('completion', () => {
  it('completes objects, commands, handles, ids, names and pinned paths', () => {
    const { k, sh } = boot()
    sh('map create /sys/fs/bpf/hmap type hash key 4 value 8 entries 16 name foo')
    sh('map create /sys/fs/bpf/hash2 type hash key 4 value 8 entries 16 name bar')
    expect(complete(k, 'ma')).toEqual({ start: 0, options: ['map'] })
    expect(complete(k, 'map d')).toEqual({ start: 4, options: ['delete', 'dequeue', 'dump'] })
    expect(complete(k, 'map dump ')).toMatchObject({ options: ['id', 'name', 'pinned'] })
    expect(complete(k, 'map dump id ')).toMatchObject({ options: ['1', '2'] })
    expect(complete(k, 'map dump name f')).toMatchObject({ options: ['foo'] })
    expect(complete(k, 'map dump pinned /sys/fs/bpf/h')).toMatchObject({ start: 16, options: ['/sys/fs/bpf/hash2', '/sys/fs/bpf/hmap'] })
    expect(complete(k, '-j map lookup id 1 ')).toMatchObject({ options: ['key'] })
  })
})
