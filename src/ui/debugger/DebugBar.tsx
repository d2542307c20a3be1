/**
 * The debugger's buttons, in the editor's tab row (they act on user.c): Continue (F5), Step
 * back (Shift+F10: time travel to the previous line, kernel included), Step over (F10), Step
 * into (F11), Step out (Shift+F11) and Run to cursor (Ctrl+F10), with the paused position beside
 * them. Pressed while no program runs, a step starts user.c paused at its first line and Run to
 * cursor runs it up to the cursor's line; Continue runs it (stopping at breakpoints).
 */
import { useEffect, type ReactElement } from 'react'
import type { DebugCommand } from '../../runtime/debug-control'
import { useMachine } from '../machine/store'
import { useWorkspace } from '../workspace/store'
import { useCursorLine, useDebugger } from './store'
import '../styles/debugger.css'

const common = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const
const ContinueIcon = () => (
  <svg {...common}>
    <rect x="2.5" y="3" width="2" height="10" rx="0.6" fill="currentColor" />
    <path d="M6.5 3.2v9.6a.6.6 0 0 0 .9.5l6.9-4.8a.6.6 0 0 0 0-1L7.4 2.7a.6.6 0 0 0-.9.5z" fill="currentColor" />
  </svg>
)
const OverIcon = () => (
  <svg {...common}>
    <path d="M2.5 9.5a5.5 5.5 0 0 1 10.4-2.5M13 3.5V7.2H9.3" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    <circle cx="8" cy="13" r="1.6" fill="currentColor" />
  </svg>
)
const IntoIcon = () => (
  <svg {...common}>
    <path d="M8 1.8v7.4M4.8 6.3 8 9.5l3.2-3.2" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    <circle cx="8" cy="13.2" r="1.6" fill="currentColor" />
  </svg>
)
const OutIcon = () => (
  <svg {...common}>
    <path d="M8 9.5V2.1M4.8 5.3 8 2.1l3.2 3.2" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    <circle cx="8" cy="13.2" r="1.6" fill="currentColor" />
  </svg>
)
const BackIcon = () => (
  <svg {...common}>
    <path d="M13.5 9.5A5.5 5.5 0 0 0 3.1 7M3 3.5V7.2h3.7" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    <circle cx="8" cy="13" r="1.6" fill="currentColor" />
  </svg>
)
const CursorIcon = () => (
  <svg {...common}>
    <path d="M2 8h8.5M7.5 4.8 10.7 8l-3.2 3.2" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    <path d="M13.5 3v10" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
  </svg>
)

interface Action {
  id: string
  label: string
  keys: string
  /** aria-keyshortcuts */
  aria: string
  icon: () => ReactElement
  matches(e: KeyboardEvent): boolean
  cmd(): DebugCommand
  /** Usable only while paused (Step out), or also to start a run. */
  pausedOnly?: boolean
}

const ACTIONS: Action[] = [
  { id: 'continue', label: 'Continue', keys: 'F5', aria: 'F5', icon: ContinueIcon, matches: (e) => e.key === 'F5' && !e.shiftKey && !e.ctrlKey && !e.metaKey, cmd: () => ({ k: 'continue' }) },
  { id: 'step-back', label: 'Step back', keys: 'Shift F10', aria: 'Shift+F10', icon: BackIcon, matches: (e) => e.key === 'F10' && e.shiftKey && !e.ctrlKey && !e.metaKey, cmd: () => ({ k: 'stepBack' }), pausedOnly: true },
  { id: 'step-over', label: 'Step over', keys: 'F10', aria: 'F10', icon: OverIcon, matches: (e) => e.key === 'F10' && !e.shiftKey && !e.ctrlKey && !e.metaKey, cmd: () => ({ k: 'stepOver' }) },
  { id: 'step-into', label: 'Step into', keys: 'F11', aria: 'F11', icon: IntoIcon, matches: (e) => e.key === 'F11' && !e.shiftKey && !e.ctrlKey && !e.metaKey, cmd: () => ({ k: 'stepInto' }) },
  { id: 'step-out', label: 'Step out', keys: 'Shift F11', aria: 'Shift+F11', icon: OutIcon, matches: (e) => e.key === 'F11' && e.shiftKey, cmd: () => ({ k: 'stepOut' }), pausedOnly: true },
  { id: 'run-to-cursor', label: 'Run to cursor', keys: 'Ctrl F10', aria: 'Control+F10', icon: CursorIcon, matches: (e) => e.key === 'F10' && (e.ctrlKey || e.metaKey), cmd: () => ({ k: 'runToLine', line: useCursorLine.getState().line }) },
]

export function DebugBar() {
  const phase = useMachine((s) => s.phase)
  const canRun = useMachine((s) => s.kernel !== null)
  const paused = useDebugger((s) => s.paused)
  const command = useDebugger((s) => s.command)
  // Run to cursor: in the file of the pause (xdp_prog.c while a packet is stepped), else user.c
  const onUser = useWorkspace((s) => s.active === (paused?.file ?? 'user.c'))
  const idle = phase === 'idle' && canRun
  const enabled = (a: Action) => (paused !== null || (idle && !a.pausedOnly)) && (a.id !== 'run-to-cursor' || onUser) && (a.id !== 'step-back' || paused?.noStepBack === null)
  const titleOf = (a: Action) => {
    if (a.id === 'step-back') return paused?.noStepBack ? `Step back (${a.keys}): not here, ${paused.noStepBack}` : `Step back (${a.keys}): back to the previous line, with the kernel's maps as they were there`
    return `${a.label} (${a.keys})${a.pausedOnly ? '' : paused ? '' : a.id === 'continue' ? ': run user.c, stopping at breakpoints' : a.id === 'run-to-cursor' ? ': run user.c up to the cursor line' : ': start user.c paused at its first line'}`
  }
  const rewinding = useDebugger((s) => s.rewinding)

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const a = ACTIONS.find((x) => x.matches(e))
      if (!a) return
      // F11 would toggle full screen, F5 reload the page: the keys are the debugger's here
      e.preventDefault()
      e.stopPropagation()
      if (enabledNow(a)) useDebugger.getState().command(a.cmd())
    }
    addEventListener('keydown', onKey, true)
    return () => removeEventListener('keydown', onKey, true)
  }, [])

  return (
    <div className="debug-bar" role="group" aria-label="Debugger">
      <span className={`debug-where ${paused ? 'debug-where-paused' : ''}`} data-testid="debug-where" aria-live="polite">
        {paused ? `Paused in ${paused.stack[0]?.fn ?? '?'}() · line ${paused.line}${paused.reason === 'stepBack' ? ' · stepped back' : ''}` : rewinding ? 'Stepping back…' : ''}
      </span>
      {paused?.notice && (
        <span className="debug-notice" role="status" data-testid="debug-notice">
          {paused.notice}
        </span>
      )}
      {ACTIONS.map((a) => (
        <button
          key={a.id}
          className={`btn btn-icon btn-small debug-btn ${a.id === 'continue' && paused ? 'debug-btn-go' : ''}`}
          aria-label={a.label}
          aria-keyshortcuts={a.aria}
          title={titleOf(a)}
          disabled={!enabled(a)}
          onClick={() => command(a.cmd())}
          data-testid={`debug-${a.id}`}
        >
          <a.icon />
        </button>
      ))}
    </div>
  )
}

function enabledNow(a: Action): boolean {
  const paused = useDebugger.getState().paused
  const m = useMachine.getState()
  const idle = m.phase === 'idle' && m.kernel !== null
  return (paused !== null || (idle && !a.pausedOnly)) && (a.id !== 'run-to-cursor' || useWorkspace.getState().active === (paused?.file ?? 'user.c')) && (a.id !== 'step-back' || paused?.noStepBack === null)
}
