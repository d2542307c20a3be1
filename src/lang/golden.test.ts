/**
 * Golden C programs (tests/c/*.c): each file ends with `// expect: <line>` comments holding the
 * stdout that gcc 12 produced for it on x86-64. The program is compiled and run with the fake
 * environment of testing.ts and must print exactly those lines.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runMain } from './testing'

const dir = join(__dirname, '../../tests/c')

describe('golden C programs', () => {
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.c')).sort()) {
    it(f, () => {
      const src = readFileSync(join(dir, f), 'utf8')
      const expected = src
        .split('\n')
        .filter((l) => l.startsWith('// expect: ') || l === '// expect:')
        .map((l) => l.slice('// expect: '.length))
      expect(expected.length).toBeGreaterThan(0)
      const r = runMain(src, { filename: f })
      expect(r.stdout).toBe(expected.map((l) => l + '\n').join(''))
      expect(r.exit).toBe(0)
    })
  }
})
