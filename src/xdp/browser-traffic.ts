/**
 * What the page needs to know about traffic to offer it: the presets (name and description,
 * from src/xdp/packets/traffic.ts), the largest frame each makes (RX buffers are sized for it)
 * and the rates the toolbar offers. Kept apart from the NIC itself (browser-nic.ts), which
 * runs in a worker and pulls in the packet builder and the RSS tables.
 */
import { presetNames, presets, type PresetName } from './packets/traffic'

export { presetNames, presets, type PresetName }

/** The largest frame a preset makes. */
export function presetMaxFrame(preset: PresetName): number {
  return preset === 'jumbo' ? 9014 : 1514
}

/** Packets per second the toolbar offers; 0 = as fast as the CPUs take them ("max"). */
export const RATE_CHOICES = [100, 1000, 2000, 10_000, 100_000, 0] as const

export const DEFAULT_RATE = 2000
export const DEFAULT_PRESET: PresetName = 'mixed'

export function rateLabel(rate: number): string {
  if (rate === 0) return 'max'
  return rate >= 1000 ? `${rate / 1000}k/s` : `${rate}/s`
}
