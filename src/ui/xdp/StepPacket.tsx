/**
 * Single-packet stepping on screen: the eth0 row's "Step packet" button (it becomes "Stop
 * packet" while a packet is stepped), and the strip above the locals panel saying which packet
 * is stepped, through which program on which CPU, where it is paused or how it ended (the XDP
 * action), and that traffic stays off meanwhile. The stepping itself: step-store.ts.
 */
import { useDebugger } from '../debugger/store'
import { useMachine } from '../machine/store'
import { useXdp, XDP_FILE } from '../machine/xdp-store'
import { useXdpStep } from './step-store'
import '../styles/xdp-step.css'

function BugIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="4.5" y="4.5" width="7" height="9" rx="3.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M8 7v6M2.5 8.5h2M11.5 8.5h2M3 5l1.8 1.2M13 5l-1.8 1.2M3 13l1.8-1.2M13 13l-1.8-1.2M6 4.6 5.2 2.8M10 4.6l.8-1.8" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
    </svg>
  )
}

/** The eth0 row's button: starts a single-packet debug run, or stops the one going. */
export function StepPacketButton({ enabled }: { enabled: boolean }) {
  const starting = useXdpStep((s) => s.starting)
  const running = useXdpStep((s) => s.run !== null)
  const busy = useXdp((s) => s.busy !== null)
  const idle = useMachine((s) => s.phase === 'idle')
  const userDebugged = useDebugger((s) => s.run !== null) && !running
  if (running) {
    return (
      <button className="btn btn-small btn-step-packet-stop" onClick={() => useXdpStep.getState().stop()} data-testid="xdp-step-packet-stop" title="Stop the stepped packet where it is (it does not finish: no action)">
        <BugIcon />
        Stop packet
      </button>
    )
  }
  return (
    <button
      className="btn btn-small"
      onClick={() => void useXdpStep.getState().stepPacket()}
      disabled={!enabled || starting || busy || !idle || userDebugged}
      data-testid="xdp-step-packet"
      title={`Debug the next packet of the preset through ${XDP_FILE}, line by line, on the CPU its flow hashes to, with the real maps (the traffic stops first and stays off until the packet is done). Loads ${XDP_FILE} first when nothing is loaded. Then: Step over / into / out, Continue, Run to cursor and breakpoints in the editor.`}
    >
      <BugIcon />
      {starting ? 'Preparing…' : 'Step packet'}
    </button>
  )
}

/** Above the locals: the stepped packet, its program and CPU, and how it is doing. */
export function XdpStepPanel() {
  const session = useXdpStep((s) => s.session)
  const error = useXdpStep((s) => s.error)
  const running = useXdpStep((s) => s.run !== null)
  const paused = useDebugger((s) => (running && s.paused?.file === XDP_FILE ? s.paused : null))
  if (!session && !error) return null
  if (!session) {
    return (
      <div className="xdp-step-panel xdp-step-panel-error" role="status" data-testid="xdp-step-panel">
        <span className="xdp-step-label">Step packet</span>
        <span className="xdp-step-error">{error}</span>
        <button className="btn btn-small" onClick={() => useXdpStep.getState().dismiss()} aria-label="Dismiss">
          ×
        </button>
      </div>
    )
  }
  const r = session.result
  const status = r
    ? r.stopped
      ? 'stopped before it returned'
      : r.fault
        ? `aborted: ${r.fault.message}${r.fault.where ? ` at ${r.fault.where}` : ''}`
        : 'returned'
    : paused
      ? `paused in ${paused.stack[0]?.fn ?? '?'}() at line ${paused.line}`
      : 'running…'
  return (
    <div className={`xdp-step-panel ${r ? 'xdp-step-panel-done' : ''}`} role="status" aria-label="Stepped packet" data-testid="xdp-step-panel">
      <span className="xdp-step-label">Packet</span>
      <span className="mono xdp-step-packet" data-testid="xdp-step-packet-summary" title={session.packet.summary}>
        {session.packet.summary}, {session.packet.length} bytes
      </span>
      <span className="muted xdp-step-where">
        on CPU {session.packet.cpu} · <span className="mono">{session.progName}</span> (prog id {session.progId})
      </span>
      <span className="xdp-step-status" data-testid="xdp-step-status" data-action={r && !r.stopped ? r.actionName : ''} data-phase={r ? 'done' : paused ? 'paused' : 'running'}>
        {status}
        {r && !r.stopped && <span className={`xdp-action xdp-action-${r.actionName.toLowerCase()}`}>{r.actionName}</span>}
      </span>
      {!r && <span className="xdp-step-note">traffic is off while the packet is stepped{session.stoppedTraffic ? ' (stopped for it)' : ''}</span>}
      {r ? (
        <button className="btn btn-small xdp-step-close" onClick={() => useXdpStep.getState().dismiss()} aria-label="Close" title="Close">
          ×
        </button>
      ) : (
        <button className="btn btn-small btn-step-packet-stop xdp-step-close" onClick={() => useXdpStep.getState().stop()} data-testid="xdp-step-stop" title="Stop the packet where it is">
          Stop
        </button>
      )}
    </div>
  )
}
