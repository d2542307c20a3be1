/**
 * Seeded, reproducible random op sequences for the differential harness.
 *
 * A sequence creates a few maps (HASH, ARRAY, PERCPU_HASH, PERCPU_ARRAY, LRU_HASH,
 * LRU_PERCPU_HASH, QUEUE, STACK — sometimes with invalid attributes on purpose) and then
 * throws a mix of element, batch, freeze, pin/get, info and close ops at them. The generator
 * keeps a rough model of the fd table, pins and maps only to aim well (existing keys, full
 * maps, live fds); it never predicts results — the kernel decides those.
 *
 * Hash maps are mostly created with BPF_F_ZERO_SEED so every order-dependent output
 * (get_next_key, batch cursors) is compared exactly. Maps with a random seed only get
 * order-independent ops plus `walk`/`batch_walk` with sorting, so they compare as sets.
 */
import { PIN_PLACEHOLDER, toHex, type Hex, type Op } from './ops'

export interface GenEnv {
  /** Possible CPUs of the machine the kernel side runs on (per-CPU value layout). */
  possibleCpus: number
  /** CPUs 0..n-1 the sequence may move to with a `cpu` op (online ones); default 1 = stay on CPU 0. */
  switchableCpus?: number
}

/** mulberry32: small, fast, good enough for test generation; fully determined by the seed. */
export class Rng {
  private s: number
  constructor(seed: number) {
    this.s = seed >>> 0
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0
    let t = this.s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1))
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!
  }
  /** Weighted choice: [[weight, value], ...]. */
  weighted<T>(choices: readonly (readonly [number, T])[]): T {
    const total = choices.reduce((s, c) => s + c[0], 0)
    let x = this.next() * total
    for (const [w, v] of choices) {
      if ((x -= w) < 0) return v
    }
    return choices[choices.length - 1]![1]
  }
  bytes(n: number): Uint8Array {
    const b = new Uint8Array(n)
    for (let i = 0; i < n; i++) b[i] = this.int(0, 255)
    return b
  }
}

/** Seed of sequence `index` in a run with seed `runSeed` (independent streams). */
export function sequenceSeed(runSeed: number, index: number): number {
  let h = (runSeed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0
  return (h ^ (h >>> 16)) >>> 0
}

const T = {
  HASH: 1,
  ARRAY: 2,
  PERCPU_HASH: 5,
  PERCPU_ARRAY: 6,
  LRU_HASH: 9,
  LRU_PERCPU_HASH: 10,
  QUEUE: 22,
  STACK: 23,
} as const
const F = {
  NO_PREALLOC: 0x1,
  NO_COMMON_LRU: 0x2,
  NUMA_NODE: 0x4,
  RDONLY: 0x8,
  WRONLY: 0x10,
  ZERO_SEED: 0x40,
  RDONLY_PROG: 0x80,
  WRONLY_PROG: 0x100,
  MMAPABLE: 0x400,
  INNER_MAP: 0x1000,
} as const

type Kind = 'hash' | 'array' | 'queue'

/** map_flags bits the kernel rejects for this map type (spec 3.3). */
function invalidFlagsFor(type: number): number[] {
  switch (type) {
    case T.HASH:
    case T.PERCPU_HASH:
      return [F.NO_COMMON_LRU, F.MMAPABLE, F.INNER_MAP]
    case T.LRU_HASH:
    case T.LRU_PERCPU_HASH:
      return [F.NO_PREALLOC, F.MMAPABLE, F.INNER_MAP]
    case T.ARRAY:
      return [F.NO_PREALLOC, F.NO_COMMON_LRU, F.ZERO_SEED]
    case T.PERCPU_ARRAY:
      return [F.NO_PREALLOC, F.ZERO_SEED, F.MMAPABLE, F.INNER_MAP]
    default:
      return [F.NO_PREALLOC, F.NO_COMMON_LRU, F.ZERO_SEED, F.MMAPABLE, F.INNER_MAP]
  }
}

/** What the generator believes about a map (used only to aim ops). */
interface MapModel {
  type: number
  kind: Kind
  percpu: boolean
  keySize: number
  valueSize: number
  maxEntries: number
  zeroSeed: boolean
  /** Integer keys the generator may use (hash maps: a small universe so hits and misses both happen). */
  universe: number
  /** Keys believed present (hash maps; LRU eviction makes this approximate). */
  present: Set<number>
  frozen: boolean
}

interface FdModel {
  map: MapModel
}

const round8 = (n: number) => (n + 7) & ~7

function kindOf(type: number): Kind {
  return type === T.ARRAY || type === T.PERCPU_ARRAY ? 'array' : type === T.QUEUE || type === T.STACK ? 'queue' : 'hash'
}

/** Bytes userspace passes for one value (per-CPU maps: every possible CPU, 8-byte slots). */
function userValueSize(m: MapModel, env: GenEnv): number {
  return m.percpu ? env.possibleCpus * round8(m.valueSize) : m.valueSize
}

/** Integer key i as key_size little-endian bytes (wrapping for short keys). */
function keyBytes(i: number, keySize: number): Uint8Array {
  const b = new Uint8Array(keySize)
  let v = i >>> 0
  for (let j = 0; j < Math.min(keySize, 4); j++) {
    b[j] = v & 0xff
    v >>>= 8
  }
  return b
}

/** What the generator expects an fd-producing or pin op to return (checked against the kernel in tests). */
export interface Prediction {
  index: number
  /** The fd (create/get) or 0 (pin) it expects, or 'error'. */
  ret: number | 'error'
}

class SequenceBuilder {
  readonly ops: Op[] = []
  readonly predictions: Prediction[] = []
  private fds = new Map<number, FdModel>()
  private pins = new Map<string, MapModel>()
  private pinCount = 0

  constructor(
    private readonly r: Rng,
    private readonly env: GenEnv,
  ) {}

  private lowestFreeFd(): number {
    let fd = 3
    while (this.fds.has(fd)) fd++
    return fd
  }

  // ---------- creation ----------

  /** A valid map configuration of the given type. */
  private validConfig(type: number): { model: MapModel; flags: number } {
    const r = this.r
    const kind = kindOf(type)
    const percpu = type === T.PERCPU_HASH || type === T.PERCPU_ARRAY || type === T.LRU_PERCPU_HASH
    const lru = type === T.LRU_HASH || type === T.LRU_PERCPU_HASH
    const keySize =
      kind === 'array' ? 4 : kind === 'queue' ? 0 : r.pick([1, 2, 3, 4, 4, 4, 4, 5, 6, 7, 8, 8, 12, 13, 16, 24, 64])
    const valueSize = r.pick([1, 2, 3, 4, 4, 4, 5, 8, 8, 12, 13, 16, 24, 100])
    let maxEntries = r.weighted<number>([
      [5, r.int(1, 8)],
      [4, r.pick([9, 12, 16, 17, 31, 32, 64])],
      [2, r.pick([100, 128, 255, 256, 257, 1000])],
      [1, r.pick([1024, 4096, 65536])],
    ])
    // Keep preallocated memory small (the real kernel would say ENOMEM long after the simulator).
    const perEntry = keySize + userValueSize({ percpu, valueSize } as MapModel, this.env) + 64
    while (maxEntries > 1 && maxEntries * perEntry > 8 << 20) maxEntries >>= 1
    let flags = 0
    let zeroSeed = false
    if (kind === 'hash') {
      zeroSeed = r.chance(0.8)
      if (zeroSeed) flags |= F.ZERO_SEED
      if (!lru && r.chance(0.2)) flags |= F.NO_PREALLOC
      if (lru && r.chance(0.3)) flags |= F.NO_COMMON_LRU
    }
    if (kind === 'array' && type === T.ARRAY) {
      if (r.chance(0.05)) flags |= F.MMAPABLE
      if (r.chance(0.05)) flags |= F.INNER_MAP
    }
    // NUMA_NODE is refused with per-CPU values and with per-CPU LRU lists (EINVAL).
    if (!percpu && !(flags & F.NO_COMMON_LRU) && r.chance(0.05)) flags |= F.NUMA_NODE
    if (r.chance(0.05)) flags |= r.pick([F.RDONLY_PROG, F.WRONLY_PROG])
    if (r.chance(0.025)) flags |= r.pick([F.RDONLY, F.WRONLY])
    const universe =
      kind === 'hash' ? Math.max(2, Math.min(r.pick([maxEntries, maxEntries + 2, 2 * maxEntries + 1, 24]), 96)) : maxEntries + 2
    const model: MapModel = {
      type,
      kind,
      percpu,
      keySize,
      valueSize,
      maxEntries,
      zeroSeed: kind !== 'hash' || zeroSeed,
      universe: keySize > 0 && keySize < 4 ? Math.min(universe, 1 << (8 * keySize)) : universe,
      present: new Set(),
      frozen: false,
    }
    return { model, flags }
  }

  private name(): string | null {
    return this.r.weighted<string | null>([
      [8, `m${this.r.int(0, 99)}`],
      [2, null],
      [1, ''],
      [1, 'hash_map_example'], // 16 chars: libbpf truncates to 15
      [1, 'a.b_C9'],
      [1, '1leading_digit'],
      [1, 'a_very_long_map_name_indeed'],
    ])
  }

  /** A create op with something wrong with it (the kernel picks the errno). */
  private invalidCreate(): Op {
    const r = this.r
    const type = r.pick(Object.values(T))
    const { model, flags } = this.validConfig(type)
    const op: Op = {
      op: 'create',
      type,
      key_size: model.keySize,
      value_size: model.valueSize,
      max_entries: model.maxEntries,
      flags,
      name: `bad${r.int(0, 9)}`,
    }
    const mutation = r.int(0, 17)
    switch (mutation) {
      case 0: op.key_size = model.kind === 'hash' ? 0 : r.pick([1, 2, 3, 5, 8]); break
      case 1: op.value_size = 0; break
      case 2: op.max_entries = 0; break
      case 3: op.flags |= r.pick([0x20, 0x200, 0x800, 1 << 20, 0x2000, 2 ** 30]); break
      case 4: op.flags |= F.RDONLY | F.WRONLY; break
      case 5: op.flags |= F.RDONLY_PROG | F.WRONLY_PROG; break
      case 6: op.flags |= r.pick(invalidFlagsFor(type)); break
      case 7: op.type = r.pick([0, 33, 34, 1000]); break
      case 8: op.name = r.pick(['a-b', 'has space', 'x/y', 'tab\there', 'caf\u00e9']); break
      case 9: op.map_extra = r.pick([1, 5, 0x100000000]); break
      case 10: op.max_entries = r.pick([(1 << 27) + 1, 2 ** 31, 2 ** 32 - 1]); if (model.kind !== 'hash') op.max_entries = 0; break
      case 11:
        // Per-CPU value slots are limited to 32 KiB; queue/stack values to 4 MiB (never allocated).
        if (model.kind === 'queue') op.value_size = 4194305
        else Object.assign(op, { type: r.pick([T.PERCPU_HASH, T.PERCPU_ARRAY, T.LRU_PERCPU_HASH]), key_size: 4, flags: 0, max_entries: 4, value_size: r.pick([32769, 40000]) })
        break
      case 12:
        // key_size + value_size over the hash limit (4 MiB - 48); other kinds: value_size 0.
        if (model.kind === 'hash') Object.assign(op, { key_size: 4194200, value_size: 100, max_entries: 1 })
        else op.value_size = 0
        break
      case 13: op.flags |= F.NUMA_NODE; op.numa_node = r.pick([1, 64, 1000]); break
      case 14: op.type = r.pick([T.PERCPU_HASH, T.PERCPU_ARRAY, T.LRU_PERCPU_HASH]); op.flags = F.NUMA_NODE; op.key_size = 4; break
      case 15: op.key_size = r.pick([4, 8]); op.type = r.pick([T.QUEUE, T.STACK]); op.flags = 0; break
      case 16: op.type = r.pick([T.LRU_HASH, T.LRU_PERCPU_HASH]); op.key_size = 4; op.flags = F.NO_PREALLOC; break
      default: op.type = r.pick([T.HASH, T.PERCPU_HASH]); op.key_size = 4; op.flags = F.NO_COMMON_LRU | F.ZERO_SEED; break
    }
    return op
  }

  createMap(type?: number): void {
    const r = this.r
    if (r.chance(0.12)) {
      this.predictions.push({ index: this.ops.length, ret: 'error' })
      this.ops.push(this.invalidCreate())
      return
    }
    const t = type ?? r.pick(Object.values(T))
    const { model, flags } = this.validConfig(t)
    const lru = t === T.LRU_HASH || t === T.LRU_PERCPU_HASH
    this.predictions.push({ index: this.ops.length, ret: this.lowestFreeFd() })
    this.ops.push({
      op: 'create',
      type: t,
      key_size: model.keySize,
      value_size: model.valueSize,
      max_entries: model.maxEntries,
      flags,
      name: this.name(),
    })
    if (lru && flags & F.NO_COMMON_LRU) {
      const c = this.env.possibleCpus
      model.maxEntries = Math.ceil(model.maxEntries / c) * c
    }
    this.fds.set(this.lowestFreeFd(), { map: model })
  }

  // ---------- element helpers ----------

  private key(m: MapModel): Hex | null {
    const r = this.r
    if (m.kind === 'queue') return r.chance(0.95) ? null : toHex(keyBytes(r.int(0, 3), 4))
    if (m.kind === 'array') {
      const i = r.weighted<number>([
        [12, r.int(0, m.maxEntries - 1)],
        [2, m.maxEntries + r.int(0, 2)],
        [1, 0xffffffff],
        [1, r.int(0, 0x7fffffff)],
      ])
      return r.chance(0.01) ? null : toHex(keyBytes(i, 4))
    }
    if (r.chance(0.01)) return null
    if (r.chance(0.05)) return toHex(r.bytes(m.keySize))
    const present = [...m.present]
    if (present.length > 0 && r.chance(0.5)) return toHex(keyBytes(r.pick(present), m.keySize))
    return toHex(keyBytes(r.int(0, m.universe - 1), m.keySize))
  }

  private value(m: MapModel): Hex {
    const n = userValueSize(m, this.env)
    const r = this.r
    if (r.chance(0.1)) return toHex(new Uint8Array(n))
    return toHex(r.bytes(n))
  }

  private updateFlags(): number {
    return this.r.weighted<number>([
      [10, 0],
      [4, 1],
      [4, 2],
      [1, 3],
      [1, 4],
      [1, this.r.pick([5, 6, 8, 16, 32, 2 ** 32])],
    ])
  }

  private lookupFlags(): number {
    return this.r.weighted<number>([
      [20, 0],
      [1, 4],
      [1, this.r.pick([1, 2, 8])],
    ])
  }

  private remember(m: MapModel, key: Hex | null, present: boolean): void {
    if (m.kind !== 'hash' || key === null) return
    const bytes = key.match(/../g)!.map((h) => parseInt(h, 16))
    let i = 0
    for (let j = Math.min(4, bytes.length) - 1; j >= 0; j--) i = i * 256 + bytes[j]!
    if (bytes.slice(4).some((b) => b !== 0)) return
    if (present) m.present.add(i)
    else m.present.delete(i)
  }

  // ---------- ops on one fd ----------

  /** A random fd: mostly live maps, sometimes closed or never-opened or non-map fds. */
  private targetFd(): { fd: number; map: MapModel | null } {
    const r = this.r
    const live = [...this.fds.entries()]
    if (live.length > 0 && r.chance(0.95)) {
      const [fd, f] = r.pick(live)
      return { fd, map: f.map }
    }
    // Only fds the model believes are not maps (a live map must keep its real geometry and seed mode).
    return { fd: r.pick([0, 1, 2, 3, 4, 5, 99, -1].filter((fd) => !this.fds.has(fd))), map: null }
  }

  step(): void {
    const r = this.r
    const { fd, map } = this.targetFd()
    const m: MapModel =
      map ?? {
        type: T.HASH,
        kind: 'hash',
        percpu: false,
        keySize: 4,
        valueSize: 4,
        maxEntries: 4,
        zeroSeed: true,
        universe: 8,
        present: new Set(),
        frozen: false,
      }
    const vsz = userValueSize(m, this.env)
    const ksz = m.keySize
    // Random-seed hash maps: only order-independent ops (results compared as sets).
    const ordered = m.zeroSeed
    const kind = r.weighted<string>([
      [30, 'update'],
      [14, 'lookup'],
      [8, 'delete'],
      [5, 'lookup_and_delete'],
      [ordered ? 7 : 0, 'get_next_key'],
      [ordered ? 7 : 0, 'lookup_batch'],
      [ordered ? 3 : 0, 'lookup_and_delete_batch'],
      [4, 'update_batch'],
      [3, 'delete_batch'],
      [3, 'walk'],
      [3, 'batch_walk'],
      [0.6, 'freeze'],
      [2, 'pin'],
      [2, 'get'],
      [2, 'info'],
      [1, 'close'],
      [3, 'fill'],
      [1, 'create'],
      [(this.env.switchableCpus ?? 1) > 1 ? 1.5 : 0, 'cpu'],
    ])
    switch (kind) {
      case 'update': {
        const key = this.key(m)
        const flags = this.updateFlags()
        const value = r.chance(0.01) ? null : this.value(m)
        this.ops.push({ op: 'update', fd, key, value, flags })
        if (!m.frozen && (flags === 0 || flags === 1)) this.remember(m, key, true)
        return
      }
      case 'lookup':
      case 'lookup_and_delete': {
        const key = this.key(m)
        const extra = r.chance(0.1) ? r.pick([1, 4, 8]) : 0
        const op: Op = { op: kind, fd, key, value_size: vsz + extra, flags: this.lookupFlags() }
        if (r.chance(0.01)) op.value_null = true
        this.ops.push(op)
        if (kind === 'lookup_and_delete' && !m.frozen) this.remember(m, key, false)
        return
      }
      case 'delete': {
        const key = this.key(m)
        this.ops.push({ op: 'delete', fd, key })
        if (!m.frozen) this.remember(m, key, false)
        return
      }
      case 'get_next_key': {
        const key = r.chance(0.3) ? null : this.key(m)
        this.ops.push({ op: 'get_next_key', fd, key, key_size: ksz || 4 })
        return
      }
      case 'lookup_batch':
      case 'lookup_and_delete_batch': {
        const cursor = m.kind === 'hash' ? 4 : ksz || 4
        const inBatch = r.weighted<Hex | 'prev' | null>([
          [5, null],
          [6, 'prev'],
          [2, toHex(keyBytes(r.int(0, Math.max(1, m.maxEntries) + 2), 4))],
          [1, toHex(keyBytes(r.pick([0xffffffff, 1 << 20]), 4))],
        ])
        const count = r.weighted<number>([
          [1, 0],
          [4, 1],
          [8, r.int(2, 4)],
          [4, r.int(1, Math.max(1, Math.min(m.maxEntries + 2, 300)))],
        ])
        const op: Op = {
          op: kind,
          fd,
          in_batch: inBatch,
          out_null: r.chance(0.04),
          cursor_size: r.chance(0.1) ? 8 : cursor,
          count,
          key_size: ksz || 4,
          value_size: vsz,
          elem_flags: r.weighted<number>([[20, 0], [1, 4], [1, r.pick([1, 2, 8])]]),
          flags: r.weighted<number>([[20, 0], [1, 1]]),
        }
        if (r.chance(0.02)) op.keys_null = true
        if (r.chance(0.01)) op.values_null = true
        this.ops.push(op)
        if (kind === 'lookup_and_delete_batch' && !m.frozen) m.present.clear()
        return
      }
      case 'update_batch':
      case 'delete_batch': {
        const n = r.int(1, 6)
        const keys: Hex[] = []
        for (let i = 0; i < n; i++) keys.push(this.key(m) ?? toHex(keyBytes(i, ksz)))
        const count = r.chance(0.15) ? r.int(0, n) : n
        const elemFlags = r.weighted<number>([[16, 0], [1, 1], [1, 2], [1, 4]])
        const flags = r.weighted<number>([[20, 0], [1, 1]])
        const keysOrNull = r.chance(0.03) ? null : keys
        if (kind === 'update_batch') {
          const values = keys.map(() => this.value(m))
          this.ops.push({ op: 'update_batch', fd, keys: keysOrNull, values, count, elem_flags: elemFlags, flags })
          if (!m.frozen && elemFlags === 0) keys.slice(0, count).forEach((k) => this.remember(m, k, true))
        } else {
          this.ops.push({ op: 'delete_batch', fd, keys: keysOrNull, count, elem_flags: elemFlags, flags })
          if (!m.frozen && elemFlags === 0) keys.slice(0, count).forEach((k) => this.remember(m, k, false))
        }
        return
      }
      case 'walk':
        this.ops.push({ op: 'walk', fd, key_size: ksz || 4, sort: !ordered })
        return
      case 'batch_walk': {
        const del = r.chance(0.25)
        this.ops.push({
          op: 'batch_walk',
          fd,
          count: r.int(1, Math.max(1, Math.min(m.maxEntries, 64))),
          key_size: ksz || 4,
          value_size: vsz,
          cursor_size: m.kind === 'hash' ? 4 : ksz || 4,
          delete: del,
          sort: !ordered,
        })
        if (del && !m.frozen) m.present.clear()
        return
      }
      case 'freeze':
        this.ops.push({ op: 'freeze', fd })
        if (map) m.frozen = true
        return
      case 'pin':
        this.pin(fd, map)
        return
      case 'get':
        this.get()
        return
      case 'info':
        this.ops.push({ op: 'info', fd })
        return
      case 'close': {
        // Never fds 0-2: the simulator's process has no stdio files to close, and a map created
        // afterwards would get fd 0-2 (which libbpf would dup elsewhere).
        const closeFd = fd < 3 ? 99 : fd
        this.ops.push({ op: 'close', fd: closeFd })
        this.fds.delete(closeFd)
        return
      }
      case 'fill':
        this.fill(fd, m)
        return
      case 'create':
        this.createMap()
        return
      case 'cpu':
        this.ops.push({ op: 'cpu', cpu: r.int(0, (this.env.switchableCpus ?? 1) - 1) })
        return
    }
  }

  /** Inserts keys until the map is full and then some (hash: E2BIG or LRU eviction; queue: E2BIG). */
  private fill(fd: number, m: MapModel): void {
    const r = this.r
    // Mostly short fills; sometimes past max_entries of maps up to ~600 (LRU target_free up to 128).
    const n = Math.min(m.maxEntries + r.int(0, 3), r.chance(0.25) ? 620 : 70)
    const flags = r.weighted<number>([[8, 0], [2, 1], [1, 2]])
    // Distinct keys for big fills so the map really overflows (the usual universe is small).
    const distinct = n > 70 && m.kind === 'hash'
    for (let i = 0; i < n; i++) {
      const k = distinct ? i : r.int(0, m.universe - 1)
      const key = m.kind === 'queue' ? null : m.kind === 'array' ? toHex(keyBytes(i, 4)) : toHex(keyBytes(k, m.keySize))
      this.ops.push({ op: 'update', fd, key, value: this.value(m), flags })
      if (!m.frozen && flags !== 2) this.remember(m, key, true)
    }
  }

  private pin(fd: number, map: MapModel | null): void {
    const r = this.r
    const existing = [...this.pins.keys()]
    const path = r.weighted<string>([
      [8, `${PIN_PLACEHOLDER}_${this.pinCount}`],
      [existing.length > 0 ? 3 : 0, existing.length > 0 ? r.pick(existing) : ''],
      [1, `${PIN_PLACEHOLDER}.dot`],
      [1, `${PIN_PLACEHOLDER}_missing_dir/x`],
      [1, '/sys/fs/bpf'],
      [1, ''],
    ])
    const fresh = path === `${PIN_PLACEHOLDER}_${this.pinCount}`
    this.predictions.push({ index: this.ops.length, ret: fresh && map ? 0 : 'error' })
    this.ops.push({ op: 'pin', fd, path })
    if (fresh) {
      this.pinCount++
      if (map) this.pins.set(path, map)
    }
  }

  private get(): void {
    const r = this.r
    const existing = [...this.pins.keys()]
    const path = r.weighted<string>([
      [existing.length > 0 ? 8 : 0, existing.length > 0 ? r.pick(existing) : ''],
      [1, `${PIN_PLACEHOLDER}_never`],
      [1, '/sys/fs/bpf'],
    ])
    const fileFlags = r.weighted<number>([
      [8, 0],
      [2, F.RDONLY],
      [2, F.WRONLY],
      [1, F.RDONLY | F.WRONLY],
      [1, r.pick([1, 0x40])],
    ])
    const m = this.pins.get(path)
    const ok = m !== undefined && (fileFlags === 0 || fileFlags === F.RDONLY || fileFlags === F.WRONLY)
    this.predictions.push({ index: this.ops.length, ret: ok ? this.lowestFreeFd() : 'error' })
    this.ops.push({ op: 'get', path, file_flags: fileFlags })
    if (ok) this.fds.set(this.lowestFreeFd(), { map: m })
  }
}

/** The sequence for one seed: 1-3 maps, then 5-70 ops. */
export function generateSequence(seed: number, env: GenEnv): Op[] {
  return generateWithPredictions(seed, env).ops
}

/** The sequence plus what the generator's model expects its create/get/pin ops to return. */
export function generateWithPredictions(seed: number, env: GenEnv): { ops: Op[]; predictions: Prediction[] } {
  const r = new Rng(seed)
  const b = new SequenceBuilder(r, env)
  const maps = r.weighted<number>([
    [6, 1],
    [3, 2],
    [1, 3],
  ])
  for (let i = 0; i < maps; i++) b.createMap()
  const steps = r.weighted<number>([
    [3, r.int(5, 20)],
    [4, r.int(20, 45)],
    [2, r.int(45, 70)],
  ])
  for (let i = 0; i < steps; i++) b.step()
  return { ops: b.ops, predictions: b.predictions }
}
