/**
 * Check lines → checks. A check is one readable sentence in a step's "## Checks" list:
 *
 *   output contains "Found value 100"          stderr does not contain "error"
 *   output matches /Next key: \d+/             output has 3 lines containing "Next key"
 *   exit status 0                              errno EEXIST printed
 *   map "my_map" has key 5 with value 200      map id 1 has no key 4
 *   map "stats" has key 2 with u64 at offset 0 = 2000 sum over CPUs
 *   map "my_map" has 3 entries                 map "my_map" is frozen
 *   map "my_map" has type BPF_MAP_TYPE_HASH    map "my_map" is pinned at "/sys/fs/bpf/my_map"
 *   xdp program loads                          xdp returned XDP_PASS 2000 times
 *
 * The full grammar is in public/lessons/README.md (the authors' guide); parse errors name the
 * word that was not understood, so an author can fix a line without reading this code.
 */
import { errnoByName } from '../runtime/libc/errno'
import { Errno, MapFlag, MapType } from '../kernel/uapi'
import { parseCInt, parseHexBytes } from './c-values'
import type { ByteSpec, CheckSpec, CompareOp, CpuSelector, Field, MapAttr, MapRef, Stream } from './types'

type Token = { t: 'str'; v: string } | { t: 're'; v: RegExp; src: string } | { t: 'op'; v: string } | { t: 'word'; v: string }

export class CheckSyntaxError extends Error {}

export const XDP_ACTION_NAMES = ['XDP_ABORTED', 'XDP_DROP', 'XDP_PASS', 'XDP_TX', 'XDP_REDIRECT'] as const

function tokenize(line: string): Token[] {
  const out: Token[] = []
  let i = 0
  while (i < line.length) {
    const c = line[i]
    if (/\s/.test(c)) {
      i++
    } else if (c === '"') {
      let v = ''
      i++
      for (;;) {
        if (i >= line.length) throw new CheckSyntaxError('a quoted text is not closed with "')
        const d = line[i++]
        if (d === '"') break
        if (d === '\\' && i < line.length) {
          const e = line[i++]
          v += e === 'n' ? '\n' : e === 't' ? '\t' : e
        } else v += d
      }
      out.push({ t: 'str', v })
    } else if (c === '/') {
      let src = ''
      i++
      for (;;) {
        if (i >= line.length) throw new CheckSyntaxError('a /regular expression/ is not closed with /')
        const d = line[i++]
        if (d === '/') break
        if (d === '\\' && i < line.length) src += d + line[i++]
        else src += d
      }
      const flags = /^[a-z]*/.exec(line.slice(i))![0]
      i += flags.length
      try {
        out.push({ t: 're', v: new RegExp(src, flags.replace(/[gy]/g, '')), src })
      } catch (e) {
        throw new CheckSyntaxError(`bad regular expression /${src}/: ${(e as Error).message}`)
      }
    } else if (c === "'") {
      const m = /^'(\\?.)'/.exec(line.slice(i))
      if (!m) throw new CheckSyntaxError("a character constant is not closed with '")
      out.push({ t: 'word', v: m[0] })
      i += m[0].length
    } else {
      const op = /^(!=|<=|>=|==|=|<|>|\||,)/.exec(line.slice(i))
      if (op) {
        out.push({ t: 'op', v: op[0] === '==' ? '=' : op[0] })
        i += op[0].length
      } else {
        const w = /^[^\s"/=<>!|,]+/.exec(line.slice(i))
        if (!w) throw new CheckSyntaxError(`unexpected '${c}'`)
        out.push({ t: 'word', v: w[0] })
        i += w[0].length
      }
    }
  }
  return out
}

class Cursor {
  private i = 0
  constructor(private readonly toks: Token[]) {}

  private show(t: Token | undefined): string {
    if (!t) return 'the end of the line'
    if (t.t === 'str') return `"${t.v}"`
    if (t.t === 're') return `/${t.src}/`
    return `'${t.v}'`
  }
  fail(expected: string): never {
    throw new CheckSyntaxError(`expected ${expected}, found ${this.show(this.toks[this.i])}`)
  }
  peekWord(ahead = 0): string | null {
    const t = this.toks[this.i + ahead]
    return t && t.t === 'word' ? t.v.toLowerCase() : null
  }
  /** Consumes the words (case-insensitive) if they come next. */
  accept(...words: string[]): boolean {
    for (let k = 0; k < words.length; k++) if (this.peekWord(k) !== words[k]) return false
    this.i += words.length
    return true
  }
  expect(...words: string[]): void {
    if (!this.accept(...words)) this.fail(`'${words.join(' ')}'`)
  }
  acceptOp(): CompareOp | null {
    const t = this.toks[this.i]
    if (t && t.t === 'op' && ['=', '!=', '<', '<=', '>', '>='].includes(t.v)) {
      this.i++
      return t.v as CompareOp
    }
    return null
  }
  acceptOpSymbol(v: string): boolean {
    const t = this.toks[this.i]
    if (t && t.t === 'op' && t.v === v) {
      this.i++
      return true
    }
    return false
  }
  string(what: string): string {
    const t = this.toks[this.i]
    if (!t || t.t !== 'str') this.fail(`${what} in double quotes`)
    this.i++
    return t.v
  }
  regex(): RegExp {
    const t = this.toks[this.i]
    if (!t || t.t !== 're') this.fail('a /regular expression/')
    this.i++
    return t.v
  }
  isString(): boolean {
    return this.toks[this.i]?.t === 'str'
  }
  isRegex(): boolean {
    return this.toks[this.i]?.t === 're'
  }
  word(what: string): string {
    const t = this.toks[this.i]
    if (!t || t.t !== 'word') this.fail(what)
    this.i++
    return t.v
  }
  int(what: string): bigint {
    const t = this.toks[this.i]
    const v = t && t.t === 'word' ? parseCInt(t.v) : null
    if (v === null) this.fail(what)
    this.i++
    return v
  }
  count(what: string): number {
    const v = this.int(what)
    if (v < 0n || v > BigInt(Number.MAX_SAFE_INTEGER)) this.fail(`a non-negative ${what}`)
    return Number(v)
  }
  end(): void {
    if (this.i < this.toks.length) this.fail('the end of the line')
  }
}

function stream(word: string | null): Stream | null {
  if (word === 'output' || word === 'stdout') return 'stdout'
  if (word === 'stderr') return 'stderr'
  return null
}

/** `at least 3`, `at most 3`, `more than 3`, `fewer than 3`, `exactly 3`, `>= 3`, `3`. */
function countWithOp(c: Cursor, what: string): { op: CompareOp; count: number } {
  let op: CompareOp = '='
  if (c.accept('at', 'least')) op = '>='
  else if (c.accept('at', 'most')) op = '<='
  else if (c.accept('more', 'than')) op = '>'
  else if (c.accept('fewer', 'than') || c.accept('less', 'than')) op = '<'
  else if (c.accept('exactly')) op = '='
  else op = c.acceptOp() ?? '='
  return { op, count: c.count(what) }
}

function byteSpec(c: Cursor, what: string): ByteSpec {
  if (c.accept('hex')) {
    const text = c.string('hex bytes')
    const bytes = parseHexBytes(text)
    if (!bytes) throw new CheckSyntaxError(`hex "${text}" is not a list of bytes (like "05 00 00 00")`)
    return { kind: 'hex', bytes, text }
  }
  const peek = c.peekWord()
  const value = c.int(`${what} (a C integer, or hex "…")`)
  return { kind: 'int', value, text: peek ?? '' }
}

function mapRef(c: Cursor): MapRef {
  if (c.accept('id')) return { by: 'id', id: c.count('a map id') }
  if (c.isString()) return { by: 'name', name: c.string('the map name') }
  return c.fail('a map name in double quotes, or id N')
}

function field(c: Cursor): Field | null {
  const w = c.peekWord()
  const type = w?.replace(/^__/, '')
  if (!type || !/^[us](8|16|32|64)$/.test(type)) return null
  c.word('a field type')
  c.expect('at')
  c.accept('offset')
  return { type: type as Field['type'], offset: c.count('a byte offset') }
}

function cpuSelector(c: Cursor): CpuSelector | null {
  if (c.accept('sum', 'over', 'cpus') || c.accept('summed', 'over', 'cpus')) return { kind: 'sum' }
  if (c.accept('on', 'every', 'cpu')) return { kind: 'every' }
  if (c.accept('on', 'cpu')) return { kind: 'cpu', cpu: c.count('a CPU number') }
  return null
}

const MAP_TYPES = MapType as Record<string, number>
const MAP_FLAGS = MapFlag as Record<string, number>

function mapTypeValue(word: string): number {
  const name = word.toUpperCase().replace(/^BPF_MAP_TYPE_/, '')
  const v = MAP_TYPES[name]
  if (v === undefined) throw new CheckSyntaxError(`unknown map type '${word}' (like BPF_MAP_TYPE_HASH)`)
  return v
}

function flagsValue(c: Cursor): number {
  let v = 0
  do {
    const w = c.word('map flags (like BPF_F_NO_PREALLOC | BPF_F_ZERO_SEED, or 0)')
    const n = parseCInt(w)
    if (n !== null) v |= Number(n)
    else {
      const f = MAP_FLAGS[w.toUpperCase().replace(/^BPF_F_/, '')]
      if (f === undefined) throw new CheckSyntaxError(`unknown map flag '${w}' (like BPF_F_NO_PREALLOC)`)
      v |= f
    }
  } while (c.acceptOpSymbol('|'))
  return v
}

function mapCheck(c: Cursor): CheckSpec {
  const map = mapRef(c)
  if (c.accept('exists')) return { kind: 'mapExists', map, negate: false }
  if (c.accept('does', 'not', 'exist')) return { kind: 'mapExists', map, negate: true }
  if (c.accept('is', 'pinned', 'at')) return { kind: 'pinned', map, path: c.string('a path') }
  if (c.accept('is', 'not', 'frozen')) return { kind: 'mapFrozen', map, negate: true }
  if (c.accept('is', 'frozen')) return { kind: 'mapFrozen', map, negate: false }
  c.expect('has')
  const attr = (a: MapAttr, expected: number | string): CheckSpec => ({ kind: 'mapAttr', map, attr: a, expected })
  if (c.accept('type')) return attr('type', mapTypeValue(c.word('a map type')))
  if (c.accept('key', 'size')) return attr('keySize', c.count('a key size'))
  if (c.accept('value', 'size')) return attr('valueSize', c.count('a value size'))
  if (c.accept('max', 'entries')) return attr('maxEntries', c.count('max entries'))
  if (c.accept('flags')) return attr('flags', flagsValue(c))
  if (c.accept('name')) return attr('name', c.string('the name'))
  if (c.accept('no', 'key')) return { kind: 'mapHasKey', map, key: byteSpec(c, 'the key'), negate: true }
  if (c.accept('key')) {
    const key = byteSpec(c, 'the key')
    if (!c.accept('with')) return { kind: 'mapHasKey', map, key, negate: false }
    let f: Field | null = null
    if (!c.accept('value')) {
      f = field(c)
      if (!f) c.fail("'value' or a field like 'u64 at offset 0'")
    }
    const op = c.acceptOp() ?? '='
    const expected = byteSpec(c, 'the value')
    const cpu = cpuSelector(c)
    if (op !== '=' && op !== '!=' && expected.kind === 'hex') throw new CheckSyntaxError(`hex bytes can only be compared with = or !=`)
    if (cpu?.kind === 'sum' && expected.kind === 'hex') throw new CheckSyntaxError('a sum over CPUs is a number: give it as an integer')
    return { kind: 'mapValue', map, key, field: f, op, expected, cpu }
  }
  const { op, count } = countWithOp(c, 'a number of entries')
  if (!c.accept('entries') && !c.accept('entry')) c.fail("'entries'")
  return { kind: 'mapEntries', map, op, count }
}

function parseTokens(c: Cursor): CheckSpec {
  const s = stream(c.peekWord())
  if (s) {
    c.word('output')
    return parseStreamRest(c, s)
  }
  if (c.accept('exit', 'status')) {
    c.accept('is')
    const negate = c.accept('not')
    const status = c.count('an exit status')
    if (status > 255) throw new CheckSyntaxError('an exit status is 0..255')
    return { kind: 'exit', status, negate }
  }
  if (c.accept('errno')) {
    const name = c.word('an errno name like EEXIST').toUpperCase()
    const errno = name === 'ENOTSUPP' ? Errno.ENOTSUPP : errnoByName(name)
    if (errno === undefined) throw new CheckSyntaxError(`unknown errno name '${name}'`)
    c.accept('is')
    const negate = c.accept('not')
    c.expect('printed')
    return { kind: 'errno', name, errno, negate }
  }
  if (c.accept('map')) return mapCheck(c)
  if (c.accept('nothing', 'is', 'pinned', 'at')) return { kind: 'nothingPinned', path: c.string('a path') }
  if (c.accept('xdp', 'program', 'loads')) return { kind: 'xdpLoads' }
  if (c.accept('xdp', 'returned')) {
    const action = c.word('an XDP action like XDP_PASS').toUpperCase()
    if (!(XDP_ACTION_NAMES as readonly string[]).includes(action)) throw new CheckSyntaxError(`unknown XDP action '${action}'`)
    const { op, count } = countWithOp(c, 'a packet count')
    if (!c.accept('times') && !c.accept('time')) c.fail("'times'")
    return { kind: 'xdpAction', action, op, count }
  }
  return c.fail("a check starting with output, stderr, exit status, errno, map, nothing is pinned, or xdp")
}

function parseStreamRest(c: Cursor, s: Stream): CheckSpec {
  if (c.accept('contains')) return { kind: 'contains', stream: s, text: c.string('the text'), negate: false }
  if (c.accept('does', 'not', 'contain')) return { kind: 'contains', stream: s, text: c.string('the text'), negate: true }
  if (c.accept('matches')) return { kind: 'matches', stream: s, regex: c.regex(), negate: false }
  if (c.accept('does', 'not', 'match')) return { kind: 'matches', stream: s, regex: c.regex(), negate: true }
  if (c.accept('is', 'empty')) return { kind: 'empty', stream: s }
  if (c.accept('has')) {
    const { op, count } = countWithOp(c, 'a number of lines')
    if (!c.accept('lines') && !c.accept('line')) c.fail("'lines'")
    if (c.accept('containing')) return { kind: 'lineCount', stream: s, op, count, text: c.string('the text') }
    if (c.accept('matching')) return { kind: 'lineCount', stream: s, op, count, regex: c.regex() }
    return { kind: 'lineCount', stream: s, op, count }
  }
  return c.fail("'contains', 'does not contain', 'matches', 'does not match', 'is empty' or 'has N lines'")
}

/** Parses one check line (without the leading "- "). Throws CheckSyntaxError with a readable message. */
export function parseCheck(line: string): CheckSpec {
  const c = new Cursor(tokenize(line.trim()))
  const spec = parseTokens(c)
  c.end()
  return spec
}
