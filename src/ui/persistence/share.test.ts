import { describe, expect, it } from 'vitest'
import { decodeShare, encodeShare } from './share'
import type { WorkspaceSnapshot } from '../workspace/files'
import { deflateSync, strToU8 } from 'fflate'

const ws: WorkspaceSnapshot = {
  files: { 'user.c': '#include <bpf/bpf.h>\nint main() { printf("h\\u00e9llo \\t %d\\n", 1); }\n', 'xdp_prog.c': 'SEC("xdp") int x(void *c) { return 2; } // ünïcødé ✓\r\n' },
  active: 'xdp_prog.c',
  settings: { cpus: 4, seed: 1234 },
}

function b64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url')
}

describe('share links', () => {
  it('round-trips both files byte for byte, the active tab and the settings', () => {
    const frag = encodeShare(ws)
    expect(frag).toMatch(/^s=[A-Za-z0-9_-]+$/)
    expect(decodeShare('#' + frag)).toEqual({ ok: true, workspace: ws })
  })

  it('keeps a random seed as null', () => {
    const d = decodeShare(encodeShare({ ...ws, settings: { cpus: 2, seed: null } }))
    expect(d?.ok && d.workspace.settings).toEqual({ cpus: 2, seed: null })
  })

  it('is compressed: a 6 kB program gives a short link', () => {
    const big = Array.from({ length: 200 }, (_, i) => `    bpf_map_update_elem(fd, &key${i}, &value, BPF_ANY);`).join('\n')
    expect(big.length).toBeGreaterThan(6000)
    expect(encodeShare({ ...ws, files: { 'user.c': big, 'xdp_prog.c': '' } }).length).toBeLessThan(1200)
  })

  it('ignores fragments that are not share links', () => {
    expect(decodeShare('')).toBeNull()
    expect(decodeShare('#maps')).toBeNull()
  })

  it('reports a cut or damaged link instead of throwing', () => {
    const frag = encodeShare(ws)
    const cut = decodeShare(frag.slice(0, frag.length - 20))
    expect(cut).toMatchObject({ ok: false })
    expect(decodeShare('s=!!!')).toMatchObject({ ok: false })
  })

  it('says so when the link comes from a newer version', () => {
    const future = 's=' + b64url(deflateSync(strToU8(JSON.stringify({ v: 2, f: ['', ''] }))))
    const d = decodeShare(future)
    expect(d).toMatchObject({ ok: false })
    expect(d && !d.ok && d.error).toMatch(/newer bpfplay/)
  })

  it('falls back to defaults for settings out of range', () => {
    const odd = 's=' + b64url(deflateSync(strToU8(JSON.stringify({ v: 1, f: ['a', 'b'], cpus: 9999, seed: -4, active: 'evil' }))))
    expect(decodeShare(odd)).toEqual({ ok: true, workspace: { files: { 'user.c': 'a', 'xdp_prog.c': 'b' }, active: 'user.c', settings: { cpus: 2, seed: null } } })
  })
})
