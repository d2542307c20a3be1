/**
 * What a paused program sees, under the editor: the call stack (innermost first; a click shows
 * that frame's locals), the locals of the selected frame and the globals, each value with its C
 * type, structs and arrays expandable, pointers with what they point to. Shown while a run is
 * paused; while it runs on, the last view stays dimmed so the panel does not jump at each step.
 */
import { useEffect, useState } from 'react'
import type { ValueView } from '../../runtime/debug-values'
import { useDebugger } from './store'
import type { PauseState } from '../../runtime/debug-control'

function ValueRow({ v, depth }: { v: ValueView; depth: number }) {
  const [open, setOpen] = useState(depth === 0 && (v.children?.length ?? 0) <= 8)
  const kids = v.children ?? []
  return (
    <>
      <div className="dbg-row" role="treeitem" aria-level={depth + 1} aria-expanded={kids.length ? open : undefined} style={{ paddingLeft: 8 + depth * 14 }}>
        {kids.length ? (
          <button className="dbg-twisty" aria-label={open ? `Collapse ${v.name}` : `Expand ${v.name}`} onClick={() => setOpen(!open)}>
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="dbg-twisty-space" />
        )}
        <span className="dbg-name mono">{v.name}</span>
        <span className="dbg-type mono">{v.type}</span>
        <span className="dbg-value mono" data-testid={`dbg-value-${v.name}`}>
          {v.value}
        </span>
        {v.note && <span className="dbg-note">{v.note}</span>}
      </div>
      {open && kids.map((c, i) => <ValueRow key={`${c.name}-${i}`} v={c} depth={depth + 1} />)}
    </>
  )
}

function Values({ title, values, empty, testid }: { title: string; values: ValueView[]; empty: string; testid: string }) {
  return (
    <section className="dbg-section" aria-label={title} data-testid={testid}>
      <h3 className="dbg-section-title">{title}</h3>
      <div role="tree" aria-label={title}>
        {values.length === 0 ? <div className="dbg-empty">{empty}</div> : values.map((v, i) => <ValueRow key={`${v.name}-${i}`} v={v} depth={0} />)}
      </div>
    </section>
  )
}

export function DebugPanel() {
  const paused = useDebugger((s) => s.paused)
  const running = useDebugger((s) => s.run !== null)
  const [shown, setShown] = useState<PauseState | null>(null)
  const [frame, setFrame] = useState(0)
  useEffect(() => {
    if (paused) {
      setShown(paused)
      setFrame(0)
    } else if (!running) setShown(null)
  }, [paused, running])
  if (!shown) return null
  const f = shown.stack[Math.min(frame, shown.stack.length - 1)]
  return (
    <div className={`dbg-panel ${paused ? '' : 'dbg-panel-stale'}`} aria-label="Debugger" data-testid="debug-panel">
      <section className="dbg-section dbg-stack" aria-label="Call stack">
        <h3 className="dbg-section-title">Call stack</h3>
        <ol className="dbg-frames">
          {shown.stack.map((s, i) => (
            <li key={i}>
              <button className={`dbg-frame ${i === frame ? 'dbg-frame-active' : ''}`} aria-current={i === frame} onClick={() => setFrame(i)}>
                <span className="mono">{s.fn}()</span>
                <span className="dbg-frame-line">
                  {s.file}:{s.line}
                </span>
              </button>
            </li>
          ))}
        </ol>
      </section>
      <Values
        title={f && frame > 0 ? `Locals of ${f.fn}()` : 'Locals'}
        values={f?.locals ?? []}
        empty={f && !f.captured && frame > 0 ? 'not captured' : 'no variables in scope'}
        testid="debug-locals"
      />
      <Values title="Globals" values={shown.globals} empty="no globals" testid="debug-globals" />
    </div>
  )
}
