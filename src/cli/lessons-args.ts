/** Command line of `bpfplay lessons` (kept apart so args.ts can show the usage without loading the runners). */

export const LESSONS_USAGE = `  lessons [--check | --index] [--dir DIR] [ID ...]
                             list the lessons; --check runs each step's solution (must pass its
                             checks) and starter (must fail one); --index writes index.json
`

export interface LessonsOptions {
  mode: 'list' | 'check' | 'index'
  dir?: string
  ids: string[]
}

export function parseLessonsArgs(argv: string[]): LessonsOptions | string {
  const o: LessonsOptions = { mode: 'list', ids: [] }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--check') o.mode = 'check'
    else if (a === '--index') o.mode = 'index'
    else if (a === '--dir') {
      o.dir = argv[++i]
      if (!o.dir) return '--dir needs a directory'
    } else if (a.startsWith('-')) return `unknown option '${a}'`
    else o.ids.push(a)
  }
  return o
}
