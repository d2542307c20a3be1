/**
 * The workspace: what is in the two editors, which tab is open, the machine settings, and
 * requests to show a source position (from a console diagnostic). The editor mirrors `files`
 * into Monaco models; example loading and share links replace them through `replaceAll`.
 */
import { create } from 'zustand'
import type { FileName, MachineSettings, WorkspaceSnapshot } from './files'
import { DEMO_EXAMPLE_ID, DEMO_WORKSPACE, demoAllowed, QUIET_EXAMPLE_ID, QUIET_WORKSPACE } from './first-visit'

/** What the editors hold before a saved session or a link replaces it (first-visit.ts). */
const demo = typeof location !== 'undefined' && demoAllowed(location.search)
export const DEFAULT_WORKSPACE: WorkspaceSnapshot = demo ? DEMO_WORKSPACE : QUIET_WORKSPACE

export interface RevealRequest {
  file: FileName
  line: number
  col: number
  /** Distinguishes two requests for the same position. */
  nonce: number
}

interface WorkspaceState extends WorkspaceSnapshot {
  /** Id of the example last loaded (for the menu's check mark), null once edited from a link. */
  exampleId: string | null
  reveal: RevealRequest | null
  /** Bumped when files are replaced from outside the editor (examples, links). */
  replaced: number
  setFile(name: FileName, text: string): void
  setActive(name: FileName): void
  replaceFiles(files: Partial<Record<FileName, string>>, exampleId: string | null): void
  replaceAll(ws: WorkspaceSnapshot): void
  setSettings(s: Partial<MachineSettings>): void
  revealPosition(file: FileName, line: number, col: number): void
}

let revealNonce = 0

export const useWorkspace = create<WorkspaceState>()((set) => ({
  ...DEFAULT_WORKSPACE,
  exampleId: demo ? DEMO_EXAMPLE_ID : QUIET_EXAMPLE_ID,
  reveal: null,
  replaced: 0,
  setFile: (name, text) => set((s) => (s.files[name] === text ? s : { files: { ...s.files, [name]: text } })),
  setActive: (active) => set({ active }),
  replaceFiles: (files, exampleId) =>
    set((s) => ({ files: { ...s.files, ...files }, exampleId, replaced: s.replaced + 1, active: files['user.c'] !== undefined ? 'user.c' : s.active })),
  replaceAll: (ws) => set((s) => ({ ...ws, exampleId: null, replaced: s.replaced + 1 })),
  setSettings: (p) => set((s) => ({ settings: { ...s.settings, ...p } })),
  revealPosition: (file, line, col) => set({ active: file, reveal: { file, line, col, nonce: ++revealNonce } }),
}))

export function workspaceSnapshot(): WorkspaceSnapshot {
  const s = useWorkspace.getState()
  return { files: s.files, active: s.active, settings: s.settings }
}
