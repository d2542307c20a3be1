import { describe, expect, it } from 'vitest'
import { errnoByName, errnoName, MAX_ERRNO, perrorBytes, perrorText, strerror } from './errno'
import cases from './fixtures/libc-cases.json'

describe('strerror / errno names against glibc 2.36', () => {
  it('every errno 0..139 and some out-of-range values', () => {
    for (const [n, message, name] of cases.strerror as [number, string, string][]) {
      expect(strerror(n), `errno ${n}`).toBe(message)
      expect(errnoName(n), `errno ${n}`).toBe(name === '' ? null : name)
    }
  })
  it('examples from the brief', () => {
    expect(strerror(0)).toBe('Success')
    expect(strerror(1)).toBe('Operation not permitted')
    expect(strerror(95)).toBe('Operation not supported')
    expect(strerror(524)).toBe('Unknown error 524')
    expect(MAX_ERRNO).toBe(133)
  })
  it('names back to numbers, with the aliases', () => {
    expect(errnoByName('ENOENT')).toBe(2)
    expect(errnoByName('EWOULDBLOCK')).toBe(11)
    expect(errnoByName('ENOTSUP')).toBe(95)
    expect(errnoByName('ENOPE')).toBe(undefined)
  })
})

describe('perror', () => {
  const text = (b: Uint8Array) => new TextDecoder().decode(b)
  it('"s: message\\n", or only the message for NULL or ""', () => {
    expect(text(perrorBytes(new TextEncoder().encode('open'), 2))).toBe('open: No such file or directory\n')
    expect(text(perrorBytes(null, 2))).toBe('No such file or directory\n')
    expect(text(perrorBytes(new Uint8Array(0), 524))).toBe('Unknown error 524\n')
    expect(perrorText('bpf', 1)).toBe('bpf: Operation not permitted\n')
    expect(perrorText('', 1)).toBe('Operation not permitted\n')
  })
})
