/**
 * The toolbar's second row: eth0 and the XDP program on it. Load / Attach / Detach / Unload
 * xdp_prog.c (the toolbar's own loader, like `xdp-loader`), traffic on and off with its rate and
 * preset, Step (one packet on one CPU, and the action the program returned), Step packet (one
 * packet through xdp_prog.c line by line: src/ui/xdp/StepPacket.tsx; traffic stays off while it
 * is stepped), and what eth0 is doing right now (from the XDP view, refreshed at display rate).
 */
import { useMachine } from '../machine/store'
import { useXdp } from '../machine/xdp-store'
import { presetNames, presets, RATE_CHOICES, rateLabel, type PresetName } from '../../xdp/browser-traffic'
import { PlayIcon, StopIcon } from '../layout/icons'
import { useXdpView } from '../xdp/xdp-view'
import { useXdpViewLoop } from '../xdp/view-loop'
import { StepPacketButton } from '../xdp/StepPacket'
import '../styles/xdp.css'

const fmt = new Intl.NumberFormat('en-US')

function StepIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M3 3.2v9.6a.5.5 0 0 0 .8.4l6.4-4.8a.5.5 0 0 0 0-.8L3.8 2.8a.5.5 0 0 0-.8.4z" fill="currentColor" />
      <rect x="11.2" y="3" width="1.8" height="10" rx=".6" fill="currentColor" />
    </svg>
  )
}

function Eth0Status() {
  const attached = useXdpView((s) => s.attached)
  const pps = useXdpView((s) => s.pps)
  const traffic = useXdp((s) => s.traffic)
  return (
    <div className="xdp-iface" data-testid="eth0-status" data-attached={attached ? attached.progId : 0}>
      <span className={`xdp-dot ${traffic === 'on' ? 'xdp-dot-live' : ''}`} aria-hidden="true" />
      <span className="mono strong">eth0</span>
      {attached ? (
        <span className="xdp-prog" title={`program id ${attached.progId}, bpf_link id ${attached.linkId}${attached.holder ? `, held by ${attached.holder.comm} (pid ${attached.holder.pid})` : ''}`}>
          <span className="mono">{attached.name}</span>
          <span className="muted"> attached{attached.holder ? ` by ${attached.holder.comm}` : ''}</span>
        </span>
      ) : (
        <span className="muted">no XDP program</span>
      )}
      {traffic === 'on' && <span className="xdp-rate mono">{fmt.format(Math.round(pps))} pkt/s</span>}
    </div>
  )
}

function StepResult() {
  const step = useXdp((s) => s.lastStep)
  if (!step) return null
  return (
    <span className="xdp-step-result" data-testid="step-result" data-action={step.actionName} title={step.summary}>
      <span className="muted">#{step.tag} on CPU {step.cpu}:</span> <span className="mono xdp-step-summary">{step.summary}</span> <span className={`xdp-action xdp-action-${step.actionName.toLowerCase()}`}>{step.actionName}</span>
    </span>
  )
}

export function XdpBar({ canRun }: { canRun: boolean }) {
  useXdpViewLoop()
  const booted = useMachine((s) => s.boot !== null)
  const x = useXdp()
  const enabled = canRun && booted
  // a packet being stepped holds the program and needs the traffic off: the rest waits for it
  const busy = x.busy !== null || x.stepping
  const trafficBusy = x.traffic === 'starting' || x.traffic === 'stopping'

  return (
    <div className="xdp-bar" role="toolbar" aria-label="XDP on eth0">
      <Eth0Status />
      <div className="toolbar-group" role="group" aria-label="XDP program">
        {x.loader ? (
          <button className="btn btn-small" onClick={() => void x.unload()} disabled={!enabled || busy} data-testid="xdp-unload" title="Close the loader's program (and link) fds: the program is freed once no CPU runs it">
            Unload
          </button>
        ) : (
          <button className="btn btn-small" onClick={() => void x.load()} disabled={!enabled || busy} data-testid="xdp-load" title="Compile xdp_prog.c for the BPF target, check it like the verifier, create its maps and load it (BPF_PROG_LOAD)">
            {x.busy === 'load' ? 'Loading…' : 'Load XDP'}
          </button>
        )}
        {x.loader?.attached ? (
          <button className="btn btn-small" onClick={() => void x.detach()} disabled={!enabled || busy} data-testid="xdp-detach" title="Close the bpf_link: eth0 passes packets to the stack again">
            Detach
          </button>
        ) : (
          <button className="btn btn-small" onClick={() => void x.attach()} disabled={!enabled || busy} data-testid="xdp-attach" title="Attach the loaded program (loading it first if needed) to eth0 with a bpf_link">
            {x.busy === 'attach' ? 'Attaching…' : 'Attach XDP'}
          </button>
        )}
      </div>
      <div className="toolbar-group" role="group" aria-label="Traffic">
        <button
          className={`btn btn-small ${x.traffic === 'on' ? 'btn-traffic-on' : ''}`}
          onClick={() => void (x.traffic === 'on' ? x.stopTraffic() : x.startTraffic())}
          disabled={!enabled || trafficBusy || x.stepping}
          aria-pressed={x.traffic === 'on'}
          data-testid="traffic-toggle"
          data-traffic={x.traffic}
          title={
            x.stepping
              ? 'Traffic stays off while a packet is stepped through xdp_prog.c: let it finish (Continue) or stop it first'
              : x.traffic === 'on'
              ? `Stop the traffic on eth0${x.autoTraffic ? ' (the running program started it; it stops with the program)' : ''}`
              : 'Start traffic on eth0: the CPUs run what is attached. While it flows, sleep() in user.c waits in real time. Run starts it for a user.c that attaches xdp_prog.c itself.'
          }
        >
          {x.traffic === 'on' ? <StopIcon /> : <PlayIcon />}
          Traffic
        </button>
        <label className="field" title="Packets per second arriving on eth0 (max: as fast as the CPUs take them)">
          <span className="visually-hidden">Traffic rate</span>
          <select className="input input-small" value={x.rate} onChange={(e) => void x.setRate(Number(e.target.value))} disabled={!enabled} data-testid="traffic-rate">
            {RATE_CHOICES.map((r) => (
              <option key={r} value={r}>
                {rateLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <label className="field" title={`${presets[x.preset].description}. The first 4096 frames are recorded and replayed in a loop.`}>
          <span className="visually-hidden">Traffic preset</span>
          <select className="input input-small" value={x.preset} onChange={(e) => void x.setPreset(e.target.value as PresetName)} disabled={!enabled || trafficBusy} data-testid="traffic-preset">
            {presetNames.map((p) => (
              <option key={p} value={p} title={presets[p].description}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <button className="btn btn-small" onClick={() => void x.step()} disabled={!enabled || busy} data-testid="xdp-step" title="Send one packet: the CPU its flow hashes to runs the attached program on it (stops the traffic first)">
          <StepIcon />
          Step
        </button>
        <StepPacketButton enabled={enabled} />
      </div>
      <StepResult />
    </div>
  )
}
