/**
 * A button that opens a panel below it. The panel closes on Escape (focus goes back to the
 * button), on a click outside, and when `close()` is called by its content.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

export function Popover({
  label,
  buttonClass,
  title,
  align = 'left',
  children,
  onOpen,
}: {
  label: ReactNode
  buttonClass?: string
  title?: string
  align?: 'left' | 'right'
  children: (close: () => void) => ReactNode
  onOpen?: () => void
}) {
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const id = useId()

  useEffect(() => {
    if (!open) return
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false)
        button.current?.focus()
      }
    }
    document.addEventListener('pointerdown', onDown)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onDown)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])

  return (
    <div className="popover-root" ref={root}>
      <button
        ref={button}
        className={buttonClass ?? 'btn'}
        aria-expanded={open}
        aria-controls={id}
        title={title}
        onClick={() => {
          if (!open) onOpen?.()
          setOpen(!open)
        }}
      >
        {label}
      </button>
      {open && (
        <div className={`popover popover-${align}`} id={id}>
          {children(() => setOpen(false))}
        </div>
      )}
    </div>
  )
}
