/**
 * The words for kernel pointers of a stepped XDP program: packet headers found in the bytes,
 * packet addresses relative to ctx->data (headroom, metadata, data_end, past it), map values by
 * lookup, ctx, the stack; and the rewrite of a decoded value tree.
 */
import { describe, expect, it } from 'vitest'
import type { BpfMapDecl } from '../lang/api'
import type { ValueView } from '../runtime/debug-values'
import { buildPacket } from './packets'
import { describeKernelAddress, describeKernelPointers, packetLayers, type KernelPointerContext } from './step-pointers'

const names = (b: Uint8Array) => packetLayers(b).map((l) => `${l.name} ${l.start}-${l.end}`)

describe('packetLayers', () => {
  it('finds Ethernet, VLAN, IPv4, TCP and the payload', () => {
    const f = buildPacket({ eth: { vlan: { id: 7 } }, ipv4: { src: '10.0.0.2', dst: '10.0.0.1' }, tcp: { sport: 1, dport: 80 }, payload: new Uint8Array(5) })
    expect(names(f)).toEqual(['Ethernet header 0-14', 'VLAN tag 14-18', 'IPv4 header 18-38', 'TCP header 38-58', 'payload 58-' + f.length])
  })

  it('finds IPv6 and UDP; a short frame ends the list where its bytes end', () => {
    const f = buildPacket({ eth: {}, ipv6: { src: '2001:db8::2', dst: '2001:db8::1' }, udp: { sport: 1, dport: 53 }, payload: new Uint8Array(4) })
    expect(names(f)).toEqual(['Ethernet header 0-14', 'IPv6 header 14-54', 'UDP header 54-62', 'payload 62-66'])
    expect(names(f.subarray(0, 20))).toEqual(['Ethernet header 0-14', 'payload 14-20'])
    expect(names(f.subarray(0, 6))).toEqual(['truncated Ethernet header 0-6'])
  })
})

const MAP: BpfMapDecl = { name: 'counts', type: 2, keySize: 4, valueSize: 16, maxEntries: 4, flags: 0, pinning: 0, slot: 0, line: 1, col: 1 }

function context(): KernelPointerContext {
  const f = buildPacket({ eth: {}, ipv4: { src: '10.0.0.2', dst: '10.0.0.1' }, udp: { sport: 1, dport: 53 }, payload: new Uint8Array(10) })
  const data = 100_000
  return {
    ctxAddr: 50_000,
    packet: { data, dataEnd: data + f.length, dataMeta: data - 8, hardStart: data - 256, hardEnd: data + 1518, layers: packetLayers(f) },
    lookups: [{ addr: 70_000, map: MAP, key: '3' }],
    stack: [40_000, 50_000],
    memorySize: 1 << 20,
  }
}

describe('describeKernelAddress', () => {
  const c = context()
  const d = c.packet.data
  it('says where in the packet, by header', () => {
    expect(describeKernelAddress(c, d, 14).note).toBe('packet (ctx->data, Ethernet header)')
    expect(describeKernelAddress(c, d + 14, 20).note).toBe('packet + 14 (ctx->data + 14, IPv4 header)')
    expect(describeKernelAddress(c, d + 23, 1).note).toBe('packet + 23 (ctx->data + 23, IPv4 header + 9)')
    expect(describeKernelAddress(c, d + 34, 8).note).toBe('packet + 34 (ctx->data + 34, UDP header)')
    expect(describeKernelAddress(c, c.packet.dataEnd, 0)).toEqual({ note: 'packet + 52 (ctx->data_end: one past the last byte)', inBounds: true })
  })

  it('flags what is past data_end or before data', () => {
    expect(describeKernelAddress(c, d + 50, 8)).toEqual({ note: 'packet + 50 (ctx->data + 50, payload + 8); its 8 bytes run past data_end: the program must check before reading them', inBounds: false })
    expect(describeKernelAddress(c, d + 60, 1)).toEqual({ note: 'packet + 60: past ctx->data_end (52 bytes)', inBounds: false })
    expect(describeKernelAddress(c, d - 8, 4)).toEqual({ note: 'packet - 8 (metadata, before ctx->data)', inBounds: true })
    expect(describeKernelAddress(c, d - 100, 4).note).toBe('packet - 100 (headroom, before ctx->data)')
  })

  it('names map values by lookup, ctx and the stack', () => {
    expect(describeKernelAddress(c, 70_000, 16)).toEqual({ note: "map value of 'counts' key 3", inBounds: true })
    expect(describeKernelAddress(c, 70_008, 8).note).toBe("map value of 'counts' key 3 + 8")
    expect(describeKernelAddress(c, 50_000, 24).note).toBe('struct xdp_md of this packet (ctx)')
    expect(describeKernelAddress(c, 45_000, 4).note).toBe("the program's stack")
    expect(describeKernelAddress(c, 2 << 20, 4)).toEqual({ note: 'not a kernel address: dereferencing it aborts the packet', inBounds: false })
  })
})

describe('describeKernelPointers', () => {
  it('rewrites pointer notes, keeps stack and global ones, and drops pointees the program cannot read yet', () => {
    const c = context()
    const d = c.packet.data
    const tree: ValueView[] = [
      { name: 'iph', type: 'struct iphdr *', value: `0x${(d + 14).toString(16)}`, note: '→ process memory', children: [{ name: '*', type: 'struct iphdr', value: '{…}' }] },
      { name: 'tcph', type: 'struct tcphdr *', value: `0x${(d + 40).toString(16)}`, note: '→ process memory', children: [{ name: '*', type: 'struct tcphdr', value: '{…}' }] },
      { name: 'kp', type: '__u32 *', value: '0x9c40', note: "→ 'key' (local in prog)" },
      { name: 'none', type: 'int *', value: '0x0', note: 'NULL' },
      { name: 'n', type: 'int', value: '3' },
    ]
    describeKernelPointers(tree, c, (t) => ({ 'struct iphdr': 20, 'struct tcphdr': 20 })[t] ?? 0)
    expect(tree[0].note).toBe('packet + 14 (ctx->data + 14, IPv4 header)')
    expect(tree[0].children).toHaveLength(1)
    expect(tree[1].note).toMatch(/^packet \+ 40 .*run past data_end/)
    expect(tree[1].children).toBeUndefined()
    expect(tree[2].note).toBe("→ 'key' (local in prog)")
    expect(tree[3].note).toBe('NULL')
    expect(tree[4].note).toBeUndefined()
  })
})
