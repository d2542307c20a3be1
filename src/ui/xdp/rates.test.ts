import { describe, expect, it } from 'vitest'
import { RateMeter } from './rates'

describe('RateMeter', () => {
  it('is 0 until there are two samples', () => {
    const m = new RateMeter()
    expect(m.rates()).toEqual([])
    m.push(0, [5, 7])
    expect(m.rates()).toEqual([0, 0])
  })

  it('gives the increase per second over the window', () => {
    const m = new RateMeter(1000)
    for (let t = 0; t <= 3000; t += 100) m.push(t, [t * 2, t / 10])
    expect(m.rates()).toEqual([2000, 100])
  })

  it('forgets samples older than the window, so a stop shows as 0 after it', () => {
    const m = new RateMeter(1000)
    for (let t = 0; t <= 1000; t += 100) m.push(t, [t])
    for (let t = 1100; t <= 2200; t += 100) m.push(t, [1000])
    expect(m.rates()).toEqual([0])
  })

  it('starts over when a counter goes down (new CPU workers)', () => {
    const m = new RateMeter(1000)
    m.push(0, [500])
    m.push(100, [600])
    m.push(200, [10])
    expect(m.rates()).toEqual([0])
    m.push(300, [110])
    expect(m.rates()).toEqual([1000])
  })
})
