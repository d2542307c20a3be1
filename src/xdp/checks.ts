/**
 * Verifier-like checks of a BPF program before it runs. The kernel's verifier refuses to load
 * a program that could crash or hang the kernel; bpfplay refuses the same programs for the same
 * reasons, with the verifier's wording, the source line and a plain-language explanation:
 *
 *   - a bpf_map_lookup_elem() result used without a NULL check  (R0 invalid mem access 'map_value_or_null')
 *   - packet bytes read without a bounds check against data_end (invalid access to packet, off=.. size=..)
 *   - out-of-bounds map value access, writes to read-only maps, bad struct xdp_md accesses
 *   - loops without a visible bound                            (infinite loop detected / back-edge from ...)
 *
 * The analysis runs on the compiler's typed tree: the source is preprocessed, parsed and checked
 * again here (src/lang exposes those stages), and map types come from the compiled Program.
 */
import type { Diagnostic, Program } from '../lang/api'
import { check } from '../lang/check'
import { parse } from '../lang/parse'
import { preprocess } from '../lang/preprocess'
import { LoopChecker, reachableFunctions } from './check-loops'
import { CheckWalker, type Finding } from './check-walk'
import { Errno } from '../kernel/uapi'
import { findEntries, pickEntry } from './loader'

export type { Finding, FindingKind } from './check-walk'

export interface ProgramAnalysis {
  /** What the kernel would refuse, in source order. */
  findings: Finding[]
  /** Whether the program may write its packet (CheckWalker.packetWrites); false is proven. */
  packetWrites: boolean
}

/** Runs every check on the program's entry functions. Findings are in source order. */
export function checkProgram(source: string, program: Program, defines?: Record<string, string>): Finding[] {
  return analyse(source, program, defines, false).findings
}

/** The checks, and whether the program may write its packets (the NIC then lends it its frames in place when not). */
export function analyseProgram(source: string, program: Program, defines?: Record<string, string>): ProgramAnalysis {
  return analyse(source, program, defines, true)
}

function analyse(source: string, program: Program, defines: Record<string, string> | undefined, packetWrites: boolean): ProgramAnalysis {
  const pp = preprocess({ name: program.filename, text: source }, { target: 'bpf', defines })
  const parsed = parse(pp.tokens)
  const { unit } = check(parsed.unit, { target: 'bpf' })
  const walker = new CheckWalker(unit, program.maps)
  // a second walk, to a fixpoint, for packet writes only (its findings are not the checks')
  const sound = packetWrites ? new CheckWalker(unit, program.maps, true) : null
  const loops = new LoopChecker(unit.statements)
  const entries = findEntries(program).map((e) => e.name)
  const byName = new Map(unit.functions.map((f) => [f.sym.name, f]))
  for (const name of entries) {
    const fn = byName.get(name)
    if (!fn) continue
    walker.checkEntry(fn)
    sound?.checkEntry(fn)
  }
  for (const fn of reachableFunctions(unit, entries)) loops.checkFunction(fn)
  const findings = [...walker.results(), ...loops.findings].sort((a, b) => a.pos.line - b.pos.line || a.pos.col - b.pos.col)
  return { findings, packetWrites: findings.length > 0 || sound === null || sound.packetWrites }
}

/** A finding as compiler-style diagnostics: the verifier message as an error, the explanation as a note. */
export function findingDiagnostics(f: Finding): Diagnostic[] {
  const [first, ...rest] = f.message.split('\n')
  const at = { file: f.pos.file, line: f.pos.line, col: f.pos.col }
  return [
    { ...at, severity: 'error', message: [first, ...rest].join('; ') },
    { ...at, severity: 'note', message: f.explanation },
  ]
}

/** The verifier log the kernel would print, with bpfplay's explanation under each message. */
export function formatFindings(findings: readonly Finding[]): string {
  return findings
    .map((f) => `${f.pos.file}:${f.pos.line}:${f.pos.col}: ${f.message.split('\n').join(`\n${' '.repeat(2)}`)}\n  ${f.explanation}`)
    .join('\n')
}

/**
 * How BPF_PROG_LOAD fails for a refused program, as the libbpf object API reports it
 * (src/runtime/libbpf-object.ts): the program's name, errno (E2BIG for a program too large,
 * else EACCES) and the log, one finding with its explanation per entry. undefined when accepted.
 */
export function verifierRefusal(program: Program, findings: readonly Finding[], entry?: string): { prog: string; errno: number; log: string } | undefined {
  if (findings.length === 0) return undefined
  let prog = '?'
  try {
    prog = pickEntry({ entries: findEntries(program), program }, entry).name
  } catch {
    // no entry: the verifier messages still apply
  }
  const tooLarge = findings.some((f) => f.kind === 'loop' && f.message.startsWith('BPF program is too large'))
  return { prog, errno: tooLarge ? Errno.E2BIG : Errno.EACCES, log: formatFindings(findings) }
}
