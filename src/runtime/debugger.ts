/**
 * The stepping engine for a userspace process compiled with hooks: 'statements'. It is the
 * process's trap handler (ProcessOptions.trap): at each hook it decides whether to pause (a
 * breakpoint, the end of a step, the run-to line), and if so builds what a debugger shows
 * (position, call stack, locals and globals decoded with their C types) and hands it to the
 * injected `pause` function, which blocks until the user's next command and returns it. In the
 * browser `pause` posts the state and Atomics.waits on a shared word (workers/process.worker.ts);
 * in tests it is a plain function, so the engine runs step by step in-process.
 *
 * Shared control words (an Int32Array the host also holds):
 *   ctl[0]  0 = run at full speed (hooks skip the trap), 1 = stop requested, 2 = trap at every hook,
 *           3 = hooks only count themselves (a run recording for step back, going on freely)
 *   ctl[1]  number of breakpoints set (the host keeps it; > 0 keeps ctl[0] at 2 while running)
 * Breakpoints are a shared byte per line of the main file (1 = set), so the host can set and
 * clear them while the program runs: it updates the byte and ctl[1], then moves ctl[0] from 0
 * (or 3) to 2.
 *
 * Time travel (time-travel.ts) needs the exact number of statements run before each pause: a
 * run that starts trapping keeps the count, through traps or counting hooks, and remembers per
 * call depth where the last line started, which is where step back goes.
 *
 * Steps follow gdb's line semantics: a step ends at a statement on a different line, or the same
 * line in another call (a loop's header is reached again through its back-edge hook). Depth is
 * the number of frame records (every function pushes one when stepping: debug-info.ts).
 */
import { NULL_GUARD } from '../lang/abi'
import type { Program } from '../lang/api'
import type { DebugFunction, DebugScope } from '../lang/debug-info'
import { cFramesHere } from './asan'
import { decodeValue, type DecodeContext, type ValueView } from './debug-values'
import { ProbeWatcher, type FrameValues, type ProbeResult } from './probes'
import { CTL_COUNT, CTL_DEBUG, CTL_RUN, CTL_STOP, initialCtl, RewindRequest, type DebugCommand, type DebugControl, type DebuggerOptions, type PauseReason, type PauseState, type StackFrameView } from './debug-control'
import { StopRequest, type Process } from './process'

export * from './debug-control'

type Mode = { k: 'continue' } | { k: 'into' } | { k: 'over'; depth: number } | { k: 'out'; depth: number } | { k: 'runTo'; line: number }

/** Names the C library defines and programs only declare: not the program's globals. */
const LIBC_GLOBALS = new Set(['stdin', 'stdout', 'stderr'])

export class Debugger {
  private mode: Mode
  private readonly lineOf: Int32Array
  private readonly isEntry: Uint8Array
  private readonly fns: DebugFunction[]
  private readonly scopes: DebugScope[]
  private lastLine = -1
  private lastDepth = -1
  private first = true
  /** Per depth: the scope and register values of the last trap there (callers' locals). */
  private regScopes: (number | undefined)[] = []
  private regValues: unknown[][] = []
  /** Statements so far (traps and counted hooks): the program's clock for time travel. */
  private time = 0
  /** The process's counted hooks (abi.ts ticks), once a trap has shown them. */
  private ticks: Float64Array | null = null
  /** Per call depth, the time of the last statement that started a line there (step back's targets). */
  private lastStart: number[] = []
  /** Statements ran counted, not traced, so lastStart may be out of date (a replay finds the line). */
  private stale = false
  /** The count is exact: step back can work in this run. */
  private readonly recording: boolean
  /** Why step back cannot work in this run (null: it can). */
  private readonly historyNote: string | null
  private readonly replayTo: number
  /** Inline probes of this run (`// ^?`), or null. */
  private readonly probes: ProbeWatcher | null

  constructor(
    private readonly program: Program,
    private readonly control: DebugControl,
    private readonly pause: (state: PauseState) => DebugCommand,
    private readonly opts: DebuggerOptions = {},
  ) {
    const debug = program.debug
    if (!debug || debug.scopes.length === 0) throw new Error('the program was not compiled with hooks: statements')
    this.fns = debug.functions
    this.scopes = debug.scopes
    this.lineOf = new Int32Array(program.statements.length)
    program.statements.forEach((p, sid) => {
      if (p.file === program.filename) this.lineOf[sid] = p.line
    })
    this.isEntry = new Uint8Array(program.statements.length)
    for (const f of this.fns) this.isEntry[f.sid] = 1
    this.mode = opts.startPaused ? { k: 'into' } : opts.runToLine ? { k: 'runTo', line: opts.runToLine } : { k: 'continue' }
    // Step back replays the program to an earlier statement count, so the count must be exact
    // from the first statement: the run must trap at every hook from its start.
    const tt = opts.timeTravel
    this.replayTo = opts.replayTo ?? 0
    this.probes = opts.probes?.length ? new ProbeWatcher(opts.probes) : null
    this.recording = tt !== undefined && tt.unavailable === null && (this.replayTo > 0 || Atomics.load(control.ctl, 0) === CTL_DEBUG)
    this.historyNote = !tt
      ? 'step back is not available here'
      : tt.unavailable ?? (this.recording ? null : 'the program started at full speed; step back works in runs started with Step, Run to cursor or a breakpoint')
  }

  /** Statements executed so far. */
  get now(): number {
    return this.time + (this.ticks?.[0] ?? 0)
  }

  /** The inline probes' values so far (none without probes). */
  probeResults(): ProbeResult[] {
    return this.probes?.snapshot() ?? []
  }

  /** The main-file line of the current statement (0 outside the main file). */
  get line(): number {
    return this.lastLine
  }

  /** The value the host should put in ctl[0] before the run starts. */
  static initialCtl = initialCtl

  /** ProcessOptions.trap. */
  readonly trap = (sid: number, proc: Process, scope?: number, values?: unknown[]): void => {
    const ctl = this.control.ctl
    if (Atomics.load(ctl, 0) === CTL_STOP) throw new StopRequest('stopped (Stop was pressed)')
    const depth = proc.frames[0] >> 1
    // (two arrays, no object per statement: a recording run traps at every one)
    if (scope !== undefined) {
      this.regScopes[depth] = scope
      this.regValues[depth] = values ?? []
    }
    const ticks = (this.ticks = proc.ticks ?? null)
    if (ticks !== null && ticks[0] !== 0) {
      // statements that ran counted (CTL_COUNT) since the last trap
      this.time += ticks[0]
      ticks[0] = 0
      this.stale = true
    }
    const time = ++this.time
    const line = this.lineOf[sid]
    const sameLine = line === this.lastLine && depth === this.lastDepth
    this.lastLine = line
    this.lastDepth = depth
    const startsLine = !sameLine && line !== 0 && this.isEntry[sid] !== 1
    if (this.probes !== null) this.probes.onStatement(line, depth, sameLine, () => this.frameValues(sid, depth, proc))
    let reason: PauseReason | null
    if (time < this.replayTo) reason = null // replaying silently towards a step back's target
    else if (time === this.replayTo) {
      if (this.opts.resolveStepBack && this.stepBackTarget(depth) > 0) throw new RewindRequest(this.stepBackTarget(depth))
      reason = 'stepBack'
    } else reason = this.reasonToPause(sid, line, depth, sameLine)
    if (reason === null) {
      if (startsLine) this.lastStart[depth] = time
      if (this.mode.k === 'continue' && time >= this.replayTo) this.runFreely()
      return
    }
    this.first = false
    // what the program printed so far shows before the pause, as on a terminal
    proc.flush()
    let notice: string | undefined
    for (;;) {
      const cmd = this.pause(this.state(reason, sid, depth, proc, notice))
      if (cmd.k !== 'stepBack') {
        if (startsLine) this.lastStart[depth] = time
        return this.obey(cmd, depth)
      }
      const why = this.cannotStepBack() ?? this.opts.timeTravel?.check(proc.pid) ?? null
      // after a counted stretch, a replay to here finds the line first
      if (why === null) throw this.stale ? new RewindRequest(time, true) : new RewindRequest(this.stepBackTarget(depth))
      notice = `Step back refused: ${why}.`
    }
  }

  /**
   * The statement step back goes to: the start of the previous line at this depth or an outer
   * one (gdb's reverse-next: calls made since are stepped over); 0 if there is none.
   */
  private stepBackTarget(depth: number): number {
    let best = 0
    for (let d = Math.min(depth, this.lastStart.length - 1); d >= 0; d--) {
      const t = this.lastStart[d]
      if (t !== undefined && t > best) best = t
    }
    return best
  }

  private cannotStepBack(): string | null {
    if (this.historyNote !== null) return this.historyNote
    if (this.stale) return null // counted statements ran: there is an earlier line
    return this.stepBackTarget(this.lastDepth) === 0 ? 'this is the first line of the program' : null
  }

  private reasonToPause(sid: number, line: number, depth: number, sameLine: boolean): PauseReason | null {
    if (line === 0) return null // not a line of the main file (a header's inline function)
    if (this.control.breakpoints[line] === 1 && !sameLine) return 'breakpoint'
    if (sameLine || this.isEntry[sid] === 1) return null
    const m = this.mode
    switch (m.k) {
      case 'into': return this.first ? 'entry' : 'step'
      case 'over': return depth <= m.depth ? 'step' : null
      case 'out': return depth < m.depth ? 'step' : null
      case 'runTo': return line === m.line ? 'runToLine' : null
      case 'continue': return null
    }
  }

  private obey(cmd: DebugCommand, depth: number): void {
    switch (cmd.k) {
      case 'stop': throw new StopRequest('stopped (Stop was pressed)')
      case 'stepInto': this.mode = { k: 'into' }; break
      case 'stepOver': this.mode = { k: 'over', depth }; break
      case 'stepOut': this.mode = { k: 'out', depth }; break
      case 'runToLine': this.mode = { k: 'runTo', line: cmd.line }; break
      case 'continue': this.mode = { k: 'continue' }; break
      case 'stepBack': break // handled where the pause returns
    }
    if (this.mode.k === 'continue') this.runFreely()
    else {
      Atomics.compareExchange(this.control.ctl, 0, CTL_RUN, CTL_DEBUG)
      Atomics.compareExchange(this.control.ctl, 0, CTL_COUNT, CTL_DEBUG)
    }
  }

  /**
   * Continue without breakpoints: hooks stop trapping (full speed) until the host sets one; in
   * a run recording for step back they go on counting (ctl 3), which costs little.
   */
  private runFreely(): void {
    const ctl = this.control.ctl
    // probes must see every line end
    if (this.probes !== null || Atomics.load(ctl, 1) > 0) return
    const free = this.recording ? CTL_COUNT : CTL_RUN
    Atomics.compareExchange(ctl, 0, CTL_DEBUG, free)
    // a breakpoint set meanwhile: the host's move to 2 may have come before ours away from it
    if (Atomics.load(ctl, 1) > 0) Atomics.compareExchange(ctl, 0, free, CTL_DEBUG)
    // the program runs untraced: what we knew of callers' registers and the last line goes stale
    this.regScopes = []
    this.regValues = []
    this.lastLine = -1
    this.lastDepth = -1
  }

  private state(reason: PauseReason, sid: number, depth: number, proc: Process, notice?: string): PauseState {
    const program = this.program
    const pos = program.statements[sid]
    const ctx = this.decodeContext(proc)
    const frames = proc.objects.liveFrames() // innermost first
    const positions = cFramesHere(program) // innermost first, from the JS stack
    const stack: StackFrameView[] = frames.map((f, i) => {
      const at = i === 0 ? pos : positions[i]?.pos ?? null
      const { locals, captured } = this.frameLocals(ctx, f, depth - i, i === 0 ? sid : positions[i]?.sid ?? -1)
      return { fn: f.fn.name, file: at?.file ?? program.filename, line: at?.line ?? f.fn.line, col: at?.col ?? 1, captured, locals }
    })
    const noStepBack = this.cannotStepBack()
    return {
      reason, sid, file: pos.file, line: pos.line, col: pos.col, depth, stack, globals: this.globals(ctx), time: this.time, noStepBack,
      ...(notice ? { notice } : {}),
      ...(this.probes ? { probes: this.probes.snapshot() } : {}),
    }
  }

  private decodeContext(proc: Process): DecodeContext {
    return { dv: proc.mem.dv, size: proc.mem.size, objects: proc.objects, program: this.program }
  }

  /** What the innermost frame sees (inline probes). */
  private frameValues(sid: number, depth: number, proc: Process): FrameValues {
    const ctx = this.decodeContext(proc)
    const f = proc.objects.liveFrames()[0]
    return { locals: f ? this.frameLocals(ctx, f, depth, sid).locals : [], globals: this.globals(ctx) }
  }

  /** A frame's variables in scope at statement `atSid`, registers as last captured at that depth. */
  private frameLocals(ctx: DecodeContext, f: { fn: DebugFunction; fp: number }, fDepth: number, atSid: number): { locals: ValueView[]; captured: boolean } {
    const sidScopes = this.program.debug!.sidScopes
    const seenScope = this.regScopes[fDepth]
    const fid = this.fns.indexOf(f.fn)
    let scope: DebugScope | undefined
    let values: unknown[] | null = null
    if (seenScope !== undefined && this.scopes[seenScope]?.fid === fid) {
      scope = this.scopes[seenScope]
      values = this.regValues[fDepth]
    } else if (atSid >= 0 && sidScopes[atSid] >= 0) scope = this.scopes[sidScopes[atSid]]
    return { locals: scope ? this.locals(ctx, f.fn, f.fp, scope, values) : [], captured: values !== null }
  }

  private globals(ctx: DecodeContext): ValueView[] {
    return this.program.globals
      .filter((g) => !LIBC_GLOBALS.has(g.name) && !g.section)
      // the data segment starts right after the NULL guard (process.ts)
      .map((g) => decodeValue(ctx, g.name, g.type, { addr: NULL_GUARD + g.offset }))
  }

  private locals(ctx: DecodeContext, fn: DebugFunction, fp: number, scope: DebugScope, values: unknown[] | null): ValueView[] {
    let r = 0
    return scope.vars.map((vi) => {
      const v = fn.vars[vi]
      if (!v.reg) return decodeValue(ctx, v.name, v.type, { addr: fp + v.off })
      const value = values ? values[r] : undefined
      r++
      if (!values) return { name: v.name, type: decodeValue(ctx, v.name, v.type, { reg: 0 }).type, value: '—', note: 'held in a register: not captured (the program ran without stepping since this call)' }
      return decodeValue(ctx, v.name, v.vla ? { kind: 'pointer', to: v.type.kind === 'array' ? v.type.of : v.type } : v.type, { reg: value })
    })
  }
}
