/**
 * The debugger in the editor: breakpoints as red dots in the glyph margin of user.c (a click
 * there sets or clears one; they follow the text as it is edited), the paused line highlighted
 * with an arrow, revealed and its file brought to front, and the cursor line kept for Run to
 * cursor. State lives in src/ui/debugger/store.ts; this only draws it and reports clicks.
 */
import { useCursorLine, useDebugger } from '../debugger/store'
import { useWorkspace } from '../workspace/store'
import { monaco } from './monaco-setup'

type Editor = ReturnType<typeof monaco.editor.create>
type Model = ReturnType<typeof monaco.editor.createModel>

const USER_FILE = 'user.c'

export function installDebugDecorations(editor: Editor, model: Model, userShown: () => boolean): () => void {
  const Stickiness = monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges
  let bpIds: string[] = []
  let currentIds: string[] = []
  let hintIds: string[] = []
  let drawnLines: number[] = []

  const drawBreakpoints = (lines: number[]) => {
    drawnLines = lines
    const max = model.getLineCount()
    bpIds = model.deltaDecorations(
      bpIds,
      lines
        .filter((l) => l <= max)
        .map((l) => ({
          range: new monaco.Range(l, 1, l, 1),
          options: { isWholeLine: true, stickiness: Stickiness, glyphMarginClassName: 'dbg-breakpoint-glyph', glyphMarginHoverMessage: { value: 'Breakpoint (click to remove)' }, className: 'dbg-breakpoint-line' },
        })),
    )
  }

  const drawCurrent = () => {
    const p = useDebugger.getState().paused
    const line = p && p.file === USER_FILE ? p.line : 0
    currentIds = model.deltaDecorations(
      currentIds,
      line > 0
        ? [{ range: new monaco.Range(line, 1, line, 1), options: { isWholeLine: true, className: 'dbg-current-line', glyphMarginClassName: 'dbg-current-glyph', stickiness: Stickiness, zIndex: 10 } }]
        : [],
    )
    if (line > 0) {
      if (useWorkspace.getState().active !== USER_FILE) useWorkspace.getState().setActive(USER_FILE)
      editor.revealLineInCenterIfOutsideViewport(line)
    }
  }

  drawBreakpoints(useDebugger.getState().breakpoints)
  drawCurrent()
  const unsub = useDebugger.subscribe((s, prev) => {
    if (s.breakpoints !== prev.breakpoints && s.breakpoints !== drawnLines) drawBreakpoints(s.breakpoints)
    if (s.paused !== prev.paused) drawCurrent()
  })

  // Edits move the dots with their lines: report where they went.
  const onEdit = model.onDidChangeContent(() => {
    const lines = bpIds.map((id) => model.getDecorationRange(id)?.startLineNumber ?? 0).filter((l) => l > 0)
    drawnLines = [...new Set(lines)].sort((a, b) => a - b)
    useDebugger.getState().setBreakpoints(drawnLines)
  })

  const isGlyph = (t: { type: number }) => t.type === monaco.editor.MouseTargetType.GUTTER_GLYPH_MARGIN
  const onDown = editor.onMouseDown((e) => {
    if (!userShown() || !isGlyph(e.target) || !e.target.position) return
    useDebugger.getState().toggleBreakpoint(e.target.position.lineNumber)
  })
  const onMove = editor.onMouseMove((e) => {
    const line = userShown() && isGlyph(e.target) && e.target.position ? e.target.position.lineNumber : 0
    const show = line > 0 && !useDebugger.getState().breakpoints.includes(line)
    hintIds = model.deltaDecorations(hintIds, show ? [{ range: new monaco.Range(line, 1, line, 1), options: { glyphMarginClassName: 'dbg-breakpoint-hint' } }] : [])
  })
  const onLeave = editor.onMouseLeave(() => {
    hintIds = model.deltaDecorations(hintIds, [])
  })
  // The locals panel opens under the editor at the first pause: keep the paused line in view.
  const onLayout = editor.onDidLayoutChange(() => {
    const p = useDebugger.getState().paused
    if (p && p.file === USER_FILE && userShown()) editor.revealLineInCenterIfOutsideViewport(p.line)
  })
  const onCursor = editor.onDidChangeCursorPosition((e) => {
    if (userShown()) useCursorLine.getState().set(e.position.lineNumber)
  })

  return () => {
    unsub()
    for (const d of [onEdit, onDown, onMove, onLeave, onLayout, onCursor]) d.dispose()
  }
}
