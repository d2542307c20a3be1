/**
 * The inspector's view of the kernel, refreshed at display rate (at most ~10 times a second,
 * only while the page is visible): map snapshots, the bpffs tree, live processes and the
 * failed calls found in the event log since the last look. The kernel's views are lock-free
 * and safe on the main thread. React sees a new state only when something changed, judged by a
 * cheap fingerprint (newest event, map ids and sizes, pins, processes), plus every refresh while
 * a program runs.
 */
import { create } from 'zustand'
import type { BpffsEntry, KernelEvent, MapSnapshot } from '../../kernel/api'
import type { Kernel } from '../../kernel/kernel'
import { useMachine } from '../machine/store'

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
}

const REFRESH_MS = 100
const MAX_FAILED = 200

const EMPTY: Omit<KernelView, 'bootN'> = { maps: [], bpffs: [], processes: [], failed: [], calls: 0, mapMeta: {} }

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
  let last = 0
  let raf = 0
  const refresh = () => {
    const machine = useMachine.getState()
    if (machine.kernel !== kernel) {
      kernel = machine.kernel
      lastSeq = 0
      fingerprint = ''
      useKernelView.setState({ bootN: machine.boot?.n ?? 0, ...EMPTY })
    }
    if (!kernel) return
    const maps = kernel.maps()
    const bpffs = kernel.bpffs()
    const processes = kernel.processes()
    const mapMeta = withMaps(useKernelView.getState().mapMeta, maps)
    const events = kernel.events(lastSeq)
    let failed: FailedCall[] | null = null
    if (events.length) {
      lastSeq = events[events.length - 1].seq
      const fresh: FailedCall[] = []
      for (const e of events) {
        if (e.ret >= 0) continue
        fresh.push({ seq: e.seq, origin: e.origin, op: e.op, pid: e.pid, errno: -e.ret, mapId: e.mapId, key: e.key, extra: e.extra })
      }
      if (fresh.length) failed = [...fresh.reverse(), ...useKernelView.getState().failed].slice(0, MAX_FAILED)
    }
    const fp = [
      lastSeq,
      maps.map((m) => `${m.id}:${m.entries.length}:${m.frozen ? 1 : 0}:${m.fds.length}:${m.pins.join(',')}`).join(';'),
      bpffs.map((e) => e.path).join(';'),
      processes.map((p) => p.pid).join(','),
    ].join('|')
    if (fp === fingerprint && !failed && machine.phase === 'idle') return
    fingerprint = fp
    useKernelView.setState({ maps, bpffs, processes, calls: lastSeq, mapMeta, ...(failed ? { failed } : {}) })
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
      useKernelView.setState((v) => ({ mapMeta: withMaps(v.mapMeta, snaps) }))
    }
    if (s.kernel !== prev.kernel || (s.phase === 'idle' && prev.phase !== 'idle')) refresh()
  })
  return () => {
    cancelAnimationFrame(raf)
    unsub()
  }
}
