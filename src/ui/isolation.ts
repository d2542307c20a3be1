/**
 * Cross-origin isolation, which SharedArrayBuffer (the kernel's memory) needs. With COOP/COEP
 * headers from the server the page is isolated at once. On a static host without them,
 * coi-serviceworker (index.html) installs a service worker that adds the headers and reloads
 * the page, so the first visit waits a moment: nothing that loads resources (Monaco, workers)
 * may start before that reload, or its requests are cut. Where neither works, the page still
 * shows and edits programs, and says why it cannot run them.
 */
import { useEffect, useState } from 'react'

export type Isolation = { state: 'isolated' } | { state: 'waiting' } | { state: 'unavailable'; why: string }

/** The service worker reloads within ~1 s of the first load; past this it is not going to. */
const WAIT_MS = 6000

declare global {
  interface Window {
    __bpfplayCoiReloading?: boolean
  }
}

function unavailableReason(): string {
  if (!window.isSecureContext) {
    return 'the page was opened over plain http from another host, and browsers allow the service worker that provides isolation only on https or localhost.'
  }
  if (!('serviceWorker' in navigator)) {
    return 'this browser has service workers turned off (a private window, or a setting), and the server sends no COOP/COEP headers.'
  }
  return 'the server sends no COOP/COEP headers and the service worker that adds them did not take effect (it may be blocked here).'
}

function initial(): Isolation {
  if (self.crossOriginIsolated) return { state: 'isolated' }
  if (window.isSecureContext && 'serviceWorker' in navigator) return { state: 'waiting' }
  return { state: 'unavailable', why: unavailableReason() }
}

export function useIsolation(): Isolation {
  const [iso, setIso] = useState<Isolation>(initial)
  useEffect(() => {
    if (iso.state === 'isolated') {
      try {
        sessionStorage.removeItem('bpfplay:coi-reloads')
      } catch {
        // fine
      }
    }
    if (iso.state !== 'waiting') return
    const t = setTimeout(() => {
      if (!window.__bpfplayCoiReloading) setIso({ state: 'unavailable', why: unavailableReason() })
    }, WAIT_MS)
    return () => clearTimeout(t)
  }, [iso])
  return iso
}
