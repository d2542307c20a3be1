/**
 * A CPU that runs whatever XDP program is attached to its interface, as a NIC's NAPI poll does
 * with `rcu_dereference(rxq->xdp_prog)`: once per poll it reads the interface's attached-program
 * word (src/kernel/progs.ts); when the id changed it drops the old program and builds an XdpCpu
 * for the new one from the kernel's program table (data segment, map ids) and the host's table
 * of compiled programs (object key -> Program). With nothing attached, packets go to the stack
 * (counted as XDP_PASS, and as `noProgram`). The worker thread stays the same across attaches.
 *
 * The CPU holds a reference on the program it runs (ProgTable.hold), so a program detached and
 * closed by userspace is freed only once every CPU has moved on: the kernel's RCU grace period.
 */
import type { Program } from '../lang/api'
import type { Kernel } from '../kernel/kernel'
import { XdpCpu, type CpuOptions, type XdpFault } from './cpu'
import { loadedView } from './loader'

const XDP_PASS = 2

export interface FollowOptions extends Omit<CpuOptions, 'loaded' | 'entry' | 'ingressIfindex'> {
  /** Host's compiled programs by object key (what ProgTable entries name). */
  objects: Record<string, Program>
  ifindex: number
}

export class FollowingCpu {
  readonly actions = [0, 0, 0, 0, 0]
  packets = 0
  invalidActions = 0
  faultCount = 0
  readonly faults: XdpFault[] = []
  /** Packets that found no program attached (passed to the stack). */
  noProgram = 0
  /** Ids of the programs this CPU ran, in order. */
  readonly programs: number[] = []
  private current: XdpCpu | null = null
  private progId = 0
  private readonly word: number
  private readonly i32: Int32Array
  private readonly kernel: Kernel

  constructor(private readonly opts: FollowOptions) {
    this.kernel = opts.kernel
    this.word = opts.kernel.progTable.xdpProgWord(opts.ifindex)
    if (this.word < 0) throw new Error(`no interface with ifindex ${opts.ifindex}`)
    this.i32 = new Int32Array(opts.kernel.sab)
  }

  /** Start of a NAPI poll: the program to run this poll, or null (pass to the stack). */
  poll(): XdpCpu | null {
    const id = Atomics.load(this.i32, this.word)
    if (id !== this.progId) this.switchTo(id)
    return this.current
  }

  /** Id of the program the last poll() returned (0: none). */
  get programId(): number {
    return this.current === null ? 0 : this.progId
  }

  /** Packets of a poll that found no program. */
  passNoProgram(n: number): void {
    this.noProgram += n
    this.packets += n
    this.actions[XDP_PASS] += n
  }

  /** Folds the running program's counts in and releases it. */
  close(): void {
    this.switchTo(0)
  }

  private switchTo(id: number): void {
    const old = this.current
    if (old !== null) {
      this.packets += old.packets
      old.actions.forEach((n, i) => (this.actions[i] += n))
      this.invalidActions += old.invalidActions
      this.faultCount += old.faultCount
      for (const f of old.faults) if (this.faults.length < 20) this.faults.push(f)
      old.close()
      this.kernel.progTable.release(this.progId)
      this.current = null
    }
    this.progId = id
    if (id === 0) return
    const held = this.kernel.progTable.hold(id)
    if (held === null) return // detached and freed before we got to it: the next poll sees 0
    const program = this.opts.objects[held.object]
    if (program === undefined) {
      this.kernel.progTable.release(id)
      this.faultCount++
      if (this.faults.length < 20) this.faults.push({ cpu: this.opts.cpu, packet: -1, message: `program ${id} comes from object '${held.object}', which this CPU was not given: packets pass` })
      return
    }
    const loaded = loadedView(program, held.dataAddr, held.mapIds.map((mapId) => ({ id: mapId })))
    try {
      this.current = new XdpCpu({ ...this.opts, loaded, entry: held.entry, ingressIfindex: this.opts.ifindex })
    } catch (e) {
      this.kernel.progTable.release(id)
      throw e
    }
    this.programs.push(id)
  }
}
