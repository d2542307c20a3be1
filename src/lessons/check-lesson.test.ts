import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkStep, type StepRunners } from './check-lesson'
import { loadLesson } from './lesson-load'
import { runUserStep } from './run-user'
import { parseStep } from './step-parse'
import type { RunOutcome, Step } from './types'

const runners: StepRunners = {
  user: (text, setup, cpus, seed) => runUserStep(text, setup, { cpus, seed }),
  xdp: () => {
    throw new Error('no XDP step here')
  },
}

function step(markdown: string): Step {
  const p = parseStep(markdown)
  const code: Step['code'] = {}
  for (const [f, roles] of Object.entries(p.code)) code[f as 'user.c'] = { starter: roles.starter && 'text' in roles.starter ? roles.starter.text : undefined, solution: roles.solution && 'text' in roles.solution ? roles.solution.text : undefined }
  return { file: 'x.md', title: p.title, explanation: p.explanation, code, setup: [], machine: p.machine, checks: p.checks, problems: p.problems }
}

const PROGRAM = (value: number) => `#include <bpf/bpf.h>
#include <stdio.h>
int main(void) {
  int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "m", 4, 4, 8, NULL);
  int k = 5, v = ${value};
  bpf_map_update_elem(fd, &k, &v, BPF_ANY);
  printf("stored %d\\n", v);
  return 0;
}`

describe('checkStep', () => {
  it('needs the solution to pass and the starter to fail', () => {
    const md = (starter: number, solution: number) => `# T\n\`\`\`c user.c starter\n${PROGRAM(starter)}\n\`\`\`\n\`\`\`c user.c solution\n${PROGRAM(solution)}\n\`\`\`\n## Checks\n- map "m" has key 5 with value 200\n- output contains "stored 200"\n`
    expect(checkStep(step(md(100, 200)), runners)).toMatchObject({ ok: true, summary: 'solution passes 2/2 checks, starter fails (hash seeds 1, 2, 3)' })
    expect(checkStep(step(md(100, 300)), runners)).toMatchObject({ ok: false, summary: expect.stringMatching(/^solution fails \(hash seed 1\): "map "m" has key 5 with value 200": key 5: value is 300/) })
    expect(checkStep(step(md(200, 200)), runners)).toMatchObject({ ok: false, summary: expect.stringMatching(/starter already passes every check/) })
  })

  it('sees maps the program freed at exit, and stops a runaway starter', () => {
    const loop = '#include <stdio.h>\nint main(void) { for (;;) {} return 0; }'
    const out: RunOutcome = runUserStep(loop, [], { cpus: 1, timeoutMs: 200 })
    expect(out.exitCode).toBe(137)
    const freed = runUserStep(PROGRAM(7), [], { cpus: 2 })
    expect(freed.maps.map((m) => m.name)).toEqual(['m'])
  })

  it('reports author problems without running anything', () => {
    expect(checkStep(step('no title\n## Checks\n- exit status 0\n'), runners)).toMatchObject({ ok: false })
    expect(checkStep(step('# Intro\nJust text.\n'), runners)).toMatchObject({ ok: true, summary: 'no checks (explanation only)' })
  })

  it('a shipped lesson passes (update-flags, read from public/lessons)', async () => {
    const dir = join(__dirname, '../../public/lessons/update-flags')
    const lesson = await loadLesson('update-flags', dir, async (n) => readFileSync(join(dir, n), 'utf8'), ['01-any-and-exist.md', '02-noexist.md', '03-arrays.md'])
    for (const s of lesson.loaded) expect(checkStep(s, runners), s.file).toMatchObject({ ok: true })
  })
})
