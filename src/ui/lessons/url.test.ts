import { describe, expect, it } from 'vitest'
import { readLessonParams, resolveLesson } from './url'

describe('lesson addresses', () => {
  it('reads ?lesson, ?step and ?embed', () => {
    expect(readLessonParams('?lesson=batch&step=2')).toEqual({ lesson: 'batch', step: 2, example: null, embed: false })
    expect(readLessonParams('?embed=1&lesson=lookup&step=x')).toEqual({ lesson: 'lookup', step: null, example: null, embed: true })
    expect(readLessonParams('?embed=1')).toEqual({ lesson: null, step: null, example: null, embed: false })
    expect(readLessonParams('?embed=1&example=hello-maps')).toEqual({ lesson: null, step: null, example: 'hello-maps', embed: true })
    expect(readLessonParams('?lesson=a&step=0').step).toBeNull()
  })

  it('resolves an id next to the page and a URL anywhere', () => {
    const page = 'https://play.example/bpfplay/index.html'
    expect(resolveLesson('batch', page)).toEqual({ id: 'batch', base: 'https://play.example/bpfplay/lessons/batch/', local: true })
    expect(resolveLesson('https://docs.example/l/maps-101/lesson.md?x=1#y', page)).toEqual({ id: 'maps-101', base: 'https://docs.example/l/maps-101/', local: false })
    expect(resolveLesson('https://docs.example/l/Maps 101', page)?.base).toBe('https://docs.example/l/Maps%20101/')
    expect(resolveLesson('javascript:alert(1)', page)).toBeNull()
    expect(resolveLesson('data:text/plain,hi', page)).toBeNull()
  })
})
