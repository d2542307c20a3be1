/**
 * Single-packet stepping in the editor: xdp_prog.c gets what user.c has while debugged
 * (src/ui/editor/debug-decorations.ts), fed by the step store's breakpoints and the debugger
 * store's pause when it is in xdp_prog.c.
 */
import { installDebugDecorations, type BreakpointSource } from '../editor/debug-decorations'
import type { monaco } from '../editor/monaco-setup'
import { XDP_FILE } from '../machine/xdp-store'
import { useXdpStep } from './step-store'

type Editor = ReturnType<typeof monaco.editor.create>
type Model = ReturnType<typeof monaco.editor.createModel>

const xdpBreakpoints: BreakpointSource = {
  file: XDP_FILE,
  hover: 'Breakpoint of Step packet (click to remove)',
  get: () => useXdpStep.getState().breakpoints,
  subscribe: (onChange) => useXdpStep.subscribe((s, prev) => s.breakpoints !== prev.breakpoints && onChange(s.breakpoints)),
  toggle: (line) => useXdpStep.getState().toggleBreakpoint(line),
  set: (lines) => useXdpStep.getState().setBreakpoints(lines),
}

export function installXdpStepDecorations(editor: Editor, model: Model, xdpShown: () => boolean): () => void {
  return installDebugDecorations(editor, model, xdpShown, xdpBreakpoints)
}
