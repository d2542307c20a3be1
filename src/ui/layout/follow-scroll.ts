/**
 * A scrolling log that follows new output while the reader is at the bottom, and stays put
 * once they scroll up to read (console output, bpftool, trace_pipe).
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react'

/**
 * Attach the returned ref to the scrolling element; `content` changes when new lines arrive.
 * `follow()` makes it follow again (after the user submitted a command, say).
 */
export function useFollowScroll(content: unknown): { body: RefObject<HTMLDivElement | null>; follow: () => void } {
  const body = useRef<HTMLDivElement>(null)
  const stick = useRef(true)

  useLayoutEffect(() => {
    const el = body.current
    if (el && stick.current) el.scrollTop = el.scrollHeight
  }, [content])

  useEffect(() => {
    const el = body.current!
    const onScroll = () => {
      stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24
    }
    el.addEventListener('scroll', onScroll, { passive: true })
    return () => el.removeEventListener('scroll', onScroll)
  }, [])

  return {
    body,
    follow: () => {
      stick.current = true
    },
  }
}
