export const seedsDir: string
export function seedsAvailable(): boolean
export function loadManifest(): { name: string; compare?: string; [k: string]: unknown }[]
export function compareSeed(entry: unknown, run: { out: string; err: string; rc: number }, opts?: { afterPin?: boolean }): string | null
