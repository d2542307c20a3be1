/**
 * Test-only worker for concurrency.test.ts: attaches to a running kernel and hammers one map,
 * either through bpf() as a process (insert / delete / read) or through program helpers.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { Kernel } from './kernel'
import { TestProc } from './testing'

interface Job {
  sab: SharedArrayBuffer
  role: 'insert' | 'delete' | 'read' | 'prog'
  cpu: number
  path: string
  keys: number
  ops: number
  seed: number
}

const job = workerData as Job
const k = Kernel.attach(job.sab)
let seed = job.seed
const rnd = (n: number) => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
  return (seed >>> 8) % n
}
let ok = 0
let fail = 0
if (job.role === 'prog') {
  const stack = k.kmalloc(32)
  const id = (() => {
    const p = new TestProc(k, job.cpu, 'loader')
    const fd = p.bpf_obj_get(job.path)
    const mid = k.mapIdFromFd(p.pid, fd)
    k.mapRef(mid)
    p.exit()
    return mid
  })()
  for (let i = 0; i < job.ops; i++) {
    k.mem.i32[stack >> 2] = rnd(job.keys)
    k.mem.i32[(stack >> 2) + 2] = i
    const r = i % 3 === 0 ? k.progMapDelete(id, stack, job.cpu) : k.progMapUpdate(id, stack, stack + 8, 0, job.cpu)
    if (r === 0) ok++
    else fail++
    const v = k.progMapLookup(id, stack, job.cpu)
    if (v !== 0) Atomics.add(k.mem.i32, v >> 2, 1)
  }
  k.mapUnref(id)
  k.kfree(stack)
} else {
  const p = new TestProc(k, job.cpu, job.role)
  const fd = p.bpf_obj_get(job.path)
  const key = p.mem.alloc(8)
  const val = p.mem.alloc(8)
  const next = p.mem.alloc(8)
  for (let i = 0; i < job.ops; i++) {
    p.mem.setU32(key, rnd(job.keys))
    let r: number
    if (job.role === 'insert') {
      p.mem.setU32(val, i)
      r = p.bpf_map_update_elem(fd, key, val, 0)
    } else if (job.role === 'delete') {
      r = p.bpf_map_delete_elem(fd, key)
    } else {
      r = i % 50 === 0 ? p.bpf_map_get_next_key(fd, key, next) : p.bpf_map_lookup_elem(fd, key, val)
    }
    if (r === 0) ok++
    else fail++
  }
  p.exit()
}
k.detach()
parentPort!.postMessage({ ok, fail })
