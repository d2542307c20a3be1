/**
 * Debug information the code generator leaves beside the JavaScript: enough for a debugger to
 * name what it sees at a trap, and for the runtime's AddressSanitizer-style checks to know the
 * bounds of every C object on the stack. Plain data (structured-clone safe: it travels to workers
 * with the Program).
 *
 * Frame records (user target, both hook modes; BPF target with hooks: 'statements' only, for the
 * single-packet stepper src/xdp/step-cpu.ts): a function that keeps locals in memory pushes
 * (fid, $fp) on `ProgramEnv.frames` when it starts and pops it when it returns, so the runtime can
 * find every live stack frame and, through `functions[fid].vars`, every object in it. With
 * hooks: 'statements' every function pushes a record (fp 0 when it has no frame): the number of
 * records is then the call depth, which step over / step out compare.
 *
 *   frames[0]            index of the top record's first word (0: no record)
 *   frames[i], [i + 1]   fid, frame pointer (records start at i = 2, two words each)
 *
 * Scopes (hooks: 'statements' only): every hook calls `trap(sid, scope, ...values)` where `scope`
 * indexes `scopes` and `values` are the current values of the scope's register variables (the
 * vars with `reg: true`, in the order of `scopes[scope].vars`). Memory variables are read from
 * the frame: frame pointer + `off`.
 */
import type { Program, TypeDesc } from './api'

export interface DebugVar {
  name: string
  type: TypeDesc
  /** sizeof the object (0 for a VLA: its size is known only at run time). */
  size: number
  line: number
  col: number
  param: boolean
  /** A JS variable (its value arrives as a trap argument); otherwise a frame slot at `off`. */
  reg: boolean
  /** Frame offset of a memory variable (-1 for register variables). */
  off: number
  /** Made by the compiler (compound literal, struct return temporary): not shown as a local. */
  hidden?: boolean
  /** A variable-length array: the register holds its address. */
  vla?: boolean
}

export interface DebugFunction {
  name: string
  /** JS name of the generated function (f_ + mangled C name), as it appears in Error stacks. */
  jsName: string
  /** sid of the function entry hook. */
  sid: number
  line: number
  /** Bytes of the memory frame (0: no frame). */
  frameSize: number
  /** Parameters then locals, in declaration order. */
  vars: DebugVar[]
}

export interface DebugScope {
  fid: number
  /** Indices into functions[fid].vars of the variables visible at the hook. */
  vars: number[]
}

export interface ProgramDebugInfo {
  /** Index = fid, the number stored in frame records. */
  functions: DebugFunction[]
  /** hooks: 'statements' only (empty otherwise). */
  scopes: DebugScope[]
  /** hooks: 'statements' only: sid -> scope of the statement's own hook (-1: none), for callers' frames. */
  sidScopes: number[]
}

/** Words of the frame record array a runtime hands the program (ProgramEnv.frames). */
export const FRAME_RECORD_WORDS = 1 << 16

/**
 * The C statement an exception was thrown in: the first frame of the generated code on its JS
 * stack that maps to a statement ("at f_main (eval at ..., <anonymous>:LINE:COL)"; jsLineToSid is
 * indexed by those line numbers). Frames of prelude helpers ($trap, $add64m, ...) map to none
 * and are skipped, so a fault inside one is placed at the statement that called it.
 */
export function faultStatement(program: Pick<Program, 'jsLineToSid' | 'statements'>, e: unknown): Program['statements'][number] | undefined {
  if (!(e instanceof Error) || !e.stack) return undefined
  for (const m of e.stack.matchAll(/<anonymous>:(\d+):\d+/g)) {
    const pos = program.statements[program.jsLineToSid[Number(m[1])] ?? -1]
    if (pos) return pos
  }
  return undefined
}
