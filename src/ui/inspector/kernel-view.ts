/**
 * The inspector's view of the kernel, refreshed at display rate (at most ~10 times a second,
 * only while the page is visible): map snapshots, the bpffs tree, live processes, and from the
 * event log since the last look the failed calls and the batch calls (for the cursor view).
 * The kernel's views are lock-free and safe on the main thread.
 *
 * A snapshot copies every element of every map, which for a 100,000-element hash map costs
 * 100-300 ms on the main thread. So a snapshot is taken only when something may have changed:
 * a new event in the log (every bpf() call and map helper call appends one), a process came or
 * went, a pin changed, or a program is running; plus one more look after activity stops (an XDP
 * program writes a value through the pointer a lookup returned, after the lookup's event).
 * Consecutive snapshots are spaced by at least 8 times what the last one cost, so a huge map
 * being filled keeps the page responsive, and an idle one costs nothing.
 */
import { create } from 'zustand'
import type { BpffsEntry, KernelEvent, MapSnapshot } from '../../kernel/api'
import type { Kernel } from '../../kernel/kernel'
import { useDebugger } from '../debugger/store'
import { useMachine } from '../machine/store'
import { xdpActive } from '../machine/xdp-store'
import { batchCallsOf, type BatchCall } from './batches'
import { forgetPrograms, useProgramTypes } from './program-types'

export interface FailedCall {
  seq: number
  origin: KernelEvent['origin']
  op: number
  pid: number
  errno: number
  mapId: number
  key: Uint8Array
  extra?: KernelEvent['extra']
}

export interface MapMeta {
  name: string
  type: number
  keySize: number
}

export interface KernelView {
  bootN: number
  maps: MapSnapshot[]
  bpffs: BpffsEntry[]
  processes: { pid: number; comm: string }[]
  /** Newest first. */
  failed: FailedCall[]
  /**
   * Every map seen this boot by id, including maps already freed: a failed call is often about
   * a map its program closed before the view looked (the worker reports those).
   */
  mapMeta: Record<number, MapMeta>
  /** Calls seen since boot (syscalls and helpers). */
  calls: number
  /** bpf_map_lookup_batch / lookup_and_delete_batch calls since boot, oldest first. */
  batches: BatchCall[]
  /** What the last snapshot cost (ms), and the spacing it imposes on the next ones. */
  snapshotMs: number
}

const REFRESH_MS = 100
/** Snapshots are at least this many times their own cost apart. */
const COST_FACTOR = 8
const MAX_SPACING_MS = 5000
/** While idle, cheap kernels are looked at this often anyway (a close() leaves no event). */
const IDLE_LOOK_MS = 1000
const CHEAP_SNAPSHOT_MS = 10
const MAX_FAILED = 200
const MAX_BATCHES = 500

const EMPTY: Omit<KernelView, 'bootN'> = { maps: [], bpffs: [], processes: [], failed: [], calls: 0, mapMeta: {}, batches: [], snapshotMs: 0 }

export const useKernelView = create<KernelView>()(() => ({ bootN: 0, ...EMPTY }))

/** Adds maps not yet known to the registry; returns the same object when nothing is new. */
function withMaps(meta: Record<number, MapMeta>, maps: MapSnapshot[]): Record<number, MapMeta> {
  let out = meta
  for (const m of maps) {
    if (out[m.id]?.name === m.name && out[m.id]?.type === m.type) continue
    if (out === meta) out = { ...meta }
    out[m.id] = { name: m.name, type: m.type, keySize: m.keySize }
  }
  return out
}

/** Starts refreshing from the machine's current kernel; returns a function that stops it. */
export function startKernelView(): () => void {
  let kernel: Kernel | null = null
  let lastSeq = 0
  let fingerprint = ''
  let cheap = ''
  let settle = false
  let lastSnapshot = -Infinity
  let spacing = REFRESH_MS
  let lastCost = 0
  let last = 0
  let raf = 0
  const refresh = (urgent = false) => {
    const machine = useMachine.getState()
    if (machine.kernel !== kernel) {
      kernel = machine.kernel
      lastSeq = 0
      fingerprint = ''
      cheap = ''
      settle = false
      lastSnapshot = -Infinity
      spacing = REFRESH_MS
      lastCost = 0
      forgetPrograms()
      useKernelView.setState({ bootN: machine.boot?.n ?? 0, ...EMPTY })
    }
    if (!kernel) return
    // a step back is restoring the kernel's memory: nothing in it is consistent until it pauses
    if (useDebugger.getState().rewinding) return
    const now = performance.now()
    if (!urgent && now - lastSnapshot < spacing) return
    const seqNow = kernel.eventLog.lastSeq()
    if (seqNow < lastSeq) {
      // the event log went back in time with the kernel (a step back): so do the calls seen
      lastSeq = seqNow
      const v = useKernelView.getState()
      useKernelView.setState({ failed: v.failed.filter((f) => f.seq <= seqNow), batches: v.batches.filter((b) => b.seq <= seqNow) })
    }
    const bpffs = kernel.bpffs()
    const processes = kernel.processes()
    const cheapNow = `${seqNow}|${processes.map((p) => p.pid).join(',')}|${bpffs.map((e) => e.path).join(';')}`
    const active = cheapNow !== cheap || machine.phase !== 'idle' || xdpActive()
    const idleLook = lastCost <= CHEAP_SNAPSHOT_MS && now - lastSnapshot >= IDLE_LOOK_MS
    if (!urgent && !active && !settle && !idleLook) return
    settle = active
    cheap = cheapNow

    const t0 = performance.now()
    const maps = kernel.maps()
    const cost = performance.now() - t0
    lastCost = cost
    lastSnapshot = performance.now()
    spacing = Math.min(MAX_SPACING_MS, Math.max(REFRESH_MS, cost * COST_FACTOR))
    useProgramTypes.getState().claimMaps(maps.map((m) => m.id))
    const mapMeta = withMaps(useKernelView.getState().mapMeta, maps)
    const events = kernel.events(lastSeq)
    let failed: FailedCall[] | null = null
    let batches: BatchCall[] | null = null
    if (events.length) {
      lastSeq = events[events.length - 1].seq
      const fresh: FailedCall[] = []
      for (const e of events) {
        if (e.ret >= 0) continue
        fresh.push({ seq: e.seq, origin: e.origin, op: e.op, pid: e.pid, errno: -e.ret, mapId: e.mapId, key: e.key, extra: e.extra })
      }
      if (fresh.length) failed = [...fresh.reverse(), ...useKernelView.getState().failed].slice(0, MAX_FAILED)
      const calls = batchCallsOf(events)
      if (calls.length) batches = [...useKernelView.getState().batches, ...calls].slice(-MAX_BATCHES)
    }
    const fp = [
      lastSeq,
      maps.map((m) => `${m.id}:${m.entries.length}:${m.frozen ? 1 : 0}:${m.fds.length}:${m.pins.join(',')}`).join(';'),
      bpffs.map((e) => e.path).join(';'),
      processes.map((p) => p.pid).join(','),
    ].join('|')
    if (fp === fingerprint && !failed && !batches && !active && !settle) return
    fingerprint = fp
    useKernelView.setState({ maps, bpffs, processes, calls: lastSeq, mapMeta, snapshotMs: cost, ...(failed ? { failed } : {}), ...(batches ? { batches } : {}) })
  }

  const loop = (t: number) => {
    if (t - last >= REFRESH_MS) {
      last = t
      refresh()
    }
    raf = requestAnimationFrame(loop)
  }
  raf = requestAnimationFrame(loop)
  // A run that ended or a reboot shows at once, not up to one refresh later.
  const unsub = useMachine.subscribe((s, prev) => {
    if (s.freed !== prev.freed && s.freed && s.kernel === kernel) {
      const snaps = s.freed.maps.map((f) => f.snap)
      useProgramTypes.getState().claimMaps(snaps.map((m) => m.id))
      useKernelView.setState((v) => ({ mapMeta: withMaps(v.mapMeta, snaps) }))
    }
    if (s.kernel !== prev.kernel || (s.phase === 'idle' && prev.phase !== 'idle')) refresh(true)
  })
  return () => {
    cancelAnimationFrame(raf)
    unsub()
  }
}
