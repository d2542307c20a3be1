/**
 * A pre-order walk over the typed tree (ast.ts): every statement and every expression under a
 * statement or expression, into statement expressions, compound literals and the element counts
 * of variable-length array types, which all run. For the analyses that only look (codegen's
 * number locals, the XDP loop checks), not for code generation.
 */
import type { TExpr, TStmt } from './ast'
import type { CType } from './types'

export interface TreeVisitor {
  expr?(e: TExpr): void
  stmt?(s: TStmt): void
}

export function walkStmt(s: TStmt, v: TreeVisitor): void {
  v.stmt?.(s)
  for (const e of stmtExprs(s)) walkExpr(e, v)
  for (const c of childStmts(s)) walkStmt(c, v)
}

export function walkExpr(e: TExpr, v: TreeVisitor): void {
  v.expr?.(e)
  switch (e.k) {
    case 'int': case 'flt': case 'str': case 'var': case 'func': break
    case 'deref': case 'addr': case 'not': case 'neg': case 'bitnot': case 'member': walkExpr(e.e, v); break
    case 'cast':
      for (const n of vlaCounts(e.ty)) walkExpr(n, v)
      walkExpr(e.e, v)
      break
    case 'bin': case 'cmp': case 'land': case 'lor': case 'pdiff': case 'comma': case 'assign': case 'opassign':
      walkExpr(e.l, v)
      walkExpr(e.r, v)
      break
    case 'incdec': walkExpr(e.l, v); break
    case 'padd':
      walkExpr(e.p, v)
      walkExpr(e.i, v)
      if (typeof e.size !== 'number') walkExpr(e.size, v)
      break
    case 'cond': walkExpr(e.c, v); walkExpr(e.t, v); walkExpr(e.f, v); break
    case 'call': walkExpr(e.fn, v); for (const a of e.args) walkExpr(a, v); break
    case 'stmtexpr':
      for (const s of e.body) walkStmt(s, v)
      if (e.result) walkExpr(e.result, v)
      break
    case 'compound': for (const it of e.init.items) walkExpr(it.e, v); break
    case 'builtin': for (const a of e.args) walkExpr(a, v); break
  }
}

/** The expressions a statement evaluates itself (not those of the statements inside it). */
export function stmtExprs(s: TStmt): TExpr[] {
  switch (s.k) {
    case 'expr': return [s.e]
    // (a VLA's count, decl.vlaCount, is its type's)
    case 'decl': return [...vlaCounts(s.sym.type), ...(s.init?.items.map((i) => i.e) ?? [])]
    case 'if': case 'while': case 'do': return [s.c]
    case 'for': return [s.c, s.step].filter((e): e is TExpr => e !== null)
    case 'switch': return [s.e]
    case 'return': return s.e ? [s.e] : []
    default: return []
  }
}

/** The statements directly inside a statement. */
export function childStmts(s: TStmt): TStmt[] {
  switch (s.k) {
    case 'block': return s.body
    case 'if': return s.f ? [s.t, s.f] : [s.t]
    case 'while': case 'do': case 'switch': case 'case': case 'default': case 'label': return [s.body]
    case 'for': return [...s.init, s.body]
    default: return []
  }
}

/** The element counts of the variable-length arrays in a type (int (*p)[n], char buf[n]). */
function vlaCounts(t: CType): TExpr[] {
  const out: TExpr[] = []
  for (let x: CType = t; ; ) {
    if (x.k === 'array') {
      if (x.vla) out.push(x.vla.count)
      x = x.of
    } else if (x.k === 'ptr') x = x.to
    else return out
  }
}
