/** Small inline icons (no icon font: nothing to fetch, nothing to block under COEP). */
const common = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const

export const PlayIcon = () => (
  <svg {...common}>
    <path d="M4.5 2.8v10.4a.6.6 0 0 0 .9.5l8.2-5.2a.6.6 0 0 0 0-1L5.4 2.3a.6.6 0 0 0-.9.5z" fill="currentColor" />
  </svg>
)
export const StopIcon = () => (
  <svg {...common}>
    <rect x="3.5" y="3.5" width="9" height="9" rx="1.5" fill="currentColor" />
  </svg>
)
export const RebootIcon = () => (
  <svg {...common}>
    <path d="M13 8a5 5 0 1 1-1.6-3.7M13 2.5v3h-3" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
)
export const SunIcon = () => (
  <svg {...common}>
    <circle cx="8" cy="8" r="3" fill="currentColor" />
    <path d="M8 1v2M8 13v2M1 8h2M13 8h2M3 3l1.4 1.4M11.6 11.6 13 13M3 13l1.4-1.4M11.6 4.4 13 3" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
  </svg>
)
export const MoonIcon = () => (
  <svg {...common}>
    <path d="M13.5 10A6 6 0 0 1 6 2.5a6 6 0 1 0 7.5 7.5z" fill="currentColor" />
  </svg>
)
export const Logo = () => (
  <svg width="22" height="22" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <rect width="32" height="32" rx="7" fill="var(--accent)" />
    <path d="M9 10h6a4 4 0 0 1 0 8H9zM9 18h7a4 4 0 0 1 0 8H9z" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinejoin="round" />
    <circle cx="23" cy="11" r="2.4" fill="#ffd33d" />
  </svg>
)
