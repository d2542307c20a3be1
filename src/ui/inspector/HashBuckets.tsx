/**
 * A hash map's bucket array: which buckets hold elements and in which order, and why
 * get_next_key returns keys in that order. Buckets are walked 0 → n_buckets−1, each from its
 * head, and a new element goes to the head of its bucket (jhash(key, seed) & (n_buckets − 1)).
 */
import type { MapSnapshot } from '../../kernel/api'
import { MapFlag } from '../../kernel/uapi'
import { intText, hex } from './decode'

function keyLabel(key: Uint8Array): string {
  return intText(key) ?? hex(key)
}

export function HashBuckets({ map }: { map: MapSnapshot }) {
  const n = map.nBuckets ?? 0
  const byBucket = new Map<number, { key: Uint8Array; order: number }[]>()
  map.entries.forEach((e, i) => {
    const b = e.bucket ?? 0
    let list = byBucket.get(b)
    if (!list) byBucket.set(b, (list = []))
    list.push({ key: e.key, order: i + 1 })
  })
  const zeroSeed = (map.flags & MapFlag.ZERO_SEED) !== 0
  const used = [...byBucket.keys()].sort((a, b) => a - b)
  const longest = Math.max(0, ...[...byBucket.values()].map((l) => l.length))
  // Rows: occupied buckets, with runs of empty ones folded into one line.
  const rows: ({ kind: 'bucket'; b: number } | { kind: 'gap'; from: number; to: number })[] = []
  let next = 0
  for (const b of used) {
    if (b > next) rows.push({ kind: 'gap', from: next, to: b - 1 })
    rows.push({ kind: 'bucket', b })
    next = b + 1
  }
  if (n > next) rows.push({ kind: 'gap', from: next, to: n - 1 })

  return (
    <div className="buckets">
      <p className="explain">
        <strong>{n}</strong> buckets (max_entries {map.maxEntries} rounded up to a power of two), {used.length} in use, longest chain {longest}. Hash seed{' '}
        <code>0x{(map.seed ?? 0).toString(16).padStart(8, '0')}</code>
        {zeroSeed ? ' (BPF_F_ZERO_SEED: the same order on every run)' : ' (random per map: another run gives another order)'}.
      </p>
      {n <= 4096 && (
        <div className="bucket-grid" role="img" aria-label={`${used.length} of ${n} buckets in use`}>
          {Array.from({ length: n }, (_, b) => {
            const k = byBucket.get(b)?.length ?? 0
            return <span key={b} className={`cell ${k === 0 ? '' : k === 1 ? 'cell-1' : 'cell-2'}`} title={`bucket ${b}: ${k} element${k === 1 ? '' : 's'}`} />
          })}
        </div>
      )}
      <ol className="bucket-list" aria-label="Buckets in iteration order">
        {rows.map((r) =>
          r.kind === 'gap' ? (
            <li key={`g${r.from}`} className="bucket-gap">
              {r.from === r.to ? `bucket ${r.from}` : `buckets ${r.from}–${r.to}`} empty
            </li>
          ) : (
            <li key={r.b} className="bucket-row">
              <span className="bucket-index">bucket {r.b}</span>
              <span className="chain">
                <span className="chain-head" aria-hidden="true">head →</span>
                {byBucket.get(r.b)!.map((el, i) => (
                  <span key={i} className="elem" title={`get_next_key position ${el.order}`}>
                    <span className="elem-order">{el.order}</span>
                    <span className="mono">{keyLabel(el.key)}</span>
                    {i < byBucket.get(r.b)!.length - 1 && <span className="arrow" aria-hidden="true">→</span>}
                  </span>
                ))}
              </span>
            </li>
          ),
        )}
      </ol>
      <p className="hint">
        get_next_key and the batch calls walk bucket 0, 1, 2, … and each bucket from its head; a new element (in a HASH map also a replaced one) goes to the head of its
        bucket. That is why the keys do not come out in ascending or insertion order. A key that is no longer in the map restarts the walk at the first
        key.
      </p>
    </div>
  )
}
