import { describe, expect, it } from 'vitest'
import { MAX_LAG_MS, MAX_RATE_BATCH, Pacer } from './pacer'

/** Ticks from `from` to `to` ms with irregular steps (all shorter than the lag cap), sending what is due. */
function tick(p: Pacer, from: number, to: number, sent: number): number {
  const steps = [3, 1, 7, 13, 4, 21]
  for (let t = from, i = 0; t < to; i++) {
    t = Math.min(to, t + steps[i % steps.length])
    sent = p.due(t, sent)
  }
  return sent
}

describe('Pacer', () => {
  it('hands out rate * elapsed frames whatever the tick lengths', () => {
    const p = new Pacer(2000, 0)
    expect(tick(p, 0, 1000, 0)).toBe(2000)
  })

  it('never asks for fewer frames than already sent', () => {
    const p = new Pacer(1000, 0)
    expect(p.due(1, 50)).toBe(50)
  })

  it('applies a new rate from the change on, without a catch-up burst', () => {
    const p = new Pacer(1000, 0)
    let sent = tick(p, 0, 1000, 0)
    expect(sent).toBe(1000)
    p.setRate(10_000, 1000, sent)
    expect(p.due(1000, sent)).toBe(1000)
    sent = tick(p, 1000, 1100, sent)
    expect(sent).toBe(2000)
    p.setRate(100, 1100, sent)
    expect(tick(p, 1100, 2100, sent)).toBe(2100)
  })

  it('caps the backlog of a producer that fell behind to MAX_LAG_MS of traffic', () => {
    const p = new Pacer(10_000, 0)
    // Blocked for 5 s with nothing sent: only 100 ms worth is due now, not 50,000 frames.
    const due = p.due(5000, 0)
    expect(due).toBe((10_000 * MAX_LAG_MS) / 1000)
    // and the schedule continues at the rate from there
    expect(tick(p, 5000, 5100, due)).toBe(due + 1000)
  })

  it('rate 0 offers a fixed batch per tick', () => {
    const p = new Pacer(0, 0)
    expect(p.due(123, 77)).toBe(77 + MAX_RATE_BATCH)
    expect(p.msUntilNext(123, 77)).toBe(0)
  })

  it('knows when the next frame is due', () => {
    const p = new Pacer(100, 0)
    expect(p.msUntilNext(0, 0)).toBe(10)
    expect(p.msUntilNext(25, 2)).toBe(5)
    expect(p.msUntilNext(50, 2)).toBe(0)
  })

  it('refuses nonsense rates', () => {
    expect(() => new Pacer(-1, 0)).toThrow(RangeError)
    expect(() => new Pacer(Number.NaN, 0)).toThrow(RangeError)
    expect(() => new Pacer(Infinity, 0)).toThrow(RangeError)
  })
})
