/**
 * Loaded BPF programs, bpf_links and network devices, in kernel memory: what BPF_PROG_LOAD,
 * BPF_LINK_CREATE (XDP) and the netdev's `xdp_prog` pointer are in Linux.
 *
 * A program is a table slot: id, type, name, the kernel address of its data segment (globals and
 * the `&map` slots the compiled code reads map ids from), the ids of the maps it uses (it holds a
 * reference on each, as a loaded program does) and an *object key*: the name under which the host
 * registered the compiled program, so a CPU worker can instantiate the same code. The slot is
 * freed, and its maps released, when its last reference goes: fds, links and CPUs running it each
 * hold one (a CPU holding a reference replaces RCU's grace period: a detached program is not freed
 * under a CPU that is still processing a packet with it).
 *
 * A network device has one word holding the attached XDP program's id (0 = none), written with
 * Atomics.store on attach/detach and read by CPUs once per NAPI poll, and one holding the link id.
 * Attachments are bpf_links: the link's fd keeps it; closing the last fd (bpf_link__destroy, or
 * process exit) detaches, as for link-based XDP attachments in Linux.
 *
 * fd entries (fdtable.ts): a program fd is PROG_FD_BASE - slot, a link fd LINK_FD_BASE - slot
 * (negative, so map-only code paths see "not a map"). All changes happen under the kernel lock;
 * the snapshot readers (`programs()`, `links()`, `netdevs()`) never lock or write.
 *
 * Layout (byte offsets from the table's address, kept in header word H.PROG_TABLE):
 *   0      magic, next prog id, next link id
 *   64     netdevs: MAX_NETDEVS x 64 bytes  {ifindex, xdp prog id, xdp link id; name at +16}
 *   320    programs: MAX_PROGS x 512 bytes  {state, id, refs, type, data, nmaps, loader pid;
 *          name at +32 (16), entry function at +48 (64), object key at +112 (128), map ids at +240}
 *   33088  links: MAX_LINKS x 32 bytes      {state, id, refs, prog id, prog slot, ifindex, attach type}
 */
import type { FdTable } from './fdtable'
import { H, type KernelMemory } from './memory'
import type { MapTable } from './maps/table'
import { Errno } from './uapi'

export const BPF_PROG_TYPE_XDP = 6
/** enum bpf_attach_type BPF_XDP. */
export const BPF_XDP = 37
export const MAX_PROGS = 64
export const MAX_LINKS = 64
export const MAX_NETDEVS = 4
/** Maps one program may use (the kernel's MAX_USED_MAPS). */
export const MAX_PROG_MAPS = 64
export const PROG_FD_BASE = -0x10000
export const LINK_FD_BASE = -0x20000

/** The simulated machine's interfaces: the loopback and the NIC the traffic generator feeds. */
export const NETDEVS = [
  { ifindex: 1, name: 'lo' },
  { ifindex: 2, name: 'eth0' },
] as const
export const NIC_IFINDEX = 2

const MAGIC = 0x50524f47 // "PROG"
const HDR_BYTES = 64
const ND_BYTES = 64
const PROG_BYTES = 512
const LINK_BYTES = 32
const ND_OFF = HDR_BYTES
const PROG_OFF = ND_OFF + MAX_NETDEVS * ND_BYTES
const LINK_OFF = PROG_OFF + MAX_PROGS * PROG_BYTES
export const PROG_TABLE_BYTES = LINK_OFF + MAX_LINKS * LINK_BYTES

const T_MAGIC = 0
const T_NEXT_PROG = 1
const T_NEXT_LINK = 2

const ND_IFINDEX = 0
const ND_XDP_PROG = 1
const ND_XDP_LINK = 2
const ND_NAME = 16

const P_STATE = 0
const P_ID = 1
const P_REFS = 2
const P_TYPE = 3
const P_DATA = 4
const P_NMAPS = 5
const P_PID = 6
const P_NAME = 32
const P_ENTRY = 48
const P_OBJECT = 112
const P_MAPS = 240
const NAME_BYTES = 16
const ENTRY_BYTES = 64
const OBJECT_BYTES = 128

const L_STATE = 0
const L_ID = 1
const L_REFS = 2
const L_PROG = 3
const L_PROG_SLOT = 4
const L_IFINDEX = 5
const L_ATTACH = 6

const FREE = 0
const LIVE = 1
/** A link whose attachment is gone (bpf_link__detach) while its fd stays open. */
const DEFUNCT = 2

/** What BPF_PROG_LOAD is given here: the loader has created the maps and placed the data. */
export interface ProgLoadSpec {
  type: number
  /** Program name (the kernel keeps 15 characters, as bpftool shows). */
  name: string
  /** Function the CPU calls (the full C name). */
  entry: string
  /** Host's name for the compiled program (which Program to instantiate). */
  object: string
  /** Kernel address of the program's data segment; the program owns it from now on (kfree at unload). */
  dataAddr: number
  /** Ids of the maps the program uses, in the compiled Program's `maps` order. */
  mapIds: number[]
}

/** A program as a CPU needs it to run it (see `hold`). */
export interface HeldProgram {
  id: number
  type: number
  entry: string
  object: string
  dataAddr: number
  mapIds: number[]
}

export interface ProgSnapshot extends HeldProgram {
  name: string
  /** pid that loaded it. */
  loaderPid: number
  /** References: fds, links and CPUs currently running it. */
  refs: number
  fds: { pid: number; fd: number }[]
  /** Interfaces it is attached to (ifindex). */
  attachedTo: number[]
}

export interface LinkSnapshot {
  id: number
  progId: number
  ifindex: number
  /** enum bpf_attach_type (BPF_XDP = 37). */
  attachType: number
  /** false after bpf_link__detach: the fd stays, the attachment is gone. */
  attached: boolean
  fds: { pid: number; fd: number }[]
}

export interface NetdevSnapshot {
  ifindex: number
  name: string
  /** Attached XDP program id, 0 when none. */
  xdpProgId: number
  xdpLinkId: number
}

const enc = new TextEncoder()
const dec = new TextDecoder()

export class ProgTable {
  private readonly base: number

  constructor(
    private readonly mem: KernelMemory,
    private readonly maps: MapTable,
    private readonly fds: FdTable,
  ) {
    this.base = mem.i32[H.PROG_TABLE]
  }

  /** Allocates and formats the table at boot (kernel.ts), with the interfaces of NETDEVS. */
  static format(mem: KernelMemory): void {
    const base = mem.kmalloc(PROG_TABLE_BYTES, 64)
    if (base === 0) throw new Error('kernel out of memory for the program table')
    const i32 = mem.i32
    const w = base >> 2
    i32[w + T_NEXT_PROG] = 1
    i32[w + T_NEXT_LINK] = 1
    NETDEVS.forEach((d, i) => {
      const nd = base + ND_OFF + i * ND_BYTES
      i32[(nd >> 2) + ND_IFINDEX] = d.ifindex
      mem.u8.set(enc.encode(d.name).subarray(0, NAME_BYTES - 1), nd + ND_NAME)
    })
    Atomics.store(i32, w + T_MAGIC, MAGIC)
    Atomics.store(i32, H.PROG_TABLE, base)
  }

  private get ready(): boolean {
    return this.base !== 0 && Atomics.load(this.mem.i32, (this.base >> 2) + T_MAGIC) === MAGIC
  }

  private progW(slot: number): number {
    return (this.base + PROG_OFF + slot * PROG_BYTES) >> 2
  }
  private linkW(slot: number): number {
    return (this.base + LINK_OFF + slot * LINK_BYTES) >> 2
  }
  private ndW(i: number): number {
    return (this.base + ND_OFF + i * ND_BYTES) >> 2
  }

  /** Word index (in the kernel's Int32Array) of the attached-program word of an interface, or -1. */
  xdpProgWord(ifindex: number): number {
    if (!this.ready) return -1
    const i = this.netdevIndex(ifindex)
    return i < 0 ? -1 : this.ndW(i) + ND_XDP_PROG
  }

  /** Id of the XDP program attached to ifindex (0: none). Lock-free. */
  attachedProg(ifindex: number): number {
    const w = this.xdpProgWord(ifindex)
    return w < 0 ? 0 : Atomics.load(this.mem.i32, w)
  }

  private netdevIndex(ifindex: number): number {
    if (!this.ready || !Number.isInteger(ifindex) || ifindex <= 0) return -1
    const i32 = this.mem.i32
    for (let i = 0; i < MAX_NETDEVS; i++) if (i32[this.ndW(i) + ND_IFINDEX] === ifindex) return i
    return -1
  }

  /** Interface index by name (if_nametoindex), 0 when there is none. */
  ifindexOf(name: string): number {
    return NETDEVS.find((d) => d.name === name)?.ifindex ?? 0
  }

  // ---- fd entries (kernel lock held) ------------------------------------------------------------

  /** Program slot of an fd entry, or -1. */
  static progSlotOf(entry: number): number {
    const s = PROG_FD_BASE - entry
    return s >= 0 && s < MAX_PROGS ? s : -1
  }
  /** Link slot of an fd entry, or -1. */
  static linkSlotOf(entry: number): number {
    const s = LINK_FD_BASE - entry
    return s >= 0 && s < MAX_LINKS ? s : -1
  }

  /** dup(2) of a program or link fd: one more reference. Kernel lock held. */
  fdDup(entry: number): void {
    const p = ProgTable.progSlotOf(entry)
    if (p >= 0) this.mem.i32[this.progW(p) + P_REFS]++
    const l = ProgTable.linkSlotOf(entry)
    if (l >= 0) this.mem.i32[this.linkW(l) + L_REFS]++
  }

  /** close(2) of a program or link fd. Kernel lock held. */
  fdClose(entry: number): void {
    const p = ProgTable.progSlotOf(entry)
    if (p >= 0) this.putProg(p)
    const l = ProgTable.linkSlotOf(entry)
    if (l >= 0) this.putLink(l)
  }

  // ---- BPF_PROG_LOAD ----------------------------------------------------------------------------

  /**
   * Registers a loaded program and opens an fd for it in process `pid`. Takes a reference on
   * every map and ownership of the data segment (also on failure: it is freed then).
   * Returns the fd or -errno (E2BIG: too many maps, ENOSPC: table full, EMFILE).
   */
  load(pid: number, spec: ProgLoadSpec): number {
    const procSlot = this.fds.mustSlot(pid)
    const mem = this.mem
    const i32 = mem.i32
    if (!this.ready) throw new Error('kernel has no program table')
    if (spec.mapIds.length > MAX_PROG_MAPS) {
      mem.kfree(spec.dataAddr)
      return -Errno.E2BIG
    }
    mem.lockKernel()
    try {
      let slot = -1
      for (let s = 0; s < MAX_PROGS && slot < 0; s++) if (i32[this.progW(s) + P_STATE] === FREE) slot = s
      if (slot < 0) {
        mem.kfree(spec.dataAddr)
        return -Errno.ENOSPC
      }
      const mapSlots = spec.mapIds.map((id) => this.maps.slotOfId(id))
      if (mapSlots.some((s) => s < 0)) {
        mem.kfree(spec.dataAddr)
        return -Errno.EBADF
      }
      const fd = this.fds.install(procSlot, PROG_FD_BASE - slot)
      if (fd < 0) {
        mem.kfree(spec.dataAddr)
        return fd
      }
      for (const ms of mapSlots) {
        this.maps.get(ms)
        this.maps.progRefs(ms, 1)
      }
      const w = this.progW(slot)
      const tw = this.base >> 2
      const id = i32[tw + T_NEXT_PROG]++
      i32[w + P_REFS] = 1
      i32[w + P_TYPE] = spec.type
      i32[w + P_DATA] = spec.dataAddr
      i32[w + P_NMAPS] = spec.mapIds.length
      i32[w + P_PID] = pid
      const b = w << 2
      writeString(mem.u8, b + P_NAME, NAME_BYTES, spec.name)
      writeString(mem.u8, b + P_ENTRY, ENTRY_BYTES, spec.entry)
      writeString(mem.u8, b + P_OBJECT, OBJECT_BYTES, spec.object)
      spec.mapIds.forEach((m, i) => (i32[(w + (P_MAPS >> 2)) + i] = m))
      Atomics.store(i32, w + P_ID, id)
      Atomics.store(i32, w + P_STATE, LIVE)
      return fd
    } finally {
      mem.unlockKernel()
    }
  }

  /** Drop one program reference; the last one unloads it (maps released, data freed). Kernel lock held. */
  private putProg(slot: number): void {
    const i32 = this.mem.i32
    const w = this.progW(slot)
    if (--i32[w + P_REFS] > 0) return
    const n = i32[w + P_NMAPS]
    for (let i = 0; i < n; i++) {
      const ms = this.maps.slotOfId(i32[w + (P_MAPS >> 2) + i])
      if (ms < 0) continue
      this.maps.progRefs(ms, -1)
      this.maps.put(ms)
    }
    this.mem.kfree(i32[w + P_DATA])
    Atomics.store(i32, w + P_ID, 0)
    Atomics.store(i32, w + P_STATE, FREE)
  }

  private progSlotOfId(id: number): number {
    if (!this.ready || id <= 0) return -1
    const i32 = this.mem.i32
    for (let s = 0; s < MAX_PROGS; s++) {
      const w = this.progW(s)
      if (Atomics.load(i32, w + P_STATE) === LIVE && Atomics.load(i32, w + P_ID) === id) return s
    }
    return -1
  }

  /**
   * A CPU starts running program `id`: takes a reference so that it is not unloaded under the
   * CPU (detach may happen at any time). null when it is gone already. Pair with `release`.
   */
  hold(id: number): HeldProgram | null {
    this.mem.lockKernel()
    try {
      const slot = this.progSlotOfId(id)
      if (slot < 0) return null
      this.mem.i32[this.progW(slot) + P_REFS]++
      return this.readProg(slot)
    } finally {
      this.mem.unlockKernel()
    }
  }

  /** The CPU is done with program `id` (it may be unloaded now). */
  release(id: number): void {
    this.mem.lockKernel()
    try {
      const slot = this.progSlotOfId(id)
      if (slot >= 0) this.putProg(slot)
    } finally {
      this.mem.unlockKernel()
    }
  }

  private readProg(slot: number): HeldProgram & { name: string; loaderPid: number; refs: number } {
    const i32 = this.mem.i32
    const w = this.progW(slot)
    const b = w << 2
    const n = Math.min(MAX_PROG_MAPS, i32[w + P_NMAPS])
    const mapIds: number[] = []
    for (let i = 0; i < n; i++) mapIds.push(i32[w + (P_MAPS >> 2) + i])
    return {
      id: i32[w + P_ID],
      type: i32[w + P_TYPE],
      name: readString(this.mem.u8, b + P_NAME, NAME_BYTES),
      entry: readString(this.mem.u8, b + P_ENTRY, ENTRY_BYTES),
      object: readString(this.mem.u8, b + P_OBJECT, OBJECT_BYTES),
      dataAddr: i32[w + P_DATA],
      mapIds,
      loaderPid: i32[w + P_PID],
      refs: i32[w + P_REFS],
    }
  }

  // ---- BPF_LINK_CREATE (BPF_XDP) ----------------------------------------------------------------

  /**
   * bpf_link_create(prog_fd, ifindex, BPF_XDP): attaches the program to the interface through a
   * new link and returns the link's fd. -EBADF (fd not open), -EINVAL (not a program, not an XDP
   * program, no such interface: Linux answers EINVAL there too), -EBUSY (a link is attached).
   */
  linkCreateXdp(pid: number, progFd: number, ifindex: number, flags = 0): number {
    const procSlot = this.fds.mustSlot(pid)
    const mem = this.mem
    const i32 = mem.i32
    mem.lockKernel()
    try {
      const e = this.fds.get(procSlot, progFd)
      if (e === 0) return -Errno.EBADF
      const ps = ProgTable.progSlotOf(e)
      if (ps < 0) return -Errno.EINVAL
      const pw = this.progW(ps)
      if (i32[pw + P_TYPE] !== BPF_PROG_TYPE_XDP) return -Errno.EINVAL
      // XDP_FLAGS_SKB_MODE 2 | DRV_MODE 4 | HW_MODE 8 | UPDATE_IF_NOEXIST 1 | REPLACE 16: anything else is EINVAL.
      if ((flags & ~0x1f) !== 0) return -Errno.EINVAL
      const nd = this.netdevIndex(ifindex)
      if (nd < 0) return -Errno.EINVAL
      const ndw = this.ndW(nd)
      // dev_xdp_attach: "Can't replace active BPF XDP link" / "... XDP program with BPF link".
      if (i32[ndw + ND_XDP_LINK] !== 0 || i32[ndw + ND_XDP_PROG] !== 0) return -Errno.EBUSY
      let ls = -1
      for (let s = 0; s < MAX_LINKS && ls < 0; s++) if (i32[this.linkW(s) + L_STATE] === FREE) ls = s
      if (ls < 0) return -Errno.ENOSPC
      const fd = this.fds.install(procSlot, LINK_FD_BASE - ls)
      if (fd < 0) return fd
      const lw = this.linkW(ls)
      const id = i32[(this.base >> 2) + T_NEXT_LINK]++
      i32[pw + P_REFS]++
      i32[lw + L_REFS] = 1
      i32[lw + L_PROG] = i32[pw + P_ID]
      i32[lw + L_PROG_SLOT] = ps
      i32[lw + L_IFINDEX] = ifindex
      i32[lw + L_ATTACH] = BPF_XDP
      Atomics.store(i32, lw + L_ID, id)
      Atomics.store(i32, lw + L_STATE, LIVE)
      Atomics.store(i32, ndw + ND_XDP_LINK, id)
      Atomics.store(i32, ndw + ND_XDP_PROG, i32[pw + P_ID])
      return fd
    } finally {
      mem.unlockKernel()
    }
  }

  /** BPF_LINK_DETACH: the attachment goes, the fd stays (defunct link). 0 or -errno. */
  linkDetach(pid: number, linkFd: number): number {
    const procSlot = this.fds.mustSlot(pid)
    this.mem.lockKernel()
    try {
      const e = this.fds.get(procSlot, linkFd)
      if (e === 0) return -Errno.EBADF
      const ls = ProgTable.linkSlotOf(e)
      if (ls < 0) return -Errno.EINVAL
      this.detach(ls)
      return 0
    } finally {
      this.mem.unlockKernel()
    }
  }

  /** Kernel lock held. */
  private detach(ls: number): void {
    const i32 = this.mem.i32
    const lw = this.linkW(ls)
    if (i32[lw + L_STATE] !== LIVE) return
    const nd = this.netdevIndex(i32[lw + L_IFINDEX])
    if (nd >= 0 && i32[this.ndW(nd) + ND_XDP_LINK] === i32[lw + L_ID]) {
      // CPUs stop picking the program at their next poll; those running it hold their own reference.
      Atomics.store(i32, this.ndW(nd) + ND_XDP_PROG, 0)
      Atomics.store(i32, this.ndW(nd) + ND_XDP_LINK, 0)
    }
    Atomics.store(i32, lw + L_STATE, DEFUNCT)
    this.putProg(i32[lw + L_PROG_SLOT])
  }

  /** Kernel lock held. */
  private putLink(ls: number): void {
    const i32 = this.mem.i32
    const lw = this.linkW(ls)
    if (--i32[lw + L_REFS] > 0) return
    this.detach(ls)
    Atomics.store(i32, lw + L_ID, 0)
    Atomics.store(i32, lw + L_STATE, FREE)
  }

  // ---- snapshots (lock-free) --------------------------------------------------------------------

  programs(): ProgSnapshot[] {
    if (!this.ready) return []
    const i32 = this.mem.i32
    const devs = this.netdevs()
    const out: ProgSnapshot[] = []
    for (let s = 0; s < MAX_PROGS; s++) {
      const w = this.progW(s)
      if (Atomics.load(i32, w + P_STATE) !== LIVE) continue
      const id = Atomics.load(i32, w + P_ID)
      const p = this.readProg(s)
      // Freed (or reused) while we read it: leave it out of this frame.
      if (Atomics.load(i32, w + P_STATE) !== LIVE || Atomics.load(i32, w + P_ID) !== id || id === 0) continue
      const entry = PROG_FD_BASE - s
      out.push({ ...p, fds: this.fds.holdersWhere((e) => e === entry), attachedTo: devs.filter((d) => d.xdpProgId === id).map((d) => d.ifindex) })
    }
    return out
  }

  links(): LinkSnapshot[] {
    if (!this.ready) return []
    const i32 = this.mem.i32
    const out: LinkSnapshot[] = []
    for (let s = 0; s < MAX_LINKS; s++) {
      const w = this.linkW(s)
      const state = Atomics.load(i32, w + L_STATE)
      if (state === FREE) continue
      const id = Atomics.load(i32, w + L_ID)
      const snap = { id, progId: i32[w + L_PROG], ifindex: i32[w + L_IFINDEX], attachType: i32[w + L_ATTACH], attached: state === LIVE }
      if (Atomics.load(i32, w + L_ID) !== id || id === 0) continue
      const entry = LINK_FD_BASE - s
      out.push({ ...snap, fds: this.fds.holdersWhere((e) => e === entry) })
    }
    return out
  }

  netdevs(): NetdevSnapshot[] {
    if (!this.ready) return []
    const i32 = this.mem.i32
    const out: NetdevSnapshot[] = []
    for (let i = 0; i < MAX_NETDEVS; i++) {
      const w = this.ndW(i)
      const ifindex = i32[w + ND_IFINDEX]
      if (ifindex === 0) continue
      out.push({ ifindex, name: readString(this.mem.u8, (w << 2) + ND_NAME, NAME_BYTES), xdpProgId: Atomics.load(i32, w + ND_XDP_PROG), xdpLinkId: Atomics.load(i32, w + ND_XDP_LINK) })
    }
    return out
  }
}

function writeString(u8: Uint8Array, at: number, size: number, text: string): void {
  u8.fill(0, at, at + size)
  u8.set(enc.encode(text).subarray(0, size - 1), at)
}

function readString(u8: Uint8Array, at: number, size: number): string {
  const b = u8.slice(at, at + size) // a copy: browsers refuse to decode shared memory
  const nul = b.indexOf(0)
  return dec.decode(nul < 0 ? b : b.subarray(0, nul))
}
