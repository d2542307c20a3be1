/**
 * Light and dark themes. The choice is stored per browser; without one the system preference
 * decides. index.html applies it before the first paint; this store keeps the <html>
 * data-theme attribute, the stored choice and Monaco's theme in step.
 */
import { create } from 'zustand'

export type Theme = 'light' | 'dark'
const KEY = 'bpfplay:theme'

function initialTheme(): Theme {
  const t = document.documentElement.dataset.theme
  if (t === 'light' || t === 'dark') return t
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

interface ThemeState {
  theme: Theme
  toggle(): void
}

export const useTheme = create<ThemeState>()((set, get) => ({
  theme: initialTheme(),
  toggle: () => {
    const theme: Theme = get().theme === 'dark' ? 'light' : 'dark'
    document.documentElement.dataset.theme = theme
    try {
      localStorage.setItem(KEY, theme)
    } catch {
      // not kept: fine
    }
    set({ theme })
  },
}))
