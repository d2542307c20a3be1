/**
 * Tokens: what the lexer makes and the preprocessor passes on to the parser.
 * A token remembers where it was written (file, line, col) so every diagnostic can point at
 * the user's text, also for tokens that came out of a macro expansion (`expandedFrom`).
 */

export type TokenKind =
  | 'ident' // identifiers and keywords (the parser decides which are keywords)
  | 'number' // integer or floating literal, text as written (suffixes included)
  | 'char' // character literal, text as written including quotes and prefix
  | 'string' // string literal, text as written including quotes and prefix
  | 'punct' // operators and punctuation: text is the exact spelling, e.g. '>>=', '...', '#', '##'
  | 'eof'

export interface Token {
  kind: TokenKind
  text: string
  file: string
  line: number // 1-based
  col: number // 1-based, in characters
  /** Whitespace (or a comment) came before this token on the same line. */
  spaceBefore: boolean
  /** First token on its line (after line continuations are joined). */
  lineStart: boolean
  /** For tokens produced by a macro expansion: the macro-use token in the user's source. */
  expandedFrom?: Token
}
