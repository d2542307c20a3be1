/**
 * What a first visit opens. With nothing of the visitor's own to show, the page opens the
 * "Counter from the toolbar" example (xdp_prog.c counts packets in a pinned per-CPU map,
 * user.c reads it) and runs it live at once: attached to eth0, gentle traffic, the map counting
 * up (demo.ts). `?demo=0` opts out (the e2e tests use it, so their start is quiet): the first
 * visit then opens "A first hash map" and runs it once, as before the demo existed. Lesson and
 * embed links never get the demo: they open what they name.
 *
 * Kept apart from demo.ts, which drives the machine: the workspace store needs these texts at
 * start-up, before any machine module is loaded.
 */
import type { WorkspaceSnapshot } from './files'
import { DEFAULT_SETTINGS } from './files'
import helloUser from '../../../public/examples/demos/hello-maps.c?raw'
import passCountXdp from '../../../public/examples/demos/xdp_pass_count.c?raw'
import readStatsUser from '../../../public/examples/xdp/read_pinned_stats.c?raw'

/** The example a quiet first visit opens and runs once. */
export const QUIET_EXAMPLE_ID = 'hello-maps'
export const QUIET_WORKSPACE: WorkspaceSnapshot = {
  files: { 'user.c': helloUser, 'xdp_prog.c': passCountXdp },
  active: 'user.c',
  settings: DEFAULT_SETTINGS,
}

/** The example the live demo opens (public/examples/index.json). */
export const DEMO_EXAMPLE_ID = 'xdp-counter'
/** The program that is running is the one on screen. */
export const DEMO_WORKSPACE: WorkspaceSnapshot = {
  files: { 'user.c': readStatsUser, 'xdp_prog.c': passCountXdp },
  active: 'xdp_prog.c',
  settings: DEFAULT_SETTINGS,
}

/** Values of `?demo=` that turn the demo off. */
const OFF = new Set(['0', 'false', 'off', 'no'])

/** Whether this address may start the live demo (it still needs a first visit: no saved work, no link). */
export function demoAllowed(search: string): boolean {
  const p = new URLSearchParams(search)
  if (OFF.has((p.get('demo') ?? '').trim().toLowerCase())) return false
  return !p.get('lesson') && !p.get('embed')
}
