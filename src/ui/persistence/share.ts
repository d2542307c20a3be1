/**
 * Share links: both programs and the machine settings in the URL fragment, so a link works on
 * any static host and never reaches a server. The JSON payload is deflated (fflate) and
 * base64url-encoded: `#s=<data>`. The payload carries a version number; decoding accepts every
 * version it knows and says clearly when a link comes from a newer bpfplay.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate'
import { FILE_NAMES, isFileName, sanitizeSettings, type WorkspaceSnapshot } from '../workspace/files'

export const SHARE_VERSION = 1
const PREFIX = 's='

interface PayloadV1 {
  v: 1
  /** user.c, xdp_prog.c */
  f: [string, string]
  cpus: number
  seed: number | null
  active: string
}

export function encodeShare(ws: WorkspaceSnapshot): string {
  const payload: PayloadV1 = {
    v: 1,
    f: [ws.files['user.c'], ws.files['xdp_prog.c']],
    cpus: ws.settings.cpus,
    seed: ws.settings.seed,
    active: ws.active,
  }
  return PREFIX + toBase64Url(deflateSync(strToU8(JSON.stringify(payload)), { level: 9 }))
}

export type DecodedShare = { ok: true; workspace: WorkspaceSnapshot } | { ok: false; error: string }

/** Decodes a fragment (with or without the leading '#'); null when it is not a share link at all. */
export function decodeShare(fragment: string): DecodedShare | null {
  const f = fragment.startsWith('#') ? fragment.slice(1) : fragment
  if (!f.startsWith(PREFIX)) return null
  let payload: unknown
  try {
    payload = JSON.parse(strFromU8(inflateSync(fromBase64Url(f.slice(PREFIX.length)))))
  } catch {
    return { ok: false, error: 'this share link is damaged (it may have been cut short when it was copied)' }
  }
  const p = payload as Partial<PayloadV1> | null
  if (!p || typeof p !== 'object' || typeof p.v !== 'number') return { ok: false, error: 'this share link is damaged' }
  if (p.v > SHARE_VERSION) return { ok: false, error: `this link was made by a newer bpfplay (format ${p.v}); reload the page to get the latest version` }
  if (!Array.isArray(p.f) || p.f.length !== FILE_NAMES.length || !p.f.every((t) => typeof t === 'string')) {
    return { ok: false, error: 'this share link is damaged' }
  }
  return {
    ok: true,
    workspace: {
      files: { 'user.c': p.f[0], 'xdp_prog.c': p.f[1] },
      active: isFileName(p.active) ? p.active : 'user.c',
      settings: sanitizeSettings({ cpus: p.cpus, seed: p.seed }),
    },
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(s: string): Uint8Array {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/')
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4))
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}
