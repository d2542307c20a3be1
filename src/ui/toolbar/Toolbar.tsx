/**
 * The header: the examples menu, Run / Stop / Reboot, the machine settings (changing one
 * reboots the kernel with it), Share and the theme switch; under it, eth0's XDP row (XdpBar).
 */
import { useEffect, useState } from 'react'
import { useMachine } from '../machine/store'
import { useTheme } from '../theme'
import { CPU_CHOICES } from '../workspace/files'
import { endDemo, useDemo } from '../workspace/demo'
import { useWorkspace } from '../workspace/store'
import { Logo, MoonIcon, PlayIcon, RebootIcon, StopIcon, SunIcon } from '../layout/icons'
import { ExamplesMenu } from './ExamplesMenu'
import { ShareButton } from './SharePanel'
import { LessonsButton } from '../lessons/LessonsButton'
import { XdpBar } from './XdpBar'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
export const RUN_SHORTCUT = isMac ? '⌘ Enter' : 'Ctrl Enter'

function SeedInput({ disabled }: { disabled: boolean }) {
  const seed = useWorkspace((s) => s.settings.seed)
  const setSettings = useWorkspace((s) => s.setSettings)
  const [text, setText] = useState(seed === null ? '' : String(seed))
  useEffect(() => setText(seed === null ? '' : String(seed)), [seed])
  const valid = text.trim() === '' || (/^\d+$/.test(text.trim()) && Number(text) <= 0xffffffff)
  const commit = () => {
    if (!valid) return
    const next = text.trim() === '' ? null : Number(text.trim())
    if (next !== seed) setSettings({ seed: next })
  }
  return (
    <label className="field" title="Seed for the per-map hash seeds. Empty: random, as in Linux (hash iteration order changes from run to run). A number makes every run the same.">
      <span className="field-label field-label-wide">Hash seed</span>
      <input
        className={`input input-seed mono ${valid ? '' : 'input-invalid'}`}
        value={text}
        placeholder="random"
        aria-label="Hash seed (empty: random)"
        inputMode="numeric"
        disabled={disabled}
        aria-invalid={!valid}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit()
        }}
      />
    </label>
  )
}

export function Toolbar({ canRun }: { canRun: boolean }) {
  const phase = useMachine((s) => s.phase)
  const run = useMachine((s) => s.run)
  const stop = useMachine((s) => s.stop)
  const bootKernel = useMachine((s) => s.bootKernel)
  const cpus = useWorkspace((s) => s.settings.cpus)
  const setSettings = useWorkspace((s) => s.setSettings)
  const theme = useTheme((s) => s.theme)
  const toggleTheme = useTheme((s) => s.toggle)
  const busy = phase !== 'idle'
  // The first visit's live demo (workspace/demo.ts) stops with Stop like a program would.
  const demoOn = useDemo((s) => s.phase !== 'off')

  return (
    <>
    <header className="toolbar">
      <div className="brand">
        <Logo />
        <span className="brand-name">bpfplay</span>
        <span className="brand-tag">eBPF maps on a simulated Linux kernel</span>
      </div>
      <div className="toolbar-group">
        <ExamplesMenu />
        <LessonsButton />
      </div>
      <div className="toolbar-group" role="group" aria-label="Program">
        <button className="btn btn-primary" onClick={() => void run()} disabled={!canRun || busy} aria-keyshortcuts="Control+Enter Meta+Enter" title={`Compile and run user.c (${RUN_SHORTCUT})`} data-testid="run">
          <PlayIcon />
          {phase === 'compiling' ? 'Compiling…' : phase === 'running' || phase === 'stopping' ? 'Running…' : 'Run'}
          <kbd className="kbd-hint">{RUN_SHORTCUT}</kbd>
        </button>
        <button
          className="btn btn-danger"
          aria-label="Stop"
          onClick={phase === 'running' ? stop : () => void endDemo('stop')}
          disabled={phase !== 'running' && !demoOn}
          title={phase !== 'running' && demoOn ? 'Stop the demo traffic on eth0' : 'Stop the running program (SIGKILL)'}
          data-testid="stop"
        >
          <StopIcon />
          <span className="btn-text-optional">Stop</span>
        </button>
        <button
          className="btn"
          onClick={() => void bootKernel(useWorkspace.getState().settings)}
          disabled={!canRun || phase === 'compiling'}
          aria-label="Reboot"
          title="Reset the kernel: a fresh boot, every map and pin is gone"
          data-testid="reboot"
        >
          <RebootIcon />
          <span className="btn-text-optional">Reboot</span>
        </button>
      </div>
      <div className="toolbar-group toolbar-settings" role="group" aria-label="Machine">
        <label className="field" title="Possible CPUs of the simulated machine: per-CPU maps have one value slot per possible CPU. Changing it reboots.">
          <span className="visually-hidden">Possible CPUs</span>
          <select className="input" value={cpus} disabled={busy} onChange={(e) => setSettings({ cpus: Number(e.target.value) })}>
            {CPU_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n} CPU{n > 1 ? 's' : ''}
              </option>
            ))}
          </select>
        </label>
        <SeedInput disabled={busy} />
      </div>
      <div className="toolbar-group toolbar-end">
        <ShareButton />
        <button className="btn btn-icon" onClick={toggleTheme} aria-label={theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme'} title="Light or dark theme">
          {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
        </button>
      </div>
    </header>
    <XdpBar canRun={canRun} />
    </>
  )
}
