/**
 * The playground page: toolbar on top; the editor above the console on the left; the kernel
 * inspector on the right. Panes are resizable; on narrow screens they stack.
 */
import { useEffect, useState } from 'react'
import { restoreWorkspace, startMachine } from './bootstrap'
import { installShortcuts } from './commands'
import { Console } from './console/Console'
import { EditorPane } from './editor/EditorPane'
import { Inspector } from './inspector/Inspector'
import { useIsolation } from './isolation'
import { useSizes } from './layout/sizes'
import { Splitter } from './layout/Splitter'
import { useMachine } from './machine/store'
import { Toolbar } from './toolbar/Toolbar'
import { useWorkspace } from './workspace/store'

function IsolationBanner({ why }: { why: string }) {
  return (
    <div className="banner banner-error" role="alert">
      <strong>Programs cannot run here.</strong> The simulated kernel keeps its memory in a SharedArrayBuffer, which browsers provide only to cross-origin
      isolated pages, and this page is not isolated: {why} You can still read and edit programs and share links. To run them, open bpfplay from a server that
      sends the <code>Cross-Origin-Opener-Policy: same-origin</code> and <code>Cross-Origin-Embedder-Policy: require-corp</code> headers, or over https.
    </div>
  )
}

export function App() {
  const iso = useIsolation()
  const [restored] = useState(restoreWorkspace)
  const phase = useMachine((s) => s.phase)
  const exampleId = useWorkspace((s) => s.exampleId)
  const sizes = useSizes()

  useEffect(() => {
    if (iso.state !== 'isolated') return
    return startMachine(restored.firstVisit)
  }, [iso.state, restored])

  useEffect(installShortcuts, [])

  return (
    <div className="app" data-phase={phase} data-isolation={iso.state} data-example={exampleId ?? ''}>
      <Toolbar canRun={iso.state === 'isolated'} />
      {iso.state === 'unavailable' && <IsolationBanner why={iso.why} />}
      <main className="workspace" style={{ '--left': `${sizes.left}%`, '--console': `${sizes.console}%` } as React.CSSProperties}>
        <div className="col-left">
          <EditorPane editable={iso.state !== 'waiting'} />
          <Splitter orientation="horizontal" invert value={sizes.console} min={14} max={80} onChange={(v) => sizes.set({ console: v })} label="Resize the console" />
          <Console />
        </div>
        <Splitter orientation="vertical" value={sizes.left} min={30} max={75} onChange={(v) => sizes.set({ left: v })} label="Resize the inspector" />
        <Inspector />
      </main>
    </div>
  )
}
