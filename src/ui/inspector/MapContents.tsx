/**
 * The elements of one map in iteration order (what get_next_key and dumps return), keys and
 * values as bytes and as integers. Per-CPU maps get one value column per possible CPU and
 * their sum. Large maps show the first rows only.
 */
import type { MapSnapshot } from '../../kernel/api'
import { hex, intText, sumPerCpu } from './decode'

const MAX_ROWS = 512

function Cell({ bytes }: { bytes: Uint8Array }) {
  const n = intText(bytes)
  return (
    <td className="mono">
      {n !== null && <div className="val-int">{n}</div>}
      <div className={n !== null ? 'val-hex' : 'val-int'}>{hex(bytes) || '—'}</div>
    </td>
  )
}

export function MapContents({ map }: { map: MapSnapshot }) {
  const rows = map.entries.slice(0, MAX_ROWS)
  const percpu = map.entries.length > 0 && Array.isArray(map.entries[0].value)
  const ncpu = percpu ? (map.entries[0].value as Uint8Array[]).length : 0
  const hashed = map.nBuckets !== undefined
  if (map.entries.length === 0) {
    return <p className="empty">The map is empty.</p>
  }
  return (
    <>
      <div className="table-wrap">
        <table className="table entries-table" aria-label={`Elements of map ${map.name || map.id}`}>
          <thead>
            <tr>
              <th scope="col" className="num" title="position in get_next_key order">#</th>
              {hashed && <th scope="col" className="num">bucket</th>}
              <th scope="col">key</th>
              {percpu ? (
                <>
                  {Array.from({ length: ncpu }, (_, c) => (
                    <th scope="col" key={c}>
                      value (CPU {c})
                    </th>
                  ))}
                  <th scope="col">sum</th>
                </>
              ) : (
                <th scope="col">value</th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((e, i) => {
              const values = Array.isArray(e.value) ? e.value : [e.value]
              const sum = percpu ? sumPerCpu(values) : null
              return (
                <tr key={i}>
                  <td className="num mono muted">{i + 1}</td>
                  {hashed && <td className="num mono muted">{e.bucket}</td>}
                  <Cell bytes={e.key} />
                  {values.map((v, c) => (
                    <Cell key={c} bytes={v} />
                  ))}
                  {percpu && <td className="mono strong">{sum === null ? '—' : sum.toString()}</td>}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {map.entries.length > MAX_ROWS && (
        <p className="hint">
          Showing the first {MAX_ROWS} of {map.entries.length} elements.
        </p>
      )}
    </>
  )
}
