/**
 * The console card, a strip of tabs: Output (every run with its compiler diagnostics, a click
 * jumps to the position in the editor; its stdout and stderr, stderr in red, in the order the
 * program wrote them; a closing status line; it follows the output while scrolled to the
 * bottom) and bpftool (a terminal on the same kernel). A tab is one entry of CONSOLE_TABS:
 * a trace_pipe tab is one more line there. Tabs follow the ARIA tabs pattern (arrow keys,
 * Home/End move between them); inactive panels stay mounted, so they keep their scroll.
 */
import { useFollowScroll } from '../layout/follow-scroll'
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import type { Diagnostic } from '../../lang/api'
import { BpftoolPane } from '../bpftool/BpftoolPane'
import { ClearTrace, TracePipe } from '../xdp/TracePipe'
import { useBpftool } from '../bpftool/store'
import { isFileName } from '../workspace/files'
import { useWorkspace } from '../workspace/store'
import { useConsole, type ConsoleEntry, type RunEntry } from './store'

/** gcc's format, `file:line:col: severity: message` (as src/lang's formatDiagnostic, without importing the compiler here). */
function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}`
}

function RunView({ run }: { run: RunEntry }) {
  const reveal = useWorkspace((s) => s.revealPosition)
  const time = new Date(run.startedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })
  const end = run.end
  const endTone = !end ? '' : end.kind === 'exit' && end.exitCode === 0 ? 'ok' : end.kind === 'signal' && end.signal === 'SIGKILL' ? 'warn' : 'bad'
  return (
    <div className="run" data-run-id={run.id} data-phase={run.phase} data-exit-code={end?.exitCode ?? ''}>
      <div className="run-head">
        <span className="run-prompt" aria-hidden="true">$</span> ./{run.file.replace(/\.c$/, '')}
        <span className="run-time">{time}</span>
      </div>
      {run.diagnostics.length > 0 && (
        <ul className="diags" aria-label="Compiler messages">
          {run.diagnostics.map((d, i) => {
            const text = formatDiagnostic(d)
            const file = d.file
            return (
              <li key={i} className={`diag diag-${d.severity}`}>
                {isFileName(file) ? (
                  <button className="diag-link" data-severity={d.severity} onClick={() => reveal(file, d.line, d.col)} title="Show in the editor">
                    {text}
                  </button>
                ) : (
                  <span>{text}</span>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {run.chunks.length > 0 && (
        <pre className="output">
          {run.chunks.map((c, i) => (
            <span key={i} className={`out-${c.stream}`} data-stream={c.stream}>
              {c.text}
            </span>
          ))}
        </pre>
      )}
      {run.phase === 'compiling' && <div className="run-status run-status-busy">compiling…</div>}
      {run.phase === 'running' && <div className="run-status run-status-busy">running…</div>}
      {run.phase === 'stopping' && <div className="run-status run-status-busy">stopping…</div>}
      {end && (
        <div className={`run-status run-status-${endTone}`} data-testid="run-status" role="status">
          <span className="status-dot" aria-hidden="true" />
          {end.text}
          {end.wallMs !== undefined && <span className="run-ms"> · {end.wallMs < 1000 ? `${Math.max(1, Math.round(end.wallMs))} ms` : `${(end.wallMs / 1000).toFixed(1)} s`}</span>}
        </div>
      )}
    </div>
  )
}

function EntryView({ entry }: { entry: ConsoleEntry }) {
  if (entry.kind === 'run') return <RunView run={entry} />
  return <div className={`note note-${entry.tone}`}>{entry.text}</div>
}

function OutputPanel() {
  const entries = useConsole((s) => s.entries)
  const { body } = useFollowScroll(entries)

  return (
    <div className="console-body" ref={body} data-testid="console">
      {entries.length === 0 && (
        <p className="empty">
          Output of <code>user.c</code> appears here. Press <kbd>Run</kbd> or <kbd>Ctrl</kbd>+<kbd>Enter</kbd>.
        </p>
      )}
      {entries.map((e) => (
        <EntryView key={e.id} entry={e} />
      ))}
    </div>
  )
}

function ClearOutput() {
  const empty = useConsole((s) => s.entries.length === 0)
  return (
    <button className="btn btn-ghost btn-small" onClick={() => useConsole.getState().clear()} disabled={empty} aria-label="Clear the output">
      Clear
    </button>
  )
}

function ClearBpftool() {
  const empty = useBpftool((s) => s.entries.length === 0)
  return (
    <button className="btn btn-ghost btn-small" onClick={() => useBpftool.getState().clear()} disabled={empty} aria-label="Clear the bpftool transcript">
      Clear
    </button>
  )
}

interface ConsoleTab {
  id: string
  label: string
  panel: () => ReactNode
  actions?: () => ReactNode
}

/** The tabs, in order. */
const CONSOLE_TABS: ConsoleTab[] = [
  { id: 'output', label: 'Output', panel: () => <OutputPanel />, actions: () => <ClearOutput /> },
  { id: 'bpftool', label: 'bpftool', panel: () => <BpftoolPane />, actions: () => <ClearBpftool /> },
  { id: 'trace', label: 'trace_pipe', panel: () => <TracePipe />, actions: () => <ClearTrace /> },
]

export function Console() {
  const [active, setActive] = useState(CONSOLE_TABS[0].id)
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([])
  const current = CONSOLE_TABS.find((t) => t.id === active) ?? CONSOLE_TABS[0]

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = CONSOLE_TABS.findIndex((t) => t.id === active)
    const n = CONSOLE_TABS.length
    const to = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i - 1 + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1
    if (to < 0) return
    e.preventDefault()
    setActive(CONSOLE_TABS[to].id)
    tabRefs.current[to]?.focus()
  }

  return (
    <section className="card console-card" aria-label="Console">
      <div className="card-head console-head">
        <h2 className="visually-hidden">Console</h2>
        <div className="console-tabs" role="tablist" aria-label="Console" onKeyDown={onKeyDown}>
          {CONSOLE_TABS.map((t, i) => (
            <button
              key={t.id}
              ref={(el) => {
                tabRefs.current[i] = el
              }}
              id={`console-tab-${t.id}`}
              role="tab"
              type="button"
              aria-selected={t.id === active}
              aria-controls={`console-panel-${t.id}`}
              tabIndex={t.id === active ? 0 : -1}
              className={`tab console-tab ${t.id === active ? 'tab-active' : ''}`}
              data-tab={t.id}
              onClick={() => setActive(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <div className="console-actions">{current.actions?.()}</div>
      </div>
      {CONSOLE_TABS.map((t) => (
        <div key={t.id} id={`console-panel-${t.id}`} role="tabpanel" aria-labelledby={`console-tab-${t.id}`} className="console-panel" hidden={t.id !== active}>
          {t.panel()}
        </div>
      ))}
    </section>
  )
}
