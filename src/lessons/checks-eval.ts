/**
 * Judges a run: each check of a step against a RunOutcome (what the program printed, its exit
 * status, the maps and pins the run left, the XDP action counts). A pure function with no I/O,
 * so `bpfplay lessons --check` and the lesson player's Check button give the same verdict for
 * the same run. Every result carries a short "what was found" text for the learner.
 */
import type { MapSnapshot } from '../kernel/api'
import { MAP_TYPE_NAMES } from '../kernel/uapi'
import { strerror } from '../runtime/libc/errno'
import { describeBytes, FIELD_SIZE, readField, readInt, specBytes } from './c-values'
import { XDP_ACTION_NAMES } from './checks-parse'
import type { ByteSpec, Check, CheckResult, CheckSpec, CompareOp, MapRef, RunOutcome, Stream } from './types'

const STREAM_WORD: Record<Stream, string> = { stdout: 'the output', stderr: 'stderr' }

export function compare(a: bigint | number, op: CompareOp, b: bigint | number): boolean {
  switch (op) {
    case '=':
      return a === b
    case '!=':
      return a !== b
    case '<':
      return a < b
    case '<=':
      return a <= b
    case '>':
      return a > b
    case '>=':
      return a >= b
  }
}

const OP_WORDS: Record<CompareOp, string> = { '=': '', '!=': 'not ', '<': 'less than ', '<=': 'at most ', '>': 'more than ', '>=': 'at least ' }

function lines(text: string): string[] {
  if (text === '') return []
  const all = text.split('\n')
  if (all[all.length - 1] === '') all.pop()
  return all
}

function mapTypeName(type: number): string {
  return `BPF_MAP_TYPE_${(MAP_TYPE_NAMES[type] ?? `type ${type}`).toUpperCase()}`
}

/** The map a reference names: by id, or the newest map (highest id) of that name the run saw. */
export function findMap(maps: MapSnapshot[], ref: MapRef): MapSnapshot | undefined {
  if (ref.by === 'id') return maps.find((m) => m.id === ref.id)
  let best: MapSnapshot | undefined
  for (const m of maps) if (m.name === ref.name && (!best || m.id > best.id)) best = m
  return best
}

function refText(ref: MapRef): string {
  return ref.by === 'id' ? `map id ${ref.id}` : `map "${ref.name}"`
}

function missingMap(outcome: RunOutcome, ref: MapRef): string {
  const seen = [...new Set(outcome.maps.map((m) => (m.name ? `"${m.name}"` : `id ${m.id}`)))]
  return `no ${refText(ref)} (${seen.length ? `maps seen: ${seen.join(', ')}` : 'the run created no map'})`
}

function keyText(spec: ByteSpec): string {
  return spec.kind === 'int' ? spec.text || String(spec.value) : `hex "${spec.text}"`
}

type Verdict = { pass: boolean; detail: string }

function entryFor(m: MapSnapshot, key: ByteSpec): { keyBytes: Uint8Array | string; entry?: MapSnapshot['entries'][number] } {
  const keyBytes = specBytes(key, m.keySize)
  if (typeof keyBytes === 'string') return { keyBytes }
  const entry = m.entries.find((e) => e.key.length === keyBytes.length && e.key.every((b, i) => b === keyBytes[i]))
  return { keyBytes, entry }
}

function valueCheck(spec: Extract<CheckSpec, { kind: 'mapValue' }>, m: MapSnapshot, cpus: number): Verdict {
  const { keyBytes, entry } = entryFor(m, spec.key)
  if (typeof keyBytes === 'string') return { pass: false, detail: `the check's key: ${keyBytes}` }
  const k = keyText(spec.key)
  if (!entry) return { pass: false, detail: `${refText({ by: 'name', name: m.name })} has no key ${k}` }
  const percpu = Array.isArray(entry.value)
  if (percpu && !spec.cpu) return { pass: false, detail: `the check must say which CPU: the map is per-CPU (add "sum over CPUs", "on CPU N" or "on every CPU")` }
  if (!percpu && spec.cpu) return { pass: false, detail: `the map is not per-CPU: it has one value per key` }
  const copies: Uint8Array[] = Array.isArray(entry.value) ? entry.value : [entry.value]
  const what = spec.field ? `${spec.field.type} at offset ${spec.field.offset}` : 'value'

  // One copy -> the scalar compared (bigint) or its bytes (hex), or an error text.
  const scalar = (v: Uint8Array): bigint | string => {
    if (spec.field) return readField(v, spec.field)
    if (v.length > 8) return `the value is ${v.length} bytes: compare a field (like "u64 at offset 0") or hex bytes`
    const signed = spec.expected.kind === 'int' && spec.expected.value < 0n
    return readInt(v, 0, v.length, signed)
  }
  const judgeOne = (v: Uint8Array): Verdict => {
    if (spec.expected.kind === 'hex') {
      const size = spec.field ? FIELD_SIZE[spec.field.type] : v.length
      const at = spec.field ? spec.field.offset : 0
      const want = specBytes(spec.expected, size)
      if (typeof want === 'string') return { pass: false, detail: want }
      const got = v.subarray(at, at + size)
      const same = got.length === want.length && got.every((b, i) => b === want[i])
      return { pass: spec.op === '=' ? same : !same, detail: `hex "${[...got].map((b) => b.toString(16).padStart(2, '0')).join(' ')}"` }
    }
    if (!spec.field && spec.op === '=' || !spec.field && spec.op === '!=') {
      const want = specBytes(spec.expected, v.length)
      if (typeof want === 'string') return { pass: false, detail: want }
      const same = want.every((b, i) => b === v[i])
      return { pass: spec.op === '=' ? same : !same, detail: describeBytes(v, spec.expected.value < 0n) }
    }
    const got = scalar(v)
    if (typeof got === 'string') return { pass: false, detail: got }
    return { pass: compare(got, spec.op, spec.expected.value), detail: String(got) }
  }
  const want = `${OP_WORDS[spec.op]}${spec.expected.kind === 'int' ? spec.expected.value : `hex "${spec.expected.text}"`}`
  if (!spec.cpu) {
    const r = judgeOne(copies[0])
    return { pass: r.pass, detail: `key ${k}: ${what} is ${r.detail}${r.pass ? '' : ` (expected ${want})`}` }
  }
  if (spec.cpu.kind === 'cpu') {
    const cpu = spec.cpu.cpu
    if (cpu >= copies.length) return { pass: false, detail: `there is no CPU ${cpu}: the kernel has ${cpus} possible CPU${cpus > 1 ? 's' : ''}` }
    const r = judgeOne(copies[cpu])
    return { pass: r.pass, detail: `key ${k} on CPU ${cpu}: ${what} is ${r.detail}${r.pass ? '' : ` (expected ${want})`}` }
  }
  if (spec.cpu.kind === 'every') {
    const rs = copies.map(judgeOne)
    const pass = rs.every((r) => r.pass)
    return { pass, detail: `key ${k}: ${what} per CPU is ${rs.map((r) => r.detail).join(', ')}${pass ? '' : ` (expected ${want} on every CPU)`}` }
  }
  let sum = 0n
  const parts: string[] = []
  for (const v of copies) {
    const s = scalar(v)
    if (typeof s === 'string') return { pass: false, detail: s }
    sum += s
    parts.push(String(s))
  }
  const expected = spec.expected.kind === 'int' ? spec.expected.value : 0n
  const pass = compare(sum, spec.op, expected)
  return { pass, detail: `key ${k}: ${what} summed over ${copies.length} CPUs is ${sum} (${parts.join(' + ')})${pass ? '' : ` (expected ${want})`}` }
}

function judge(spec: CheckSpec, o: RunOutcome): Verdict {
  switch (spec.kind) {
    case 'contains': {
      const found = o[spec.stream].includes(spec.text)
      return { pass: found !== spec.negate, detail: found ? `found in ${STREAM_WORD[spec.stream]}` : `not in ${STREAM_WORD[spec.stream]}` }
    }
    case 'matches': {
      const m = spec.regex.exec(o[spec.stream])
      return { pass: !!m !== spec.negate, detail: m ? `matched "${m[0]}"` : `no match in ${STREAM_WORD[spec.stream]}` }
    }
    case 'lineCount': {
      const n = lines(o[spec.stream]).filter((l) => (spec.text !== undefined ? l.includes(spec.text) : spec.regex ? spec.regex.test(l) : true)).length
      return { pass: compare(n, spec.op, spec.count), detail: `${n} such line${n === 1 ? '' : 's'}` }
    }
    case 'empty': {
      const n = o[spec.stream].length
      return { pass: n === 0, detail: n === 0 ? `${STREAM_WORD[spec.stream]} is empty` : `${STREAM_WORD[spec.stream]} has ${lines(o[spec.stream]).length} line(s)` }
    }
    case 'exit': {
      if (o.exitCode === null) return { pass: false, detail: 'user.c did not run' }
      return { pass: (o.exitCode === spec.status) !== spec.negate, detail: `exit status ${o.exitCode}` }
    }
    case 'errno': {
      const text = strerror(spec.errno)
      const found = o.stdout.includes(text) || o.stderr.includes(text)
      return { pass: found !== spec.negate, detail: `"${text}" (${spec.name}) ${found ? 'was printed' : 'was not printed'}` }
    }
    case 'xdpLoads': {
      if (!o.xdp) return { pass: false, detail: 'this run loaded no XDP program' }
      return { pass: o.xdp.loaded, detail: o.xdp.loaded ? 'the program loaded' : `refused: ${o.xdp.loadError ?? 'load failed'}` }
    }
    case 'xdpAction': {
      if (!o.xdp) return { pass: false, detail: 'this run loaded no XDP program' }
      if (!o.xdp.loaded) return { pass: false, detail: `the program did not load: ${o.xdp.loadError ?? ''}` }
      const n = o.xdp.actions[(XDP_ACTION_NAMES as readonly string[]).indexOf(spec.action)] ?? 0
      return { pass: compare(n, spec.op, spec.count), detail: `${spec.action} ${n} times of ${o.xdp.packets} packets` }
    }
    case 'nothingPinned': {
      const e = o.bpffs.find((x) => x.path === spec.path)
      return { pass: !e, detail: e ? `${spec.path} exists (${e.kind === 'dir' ? 'a directory' : `map id ${e.mapId}`})` : `nothing at ${spec.path}` }
    }
    default:
      return judgeMap(spec, o)
  }
}

function judgeMap(spec: Extract<CheckSpec, { map: MapRef }>, o: RunOutcome): Verdict {
  const m = findMap(o.maps, spec.map)
  if (spec.kind === 'mapExists') {
    return { pass: !!m !== spec.negate, detail: m ? `${refText(spec.map)} exists (id ${m.id})` : missingMap(o, spec.map) }
  }
  if (!m) return { pass: false, detail: missingMap(o, spec.map) }
  switch (spec.kind) {
    case 'mapAttr': {
      const got: Record<typeof spec.attr, number | string> = { type: m.type, keySize: m.keySize, valueSize: m.valueSize, maxEntries: m.maxEntries, flags: m.flags, name: m.name }
      const g = got[spec.attr]
      const show = (v: number | string) => (spec.attr === 'type' ? mapTypeName(Number(v)) : spec.attr === 'flags' ? `0x${Number(v).toString(16)}` : spec.attr === 'name' ? `"${v}"` : String(v))
      const label = { type: 'type', keySize: 'key size', valueSize: 'value size', maxEntries: 'max entries', flags: 'flags', name: 'name' }[spec.attr]
      return { pass: g === spec.expected, detail: `${label} ${show(g)}${g === spec.expected ? '' : ` (expected ${show(spec.expected)})`}` }
    }
    case 'mapFrozen':
      return { pass: m.frozen !== spec.negate, detail: m.frozen ? 'frozen' : 'not frozen' }
    case 'mapEntries': {
      const n = m.entries.length
      return { pass: compare(n, spec.op, spec.count), detail: `${n} entr${n === 1 ? 'y' : 'ies'}` }
    }
    case 'mapHasKey': {
      const { keyBytes, entry } = entryFor(m, spec.key)
      if (typeof keyBytes === 'string') return { pass: false, detail: `the check's key: ${keyBytes}` }
      return { pass: !!entry !== spec.negate, detail: entry ? `key ${keyText(spec.key)} is in the map` : `no key ${keyText(spec.key)}` }
    }
    case 'mapValue':
      return valueCheck(spec, m, o.possibleCpus)
    case 'pinned': {
      const e = o.bpffs.find((x) => x.path === spec.path)
      const pass = !!e && e.kind === 'map' && e.mapId === m.id
      return { pass, detail: !e ? `nothing is pinned at ${spec.path}` : e.kind === 'dir' ? `${spec.path} is a directory` : pass ? `pinned (map id ${m.id})` : `${spec.path} holds map id ${e.mapId}, not id ${m.id}` }
    }
  }
}

/** Evaluates every check against one run. A run that did not compile fails them all. */
export function evaluateChecks(checks: Check[], outcome: RunOutcome): CheckResult[] {
  if (outcome.compileErrors.length > 0) {
    return checks.map((check) => ({ check, pass: false, detail: 'the program did not compile' }))
  }
  return checks.map((check) => {
    const v = judge(check.spec, outcome)
    return { check, pass: v.pass, detail: v.detail }
  })
}

export function allPass(results: CheckResult[]): boolean {
  return results.length > 0 && results.every((r) => r.pass)
}
