/**
 * bpftool's option parsing: GNU getopt_long with optstring "VhpjfLmndB:l", opterr = 0. GNU
 * getopt permutes, so an option is recognised anywhere on the line (`bpftool map show -j`
 * works) until a "--"; "-jp" is -j then -p; long options may be abbreviated to any unique
 * prefix ("--js"). A word such as "-1" is therefore an option, an unknown one, which is why
 * bpftool refuses `key -1 0 0 0`. Stops at the first bad option, as bpftool exits there.
 */

export interface GetoptResult {
  /** Option letters in the order given ('B' carries its argument in bArg). */
  opts: string[]
  bArg?: string
  /** Words that are not options, in order. */
  args: string[]
  /** The argv element bpftool names in "unrecognized option '%s'" (argv[optind - 1]). */
  bad?: string
}

const SHORT = 'VhpjfLmndB:l'
const LONG: [name: string, hasArg: boolean, letter: string][] = [
  ['json', false, 'j'],
  ['help', false, 'h'],
  ['pretty', false, 'p'],
  ['version', false, 'V'],
  ['bpffs', false, 'f'],
  ['mapcompat', false, 'm'],
  ['nomount', false, 'n'],
  ['debug', false, 'd'],
  ['use-loader', false, 'L'],
  ['base-btf', true, 'B'],
  ['legacy', false, 'l'],
]

function shortTakesArg(c: string): boolean | null {
  const i = SHORT.indexOf(c)
  if (i < 0 || c === ':') return null
  return SHORT[i + 1] === ':'
}

export function getopt(argv: string[]): GetoptResult {
  const r: GetoptResult = { opts: [], args: [] }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--') {
      r.args.push(...argv.slice(i + 1))
      break
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      const name = a.slice(2, eq < 0 ? undefined : eq)
      const exact = LONG.find((o) => o[0] === name)
      const matches = exact ? [exact] : LONG.filter((o) => o[0].startsWith(name))
      if (matches.length !== 1) {
        r.bad = a
        return r
      }
      const [, hasArg, letter] = matches[0]
      if (!hasArg && eq >= 0) {
        r.bad = a
        return r
      }
      if (hasArg) {
        if (eq >= 0) r.bArg = a.slice(eq + 1)
        else if (i + 1 < argv.length) r.bArg = argv[++i]
        else {
          r.bad = a
          return r
        }
      }
      r.opts.push(letter)
      continue
    }
    if (a.length > 1 && a[0] === '-') {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]
        const takes = shortTakesArg(c)
        if (takes === null) {
          // optind has moved past this element only when c was its last character.
          r.bad = j === a.length - 1 ? a : (argv[i - 1] ?? a)
          return r
        }
        if (takes) {
          if (j + 1 < a.length) r.bArg = a.slice(j + 1)
          else if (i + 1 < argv.length) r.bArg = argv[++i]
          else {
            r.bad = a
            return r
          }
          r.opts.push(c)
          break
        }
        r.opts.push(c)
      }
      continue
    }
    r.args.push(a)
  }
  return r
}
