/**
 * The kernel inspector: what the simulated kernel holds right now. Maps (a bpftool-like list,
 * then the selected map's elements decoded with the program's C types, its hash buckets with
 * the get_next_key walk, its batch cursors and bpftool text; a frozen map says so and links
 * the writes it refused), the bpffs pin tree and the failed calls. Everything comes from the
 * kernel view store, refreshed at display rate.
 */
import { useMemo, useState, type ReactNode } from 'react'
import { useMachine } from '../machine/store'
import { bpftoolMapShow } from './bpftool-format'
import { isEndOfWalk } from './explain'
import { BatchCursors } from './BatchCursors'
import { FailedCalls } from './FailedCalls'
import { FreezeBanner } from './FreezeBanner'
import { HashBuckets } from './HashBuckets'
import { useKernelView } from './kernel-view'
import { MapContents } from './MapContents'
import { MapsList, type ListedMap } from './MapsList'
import { mapFlagNames, mapTypeName } from './names'
import { PinTree } from './PinTree'
import { XdpPanel } from '../xdp/XdpPanel'
import { SyscallInspector } from '../syscalls/SyscallInspector'
import { useSyscalls } from '../syscalls/store'

type Tab = 'maps' | 'bpffs' | 'failed' | 'syscalls'
type Detail = 'elements' | 'buckets' | 'batches' | 'bpftool'

function Tabs<T extends string>({ label, tabs, value, onChange, small }: { label: string; tabs: { id: T; label: ReactNode }[]; value: T; onChange(t: T): void; small?: boolean }) {
  return (
    <div className={`tabs ${small ? 'tabs-small' : ''}`} role="tablist" aria-label={label}>
      {tabs.map((t) => (
        <button key={t.id} role="tab" aria-selected={value === t.id} className={`tab ${value === t.id ? 'tab-active' : ''}`} onClick={() => onChange(t.id)} data-tab={t.id}>
          {t.label}
        </button>
      ))}
    </div>
  )
}

function LockGlyph() {
  return (
    <svg className="lock-glyph" width="14" height="14" viewBox="0 0 16 16" role="img" aria-label="frozen">
      <rect x="3" y="7" width="10" height="7.5" rx="1.5" fill="currentColor" />
      <path d="M5.2 7V5a2.8 2.8 0 0 1 5.6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  )
}

function Count({ n, alert }: { n: number; alert?: boolean }) {
  return <span className={`count ${alert ? 'count-error' : ''}`}>{n}</span>
}

export function Inspector() {
  const view = useKernelView()
  const boot = useMachine((s) => s.boot)
  const freed = useMachine((s) => s.freed)
  const [tab, setTab] = useState<Tab>('maps')
  const [detail, setDetail] = useState<Detail>('elements')
  const [selected, setSelected] = useState<number | null>(null)
  /** A failed call to point at when the Failed calls tab opens from a link. */
  const [focusSeq, setFocusSeq] = useState<number | null>(null)

  const listed: ListedMap[] = useMemo(() => {
    const live = new Set(view.maps.map((m) => m.id))
    const ghosts = (freed?.maps ?? []).filter((f) => !live.has(f.snap.id)).map((f) => ({ snap: f.snap, freed: f.how }))
    return [...view.maps.map((snap) => ({ snap })), ...ghosts].sort((a, b) => a.snap.id - b.snap.id)
  }, [view.maps, freed])

  const current = listed.find((m) => m.snap.id === selected) ?? listed[listed.length - 1]
  const map = current?.snap
  const isHash = map?.nBuckets !== undefined
  const batchCount = map ? view.batches.filter((b) => b.mapId === map.id).length : 0
  const detailTab: Detail = (detail === 'buckets' && !isHash) || (detail === 'batches' && !isHash && batchCount === 0) ? 'elements' : detail
  const showFailed = (seq: number) => {
    setFocusSeq(seq)
    setTab('failed')
  }
  const syscallCount = useSyscalls((s) => s.calls.at(-1)?.n ?? 0)
  const frozenIds = useMemo(() => new Set(listed.filter((m) => m.snap.frozen).map((m) => m.snap.id)), [listed])

  return (
    <section className="card inspector-card" aria-label="Kernel inspector">
      <div className="card-head">
        <h2 className="card-title">Kernel</h2>
        {boot && (
          <span className="boot-info" data-testid="boot-info" title="Reboot starts a new kernel">
            boot #{boot.n} · {boot.cpus} CPU{boot.cpus > 1 ? 's' : ''} · {boot.seed === null ? 'random hash seeds' : `hash seed ${boot.seed}`}
          </span>
        )}
      </div>
      <XdpPanel />
      <Tabs<Tab>
        label="Kernel views"
        value={tab}
        onChange={(t) => {
          setFocusSeq(null)
          setTab(t)
        }}
        tabs={[
          { id: 'maps', label: <>Maps <Count n={view.maps.length} /></> },
          { id: 'bpffs', label: <>/sys/fs/bpf <Count n={view.bpffs.filter((e) => e.kind === 'map').length} /></> },
          { id: 'syscalls', label: <>bpf() calls <Count n={syscallCount} /></> },
          { id: 'failed', label: <>Failed calls <Count n={view.failed.length} alert={view.failed.some((f) => f.origin !== 'syscall' || !isEndOfWalk(f.op, f.errno))} /></> },
        ]}
      />
      <div className="inspector-body" data-testid={`inspector-${tab}`}>
        {tab === 'maps' && (
          <>
            {listed.length === 0 ? (
              <p className="empty">
                No maps. A map exists while a process holds an fd to it or it is pinned: run a program and its maps appear here. Maps it frees (close,
                exit) stay listed in their last state until the next run.
              </p>
            ) : (
              <MapsList maps={listed} selected={map?.id ?? null} onSelect={setSelected} />
            )}
            {map && (
              <div className="map-detail" data-testid="map-detail">
                <div className="map-detail-head">
                  <h3>
                    {map.frozen && <LockGlyph />}
                    <span className="mono">{map.name || `map ${map.id}`}</span>{' '}
                    <span className="muted small">
                      {mapTypeName(map.type)} · id {map.id} · {map.entries.length} of {map.maxEntries} elements
                      {map.flags !== 0 && ` · ${mapFlagNames(map.flags).join(' | ')}`}
                    </span>
                  </h3>
                  {current.freed && (
                    <span className="chip chip-muted">
                      {current.freed === 'close' ? `freed when pid ${freed?.pid} closed its last fd` : `freed when pid ${freed?.pid} exited`}: its last state
                    </span>
                  )}
                </div>
                {map.frozen && <FreezeBanner map={map} failed={view.failed} onShow={showFailed} />}
                <Tabs<Detail>
                  small
                  label="Map views"
                  value={detailTab}
                  onChange={setDetail}
                  tabs={[
                    { id: 'elements', label: 'Elements' },
                    ...(isHash ? [{ id: 'buckets' as const, label: 'Buckets & walk' }] : []),
                    ...(isHash || batchCount > 0 ? [{ id: 'batches' as const, label: <>Batch cursors {batchCount > 0 && <Count n={batchCount} />}</> }] : []),
                    { id: 'bpftool', label: 'bpftool' },
                  ]}
                />
                {detailTab === 'elements' && <MapContents map={map} />}
                {detailTab === 'buckets' && <HashBuckets map={map} bootN={boot?.n ?? 0} bootSeed={boot?.seed ?? null} />}
                {detailTab === 'batches' && <BatchCursors map={map} calls={view.batches} />}
                {detailTab === 'bpftool' && (
                  <pre className="bpftool" aria-label="bpftool map show">
                    <span className="muted"># bpftool map show id {map.id}</span>
                    {'\n' + bpftoolMapShow([map])}
                  </pre>
                )}
              </div>
            )}
          </>
        )}
        {tab === 'bpffs' && <PinTree entries={view.bpffs} maps={view.maps} />}
        {tab === 'syscalls' && <SyscallInspector />}
        {tab === 'failed' && <FailedCalls failed={view.failed} mapMeta={view.mapMeta} focus={focusSeq} frozenIds={frozenIds} />}
      </div>
    </section>
  )
}
