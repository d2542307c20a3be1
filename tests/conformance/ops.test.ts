/**
 * The simulator executor must call bpf() exactly as libbpf 1.1.2 does (attr sizes and fields were
 * checked with strace against the native oracle), and lay out user memory like the oracle.
 * A recording fake kernel stands in for the simulator here.
 */
import { describe, expect, it } from 'vitest'
import type { Caller, KernelApi, UserMemory } from '../../src/kernel/api'
import { BpfCmd, MapInfo } from '../../src/kernel/uapi'
import { bindPaths, canonical, firstDifference, fromHex, runOnSimulator, toHex, UserArena, type Op } from './ops'

interface Call {
  cmd: number
  size: number
  attr: Uint8Array
}

/** A kernel that records each bpf() attr and answers from a script (default -EINVAL for info probes). */
function recordingKernel(answer: (cmd: number, attr: DataView, user: UserMemory) => number = () => 0) {
  const calls: Call[] = []
  const kernel = {
    possibleCpus: 2,
    processCreate: () => 1,
    processExit: () => undefined,
    sysClose: () => 0,
    sysBpf(cmd: number, attrAddr: number, size: number, user: UserMemory, _caller: Caller) {
      const attr = new Uint8Array(size)
      expect(user.copyFromUser(attr, 0, attrAddr, size)).toBe(true)
      if (cmd !== BpfCmd.OBJ_GET_INFO_BY_FD) calls.push({ cmd, size, attr })
      if (cmd === BpfCmd.OBJ_GET_INFO_BY_FD) return -22 // geometry probe: "not a map"
      return answer(cmd, new DataView(attr.buffer), user)
    },
  } as unknown as KernelApi
  return { kernel, calls }
}

const u32 = (a: Uint8Array, off: number) => new DataView(a.buffer).getUint32(off, true)
const u64 = (a: Uint8Array, off: number) => new DataView(a.buffer).getBigUint64(off, true)

describe('simulator executor writes attrs like libbpf 1.1.2', () => {
  it('uses libbpf attr sizes per command', () => {
    const { kernel, calls } = recordingKernel()
    const ops: Op[] = [
      { op: 'create', type: 1, key_size: 4, value_size: 4, max_entries: 8, flags: 64, name: 'm' },
      { op: 'update', fd: 3, key: '01000000', value: '02000000', flags: 0 },
      { op: 'lookup', fd: 3, key: '01000000', value_size: 4, flags: 0 },
      { op: 'delete', fd: 3, key: '01000000' },
      { op: 'get_next_key', fd: 3, key: null, key_size: 4 },
      { op: 'lookup_batch', fd: 3, in_batch: null, out_null: false, cursor_size: 4, count: 2, key_size: 4, value_size: 4, elem_flags: 0, flags: 0 },
      { op: 'freeze', fd: 3 },
      { op: 'pin', fd: 3, path: '/sys/fs/bpf/x' },
      { op: 'get', path: '/sys/fs/bpf/x', file_flags: 8 },
    ]
    runOnSimulator(ops, kernel)
    expect(calls.map((c) => [c.cmd, c.size])).toEqual([
      [BpfCmd.MAP_CREATE, 72],
      [BpfCmd.MAP_UPDATE_ELEM, 32],
      [BpfCmd.MAP_LOOKUP_ELEM, 32],
      [BpfCmd.MAP_DELETE_ELEM, 32],
      [BpfCmd.MAP_GET_NEXT_KEY, 24],
      [BpfCmd.MAP_LOOKUP_BATCH, 56],
      [BpfCmd.MAP_FREEZE, 4],
      [BpfCmd.OBJ_PIN, 16],
      [BpfCmd.OBJ_GET, 16],
    ])
  })

  it('fills the create attr (name truncated to 15 bytes, map_extra, numa_node)', () => {
    const { kernel, calls } = recordingKernel()
    runOnSimulator(
      [{ op: 'create', type: 9, key_size: 5, value_size: 6, max_entries: 7, flags: 0x44, name: 'hash_map_example', map_extra: 2 ** 33, numa_node: 1 }],
      kernel,
    )
    const a = calls[0]!.attr
    expect([u32(a, 0), u32(a, 4), u32(a, 8), u32(a, 12), u32(a, 16), u32(a, 24)]).toEqual([9, 5, 6, 7, 0x44, 1])
    expect(new TextDecoder().decode(a.subarray(28, 44))).toBe('hash_map_exampl\0')
    expect(u64(a, 64)).toBe(2n ** 33n)
  })

  it('passes NULL for null keys and reads back the batch count the kernel wrote', () => {
    const { kernel, calls } = recordingKernel((cmd, _attr, user) => {
      if (cmd !== BpfCmd.MAP_LOOKUP_AND_DELETE_BATCH) return 0
      return -2
    })
    const [r0, r1] = runOnSimulator(
      [
        { op: 'update', fd: 3, key: null, value: 'ff', flags: 2 },
        { op: 'lookup_and_delete_batch', fd: 4, in_batch: null, out_null: true, cursor_size: 4, count: 3, key_size: 4, value_size: 4, elem_flags: 4, flags: 1 },
      ],
      kernel,
    )
    expect(r0).toEqual({ ret: 0 })
    const upd = calls[0]!.attr
    expect([u32(upd, 0), u64(upd, 8), u64(upd, 24)]).toEqual([3, 0n, 2n])
    expect(u64(upd, 16)).not.toBe(0n)
    const b = calls[1]!.attr
    expect([u64(b, 0), u64(b, 8), u32(b, 32), u32(b, 36), u64(b, 40), u64(b, 48)]).toEqual([0n, 0n, 3, 4, 4n, 1n])
    // Count left as passed; output buffers untouched (0xAA), out_batch NULL.
    expect(r1).toEqual({ ret: -2, count: 3, out_batch: null, keys: ['aaaaaaaa', 'aaaaaaaa', 'aaaaaaaa'], values: ['aaaaaaaa', 'aaaaaaaa', 'aaaaaaaa'] })
  })

  it('feeds "prev" the previous out_batch bytes', () => {
    let cursor = 5
    const seen: bigint[] = []
    const { kernel } = recordingKernel((cmd, attr, user) => {
      if (cmd !== BpfCmd.MAP_LOOKUP_BATCH) return 0
      const inPtr = Number(attr.getBigUint64(0, true))
      if (inPtr) {
        const b = new Uint8Array(4)
        user.copyFromUser(b, 0, inPtr, 4)
        seen.push(BigInt(u32(b, 0)))
      }
      const out = new Uint8Array(4)
      new DataView(out.buffer).setUint32(0, cursor++, true)
      user.copyToUser(Number(attr.getBigUint64(8, true)), out, 0, 4)
      return 0
    })
    const lb = (in_batch: 'prev' | null): Op => ({ op: 'lookup_batch', fd: 3, in_batch, out_null: false, cursor_size: 4, count: 0, key_size: 4, value_size: 4, elem_flags: 0, flags: 0 })
    const res = runOnSimulator([lb('prev'), lb(null), lb('prev'), lb('prev')], kernel)
    expect(seen).toEqual([6n, 7n])
    expect(res.map((r) => r.out_batch)).toEqual(['05000000', '06000000', '07000000', '08000000'])
  })

  it('reports a simulator exception as a result instead of crashing the run', () => {
    const kernel = {
      possibleCpus: 1,
      processCreate: () => 1,
      processExit: () => undefined,
      sysClose: () => 0,
      sysBpf: () => {
        throw new RangeError('boom')
      },
    } as unknown as KernelApi
    expect(runOnSimulator([{ op: 'freeze', fd: 3 }], kernel)).toEqual([{ ret: null, error: 'RangeError: boom' }])
  })

  it('sizes buffers to the map geometry reported by map info (per-CPU values)', () => {
    // PERCPU_HASH, value_size 300 on 2 CPUs: the kernel reads 2 x 304 bytes from the value pointer.
    let read: Uint8Array | null = null
    const kernel = {
      possibleCpus: 2,
      processCreate: () => 1,
      processExit: () => undefined,
      sysClose: () => 0,
      sysBpf(cmd: number, attrAddr: number, size: number, u: UserMemory) {
        const attr = new Uint8Array(size)
        u.copyFromUser(attr, 0, attrAddr, size)
        const dv = new DataView(attr.buffer)
        if (cmd === BpfCmd.OBJ_GET_INFO_BY_FD) {
          const info = new Uint8Array(MapInfo.SIZE)
          const iv = new DataView(info.buffer)
          iv.setUint32(MapInfo.type, 5, true)
          iv.setUint32(MapInfo.key_size, 4, true)
          iv.setUint32(MapInfo.value_size, 300, true)
          u.copyToUser(Number(dv.getBigUint64(8, true)), info, 0, info.length)
          return 0
        }
        read = new Uint8Array(608)
        u.copyFromUser(read, 0, Number(dv.getBigUint64(16, true)), 608)
        return 0
      },
    } as unknown as KernelApi
    runOnSimulator([{ op: 'update', fd: 3, key: '00000000', value: '01020304', flags: 0 }], kernel)
    // The short value is padded with 0xAA up to what the kernel reads (as the oracle does in C).
    expect(toHex(read!)).toBe('01020304' + 'aa'.repeat(604))
  })
})

describe('user arena', () => {
  it('faults on NULL and small pointers, fills buffers and slack with 0xAA', () => {
    const m = new UserArena()
    const dst = new Uint8Array(4)
    expect(m.copyFromUser(dst, 0, 0, 4)).toBe(false)
    expect(m.copyToUser(16, dst, 0, 4)).toBe(false)
    const a = m.alloc(3)
    expect(a).toBeGreaterThanOrEqual(UserArena.BASE)
    expect(toHex(m.read(a, 8))).toBe('aaaaaaaaaaaaaaaa')
    const b = m.put(fromHex('0102'), 4)
    expect(toHex(m.read(b, 5))).toBe('0102aaaaaa')
    const big = m.alloc(3 << 20) // grows
    expect(m.copyToUser(big + (3 << 20) - 1, dst, 0, 1)).toBe(true)
  })
})

describe('helpers', () => {
  it('binds pin paths and compares results canonically', () => {
    const ops: Op[] = [
      { op: 'pin', fd: 3, path: '@PIN@_0' },
      { op: 'get', path: '@PIN@_0', file_flags: 0 },
      { op: 'get', path: '/sys/fs/bpf', file_flags: 0 },
    ]
    expect(bindPaths(ops, '/sys/fs/bpf/x_1').map((o) => (o as { path: string }).path)).toEqual([
      '/sys/fs/bpf/x_1_0',
      '/sys/fs/bpf/x_1_0',
      '/sys/fs/bpf',
    ])
    expect(canonical({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}')
    expect(firstDifference(ops, [{ ret: 0 }, { ret: 3 }], [{ ret: 0 }, { ret: 4 }])?.index).toBe(1)
    expect(firstDifference(ops, [{ ret: 0 }], [{ ret: 0 }])).toBeNull()
  })
})
