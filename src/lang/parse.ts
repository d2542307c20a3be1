/**
 * Parser: preprocessed tokens -> syntax tree (ast.ts), by recursive descent.
 *
 * C cannot be parsed without knowing which identifiers name types (`T * x;` is a declaration when T
 * is a typedef, a multiplication otherwise), so the parser keeps a scope stack of ordinary
 * identifiers and marks the typedef names. Binary operators are parsed by precedence climbing over
 * the `BINARY_PRECEDENCE` table. Everything else about meaning (types, conversions, lookups) is left
 * to `check`.
 *
 * Errors use gcc's wording ("expected ';' before '}' token"). A syntax error throws an internal
 * `Bail` that is caught at the nearest statement or external declaration, which then skips to the
 * next `;` or past the enclosing `}`: one bad statement gives one error, never a cascade. The parser
 * itself never throws to its caller.
 */

import type { Diagnostic } from './api'
import type {
  Attr, Block, Declaration, DeclSpecs, Declarator, Derived, Designator, Expr, ExternalDecl, FunctionDef,
  Initializer, InitDeclarator, MemberDeclSyntax, Param, Pos, StaticAssert, Stmt, TranslationUnit, TypeName, TypeSpec,
  EnumItem, LazyPrototype,
} from './ast'
import type { Token } from './token'

/** Binary operators by precedence (higher binds tighter); all left associative. */
export const BINARY_PRECEDENCE: Readonly<Record<string, number>> = {
  '||': 1,
  '&&': 2,
  '|': 3,
  '^': 4,
  '&': 5,
  '==': 6, '!=': 6,
  '<': 7, '>': 7, '<=': 7, '>=': 7,
  '<<': 8, '>>': 8,
  '+': 9, '-': 9,
  '*': 10, '/': 10, '%': 10,
}

const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '|=', '^='])

const TYPE_WORDS = new Set([
  'void', 'char', 'short', 'int', 'long', 'float', 'double', 'signed', 'unsigned', '_Bool', '_Complex',
  '__signed', '__signed__', '__int128', '__complex__',
])
const QUALIFIERS = new Set(['const', '__const', '__const__', 'volatile', '__volatile', '__volatile__', 'restrict', '__restrict', '__restrict__', '_Atomic', '_Nonnull', '_Nullable'])
const STORAGE = new Set(['typedef', 'extern', 'static', 'auto', 'register'])
const FUNC_SPEC = new Set(['inline', '__inline', '__inline__', '_Noreturn', '__thread', '_Thread_local'])
const ATTRIBUTE = new Set(['__attribute__', '__attribute'])
const TYPEOF = new Set(['typeof', '__typeof__', '__typeof', 'typeof_unqual', '__auto_type'])
const ASM = new Set(['asm', '__asm__', '__asm'])

type WordKind = 'type' | 'qual' | 'storage' | 'funcspec' | 'attr' | 'typeof' | 'asm' | 'record' | 'enum' | 'alignas' | 'static_assert' | 'ext' | 'other'
/** One lookup per identifier instead of one per keyword set. */
const WORD_KIND = new Map<string, WordKind>()
for (const w of TYPE_WORDS) WORD_KIND.set(w, 'type')
for (const w of QUALIFIERS) WORD_KIND.set(w, 'qual')
for (const w of STORAGE) WORD_KIND.set(w, 'storage')
for (const w of FUNC_SPEC) WORD_KIND.set(w, 'funcspec')
for (const w of ATTRIBUTE) WORD_KIND.set(w, 'attr')
for (const w of TYPEOF) WORD_KIND.set(w, 'typeof')
for (const w of ASM) WORD_KIND.set(w, 'asm')
WORD_KIND.set('struct', 'record').set('union', 'record').set('enum', 'enum').set('_Alignas', 'alignas').set('alignas', 'alignas')
WORD_KIND.set('_Static_assert', 'static_assert').set('static_assert', 'static_assert').set('__extension__', 'ext')

/** Words that can never be ordinary identifiers. */
export const KEYWORDS = new Set([
  ...TYPE_WORDS, ...QUALIFIERS, ...STORAGE, ...FUNC_SPEC, ...ATTRIBUTE, ...TYPEOF, ...ASM,
  'struct', 'union', 'enum', 'sizeof', '_Alignof', '__alignof__', '__alignof', 'alignof', '_Alignas', 'alignas',
  'if', 'else', 'while', 'do', 'for', 'switch', 'case', 'default', 'break', 'continue', 'return', 'goto',
  '_Static_assert', 'static_assert', '__extension__', '_Generic',
])

/** Where system headers live (positions of their tokens); prototypes there are parsed lazily. */
const SYSTEM_DIR = '/usr/include/'

/** Type names gcc knows without any declaration. */
export const BUILTIN_TYPEDEFS = ['__builtin_va_list']

export interface ParseResult {
  unit: TranslationUnit
  diagnostics: Diagnostic[]
}

class Bail {}

/** Position of a token as the user sees it: the macro use for tokens from an expansion. */
export function tokPos(t: Token): Pos {
  // a Token is a Pos (file, line, col): no copy needed
  return t.expandedFrom ?? t
}

export function parse(tokens: Token[]): ParseResult {
  return new Parser(tokens).parseUnit()
}

class Parser {
  private i = 0
  private readonly diags: Diagnostic[] = []
  /** innermost last; true = typedef name */
  private readonly scopes: Map<string, boolean>[] = [new Map()]
  private readonly reported = new Set<string>()

  /** Sub-parsers of deferred prototypes parse eagerly. */
  private readonly deferPrototypes: boolean

  constructor(private readonly toks: Token[], fileScope?: Map<string, boolean>) {
    this.deferPrototypes = !fileScope
    if (fileScope) this.scopes[0] = fileScope
    // gcc's built-in typedef names
    else for (const n of BUILTIN_TYPEDEFS) this.scopes[0].set(n, true)
    if (toks.length === 0 || toks[toks.length - 1].kind !== 'eof') {
      const last = toks[toks.length - 1]
      this.toks = [...toks, { kind: 'eof', text: '', file: last?.file ?? '<input>', line: last?.line ?? 1, col: (last?.col ?? 0) + (last?.text.length ?? 0), spaceBefore: false, lineStart: false }]
    }
  }

  // --- token helpers -------------------------------------------------------------------------------

  private get tok(): Token {
    return this.toks[this.i]
  }
  /** The current token's kind (a method, so TypeScript does not narrow it across calls). */
  private kind(): Token['kind'] {
    return this.toks[this.i].kind
  }
  private peek(n = 1): Token {
    return this.toks[Math.min(this.i + n, this.toks.length - 1)]
  }
  private next(): Token {
    const t = this.toks[this.i]
    if (t.kind !== 'eof') this.i++
    return t
  }
  private is(text: string): boolean {
    const t = this.tok
    return (t.kind === 'punct' || t.kind === 'ident') && t.text === text
  }
  private isPunct(text: string, t = this.tok): boolean {
    return t.kind === 'punct' && t.text === text
  }
  private accept(text: string): boolean {
    if (this.is(text)) {
      this.i++
      return true
    }
    return false
  }
  private expect(text: string, what = `'${text}'`): Token {
    if (this.is(text)) return this.next()
    this.errorExpected(what)
  }

  // --- diagnostics ---------------------------------------------------------------------------------

  private report(pos: Pos, message: string, severity: 'error' | 'warning' = 'error'): void {
    const key = `${pos.file}:${pos.line}:${pos.col}`
    if (severity === 'error') {
      if (this.reported.has(key)) return
      this.reported.add(key)
    }
    this.diags.push({ file: pos.file, line: pos.line, col: pos.col, severity, message })
  }

  private describe(t: Token): string {
    switch (t.kind) {
      case 'eof': return 'at end of input'
      case 'number': return 'before numeric constant'
      case 'string': return 'before string constant'
      case 'char': return 'before character constant'
      case 'punct': return `before '${t.text}' token`
      default: return `before '${t.text}'`
    }
  }

  /** "expected X before Y"; a missing ';' or ')' at a line end is reported right after the previous token, as gcc does. */
  private errorExpected(what: string): never {
    const t = this.tok
    let pos = tokPos(t)
    const prev = this.i > 0 ? this.toks[this.i - 1] : null
    if (prev && (what === "';'" || what === "')'" || what === "']'")) {
      const p = tokPos(prev)
      pos = { file: p.file, line: p.line, col: p.col + (prev.expandedFrom ? prev.expandedFrom.text.length : prev.text.length) }
    }
    this.report(pos, `expected ${what} ${this.describe(t)}`)
    throw new Bail()
  }

  /** gcc reports "at end of input" at the first token of the line holding the last token. */
  private endOfInputPos(): Pos {
    let k = this.toks.length - 2
    if (k < 0) return tokPos(this.tok)
    const last = tokPos(this.toks[k])
    while (k > 0) {
      const p = tokPos(this.toks[k - 1])
      if (p.file !== last.file || p.line !== last.line) break
      k--
    }
    return tokPos(this.toks[k])
  }

  private fail(pos: Pos, message: string): never {
    this.report(pos, message)
    throw new Bail()
  }

  // --- scopes ----------------------------------------------------------------------------------------

  private pushScope(): void {
    this.scopes.push(new Map())
  }
  private popScope(): void {
    if (this.scopes.length > 1) this.scopes.pop()
  }
  private declareName(name: string, isTypedef: boolean): void {
    this.scopes[this.scopes.length - 1].set(name, isTypedef)
  }
  private isTypedefName(name: string): boolean {
    for (let s = this.scopes.length - 1; s >= 0; s--) {
      const v = this.scopes[s].get(name)
      if (v !== undefined) return v
    }
    return false
  }
  private isKnownName(name: string): boolean {
    for (let s = this.scopes.length - 1; s >= 0; s--) if (this.scopes[s].has(name)) return true
    return false
  }

  /** Does this token start a type name / declaration specifiers? */
  private startsType(t: Token = this.tok): boolean {
    if (t.kind !== 'ident') return false
    const k = WORD_KIND.get(t.text)
    if (k === undefined) return this.isTypedefName(t.text)
    return k === 'type' || k === 'qual' || k === 'record' || k === 'enum' || k === 'typeof' || k === 'attr' || k === 'alignas'
  }
  private startsDeclaration(t: Token = this.tok): boolean {
    if (t.kind !== 'ident') return false
    const k = WORD_KIND.get(t.text)
    if (k === undefined) return this.isTypedefName(t.text)
    return k === 'type' || k === 'qual' || k === 'record' || k === 'enum' || k === 'typeof' || k === 'attr' || k === 'alignas' ||
      k === 'storage' || k === 'funcspec' || k === 'static_assert'
  }

  // --- translation unit ----------------------------------------------------------------------------------

  parseUnit(): ParseResult {
    const decls: ExternalDecl[] = []
    while (this.tok.kind !== 'eof') {
      const start = this.i
      try {
        const d = this.parseExternal()
        if (d) decls.push(d)
      } catch (e) {
        if (!(e instanceof Bail)) throw e
        this.syncTop(start)
      }
    }
    return { unit: { decls }, diagnostics: this.diags }
  }

  /** Skip to the end of the broken external declaration: after a `;` or a closing `}` at depth 0. */
  private syncTop(start: number): void {
    let depth = 0
    if (this.i === start) this.next()
    while (this.tok.kind !== 'eof') {
      const t = this.tok
      if (this.isPunct('{', t)) depth++
      else if (this.isPunct('}', t)) {
        depth--
        if (depth <= 0) {
          this.next()
          if (depth === 0 || depth < 0) return
        }
        continue
      } else if (this.isPunct(';', t) && depth <= 0) {
        this.next()
        return
      }
      this.next()
    }
    this.scopes.length = 1
  }

  private parseExternal(): ExternalDecl | null {
    if (this.accept(';')) return null // stray semicolon at file scope (gcc: pedantic warning only)
    while (this.accept('__extension__')) {}
    if (this.is('_Static_assert') || this.is('static_assert')) return this.parseStaticAssert()
    if (ASM.has(this.tok.text) && this.tok.kind === 'ident') {
      this.skipAsm()
      this.accept(';')
      return null
    }
    const pos = tokPos(this.tok)
    if (this.deferPrototypes && this.tok.file.startsWith(SYSTEM_DIR)) {
      const lazy = this.lazyPrototype()
      if (lazy) return lazy
    }
    let specs: DeclSpecs
    if (this.startsDeclaration()) {
      specs = this.parseDeclSpecs(false)
    } else if (this.tok.kind === 'ident' && !KEYWORDS.has(this.tok.text)) {
      // no specifiers: `foo bar;` (unknown type) or old-style implicit int `main() {...}` / `x = 1;`
      if (this.peek().kind === 'ident' && !this.isPunct('(', this.peek())) {
        this.report(pos, `unknown type name '${this.tok.text}'`)
        this.next()
        specs = this.emptySpecs(pos, { k: 'basic', words: ['int'], pos })
      } else {
        specs = this.emptySpecs(pos, { k: 'basic', words: [], pos })
      }
    } else {
      this.fail(pos, `expected identifier or '(' ${this.describe(this.tok)}`)
    }
    if (this.accept(';')) {
      return { k: 'declaration', specs, items: [], pos }
    }
    const first = this.parseDeclarator(false)
    const last = first.derived[first.derived.length - 1]
    if (last && last.k === 'func' && (this.is('{') || (this.startsDeclaration() && last.krNames.length > 0))) {
      return this.parseFunctionDef(specs, first, pos)
    }
    if (specs.spec.k === 'basic' && specs.spec.words.length === 0 && specs.storage === null && !specs.const && !specs.volatile) {
      this.report(pos, 'data definition has no type or storage class', 'warning')
    }
    return this.finishDeclaration(specs, first, pos)
  }

  /**
   * `specifiers name ( ... ) attributes ;` with one declarator, no body, no initialiser and no
   * struct/enum body: skip it and hand the checker a way to parse it later.
   */
  private lazyPrototype(): LazyPrototype | null {
    const start = this.i
    const toks = this.toks
    let depth = 0
    let nameAt = -1
    let k = start
    if (toks[k].kind === 'ident' && toks[k].text === 'typedef') return null
    for (; k < toks.length; k++) {
      const t = toks[k]
      if (t.kind === 'eof') return null
      if (t.kind === 'ident' && depth === 0 && (ATTRIBUTE.has(t.text) || ASM.has(t.text))) {
        // skip `__attribute__ ((...))` / `__asm__ ("...")` as a whole
        let d = 0
        k++
        for (; k < toks.length; k++) {
          const x = toks[k]
          if (x.kind === 'eof') return null
          if (x.kind === 'punct' && x.text === '(') d++
          else if (x.kind === 'punct' && x.text === ')' && --d === 0) break
        }
        continue
      }
      if (t.kind !== 'punct') continue
      const x = t.text
      if (x === '(') {
        if (depth === 0 && nameAt < 0) {
          const prev = toks[k - 1]
          if (k === start || prev.kind !== 'ident' || KEYWORDS.has(prev.text) || this.isTypedefName(prev.text)) return null
          nameAt = k - 1
        }
        depth++
      } else if (x === ')') depth--
      else if (depth === 0) {
        if (x === ';') break
        if (x === '{' || x === '=' || x === ',' || x === '}' || x === '[') return null
      }
    }
    if (nameAt < 0 || nameAt === start) return null
    const end = k // the ';'
    const slice = toks.slice(start, end + 1)
    const last = toks[end]
    slice.push({ kind: 'eof', text: '', file: last.file, line: last.line, col: last.col + 1, spaceBefore: false, lineStart: false })
    const name = toks[nameAt].text
    const fileScope = this.scopes[0]
    this.i = end + 1
    this.declareName(name, false)
    return {
      k: 'lazyproto',
      name,
      pos: tokPos(toks[nameAt]),
      parse: () => {
        const r = new Parser(slice, fileScope).parseUnit()
        const d = r.unit.decls[0]
        return { decl: d && d.k === 'declaration' ? d : null, diagnostics: r.diagnostics }
      },
    }
  }

  private parseFunctionDef(specs: DeclSpecs, decl: Declarator, pos: Pos): FunctionDef {
    const fn = decl.derived[decl.derived.length - 1] as Extract<Derived, { k: 'func' }>
    if (decl.name) this.declareName(decl.name, false)
    if (specs.spec.k === 'basic' && specs.spec.words.length === 0) {
      this.report(pos, `return type defaults to 'int' [-Wimplicit-int]`, 'warning')
    }
    this.pushScope()
    const krDecls: Declaration[] = []
    try {
      for (const p of fn.params) if (p.decl.name) this.declareName(p.decl.name, false)
      for (const n of fn.krNames) this.declareName(n, false)
      while (this.startsDeclaration() && !this.is('{')) {
        const dpos = tokPos(this.tok)
        const s = this.parseDeclSpecs(false)
        const d = this.parseDeclarator(false)
        krDecls.push(this.finishDeclaration(s, d, dpos))
      }
      const body = this.parseBlock()
      return { k: 'funcdef', specs, decl, krDecls, body, pos }
    } finally {
      this.popScope()
    }
  }

  private emptySpecs(pos: Pos, spec: TypeSpec): DeclSpecs {
    return { pos, storage: null, inline: false, noreturn: false, thread: false, const: false, volatile: false, spec, attrs: [], alignas: [] }
  }

  /** After the first declarator: initialiser, more declarators, `;`. */
  private finishDeclaration(specs: DeclSpecs, first: Declarator, pos: Pos): Declaration {
    const items: InitDeclarator[] = []
    let d: Declarator = first
    for (;;) {
      this.declareName(d.name ?? '', specs.storage === 'typedef')
      let init: Initializer | null = null
      if (this.accept('=')) {
        try {
          init = this.parseInitializer()
        } catch (e) {
          if (!(e instanceof Bail)) throw e
          // keep the declaration (later uses are not "undeclared"), drop the rest of it
          items.push({ decl: d, init: null, pos: d.pos })
          this.syncStmt(this.i)
          return { k: 'declaration', specs, items, pos }
        }
      }
      items.push({ decl: d, init, pos: d.pos })
      if (this.accept(',')) {
        d = this.parseDeclarator(false)
        continue
      }
      if (this.accept(';')) break
      if (init === null && d.derived.length && d.derived[d.derived.length - 1].k === 'func' && this.is('{')) {
        this.fail(tokPos(this.tok), `expected ';' ${this.describe(this.tok)}`)
      }
      if (this.semicolonInsertable()) {
        this.report(tokPos(this.tok), `expected ',' or ';' ${this.describe(this.tok)}`)
        break
      }
      // report, skip the rest of the statement, keep what was declared
      const start = this.i
      try {
        this.errorExpected(`',' or ';'`)
      } catch (e) {
        if (!(e instanceof Bail)) throw e
        this.syncStmt(start)
      }
      break
    }
    return { k: 'declaration', specs, items, pos }
  }

  private parseStaticAssert(): StaticAssert {
    const pos = tokPos(this.next())
    this.expect('(')
    const cond = this.parseConditional()
    let message: Token | null = null
    if (this.accept(',')) {
      if (this.tok.kind !== 'string') this.errorExpected('string literal')
      message = this.next()
      while (this.tok.kind === 'string') this.next()
    }
    this.expect(')')
    this.expect(';', "';'")
    return { k: 'static_assert', cond, message, pos }
  }

  private skipAsm(): void {
    this.next()
    while (QUALIFIERS.has(this.tok.text) || this.is('goto') || this.is('inline')) this.next()
    if (!this.is('(')) return
    this.skipBalanced()
  }

  /** Skip a parenthesised group starting at `(`. */
  private skipBalanced(): void {
    let depth = 0
    do {
      const t = this.next()
      if (t.kind === 'eof') return
      if (this.isPunct('(', t)) depth++
      else if (this.isPunct(')', t)) depth--
    } while (depth > 0)
  }

  // --- declaration specifiers ------------------------------------------------------------------------------

  private parseDeclSpecs(forTypeName: boolean): DeclSpecs {
    const pos = tokPos(this.tok)
    const specs = this.emptySpecs(pos, { k: 'basic', words: [], pos })
    const words: string[] = []
    let other: TypeSpec | null = null
    for (;;) {
      const t = this.tok
      if (t.kind !== 'ident') break
      const w = t.text
      const wk = WORD_KIND.get(w)
      if (wk === undefined) {
        // a typedef name is a type specifier only when no other one was seen (`typedef int T; { T T; }`)
        if (!other && words.length === 0 && this.isTypedefName(w)) {
          this.next()
          other = { k: 'typedef', name: w, pos: tokPos(t) }
          continue
        }
        break
      }
      if (wk === 'storage') {
        if (forTypeName) break
        this.next()
        if (specs.storage && specs.storage !== w) this.report(tokPos(t), 'multiple storage classes in declaration specifiers')
        specs.storage = w as DeclSpecs['storage']
      } else if (FUNC_SPEC.has(w)) {
        this.next()
        if (w === '_Noreturn') specs.noreturn = true
        else if (w === '__thread' || w === '_Thread_local') specs.thread = true
        else specs.inline = true
      } else if (QUALIFIERS.has(w)) {
        this.next()
        if (w === '_Atomic' && this.is('(')) {
          // _Atomic(type): treated as the plain type
          this.next()
          const tn = this.parseTypeName()
          this.expect(')')
          other = { k: 'typeof', type: tn, pos: tokPos(t) }
          continue
        }
        if (w.includes('const')) specs.const = true
        else if (w.includes('volatile')) specs.volatile = true
      } else if (ATTRIBUTE.has(w)) {
        specs.attrs.push(...this.parseAttributes())
      } else if (w === '_Alignas' || w === 'alignas') {
        this.next()
        this.expect('(')
        if (this.startsType()) specs.alignas.push(this.parseTypeName())
        else specs.alignas.push(this.parseConditional())
        this.expect(')')
      } else if (w === '__extension__') {
        this.next()
      } else if (TYPE_WORDS.has(w)) {
        if (other) this.report(tokPos(t), 'two or more data types in declaration specifiers')
        this.next()
        words.push(w === '__signed' || w === '__signed__' ? 'signed' : w === '__complex__' ? '_Complex' : w)
      } else if (w === 'struct' || w === 'union') {
        if (other || words.length) this.report(tokPos(t), 'two or more data types in declaration specifiers')
        other = this.parseRecordSpec()
      } else if (w === 'enum') {
        if (other || words.length) this.report(tokPos(t), 'two or more data types in declaration specifiers')
        other = this.parseEnumSpec()
      } else if (TYPEOF.has(w)) {
        if (other || words.length) this.report(tokPos(t), 'two or more data types in declaration specifiers')
        this.next()
        if (w === '__auto_type') {
          other = { k: 'typeof', pos: tokPos(t) }
          continue
        }
        this.expect('(')
        if (this.startsType()) other = { k: 'typeof', type: this.parseTypeName(), pos: tokPos(t) }
        else other = { k: 'typeof', expr: this.parseExpr(), pos: tokPos(t) }
        this.expect(')')
      } else if (!other && words.length === 0 && this.isTypedefName(w)) {
        // a typedef name is a type specifier only when no other one was seen (`typedef int T; { T T; }`)
        this.next()
        other = { k: 'typedef', name: w, pos: tokPos(t) }
      } else {
        break
      }
    }
    specs.spec = other ?? { k: 'basic', words, pos: words.length ? pos : pos }
    if (other && words.length) this.report(pos, 'two or more data types in declaration specifiers')
    return specs
  }

  /** `__attribute__((a, b(1), c("x")))`, possibly several in a row. */
  private parseAttributes(): Attr[] {
    const attrs: Attr[] = []
    while (this.tok.kind === 'ident' && ATTRIBUTE.has(this.tok.text)) {
      this.next()
      this.expect('(')
      this.expect('(')
      while (!this.is(')')) {
        if (this.accept(',')) continue
        const nt = this.tok
        if (nt.kind !== 'ident') this.errorExpected('identifier')
        this.next()
        const name = nt.text.replace(/^__(.*)__$/, '$1')
        const args: Expr[] = []
        if (this.accept('(')) {
          while (!this.is(')')) {
            args.push(this.parseAssign())
            if (!this.accept(',')) break
          }
          this.expect(')')
        }
        attrs.push({ name, args, pos: tokPos(nt) })
      }
      this.expect(')')
      this.expect(')')
    }
    return attrs
  }

  private parseRecordSpec(): TypeSpec {
    const kw = this.next()
    const kind = kw.text as 'struct' | 'union'
    const attrs = this.tok.kind === 'ident' && ATTRIBUTE.has(this.tok.text) ? this.parseAttributes() : []
    let tag: string | null = null
    let pos = tokPos(kw)
    if (this.tok.kind === 'ident' && !KEYWORDS.has(this.tok.text)) {
      pos = tokPos(this.tok)
      tag = this.next().text
    }
    if (!this.is('{')) {
      if (tag === null) this.errorExpected(`'{'`)
      return { k: 'record', kind, tag, members: null, attrs, pos }
    }
    this.next()
    const members: MemberDeclSyntax[] = []
    while (!this.is('}')) {
      if (this.tok.kind === 'eof') this.errorExpected(`'}'`)
      if (this.accept(';')) continue
      const mpos = tokPos(this.tok)
      try {
        if (this.is('_Static_assert') || this.is('static_assert')) {
          this.parseStaticAssert()
          continue
        }
        if (!this.startsType() && !this.is('__extension__')) {
          if (this.tok.kind === 'ident' && !KEYWORDS.has(this.tok.text) && this.peek().kind === 'ident') {
            this.report(mpos, `unknown type name '${this.tok.text}'`)
            this.next()
          } else {
            this.fail(mpos, `expected specifier-qualifier-list ${this.describe(this.tok)}`)
          }
        }
        const specs = this.parseDeclSpecs(true)
        const items: MemberDeclSyntax['items'] = []
        if (!this.is(';')) {
          for (;;) {
            const ipos = tokPos(this.tok)
            let decl: Declarator
            if (this.is(':')) decl = { name: null, pos: ipos, derived: [], attrs: [] }
            else decl = this.parseDeclarator(false)
            let bitWidth: Expr | null = null
            if (this.accept(':')) bitWidth = this.parseConditional()
            if (this.tok.kind === 'ident' && ATTRIBUTE.has(this.tok.text)) decl.attrs.push(...this.parseAttributes())
            items.push({ decl, bitWidth, pos: ipos })
            if (!this.accept(',')) break
          }
        }
        if (!this.accept(';')) {
          if (this.is('}')) this.report(tokPos(this.tok), `no semicolon at end of struct or union`, 'warning')
          else this.errorExpected(`';', ',' or '}'`)
        }
        members.push({ specs, items, pos: mpos })
      } catch (e) {
        if (!(e instanceof Bail)) throw e
        // skip to the end of this member
        while (this.kind() !== 'eof' && !this.is(';') && !this.is('}')) {
          if (this.is('{')) this.skipBraces()
          else this.next()
        }
        this.accept(';')
      }
    }
    this.next()
    if (this.tok.kind === 'ident' && ATTRIBUTE.has(this.tok.text)) attrs.push(...this.parseAttributes())
    return { k: 'record', kind, tag, members, attrs, pos }
  }

  private skipBraces(): void {
    let depth = 0
    do {
      const t = this.next()
      if (t.kind === 'eof') return
      if (this.isPunct('{', t)) depth++
      else if (this.isPunct('}', t)) depth--
    } while (depth > 0)
  }

  private parseEnumSpec(): TypeSpec {
    const kw = this.next()
    const attrs = this.tok.kind === 'ident' && ATTRIBUTE.has(this.tok.text) ? this.parseAttributes() : []
    let tag: string | null = null
    let pos = tokPos(kw)
    if (this.tok.kind === 'ident' && !KEYWORDS.has(this.tok.text)) {
      pos = tokPos(this.tok)
      tag = this.next().text
    }
    if (!this.is('{')) {
      if (tag === null) this.errorExpected(`'{'`)
      return { k: 'enum', tag, items: null, attrs, pos }
    }
    this.next()
    const items: EnumItem[] = []
    while (!this.is('}')) {
      const t = this.tok
      if (t.kind !== 'ident' || KEYWORDS.has(t.text)) this.errorExpected('identifier')
      this.next()
      if (this.tok.kind === 'ident' && ATTRIBUTE.has(this.tok.text)) this.parseAttributes()
      let value: Expr | null = null
      if (this.accept('=')) value = this.parseConditional()
      items.push({ name: t.text, value, pos: tokPos(t) })
      this.declareName(t.text, false)
      if (!this.accept(',')) {
        if (!this.is('}')) this.errorExpected(`',' or '}'`)
        break
      }
    }
    this.expect('}')
    if (this.tok.kind === 'ident' && ATTRIBUTE.has(this.tok.text)) attrs.push(...this.parseAttributes())
    return { k: 'enum', tag, items, attrs, pos }
  }

  // --- declarators ----------------------------------------------------------------------------------------------

  /**
   * A declarator; `abstract` allows (and for type names requires) the name to be missing.
   * Parameters use 'maybe': named or abstract.
   */
  private parseDeclarator(abstract: boolean | 'maybe'): Declarator {
    const pos = tokPos(this.tok)
    const ptrs: Derived[] = []
    const attrs: Attr[] = []
    while (this.is('*') || (this.tok.kind === 'ident' && ATTRIBUTE.has(this.tok.text))) {
      if (this.tok.kind === 'ident') {
        attrs.push(...this.parseAttributes())
        continue
      }
      this.next()
      const p: Derived = { k: 'ptr', const: false, volatile: false, attrs: [] }
      for (;;) {
        const w = this.tok.text
        if (this.kind() !== 'ident') break
        if (QUALIFIERS.has(w)) {
          this.next()
          if (w.includes('const')) p.const = true
          else if (w.includes('volatile')) p.volatile = true
        } else if (ATTRIBUTE.has(w)) {
          p.attrs.push(...this.parseAttributes())
        } else break
      }
      ptrs.push(p)
    }
    let name: string | null = null
    let namePos = tokPos(this.tok)
    let inner: Declarator | null = null
    const t = this.tok
    if (t.kind === 'ident' && !KEYWORDS.has(t.text) && !(abstract === true)) {
      if (abstract === 'maybe' && this.isTypedefName(t.text) && !this.isPunct(')', this.peek()) && !this.isPunct(',', this.peek()) && !this.isPunct('[', this.peek())) {
        // a typedef name here starts a parameter list in an abstract declarator; leave it
      } else {
        name = t.text
        namePos = tokPos(t)
        this.next()
      }
    } else if (this.is('(') && this.isNestedDeclarator(abstract)) {
      this.next()
      inner = this.parseDeclarator(abstract)
      this.expect(')')
    } else if (abstract === false) {
      this.errorExpected(`identifier or '('`)
    }
    const suffixes: Derived[] = []
    for (;;) {
      if (this.is('[')) {
        const apos = tokPos(this.next())
        while (this.tok.kind === 'ident' && (QUALIFIERS.has(this.tok.text) || this.tok.text === 'static')) this.next()
        let size: Expr | null = null
        if (this.is('*') && this.isPunct(']', this.peek())) this.next()
        else if (!this.is(']')) size = this.parseAssign()
        this.expect(']')
        suffixes.push({ k: 'array', size, pos: apos })
      } else if (this.is('(')) {
        suffixes.push(this.parseParams())
      } else break
    }
    while (this.tok.kind === 'ident' && (ATTRIBUTE.has(this.tok.text) || ASM.has(this.tok.text))) {
      if (ASM.has(this.tok.text)) this.skipAsm()
      else attrs.push(...this.parseAttributes())
    }
    const derived = [...ptrs, ...suffixes.reverse(), ...(inner ? inner.derived : [])]
    if (inner) {
      name = inner.name
      namePos = inner.pos
      attrs.push(...inner.attrs)
    }
    return { name, pos: name ? namePos : pos, derived, attrs }
  }

  /** After `(` in a declarator: a nested declarator, or (abstract declarators) a parameter list? */
  private isNestedDeclarator(abstract: boolean | 'maybe'): boolean {
    if (abstract === false) return true
    const n = this.peek()
    if (this.isPunct('*', n) || this.isPunct('(', n) || this.isPunct('[', n)) return true
    if (n.kind === 'ident' && ATTRIBUTE.has(n.text)) return true
    if (abstract === 'maybe' && n.kind === 'ident' && !KEYWORDS.has(n.text) && !this.isTypedefName(n.text)) return true
    return false
  }

  private parseParams(): Derived {
    const pos = tokPos(this.next()) // (
    const params: Param[] = []
    const krNames: string[] = []
    let variadic = false
    if (this.accept(')')) return { k: 'func', params, variadic, proto: false, krNames, pos }
    if (this.is('void') && this.isPunct(')', this.peek())) {
      this.next()
      this.next()
      return { k: 'func', params, variadic, proto: true, krNames, pos }
    }
    // K&R identifier list: f(a, b)
    if (this.tok.kind === 'ident' && !KEYWORDS.has(this.tok.text) && !this.isTypedefName(this.tok.text) && (this.isPunct(',', this.peek()) || this.isPunct(')', this.peek()))) {
      for (;;) {
        const t = this.tok
        if (t.kind !== 'ident') this.errorExpected('identifier')
        krNames.push(this.next().text)
        if (!this.accept(',')) break
      }
      this.expect(')')
      return { k: 'func', params, variadic, proto: false, krNames, pos }
    }
    this.pushScope()
    try {
      for (;;) {
        if (this.accept('...')) {
          variadic = true
          break
        }
        const ppos = tokPos(this.tok)
        if (!this.startsDeclaration()) {
          if (this.tok.kind === 'ident' && !KEYWORDS.has(this.tok.text) && (this.peek().kind === 'ident' || this.isPunct('*', this.peek()))) {
            this.report(ppos, `unknown type name '${this.tok.text}'`)
            this.next()
          } else {
            this.errorExpected(`declaration specifiers or '...'`)
          }
        }
        const specs = this.parseDeclSpecs(false)
        const decl = this.parseDeclarator('maybe')
        if (decl.name) this.declareName(decl.name, false)
        params.push({ specs, decl, pos: decl.name ? decl.pos : ppos })
        if (!this.accept(',')) break
      }
      if (!this.is(')')) this.errorExpected(`';', ',' or ')'`)
      this.next()
    } finally {
      this.popScope()
    }
    return { k: 'func', params, variadic, proto: true, krNames, pos }
  }

  private parseTypeName(): TypeName {
    const pos = tokPos(this.tok)
    const specs = this.parseDeclSpecs(true)
    const decl = this.parseDeclarator(true)
    return { specs, decl, pos }
  }

  // --- initialisers ------------------------------------------------------------------------------------------

  private parseInitializer(): Initializer {
    const pos = tokPos(this.tok)
    if (!this.is('{')) return { k: 'expr', e: this.parseAssign(), pos }
    return this.parseInitList()
  }

  private parseInitList(): Initializer & { k: 'list' } {
    const pos = tokPos(this.expect('{'))
    const items: { desig: Designator[]; init: Initializer; pos: Pos }[] = []
    while (!this.is('}')) {
      const ipos = tokPos(this.tok)
      const desig: Designator[] = []
      for (;;) {
        if (this.is('.')) {
          const dp = tokPos(this.next())
          const t = this.tok
          if (t.kind !== 'ident') this.errorExpected('identifier')
          this.next()
          desig.push({ k: 'field', name: t.text, pos: dp })
        } else if (this.is('[')) {
          const dp = tokPos(this.next())
          const e = this.parseConditional()
          let hi: Expr | undefined
          if (this.accept('...')) hi = this.parseConditional()
          this.expect(']')
          desig.push({ k: 'index', e, hi, pos: dp })
        } else break
      }
      if (desig.length) {
        this.expect('=', `'='`)
      } else if (this.tok.kind === 'ident' && this.isPunct(':', this.peek()) && !KEYWORDS.has(this.tok.text)) {
        // GNU old-style `field: value`
        const t = this.next()
        this.next()
        desig.push({ k: 'field', name: t.text, pos: tokPos(t) })
      }
      const init = this.parseInitializer()
      items.push({ desig, init, pos: ipos })
      if (!this.accept(',')) {
        if (!this.is('}')) this.errorExpected(`'}'`)
        break
      }
    }
    this.expect('}')
    return { k: 'list', items, pos }
  }

  // --- statements ---------------------------------------------------------------------------------------------------

  private parseBlock(): Block {
    const pos = tokPos(this.tok)
    this.expect('{')
    const items: Stmt[] = []
    this.pushScope()
    try {
      for (;;) {
        if (this.is('}')) break
        if (this.tok.kind === 'eof') {
          this.report(this.endOfInputPos(), 'expected declaration or statement at end of input')
          throw new Bail()
        }
        items.push(this.parseBlockItem())
      }
    } finally {
      this.popScope()
    }
    const end = tokPos(this.next())
    return { k: 'block', items, pos, end }
  }

  /** A statement or declaration, recovering from syntax errors inside it. */
  private parseBlockItem(): Stmt {
    const start = this.i
    const pos = tokPos(this.tok)
    try {
      return this.parseBlockItemInner()
    } catch (e) {
      if (!(e instanceof Bail)) throw e
      this.syncStmt(start)
      return { k: 'bad', pos }
    }
  }

  /** Skip to the end of a broken statement: past `;` at depth 0, or past the `}` closing a block opened inside it; stop before an unmatched `}`. */
  private syncStmt(start: number): void {
    let depth = 0
    if (this.i === start && !this.is('}')) this.next()
    if (this.i > start && this.i - 1 >= 0) {
      const prev = this.toks[this.i - 1]
      if (this.isPunct(';', prev)) return
    }
    while (this.tok.kind !== 'eof') {
      const t = this.tok
      if (this.isPunct('{', t)) depth++
      else if (this.isPunct('}', t)) {
        if (depth === 0) return
        depth--
        this.next()
        if (depth === 0) return
        continue
      } else if (this.isPunct(';', t) && depth === 0) {
        this.next()
        return
      }
      this.next()
    }
  }

  private parseBlockItemInner(): Stmt {
    const t = this.tok
    if (t.kind === 'ident') {
      if (this.isPunct(':', this.peek()) && !KEYWORDS.has(t.text)) return this.parseStatement()
      if (t.text === '_Static_assert' || t.text === 'static_assert') {
        const s = this.parseStaticAssert()
        return { k: 'static_assert', s, pos: s.pos }
      }
      if (t.text === '__extension__' && this.startsDeclaration(this.peek())) this.next()
      if (this.startsDeclaration()) return this.parseLocalDeclaration()
      // `foo bar;` / `foo *bar = ...;` where foo names no type: gcc says "unknown type name"
      if (!KEYWORDS.has(t.text) && !this.isKnownName(t.text)) {
        const n = this.peek()
        if (n.kind === 'ident' && !KEYWORDS.has(n.text) && (this.isPunct(';', this.peek(2)) || this.isPunct('=', this.peek(2)) || this.isPunct('[', this.peek(2)) || this.isPunct(',', this.peek(2)))) {
          this.report(tokPos(t), `unknown type name '${t.text}'`)
          this.next()
          const pos = tokPos(t)
          const specs = this.emptySpecs(pos, { k: 'basic', words: ['int'], pos })
          const d = this.parseDeclarator(false)
          return { k: 'decl', d: this.finishDeclaration(specs, d, pos), pos }
        }
      }
    }
    return this.parseStatement()
  }

  private parseLocalDeclaration(): Stmt {
    const pos = tokPos(this.tok)
    const specs = this.parseDeclSpecs(false)
    if (this.accept(';')) return { k: 'decl', d: { k: 'declaration', specs, items: [], pos }, pos }
    const first = this.parseDeclarator(false)
    const last = first.derived[first.derived.length - 1]
    if (last && last.k === 'func' && this.is('{')) {
      this.fail(tokPos(this.tok), 'nested functions are not supported')
    }
    return { k: 'decl', d: this.finishDeclaration(specs, first, pos), pos }
  }

  /** After a complete statement a missing `;` is reported and taken as written when what follows can start something new. */
  private semicolonInsertable(): boolean {
    const t = this.tok
    if (t.kind === 'eof' || this.isPunct('}', t)) return true
    const prev = this.toks[this.i - 1]
    if (prev && tokPos(t).line !== tokPos(prev).line) return true
    return t.kind === 'ident' && (KEYWORDS.has(t.text) || this.isTypedefName(t.text))
  }

  private expectSemi(): void {
    if (this.accept(';')) return
    if (this.semicolonInsertable()) {
      const t = this.tok
      const prev = this.toks[this.i - 1]
      const p = tokPos(prev)
      this.report({ file: p.file, line: p.line, col: p.col + (prev.expandedFrom ? prev.expandedFrom.text.length : prev.text.length) }, `expected ';' ${this.describe(t)}`)
      return
    }
    this.errorExpected(`';'`)
  }

  private parseStatement(): Stmt {
    const t = this.tok
    const pos = tokPos(t)
    if (t.kind === 'punct') {
      if (t.text === '{') return this.parseBlock()
      if (t.text === ';') {
        this.next()
        return { k: 'expr', e: null, pos }
      }
    }
    if (t.kind === 'ident') {
      switch (t.text) {
        case 'if': {
          this.next()
          const cond = this.parenthesizedExpr()
          const then = this.parseSubStatement()
          let els: Stmt | null = null
          if (this.accept('else')) els = this.parseSubStatement()
          return { k: 'if', cond, then, else: els, pos }
        }
        case 'while': {
          this.next()
          const cond = this.parenthesizedExpr()
          const body = this.parseSubStatement()
          return { k: 'while', cond, body, pos }
        }
        case 'do': {
          this.next()
          const body = this.parseSubStatement()
          this.expect('while', `'while'`)
          const cond = this.parenthesizedExpr()
          this.expectSemi()
          return { k: 'do', body, cond, pos }
        }
        case 'for': {
          this.next()
          this.expect('(')
          this.pushScope()
          try {
            let init: Declaration | Expr | null = null
            if (this.accept(';')) init = null
            else if (this.startsDeclaration()) {
              const d = this.parseLocalDeclaration()
              init = d.k === 'decl' ? d.d : null
            } else {
              init = this.parseExpr()
              this.expect(';', `';'`)
            }
            const cond = this.is(';') ? null : this.parseExpr()
            this.expect(';', `';'`)
            const step = this.is(')') ? null : this.parseExpr()
            this.expect(')')
            const body = this.parseSubStatement()
            return { k: 'for', init, cond, step, body, pos }
          } finally {
            this.popScope()
          }
        }
        case 'switch': {
          this.next()
          const e = this.parenthesizedExpr()
          const body = this.parseSubStatement()
          return { k: 'switch', e, body, pos }
        }
        case 'case': {
          this.next()
          const lo = this.parseConditional()
          let hi: Expr | null = null
          if (this.accept('...')) hi = this.parseConditional()
          this.expect(':', `':'`)
          const body = this.parseLabeledBody()
          return { k: 'case', lo, hi, body, pos }
        }
        case 'default': {
          this.next()
          this.expect(':', `':'`)
          const body = this.parseLabeledBody()
          return { k: 'default', body, pos }
        }
        case 'break':
          this.next()
          this.expectSemi()
          return { k: 'break', pos }
        case 'continue':
          this.next()
          this.expectSemi()
          return { k: 'continue', pos }
        case 'return': {
          this.next()
          const e = this.is(';') ? null : this.parseExpr()
          this.expectSemi()
          return { k: 'return', e, pos }
        }
        case 'goto': {
          this.next()
          const l = this.tok
          if (l.kind !== 'ident') {
            if (this.is('*')) this.fail(tokPos(l), 'computed goto is not supported')
            this.errorExpected('identifier')
          }
          this.next()
          this.expectSemi()
          return { k: 'goto', label: l.text, pos }
        }
        case 'asm': case '__asm__': case '__asm': {
          // an empty template is only a compiler barrier (barrier(), barrier_var()): nothing to run
          this.next()
          while (this.tok.kind === 'ident' && (QUALIFIERS.has(this.tok.text) || this.tok.text === 'goto' || this.tok.text === 'inline')) this.next()
          const open = this.tok
          if (this.isPunct('(', open) && this.peek().kind === 'string' && this.peek().text === '""') {
            this.skipBalanced()
            this.expectSemi()
            return { k: 'expr', e: null, pos }
          }
          this.fail(pos, 'inline assembly is not supported')
        }
        // eslint-disable-next-line no-fallthrough
        case 'else':
          this.fail(pos, `'else' without a previous 'if'`)
      }
      if (this.isPunct(':', this.peek()) && !KEYWORDS.has(t.text)) {
        this.next()
        this.next()
        const body = this.parseLabeledBody()
        return { k: 'label', name: t.text, body, pos }
      }
    }
    const e = this.parseExpr()
    this.expectSemi()
    return { k: 'expr', e, pos }
  }

  /** The statement after `case x:` / `label:`; a declaration there is allowed as in C23 (gcc accepts it). */
  private parseLabeledBody(): Stmt {
    if (this.is('}')) {
      // C23 (and gcc without -pedantic) allows a label right before '}'
      return { k: 'expr', e: null, pos: tokPos(this.tok) }
    }
    if (this.startsDeclaration() && !(this.tok.kind === 'ident' && this.isPunct(':', this.peek()))) return this.parseLocalDeclaration()
    return this.parseStatement()
  }

  /** `( expression )`: the condition of if, while, do-while and switch. */
  private parenthesizedExpr(): Expr {
    this.expect('(')
    const e = this.parseExpr()
    this.expect(')')
    return e
  }

  /** Body of if/while/for: its own scope for declarations inside (C99 6.8.4). */
  private parseSubStatement(): Stmt {
    this.pushScope()
    try {
      return this.parseStatement()
    } finally {
      this.popScope()
    }
  }

  // --- expressions ------------------------------------------------------------------------------------------------

  parseExpr(): Expr {
    let e = this.parseAssign()
    while (this.is(',')) {
      const pos = tokPos(this.next())
      const r = this.parseAssign()
      e = { k: 'comma', l: e, r, pos }
    }
    return e
  }

  private parseAssign(): Expr {
    const l = this.parseConditional()
    const t = this.tok
    if (t.kind === 'punct' && ASSIGN_OPS.has(t.text)) {
      this.next()
      const r = this.parseAssign()
      return { k: 'assign', op: t.text, l, r, pos: tokPos(t) }
    }
    return l
  }

  private parseConditional(): Expr {
    const c = this.parseBinary(1)
    if (!this.is('?')) return c
    const pos = tokPos(this.next())
    let t: Expr | null = null
    if (!this.is(':')) t = this.parseExpr()
    this.expect(':', `':'`)
    const f = this.parseConditional()
    return { k: 'cond', c, t, f, pos }
  }

  private parseBinary(minPrec: number): Expr {
    let l = this.parseCast()
    for (;;) {
      const t = this.tok
      if (t.kind !== 'punct') break
      const prec = BINARY_PRECEDENCE[t.text]
      if (prec === undefined || prec < minPrec) break
      this.next()
      const r = this.parseBinary(prec + 1)
      l = { k: 'binary', op: t.text, l, r, pos: tokPos(t) }
    }
    return l
  }

  private parseCast(): Expr {
    if (this.is('(') && this.startsType(this.peek())) {
      const pos = tokPos(this.next())
      const tn = this.parseTypeName()
      this.expect(')')
      if (this.is('{')) {
        const init = this.parseInitList()
        return this.parsePostfixOps({ k: 'compound', tn, init, pos })
      }
      const e = this.parseCast()
      return { k: 'cast', tn, e, pos }
    }
    return this.parseUnary()
  }

  private parseUnary(): Expr {
    const t = this.tok
    const pos = tokPos(t)
    if (t.kind === 'punct') {
      switch (t.text) {
        case '++': case '--': {
          this.next()
          return { k: 'unary', op: t.text, e: this.parseUnary(), pos }
        }
        case '-': case '+': case '!': case '~': case '*': case '&': {
          this.next()
          return { k: 'unary', op: t.text, e: this.parseCast(), pos }
        }
        case '&&':
          this.fail(pos, 'taking the address of a label is not supported')
      }
    } else if (t.kind === 'ident') {
      switch (t.text) {
        case 'sizeof': case '_Alignof': case '__alignof__': case '__alignof': case 'alignof': {
          this.next()
          const k = t.text === 'sizeof' ? 'sizeof' : 'alignof'
          if (this.is('(') && this.startsType(this.peek())) {
            this.next()
            const tn = this.parseTypeName()
            this.expect(')')
            if (this.is('{')) {
              const init = this.parseInitList()
              return { k, e: this.parsePostfixOps({ k: 'compound', tn, init, pos }), pos }
            }
            return { k, tn, pos }
          }
          return { k, e: this.parseUnary(), pos }
        }
        case '__extension__':
          this.next()
          return this.parseCast()
        case '__real__': case '__imag__':
          this.fail(pos, 'complex numbers are not supported')
      }
    }
    return this.parsePostfixOps(this.parsePrimary())
  }

  private parsePostfixOps(e: Expr): Expr {
    for (;;) {
      const t = this.tok
      if (t.kind !== 'punct') return e
      const pos = tokPos(t)
      switch (t.text) {
        case '[': {
          this.next()
          const i = this.parseExpr()
          this.expect(']')
          e = { k: 'index', a: e, i, pos }
          break
        }
        case '(': {
          this.next()
          const args: Expr[] = []
          if (!this.is(')')) {
            for (;;) {
              args.push(this.parseAssign())
              if (!this.accept(',')) break
            }
          }
          const end = tokPos(this.tok)
          this.expect(')')
          e = { k: 'call', fn: e, args, pos: e.pos, end }
          break
        }
        case '.': case '->': {
          this.next()
          const n = this.tok
          if (n.kind !== 'ident') this.errorExpected('identifier')
          this.next()
          e = { k: 'member', e, name: n.text, arrow: t.text === '->', pos, namePos: tokPos(n) }
          break
        }
        case '++': case '--':
          this.next()
          e = { k: 'postfix', op: t.text, e, pos }
          break
        default:
          return e
      }
    }
  }

  private parsePrimary(): Expr {
    const t = this.tok
    const pos = tokPos(t)
    switch (t.kind) {
      case 'number':
        this.next()
        return { k: 'num', text: t.text, pos }
      case 'char':
        this.next()
        return { k: 'char', text: t.text, pos }
      case 'string': {
        const toks: Token[] = []
        while (this.tok.kind === 'string') toks.push(this.next())
        return { k: 'str', toks, pos }
      }
      case 'ident': {
        if (KEYWORDS.has(t.text)) {
          if (t.text === '_Generic') this.fail(pos, '_Generic is not supported')
          this.errorExpected('expression')
        }
        this.next()
        switch (t.text) {
          case '__builtin_offsetof': return this.parseOffsetof(pos)
          case '__builtin_types_compatible_p': {
            this.expect('(')
            const a = this.parseTypeName()
            this.expect(',')
            const b = this.parseTypeName()
            this.expect(')')
            return { k: 'typescompat', a, b, pos }
          }
          case '__builtin_va_arg': {
            this.expect('(')
            const ap = this.parseAssign()
            this.expect(',')
            const tn = this.parseTypeName()
            this.expect(')')
            return { k: 'vaarg', ap, tn, pos }
          }
        }
        return { k: 'ident', name: t.text, pos }
      }
      case 'punct':
        if (t.text === '(') {
          this.next()
          if (this.is('{')) {
            const body = this.parseBlock()
            this.expect(')')
            return { k: 'stmtexpr', body, pos }
          }
          const e = this.parseExpr()
          this.expect(')')
          return e
        }
        break
    }
    this.errorExpected('expression')
  }

  private parseOffsetof(pos: Pos): Expr {
    this.expect('(')
    const tn = this.parseTypeName()
    this.expect(',')
    const path: Extract<Expr, { k: 'offsetof' }>['path'] = []
    for (;;) {
      const t = this.tok
      if (path.length === 0 || this.is('.')) {
        if (path.length) this.next()
        const n = this.tok
        if (n.kind !== 'ident') this.errorExpected('identifier')
        this.next()
        path.push({ k: 'field', name: n.text, pos: tokPos(n) })
      } else if (this.is('[')) {
        this.next()
        const e = this.parseExpr()
        this.expect(']')
        path.push({ k: 'index', e, pos: tokPos(t) })
      } else break
    }
    this.expect(')')
    return { k: 'offsetof', tn, path, pos }
  }
}
