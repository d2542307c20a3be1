/**
 * The editor card: a tab per file (with its error and warning counts), a note on what the
 * active file is for, and the Monaco editor, loaded lazily. Until Monaco arrives the code is
 * shown as plain text, so the page is readable from the first paint. On a phone the code is
 * shown read-only and coloured instead (CodeView.tsx), with an Edit button for the full editor.
 */
import { lazy, Suspense } from 'react'
import { FILE_NAMES, type FileName } from '../workspace/files'
import { useWorkspace } from '../workspace/store'
import { ownDiagnostics, useDiagnostics } from './diagnostics-store'
import { DebugPanel } from '../debugger/DebugPanel'
import { DebugBar } from '../debugger/DebugBar'
import { usePhone, usePhoneEdit } from '../layout/phone'
import { CodeView, PhoneEditToggle } from './CodeView'
import { XdpStepPanel } from '../xdp/StepPacket'

const CodeEditor = lazy(() => import('./CodeEditor'))

const ROLE: Record<FileName, string> = {
  'user.c': 'userspace program: runs as a process and calls bpf() through libbpf',
  'xdp_prog.c': 'XDP program: checked by the compiler as you type; load and attach it with the eth0 bar, or from user.c with bpf_object__open_file()',
}

function TabCounts({ file }: { file: FileName }) {
  const diags = useDiagnostics((s) => s.byFile[file])
  const own = ownDiagnostics(file, diags)
  const errors = own.filter((d) => d.severity === 'error').length
  const warnings = own.filter((d) => d.severity === 'warning').length
  return (
    <>
      {errors > 0 && (
        <span className="badge badge-error" aria-label={`${errors} error${errors > 1 ? 's' : ''}`}>
          {errors}
        </span>
      )}
      {warnings > 0 && (
        <span className="badge badge-warning" aria-label={`${warnings} warning${warnings > 1 ? 's' : ''}`}>
          {warnings}
        </span>
      )}
    </>
  )
}

function Fallback() {
  const text = useWorkspace((s) => s.files[s.active])
  return (
    // Scrollable, so reachable by keyboard (axe: scrollable-region-focusable) until Monaco takes over.
    <pre className="editor-fallback" aria-busy="true" tabIndex={0}>
      {text}
    </pre>
  )
}

export function EditorPane({ editable }: { editable: boolean }) {
  const active = useWorkspace((s) => s.active)
  const setActive = useWorkspace((s) => s.setActive)
  // On a phone the code is read-only and coloured (CodeView) unless the visitor asks to edit.
  const phone = usePhone()
  const readOnly = usePhoneEdit((s) => phone && !s.editing)
  return (
    <section className="card editor-card" aria-label="Editor">
      <div className="tabs">
        {/* the tablist holds only tabs (ARIA); the role text and the debug bar sit beside it */}
        <div className="tablist-files" role="tablist" aria-label="Source files">
          {FILE_NAMES.map((name) => (
            <button
              key={name}
              role="tab"
              id={`tab-${name}`}
              aria-selected={active === name}
              aria-controls="editor-panel"
              className={`tab ${active === name ? 'tab-active' : ''}`}
              onClick={() => setActive(name)}
            >
              <span className="tab-name">{name}</span>
              <TabCounts file={name} />
            </button>
          ))}
        </div>
        <span className="tab-role" title={ROLE[active]}>
          {ROLE[active]}
        </span>
        {editable && !readOnly && <DebugBar />}
        {phone && editable && <PhoneEditToggle />}
      </div>
      <div className="editor-body" id="editor-panel" role="tabpanel" aria-labelledby={`tab-${active}`}>
        {readOnly ? (
          <CodeView />
        ) : editable ? (
          <Suspense fallback={<Fallback />}>
            <CodeEditor />
          </Suspense>
        ) : (
          <Fallback />
        )}
      </div>
      {editable && <XdpStepPanel />}
      {editable && <DebugPanel />}
    </section>
  )
}
