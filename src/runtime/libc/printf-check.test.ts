import { describe, expect, it } from 'vitest'
import { checkFormat, checkFormatDetailed, type FormatArg, type FormatWarning } from './printf-check'
import cases from './fixtures/format-check-cases.json'

describe('gcc 12 -Wformat warnings (fixtures/format-check-cases.json)', () => {
  for (const c of cases as { format: string; formatArgNumber: number; args: FormatArg[]; warnings: FormatWarning[] }[]) {
    it(`${JSON.stringify(c.format)} (${c.args.map((a) => a.cType).join(', ')})`, () => {
      expect(checkFormatDetailed(c.format, c.args, c.formatArgNumber)).toEqual(c.warnings)
    })
  }
})

describe('checkFormat', () => {
  it('returns the bare messages', () => {
    expect(checkFormat('%ld\n', [{ code: 'i', cType: 'int' }])).toEqual([
      "format '%ld' expects argument of type 'long int', but argument 2 has type 'int'",
    ])
    expect(checkFormat('%d %s\n', [{ code: 'i', cType: 'int' }, { code: 'p', cType: 'char *' }])).toEqual([])
  })
  it('spells builtin types the way gcc does', () => {
    expect(checkFormat('%d', [{ code: 'L', cType: 'unsigned long' }])).toEqual([
      "format '%d' expects argument of type 'int', but argument 2 has type 'long unsigned int'",
    ])
    expect(checkFormat('%d', [{ code: 'p', cType: 'unsigned long *' }])).toEqual([
      "format '%d' expects argument of type 'int', but argument 2 has type 'long unsigned int *'",
    ])
  })
  it('falls back to the variadic code when no C type is known', () => {
    expect(checkFormat('%s', [{ code: 'l', cType: '' }])).toEqual([
      "format '%s' expects argument of type 'char *', but argument 2 has type 'long int'",
    ])
  })
})
