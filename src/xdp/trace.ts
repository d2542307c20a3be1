/**
 * bpf_trace_printk / bpf_trace_vprintk: the kernel's format check (bpf_bprintf_prepare), its
 * formatting (bstr_printf, the kernel's vsnprintf) and the line the message becomes in
 * /sys/kernel/tracing/trace_pipe:
 *
 *            <idle>-0       [001] d.s11   812.345678: bpf_trace_printk: src 10.0.0.2
 *
 * What the kernel accepts is narrower than printf: conversions d i u x X c s p (with the
 * p extensions pI4 pi4 pI6 pi6 px pK), the length modifiers l and ll, flags `0 + - space` and a
 * width; no precision, no `#`, at most 3 arguments (12 for vprintk). Anything else makes the
 * helper return -EINVAL and print nothing, exactly what the program sees on Linux.
 */
import { Errno } from '../kernel/uapi'
import { formatIpv6 } from './packets/addr'

/** What a trace line says about who was running: comm-pid and the lat-format flags. */
export interface TraceContext {
  comm: string
  pid: number
  cpu: number
  /** irqs-off, need-resched, hardirq/softirq, preempt depth, migrate-disable (XDP runs in softirq). */
  flags: string
  timeNs: bigint
}

export const XDP_TRACE_FLAGS = 'd.s11'

/** Reads memory for %s and %pI4-style arguments; null when the address is not readable. */
export interface TraceMemory {
  bytes(addr: number, len: number): Uint8Array | null
  /** NUL-terminated string at addr (at most max bytes), null when unreadable. */
  cstring(addr: number, max: number): Uint8Array | null
}

/** Formats a message the kernel way. Returns the text, or -EINVAL when the kernel would refuse the format. */
export function bpfFormat(fmt: Uint8Array, args: bigint[], maxArgs: number, mem: TraceMemory): string | number {
  const nul = fmt.indexOf(0)
  if (nul < 0) return -Errno.EINVAL
  const f = fmt.subarray(0, nul)
  let out = ''
  let argi = 0
  let i = 0
  while (i < f.length) {
    const c = f[i]
    if (c > 0x7e || (c < 0x20 && !(c >= 9 && c <= 13))) return -Errno.EINVAL
    if (c !== 0x25 /* % */) {
      out += String.fromCharCode(c)
      i++
      continue
    }
    if (f[i + 1] === 0x25) {
      out += '%'
      i += 2
      continue
    }
    if (argi >= maxArgs) return -Errno.EINVAL
    i++
    let left = false
    let plus = false
    let space = false
    let zero = false
    for (;;) {
      const ch = f[i]
      if (ch === 0x30) zero = true
      else if (ch === 0x2b) plus = true
      else if (ch === 0x2d) left = true
      else if (ch === 0x20) space = true
      else break
      i++
    }
    let width = 0
    while (f[i] >= 0x30 && f[i] <= 0x39) width = width * 10 + (f[i++] - 0x30)
    const arg = args[argi++] ?? 0n
    const pad = (s: string, numeric: boolean) => {
      if (s.length >= width) return s
      if (left) return s + ' '.repeat(width - s.length)
      if (zero && numeric) {
        const sign = /^[-+ ]/.test(s) ? s[0] : ''
        return sign + '0'.repeat(width - s.length) + s.slice(sign.length)
      }
      return ' '.repeat(width - s.length) + s
    }
    const conv = String.fromCharCode(f[i] ?? 0)
    if (conv === 'p') {
      const r = formatPointer(f, i, arg, mem)
      if (typeof r === 'number') return r
      out += pad(r.text, false)
      i = r.next
      continue
    }
    if (conv === 's') {
      const s = mem.cstring(Number(BigInt.asUintN(64, arg)), 4096)
      out += pad(s ? latin1(s) : '', false)
      i++
      continue
    }
    if (conv === 'c') {
      out += pad(String.fromCharCode(Number(arg & 0xffn)), false)
      i++
      continue
    }
    let bits = 32
    if (f[i] === 0x6c /* l */) {
      bits = 64
      i++
      if (f[i] === 0x6c) i++
    }
    const spec = String.fromCharCode(f[i] ?? 0)
    if (!'diuxX'.includes(spec) || i >= f.length) return -Errno.EINVAL
    i++
    let text: string
    if (spec === 'd' || spec === 'i') {
      const v = BigInt.asIntN(bits, arg)
      text = (v < 0n ? '-' : plus ? '+' : space ? ' ' : '') + (v < 0n ? -v : v).toString()
    } else {
      const v = BigInt.asUintN(bits, arg)
      text = spec === 'u' ? v.toString() : spec === 'x' ? v.toString(16) : v.toString(16).toUpperCase()
    }
    out += pad(text, true)
  }
  return out
}

/** %p and its extensions, starting at the 'p'. */
function formatPointer(f: Uint8Array, i: number, arg: bigint, mem: TraceMemory): { text: string; next: number } | number {
  const addr = Number(BigInt.asUintN(64, arg))
  const n1 = String.fromCharCode(f[i + 1] ?? 0)
  const n2 = String.fromCharCode(f[i + 2] ?? 0)
  if ((n1 === 'i' || n1 === 'I') && (n2 === '4' || n2 === '6')) {
    const len = n2 === '4' ? 4 : 16
    const b = mem.bytes(addr, len)
    if (!b) return { text: '', next: i + 3 }
    let next = i + 3
    if (n2 === '4') {
      const parts = Array.from(b, (x) => (n1 === 'i' ? x.toString().padStart(3, '0') : x.toString()))
      return { text: parts.join('.'), next }
    }
    const groups: string[] = []
    for (let g = 0; g < 8; g++) groups.push(((b[2 * g] << 8) | b[2 * g + 1]).toString(16).padStart(4, '0'))
    if (n1 === 'i') return { text: groups.join(''), next }
    if (f[next] === 0x63 /* c */) {
      next++
      return { text: formatIpv6(b), next }
    }
    return { text: groups.join(':'), next }
  }
  if (n1 === 'x') return { text: BigInt.asUintN(64, arg).toString(16).padStart(16, '0'), next: i + 2 }
  if (n1 === 'K') return { text: hashedPointer(addr), next: i + 2 }
  if (n1 === 'k' || n1 === 'u') return -Errno.EINVAL // %pks/%pus: strings from other address spaces
  return { text: hashedPointer(addr), next: i + 1 }
}

/** The kernel prints plain %p as a 32-bit hash of the address, zero-padded to 16 digits. */
function hashedPointer(addr: number): string {
  if (addr === 0) return '0000000000000000'
  let h = Math.imul(addr ^ 0x9e3779b9, 0x85ebca6b) >>> 0
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0
  return (h ^ (h >>> 16)).toString(16).padStart(16, '0')
}


function latin1(b: Uint8Array): string {
  let s = ''
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i])
  return s
}

/** One trace_pipe line (without the newline): `%16s-%-7d [%03d] flags %5lu.%06lu: bpf_trace_printk: msg`. */
export function traceLine(ctx: TraceContext, msg: string): string {
  const us = ctx.timeNs / 1000n
  const secs = (us / 1_000_000n).toString().padStart(5)
  const frac = (us % 1_000_000n).toString().padStart(6, '0')
  return `${ctx.comm.padStart(16)}-${String(ctx.pid).padEnd(7)} [${String(ctx.cpu).padStart(3, '0')}] ${ctx.flags} ${secs}.${frac}: bpf_trace_printk: ${msg}`
}
