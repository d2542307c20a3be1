/**
 * A frozen map's banner: what bpf_map_freeze() did (userspace can no longer write: update,
 * delete and the batch writes fail with EPERM; BPF programs still can), and the writes the
 * kernel has refused since, each linked to its entry in the failed-calls list.
 */
import type { MapSnapshot } from '../../kernel/api'
import { BpfCmd, Errno } from '../../kernel/uapi'
import '../styles/inspector.css'
import { hex, intText, keyOfEvent } from './decode'
import type { FailedCall } from './kernel-view'
import { libbpfName } from './names'

const WRITES = new Set<number>([BpfCmd.MAP_UPDATE_ELEM, BpfCmd.MAP_DELETE_ELEM, BpfCmd.MAP_LOOKUP_AND_DELETE_ELEM, BpfCmd.MAP_UPDATE_BATCH, BpfCmd.MAP_DELETE_BATCH, BpfCmd.MAP_LOOKUP_AND_DELETE_BATCH])
const SHOWN = 6

/** A userspace write the kernel refused with EPERM (on a frozen map: because of the freeze). */
export function isRefusedWrite(f: FailedCall): boolean {
  return f.origin === 'syscall' && f.errno === Errno.EPERM && WRITES.has(f.op)
}

/** Writes to this map the kernel refused with EPERM, newest first. */
export function refusedWrites(map: Pick<MapSnapshot, 'id'>, failed: FailedCall[]): FailedCall[] {
  return failed.filter((f) => f.mapId === map.id && isRefusedWrite(f))
}

export function FreezeBanner({ map, failed, onShow }: { map: MapSnapshot; failed: FailedCall[]; onShow(seq: number): void }) {
  const refused = refusedWrites(map, failed)
  return (
    <div className="freeze-banner" role="note" data-testid="freeze-banner">
      <svg className="freeze-lock" width="22" height="22" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <rect x="3" y="7" width="10" height="7.5" rx="1.5" fill="currentColor" />
        <path d="M5.2 7V5a2.8 2.8 0 0 1 5.6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      </svg>
      <div className="freeze-text">
        <strong>Frozen.</strong> After <code>bpf_map_freeze()</code> the map is read-only for userspace: updates, deletes and batch writes fail with{' '}
        <span className="errno-chip">EPERM</span>. Lookups still work, and BPF programs can still write to it. A freeze cannot be undone.
        {refused.length === 0 ? (
          <span className="muted"> No write has been refused yet.</span>
        ) : (
          <ul className="freeze-refused" aria-label="Refused writes">
            {refused.slice(0, SHOWN).map((f) => {
              const key = keyOfEvent(f.key, map.keySize)
              return (
                <li key={f.seq}>
                  <button type="button" className="link-btn" onClick={() => onShow(f.seq)} data-refused-seq={f.seq}>
                    <span className="mono">{libbpfName(f.op)}</span>
                    {key.length > 0 && <span className="mono"> key {intText(key) ?? hex(key)}</span>} → <span className="mono">EPERM</span>
                  </button>
                  <span className="muted small"> pid {f.pid}</span>
                </li>
              )
            })}
            {refused.length > SHOWN && <li className="muted small">and {refused.length - SHOWN} more in Failed calls</li>}
          </ul>
        )}
      </div>
    </div>
  )
}
