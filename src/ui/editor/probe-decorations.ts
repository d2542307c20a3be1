/**
 * Inline probes in the editor: at the end of each `// ^?` line of user.c, the value its
 * expression had there in the last run (the newest, and the earlier ones when the line ran
 * several times), as the TypeScript playground shows types. Drawn from the debugger store,
 * which the run fills at each pause and at its end.
 */
import type { ProbeResult } from '../../runtime/probes'
import { useDebugger } from '../debugger/store'
import { monaco } from './monaco-setup'

type Model = ReturnType<typeof monaco.editor.createModel>

/** The text shown after a probe comment. */
export function probeText(r: ProbeResult): string {
  if (!r.expr) return `  ${r.note ?? 'nothing under the caret'}`
  if (r.values.length === 0) return `  ${r.expr}: ${r.note ?? (r.hits === 0 ? 'not reached in the last run' : 'no value')}`
  const last = r.values[r.values.length - 1]
  if (r.hits === 1) return `  ${r.expr} = ${last}`
  const earlier = r.values.slice(0, -1)
  const more = r.hits - r.values.length
  return `  ${r.expr} = ${last}   (ran ${r.hits}×: ${more > 0 ? '… ' : ''}${[...earlier, last].join(', ')})`
}

export function installProbeDecorations(model: Model): () => void {
  let ids: string[] = []
  const draw = (results: ProbeResult[]) => {
    const max = model.getLineCount()
    ids = model.deltaDecorations(
      ids,
      results
        .filter((r) => r.probeLine <= max && /\^\?/.test(model.getLineContent(r.probeLine)))
        .map((r) => {
          // the text goes after the comment's last character (a collapsed range would not show)
          const end = model.getLineMaxColumn(r.probeLine)
          return {
            range: new monaco.Range(r.probeLine, Math.max(1, end - 1), r.probeLine, end),
            options: {
              after: { content: probeText(r), inlineClassName: r.values.length ? 'probe-value' : 'probe-missing' },
              stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
            },
          }
        }),
    )
  }
  draw(useDebugger.getState().probes)
  const unsub = useDebugger.subscribe((s, prev) => {
    if (s.probes !== prev.probes) draw(s.probes)
  })
  return () => {
    unsub()
    ids = model.deltaDecorations(ids, [])
  }
}
