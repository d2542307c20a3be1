/**
 * The BPF helpers an XDP program calls, as imports of the compiled program (src/lang/abi.ts):
 * pointers arrive as numbers (kernel addresses: the program runs in the kernel's
 * SharedArrayBuffer), 64-bit arguments as bigint. Every helper is a thin call into the kernel's
 * program-side API (progMapLookup, progMapUpdate, ...), bound to the CPU it runs on, so a
 * lookup returns the address of the value itself (the running CPU's copy for per-CPU maps) and
 * the program writes through it, as on Linux.
 *
 * Arguments the verifier would have refused (a `map` that is not a map, a key pointer outside
 * memory) raise a HelperFault: the CPU aborts that packet (XDP_ABORTED) and reports it.
 *
 * bpf_map_lookup_elem is the helper of nearly every packet, so it skips the kernel's generic
 * entry: the program holds its maps, so each map's lookup is bound to it once (boundLookup: an
 * ARRAY or PERCPU_ARRAY lookup is then index * element size, any other map goes straight to its
 * ops). A call site that passes `&map` calls that bound lookup directly, from when the CPU
 * instantiates the program (bpfHelperBinder, ProgramEnv.bindImport): no search for the map, no
 * dispatch on its type, as the verifier's map_gen_lookup inlines an ARRAY lookup.
 */
import type { ImportFn } from '../lang/abi'
import { BpfFunc, type Kernel } from '../kernel/kernel'
import type { MapDesc } from '../kernel/maps/desc'
import { Errno, MapType } from '../kernel/uapi'
import type { LoadedMap } from './loader'
import { bpfFormat, traceLine, type TraceMemory } from './trace'

/** A helper was called with arguments the verifier would have rejected. */
export class HelperFault extends Error {}

/** The packet being processed, as the adjust/load/store helpers need it. */
export interface XdpPacketState {
  /** Kernel address of this CPU's `struct xdp_md`. */
  ctxAddr: number
  /** First byte of the buffer (headroom starts here) and one past its last usable byte. */
  hardStart: number
  hardEnd: number
}

export interface HelperEnv {
  kernel: Kernel
  cpu: number
  maps: readonly LoadedMap[]
  /** bpf_ktime_get_ns (real kernel clock, or the reproducible scheduler's). */
  ktimeNs(): bigint
  /** bpf_get_prandom_u32. */
  prandomU32(): number
  /** Receives one trace_pipe line per bpf_trace_printk (the message may end in '\n'). */
  trace(line: string): void
  /** comm and pid shown in trace lines (XDP runs in softirq: usually <idle>-0). */
  traceComm: string
  tracePid: number
  traceFlags: string
  packet: XdpPacketState
  /** Called before every helper: the reproducible scheduler may run another CPU there. */
  beforeHelper?: () => void
}

const ETH_HLEN = 14
/** sizeof(struct xdp_frame), kept free at the start of the buffer (bpf_xdp_adjust_head). */
const XDP_FRAME_SIZE = 40
const XDP_META_MAX = 32
const XDP_ABORTED = 0
const XDP_REDIRECT = 4

/** The helpers by C name. Unknown names are absent: the loader reports them. */
export function bpfHelpers(env: HelperEnv): Record<string, ImportFn> {
  const { kernel, cpu } = env
  const sabBytes = kernel.sab.byteLength
  const u8 = new Uint8Array(kernel.sab)
  const dv = new DataView(kernel.sab)
  const slots = env.maps.map((m) => m.slotAddr)
  const ids = env.maps.map((m) => m.id)
  const keySizes = env.maps.map((m) => m.decl.keySize)
  const valueSizes = env.maps.map((m) => m.decl.valueSize)
  const before = env.beforeHelper
  const log = kernel.eventLog
  const LOOKUP = BpfFunc.map_lookup_elem
  // Descriptors of the program's maps (null: not live, left to the kernel's entry to report).
  const descs = ids.map((id): MapDesc | null => {
    const slot = kernel.mapTable.slotOfId(id)
    return slot < 0 ? null : kernel.mapTable.desc(slot)
  })
  // Each map's lookup bound to it (the same ones call sites with &map get: bpfHelperBinder)
  const lookups = env.maps.map((m) => boundLookup(env, m))

  // (the checks are small enough to inline into every helper; their faults are built apart)
  const notAMap = (addr: number, helper: string): never => {
    throw new HelperFault(`${helper}: R1 is not a map pointer (0x${Math.max(0, addr).toString(16)}): pass &map_name`)
  }
  const badPointer = (addr: number, len: number, what: string, helper: string): never => {
    throw new HelperFault(`${helper}: invalid ${what} pointer 0x${Math.max(0, addr).toString(16)} (${len} bytes)`)
  }
  /** Index of the map whose slot `addr` is; the verifier only lets map pointers through. */
  const mapIndex = (addr: number, helper: string): number => {
    for (let i = 0; i < slots.length; i++) if (slots[i] === addr) return i
    return notAMap(addr, helper)
  }
  const check = (addr: number, len: number, what: string, helper: string): void => {
    if (!(addr >= 4096 && addr + len <= sabBytes)) badPointer(addr, len, what, helper)
  }
  const num = (v: number | bigint): number => (typeof v === 'bigint' ? Number(BigInt.asUintN(64, v)) : v)

  const traceMem: TraceMemory = {
    bytes: (addr, len) => (addr >= 4096 && addr + len <= sabBytes ? u8.subarray(addr, addr + len) : null),
    cstring: (addr, max) => {
      if (!(addr >= 4096 && addr < sabBytes)) return null
      let end = addr
      while (end < sabBytes && end - addr < max && u8[end] !== 0) end++
      return u8.subarray(addr, end)
    },
  }
  const emit = (fmtAddr: number, fmtSize: number, args: bigint[], maxArgs: number, helper: string): number => {
    const size = num(fmtSize)
    check(fmtAddr, size, 'format', helper)
    const text = bpfFormat(u8.subarray(fmtAddr, fmtAddr + size), args, maxArgs, traceMem)
    if (typeof text === 'number') return text
    env.trace(traceLine({ comm: env.traceComm, pid: env.tracePid, cpu, flags: env.traceFlags, timeNs: env.ktimeNs() }, text))
    return text.length
  }
  /** Variadic imports get (fixed..., types, values); a helper declared without a prototype gets the values directly. */
  const varArgs = (rest: unknown[]): bigint[] => {
    const vals = typeof rest[0] === 'string' && Array.isArray(rest[1]) ? (rest[1] as unknown[]) : rest
    return vals.map((v) => (typeof v === 'bigint' ? BigInt.asUintN(64, v) : BigInt.asUintN(64, BigInt(Math.trunc(Number(v) || 0)))))
  }

  // struct xdp_md field offsets
  const ctx = env.packet
  const rd = (off: number) => dv.getUint32(ctx.ctxAddr + off, true)
  const wr = (off: number, v: number) => dv.setUint32(ctx.ctxAddr + off, v, true)
  const DATA = 0
  const DATA_END = 4
  const DATA_META = 8

  return {
    bpf_map_lookup_elem: (map: number, key: number) => {
      const bound = lookups[slots.indexOf(map)]
      if (bound !== undefined) return bound(map, key)
      // not one of the program's maps (faults), not live, or a queue / stack (no lookup: NULL)
      if (before) before()
      const i = mapIndex(map, 'bpf_map_lookup_elem')
      check(key, keySizes[i], 'key', 'bpf_map_lookup_elem')
      const m = descs[i]
      if (m === null) return kernel.progMapLookup(ids[i], key, cpu)
      log.appendHelper(cpu, LOOKUP, ids[i], 0, key, m.keySize)
      return 0
    },
    bpf_map_update_elem: (map: number, key: number, value: number, flags: number | bigint) => {
      if (before) before()
      const i = mapIndex(map, 'bpf_map_update_elem')
      check(key, keySizes[i], 'key', 'bpf_map_update_elem')
      check(value, valueSizes[i], 'value', 'bpf_map_update_elem')
      return kernel.progMapUpdate(ids[i], key, value, num(flags), cpu)
    },
    bpf_map_delete_elem: (map: number, key: number) => {
      if (before) before()
      const i = mapIndex(map, 'bpf_map_delete_elem')
      check(key, keySizes[i], 'key', 'bpf_map_delete_elem')
      return kernel.progMapDelete(ids[i], key, cpu)
    },
    bpf_map_push_elem: (map: number, value: number, flags: number | bigint) => {
      if (before) before()
      const i = mapIndex(map, 'bpf_map_push_elem')
      check(value, valueSizes[i], 'value', 'bpf_map_push_elem')
      return kernel.progMapPush(ids[i], value, num(flags), cpu)
    },
    bpf_map_pop_elem: (map: number, value: number) => {
      if (before) before()
      const i = mapIndex(map, 'bpf_map_pop_elem')
      check(value, valueSizes[i], 'value', 'bpf_map_pop_elem')
      return kernel.progMapPop(ids[i], value, cpu)
    },
    bpf_map_peek_elem: (map: number, value: number) => {
      if (before) before()
      const i = mapIndex(map, 'bpf_map_peek_elem')
      check(value, valueSizes[i], 'value', 'bpf_map_peek_elem')
      return kernel.progMapPeek(ids[i], value, cpu)
    },
    bpf_map_lookup_percpu_elem: (map: number, key: number, target: number | bigint) => {
      if (before) before()
      const i = mapIndex(map, 'bpf_map_lookup_percpu_elem')
      check(key, keySizes[i], 'key', 'bpf_map_lookup_percpu_elem')
      return kernel.progMapLookupPercpu(ids[i], key, cpu, num(target))
    },
    bpf_get_smp_processor_id: () => cpu,
    bpf_get_numa_node_id: () => 0,
    bpf_ktime_get_ns: () => env.ktimeNs(),
    bpf_ktime_get_boot_ns: () => env.ktimeNs(),
    bpf_ktime_get_coarse_ns: () => env.ktimeNs(),
    bpf_get_prandom_u32: () => env.prandomU32() >>> 0,
    bpf_trace_printk: (fmt: number, fmtSize: number | bigint, ...rest: unknown[]) => emit(fmt, num(fmtSize), varArgs(rest), 3, 'bpf_trace_printk'),
    bpf_trace_vprintk: (fmt: number, fmtSize: number | bigint, data: number, dataLen: number | bigint) => {
      const len = num(dataLen)
      if (len % 8 !== 0 || len > 12 * 8 || (len > 0 && data === 0)) return -Errno.EINVAL
      if (len > 0) check(data, len, 'data', 'bpf_trace_vprintk')
      const args: bigint[] = []
      for (let i = 0; i < len / 8; i++) args.push(dv.getBigUint64(data + 8 * i, true))
      return emit(fmt, num(fmtSize), args, len / 8, 'bpf_trace_vprintk')
    },
    bpf_redirect: (_ifindex: number, flags: number | bigint) => (num(flags) !== 0 ? XDP_ABORTED : XDP_REDIRECT),
    bpf_xdp_adjust_head: (_xdp: number, delta: number) => {
      const data = rd(DATA)
      const meta = rd(DATA_META)
      const metalen = data - meta
      const next = data + (delta | 0)
      if (next < ctx.hardStart + XDP_FRAME_SIZE + metalen || next > rd(DATA_END) - ETH_HLEN) return -Errno.EINVAL
      if (metalen > 0) u8.copyWithin(meta + delta, meta, data)
      wr(DATA_META, meta + delta)
      wr(DATA, next)
      return 0
    },
    bpf_xdp_adjust_tail: (_xdp: number, delta: number) => {
      const end = rd(DATA_END)
      const next = end + (delta | 0)
      if (next > ctx.hardEnd || next < rd(DATA) + ETH_HLEN) return -Errno.EINVAL
      if (delta > 0) u8.fill(0, end, next)
      wr(DATA_END, next)
      return 0
    },
    bpf_xdp_adjust_meta: (_xdp: number, delta: number) => {
      const data = rd(DATA)
      const meta = rd(DATA_META) + (delta | 0)
      const metalen = data - meta
      if (meta < ctx.hardStart + XDP_FRAME_SIZE || meta > data || metalen > XDP_META_MAX || (metalen & 3) !== 0) return -Errno.EACCES
      wr(DATA_META, meta)
      return 0
    },
    bpf_xdp_get_buff_len: () => BigInt(rd(DATA_END) - rd(DATA)),
    bpf_xdp_load_bytes: (_xdp: number, offset: number, buf: number, len: number) => {
      const data = rd(DATA)
      if (offset < 0 || len <= 0 || data + offset + len > rd(DATA_END)) return -Errno.EINVAL
      check(buf, len, 'buffer', 'bpf_xdp_load_bytes')
      u8.copyWithin(buf, data + offset, data + offset + len)
      return 0
    },
    bpf_xdp_store_bytes: (_xdp: number, offset: number, buf: number, len: number) => {
      const data = rd(DATA)
      if (offset < 0 || len <= 0 || data + offset + len > rd(DATA_END)) return -Errno.EINVAL
      check(buf, len, 'buffer', 'bpf_xdp_store_bytes')
      u8.copyWithin(data + offset, buf, buf + len)
      return 0
    },
  }
}

/**
 * ProgramEnv.bindImport for a CPU: `bpf_map_lookup_elem(&map, key)` sites get the lookup bound to
 * that map (boundLookup). Anything else, including an address that is not one of the program's
 * maps (the generic helper faults on it), keeps the generic helper.
 */
export function bpfHelperBinder(env: HelperEnv): (name: string, firstArg: number) => ImportFn | undefined {
  return (name, firstArg) => {
    if (name !== 'bpf_map_lookup_elem') return undefined
    const map = env.maps.find((m) => m.slotAddr === firstArg)
    return map === undefined ? undefined : boundLookup(env, map)
  }
}

/**
 * bpf_map_lookup_elem bound to one of the program's maps, for the CPU of `env`: an ARRAY /
 * PERCPU_ARRAY lookup is a bounds check and index * stride from this CPU's values (as the
 * verifier's map_gen_lookup inlines it); any other map calls its ops directly. The call is
 * logged as kernel.progMapLookup logs it. undefined when the map is not live or has no lookup
 * (queue, stack): the generic helper handles those.
 */
function boundLookup(env: HelperEnv, map: LoadedMap): ImportFn | undefined {
  const { kernel, cpu } = env
  const slot = kernel.mapTable.slotOfId(map.id)
  if (slot < 0) return undefined
  const m = kernel.mapTable.desc(slot)
  if (m.ops.queueLike) return undefined
  const mem = kernel.mem
  const i32 = mem.i32
  const dv = new DataView(kernel.sab)
  const ring = kernel.eventLog.helperRing(cpu)
  const LOOKUP = BpfFunc.map_lookup_elem
  const before = env.beforeHelper
  const id = map.id
  const keySize = map.decl.keySize
  const lastKeyByte = kernel.sab.byteLength - keySize
  const badKey = (addr: number): never => {
    throw new HelperFault(`bpf_map_lookup_elem: invalid key pointer 0x${Math.max(0, addr).toString(16)} (${keySize} bytes)`)
  }
  // (kept small: V8 inlines it into the program only within a budget of bytecode)
  const record = (r: number, key: number): void => ring.append(LOOKUP, id, r, key, keySize)
  let lookup: ImportFn
  if (m.type === MapType.ARRAY || m.type === MapType.PERCPU_ARRAY) {
    const entries = m.maxEntries
    const per = m.percpu ? m.pcpuStride * mem.ncpu : m.stride
    const base = m.percpu ? m.data + cpu * m.pcpuStride : m.data
    lookup = (_map: number, key: number) => {
      if (!(key >= 4096 && key <= lastKeyByte)) badKey(key)
      const index = (key & 3) === 0 ? i32[key >> 2] >>> 0 : dv.getUint32(key, true)
      const r = index < entries ? base + index * per : 0
      if (ring.countOnly === true) ring.n++
      else record(r, key)
      return r
    }
  } else {
    const ops = m.ops
    const find = ops.boundProgLookup?.(mem, m, cpu) ?? ((keyAddr: number) => ops.progLookup(mem, m, keyAddr, cpu))
    lookup = (_map: number, key: number) => {
      if (!(key >= 4096 && key <= lastKeyByte)) badKey(key)
      const r = find(key)
      if (ring.countOnly === true) ring.n++
      else record(r, key)
      return r
    }
  }
  if (before === undefined) return lookup
  return (map: number, key: number) => {
    before()
    return lookup(map, key)
  }
}

/** Names of the helpers bpfplay implements (the loader reports calls to any other). */
export const HELPER_NAMES: readonly string[] = [
  'bpf_map_lookup_elem',
  'bpf_map_update_elem',
  'bpf_map_delete_elem',
  'bpf_map_push_elem',
  'bpf_map_pop_elem',
  'bpf_map_peek_elem',
  'bpf_map_lookup_percpu_elem',
  'bpf_get_smp_processor_id',
  'bpf_get_numa_node_id',
  'bpf_ktime_get_ns',
  'bpf_ktime_get_boot_ns',
  'bpf_ktime_get_coarse_ns',
  'bpf_get_prandom_u32',
  'bpf_trace_printk',
  'bpf_trace_vprintk',
  'bpf_redirect',
  'bpf_xdp_adjust_head',
  'bpf_xdp_adjust_tail',
  'bpf_xdp_adjust_meta',
  'bpf_xdp_get_buff_len',
  'bpf_xdp_load_bytes',
  'bpf_xdp_store_bytes',
]
