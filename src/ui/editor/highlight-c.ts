/**
 * A small C highlighter for the phone's read-only code view (CodeView.tsx), where Monaco (weak
 * on touch, and megabytes to load) is not used. It splits the text into lines of tokens
 * coloured like the editor's theme: comments, string and character literals, numbers,
 * keywords and the preprocessor's directives. It only colours: the text of the tokens, joined,
 * is always the source, character for character.
 */

export type TokenKind = 'comment' | 'string' | 'number' | 'keyword' | 'directive' | null

export interface Token {
  text: string
  kind: TokenKind
}

const KEYWORDS = new Set(
  (
    'auto break case char const continue default do double else enum extern float for goto if inline int long register restrict return ' +
    'short signed sizeof static struct switch typedef union unsigned void volatile while _Bool _Static_assert bool true false NULL ' +
    '__u8 __u16 __u32 __u64 __s8 __s16 __s32 __s64 __be16 __be32 size_t ssize_t uint8_t uint16_t uint32_t uint64_t int8_t int16_t int32_t int64_t'
  ).split(' '),
)

/** One pattern per token, tried in order at each position (sticky). */
const RULES: [TokenKind, RegExp][] = [
  ['comment', /\/\/.*/y],
  ['string', /"(?:[^"\\\n]|\\.)*"?/y],
  ['string', /'(?:[^'\\\n]|\\.)*'?/y],
  ['number', /(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)[uUlLfF]*/y],
  [null, /[A-Za-z_]\w*/y],
]

/** Tokens of `text`, line by line (a block comment may span lines). */
export function highlightC(text: string): Token[][] {
  const lines: Token[][] = []
  let inComment = false
  for (const line of text.split('\n')) {
    const out: Token[] = []
    const push = (t: string, kind: TokenKind) => {
      if (t === '') return
      const last = out[out.length - 1]
      if (last && last.kind === kind) last.text += t
      else out.push({ text: t, kind })
    }
    let i = 0
    if (!inComment) {
      // `#include <x.h>`: the directive, then the header name as a string.
      const d = /^(\s*#\s*\w+)(\s*)(<[^>\n]*>)?/.exec(line)
      if (d) {
        push(d[1], 'directive')
        push(d[2], null)
        if (d[3]) push(d[3], 'string')
        i = d[0].length
      }
    }
    while (i < line.length) {
      if (inComment) {
        const end = line.indexOf('*/', i)
        const stop = end < 0 ? line.length : end + 2
        push(line.slice(i, stop), 'comment')
        i = stop
        inComment = end < 0
        continue
      }
      if (line.startsWith('/*', i)) {
        inComment = true
        push('/*', 'comment')
        i += 2
        continue
      }
      let matched = false
      for (const [kind, re] of RULES) {
        re.lastIndex = i
        const m = re.exec(line)
        if (!m || m[0] === '') continue
        push(m[0], kind === null && KEYWORDS.has(m[0]) ? 'keyword' : kind)
        i += m[0].length
        matched = true
        break
      }
      if (!matched) push(line[i++], null)
    }
    lines.push(out)
  }
  return lines
}
