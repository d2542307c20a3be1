/**
 * The workspace in localStorage: editor contents, active tab and machine settings survive a
 * reload. Writes are debounced (typing does not write on every key) and flushed when the page
 * is hidden or closed. Storage may be unavailable (private mode, quota): then nothing is kept
 * and nothing breaks.
 */
import { FILE_NAMES, isFileName, sanitizeSettings, type WorkspaceSnapshot } from '../workspace/files'

export const WORKSPACE_KEY = 'bpfplay:workspace:v1'
const SAVE_DELAY_MS = 250

export function loadWorkspace(): WorkspaceSnapshot | null {
  try {
    const raw = localStorage.getItem(WORKSPACE_KEY)
    if (!raw) return null
    const o = JSON.parse(raw) as Partial<WorkspaceSnapshot>
    if (!o.files || !FILE_NAMES.every((f) => typeof o.files?.[f] === 'string')) return null
    return { files: { 'user.c': o.files['user.c'], 'xdp_prog.c': o.files['xdp_prog.c'] }, active: isFileName(o.active) ? o.active : 'user.c', settings: sanitizeSettings(o.settings) }
  } catch {
    return null
  }
}

function writeNow(ws: WorkspaceSnapshot): void {
  try {
    localStorage.setItem(WORKSPACE_KEY, JSON.stringify(ws))
  } catch {
    // full or disabled: the workspace lives on in memory only
  }
}

/** Saves `current()` shortly after each `schedule()`, and at once when the page goes away. */
export function createAutosave(current: () => WorkspaceSnapshot): { schedule(): void; flush(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined
  const flush = () => {
    if (timer === undefined) return
    clearTimeout(timer)
    timer = undefined
    writeNow(current())
  }
  addEventListener('pagehide', flush)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush()
  })
  return {
    schedule() {
      clearTimeout(timer)
      timer = setTimeout(() => {
        timer = undefined
        writeNow(current())
      }, SAVE_DELAY_MS)
    },
    flush,
  }
}
