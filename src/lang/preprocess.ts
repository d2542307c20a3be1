/**
 * Preprocessor (C11 6.10): lexed tokens of the user's file -> the token stream the parser reads.
 *
 * This file is the driver: a stack of open files (the main file, then whatever #include pushes), the
 * directives, conditional groups and the output loop. Macro definitions and expansion live in
 * preprocess-macros.ts, the `#if` arithmetic in preprocess-expr.ts, the system headers in headers/.
 *
 * How it flows: `FileReader.next()` hands out the tokens of the innermost open file, running any
 * directive it meets on the way (so a directive between the lines of a macro call works as in gcc) and
 * jumping over skipped groups without looking inside them beyond nesting. The output loop asks the
 * expander to expand each identifier; expansions are pushed back onto the reader and rescanned.
 *
 * System headers resolve to '/usr/include/<name>' in positions, like a Debian system; warnings located
 * in them are dropped, as gcc does. A missing header is fatal, as in gcc (processing stops). Nothing is
 * cached across calls: each call lexes the headers it includes once (repeated includes reuse the lex).
 */

import type { Diagnostic, Severity } from './api'
import { systemHeaders } from './headers/index'
import { lex, strayName, decodeStringLiteral } from './lex'
import type { LexResult } from './lex'
import { evaluateIfExpression } from './preprocess-expr'
import { diagAt, Expander, isCompilerPunct, ListSource, MacroTable, parseDefinition, sameDefinition } from './preprocess-macros'
import type { ExpanderHost, PPToken, SpecialMacro, TokenSource } from './preprocess-macros'
import type { PruneCache } from './prune'
import type { Token } from './token'

export interface PreprocessOptions {
  target: 'user' | 'bpf'
  /** -D definitions: name (or `NAME(args)`) -> replacement text. */
  defines?: Record<string, string>
  /** User files for #include "...", keyed by path relative to the main file (e.g. 'common.h'). */
  files?: Record<string, string>
  /**
   * Lexed system headers to reuse across calls (from createPreprocessCache()). Owned by the caller,
   * e.g. one per worker; without it every call lexes the headers it includes (about a millisecond).
   */
  cache?: PreprocessCache
}

/**
 * System headers lexed once, and the preprocessor's state after a main file's leading block of
 * `#include <...>` lines (see IncludePrefix), keyed by that block: tutorial programs all start
 * with the same few includes, whose thousands of directives then run once per worker, not per
 * compile. Tokens are shared by every result, so nobody may mutate tokens.
 */
export interface PreprocessCache {
  readonly headers: Map<string, LexedFile>
  readonly prefixes?: Map<string, PrefixState>
  /** For the compiler's next step over the same tokens (prune.ts). */
  readonly prune?: PruneCache
}

export function createPreprocessCache(): PreprocessCache {
  return { headers: new Map(), prefixes: new Map(), prune: new WeakMap() }
}

/** What the preprocessor knows once the leading system includes are done (restored by copying). */
interface PrefixState {
  tokens: Token[]
  diagnostics: Diagnostic[]
  includes: string[]
  included: Set<string>
  pragmaOnce: Set<string>
  lexed: Map<string, LexedFile>
  systemNames: Set<string>
  macros: MacroTable
  counter: number
}

/**
 * The main file's leading `#include <...>` lines: where they end (token index) and a key naming
 * them with the target and -D definitions, or null when the file does not start that way.
 */
function includePrefix(tokens: Token[], opts: PreprocessOptions): { end: number; key: string } | null {
  let i = 0
  const lines: string[] = []
  for (;;) {
    const t = tokens[i]
    if (!(t.lineStart && t.kind === 'punct' && t.text === '#')) break
    const dir = tokens[i + 1]
    if (!(dir && !dir.lineStart && dir.kind === 'ident' && dir.text === 'include')) break
    let j = i + 2
    if (!(tokens[j] && !tokens[j].lineStart && tokens[j].text === '<')) break
    let line = ''
    while (tokens[j].kind !== 'eof' && !(j > i + 2 && tokens[j].lineStart)) {
      line += (tokens[j].spaceBefore ? ' ' : '') + tokens[j].text
      j++
    }
    if (!line.endsWith('>')) break
    lines.push(line)
    i = j
  }
  if (lines.length === 0) return null
  return { end: i, key: `${opts.target}\0${JSON.stringify(opts.defines ?? {})}\0${lines.join('\n')}` }
}

export interface PreprocessResult {
  /** The tokens for the parser, ending with one 'eof' token. */
  tokens: Token[]
  diagnostics: Diagnostic[]
  /** Every file included, as named in token positions ('/usr/include/stdio.h', 'common.h'), in order of first inclusion. */
  includes: string[]
}

/** Where system headers appear to live (token positions and diagnostics). */
export const SYSTEM_INCLUDE_DIR = '/usr/include/'

const MAX_INCLUDE_DEPTH = 200

/** Builtins the parser implements (answers __has_builtin). */
const BUILTINS = new Set([
  '__builtin_offsetof', '__builtin_bswap16', '__builtin_bswap32', '__builtin_bswap64',
  '__builtin_memcpy', '__builtin_memset', '__builtin_memcmp', '__builtin_memmove',
  '__builtin_expect', '__builtin_constant_p', '__builtin_va_list', '__builtin_va_start', '__builtin_va_arg',
  '__builtin_va_end', '__builtin_va_copy', '__builtin_types_compatible_p',
])
const ATTRIBUTES = new Set([
  'section', 'packed', 'aligned', 'used', 'unused', 'always_inline', 'noinline', 'weak', 'format',
  'deprecated', 'noreturn', 'const', 'pure', 'nonnull', 'warn_unused_result', 'visibility', 'cold', 'hot',
  'malloc', 'may_alias', 'maybe_unused', 'fallthrough',
])

function hasBuiltin(name: string): boolean {
  return BUILTINS.has(name) || name.startsWith('__sync_') || name.startsWith('__atomic_')
}
function hasAttribute(name: string): boolean {
  return ATTRIBUTES.has(name.replace(/^__(.*)__$/, '$1'))
}

/** gcc 12 (x86-64 Debian) or clang 14 -target bpf, as far as programs can observe. */
function buildPredefinedText(target: 'user' | 'bpf'): string {
  const common: [string, string][] = [
    ['__STDC__', '1'], ['__STDC_VERSION__', '201710L'], ['__STDC_HOSTED__', '1'],
    ['__STDC_UTF_16__', '1'], ['__STDC_UTF_32__', '1'],
    ['__CHAR_BIT__', '8'], ['__SIZEOF_SHORT__', '2'], ['__SIZEOF_INT__', '4'], ['__SIZEOF_LONG__', '8'],
    ['__SIZEOF_LONG_LONG__', '8'], ['__SIZEOF_POINTER__', '8'], ['__SIZEOF_FLOAT__', '4'], ['__SIZEOF_DOUBLE__', '8'],
    ['__SIZEOF_SIZE_T__', '8'], ['__SIZEOF_WCHAR_T__', '4'], ['__SIZEOF_PTRDIFF_T__', '8'],
    ['__LP64__', '1'], ['_LP64', '1'],
    ['__ORDER_LITTLE_ENDIAN__', '1234'], ['__ORDER_BIG_ENDIAN__', '4321'], ['__ORDER_PDP_ENDIAN__', '3412'],
    ['__BYTE_ORDER__', '__ORDER_LITTLE_ENDIAN__'],
    ['__SCHAR_MAX__', '0x7f'], ['__SHRT_MAX__', '0x7fff'], ['__INT_MAX__', '0x7fffffff'],
    ['__LONG_MAX__', '0x7fffffffffffffffL'], ['__LONG_LONG_MAX__', '0x7fffffffffffffffLL'],
    ['__SIZE_MAX__', '0xffffffffffffffffUL'], ['__PTRDIFF_MAX__', '0x7fffffffffffffffL'],
    ['__INTMAX_MAX__', '0x7fffffffffffffffL'], ['__UINTMAX_MAX__', '0xffffffffffffffffUL'],
    ['__SIZE_TYPE__', 'long unsigned int'], ['__PTRDIFF_TYPE__', 'long int'], ['__WCHAR_TYPE__', 'int'],
    ['__INTMAX_TYPE__', 'long int'], ['__UINTMAX_TYPE__', 'long unsigned int'],
    ['__INT8_TYPE__', 'signed char'], ['__INT16_TYPE__', 'short int'], ['__INT32_TYPE__', 'int'], ['__INT64_TYPE__', 'long int'],
    ['__UINT8_TYPE__', 'unsigned char'], ['__UINT16_TYPE__', 'short unsigned int'], ['__UINT32_TYPE__', 'unsigned int'],
    ['__UINT64_TYPE__', 'long unsigned int'], ['__INTPTR_TYPE__', 'long int'], ['__UINTPTR_TYPE__', 'long unsigned int'],
  ]
  const user: [string, string][] = [
    ['__GNUC__', '12'], ['__GNUC_MINOR__', '2'], ['__GNUC_PATCHLEVEL__', '0'], ['__VERSION__', '"12.2.0"'],
    ['__ELF__', '1'], ['__x86_64__', '1'], ['__x86_64', '1'], ['__amd64__', '1'], ['__amd64', '1'],
    ['__linux__', '1'], ['__linux', '1'], ['__gnu_linux__', '1'], ['linux', '1'],
    ['__unix__', '1'], ['__unix', '1'], ['unix', '1'],
    ['__CHAR16_TYPE__', 'short unsigned int'], ['__CHAR32_TYPE__', 'unsigned int'],
  ]
  const bpf: [string, string][] = [
    ['__bpf__', '1'], ['__BPF__', '1'],
    ['__clang__', '1'], ['__clang_major__', '14'], ['__clang_minor__', '0'], ['__clang_patchlevel__', '6'],
    ['__clang_version__', '"14.0.6 "'], ['__GNUC__', '4'], ['__GNUC_MINOR__', '2'], ['__GNUC_PATCHLEVEL__', '1'],
    ['__VERSION__', '"Debian Clang 14.0.6"'],
    // BPF objects are always built with -O2 (the verifier needs it); userspace gcc defaults to -O0
    ['__OPTIMIZE__', '1'],
  ]
  return [...common, ...(target === 'bpf' ? bpf : user)].map(([n, v]) => `#define ${n} ${v}\n`).join('')
}

const PREDEFINED_TEXT: Readonly<Record<'user' | 'bpf', string>> = Object.freeze({ user: buildPredefinedText('user'), bpf: buildPredefinedText('bpf') })

const SPECIALS: SpecialMacro[] = [
  '__FILE__', '__LINE__', '__COUNTER__', '__INCLUDE_LEVEL__', '__BASE_FILE__', '__DATE__', '__TIME__',
  '_Pragma', '__has_include', '__has_include_next', '__has_builtin', '__has_attribute',
]

interface Conditional {
  /** The directive that opened the current group: 'if', 'ifdef', 'ifndef', 'elif' or 'else'. */
  current: string
  /** The #if/#ifdef/#ifndef that opened it (gcc reports unterminated conditionals there). */
  openedAt: Token
  /** Some group of this conditional has been taken (so later #elif/#else groups are skipped). */
  taken: boolean
  sawElse: boolean
}

export interface LexedFile extends LexResult {
  /** `X` when the file is wrapped in `#ifndef X ... #endif` (include guard); computed on the second include. */
  guard?: string | null
}

interface OpenFile {
  /** Name in positions: '/usr/include/bpf/libbpf.h', 'user.c' */
  name: string
  /** Key in its store: 'bpf/libbpf.h' in systemHeaders, 'user.c' in files */
  key: string
  system: boolean
  tokens: Token[]
  pos: number
  conds: Conditional[]
  lexDiags: Diagnostic[]
  lexDiagPos: number
  /** #line: added to lines, and the presumed file name (null = unchanged). */
  lineDelta: number
  presumedName: string | null
}

interface Resolved {
  name: string
  key: string
  system: boolean
  text: string
}

/** Preprocess `main` (and whatever it includes). Never throws. */
export function preprocess(main: { name: string; text: string }, opts: PreprocessOptions): PreprocessResult {
  return new Preprocessor(main, opts).run()
}

class Preprocessor implements TokenSource {
  private diagnostics: Diagnostic[] = []
  private includes: string[] = []
  private included = new Set<string>()
  private pragmaOnce = new Set<string>()
  private lexed = new Map<string, LexedFile>()
  private systemNames = new Set<string>()
  /** Output so far. */
  private out: Token[] = []
  /** Where the main file's include prefix ends and its cache key, until its state is saved. */
  private prefixToSave: { end: number; key: string } | null = null
  private readonly files: OpenFile[] = []
  private readonly pending: PPToken[] = []
  private readonly expander: Expander
  private fatal = false
  private mainEof!: PPToken

  constructor(private readonly main: { name: string; text: string }, private readonly opts: PreprocessOptions) {
    const host: ExpanderHost = {
      diag: (tok, severity, message) => this.diag(tok, severity, message),
      includeLevel: () => Math.max(0, this.files.length - 1),
      baseFile: main.name,
      hasInclude: (name, angled) => this.resolve(name, angled) !== null,
      hasBuiltin,
      hasAttribute,
    }
    this.expander = new Expander(host)
  }

  run(): PreprocessResult {
    try {
      return this.runUnguarded()
    } catch (e) {
      // a bug must not take the editor down: report it like a compiler crash
      this.diagnostics.push({ file: this.main.name, line: 1, col: 1, severity: 'error', message: `internal preprocessor error: ${e instanceof Error ? e.message : String(e)}` })
      return { tokens: [this.eofToken()], diagnostics: this.diagnostics, includes: this.includes }
    }
  }

  private eofToken(): Token {
    return { kind: 'eof', text: '', file: this.main.name, line: 1, col: 1, spaceBefore: false, lineStart: true }
  }

  private runUnguarded(): PreprocessResult {
    for (const s of SPECIALS) {
      this.expander.macros.set(s, { name: s, params: null, variadic: false, body: [], bodyParam: [], complex: false, def: null, special: s })
    }
    // Files are processed innermost first: built-ins, then -D definitions, then the main file.
    const mainLex = this.lexFile(this.main.name, this.main.text, false)
    this.mainEof = mainLex.tokens[mainLex.tokens.length - 1]
    this.open(this.main.name, this.main.name, false, mainLex)
    const prefix = this.opts.cache?.prefixes ? includePrefix(mainLex.tokens, this.opts) : null
    const saved = prefix ? this.opts.cache!.prefixes!.get(prefix.key) : undefined
    if (prefix && saved) {
      this.restore(saved)
      this.files[0].pos = prefix.end
    } else {
      this.prefixToSave = prefix
      const defines = Object.entries(this.opts.defines ?? {})
        .map(([k, v]) => `#define ${k} ${v.replace(/\r?\n/g, ' ')}\n`).join('')
      if (defines) this.open('<command-line>', '<command-line>', false, this.lexFile('<command-line>', defines, false))
      this.open('<built-in>', '<built-in>', true, this.lexFile('<built-in>', PREDEFINED_TEXT[this.opts.target === 'bpf' ? 'bpf' : 'user'], true))
    }

    const out = this.out
    for (;;) {
      const t = this.next()
      if (t.kind === 'eof') break
      if (t.kind === 'ident') {
        if (this.expander.expandMacro(t, this)) continue
      } else if (t.kind === 'punct' && !isCompilerPunct(t.text)) {
        this.diag(t, 'error', `stray '${strayName(t.text)}' in program`)
        continue
      }
      out.push(clean(t))
    }
    const eof = this.mainEof
    out.push({ kind: 'eof', text: '', file: eof.file, line: eof.line, col: eof.col, spaceBefore: eof.spaceBefore, lineStart: true })
    return { tokens: out, diagnostics: this.diagnostics, includes: this.includes }
  }

  // -------------------------------------------------------------------------------------------
  // The include-prefix cache (PreprocessCache.prefixes)

  /** Called when only the main file is open at `pos`: save the state once the prefix is behind us. */
  private maybeSavePrefix(pos: number): void {
    const p = this.prefixToSave
    if (p === null || pos < p.end) return
    this.prefixToSave = null
    if (this.pending.length > 0 || this.fatal || this.diagnostics.some((d) => d.severity === 'error')) return
    this.opts.cache!.prefixes!.set(p.key, {
      tokens: this.out.slice(),
      diagnostics: this.diagnostics.slice(),
      includes: this.includes.slice(),
      included: new Set(this.included),
      pragmaOnce: new Set(this.pragmaOnce),
      lexed: new Map([...this.lexed].filter(([name]) => this.systemNames.has(name) || name === '<built-in>')),
      systemNames: new Set(this.systemNames),
      macros: this.expander.macros.clone(),
      counter: this.expander.counter,
    })
  }

  private restore(s: PrefixState): void {
    this.out = s.tokens.slice()
    this.diagnostics = s.diagnostics.slice()
    this.includes = s.includes.slice()
    this.included = new Set(s.included)
    this.pragmaOnce = new Set(s.pragmaOnce)
    for (const [name, f] of s.lexed) this.lexed.set(name, f)
    this.systemNames = new Set(s.systemNames)
    this.expander.macros = s.macros.clone()
    this.expander.counter = s.counter
  }

  // -------------------------------------------------------------------------------------------
  // Diagnostics

  private diag(tok: Token, severity: Severity, message: string): void {
    const d = diagAt(tok, severity, message)
    if (severity === 'warning' && this.systemNames.has(d.file)) return
    this.diagnostics.push(d)
  }

  // -------------------------------------------------------------------------------------------
  // Files

  private lexFile(name: string, text: string, system: boolean): LexedFile {
    let f = this.lexed.get(name)
    if (f === undefined) {
      // (<built-in> differs per target, so it is not shared)
      const shared = system && name !== '<built-in>' ? this.opts.cache?.headers : undefined
      f = shared?.get(name)
      if (f === undefined) {
        f = lex(text, name, { strayTokens: true })
        shared?.set(name, f)
      }
      this.lexed.set(name, f)
      if (system) this.systemNames.add(name)
    }
    return f
  }

  private open(name: string, key: string, system: boolean, lexed: LexedFile): void {
    this.files.push({
      name, key, system, tokens: lexed.tokens, pos: 0, conds: [],
      lexDiags: lexed.diagnostics, lexDiagPos: 0, lineDelta: 0, presumedName: null,
    })
  }

  /** Find a header: "..." looks next to the including file, then in the user's files, then the system; <...> the system only. */
  private resolve(name: string, angled: boolean): Resolved | null {
    const sys = (key: string): Resolved | null => {
      const text = systemHeaders[key]
      return text === undefined ? null : { name: SYSTEM_INCLUDE_DIR + key, key, system: true, text }
    }
    const user = (key: string): Resolved | null => {
      const files = this.opts.files
      if (!files || !Object.prototype.hasOwnProperty.call(files, key)) return null
      return { name: key, key, system: false, text: files[key] }
    }
    if (name.startsWith('/')) {
      if (name.startsWith(SYSTEM_INCLUDE_DIR)) return sys(normalizePath(name.slice(SYSTEM_INCLUDE_DIR.length)))
      return user(name)
    }
    if (!angled) {
      const from = this.files[this.files.length - 1]
      const dir = from && from.key.includes('/') ? from.key.slice(0, from.key.lastIndexOf('/') + 1) : ''
      const local = normalizePath(dir + name)
      const r = from?.system ? sys(local) : user(local)
      if (r) return r
      return user(normalizePath(name)) ?? sys(normalizePath(name))
    }
    return sys(normalizePath(name))
  }

  // -------------------------------------------------------------------------------------------
  // The token source: innermost file first, directives run as they are met

  pushFront(toks: PPToken[]): void {
    for (let k = toks.length - 1; k >= 0; k--) this.pending.push(toks[k])
  }

  next(): PPToken {
    if (this.pending.length > 0) return this.pending.pop()!
    for (;;) {
      if (this.fatal || this.files.length === 0) return this.mainEof
      const f = this.files[this.files.length - 1]
      if (this.prefixToSave !== null && this.files.length === 1) this.maybeSavePrefix(f.pos)
      const t = f.tokens[f.pos]
      if (t.kind === 'eof') {
        this.endFile(f)
        this.files.pop()
        continue
      }
      if (t.lineStart && t.kind === 'punct' && t.text === '#') {
        this.directive(f)
        continue
      }
      f.pos++
      if (f.lexDiagPos < f.lexDiags.length) this.flushLexDiags(f, t.line, true)
      return f.lineDelta !== 0 || f.presumedName !== null ? relocate(f, t) : t
    }
  }

  private endFile(f: OpenFile): void {
    this.flushLexDiags(f, Infinity, true)
    for (let k = f.conds.length - 1; k >= 0; k--) {
      const c = f.conds[k]
      this.diag(c.openedAt, 'error', `unterminated #${c.current}`)
    }
    f.conds.length = 0
  }

  /**
   * Report the lexer's diagnostics up to `line`. In skipped text (keep = false) gcc only warns about an
   * unterminated quote and drops the rest; an unterminated comment is an error everywhere.
   */
  private flushLexDiags(f: OpenFile, line: number, keep: boolean): void {
    while (f.lexDiagPos < f.lexDiags.length && f.lexDiags[f.lexDiagPos].line <= line) {
      let d = f.lexDiags[f.lexDiagPos++]
      if (!keep && d.message !== 'unterminated comment') {
        if (!d.message.startsWith('missing terminating')) continue
        d = { ...d, severity: 'warning' }
      }
      if (d.severity === 'warning' && this.systemNames.has(d.file)) continue
      this.diagnostics.push(d)
    }
  }

  // -------------------------------------------------------------------------------------------
  // Directives

  /** Run the directive whose '#' is at f.pos; leaves f.pos after its line (or at the next directive to run). */
  private directive(f: OpenFile): void {
    const hash = f.tokens[f.pos]
    let end = f.pos + 1
    while (!f.tokens[end].lineStart && f.tokens[end].kind !== 'eof') end++
    let line = f.tokens.slice(f.pos + 1, end)
    f.pos = end
    if (f.lineDelta !== 0 || f.presumedName !== null) line = line.map((t) => relocate(f, t))
    this.flushLexDiags(f, (line.length ? line[line.length - 1] : hash).line, true)
    if (line.length === 0) return // null directive
    const nameTok = line[0]
    const rest = line.slice(1)
    if (nameTok.kind === 'number') {
      this.lineDirective(f, hash, nameTok, line, true) // gcc line marker: # 33 "file"
      return
    }
    if (nameTok.kind !== 'ident') {
      this.diag(nameTok, 'error', `invalid preprocessing directive #${nameTok.text}`)
      return
    }
    switch (nameTok.text) {
      case 'define': return this.define(nameTok, rest)
      case 'undef': return this.undef(nameTok, rest)
      case 'include':
      case 'include_next':
        return this.include(nameTok, rest)
      case 'import':
        this.diag(nameTok, 'warning', '#import is a deprecated GCC extension')
        return this.include(nameTok, rest, true)
      case 'if': {
        const v = evaluateIfExpression(this.ifTokens(rest, nameTok), nameTok, { diag: (t, s, m) => this.diag(t, s, m) })
        return this.openConditional(f, nameTok, v)
      }
      case 'ifdef':
      case 'ifndef': {
        const name = this.macroNameOperand(nameTok, rest)
        const defined = name !== null && this.expander.macros.has(name)
        return this.openConditional(f, nameTok, name !== null && (nameTok.text === 'ifdef' ? defined : !defined))
      }
      case 'elif':
      case 'else':
      case 'endif':
        return this.continueConditional(f, nameTok, rest)
      case 'error':
      case 'warning':
        this.diag(nameTok, nameTok.text === 'error' ? 'error' : 'warning', `#${nameTok.text}${rest.length ? ' ' + spellLine(rest) : ''}`)
        return
      case 'pragma':
        if (rest.length > 0 && rest[0].kind === 'ident' && rest[0].text === 'once') {
          if (f.name === this.main.name && this.files.length === 1) this.diag(rest[0], 'warning', '#pragma once in main file')
          this.pragmaOnce.add(f.name)
        }
        return // other pragmas (GCC diagnostic, pack, ...) are ignored
      case 'line':
        return this.lineDirective(f, hash, nameTok, rest, false)
      case 'ident':
      case 'sccs':
      case 'assert':
      case 'unassert':
        return
      default:
        this.diag(nameTok, 'error', `invalid preprocessing directive #${nameTok.text}`)
    }
  }

  private macroNameOperand(dir: Token, rest: Token[]): string | null {
    if (rest.length === 0) {
      this.diag(after(dir), 'error', `no macro name given in #${dir.text} directive`)
      return null
    }
    if (rest[0].kind !== 'ident') {
      this.diag(rest[0], 'error', 'macro names must be identifiers')
      return null
    }
    if (rest.length > 1) this.diag(rest[1], 'warning', `extra tokens at end of #${dir.text} directive`)
    return rest[0].text
  }

  private define(dir: Token, rest: Token[]): void {
    const m = parseDefinition(rest, dir, { diag: (t, sev, msg) => this.diag(t, sev, msg) })
    if (m === null) return
    const old = this.expander.macros.get(m.name)
    if (old !== undefined) {
      if (old.special) {
        this.diag(m.def!, 'warning', `"${m.name}" redefined`)
      } else if (!sameDefinition(old, m)) {
        this.diag(m.def!, 'warning', `"${m.name}" redefined`)
        if (old.def && !this.systemNames.has(m.def!.file)) this.diagnostics.push({ ...diagAt(old.def, 'note', 'this is the location of the previous definition') })
      } else {
        return // an identical redefinition changes nothing (the first stays "the previous definition")
      }
    }
    this.expander.macros.set(m.name, m)
  }

  private undef(dir: Token, rest: Token[]): void {
    const name = this.macroNameOperand(dir, rest)
    if (name === null) return
    if (name === 'defined') {
      this.diag(rest[0], 'error', '"defined" cannot be used as a macro name')
      return
    }
    const m = this.expander.macros.get(name)
    if (m?.special) this.diag(rest[0], 'warning', `undefining "${name}"`)
    this.expander.macros.delete(name)
  }

  private include(dir: Token, rest: Token[], once = false): void {
    const operand = this.headerName(dir, rest)
    if (operand === null) return
    const { name, angled, at, extra } = operand
    if (extra) this.diag(extra, 'warning', `extra tokens at end of #${dir.text} directive`)
    if (name === '') {
      this.diag(at, 'error', `empty filename in #${dir.text}`)
      return
    }
    if (this.files.length > MAX_INCLUDE_DEPTH) {
      this.diag(at, 'error', `#include nested depth ${this.files.length - 1} exceeds maximum of ${MAX_INCLUDE_DEPTH} (use -fmax-include-depth=DEPTH to increase the maximum)`)
      this.fatal = true
      return
    }
    const r = this.resolve(name, angled)
    if (r === null) {
      this.diag(at, 'error', `${name}: No such file or directory`)
      if (name === 'vmlinux.h' || name.endsWith('/vmlinux.h')) {
        this.diagnostics.push(diagAt(at, 'note', 'vmlinux.h (generated by bpftool from kernel BTF) is not available here; include <linux/bpf.h>, <linux/types.h> and <bpf/bpf_helpers.h> instead'))
      }
      this.fatal = true // gcc: "compilation terminated."
      return
    }
    if (once) this.pragmaOnce.add(r.name)
    if (this.pragmaOnce.has(r.name) && this.included.has(r.name)) return
    const lexed = this.lexFile(r.name, r.text, r.system)
    if (this.included.has(r.name)) {
      if (lexed.guard === undefined) lexed.guard = findIncludeGuard(lexed.tokens)
      if (lexed.guard !== null && this.expander.macros.has(lexed.guard)) return
    }
    if (!this.included.has(r.name)) {
      this.included.add(r.name)
      this.includes.push(r.name)
    }
    this.open(r.name, r.key, r.system, lexed)
  }

  /** The operand of #include: "file", <file>, or macros that expand to one of those. */
  private headerName(dir: Token, rest: Token[]): { name: string; angled: boolean; at: Token; extra?: Token } | null {
    let toks = rest
    if (toks.length === 0) {
      this.diag(dir, 'error', `#${dir.text} expects "FILENAME" or <FILENAME>`)
      return null
    }
    if (!(toks[0].kind === 'string' && toks[0].text.startsWith('"')) && !(toks[0].kind === 'punct' && toks[0].text === '<')) {
      toks = this.expander.expandList(toks, dir)
      if (toks.length === 0) {
        this.diag(dir, 'error', `#${dir.text} expects "FILENAME" or <FILENAME>`)
        return null
      }
    }
    const first = toks[0]
    if (first.kind === 'string' && first.text.startsWith('"')) {
      return { name: first.text.slice(1, -1), angled: false, at: first, extra: toks[1] }
    }
    if (first.kind === 'punct' && first.text === '<') {
      let name = ''
      for (let k = 1; k < toks.length; k++) {
        const t = toks[k]
        if (t.kind === 'punct' && t.text === '>') return { name, angled: true, at: first, extra: toks[k + 1] }
        if (k > 1 && t.spaceBefore) name += ' '
        name += t.text
      }
      this.diag(first, 'error', `missing terminating > character`)
      return null
    }
    this.diag(first, 'error', `#${dir.text} expects "FILENAME" or <FILENAME>`)
    return null
  }

  private lineDirective(f: OpenFile, hash: Token, dir: Token, operands: Token[], marker: boolean): void {
    let toks = operands
    if (toks.length > 0 && toks[0].kind !== 'number') toks = this.expander.expandList(toks, dir)
    const num = toks[0]
    if (num === undefined) {
      this.diag(dir, 'error', `unexpected end of file after #line`)
      return
    }
    if (num.kind !== 'number' || !/^[0-9]+$/.test(num.text)) {
      this.diag(num, 'error', `"${num.text}" after #${marker ? '' : 'line'} is not a positive integer`.replace('# ', '# '))
      return
    }
    let presumed: string | null = f.presumedName
    const fileTok = toks[1]
    if (fileTok !== undefined) {
      if (fileTok.kind !== 'string' || !fileTok.text.startsWith('"')) {
        this.diag(fileTok, 'error', `invalid filename "${fileTok.text}"`)
        return
      }
      presumed = String.fromCharCode(...decodeStringLiteral(fileTok.text).units)
      if (!marker && toks.length > 2) this.diag(toks[2], 'warning', 'extra tokens at end of #line directive')
    }
    // the line after the directive gets number N
    const rawNextLine = (operands.length ? operands[operands.length - 1] : hash).line - f.lineDelta + 1
    f.lineDelta = Number(num.text) - rawNextLine
    f.presumedName = presumed === f.name ? null : presumed
  }

  // -------------------------------------------------------------------------------------------
  // Conditionals

  private openConditional(f: OpenFile, dir: Token, take: boolean): void {
    f.conds.push({ current: dir.text, openedAt: dir, taken: take, sawElse: false })
    if (!take) this.skipGroup(f)
  }

  /** #elif / #else / #endif, reached either at the end of a taken group or from skipGroup. */
  private continueConditional(f: OpenFile, dir: Token, rest: Token[]): void {
    const c = f.conds[f.conds.length - 1]
    if (c === undefined) {
      this.diag(dir, 'error', `#${dir.text} without #if`)
      return
    }
    if (dir.text === 'endif') {
      if (rest.length > 0) this.diag(rest[0], 'warning', 'extra tokens at end of #endif directive')
      f.conds.pop()
      return
    }
    if (c.sawElse) {
      this.diag(dir, 'error', `#${dir.text} after #else`)
      this.diagnostics.push(diagAt(c.openedAt, 'note', 'the conditional began here'))
    }
    c.current = dir.text
    if (dir.text === 'else') {
      if (rest.length > 0) this.diag(rest[0], 'warning', 'extra tokens at end of #else directive')
      c.sawElse = true
      if (c.taken) this.skipGroup(f)
      else c.taken = true
      return
    }
    // #elif: not evaluated when an earlier group was taken (as gcc)
    if (c.taken) {
      this.skipGroup(f)
      return
    }
    const v = evaluateIfExpression(this.ifTokens(rest, dir), dir, { diag: (t, s, m) => this.diag(t, s, m) })
    if (v) c.taken = true
    else this.skipGroup(f)
  }

  /** Skip a group: stop at the #elif/#else/#endif that closes it (f.pos at its '#'), or at end of file. */
  private skipGroup(f: OpenFile): void {
    const toks = f.tokens
    let depth = 0
    let k = f.pos
    for (;;) {
      const t = toks[k]
      if (t.kind === 'eof') break
      if (t.lineStart && t.kind === 'punct' && t.text === '#') {
        const d = toks[k + 1]
        if (d.kind === 'ident' && !d.lineStart) {
          const n = d.text
          if (n === 'if' || n === 'ifdef' || n === 'ifndef') depth++
          else if (n === 'endif') {
            if (depth === 0) break
            depth--
          } else if ((n === 'elif' || n === 'else') && depth === 0) break
        }
      }
      k++
    }
    f.pos = k
    this.flushLexDiags(f, toks[k].line - 1, false)
  }

  /** The tokens of a #if / #elif operand with `defined`, `__has_include(...)` etc. replaced and macros expanded. */
  private ifTokens(rest: Token[], dir: Token): Token[] {
    const eof: PPToken = { kind: 'eof', text: '', file: dir.file, line: dir.line, col: dir.col, spaceBefore: false, lineStart: true }
    const src = new ListSource(rest, eof)
    const out: Token[] = []
    const num = (t: Token, v: boolean): Token => ({ kind: 'number', text: v ? '1' : '0', file: t.file, line: t.line, col: t.col, spaceBefore: t.spaceBefore, lineStart: false, expandedFrom: t.expandedFrom })
    for (;;) {
      const t = src.next()
      if (t.kind === 'eof') return out
      if (t.kind !== 'ident') { out.push(t); continue }
      if (t.text === 'defined') {
        let x = src.next()
        const paren = x.kind === 'punct' && x.text === '('
        if (paren) x = src.next()
        if (x.kind !== 'ident') {
          this.diag(x.kind === 'eof' ? after(t) : x, 'error', 'operator "defined" requires an identifier')
          return [num(t, false), ...(x.kind === 'eof' ? [] : [x])] // let the evaluator give up on what follows
        }
        if (paren) {
          const close = src.next()
          if (close.kind !== 'punct' || close.text !== ')') {
            this.diag(close.kind === 'eof' ? x : close, 'error', `missing ')' after "defined"`)
            return [num(t, false), t]
          }
        }
        out.push(num(t, this.expander.macros.has(x.text)))
        continue
      }
      if (t.text === '__has_include' || t.text === '__has_include_next') {
        const inner = this.expander.readParenthesised(t, src)
        if (inner === null) return [num(t, false), t]
        const h = this.headerName(t, inner.length && inner[0].kind === 'ident' ? this.expander.expandList(inner, t) : inner)
        out.push(num(t, h !== null && this.resolve(h.name, h.angled) !== null))
        continue
      }
      if (t.text === '__has_builtin' || t.text === '__has_attribute' || t.text === '__has_cpp_attribute' || t.text === '__has_feature' || t.text === '__has_extension') {
        const inner = this.expander.readParenthesised(t, src)
        if (inner === null) return [num(t, false), t]
        const name = inner.length === 1 && inner[0].kind === 'ident' ? inner[0].text : null
        if (name === null) this.diag(t, 'error', `macro "${t.text}" requires an identifier`)
        const yes = name !== null && (t.text === '__has_builtin' ? hasBuiltin(name) : t.text === '__has_attribute' ? hasAttribute(name) : false)
        out.push(num(t, yes))
        continue
      }
      if (this.expander.expandMacro(t, src)) continue
      out.push(t)
    }
  }
}

// ---------------------------------------------------------------------------------------------

/** A zero-width position just after `t` (where gcc reports a missing operand). */
function after(t: Token): Token {
  return { ...t, text: '', col: t.col + t.text.length }
}

/** A token for the parser: no hide set, no undefined expandedFrom key. */
function clean(t: PPToken): Token {
  if (t.hide === undefined && !('expandedFrom' in t && t.expandedFrom === undefined)) return t
  const c: Token = { kind: t.kind, text: t.text, file: t.file, line: t.line, col: t.col, spaceBefore: t.spaceBefore, lineStart: t.lineStart }
  if (t.expandedFrom !== undefined) c.expandedFrom = t.expandedFrom
  return c
}

function relocate(f: OpenFile, t: Token): Token {
  return { ...t, line: t.line + f.lineDelta, file: f.presumedName ?? t.file }
}

/** The rest of a directive line as written (single spaces where there was whitespace). */
function spellLine(toks: Token[]): string {
  let s = ''
  for (let k = 0; k < toks.length; k++) {
    if (k > 0 && toks[k].spaceBefore) s += ' '
    s += toks[k].text
  }
  return s
}

/** `X` if the whole file is `#ifndef X` ... `#endif` (nothing outside), else null. */
function findIncludeGuard(toks: Token[]): string | null {
  const isDir = (k: number, name: string) => toks[k]?.lineStart && toks[k].kind === 'punct' && toks[k].text === '#' && toks[k + 1]?.kind === 'ident' && toks[k + 1].text === name && !toks[k + 1].lineStart
  if (!isDir(0, 'ifndef') || toks[2]?.kind !== 'ident' || toks[2].lineStart) return null
  const guard = toks[2].text
  let depth = 0
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]
    if (!(t.lineStart && t.kind === 'punct' && t.text === '#')) continue
    const d = toks[k + 1]
    if (d.kind !== 'ident' || d.lineStart) continue
    if (d.text === 'if' || d.text === 'ifdef' || d.text === 'ifndef') depth++
    else if ((d.text === 'elif' || d.text === 'else') && depth === 1) return null
    else if (d.text === 'endif' && --depth === 0) {
      // only end of file may follow this #endif's line
      let j = k + 2
      while (!toks[j].lineStart && toks[j].kind !== 'eof') j++
      return toks[j].kind === 'eof' ? guard : null
    }
  }
  return null
}

function normalizePath(p: string): string {
  const out: string[] = []
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') out.pop()
    else out.push(part)
  }
  return out.join('/')
}

/**
 * Tokens back to text, for tests and debugging (`gcc -E` style, without line markers): a newline
 * before each token that started a line, one space where there was whitespace.
 */
export function spellTokens(tokens: readonly Token[]): string {
  let s = ''
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]
    if (t.kind === 'eof') break
    if (k > 0) s += t.lineStart && !t.expandedFrom ? '\n' : t.spaceBefore || t.lineStart ? ' ' : ''
    s += t.text
  }
  return s
}
