/**
 * Public types of the C toolchain: what `compile()` takes and gives.
 * The stages (lex, preprocess, parse, check, codegen) live in their own files; this file only
 * names what crosses the boundary to the runtime, the CLI and the editor.
 */

import type { ProgramDebugInfo } from './debug-info'
import type { PreprocessCache } from './preprocess'

export type Severity = 'error' | 'warning' | 'note'

/** A message about the source, gcc style: FILE:LINE:COL: severity: message. Lines/cols are 1-based. */
export interface Diagnostic {
  file: string
  line: number
  col: number
  /** End of the offending range (exclusive column), for editor squiggles; defaults to a token. */
  endLine?: number
  endCol?: number
  severity: Severity
  message: string
}

export interface CompileOptions {
  /** Name used in diagnostics and positions, e.g. "user.c". */
  filename: string
  /** userspace program (libc + libbpf) or BPF program (SEC(), maps, helpers). */
  target: 'user' | 'bpf'
  /** Where hook checks go: 'loops' = loop back-edges + function entries; 'statements' = also every statement. */
  hooks?: 'loops' | 'statements'
  /** Extra -D definitions. */
  defines?: Record<string, string>
  /**
   * Lexed system headers to reuse across compiles (createPreprocessCache() in preprocess.ts),
   * owned by the caller: one per worker or CLI run. Without it each compile lexes its headers.
   */
  cache?: PreprocessCache
}

/** A C type, as far as tools outside the compiler need to see it (inspector, debugger, map decoding). */
export type TypeDesc =
  | { kind: 'void' }
  | { kind: 'int'; name: string; size: 1 | 2 | 4 | 8; signed: boolean }
  | { kind: 'float'; name: string; size: 4 | 8 }
  | { kind: 'bool' }
  | { kind: 'enum'; name: string; size: 4 }
  | { kind: 'pointer'; to: TypeDesc }
  | { kind: 'array'; of: TypeDesc; length: number | null }
  | { kind: 'struct' | 'union'; name: string; size: number; align: number; fields: { name: string; offset: number; type: TypeDesc; bitOffset?: number; bitWidth?: number }[] }
  | { kind: 'function'; name: string }

/** A source position of a statement; index = statement id (sid) used by hooks and traps. */
export interface StatementPos {
  file: string
  line: number
  col: number
}

/** A map declared in a BPF program (legacy `struct bpf_map_def SEC("maps")` or BTF `SEC(".maps")`). */
export interface BpfMapDecl {
  name: string
  type: number
  keySize: number
  valueSize: number
  maxEntries: number
  flags: number
  /** LIBBPF_PIN_BY_NAME = 1 */
  pinning: number
  keyType?: TypeDesc
  valueType?: TypeDesc
  /** Offset in the data segment of the 8-byte slot the program uses as `&map` (the runtime stores the map handle there). */
  slot: number
  line: number
  col: number
}

export interface ProgramFunction {
  name: string
  /** SEC("...") of the function, if any (BPF target). */
  section?: string
  line: number
  /** Parameter and return types, for callers outside C (runtime, xdp loader). */
  params: TypeDesc[]
  returns: TypeDesc
}

export interface ProgramGlobal {
  name: string
  /** Offset in the data segment. */
  offset: number
  type: TypeDesc
  section?: string
}

/**
 * One call of a libbpf map function in a userspace program (bpf_map_update_elem, the lookups,
 * get_next_key, the batch calls) with the types its key and value arguments point to. Maps made
 * with bpf_map_create() carry only sizes; tools match these types to a map by size.
 * For batch calls the types are those of one element of the key/value arrays.
 */
export interface MapCallType {
  fn: string
  line: number
  col: number
  batch: boolean
  key?: TypeDesc
  value?: TypeDesc
}

/** The output of a successful compile: JS plus the data segment it expects. */
export interface Program {
  filename: string
  /**
   * Body of a factory: `new Function('$env', code)($env)` returns ProgramExports.
   * Every identifier, string and macro of the user is escaped; the code reaches nothing but $env.
   */
  code: string
  /** Initial bytes of the data segment: string literals, initialised and zeroed globals. */
  data: Uint8Array
  /** Offsets in `data` of 8-byte pointers whose stored value is relative to the data segment start. */
  relocations: number[]
  /** External functions the program calls, with the first place each is used. */
  imports: { name: string; line: number; col: number }[]
  functions: ProgramFunction[]
  globals: ProgramGlobal[]
  /** sid -> position */
  statements: StatementPos[]
  /** Generated JS line (1-based, as in Error stacks of the factory) -> sid, for fault positions. */
  jsLineToSid: Int32Array
  /** BPF target only. */
  maps: BpfMapDecl[]
  /** Userspace target: the libbpf map calls with their key/value types (map-call-types.ts), for the map inspector. */
  mapCallTypes?: MapCallType[]
  license?: string
  /** Frame layouts (ASan bounds, debugger) and, with hooks: 'statements', the scope of every hook (debug-info.ts). */
  debug?: ProgramDebugInfo
}

export interface CompileResult {
  /** null when there is at least one error. */
  program: Program | null
  diagnostics: Diagnostic[]
}
