/**
 * Where the packets of an XDP run come from: a pcap file (every captured frame, in order) or a
 * traffic preset of src/xdp/packets (seeded, so the same options give the same frames). Both give
 * plain frame bytes; the run copies each into a ring slot in kernel memory. A source made of a
 * fixed set of frames (a pcap, a list, a capture replayed in a loop) says so (`distinct`): the
 * parallel run's NIC then stages them in kernel memory once (frame-pool.ts, replay-queue.ts).
 */
import { generateTraffic, isPresetName, LINKTYPE_ETHERNET, presetNames, readPcap, type PresetName } from './packets'

export interface PacketSource {
  /** Frames in arrival order. */
  frames: Iterable<Uint8Array>
  /** Longest frame the source can produce (sizes the ring slots). */
  maxFrame: number
  /** Number of frames, when known in advance. */
  count?: number
  /** The frames as a fixed set replayed in a loop: frame i of the run is `distinct[i % distinct.length]`, i < count. */
  distinct?: readonly Uint8Array[]
}

/** The frames of a pcap file (Ethernet link type). Throws with the reader's message on a bad file. */
export function pcapSource(file: Uint8Array, name = 'pcap'): PacketSource {
  const r = readPcap(file)
  if (!r.ok) throw new Error(`${name}: ${r.error}`)
  if (r.header.linkType !== LINKTYPE_ETHERNET) throw new Error(`${name}: link type ${r.header.linkType} is not Ethernet (1): XDP sees Ethernet frames`)
  return framesSource(r.packets.map((p) => p.data))
}

/** `count` frames of a traffic preset. */
export function trafficSource(preset: string, count: number, seed = 1): PacketSource {
  if (!isPresetName(preset)) throw new Error(`unknown traffic preset '${preset}' (presets: ${presetNames.join(', ')})`)
  const name: PresetName = preset
  return {
    frames: {
      *[Symbol.iterator]() {
        for (const p of generateTraffic({ preset: name, count, seed })) yield p.bytes
      },
    },
    maxFrame: name === 'jumbo' ? 9014 : 1514,
    count,
  }
}

/** A fixed list of frames (tests, benchmarks). */
export function framesSource(frames: Uint8Array[]): PacketSource {
  return { frames, maxFrame: maxFrameOf(frames), count: frames.length, distinct: frames }
}

/** `count` frames cycling through `distinct` (benchmarks: a capture replayed in a loop). */
export function cycledSource(distinct: Uint8Array[], count: number): PacketSource {
  const n = distinct.length
  return {
    frames: {
      *[Symbol.iterator]() {
        for (let i = 0; i < count; i++) yield distinct[i % n]
      },
    },
    maxFrame: maxFrameOf(distinct),
    count,
    distinct,
  }
}

function maxFrameOf(frames: readonly Uint8Array[]): number {
  return frames.reduce((m, f) => Math.max(m, f.length), 60)
}
