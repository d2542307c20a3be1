/**
 * The bpftool terminal: its transcript (each command with what it printed, stdout and stderr
 * in order, and its exit status), the command history (kept in localStorage) and the running
 * command. bpftool runs no user code and costs a few microseconds per element, so it runs
 * here on the main thread against the kernel the page booted; a long dump is run in slices
 * of a few milliseconds so the page keeps drawing, and its output is stored up to a limit.
 */
import { create } from 'zustand'
import { bpftool, type OutputChunk } from '../../bpftool/main'
import { splitWords } from '../../bpftool/words'
import { useMachine } from '../machine/store'

export interface TermEntry {
  id: number
  /** The line as typed. */
  line: string
  chunks: OutputChunk[]
  /** Set when the command has finished. */
  exitCode?: number
  /** Characters of output not kept (over OUTPUT_LIMIT). */
  dropped: number
}

const HISTORY_KEY = 'bpfplay.bpftool.history'
const HISTORY_MAX = 200
const ENTRIES_MAX = 60
const OUTPUT_LIMIT = 200_000
const SLICE_MS = 8

function loadHistory(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '[]') as unknown
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(-HISTORY_MAX) : []
  } catch {
    return []
  }
}

function saveHistory(h: string[]): void {
  try {
    localStorage.setItem(HISTORY_KEY, JSON.stringify(h))
  } catch {
    // Storage full or disabled: the history lives for this page only.
  }
}

interface TermState {
  entries: TermEntry[]
  history: string[]
  running: number | null
  run(line: string): void
  /** Ctrl+C: ends the running command (its process exits and closes its fds). */
  interrupt(): void
  clear(): void
}

let nextId = 1
let current: Generator<void, number, void> | null = null

function update(id: number, f: (e: TermEntry) => TermEntry): void {
  useBpftool.setState((s) => ({ entries: s.entries.map((e) => (e.id === id ? f(e) : e)) }))
}

/** The words bpftool gets: a typed "bpftool" (or "sudo bpftool") in front is the prompt's. */
export function argvOf(line: string): string[] | { error: string } {
  const words = splitWords(line)
  if (!Array.isArray(words)) return words
  if (words[0] === 'sudo') words.shift()
  if (words[0] === 'bpftool') words.shift()
  return words
}

export const useBpftool = create<TermState>()((set, get) => ({
  entries: [],
  history: loadHistory(),
  running: null,

  run(line) {
    if (get().running !== null) return
    const trimmed = line.trim()
    const id = nextId++
    const entry: TermEntry = { id, line: trimmed, chunks: [], dropped: 0 }
    const history = trimmed && get().history.at(-1) !== trimmed ? [...get().history, trimmed].slice(-HISTORY_MAX) : get().history
    saveHistory(history)
    set((s) => ({ entries: [...s.entries, entry].slice(-ENTRIES_MAX), history }))
    const argv = argvOf(trimmed)
    const kernel = useMachine.getState().kernel
    if (!Array.isArray(argv) || kernel === null) {
      const text = !Array.isArray(argv) ? `bash: ${argv.error}\n` : 'bpfplay: the kernel is still booting\n'
      update(id, (e) => ({ ...e, chunks: [{ stream: 'stderr', text }], exitCode: 2 }))
      return
    }
    let pending: OutputChunk[] = []
    let kept = 0
    let dropped = 0
    const write = (stream: OutputChunk['stream'], text: string) => {
      if (kept >= OUTPUT_LIMIT) {
        dropped += text.length
        return
      }
      kept += text.length
      const last = pending.at(-1)
      if (last && last.stream === stream) last.text += text
      else pending.push({ stream, text })
    }
    const flush = (exitCode?: number) => {
      const add = pending
      pending = []
      update(id, (e) => {
        const chunks = e.chunks.slice()
        for (const c of add) {
          const last = chunks.at(-1)
          if (last && last.stream === c.stream) chunks[chunks.length - 1] = { stream: c.stream, text: last.text + c.text }
          else chunks.push(c)
        }
        return { ...e, chunks, dropped, exitCode }
      })
    }
    const gen = bpftool(kernel, argv, write)
    current = gen
    set({ running: id })
    const step = () => {
      if (current !== gen) return // interrupted
      const t0 = performance.now()
      try {
        for (;;) {
          const r = gen.next()
          if (r.done) {
            flush(r.value)
            current = null
            set({ running: null })
            return
          }
          if (performance.now() - t0 > SLICE_MS) break
        }
      } catch (e) {
        write('stderr', `bpfplay: bpftool failed: ${e instanceof Error ? e.message : String(e)}\n`)
        flush(70)
        current = null
        set({ running: null })
        return
      }
      flush()
      setTimeout(step, 0)
    }
    step()
  },

  interrupt() {
    const id = get().running
    if (id === null || current === null) return
    const gen = current
    current = null
    gen.return(130)
    update(id, (e) => ({ ...e, chunks: [...e.chunks, { stream: 'stdout', text: '^C\n' }], exitCode: 130 }))
    set({ running: null })
  },

  clear() {
    set((s) => ({ entries: s.running === null ? [] : s.entries.filter((e) => e.id === s.running) }))
  },
}))
