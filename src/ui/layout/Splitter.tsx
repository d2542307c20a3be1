/**
 * A drag handle between two panes. It reports a size in percent of its parent (the left pane's
 * width, or the lower pane's height) and can be moved with the arrow keys too.
 */
import { useRef } from 'react'

export function Splitter({
  orientation,
  value,
  onChange,
  min,
  max,
  label,
  invert = false,
}: {
  /** 'vertical': a vertical bar that moves left/right. */
  orientation: 'vertical' | 'horizontal'
  value: number
  onChange(v: number): void
  min: number
  max: number
  label: string
  /** Measure from the far edge (the console's height is measured from the bottom). */
  invert?: boolean
}) {
  const ref = useRef<HTMLDivElement>(null)
  const clamp = (v: number) => Math.min(max, Math.max(min, v))
  const onPointerDown = (e: React.PointerEvent) => {
    const parent = ref.current?.parentElement
    if (!parent) return
    e.preventDefault()
    ref.current!.setPointerCapture(e.pointerId)
    const rect = parent.getBoundingClientRect()
    const move = (ev: PointerEvent) => {
      const frac = orientation === 'vertical' ? (ev.clientX - rect.left) / rect.width : (ev.clientY - rect.top) / rect.height
      onChange(clamp((invert ? 1 - frac : frac) * 100))
    }
    const up = () => {
      ref.current?.removeEventListener('pointermove', move)
      ref.current?.removeEventListener('pointerup', up)
      document.body.classList.remove('dragging', 'dragging-x', 'dragging-y')
    }
    ref.current!.addEventListener('pointermove', move)
    ref.current!.addEventListener('pointerup', up)
    document.body.classList.add('dragging', orientation === 'vertical' ? 'dragging-x' : 'dragging-y')
  }
  const onKeyDown = (e: React.KeyboardEvent) => {
    const dec = orientation === 'vertical' ? 'ArrowLeft' : invert ? 'ArrowDown' : 'ArrowUp'
    const inc = orientation === 'vertical' ? 'ArrowRight' : invert ? 'ArrowUp' : 'ArrowDown'
    if (e.key === dec) onChange(clamp(value - 2))
    else if (e.key === inc) onChange(clamp(value + 2))
    else return
    e.preventDefault()
  }
  return (
    <div
      ref={ref}
      className={`splitter splitter-${orientation}`}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  )
}
