/**
 * Row virtualisation for long lists and tables: only the rows in (or near) the scroll
 * container's viewport are rendered; spacers above and below keep the scrollbar true to the
 * full length. Rows have one fixed height, so no row ever needs measuring.
 */
import { useEffect, useState } from 'react'

export interface RowWindow {
  start: number
  /** Exclusive. */
  end: number
  padTop: number
  padBottom: number
}

/** Rows [start, end) to render for a viewport of `height` px scrolled to `scrollTop`. */
export function rowWindow(count: number, rowHeight: number, scrollTop: number, height: number, overscan = 8): RowWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight)
  const start = Math.max(0, Math.min(count, first - overscan))
  const end = Math.min(count, first + Math.ceil(height / rowHeight) + overscan)
  return { start, end: Math.max(start, end), padTop: start * rowHeight, padBottom: (count - Math.max(start, end)) * rowHeight }
}

/**
 * The window of rows to render inside the scroll container `el` (pass the element from a
 * callback ref kept in state: the container may appear after the first render); re-evaluated
 * on scroll and resize.
 */
export function useRowWindow(el: HTMLElement | null, count: number, rowHeight: number, headerHeight = 0): RowWindow {
  const [view, setView] = useState({ top: 0, height: 480 })
  useEffect(() => {
    if (!el) return
    let frame = 0
    const read = () => {
      frame = 0
      setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }))
    }
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(read)
    }
    read()
    el.addEventListener('scroll', onScroll, { passive: true })
    const ro = new ResizeObserver(onScroll)
    ro.observe(el)
    return () => {
      el.removeEventListener('scroll', onScroll)
      ro.disconnect()
      cancelAnimationFrame(frame)
    }
  }, [el])
  return rowWindow(count, rowHeight, view.top - headerHeight, view.height)
}
