/**
 * Boots bpfplay's simulated kernel for one conformance sequence: a fresh kernel per sequence
 * (fds start at 3, nothing shared), with as many possible CPUs as the machine the kernel results
 * come from, so per-CPU value layouts match byte for byte.
 */
import type { KernelApi } from '../../src/kernel/api'
import { Kernel } from '../../src/kernel/kernel'

export function bootSimulator(possibleCpus: number, hashSeed: number): KernelApi {
  return Kernel.create({ possibleCpus, hashSeed })
}
