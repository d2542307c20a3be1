/**
 * The `#if` / `#elif` constant-expression evaluator (C11 6.10.1).
 *
 * Input: the directive's tokens after macro expansion, with `defined`, `__has_include` and friends
 * already replaced by 0/1. Arithmetic is done as the standard says for the preprocessor: every
 * integer has the type intmax_t or uintmax_t (64 bits on x86-64), the usual arithmetic conversions
 * make a mixed operation unsigned (so `-1 < 0u` is false), results wrap at 64 bits. Identifiers left
 * after expansion are 0. Errors (division by zero, missing operands, floats, strings) are reported
 * with gcc's wording, only for the parts that are evaluated (`0 && 1/0` is fine).
 */

import type { Severity } from './api'
import { decodeCharLiteral, parseNumber } from './lex'
import type { Token } from './token'

interface Value {
  v: bigint // already wrapped to 64 bits: signed range if !u, unsigned range if u
  u: boolean
}

export interface ExprHost {
  diag(tok: Token, severity: Severity, message: string): void
}

class ExprError extends Error {}

const BINARY_PRECEDENCE: Record<string, number> = {
  '*': 10, '/': 10, '%': 10,
  '+': 9, '-': 9,
  '<<': 8, '>>': 8,
  '<': 7, '>': 7, '<=': 7, '>=': 7,
  '==': 6, '!=': 6,
  '&': 5,
  '^': 4,
  '|': 3,
  '&&': 2,
  '||': 1,
}

const wrap = (v: bigint, u: boolean): Value => ({ v: u ? BigInt.asUintN(64, v) : BigInt.asIntN(64, v), u })

/**
 * Evaluate a #if expression. Returns its truth value; on an error (reported) returns false, as gcc
 * treats the group as not taken.
 */
export function evaluateIfExpression(toks: Token[], directive: Token, host: ExprHost): boolean {
  if (toks.length === 0) {
    host.diag({ ...directive, text: '', col: directive.col + directive.text.length }, 'error', `#${directive.text} with no expression`)
    return false
  }
  let i = 0
  // depth of unevaluated context (right of a decided && / ||, unused ?: branch)
  let skip = 0
  const fail = (t: Token, message: string): never => {
    host.diag(t, 'error', message)
    throw new ExprError(message)
  }
  const spell = (t: Token) => (t.kind === 'eof' ? '' : t.text)

  function primary(): Value {
    const t = toks[i]
    if (t === undefined) return fail(toks[toks.length - 1], `#${directive.text} with no expression`)
    i++
    if (t.kind === 'number') {
      const n = parseNumber(t.text)
      if (n.kind === 'float') return fail(t, 'floating constant in preprocessor expression')
      if (n.kind === 'error') return fail(t, n.message)
      let u = n.unsigned
      if (n.value >= 1n << 64n) {
        if (skip === 0) host.diag(t, 'warning', 'integer constant is too large for its type')
        u = true
      } else if (!u && n.value >= 1n << 63n) {
        if (!n.nonDecimal && skip === 0) host.diag(t, 'warning', 'integer constant is so large that it is unsigned')
        u = true
      }
      return wrap(n.value, u)
    }
    if (t.kind === 'char') {
      const c = decodeCharLiteral(t.text)
      for (const p of c.problems) if (p.severity === 'error') fail(t, p.message)
      return { v: BigInt(c.value), u: c.prefix === 'u' || c.prefix === 'U' }
    }
    if (t.kind === 'ident') return { v: 0n, u: false } // identifiers left after expansion are 0
    if (t.kind === 'punct') {
      switch (t.text) {
        case '(': {
          if (toks[i]?.text === ')' && toks[i].kind === 'punct') fail(t, "missing expression between '(' and ')'")
          const v = comma()
          const close = toks[i]
          if (!close || close.kind !== 'punct' || close.text !== ')') fail(close ?? t, "missing ')' in expression")
          i++
          return v
        }
        case '+': return unaryOperand(t)
        case '-': { const a = unaryOperand(t); return wrap(-a.v, a.u) }
        case '~': { const a = unaryOperand(t); return wrap(~a.v, a.u) }
        case '!': { const a = unaryOperand(t); return { v: a.v === 0n ? 1n : 0n, u: false } }
      }
      if (t.text in BINARY_PRECEDENCE || t.text === '?' || t.text === ':' || t.text === ',' || t.text === ')') {
        return fail(t, `operator '${t.text}' has no left operand`)
      }
    }
    if (t.kind === 'string') return fail(t, `token "${spell(t)}" is not valid in preprocessor expressions`)
    return fail(t, `token "${spell(t)}" is not valid in preprocessor expressions`)
  }

  function unaryOperand(op: Token): Value {
    if (i >= toks.length) fail(op, `operator '${op.text}' has no right operand`)
    return primary()
  }

  function binary(minPrec: number): Value {
    let lhs = primary()
    for (;;) {
      const op = toks[i]
      if (op === undefined) return lhs
      if (op.kind !== 'punct') fail(op, `missing binary operator before token "${spell(op)}"`)
      const prec = BINARY_PRECEDENCE[op.text]
      if (prec === undefined) {
        if (op.text === '?' || op.text === ':' || op.text === ',' || op.text === ')') return lhs
        if (op.text === '(') fail(op, `missing binary operator before token "("`)
        fail(op, `token "${op.text}" is not valid in preprocessor expressions`)
      }
      if (prec < minPrec) return lhs
      i++
      if (i >= toks.length) fail(op, `operator '${op.text}' has no right operand`)
      if (op.text === '&&' || op.text === '||') {
        const decided = op.text === '&&' ? lhs.v === 0n : lhs.v !== 0n
        if (decided) skip++
        const rhs = binary(prec + 1)
        if (decided) skip--
        const r = op.text === '&&' ? lhs.v !== 0n && rhs.v !== 0n : lhs.v !== 0n || rhs.v !== 0n
        lhs = { v: r ? 1n : 0n, u: false }
        continue
      }
      const rhs = binary(prec + 1)
      lhs = apply(op, lhs, rhs)
    }
  }

  function apply(op: Token, a: Value, b: Value): Value {
    const u = a.u || b.u
    const x = u ? BigInt.asUintN(64, a.v) : a.v
    const y = u ? BigInt.asUintN(64, b.v) : b.v
    const bool = (c: boolean): Value => ({ v: c ? 1n : 0n, u: false })
    const overflowCheck = (exact: bigint): Value => {
      const w = wrap(exact, u)
      if (!u && w.v !== exact && skip === 0) host.diag(op, 'warning', 'integer overflow in preprocessor expression')
      return w
    }
    switch (op.text) {
      case '*': return overflowCheck(x * y)
      case '+': return overflowCheck(x + y)
      case '-': return overflowCheck(x - y)
      case '/':
      case '%':
        if (y === 0n) {
          if (skip === 0) fail(op, `division by zero in #${directive.text}`)
          return { v: 0n, u }
        }
        return overflowCheck(op.text === '/' ? x / y : x % y)
      case '<<':
      case '>>': {
        // the type is the left operand's; a negative count shifts the other way (as gcc does)
        let left = op.text === '<<'
        let n = b.u ? BigInt.asUintN(64, b.v) : b.v
        if (n < 0n) { left = !left; n = -n }
        const lu = a.u
        if (left) {
          if (n >= 64n) return { v: 0n, u: lu }
          const w = wrap(a.v << n, lu)
          if (!lu && w.v !== a.v << n && skip === 0) host.diag(op, 'warning', 'integer overflow in preprocessor expression')
          return w
        }
        if (n >= 64n) return { v: !lu && a.v < 0n ? -1n : 0n, u: lu }
        return wrap(a.v >> n, lu)
      }
      case '<': return bool(x < y)
      case '>': return bool(x > y)
      case '<=': return bool(x <= y)
      case '>=': return bool(x >= y)
      case '==': return bool(x === y)
      case '!=': return bool(x !== y)
      case '&': return wrap(x & y, u)
      case '^': return wrap(x ^ y, u)
      case '|': return wrap(x | y, u)
    }
    return fail(op, `token "${op.text}" is not valid in preprocessor expressions`)
  }

  function conditional(): Value {
    const c = binary(1)
    const q = toks[i]
    if (!q || q.kind !== 'punct' || q.text !== '?') return c
    i++
    const takeFirst = c.v !== 0n
    if (!takeFirst) skip++
    const a = comma()
    if (!takeFirst) skip--
    const colon = toks[i]
    if (!colon || colon.kind !== 'punct' || colon.text !== ':') fail(colon ?? q, "'?' without following ':'")
    i++
    if (takeFirst) skip++
    const b = conditional()
    if (takeFirst) skip--
    const u = a.u || b.u
    const r = takeFirst ? a : b
    return wrap(r.v, u)
  }

  function comma(): Value {
    let v = conditional()
    while (toks[i]?.kind === 'punct' && toks[i].text === ',') {
      if (skip === 0) host.diag(toks[i], 'warning', 'comma operator in operand of #if')
      i++
      v = conditional()
    }
    return v
  }

  try {
    const v = comma()
    if (i < toks.length) {
      const t = toks[i]
      if (t.kind === 'punct' && t.text === ':') fail(t, "':' without preceding '?'")
      if (t.kind === 'punct' && t.text === ')') fail(t, "missing '(' in expression")
      fail(t, `missing binary operator before token "${spell(t)}"`)
    }
    return v.v !== 0n
  } catch (e) {
    if (e instanceof ExprError) return false
    throw e
  }
}
