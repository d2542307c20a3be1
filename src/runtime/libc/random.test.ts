import { describe, expect, it } from 'vitest'
import { GlibcRandom, rand_r } from './random'
import cases from './fixtures/libc-cases.json'

describe('glibc rand()', () => {
  it('starts as srand(1): 1804289383, 846930886, ...', () => {
    const r = new GlibcRandom()
    expect([r.rand(), r.rand(), r.rand(), r.rand(), r.rand()]).toEqual([1804289383, 846930886, 1681692777, 1714636915, 1957747793])
  })
  for (const [seed, expected] of Object.entries(cases.rand)) {
    it(`srand(${seed}) gives glibc's first 40 values`, () => {
      const r = new GlibcRandom(12345)
      r.srand(Number(seed))
      expect(Array.from({ length: 40 }, () => r.rand())).toEqual(expected)
    })
  }
  it('srand(0) is srand(1), and random() shares the stream', () => {
    const a = new GlibcRandom(0)
    const b = new GlibcRandom(1)
    expect(a.rand()).toBe(b.random())
  })
})

describe('glibc rand_r()', () => {
  for (const [seed, expected] of Object.entries(cases.rand_r)) {
    it(`seed ${seed}`, () => {
      let s = Number(seed)
      const got: number[] = []
      for (let i = 0; i < 10; i++) {
        const [v, next] = rand_r(s)
        got.push(v)
        s = next
      }
      expect(got).toEqual(expected)
    })
  }
})
