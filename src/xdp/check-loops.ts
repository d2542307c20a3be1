/**
 * Loop half of the verifier-like checks: every loop must visibly end. The kernel verifier
 * (5.3+) follows a loop iteration by iteration and accepts it when the exit condition is reached
 * for every value it can hold; it refuses a loop whose state repeats ("infinite loop detected")
 * and gives up on one whose trip count depends on a value it cannot bound ("BPF program is too
 * large. Processed 1000001 insn", as Linux 6.18 says here). Kernels before 5.3 refuse every
 * backward jump ("back-edge from insn X to Y").
 *
 * This is a syntactic approximation on the typed tree, decided per loop:
 *  - the condition can never become false (constant, or nothing it reads changes in the loop)
 *    and the body has no break/return/goto: infinite loop;
 *  - the condition compares a variable the loop changes against a constant (or a narrow,
 *    <= 16-bit value, or one the function compares with a constant elsewhere, as in
 *    `if (n > 16) return`), moving towards it: bounded;
 *  - a constant-true loop that leaves through a break guarded by such a comparison: bounded;
 *  - loops over pointers (packet cursors compared with data_end) are accepted;
 *  - anything else: unbounded.
 */
import type { Pos, TExpr, TFunction, TStmt, TUnit, VarSym } from '../lang/ast'
import { isInteger, sizeOf } from '../lang/types'
import { childStmts, walkExpr, walkStmt } from '../lang/walk'
import type { Finding } from './check-walk'

type LoopStmt = Extract<TStmt, { k: 'while' | 'for' | 'do' }>

/** Variables an expression reads (through member and deref of a local object too). */
function readVars(e: TExpr | null | undefined, out: Set<VarSym>): Set<VarSym> {
  if (!e) return out
  walkExpr(e, {
    expr: (x) => {
      if (x.k === 'var') out.add(x.sym)
    },
  })
  return out
}

/** The variable an lvalue writes (x, x.f, x[i] for a local object x), or null for writes through pointers. */
function lvalueVar(e: TExpr): VarSym | null {
  if (e.k === 'var') return e.sym
  if (e.k === 'member') return lvalueVar(e.e)
  if (e.k === 'deref' && e.e.k === 'padd' && e.e.p.k === 'addr') return lvalueVar(e.e.p.e)
  return null
}

interface Writes {
  vars: Map<VarSym, number[]>
  /** Writes through pointers or calls that may change anything. */
  opaque: boolean
}

/** Variables the statements change, with the constant step of each change (NaN when not constant). */
function writesIn(stmts: (TStmt | null)[], extra: (TExpr | null)[]): Writes {
  const w: Writes = { vars: new Map(), opaque: false }
  const note = (sym: VarSym | null, step: number) => {
    if (!sym) {
      w.opaque = true
      return
    }
    const l = w.vars.get(sym) ?? []
    l.push(step)
    w.vars.set(sym, l)
  }
  const visitor = {
    expr: (x: TExpr) => {
      if (x.k === 'incdec') note(lvalueVar(x.l), x.inc ? 1 : -1)
      else if (x.k === 'opassign') {
        const k = x.r.k === 'int' ? Number(x.r.v) : x.r.k === 'cast' && x.r.e.k === 'int' ? Number(x.r.e.v) : Number.NaN
        note(lvalueVar(x.l), x.op === '+' ? k : x.op === '-' ? -k : Number.NaN)
      } else if (x.k === 'assign') note(lvalueVar(x.l), Number.NaN)
      else if (x.k === 'call') w.opaque = true
      else if (x.k === 'addr' && x.e.k === 'var') note(x.e.sym, Number.NaN) // &v escapes: anything may change it
    },
  }
  for (const s of stmts) if (s) walkStmt(s, visitor)
  for (const e of extra) if (e) walkExpr(e, visitor)
  return w
}

/** A break, return or goto that leaves this loop (breaks of inner loops and switches do not). */
function exitsOf(body: TStmt): TStmt[] {
  const out: TStmt[] = []
  const visit = (s: TStmt, inner: boolean) => {
    if (s.k === 'return' || s.k === 'goto' || (s.k === 'break' && !inner)) out.push(s)
    const nested = inner || s.k === 'while' || s.k === 'for' || s.k === 'do' || s.k === 'switch'
    for (const c of childStmts(s)) visit(c, nested)
  }
  visit(body, false)
  return out
}

function stripCasts(e: TExpr): TExpr {
  while (e.k === 'cast') e = e.e
  return e
}

function isConst(e: TExpr): boolean {
  e = stripCasts(e)
  return e.k === 'int'
}

function conjuncts(e: TExpr): TExpr[] {
  e = stripCasts(e)
  return e.k === 'land' ? [...conjuncts(e.l), ...conjuncts(e.r)] : [e]
}

export class LoopChecker {
  readonly findings: Finding[] = []

  /** statements: sid -> position (TUnit.statements). */
  constructor(private readonly statements: readonly Pos[]) {}

  /** Variables compared with a constant somewhere in the function (bounded by an earlier check). */
  private boundedVars = new Set<VarSym>()

  checkFunction(fn: TFunction): void {
    this.boundedVars = new Set()
    for (const s of fn.body) {
      walkStmt(s, {
        expr: (x) => {
          if (x.k !== 'cmp' || x.op === '==' || x.op === '!=') return
          const l = stripCasts(x.l)
          const r = stripCasts(x.r)
          if (l.k === 'var' && isConst(r)) this.boundedVars.add(l.sym)
          if (r.k === 'var' && isConst(l)) this.boundedVars.add(r.sym)
        },
      })
    }
    for (const s of fn.body) walkStmt(s, { stmt: (x) => (x.k === 'while' || x.k === 'for' || x.k === 'do' ? this.checkLoop(x) : undefined) })
  }

  /** A bound the verifier can see: a constant, a narrow integer, or a value compared with a constant before. */
  private boundedValue(e: TExpr, changing: Writes): boolean {
    const x = stripCasts(e)
    if (x.k === 'int') return true
    if (isInteger(x.ty) && sizeOf(x.ty) <= 2) return true
    const vars = readVars(x, new Set())
    if (vars.size === 0) return true
    return [...vars].every((v) => !changing.vars.has(v) && this.boundedVars.has(v))
  }

  /** `v op bound` where v changes in the loop by constant steps toward the bound. */
  private boundingComparison(c: TExpr, changing: Writes, exitWhenTrue: boolean): boolean {
    const x = stripCasts(c)
    if (x.k === 'not') return this.boundingComparison(x.e, changing, !exitWhenTrue)
    if (x.k !== 'cmp') return false
    const sides: [TExpr, TExpr, boolean][] = [
      [x.l, x.r, false],
      [x.r, x.l, true],
    ]
    for (const [a, b, flipped] of sides) {
      let v = stripCasts(a)
      if (v.k === 'incdec') v = stripCasts(v.l) // if (++k >= 8) break;
      if (v.k !== 'var' || !changing.vars.has(v.sym) || v.ty.k === 'ptr') continue
      if (!this.boundedValue(b, changing)) continue
      const steps = changing.vars.get(v.sym)!
      if (steps.some((s) => Number.isNaN(s))) return true // assigned inside: trust the comparison
      let op = flipped ? ({ '<': '>', '>': '<', '<=': '>=', '>=': '<=' } as Record<string, string>)[x.op] ?? x.op : x.op
      // The loop continues while the condition holds; for an exit test, it continues while it fails.
      if (exitWhenTrue) op = ({ '<': '>=', '>': '<=', '<=': '>', '>=': '<', '==': '!=', '!=': '==' } as Record<string, string>)[op]
      const up = steps.every((s) => s > 0)
      const down = steps.every((s) => s < 0)
      if ((op === '<' || op === '<=') && up) return true
      if ((op === '>' || op === '>=') && down) return true
      if (op === '!=' && (up || down)) return true
    }
    return false
  }

  private checkLoop(s: LoopStmt): void {
    const cond = s.c
    const changing = writesIn([s.body], s.k === 'for' ? [s.step] : [])
    const exits = exitsOf(s.body)
    const condConst = cond === null || isConst(cond)
    if (cond !== null && isConst(cond) && stripCasts(cond).k === 'int' && (stripCasts(cond) as { v: bigint }).v === 0n) return
    if (cond !== null && !condConst) {
      // packet cursors and other pointer walks: the verifier bounds them by the packet size
      const vars = readVars(cond, new Set())
      if ([...vars].some((v) => v.type.k === 'ptr' && changing.vars.has(v))) return
      if (conjuncts(cond).some((c) => this.boundingComparison(c, changing, false))) return
      const dependsOnLoop = [...vars].some((v) => changing.vars.has(v)) || changing.opaque
      if (dependsOnLoop) return this.unbounded(s, cond)
    }
    // The condition never changes: only an exit can end the loop.
    if (exits.length === 0) return this.infinite(s)
    if (this.guardedExit(s.body, changing)) return
    this.unbounded(s, cond)
  }

  /** Some `if (...) break/return` in the body tests a bounded counter. */
  private guardedExit(body: TStmt, changing: Writes): boolean {
    let found = false
    walkStmt(body, {
      stmt: (x) => {
        if (found || x.k !== 'if') return
        const leaves = exitsOf(x.t).length > 0
        if (leaves && conjuncts(x.c).some((c) => this.boundingComparison(c, changing, true))) found = true
      },
    })
    return found
  }

  private infinite(s: LoopStmt): void {
    this.findings.push({
      kind: 'loop',
      pos: this.loopPos(s),
      message: 'infinite loop detected',
      explanation:
        'Nothing this loop tests changes inside it and it has no break or return, so once entered it never ends. The verifier refuses programs that could run forever: make the loop count towards a constant limit.',
    })
  }

  private unbounded(s: LoopStmt, cond: TExpr | null): void {
    const at = this.loopPos(s)
    const what = cond ? [...readVars(cond, new Set())].map((v) => `'${v.name}'`).join(', ') : ''
    this.findings.push({
      kind: 'loop',
      pos: at,
      message: 'BPF program is too large. Processed 1000001 insn',
      explanation:
        `The loop from line ${at.line} to line ${this.lastLine(s)} has no bound the verifier can see. The verifier follows a loop iteration by iteration and gives up when the number of iterations depends on a value it cannot bound${what ? ` (here ${what})` : ''}: ` +
        'after a million instructions ("BPF program is too large") or too many branches ("The sequence of 8193 jumps is too complex"); kernels before 5.3 refuse every loop ("back-edge from insn X to Y"). ' +
        'Give the loop a constant limit, e.g. `for (int i = 0; i < 16 && i < n; i++)`, or check the variable against a constant first (`if (n > 16) return XDP_DROP;`).',
    })
  }

  private loopPos(s: LoopStmt): Pos {
    return this.statements[s.sid] ?? s.c?.pos ?? { file: '', line: 0, col: 0 }
  }

  /** Last source line of the loop (where the jump back is). */
  private lastLine(s: LoopStmt): number {
    let line = this.loopPos(s).line
    walkStmt(s, {
      expr: (x) => (line = Math.max(line, x.pos.line)),
      stmt: (x) => {
        const sid = 'sid' in x ? x.sid : undefined
        if (sid !== undefined && this.statements[sid]) line = Math.max(line, this.statements[sid].line)
      },
    })
    return line
  }
}

/** The entries and every function they call, directly or not (clang drops the others). */
export function reachableFunctions(unit: TUnit, entries: readonly string[]): TFunction[] {
  const byName = new Map(unit.functions.map((f) => [f.sym.name, f]))
  const seen = new Set<TFunction>()
  const visit = (fn: TFunction | undefined) => {
    if (!fn || seen.has(fn)) return
    seen.add(fn)
    for (const s of fn.body) {
      walkStmt(s, {
        expr: (x) => {
          if (x.k === 'func') visit(byName.get(x.sym.name))
        },
      })
    }
  }
  for (const name of entries) visit(byName.get(name))
  return [...seen]
}
