/**
 * The console's trace_pipe tab: what `cat /sys/kernel/tracing/trace_pipe` shows while XDP
 * programs call bpf_printk, in the kernel's line format, newest at the bottom. The text is one
 * node (cheap to redraw at display rate); it follows new lines while scrolled to the bottom.
 */
import { useFollowScroll } from '../layout/follow-scroll'
import { useTrace } from './trace-store'
import '../styles/xdp.css'

const fmt = new Intl.NumberFormat('en-US')

export function TracePipe() {
  const lines = useTrace((s) => s.lines)
  const dropped = useTrace((s) => s.dropped)
  const { body } = useFollowScroll(lines)

  return (
    <div className="console-body trace-body" ref={body} data-testid="trace-pipe">
      <div className="run-head">
        <span className="run-prompt" aria-hidden="true">
          #
        </span>{' '}
        cat /sys/kernel/tracing/trace_pipe
      </div>
      {dropped > 0 && <div className="trace-dropped muted small">… {fmt.format(dropped)} older lines not shown (the buffer keeps the newest {fmt.format(lines.length)})</div>}
      {lines.length === 0 ? (
        <p className="empty">
          Lines an XDP program prints with <code>bpf_printk()</code> appear here, as the kernel formats them. Attach a program that prints, then start the traffic
          or Step.
        </p>
      ) : (
        <pre className="output trace-lines">{lines.join('\n')}</pre>
      )}
    </div>
  )
}

export function ClearTrace() {
  const empty = useTrace((s) => s.lines.length === 0 && s.dropped === 0)
  return (
    <button className="btn btn-ghost btn-small" onClick={() => useTrace.getState().clear()} disabled={empty} aria-label="Clear trace_pipe">
      Clear
    </button>
  )
}
