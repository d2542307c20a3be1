/**
 * Diagnostics while typing: each file is compiled in the compiler worker a moment after the
 * last edit, so squiggles appear without pressing Run. A result is used only if the file still
 * has the text that was compiled (a newer edit will bring its own).
 */
import { compiler } from '../machine/store'
import { FILE_NAMES, type FileName } from '../workspace/files'
import { useWorkspace } from '../workspace/store'
import { useDiagnostics } from './diagnostics-store'

const DELAY_MS = 450
const TARGET: Record<FileName, 'user' | 'bpf'> = { 'user.c': 'user', 'xdp_prog.c': 'bpf' }

export function startLiveCheck(): () => void {
  const timers = new Map<FileName, ReturnType<typeof setTimeout>>()
  const check = (name: FileName) => {
    const text = useWorkspace.getState().files[name]
    compiler.compile(text, { filename: name, target: TARGET[name] }).then(
      (r) => {
        if (useWorkspace.getState().files[name] === text) useDiagnostics.getState().set(name, r.diagnostics)
      },
      () => {
        // The worker failed: Run reports it in the console; squiggles just stay as they were.
      },
    )
  }
  const schedule = (name: FileName, delay: number) => {
    clearTimeout(timers.get(name))
    timers.set(name, setTimeout(() => check(name), delay))
  }
  for (const name of FILE_NAMES) schedule(name, 0)
  const unsub = useWorkspace.subscribe((s, prev) => {
    for (const name of FILE_NAMES) if (s.files[name] !== prev.files[name]) schedule(name, DELAY_MS)
  })
  return () => {
    unsub()
    timers.forEach((t) => clearTimeout(t))
  }
}
