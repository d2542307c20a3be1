/**
 * Every bpf() call that failed since boot, newest first: the call, the errno with its name and
 * strerror() text, the map it was about, and why the kernel refused it for that map type.
 */
import { BpfCmd } from '../../kernel/uapi'
import { hex, intText, keyOfEvent } from './decode'
import { explainFailure, isEndOfWalk } from './explain'
import { useMachine } from '../machine/store'
import type { FailedCall, MapMeta } from './kernel-view'
import { cmdName, errnoLabel, errnoText, helperName, libbpfName, mapTypeName } from './names'

const KEYED = new Set<number>([BpfCmd.MAP_LOOKUP_ELEM, BpfCmd.MAP_UPDATE_ELEM, BpfCmd.MAP_DELETE_ELEM, BpfCmd.MAP_GET_NEXT_KEY, BpfCmd.MAP_LOOKUP_AND_DELETE_ELEM])

function FailedItem({ f, map, comm }: { f: FailedCall; map?: MapMeta; comm?: string }) {
  const isSyscall = f.origin === 'syscall'
  const why = isSyscall ? explainFailure(f.op, f.errno, map?.type) : null
  const key = keyOfEvent(f.key, map?.keySize)
  const showKey = isSyscall && KEYED.has(f.op) && key.length > 0
  const benign = isSyscall && isEndOfWalk(f.op, f.errno)
  return (
    <li className={`failed ${benign ? 'failed-benign' : ''}`} data-errno={errnoLabel(f.errno)}>
      <div className="failed-head">
        <span className="mono strong">{isSyscall ? libbpfName(f.op) : helperName(f.op)}</span>
        <span className="errno-chip" title={`errno ${f.errno}`}>
          {errnoLabel(f.errno)}
        </span>
        <span className="muted">{errnoText(f.errno)}</span>
        {benign && <span className="chip chip-muted">end of walk</span>}
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

export function FailedCalls({ failed, mapMeta }: { failed: FailedCall[]; mapMeta: Record<number, MapMeta> }) {
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
        <FailedItem key={f.seq} f={f} map={f.mapId > 0 ? mapMeta[f.mapId] : undefined} comm={comms[f.pid]} />
      ))}
    </ul>
  )
}
