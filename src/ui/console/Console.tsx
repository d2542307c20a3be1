/**
 * The console card: every run with its compiler diagnostics (a click jumps to the position in
 * the editor), its stdout and stderr (stderr in red) in the order the program wrote them, and
 * a closing status line. It follows the output while scrolled to the bottom.
 */
import { useEffect, useLayoutEffect, useRef } from 'react'
import type { Diagnostic } from '../../lang/api'
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

export function Console() {
  const entries = useConsole((s) => s.entries)
  const clear = useConsole((s) => s.clear)
  const body = useRef<HTMLDivElement>(null)
  const stick = useRef(true)

  useLayoutEffect(() => {
    const el = body.current
    if (el && stick.current) el.scrollTop = el.scrollHeight
  }, [entries])

  useEffect(() => {
    const el = body.current!
    const onScroll = () => {
      stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24
    }
    el.addEventListener('scroll', onScroll, { passive: true })
    return () => el.removeEventListener('scroll', onScroll)
  }, [])

  return (
    <section className="card console-card" aria-label="Console">
      <div className="card-head">
        <h2 className="card-title">Console</h2>
        <button className="btn btn-ghost btn-small" onClick={clear} disabled={entries.length === 0}>
          Clear
        </button>
      </div>
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
    </section>
  )
}
