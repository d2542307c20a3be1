/**
 * bpf_trace_printk formatting and trace_pipe lines. The expected strings were printed by
 * Linux 6.18 for the same formats and arguments (bpf_prog_test_run + /sys/kernel/tracing/trace).
 */
import { describe, expect, it } from 'vitest'
import { Errno } from '../kernel/uapi'
import { bpfFormat, traceLine, type TraceMemory } from './trace'

const enc = (s: string) => new TextEncoder().encode(s + '\0')
const mem: TraceMemory = {
  bytes: (addr, len) => (addr === 0x1000 ? Uint8Array.from([10, 0, 0, 2]).subarray(0, len) : null),
  cstring: (addr) => (addr === 0x2000 ? new TextEncoder().encode('eth0') : null),
}
const fmt = (f: string, args: (number | bigint)[], max = 3) => bpfFormat(enc(f), args.map((a) => BigInt.asUintN(64, BigInt(a))), max, mem)

describe('bpf_trace_printk formats', () => {
  it('formats integers, widths and flags as the kernel does', () => {
    expect(fmt('hello %d\n', [5])).toBe('hello 5\n')
    expect(fmt('world %d|%5d|%-5x|%05d|%+d', [6, 7, 255, -3, 4], 12)).toBe('world 6|    7|ff   |-0003|+4')
    expect(fmt('c=%c l=%ld u=%u', [65, -1, -1])).toBe('c=A l=-1 u=4294967295')
    expect(fmt('%x %X %lx %llu %i', [-1, 0xabc, -1, 2n ** 63n, -7], 5)).toBe('ffffffff ABC ffffffffffffffff 9223372036854775808 -7')
    expect(fmt('100%% %s!', [0x2000])).toBe('100% eth0!')
  })

  it('formats the pointer extensions', () => {
    expect(fmt('ip %pI4 %pi4', [0x1000, 0x1000])).toBe('ip 10.0.0.2 010.000.000.002')
    expect(fmt('%px', [0x1234])).toBe('0000000000001234')
    expect(fmt('%p', [0x1234])).toMatch(/^[0-9a-f]{16}$/)
    expect(fmt('[%s]', [0x9999])).toBe('[]') // unreadable string: empty, as the kernel copies nothing
  })

  it('refuses what bpf_bprintf_prepare refuses', () => {
    expect(fmt('many %d %d %d %d', [1, 2, 3, 4])).toBe(-Errno.EINVAL)
    expect(fmt('%.2d', [1])).toBe(-Errno.EINVAL)
    expect(fmt('%#x', [1])).toBe(-Errno.EINVAL)
    expect(fmt('%q', [1])).toBe(-Errno.EINVAL)
    expect(fmt('caf\u00e9', [])).toBe(-Errno.EINVAL)
    expect(bpfFormat(new TextEncoder().encode('no nul'), [], 3, mem)).toBe(-Errno.EINVAL)
  })
})

describe('trace_pipe lines', () => {
  it('are laid out as the kernel lays them out', () => {
    expect(traceLine({ comm: 'xdp-oracle', pid: 9265, cpu: 1, flags: 'b..11', timeNs: 8992727166000n }, 'hello 5')).toBe(
      '      xdp-oracle-9265    [001] b..11  8992.727166: bpf_trace_printk: hello 5',
    )
    expect(traceLine({ comm: '<idle>', pid: 0, cpu: 12, flags: 'd.s11', timeNs: 5_000_001n }, 'x')).toBe('          <idle>-0       [012] d.s11     0.005000: bpf_trace_printk: x')
  })
})
