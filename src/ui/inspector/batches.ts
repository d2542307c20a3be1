/**
 * Batch cursors: what each bpf_map_lookup_batch / lookup_and_delete_batch call on a map did,
 * from the kernel's event log. For hash maps the kernel's cursor is a bucket index: a call
 * starts at bucket in_batch (0 for NULL), copies whole buckets while they fit in `count`, and
 * stores in out_batch the first bucket it did not copy. So the buckets a call returned are
 * exactly [in_batch, out_batch); which keys those are comes from the map's snapshot (a
 * lookup_and_delete_batch has removed them, so only the count is known then). A call that
 * reaches the last bucket returns -ENOENT together with the elements it did copy: the final,
 * usually partial, batch.
 */
import type { KernelEvent, MapSnapshot } from '../../kernel/api'
import { BpfCmd, Errno } from '../../kernel/uapi'

export interface BatchCall {
  seq: number
  op: number
  pid: number
  mapId: number
  /** 0 or -errno. */
  ret: number
  inBatch?: number
  outBatch?: number
  /** Elements the call returned (the kernel writes it back into count). */
  count?: number
  /** The count the program asked for. */
  asked?: number
}

const CURSOR_OPS = new Set<number>([BpfCmd.MAP_LOOKUP_BATCH, BpfCmd.MAP_LOOKUP_AND_DELETE_BATCH])

/** The batch calls with a cursor among these events, oldest first. */
export function batchCallsOf(events: KernelEvent[]): BatchCall[] {
  const out: BatchCall[] = []
  for (const e of events) {
    if (e.origin !== 'syscall' || !CURSOR_OPS.has(e.op)) continue
    out.push({ seq: e.seq, op: e.op, pid: e.pid, mapId: e.mapId, ret: e.ret, ...e.extra })
  }
  return out
}

export interface BatchRange {
  call: BatchCall
  /** First bucket walked (in_batch; 0 when NULL). */
  from: number
  /** First bucket not returned (out_batch); null when the call failed before walking. */
  to: number | null
  /** Indices into the snapshot's entries of the elements in buckets [from, to), in the order returned. */
  elements: number[]
  /** Non-empty buckets in [from, to) in the snapshot. */
  buckets: number[]
  /** -ENOENT: the walk reached the end of the bucket array (elements returned with it still count). */
  final: boolean
  /** count was smaller than the first bucket it met: nothing returned, -ENOSPC. */
  noSpace: boolean
  /** lookup_and_delete_batch: the returned elements are gone from the map. */
  deleted: boolean
}

/** Bucket ranges of a hash map's batch calls, with the elements the current snapshot has there. */
export function batchRanges(calls: BatchCall[], map: Pick<MapSnapshot, 'entries' | 'nBuckets'>): BatchRange[] {
  return calls.map((call) => {
    const from = call.inBatch ?? 0
    const to = call.outBatch ?? null
    const deleted = call.op === BpfCmd.MAP_LOOKUP_AND_DELETE_BATCH
    const elements: number[] = []
    const buckets: number[] = []
    if (to !== null && !deleted) {
      map.entries.forEach((e, i) => {
        const b = e.bucket ?? -1
        if (b >= from && b < to) {
          elements.push(i)
          if (buckets[buckets.length - 1] !== b) buckets.push(b)
        }
      })
    }
    return { call, from, to, elements, buckets, final: call.ret === -Errno.ENOENT, noSpace: call.ret === -Errno.ENOSPC, deleted }
  })
}
