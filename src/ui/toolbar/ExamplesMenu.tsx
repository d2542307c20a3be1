/** The Examples menu: every example of the catalogue, grouped, one click to load. */
import { useEffect, useState } from 'react'
import { Popover } from '../layout/Popover'
import { useWorkspace } from '../workspace/store'
import { loadExampleIndex, openExample, type ExampleIndex } from './examples'

function ExampleList({ close }: { close(): void }) {
  const [index, setIndex] = useState<ExampleIndex | null>(null)
  const [error, setError] = useState<string | null>(null)
  const current = useWorkspace((s) => s.exampleId)
  useEffect(() => {
    loadExampleIndex().then(setIndex, (e: unknown) => setError(e instanceof Error ? e.message : String(e)))
  }, [])
  if (error) return <p className="popover-msg">Could not load the examples: {error}</p>
  if (!index) return <p className="popover-msg">Loading…</p>
  return (
    <nav className="examples" aria-label="Examples">
      {index.groups.map((g) => (
        <div key={g.title} className="examples-group">
          <h3 className="examples-title">{g.title}</h3>
          {g.note && <p className="examples-note">{g.note}</p>}
          <ul>
            {g.examples.map((ex) => (
              <li key={ex.id}>
                <button
                  className={`example ${current === ex.id ? 'example-current' : ''}`}
                  data-example={ex.id}
                  aria-current={current === ex.id ? 'true' : undefined}
                  onClick={() => {
                    close()
                    void openExample(ex)
                  }}
                >
                  <span className="example-title">{ex.title}</span>
                  <span className="example-summary">{ex.summary}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  )
}

export function ExamplesMenu() {
  return (
    <Popover label={<>Examples <span aria-hidden="true">▾</span></>} buttonClass="btn" title="Load an example program" onOpen={() => void loadExampleIndex().catch(() => {})}>
      {(close) => <ExampleList close={close} />}
    </Popover>
  )
}
