/**
 * C type layout as gcc does it on x86-64: basic sizes, padding, bitfields, packed/aligned, unions,
 * flexible arrays, anonymous members, the usual arithmetic conversions, gcc's type spelling, and
 * the sizes of the kernel/libbpf structs the programs use (checked against gcc 12 + real headers).
 */
import { describe, expect, it } from 'vitest'
import { runMain } from './testing'
import {
  T, type CType, type RecordInfo, arrayOf, commonType, func, layoutRecord, ptr, promote, quoteType, sizeOf, alignOf,
  toTypeDesc, typeName, withAlias,
} from './types'

function record(kind: 'struct' | 'union', members: { name: string | null; type: CType; bitWidth?: number; align?: number }[], opts: { packed?: boolean; align?: number } = {}): RecordInfo {
  const info: RecordInfo = { kind, tag: 't', complete: false, size: 0, align: 1, fields: [], packed: false, flexible: false, id: 1 }
  layoutRecord(info, members, { packed: !!opts.packed, align: opts.align })
  return info
}

describe('basic types', () => {
  it('LP64 sizes', () => {
    expect([T.char, T.short, T.int, T.long, T.llong, T.float, T.double, T.bool].map(sizeOf)).toEqual([1, 2, 4, 8, 8, 4, 8, 1])
    expect(sizeOf(ptr(T.char))).toBe(8)
    expect(sizeOf(arrayOf(T.int, 10))).toBe(40)
    expect(alignOf(arrayOf(T.long, 3))).toBe(8)
  })

  it('integer promotions and usual arithmetic conversions', () => {
    expect(promote(T.uchar)).toBe(T.int)
    expect(promote(T.ushort)).toBe(T.int)
    expect(commonType(T.int, T.uint)).toBe(T.uint)
    expect(commonType(T.long, T.uint)).toBe(T.long)
    expect(commonType(T.long, T.ullong)).toBe(T.ullong)
    expect(commonType(T.llong, T.ulong)).toBe(T.ullong)
    expect(commonType(T.char, T.short)).toBe(T.int)
    expect(commonType(T.int, T.float)).toBe(T.float)
    expect(commonType(T.float, T.double)).toBe(T.double)
  })

  it('gcc spelling, with typedef names as aka', () => {
    expect(typeName(ptr({ ...T.char, const: true }))).toBe('const char *')
    expect(typeName(ptr(func(T.int, [T.int, ptr(T.char)])))).toBe('int (*)(int, char *)')
    expect(typeName(arrayOf(T.int, 3))).toBe('int[3]')
    expect(typeName(ptr(arrayOf(T.int, 3)))).toBe('int (*)[3]')
    expect(typeName(arrayOf(ptr(T.int), 3))).toBe('int *[3]')
    expect(typeName(T.ulong)).toBe('long unsigned int')
    expect(quoteType(withAlias(T.ullong, '__u64'))).toBe("'__u64' {aka 'long long unsigned int'}")
    expect(quoteType(ptr(withAlias(T.uint, '__u32')))).toBe("'__u32 *' {aka 'unsigned int *'}")
  })
})

describe('struct and union layout', () => {
  it('padding and tail padding', () => {
    const r = record('struct', [{ name: 'c', type: T.char }, { name: 'i', type: T.int }, { name: 's', type: T.short }, { name: 'l', type: T.long }, { name: 'd', type: T.char }])
    expect(r.fields.map((f) => f.offset)).toEqual([0, 4, 8, 16, 24])
    expect([r.size, r.align]).toEqual([32, 8])
  })

  it('unions take the largest member', () => {
    const u = record('union', [{ name: 'i', type: T.int }, { name: 'c', type: arrayOf(T.char, 9) }, { name: 's', type: T.short }])
    expect([u.size, u.align]).toEqual([12, 4])
  })

  it('bitfields share their unit and never straddle it (SysV)', () => {
    // struct { unsigned a:3, b:5, c:9; int d:4; unsigned long e:40; }
    const r = record('struct', [
      { name: 'a', type: T.uint, bitWidth: 3 }, { name: 'b', type: T.uint, bitWidth: 5 }, { name: 'c', type: T.uint, bitWidth: 9 },
      { name: 'd', type: T.int, bitWidth: 4 }, { name: 'e', type: T.ulong, bitWidth: 40 },
    ])
    expect(r.fields.map((f) => f.bitOffset)).toEqual([0, 3, 8, 17, 21]) // e fits in the first 64-bit unit
    expect(r.size).toBe(8)
    // __u8 ihl:4, version:4 (linux/ip.h): both in byte 0
    const ip = record('struct', [{ name: 'ihl', type: T.uchar, bitWidth: 4 }, { name: 'version', type: T.uchar, bitWidth: 4 }, { name: 'tos', type: T.uchar }])
    expect(ip.fields.map((f) => [f.offset, f.bitOffset])).toEqual([[0, 0], [0, 4], [1, undefined]])
    // a 20-bit field after 20 bits moves to the next int
    const s = record('struct', [{ name: 'a', type: T.uint, bitWidth: 20 }, { name: 'b', type: T.uint, bitWidth: 20 }])
    expect(s.fields.map((f) => f.bitOffset)).toEqual([0, 32])
    // zero-width bitfields align the next one; unnamed ones do not align the struct
    const z = record('struct', [{ name: 'a', type: T.char, bitWidth: 1 }, { name: null, type: T.int, bitWidth: 0 }, { name: 'b', type: T.char, bitWidth: 1 }])
    expect([z.fields[1].bitOffset, z.size, z.align]).toEqual([32, 5, 1]) // gcc: sizeof 5, _Alignof 1
  })

  it('packed, aligned(n), flexible array members', () => {
    const p = record('struct', [{ name: 'c', type: T.char }, { name: 'i', type: T.int }, { name: 's', type: T.short }], { packed: true })
    expect([p.size, p.fields[1].offset, p.fields[2].offset]).toEqual([7, 1, 5])
    const a = record('struct', [{ name: 'c', type: T.char }, { name: 'x', type: T.int, align: 16 }])
    expect([a.size, a.align, a.fields[1].offset]).toEqual([32, 16, 16])
    const f = record('struct', [{ name: 'n', type: T.int }, { name: 'data', type: arrayOf(T.long, null) }])
    expect([f.size, f.fields[1].offset, f.flexible]).toEqual([8, 8, true])
  })

  it('TypeDesc describes records, with recursion through pointers cut', () => {
    const info: RecordInfo = { kind: 'struct', tag: 'node', complete: false, size: 0, align: 1, fields: [], packed: false, flexible: false, id: 7 }
    const node: CType = { k: 'struct', info }
    layoutRecord(info, [{ name: 'v', type: T.int }, { name: 'next', type: ptr(node) }], { packed: false })
    const d = toTypeDesc(node)
    expect(d).toMatchObject({ kind: 'struct', name: 'struct node', size: 16, align: 8 })
    expect(JSON.stringify(d)).toContain('"next"')
  })
})

describe('kernel and libbpf structs (sizes from gcc 12 with the real headers)', () => {
  it('match gcc', () => {
    const src = `
#include <stdio.h>
#include <stddef.h>
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <bpf/bpf.h>
int main(void) {
  printf("%zu %zu %zu %zu %zu\\n", sizeof(struct ethhdr), sizeof(struct iphdr), sizeof(struct ipv6hdr), sizeof(struct tcphdr), sizeof(struct udphdr));
  printf("%zu %zu %zu %zu\\n", sizeof(struct xdp_md), sizeof(struct bpf_map_create_opts), sizeof(struct bpf_map_batch_opts), sizeof(union bpf_attr));
  printf("%zu %zu %zu\\n", offsetof(struct ethhdr, h_proto), offsetof(struct iphdr, saddr), offsetof(struct bpf_map_create_opts, map_ifindex));
  struct iphdr ip = {0}; ip.ihl = 5; ip.version = 4;
  struct tcphdr th = {0}; th.syn = 1; th.ack = 1; th.doff = 5;
  printf("%d %d %d\\n", *(unsigned char *)&ip, ((unsigned char *)&th)[12], ((unsigned char *)&th)[13]);
  return 0;
}`
    expect(runMain(src).stdout).toBe('14 20 40 20 8\n24 48 24 144\n12 12 44\n69 80 18\n')
  })
})
