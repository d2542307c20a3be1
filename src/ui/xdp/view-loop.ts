/**
 * The XDP view's refresh loop runs while at least one component shows it (the toolbar's XDP bar,
 * the inspector's CPU panel): each calls useXdpViewLoop, the first starts it, the last stops it.
 */
import { useEffect } from 'react'
import { startXdpView } from './xdp-view'

let users = 0
let stop: (() => void) | null = null

export function useXdpViewLoop(): void {
  useEffect(() => {
    if (users++ === 0) stop = startXdpView()
    return () => {
      if (--users === 0) {
        stop?.()
        stop = null
      }
    }
  }, [])
}
