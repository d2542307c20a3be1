/**
 * Macro definitions and macro expansion (C11 6.10.3), used by the preprocessor driver.
 *
 * Expansion follows Prosser's algorithm (the one behind the standard's wording, also used by chibicc):
 * every token carries a hide set, the names of the macros whose expansion produced it. A name in its
 * own hide set is never expanded again ("painted blue"), which stops self-reference, and function-like
 * expansions take the intersection of the hide sets of the macro name and the closing parenthesis, so
 * the C11 6.10.3.5 examples come out exactly as the standard prints them. Arguments are fully
 * macro-expanded before substitution except next to `#`/`##`; `##` uses placemarkers for empty
 * arguments; gcc's `, ## __VA_ARGS__` comma swallowing, named variadic parameters (`args...`) and
 * `__VA_OPT__` are supported.
 *
 * Expanded tokens are fresh objects: body tokens keep the position where the macro was defined and
 * get `expandedFrom` = the outermost macro-use token; tokens that came from an argument keep their own
 * position (they were written by the user), so diagnostics can point at the exact argument.
 */

import type { Diagnostic, Severity } from './api'
import { lex, PUNCTUATORS } from './lex'
import type { Token } from './token'

export type HideSet = ReadonlySet<string>

/** A token inside the preprocessor: a Token plus its hide set. */
export interface PPToken extends Token {
  hide?: HideSet
}

/** Built-in macros whose value depends on where they are used. */
export type SpecialMacro =
  | '__FILE__' | '__LINE__' | '__COUNTER__' | '__INCLUDE_LEVEL__' | '__BASE_FILE__' | '__DATE__' | '__TIME__'
  | '_Pragma' | '__has_include' | '__has_include_next' | '__has_builtin' | '__has_attribute'

export interface Macro {
  name: string
  /** Parameter names; null for an object-like macro. The variadic one is last ('__VA_ARGS__' or its GNU name). */
  params: string[] | null
  variadic: boolean
  body: PPToken[]
  /** For each body token: index of the parameter it names, or -1 (empty for object-like macros). */
  bodyParam: readonly number[]
  /** True when the body needs the full substitution pass (has params, # or ##). */
  complex: boolean
  /** The name token of the definition (for "previous definition" notes); null for built-ins. */
  def: Token | null
  special?: SpecialMacro
  /** Cache of the hide set {name}. */
  selfHide?: HideSet
}

/** A stream of tokens that expansion can read from and push results back onto. */
export interface TokenSource {
  /** The next token; an 'eof' token at the end (repeatedly). */
  next(): PPToken
  /** Put tokens back so that next() returns toks[0] first. */
  pushFront(toks: PPToken[]): void
}

/** What the expander needs from the driver. */
export interface ExpanderHost {
  diag(tok: Token, severity: Severity, message: string): void
  includeLevel(): number
  baseFile: string
  /** __has_include: does this header resolve from the current file? */
  hasInclude(name: string, angled: boolean): boolean
  /** __has_builtin(x) */
  hasBuiltin(name: string): boolean
  /** __has_attribute(x) */
  hasAttribute(name: string): boolean
}

/** A list of tokens as a TokenSource (for argument pre-expansion and directive operands). */
export class ListSource implements TokenSource {
  private readonly pending: PPToken[] = []
  private i = 0
  constructor(private readonly toks: PPToken[], private readonly eof: PPToken) {}
  next(): PPToken {
    if (this.pending.length > 0) return this.pending.pop()!
    return this.i < this.toks.length ? this.toks[this.i++] : this.eof
  }
  pushFront(toks: PPToken[]): void {
    for (let k = toks.length - 1; k >= 0; k--) this.pending.push(toks[k])
  }
}

/**
 * A new preprocessor token at the position of `at`. Every token the expander makes goes through
 * here so they all share one object shape (the output loop handles millions of them).
 */
function ppToken(kind: Token['kind'], text: string, at: Token, spaceBefore: boolean, lineStart: boolean, expandedFrom: Token | undefined, hide: HideSet | undefined): PPToken {
  return { kind, text, file: at.file, line: at.line, col: at.col, spaceBefore, lineStart, expandedFrom, hide }
}

// ---------------------------------------------------------------------------------------------
// Hide sets (immutable; undefined = empty)

function hsAdd(h: HideSet | undefined, name: string): HideSet {
  if (h === undefined) return new Set([name])
  if (h.has(name)) return h
  const s = new Set(h)
  s.add(name)
  return s
}
/** {m.name}, made once per macro: most expansions start from an empty hide set. */
function selfHide(m: Macro): HideSet {
  return (m.selfHide ??= new Set([m.name]))
}
function hsUnion(a: HideSet | undefined, b: HideSet | undefined): HideSet | undefined {
  if (a === undefined || a === b) return b
  if (b === undefined) return a
  let s: Set<string> | undefined
  for (const x of b) {
    if (!a.has(x)) {
      s ??= new Set(a)
      s.add(x)
    }
  }
  return s ?? a
}
function hsIntersect(a: HideSet | undefined, b: HideSet | undefined): HideSet | undefined {
  if (a === undefined || b === undefined) return undefined
  if (a === b) return a
  const s = new Set<string>()
  for (const x of a) if (b.has(x)) s.add(x)
  return s.size ? s : undefined
}

// ---------------------------------------------------------------------------------------------
// Definitions


/** Parse a #define after the directive name: `toks` = name and the rest of the line. Null on error (already reported). */
export function parseDefinition(toks: Token[], directiveTok: Token, host: Pick<ExpanderHost, 'diag'>): Macro | null {
  const nameTok = toks[0]
  if (nameTok === undefined) {
    host.diag({ ...directiveTok, text: '', col: directiveTok.col + directiveTok.text.length }, 'error', 'no macro name given in #define directive')
    return null
  }
  if (nameTok.kind !== 'ident') {
    host.diag(nameTok, 'error', 'macro names must be identifiers')
    return null
  }
  if (nameTok.text === 'defined') {
    host.diag(nameTok, 'error', '"defined" cannot be used as a macro name')
    return null
  }
  let i = 1
  let params: string[] | null = null
  let variadic = false
  const after = toks[1]
  if (after && after.kind === 'punct' && after.text === '(' && !after.spaceBefore) {
    params = []
    i = 2
    for (;;) {
      const t = toks[i]
      if (t === undefined) {
        host.diag(toks[i - 1], 'error', "missing ')' in macro parameter list")
        return null
      }
      if (t.kind === 'punct' && t.text === ')' && params.length === 0) { i++; break }
      if (t.kind === 'punct' && t.text === '...') {
        variadic = true
        params.push('__VA_ARGS__')
        i++
      } else if (t.kind === 'ident') {
        if (t.text === '__VA_ARGS__') {
          host.diag(t, 'error', '__VA_ARGS__ can not be used as a parameter name')
          return null
        }
        if (params.includes(t.text)) {
          host.diag(t, 'error', `duplicate macro parameter "${t.text}"`)
          return null
        }
        params.push(t.text)
        i++
        const d = toks[i]
        if (d && d.kind === 'punct' && d.text === '...') {
          variadic = true
          i++
        }
      } else {
        host.diag(t, 'error', `expected parameter name, found "${t.text}"`)
        return null
      }
      const sep = toks[i]
      if (sep && sep.kind === 'punct' && sep.text === ')') { i++; break }
      if (variadic) {
        host.diag(sep ?? toks[i - 1], 'error', "missing ')' in macro parameter list")
        return null
      }
      if (!sep || sep.kind !== 'punct' || sep.text !== ',') {
        host.diag(sep ?? toks[i - 1], 'error', sep ? `expected ',' or ')', found "${sep.text}"` : "missing ')' in macro parameter list")
        return null
      }
      i++
    }
  } else if (after && !after.spaceBefore) {
    host.diag(after, 'warning', 'ISO C99 requires whitespace after the macro name')
  }
  const body: PPToken[] = toks.slice(i)
  const bodyParam: number[] = params === null ? [] : new Array<number>(body.length).fill(-1)
  let complex = false
  for (let k = 0; k < body.length; k++) {
    const t = body[k]
    if (t.kind === 'ident') {
      if (params) {
        const p = params.indexOf(t.text)
        if (p >= 0) { bodyParam[k] = p; complex = true; continue }
      }
      if (t.text === '__VA_ARGS__' && !(params && variadic && params[params.length - 1] === '__VA_ARGS__')) {
        host.diag(t, 'warning', '__VA_ARGS__ can only appear in the expansion of a C99 variadic macro')
      }
      if (t.text === '__VA_OPT__' && variadic) complex = true
    } else if (t.kind === 'punct' && t.text === '##') {
      complex = true
      if (k === 0 || k === body.length - 1) {
        host.diag(t, 'error', "'##' cannot appear at either end of a macro expansion")
        return null
      }
    } else if (t.kind === 'punct' && t.text === '#' && params) {
      complex = true
      const n = body[k + 1]
      const isParam = n && n.kind === 'ident' && (params.includes(n.text) || (variadic && n.text === '__VA_OPT__'))
      if (!isParam) {
        host.diag(t, 'error', "'#' is not followed by a macro parameter")
        return null
      }
    }
  }
  return { name: nameTok.text, params, variadic, body, bodyParam, complex, def: nameTok }
}

/** Same definition in the sense of C11 6.10.3p2 (same parameters, same tokens, same whitespace separation). */
export function sameDefinition(a: Macro, b: Macro): boolean {
  if (a.special || b.special) return false
  if ((a.params === null) !== (b.params === null)) return false
  if (a.params && b.params && (a.params.length !== b.params.length || a.params.some((p, k) => p !== b.params![k]))) return false
  if (a.variadic !== b.variadic || a.body.length !== b.body.length) return false
  for (let k = 0; k < a.body.length; k++) {
    const x = a.body[k]
    const y = b.body[k]
    if (x.text !== y.text || x.kind !== y.kind) return false
    if (k > 0 && (x.spaceBefore || x.lineStart) !== (y.spaceBefore || y.lineStart)) return false
  }
  return true
}

// ---------------------------------------------------------------------------------------------
// Expansion

const PLACEMARKER = null
type Item = PPToken | typeof PLACEMARKER | PasteOp
/** A `##` operator of the replacement list (distinct from a `##` token that came from an argument). */
class PasteOp {
  constructor(readonly tok: PPToken) {}
}

interface Arg {
  raw: PPToken[]
  expanded?: PPToken[]
  /** The variable argument was left out entirely (gcc drops the comma of `, ## __VA_ARGS__` only then). */
  omitted?: boolean
}

/** Escape a spelling for inclusion in a string literal (for `#` and __FILE__). */
export function stringLiteralOf(s: string): string {
  return '"' + s.replace(/[\\"]/g, (c) => '\\' + c).replace(/\n/g, '\\n') + '"'
}

/** Does the spelling of `toks` separate these two tokens with whitespace? */
function spaced(t: Token): boolean {
  return t.spaceBefore || t.lineStart
}

/**
 * The macro table. Most identifiers are not macros, so a bit per (length, first character) answers
 * "certainly not a macro" without hashing the name; #undef leaves the bit set (it only filters).
 */
export class MacroTable {
  private map = new Map<string, Macro>()
  private filter = new Uint32Array(64 * 4)

  /** A copy (macros are never mutated in place, so the entries are shared). */
  clone(): MacroTable {
    const t = new MacroTable()
    t.map = new Map(this.map)
    t.filter = this.filter.slice()
    return t
  }

  private static slot(name: string): number {
    return Math.min(name.length, 63) * 4 + ((name.charCodeAt(0) & 127) >> 5)
  }
  get(name: string): Macro | undefined {
    if (((this.filter[MacroTable.slot(name)] >>> (name.charCodeAt(0) & 31)) & 1) === 0) return undefined
    return this.map.get(name)
  }
  has(name: string): boolean {
    return this.get(name) !== undefined
  }
  set(name: string, m: Macro): void {
    this.filter[MacroTable.slot(name)] |= 1 << (name.charCodeAt(0) & 31)
    this.map.set(name, m)
  }
  delete(name: string): void {
    this.map.delete(name)
  }
}

export class Expander {
  macros = new MacroTable()
  /** __COUNTER__ */
  counter = 0
  private readonly eofFor = (t: Token): PPToken => ({ kind: 'eof', text: '', file: t.file, line: t.line, col: t.col, spaceBefore: false, lineStart: true })

  constructor(private readonly host: ExpanderHost) {}

  /** Fully macro-expand an isolated token list (an argument, a directive operand). */
  expandList(toks: PPToken[], anchor: Token): PPToken[] {
    const out: PPToken[] = []
    const src = new ListSource(toks, this.eofFor(anchor))
    for (;;) {
      const t = src.next()
      if (t.kind === 'eof') return out
      if (t.kind === 'ident' && this.expandMacro(t, src)) continue
      out.push(t)
    }
  }

  /**
   * If `t` names a macro that may expand here, expand it: consume its arguments from `src` and push
   * the replacement back onto `src` for rescanning. Returns false when `t` stays as it is.
   */
  expandMacro(t: PPToken, src: TokenSource): boolean {
    const m = this.macros.get(t.text)
    if (m === undefined) return false
    if (t.hide !== undefined && t.hide.has(t.text)) return false
    if (m.special) return this.expandSpecial(m.special, t, src)
    const origin = t.expandedFrom ?? t
    if (m.params === null) {
      const hs = t.hide === undefined ? selfHide(m) : hsAdd(t.hide, m.name)
      src.pushFront(m.complex ? this.substitute(m, [], t, hs, origin) : this.copyBody(m, t, hs, origin))
      return true
    }
    const lparen = src.next()
    if (lparen.kind !== 'punct' || lparen.text !== '(') {
      src.pushFront([lparen])
      return false
    }
    const collected = this.collectArgs(m, t, src)
    if (collected === null) {
      // as gcc: after a bad call the name stays, unexpanded; the arguments are gone
      src.pushFront([ppToken(t.kind, t.text, t, t.spaceBefore, t.lineStart, t.expandedFrom, hsAdd(t.hide, m.name))])
      return true
    }
    const { args, rparen } = collected
    const common = hsIntersect(t.hide, rparen.hide)
    const hs = common === undefined ? selfHide(m) : hsAdd(common, m.name)
    src.pushFront(this.substitute(m, args, t, hs, origin))
    return true
  }

  /** Read the arguments of a function-like macro call after its '('. Null after an error (reported). */
  private collectArgs(m: Macro, nameTok: PPToken, src: TokenSource): { args: Arg[]; rparen: PPToken } | null {
    const params = m.params!
    const args: Arg[] = [{ raw: [] }]
    let depth = 0
    let rparen: PPToken
    for (;;) {
      const t = src.next()
      if (t.kind === 'eof') {
        this.host.diag(nameTok, 'error', `unterminated argument list invoking macro "${m.name}"`)
        src.pushFront([t])
        return null
      }
      if (t.kind === 'punct') {
        if (t.text === '(') depth++
        else if (t.text === ')') {
          if (depth === 0) { rparen = t; break }
          depth--
        } else if (t.text === ',' && depth === 0 && !(m.variadic && args.length === params.length)) {
          args.push({ raw: [] })
          continue
        }
      }
      args[args.length - 1].raw.push(t)
    }
    if (params.length === 0 && args.length === 1 && args[0].raw.length === 0) args.length = 0
    // F() of a macro whose only parameter is `...`: gcc (GNU mode) treats the variable argument as left out
    if (m.variadic && params.length === 1 && args.length === 1 && args[0].raw.length === 0) args[0].omitted = true
    if (args.length !== params.length) {
      if (m.variadic && args.length === params.length - 1) {
        args.push({ raw: [], omitted: true }) // gcc: the variable argument may be left out entirely
      } else if (args.length < params.length) {
        this.host.diag(nameTok, 'error', `macro "${m.name}" requires ${params.length} argument${params.length === 1 ? '' : 's'}, but only ${args.length} given`)
        return null
      } else {
        this.host.diag(nameTok, 'error', `macro "${m.name}" passed ${args.length} arguments, but takes just ${params.length}`)
        return null
      }
    }
    return { args, rparen }
  }

  /** Object-like macro without ##: copy the body. */
  private copyBody(m: Macro, use: PPToken, hs: HideSet, origin: Token): PPToken[] {
    const out: PPToken[] = new Array(m.body.length)
    for (let k = 0; k < m.body.length; k++) {
      const b = m.body[k]
      out[k] = k === 0 ? ppToken(b.kind, b.text, b, use.spaceBefore, use.lineStart, origin, hs) : ppToken(b.kind, b.text, b, b.spaceBefore, false, origin, hs)
    }
    return out
  }

  /** The replacement list with arguments substituted, # and ## applied, and hide set `hs` added. */
  private substitute(m: Macro, args: Arg[], use: PPToken, hs: HideSet, origin: Token): PPToken[] {
    const seq: Item[] = []
    this.substRange(m, args, 0, m.body.length, seq, origin)
    // ## operators, left to right, with placemarkers for empty operands
    const pasted: (PPToken | null)[] = []
    for (let k = 0; k < seq.length; k++) {
      const it = seq[k]
      if (!(it instanceof PasteOp)) { pasted.push(it); continue }
      const lhs = pasted.pop() ?? PLACEMARKER
      let rhs = seq[++k] ?? PLACEMARKER
      if (rhs instanceof PasteOp) rhs = this.bodyTok(rhs.tok, origin)
      if (lhs === PLACEMARKER) { pasted.push(rhs); continue }
      if (rhs === PLACEMARKER) { pasted.push(lhs); continue }
      for (const r of this.paste(lhs, rhs, origin)) pasted.push(r)
    }
    // drop placemarkers, add the hide set, mark the first token with the use's spacing
    const out: PPToken[] = []
    const unionCache = new Map<HideSet | undefined, HideSet>()
    for (const t of pasted) {
      if (t === PLACEMARKER) continue
      let h = unionCache.get(t.hide)
      if (h === undefined) {
        h = hsUnion(t.hide, hs)!
        unionCache.set(t.hide, h)
      }
      const first = out.length === 0
      out.push(ppToken(t.kind, t.text, t, first ? use.spaceBefore : t.spaceBefore, first && use.lineStart, t.expandedFrom, h))
    }
    return out
  }

  /** First substitution pass over body[from, to): parameters, # and the markers for ##. */
  private substRange(m: Macro, args: Arg[], from: number, to: number, seq: Item[], origin: Token): void {
    const body = m.body
    const bp = m.params === null ? null : m.bodyParam
    const vaIndex = m.variadic ? m.params!.length - 1 : -1
    const paramAt = (k: number) => (bp === null || k < 0 || k >= bp.length ? -1 : bp[k])
    const isPaste = (k: number) => k >= from && k < to && body[k].kind === 'punct' && body[k].text === '##' && paramAt(k) === -1
    for (let k = from; k < to; k++) {
      const t = body[k]
      const p = paramAt(k)
      // gcc: `, ## __VA_ARGS__` drops the comma when the variable argument was left out (an empty
      // argument keeps it); otherwise the ## does nothing
      if (vaIndex >= 0 && t.kind === 'punct' && t.text === ',' && isPaste(k + 1) && k + 2 < to && paramAt(k + 2) === vaIndex) {
        const va = args[vaIndex]
        if (!va.omitted) {
          seq.push(this.bodyTok(t, origin))
          if (va.raw.length > 0) this.pushArg(seq, va.raw, body[k + 2])
          else seq.push(PLACEMARKER)
        }
        // a left-out argument leaves a placemarker, so a following ## still sees an operand
        else seq.push(PLACEMARKER)
        k += 2
        continue
      }
      if (vaIndex >= 0 && t.kind === 'ident' && t.text === '__VA_OPT__' && p === -1) {
        const close = this.vaOptEnd(body, k, to)
        if (close < 0) {
          this.host.diag(t, 'error', 'unterminated __VA_OPT__')
          continue
        }
        const vaTokens = this.expandedArg(args[vaIndex], origin)
        if (vaTokens.length === 0) seq.push(PLACEMARKER)
        else {
          const inner: Item[] = []
          this.substRange(m, args, k + 2, close, inner, origin)
          if (inner.length === 0) seq.push(PLACEMARKER)
          else for (const x of inner) seq.push(x)
        }
        k = close
        continue
      }
      if (t.kind === 'punct' && t.text === '#' && m.params !== null && p === -1 && k + 1 < to && paramAt(k + 1) >= 0) {
        const arg = args[paramAt(k + 1)]
        seq.push(ppToken('string', this.stringify(arg.raw), t, t.spaceBefore, false, origin, undefined))
        k++
        continue
      }
      if (isPaste(k)) {
        seq.push(new PasteOp(t))
        continue
      }
      if (p >= 0) {
        const arg = args[p]
        if (isPaste(k - 1) || isPaste(k + 1)) {
          if (arg.raw.length === 0) seq.push(PLACEMARKER)
          else this.pushArg(seq, arg.raw, t)
        } else {
          this.pushArg(seq, this.expandedArg(arg, origin), t)
        }
        continue
      }
      seq.push(this.bodyTok(t, origin))
    }
  }

  private vaOptEnd(body: PPToken[], k: number, to: number): number {
    const open = body[k + 1]
    if (!open || open.kind !== 'punct' || open.text !== '(') return -1
    let depth = 0
    for (let j = k + 1; j < to; j++) {
      const t = body[j]
      if (t.kind !== 'punct') continue
      if (t.text === '(') depth++
      else if (t.text === ')' && --depth === 0) return j
    }
    return -1
  }

  private expandedArg(arg: Arg, origin: Token): PPToken[] {
    if (arg.expanded === undefined) arg.expanded = arg.raw.length ? this.expandList(arg.raw, origin) : []
    return arg.expanded
  }

  /** Argument tokens into the sequence; the first takes the spacing of the parameter in the body. */
  private pushArg(seq: Item[], toks: PPToken[], param: Token): void {
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k]
      seq.push(k === 0 && t.spaceBefore !== param.spaceBefore ? ppToken(t.kind, t.text, t, param.spaceBefore, t.lineStart, t.expandedFrom, t.hide) : t)
    }
  }

  private bodyTok(t: PPToken, origin: Token): PPToken {
    return ppToken(t.kind, t.text, t, t.spaceBefore, false, origin, undefined)
  }

  /** `#x`: the spelling of the raw argument as a string literal (C11 6.10.3.2). */
  stringify(toks: Token[]): string {
    let s = ''
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k]
      if (k > 0 && spaced(t)) s += ' '
      s += t.kind === 'string' || t.kind === 'char' ? t.text.replace(/[\\"]/g, (c) => '\\' + c) : t.text
    }
    return '"' + s + '"'
  }

  /** `a ## b`: one token, or an error and both tokens unchanged. */
  private paste(lhs: PPToken, rhs: PPToken, origin: Token): PPToken[] {
    const text = lhs.text + rhs.text
    const r = lex(text, lhs.file, { strayTokens: true })
    if (r.tokens.length === 2 && r.diagnostics.length === 0 && r.tokens[0].text === text) {
      const t = r.tokens[0]
      return [{ kind: t.kind, text, file: lhs.file, line: lhs.line, col: lhs.col, spaceBefore: lhs.spaceBefore, lineStart: false, expandedFrom: lhs.expandedFrom ?? origin, hide: lhs.hide }]
    }
    this.host.diag(origin, 'error', `pasting "${lhs.text}" and "${rhs.text}" does not give a valid preprocessing token`)
    return [lhs, rhs]
  }

  // -------------------------------------------------------------------------------------------
  // Built-in macros

  private expandSpecial(kind: SpecialMacro, t: PPToken, src: TokenSource): boolean {
    const origin = t.expandedFrom ?? t
    const make = (tokKind: Token['kind'], text: string): PPToken => ({
      kind: tokKind, text, file: t.file, line: t.line, col: t.col, spaceBefore: t.spaceBefore, lineStart: t.lineStart,
      expandedFrom: t.expandedFrom, hide: t.hide,
    })
    switch (kind) {
      case '__FILE__': src.pushFront([make('string', stringLiteralOf(origin.file))]); return true
      case '__BASE_FILE__': src.pushFront([make('string', stringLiteralOf(this.host.baseFile))]); return true
      case '__LINE__': src.pushFront([make('number', String(origin.line))]); return true
      case '__COUNTER__': src.pushFront([make('number', String(this.counter++))]); return true
      case '__INCLUDE_LEVEL__': src.pushFront([make('number', String(this.host.includeLevel()))]); return true
      case '__DATE__': {
        const d = new Date()
        const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getMonth()]
        src.pushFront([make('string', `"${mon} ${String(d.getDate()).padStart(2, ' ')} ${d.getFullYear()}"`)])
        return true
      }
      case '__TIME__': {
        const d = new Date()
        const p2 = (n: number) => String(n).padStart(2, '0')
        src.pushFront([make('string', `"${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}"`)])
        return true
      }
      case '_Pragma': {
        // _Pragma("...") is a #pragma written as an operator; pragmas are ignored, so it vanishes
        const toks = this.readParenthesised(t, src)
        if (toks === null) return true
        if (toks.length !== 1 || toks[0].kind !== 'string') this.host.diag(t, 'error', '_Pragma takes a parenthesized string literal')
        return true
      }
      default: {
        // __has_include & co. outside #if
        const toks = this.readParenthesised(t, src)
        this.host.diag(t, 'error', `"${kind}" used outside of preprocessing directive`)
        if (toks !== null) src.pushFront([make('number', '0')])
        return true
      }
    }
  }

  /** Read `( ... )` after a built-in operator; returns the tokens inside, or null after an error (reported). */
  readParenthesised(t: Token, src: TokenSource): PPToken[] | null {
    const open = src.next()
    if (open.kind !== 'punct' || open.text !== '(') {
      this.host.diag(t, 'error', `missing '(' after "${t.text}"`)
      src.pushFront([open])
      return null
    }
    const inner: PPToken[] = []
    let depth = 0
    for (;;) {
      const x = src.next()
      if (x.kind === 'eof') {
        this.host.diag(t, 'error', `missing ')' after "${t.text}" operand`)
        src.pushFront([x])
        return null
      }
      if (x.kind === 'punct' && x.text === '(') depth++
      if (x.kind === 'punct' && x.text === ')' && depth-- === 0) return inner
      inner.push(x)
    }
  }
}

/** Punctuators that may reach the parser (everything but # and ##, and no stray characters). */
export function isCompilerPunct(text: string): boolean {
  return PUNCTUATORS.has(text) && text !== '#' && text !== '##'
}

/** A diagnostic at a token, pointing at user text for tokens that came from a macro. */
export function diagAt(t: Token, severity: Severity, message: string): Diagnostic {
  const p = t.expandedFrom ?? t
  return { file: p.file, line: p.line, col: p.col, endLine: p.line, endCol: p.col + Math.max(1, p.text.length), severity, message }
}
