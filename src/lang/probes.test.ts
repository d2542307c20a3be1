import { describe, expect, it } from 'vitest'
import { findProbes } from './probes'

const src = (lines: string[]) => lines.join('\n')

describe('findProbes', () => {
  it('finds the variable under the caret of a // ^? line', () => {
    const p = findProbes(src(['int main(void) {', '  int value = 100;', '  //  ^?', '  return 0;', '}']))
    expect(p).toEqual([{ probeLine: 3, line: 2, col: 7, expr: 'value', path: [{ k: 'var', name: 'value' }] }])
  })

  it('follows member accesses and constant indexes left of the caret', () => {
    const p = findProbes(src(['  rec->rx_packets += 1;', '  //     ^?', '  vals[2].count = s . total;', '  //       ^?', '  //                  ^?']))
    expect(p.map((x) => x.expr)).toEqual(['rec->rx_packets', 'vals[2].count', 's.total'])
    expect(p[0].path).toEqual([{ k: 'var', name: 'rec' }, { k: 'field', name: 'rx_packets', arrow: true }])
    expect(p[1].path).toEqual([{ k: 'var', name: 'vals' }, { k: 'index', index: 2 }, { k: 'field', name: 'count', arrow: false }])
    // stacked probes all look at the code line above the stack
    expect(p[2].line).toBe(3)
  })

  it('under a struct variable, the caret takes just that variable; nothing under the caret is an empty probe', () => {
    const p = findProbes(src(['  rec->rx_packets++;', '//  ^?', '   x = 1;', '//      ^?', '// ^?']))
    expect(p[0].expr).toBe('rec')
    expect(p[1]).toMatchObject({ expr: '', path: [] })
    expect(p[2]).toMatchObject({ line: 3, expr: 'x' })
  })

  it('ignores a probe with no code above it and non-constant indexes', () => {
    expect(findProbes('// ^?\nint x;')).toEqual([])
    expect(findProbes('a[i].n = 1;\n//   ^?')[0].expr).toBe('n')
  })
})
