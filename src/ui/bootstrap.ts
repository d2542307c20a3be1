/**
 * Start-up: which programs the editors open with (a share link, else the last session from
 * local storage, else the default example), autosave from then on, and, once the page is
 * cross-origin isolated, the machine (kernel, workers, live views, diagnostics while typing).
 */
import { useConsole } from './console/store'
import { startLiveCheck } from './editor/live-check'
import { startKernelView } from './inspector/kernel-view'
import { compiler, useMachine } from './machine/store'
import { decodeShare } from './persistence/share'
import { createAutosave, loadWorkspace } from './persistence/storage'
import { useWorkspace, workspaceSnapshot } from './workspace/store'

export interface RestoreResult {
  /** Nothing saved and no link: the live XDP demo starts (workspace/demo.ts), or with ?demo=0 the default example runs once. */
  firstVisit: boolean
}

/** Applies a share link in the fragment, if any; true when one was found (even a broken one). */
function applyShareLink(): boolean {
  const decoded = decodeShare(location.hash)
  if (!decoded) return false
  // The link did its job: drop it from the address bar so a reload keeps later edits.
  history.replaceState(null, '', location.pathname + location.search)
  if (decoded.ok) {
    useWorkspace.getState().replaceAll(decoded.workspace)
    useConsole.getState().note('info', 'Opened a shared link: both files and the machine settings are as they were shared.')
  } else {
    useConsole.getState().note('error', `Could not open the shared link: ${decoded.error}.`)
  }
  return true
}

let restored: RestoreResult | null = null
let firstBoot = true

/** Runs once per page (React may call it twice in development). */
export function restoreWorkspace(): RestoreResult {
  restored ??= restoreOnce()
  return restored
}

function restoreOnce(): RestoreResult {
  const fromLink = applyShareLink()
  let saved = false
  if (!fromLink) {
    const ws = loadWorkspace()
    if (ws) {
      useWorkspace.getState().replaceAll(ws)
      saved = true
    }
  }
  const autosave = createAutosave(workspaceSnapshot)
  useWorkspace.subscribe((s, p) => {
    if (s.files !== p.files || s.active !== p.active || s.settings !== p.settings) autosave.schedule()
  })
  if (fromLink) autosave.schedule()
  // A link pasted into the address bar of an open tab changes only the fragment.
  addEventListener('hashchange', () => applyShareLink())
  return { firstVisit: !fromLink && !saved }
}

/** Boots the kernel and starts the workers and live views; returns a function that stops the views. */
export function startMachine(runNow: boolean): () => void {
  compiler.warmUp()
  const stops: (() => void)[] = []
  if (firstBoot) {
    firstBoot = false
    void useMachine
      .getState()
      .bootKernel(useWorkspace.getState().settings)
      .then(() => {
        if (runNow) void useMachine.getState().run()
      })
  }
  stops.push(startKernelView())
  stops.push(startLiveCheck())
  // Changing CPUs or the hash seed reboots the kernel with them.
  stops.push(
    useWorkspace.subscribe((s, p) => {
      if (s.settings !== p.settings) {
        const boot = useMachine.getState().boot
        if (!boot || boot.cpus !== s.settings.cpus || boot.seed !== s.settings.seed) void useMachine.getState().bootKernel(s.settings)
      }
    }),
  )
  return () => stops.forEach((f) => f())
}
