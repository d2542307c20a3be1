/** Compiler diagnostics per editor file: the editor draws them as markers, the tabs count them. */
import { create } from 'zustand'
import type { Diagnostic } from '../../lang/api'
import type { FileName } from '../workspace/files'

interface DiagnosticsState {
  byFile: Record<FileName, Diagnostic[]>
  set(file: FileName, diags: Diagnostic[]): void
}

export const useDiagnostics = create<DiagnosticsState>()((set) => ({
  byFile: { 'user.c': [], 'xdp_prog.c': [] },
  // The same diagnostics again (a run after the check while typing) change nothing: no marker redraw.
  set: (file, diags) => set((s) => (sameDiagnostics(s.byFile[file], diags) ? s : { byFile: { ...s.byFile, [file]: diags } })),
}))

/** Diagnostics that belong to the file itself (not to a system header it includes). */
export function ownDiagnostics(file: FileName, diags: Diagnostic[]): Diagnostic[] {
  return diags.filter((d) => d.file === file)
}

function sameDiagnostics(a: Diagnostic[], b: Diagnostic[]): boolean {
  return a.length === b.length && a.every((d, i) => JSON.stringify(d) === JSON.stringify(b[i]))
}
