/**
 * Golden programs: a C file whose expected behaviour is written inside it, one line each:
 *   // expect: <a line of stdout>
 *   // expect-stderr: <a line of stderr>
 *   // expect-exit: <status>            (default 0)
 *   // bpfplay-only                      (behaviour the real kernel run cannot show, e.g. a segfault message)
 * The expectations of kernel-facing programs were recorded from the real kernel
 * (`npx tsx tests/record-golden.ts FILE.c`) and are re-checked against it when bpf() works.
 */
import { readFileSync } from 'node:fs'

export interface Golden {
  stdout: string
  stderr: string
  exit: number
  bpfplayOnly: boolean
}

export function readGolden(file: string): Golden {
  const text = readFileSync(file, 'utf8')
  const out: string[] = []
  const err: string[] = []
  let exit = 0
  let bpfplayOnly = false
  for (const line of text.split('\n')) {
    let m: RegExpExecArray | null
    if ((m = /^\/\/ expect: ?(.*)$/.exec(line))) out.push(m[1])
    else if ((m = /^\/\/ expect-stderr: ?(.*)$/.exec(line))) err.push(m[1])
    else if ((m = /^\/\/ expect-exit: (\d+)$/.exec(line))) exit = Number(m[1])
    else if (/^\/\/ bpfplay-only\b/.test(line)) bpfplayOnly = true
  }
  const join = (ls: string[]) => (ls.length ? ls.join('\n') + '\n' : '')
  return { stdout: join(out), stderr: join(err), exit, bpfplayOnly }
}

/** The file's text with its expectation lines replaced by these. */
export function writeExpectations(text: string, run: { stdout: string; stderr: string; exit: number }): string {
  const body = text
    .split('\n')
    .filter((l) => !/^\/\/ expect(-stderr|-exit)?:/.test(l))
    .join('\n')
    .replace(/\n+$/, '\n')
  const lines = (s: string, tag: string) => (s === '' ? [] : s.replace(/\n$/, '').split('\n').map((l) => `// ${tag}: ${l}`))
  const exp = [...lines(run.stdout, 'expect'), ...lines(run.stderr, 'expect-stderr'), ...(run.exit ? [`// expect-exit: ${run.exit}`] : [])]
  return body + '\n' + exp.join('\n') + '\n'
}
