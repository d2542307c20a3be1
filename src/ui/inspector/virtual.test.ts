import { describe, expect, it } from 'vitest'
import { ChangeTracker } from './flash'
import { rowWindow } from './virtual'

describe('row window', () => {
  it('renders the rows in view plus overscan, with spacers for the rest', () => {
    const w = rowWindow(100_000, 30, 50_000 * 30, 450, 8)
    expect(w).toEqual({ start: 49_992, end: 50_023, padTop: 49_992 * 30, padBottom: (100_000 - 50_023) * 30 })
    expect(w.padTop + (w.end - w.start) * 30 + w.padBottom).toBe(100_000 * 30)
  })
  it('clamps at both ends and for small lists', () => {
    expect(rowWindow(5, 30, 0, 450)).toEqual({ start: 0, end: 5, padTop: 0, padBottom: 0 })
    expect(rowWindow(1000, 30, 10_000_000, 450)).toMatchObject({ start: 1000, end: 1000, padBottom: 0 })
    expect(rowWindow(1000, 30, -50, 450)).toMatchObject({ start: 0, padTop: 0 })
  })
})

describe('change tracker', () => {
  it('counts changes per cell of a row, by row key, from the second look on', () => {
    const t = new ChangeTracker()
    expect(t.observe('k1', ['a', 'b'])).toEqual([0, 0])
    expect(t.observe('k1', ['a', 'b'])).toEqual([0, 0])
    expect(t.observe('k1', ['a', 'c'])).toEqual([0, 1])
    expect(t.observe('k2', ['x'])).toEqual([0])
    expect(t.observe('k1', ['z', 'c'])).toEqual([1, 1])
    // A different column layout is a new row, not a change.
    expect(t.observe('k1', ['z', 'c', 'd'])).toEqual([0, 0, 0])
  })
})
