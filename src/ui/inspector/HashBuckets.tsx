/**
 * A hash map's bucket array and the get_next_key walk over it. Buckets are walked 0 → n−1,
 * each chain from its head, and a new element goes to the head of its bucket
 * (jhash(key, seed) & (n_buckets − 1)); the Walk control steps through the calls a program
 * makes from key NULL to -ENOENT, highlighting where each call lands and saying why. The order
 * is the kernel's (the snapshot lists elements in iteration order); the seed panel shows what
 * decides it and how the same keys were ordered on earlier boots with other seeds.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react'
import type { MapSnapshot } from '../../kernel/api'
import { MapFlag } from '../../kernel/uapi'
import '../styles/inspector.css'
import { compactText, leavesOf } from './ctypes'
import { useMapTypes } from './MapContents'
import { useRowWindow } from './virtual'
import { walkSteps, type WalkStep } from './walk'
import { KEYS_KEPT, useWalkHistory } from './walk-history'

/** Bucket rows above this many are virtualised (one line each, no wrapping). */
const VIRTUAL_ROWS = 300
const ROW_H = 33
const PLAY_MS = 900

type Row = { kind: 'bucket'; b: number; elems: number[] } | { kind: 'gap'; from: number; to: number }

function seedHex(seed: number): string {
  return '0x' + (seed >>> 0).toString(16).padStart(8, '0')
}

function bucketRows(map: MapSnapshot): Row[] {
  const n = map.nBuckets ?? 0
  const rows: Row[] = []
  let next = 0
  map.entries.forEach((e, i) => {
    const b = e.bucket ?? 0
    const last = rows[rows.length - 1]
    if (last?.kind === 'bucket' && last.b === b) {
      last.elems.push(i)
      return
    }
    if (b > next) rows.push({ kind: 'gap', from: next, to: b - 1 })
    rows.push({ kind: 'bucket', b, elems: [i] })
    next = b + 1
  })
  if (n > next) rows.push({ kind: 'gap', from: next, to: n - 1 })
  return rows
}

function range(from: number, to: number): string {
  return from === to ? `bucket ${from}` : `buckets ${from}–${to}`
}

function StepText({ step, label, n, bucketOfPrev }: { step: WalkStep; label: (i: number) => string; n: number; bucketOfPrev?: number }) {
  const prevKey = step.prev === null ? null : label(step.prev)
  const call = (
    <code className="walk-call">
      bpf_map_get_next_key(fd, {prevKey === null ? 'NULL' : <>&amp;key</>}, &amp;next)
      {prevKey !== null && <span className="muted"> /* key = {prevKey} */</span>}
    </code>
  )
  const result =
    step.index === null ? (
      <span className="walk-result walk-result-end">−1, errno ENOENT</span>
    ) : (
      <span className="walk-result">
        0, next = <strong className="mono">{label(step.index)}</strong>
      </span>
    )
  let why: string
  if (step.index === null) {
    why =
      step.prev === null
        ? 'The map is empty: no bucket holds an element, so the very first call fails with ENOENT.'
        : `${prevKey} is the last element of bucket ${bucketOfPrev}${step.skipped ? ` and ${range(step.skipped[0], step.skipped[1])} are empty` : ', the last bucket'}: there is no next key. ENOENT ends the walk.`
  } else if (step.prev === null) {
    why = `With key NULL the kernel starts at bucket 0 and takes the head of the first bucket that holds anything${step.skipped ? ` (${range(step.skipped[0], step.skipped[1])} are empty)` : ''}: bucket ${step.bucket}.`
  } else if (step.sameBucket) {
    why = `The kernel hashes ${prevKey} to find its bucket (jhash(key, seed) & ${n - 1} = ${step.bucket}), finds it in the chain and returns the element after it: element ${step.chainPos + 1} of bucket ${step.bucket}'s chain (the head is the newest).`
  } else {
    why = `${prevKey} is the last element of bucket ${bucketOfPrev}'s chain, so the kernel moves on through the bucket array${step.skipped ? `, past empty ${range(step.skipped[0], step.skipped[1])},` : ''} to the head of bucket ${step.bucket}. The keys come out in bucket order, not in key or insertion order.`
  }
  return (
    <>
      <div className="walk-line">
        {call} <span className="muted">→</span> {result}
      </div>
      <p className="walk-why">{why}</p>
    </>
  )
}

export function HashBuckets({ map, bootN, bootSeed }: { map: MapSnapshot; bootN: number; bootSeed: number | null }) {
  const types = useMapTypes(map)
  const keyLeaves = useMemo(() => leavesOf(types.key, map.keySize), [types.key, map.keySize])
  // The walk runs over the map as it was when it started: a map that changes under it would garble the picture.
  const [walk, setWalk] = useState<{ snap: MapSnapshot; step: number } | null>(null)
  const [playing, setPlaying] = useState(false)
  const shown = walk && walk.snap.id === map.id ? walk.snap : map
  const step = walk && walk.snap.id === map.id ? walk.step : null
  const steps = useMemo(() => walkSteps(shown), [shown])
  const rows = useMemo(() => bucketRows(shown), [shown])
  const label = (i: number) => compactText(shown.entries[i].key, keyLeaves)
  const n = shown.nBuckets ?? 0
  const zeroSeed = (map.flags & MapFlag.ZERO_SEED) !== 0
  const seed = map.seed ?? 0
  const cur = step === null ? null : steps[step]
  const used = rows.filter((r) => r.kind === 'bucket').length
  const longest = Math.max(0, ...rows.map((r) => (r.kind === 'bucket' ? r.elems.length : 0)))
  const changed = walk !== null && walk.snap.id === map.id && walk.snap !== map && walk.snap.entries.length !== map.entries.length

  // How the same map's keys were ordered on earlier boots (other seeds).
  const mapKey = `${map.name}|${map.keySize}|${map.valueSize}|${map.type}`
  const history = useWalkHistory((s) => s.orders[mapKey])
  const record = useWalkHistory((s) => s.record)
  useEffect(() => {
    if (map.entries.length === 0) return
    const keys = map.entries.slice(0, KEYS_KEPT).map((e) => compactText(e.key, keyLeaves))
    record(mapKey, { bootN, seed, zeroSeed, keys, total: map.entries.length })
  }, [map, mapKey, bootN, seed, zeroSeed, keyLeaves, record])
  const earlier = (history ?? []).filter((o) => o.bootN !== bootN).slice(-2)

  useEffect(() => {
    if (!playing || !walk) return
    if (walk.step >= steps.length - 1) {
      setPlaying(false)
      return
    }
    const t = setTimeout(() => setWalk((w) => (w ? { ...w, step: Math.min(w.step + 1, steps.length - 1) } : w)), PLAY_MS)
    return () => clearTimeout(t)
  }, [playing, walk, steps.length])

  const virtual = rows.length > VIRTUAL_ROWS
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null)
  const listRef = useRef<HTMLOListElement>(null)
  const win = useRowWindow(scroller, virtual ? rows.length : 0, ROW_H)
  const curRow = cur === null ? -1 : rows.findIndex((r) => r.kind === 'bucket' && cur.index !== null && r.elems.includes(cur.index))
  useLayoutEffect(() => {
    if (curRow < 0) return
    if (virtual) {
      const el = scroller
      if (el && (curRow * ROW_H < el.scrollTop || (curRow + 1) * ROW_H > el.scrollTop + el.clientHeight)) el.scrollTop = Math.max(0, curRow * ROW_H - el.clientHeight / 3)
    } else {
      listRef.current?.querySelector('.bucket-row-current')?.scrollIntoView({ block: 'nearest' })
    }
  }, [curRow, virtual, scroller])

  const start = () => {
    setWalk({ snap: map, step: 0 })
    setPlaying(false)
  }
  const next = () => setWalk((w) => (w && w.step < steps.length - 1 ? { ...w, step: w.step + 1 } : w))
  const scanned = (from: number, to: number) => !!cur?.skipped && from <= cur.skipped[1] && to >= cur.skipped[0]
  const prevBucket = cur?.prev != null ? shown.entries[cur.prev].bucket : undefined

  const renderRow = (r: Row, style?: CSSProperties) =>
    r.kind === 'gap' ? (
      <li key={`g${r.from}`} className={`bucket-gap ${scanned(r.from, r.to) ? 'bucket-gap-scanned' : ''}`} style={style}>
        {range(r.from, r.to)} empty
      </li>
    ) : (
      <li key={r.b} className={`bucket-row ${cur?.bucket === r.b ? 'bucket-row-current' : ''}`} style={style} data-bucket={r.b}>
        <span className="bucket-index">bucket {r.b}</span>
        <span className="chain">
          <span className="chain-head" aria-hidden="true">
            head →
          </span>
          {r.elems.map((i, j) => (
            <span key={i} className="elem" title={`get_next_key position ${i + 1}`}>
              <span className="elem-order">{i + 1}</span>
              <span className={`mono ${cur?.index === i ? 'elem-current' : cur?.prev === i ? 'elem-prev' : step !== null && i < (cur?.index ?? shown.entries.length) ? 'elem-visited' : ''}`}>{label(i)}</span>
              {j < r.elems.length - 1 && (
                <span className="arrow" aria-hidden="true">
                  →
                </span>
              )}
            </span>
          ))}
        </span>
      </li>
    )

  return (
    <div className="buckets">
      <div className="seed-panel" data-testid="seed-panel">
        <div className="seed-facts">
          <span>
            <strong>{n.toLocaleString('en-US')}</strong> buckets <span className="muted">(max_entries {map.maxEntries} rounded up to a power of two)</span>
          </span>
          <span>
            {used} in use · longest chain {longest}
          </span>
          <span>
            hash seed <code data-testid="map-seed">{seedHex(seed)}</code>
          </span>
          {zeroSeed ? (
            <span className="chip chip-seed" title="map_flags has BPF_F_ZERO_SEED">
              BPF_F_ZERO_SEED set
            </span>
          ) : (
            <span className="chip chip-muted" title="map_flags lacks BPF_F_ZERO_SEED">
              BPF_F_ZERO_SEED not set
            </span>
          )}
        </div>
        <p className="seed-why">
          A key goes to bucket <code>jhash(key, seed) &amp; {Math.max(0, n - 1)}</code>.{' '}
          {zeroSeed
            ? 'With BPF_F_ZERO_SEED the seed is 0, so the same keys land in the same buckets, in the same order, on every boot: handy for tests, and for attackers who want collisions.'
            : bootSeed === null
              ? 'The kernel draws the seed at random when it creates the map, so another run orders the same keys differently. Set a hash seed in the toolbar (it reboots the kernel) to make runs repeatable.'
              : `This boot derives every map's seed from the hash seed ${bootSeed} set in the toolbar, so runs repeat exactly. Change it there (the kernel reboots) and run again: the same keys land in other buckets and the walk order changes.`}
        </p>
        {earlier.length > 0 && (
          <ul className="seed-history" aria-label="The same map's order on earlier boots">
            {earlier.map((o) => (
              <li key={o.bootN}>
                <span className="muted">
                  boot #{o.bootN}, seed {seedHex(o.seed)}
                  {o.seed === seed ? ' (same seed)' : ''}:
                </span>{' '}
                <span className="mono">
                  {o.keys.join(' → ')}
                  {o.total > o.keys.length ? ' → …' : ''}
                </span>
              </li>
            ))}
            <li>
              <span className="muted">this boot, seed {seedHex(seed)}:</span>{' '}
              <span className="mono">
                {map.entries
                  .slice(0, KEYS_KEPT)
                  .map((e) => compactText(e.key, keyLeaves))
                  .join(' → ')}
                {map.entries.length > KEYS_KEPT ? ' → …' : ''}
              </span>
            </li>
          </ul>
        )}
      </div>

      <section className="walk" aria-label="get_next_key walk">
        <div className="walk-bar">
          <h4 className="walk-title">get_next_key walk</h4>
          {walk === null || walk.snap.id !== map.id ? (
            <button type="button" className="btn btn-small btn-primary" onClick={start} data-testid="walk-start">
              Walk from NULL
            </button>
          ) : (
            <>
              <button type="button" className="btn btn-small btn-primary" onClick={next} disabled={step! >= steps.length - 1} data-testid="walk-next">
                Next call
              </button>
              <button type="button" className="btn btn-small" onClick={() => setPlaying(!playing)} disabled={step! >= steps.length - 1} aria-pressed={playing}>
                {playing ? 'Pause' : 'Play'}
              </button>
              <button type="button" className="btn btn-small btn-ghost" onClick={start}>
                Restart
              </button>
              <button type="button" className="btn btn-small btn-ghost" onClick={() => (setWalk(null), setPlaying(false))}>
                Done
              </button>
              <span className="muted small" data-testid="walk-progress">
                call {step! + 1} of {steps.length}
              </span>
            </>
          )}
        </div>
        {cur ? (
          <div className={`walk-panel ${cur.index === null ? 'walk-panel-end' : ''}`} aria-live="polite" data-testid="walk-panel">
            <StepText step={cur} label={label} n={n} bucketOfPrev={prevBucket} />
            {changed && <p className="hint">The map changed since this walk started: Restart to walk it as it is now.</p>}
          </div>
        ) : (
          <p className="hint walk-hint">
            Step through the calls a program makes to list the keys: <code>get_next_key(fd, NULL, &amp;next)</code> first, then each time with the key it got, until
            ENOENT. Each call lands on the next element in bucket order.
          </p>
        )}
        <ol className="walk-order" aria-label="Keys in get_next_key order" data-testid="walk-order">
          {shown.entries.slice(0, 256).map((e, i) => (
            <li key={i} data-walk-index={i} className={cur?.index === i ? 'walk-current' : step !== null && i < (cur?.index ?? shown.entries.length) ? 'walk-visited' : ''}>
              {compactText(e.key, keyLeaves)}
            </li>
          ))}
          {shown.entries.length > 256 && <li className="walk-more">… {shown.entries.length - 256} more</li>}
          {cur?.index === null && <li className="walk-current walk-enoent">ENOENT</li>}
        </ol>
      </section>

      {n <= 4096 && (
        <div className="bucket-grid" role="img" aria-label={`${used} of ${n} buckets in use`}>
          {Array.from({ length: n }, (_, b) => {
            return <span key={b} className="cell" data-b={b} />
          })}
        </div>
      )}
      {n <= 4096 && <BucketGridColors rows={rows} cur={cur?.bucket} skipped={cur?.skipped ?? null} />}

      {virtual ? (
        <div className="bucket-scroll" ref={setScroller} tabIndex={0} role="region" aria-label="Buckets, scrollable">
          <ol className="bucket-list bucket-list-virtual" aria-label="Buckets in iteration order" ref={listRef}>
            {win.padTop > 0 && <li aria-hidden="true" className="vt-pad" style={{ height: win.padTop }} />}
            {rows.slice(win.start, win.end).map((r) => renderRow(r, { height: ROW_H }))}
            {win.padBottom > 0 && <li aria-hidden="true" className="vt-pad" style={{ height: win.padBottom }} />}
          </ol>
        </div>
      ) : (
        <ol className="bucket-list" aria-label="Buckets in iteration order" ref={listRef}>
          {rows.map((r) => renderRow(r))}
        </ol>
      )}
      <p className="hint">
        get_next_key and the batch calls walk bucket 0, 1, 2, … and each bucket from its head; a new element (in a HASH map also a replaced one) goes to the head of its
        bucket. That is why the keys do not come out in ascending or insertion order. A key that is no longer in the map restarts the walk at the first key.
      </p>
    </div>
  )
}

/**
 * Colours of the bucket grid's cells, set on the DOM directly: with 1,024+ cells a React
 * re-render of every cell per walk step is wasted work.
 */
function BucketGridColors({ rows, cur, skipped }: { rows: Row[]; cur?: number; skipped: [number, number] | null }) {
  const ref = useRef<HTMLSpanElement>(null)
  useLayoutEffect(() => {
    const grid = ref.current?.previousElementSibling
    if (!grid) return
    const cells = grid.children
    for (let b = 0; b < cells.length; b++) {
      const el = cells[b] as HTMLElement
      el.className = 'cell'
      el.title = `bucket ${b}: empty`
    }
    for (const r of rows) {
      if (r.kind !== 'bucket') continue
      const el = cells[r.b] as HTMLElement | undefined
      if (el) {
        el.className = `cell ${r.elems.length === 1 ? 'cell-1' : 'cell-2'}`
        el.title = `bucket ${r.b}: ${r.elems.length} element${r.elems.length === 1 ? '' : 's'}`
      }
    }
    if (skipped) for (let b = skipped[0]; b <= skipped[1] && b < cells.length; b++) cells[b].classList.add('cell-scan')
    if (cur !== undefined) cells[cur]?.classList.add('cell-current')
  }, [rows, cur, skipped])
  return <span ref={ref} hidden />
}
