/**
 * What a pointer of a stepped XDP program points to, in the words of someone reading the C:
 * `packet + 14 (ctx->data + 14, IPv4 header)`, `map value of 'xdp_stats_map' key 2 (CPU 1's
 * copy)`, `struct xdp_md of this packet (ctx)`. A BPF program runs in kernel memory, so the
 * userspace debugger's words ("local", "global", "heap block") only cover its stack and data
 * segment; everything else a program may hold a pointer to is described here: the packet (by
 * header, from the bytes as they are now, so a rewritten or moved packet reads right), the
 * values the program's own map lookups returned (recorded at the helper call, with the key it
 * passed), and its context.
 *
 * The stepping engine (step-cpu.ts) applies these words to the value trees the userspace
 * debugger built (src/runtime/debug-values.ts) at every pause: see `describeKernelPointers`.
 */
import { NULL_GUARD } from '../lang/abi'
import type { BpfMapDecl } from '../lang/api'
import type { ValueView } from '../runtime/debug-values'

/** One header (or the payload) of a packet: [start, end) in bytes from ctx->data. */
export interface PacketLayer {
  name: string
  start: number
  end: number
}

const ETH_HLEN = 14
const VLAN_TPIDS = new Set([0x8100, 0x88a8, 0x9100])

/**
 * The headers of a frame, outermost first, then its payload: Ethernet, VLAN tags, ARP / IPv4 /
 * IPv6, TCP / UDP / ICMP. Reads only bytes that are there; a truncated header ends the list.
 */
export function packetLayers(b: Uint8Array): PacketLayer[] {
  const out: PacketLayer[] = []
  const end = b.length
  const u16 = (at: number) => (b[at] << 8) | b[at + 1]
  if (end < ETH_HLEN) return end > 0 ? [{ name: 'truncated Ethernet header', start: 0, end }] : []
  out.push({ name: 'Ethernet header', start: 0, end: ETH_HLEN })
  let off = ETH_HLEN
  let type = u16(12)
  while (VLAN_TPIDS.has(type) && off + 4 <= end) {
    out.push({ name: 'VLAN tag', start: off, end: off + 4 })
    type = u16(off + 2)
    off += 4
  }
  let proto = -1
  if (type === 0x0800 && off + 20 <= end) {
    const ihl = (b[off] & 15) * 4
    const hl = ihl >= 20 && off + ihl <= end ? ihl : 20
    out.push({ name: 'IPv4 header', start: off, end: off + hl })
    proto = b[off + 9]
    off += hl
  } else if (type === 0x86dd && off + 40 <= end) {
    out.push({ name: 'IPv6 header', start: off, end: off + 40 })
    proto = b[off + 6]
    off += 40
  } else if (type === 0x0806 && off + 28 <= end) {
    out.push({ name: 'ARP packet', start: off, end: off + 28 })
    off += 28
  }
  const transport = (name: string, len: number) => {
    if (off + len > end) return false
    out.push({ name, start: off, end: off + len })
    off += len
    return true
  }
  if (proto === 6 && off + 20 <= end) {
    const doff = (b[off + 12] >> 4) * 4
    transport('TCP header', doff >= 20 && off + doff <= end ? doff : 20)
  } else if (proto === 17) transport('UDP header', 8)
  else if (proto === 1) transport('ICMP header', 8)
  else if (proto === 58) transport('ICMPv6 header', 8)
  if (off < end) out.push({ name: 'payload', start: off, end })
  return out
}

/** The packet as the program sees it at a pause (addresses are kernel addresses). */
export interface PacketNow {
  data: number
  dataEnd: number
  dataMeta: number
  /** The buffer: headroom from hardStart, room to grow up to hardEnd. */
  hardStart: number
  hardEnd: number
  layers: PacketLayer[]
}

/** A value a map lookup of the program returned. */
export interface LookupRecord {
  addr: number
  map: BpfMapDecl
  /** The key the program passed, as text ("2", "{saddr = 167772167}"). */
  key: string
  /** Per-CPU maps: whose copy. */
  cpu?: number
}

export interface KernelPointerContext {
  /** Kernel address of the packet's struct xdp_md. */
  ctxAddr: number
  packet: PacketNow
  lookups: readonly LookupRecord[]
  /** The CPU's stack for this program: [low, high). */
  stack: readonly [number, number]
  /** Kernel memory size (addresses at or past it are not addresses at all). */
  memorySize: number
}

const CTX_BYTES = 24

/**
 * Words for a pointer to kernel address `p` whose pointee has `size` bytes (0: unknown or void);
 * `inBounds` false when reading the pointee now would leave the memory the program may read
 * (past data_end: the verifier insists on a bounds check first).
 */
export function describeKernelAddress(c: KernelPointerContext, p: number, size: number): { note: string; inBounds: boolean } {
  if (p >= c.ctxAddr && p < c.ctxAddr + CTX_BYTES) {
    return { note: p === c.ctxAddr ? 'struct xdp_md of this packet (ctx)' : `ctx + ${p - c.ctxAddr}`, inBounds: true }
  }
  const pk = c.packet
  if (p >= pk.hardStart && p <= pk.hardEnd) return describePacketAddress(pk, p, size)
  // the latest lookup first: an earlier one may have returned the same value
  for (let i = c.lookups.length - 1; i >= 0; i--) {
    const l = c.lookups[i]
    if (p < l.addr || p >= l.addr + l.map.valueSize) continue
    const off = p - l.addr
    const copy = l.cpu === undefined ? '' : `, CPU ${l.cpu}'s copy`
    return { note: `map value of '${l.map.name}' key ${l.key}${copy}${off ? ` + ${off}` : ''}`, inBounds: off + size <= l.map.valueSize }
  }
  if (p >= c.stack[0] && p < c.stack[1]) return { note: "the program's stack", inBounds: true }
  if (p < NULL_GUARD || p >= c.memorySize) return { note: 'not a kernel address: dereferencing it aborts the packet', inBounds: false }
  return { note: 'kernel memory the program has no verified pointer to', inBounds: false }
}

function describePacketAddress(pk: PacketNow, p: number, size: number): { note: string; inBounds: boolean } {
  const off = p - pk.data
  const at = off === 0 ? 'packet' : off > 0 ? `packet + ${off}` : `packet - ${-off}`
  if (p === pk.dataEnd) return { note: `${at} (ctx->data_end: one past the last byte)`, inBounds: size === 0 }
  if (p > pk.dataEnd) return { note: `${at}: past ctx->data_end (${pk.dataEnd - pk.data} bytes)`, inBounds: false }
  if (p < pk.data) {
    const meta = p >= pk.dataMeta ? 'metadata' : 'headroom'
    return { note: `${at} (${meta}, before ctx->data)`, inBounds: p >= pk.dataMeta && p + size <= pk.data }
  }
  const layer = pk.layers.find((l) => off >= l.start && off < l.end)
  const where = layer ? (off === layer.start ? layer.name : `${layer.name} + ${off - layer.start}`) : ''
  const via = off === 0 ? 'ctx->data' : `ctx->data + ${off}`
  const past = p + size > pk.dataEnd
  const tail = past ? `; its ${size} bytes run past data_end: the program must check before reading them` : ''
  return { note: `${at} (${via}${where ? `, ${where}` : ''})${tail}`, inBounds: !past }
}

/** Size in bytes of what a pointer of C type `type` ("struct iphdr *") points to, from its decoded pointee. */
function pointeeBytes(v: ValueView, sizeOf: (typeName: string) => number): number {
  const inner = v.type.replace(/\s*\*$/, '')
  return sizeOf(inner)
}

/**
 * Rewrites, in place, the notes of the pointers of a decoded value tree that point into kernel
 * memory outside the program's stack variables and globals (those keep the userspace words:
 * "→ 'key' (local in xdp_prog)"). A pointee that cannot be read yet (past data_end) loses its
 * expansion, which would otherwise show bytes the program cannot see.
 */
export function describeKernelPointers(values: ValueView[], c: KernelPointerContext, sizeOf: (typeName: string) => number): void {
  for (const v of values) rewrite(v, c, sizeOf)
}

const KEEP = /^→ ('|global )/

function rewrite(v: ValueView, c: KernelPointerContext, sizeOf: (typeName: string) => number): void {
  if (v.type.endsWith('*') && v.note !== 'NULL' && v.note !== 'a function') {
    const m = /^0x[0-9a-f]+/.exec(v.value)
    if (m && !(v.note && KEEP.test(v.note))) {
      const p = parseInt(m[0], 16)
      const d = describeKernelAddress(c, p, pointeeBytes(v, sizeOf))
      v.note = d.note
      if (!d.inBounds) delete v.children
      if (p === c.ctxAddr && v.children?.[0]) annotateCtx(v.children[0], c)
    }
  }
  for (const k of v.children ?? []) rewrite(k, c, sizeOf)
}

/** struct xdp_md's data, data_end and data_meta hold packet addresses as __u32: say which. */
function annotateCtx(md: ValueView, c: KernelPointerContext): void {
  for (const f of md.children ?? []) {
    if (f.name !== 'data' && f.name !== 'data_end' && f.name !== 'data_meta') continue
    const p = Number(f.value)
    if (Number.isFinite(p)) f.note = describePacketAddress(c.packet, p, 0).note
  }
}
