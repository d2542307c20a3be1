import { describe, expect, it } from 'vitest'
import { Kernel } from './kernel'
import { TestProc } from './testing'
import { BPF_EXIST, BPF_NOEXIST, Errno, MapFlag, MapType } from './uapi'

function setup(type: number, maxEntries: number, flags = 0, cpus = 2) {
  const k = Kernel.create({ possibleCpus: cpus, memoryBytes: 16 << 20 })
  const p = new TestProc(k, 0)
  const fd = p.bpf_map_create(type, 'lru', 4, 4, maxEntries, { map_flags: MapFlag.ZERO_SEED | flags })
  expect(fd).toBe(3)
  return { k, p, fd, id: k.mapIdFromFd(p.pid, fd) }
}

/** value buffer for a per-CPU map with value_size 4 on 2 CPUs */
function pc(v: number): number[] {
  return [v & 255, (v >> 8) & 255, 0, 0, 0, 0, 0, 0, v & 255, (v >> 8) & 255, 0, 0, 0, 0, 0, 0]
}

describe('LRU_HASH (spec 14.8)', () => {
  it('max_entries 8: inserting 1..12 evicts in bursts of target_free', () => {
    const { p, fd } = setup(MapType.LRU_HASH, 8)
    const after: number[][] = []
    for (let key = 1; key <= 12; key++) {
      expect(p.put(fd, key, key)).toBe(0)
      after.push(p.keys(fd))
    }
    expect(after[7]).toEqual([4, 7, 2, 1, 8, 6, 5, 3])
    expect(after[8]).toEqual([4, 7, 8, 9, 6, 5, 3])
    expect(after[9]).toEqual([10, 4, 7, 8, 9, 6, 5, 3])
    expect(after[10]).toEqual([10, 7, 8, 11, 9, 6, 5])
    expect(after[11]).toEqual([10, 7, 8, 12, 11, 9, 6, 5])
  })

  it('max_entries 4: keys looked up by a program survive eviction', () => {
    const { k, p, fd, id } = setup(MapType.LRU_HASH, 4)
    for (let key = 1; key <= 4; key++) expect(p.put(fd, key, key)).toBe(0)
    const keyBuf = k.kmalloc(8)
    for (const key of [1, 2]) {
      k.mem.i32[keyBuf >> 2] = key
      expect(k.progMapLookup(id, keyBuf, 0)).not.toBe(0)
    }
    expect(p.put(fd, 5, 5)).toBe(0)
    expect(p.keys(fd)).toEqual([4, 5, 2, 1])
    expect(p.put(fd, 6, 6)).toBe(0)
    expect(p.keys(fd).sort()).toEqual([1, 2, 5, 6])
    expect(p.put(fd, 7, 7)).toBe(0)
    expect(p.keys(fd)).toEqual([7, 6, 2, 1])
  })

  it('a syscall lookup or lookup_batch does not set the reference bit', () => {
    const { p, fd } = setup(MapType.LRU_HASH, 4)
    for (let key = 1; key <= 4; key++) p.put(fd, key, key)
    expect(p.get(fd, 1)).toBe(1)
    expect(p.get(fd, 2)).toBe(2)
    const cnt = p.mem.u32(10)
    p.bpf_map_lookup_batch(fd, 0, p.mem.alloc(4), p.mem.alloc(64), p.mem.alloc(64), cnt)
    expect(p.put(fd, 5, 5)).toBe(0)
    expect(p.keys(fd)).not.toContain(1)
  })

  it('update(k, BPF_EXIST) on a full map can evict k and fail', () => {
    const { p, fd } = setup(MapType.LRU_HASH, 3)
    for (const key of [1, 2, 3]) expect(p.put(fd, key, key)).toBe(0)
    expect(p.put(fd, 1, 11, BPF_EXIST)).toBe(-Errno.ENOENT)
    expect(p.keys(fd).sort()).toEqual([2, 3])
    expect(p.put(fd, 2, 22, BPF_EXIST)).toBe(0)
    expect(p.get(fd, 2)).toBe(22)
  })

  it('a failing update(NOEXIST) still evicts', () => {
    const { p, fd } = setup(MapType.LRU_HASH, 3)
    for (const key of [1, 2, 3]) expect(p.put(fd, key, key)).toBe(0)
    expect(p.put(fd, 3, 33, BPF_NOEXIST)).toBe(-Errno.EEXIST)
    expect(p.keys(fd).sort()).toEqual([2, 3])
  })

  it('LRU_PERCPU_HASH max_entries 2', () => {
    const { p, fd } = setup(MapType.LRU_PERCPU_HASH, 2)
    for (const key of [1, 2, 3]) expect(p.put(fd, key, pc(key))).toBe(0)
    expect(p.keys(fd).sort()).toEqual([2, 3])
    expect(p.put(fd, 3, pc(9), BPF_NOEXIST)).toBe(-Errno.EEXIST)
    expect(p.keys(fd)).toEqual([3])
  })

  it('max_entries 256: the 257th insert evicts exactly keys 1..64', () => {
    const { p, fd } = setup(MapType.LRU_HASH, 256)
    for (let key = 1; key <= 256; key++) expect(p.put(fd, key, key)).toBe(0)
    expect(p.keys(fd).length).toBe(256)
    expect(p.put(fd, 257, 257)).toBe(0)
    const left = p.keys(fd).sort((a, b) => a - b)
    expect(left.length).toBe(193)
    expect(left[0]).toBe(65)
    expect(left[left.length - 1]).toBe(257)
  })

  it('NO_PREALLOC is ENOTSUPP, NO_COMMON_LRU rounds max_entries up to a multiple of the CPUs', () => {
    const k = Kernel.create({ possibleCpus: 2, memoryBytes: 8 << 20 })
    const p = new TestProc(k)
    expect(p.bpf_map_create(MapType.LRU_HASH, 'x', 4, 4, 8, { map_flags: MapFlag.NO_PREALLOC })).toBe(-Errno.ENOTSUPP)
    for (const [asked, got] of [[7, 8], [1, 2], [8, 8]]) {
      const fd = p.bpf_map_create(MapType.LRU_HASH, 'x', 4, 4, asked, { map_flags: MapFlag.NO_COMMON_LRU })
      expect(p.info(fd).max_entries).toBe(got)
    }
  })

  it('NO_COMMON_LRU: a CPU only evicts its own nodes', () => {
    const k = Kernel.create({ possibleCpus: 2, memoryBytes: 8 << 20 })
    const p0 = new TestProc(k, 0)
    const fd = p0.bpf_map_create(MapType.LRU_HASH, 'x', 4, 4, 8, { map_flags: MapFlag.NO_COMMON_LRU | MapFlag.ZERO_SEED })
    // CPU 0 owns 4 nodes: its 5th key evicts (a shrink of up to 4 unreferenced nodes, here
    // all of them) although CPU 1's 4 nodes are still free.
    for (let key = 1; key <= 4; key++) expect(p0.put(fd, key, key)).toBe(0)
    expect(p0.keys(fd).length).toBe(4)
    expect(p0.put(fd, 5, 5)).toBe(0)
    expect(p0.keys(fd)).toEqual([5])
    const stats = k.lruStats(k.mapIdFromFd(p0.pid, fd))!
    expect(stats.fresh).toBe(4)
  })
})

/**
 * An independent, straightforward model of spec section 5 (arrays of node ids, circular lists
 * written from the pseudo code) to cross-check the kernel implementation on random sequences.
 */
class LruModel {
  lists = new Map<string, number[]>() // head first
  ref = new Map<number, boolean>()
  cpuOf = new Map<number, number>()
  R: number | null = null
  nextSteal: number[]
  hashed = new Map<number, number>() // key -> node
  keyOf = new Map<number, number>()
  T: number
  S = 128
  constructor(
    readonly N: number,
    readonly C: number,
  ) {
    this.T = Math.min(128, Math.max(1, Math.floor(Math.floor(N / C) / 2)))
    for (const l of ['FREE', 'ACTIVE', 'INACTIVE']) this.lists.set(l, [])
    for (let c = 0; c < C; c++) {
      this.lists.set(`LF${c}`, [])
      this.lists.set(`P${c}`, [])
    }
    for (let i = 0; i < N; i++) this.lists.get('FREE')!.push(i)
    this.nextSteal = Array.from({ length: C }, (_, c) => c)
  }
  where(n: number): string {
    for (const [name, l] of this.lists) if (l.includes(n)) return name
    throw new Error('lost node')
  }
  take(n: number): void {
    const name = this.where(n)
    const l = this.lists.get(name)!
    if (name === 'INACTIVE' && this.R === n) {
      const i = l.indexOf(n)
      this.R = i === 0 ? null : l[i - 1]
    }
    l.splice(l.indexOf(n), 1)
  }
  push(list: string, n: number): void {
    this.lists.get(list)!.unshift(n)
  }
  move(n: number, to: string): void {
    this.ref.set(n, false)
    this.take(n)
    this.push(to, n)
  }
  evict(n: number): boolean {
    const key = this.keyOf.get(n)
    if (key === undefined || this.hashed.get(key) !== n) return false
    this.hashed.delete(key)
    this.keyOf.delete(n)
    return true
  }
  rotate(): void {
    const A = this.lists.get('ACTIVE')!
    const I = this.lists.get('INACTIVE')!
    if (I.length < A.length) {
      const first = A[0]
      let i = 0
      let idx = A.length - 1
      while (idx >= 0) {
        const node = A[idx]
        const tmpIdx = idx - 1
        const tmp = tmpIdx >= 0 ? A[tmpIdx] : null
        this.move(node, this.ref.get(node) ? 'ACTIVE' : 'INACTIVE')
        if (++i === this.S || node === first) break
        if (tmp === null) break
        idx = A.indexOf(tmp)
      }
    }
    if (I.length === 0) return
    // Ring: H, I[0] (newest) ... I[len-1] (oldest), back to H.
    const older = (x: number | null): number | null => {
      if (x === null) return I.length ? I[0] : null
      const i = I.indexOf(x)
      return i + 1 < I.length ? I[i + 1] : null
    }
    const newer = (x: number): number | null => {
      const i = I.indexOf(x)
      return i === 0 ? null : I[i - 1]
    }
    let last = older(this.R)
    if (last === null) last = I[0]
    let cur: number | null = this.R
    let nxt: number | null = null
    let steps = 0
    while (steps < this.S) {
      if (cur === null) {
        cur = I[I.length - 1]
        continue
      }
      nxt = newer(cur)
      if (this.ref.get(cur)) this.move(cur, 'ACTIVE')
      if (cur === last) break
      cur = nxt
      steps++
    }
    this.R = nxt
  }
  shrink(k: number, dest: string): void {
    let evicted = 0
    let scanned = 0
    const I = this.lists.get('INACTIVE')!
    for (const node of [...I].reverse()) {
      if (this.ref.get(node)) this.move(node, 'ACTIVE')
      else if (this.evict(node)) {
        this.take(node)
        this.push(dest, node)
        if (++evicted === k) break
      }
      if (++scanned === this.S) break
    }
    if (evicted > 0) return
    const list = I.length ? I : this.lists.get('ACTIVE')!
    for (const node of [...list].reverse()) {
      if (this.evict(node)) {
        this.take(node)
        this.push(dest, node)
        return
      }
    }
  }
  refill(cpu: number): void {
    const P = this.lists.get(`P${cpu}`)!
    for (const node of [...P].reverse()) {
      const r = this.ref.get(node)
      this.take(node)
      this.push(r ? 'ACTIVE' : 'INACTIVE', node)
      this.ref.set(node, false)
    }
    this.rotate()
    const F = this.lists.get('FREE')!
    let moved = 0
    while (moved < this.T && F.length) {
      const node = F[0]
      this.take(node)
      this.push(`LF${cpu}`, node)
      moved++
    }
    if (moved < this.T) this.shrink(this.T - moved, `LF${cpu}`)
  }
  acquire(cpu: number): number | null {
    if (this.lists.get(`LF${cpu}`)!.length === 0) this.refill(cpu)
    let node: number | null = this.lists.get(`LF${cpu}`)![0] ?? null
    if (node !== null) this.take(node)
    if (node === null) {
      let s = this.nextSteal[cpu]
      do {
        const lf = this.lists.get(`LF${s}`)!
        if (lf.length) {
          node = lf[0]
          this.take(node)
        } else {
          const P = this.lists.get(`P${s}`)!
          for (const force of [false, true]) {
            for (const n of [...P].reverse()) {
              if ((force || !this.ref.get(n)) && this.evict(n)) {
                node = n
                break
              }
            }
            if (node !== null) break
          }
          if (node !== null) this.take(node)
        }
        s = (s + 1) % this.C
      } while (node === null && s !== this.nextSteal[cpu])
      this.nextSteal[cpu] = s
    }
    if (node !== null) {
      this.ref.set(node, false)
      this.push(`P${cpu}`, node)
      this.cpuOf.set(node, cpu)
    }
    return node
  }
  release(n: number): void {
    const w = this.where(n)
    if (w.startsWith('P')) {
      this.take(n)
      this.ref.set(n, false)
      this.push(`LF${w.slice(1)}`, n)
    } else {
      this.take(n)
      this.push('FREE', n)
    }
  }
  update(key: number, flags: number, cpu: number): number {
    if (flags > 2) return -Errno.EINVAL
    const n = this.acquire(cpu)
    if (n === null) return -Errno.ENOMEM
    const old = this.hashed.get(key)
    if ((old !== undefined && flags === 1) || (old === undefined && flags === 2)) {
      this.release(n)
      return old !== undefined ? -Errno.EEXIST : -Errno.ENOENT
    }
    this.hashed.set(key, n)
    this.keyOf.set(n, key)
    if (old !== undefined) {
      this.ref.set(n, true)
      this.keyOf.delete(old)
      this.release(old)
    }
    return 0
  }
  delete(key: number): number {
    const n = this.hashed.get(key)
    if (n === undefined) return -Errno.ENOENT
    this.hashed.delete(key)
    this.keyOf.delete(n)
    this.release(n)
    return 0
  }
  progLookup(key: number): void {
    const n = this.hashed.get(key)
    if (n !== undefined) this.ref.set(n, true)
  }
  keySet(): number[] {
    return [...this.hashed.keys()].sort((a, b) => a - b)
  }
}

describe('LRU_HASH against an independent model of spec 5.1', () => {
  it('random sequences (updates with all flags, deletes, program lookups, two CPUs)', () => {
    let seed = 12345
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return (seed >>> 8) % n
    }
    for (let round = 0; round < 40; round++) {
      const N = [3, 4, 8, 16, 33, 64][round % 6]
      const k = Kernel.create({ possibleCpus: 2, memoryBytes: 8 << 20 })
      const procs = [new TestProc(k, 0), new TestProc(k, 1)]
      const fd = procs[0].bpf_map_create(MapType.LRU_HASH, 'm', 4, 4, N, { map_flags: MapFlag.ZERO_SEED })
      const fd1 = procs[1].bpf_obj_get('/sys/fs/bpf/none') // ENOENT: just exercises the path
      expect(fd1).toBe(-Errno.ENOENT)
      expect(procs[0].bpf_obj_pin(fd, `/sys/fs/bpf/m${round}`)).toBe(0)
      const fdB = procs[1].bpf_obj_get(`/sys/fs/bpf/m${round}`)
      const id = k.mapIdFromFd(procs[0].pid, fd)
      const keyBuf = k.kmalloc(8)
      const model = new LruModel(N, 2)
      for (let op = 0; op < 300; op++) {
        const key = rnd(N * 3)
        const cpu = rnd(2)
        const what = rnd(10)
        if (what < 6) {
          const flags = rnd(4) === 0 ? rnd(3) : 0
          const got = procs[cpu].put(cpu === 0 ? fd : fdB, key, key, flags)
          expect(got).toBe(model.update(key, flags, cpu))
        } else if (what < 8) {
          expect(procs[cpu].del(cpu === 0 ? fd : fdB, key)).toBe(model.delete(key))
        } else {
          k.mem.i32[keyBuf >> 2] = key
          k.progMapLookup(id, keyBuf, cpu)
          model.progLookup(key)
        }
        expect(procs[0].keys(fd).sort((a, b) => a - b)).toEqual(model.keySet())
      }
    }
  })
})
