/**
 * Drops the system-header declarations a program never refers to, before parsing.
 *
 * `#include <bpf/libbpf.h>` alone brings ~15,000 tokens of declarations (all of linux/bpf.h,
 * stdio, string, ...) of which a tutorial program uses a few dozen; parsing and checking the
 * rest is most of the compile time. A C declaration can only refer to what was declared before
 * it, so one backward walk over the top-level declarations finds everything the program needs:
 * a system declaration is kept when it declares a name that the program, or a declaration kept
 * after it, mentions; keeping it adds the names it mentions. The walk repeats until nothing
 * changes (a struct may be completed after a pointer to it was declared).
 *
 * This is a heuristic over tokens, so it only ever keeps too much: the caller compiles the whole
 * token stream again whenever the pruned one does not compile cleanly (compile.ts).
 */
import { KEYWORDS } from './parse'
import type { Token } from './token'

export interface Decl {
  start: number
  end: number
  /** Every token comes from a system header (not from the program, nor from a macro it used). */
  system: boolean
  /** Names this declaration may declare (an over-approximation). */
  declares: string[]
  /** Names it mentions. */
  mentions: string[]
}

/** Words that introduce an attribute or similar group whose parentheses hold no declarator. */
const NOT_A_DECLARATOR = new Set(['__attribute__', '__attribute', '__asm__', '__asm', 'asm', '__declspec', 'typeof', '__typeof__', '__typeof', '_Alignas', 'alignas', '__alignof__', '_Alignof', 'sizeof'])

/**
 * Splits of header token runs already seen, keyed by their first token: the preprocessor's
 * include-prefix cache hands out the same token objects for the same leading includes, so their
 * declarations need splitting once per worker (keep one per PreprocessCache).
 */
export type PruneCache = WeakMap<Token, { end: number; last: Token; decls: Decl[] }>

export function pruneSystemDeclarations(tokens: Token[], isSystemFile: (file: string) => boolean, cache?: PruneCache): Token[] {
  const known = cache?.get(tokens[0])
  const reuse = known !== undefined && tokens[known.end - 1] === known.last
  const decls = reuse ? [...known.decls, ...splitDeclarations(tokens, known.end, isSystemFile)] : splitDeclarations(tokens, 0, isSystemFile)
  if (cache && !reuse) {
    // the leading system declarations, but the last (its end may depend on what follows)
    let k = 0
    while (k < decls.length && decls[k].system) k++
    if (k > 1) cache.set(tokens[0], { end: decls[k - 2].end, last: tokens[decls[k - 2].end - 1], decls: decls.slice(0, k - 1) })
  }
  if (!decls.some((d) => d.system)) return tokens
  const needed = new Set<string>()
  for (const d of decls) if (!d.system) for (const n of d.mentions) needed.add(n)
  const keep = decls.map((d) => !d.system)
  for (let changed = true; changed; ) {
    changed = false
    for (let i = decls.length - 1; i >= 0; i--) {
      if (keep[i]) continue
      const d = decls[i]
      if (!d.declares.some((n) => needed.has(n))) continue
      keep[i] = true
      changed = true
      for (const n of d.mentions) needed.add(n)
    }
  }
  const out: Token[] = []
  decls.forEach((d, i) => {
    if (keep[i]) for (let j = d.start; j < d.end; j++) out.push(tokens[j])
  })
  out.push(tokens[tokens.length - 1]) // eof
  return out
}

/** Top-level declarations and function definitions from `from` on, in order (the eof token excluded). */
function splitDeclarations(tokens: Token[], from: number, isSystemFile: (file: string) => boolean): Decl[] {
  const decls: Decl[] = []
  const last = tokens.length - 1
  // Tokens of one file share its name: remember the last answer.
  let lastFile = ''
  let lastSystem = false
  const systemFile = (file: string) => {
    if (file !== lastFile) {
      lastFile = file
      lastSystem = isSystemFile(file)
    }
    return lastSystem
  }
  let i = from
  while (i < last) {
    const start = i
    let depth = 0
    let system = true
    let functionBody = false
    let isTypedef = false
    let enumBraceDepth = -1
    const declares: string[] = []
    const mentions: string[] = []
    for (; i < last; i++) {
      const t = tokens[i]
      if (system && (!systemFile(t.file) || (t.expandedFrom !== undefined && !systemFile(t.expandedFrom.file)))) system = false
      if (t.kind === 'ident') {
        if (KEYWORDS.has(t.text)) {
          if (t.text === 'typedef' && depth === 0) isTypedef = true
          continue
        }
        mentions.push(t.text)
        const inEnum = enumBraceDepth >= 0 && depth === enumBraceDepth + 1
        if (depth === 0 || inEnum || (isTypedef && enumBraceDepth < 0)) declares.push(t.text)
        continue
      }
      if (t.kind !== 'punct') continue
      const p = t.text
      if (p === '(' || p === '[') depth++
      else if (p === ')' || p === ']') depth--
      else if (p === '{') {
        if (depth === 0) {
          const prev = tokens[i - 1]
          if (prev && prev.text === ')' && startsFunction(tokens, start, i)) functionBody = true
          if (prev && (prev.text === 'enum' || (tokens[i - 2]?.text === 'enum' && prev.kind === 'ident'))) enumBraceDepth = 0
        }
        depth++
      } else if (p === '}') {
        depth--
        if (depth === 0) {
          if (enumBraceDepth === 0) enumBraceDepth = -1
          if (functionBody && tokens[i + 1]?.text !== ';') {
            i++
            break
          }
        }
      } else if (p === ';' && depth === 0) {
        i++
        break
      }
    }
    decls.push({ start, end: i, system, declares, mentions })
  }
  return decls
}

/** True when the first top-level parenthesis of tokens[start, brace) follows a declarator name, not an attribute. */
function startsFunction(tokens: Token[], start: number, brace: number): boolean {
  for (let j = start + 1; j < brace; j++) {
    if (tokens[j].text !== '(') continue
    const before = tokens[j - 1]
    return before.kind === 'ident' && !NOT_A_DECLARATOR.has(before.text)
  }
  return false
}
