/**
 * `bpftool map ...` (tools/bpf/bpftool/map.c and the map parts of common.c, bpftool 7.1),
 * command by command, in the same order of checks and with the same messages, over the
 * simulated kernel through BpftoolProc's bpf() calls. Maps here never carry BTF, so the
 * BTF-formatted branches of dump/lookup do not exist; map-in-map and prog-array values
 * cannot occur either (the simulated kernel cannot create those types).
 */
import { strerror } from '../runtime/libc/errno'
import { BPF_ANY, BPF_EXIST, BPF_NOEXIST, Errno, MapType } from '../kernel/uapi'
import { Args, Ctx, isPrefix, UsageExit, type Run } from './ctx'
import { entryErrorJson, entryErrorPlain, entryJson, entryPlain, fprintHex, mapIsPerCpu, mapTypeStr, printHexDataJson, showHeaderJson, showHeaderPlain, showJson, showPlain, type ShowExtras } from './format'
import { mapHelp } from './help'
import type { MapInfoT } from './proc'
import { strtoul } from './strtoul'

const BPF_OBJ_NAME_LEN = 16
/** Elements of a dump between two pauses (a UI driver may yield to the event loop there). */
const DUMP_SLICE = 256

// ---- finding maps (common.c) --------------------------------------------------------------------

/** map_fd_by_name: every map with that name, or -1. */
function mapFdByName(c: Ctx, name: string, fds: number[]): number {
  const p = c.proc
  let id = 0
  for (;;) {
    const r = p.mapGetNextId(id)
    if (r < 0) {
      if (p.errno !== Errno.ENOENT) {
        c.pErr(strerror(p.errno))
        break
      }
      return fds.length
    }
    id = r
    const fd = p.mapGetFdById(id)
    if (fd < 0) {
      c.pErr(`can't get map by id (${id}): ${strerror(p.errno)}`)
      break
    }
    const info = p.mapInfo(fd)
    if (typeof info === 'number') {
      c.pErr(`can't get map info (${id}): ${strerror(p.errno)}`)
      p.close(fd)
      break
    }
    // strncmp(name, info.name, BPF_OBJ_NAME_LEN)
    if (name.slice(0, BPF_OBJ_NAME_LEN) !== info.name.slice(0, BPF_OBJ_NAME_LEN)) {
      p.close(fd)
      continue
    }
    fds.push(fd)
  }
  for (const fd of fds) p.close(fd)
  fds.length = 0
  return -1
}

/** dirname(3) */
export function dirname(path: string): string {
  let p = path.replace(/\/+$/, '')
  if (p === '') return path.startsWith('/') ? '/' : '.'
  const i = p.lastIndexOf('/')
  if (i < 0) return '.'
  p = p.slice(0, i).replace(/\/+$/, '')
  return p === '' ? '/' : p
}

/** open_obj_pinned(path, quiet) */
function openObjPinned(c: Ctx, path: string, quiet: boolean): number {
  const p = c.proc
  const fd = p.objGet(path)
  if (fd < 0 && !quiet) {
    // p_err("bpf obj get (%s): %s", pname, errno == EACCES && !is_bpffs(dirname(pname)) ? ...):
    // glibc's dirname() cuts pname in place before p_err formats it, so on EACCES bpftool
    // names the parent directory.
    let shown = path
    let msg = strerror(p.errno)
    if (p.errno === Errno.EACCES) {
      shown = dirname(path)
      if (!p.isBpffs(shown)) msg = 'directory not in bpf file system (bpffs)'
    }
    c.pErr(`bpf obj get (${shown}): ${msg}`)
  }
  return fd < 0 ? -1 : fd
}

/** map_parse_fds: the maps a MAP handle names (id N | name NAME | pinned FILE). */
function mapParseFds(c: Ctx, a: Args, fds: number[]): number {
  const p = c.proc
  if (isPrefix(a.word, 'id')) {
    a.next()
    const w = a.word ?? ''
    const { value, rest } = strtoul(w, 0)
    if (rest !== '') {
      c.pErr(`can't parse ${w} as ID`)
      return -1
    }
    a.next()
    const id = Number(value & 0xffffffffn)
    const fd = p.mapGetFdById(id)
    if (fd < 0) {
      c.pErr(`get map by id (${id}): ${strerror(p.errno)}`)
      return -1
    }
    fds.push(fd)
    return 1
  } else if (isPrefix(a.word, 'name')) {
    a.next()
    const name = a.word ?? ''
    if (new TextEncoder().encode(name).length > BPF_OBJ_NAME_LEN - 1) {
      c.pErr("can't parse name")
      return -1
    }
    a.next()
    return mapFdByName(c, name, fds)
  } else if (isPrefix(a.word, 'pinned')) {
    a.next()
    const path = a.word ?? ''
    a.next()
    // open_obj_pinned_any(path, BPF_OBJ_MAP): every pinned object here is a map.
    const fd = openObjPinned(c, path, false)
    if (fd < 0) return -1
    fds.push(fd)
    return 1
  }
  c.pErr(`expected 'id', 'name' or 'pinned', got: '${a.word}'?`)
  return -1
}

/** map_parse_fd: exactly one map. */
export function mapParseFd(c: Ctx, a: Args): number {
  const fds: number[] = []
  const n = mapParseFds(c, a, fds)
  if (n !== 1) {
    if (n > 1) {
      c.pErr('several maps match this handle')
      for (const fd of fds) c.proc.close(fd)
    }
    return -1
  }
  return fds[0]
}

/** map_parse_fd_and_info */
function mapParseFdAndInfo(c: Ctx, a: Args): { fd: number; info: MapInfoT } | number {
  const fd = mapParseFd(c, a)
  if (fd < 0) return -1
  const info = c.proc.mapInfo(fd)
  if (typeof info === 'number') {
    c.pErr(`can't get map info: ${strerror(c.proc.errno)}`)
    c.proc.close(fd)
    return info
  }
  return { fd, info }
}

// ---- element arguments (map.c) --------------------------------------------------------------------

/** parse_bytes: n bytes from the words ("hex" first: base 16; else strtoul base 0). */
function parseBytes(c: Ctx, a: Args, name: string, out: Uint8Array, n: number): boolean {
  let base = 0
  if (isPrefix(a.word, 'hex')) {
    base = 16
    a.i++
  }
  let i = 0
  while (i < n && a.at(i) !== undefined) {
    const w = a.at(i)!
    const { value, rest } = strtoul(w, base)
    if (rest !== '') {
      c.pErr(`error parsing byte: ${w}`)
      return false
    }
    out[i] = Number(value & 0xffn)
    i++
  }
  if (i !== n) {
    c.pErr(`${name} expected ${n} bytes got ${i}`)
    return false
  }
  a.i += i
  return true
}

interface Elem {
  /** null = NULL pointer (no key accepted / already parsed). */
  key: Uint8Array | null
  value: Uint8Array | null
  keySize: number
  valueSize: number
  /** null once flags were given (or when the command takes none). */
  flags: { v: number } | null
}

/** parse_elem: key / value / update flags, recursively, exactly as bpftool (errors included). */
function parseElem(c: Ctx, a: Args, info: MapInfoT, e: Elem, ncpu: number): number {
  if (a.word === undefined) {
    if (!e.key && !e.value) return 0
    c.pErr(`did not find ${e.key ? 'key' : 'value'}`)
    return -1
  }
  if (isPrefix(a.word, 'key')) {
    if (!e.key) {
      c.pErr(e.keySize ? 'duplicate key' : 'unnecessary key')
      return -1
    }
    a.i++
    if (!parseBytes(c, a, 'key', e.key, e.keySize)) return -1
    return parseElem(c, a, info, { ...e, key: null }, ncpu)
  } else if (isPrefix(a.word, 'value')) {
    if (!e.value) {
      c.pErr(e.valueSize ? 'duplicate value' : 'unnecessary value')
      return -1
    }
    a.i++
    if (!parseBytes(c, a, 'value', e.value, e.valueSize)) return -1
    fillPerCpuValue(info, e.value, ncpu)
    return parseElem(c, a, info, { ...e, value: null }, ncpu)
  } else if (isPrefix(a.word, 'any') || isPrefix(a.word, 'noexist') || isPrefix(a.word, 'exist')) {
    if (!e.flags) {
      c.pErr(`flags specified multiple times: ${a.word}`)
      return -1
    }
    if (isPrefix(a.word, 'any')) e.flags.v = BPF_ANY
    else if (isPrefix(a.word, 'noexist')) e.flags.v = BPF_NOEXIST
    else e.flags.v = BPF_EXIST
    a.i++
    return parseElem(c, a, info, { ...e, flags: null }, ncpu)
  }
  c.pErr(`expected key or value, got: ${a.word}`)
  return -1
}

/** fill_per_cpu_value: the value given is written to every possible CPU. */
function fillPerCpuValue(info: MapInfoT, value: Uint8Array, ncpu: number): void {
  if (!mapIsPerCpu(info.type)) return
  const step = Math.ceil(info.valueSize / 8) * 8
  for (let i = 1; i < ncpu; i++) value.copyWithin(i * step, 0, info.valueSize)
}

/** alloc_value: a per-CPU value holds round_up(value_size, 8) bytes per possible CPU. */
function valueBytes(info: MapInfoT, ncpu: number): number {
  return mapIsPerCpu(info.type) ? Math.ceil(info.valueSize / 8) * 8 * ncpu : info.valueSize
}

// ---- show ---------------------------------------------------------------------------------------

/** build_pinned_obj_table(BPF_OBJ_MAP): map id -> pinned paths (obj_get + info on each file). */
function buildPinnedTable(c: Ctx): Map<number, string[]> {
  const table = new Map<number, string[]>()
  const p = c.proc
  for (const path of p.pinnedFiles()) {
    const fd = openObjPinned(c, path, true)
    if (fd < 0) continue
    const info = p.mapInfo(fd)
    if (typeof info !== 'number') table.set(info.id, [...(table.get(info.id) ?? []), path])
    p.close(fd)
  }
  return table
}

function showOne(c: Ctx, fd: number, info: MapInfoT, pinned: Map<number, string[]> | null): void {
  const p = c.proc
  const x: ShowExtras = {
    memlock: p.fdinfoField(fd, 'memlock'),
    frozen: p.fdinfoField(fd, 'frozen'),
    pinned: pinned && pinned.size > 0 ? (pinned.get(info.id) ?? []) : null,
  }
  p.close(fd)
  if (c.json) showJson(c.json, info, x)
  else c.out(showPlain(info, x))
}

function* doShow(c: Ctx, a: Args): Run {
  const p = c.proc
  const pinned = c.showPinned ? buildPinnedTable(c) : null
  if (a.argc === 2) return doShowSubset(c, a, pinned)
  if (a.argc) return c.badArg(a)
  const jw = c.json
  jw?.startArray()
  let id = 0
  let n = 0
  for (;;) {
    const r = p.mapGetNextId(id)
    if (r < 0) {
      if (p.errno !== Errno.ENOENT) c.pErr(`can't get next map: ${strerror(p.errno)}${p.errno === Errno.EINVAL ? ' -- kernel too old?' : ''}`)
      break
    }
    id = r
    const fd = p.mapGetFdById(id)
    if (fd < 0) {
      if (p.errno === Errno.ENOENT) continue
      c.pErr(`can't get map by id (${id}): ${strerror(p.errno)}`)
      break
    }
    const info = p.mapInfo(fd)
    if (typeof info === 'number') {
      c.pErr(`can't get map info: ${strerror(p.errno)}`)
      p.close(fd)
      break
    }
    showOne(c, fd, info, pinned)
    if (++n % DUMP_SLICE === 0) yield
  }
  jw?.endArray()
  return p.errno === Errno.ENOENT ? 0 : -1
}

function doShowSubset(c: Ctx, a: Args, pinned: Map<number, string[]> | null): number {
  const fds: number[] = []
  const n = mapParseFds(c, a, fds)
  if (n < 1) return -1
  let err = -1
  if (c.json && n > 1) c.json.startArray()
  for (let i = 0; i < n; i++) {
    const info = c.proc.mapInfo(fds[i])
    if (typeof info === 'number') {
      err = info
      c.pErr(`can't get map info: ${strerror(c.proc.errno)}`)
      for (; i < n; i++) c.proc.close(fds[i])
      break
    }
    err = 0
    showOne(c, fds[i], info, pinned)
  }
  if (c.json && n > 1) c.json.endArray()
  return err
}

// ---- dump ---------------------------------------------------------------------------------------

/** map_dump: walk get_next_key from NULL, look each key up, print; "Found N elements". */
function* mapDump(c: Ctx, fd: number, info: MapInfoT, showHeader: boolean): Run {
  const p = c.proc
  const ncpu = p.possibleCpus
  const key = p.alloc(info.keySize)
  const value = p.alloc(valueBytes(info, ncpu))
  const jw = c.json
  if (jw) {
    if (showHeader) {
      jw.startObject()
      showHeaderJson(jw, info)
      jw.name('elements')
    }
    jw.startArray()
  } else if (showHeader) {
    c.out(showHeaderPlain(info))
  }
  if (info.type === MapType.REUSEPORT_SOCKARRAY && info.valueSize !== 8) {
    c.pInfo(`Warning: cannot read values from ${mapTypeStr(info.type)} map with value_size != 8`)
  }
  let prev = 0
  let found = 0
  let err = 0
  for (let n = 1; ; n++) {
    err = p.getNextKey(fd, prev, key)
    if (err) {
      if (p.errno === Errno.ENOENT) err = 0
      break
    }
    if (dumpElem(c, fd, key, value, info, ncpu)) found++
    prev = key
    if (n % DUMP_SLICE === 0) yield
  }
  if (jw) {
    jw.endArray()
    if (showHeader) jw.endObject()
  } else {
    c.out(`Found ${found} element${found !== 1 ? 's' : ''}\n`)
  }
  p.close(fd)
  return err
}

/** dump_map_elem: true when the element was printed. */
function dumpElem(c: Ctx, fd: number, key: number, value: number, info: MapInfoT, ncpu: number): boolean {
  const p = c.proc
  const k = p.bytes(key, info.keySize)
  if (p.lookup(fd, key, value) < 0) {
    const e = p.errno
    // Missing entries of prog arrays and maps of maps are holes, not errors.
    const holes = info.type === MapType.ARRAY_OF_MAPS || info.type === MapType.HASH_OF_MAPS || info.type === MapType.PROG_ARRAY
    if (holes && e === Errno.ENOENT) return false
    if (c.json) entryErrorJson(c.json, info, k, strerror(e))
    else {
      const msg = e === Errno.ENOENT ? '<no entry>' : e === Errno.ENOSPC && info.type === MapType.REUSEPORT_SOCKARRAY ? '<cannot read>' : strerror(e)
      c.out(entryErrorPlain(info, k, msg))
    }
    return false
  }
  const v = p.bytes(value, valueBytes(info, ncpu))
  if (c.json) entryJson(c.json, info, k, v, ncpu)
  else c.out(entryPlain(info, k, v, ncpu))
  return true
}

function* doDump(c: Ctx, a: Args): Run {
  if (a.argc !== 2) throw new UsageExit()
  const fds: number[] = []
  const n = mapParseFds(c, a, fds)
  if (n < 1) return -1
  const jw = c.json
  let err = -1
  let i = 0
  if (jw && n > 1) jw.startArray()
  for (; i < n; i++) {
    const info = c.proc.mapInfo(fds[i])
    if (typeof info === 'number') {
      c.pErr(`can't get map info: ${strerror(c.proc.errno)}`)
      break
    }
    err = yield* mapDump(c, fds[i], info, n > 1)
    if (!jw && i !== n - 1) c.out('\n')
    if (err) {
      i++
      break
    }
  }
  if (jw && n > 1) jw.endArray()
  for (; i < n; i++) c.proc.close(fds[i])
  return err
}

// ---- element commands ---------------------------------------------------------------------------

interface Opened {
  fd: number
  info: MapInfoT
  key: number
  value: number
}

/** map_parse_fd_and_info + alloc_key_value (NULL pointers for zero sizes). */
function openWithBuffers(c: Ctx, a: Args): Opened | number {
  const r = mapParseFdAndInfo(c, a)
  if (typeof r === 'number') return -1
  const p = c.proc
  const key = r.info.keySize ? p.alloc(r.info.keySize) : 0
  const value = r.info.valueSize ? p.alloc(valueBytes(r.info, p.possibleCpus)) : 0
  return { ...r, key, value }
}

function elemOf(c: Ctx, o: Opened, withKey: boolean, withValue: boolean, flags: { v: number } | null): Elem {
  const p = c.proc
  return {
    key: withKey && o.key ? new Uint8Array(o.info.keySize) : null,
    value: withValue && o.value ? new Uint8Array(valueBytes(o.info, p.possibleCpus)) : null,
    keySize: o.info.keySize,
    valueSize: withValue ? o.info.valueSize : 0,
    flags,
  }
}

/** do_update (also push, enqueue) */
function* doUpdate(c: Ctx, a: Args): Run {
  if (a.argc < 2) throw new UsageExit()
  const o = openWithBuffers(c, a)
  if (typeof o === 'number') return -1
  const p = c.proc
  const flags = { v: BPF_ANY }
  const e = elemOf(c, o, true, true, flags)
  let err = parseElem(c, a, o.info, e, p.possibleCpus)
  if (!err) {
    if (e.key) p.setBytes(o.key, e.key)
    if (e.value) p.setBytes(o.value, e.value)
    err = p.update(o.fd, o.key, o.value, flags.v)
    if (err) c.pErr(`update failed: ${strerror(p.errno)}`)
  }
  p.close(o.fd)
  if (!err && c.json) c.json.null()
  return err
}

/** print_key_value */
function printKeyValue(c: Ctx, o: Opened): void {
  const p = c.proc
  const k = o.key ? p.bytes(o.key, o.info.keySize) : new Uint8Array(0)
  const v = o.value ? p.bytes(o.value, valueBytes(o.info, p.possibleCpus)) : new Uint8Array(0)
  if (c.json) entryJson(c.json, o.info, k, v, p.possibleCpus)
  else c.out(entryPlain(o.info, k, v, p.possibleCpus))
}

/** do_lookup (also peek) */
function* doLookup(c: Ctx, a: Args): Run {
  if (a.argc < 2) throw new UsageExit()
  const o = openWithBuffers(c, a)
  if (typeof o === 'number') return -1
  const p = c.proc
  const e = elemOf(c, o, true, false, null)
  let err = parseElem(c, a, o.info, e, p.possibleCpus)
  if (!err) {
    if (e.key) p.setBytes(o.key, e.key)
    err = p.lookup(o.fd, o.key, o.value)
    if (err) {
      if (p.errno === Errno.ENOENT) {
        if (c.json) c.json.null()
        else c.out(`key:\n${fprintKey(c, o)}\n\nNot found\n`)
      } else {
        c.pErr(`lookup failed: ${strerror(p.errno)}`)
      }
    } else {
      printKeyValue(c, o)
    }
  }
  p.close(o.fd)
  return err
}

function fprintKey(c: Ctx, o: Opened): string {
  return o.key ? fprintHex(c.proc.bytes(o.key, o.info.keySize)) : ''
}

/** do_getnext */
function* doGetnext(c: Ctx, a: Args): Run {
  if (a.argc < 2) throw new UsageExit()
  const r = mapParseFdAndInfo(c, a)
  if (typeof r === 'number') return -1
  const p = c.proc
  const { fd, info } = r
  let key = p.alloc(info.keySize)
  const next = p.alloc(info.keySize)
  let err = 0
  if (a.argc) {
    const e: Elem = { key: new Uint8Array(info.keySize), value: null, keySize: info.keySize, valueSize: 0, flags: null }
    err = parseElem(c, a, info, e, p.possibleCpus)
    if (e.key) p.setBytes(key, e.key)
  } else {
    key = 0
  }
  if (!err) {
    err = p.getNextKey(fd, key, next)
    if (err) c.pErr(`can't get next key: ${strerror(p.errno)}`)
    else if (c.json) {
      const jw = c.json
      jw.startObject()
      if (key) {
        jw.name('key')
        printHexDataJson(jw, p.bytes(key, info.keySize))
      } else {
        jw.nullField('key')
      }
      jw.name('next_key')
      printHexDataJson(jw, p.bytes(next, info.keySize))
      jw.endObject()
    } else {
      let s = key ? `key:\n${fprintHex(p.bytes(key, info.keySize))}\n` : 'key: None\n'
      s += `next key:\n${fprintHex(p.bytes(next, info.keySize))}\n`
      c.out(s)
    }
  }
  p.close(fd)
  return err
}

/** do_delete */
function* doDelete(c: Ctx, a: Args): Run {
  if (a.argc < 2) throw new UsageExit()
  const r = mapParseFdAndInfo(c, a)
  if (typeof r === 'number') return -1
  const p = c.proc
  const { fd, info } = r
  const key = p.alloc(info.keySize)
  const e: Elem = { key: new Uint8Array(info.keySize), value: null, keySize: info.keySize, valueSize: 0, flags: null }
  let err = parseElem(c, a, info, e, p.possibleCpus)
  if (!err) {
    if (e.key) p.setBytes(key, e.key)
    err = p.delete(fd, key)
    if (err) c.pErr(`delete failed: ${strerror(p.errno)}`)
  }
  p.close(fd)
  if (!err && c.json) c.json.null()
  return err
}

/** do_pop_dequeue */
function* doPopDequeue(c: Ctx, a: Args): Run {
  if (a.argc < 2) throw new UsageExit()
  const o = openWithBuffers(c, a)
  if (typeof o === 'number') return -1
  const p = c.proc
  const err = p.lookupAndDelete(o.fd, o.key, o.value)
  if (err) {
    if (p.errno === Errno.ENOENT) {
      if (c.json) c.json.null()
      else c.out('Error: empty map\n')
    } else {
      c.pErr(`pop failed: ${strerror(p.errno)}`)
    }
  } else {
    printKeyValue(c, o)
  }
  p.close(o.fd)
  return err
}

/** do_freeze */
function* doFreeze(c: Ctx, a: Args): Run {
  if (!c.reqArgs(a, 2)) return -1
  const fd = mapParseFd(c, a)
  if (fd < 0) return -1
  const p = c.proc
  if (a.argc) {
    p.close(fd)
    return c.badArg(a)
  }
  const err = p.freeze(fd)
  p.close(fd)
  if (err) {
    c.pErr(`failed to freeze map: ${strerror(p.errno)}`)
    return err
  }
  if (c.json) c.json.null()
  return 0
}

// ---- pin / create -------------------------------------------------------------------------------

/**
 * mount_bpffs_for_pin + bpf_obj_pin. bpftool mounts a bpffs on the target directory when it is
 * not on one; the simulated machine has no mount(2), so a missing directory fails the way the
 * mount would (ENOENT) and an existing non-bpffs directory goes straight to the pin (which the
 * kernel refuses with EPERM).
 */
function doPinFd(c: Ctx, fd: number, name: string): number {
  const p = c.proc
  const dir = dirname(name)
  if (!p.isBpffs(dir)) {
    if (c.blockMount) {
      c.pErr('no BPF file system found, not mounting it due to --nomount option')
      return -1
    }
    const st = p.stat(dir)
    if (st < 0) {
      c.pErr(`can't mount BPF file system to pin the object (${name}): mount --make-private ${dir} failed: ${strerror(-st)}`)
      return -1
    }
  }
  const err = p.objPin(fd, name)
  if (err) c.pErr(`can't pin the object (${name}): ${strerror(p.errno)}`)
  return err
}

/** do_pin (do_pin_any with map_parse_fd) */
function* doPin(c: Ctx, a: Args): Run {
  const fd = mapParseFd(c, a)
  if (fd < 0) return fd
  const path = a.word
  let err: number
  if (path === undefined) {
    // bpftool would pass a NULL path on; treat a missing FILE as a usage error instead.
    c.proc.close(fd)
    throw new UsageExit()
  }
  err = doPinFd(c, fd, path)
  c.proc.close(fd)
  if (!err && c.json) c.json.null()
  return err
}

/** parse_u32_arg */
function parseU32Arg(c: Ctx, a: Args, cur: number, what: string): number | null {
  a.next()
  if (cur) {
    c.pErr(`${what} already specified`)
    return null
  }
  const w = a.word ?? ''
  const { value, rest } = strtoul(w, 0)
  if (rest !== '') {
    c.pErr(`can't parse ${w} as ${what}`)
    return null
  }
  a.next()
  return Number(value & 0xffffffffn)
}

/** map_type_from_str: libbpf's names, no prefixes. */
function mapTypeFromStr(s: string): number {
  for (let i = 0; ; i++) {
    const t = mapTypeStr(i)
    if (t === null) return -1
    if (t === s) return i
  }
}

/** do_create */
function* doCreate(c: Ctx, a: Args): Run {
  if (!c.reqArgs(a, 7)) return -1
  const p = c.proc
  const pinfile = a.get()!
  let mapType = 0
  let keySize = 0
  let valueSize = 0
  let maxEntries = 0
  let mapFlags = 0
  let ifindex = 0
  let innerMapFd = 0
  let mapName: string | null = null
  const done = (err: number): number => {
    if (innerMapFd > 0) p.close(innerMapFd)
    return err
  }
  while (a.argc) {
    if (!c.reqArgs(a, 2)) return done(-1)
    if (isPrefix(a.word, 'type')) {
      a.next()
      if (mapType) {
        c.pErr('map type already specified')
        return done(-1)
      }
      mapType = mapTypeFromStr(a.word!)
      if (mapType < 0) {
        c.pErr(`unrecognized map type: ${a.word}`)
        return done(-1)
      }
      a.next()
    } else if (isPrefix(a.word, 'name')) {
      a.next()
      mapName = a.get()!
    } else if (isPrefix(a.word, 'key')) {
      const v = parseU32Arg(c, a, keySize, 'key size')
      if (v === null) return done(-1)
      keySize = v
    } else if (isPrefix(a.word, 'value')) {
      const v = parseU32Arg(c, a, valueSize, 'value size')
      if (v === null) return done(-1)
      valueSize = v
    } else if (isPrefix(a.word, 'entries')) {
      const v = parseU32Arg(c, a, maxEntries, 'max entries')
      if (v === null) return done(-1)
      maxEntries = v
    } else if (isPrefix(a.word, 'flags')) {
      const v = parseU32Arg(c, a, mapFlags, 'flags')
      if (v === null) return done(-1)
      mapFlags = v
    } else if (isPrefix(a.word, 'dev')) {
      a.next()
      if (ifindex) {
        c.pErr('offload device already specified')
        return done(-1)
      }
      // if_nametoindex: the simulated machine has the loopback device only.
      ifindex = a.word === 'lo' ? 1 : 0
      if (!ifindex) {
        c.pErr(`unrecognized netdevice '${a.word}': ${strerror(19)}`)
        return done(-1)
      }
      a.next()
    } else if (isPrefix(a.word, 'inner_map')) {
      a.next()
      if (!c.reqArgs(a, 2)) throw new UsageExit()
      const r = mapParseFdAndInfo(c, a)
      if (typeof r === 'number') return -1
      innerMapFd = r.fd
    } else {
      c.pErr(`unknown arg ${a.word}`)
      return done(-1)
    }
  }
  if (mapName === null) {
    c.pErr('map name not specified')
    return done(-1)
  }
  const fd = p.mapCreate(mapType, mapName, keySize, valueSize, maxEntries, mapFlags, innerMapFd, ifindex)
  if (fd < 0) {
    c.pErr(`map create failed: ${strerror(p.errno)}`)
    return done(-1)
  }
  const err = doPinFd(c, fd, pinfile)
  p.close(fd)
  if (err) return done(err)
  if (c.json) c.json.null()
  return done(0)
}

// ---- dispatch -----------------------------------------------------------------------------------

function doHelp(c: Ctx): number {
  if (c.json) {
    c.json.null()
    return 0
  }
  c.err(mapHelp(c.binName, c.objectWord))
  return 0
}

function* doEventPipe(c: Ctx): Run {
  // There are no perf event arrays in the simulated kernel.
  c.pErr('bpfplay: map event_pipe is not simulated (no perf event arrays here)')
  return -1
}

const CMDS: [string, (c: Ctx, a: Args) => Run][] = [
  ['show', doShow],
  ['list', doShow],
  ['help', function* (c) {
    return doHelp(c)
  }],
  ['dump', doDump],
  ['update', doUpdate],
  ['lookup', doLookup],
  ['getnext', doGetnext],
  ['delete', doDelete],
  ['pin', doPin],
  ['event_pipe', doEventPipe],
  ['create', doCreate],
  ['peek', doLookup],
  ['push', doUpdate],
  ['enqueue', doUpdate],
  ['pop', doPopDequeue],
  ['dequeue', doPopDequeue],
  ['freeze', doFreeze],
]

/** The map subcommands, in bpftool's order (a prefix picks the first match: "d" is dump). */
export const MAP_COMMANDS = CMDS.map(([name]) => name)

/** do_map: cmd_select over the map commands. `a` starts after the object word. */
export function* doMap(c: Ctx, a: Args): Run {
  c.lastHelp = () => doHelp(c)
  if (a.argc < 1) return yield* doShow(c, a)
  for (const [name, f] of CMDS) {
    if (isPrefix(a.word, name)) {
      a.i++
      return yield* f(c, a)
    }
  }
  doHelp(c)
  return -1
}
