/**
 * The elements of one map in iteration order (what get_next_key and dumps return), decoded with
 * the C types of the program that made the map: struct fields by name, per-CPU maps with one
 * column (group) per possible CPU and their sum per field, decimal or hex. The table renders
 * only the rows in view, so a map of 100,000 elements scrolls like a small one, and a cell
 * whose value changed while on screen flashes.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { MapSnapshot } from '../../kernel/api'
import { MapType } from '../../kernel/uapi'
import { leafSum, leafText, leavesOf, sumText, typeLabel, type Leaf } from './ctypes'
import { hex } from './decode'
import { useChangeTracker } from './flash'
import { sourcesFor, useProgramTypes } from './program-types'
import { pickTypes, type PickedTypes } from './type-match'
import { useRowWindow } from './virtual'
import '../styles/inspector.css'

const PERCPU_TYPES = new Set<number>([MapType.PERCPU_HASH, MapType.PERCPU_ARRAY, MapType.LRU_PERCPU_HASH, MapType.PERCPU_CGROUP_STORAGE])

/** A first guess at one row's height (px); the real one is measured once rows exist. */
const ROW_GUESS = 31

function isPercpu(map: MapSnapshot): boolean {
  return map.entries.length > 0 && Array.isArray(map.entries[0].value)
}

/** The C types of this map's keys and values, from the programs of this boot. */
export function useMapTypes(map: MapSnapshot): PickedTypes {
  const programs = useProgramTypes((s) => s.programs)
  const owner = useProgramTypes((s) => s.owner)
  const percpu = isPercpu(map) || PERCPU_TYPES.has(map.type)
  return useMemo(
    () => pickTypes({ name: map.name, keySize: map.keySize, valueSize: map.valueSize, percpu }, sourcesFor(map.id, programs, owner)),
    [map.id, map.name, map.keySize, map.valueSize, percpu, programs, owner],
  )
}

/** Bytes of a leaf as a string, to notice changes whatever the display mode. */
function sig(bytes: Uint8Array, leaf: Leaf): string {
  let s = ''
  for (let i = leaf.offset; i < leaf.offset + leaf.size && i < bytes.length; i++) s += String.fromCharCode(bytes[i])
  return s
}

function TypesLegend({ types, keySize, valueSize }: { types: PickedTypes; keySize: number; valueSize: number }) {
  if (!types.key && !types.value) {
    return (
      <span className="types-legend muted" data-testid="types-legend">
        No C types known for this map: keys and values read as integers of their size ({keySize} and {valueSize} bytes).
      </span>
    )
  }
  return (
    <span className="types-legend" data-testid="types-legend">
      <span className="muted">key</span> <code>{types.key ? typeLabel(types.key) : `${keySize} bytes`}</code> <span className="muted">· value</span>{' '}
      <code>{types.value ? typeLabel(types.value) : `${valueSize} bytes`}</code>
      {types.origin && <span className="muted small"> · types from {types.origin}</span>}
    </span>
  )
}

interface Column {
  group: 'key' | 'value' | 'cpu' | 'sum'
  cpu?: number
  leaf: Leaf
}

export function MapContents({ map }: { map: MapSnapshot }) {
  const types = useMapTypes(map)
  const [asHex, setAsHex] = useState(false)
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null)
  const theadRef = useRef<HTMLTableSectionElement>(null)
  const [rowH, setRowH] = useState(ROW_GUESS)
  const [headH, setHeadH] = useState(0)
  const tracker = useChangeTracker(String(map.id))

  const percpu = isPercpu(map)
  const ncpu = percpu ? (map.entries[0].value as Uint8Array[]).length : 0
  const hashed = map.nBuckets !== undefined
  const keyLeaves = useMemo(() => leavesOf(types.key, map.keySize), [types.key, map.keySize])
  const valueLeaves = useMemo(() => leavesOf(types.value, map.valueSize), [types.value, map.valueSize])
  const columns: Column[] = useMemo(() => {
    const cols: Column[] = keyLeaves.map((leaf) => ({ group: 'key' as const, leaf }))
    if (percpu) {
      for (let c = 0; c < ncpu; c++) for (const leaf of valueLeaves) cols.push({ group: 'cpu', cpu: c, leaf })
      for (const leaf of valueLeaves) cols.push({ group: 'sum', leaf })
    } else for (const leaf of valueLeaves) cols.push({ group: 'value', leaf })
    return cols
  }, [keyLeaves, valueLeaves, percpu, ncpu])

  const win = useRowWindow(scroller, map.entries.length, rowH, headH)
  useLayoutEffect(() => {
    const row = scroller?.querySelector<HTMLElement>('tbody tr[data-row]')
    if (row && row.offsetHeight > 0 && row.offsetHeight !== rowH) setRowH(row.offsetHeight)
    const h = theadRef.current?.offsetHeight ?? 0
    if (h !== headH) setHeadH(h)
  })

  if (map.entries.length === 0) {
    return (
      <>
        <div className="contents-bar">
          <TypesLegend types={types} keySize={map.keySize} valueSize={map.valueSize} />
        </div>
        <p className="empty">The map is empty.</p>
      </>
    )
  }

  const keyGroup = keyLeaves.length > 1 || keyLeaves[0].label !== ''
  const valueGroup = valueLeaves.length > 1 || valueLeaves[0].label !== ''
  const twoRows = keyGroup || valueGroup
  const single = twoRows ? { rowSpan: 2 } : {}
  const sub = (leaf: Leaf) => <th scope="col" key={leaf.label + leaf.offset} className="th-field">{leaf.label}</th>

  // Per-CPU struct values: a line before each CPU's (and the sum's) group of fields.
  const groupStart = (c: number) => valueGroup && percpu && c > keyLeaves.length && (c - keyLeaves.length) % valueLeaves.length === 0
  const rows = []
  for (let i = win.start; i < win.end; i++) {
    const e = map.entries[i]
    const values = Array.isArray(e.value) ? e.value : [e.value]
    const texts: string[] = []
    const sigs: string[] = []
    for (const col of columns) {
      if (col.group === 'key') {
        texts.push(leafText(e.key, col.leaf, asHex))
        sigs.push(sig(e.key, col.leaf))
      } else if (col.group === 'sum') {
        const s = leafSum(values, col.leaf)
        texts.push(sumText(s, col.leaf, asHex))
        sigs.push(String(s))
      } else {
        const v = values[col.cpu ?? 0]
        texts.push(leafText(v, col.leaf, asHex))
        sigs.push(sig(v, col.leaf))
      }
    }
    const rowKey = hex(e.key)
    const gens = tracker.observe(rowKey, sigs)
    rows.push(
      <tr key={rowKey} data-row={i} aria-rowindex={i + 1 + (twoRows ? 2 : 1)}>
        <td className="num mono muted">{i + 1}</td>
        {hashed && <td className="num mono muted">{e.bucket}</td>}
        {columns.map((col, c) => (
          <td
            key={`${c}:${gens[c]}`}
            className={`mono ${col.group === 'sum' ? 'strong' : ''} ${col.group === 'key' && c === keyLeaves.length - 1 ? 'col-sep' : ''} ${groupStart(c) ? 'group-start' : ''} ${gens[c] > 0 ? 'cell-flash' : ''}`}
            data-changed={gens[c] > 0 ? gens[c] : undefined}
          >
            {texts[c]}
          </td>
        ))}
      </tr>,
    )
  }

  return (
    <>
      <div className="contents-bar">
        <TypesLegend types={types} keySize={map.keySize} valueSize={map.valueSize} />
        <span className="contents-count muted small" data-testid="element-count">
          {map.entries.length.toLocaleString('en-US')} element{map.entries.length === 1 ? '' : 's'}
          {win.end - win.start < map.entries.length && ` · rows ${(win.start + 1).toLocaleString('en-US')}–${win.end.toLocaleString('en-US')} rendered`}
        </span>
        <button type="button" className={`btn btn-small toggle ${asHex ? 'toggle-on' : ''}`} aria-pressed={asHex} onClick={() => setAsHex(!asHex)} title="Show keys and values in hexadecimal">
          Hex
        </button>
      </div>
      <div className="table-wrap vt-scroll" ref={setScroller} tabIndex={0} aria-label={`Elements of map ${map.name || map.id}, scrollable`} role="region">
        <table className="table entries-table" aria-label={`Elements of map ${map.name || map.id}`} aria-rowcount={map.entries.length + (twoRows ? 2 : 1)}>
          <thead ref={theadRef}>
            <tr aria-rowindex={1}>
              <th scope="col" className="num narrow" title="position in get_next_key order" {...single}>
                #
              </th>
              {hashed && (
                <th scope="col" className="num narrow" {...single}>
                  bucket
                </th>
              )}
              {keyGroup ? (
                <th scope="colgroup" colSpan={keyLeaves.length} className="th-group col-sep">
                  key
                </th>
              ) : (
                <th scope="col" className="col-sep" {...single}>
                  key
                </th>
              )}
              {percpu ? (
                valueGroup ? (
                  <>
                    {Array.from({ length: ncpu }, (_, c) => (
                      <th scope="colgroup" key={c} colSpan={valueLeaves.length} className="th-group">
                        CPU {c}
                      </th>
                    ))}
                    <th scope="colgroup" colSpan={valueLeaves.length} className="th-group th-sum">
                      sum
                    </th>
                  </>
                ) : (
                  <>
                    {Array.from({ length: ncpu }, (_, c) => (
                      <th scope="col" key={c} {...single}>
                        value (CPU {c})
                      </th>
                    ))}
                    <th scope="col" className="th-sum" {...single}>
                      sum
                    </th>
                  </>
                )
              ) : valueGroup ? (
                <th scope="colgroup" colSpan={valueLeaves.length} className="th-group">
                  value
                </th>
              ) : (
                <th scope="col" {...single}>
                  value
                </th>
              )}
            </tr>
            {twoRows && (
              <tr aria-rowindex={2} className="th-fields">
                {keyGroup && keyLeaves.map(sub)}
                {valueGroup && (percpu ? Array.from({ length: ncpu + 1 }, () => valueLeaves).flat() : valueLeaves).map((l, i) => (
                  <th scope="col" key={i} className={`th-field ${percpu && i > 0 && i % valueLeaves.length === 0 ? 'group-start' : ''}`}>
                    {l.label}
                  </th>
                ))}
              </tr>
            )}
          </thead>
          <tbody>
            {win.padTop > 0 && <tr className="vt-pad" aria-hidden="true" style={{ height: win.padTop }} />}
            {rows}
            {win.padBottom > 0 && <tr className="vt-pad" aria-hidden="true" style={{ height: win.padBottom }} />}
          </tbody>
        </table>
      </div>
    </>
  )
}
