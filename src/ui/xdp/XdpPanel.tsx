/**
 * The inspector's CPU panel: eth0's XDP traffic at display rate. Per CPU, packets per second,
 * total packets and how busy it was; the XDP actions the program returned; and for counter maps
 * the lost-update gap (packets the program ran on vs the packets the map counted). Shown from the
 * first XDP use of a boot on; it can be folded away.
 */
import { useState } from 'react'
import { useXdp } from '../machine/xdp-store'
import type { CounterRow } from './lost-updates'
import { useXdpView, type CpuView } from './xdp-view'
import { useXdpViewLoop } from './view-loop'
import '../styles/xdp.css'

const fmt = new Intl.NumberFormat('en-US')
const ACTIONS = ['ABORTED', 'DROP', 'PASS', 'TX', 'REDIRECT']

function CpuRow({ c, maxPps }: { c: CpuView; maxPps: number }) {
  const share = maxPps > 0 ? c.pps / maxPps : 0
  return (
    <li className="xdp-cpu" data-cpu={c.cpu}>
      <span className="xdp-cpu-name mono">CPU{c.cpu}</span>
      <span className="xdp-bar-track" aria-hidden="true">
        <span className="xdp-bar-fill" style={{ transform: `scaleX(${share})` }} />
      </span>
      <span className="num mono" data-testid={`cpu-pps-${c.cpu}`}>
        {fmt.format(Math.round(c.pps))}/s
      </span>
      <span className="num mono muted" data-testid={`cpu-packets-${c.cpu}`}>
        {fmt.format(c.packets)}
      </span>
      <span className="num mono muted small" title="busy: share of the last second this CPU spent running packets">
        {Math.round(c.busy * 100)}%
      </span>
    </li>
  )
}

function Counters({ rows, settled, cpus }: { rows: CounterRow[]; settled: boolean; cpus: number }) {
  if (rows.length === 0) return null
  return (
    <div className="xdp-counters">
      <h4 className="xdp-subhead">
        Counter maps: packets run vs packets counted
        {!settled && <span className="muted small"> · live (exact once the traffic stops)</span>}
      </h4>
      <div className="table-wrap">
        <table className="table xdp-counter-table" data-testid="lost-updates">
          <thead>
            <tr>
              <th scope="col">map · counter</th>
              <th scope="col" className="num">
                ran
              </th>
              <th scope="col" className="num">
                counted
              </th>
              <th scope="col" className="num">
                lost
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const pct = r.ran > 0 ? (100 * r.gap) / r.ran : 0
              return (
                <tr key={r.mapId} data-map={r.mapName} data-gap={r.gap} data-ran={r.ran} data-counted={r.counted} className={r.gap > 0 ? 'xdp-row-lost' : ''}>
                  <td>
                    <span className="mono">{r.mapName}</span>
                    {r.field && <span className="mono muted">.{r.field}</span>} <span className="chip chip-muted">{r.percpu ? 'per-CPU' : 'shared'}</span>
                  </td>
                  <td className="num mono">{fmt.format(r.ran)}</td>
                  <td className="num mono">{fmt.format(r.counted)}</td>
                  <td className="num mono xdp-lost">{r.gap > 0 ? `${fmt.format(r.gap)} (${pct < 0.1 ? pct.toFixed(2) : pct.toFixed(1)}%)` : '0'}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <p className="hint">
        {rows.some((r) => r.gap > 0 && !r.percpu)
          ? `A plain ++ on a value all ${cpus} CPUs share is a read, an add and a write: two CPUs that read the same old value write the same new one, and a packet is lost. __sync_fetch_and_add is one atomic instruction; a per-CPU map gives each CPU its own copy to sum. (A program that does not count every packet shows a gap too.)`
          : 'Every packet the program ran on was counted: atomic adds and per-CPU values never lose an update.'}
      </p>
    </div>
  )
}

export function XdpPanel() {
  useXdpViewLoop()
  const used = useXdp((s) => s.used)
  const v = useXdpView()
  const [open, setOpen] = useState(true)
  if (!used) return null
  const maxPps = Math.max(1, ...v.cpus.map((c) => c.pps))
  return (
    <section className="xdp-panel" aria-label="XDP CPUs" data-testid="xdp-panel" data-view-updates={v.updates} data-packets={v.packets}>
      <div className="xdp-panel-head">
        <button className="xdp-fold" onClick={() => setOpen(!open)} aria-expanded={open} aria-controls="xdp-panel-body">
          <span className={`xdp-caret ${open ? 'xdp-caret-open' : ''}`} aria-hidden="true" />
          CPUs · eth0
        </button>
        <span className="xdp-attached small" data-testid="xdp-attached">
          {v.attached ? (
            <>
              <span className="xdp-dot xdp-dot-ok" aria-hidden="true" />
              <span className="mono">{v.attached.name}</span> <span className="muted">prog {v.attached.progId} · link {v.attached.linkId}</span>
            </>
          ) : (
            <span className="muted">no program attached: packets pass to the stack</span>
          )}
        </span>
        <span className="xdp-total mono small" data-testid="xdp-total">
          {fmt.format(Math.round(v.pps))} pkt/s · {fmt.format(v.packets)} packets
        </span>
      </div>
      {open && (
        <div id="xdp-panel-body" className="xdp-panel-body">
          <ul className="xdp-cpus">
            {v.cpus.map((c) => (
              <CpuRow key={c.cpu} c={c} maxPps={maxPps} />
            ))}
            {v.cpus.length === 0 && <li className="muted small">The CPUs start with the first traffic or Step.</li>}
          </ul>
          <div className="xdp-actions" data-testid="xdp-actions">
            {ACTIONS.map((name, i) => (
              <span key={name} className={`xdp-action xdp-action-xdp_${name.toLowerCase()} ${v.actions[i] === 0 ? 'xdp-action-zero' : ''}`} data-action={`XDP_${name}`} data-count={v.actions[i]}>
                XDP_{name} <span className="mono">{fmt.format(v.actions[i])}</span>
              </span>
            ))}
            {v.noProgram > 0 && (
              <span className="muted small" title="packets that arrived while no program was attached: the stack got them (counted in XDP_PASS)">
                {fmt.format(v.noProgram)} without a program
              </span>
            )}
            {v.faults > 0 && <span className="xdp-faults small">{fmt.format(v.faults)} aborted by a fault</span>}
          </div>
          <Counters rows={v.counters} settled={v.settled} cpus={v.cpus.length} />
        </div>
      )}
    </section>
  )
}
