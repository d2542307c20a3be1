/**
 * The two trees of the compiler.
 *
 * 1. The syntax tree (`Expr`, `Stmt`, `ExternalDecl`, ...) is what `parse` builds: C as written, types
 *    still as declaration specifiers + declarators, identifiers still names.
 * 2. The typed tree (`TExpr`, `TStmt`, `TFunction`, `TUnit`) is what `check` builds from it: every
 *    name resolved to a symbol, every expression typed, every implicit conversion an explicit `cast`
 *    node, lvalues and decays explicit, initialisers flattened to (offset, type, value) lists. The code
 *    generator only reads the typed tree, so it never has to know C's conversion rules.
 */

import type { Token } from './token'
import type { CType, FuncT, MemberPath } from './types'

export interface Pos {
  file: string
  line: number
  col: number
}

// ===================================================================================================
// Syntax tree
// ===================================================================================================

/** `__attribute__((name(args)))`; name without surrounding underscores (`__packed__` -> `packed`). */
export interface Attr {
  name: string
  args: Expr[]
  pos: Pos
}

export type StorageClass = 'typedef' | 'extern' | 'static' | 'auto' | 'register'

export type TypeSpec =
  /** keyword specifiers as written (`unsigned`, `long`, `long`, `int`); empty = implicit int */
  | { k: 'basic'; words: string[]; pos: Pos }
  | { k: 'typedef'; name: string; pos: Pos }
  | { k: 'record'; kind: 'struct' | 'union'; tag: string | null; members: MemberDeclSyntax[] | null; attrs: Attr[]; pos: Pos }
  | { k: 'enum'; tag: string | null; items: EnumItem[] | null; attrs: Attr[]; pos: Pos }
  | { k: 'typeof'; expr?: Expr; type?: TypeName; pos: Pos }

export interface EnumItem {
  name: string
  value: Expr | null
  pos: Pos
}

export interface DeclSpecs {
  pos: Pos
  storage: StorageClass | null
  inline: boolean
  noreturn: boolean
  thread: boolean
  const: boolean
  volatile: boolean
  spec: TypeSpec
  attrs: Attr[]
  alignas: (Expr | TypeName)[]
  /** the first token was `__extension__` etc.; nothing semantic */
}

export type Derived =
  | { k: 'ptr'; const: boolean; volatile: boolean; attrs: Attr[] }
  | { k: 'array'; size: Expr | null; pos: Pos }
  | { k: 'func'; params: Param[]; variadic: boolean; /** false for `()` and K&R identifier lists */ proto: boolean; krNames: string[]; pos: Pos }

export interface Declarator {
  /** null for abstract declarators */
  name: string | null
  pos: Pos
  /** type derivations in the order they apply to the base type (the one nearest the base first) */
  derived: Derived[]
  attrs: Attr[]
}

export interface Param {
  specs: DeclSpecs
  decl: Declarator
  pos: Pos
}

export interface TypeName {
  specs: DeclSpecs
  decl: Declarator
  pos: Pos
}

export interface MemberDeclSyntax {
  specs: DeclSpecs
  /** no declarators: anonymous struct/union member (or a useless declaration) */
  items: { decl: Declarator; bitWidth: Expr | null; pos: Pos }[]
  pos: Pos
}

export type Designator =
  | { k: 'field'; name: string; pos: Pos }
  | { k: 'index'; e: Expr; hi?: Expr; pos: Pos }

export type Initializer =
  | { k: 'expr'; e: Expr; pos: Pos }
  | { k: 'list'; items: { desig: Designator[]; init: Initializer; pos: Pos }[]; pos: Pos }

export interface InitDeclarator {
  decl: Declarator
  init: Initializer | null
  pos: Pos
}

export interface Declaration {
  k: 'declaration'
  specs: DeclSpecs
  items: InitDeclarator[]
  pos: Pos
}

export interface FunctionDef {
  k: 'funcdef'
  specs: DeclSpecs
  decl: Declarator
  /** K&R parameter declarations between `)` and `{` */
  krDecls: Declaration[]
  body: Block
  pos: Pos
}

export interface StaticAssert {
  k: 'static_assert'
  cond: Expr
  message: Token | null
  pos: Pos
}

/**
 * A function prototype in a system header, skipped by the parser: `parse()` reads it when the
 * checker first needs the name (headers declare hundreds of functions a program never calls).
 */
export interface LazyPrototype {
  k: 'lazyproto'
  name: string
  pos: Pos
  parse(): { decl: Declaration | null; diagnostics: import('./api').Diagnostic[] }
}

export type ExternalDecl = Declaration | FunctionDef | StaticAssert | LazyPrototype

export interface Block {
  k: 'block'
  items: Stmt[]
  pos: Pos
  end: Pos
}

export type Stmt =
  | Block
  | { k: 'decl'; d: Declaration; pos: Pos }
  | { k: 'static_assert'; s: StaticAssert; pos: Pos }
  | { k: 'expr'; e: Expr | null; pos: Pos }
  | { k: 'if'; cond: Expr; then: Stmt; else: Stmt | null; pos: Pos }
  | { k: 'while'; cond: Expr; body: Stmt; pos: Pos }
  | { k: 'do'; body: Stmt; cond: Expr; pos: Pos }
  | { k: 'for'; init: Declaration | Expr | null; cond: Expr | null; step: Expr | null; body: Stmt; pos: Pos }
  | { k: 'switch'; e: Expr; body: Stmt; pos: Pos }
  | { k: 'case'; lo: Expr; hi: Expr | null; body: Stmt; pos: Pos }
  | { k: 'default'; body: Stmt; pos: Pos }
  | { k: 'break'; pos: Pos }
  | { k: 'continue'; pos: Pos }
  | { k: 'return'; e: Expr | null; pos: Pos }
  | { k: 'goto'; label: string; pos: Pos }
  | { k: 'label'; name: string; body: Stmt; pos: Pos }
  /** a statement the parser could not read (already reported) */
  | { k: 'bad'; pos: Pos }

export type Expr =
  | { k: 'num'; text: string; pos: Pos }
  | { k: 'char'; text: string; pos: Pos }
  | { k: 'str'; toks: Token[]; pos: Pos }
  | { k: 'ident'; name: string; pos: Pos }
  | { k: 'unary'; op: '-' | '+' | '!' | '~' | '*' | '&' | '++' | '--'; e: Expr; pos: Pos }
  | { k: 'postfix'; op: '++' | '--'; e: Expr; pos: Pos }
  | { k: 'binary'; op: string; l: Expr; r: Expr; pos: Pos }
  | { k: 'assign'; op: string; l: Expr; r: Expr; pos: Pos }
  /** t is null for GNU `a ?: b` */
  | { k: 'cond'; c: Expr; t: Expr | null; f: Expr; pos: Pos }
  | { k: 'comma'; l: Expr; r: Expr; pos: Pos }
  | { k: 'call'; fn: Expr; args: Expr[]; pos: Pos; end: Pos }
  | { k: 'index'; a: Expr; i: Expr; pos: Pos }
  | { k: 'member'; e: Expr; name: string; arrow: boolean; pos: Pos; namePos: Pos }
  | { k: 'cast'; tn: TypeName; e: Expr; pos: Pos }
  | { k: 'compound'; tn: TypeName; init: Initializer & { k: 'list' }; pos: Pos }
  | { k: 'sizeof'; e?: Expr; tn?: TypeName; pos: Pos }
  | { k: 'alignof'; e?: Expr; tn?: TypeName; pos: Pos }
  | { k: 'stmtexpr'; body: Block; pos: Pos }
  | { k: 'offsetof'; tn: TypeName; path: ({ k: 'field'; name: string; pos: Pos } | { k: 'index'; e: Expr; pos: Pos })[]; pos: Pos }
  | { k: 'typescompat'; a: TypeName; b: TypeName; pos: Pos }
  | { k: 'vaarg'; ap: Expr; tn: TypeName; pos: Pos }

export interface TranslationUnit {
  decls: ExternalDecl[]
}

// ===================================================================================================
// Symbols
// ===================================================================================================

export interface VarSym {
  kind: 'var'
  name: string
  type: CType
  /** global: file scope or static local (data segment); local/param: function frame or JS variable */
  storage: 'global' | 'local' | 'param'
  isStatic: boolean
  isExtern: boolean
  /** file-scope object with a definition (initialised or tentative) in this program */
  defined: boolean
  /** locals/params: & was applied (or the object is an aggregate): lives in the stack frame */
  addrTaken: boolean
  pos: Pos
  id: number
  section?: string
  /** static storage: the initialiser, if any */
  init?: InitPlan | null
  /** locals: VLA whose element count is in `vlaCount` */
  vlaCount?: VarSym
  /** hidden variables made by the compiler (VLA sizes, compound literals) */
  hidden?: boolean
  /** a `static` variable declared inside a function */
  localStatic?: boolean
  /** references that read the value (not the targets of plain `=`): for -Wunused-but-set-variable */
  reads?: number
  /** `static int (*f)(...) = (void *)1;` style BPF helper: calls through it become imports */
  helperImport?: string
  used: boolean
  attrs?: Attr[]
}

export interface FuncSym {
  kind: 'func'
  name: string
  type: FuncT
  pos: Pos
  defined: boolean
  isStatic: boolean
  inline: boolean
  section?: string
  /** printf-style format checking: 1-based index of the format and of the first checked argument */
  format?: { fmt: number; first: number; kind: 'printf' | 'scanf' }
  implicit: boolean
  used: boolean
  /** first place the function is used (for Program.imports) */
  usePos?: Pos
  /** position in the function table (function pointer values) */
  tableIndex: number
  id: number
  def?: TFunction
  /** a file-scope prototype whose type is worked out on first use (headers declare hundreds) */
  lazy?: () => void
}

export interface TypedefSym {
  kind: 'typedef'
  name: string
  type: CType
  pos: Pos
}

export interface EnumConstSym {
  kind: 'enumconst'
  name: string
  value: bigint
  type: CType
  pos: Pos
}

export type Sym = VarSym | FuncSym | TypedefSym | EnumConstSym

// ===================================================================================================
// Typed tree
// ===================================================================================================

export type BinOp = '+' | '-' | '*' | '/' | '%' | '<<' | '>>' | '&' | '|' | '^'
export type CmpOp = '<' | '>' | '<=' | '>=' | '==' | '!='

export type TExpr = { ty: CType; pos: Pos } & (
  | { k: 'int'; v: bigint }
  | { k: 'flt'; v: number }
  /** a string literal: an array object in the data segment (ty = char[n]) */
  | { k: 'str'; bytes: Uint8Array }
  | { k: 'var'; sym: VarSym }
  | { k: 'func'; sym: FuncSym }
  | { k: 'deref'; e: TExpr }
  | { k: 'member'; e: TExpr; path: MemberPath }
  /** address of an lvalue; also array-to-pointer and function-to-pointer decay */
  | { k: 'addr'; e: TExpr }
  /** scalar conversion from e.ty to ty (or to void) */
  | { k: 'cast'; e: TExpr }
  /** arithmetic with both operands of type ty (shifts: right operand of any promoted integer type) */
  | { k: 'bin'; op: BinOp; l: TExpr; r: TExpr }
  /** comparison of two operands of the same type; ty = int */
  | { k: 'cmp'; op: CmpOp; l: TExpr; r: TExpr }
  /** pointer +/- integer, step `size` bytes */
  | { k: 'padd'; p: TExpr; i: TExpr; size: number | TExpr; neg: boolean }
  /** pointer - pointer, in elements of `size` bytes; ty = long */
  | { k: 'pdiff'; l: TExpr; r: TExpr; size: number }
  | { k: 'land' | 'lor'; l: TExpr; r: TExpr }
  | { k: 'not' | 'neg' | 'bitnot'; e: TExpr }
  /** l = r (r already converted to l's type; records: byte copy) */
  | { k: 'assign'; l: TExpr; r: TExpr }
  /** l op= r computed in opTy (r converted to opTy; for pointers opTy = l.ty and step = size) */
  | { k: 'opassign'; op: BinOp; l: TExpr; r: TExpr; opTy: CType; size?: number }
  | { k: 'incdec'; l: TExpr; inc: boolean; post: boolean; size?: number }
  | { k: 'cond'; c: TExpr; t: TExpr; f: TExpr }
  | { k: 'comma'; l: TExpr; r: TExpr }
  /** fn: a function designator (k 'func') or a pointer to function; varTypes: promoted types of the `...` args */
  | { k: 'call'; fn: TExpr; fty: FuncT; args: TExpr[]; nfixed: number; sret?: VarSym }
  | { k: 'stmtexpr'; body: TStmt[]; result: TExpr | null }
  /** compound literal / temporary object: `tmp` initialised with `init`, then used as an lvalue */
  | { k: 'compound'; tmp: VarSym; init: InitPlan }
  | { k: 'builtin'; name: string; args: TExpr[]; elem?: CType }
)

/** A flattened initialiser: zero the object (when `zero`), then store each item. */
export interface InitPlan {
  size: number
  zero: boolean
  items: InitItem[]
}

export interface InitItem {
  off: number
  ty: CType
  /** scalar value converted to ty; or a record-typed lvalue to copy; or a string literal for a char array */
  e: TExpr
  bitOffset?: number
  bitWidth?: number
}

export type TStmt =
  | { k: 'expr'; e: TExpr; sid: number }
  | { k: 'decl'; sym: VarSym; init: InitPlan | null; vlaCount?: TExpr; sid: number }
  | { k: 'block'; body: TStmt[]; hasVla: boolean }
  | { k: 'if'; c: TExpr; t: TStmt; f: TStmt | null; sid: number }
  | { k: 'while'; c: TExpr; body: TStmt; sid: number }
  | { k: 'do'; body: TStmt; c: TExpr; sid: number }
  | { k: 'for'; init: TStmt[]; c: TExpr | null; step: TExpr | null; body: TStmt; sid: number }
  | { k: 'switch'; e: TExpr; body: TStmt; sid: number }
  | { k: 'case'; lo: bigint; hi: bigint; body: TStmt; sid: number }
  | { k: 'default'; body: TStmt; sid: number }
  | { k: 'break'; sid: number }
  | { k: 'continue'; sid: number }
  | { k: 'return'; e: TExpr | null; sid: number }
  | { k: 'goto'; label: string; sid: number }
  | { k: 'label'; name: string; body: TStmt }
  | { k: 'empty' }

export interface TFunction {
  sym: FuncSym
  params: VarSym[]
  body: TStmt[]
  /** sid of the function entry (position of the name) */
  sid: number
  /** every local variable, including hidden ones */
  locals: VarSym[]
  /** struct return: the address of the caller's result object arrives as the first JS parameter */
  sretParam: boolean
}

export interface TUnit {
  functions: TFunction[]
  /** file-scope objects and static locals, in declaration order */
  globals: VarSym[]
  /** every function symbol (defined or not) */
  funcs: FuncSym[]
  statements: Pos[]
}
