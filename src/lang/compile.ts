/**
 * The compiler driver: preprocess -> parse -> check -> codegen, diagnostics merged and sorted by
 * position. Warnings and notes located in system headers are dropped (gcc does the same); errors
 * there are kept, since they stop the build. `compile` never throws: an internal failure becomes
 * an error diagnostic ("internal compiler error"), as gcc reports its own crashes.
 */

import type { CompileOptions, CompileResult, Diagnostic } from './api'
import { check } from './check'
import { generate } from './codegen'
import { collectMapCallTypes } from './map-call-types'
import { parse } from './parse'
import { preprocess, SYSTEM_INCLUDE_DIR } from './preprocess'
import { pruneSystemDeclarations } from './prune'
import type { Token } from './token'

export function compile(source: string, opts: CompileOptions): CompileResult {
  const diags: Diagnostic[] = []
  try {
    const pp = preprocess({ name: opts.filename, text: source }, { target: opts.target, defines: opts.defines, cache: opts.cache })
    diags.push(...pp.diagnostics)
    // Parse and check only the header declarations the program needs (prune.ts); if that does
    // not compile cleanly, the full token stream decides (its diagnostics are the real ones).
    const isSystem = (file: string) => file.startsWith(SYSTEM_INCLUDE_DIR)
    let front = parseAndCheck(pruneSystemDeclarations(pp.tokens, isSystem, opts.cache?.prune), opts)
    if (front.diagnostics.some((d) => d.severity === 'error')) front = parseAndCheck(pp.tokens, opts)
    const checked = front.checked
    diags.push(...front.diagnostics)
    if (diags.some((d) => d.severity === 'error')) return finish(null, diags)
    const gen = generate(checked.unit, { filename: opts.filename, target: opts.target, hooks: opts.hooks ?? 'loops' })
    diags.push(...gen.diagnostics)
    if (!gen.program || diags.some((d) => d.severity === 'error')) return finish(null, diags)
    if (opts.target === 'user') gen.program.mapCallTypes = collectMapCallTypes(checked.unit)
    return finish(gen.program, diags)
  } catch (e) {
    diags.push({ file: opts.filename, line: 1, col: 1, severity: 'error', message: `internal compiler error: ${e instanceof Error ? e.message : String(e)}` })
    return finish(null, diags)
  }
}

function parseAndCheck(tokens: Token[], opts: CompileOptions): { checked: ReturnType<typeof check>; diagnostics: Diagnostic[] } {
  const parsed = parse(tokens)
  const checked = check(parsed.unit, { target: opts.target })
  return { checked, diagnostics: [...parsed.diagnostics, ...checked.diagnostics] }
}

function finish(program: CompileResult['program'], diags: Diagnostic[]): CompileResult {
  const kept = diags.filter((d) => d.severity === 'error' || !d.file.startsWith(SYSTEM_INCLUDE_DIR))
  // stable sort by position, the main file's order first (gcc prints in source order)
  const indexed = kept.map((d, i) => ({ d, i }))
  indexed.sort((a, b) => a.d.line - b.d.line || a.d.col - b.d.col || a.i - b.i)
  const byFile = new Map<string, number>()
  for (const { d } of indexed) if (!byFile.has(d.file)) byFile.set(d.file, byFile.size)
  indexed.sort((a, b) => byFile.get(a.d.file)! - byFile.get(b.d.file)! || a.d.line - b.d.line || a.d.col - b.d.col || a.i - b.i)
  return { program, diagnostics: indexed.map((x) => x.d) }
}

/** `file:line:col: severity: message`, as gcc prints it. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}`
}
