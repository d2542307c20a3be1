/**
 * Phone mode: a narrow screen used by touch. There the code is shown read-only with colours
 * (CodeView.tsx) instead of in Monaco, which handles touch poorly, the debugger's controls are
 * left out, and Run brings the console into view. A narrow desktop window (a mouse) keeps the
 * editor. The same query drives the CSS in styles/phone.css.
 */
import { useSyncExternalStore } from 'react'
import { create } from 'zustand'

export const PHONE_QUERY = '(max-width: 600px) and (pointer: coarse)'

function query(): MediaQueryList | null {
  return typeof matchMedia === 'function' ? matchMedia(PHONE_QUERY) : null
}

function subscribe(onChange: () => void): () => void {
  const q = query()
  q?.addEventListener('change', onChange)
  return () => q?.removeEventListener('change', onChange)
}

/** True on a phone-sized touch screen (follows rotation and resizing). */
export function usePhone(): boolean {
  return useSyncExternalStore(subscribe, () => query()?.matches ?? false, () => false)
}

interface PhoneEditState {
  /** The visitor asked for the full editor on the phone anyway. */
  editing: boolean
  setEditing(editing: boolean): void
}

export const usePhoneEdit = create<PhoneEditState>()((set) => ({
  editing: false,
  setEditing: (editing) => set({ editing }),
}))
