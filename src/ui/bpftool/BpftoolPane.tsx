/**
 * A small terminal for bpftool on the simulated kernel: a `# bpftool` prompt, the transcript
 * of commands with their output (stderr in red, a non-zero exit status marked), history on
 * Up/Down (kept across reloads), Tab completion of subcommands, map ids, names and pinned
 * paths (Tab moves focus on as usual when there is nothing to complete), Ctrl+C to stop a
 * long dump, Ctrl+L to clear. Example commands fill the prompt when the transcript is empty.
 */
import { useFollowScroll } from '../layout/follow-scroll'
import { useRef, useState, type KeyboardEvent } from 'react'
import { flushSync } from 'react-dom'
import { complete } from '../../bpftool/complete'
import { useMachine } from '../machine/store'
import { useBpftool, type TermEntry } from './store'
import '../styles/bpftool.css'

const EXAMPLES = ['map show', 'map dump pinned /sys/fs/bpf/my_map', '-p map show', 'map help']

function commonPrefix(words: string[]): string {
  let p = words[0] ?? ''
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1)
  return p
}

function EntryView({ entry, running }: { entry: TermEntry; running: boolean }) {
  const failed = entry.exitCode !== undefined && entry.exitCode !== 0
  return (
    <div className="bt-entry" data-entry-id={entry.id} data-exit-code={entry.exitCode ?? ''}>
      <div className="bt-cmd">
        <span className="bt-prompt" aria-hidden="true">
          #
        </span>{' '}
        <span className="bt-bin">bpftool</span> {entry.line}
        {failed && <span className="bt-status" title="exit status">exit {entry.exitCode}</span>}
      </div>
      {entry.chunks.length > 0 && (
        <pre className="bt-out">
          {entry.chunks.map((c, i) => (
            <span key={i} className={c.stream === 'stderr' ? 'bt-stderr' : undefined} data-stream={c.stream}>
              {c.text}
            </span>
          ))}
        </pre>
      )}
      {entry.dropped > 0 && <div className="bt-note">… {entry.dropped.toLocaleString()} more characters not shown</div>}
      {running && <div className="bt-note bt-busy">running… (Ctrl+C stops it)</div>}
    </div>
  )
}

export function BpftoolPane() {
  const entries = useBpftool((s) => s.entries)
  const running = useBpftool((s) => s.running)
  const kernelReady = useMachine((s) => s.kernel !== null)
  const [line, setLine] = useState('')
  const [choices, setChoices] = useState<string[]>([])
  const historyPos = useRef<number | null>(null)
  const draft = useRef('')
  const input = useRef<HTMLInputElement>(null)
  const { body, follow } = useFollowScroll(entries)

  const submit = () => {
    if (running !== null) return
    follow()
    useBpftool.getState().run(line)
    setLine('')
    setChoices([])
    historyPos.current = null
  }

  const recall = (dir: -1 | 1) => {
    const history = useBpftool.getState().history
    if (history.length === 0) return
    let pos = historyPos.current
    if (pos === null) {
      if (dir === 1) return
      draft.current = line
      pos = history.length
    }
    pos += dir
    if (pos < 0) pos = 0
    if (pos >= history.length) {
      historyPos.current = null
      setLine(draft.current)
      return
    }
    historyPos.current = pos
    setLine(history[pos])
  }

  /** true when Tab was used for completion (else it moves focus, as everywhere else). */
  const tabComplete = (): boolean => {
    const kernel = useMachine.getState().kernel
    const el = input.current
    if (!kernel || !el || line.trim() === '') return false
    const cursor = el.selectionStart ?? line.length
    const before = line.slice(0, cursor).replace(/^\s*(sudo\s+)?bpftool\s+/, (m) => ' '.repeat(m.length))
    const { start, options } = complete(kernel, before)
    if (options.length === 0) return false
    const word = line.slice(start, cursor)
    const fill = options.length === 1 ? options[0] + (options[0].endsWith('/') ? '' : ' ') : commonPrefix(options)
    if (fill.length > word.length) {
      const next = line.slice(0, start) + fill + line.slice(cursor)
      // the new text in the DOM now, then the caret after the completion: a caret placed a frame
      // later would move back under keys typed meanwhile
      flushSync(() => setLine(next))
      el.setSelectionRange(start + fill.length, start + fill.length)
    }
    setChoices(options.length > 1 ? options : [])
    return true
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      submit()
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault()
      recall(e.key === 'ArrowUp' ? -1 : 1)
    } else if (e.key === 'Tab' && !e.shiftKey) {
      if (tabComplete()) e.preventDefault()
    } else if (e.key === 'c' && e.ctrlKey) {
      if (running !== null) {
        e.preventDefault()
        useBpftool.getState().interrupt()
      } else if ((input.current?.selectionStart ?? 0) === (input.current?.selectionEnd ?? 0)) {
        e.preventDefault()
        setLine('')
        setChoices([])
      }
    } else if (e.key === 'l' && e.ctrlKey) {
      e.preventDefault()
      useBpftool.getState().clear()
    } else if (e.key === 'Escape') {
      setChoices([])
    }
  }

  return (
    <div className="bt-pane" data-testid="bpftool-pane">
      <div
        className="bt-body"
        ref={body}
        role="log"
        aria-label="bpftool output"
        tabIndex={0}
        onMouseUp={() => {
          if (!window.getSelection()?.toString()) input.current?.focus()
        }}
      >
        {entries.length === 0 && (
          <div className="bt-empty">
            <p>
              The real <code>bpftool</code> on this page's kernel: it opens maps by id or by pin through <code>bpf()</code>, like any process, and prints what bpftool 7 prints.
            </p>
            <div className="bt-examples" aria-label="Example commands">
              {EXAMPLES.map((ex) => (
                <button
                  key={ex}
                  type="button"
                  className="bt-chip"
                  onClick={() => {
                    setLine(ex)
                    input.current?.focus()
                  }}
                >
                  bpftool {ex}
                </button>
              ))}
            </div>
          </div>
        )}
        {entries.map((e) => (
          <EntryView key={e.id} entry={e} running={running === e.id} />
        ))}
      </div>
      {choices.length > 0 && (
        <div className="bt-choices" role="status" aria-label="Completions">
          {choices.map((c) => (
            <span key={c} className="bt-choice">
              {c}
            </span>
          ))}
        </div>
      )}
      <form
        className="bt-input-row"
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <label htmlFor="bpftool-input" className="bt-input-label">
          <span className="bt-prompt">#</span> <span className="bt-bin">bpftool</span>
        </label>
        <input
          id="bpftool-input"
          ref={input}
          className="bt-input"
          value={line}
          onChange={(e) => {
            setLine(e.target.value)
            setChoices([])
            historyPos.current = null
          }}
          onKeyDown={onKeyDown}
          placeholder={kernelReady ? 'map show' : 'booting…'}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          aria-label="bpftool command"
          aria-describedby="bpftool-hint"
          data-testid="bpftool-input"
        />
        <span id="bpftool-hint" className="bt-hint">
          Tab completes · ↑↓ history
        </span>
      </form>
    </div>
  )
}
