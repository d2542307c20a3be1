/**
 * The lesson data model, shared by the headless checker (CLI) and the lesson player (web app).
 *
 * A lesson is a folder of Markdown steps. Each step carries an explanation, the code for one
 * or both editors (a starter the learner completes and a reference solution) and checks: small
 * sentences about what the program printed, how it exited and what the kernel held afterwards.
 * Checks are evaluated by a pure function over a `RunOutcome` (checks-eval.ts), so the CLI and
 * the browser judge a run by the same code whichever way the run was made.
 */
import type { BpffsEntry, MapSnapshot } from '../kernel/api'

export type EditorFile = 'user.c' | 'xdp_prog.c'
export const EDITOR_FILES: readonly EditorFile[] = ['user.c', 'xdp_prog.c']

export type CodeRole = 'starter' | 'solution'

/** Code of one editor file in a step: what "Load code" puts in the editor, and the reference. */
export interface StepCode {
  starter?: string
  solution?: string
}

/** How a step's program is run (front matter): machine, traffic, programs run before it. */
export interface StepMachine {
  /** Possible CPUs of the simulated kernel (default: the player's setting; headless 2). */
  cpus?: number
  /** Hash seed; absent: random per map, and the headless checker tries several seeds. */
  seed?: number
  /** XDP steps: traffic preset and packet count of the reproducible run. */
  traffic?: string
  packets?: number
}

/** A parsed, resolved step: code texts loaded, checks parsed. */
export interface Step {
  /** File name in the lesson folder, e.g. "02-noexist.md". */
  file: string
  title: string
  /** The explanation (Markdown) without the front matter, the title, code blocks and checks. */
  explanation: string
  code: Partial<Record<EditorFile, StepCode>>
  /** Userspace programs run, in order, on the same fresh kernel before user.c (e.g. a pin step's solution). */
  setup: { name: string; text: string }[]
  machine: StepMachine
  checks: Check[]
  /** Problems found while reading the step (bad check lines, missing files): shown to the author. */
  problems: string[]
}

export interface LessonInfo {
  id: string
  title: string
  summary: string
  /** Step file names in order. */
  steps: string[]
}

export interface Lesson extends LessonInfo {
  /** Where the lesson's files are (a URL ending in "/", or a directory for the CLI). */
  base: string
  loaded: Step[]
}

export interface LessonIndex {
  version: 1
  lessons: LessonInfo[]
}

// ---- checks ------------------------------------------------------------------------------------

export type Stream = 'stdout' | 'stderr'

/** A map by name ("newest map of that name the run saw") or by id. */
export type MapRef = { by: 'name'; name: string } | { by: 'id'; id: number }

/** Bytes given as a C integer (encoded little-endian in the key/value size) or literally as hex. */
export type ByteSpec = { kind: 'int'; value: bigint; text: string } | { kind: 'hex'; bytes: Uint8Array; text: string }

/** A scalar inside a value: `u64 at offset 8`. */
export interface Field {
  type: 'u8' | 'u16' | 'u32' | 'u64' | 's8' | 's16' | 's32' | 's64'
  offset: number
}

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>='

/** Which per-CPU copy a value check reads. */
export type CpuSelector = { kind: 'sum' } | { kind: 'cpu'; cpu: number } | { kind: 'every' }

export type MapAttr = 'type' | 'keySize' | 'valueSize' | 'maxEntries' | 'flags' | 'name'

export type CheckSpec =
  | { kind: 'contains'; stream: Stream; text: string; negate: boolean }
  | { kind: 'matches'; stream: Stream; regex: RegExp; negate: boolean }
  | { kind: 'lineCount'; stream: Stream; count: number; op: CompareOp; text?: string; regex?: RegExp }
  | { kind: 'empty'; stream: Stream }
  | { kind: 'exit'; status: number; negate: boolean }
  | { kind: 'errno'; name: string; errno: number; negate: boolean }
  | { kind: 'mapExists'; map: MapRef; negate: boolean }
  | { kind: 'mapAttr'; map: MapRef; attr: MapAttr; expected: number | string }
  | { kind: 'mapFrozen'; map: MapRef; negate: boolean }
  | { kind: 'mapEntries'; map: MapRef; op: CompareOp; count: number }
  | { kind: 'mapHasKey'; map: MapRef; key: ByteSpec; negate: boolean }
  | { kind: 'mapValue'; map: MapRef; key: ByteSpec; field: Field | null; op: CompareOp; expected: ByteSpec; cpu: CpuSelector | null }
  | { kind: 'pinned'; map: MapRef; path: string }
  | { kind: 'nothingPinned'; path: string }
  | { kind: 'xdpLoads' }
  | { kind: 'xdpAction'; action: string; op: CompareOp; count: number }

/** One check line of a step: its source text (shown to the learner) and what it means. */
export interface Check {
  text: string
  spec: CheckSpec
}

// ---- what a run produced -------------------------------------------------------------------------

export interface XdpOutcome {
  /** False when the verifier-like checks or the loader refused the program. */
  loaded: boolean
  /** The refusal, as libbpf / the verifier words it. */
  loadError?: string
  packets: number
  /** Packets per XDP action: ABORTED, DROP, PASS, TX, REDIRECT. */
  actions: number[]
}

/** Everything checks may look at after a run. */
export interface RunOutcome {
  /** Compiler errors (gcc style); when non-empty nothing ran. */
  compileErrors: string[]
  stdout: string
  stderr: string
  /** Exit status of user.c; null when it did not run (compile error, XDP-only step). */
  exitCode: number | null
  /**
   * Maps as the run left them: the maps still alive afterwards, plus the maps the program freed
   * (by close or at exit) in their state just before they were freed.
   */
  maps: MapSnapshot[]
  bpffs: BpffsEntry[]
  possibleCpus: number
  xdp?: XdpOutcome
}

export interface CheckResult {
  check: Check
  pass: boolean
  /** What was found, in words, e.g. `key 5 holds 100`. */
  detail: string
}
