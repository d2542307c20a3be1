/**
 * Every bpf() call that failed since boot, newest first: the call, the errno with its name and
 * strerror() text, the map it was about, and why the kernel refused it for that map type. A
 * write refused because the map is frozen carries a lock; a link from the map's freeze banner
 * scrolls to its entry and marks it.
 */
import { useEffect, useRef } from 'react'
import { BpfCmd } from '../../kernel/uapi'
import { hex, intText, keyOfEvent } from './decode'
import { explainFailure, isEndOfWalk } from './explain'
import { isRefusedWrite } from './FreezeBanner'
import { useMachine } from '../machine/store'
import type { FailedCall, MapMeta } from './kernel-view'
import { cmdName, errnoLabel, errnoText, helperName, libbpfName, mapTypeName } from './names'

const KEYED = new Set<number>([BpfCmd.MAP_LOOKUP_ELEM, BpfCmd.MAP_UPDATE_ELEM, BpfCmd.MAP_DELETE_ELEM, BpfCmd.MAP_GET_NEXT_KEY, BpfCmd.MAP_LOOKUP_AND_DELETE_ELEM])

function FailedItem({ f, map, comm, focused, frozen }: { f: FailedCall; map?: MapMeta; comm?: string; focused: boolean; frozen: boolean }) {
  const ref = useRef<HTMLLIElement>(null)
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'center' })
  }, [focused])
  const isSyscall = f.origin === 'syscall'
  // On a map known to be frozen, an EPERM write has one cause.
  const why = frozen && isRefusedWrite(f)
    ? 'the map is frozen: bpf_map_freeze() took write access away from userspace for good (lookups still work, BPF programs can still write)'
    : isSyscall
      ? explainFailure(f.op, f.errno, map?.type)
      : null
  const key = keyOfEvent(f.key, map?.keySize)
  const showKey = isSyscall && KEYED.has(f.op) && key.length > 0
  const benign = isSyscall && isEndOfWalk(f.op, f.errno)
  return (
    <li ref={ref} className={`failed ${benign ? 'failed-benign' : ''} ${focused ? 'failed-focus' : ''}`} data-errno={errnoLabel(f.errno)} data-seq={f.seq}>
      <div className="failed-head">
        <span className="mono strong">{isSyscall ? libbpfName(f.op) : helperName(f.op)}</span>
        <span className="errno-chip" title={`errno ${f.errno}`}>
          {errnoLabel(f.errno)}
        </span>
        <span className="muted">{errnoText(f.errno)}</span>
        {benign && <span className="chip chip-muted">end of walk</span>}
        {frozen && isRefusedWrite(f) && (
          <span className="chip chip-frozen" title="The map is frozen (bpf_map_freeze): userspace writes fail with EPERM">
            <svg width="11" height="11" viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="chip-lock">
              <rect x="3" y="7" width="10" height="7.5" rx="1.5" fill="currentColor" />
              <path d="M5.2 7V5a2.8 2.8 0 0 1 5.6 0v2" fill="none" stroke="currentColor" strokeWidth="1.8" />
            </svg>
            frozen map
          </span>
        )}
      </div>
      <div className="failed-meta small muted">
        {isSyscall ? cmdName(f.op) : 'BPF helper'}
        {f.mapId > 0 && (
          <>
            {' · map '}
            {f.mapId}
            {map?.name ? ` “${map.name}”` : ''}
            {map ? ` (${mapTypeName(map.type)})` : ''}
          </>
        )}
        {showKey && ` · key ${intText(key) ?? hex(key)}`}
        {f.extra?.count !== undefined && ` · count ${f.extra.count}`}
        {f.extra?.outBatch !== undefined && ` · out_batch ${f.extra.outBatch}`}
        {` · pid ${f.pid}${comm ? ` (${comm})` : ''}`}
      </div>
      {why && <p className="failed-why">{why}.</p>}
    </li>
  )
}

export function FailedCalls({ failed, mapMeta, focus = null, frozenIds }: { failed: FailedCall[]; mapMeta: Record<number, MapMeta>; focus?: number | null; frozenIds?: Set<number> }) {
  const comms = useMachine((s) => s.comms)
  if (failed.length === 0) {
    return (
      <p className="empty">
        No bpf() call has failed since boot. When one does, it is listed here with its errno and why the kernel returned it for that map type.
      </p>
    )
  }
  return (
    <ul className="failed-list" aria-label="Failed calls">
      {failed.map((f) => (
        <FailedItem
          key={f.seq}
          f={f}
          map={f.mapId > 0 ? mapMeta[f.mapId] : undefined}
          comm={comms[f.pid]}
          focused={focus === f.seq}
          frozen={f.origin === 'syscall' && (frozenIds?.has(f.mapId) ?? false)}
        />
      ))}
    </ul>
  )
}
