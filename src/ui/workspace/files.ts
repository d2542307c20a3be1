/** The two editor files of a workspace and the machine settings that travel with them. */

export const FILE_NAMES = ['user.c', 'xdp_prog.c'] as const
export type FileName = (typeof FILE_NAMES)[number]

export const CPU_CHOICES = [1, 2, 4, 8] as const

export interface MachineSettings {
  /** Possible CPUs of the simulated kernel (per-CPU value layout). */
  cpus: number
  /** Seed for per-map hash seeds; null = random per map, as in Linux. */
  seed: number | null
}

export const DEFAULT_SETTINGS: MachineSettings = { cpus: 2, seed: null }

export interface WorkspaceSnapshot {
  files: Record<FileName, string>
  active: FileName
  settings: MachineSettings
}

export function isFileName(x: unknown): x is FileName {
  return typeof x === 'string' && (FILE_NAMES as readonly string[]).includes(x)
}

/** Settings as they come from storage or a link: anything out of range falls back to the default. */
export function sanitizeSettings(x: unknown): MachineSettings {
  const o = (typeof x === 'object' && x !== null ? x : {}) as Record<string, unknown>
  const cpus = typeof o.cpus === 'number' && Number.isInteger(o.cpus) && o.cpus >= 1 && o.cpus <= 64 ? o.cpus : DEFAULT_SETTINGS.cpus
  const seed = typeof o.seed === 'number' && Number.isInteger(o.seed) && o.seed >= 0 && o.seed <= 0xffffffff ? o.seed : null
  return { cpus, seed }
}
