/**
 * The debugger in the editor: breakpoints as red dots in the glyph margin of a file (a click
 * there sets or clears one; they follow the text as it is edited), the paused line highlighted
 * with an arrow, revealed and its file brought to front, and the cursor line kept for Run to
 * cursor. The same for user.c (breakpoints in src/ui/debugger/store.ts) and for xdp_prog.c
 * (Step packet's, src/ui/xdp/step-store.ts); this only draws them and reports clicks.
 */
import { useCursorLine, useDebugger } from '../debugger/store'
import { useWorkspace } from '../workspace/store'
import type { FileName } from '../workspace/files'
import { monaco } from './monaco-setup'

type Editor = ReturnType<typeof monaco.editor.create>
type Model = ReturnType<typeof monaco.editor.createModel>

/** A file's breakpoints, wherever they are kept. */
export interface BreakpointSource {
  file: FileName
  /** The red dot's hover text. */
  hover: string
  get(): number[]
  /** Calls back with the new lines when they change; returns an unsubscribe. */
  subscribe(onChange: (lines: number[]) => void): () => void
  toggle(line: number): void
  set(lines: number[]): void
}

/** user.c's breakpoints: the debugger store's. */
export const userBreakpoints: BreakpointSource = {
  file: 'user.c',
  hover: 'Breakpoint (click to remove)',
  get: () => useDebugger.getState().breakpoints,
  subscribe: (onChange) => useDebugger.subscribe((s, prev) => s.breakpoints !== prev.breakpoints && onChange(s.breakpoints)),
  toggle: (line) => useDebugger.getState().toggleBreakpoint(line),
  set: (lines) => useDebugger.getState().setBreakpoints(lines),
}

export function installDebugDecorations(editor: Editor, model: Model, shown: () => boolean, bps: BreakpointSource = userBreakpoints): () => void {
  const FILE = bps.file
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
          options: { isWholeLine: true, stickiness: Stickiness, glyphMarginClassName: 'dbg-breakpoint-glyph', glyphMarginHoverMessage: { value: bps.hover }, className: 'dbg-breakpoint-line' },
        })),
    )
  }

  const pausedLine = () => {
    const p = useDebugger.getState().paused
    return p && p.file === FILE ? p.line : 0
  }

  const drawCurrent = () => {
    const line = pausedLine()
    currentIds = model.deltaDecorations(
      currentIds,
      line > 0
        ? [{ range: new monaco.Range(line, 1, line, 1), options: { isWholeLine: true, className: 'dbg-current-line', glyphMarginClassName: 'dbg-current-glyph', stickiness: Stickiness, zIndex: 10 } }]
        : [],
    )
    if (line > 0) {
      if (useWorkspace.getState().active !== FILE) useWorkspace.getState().setActive(FILE)
      editor.revealLineInCenterIfOutsideViewport(line)
    }
  }

  drawBreakpoints(bps.get())
  drawCurrent()
  const unsubBreakpoints = bps.subscribe((lines) => {
    if (lines !== drawnLines) drawBreakpoints(lines)
  })
  const unsubPause = useDebugger.subscribe((s, prev) => {
    if (s.paused !== prev.paused) drawCurrent()
  })

  // Edits move the dots with their lines: report where they went.
  const onEdit = model.onDidChangeContent(() => {
    const lines = bpIds.map((id) => model.getDecorationRange(id)?.startLineNumber ?? 0).filter((l) => l > 0)
    drawnLines = [...new Set(lines)].sort((a, b) => a - b)
    bps.set(drawnLines)
  })

  const isGlyph = (t: { type: number }) => t.type === monaco.editor.MouseTargetType.GUTTER_GLYPH_MARGIN
  const onDown = editor.onMouseDown((e) => {
    if (!shown() || !isGlyph(e.target) || !e.target.position) return
    bps.toggle(e.target.position.lineNumber)
  })
  const onMove = editor.onMouseMove((e) => {
    const line = shown() && isGlyph(e.target) && e.target.position ? e.target.position.lineNumber : 0
    const show = line > 0 && !bps.get().includes(line)
    hintIds = model.deltaDecorations(hintIds, show ? [{ range: new monaco.Range(line, 1, line, 1), options: { glyphMarginClassName: 'dbg-breakpoint-hint' } }] : [])
  })
  const onLeave = editor.onMouseLeave(() => {
    hintIds = model.deltaDecorations(hintIds, [])
  })
  // The locals panel opens under the editor at the first pause: keep the paused line in view.
  const onLayout = editor.onDidLayoutChange(() => {
    const line = pausedLine()
    if (line > 0 && shown()) editor.revealLineInCenterIfOutsideViewport(line)
  })
  const onCursor = editor.onDidChangeCursorPosition((e) => {
    if (shown()) useCursorLine.getState().set(e.position.lineNumber)
  })

  return () => {
    unsubBreakpoints()
    unsubPause()
    for (const d of [onEdit, onDown, onMove, onLeave, onLayout, onCursor]) d.dispose()
  }
}
