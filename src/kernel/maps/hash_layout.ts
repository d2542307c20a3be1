/**
 * Byte layout of a hash map element (struct htab_elem): a 24-byte header, the key padded to
 * 8 bytes, then the value (per-CPU maps: one round_up(value_size, 8) slot per possible CPU,
 * inline). Values are therefore 8-byte aligned, as BPF programs using atomics need.
 *
 *   +0  HNEXT  next element in the bucket, or the bucket's "nulls" marker (bucket << 1 | 1)
 *   +4  HASH   jhash of the key
 *   +8  LPREV  LRU list: newer neighbour (non-LRU prealloc: free list link)
 *   +12 LNEXT  LRU list: older neighbour
 *   +16 LTYPE  LRU list type | cpu << 8
 *   +20 REF    LRU reference bit (set by program lookups)
 *   +24 key
 */
export const E_HNEXT = 0
export const E_HASH = 4
export const E_LPREV = 8
export const E_LNEXT = 12
export const E_LTYPE = 16
export const E_REF = 20
export const E_KEY = 24
export const ELEM_HDR = 24
