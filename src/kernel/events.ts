/**
 * The kernel event log: a ring of fixed-size records in the kernel buffer. Every bpf() syscall
 * and every map helper call of a BPF program appends one; the UI and the CLI read them.
 *
 * Writers reserve a sequence number with one atomic add and write their record in slot
 * seq % capacity; readers never block writers. A record is a tiny seqlock: the writer clears
 * the commit word, fills the record and stores commit = low32(seq) + 1 last; a reader accepts
 * a record only if the commit word matches before and after it copied the fields, so a record
 * being overwritten by a newer lap is skipped rather than shown torn.
 *
 * Sequence numbers are 53-bit: the low 32 bits come from the atomic counter, the rest from a
 * count of completed half-epochs of that counter (see seqOf).
 *
 * Helper calls of BPF programs come at packet rate from every CPU at once, so they go to one
 * ring per CPU instead (appendHelper): a CPU is the only writer of its ring, which needs no
 * atomic counter and no cache line shared with the other CPUs. Each ring has its own sequence.
 * A helper call that fails (-errno) is also logged in the main ring, where the failed-calls
 * view looks.
 *
 * Recording every successful helper call costs a CPU more than the lookup it records, and
 * nothing needs the records until someone reads them: like a kernel tracepoint, the per-CPU
 * records are written only once traceHelperCalls() has turned them on (for the whole kernel,
 * from then on). Before that a CPU only counts its calls (the ring's sequence still advances, so
 * helperSeq says whether programs ran); readers get the records from the first recorded one.
 *
 * A helper record has no commit word: the ring header counts the records *written* (raised,
 * plainly, before a record's slot is touched, so it also says which older record that slot may
 * hold) and the records *published* (stored with one Atomics.store). A CPU in a NAPI poll holds
 * its ring (holdHelperEvents) and publishes once at the end of the poll (publishHelperEvents)
 * instead of once per call, its records stamped with the poll's start time; outside a hold every
 * record is published at once. During a hold the writer counts in a plain field and claims
 * slots in the header in chunks (the written count jumps ahead by up to CLAIM_CHUNK records and
 * comes back to the true count at the publish): one shared-memory store per chunk, not two per
 * record. A reader copies published records, then re-reads the written count and drops those
 * whose slot a newer record may have started to overwrite: never a torn record (a claim ahead
 * only drops a few more), and all `capacity` records when the writer is idle.
 *
 * The written count never drops below a slot anyone wrote: a hold starts counting from the
 * published count (records a writer that died mid-hold left unpublished are overwritten, never
 * shown) but only lowers the header back to what was there when it began.
 */
import { EV_CAP, EV_REC_BYTES, H, HEV_HDR_BYTES, HEV_REC_BYTES, wallNow, type KernelMemory } from './memory'
import type { KernelEvent } from './api'

// Record words.
const R_COMMIT = 0
const R_META = 1 // origin | keyLen << 8 | extra mask << 16
const R_SEQ_F64 = 2 // words 2-3
const R_PID = 4
const R_CPU = 5
const R_OP = 6
const R_MAP = 7
const R_RET = 8
const R_IN = 9
const R_OUT = 10
const R_COUNT = 11
const R_TIME_F64 = 12 // words 12-13
const R_KEY = 14 // 16 bytes
const R_ASKED = 18
const REC_WORDS = EV_REC_BYTES >> 2
export const EVENT_KEY_BYTES = 16

export const EXTRA_IN = 1
export const EXTRA_OUT = 2
export const EXTRA_COUNT = 4
/** Batch calls: the count the caller asked for (the kernel overwrites count with the number copied). */
export const EXTRA_ASKED = 8

const ORIGIN_HELPER = 1
const TWO32 = 4294967296
const CLOCK_REFRESH = 16

// Helper ring header (single writer): records written (f64, words 0-1), records published
// (f64, words 2-3) and the published count's low 32 bits, stored last with Atomics (word 4);
// the first recorded sequence number (f64, words 6-7; 0: none yet).
const HH_WRITTEN_F64 = 0
const HH_PUBLISHED_F64 = 1
const HH_PUBLISHED_LO = 4
const HH_RECORDED_FROM_F64 = 3
// Helper record: 8 words (word 0 unused).
const HR_META = 1 // op | keyLen << 8
const HR_MAP = 2
const HR_RET = 3
const HR_TIME_F64 = 4 // words 4-5
const HR_KEY = 6 // 8 bytes
const HREC_WORDS = HEV_REC_BYTES >> 2
export const HELPER_EVENT_KEY_BYTES = 8
/** Records a held ring claims at a time (at most a quarter of the ring). */
const CLAIM_CHUNK = 64

export class EventLog {
  private readonly ringW: number
  private readonly mask: number
  private readonly boot: number
  /** Cached clock (reading the real clock costs ~80 ns; it is refreshed every few events). */
  private lastNs = 0
  private clockTick = 0

  private readonly i32: Int32Array
  private readonly f64: Float64Array
  private readonly u8: Uint8Array
  private readonly hevW: number
  private readonly hevMask: number
  private readonly hevRingWords: number
  /** Per CPU, its helper-call ring as this handle writes it. */
  private readonly rings: HelperRing[]

  constructor(private readonly mem: KernelMemory) {
    this.i32 = mem.i32
    this.f64 = mem.f64
    this.u8 = mem.u8
    this.ringW = mem.evRing >> 2
    this.mask = EV_CAP - 1
    this.boot = mem.bootTime()
    this.hevW = mem.hevRings >> 2
    const cap = mem.i32[H.HEV_CAP]
    this.hevMask = cap - 1
    this.hevRingWords = (HEV_HDR_BYTES + cap * HEV_REC_BYTES) >> 2
    const chunk = Math.max(1, Math.min(CLAIM_CHUNK, cap >> 2))
    this.rings = []
    for (let cpu = 0; cpu < mem.ncpu; cpu++) this.rings.push(new HelperRing(this, mem, cpu, this.hevW + cpu * this.hevRingWords, this.hevMask, chunk))
  }

  /** Nanoseconds since boot: real time on this machine plus the simulated time added by advance(). */
  nowNs(): number {
    return Math.round((wallNow() - this.boot) * 1e6) + this.f64[H.CLOCK_OFFSET_F64]
  }

  /** Move the kernel clock forward (a process sleeping in simulated time). Kernel lock held. */
  advance(ns: number): void {
    this.f64[H.CLOCK_OFFSET_F64] += ns
    this.clockTick = CLOCK_REFRESH
  }

  /** The kernel clock, read for real every few calls (helper records outside a hold use it too). */
  clock(): number {
    if (++this.clockTick >= CLOCK_REFRESH) {
      this.clockTick = 0
      const t = this.nowNs()
      if (t > this.lastNs) this.lastNs = t
    }
    return this.lastNs
  }

  /**
   * Append one event. keyAddr/keyLen: kernel address and length of the key (first 16 bytes
   * kept); extraMask says which of inBatch/outBatch/count are meaningful.
   */
  append(
    helper: boolean,
    pid: number,
    cpu: number,
    op: number,
    mapId: number,
    ret: number,
    keyAddr: number,
    keyLen: number,
    extraMask: number,
    inBatch: number,
    outBatch: number,
    count: number,
    asked = 0,
  ): void {
    const i32 = this.i32
    const lo = Atomics.add(i32, H.EV_LO, 1) >>> 0
    let half: number
    if (lo === 0x7fffffff || lo === 0xffffffff) half = Atomics.add(i32, H.EV_HALF, 1) >>> 0
    else half = i32[H.EV_HALF] >>> 0
    // half counts completed half-epochs; our own half-epoch has parity lo >>> 31. If the bump
    // for it has not landed yet we read one less.
    if ((half & 1) !== lo >>> 31) half += 1
    const seq = (half >>> 1) * TWO32 + lo
    const w = this.ringW + (lo & this.mask) * REC_WORDS
    i32[w + R_COMMIT] = 0
    const kl = keyLen > EVENT_KEY_BYTES ? EVENT_KEY_BYTES : keyLen
    i32[w + R_META] = (helper ? ORIGIN_HELPER : 0) | (kl << 8) | (extraMask << 16)
    this.f64[(w + R_SEQ_F64) >> 1] = seq
    i32[w + R_PID] = pid
    i32[w + R_CPU] = cpu
    i32[w + R_OP] = op
    i32[w + R_MAP] = mapId
    i32[w + R_RET] = ret
    if (extraMask !== 0) {
      // read only when the mask says so
      i32[w + R_IN] = inBatch
      i32[w + R_OUT] = outBatch
      i32[w + R_COUNT] = count
      i32[w + R_ASKED] = asked
    }
    this.f64[(w + R_TIME_F64) >> 1] = this.clock()
    if (kl > 0) {
      const u8 = this.u8
      const dst = (w + R_KEY) << 2
      if (kl === 4 && (keyAddr & 3) === 0) i32[w + R_KEY] = i32[keyAddr >> 2]
      else for (let i = 0; i < kl; i++) u8[dst + i] = u8[keyAddr + i]
    }
    Atomics.store(i32, w + R_COMMIT, (lo + 1) | 0)
  }

  /**
   * Log a helper call of a BPF program running on `cpu` (the only writer of that CPU's ring).
   * keyAddr/keyLen: kernel address and length of the key (first 8 bytes kept). Readers see it
   * at once, or at the end of the hold when the CPU holds its ring.
   */
  appendHelper(cpu: number, op: number, mapId: number, ret: number, keyAddr: number, keyLen: number): void {
    this.rings[cpu].append(op, mapId, ret, keyAddr, keyLen)
  }

  /** Records every helper call in its CPU's ring from now on (until then they are only counted). */
  traceHelperCalls(): void {
    Atomics.store(this.i32, H.HELPER_TRACE, 1)
  }

  /** `cpu`'s ring, for a writer that appends at packet rate (its append is appendHelper's). */
  helperRing(cpu: number): HelperRing {
    return this.rings[cpu]
  }

  /**
   * From now on `cpu`'s helper records become visible only at publishHelperEvents, and carry the
   * time of this call: a NAPI poll's calls are logged at the poll's start (one clock read per
   * poll instead of one every few calls, and none while calls are only counted: a clock read
   * costs a short program's NAPI poll about a nanosecond a packet).
   */
  holdHelperEvents(cpu: number): void {
    const ring = this.rings[cpu]
    ring.hold()
    if (ring.countOnly) return
    const t = this.nowNs()
    if (t > this.lastNs) this.lastNs = t
    ring.stamp(this.lastNs)
  }

  /** Makes every helper record `cpu` wrote visible and ends a hold. */
  publishHelperEvents(cpu: number): void {
    this.rings[cpu].publish()
  }

  /** Helper calls published so far by `cpu` (its ring's newest readable sequence number). */
  helperSeq(cpu: number): number {
    const hdr = this.hevW + cpu * this.hevRingWords
    Atomics.load(this.i32, hdr + HH_PUBLISHED_LO)
    return this.f64[(hdr >> 1) + HH_PUBLISHED_F64]
  }

  /** Helper calls of `cpu` with seq > afterSeq still in its ring, oldest first. */
  readHelper(cpu: number, afterSeq: number): KernelEvent[] {
    const i32 = this.i32
    const f64 = this.f64
    const u8 = this.u8
    const hdr = this.hevW + cpu * this.hevRingWords
    const last = this.helperSeq(cpu)
    const out: KernelEvent[] = []
    const recordedFrom = f64[(hdr >> 1) + HH_RECORDED_FROM_F64]
    if (recordedFrom === 0) return out
    for (let s = Math.max(afterSeq + 1, last - this.hevMask, recordedFrom); s <= last; s++) {
      const w = hdr + HEV_HDR_BYTES / 4 + (s & this.hevMask) * HREC_WORDS
      const meta = i32[w + HR_META]
      const kl = (meta >>> 8) & 0xff
      const keyAt = (w + HR_KEY) << 2
      out.push({
        seq: s,
        origin: 'helper',
        pid: 0,
        cpu,
        op: meta & 0xff,
        mapId: i32[w + HR_MAP],
        ret: i32[w + HR_RET],
        key: u8.slice(keyAt, keyAt + (kl > HELPER_EVENT_KEY_BYTES ? HELPER_EVENT_KEY_BYTES : kl)),
        timeNs: f64[(w + HR_TIME_F64) >> 1],
      })
    }
    // Records whose slot the writer has claimed since (written - capacity or older) may be torn.
    Atomics.load(i32, hdr + HH_PUBLISHED_LO)
    const oldestIntact = f64[(hdr >> 1) + HH_WRITTEN_F64] - this.hevMask
    let drop = 0
    while (drop < out.length && out[drop].seq < oldestIntact) drop++
    return drop === 0 ? out : out.slice(drop)
  }

  /** Sequence number of the newest reserved event (0 if none yet). */
  lastSeq(): number {
    const i32 = this.mem.i32
    const next = Atomics.load(i32, H.EV_LO) >>> 0
    const lo = (next - 1) >>> 0
    let half = Atomics.load(i32, H.EV_HALF) >>> 0
    if ((half & 1) !== lo >>> 31) half += 1
    return Math.floor(half / 2) * TWO32 + lo
  }

  /** Events with seq > afterSeq still in the ring, oldest first. */
  read(afterSeq: number): KernelEvent[] {
    const i32 = this.mem.i32
    const f64 = this.mem.f64
    const u8 = this.mem.u8
    const last = this.lastSeq()
    const out: KernelEvent[] = []
    const from = Math.max(afterSeq + 1, last - EV_CAP + 1, 1)
    for (let s = from; s <= last; s++) {
      const lo = s % TWO32
      const w = this.ringW + (lo & this.mask) * REC_WORDS
      const want = (lo + 1) | 0
      if (Atomics.load(i32, w + R_COMMIT) !== want) continue
      const meta = i32[w + R_META]
      const seq = f64[(w + R_SEQ_F64) >> 1]
      const kl = (meta >>> 8) & 0xff
      const mask = (meta >>> 16) & 0xff
      const keyAt = (w + R_KEY) << 2
      const ev: KernelEvent = {
        seq,
        origin: (meta & ORIGIN_HELPER) !== 0 ? 'helper' : 'syscall',
        pid: i32[w + R_PID],
        cpu: i32[w + R_CPU],
        op: i32[w + R_OP],
        mapId: i32[w + R_MAP],
        ret: i32[w + R_RET],
        key: u8.slice(keyAt, keyAt + kl),
        timeNs: f64[(w + R_TIME_F64) >> 1],
      }
      if (mask !== 0) {
        ev.extra = {}
        if (mask & EXTRA_IN) ev.extra.inBatch = i32[w + R_IN] >>> 0
        if (mask & EXTRA_OUT) ev.extra.outBatch = i32[w + R_OUT] >>> 0
        if (mask & EXTRA_COUNT) ev.extra.count = i32[w + R_COUNT] >>> 0
        if (mask & EXTRA_ASKED) ev.extra.asked = i32[w + R_ASKED] >>> 0
      }
      if (Atomics.load(i32, w + R_COMMIT) !== want || seq !== s) continue
      out.push(ev)
    }
    return out
  }
}

/**
 * One CPU's helper-call ring as its single writer sees it (the format and the reader's rules are
 * described at the top of this file).
 */
export class HelperRing {
  private readonly i32: Int32Array
  private readonly f64: Float64Array
  private readonly u8: Uint8Array
  /** Float64 indexes of the header's written and published counts, word index of the first record. */
  private readonly writtenAt: number
  private readonly publishedAt: number
  private readonly recordedFromAt: number
  private readonly recs: number
  private held = false
  /**
   * While held: the published count at the hold and its slot, the records written since and the
   * count claimed since (small integers: a double in a field costs an allocation per store), and
   * the header's written count at the hold (never lowered below).
   */
  private base = 0
  private baseSlot = 0
  private claimedN = 0
  private floor = 0
  /** Whether calls are recorded (EventLog.traceHelperCalls), as seen at the last hold or call. */
  private recording = false
  /**
   * Held and not recording: a successful call only counts (`n++`). The hottest callers (the
   * bound map lookups of helpers.ts) do that themselves instead of calling append: V8 stops
   * inlining that deep in a NAPI poll, and the call cost more than the lookup.
   */
  countOnly = false
  /** While held: calls since the hold. */
  n = 0
  /** While held: the time every record gets. */
  private batchNs = 0

  constructor(
    private readonly log: EventLog,
    mem: KernelMemory,
    private readonly cpu: number,
    private readonly hdr: number,
    private readonly mask: number,
    private readonly chunk: number,
  ) {
    this.i32 = mem.i32
    this.f64 = mem.f64
    this.u8 = mem.u8
    this.writtenAt = (hdr >> 1) + HH_WRITTEN_F64
    this.publishedAt = (hdr >> 1) + HH_PUBLISHED_F64
    this.recordedFromAt = (hdr >> 1) + HH_RECORDED_FROM_F64
    this.recs = hdr + HEV_HDR_BYTES / 4
  }

  /**
   * One helper call (see EventLog.appendHelper). The held path of a successful call is kept
   * small: V8 inlines it into the helper that calls it, which pays more than any store saved.
   */
  append(op: number, mapId: number, ret: number, keyAddr: number, keyLen: number): void {
    if (!this.held || ret < 0) return this.appendSlow(op, mapId, ret, keyAddr, keyLen)
    const n = this.n + 1
    this.n = n
    if (!this.recording) return
    // claimed before the slot is touched: readers drop the record it held
    if (n > this.claimedN) this.claim(n)
    this.fill(this.recs + ((this.baseSlot + n) & this.mask) * HREC_WORDS, op, mapId, ret, keyAddr, keyLen, this.batchNs)
  }

  private appendSlow(op: number, mapId: number, ret: number, keyAddr: number, keyLen: number): void {
    const f64 = this.f64
    if (this.held) {
      const n = ++this.n
      if (this.recording) {
        if (n > this.claimedN) this.claim(n)
        this.fill(this.recs + ((this.baseSlot + n) & this.mask) * HREC_WORDS, op, mapId, ret, keyAddr, keyLen, this.batchNs)
      }
    } else {
      const seq = f64[this.publishedAt] + 1
      if (seq > f64[this.writtenAt]) f64[this.writtenAt] = seq
      if (this.startRecording(seq)) this.fill(this.recs + (seq & this.mask) * HREC_WORDS, op, mapId, ret, keyAddr, keyLen, this.log.clock())
      this.publishTo(seq)
    }
    // a failure is also a failed call for the main log's readers
    if (ret < 0) this.log.append(true, 0, this.cpu, op, mapId, ret, keyAddr, keyLen, 0, 0, 0, 0)
  }

  /** Writes the record at word w. */
  private fill(w: number, op: number, mapId: number, ret: number, keyAddr: number, keyLen: number, timeNs: number): void {
    const i32 = this.i32
    const kl = keyLen > HELPER_EVENT_KEY_BYTES ? HELPER_EVENT_KEY_BYTES : keyLen
    i32[w + HR_META] = op | (kl << 8)
    i32[w + HR_MAP] = mapId
    i32[w + HR_RET] = ret
    this.f64[(w + HR_TIME_F64) >> 1] = timeNs
    if ((keyAddr & 3) === 0 && (kl === 4 || kl === 8)) {
      i32[w + HR_KEY] = i32[keyAddr >> 2]
      if (kl === 8) i32[w + HR_KEY + 1] = i32[(keyAddr >> 2) + 1]
    } else if (kl > 0) {
      const u8 = this.u8
      const dst = (w + HR_KEY) << 2
      for (let i = 0; i < kl; i++) u8[dst + i] = u8[keyAddr + i]
    }
  }

  /**
   * Whether the call numbered `seq` (and every later one) is recorded: once tracing is on, the
   * first call that sees it marks where the records start.
   */
  private startRecording(seq: number): boolean {
    if (!this.recording && Atomics.load(this.i32, H.HELPER_TRACE) !== 0) {
      this.recording = true
      if (this.f64[this.recordedFromAt] === 0) this.f64[this.recordedFromAt] = seq
    }
    return this.recording
  }

  /** Records are published at publish() only (stamped with the time stamp() gives, when recording). */
  hold(): void {
    if (this.held) return
    this.held = true
    this.startRecording(this.f64[this.publishedAt] + 1)
    this.base = this.f64[this.publishedAt]
    this.baseSlot = this.base & this.mask
    this.n = 0
    this.floor = this.f64[this.writtenAt]
    this.claimedN = 0
    this.countOnly = !this.recording
  }

  /** The time of the records written from now on in this hold. */
  stamp(ns: number): void {
    this.batchNs = ns
  }

  /** Publishes the records of the hold and ends it. */
  publish(): void {
    if (!this.held) return
    this.held = false
    this.countOnly = false
    const written = this.base + this.n
    // back from the claim ahead, never below what was claimed before this hold
    this.f64[this.writtenAt] = written > this.floor ? written : this.floor
    if (written !== this.f64[this.publishedAt]) this.publishTo(written)
  }

  private claim(n: number): void {
    const claimedN = n + this.chunk - 1
    this.claimedN = claimedN
    const claimed = this.base + claimedN
    if (claimed > this.floor) this.f64[this.writtenAt] = claimed
  }

  private publishTo(seq: number): void {
    this.f64[this.publishedAt] = seq
    Atomics.store(this.i32, this.hdr + HH_PUBLISHED_LO, seq | 0)
  }
}
