/**
 * The lesson player: the lessons list (with this browser's progress), then one step at a time:
 * its explanation, buttons that put the starter or the solution in the editors, Check (runs
 * user.c, or for an XDP step xdp_prog.c over the step's packets, on a fresh kernel and shows
 * each check passed or failed, with what was found), and previous / next. In embed mode it
 * shows the one step only.
 */
import { useEffect, useRef } from 'react'
import { isXdpStep } from '../../lessons/lesson-load'
import type { CheckResult, Step } from '../../lessons/types'
import { useMachine } from '../machine/store'
import { xdpStepOptions } from '../../lessons/xdp-traffic'
import { Markdown } from './Markdown'
import { currentStep, useLessons } from './store'
import { lessonHref } from './url'

const CheckIcon = () => (
  <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path d="M3 8.5l3.2 3L13 4.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
)
const CrossIcon = () => (
  <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
  </svg>
)

function LessonList() {
  const index = useLessons((s) => s.index)
  const indexError = useLessons((s) => s.indexError)
  const progress = useLessons((s) => s.progress)
  const openLesson = useLessons((s) => s.openLesson)
  if (indexError) return <p className="lesson-msg">Could not load the lessons: {indexError}</p>
  if (!index) return <p className="lesson-msg">Loading…</p>
  return (
    <nav aria-label="Lessons">
      <p className="lesson-intro">Short lessons that follow the eBPF map tutorials, checked against what the kernel really does. Each step has code to complete and a Check button.</p>
      <ol className="lesson-list">
        {index.lessons.map((l) => {
          const done = progress[l.id]?.passed.filter((f) => l.steps.includes(f)).length ?? 0
          return (
            <li key={l.id}>
              <button className="lesson-entry" data-lesson={l.id} onClick={() => void openLesson(l.id)}>
                <span className="lesson-entry-title">{l.title}</span>
                <span className="lesson-entry-summary">{l.summary}</span>
                <span className={`lesson-entry-progress ${done === l.steps.length ? 'is-done' : ''}`}>
                  {done === l.steps.length ? <CheckIcon /> : null}
                  {done}/{l.steps.length} steps passed
                </span>
              </button>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}

function ResultItem({ r }: { r: CheckResult }) {
  return (
    <li className="check-item" data-state={r.pass ? 'pass' : 'fail'}>
      <span className="check-icon">{r.pass ? <CheckIcon /> : <CrossIcon />}</span>
      <span className="check-body">
        <span className="check-text">{r.check.text}</span>
        <span className="check-detail">
          <span className="visually-hidden">{r.pass ? 'passed: ' : 'failed: '}</span>
          {r.detail}
        </span>
      </span>
    </li>
  )
}

function Checks({ step }: { step: Step }) {
  const results = useLessons((s) => (s.results?.file === step.file ? s.results.results : null))
  const notice = useLessons((s) => (s.notice?.file === step.file ? s.notice : null))
  const checking = useLessons((s) => s.checking)
  const check = useLessons((s) => s.check)
  const phase = useMachine((s) => s.phase)
  const kernelUp = useMachine((s) => s.kernel !== null)
  const xdp = isXdpStep(step)
  const { packets, cpus } = xdpStepOptions(step)
  const summary = useRef<HTMLParagraphElement>(null)
  // The verdict may be below the fold of a long step: bring it into view.
  useEffect(() => {
    summary.current?.scrollIntoView?.({ block: 'nearest' })
  }, [results])
  if (step.checks.length === 0) return null
  const passed = results?.filter((r) => r.pass).length ?? 0
  return (
    <section className="lesson-checks" aria-labelledby="lesson-checks-title">
      <div className="lesson-checks-head">
        <h3 id="lesson-checks-title">Checks</h3>
        <button
          className="btn btn-primary"
          data-testid="lesson-check"
          disabled={checking || phase !== 'idle' || !kernelUp}
          onClick={() => void check()}
          title={xdp ? `Load xdp_prog.c on a fresh kernel, send it ${packets} packets on ${cpus} CPUs (interleaved as \`bpfplay lessons --check\` does), then check the result` : 'Run user.c on a fresh kernel and check the result'}
        >
          {checking ? 'Checking…' : 'Check'}
        </button>
      </div>
      {results && (
        <p ref={summary} className={`check-summary ${passed === results.length ? 'is-pass' : 'is-fail'}`} data-testid="check-summary" role="status">
          {passed === results.length ? `All ${results.length} checks pass.` : `${passed} of ${results.length} checks pass.`}
        </p>
      )}
      {notice && (
        <p className={`lesson-notice lesson-notice-${notice.tone}`} role="status">
          {notice.text}
        </p>
      )}
      <ul className="check-list">
        {results
          ? results.map((r, i) => <ResultItem key={i} r={r} />)
          : step.checks.map((c, i) => (
              <li key={i} className="check-item" data-state="pending">
                <span className="check-icon check-icon-pending" aria-hidden="true" />
                <span className="check-body">
                  <span className="check-text">{c.text}</span>
                </span>
              </li>
            ))}
      </ul>
    </section>
  )
}

function StepView({ embed }: { embed: boolean }) {
  const lesson = useLessons((s) => s.lesson)!
  const stepIndex = useLessons((s) => s.step)
  const step = useLessons(currentStep)!
  const goto = useLessons((s) => s.goto)
  const loadCode = useLessons((s) => s.loadCode)
  const loaded = useLessons((s) => (s.loaded?.file === step.file ? s.loaded.role : null))
  const passed = useLessons((s) => s.progress[lesson.id]?.passed ?? [])
  const heading = useRef<HTMLHeadingElement>(null)
  const n = lesson.loaded.length
  useEffect(() => {
    if (!embed) heading.current?.focus({ preventScroll: false })
  }, [stepIndex, embed])
  const hasCode = Object.values(step.code).some((c) => c?.starter !== undefined || c?.solution !== undefined)
  const problems = [...(stepIndex === 0 ? lesson.problems : []), ...step.problems]
  return (
    <article className="lesson-step" data-step={stepIndex + 1} data-step-file={step.file} data-xdp={isXdpStep(step) ? '1' : undefined}>
      <header className="lesson-step-head">
        <p className="lesson-kicker">
          <span className="lesson-kicker-title">{lesson.title}</span>
          <span className="lesson-kicker-step">
            Step {stepIndex + 1} of {n}
          </span>
        </p>
        {!embed && n > 1 && (
          <ol className="step-dots" aria-label="Steps">
            {lesson.loaded.map((s, i) => (
              <li key={s.file}>
                <button
                  className={`step-dot ${i === stepIndex ? 'is-current' : ''} ${passed.includes(s.file) ? 'is-passed' : ''}`}
                  aria-current={i === stepIndex ? 'step' : undefined}
                  aria-label={`Step ${i + 1}: ${s.title}${passed.includes(s.file) ? ' (passed)' : ''}`}
                  title={s.title}
                  onClick={() => goto(i)}
                >
                  {passed.includes(s.file) ? <CheckIcon /> : i + 1}
                </button>
              </li>
            ))}
          </ol>
        )}
        <h2 className="lesson-step-title" ref={heading} tabIndex={-1}>
          {step.title}
        </h2>
      </header>
      {problems.length > 0 && (
        <div className="lesson-notice lesson-notice-error" role="alert">
          <strong>This step has problems</strong> (for its author):
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <Markdown text={step.explanation} />
      {hasCode && (
        <div className="lesson-code-actions" role="group" aria-label="Code for this step">
          <button className={`btn ${loaded === 'starter' ? '' : 'btn-primary'}`} data-testid="load-starter" onClick={() => loadCode('starter')} title="Replace the editors' code with this step's starting point">
            {loaded === 'starter' ? 'Starter loaded' : 'Load starter code'}
          </button>
          <button className="btn btn-ghost" data-testid="load-solution" onClick={() => loadCode('solution')} title="Replace the editors' code with the reference solution">
            {loaded === 'solution' ? 'Solution loaded' : 'Show solution'}
          </button>
        </div>
      )}
      <Checks step={step} />
      {!embed && (
        <nav className="lesson-nav" aria-label="Step navigation">
          <button className="btn" data-testid="step-prev" disabled={stepIndex === 0} onClick={() => goto(stepIndex - 1)}>
            ← Previous
          </button>
          <button className="btn" data-testid="step-next" disabled={stepIndex === n - 1} onClick={() => goto(stepIndex + 1)}>
            Next →
          </button>
        </nav>
      )}
    </article>
  )
}

export function LessonPanel({ embed = false }: { embed?: boolean }) {
  const lesson = useLessons((s) => s.lesson)
  const loading = useLessons((s) => s.loading)
  const error = useLessons((s) => s.error)
  const closeLesson = useLessons((s) => s.closeLesson)
  const setOpen = useLessons((s) => s.setOpen)
  const step = useLessons((s) => s.step)
  return (
    <aside className={`card lessons-panel ${embed ? 'lessons-embed' : ''}`} aria-label="Lesson" data-testid="lesson-panel">
      {!embed && (
        <div className="card-head">
          {lesson ? (
            <button className="btn btn-ghost btn-small" onClick={closeLesson} data-testid="lesson-list">
              ← All lessons
            </button>
          ) : (
            <h2 className="card-title">Lessons</h2>
          )}
          <span className="lessons-head-spacer" />
          {lesson && (
            <a className="lessons-link" href={lessonHref(lesson.param, step + 1, { embed: '1' })} title="This step alone, as an embedded page shows it">
              Embed view
            </a>
          )}
          <button className="btn btn-ghost btn-icon btn-small" aria-label="Close the lessons panel" onClick={() => setOpen(false)}>
            <CrossIcon />
          </button>
        </div>
      )}
      <div className="lessons-body">
        {error && (
          <p className="lesson-notice lesson-notice-error" role="alert">
            {error}
          </p>
        )}
        {loading ? <p className="lesson-msg">Loading the lesson…</p> : lesson ? <StepView embed={embed} /> : !embed && <LessonList />}
      </div>
    </aside>
  )
}
