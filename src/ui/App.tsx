/**
 * The playground page: toolbar on top; the editor above the console on the left; the kernel
 * inspector on the right; the lesson panel, when open, beside the editors. Panes are
 * resizable; on narrow screens they stack, and on a phone the code is read-only (layout/phone.ts).
 *
 * A first visit (nothing saved, no link) shows an XDP program counting live traffic at once
 * (workspace/demo.ts); `?demo=0` opens the quiet default instead.
 *
 * `?lesson=<id or URL>&step=N` opens a lesson at a step. With `&embed=1` the page is the
 * embedded view for documentation: one lesson step, the editor and the console, Run and
 * Check, and nothing saved in this browser's storage; `?embed=1&example=<id>` does the same for
 * one example.
 */
import { useEffect, useState } from 'react'
import { restoreWorkspace, startMachine } from './bootstrap'
import { installShortcuts } from './commands'
import { Console } from './console/Console'
import { EditorPane } from './editor/EditorPane'
import { Inspector } from './inspector/Inspector'
import { useIsolation } from './isolation'
import { usePhone } from './layout/phone'
import { useSizes } from './layout/sizes'
import { Splitter } from './layout/Splitter'
import { ExampleEmbedBar } from './embed/ExampleEmbed'
import { EmbedBar } from './lessons/EmbedBar'
import { LessonPanel } from './lessons/LessonPanel'
import { useLessons } from './lessons/store'
import { readLessonParams, type LessonParams } from './lessons/url'
import { useMachine } from './machine/store'
import { Toolbar } from './toolbar/Toolbar'
import { startDemo } from './workspace/demo'
import { demoAllowed } from './workspace/first-visit'
import { useWorkspace } from './workspace/store'
import './styles/lessons.css'
import './styles/phone.css'

function IsolationBanner({ why }: { why: string }) {
  return (
    <div className="banner banner-error" role="alert">
      <strong>Programs cannot run here.</strong> The simulated kernel keeps its memory in a SharedArrayBuffer, which browsers provide only to cross-origin
      isolated pages, and this page is not isolated: {why} You can still read and edit programs and share links. To run them, open bpfplay from a server that
      sends the <code>Cross-Origin-Opener-Policy: same-origin</code> and <code>Cross-Origin-Embedder-Policy: require-corp</code> headers, or over https.
    </div>
  )
}

/** The embedded view of a lesson step or an example: no autosave (it must not replace the visitor's own work). */
function EmbedApp({ params }: { params: LessonParams }) {
  const iso = useIsolation()
  const phase = useMachine((s) => s.phase)
  useEffect(() => {
    if (!params.lesson) return
    useLessons.getState().setEmbed(true)
    void useLessons.getState().openLesson(params.lesson, (params.step ?? 1) - 1, true)
  }, [params])
  useEffect(() => {
    if (iso.state !== 'isolated') return
    return startMachine(false)
  }, [iso.state])
  useEffect(installShortcuts, [])
  return (
    <div className="app app-embed" data-phase={phase} data-isolation={iso.state} data-embed="1">
      {params.lesson ? <EmbedBar canRun={iso.state === 'isolated'} /> : <ExampleEmbedBar id={params.example!} canRun={iso.state === 'isolated'} />}
      {iso.state === 'unavailable' && <IsolationBanner why={iso.why} />}
      <main className={`embed-workspace ${params.lesson ? '' : 'embed-example'}`}>
        {params.lesson && <LessonPanel embed />}
        <div className="embed-right">
          <EditorPane editable={iso.state !== 'waiting'} />
          <Console />
        </div>
      </main>
    </div>
  )
}

function PlaygroundApp({ params }: { params: LessonParams }) {
  const iso = useIsolation()
  const [restored] = useState(restoreWorkspace)
  const phase = useMachine((s) => s.phase)
  const exampleId = useWorkspace((s) => s.exampleId)
  const lessonsOpen = useLessons((s) => s.open)
  const sizes = useSizes()

  useEffect(() => {
    // A lesson link opens the lesson; its starter code replaces the editors only on a first visit.
    if (params.lesson) void useLessons.getState().openLesson(params.lesson, params.step !== null ? params.step - 1 : undefined, restored.firstVisit)
  }, [params, restored])

  // A first visit with nothing of the visitor's own runs the live demo (workspace/demo.ts);
  // with ?demo=0 it runs the quiet default example once instead.
  const [demo] = useState(() => restored.firstVisit && demoAllowed(location.search))

  useEffect(() => {
    if (iso.state !== 'isolated') return
    const stop = startMachine(restored.firstVisit && !params.lesson && !demo)
    if (demo) void startDemo()
    return stop
  }, [iso.state, restored, params, demo])

  useEffect(installShortcuts, [])

  // On a phone the console is below the code: a run the visitor started brings it into view
  // (not the first visit's own run: the page opens at its top).
  const phone = usePhone()
  useEffect(() => {
    if (!phone) return
    let gestureAt = -Infinity
    const gesture = () => (gestureAt = performance.now())
    addEventListener('pointerdown', gesture, true)
    addEventListener('keydown', gesture, true)
    const unsub = useMachine.subscribe((s, p) => {
      if (s.phase !== 'compiling' || p.phase !== 'idle' || performance.now() - gestureAt > 3000) return
      const still = matchMedia('(prefers-reduced-motion: reduce)').matches
      document.querySelector('.console-card')?.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' })
    })
    return () => {
      unsub()
      removeEventListener('pointerdown', gesture, true)
      removeEventListener('keydown', gesture, true)
    }
  }, [phone])

  return (
    <div className="app" data-phase={phase} data-isolation={iso.state} data-example={exampleId ?? ''}>
      <Toolbar canRun={iso.state === 'isolated'} />
      {iso.state === 'unavailable' && <IsolationBanner why={iso.why} />}
      <div className={`workspace-frame ${lessonsOpen ? 'with-lessons' : ''}`}>
        {lessonsOpen && <LessonPanel />}
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
    </div>
  )
}

export function App() {
  const [params] = useState(() => readLessonParams())
  return params.embed ? <EmbedApp params={params} /> : <PlaygroundApp params={params} />
}
