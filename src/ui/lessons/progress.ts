/** Which lesson steps this browser has passed, and where each lesson was left (localStorage). */

const KEY = 'bpfplay:lessons:v1'

export interface LessonProgress {
  /** 0-based step last shown. */
  step: number
  /** Step files whose checks all passed at least once. */
  passed: string[]
}

export type ProgressBook = Record<string, LessonProgress>

export function loadProgress(): ProgressBook {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as unknown
    if (typeof raw !== 'object' || raw === null) return {}
    const out: ProgressBook = {}
    for (const [id, v] of Object.entries(raw as Record<string, Partial<LessonProgress>>)) {
      if (typeof v !== 'object' || v === null) continue
      out[id] = {
        step: Number.isInteger(v.step) && (v.step as number) >= 0 ? (v.step as number) : 0,
        passed: Array.isArray(v.passed) ? v.passed.filter((s): s is string => typeof s === 'string') : [],
      }
    }
    return out
  } catch {
    return {}
  }
}

export function saveProgress(book: ProgressBook): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(book))
  } catch {
    // storage full or disabled: progress is kept for this page only
  }
}
