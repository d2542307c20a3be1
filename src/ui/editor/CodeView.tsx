/**
 * The phone's code view: the active file read-only, coloured by highlight-c.ts, lines wrapped
 * so nothing scrolls sideways, with line numbers and the lines the compiler flagged marked.
 * It reads the workspace store, the editors' single source of truth, so what is shown is
 * always what Run compiles, and nothing typed elsewhere is lost. "Edit" opens the full editor
 * on the phone anyway; "Done" comes back.
 */
import { useMemo } from 'react'
import { usePhoneEdit } from '../layout/phone'
import { useWorkspace } from '../workspace/store'
import { ownDiagnostics, useDiagnostics } from './diagnostics-store'
import { highlightC } from './highlight-c'

export function CodeView() {
  const active = useWorkspace((s) => s.active)
  const text = useWorkspace((s) => s.files[s.active])
  const diags = useDiagnostics((s) => s.byFile[active])
  const lines = useMemo(() => highlightC(text), [text])
  const flagged = useMemo(() => {
    const m = new Map<number, 'error' | 'warning'>()
    for (const d of ownDiagnostics(active, diags ?? [])) {
      if (d.severity === 'error') m.set(d.line, 'error')
      else if (d.severity === 'warning' && !m.has(d.line)) m.set(d.line, 'warning')
    }
    return m
  }, [active, diags])
  return (
    // A named region a keyboard can reach (the code may be wider than a line on a phone).
    <pre className="code-view" data-testid="code-view" role="region" tabIndex={0} aria-label={`${active}, read-only`}>
      <code>
        {lines.map((tokens, i) => {
          const flag = flagged.get(i + 1)
          return (
            <span key={i} className={`cv-line${flag ? ` cv-line-${flag}` : ''}`} data-line={i + 1}>
              {tokens.map((t, j) =>
                t.kind ? (
                  <span key={j} className={`tok-${t.kind}`}>
                    {t.text}
                  </span>
                ) : (
                  t.text
                ),
              )}
            </span>
          )
        })}
      </code>
    </pre>
  )
}

/** The switch between the read-only view and the full editor on a phone. */
export function PhoneEditToggle() {
  const editing = usePhoneEdit((s) => s.editing)
  const setEditing = usePhoneEdit((s) => s.setEditing)
  return (
    <button
      className="btn btn-small phone-edit-toggle"
      data-testid="phone-edit"
      aria-pressed={editing}
      title={editing ? 'Back to the read-only view' : 'Edit in the full editor (made for a keyboard and mouse)'}
      onClick={() => setEditing(!editing)}
    >
      {editing ? 'Done' : 'Edit'}
    </button>
  )
}
