/**
 * The only chrome of the embedded view (?embed=1&lesson=...&step=N): the logo, the step's
 * title, Run, and a link that opens the same step in the full playground.
 */
import { Logo, PlayIcon } from '../layout/icons'
import { useMachine } from '../machine/store'
import { currentStep, useLessons } from './store'

export function EmbedBar({ canRun }: { canRun: boolean }) {
  const phase = useMachine((s) => s.phase)
  const run = useMachine((s) => s.run)
  const lesson = useLessons((s) => s.lesson)
  const stepIndex = useLessons((s) => s.step)
  const step = useLessons(currentStep)
  const full = lesson ? `${location.pathname}?${new URLSearchParams({ lesson: lesson.param, step: String(stepIndex + 1) })}` : location.pathname
  return (
    <header className="embed-bar">
      <Logo />
      <span className="embed-title">{step ? step.title : 'bpfplay lesson'}</span>
      <button className="btn btn-primary btn-small" onClick={() => void run()} disabled={!canRun || phase !== 'idle'} data-testid="run" title="Compile and run user.c">
        <PlayIcon />
        {phase === 'idle' ? 'Run' : 'Running…'}
      </button>
      <a className="embed-open" href={full} target="_blank" rel="noopener">
        Open in bpfplay ↗
      </a>
    </header>
  )
}
