/**
 * The Monaco editor (loaded lazily). One model per workspace file, so each tab keeps its own
 * undo history, cursor and scroll position. The workspace store is the source of truth: typing
 * writes to it; examples and share links that replace a file arrive as an edit on the model
 * (so Ctrl+Z brings the previous text back). Compiler diagnostics become markers (squiggles
 * with the message on hover); a click on a console diagnostic moves the cursor there.
 */
import { useEffect, useRef } from 'react'
import type { Diagnostic } from '../../lang/api'
import { useMachine } from '../machine/store'
import { useTheme } from '../theme'
import { FILE_NAMES, type FileName } from '../workspace/files'
import { useWorkspace } from '../workspace/store'
import { ownDiagnostics, useDiagnostics } from './diagnostics-store'
import { monaco } from './monaco-setup'
import { installDebugDecorations } from './debug-decorations'
import { installProbeDecorations } from './probe-decorations'
import { installXdpStepDecorations } from '../xdp/step-decorations'

type Model = ReturnType<typeof monaco.editor.createModel>
type ViewState = ReturnType<ReturnType<typeof monaco.editor.create>['saveViewState']>

function markerOf(model: Model, d: Diagnostic) {
  const severity = d.severity === 'error' ? monaco.MarkerSeverity.Error : d.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info
  const line = Math.min(Math.max(1, d.line), model.getLineCount())
  const col = Math.max(1, d.col)
  let endLine = d.endLine ?? line
  let endCol = d.endCol ?? 0
  if (!d.endCol || (endLine === line && endCol <= col)) {
    // No range from the compiler: underline the word at the position, or one character.
    const word = model.getWordAtPosition({ lineNumber: line, column: col })
    endLine = line
    endCol = word && word.startColumn <= col ? word.endColumn : col + 1
  }
  return { severity, message: d.message, source: 'cc', startLineNumber: line, startColumn: col, endLineNumber: endLine, endColumn: endCol }
}

export default function CodeEditor() {
  const host = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const ws = useWorkspace.getState()
    const models = Object.fromEntries(
      FILE_NAMES.map((name) => [name, monaco.editor.createModel(ws.files[name], 'c', monaco.Uri.parse(`file:///${name}`))]),
    ) as Record<FileName, Model>
    const viewStates = new Map<FileName, ViewState>()
    let shown: FileName = ws.active
    const editor = monaco.editor.create(host.current!, {
      model: models[shown],
      theme: useTheme.getState().theme === 'dark' ? 'bpfplay-dark' : 'bpfplay-light',
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13.5,
      lineHeight: 21,
      fontFamily: 'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
      tabSize: 4,
      insertSpaces: true,
      scrollBeyondLastLine: false,
      padding: { top: 10, bottom: 10 },
      renderLineHighlight: 'line',
      fixedOverflowWidgets: true,
      smoothScrolling: true,
      // Let the page scroll on touch screens and small windows when the editor is at an end.
      scrollbar: { alwaysConsumeMouseWheel: false, horizontalScrollbarSize: 10, verticalScrollbarSize: 12 },
      'semanticHighlighting.enabled': false,
      glyphMargin: true, // breakpoints (debug-decorations.ts)
      ariaLabel: `${shown} (C source)`,
    })

    const subs = FILE_NAMES.map((name) =>
      models[name].onDidChangeContent(() => useWorkspace.getState().setFile(name, models[name].getValue())),
    )

    // Ctrl/Cmd+Enter inside the editor (the page-wide shortcut handles it elsewhere).
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => void useMachine.getState().run())

    const applyMarkers = (byFile: Record<FileName, Diagnostic[]>) => {
      for (const name of FILE_NAMES) {
        const model = models[name]
        monaco.editor.setModelMarkers(model, 'bpfplay', ownDiagnostics(name, byFile[name]).map((d) => markerOf(model, d)))
      }
    }
    applyMarkers(useDiagnostics.getState().byFile)
    const unsubDiag = useDiagnostics.subscribe((s) => applyMarkers(s.byFile))

    const unsubWs = useWorkspace.subscribe((s, prev) => {
      if (s.replaced !== prev.replaced) {
        for (const name of FILE_NAMES) {
          const model = models[name]
          if (model.getValue() !== s.files[name]) {
            model.pushEditOperations([], [{ range: model.getFullModelRange(), text: s.files[name] }], () => null)
            model.pushStackElement()
          }
        }
      }
      if (s.active !== shown) {
        viewStates.set(shown, editor.saveViewState())
        shown = s.active
        editor.setModel(models[shown])
        const vs = viewStates.get(shown)
        if (vs) editor.restoreViewState(vs)
        editor.updateOptions({ ariaLabel: `${shown} (C source)` })
      }
      if (s.reveal && s.reveal !== prev.reveal) {
        const { line, col } = s.reveal
        editor.setPosition({ lineNumber: line, column: col })
        editor.revealPositionInCenterIfOutsideViewport({ lineNumber: line, column: col })
        editor.focus()
      }
    })

    const unsubTheme = useTheme.subscribe((t) => monaco.editor.setTheme(t.theme === 'dark' ? 'bpfplay-dark' : 'bpfplay-light'))
    const disposeDebug = installDebugDecorations(editor, models['user.c'], () => shown === 'user.c')
    const disposeProbes = installProbeDecorations(models['user.c'])
    const disposeXdpStep = installXdpStepDecorations(editor, models['xdp_prog.c'], () => shown === 'xdp_prog.c')

    return () => {
      unsubDiag()
      unsubWs()
      unsubTheme()
      disposeDebug()
      disposeProbes()
      disposeXdpStep()
      subs.forEach((d) => d.dispose())
      editor.dispose()
      Object.values(models).forEach((m) => m.dispose())
    }
  }, [])

  return <div ref={host} className="code-editor" data-testid="monaco-host" />
}
