/**
 * Map type -> ops table (the kernel's bpf_map_types[]). Types of the UAPI that the simulator
 * does not implement have no entry; creating one fails with EINVAL like an unknown type.
 */
import { ARRAY_TYPES } from './array'
import { HASH_TYPES } from './hash'
import type { MapOps } from './ops'
import { QUEUE_STACK_TYPES } from './queue_stack'

const OPS: Record<number, MapOps> = { ...HASH_TYPES, ...ARRAY_TYPES, ...QUEUE_STACK_TYPES }

export function opsForType(type: number): MapOps | null {
  return OPS[type] ?? null
}

/** Types whose maps have a hash seed (shown in snapshots). */
export function isHashType(type: number): boolean {
  return type in HASH_TYPES
}
