/**
 * The syscall inspector: the last bpf() calls of the run, and for the one selected what it
 * carried and what crossed the user/kernel boundary. The attr members as the kernel read them
 * (pointers named by the C variable they point to), each copy drawn as an arrow between the
 * process's memory and the kernel with its bytes (copy_from_user in, copy_to_user out), and the
 * return value with its errno explained. Calls made by the last debugger step are marked.
 */
import { BpfCmd } from '../../kernel/uapi'
import type { SyscallRecord, UserCopy } from '../../runtime/syscall-trace'
import type { AttrField } from '../../runtime/syscall-attr'
import { hex, intText } from '../inspector/decode'
import { explainFailure, isEndOfWalk } from '../inspector/explain'
import { cmdName, errnoLabel, errnoText, libbpfName, mapTypeName } from '../inspector/names'
import { straceLine, straceValue } from '../../runtime/strace-format'
import { useSyscalls } from './store'
import '../styles/syscalls.css'

function addr(n: number): string {
  return n === 0 ? 'NULL' : `0x${n.toString(16)}`
}

/** What the kernel side of a copy is, in the words of the call. */
function kernelSide(c: UserCopy, r: SyscallRecord): string {
  const map = r.map ? `map “${r.map.name || r.map.id}”` : 'the map'
  switch (c.via) {
    case 'attr': return `attr (union bpf_attr, ${r.attrSize} bytes)`
    case 'key': return `${map}: key`
    case 'value': return r.cmd === BpfCmd.MAP_UPDATE_ELEM ? `${map}: new value` : `${map}: value`
    case 'next_key': return `${map}: next key`
    case 'keys': return `${map}: ${c.parts} key${c.parts === 1 ? '' : 's'}`
    case 'values': return `${map}: ${c.parts} value${c.parts === 1 ? '' : 's'}`
    case 'in_batch': return 'batch cursor (where to resume)'
    case 'out_batch': return 'batch cursor (where the next call resumes)'
    case 'pathname': return 'path name'
    case 'info': return 'struct bpf_map_info'
    case null: return 'kernel'
    default: return c.via.startsWith('attr.') ? `attr member ${c.via.slice(5)} (written back)` : c.via
  }
}

function fieldMeaning(f: AttrField, r: SyscallRecord): string {
  switch (f.kind) {
    case 'fd':
      return r.map && (f.name === 'map_fd' || f.name === 'bpf_fd') && f.value !== '0' ? `fd of map “${r.map.name}” (id ${r.map.id}, ${mapTypeName(r.map.type)})` : ''
    case 'ptr': {
      if (f.pointer === 0) return 'NULL'
      if (f.text !== undefined) return `→ "${f.text}"`
      const c = r.copies.find((x) => x.via === f.name)
      if (!c) return 'not read by the kernel on this path'
      const o = c.object
      return o ? `→ ${o.name}${o.offset ? ` + ${o.offset}` : ''}${o.type ? ` (${o.type})` : ''}, ${o.where}` : '→ user memory'
    }
    case 'file_flags':
      return f.value === '0' ? 'read and write' : straceValue(f, r)
    case 'map_type':
    case 'flags':
    case 'elem_flags':
      return f.value === '0' && f.kind === 'flags' ? '' : straceValue(f, r)
    default:
      return ''
  }
}

function CopyRow({ c, r }: { c: UserCopy; r: SyscallRecord }) {
  const inward = c.dir === 'in'
  const o = c.object
  const user = (
    <div className="sc-box sc-user">
      <div className="sc-box-title mono">
        {c.via?.startsWith('attr') ? 'attr' : o ? o.name + (o.offset ? ` + ${o.offset}` : '') : addr(c.addr)}
        {o?.type && <span className="sc-type"> {o.type}</span>}
      </div>
      <div className="sc-box-sub">
        {addr(c.addr)}
        {o ? ` · ${o.where}` : ''}
      </div>
    </div>
  )
  const kernel = (
    <div className="sc-box sc-kernel">
      <div className="sc-box-title">{kernelSide(c, r)}</div>
      <div className="sc-box-sub">kernel memory</div>
    </div>
  )
  const shown = c.bytes.length ? hex(c.bytes) + (c.len > c.bytes.length ? ' …' : '') : ''
  return (
    <li className={`sc-copy ${c.ok ? '' : 'sc-copy-fault'}`} data-dir={c.dir} data-via={c.via ?? ''}>
      {user}
      <div className="sc-arrow" aria-label={`${inward ? 'copy_from_user' : 'copy_to_user'}, ${c.len} bytes${c.ok ? '' : ', faulted'}`}>
        <span className="sc-arrow-label mono">
          {inward ? 'copy_from_user' : 'copy_to_user'} · {c.len} B{c.parts > 1 ? ` in ${c.parts} copies` : ''}
        </span>
        <svg className={`sc-arrow-line ${inward ? '' : 'sc-arrow-left'}`} viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
          <line x1="2" y1="5" x2="92" y2="5" />
          <path d="M90 1 L99 5 L90 9 z" />
        </svg>
        <span className="sc-arrow-bytes mono" title={shown}>
          {c.ok ? shown : 'EFAULT: not mapped'}
          {c.ok && c.len <= 8 && intText(c.bytes.subarray(0, c.len)) !== null && !c.via?.startsWith('attr') ? ` = ${intText(c.bytes.subarray(0, c.len))}` : ''}
        </span>
      </div>
      {kernel}
    </li>
  )
}

function resultText(r: SyscallRecord): string {
  return r.ret >= 0 ? `= ${r.ret}` : `= -1 ${errnoLabel(-r.ret)} (${errnoText(-r.ret)})`
}

function CallDetail({ r }: { r: SyscallRecord }) {
  const why = r.ret < 0 ? explainFailure(r.cmd, -r.ret, r.map?.type) : null
  return (
    <div className="sc-detail" data-testid="syscall-detail" data-cmd={cmdName(r.cmd)}>
      <div className="sc-signature mono">
        <span className="sc-fn">{libbpfName(r.cmd)}()</span> → bpf({cmdName(r.cmd)}, &amp;attr, {r.attrSize}){' '}
        <span className={r.ret < 0 ? (isEndOfWalk(r.cmd, -r.ret) ? 'sc-ret-end' : 'sc-ret-err') : 'sc-ret-ok'} data-testid="syscall-ret">
          {resultText(r)}
        </span>
        {r.line > 0 && <span className="sc-line"> · user.c:{r.line}</span>}
      </div>
      {why && <p className="sc-why">{why}</p>}
      <pre className="sc-strace" aria-label="As strace prints it" title="What strace -e trace=bpf prints for this call (bpfplay run --strace)">
        {straceLine(r)}
      </pre>
      {r.fields.length > 0 && (
        <table className="sc-attr" aria-label="attr members">
          <thead>
            <tr>
              <th scope="col">attr member</th>
              <th scope="col">value</th>
              <th scope="col">meaning</th>
            </tr>
          </thead>
          <tbody>
            {r.fields.map((f) => (
              <tr key={f.name} data-field={f.name}>
                <td className="mono">
                  .{f.name} <span className="sc-off">+{f.offset}</span>
                </td>
                <td className="mono">{f.kind === 'ptr' ? addr(f.pointer ?? 0) : f.kind === 'name' ? JSON.stringify(f.value) : f.value}</td>
                <td>{fieldMeaning(f, r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="sc-lanes" aria-hidden="true">
        <span>process memory (user.c)</span>
        <span>kernel</span>
      </div>
      <ol className="sc-copies" aria-label="Copies between user memory and the kernel">
        {r.copies.map((c, i) => (
          <CopyRow key={i} c={c} r={r} />
        ))}
      </ol>
    </div>
  )
}

export function SyscallInspector() {
  const calls = useSyscalls((s) => s.calls)
  const stepFrom = useSyscalls((s) => s.stepFrom)
  const selected = useSyscalls((s) => s.selected)
  const select = useSyscalls((s) => s.select)
  if (calls.length === 0) {
    return (
      <p className="empty">
        No bpf() calls yet. Run or step user.c: every bpf() call it makes shows here with the attr it passed and the bytes copied between its memory and
        the kernel.
      </p>
    )
  }
  const shown = calls.find((c) => c.n === selected) ?? calls[calls.length - 1]
  return (
    <div className="sc" data-testid="syscall-inspector">
      <ol className="sc-list" aria-label="bpf() calls, oldest first">
        {calls.map((c) => (
          <li key={c.n}>
            <button className={`sc-item ${c === shown ? 'sc-item-active' : ''} ${stepFrom > 0 && c.time >= stepFrom ? 'sc-item-new' : ''}`} aria-current={c === shown} onClick={() => select(c.n)} data-n={c.n}>
              <span className="sc-n">#{c.n}</span>
              <span className="mono sc-item-fn">{libbpfName(c.cmd)}</span>
              <span className="sc-item-map">{c.map ? `“${c.map.name || c.map.id}”` : ''}</span>
              <span className="sc-item-line">{c.line > 0 ? `:${c.line}` : ''}</span>
              <span className={`sc-item-ret mono ${c.ret < 0 ? (isEndOfWalk(c.cmd, -c.ret) ? 'sc-ret-end' : 'sc-ret-err') : 'sc-ret-ok'}`}>{c.ret < 0 ? errnoLabel(-c.ret) : c.ret}</span>
            </button>
          </li>
        ))}
      </ol>
      <CallDetail r={shown} />
    </div>
  )
}
