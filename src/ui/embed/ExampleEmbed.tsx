/**
 * `?embed=1&example=<id>`: one example for an iframe in documentation. The bar has the title,
 * Run and a link to the full playground; below, the editors and the console. Nothing is saved
 * in the visitor's storage (the example must not replace their own work).
 */
import { useEffect, useState } from 'react'
import { Logo, PlayIcon } from '../layout/icons'
import { useMachine } from '../machine/store'
import { useConsole } from '../console/store'
import { loadExampleIndex, openExample, type Example } from '../toolbar/examples'

/** Loads the example into the editors; its title once known. */
function useExample(id: string): Example | null {
  const [example, setExample] = useState<Example | null>(null)
  useEffect(() => {
    let live = true
    loadExampleIndex()
      .then(async (index) => {
        const ex = index.groups.flatMap((g) => g.examples).find((e) => e.id === id)
        if (!ex) {
          useConsole.getState().note('error', `There is no example “${id}”.`)
          return
        }
        await openExample(ex)
        if (live) setExample(ex)
      })
      .catch((e: unknown) => useConsole.getState().note('error', `Could not load the examples: ${e instanceof Error ? e.message : String(e)}`))
    return () => {
      live = false
    }
  }, [id])
  return example
}

export function ExampleEmbedBar({ id, canRun }: { id: string; canRun: boolean }) {
  const example = useExample(id)
  const phase = useMachine((s) => s.phase)
  const run = useMachine((s) => s.run)
  return (
    <header className="embed-bar">
      <Logo />
      <span className="embed-title" title={example?.summary}>
        {example ? example.title : 'bpfplay example'}
      </span>
      <button className="btn btn-primary btn-small" onClick={() => void run()} disabled={!canRun || phase !== 'idle' || !example} data-testid="run" title="Compile and run user.c">
        <PlayIcon />
        {phase === 'idle' ? 'Run' : 'Running…'}
      </button>
      <a className="embed-open" href={`${location.pathname}`} target="_blank" rel="noopener">
        Open bpfplay ↗
      </a>
    </header>
  )
}
