/**
 * Single-packet stepping of an XDP program: one packet, on one simulated CPU, against the real
 * kernel (the maps and data segment of the loaded program, so a write through a map value
 * pointer changes the map every other view shows), paused at each line like the userspace
 * debugger. It is a CPU like cpu.ts's XdpCpu (the same helpers, struct xdp_md and fault rules)
 * built for a program compiled with hooks: 'statements', whose hooks it hands to the userspace
 * stepping engine (src/runtime/debugger.ts) through a small adapter: the engine reads the call
 * depth from frame records (which a stepped BPF program pushes: debug-info.ts), the memory
 * through a DataView of kernel memory, and names stack variables and globals through the same
 * UserObjects resolver a process has, laid over the CPU's stack and the program's data segment.
 *
 * At each pause the state is adjusted for kernel memory before `pause` sees it: globals are
 * read where the loaded program's data segment is (not where a process's would be), and
 * pointers into the packet, map values and ctx get their words (step-pointers.ts).
 *
 * The packet ends with the program's action, or XDP_ABORTED and a report for a fault (a bad
 * access, a helper call the verifier would refuse); Stop ends it without an action.
 */
import { CFault, type ProgramEnv, type ProgramExports } from '../lang/abi'
import type { Program, TypeDesc } from '../lang/api'
import { FRAME_RECORD_WORDS } from '../lang/debug-info'
import type { Kernel } from '../kernel/kernel'
import { MapType } from '../kernel/uapi'
import { sizeOfDesc, UserObjects } from '../runtime/asan-objects'
import { decodeValue, typeName, type DecodeContext } from '../runtime/debug-values'
import { Debugger, type DebugCommand, type DebugControl, type DebuggerOptions, type PauseState } from '../runtime/debugger'
import { Heap } from '../runtime/libc/heap'
import { Memory } from '../runtime/memory'
import { StopRequest, type Process } from '../runtime/process'
import { CPU_STACK_BYTES, faultMessage, faultPosition, XDP_ACTIONS } from './cpu'
import { bpfHelpers, type XdpPacketState } from './helpers'
import { pickEntry, type LoadedProgram } from './loader'
import { XDP_PACKET_HEADROOM } from './packets'
import { XDP_TAILROOM } from './rx-queue'
import { describeKernelPointers, packetLayers, type KernelPointerContext, type LookupRecord } from './step-pointers'
import { XDP_TRACE_FLAGS } from './trace'

const CTX_BYTES = 24
const XDP_ABORTED = 0
/** Smallest frame room of a buffer (an Ethernet frame with a VLAN tag), as the RX queues size them. */
const MIN_FRAME_ROOM = 1518
const PERCPU_MAPS = new Set<number>([MapType.PERCPU_ARRAY, MapType.PERCPU_HASH, MapType.LRU_PERCPU_HASH])

export interface StepPacketOptions {
  kernel: Kernel
  /** The loaded program's data segment and maps, with `program` compiled with hooks: 'statements'. */
  loaded: LoadedProgram
  /** Function to run (default: the first XDP program). */
  entry?: string
  cpu: number
  /** The frame (bytes from the Ethernet header on). */
  frame: Uint8Array
  /** Shared control words and breakpoint bytes (src/runtime/debug-control.ts). */
  control: DebugControl
  /** Receives each pause; returns the user's next command (blocks in a worker, plain in tests). */
  pause(state: PauseState): DebugCommand
  /** Start paused at the first line, or run to a line (default: run to the first breakpoint). */
  start?: DebuggerOptions
  trace?(line: string): void
  ingressIfindex?: number
}

export interface SteppedPacket {
  /** What the program returned (XDP_ABORTED after a fault); -1 when stopped. */
  action: number
  actionName: string
  /** The packet aborted: why, and the statement. */
  fault?: { message: string; where?: string }
  /** Stop was pressed: the program did not finish. */
  stopped?: boolean
}

/** The part of a Process the stepping engine reads (debugger.ts's `proc`). */
type Debuggee = Pick<Process, 'frames' | 'mem' | 'objects' | 'flush' | 'pid'>

/** Runs the program over one packet, pausing as `control` and `start` say; never throws for the program's faults. */
export function stepPacket(opts: StepPacketOptions): SteppedPacket {
  const { kernel, loaded, cpu } = opts
  const program = loaded.program
  const entry = pickEntry(loaded, opts.entry)
  const room = Math.max(opts.frame.length, MIN_FRAME_ROOM)
  const stackBase = kernel.kmalloc(CPU_STACK_BYTES + CTX_BYTES, 16)
  const buf = kernel.kmalloc(XDP_PACKET_HEADROOM + room + XDP_TAILROOM, 64)
  if (stackBase === 0 || buf === 0) {
    if (stackBase) kernel.kfree(stackBase)
    if (buf) kernel.kfree(buf)
    throw new Error('kernel out of memory for a stepped packet')
  }
  try {
    const stackTop = stackBase + CPU_STACK_BYTES
    const ctxAddr = stackTop
    const data = buf + XDP_PACKET_HEADROOM
    const u8 = new Uint8Array(kernel.sab)
    u8.fill(0, buf, buf + XDP_PACKET_HEADROOM + room + XDP_TAILROOM)
    u8.set(opts.frame, data)
    const packet: XdpPacketState = { ctxAddr, hardStart: buf, hardEnd: data + room }
    const u32 = new Uint32Array(kernel.sab, ctxAddr, CTX_BYTES / 4)
    u32.set([data, data + opts.frame.length, data, opts.ingressIfindex ?? 2, cpu, 0])

    // The map values the program's lookups return, with the key it passed (step-pointers.ts).
    const lookups: LookupRecord[] = []
    const helpers = bpfHelpers({
      kernel,
      cpu,
      maps: loaded.maps,
      ktimeNs: () => BigInt(kernel.ktimeNs()),
      prandomU32: () => (Math.random() * 2 ** 32) >>> 0,
      trace: opts.trace ?? (() => {}),
      traceComm: '<idle>',
      tracePid: 0,
      traceFlags: XDP_TRACE_FLAGS,
      packet,
    })
    const mem = new Memory(kernel.sab)
    const keyText = keyFormatter(program, mem)
    const mapAt = (slot: number) => loaded.maps.find((m) => m.slotAddr === slot)
    const lookup = helpers.bpf_map_lookup_elem
    helpers.bpf_map_lookup_elem = (map: number, key: number) => {
      const r = lookup(map, key) as number
      const m = mapAt(map)
      if (r !== 0 && m) lookups.push({ addr: r, map: m.decl, key: keyText(m.decl, key), cpu: PERCPU_MAPS.has(m.decl.type) ? cpu : undefined })
      return r
    }
    const lookupPercpu = helpers.bpf_map_lookup_percpu_elem
    helpers.bpf_map_lookup_percpu_elem = (map: number, key: number, target: number | bigint) => {
      const r = lookupPercpu(map, key, target) as number
      const m = mapAt(map)
      if (r !== 0 && m) lookups.push({ addr: r, map: m.decl, key: keyText(m.decl, key), cpu: Number(target) })
      return r
    }

    const frames = new Int32Array(FRAME_RECORD_WORDS)
    const objects = new UserObjects(program, {
      dataBase: loaded.dataBase,
      dataEnd: loaded.dataBase + program.data.length,
      heap: new Heap(mem, stackBase, stackBase), // BPF programs have no heap
      stackLimit: stackBase,
      stackTop,
      frames,
    })
    const debuggee: Debuggee = { frames, mem, objects, flush: () => {}, pid: 0 }
    const sizes = typeSizes(program)
    const pointerContext = (): KernelPointerContext => {
      const [d, dEnd, dMeta] = u32
      return {
        ctxAddr,
        packet: { data: d, dataEnd: dEnd, dataMeta: dMeta, hardStart: packet.hardStart, hardEnd: packet.hardEnd, layers: dEnd > d ? packetLayers(u8.subarray(d, dEnd)) : [] },
        lookups,
        stack: [stackBase, stackTop],
        memorySize: kernel.sab.byteLength,
      }
    }
    const decodeCtx: DecodeContext = { dv: mem.dv, size: mem.size, objects, program }
    const globals = program.globals.filter((g) => !g.section)
    const pause = (state: PauseState): DebugCommand => {
      // the data segment is the loaded program's, in kernel memory
      state.globals = globals.map((g) => decodeValue(decodeCtx, g.name, g.type, { addr: loaded.dataBase + g.offset }))
      const c = pointerContext()
      for (const f of state.stack) describeKernelPointers(f.locals, c, sizes)
      describeKernelPointers(state.globals, c, sizes)
      return opts.pause(state)
    }
    const debug = new Debugger(program, opts.control, pause, opts.start ?? {})
    const env: ProgramEnv = {
      dv: mem.dv,
      buffer: kernel.sab,
      dataBase: loaded.dataBase,
      stackTop,
      stackLimit: stackBase,
      imports: helpers,
      ctl: opts.control.ctl,
      trap: (sid, scope, values) => debug.trap(sid, debuggee as Process, scope, values),
      frames,
      CFault,
    }
    const exports = (new Function('$env', program.code) as (env: ProgramEnv) => ProgramExports)(env)
    const fn = exports[entry.name]
    if (typeof fn !== 'function') throw new Error(`compiled program has no function ${entry.name}`)
    let action: number
    try {
      action = Number(fn(ctxAddr))
    } catch (e) {
      if (e instanceof StopRequest) return { action: -1, actionName: 'stopped', stopped: true }
      return { action: XDP_ABORTED, actionName: XDP_ACTIONS[XDP_ABORTED], fault: { message: faultMessage(e), where: faultPosition(program, e) } }
    }
    if (!(action >= 0 && action <= 4 && action === (action | 0))) {
      // the driver warns (bpf_warn_invalid_xdp_action) and drops the packet as on XDP_ABORTED
      return { action: XDP_ABORTED, actionName: XDP_ACTIONS[XDP_ABORTED], fault: { message: `invalid XDP action ${action}: the driver warns and drops the packet` } }
    }
    return { action, actionName: XDP_ACTIONS[action] }
  } finally {
    kernel.kfree(buf)
    kernel.kfree(stackBase)
  }
}

/** The key a lookup passed, decoded with the map's key type ("2", "{saddr = ...}"), or its bytes in hex. */
function keyFormatter(program: Program, mem: Memory): (map: Program['maps'][number], keyAddr: number) => string {
  const ctx: DecodeContext = { dv: mem.dv, size: mem.size, objects: new UserObjects(program, { dataBase: 0, dataEnd: 0, heap: new Heap(mem, 0, 0), stackLimit: 0, stackTop: 0, frames: new Int32Array(2) }), program }
  return (map, keyAddr) => {
    if (!(keyAddr >= 4096 && keyAddr + map.keySize <= mem.size)) return '?'
    if (map.keyType && sizeOfDesc(map.keyType) === map.keySize) return decodeValue(ctx, 'key', map.keyType, { addr: keyAddr }, 0).value
    return [...mem.u8.subarray(keyAddr, keyAddr + map.keySize)].map((b) => b.toString(16).padStart(2, '0')).join(' ')
  }
}

/** sizeof of every type the program's variables use, by C spelling (pointer notes need the pointee's size). */
function typeSizes(program: Program): (name: string) => number {
  const sizes = new Map<string, number>()
  const visit = (t: TypeDesc, depth: number) => {
    const n = typeName(t)
    if (sizes.has(n) || depth > 8) return
    sizes.set(n, sizeOfDesc(t))
    if (t.kind === 'pointer') visit(t.to, depth + 1)
    else if (t.kind === 'array') visit(t.of, depth + 1)
    else if (t.kind === 'struct' || t.kind === 'union') for (const f of t.fields) visit(f.type, depth + 1)
  }
  for (const f of program.debug?.functions ?? []) for (const v of f.vars) visit(v.type, 0)
  for (const g of program.globals) visit(g.type, 0)
  return (name) => sizes.get(name) ?? 0
}
