/**
 * Batch cursors of one map: every bpf_map_lookup_batch / lookup_and_delete_batch call, drawn
 * over the bucket array as the range of buckets it returned, [in_batch, out_batch), with the
 * keys found there, the count the kernel wrote back, and the call that reached the end of the
 * buckets and returned -ENOENT together with its (partial) batch. All positions come from the
 * kernel's event log (the cursor is a bucket index for hash maps); which keys sit in those
 * buckets comes from the map's snapshot.
 */
import { useMemo } from 'react'
import type { MapSnapshot } from '../../kernel/api'
import { BpfCmd, Errno } from '../../kernel/uapi'
import '../styles/inspector.css'
import { batchRanges, type BatchCall, type BatchRange } from './batches'
import { compactText, leavesOf } from './ctypes'
import { useMapTypes } from './MapContents'
import { errnoLabel, libbpfName } from './names'

/** Calls drawn at most (a program looping over a big map makes many; the newest are kept). */
const MAX_DRAWN = 64
const TICKS = 4

function pct(b: number, n: number): string {
  return `${((b / n) * 100).toFixed(3)}%`
}

function Outcome({ r, n, first, stopSize }: { r: BatchRange; n: number; first: boolean; stopSize: number | null }) {
  const c = r.call
  if (r.final)
    return (
      <p className="batch-outcome batch-outcome-end">
        <span className="errno-chip">ENOENT</span> the walk passed bucket {n - 1}, the last one: there is nothing after it.{' '}
        {(c.count ?? 0) > 0 ? (
          <strong>
            Yet {c.count} element{c.count === 1 ? ' was' : 's were'} returned with the error: a partial batch. A loop that stops as soon as the call fails drops{' '}
            {c.count === 1 ? 'it' : 'them'}; handle count before checking for ENOENT.
          </strong>
        ) : (
          'Nothing was left to return.'
        )}
      </p>
    )
  if (r.noSpace)
    return (
      <p className="batch-outcome batch-outcome-error">
        <span className="errno-chip">ENOSPC</span> bucket {r.to} holds {stopSize ?? 'more'} element{stopSize === 1 ? '' : 's'}, more than count allowed: the kernel never
        splits a bucket, so nothing was returned.
      </p>
    )
  if (c.ret < 0)
    return (
      <p className="batch-outcome batch-outcome-error">
        <span className="errno-chip">{errnoLabel(-c.ret)}</span> the call failed before walking any bucket.
      </p>
    )
  if (!first) return null
  return (
    <p className="batch-outcome">
      Returned 0 (success): it stopped at bucket {r.to} because {stopSize === null ? 'its elements' : `its ${stopSize} element${stopSize === 1 ? '' : 's'}`} did not fit in
      what was left of count. The program passes out_batch = {r.to} as the next in_batch, and the next call resumes there.
    </p>
  )
}

export function BatchCursors({ map, calls }: { map: MapSnapshot; calls: BatchCall[] }) {
  const types = useMapTypes(map)
  const keyLeaves = useMemo(() => leavesOf(types.key, map.keySize), [types.key, map.keySize])
  const mine = useMemo(() => calls.filter((c) => c.mapId === map.id), [calls, map.id])
  const n = map.nBuckets
  const ranges = useMemo(() => (n === undefined ? [] : batchRanges(mine.slice(-MAX_DRAWN), map)), [mine, map, n])

  if (mine.length === 0) {
    return (
      <p className="empty" data-testid="batches-empty">
        No batch calls on this map yet. <code>bpf_map_lookup_batch(fd, in_batch, &amp;out_batch, keys, values, &amp;count, NULL)</code> copies whole buckets while they fit
        in <code>count</code>; each call that a program makes on this map is drawn here over the bucket array.
      </p>
    )
  }
  if (n === undefined) {
    // Arrays and other maps use the generic batch code: the cursor is the last key returned.
    return (
      <ol className="batch-list" aria-label="Batch calls" data-testid="batch-list">
        {mine.slice(-MAX_DRAWN).map((c, i) => (
          <li key={c.seq} className={`batch-call ${c.ret === -Errno.ENOENT ? 'batch-call-final' : ''}`} data-errno={c.ret < 0 ? errnoLabel(-c.ret) : undefined}>
            <div className="batch-head">
              <span className="batch-n">#{i + 1}</span>
              <span className="mono strong">{libbpfName(c.op)}</span>
              <span className="muted small">
                in_batch {c.inBatch === undefined ? 'NULL' : `key ${c.inBatch}`} → out_batch {c.outBatch === undefined ? '—' : `key ${c.outBatch}`} · count {c.asked !== undefined ? `${c.asked} asked → ` : ''}
                {c.count ?? 0}
                {c.asked !== undefined ? ' returned' : ''} ·{' '}
                {c.ret < 0 ? errnoLabel(-c.ret) : '0'}
              </span>
            </div>
          </li>
        ))}
      </ol>
    )
  }

  // One dot per occupied 1/1000th of the axis: a 100,000-element map draws 1,000 dots at most.
  const used = [...new Set(map.entries.map((e) => Math.floor(((e.bucket ?? 0) / n) * 1000)))]
  const step = ranges.length > 12 ? 3 : 7
  const bucketSizes = new Map<number, number>()
  for (const e of map.entries) bucketSizes.set(e.bucket ?? 0, (bucketSizes.get(e.bucket ?? 0) ?? 0) + 1)
  const total = mine.reduce((s, c) => s + (c.count ?? 0), 0)
  return (
    <div className="batches" data-testid="batches">
      <p className="explain">
        For a hash map the batch cursor is a <strong>bucket index</strong>. A call starts at bucket <code>in_batch</code> (0 for NULL), copies whole buckets while their
        elements fit in <code>count</code>, writes the number copied back into <code>count</code> and the first bucket it did not copy into <code>out_batch</code>. So each
        call returned exactly the buckets [in_batch, out_batch). {mine.length} call{mine.length === 1 ? '' : 's'} on this map returned {total} element{total === 1 ? '' : 's'}
        {map.entries.length > 0 ? ` of the ${map.entries.length} it holds now` : ''}.
      </p>
      <div className="batch-axis-wrap">
        <div className="batch-axis" style={{ height: 26 + ranges.length * step }} role="img" aria-label={`Bucket array 0 to ${n - 1} with ${map.entries.length} elements and the bucket ranges of ${ranges.length} batch calls`}>
          {used.map((p) => (
            <span key={p} className="batch-dot" style={{ left: `${((p + 0.5) / 10).toFixed(2)}%` }} />
          ))}
          {ranges.map((r, i) =>
            r.to === null ? null : (
              <span
                key={r.call.seq}
                className={`batch-band batch-band-${i % 4} ${r.final ? 'batch-band-final' : ''} ${r.noSpace ? 'batch-band-error' : ''}`}
                style={{ left: pct(r.from, n), width: `max(3px, ${pct(r.to - r.from, n)})`, top: `${18 + i * step}px` }}
              />
            ),
          )}
        </div>
        <div className="batch-ticks" aria-hidden="true">
          {Array.from({ length: TICKS + 1 }, (_, t) => (
            <span key={t} style={{ left: pct((t * n) / TICKS, n) }}>
              {Math.round((t * n) / TICKS)}
            </span>
          ))}
        </div>
      </div>
      <ol className="batch-list" aria-label="Batch calls, oldest first" data-testid="batch-list">
        {ranges.map((r, i) => (
          <li
            key={r.call.seq}
            className={`batch-call ${r.final ? 'batch-call-final' : ''} ${r.noSpace || (r.call.ret < 0 && !r.final) ? 'batch-call-error' : ''}`}
            data-errno={r.call.ret < 0 ? errnoLabel(-r.call.ret) : undefined}
            data-from={r.from}
            data-to={r.to ?? undefined}
          >
            <div className="batch-head">
              <span className={`batch-n ${r.final ? 'batch-n-final' : `batch-swatch-${i % 4}`}`}>#{mine.length - ranges.length + i + 1}</span>
              <span className="mono strong">{libbpfName(r.call.op)}</span>
              <span className="batch-cursor mono">
                in_batch <strong>{r.from === 0 ? 'NULL (0)' : r.from}</strong> → out_batch <strong>{r.to ?? '—'}</strong>
              </span>
              <span className="batch-count">
                count {r.call.asked !== undefined && <>{r.call.asked} asked → </>}
                <strong>{r.call.count ?? 0}</strong>
                {r.call.asked !== undefined && ' returned'} · ret <strong className={r.call.ret < 0 ? 'batch-ret-err' : ''}>{r.call.ret < 0 ? `−${errnoLabel(-r.call.ret)}` : '0'}</strong>
              </span>
            </div>
            <div className="batch-body">
              {r.to !== null && (
                <span className="muted small">
                  {r.to > r.from ? `buckets ${r.from}–${r.to - 1}` : 'no bucket'}
                  {r.buckets.length > 0 && ` (non-empty: ${r.buckets.slice(0, 8).join(', ')}${r.buckets.length > 8 ? ', …' : ''})`}
                </span>
              )}
              {r.elements.length > 0 && (
                <span className="batch-keys">
                  {r.elements.slice(0, 24).map((e) => (
                    <span key={e} className="batch-key mono">
                      {compactText(map.entries[e].key, keyLeaves)}
                    </span>
                  ))}
                  {r.elements.length > 24 && <span className="muted small">… {r.elements.length - 24} more</span>}
                </span>
              )}
              {r.deleted && (r.call.count ?? 0) > 0 && <span className="muted small">deleted from the map by this call: the keys are no longer there to show</span>}
              {r.call.op === BpfCmd.MAP_LOOKUP_BATCH && r.elements.length !== (r.call.count ?? 0) && (r.call.ret === 0 || r.final) && (
                <span className="muted small">the map changed since this call: it returned {r.call.count ?? 0}, the buckets hold {r.elements.length} now</span>
              )}
            </div>
            <Outcome r={r} n={n} first={i === 0} stopSize={r.to === null || r.deleted ? null : (bucketSizes.get(r.to) ?? null)} />
          </li>
        ))}
      </ol>
    </div>
  )
}
