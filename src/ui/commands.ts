/**
 * Keyboard commands, as data: the key, what it does, and when it applies. The toolbar buttons
 * call the same store actions; this table is what the page-wide key handler consults.
 */
import { useMachine } from './machine/store'

export interface Command {
  id: string
  label: string
  /** Matches a keydown event. */
  matches(e: KeyboardEvent): boolean
  run(): void
}

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey

export const COMMANDS: Command[] = [
  {
    id: 'run',
    label: 'Compile and run user.c',
    matches: (e) => mod(e) && e.key === 'Enter',
    run: () => void useMachine.getState().run(),
  },
  {
    id: 'save',
    // Everything is saved as you type; Ctrl+S only keeps the browser's "Save page" dialog away.
    label: 'Save (automatic)',
    matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 's',
    run: () => {},
  },
]

/** Installs the page-wide key handler; returns its remover. Keys Monaco already handled are skipped. */
export function installShortcuts(): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented) return
    const cmd = COMMANDS.find((c) => c.matches(e))
    if (!cmd) return
    e.preventDefault()
    cmd.run()
  }
  addEventListener('keydown', onKey)
  return () => removeEventListener('keydown', onKey)
}
