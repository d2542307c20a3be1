import { describe, expect, it } from 'vitest'
import { decodeCharLiteral, decodeStringLiteral, lex, parseNumber } from './lex'
import type { Token } from './token'

const texts = (src: string) => lex(src, 't.c').tokens.filter((t) => t.kind !== 'eof').map((t) => t.text)
const at = (t: Token) => `${t.line}:${t.col}`

describe('lex: tokens', () => {
  it('splits punctuators by longest match', () => {
    expect(texts('a>>=b<<c->d...e##f#g++h--i&&j||k<=l>=m==n!=o+=p-=q*=r/=s%=t&=u^=v|=w')).toEqual([
      'a', '>>=', 'b', '<<', 'c', '->', 'd', '...', 'e', '##', 'f', '#', 'g', '++', 'h', '--', 'i', '&&', 'j', '||', 'k',
      '<=', 'l', '>=', 'm', '==', 'n', '!=', 'o', '+=', 'p', '-=', 'q', '*=', 'r', '/=', 's', '%=', 't', '&=', 'u', '^=', 'v', '|=', 'w',
    ])
    expect(texts('a..b')).toEqual(['a', '.', '.', 'b'])
    expect(texts('[](){}.~?:;,! < > =^|&*+-/%')).toEqual(['[', ']', '(', ')', '{', '}', '.', '~', '?', ':', ';', ',', '!', '<', '>', '=', '^', '|', '&', '*', '+', '-', '/', '%'])
    expect(texts('<>=')).toEqual(['<', '>='])
  })

  it('has no digraphs', () => {
    expect(texts('<: :> <% %> %:')).toEqual(['<', ':', ':', '>', '<', '%', '%', '>', '%', ':'])
  })

  it('reads pp-numbers as the standard says', () => {
    const toks = lex('0x1e+1 1.5e-3f .5 1. 0b101 077 10ULL 0x1p-3 1abc 1e+ 12.34.56', 'n.c').tokens
    expect(toks.filter((t) => t.kind === 'number').map((t) => t.text)).toEqual(['0x1e+1', '1.5e-3f', '.5', '1.', '0b101', '077', '10ULL', '0x1p-3', '1abc', '1e+', '12.34.56'])
    expect(texts('1+2 a.b 1-e')).toEqual(['1', '+', '2', 'a', '.', 'b', '1', '-', 'e'])
  })

  it('reads identifiers with $ and letters, keywords are identifiers', () => {
    const toks = lex('int $x _y9 café', 'i.c').tokens
    expect(toks.map((t) => [t.kind, t.text])).toEqual([['ident', 'int'], ['ident', '$x'], ['ident', '_y9'], ['ident', 'café'], ['eof', '']])
  })

  it('reads char and string literals with prefixes and escapes, as written', () => {
    const toks = lex(String.raw`'a' '\'' '\x41' '\101' L'x' u'y' U'z' "s\"t" u8"u" L"w" u"v" U"x" "a\\"`, 's.c').tokens
    expect(toks.filter((t) => t.kind !== 'eof').map((t) => [t.kind, t.text])).toEqual([
      ['char', `'a'`], ['char', String.raw`'\''`], ['char', String.raw`'\x41'`], ['char', String.raw`'\101'`],
      ['char', `L'x'`], ['char', `u'y'`], ['char', `U'z'`],
      ['string', String.raw`"s\"t"`], ['string', 'u8"u"'], ['string', 'L"w"'], ['string', 'u"v"'], ['string', 'U"x"'], ['string', String.raw`"a\\"`],
    ])
    // u8'c' is not a C17 character constant: identifier u8 then a char
    expect(lex(`u8'c'`, 'x.c').tokens.map((t) => t.kind)).toEqual(['ident', 'char', 'eof'])
  })

  it('ends with one eof token at the end of the text', () => {
    const toks = lex('a\nb\n', 'e.c').tokens
    expect(toks[toks.length - 1]).toMatchObject({ kind: 'eof', line: 3, col: 1 })
    expect(lex('', 'e.c').tokens).toHaveLength(1)
  })
})

describe('lex: positions and spacing', () => {
  it('records 1-based line/col and file', () => {
    const toks = lex('int main(void) {\n\treturn 0;\n}\n', 'p.c').tokens
    expect(toks.map(at)).toEqual(['1:1', '1:5', '1:9', '1:10', '1:14', '1:16', '2:2', '2:9', '2:10', '3:1', '4:1'])
    expect(toks[0].file).toBe('p.c')
  })

  it('keeps original positions after backslash-newline', () => {
    const toks = lex('#define X 1 + \\\n   2\nint \\\n  y;\nin\\\nt z;', 'c.c').tokens
    const two = toks.find((t) => t.text === '2')!
    expect(at(two)).toBe('2:4')
    expect(two.lineStart).toBe(false) // still the #define's logical line
    expect(at(toks.find((t) => t.text === 'y')!)).toBe('4:3')
    const int = toks.filter((t) => t.text === 'int')
    expect(int.map(at)).toEqual(['3:1', '5:1']) // `in\<newline>t` is one token where it starts
    expect(at(toks.find((t) => t.text === 'z')!)).toBe('6:3')
  })

  it('handles CRLF line ends and continuations', () => {
    const toks = lex('a\r\nb \\\r\nc\r\n', 'w.c').tokens
    expect(toks.map((t) => `${t.text}@${at(t)}${t.lineStart ? '^' : ''}`)).toEqual(['a@1:1^', 'b@2:1^', 'c@3:1', '@4:1^'])
  })

  it('warns for a backslash separated from the newline by spaces, and still splices', () => {
    const r = lex('#define A 1 \\  \n + 2\n', 'w.c')
    expect(r.diagnostics).toEqual([{ file: 'w.c', line: 1, col: 13, severity: 'warning', message: 'backslash and newline separated by space' }])
    expect(r.tokens.find((t) => t.text === '+')!.lineStart).toBe(false)
  })

  it('sets spaceBefore for whitespace and comments, lineStart for the first token of a line', () => {
    const toks = lex('a b/**/c//x\n d(e)\n/* multi\nline */ #define', 's.c').tokens
    const flags = toks.map((t) => `${t.text}:${t.spaceBefore ? 's' : '-'}${t.lineStart ? 'L' : '-'}`)
    expect(flags).toEqual(['a:-L', 'b:s-', 'c:s-', 'd:sL', '(:--', 'e:--', '):--', '#:sL', 'define:--', ':-L'])
  })

  it('a comment that spans lines joins them: the next token does not start a line', () => {
    const toks = lex('x /* one\ntwo */ # y', 'c.c').tokens
    expect(toks[1]).toMatchObject({ text: '#', lineStart: false, spaceBefore: true, line: 2, col: 8 })
  })

  it('distinguishes F(x) from F (x) through spaceBefore', () => {
    const toks = lex('#define F(x)\n#define G (x)', 'd.c').tokens
    expect(toks[3]).toMatchObject({ text: '(', spaceBefore: false })
    expect(toks[9]).toMatchObject({ text: '(', spaceBefore: true })
  })
})

describe('lex: errors', () => {
  it('reports an unterminated comment at its start', () => {
    const r = lex('int x;\n  /* never\nends', 'u.c')
    expect(r.diagnostics).toEqual([{ file: 'u.c', line: 2, col: 3, severity: 'error', message: 'unterminated comment' }])
    expect(r.tokens.map((t) => t.text)).toEqual(['int', 'x', ';', ''])
  })

  it('reports unterminated strings and chars and closes them', () => {
    const r = lex('char *s = "abc;\nchar c = \'x;\n', 'u.c')
    expect(r.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`)).toEqual(['1:11 missing terminating " character', "2:10 missing terminating ' character"])
    expect(r.tokens.filter((t) => t.kind === 'string' || t.kind === 'char').map((t) => t.text)).toEqual(['"abc;"', `'x;'`])
    expect(r.tokens.find((t) => t.text === 'char' && t.line === 2)).toBeDefined()
  })

  it('reports an empty character constant', () => {
    expect(lex("int c = '';", 'e.c').diagnostics.map((d) => d.message)).toEqual(['empty character constant'])
  })

  it('reports stray characters and carries on', () => {
    const r = lex('a @ b ` c \\ d \u201c', 's.c')
    expect(r.diagnostics.map((d) => `${d.col} ${d.message}`)).toEqual([
      "3 stray '@' in program", "7 stray '`' in program", "11 stray '\\' in program", "15 stray '\u201c' in program",
    ])
    expect(r.tokens.map((t) => t.text)).toEqual(['a', 'b', 'c', 'd', ''])
    expect(r.diagnostics[0]).toMatchObject({ endLine: 1, endCol: 4 })
  })

  it('keeps stray characters as tokens for the preprocessor when asked', () => {
    const r = lex('a @ b', 's.c', { strayTokens: true })
    expect(r.diagnostics).toEqual([])
    expect(r.tokens.map((t) => [t.kind, t.text])).toEqual([['ident', 'a'], ['punct', '@'], ['ident', 'b'], ['eof', '']])
  })

  it('never throws on arbitrary input', () => {
    let seed = 12345
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
    const alphabet = 'ab_1.e+-x\'"\\/*\n\r\t #@`$()[]{}<>=!&|^~?:;,%uUL8\u00e9\u201c\ud83d\ude00'
    for (let n = 0; n < 2000; n++) {
      let s = ''
      const len = Math.floor(rnd() * 80)
      for (let k = 0; k < len; k++) s += alphabet[Math.floor(rnd() * alphabet.length)]
      const r = lex(s, 'f.c')
      expect(r.tokens[r.tokens.length - 1].kind).toBe('eof')
      for (const t of r.tokens) expect(t.line >= 1 && t.col >= 1).toBe(true)
    }
  })
})

describe('parseNumber', () => {
  it('decodes integers with their suffixes', () => {
    expect(parseNumber('42')).toEqual({ kind: 'int', value: 42n, unsigned: false, long: 0, nonDecimal: false })
    expect(parseNumber('0x10UL')).toEqual({ kind: 'int', value: 16n, unsigned: true, long: 1, nonDecimal: true })
    expect(parseNumber('017')).toMatchObject({ value: 15n, nonDecimal: true })
    expect(parseNumber('0')).toMatchObject({ value: 0n, nonDecimal: true })
    expect(parseNumber('0b1011')).toMatchObject({ value: 11n })
    expect(parseNumber('18446744073709551615ull')).toMatchObject({ value: 18446744073709551615n, unsigned: true, long: 2 })
    expect(parseNumber('5lu')).toMatchObject({ unsigned: true, long: 1 })
    expect(parseNumber('5LL')).toMatchObject({ unsigned: false, long: 2 })
  })

  it('decodes floating constants', () => {
    expect(parseNumber('1.5')).toEqual({ kind: 'float', value: 1.5, suffix: '' })
    expect(parseNumber('1e3f')).toEqual({ kind: 'float', value: 1000, suffix: 'f' })
    expect(parseNumber('.25L')).toEqual({ kind: 'float', value: 0.25, suffix: 'l' })
    expect(parseNumber('0x1p-2')).toEqual({ kind: 'float', value: 0.25, suffix: '' })
    expect(parseNumber('0x1.8p1')).toEqual({ kind: 'float', value: 3, suffix: '' })
  })

  it('rejects bad numbers with gcc wording', () => {
    expect(parseNumber('08')).toEqual({ kind: 'error', message: 'invalid digit "8" in octal constant' })
    expect(parseNumber('1lL')).toEqual({ kind: 'error', message: 'invalid suffix "lL" on integer constant' })
    expect(parseNumber('12abc')).toEqual({ kind: 'error', message: 'invalid suffix "abc" on integer constant' })
    expect(parseNumber('1e')).toEqual({ kind: 'error', message: 'exponent has no digits' })
    expect(parseNumber('0b12')).toEqual({ kind: 'error', message: 'invalid digit "2" in binary constant' })
    expect(parseNumber('0x1.5')).toEqual({ kind: 'error', message: 'hexadecimal floating constants require an exponent' })
    expect(parseNumber('0b')).toEqual({ kind: 'error', message: 'invalid suffix "b" on integer constant' })
    expect(parseNumber('0xg')).toEqual({ kind: 'error', message: 'invalid suffix "xg" on integer constant' })
  })
})

describe('literal decoders', () => {
  it('gives char constants their int value (char is signed)', () => {
    expect(decodeCharLiteral(`'a'`).value).toBe(97)
    expect(decodeCharLiteral(String.raw`'\n'`).value).toBe(10)
    expect(decodeCharLiteral(String.raw`'\377'`).value).toBe(-1)
    expect(decodeCharLiteral(String.raw`'\x7f'`).value).toBe(127)
    expect(decodeCharLiteral(String.raw`'\0'`).value).toBe(0)
    expect(decodeCharLiteral(`L'\u00e9'`)).toMatchObject({ value: 0xe9, prefix: 'L' })
    const multi = decodeCharLiteral(`'ab'`)
    expect(multi.value).toBe(0x6162)
    expect(multi.problems).toEqual([{ severity: 'warning', message: 'multi-character character constant' }])
    expect(decodeCharLiteral(String.raw`'\q'`).problems).toEqual([{ severity: 'warning', message: "unknown escape sequence: '\\q'" }])
  })

  it('decodes strings to bytes (UTF-8) or wide units', () => {
    expect(decodeStringLiteral(String.raw`"a\tb\x41\101\\"`).units).toEqual([97, 9, 98, 65, 65, 92])
    expect(decodeStringLiteral('"\u00e9"').units).toEqual([0xc3, 0xa9])
    expect(decodeStringLiteral('L"\u00e9"')).toMatchObject({ prefix: 'L', units: [0xe9] })
    expect(decodeStringLiteral('u"\ud83d\ude00"').units).toEqual([0xd83d, 0xde00])
    expect(decodeStringLiteral(String.raw`"\x"`).problems[0]).toEqual({ severity: 'error', message: '\\x used with no following hex digits' })
  })
})
