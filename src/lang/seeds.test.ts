/**
 * Every seed program of the conformance set compiles without errors, and those whose output is
 * deterministic print exactly what the real kernel run printed, using a tiny fake of the libbpf
 * map calls (a JS Map per map; enough to exercise the compiled code, not the simulator).
 */
import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ImportFn } from './abi'
import { compile } from './compile'
import { type FakeRun, runMain } from './testing'
import { seedsDir } from '../../tests/seed-compare.mjs'

const dir = seedsDir + '/'
const seeds = readdirSync(dir).filter((f) => f.endsWith('.c')).sort()

const ENOENT = 2
const EEXIST = 17
const EPERM = 1

/** bpf map calls over JS Maps, keyed by the key bytes. */
function fakeBpf(run: FakeRun, pins: Map<string, number>): Record<string, ImportFn> {
  interface M { ks: number; vs: number; max: number; data: Map<string, Uint8Array>; frozen: boolean }
  const maps = new Map<number, M>()
  let nextFd = 3
  const key = (m: M, p: number) => Array.from(run.mem.subarray(p, p + m.ks)).join(',')
  const fail = (e: number) => {
    run.setErrno(e)
    return -1
  }
  const get = (fd: number) => maps.get(fd)
  const update = (m: M, kp: number, vp: number, flags: bigint) => {
    if (m.frozen) return fail(EPERM)
    const k = key(m, kp)
    if (flags === 2n && !m.data.has(k)) return fail(ENOENT)
    if (flags === 1n && m.data.has(k)) return fail(EEXIST)
    m.data.set(k, run.mem.slice(vp, vp + m.vs))
    return 0
  }
  return {
    bpf_map_create: (_type: number, _name: number, ks: number, vs: number, max: number) => {
      const fd = nextFd++
      maps.set(fd, { ks, vs, max, data: new Map(), frozen: false })
      return fd
    },
    bpf_map_update_elem: (fd: number, kp: number, vp: number, flags: bigint) => update(get(fd)!, kp, vp, flags),
    bpf_map_lookup_elem: (fd: number, kp: number, vp: number) => {
      const m = get(fd)
      if (!m) return fail(9)
      const v = m.data.get(key(m, kp))
      if (!v) return fail(ENOENT)
      run.mem.set(v, vp)
      return 0
    },
    bpf_map_delete_elem: (fd: number, kp: number) => {
      const m = get(fd)!
      return m.data.delete(key(m, kp)) ? 0 : fail(ENOENT)
    },
    bpf_map_lookup_and_delete_elem: (fd: number, kp: number, vp: number) => {
      const m = get(fd)!
      const k = key(m, kp)
      const v = m.data.get(k)
      if (!v) return fail(ENOENT)
      run.mem.set(v, vp)
      m.data.delete(k)
      return 0
    },
    bpf_map_update_batch: (fd: number, kp: number, vp: number, countp: number) => {
      const m = get(fd)!
      const n = run.dv.getUint32(countp, true)
      for (let i = 0; i < n; i++) update(m, kp + i * m.ks, vp + i * m.vs, 0n)
      return 0
    },
    bpf_map_delete_batch: (fd: number, kp: number, countp: number) => {
      const m = get(fd)!
      const n = run.dv.getUint32(countp, true)
      for (let i = 0; i < n; i++) m.data.delete(key(m, kp + i * m.ks))
      return 0
    },
    bpf_map_freeze: (fd: number) => {
      get(fd)!.frozen = true
      return 0
    },
    bpf_obj_pin: (fd: number, path: number) => {
      pins.set(run.cstr(path), fd)
      return 0
    },
    bpf_obj_get: (path: number) => {
      const fd = pins.get(run.cstr(path))
      return fd === undefined ? fail(ENOENT) : fd
    },
  }
}

describe('conformance seed programs', () => {
  for (const f of seeds) {
    it(`${f} compiles with no errors`, () => {
      const src = readFileSync(dir + f, 'utf8')
      const r = compile(src, { filename: f, target: 'user' })
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
      expect(r.program).not.toBeNull()
    })
  }

  const exact = ['01-update', '02-lookup', '03-delete', '04-lookup_and_delete', '07-update_batch', '08-delete_batch', '09-freeze', '10-pin']
  for (const name of exact) {
    it(`${name} prints what the kernel run printed`, () => {
      const src = readFileSync(`${dir}${name}.c`, 'utf8')
      const pins = new Map<string, number>()
      const r = runMain(src, { filename: `${name}.c`, imports: (run) => fakeBpf(run, pins) })
      expect(r.stdout).toBe(readFileSync(`${dir}${name}.out`, 'utf8'))
      expect(r.stderr).toBe(readFileSync(`${dir}${name}.err`, 'utf8'))
      expect(String(r.exit)).toBe(readFileSync(`${dir}${name}.rc`, 'utf8').trim())
    })
  }
})
