/**
 * Memory-safety half of the verifier-like checks: an abstract interpreter over the compiler's
 * typed tree (src/lang/ast.ts), run from each program entry with ctx = struct xdp_md *. It
 * follows what the kernel verifier follows, on C instead of BPF instructions:
 *
 *  - bpf_map_lookup_elem returns map_value_or_null; `if (!p)`, `if (p == NULL)`, `p && ...`
 *    make it map_value on the non-NULL path. Dereferencing it before that is refused with
 *    "R0 invalid mem access 'map_value_or_null'" (on every map type: Linux 6.18 refuses it even
 *    for an ARRAY lookup with a constant in-range key);
 *  - ctx->data / ctx->data_end give packet pointers; comparing `ptr + n` against data_end proves
 *    n bytes from ptr; a packet access beyond the proven range is refused with the verifier's
 *    "invalid access to packet, off=.. size=.." message;
 *  - accesses beyond a map value's size, stores into read-only maps and bad ctx accesses.
 *
 * Paths meet with a join (check-state.ts) instead of being explored one by one as the kernel
 * does, so a few programs the kernel accepts through path-sensitivity are refused here (packet
 * offsets that differ per path are kept as a range). Calls to the program's own functions are
 * analysed inline, as the verifier does with static functions. Register numbers in messages are
 * the ones clang usually picks (R0 for a helper's result, R1 for packet pointers).
 *
 * The same walk answers one more question, for the NIC rather than the learner: may the program
 * write its packet? (packetWrites). A CPU can then run a program that never does on the NIC's
 * frames in place, as real hardware does, instead of on a copy. That answer must be sound, so it
 * comes from a walk in `sound` mode: loops are walked until their entry state stops changing (two
 * passes cover what the verifier checks report, not every later iteration), and whatever the walk
 * cannot follow (a backward goto, a recursive call, an unknown helper, a store through a pointer
 * of unknown origin) counts as a possible packet write.
 */
import type { Pos, TExpr, TFunction, TStmt, TUnit, VarSym } from '../lang/ast'
import type { BpfMapDecl } from '../lang/api'
import { isAggregate, isInteger, sizeOf, wrapInt, type CType } from '../lang/types'
import { type Abs, Ids, joinAbs, joinAll, joinStates, OTHER, State } from './check-state'
import { HELPER_NAMES } from './helpers'

export type FindingKind = 'map_value_or_null' | 'packet' | 'map_value_bounds' | 'map_access' | 'ctx' | 'null' | 'loop'

export interface Finding {
  kind: FindingKind
  pos: Pos
  /** The verifier's wording (may span lines). */
  message: string
  /** What it means and how to fix it, in plain language. */
  explanation: string
}

const BPF_F_RDONLY_PROG = 0x80
const BPF_F_WRONLY_PROG = 0x100
/** struct xdp_md: six readable u32 fields. */
const CTX_SIZE = 24
const MAX_CALL_DEPTH = 8
/**
 * Helpers that write into a buffer argument: its index, and the argument giving the byte count
 * ('value': the map's value size).
 */
const WRITES_ARG: Record<string, { buf: number; size: number | 'value' }> = {
  bpf_map_pop_elem: { buf: 1, size: 'value' },
  bpf_map_peek_elem: { buf: 1, size: 'value' },
  bpf_xdp_load_bytes: { buf: 2, size: 3 },
  bpf_probe_read_kernel: { buf: 0, size: 1 },
  bpf_get_current_comm: { buf: 0, size: 1 },
}
/**
 * Helpers that write the packet, or make other bytes packet (the headroom, the tailroom). Every
 * other helper bpfplay has writes nothing but maps and its WRITES_ARG buffer.
 */
const PACKET_HELPERS = new Set(['bpf_xdp_store_bytes', 'bpf_xdp_adjust_head', 'bpf_xdp_adjust_tail', 'bpf_xdp_adjust_meta'])
const WRITE_BUILTINS = new Set(['__builtin_memcpy', '__builtin_memmove', '__builtin_memset'])
/** Sound mode gives up (a packet write is assumed) past this many passes over one loop or statements walked. */
const MAX_LOOP_PASSES = 32
const MAX_STEPS = 200_000

type Loc = { k: 'var'; sym: VarSym } | { k: 'mem'; ptr: Abs; off: number }

interface FnCtx {
  returns: { state: State; value: Abs }[]
  gotos: Map<string, State[]>
  /** Labels already walked past (a goto to one of them is a backward jump). */
  labels: Set<string>
}

interface Targets {
  breaks: State[][]
  continues: State[][]
  /** Entry state of the innermost switch, for its case labels. */
  switches: State[]
}

export class CheckWalker {
  private readonly ids = new Ids()
  private readonly findings = new Map<string, Finding>()
  private readonly mapOf = new Map<string, number>()
  private readonly callStack: TFunction[] = []
  /** Short names of packet-pointer ids for messages (the verifier's id=N). */
  private readonly pktIds = new Map<string, number>()
  /** Whether a store may have reached the packet (see packetWrites). */
  private mayWritePacket = false
  private steps = 0

  constructor(
    private readonly unit: TUnit,
    private readonly maps: readonly BpfMapDecl[],
    /** Walk loops to a fixpoint, for packetWrites (findings are then not the checks' own). */
    private readonly sound = false,
  ) {
    maps.forEach((m, i) => this.mapOf.set(m.name, i))
  }

  /**
   * Whether the entries walked so far may write packet memory: a store, atomic or memset/memcpy
   * through a pointer not known to point into a map value, the stack or ctx, a helper that writes
   * the packet (bpf_xdp_store_bytes) or exposes other bytes as packet (bpf_xdp_adjust_*), or
   * anything the walk could not follow. Only meaningful for a walker in sound mode.
   */
  get packetWrites(): boolean {
    return this.mayWritePacket
  }

  /** Analyses one entry function; findings accumulate across calls. */
  checkEntry(fn: TFunction): void {
    const st = new State()
    fn.params.forEach((p, i) => this.bind(st, p, i === 0 ? { k: 'ctx', off: 0 } : this.ids.scalar()))
    this.callFunction(fn, st)
  }

  results(): Finding[] {
    return [...this.findings.values()].sort((a, b) => a.pos.line - b.pos.line || a.pos.col - b.pos.col)
  }

  // ---- findings -------------------------------------------------------------------------------

  private report(kind: FindingKind, pos: Pos, message: string, explanation: string): void {
    const key = `${pos.file}:${pos.line}:${pos.col}:${message}`
    if (!this.findings.has(key)) this.findings.set(key, { kind, pos, message, explanation })
  }

  private pktId(key: string): number {
    if (key === '') return 0
    let n = this.pktIds.get(key)
    if (n === undefined) this.pktIds.set(key, (n = this.pktIds.size + 1))
    return n
  }

  /** The verifier's check_mem_access, for the pointer kinds it cares about. */
  private access(st: State, ptr: Abs, off: number, size: number, write: boolean, pos: Pos): void {
    if (write) this.noteWrite(ptr, off, size)
    switch (ptr.k) {
      case 'map_value': {
        const m = this.maps[ptr.map]
        if (ptr.orNull && ptr.viaNull) {
          // The verifier follows the path where the lookup returned NULL and sees R0 = 0 there.
          this.report(
            'map_value_or_null',
            pos,
            "R0 invalid mem access 'scalar'",
            `On the path where bpf_map_lookup_elem() on '${m.name}' returned NULL (the NULL check above skipped its block), this dereferences NULL. Keep every use of the pointer inside the check, or leave early: \`if (!rec) return XDP_ABORTED;\`.`,
          )
          st.mapNullness(ptr.nullId, (v) => ({ ...v, orNull: false, viaNull: false }))
          return
        }
        if (ptr.orNull) {
          this.report(
            'map_value_or_null',
            pos,
            "R0 invalid mem access 'map_value_or_null'",
            `The pointer comes from bpf_map_lookup_elem() on '${m.name}', which returns NULL when the key is not in the map. The verifier refuses every access through it until the program has checked it, for example \`if (!rec) return XDP_ABORTED;\` right after the lookup.`,
          )
          st.mapNullness(ptr.nullId, (v) => ({ ...v, orNull: false })) // one report per lookup
          return
        }
        const total = ptr.off + off
        if (Number.isNaN(total)) return
        if (total < 0 || total + size > m.valueSize) {
          this.report(
            'map_value_bounds',
            pos,
            `invalid access to map value, value_size=${m.valueSize} off=${total} size=${size}`,
            `This ${write ? 'writes' : 'reads'} bytes ${total}..${total + size - 1} of a value of map '${m.name}', which is only ${m.valueSize} bytes long.`,
          )
          return
        }
        if (write && m.flags & BPF_F_RDONLY_PROG) {
          this.report('map_access', pos, `write into map forbidden, value_size=${m.valueSize} off=${total} size=${size}`, `Map '${m.name}' was created with BPF_F_RDONLY_PROG: programs may only read it.`)
        } else if (!write && m.flags & BPF_F_WRONLY_PROG) {
          this.report('map_access', pos, `read from map forbidden, value_size=${m.valueSize} off=${total} size=${size}`, `Map '${m.name}' was created with BPF_F_WRONLY_PROG: programs may only write it.`)
        }
        return
      }
      case 'pkt': {
        const r = st.range(ptr.key)
        const lo = ptr.off + off
        const hi = ptr.off + off + size
        if (lo >= 0 && hi <= r) return
        const id = this.pktId(ptr.key)
        this.report(
          'packet',
          pos,
          `invalid access to packet, off=${lo} size=${size}, R1(id=${id},off=${lo},r=${r})\nR1 offset is outside of the packet`,
          r === 0
            ? `This ${write ? 'writes' : 'reads'} ${size} byte${size > 1 ? 's' : ''} at offset ${lo} of the packet${ptr.key ? ' (plus a variable offset)' : ''}, but nothing proved the packet is that long: every packet access must come after a bounds check against data_end covering it, for example \`if ((void *)(eth + 1) > data_end) return XDP_DROP;\`.`
            : `This ${write ? 'writes' : 'reads'} up to byte ${hi - 1} of the packet${ptr.key ? ' (from a variable offset)' : ''}, but the bounds checks against data_end so far only prove ${r} bytes. Extend the check (compare the end of what you read, e.g. \`(void *)(hdr + 1)\`, with data_end) before this access.`,
        )
        st.prove(ptr.key, hi) // one report per missing check
        return
      }
      case 'pkt_end':
        this.report('packet', pos, "R3 invalid mem access 'pkt_end'", 'data_end marks the end of the packet: it is only for comparisons, never to read or write through.')
        return
      case 'ctx': {
        const total = ptr.off + off
        if (Number.isNaN(total)) {
          this.report('ctx', pos, 'variable ctx access disallowed', 'The verifier only allows struct xdp_md fields at constant offsets: read ctx->data, ctx->data_end and the others by name.')
          return
        }
        if (write || total < 0 || total + size > CTX_SIZE || total % 4 !== 0 || size !== 4) {
          this.report(
            'ctx',
            pos,
            `invalid bpf_context access off=${total} size=${size}`,
            write ? 'struct xdp_md is read-only for XDP programs.' : 'struct xdp_md has six 32-bit fields (data, data_end, data_meta, ingress_ifindex, rx_queue_index, egress_ifindex): read them whole, 4 bytes at a time.',
          )
        }
        return
      }
      case 'scalar':
        if (ptr.konst === 0n) this.report('null', pos, "R1 invalid mem access 'scalar'", 'This dereferences a NULL pointer.')
        return
      default:
        return
    }
  }

  /**
   * A store of `size` bytes (undefined: not known) at `off` from `ptr`. Only a store known to stay
   * inside a map value or a local object, into ctx or through NULL cannot reach the packet (an
   * index past an object's end can reach any memory, the staged frames included).
   */
  private noteWrite(ptr: Abs, off: number, size: number | undefined): void {
    if (ptr.k === 'ctx' || (ptr.k === 'scalar' && ptr.konst === 0n)) return
    if (size !== undefined && (ptr.k === 'map_value' || ptr.k === 'stack')) {
      const from = ptr.off + off
      const room = ptr.k === 'map_value' ? this.maps[ptr.map].valueSize : objectSize(ptr.sym.type)
      if (from >= 0 && from + size <= room) return
    }
    this.mayWritePacket = true
  }

  // ---- locations ------------------------------------------------------------------------------

  private inMemory(sym: VarSym): boolean {
    return sym.storage === 'global' || sym.addrTaken || isAggregate(sym.type)
  }

  private objectPtr(sym: VarSym): Abs {
    if (sym.storage === 'global') {
      const m = sym.section === 'maps' || sym.section === '.maps' ? this.mapOf.get(sym.name) : undefined
      return m === undefined ? OTHER : { k: 'map_ptr', map: m }
    }
    return { k: 'stack', sym, off: 0 }
  }

  private bind(st: State, sym: VarSym, v: Abs): void {
    if (this.inMemory(sym)) st.mem.set(`${sym.id}:0`, v)
    else st.vars.set(sym, v)
  }

  private clearObject(st: State, sym: VarSym): void {
    const prefix = `${sym.id}:`
    for (const k of [...st.mem.keys()]) if (k.startsWith(prefix)) st.mem.delete(k)
  }

  private loc(e: TExpr, st: State): Loc {
    switch (e.k) {
      case 'var':
        return this.inMemory(e.sym) ? { k: 'mem', ptr: this.objectPtr(e.sym), off: 0 } : { k: 'var', sym: e.sym }
      case 'deref':
        return { k: 'mem', ptr: this.eval(e.e, st), off: 0 }
      case 'member': {
        const l = this.loc(e.e, st)
        return l.k === 'mem' ? { k: 'mem', ptr: l.ptr, off: l.off + e.path.offset } : { k: 'mem', ptr: OTHER, off: 0 }
      }
      case 'compound':
        this.initObject(st, e.tmp, e.init)
        return { k: 'mem', ptr: { k: 'stack', sym: e.tmp, off: 0 }, off: 0 }
      default:
        this.eval(e, st)
        return { k: 'mem', ptr: OTHER, off: 0 }
    }
  }

  private read(st: State, l: Loc, ty: CType, pos: Pos): Abs {
    if (l.k === 'var') {
      let v = st.vars.get(l.sym)
      if (v === undefined) st.vars.set(l.sym, (v = this.ids.scalar()))
      return v
    }
    const size = sizeOf(ty)
    this.access(st, l.ptr, l.off, size, false, pos)
    const p = l.ptr
    if (p.k === 'ctx') return p.off + l.off === 0 ? { k: 'pkt', key: '', off: 0 } : p.off + l.off === 4 ? { k: 'pkt_end' } : this.ids.scalar()
    if (p.k === 'stack') {
      const key = `${p.sym.id}:${p.off + l.off}`
      let v = st.mem.get(key)
      if (v === undefined) st.mem.set(key, (v = this.ids.scalar()))
      return v
    }
    return ty.k === 'ptr' ? OTHER : this.ids.scalar()
  }

  private write(st: State, l: Loc, v: Abs, ty: CType, pos: Pos): void {
    if (l.k === 'var') {
      st.vars.set(l.sym, v)
      return
    }
    this.access(st, l.ptr, l.off, sizeOf(ty), true, pos)
    const p = l.ptr
    if (p.k === 'stack') st.mem.set(`${p.sym.id}:${p.off + l.off}`, v)
  }

  private initObject(st: State, sym: VarSym, init: { zero: boolean; items: { off: number; ty: CType; e: TExpr }[] } | null): void {
    if (!this.inMemory(sym)) {
      const item = init?.items.find((i) => i.off === 0)
      st.vars.set(sym, item ? this.eval(item.e, st) : init?.zero ? this.ids.scalar(0n) : this.ids.scalar())
      return
    }
    this.clearObject(st, sym)
    if (!init) return
    for (const it of init.items) {
      const v = this.eval(it.e, st)
      if (!isAggregate(it.ty)) st.mem.set(`${sym.id}:${it.off}`, v)
    }
  }

  // ---- expressions ----------------------------------------------------------------------------

  private konst(v: Abs): bigint | undefined {
    return v.k === 'scalar' ? v.konst : undefined
  }

  private scalarOf(ty: CType, v: bigint | undefined): Abs {
    if (v === undefined || !(isInteger(ty) || ty.k === 'ptr')) return this.ids.scalar()
    return this.ids.scalar(wrapInt(v, ty))
  }

  /** ptr + i * step (step in bytes; null when not constant). */
  private ptrAdd(p: Abs, i: Abs, step: number | null, neg: boolean): Abs {
    const k = this.konst(i)
    const delta = k !== undefined && step !== null ? Number(k) * step * (neg ? -1 : 1) : null
    switch (p.k) {
      case 'pkt':
        if (delta !== null) return { k: 'pkt', key: p.key, off: p.off + delta }
        return { k: 'pkt', key: `${p.key}${neg ? '-' : '+'}${i.k === 'scalar' ? `s${i.id}` : `x${this.ids.next()}`}*${step ?? '?'}`, off: p.off }
      case 'map_value':
        return { ...p, off: delta !== null ? p.off + delta : Number.NaN }
      case 'stack':
        return delta !== null ? { ...p, off: p.off + delta } : OTHER
      case 'ctx':
        return { k: 'ctx', off: delta !== null ? p.off + delta : Number.NaN }
      case 'scalar':
        return k !== undefined && p.konst !== undefined && step !== null ? this.ids.scalar(p.konst + (neg ? -k : k) * BigInt(step)) : this.ids.scalar()
      default:
        return OTHER
    }
  }

  eval(e: TExpr, st: State): Abs {
    switch (e.k) {
      case 'int':
        return this.ids.scalar(e.v)
      case 'flt':
        return this.ids.scalar()
      case 'str':
      case 'func':
        return OTHER
      case 'var':
        if (this.inMemory(e.sym)) {
          if (e.sym.storage === 'global' || isAggregate(e.sym.type)) return e.sym.type.k === 'ptr' ? OTHER : isInteger(e.sym.type) ? this.ids.scalar() : OTHER
          return this.read(st, { k: 'mem', ptr: this.objectPtr(e.sym), off: 0 }, e.ty, e.pos)
        }
        return this.read(st, { k: 'var', sym: e.sym }, e.ty, e.pos)
      case 'deref':
      case 'member': {
        const l = this.loc(e, st)
        if (isAggregate(e.ty)) {
          if (l.k === 'mem' && e.ty.k !== 'array') this.access(st, l.ptr, l.off, sizeOf(e.ty), false, e.pos)
          return OTHER
        }
        if (e.ty.k === 'func') return OTHER
        return this.read(st, l, e.ty, e.pos)
      }
      case 'addr': {
        const inner = e.e
        if (inner.k === 'func' || inner.k === 'str') return OTHER
        const l = this.loc(inner, st)
        if (l.k === 'var') return OTHER
        return l.off === 0 ? l.ptr : this.ptrAdd(l.ptr, this.ids.scalar(BigInt(l.off)), 1, false)
      }
      case 'cast': {
        const v = this.eval(e.e, st)
        if (e.ty.k === 'void') return OTHER
        if (v.k === 'scalar') return e.ty.k === 'bool' ? this.ids.scalar(v.konst === undefined ? undefined : v.konst !== 0n ? 1n : 0n) : this.scalarOf(e.ty, v.konst)
        return v
      }
      case 'bin': {
        const a = this.eval(e.l, st)
        const b = this.eval(e.r, st)
        if (e.op === '+' && a.k !== 'scalar' && b.k === 'scalar') return this.ptrAdd(a, b, 1, false)
        if (e.op === '+' && b.k !== 'scalar' && a.k === 'scalar') return this.ptrAdd(b, a, 1, false)
        if (e.op === '-' && a.k !== 'scalar' && b.k === 'scalar') return this.ptrAdd(a, b, 1, true)
        const x = this.konst(a)
        const y = this.konst(b)
        return this.scalarOf(e.ty, x !== undefined && y !== undefined ? foldBin(e.op, x, y) : undefined)
      }
      case 'cmp': {
        const a = this.eval(e.l, st)
        const b = this.eval(e.r, st)
        const x = this.konst(a)
        const y = this.konst(b)
        return this.ids.scalar(x !== undefined && y !== undefined ? (foldCmp(e.op, x, y) ? 1n : 0n) : undefined)
      }
      case 'padd':
        return this.ptrAdd(this.eval(e.p, st), this.eval(e.i, st), typeof e.size === 'number' ? e.size : (this.eval(e.size, st), null), e.neg)
      case 'pdiff':
        this.eval(e.l, st)
        this.eval(e.r, st)
        return this.ids.scalar()
      case 'land':
      case 'lor': {
        const { t, f } = this.cond(e, st)
        st.become(joinStates(t, f, this.ids))
        return this.ids.scalar()
      }
      case 'not':
      case 'neg':
      case 'bitnot': {
        const k = this.konst(this.eval(e.e, st))
        if (k === undefined) return this.ids.scalar()
        return this.scalarOf(e.ty, e.k === 'not' ? (k === 0n ? 1n : 0n) : e.k === 'neg' ? -k : ~k)
      }
      case 'assign': {
        const v = this.eval(e.r, st)
        const l = this.loc(e.l, st)
        if (isAggregate(e.l.ty)) {
          if (l.k === 'mem') {
            this.access(st, l.ptr, l.off, sizeOf(e.l.ty), true, e.pos)
            if (l.ptr.k === 'stack') this.clearObject(st, l.ptr.sym)
          }
          return OTHER
        }
        this.write(st, l, v, e.l.ty, e.pos)
        return v
      }
      case 'opassign': {
        const l = this.loc(e.l, st)
        const old = this.read(st, l, e.l.ty, e.pos)
        const r = this.eval(e.r, st)
        let v: Abs
        if (old.k !== 'scalar' && (e.op === '+' || e.op === '-') && r.k === 'scalar') v = this.ptrAdd(old, r, e.size ?? 1, e.op === '-')
        else {
          const x = this.konst(old)
          const y = this.konst(r)
          v = this.scalarOf(e.l.ty, x !== undefined && y !== undefined ? foldBin(e.op, x, y) : undefined)
        }
        this.write(st, l, v, e.l.ty, e.pos)
        return v
      }
      case 'incdec': {
        const l = this.loc(e.l, st)
        const old = this.read(st, l, e.l.ty, e.pos)
        const v = this.ptrAdd(old, this.ids.scalar(1n), e.size ?? 1, !e.inc)
        this.write(st, l, old.k === 'scalar' ? this.scalarOf(e.l.ty, v.k === 'scalar' ? v.konst : undefined) : v, e.l.ty, e.pos)
        return e.post ? old : v
      }
      case 'cond': {
        const { t, f } = this.cond(e.c, st)
        const a = this.eval(e.t, t)
        const b = this.eval(e.f, f)
        st.become(joinStates(t, f, this.ids))
        return t.dead ? b : f.dead ? a : joinAbs(a, b, this.ids)
      }
      case 'comma':
        this.eval(e.l, st)
        return this.eval(e.r, st)
      case 'call':
        return this.call(e, st)
      case 'stmtexpr': {
        const fc: FnCtx = { returns: [], gotos: new Map(), labels: new Set() }
        const out = this.execList(e.body, st.clone(), fc, { breaks: [], continues: [], switches: [] })
        const v = e.result && !out.dead ? this.eval(e.result, out) : OTHER
        st.become(out)
        return v
      }
      case 'compound':
        this.initObject(st, e.tmp, e.init)
        return isAggregate(e.ty) ? OTHER : this.read(st, { k: 'mem', ptr: { k: 'stack', sym: e.tmp, off: 0 }, off: 0 }, e.ty, e.pos)
      case 'builtin':
        return this.builtin(e, st)
    }
  }

  private builtin(e: Extract<TExpr, { k: 'builtin' }>, st: State): Abs {
    const args = e.args.map((a) => this.eval(a, st))
    const name = e.name
    if (name === '__builtin_memcpy' || name === '__builtin_memmove' || name === '__builtin_memset' || name === '__builtin_memcmp') {
      const n = this.konst(args[2])
      if (WRITE_BUILTINS.has(name) && n === undefined) this.noteWrite(args[0], 0, undefined)
      if (n !== undefined && n > 0n) {
        this.access(st, args[0], 0, Number(n), name !== '__builtin_memcmp', e.pos)
        if (name !== '__builtin_memset') this.access(st, args[1], 0, Number(n), false, e.pos)
      }
      if (args[0].k === 'stack' && name !== '__builtin_memcmp') this.clearObject(st, args[0].sym)
      return name === '__builtin_memcmp' ? this.ids.scalar() : args[0]
    }
    if (e.elem && args.length > 0) {
      // atomics: one read-modify-write of the pointed-to object
      this.access(st, args[0], 0, sizeOf(e.elem), name !== '__atomic_load_n', e.pos)
      if (args[0].k === 'stack') st.mem.delete(`${args[0].sym.id}:${args[0].off}`)
    }
    return this.ids.scalar()
  }

  private call(e: Extract<TExpr, { k: 'call' }>, st: State): Abs {
    const target = e.fn.k === 'addr' && e.fn.e.k === 'func' ? e.fn.e.sym : e.fn.k === 'func' ? e.fn.sym : null
    const args = e.args.map((a) => this.eval(a, st))
    if (!target) {
      this.mayWritePacket = true // a call through a function pointer
      return this.ids.scalar()
    }
    const def = target.def ?? this.unit.functions.find((f) => f.sym === target)
    if (def) {
      if (this.callStack.includes(def) || this.callStack.length >= MAX_CALL_DEPTH) {
        this.mayWritePacket = true // not followed: it may store through anything it gets
        return this.ids.scalar()
      }
      const inner = st.clone()
      def.params.forEach((p, i) => this.bind(inner, p, args[i] ?? this.ids.scalar()))
      const { state, value } = this.callFunction(def, inner)
      st.become(state)
      return value
    }
    const name = target.name
    if (name === 'bpf_map_lookup_elem' || name === 'bpf_map_lookup_percpu_elem') {
      const m = args[0]
      if (m.k !== 'map_ptr') return OTHER
      // Linux 6.18 keeps even a constant in-range ARRAY key's result map_value_or_null (tested):
      // every lookup needs its NULL check.
      return { k: 'map_value', map: m.map, off: 0, orNull: true, nullId: this.ids.next() }
    }
    if (PACKET_HELPERS.has(name) || !HELPER_NAMES.includes(name)) this.mayWritePacket = true
    const w = WRITES_ARG[name]
    if (w !== undefined) {
      const p = args[w.buf] ?? OTHER
      if (p.k === 'stack') this.clearObject(st, p.sym)
      this.noteWrite(p, 0, this.writtenBytes(w.size, args))
    }
    return this.ids.scalar()
  }

  /** Bytes a WRITES_ARG helper writes, when known. */
  private writtenBytes(size: number | 'value', args: Abs[]): number | undefined {
    if (size === 'value') return args[0]?.k === 'map_ptr' ? this.maps[args[0].map].valueSize : undefined
    const n = args[size] === undefined ? undefined : this.konst(args[size])
    return n === undefined ? undefined : Number(n)
  }

  /** Runs a function body on `st`; returns the state where it returned and the joined return value. */
  private callFunction(fn: TFunction, st: State): { state: State; value: Abs } {
    this.callStack.push(fn)
    const fc: FnCtx = { returns: [], gotos: new Map(), labels: new Set() }
    const end = this.execList(fn.body, st, fc, { breaks: [], continues: [], switches: [] })
    this.callStack.pop()
    const rets = fc.returns
    if (!end.dead) rets.push({ state: end, value: OTHER })
    if (rets.length === 0) return { state: State.deadState(), value: OTHER }
    const state = joinAll(
      rets.map((r) => r.state),
      this.ids,
    )
    const value = rets.map((r) => r.value).reduce((a, b) => joinAbs(a, b, this.ids))
    return { state, value }
  }

  // ---- conditions -----------------------------------------------------------------------------

  /** The states in which `e` is true and false. Consumes `st`. */
  cond(e: TExpr, st: State): { t: State; f: State } {
    switch (e.k) {
      case 'not': {
        const r = this.cond(e.e, st)
        return { t: r.f, f: r.t }
      }
      case 'land': {
        const l = this.cond(e.l, st)
        const r = this.cond(e.r, l.t)
        return { t: r.t, f: joinStates(l.f, r.f, this.ids) }
      }
      case 'lor': {
        const l = this.cond(e.l, st)
        const r = this.cond(e.r, l.f)
        return { t: joinStates(l.t, r.t, this.ids), f: r.f }
      }
      case 'comma':
        this.eval(e.l, st)
        return this.cond(e.r, st)
      case 'cast':
        if (e.e.ty.k === 'ptr' || e.ty.k === 'bool' || (isInteger(e.e.ty) && isInteger(e.ty) && sizeOf(e.ty) >= sizeOf(e.e.ty))) return this.cond(e.e, st)
        break
      case 'cmp': {
        const a = this.eval(e.l, st)
        const b = this.eval(e.r, st)
        const t = st.clone()
        const f = st.clone()
        this.refineCmp(e.op, a, b, t, f)
        return { t, f }
      }
    }
    const v = this.eval(e, st)
    const t = st.clone()
    const f = st.clone()
    this.refineCmp('!=', v, this.ids.scalar(0n), t, f)
    return { t, f }
  }

  private refineCmp(op: string, a: Abs, b: Abs, t: State, f: State): void {
    if (op === '>' || op === '>=' || op === '<' || op === '<=') {
      // pkt > data_end (or data_end < pkt) false: the bytes up to pkt are in the packet
      if (a.k === 'pkt' && b.k === 'pkt_end') (op === '>' || op === '>=' ? f : t).prove(a.key, a.off)
      else if (a.k === 'pkt_end' && b.k === 'pkt') (op === '<' || op === '<=' ? f : t).prove(b.key, b.off)
    }
    const ka = this.konst(a)
    const kb = this.konst(b)
    if ((op === '==' || op === '!=') && (a.k === 'map_value' || b.k === 'map_value') && (ka === 0n || kb === 0n)) {
      const mv = (a.k === 'map_value' ? a : b) as Abs & { k: 'map_value' }
      const [isNull, notNull] = op === '==' ? [t, f] : [f, t]
      notNull.mapNullness(mv.nullId, (v) => ({ ...v, orNull: false, viaNull: false }))
      isNull.mapNullness(mv.nullId, () => this.ids.scalar(0n))
      if (!mv.orNull) isNull.dead = true
      return
    }
    if (ka !== undefined && kb !== undefined) {
      if (foldCmp(op, ka, kb)) f.dead = true
      else t.dead = true
    }
  }

  // ---- statements -----------------------------------------------------------------------------

  private execList(list: TStmt[], st: State, fc: FnCtx, tg: Targets): State {
    for (const s of list) st = this.exec(s, st, fc, tg)
    return st
  }

  private exec(s: TStmt, st: State, fc: FnCtx, tg: Targets): State {
    if (this.sound && ++this.steps > MAX_STEPS) {
      this.mayWritePacket = true // too long to follow: stop here, assume the worst
      return State.deadState()
    }
    if (s.k === 'label') {
      fc.labels.add(s.name)
      const from = fc.gotos.get(s.name)
      if (from) st = joinAll([st, ...from], this.ids)
      return this.exec(s.body, st, fc, tg)
    }
    if (s.k === 'case' || s.k === 'default') {
      const entry = tg.switches[tg.switches.length - 1]
      if (entry) st = joinStates(st, entry, this.ids)
      return this.exec(s.body, st, fc, tg)
    }
    if (st.dead) return st
    switch (s.k) {
      case 'expr':
        this.eval(s.e, st)
        return st
      case 'decl':
        if (s.sym.storage === 'global') return st
        if (s.vlaCount) this.eval(s.vlaCount, st)
        this.initObject(st, s.sym, s.init)
        return st
      case 'block':
        return this.execList(s.body, st, fc, tg)
      case 'if': {
        const { t, f } = this.cond(s.c, st)
        const a = this.exec(s.t, t, fc, tg)
        const b = s.f ? this.exec(s.f, f, fc, tg) : f
        return joinStates(a, b, this.ids)
      }
      case 'while':
      case 'for':
      case 'do':
        return this.loop(s, st, fc, tg)
      case 'switch': {
        this.eval(s.e, st)
        const breaks: State[] = []
        const inner: Targets = { breaks: [...tg.breaks, breaks], continues: tg.continues, switches: [...tg.switches, st.clone()] }
        const end = this.exec(s.body, State.deadState(), fc, inner)
        const parts = [end, ...breaks]
        if (!hasDefault(s.body)) parts.push(st)
        return joinAll(parts, this.ids)
      }
      case 'break':
        tg.breaks[tg.breaks.length - 1]?.push(st)
        return State.deadState()
      case 'continue':
        tg.continues[tg.continues.length - 1]?.push(st)
        return State.deadState()
      case 'return':
        fc.returns.push({ value: s.e ? this.eval(s.e, st) : OTHER, state: st })
        return State.deadState()
      case 'goto': {
        // a backward goto is a loop the walk does not repeat
        if (fc.labels.has(s.label)) this.mayWritePacket = true
        const list = fc.gotos.get(s.label) ?? []
        list.push(st)
        fc.gotos.set(s.label, list)
        return State.deadState()
      }
      case 'empty':
        return st
    }
  }

  /**
   * Loops: the body is analysed twice, from the entry state and from the join of the entry with
   * the state after one iteration, which covers what a second and later iteration sees once
   * values that change per iteration are joined. In sound mode the passes go on until the entry
   * state stops changing (by kinds and constants: fresh ids do not count as a change).
   */
  private loop(s: Extract<TStmt, { k: 'while' | 'for' | 'do' }>, st: State, fc: FnCtx, tg: Targets): State {
    if (s.k === 'for') st = this.execList(s.init, st, fc, tg)
    const exits: State[] = []
    let entry = st
    let shape = this.sound ? stateShape(entry) : ''
    for (let pass = 0; pass < (this.sound ? MAX_LOOP_PASSES : 2); pass++) {
      const breaks: State[] = []
      const continues: State[] = []
      const inner: Targets = { breaks: [...tg.breaks, breaks], continues: [...tg.continues, continues], switches: tg.switches }
      let body: State
      if (s.k === 'do') {
        body = this.exec(s.body, entry.clone(), fc, inner)
        const { t, f } = this.cond(s.c, joinAll([body, ...continues], this.ids))
        exits.push(f, ...breaks)
        body = t
      } else {
        const c = s.c
        const { t, f } = c ? this.cond(c, entry.clone()) : { t: entry.clone(), f: State.deadState() }
        exits.push(f)
        body = joinAll([this.exec(s.body, t, fc, inner), ...continues], this.ids)
        if (s.k === 'for' && s.step && !body.dead) this.eval(s.step, body)
        exits.push(...breaks)
      }
      entry = joinStates(entry, body, this.ids)
      if (this.sound) {
        const next = stateShape(entry)
        if (next === shape) return joinAll(exits, this.ids)
        shape = next
      }
    }
    if (this.sound) this.mayWritePacket = true // no fixpoint within the passes
    return joinAll(exits, this.ids)
  }
}

/** Bytes of a local object; 0 when not known (a VLA): no store is then known to stay inside it. */
function objectSize(t: CType): number {
  try {
    return sizeOf(t)
  } catch {
    return 0
  }
}

/** What a loop's fixpoint compares: each value's kind and constant, not the ids that joins renew. */
function stateShape(st: State): string {
  if (st.dead) return 'dead'
  const abs = (v: Abs): string => {
    switch (v.k) {
      case 'scalar':
        return v.konst === undefined ? 's' : `s${v.konst}`
      case 'map_value':
        return `m${v.map}:${v.off}:${v.orNull}:${v.viaNull ?? false}`
      case 'map_ptr':
        return `M${v.map}`
      case 'stack':
        return `k${v.sym.id}:${v.off}`
      case 'ctx':
        return `c${v.off}`
      default:
        return v.k
    }
  }
  const vars = [...st.vars].map(([sym, v]) => `${sym.id}=${abs(v)}`)
  const mem = [...st.mem].map(([k, v]) => `${k}=${abs(v)}`)
  return [...vars.sort(), '|', ...mem.sort()].join(',')
}

function hasDefault(s: TStmt): boolean {
  switch (s.k) {
    case 'default':
      return true
    case 'block':
      return s.body.some(hasDefault)
    case 'case':
    case 'label':
      return hasDefault(s.body)
    case 'if':
      return hasDefault(s.t) || (s.f !== null && hasDefault(s.f))
    default:
      return false
  }
}

function foldBin(op: string, x: bigint, y: bigint): bigint | undefined {
  switch (op) {
    case '+': return x + y
    case '-': return x - y
    case '*': return x * y
    case '/': return y === 0n ? undefined : x / y
    case '%': return y === 0n ? undefined : x % y
    case '&': return x & y
    case '|': return x | y
    case '^': return x ^ y
    case '<<': return y >= 0n && y < 64n ? x << y : undefined
    case '>>': return y >= 0n && y < 64n ? x >> y : undefined
    default: return undefined
  }
}

function foldCmp(op: string, x: bigint, y: bigint): boolean {
  switch (op) {
    case '<': return x < y
    case '>': return x > y
    case '<=': return x <= y
    case '>=': return x >= y
    case '==': return x === y
    default: return x !== y
  }
}
