/**
 * The libc a userspace program links against: the C names, wired to the glibc-exact pieces in
 * libc/ and to the process (its memory, heap, errno, fds, clock). Argument and return values
 * follow lang/abi.ts: ints as numbers, 64-bit as bigint, pointers as numbers.
 */
import { CFault, NULL_GUARD, type ImportFn } from '../lang/abi'
import { perrorBytes, strerror } from './libc/errno'
import { formatPrintfEx } from './libc/printf'
import { GlibcRandom, rand_r } from './libc/random'
import * as str from './libc/string'
import type { Process } from './process'
import { ExitRequest } from './process'
import { SegvError } from './memory'

const EBADF = 9
const EINVAL = 22
const ENOMEM = 12

/** Where stdin/stdout/stderr's FILE objects live: three 16-byte records {int fd} in the runtime area. */
export const FILE_RECORD = 16

/** A FILE* -> its fd; NULL or a pointer that is no FILE of ours faults as glibc would. */
function streamFd(p: Process, stream: number): number {
  const fd = (stream - p.filesAddr) / FILE_RECORD
  if (!Number.isInteger(fd) || fd < 0 || fd > 2) throw new SegvError(stream, 'read')
  return fd
}

export function libcImports(p: Process): Record<string, ImportFn> {
  const mem = p.mem
  const rng = new GlibcRandom()
  const strtokState: str.StrtokState = { next: 0 }
  const setErrno = (e: number) => {
    p.errno = e
  }
  const malloc = (n: number) => {
    const ptr = p.heap.malloc(n)
    if (ptr === 0) p.errno = ENOMEM
    return ptr
  }
  const enc = new TextEncoder()
  const out = (fd: number, bytes: Uint8Array) => {
    if (fd === 1 || fd === 2) p.write(fd, bytes)
  }
  /** printf-family result: bytes written, or -1 with errno on a format failure. */
  const printTo = (fd: number, fmt: number, types: string, values: unknown[], fixed: number) => {
    const r = formatPrintfEx(mem, fmt, types, values, { fixedIntArgs: fixed, errno: p.errno })
    out(fd, r.bytes)
    if (r.error) {
      p.errno = r.error
      return -1
    }
    return r.bytes.length
  }
  /** snprintf-style: writes at most size-1 bytes and a NUL; returns the full length. */
  const printToBuffer = (buf: number, size: number | null, fmt: number, types: string, values: unknown[], fixed: number) => {
    const r = formatPrintfEx(mem, fmt, types, values, { fixedIntArgs: fixed, errno: p.errno })
    const n = size === null ? r.bytes.length : Math.max(0, Math.min(r.bytes.length, size - 1))
    if (size === null || size > 0) {
      const dst = mem.bytes(buf, n + 1, 'write')
      dst.set(r.bytes.subarray(0, n))
      dst[n] = 0
    }
    if (r.error) {
      p.errno = r.error
      return -1
    }
    return r.bytes.length
  }
  const num = (v: number | bigint) => Number(v)
  const putTo = (c: number, stream: number) => {
    out(streamFd(p, stream), Uint8Array.of(c & 255))
    return c & 255
  }
  const exit = (code: number): never => {
    throw new ExitRequest(code)
  }

  return {
    // stdio
    printf: (fmt: number, t: string, v: unknown[]) => printTo(1, fmt, t, v, 1),
    fprintf: (stream: number, fmt: number, t: string, v: unknown[]) => printTo(streamFd(p, stream), fmt, t, v, 2),
    dprintf: (fd: number, fmt: number, t: string, v: unknown[]) => printTo(fd, fmt, t, v, 2),
    sprintf: (buf: number, fmt: number, t: string, v: unknown[]) => printToBuffer(buf, null, fmt, t, v, 2),
    snprintf: (buf: number, size: bigint, fmt: number, t: string, v: unknown[]) => printToBuffer(buf, num(size), fmt, t, v, 3),
    puts: (s: number) => {
      out(1, mem.cstringBytes(s).slice())
      out(1, enc.encode('\n'))
      return 1
    },
    putchar: (c: number) => {
      out(1, Uint8Array.of(c & 255))
      return c & 255
    },
    fputs: (s: number, stream: number) => {
      out(streamFd(p, stream), mem.cstringBytes(s).slice())
      return 1
    },
    fputc: putTo,
    putc: putTo,
    fwrite: (ptr: number, size: bigint, n: bigint, stream: number) => {
      const total = num(size) * num(n)
      out(streamFd(p, stream), mem.bytes(ptr, total).slice())
      return n
    },
    fflush: (stream: number) => {
      if (stream === 0 || streamFd(p, stream) === 1) p.flush()
      return 0
    },
    setvbuf: () => 0,
    setbuf: () => undefined,
    perror: (s: number) => {
      out(2, perrorBytes(s === 0 ? null : mem.cstringBytes(s), p.errno))
      return undefined
    },
    // errno
    __errno_location: () => p.errnoAddr,
    strerror: (e: number) => p.staticString('strerror', strerror(e)),
    // stdlib
    malloc: (n: bigint) => malloc(num(n)),
    calloc: (n: bigint, size: bigint) => {
      const ptr = p.heap.calloc(n, size)
      if (ptr === 0) p.errno = ENOMEM
      return ptr
    },
    realloc: (ptr: number, n: bigint) => {
      const r = p.heap.realloc(ptr, n)
      if (r === 0 && n !== 0n) p.errno = ENOMEM
      return r
    },
    free: (ptr: number) => {
      p.heap.free(ptr)
      return undefined
    },
    exit,
    _exit: exit,
    abort: () => {
      throw new CFault('SIGABRT', 'abort() called')
    },
    atoi: (s: number) => str.atoi(mem, s),
    atol: (s: number) => str.atol(mem, s),
    atoll: (s: number) => str.atoll(mem, s),
    strtol: (s: number, end: number, base: number) => str.strtol(mem, s, end, base, setErrno),
    strtoll: (s: number, end: number, base: number) => str.strtoll(mem, s, end, base, setErrno),
    strtoul: (s: number, end: number, base: number) => str.strtoul(mem, s, end, base, setErrno),
    strtoull: (s: number, end: number, base: number) => str.strtoull(mem, s, end, base, setErrno),
    abs: (x: number) => (x < 0 ? -x | 0 : x),
    labs: (x: bigint) => BigInt.asIntN(64, x < 0n ? -x : x),
    llabs: (x: bigint) => BigInt.asIntN(64, x < 0n ? -x : x),
    rand: () => rng.rand(),
    srand: (seed: number) => {
      rng.srand(seed)
      return undefined
    },
    random: () => BigInt(rng.random()),
    srandom: (seed: number) => {
      rng.srandom(seed)
      return undefined
    },
    rand_r: (seedp: number) => {
      const [value, next] = rand_r(mem.dv.getUint32(seedp - NULL_GUARD, true))
      mem.dv.setUint32(seedp - NULL_GUARD, next, true)
      return value
    },
    getenv: () => 0,
    // string.h
    memset: (s: number, c: number, n: bigint) => str.memset(mem, s, c, n),
    memcpy: (d: number, s: number, n: bigint) => str.memcpy(mem, d, s, n),
    memmove: (d: number, s: number, n: bigint) => str.memmove(mem, d, s, n),
    memcmp: (a: number, b: number, n: bigint) => str.memcmp(mem, a, b, n),
    memchr: (s: number, c: number, n: bigint) => str.memchr(mem, s, c, n),
    strlen: (s: number) => str.strlen(mem, s),
    strnlen: (s: number, n: bigint) => str.strnlen(mem, s, n),
    strcmp: (a: number, b: number) => str.strcmp(mem, a, b),
    strncmp: (a: number, b: number, n: bigint) => str.strncmp(mem, a, b, n),
    strcasecmp: (a: number, b: number) => str.strcasecmp(mem, a, b),
    strncasecmp: (a: number, b: number, n: bigint) => str.strncasecmp(mem, a, b, n),
    strcpy: (d: number, s: number) => str.strcpy(mem, d, s),
    stpcpy: (d: number, s: number) => str.stpcpy(mem, d, s),
    strncpy: (d: number, s: number, n: bigint) => str.strncpy(mem, d, s, n),
    strcat: (d: number, s: number) => str.strcat(mem, d, s),
    strncat: (d: number, s: number, n: bigint) => str.strncat(mem, d, s, n),
    strchr: (s: number, c: number) => str.strchr(mem, s, c),
    strrchr: (s: number, c: number) => str.strrchr(mem, s, c),
    strstr: (h: number, n: number) => str.strstr(mem, h, n),
    strspn: (s: number, a: number) => str.strspn(mem, s, a),
    strcspn: (s: number, r: number) => str.strcspn(mem, s, r),
    strpbrk: (s: number, a: number) => str.strpbrk(mem, s, a),
    strtok: (s: number, d: number) => str.strtok(mem, s, d, strtokState),
    strtok_r: (s: number, d: number, save: number) => str.strtok_r(mem, s, d, save),
    strdup: (s: number) => str.strdup(mem, s, malloc, setErrno),
    strndup: (s: number, n: bigint) => str.strndup(mem, s, n, malloc, setErrno),
    // ctype.h
    isalnum: str.isalnum,
    isalpha: str.isalpha,
    iscntrl: str.iscntrl,
    isdigit: str.isdigit,
    isgraph: str.isgraph,
    islower: str.islower,
    isprint: str.isprint,
    ispunct: str.ispunct,
    isspace: str.isspace,
    isupper: str.isupper,
    isxdigit: str.isxdigit,
    isblank: str.isblank,
    toupper: str.toupper,
    tolower: str.tolower,
    // unistd.h and friends
    close: (fd: number) => {
      const r = p.kernel.sysClose(p.pid, fd)
      if (r < 0) {
        p.errno = -r
        return -1
      }
      return 0
    },
    unlink: (path: number) => p.fileCall(() => p.kernel.sysUnlink(p.pid, mem.cstring(path))),
    rmdir: (path: number) => p.fileCall(() => p.kernel.sysRmdir(p.pid, mem.cstring(path))),
    mkdir: (path: number) => p.fileCall(() => p.kernel.sysMkdir(p.pid, mem.cstring(path))),
    write: (fd: number, buf: number, n: bigint) => {
      if (fd !== 1 && fd !== 2) {
        p.errno = EBADF
        return -1n
      }
      out(fd, mem.bytes(buf, num(n)).slice())
      return n
    },
    getpid: () => p.pid,
    sleep: (s: number) => {
      p.sleep(BigInt(s >>> 0) * 1_000_000_000n)
      return 0
    },
    usleep: (us: number) => {
      p.sleep(BigInt(us >>> 0) * 1000n)
      return 0
    },
    nanosleep: (req: number) => {
      const sec = mem.dv.getBigInt64(req - NULL_GUARD, true)
      const nsec = mem.dv.getBigInt64(req + 8 - NULL_GUARD, true)
      if (nsec < 0n || nsec > 999_999_999n || sec < 0n) {
        p.errno = EINVAL
        return -1
      }
      p.sleep(sec * 1_000_000_000n + nsec)
      return 0
    },
    time: (tloc: number) => {
      const t = p.wallSeconds()
      if (tloc) mem.dv.setBigInt64(tloc - NULL_GUARD, t, true)
      return t
    },
    clock_gettime: (_clock: number, tp: number) => {
      const ns = p.monotonicNs()
      mem.dv.setBigInt64(tp - NULL_GUARD, ns / 1_000_000_000n, true)
      mem.dv.setBigInt64(tp + 8 - NULL_GUARD, ns % 1_000_000_000n, true)
      return 0
    },
    sysconf: (name: number) => {
      // _SC_NPROCESSORS_CONF 83, _SC_NPROCESSORS_ONLN 84, _SC_PAGESIZE 30
      if (name === 83 || name === 84) return BigInt(p.kernel.possibleCpus)
      if (name === 30) return 4096n
      p.errno = EINVAL
      return -1n
    },
    setrlimit: () => 0,
    getrlimit: () => 0,
    signal: () => 0,
    if_nametoindex: (name: number) => (mem.cstring(name) === 'lo' ? 1 : mem.cstring(name) === 'eth0' ? 2 : (p.errno = 19, 0)),
    htons: bswap16,
    ntohs: bswap16,
    htonl: (x: number) => bswap32(x),
    ntohl: (x: number) => bswap32(x),
    __assert_fail: (expr: number, file: number, line: number, fn: number) => {
      const msg = `${p.comm}: ${mem.cstring(file)}:${line}: ${mem.cstring(fn)}: Assertion \`${mem.cstring(expr)}' failed.\n`
      out(2, enc.encode(msg))
      throw new CFault('SIGABRT', 'assertion failed')
    },
  }
}

function bswap16(x: number): number {
  return ((x & 0xff) << 8) | ((x >> 8) & 0xff)
}

function bswap32(x: number): number {
  return (((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24)) >>> 0
}
