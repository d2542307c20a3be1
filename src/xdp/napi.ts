/**
 * The NAPI poll of one simulated CPU, shared by the Node CPU worker (cpu-worker.ts) and the
 * browser's (browser-cpu.ts): take up to a budget of the buffers the NIC published in the CPU's
 * RX queue, run them through the program the CPU has for this poll (a fixed one, or whatever is
 * attached to the interface at the start of the poll: follow.ts), or pass them to the stack when
 * nothing is attached, then give the buffers back to the NIC. What is per poll rather than per
 * packet (the program word, the helper-event publication, the buffer release) happens here
 * once. The drivers differ only in how they wait, stop and report.
 */
import { XdpCpu } from './cpu'
import type { FollowingCpu } from './follow'
import { NAPI_BUDGET, type RxRing } from './rx-queue'

export class NapiPoller {
  /** Position of the next buffer to process. */
  pos: number
  /** The program instance the last poll ran (null: nothing attached, the packets passed). */
  lastCpu: XdpCpu | null = null
  /** Action of the last packet of the last poll. */
  lastAction = 0
  private readonly fixed: XdpCpu | null
  private readonly follow: FollowingCpu | null

  constructor(
    private readonly queue: RxRing,
    /** A CPU running one program, or one following its interface's attached program. */
    source: XdpCpu | FollowingCpu,
  ) {
    this.fixed = source instanceof XdpCpu ? source : null
    this.follow = source instanceof XdpCpu ? null : source
    this.pos = queue.tail()
  }

  /** Waits for published buffers (spinning briefly, then sleeping); 0 once the queue is closed and drained. */
  wait(): number {
    return this.queue.ready(this.pos)
  }

  /** Buffers published and not yet processed, without waiting. */
  available(): number {
    return this.queue.available(this.pos)
  }

  /** One poll over `ready` published buffers (at most a budget of them); returns how many it took. */
  poll(ready: number): number {
    const n = ready < NAPI_BUDGET ? ready : NAPI_BUDGET
    const cpu = this.follow !== null ? this.follow.poll() : this.fixed
    this.lastCpu = cpu
    if (cpu === null) {
      this.follow!.passNoProgram(n)
      this.lastAction = 2 // XDP_PASS
    } else {
      this.lastAction = cpu.runQueue(this.queue, this.pos, n)
    }
    this.pos = (this.pos + n) | 0
    this.queue.release(this.pos)
    return n
  }

  /** Tag of the last buffer processed. */
  lastTag(): number {
    return this.queue.tagAt((this.pos - 1) | 0)
  }
}
