/**
 * The examples catalogue (public/examples/index.json) and loading one into the editors. Files
 * are fetched relative to the page, so the site works under any sub-path.
 */
import { useConsole } from '../console/store'
import { useWorkspace } from '../workspace/store'

export interface Example {
  id: string
  title: string
  summary: string
  user: string
  xdp?: string
}

export interface ExampleGroup {
  title: string
  note?: string
  examples: Example[]
}

export interface ExampleIndex {
  version: number
  default: string
  groups: ExampleGroup[]
}

const base = new URL('examples/', document.baseURI)
let indexPromise: Promise<ExampleIndex> | null = null

async function fetchText(path: string): Promise<string> {
  const r = await fetch(new URL(path, base))
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`)
  return r.text()
}

export function loadExampleIndex(): Promise<ExampleIndex> {
  indexPromise ??= fetchText('index.json')
    .then((t) => JSON.parse(t) as ExampleIndex)
    .catch((e: unknown) => {
      indexPromise = null
      throw e
    })
  return indexPromise
}

export async function openExample(ex: Example): Promise<void> {
  try {
    const [user, xdp] = await Promise.all([fetchText(ex.user), ex.xdp ? fetchText(ex.xdp) : Promise.resolve(undefined)])
    useWorkspace.getState().replaceFiles(xdp === undefined ? { 'user.c': user } : { 'user.c': user, 'xdp_prog.c': xdp }, ex.id)
  } catch (e) {
    useConsole.getState().note('error', `Could not load the example “${ex.title}”: ${e instanceof Error ? e.message : String(e)}`)
  }
}
