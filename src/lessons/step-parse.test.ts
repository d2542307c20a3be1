import { describe, expect, it } from 'vitest'
import { parseLessonMeta, parseStep, splitFrontMatter, stepFilesOf } from './step-parse'
import { isXdpStep, loadLesson, parseLessonIndex } from './lesson-load'

const STEP = `---
title: Insert only if absent
user.c starter: noexist.starter.c
user.c solution: noexist.c
setup: pin.c, more.c
seed: 7
---
Some **explanation** with a table:

| flag | meaning |
| --- | --- |

\`\`\`c
int shown = 1; // an ordinary code block stays in the explanation
\`\`\`

## Checks
- errno EEXIST printed
- map "counts" has key 4 with value 300

## Going further
More text.
`

describe('parseStep', () => {
  it('splits front matter, explanation and checks', () => {
    const s = parseStep(STEP)
    expect(s.problems).toEqual([])
    expect(s.title).toBe('Insert only if absent')
    expect(s.code).toEqual({ 'user.c': { starter: { file: 'noexist.starter.c' }, solution: { file: 'noexist.c' } } })
    expect(s.setup).toEqual(['pin.c', 'more.c'])
    expect(s.machine).toEqual({ seed: 7, cpus: undefined, packets: undefined, traffic: undefined })
    expect(s.checks.map((c) => c.text)).toEqual(['errno EEXIST printed', 'map "counts" has key 4 with value 300'])
    expect(s.explanation).toContain('int shown = 1;')
    expect(s.explanation).toContain('## Going further')
    expect(s.explanation).not.toContain('EEXIST')
  })

  it('takes code from fenced blocks and the title from the first heading', () => {
    const s = parseStep('# Walk it\n\nText.\n\n```c user.c starter\nint main(void) { return 1; }\n```\n\n~~~ user.c solution\nint main(void) { return 0; }\n~~~\n\n### Checks\n\n- exit status 0\n')
    expect(s.problems).toEqual([])
    expect(s.title).toBe('Walk it')
    expect(s.code['user.c']).toEqual({ starter: { text: 'int main(void) { return 1; }\n' }, solution: { text: 'int main(void) { return 0; }\n' } })
    expect(s.explanation.trim()).toBe('Text.')
  })

  it('"user.c: file" gives both roles; XDP machine settings', () => {
    const s = parseStep('---\ntitle: t\nxdp_prog.c starter: a.c\nxdp_prog.c solution: b.c\nuser.c: stats.c\ncpus: 2\ntraffic: many-sources\npackets: 1000\n---\n## Checks\n- xdp program loads\n')
    expect(s.problems).toEqual([])
    expect(s.code['user.c']).toEqual({ starter: { file: 'stats.c' }, solution: { file: 'stats.c' } })
    expect(s.machine).toMatchObject({ cpus: 2, traffic: 'many-sources', packets: 1000 })
  })

  it('reports problems an author can fix', () => {
    const s = parseStep('---\ntitle: t\nuser.c solution: ../../etc/passwd\ncolour: blue\ncpus: 100\n---\n## Checks\n- output says "x"\nnot a list item\n')
    expect(s.problems.join('\n')).toMatch(/must be a file name in the lesson folder/)
    expect(s.problems.join('\n')).toMatch(/unknown front matter key "colour"/)
    expect(s.problems.join('\n')).toMatch(/cpus: "100" is not a whole number from 1 to 64/)
    expect(s.problems.join('\n')).toMatch(/check "output says "x"": expected 'contains'/)
    expect(s.problems.join('\n')).toMatch(/only "- check" lines belong in the Checks section/)
    expect(parseStep('no title\n## Checks\n- exit status 0\n').problems.join('\n')).toMatch(/no title[\s\S]*needs code/)
    expect(parseStep('# T\n```c user.c solution\nx\n```\n## Checks\n- exit status 0\n').problems).toEqual(['user.c has a solution but no starter'])
    expect(splitFrontMatter('---\ntitle: x\n').problems).toEqual(['the front matter has no closing ---'])
  })
})

describe('lessons', () => {
  it('reads lesson.md and orders step files', () => {
    const m = parseLessonMeta('---\ntitle: Update flags\nsummary: flags\norder: 2\nsteps: 01-a.md 02-b.md\n---\n')
    expect(m).toMatchObject({ title: 'Update flags', summary: 'flags', order: 2, steps: ['01-a.md', '02-b.md'], problems: [] })
    expect(stepFilesOf(['10-z.md', 'lesson.md', '02-b.md', 'a.c', '01-a.md'])).toEqual(['01-a.md', '02-b.md', '10-z.md'])
  })

  it('loads a lesson through a reader and resolves code files', async () => {
    const files: Record<string, string> = {
      'lesson.md': '---\ntitle: Demo\nsteps: 01-one.md\n---\n',
      '01-one.md': '---\ntitle: One\nuser.c starter: s.c\nuser.c solution: missing.c\n---\nHi\n## Checks\n- exit status 0\n',
      's.c': 'int main(void) { return 1; }\n',
    }
    const read = async (n: string) => {
      if (!(n in files)) throw new Error('not found')
      return files[n]
    }
    const l = await loadLesson('demo', 'lessons/demo/', read)
    expect(l.problems).toEqual([])
    expect(l.loaded[0].code['user.c']?.starter).toBe('int main(void) { return 1; }\n')
    expect(l.loaded[0].problems).toEqual(['cannot read missing.c: not found'])
    expect(isXdpStep(l.loaded[0])).toBe(false)
    const noSteps = await loadLesson('x', 'x/', async (n) => (n === 'lesson.md' ? '---\ntitle: X\n---\n' : Promise.reject(new Error('no'))))
    expect(noSteps.problems.join()).toMatch(/no steps/)
  })

  it('validates index.json', () => {
    expect(parseLessonIndex('{"version":1,"lessons":[{"id":"a","title":"A","summary":"s","steps":["01-a.md"]}]}').lessons[0].id).toBe('a')
    expect(() => parseLessonIndex('{"version":2,"lessons":[]}')).toThrow(/version/)
    expect(() => parseLessonIndex('{"version":1,"lessons":[{"id":"../x","title":"A","steps":[]}]}')).toThrow(/entry 0/)
  })
})
