/**
 * Test support for the compiler: compile C, place the data segment in a fresh memory, and run the
 * factory with a small fake environment (a printf that knows %d %i %u %x %X %o %c %s %p %f %% with
 * flags, width, precision and h/l/ll/z lengths; a few libc functions; a bump heap). This is not the
 * runtime (src/runtime): it exists so the compiler's tests need nothing outside src/lang.
 */

import { NULL_GUARD, type ImportFn, type ProgramEnv, type ProgramExports, CFault } from './abi'
import type { CompileOptions, Diagnostic, Program } from './api'
import { compile } from './compile'

export interface FakeRun {
  program: Program
  exports: ProgramExports
  env: ProgramEnv
  stdout: () => string
  stderr: () => string
  mem: Uint8Array
  dv: DataView
  /** allocate zeroed bytes on the fake heap */
  alloc(n: number): number
  cstr(addr: number): string
  /** put a NUL-terminated string on the heap */
  str(s: string): number
  /** set the C errno */
  setErrno(e: number): void
}

export class ExitCalled {
  constructor(readonly code: number) {}
}

export interface FakeOptions extends Partial<CompileOptions> {
  memSize?: number
  /** extra or replacement imports; get the run object to reach memory */
  imports?: (run: FakeRun) => Record<string, ImportFn>
  hooks?: 'loops' | 'statements'
}

export function compileOk(src: string, opts: Partial<CompileOptions> = {}): Program {
  const r = compile(src, { filename: 'test.c', target: 'user', ...opts })
  const errors = r.diagnostics.filter((d) => d.severity === 'error')
  if (!r.program || errors.length) throw new Error('compile failed:\n' + r.diagnostics.map(fmt).join('\n'))
  return r.program
}

export function diagnosticsOf(src: string, opts: Partial<CompileOptions> = {}): string[] {
  return compile(src, { filename: 'test.c', target: 'user', ...opts }).diagnostics.map(fmt)
}

function fmt(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}`
}

/** Compile and instantiate (does not call anything). */
export function load(src: string, opts: FakeOptions = {}): FakeRun {
  const program = compileOk(src, opts)
  return instantiate(program, opts)
}

export function instantiate(program: Program, opts: FakeOptions = {}): FakeRun {
  const size = opts.memSize ?? 1 << 20
  const buffer = new ArrayBuffer(size)
  const mem = new Uint8Array(buffer)
  const dv = new DataView(buffer, NULL_GUARD)
  const full = new DataView(buffer)
  const dataBase = 0x10000
  mem.set(program.data, dataBase)
  for (const r of program.relocations) {
    const v = full.getBigUint64(dataBase + r, true)
    full.setBigUint64(dataBase + r, v + BigInt(dataBase), true)
  }
  let heap = dataBase + program.data.length + 64
  heap = Math.ceil(heap / 16) * 16
  const stackTop = size
  const stackLimit = size - (256 << 10)
  let out = ''
  let err = ''
  const alloc = (n: number) => {
    const a = heap
    heap = Math.ceil((heap + Math.max(n, 1)) / 16) * 16
    if (heap > stackLimit) throw new Error('fake heap exhausted')
    mem.fill(0, a, a + n)
    return a
  }
  const cstr = (a: number) => {
    let e = a
    while (mem[e] !== 0) e++
    return new TextDecoder().decode(mem.subarray(a, e))
  }
  const str = (s: string) => {
    const b = new TextEncoder().encode(s)
    const a = alloc(b.length + 1)
    mem.set(b, a)
    return a
  }
  const errnoAddr = alloc(4)
  // stdio streams: the FILE * values are small distinct addresses on the heap
  const streams = { stdin: alloc(8), stdout: alloc(8), stderr: alloc(8) }
  for (const g of program.globals) {
    if (g.name in streams) full.setUint32(dataBase + g.offset, streams[g.name as keyof typeof streams], true)
  }
  const write = (stream: number, s: string) => {
    if (stream === streams.stderr) err += s
    else out += s
  }
  const run: FakeRun = {
    program,
    exports: {},
    env: null as unknown as ProgramEnv,
    stdout: () => out,
    stderr: () => err,
    mem,
    dv: full,
    alloc,
    cstr,
    str,
    setErrno: (e: number) => full.setInt32(errnoAddr, e, true),
  }
  const strerrors: Record<number, string> = { 1: 'Operation not permitted', 2: 'No such file or directory', 17: 'File exists', 22: 'Invalid argument', 12: 'Cannot allocate memory', 7: 'Argument list too long' }
  const base: Record<string, ImportFn> = {
    printf: (fmt: number, types: string, values: unknown[]) => {
      const s = cformat(cstr(fmt), types, values, cstr)
      out += s
      return s.length
    },
    fprintf: (stream: number, fmt: number, types: string, values: unknown[]) => {
      const s = cformat(cstr(fmt), types, values, cstr)
      write(stream, s)
      return s.length
    },
    sprintf: (buf: number, fmt: number, types: string, values: unknown[]) => {
      const b = new TextEncoder().encode(cformat(cstr(fmt), types, values, cstr))
      mem.set(b, buf)
      mem[buf + b.length] = 0
      return b.length
    },
    snprintf: (buf: number, n: bigint, fmt: number, types: string, values: unknown[]) => {
      const b = new TextEncoder().encode(cformat(cstr(fmt), types, values, cstr))
      const max = Number(n)
      if (max > 0) {
        const k = Math.min(b.length, max - 1)
        mem.set(b.subarray(0, k), buf)
        mem[buf + k] = 0
      }
      return b.length
    },
    puts: (s: number) => {
      out += cstr(s) + '\n'
      return 1
    },
    putchar: (c: number) => {
      out += String.fromCharCode(c & 255)
      return c
    },
    perror: (s: number) => {
      const e = full.getInt32(errnoAddr, true)
      err += `${s ? cstr(s) + ': ' : ''}${strerrors[e] ?? `Unknown error ${e}`}\n`
    },
    strerror: (e: number) => str(strerrors[e] ?? `Unknown error ${e}`),
    __errno_location: () => errnoAddr,
    malloc: (n: bigint) => alloc(Number(n)),
    calloc: (a: bigint, b: bigint) => alloc(Number(a * b)),
    free: () => undefined,
    strlen: (p: number) => BigInt(cstr(p).length),
    strcmp: (a: number, b: number) => {
      const x = cstr(a)
      const y = cstr(b)
      return x < y ? -1 : x > y ? 1 : 0
    },
    strcpy: (d: number, s: number) => {
      let i = 0
      do mem[d + i] = mem[s + i]
      while (mem[s + i++] !== 0)
      return d
    },
    memset: (d: number, c: number, n: bigint) => {
      mem.fill(c & 255, d, d + Number(n))
      return d
    },
    memcpy: (d: number, s: number, n: bigint) => {
      mem.copyWithin(d, s, s + Number(n))
      return d
    },
    memcmp: (a: number, b: number, n: bigint) => {
      for (let i = 0; i < Number(n); i++) if (mem[a + i] !== mem[b + i]) return mem[a + i] < mem[b + i] ? -1 : 1
      return 0
    },
    exit: (code: number) => {
      throw new ExitCalled(code)
    },
    abort: () => {
      throw new CFault('SIGABRT', 'abort')
    },
    close: () => 0,
  }
  const imports = { ...base, ...(opts.imports ? opts.imports(run) : {}) }
  const ctl = new Int32Array(4)
  const env: ProgramEnv = {
    dv, buffer, dataBase, stackTop, stackLimit, imports, ctl, trap: () => undefined, CFault,
  }
  run.env = env
  run.exports = new Function('$env', program.code)(env) as ProgramExports
  return run
}

/** Compile, run main(), return what it printed and its exit status. */
export function runMain(src: string, opts: FakeOptions = {}): { stdout: string; stderr: string; exit: number; run: FakeRun } {
  const run = load(src, opts)
  let exit: number
  try {
    exit = run.exports.main(0, 0) as number
  } catch (e) {
    if (e instanceof ExitCalled) exit = e.code
    else throw e
  }
  return { stdout: run.stdout(), stderr: run.stderr(), exit: exit & 255, run }
}

/** A small printf: enough for tests, following glibc's output for these conversions. */
export function cformat(fmt: string, types: string, values: unknown[], cstr: (a: number) => string): string {
  let out = ''
  let ai = 0
  const next = () => values[ai++]
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]
    if (ch !== '%') {
      out += ch
      continue
    }
    const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?(hh|h|ll|l|z|j|t|L)?([diouxXcspf%])/.exec(fmt.slice(i))
    if (!m) {
      out += ch
      continue
    }
    i += m[0].length - 1
    const flags = m[1]
    let width = m[2] === '*' ? Number(next()) : m[2] ? Number(m[2]) : 0
    const prec = m[3] === '*' ? Number(next()) : m[3] !== undefined ? Number(m[3]) : -1
    const len = m[4] ?? ''
    const conv = m[5]
    if (conv === '%') {
      out += '%'
      continue
    }
    let left = flags.includes('-')
    if (width < 0) {
      left = true
      width = -width
    }
    let s: string
    const v = next()
    const code = types[ai - 1]
    const asBig = (): bigint => {
      if (typeof v === 'bigint') return v
      return BigInt(Math.trunc(Number(v)))
    }
    const intVal = (signed: boolean): bigint => {
      let b = asBig()
      const bits = len === 'hh' ? 8 : len === 'h' ? 16 : len === 'l' || len === 'll' || len === 'z' || len === 'j' || len === 't' ? 64 : 32
      // an int passed for %ld is zero-extended, as on x86-64 where the upper half of the register is clear
      if (bits === 64 && (code === 'i' || code === 'u')) b = BigInt.asUintN(32, b)
      return signed ? BigInt.asIntN(bits, b) : BigInt.asUintN(bits, b)
    }
    switch (conv) {
      case 'd': case 'i': s = intVal(true).toString(); break
      case 'u': s = intVal(false).toString(); break
      case 'x': s = intVal(false).toString(16); break
      case 'X': s = intVal(false).toString(16).toUpperCase(); break
      case 'o': s = intVal(false).toString(8); break
      case 'c': s = String.fromCharCode(Number(asBig() & 255n)); break
      case 's': {
        s = cstr(Number(v))
        if (prec >= 0) s = s.slice(0, prec)
        break
      }
      case 'p': s = Number(v) === 0 ? '(nil)' : '0x' + Number(v).toString(16); break
      case 'f': s = Number(v).toFixed(prec >= 0 ? prec : 6); break
      default: s = ''
    }
    if ('diuxXo'.includes(conv)) {
      if (prec >= 0) {
        const neg = s.startsWith('-')
        const digits = neg ? s.slice(1) : s
        s = (neg ? '-' : '') + digits.padStart(prec, '0')
      }
      if (flags.includes('#') && (conv === 'x' || conv === 'X') && s !== '0') s = (conv === 'x' ? '0x' : '0X') + s
      if ((conv === 'd' || conv === 'i') && !s.startsWith('-')) {
        if (flags.includes('+')) s = '+' + s
        else if (flags.includes(' ')) s = ' ' + s
      }
    }
    if (s.length < width) {
      if (left) s = s.padEnd(width)
      else if (flags.includes('0') && prec < 0 && 'diuxXof'.includes(conv)) {
        const sign = /^[-+ ]/.test(s) ? s[0] : ''
        s = sign + s.slice(sign.length).padStart(width - sign.length, '0')
      } else s = s.padStart(width)
    }
    out += s
  }
  return out
}
