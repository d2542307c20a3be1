/**
 * The get_next_key walk over a hash map, step by step, for the animated view. The order is the
 * kernel's: a snapshot lists elements in iteration order (bucket 0 to n_buckets-1, each chain
 * from its head), which is the order get_next_key returns them; this module only annotates
 * each step with where it moved (same bucket, or which empty buckets it skipped) so the view
 * can say why. It never sorts or rehashes anything.
 */
import type { MapSnapshot } from '../../kernel/api'

export interface WalkStep {
  /** Index in the snapshot's entries of the key this call returns; null: -ENOENT, the walk is over. */
  index: number | null
  /** Index of the key passed in; null: the walk started with key NULL. */
  prev: number | null
  /** Bucket of the returned key (hash maps). */
  bucket?: number
  /** The returned key follows the previous one in the same bucket's chain. */
  sameBucket: boolean
  /** Position of the returned key in its chain (0 = head, the newest). */
  chainPos: number
  /** Empty buckets scanned past before finding the key (from, to inclusive), if any. */
  skipped: [number, number] | null
}

/** Every call of a walk from NULL to ENOENT: entries.length steps that return a key, then the ENOENT one. */
export function walkSteps(map: Pick<MapSnapshot, 'entries' | 'nBuckets'>): WalkStep[] {
  const steps: WalkStep[] = []
  const entries = map.entries
  let chainPos = 0
  for (let i = 0; i <= entries.length; i++) {
    const prev = i === 0 ? null : i - 1
    const prevBucket = prev === null ? -1 : (entries[prev].bucket ?? prev)
    if (i === entries.length) {
      const last = map.nBuckets !== undefined ? map.nBuckets - 1 : prevBucket
      steps.push({ index: null, prev, sameBucket: false, chainPos: 0, skipped: prevBucket < last ? [prevBucket + 1, last] : null })
      break
    }
    const bucket = entries[i].bucket
    const same = prev !== null && bucket !== undefined && bucket === entries[prev].bucket
    chainPos = same ? chainPos + 1 : 0
    let skipped: [number, number] | null = null
    if (bucket !== undefined && !same && bucket > prevBucket + 1) skipped = [prevBucket + 1, bucket - 1]
    steps.push({ index: i, prev, bucket, sameBucket: same, chainPos, skipped })
  }
  return steps
}
