/**
 * The console: one entry per run (its diagnostics, stdout and stderr in the order they were
 * written, and how it ended) plus notes from the machine (reboots, links, errors).
 *
 * Output arrives in bursts from the process worker; it is decoded and appended to a pending
 * buffer, and the store is updated at most once per frame, so a chatty program costs one
 * render per frame, not one per write.
 */
import { create } from 'zustand'
import type { Diagnostic } from '../../lang/api'

export type Stream = 'stdout' | 'stderr'

export interface Chunk {
  stream: Stream
  text: string
}

export interface RunEnd {
  /** exit: main returned or exit(); signal: killed (SIGSEGV, SIGKILL on Stop, ...); compile: did not build; internal: bpfplay failed. */
  kind: 'exit' | 'signal' | 'compile' | 'internal'
  exitCode?: number
  signal?: string
  text: string
  wallMs?: number
}

export interface RunEntry {
  kind: 'run'
  id: number
  file: string
  startedAt: number
  phase: 'compiling' | 'running' | 'stopping' | 'done'
  diagnostics: Diagnostic[]
  chunks: Chunk[]
  end?: RunEnd
}

export interface NoteEntry {
  kind: 'note'
  id: number
  tone: 'info' | 'warn' | 'error'
  text: string
}

export type ConsoleEntry = RunEntry | NoteEntry

const MAX_ENTRIES = 40

interface ConsoleState {
  entries: ConsoleEntry[]
  startRun(file: string): number
  setPhase(id: number, phase: RunEntry['phase']): void
  setDiagnostics(id: number, d: Diagnostic[]): void
  appendOutput(id: number, chunks: Chunk[]): void
  /** Forget a run's output (a step back replays it: time-travel.ts). */
  clearOutput(id: number): void
  endRun(id: number, end: RunEnd): void
  note(tone: NoteEntry['tone'], text: string): void
  clear(): void
}

let nextId = 1

function updateRun(entries: ConsoleEntry[], id: number, f: (r: RunEntry) => RunEntry): ConsoleEntry[] {
  const i = entries.findIndex((e) => e.id === id)
  if (i < 0 || entries[i].kind !== 'run') return entries
  const copy = entries.slice()
  copy[i] = f(entries[i] as RunEntry)
  return copy
}

function push(entries: ConsoleEntry[], e: ConsoleEntry): ConsoleEntry[] {
  const next = [...entries, e]
  return next.length > MAX_ENTRIES ? next.slice(next.length - MAX_ENTRIES) : next
}

export const useConsole = create<ConsoleState>()((set) => ({
  entries: [],
  startRun: (file) => {
    const id = nextId++
    set((s) => ({ entries: push(s.entries, { kind: 'run', id, file, startedAt: Date.now(), phase: 'compiling', diagnostics: [], chunks: [] }) }))
    return id
  },
  setPhase: (id, phase) => set((s) => ({ entries: updateRun(s.entries, id, (r) => ({ ...r, phase })) })),
  setDiagnostics: (id, diagnostics) => set((s) => ({ entries: updateRun(s.entries, id, (r) => ({ ...r, diagnostics })) })),
  appendOutput: (id, chunks) =>
    set((s) => ({
      entries: updateRun(s.entries, id, (r) => {
        const out = r.chunks.slice()
        for (const c of chunks) {
          const last = out[out.length - 1]
          if (last && last.stream === c.stream) out[out.length - 1] = { stream: c.stream, text: last.text + c.text }
          else out.push(c)
        }
        return { ...r, chunks: out }
      }),
    })),
  clearOutput: (id) => set((s) => ({ entries: updateRun(s.entries, id, (r) => ({ ...r, chunks: [] })) })),
  endRun: (id, end) => set((s) => ({ entries: updateRun(s.entries, id, (r) => ({ ...r, phase: 'done', end })) })),
  note: (tone, text) => set((s) => ({ entries: push(s.entries, { kind: 'note', id: nextId++, tone, text }) })),
  clear: () => set({ entries: [] }),
}))

/**
 * Collects a run's output bytes, decodes them as UTF-8 per stream (a character may be split
 * across writes) and hands them to the store once per frame; `flush()` empties it at once.
 */
export class OutputPump {
  private readonly decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() }
  private pending: Chunk[] = []
  private scheduled = false

  constructor(private readonly runId: number) {}

  write(fd: 1 | 2, bytes: Uint8Array): void {
    const stream: Stream = fd === 1 ? 'stdout' : 'stderr'
    const text = this.decoders[stream].decode(bytes, { stream: true })
    if (text) this.pending.push({ stream, text })
    if (!this.scheduled) {
      this.scheduled = true
      requestAnimationFrame(() => this.flush())
    }
  }

  /** Drop what is pending, and any character half-decoded (the run's output starts over). */
  reset(): void {
    this.pending = []
    this.decoders.stdout = new TextDecoder()
    this.decoders.stderr = new TextDecoder()
  }

  /** `end`: the run is over, so a character still incomplete is decoded (as U+FFFD) too. */
  flush(end = false): void {
    this.scheduled = false
    if (end) {
      for (const stream of ['stdout', 'stderr'] as const) {
        const tail = this.decoders[stream].decode()
        if (tail) this.pending.push({ stream, text: tail })
      }
    }
    if (this.pending.length === 0) return
    const chunks = this.pending
    this.pending = []
    useConsole.getState().appendOutput(this.runId, chunks)
  }
}
