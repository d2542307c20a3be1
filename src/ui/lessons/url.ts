/**
 * The lesson part of the page address: `?lesson=<id or URL>&step=N` opens a lesson at a step,
 * `&embed=1` shows only that step with Run and Check (for an iframe in documentation);
 * `?embed=1&example=<id>` shows one example the same way. An id
 * names a folder of lessons/ next to the page; a URL names a lesson folder anywhere (its
 * lesson.md lists the steps).
 */
import { LESSON_ID } from '../../lessons/lesson-load'

export interface LessonParams {
  lesson: string | null
  /** 1-based step from the address (clamped when the lesson is loaded). */
  step: number | null
  /** `?example=<id>` (with embed=1: one example for an iframe). */
  example: string | null
  embed: boolean
}

export function readLessonParams(search: string = location.search): LessonParams {
  const p = new URLSearchParams(search)
  const lesson = p.get('lesson')?.trim() || null
  const n = Number(p.get('step'))
  const example = p.get('example')?.trim() || null
  const embed = p.get('embed') === '1' || p.get('embed') === 'true'
  return { lesson, step: Number.isInteger(n) && n >= 1 ? n : null, example, embed: embed && (lesson !== null || example !== null) }
}

export interface LessonLocation {
  id: string
  /** Folder URL, ending in "/". */
  base: string
  /** True for lessons of this site's lessons/ folder (listed in its index). */
  local: boolean
}

/** Where a ?lesson= value points; null when it is neither an id nor an http(s) URL. */
export function resolveLesson(param: string, pageBase: string = document.baseURI): LessonLocation | null {
  if (LESSON_ID.test(param)) return { id: param, base: new URL(`lessons/${param}/`, pageBase).href, local: true }
  let url: URL
  try {
    url = new URL(param, pageBase)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  url.hash = ''
  url.search = ''
  if (url.pathname.endsWith('/lesson.md')) url.pathname = url.pathname.slice(0, -'lesson.md'.length)
  if (!url.pathname.endsWith('/')) url.pathname += '/'
  const segs = url.pathname.split('/').filter(Boolean)
  const last = (segs[segs.length - 1] ?? 'lesson').toLowerCase().replace(/[^a-z0-9_-]/g, '-')
  return { id: LESSON_ID.test(last) ? last : 'lesson', base: url.href, local: false }
}

/** The address of lesson `param` at step `step` (1-based), keeping other parameters. */
export function lessonHref(param: string | null, step: number, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams(location.search)
  p.delete('lesson')
  p.delete('step')
  if (param) {
    p.set('lesson', param)
    p.set('step', String(step))
  }
  for (const [k, v] of Object.entries(extra)) p.set(k, v)
  const q = p.toString()
  return location.pathname + (q ? `?${q}` : '') + location.hash
}
