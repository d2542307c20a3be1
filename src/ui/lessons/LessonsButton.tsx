/** The toolbar's Lessons button: shows or hides the lesson panel beside the editors. */
import { useLessons } from './store'

const BookIcon = () => (
  <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path d="M2.5 3.2c1.8-.7 3.7-.6 5.5.6v9.4c-1.8-1.2-3.7-1.3-5.5-.6zM13.5 3.2c-1.8-.7-3.7-.6-5.5.6v9.4c1.8-1.2 3.7-1.3 5.5-.6z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
  </svg>
)

export function LessonsButton() {
  const open = useLessons((s) => s.open)
  const setOpen = useLessons((s) => s.setOpen)
  return (
    <button className={`btn ${open ? 'btn-pressed' : ''}`} aria-pressed={open} onClick={() => setOpen(!open)} title="Step-by-step lessons with checks" data-testid="lessons-toggle">
      <BookIcon />
      Lessons
    </button>
  )
}
