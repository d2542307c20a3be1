/**
 * The file tree the kernel knows about, with bpffs mounted at /sys/fs/bpf (spec section 10).
 *
 * BPF_OBJ_PIN / BPF_OBJ_GET need real path semantics: which errno comes first depends on
 * whether the parent exists, whether it is a directory, whether the name already exists on
 * *any* file system, and only then whether the directory is on bpffs. So the kernel keeps a
 * small VFS: a skeleton of a Debian root file system (directories and a few files, which
 * cannot be opened here but do exist), the bpffs mount, and whatever mkdir/pin created.
 * Names inside bpffs directories must not contain '.' (bpf_lookup returns EPERM for them,
 * on every lookup, not only on create).
 *
 * Nodes live in a fixed table in the kernel buffer; changes happen under the kernel lock.
 * Paths are byte strings (C strings from user memory).
 */
import { MAX_NODES, NODE_BYTES, type KernelMemory } from './memory'
import { Errno } from './uapi'

export const NodeKind = { FREE: 0, DIR: 1, FILE: 2, PIN: 3 } as const
/** File system of a node: what mkdir/pin in that directory do. */
export const Fs = { ROOTFS: 0, BPFFS: 1, PSEUDO: 2 } as const

const N_KIND = 0
const N_PARENT = 1
const N_CHILD = 2
const N_SIBLING = 3
const N_FS = 4
const N_MAP = 5
const N_MODE = 6
const N_NAMELEN = 7
const N_MOUNT = 8
const NAME_OFF = 48
const NAME_MAX = 255
const PATH_MAX = 4096
const DOT = 0x2e
const SLASH = 0x2f
/** Not in uapi.ts's Errno list: cross-device rename. */
const EXDEV = 18

export const BPFFS_ROOT = '/sys/fs/bpf'

const SKELETON_DIRS: [string, number][] = [
  ['/bin', Fs.ROOTFS],
  ['/boot', Fs.ROOTFS],
  ['/dev', Fs.PSEUDO],
  ['/etc', Fs.ROOTFS],
  ['/home', Fs.ROOTFS],
  ['/lib', Fs.ROOTFS],
  ['/mnt', Fs.ROOTFS],
  ['/opt', Fs.ROOTFS],
  ['/proc', Fs.PSEUDO],
  ['/root', Fs.ROOTFS],
  ['/run', Fs.ROOTFS],
  ['/sbin', Fs.ROOTFS],
  ['/srv', Fs.ROOTFS],
  ['/sys', Fs.PSEUDO],
  ['/sys/fs', Fs.PSEUDO],
  ['/sys/kernel', Fs.PSEUDO],
  ['/tmp', Fs.ROOTFS],
  ['/usr', Fs.ROOTFS],
  ['/usr/bin', Fs.ROOTFS],
  ['/usr/include', Fs.ROOTFS],
  ['/usr/lib', Fs.ROOTFS],
  ['/var', Fs.ROOTFS],
  ['/var/tmp', Fs.ROOTFS],
]
const SKELETON_FILES = ['/etc/passwd', '/etc/hostname', '/etc/os-release', '/dev/null', '/dev/zero', '/dev/urandom', '/proc/version', '/sys/kernel/notes']

type LastType = 'norm' | 'dot' | 'dotdot' | 'root'

interface ParentWalk {
  dir: number
  last: Uint8Array
  type: LastType
  trailingSlash: boolean
}

const enc = new TextEncoder()
const dec = new TextDecoder()

export class Vfs {
  constructor(private readonly mem: KernelMemory) {}

  private w(node: number): number {
    return (this.mem.vfsTable + node * NODE_BYTES) >> 2
  }
  kind(node: number): number {
    return this.mem.i32[this.w(node) + N_KIND]
  }
  fsOf(node: number): number {
    return this.mem.i32[this.w(node) + N_FS]
  }
  mapSlotOf(node: number): number {
    return this.mem.i32[this.w(node) + N_MAP]
  }
  parentOf(node: number): number {
    return this.mem.i32[this.w(node) + N_PARENT]
  }
  private nameBytes(node: number): Uint8Array {
    const w = this.w(node)
    const len = this.mem.i32[w + N_NAMELEN]
    const at = (w << 2) + NAME_OFF
    return this.mem.u8.subarray(at, at + len)
  }

  /** Build the boot-time tree. Called once by Kernel.create. */
  init(): void {
    const i32 = this.mem.i32
    const rw = this.w(0)
    i32[rw + N_KIND] = NodeKind.DIR
    i32[rw + N_PARENT] = 0
    i32[rw + N_FS] = Fs.ROOTFS
    i32[rw + N_MODE] = 0o40755
    i32[rw + N_MOUNT] = 1
    for (const [path, fs] of SKELETON_DIRS) this.mkNode(this.mustResolve(dirname(path)), enc.encode(basename(path)), NodeKind.DIR, fs, 0o40755)
    const bpf = this.mkNode(this.mustResolve('/sys/fs'), enc.encode('bpf'), NodeKind.DIR, Fs.BPFFS, 0o41777)
    i32[this.w(bpf) + N_MOUNT] = 1
    for (const path of SKELETON_FILES) {
      const parent = this.mustResolve(dirname(path))
      this.mkNode(parent, enc.encode(basename(path)), NodeKind.FILE, this.fsOf(parent), 0o100644)
    }
  }

  private mustResolve(path: string): number {
    const n = this.resolve(enc.encode(path), 0)
    if (n < 0) throw new Error(`vfs: cannot resolve ${path}`)
    return n
  }

  /** Node of an absolute path (string), or -errno. For the runtime (cwd, tests). */
  lookup(path: string, cwd = 0): number {
    return this.resolve(enc.encode(path), cwd)
  }

  private mkNode(parent: number, name: Uint8Array, kind: number, fs: number, mode: number): number {
    const i32 = this.mem.i32
    for (let n = 1; n < MAX_NODES; n++) {
      const w = this.w(n)
      if (i32[w + N_KIND] !== NodeKind.FREE) continue
      i32[w + N_PARENT] = parent
      i32[w + N_CHILD] = 0
      i32[w + N_FS] = fs
      i32[w + N_MAP] = -1
      i32[w + N_MODE] = mode
      i32[w + N_MOUNT] = 0
      i32[w + N_NAMELEN] = name.length
      this.mem.u8.set(name, (w << 2) + NAME_OFF)
      const pw = this.w(parent)
      i32[w + N_SIBLING] = i32[pw + N_CHILD]
      Atomics.store(i32, w + N_KIND, kind)
      Atomics.store(i32, pw + N_CHILD, n)
      return n
    }
    return -Errno.ENOSPC
  }

  /** Detach a node from its parent and free it. */
  private rmNode(node: number): void {
    this.detach(node)
    Atomics.store(this.mem.i32, this.w(node) + N_KIND, NodeKind.FREE)
  }

  private detach(node: number): void {
    const i32 = this.mem.i32
    const pw = this.w(this.parentOf(node))
    const next = i32[this.w(node) + N_SIBLING]
    if (i32[pw + N_CHILD] === node) {
      Atomics.store(i32, pw + N_CHILD, next)
      return
    }
    for (let c = i32[pw + N_CHILD]; c !== 0; c = i32[this.w(c) + N_SIBLING]) {
      if (i32[this.w(c) + N_SIBLING] === node) {
        Atomics.store(i32, this.w(c) + N_SIBLING, next)
        return
      }
    }
  }

  /** Child `name` of dir: node, 0 if absent, -EPERM for dotted names in bpffs (bpf_lookup). */
  private lookupChild(dir: number, name: Uint8Array): number {
    if (this.fsOf(dir) === Fs.BPFFS && name.includes(DOT)) return -Errno.EPERM
    const i32 = this.mem.i32
    for (let c = i32[this.w(dir) + N_CHILD]; c !== 0; c = i32[this.w(c) + N_SIBLING]) {
      const nb = this.nameBytes(c)
      if (nb.length === name.length && nb.every((b, i) => b === name[i])) return c
    }
    return 0
  }

  private components(path: Uint8Array): Uint8Array[] {
    const out: Uint8Array[] = []
    let start = 0
    for (let i = 0; i <= path.length; i++) {
      if (i === path.length || path[i] === SLASH) {
        if (i > start) out.push(path.subarray(start, i))
        start = i + 1
      }
    }
    return out
  }

  /** Walk `comps` from `start`; every step must be a directory. Returns the node or -errno. */
  private walk(start: number, comps: Uint8Array[]): number {
    let cur = start
    for (const c of comps) {
      if (this.kind(cur) !== NodeKind.DIR) return -Errno.ENOTDIR
      if (c.length === 1 && c[0] === DOT) continue
      if (c.length === 2 && c[0] === DOT && c[1] === DOT) {
        cur = this.parentOf(cur)
        continue
      }
      if (c.length > NAME_MAX) return -Errno.ENAMETOOLONG
      const child = this.lookupChild(cur, c)
      if (child < 0) return child
      if (child === 0) return -Errno.ENOENT
      cur = child
    }
    return cur
  }

  private checkPath(path: Uint8Array): number {
    if (path.length === 0) return -Errno.ENOENT
    if (path.length >= PATH_MAX) return -Errno.ENAMETOOLONG
    return 0
  }

  /** Full lookup (LOOKUP_FOLLOW): the node, or -errno. */
  resolve(path: Uint8Array, cwd: number): number {
    const bad = this.checkPath(path)
    if (bad < 0) return bad
    const node = this.walk(path[0] === SLASH ? 0 : cwd, this.components(path))
    if (node < 0) return node
    if (path[path.length - 1] === SLASH && this.kind(node) !== NodeKind.DIR) return -Errno.ENOTDIR
    return node
  }

  /** LOOKUP_PARENT: the directory holding the last component, and that component. */
  private walkParent(path: Uint8Array, cwd: number): ParentWalk | number {
    const bad = this.checkPath(path)
    if (bad < 0) return bad
    const comps = this.components(path)
    const start = path[0] === SLASH ? 0 : cwd
    const trailingSlash = path[path.length - 1] === SLASH
    if (comps.length === 0) return { dir: start, last: new Uint8Array(0), type: 'root', trailingSlash }
    const last = comps[comps.length - 1]
    const dir = this.walk(start, comps.slice(0, -1))
    if (dir < 0) return dir
    if (this.kind(dir) !== NodeKind.DIR) return -Errno.ENOTDIR
    let type: LastType = 'norm'
    if (last.length === 1 && last[0] === DOT) type = 'dot'
    else if (last.length === 2 && last[0] === DOT && last[1] === DOT) type = 'dotdot'
    else if (last.length > NAME_MAX) return -Errno.ENAMETOOLONG
    return { dir, last, type, trailingSlash }
  }

  /** filename_create + bpf_obj_do_pin. Returns the new node or -errno. Kernel lock held. */
  pin(path: Uint8Array, cwd: number, mapSlot: number): number {
    const p = this.walkParent(path, cwd)
    if (typeof p === 'number') return p
    if (p.type !== 'norm') return -Errno.EEXIST
    const existing = this.lookupChild(p.dir, p.last)
    if (existing < 0) return existing
    if (existing > 0) return -Errno.EEXIST
    if (p.trailingSlash) return -Errno.ENOENT
    if (this.fsOf(p.dir) !== Fs.BPFFS) return -Errno.EPERM
    const n = this.mkNode(p.dir, p.last.slice(), NodeKind.PIN, Fs.BPFFS, 0o100600)
    if (n > 0) this.mem.i32[this.w(n) + N_MAP] = mapSlot
    return n
  }

  /** bpf_obj_do_get: the pinned map's slot, or -errno (EACCES for anything but a pin). */
  getPin(path: Uint8Array, cwd: number): number {
    const n = this.resolve(path, cwd)
    if (n < 0) return n
    if (this.kind(n) !== NodeKind.PIN) return -Errno.EACCES
    return this.mapSlotOf(n)
  }

  /** mkdir(2). Kernel lock held. */
  mkdir(path: Uint8Array, cwd: number, mode = 0o755): number {
    const p = this.walkParent(path, cwd)
    if (typeof p === 'number') return p
    if (p.type !== 'norm') return -Errno.EEXIST
    const existing = this.lookupChild(p.dir, p.last)
    if (existing < 0) return existing
    if (existing > 0) return -Errno.EEXIST
    if (this.fsOf(p.dir) === Fs.PSEUDO) return -Errno.EPERM
    const n = this.mkNode(p.dir, p.last.slice(), NodeKind.DIR, this.fsOf(p.dir), 0o40000 | (mode & 0o7777))
    return n < 0 ? n : 0
  }

  /** unlink(2): 0 or -errno; `removed` receives the map slot of a removed pin (-1 otherwise). */
  unlink(path: Uint8Array, cwd: number, removed: { mapSlot: number }): number {
    removed.mapSlot = -1
    const p = this.walkParent(path, cwd)
    if (typeof p === 'number') return p
    if (p.type !== 'norm') return -Errno.EISDIR
    const n = this.lookupChild(p.dir, p.last)
    if (n < 0) return n
    if (n === 0) return -Errno.ENOENT
    if (this.kind(n) === NodeKind.DIR) return -Errno.EISDIR
    if (p.trailingSlash) return -Errno.ENOTDIR
    if (this.fsOf(p.dir) === Fs.PSEUDO) return -Errno.EPERM
    if (this.kind(n) === NodeKind.PIN) removed.mapSlot = this.mapSlotOf(n)
    this.rmNode(n)
    return 0
  }

  /** rmdir(2). */
  rmdir(path: Uint8Array, cwd: number): number {
    const p = this.walkParent(path, cwd)
    if (typeof p === 'number') return p
    if (p.type === 'dot') return -Errno.EINVAL
    if (p.type === 'dotdot') return -Errno.ENOTEMPTY
    if (p.type === 'root') return -Errno.EBUSY
    const n = this.lookupChild(p.dir, p.last)
    if (n < 0) return n
    if (n === 0) return -Errno.ENOENT
    if (this.kind(n) !== NodeKind.DIR) return -Errno.ENOTDIR
    const w = this.w(n)
    if (this.mem.i32[w + N_MOUNT] === 1) return -Errno.EBUSY
    if (this.mem.i32[w + N_CHILD] !== 0) return -Errno.ENOTEMPTY
    if (this.fsOf(p.dir) === Fs.PSEUDO) return -Errno.EPERM
    this.rmNode(n)
    return 0
  }

  /** rename(2) (same file system only). `removed` gets the map slot of a replaced pin. */
  rename(from: Uint8Array, to: Uint8Array, cwd: number, removed: { mapSlot: number }): number {
    removed.mapSlot = -1
    const a = this.walkParent(from, cwd)
    if (typeof a === 'number') return a
    const b = this.walkParent(to, cwd)
    if (typeof b === 'number') return b
    if (a.type !== 'norm' || b.type !== 'norm') return -Errno.EBUSY
    const src = this.lookupChild(a.dir, a.last)
    if (src < 0) return src
    if (src === 0) return -Errno.ENOENT
    const dst = this.lookupChild(b.dir, b.last)
    if (dst < 0) return dst
    if (this.fsOf(a.dir) !== this.fsOf(b.dir) || this.fsOf(a.dir) === Fs.PSEUDO) return this.fsOf(a.dir) === Fs.PSEUDO ? -Errno.EPERM : -EXDEV
    if (src === dst) return 0
    const srcIsDir = this.kind(src) === NodeKind.DIR
    if (srcIsDir) {
      for (let d = b.dir; ; d = this.parentOf(d)) {
        if (d === src) return -Errno.EINVAL
        if (d === 0) break
      }
    } else if (a.trailingSlash || b.trailingSlash) {
      return -Errno.ENOTDIR
    }
    if (dst > 0) {
      const dstIsDir = this.kind(dst) === NodeKind.DIR
      if (srcIsDir && !dstIsDir) return -Errno.ENOTDIR
      if (!srcIsDir && dstIsDir) return -Errno.EISDIR
      if (dstIsDir && this.mem.i32[this.w(dst) + N_CHILD] !== 0) return -Errno.ENOTEMPTY
      if (this.kind(dst) === NodeKind.PIN) removed.mapSlot = this.mapSlotOf(dst)
      this.rmNode(dst)
    }
    const i32 = this.mem.i32
    const w = this.w(src)
    this.detach(src)
    i32[w + N_PARENT] = b.dir
    i32[w + N_NAMELEN] = b.last.length
    this.mem.u8.set(b.last, (w << 2) + NAME_OFF)
    i32[w + N_SIBLING] = i32[this.w(b.dir) + N_CHILD]
    Atomics.store(i32, this.w(b.dir) + N_CHILD, src)
    return 0
  }

  /** Absolute path of a node. */
  pathOf(node: number): string {
    const parts: string[] = []
    let n = node
    for (let guard = 0; n !== 0 && guard < MAX_NODES; guard++) {
      parts.push(dec.decode(this.nameBytes(n).slice())) // browsers refuse to decode shared memory
      n = this.parentOf(n)
    }
    return '/' + parts.reverse().join('/')
  }

  /** Everything under the bpffs mount, depth first, lock-free (for snapshots). */
  bpffsEntries(): { path: string; kind: 'dir' | 'map'; mapSlot: number }[] {
    const root = this.resolve(enc.encode(BPFFS_ROOT), 0)
    const out: { path: string; kind: 'dir' | 'map'; mapSlot: number }[] = []
    if (root < 0) return out
    const i32 = this.mem.i32
    const visit = (dir: number, path: string, depth: number): void => {
      if (depth > 64 || out.length > MAX_NODES) return
      const kids: { name: string; node: number }[] = []
      for (let c = Atomics.load(i32, this.w(dir) + N_CHILD), g = 0; c !== 0 && g < MAX_NODES; c = Atomics.load(i32, this.w(c) + N_SIBLING), g++) {
        kids.push({ name: dec.decode(this.nameBytes(c).slice()), node: c })
      }
      kids.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
      for (const k of kids) {
        const p = `${path}/${k.name}`
        const kind = this.kind(k.node)
        if (kind === NodeKind.DIR) {
          out.push({ path: p, kind: 'dir', mapSlot: -1 })
          visit(k.node, p, depth + 1)
        } else if (kind === NodeKind.PIN) {
          out.push({ path: p, kind: 'map', mapSlot: this.mapSlotOf(k.node) })
        }
      }
    }
    out.push({ path: BPFFS_ROOT, kind: 'dir', mapSlot: -1 })
    visit(root, BPFFS_ROOT, 0)
    return out
  }

  /** Path string to the byte form the Vfs methods take. */
  static encode(path: string): Uint8Array {
    return enc.encode(path)
  }
}

function dirname(p: string): string {
  const i = p.lastIndexOf('/')
  return i <= 0 ? '/' : p.slice(0, i)
}
function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1)
}
