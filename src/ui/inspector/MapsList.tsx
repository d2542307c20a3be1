/**
 * All maps of the kernel, one row each, laid out like `bpftool map show`: id, type and name on
 * the first line; key and value size, max_entries, memlock and flags on the second. Maps the
 * last program freed (by close(fd) or at exit) stay listed, dimmed and marked, so a short
 * program's work can be looked at after it ended; they go with the next run or a reboot.
 */
import type { MapSnapshot } from '../../kernel/api'
import type { FreedHow } from '../../runtime/freed-maps'
import { mapFlagNames, mapTypeName } from './names'
import '../styles/inspector.css'

export interface ListedMap {
  snap: MapSnapshot
  /** How the map was freed, if it no longer exists. */
  freed?: FreedHow
}

export function MapsList({ maps, selected, onSelect }: { maps: ListedMap[]; selected: number | null; onSelect(id: number): void }) {
  return (
    <div className="table-wrap">
      <table className="table maps-table" aria-label="Maps (bpftool map show)">
        <thead>
          <tr>
            <th scope="col" className="num">
              id
            </th>
            <th scope="col">map</th>
            <th scope="col" className="num" title="elements now">
              elements
            </th>
            <th scope="col">state</th>
          </tr>
        </thead>
        <tbody>
          {maps.map(({ snap: m, freed }) => {
            const flags = mapFlagNames(m.flags)
            return (
              <tr
                key={m.id}
                className={`${selected === m.id ? 'row-selected' : ''} ${freed ? 'row-freed' : ''}`}
                aria-selected={selected === m.id}
                tabIndex={0}
                onClick={() => onSelect(m.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault()
                    onSelect(m.id)
                  }
                }}
                data-map-id={m.id}
                data-map-name={m.name}
              >
                <td className="num mono strong">{m.id}</td>
                <td className="map-cell">
                  <div>
                    <span className="mono map-type">{mapTypeName(m.type)}</span>
                    <span className="mono strong">{m.name || <span className="muted">(no name)</span>}</span>
                    <span className="mono map-flags" title={flags.length ? flags.join(' | ') : 'no flags'}>
                      flags 0x{m.flags.toString(16)}
                    </span>
                  </div>
                  <div className="mono map-line2">{`key ${m.keySize}B  value ${m.valueSize}B  max_entries ${m.maxEntries}  memlock ${m.memlock}B`}</div>
                </td>
                <td className="num mono">{m.entries.length}</td>
                <td>
                  <div className="state-cell">
                    {freed && (
                      <span className="chip chip-muted" title="This map no longer exists: this is its last state">
                        {freed === 'close' ? 'freed by close()' : 'freed at exit'}
                      </span>
                    )}
                    {m.frozen && (
                      <span className="chip chip-frozen" title="bpf_map_freeze(): userspace writes fail with EPERM">
                        <svg width="10" height="10" viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="chip-lock">
                          <rect x="3" y="7" width="10" height="7.5" rx="1.5" fill="currentColor" />
                          <path d="M5.2 7V5a2.8 2.8 0 0 1 5.6 0v2" fill="none" stroke="currentColor" strokeWidth="1.8" />
                        </svg>
                        frozen
                      </span>
                    )}
                    {m.pins.length > 0 && (
                      <span className="chip chip-pinned" title={m.pins.join('\n')}>
                        pinned
                      </span>
                    )}
                    {!freed && m.fds.length > 0 && (
                      <span className="chip chip-muted" title={m.fds.map((f) => `pid ${f.pid} fd ${f.fd}`).join('\n')}>
                        {m.fds.length} fd{m.fds.length > 1 ? 's' : ''}
                      </span>
                    )}
                  </div>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
