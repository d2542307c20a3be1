/**
 * Classic libpcap capture files, the format `tcpdump -w` writes and Wireshark opens: a 24-byte
 * file header (magic, version 2.4, snaplen, link type) then per packet a 16-byte record header
 * (ts_sec, ts_usec or ts_nsec, incl_len, orig_len) and incl_len bytes of frame.
 *
 * Reading accepts both byte orders and both time resolutions (magic 0xa1b2c3d4 = microseconds,
 * 0xa1b23c4d = nanoseconds; the swapped forms mean the writer had the other endianness). Reading
 * never throws: a file that is not pcap, or is cut short, gives `ok: false` with a sentence that
 * says what is wrong and where, plus the packets read before the fault.
 *
 * Writing produces microsecond little-endian files (what tcpdump writes on x86), LINKTYPE_ETHERNET
 * unless told otherwise. `pcapFileHeader` + `pcapRecord` let a caller stream a long capture to a
 * file without holding it in memory; `writePcap` does it all at once.
 */

export const PCAP_MAGIC_USEC = 0xa1b2c3d4
export const PCAP_MAGIC_NSEC = 0xa1b23c4d
const PCAPNG_MAGIC = 0x0a0d0d0a
export const LINKTYPE_ETHERNET = 1
export const PCAP_FILE_HEADER_LEN = 24
export const PCAP_RECORD_HEADER_LEN = 16
/** libpcap's default and largest ordinary snapshot length. */
export const PCAP_DEFAULT_SNAPLEN = 262144

export interface PcapHeader {
  versionMajor: number
  versionMinor: number
  snaplen: number
  /** LINKTYPE_* (the low 16 bits of the header's link-type field). */
  linkType: number
  /** Timestamps in the file are nanoseconds (magic 0xa1b23c4d). */
  nanosecond: boolean
  /** The file's byte order. */
  littleEndian: boolean
}

export interface PcapPacket {
  /** Seconds since the epoch. */
  tsSec: number
  /** Nanoseconds within the second (a microsecond file gives multiples of 1000). */
  tsNsec: number
  /** The captured bytes (a view into the file's buffer). */
  data: Uint8Array
  /** Length of the packet on the wire; larger than data.length when the capture was cut at snaplen. */
  originalLength: number
}

export type PcapReadResult =
  | { ok: true; header: PcapHeader; packets: PcapPacket[] }
  | { ok: false; error: string; header?: PcapHeader; packets: PcapPacket[] }

/** Parses a whole pcap file. */
export function readPcap(file: Uint8Array): PcapReadResult {
  const packets: PcapPacket[] = []
  if (file.length < PCAP_FILE_HEADER_LEN) {
    return { ok: false, error: `not a pcap file: ${file.length} bytes, shorter than the 24-byte file header`, packets }
  }
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength)
  const magicBE = view.getUint32(0, false)
  const magicLE = view.getUint32(0, true)
  let littleEndian: boolean
  let nanosecond: boolean
  if (magicLE === PCAP_MAGIC_USEC || magicLE === PCAP_MAGIC_NSEC) {
    littleEndian = true
    nanosecond = magicLE === PCAP_MAGIC_NSEC
  } else if (magicBE === PCAP_MAGIC_USEC || magicBE === PCAP_MAGIC_NSEC) {
    littleEndian = false
    nanosecond = magicBE === PCAP_MAGIC_NSEC
  } else if (magicBE === PCAPNG_MAGIC) {
    return { ok: false, error: 'this is a pcapng file; only classic pcap is read (convert it: editcap -F pcap in.pcapng out.pcap)', packets }
  } else {
    return { ok: false, error: `not a pcap file (magic 0x${magicBE.toString(16).padStart(8, '0')})`, packets }
  }
  const header: PcapHeader = {
    versionMajor: view.getUint16(4, littleEndian),
    versionMinor: view.getUint16(6, littleEndian),
    snaplen: view.getUint32(16, littleEndian),
    linkType: view.getUint32(20, littleEndian) & 0xffff,
    nanosecond,
    littleEndian,
  }
  if (header.versionMajor !== 2) {
    return { ok: false, error: `unsupported pcap version ${header.versionMajor}.${header.versionMinor} (expected 2.4)`, header, packets }
  }
  const maxCaplen = Math.max(header.snaplen, PCAP_DEFAULT_SNAPLEN)
  let off = PCAP_FILE_HEADER_LEN
  while (off < file.length) {
    const n = packets.length + 1
    if (off + PCAP_RECORD_HEADER_LEN > file.length) {
      const error = `truncated file: packet ${n} record header at byte ${off} has ${file.length - off} of 16 bytes`
      return { ok: false, error, header, packets }
    }
    const tsSec = view.getUint32(off, littleEndian)
    const tsFrac = view.getUint32(off + 4, littleEndian)
    const inclLen = view.getUint32(off + 8, littleEndian)
    const origLen = view.getUint32(off + 12, littleEndian)
    if (inclLen > maxCaplen) {
      const error = `corrupt file: packet ${n} at byte ${off} claims ${inclLen} captured bytes, more than the snapshot length ${header.snaplen}`
      return { ok: false, error, header, packets }
    }
    const start = off + PCAP_RECORD_HEADER_LEN
    if (start + inclLen > file.length) {
      const error = `truncated file: packet ${n} at byte ${off} has ${file.length - start} of its ${inclLen} bytes`
      return { ok: false, error, header, packets }
    }
    packets.push({
      tsSec,
      tsNsec: nanosecond ? tsFrac : tsFrac * 1000,
      data: file.subarray(start, start + inclLen),
      originalLength: origLen,
    })
    off = start + inclLen
  }
  return { ok: true, header, packets }
}

export interface PcapWriteOptions {
  /** Default 262144 (libpcap's default). Longer packets are cut, their orig_len kept. */
  snaplen?: number
  /** Default LINKTYPE_ETHERNET. */
  linkType?: number
  /** Write nanosecond timestamps (magic 0xa1b23c4d). Default false: microseconds, as tcpdump writes. */
  nanosecond?: boolean
}

export interface PcapInput {
  data: Uint8Array
  /** Seconds since the epoch (default 0). */
  tsSec?: number
  /** Nanoseconds within the second (default 0); microsecond files keep floor(tsNsec / 1000). */
  tsNsec?: number
  /** Default data.length. */
  originalLength?: number
}

/** The 24-byte little-endian file header. */
export function pcapFileHeader(options: PcapWriteOptions = {}): Uint8Array {
  const out = new Uint8Array(PCAP_FILE_HEADER_LEN)
  const view = new DataView(out.buffer)
  view.setUint32(0, options.nanosecond ? PCAP_MAGIC_NSEC : PCAP_MAGIC_USEC, true)
  view.setUint16(4, 2, true)
  view.setUint16(6, 4, true)
  // thiszone and sigfigs stay 0, as every modern writer leaves them.
  view.setUint32(16, options.snaplen ?? PCAP_DEFAULT_SNAPLEN, true)
  view.setUint32(20, options.linkType ?? LINKTYPE_ETHERNET, true)
  return out
}

/** One record (16-byte header + captured bytes), for a file started with pcapFileHeader(options). */
export function pcapRecord(packet: PcapInput, options: PcapWriteOptions = {}): Uint8Array {
  const snaplen = options.snaplen ?? PCAP_DEFAULT_SNAPLEN
  const tsSec = packet.tsSec ?? 0
  const tsNsec = packet.tsNsec ?? 0
  if (!Number.isInteger(tsSec) || tsSec < 0 || tsSec > 0xffffffff) throw new RangeError(`pcap ts_sec ${tsSec} out of range`)
  if (!Number.isInteger(tsNsec) || tsNsec < 0 || tsNsec >= 1e9) throw new RangeError(`pcap tsNsec ${tsNsec} is not in 0..999999999`)
  const incl = Math.min(packet.data.length, snaplen)
  const out = new Uint8Array(PCAP_RECORD_HEADER_LEN + incl)
  const view = new DataView(out.buffer)
  view.setUint32(0, tsSec, true)
  view.setUint32(4, options.nanosecond ? tsNsec : Math.floor(tsNsec / 1000), true)
  view.setUint32(8, incl, true)
  view.setUint32(12, packet.originalLength ?? packet.data.length, true)
  out.set(packet.data.subarray(0, incl), PCAP_RECORD_HEADER_LEN)
  return out
}

/** A whole pcap file in memory. */
export function writePcap(packets: Iterable<PcapInput>, options: PcapWriteOptions = {}): Uint8Array {
  const parts = [pcapFileHeader(options)]
  let total = parts[0].length
  for (const p of packets) {
    const rec = pcapRecord(p, options)
    parts.push(rec)
    total += rec.length
  }
  const out = new Uint8Array(total)
  let off = 0
  for (const part of parts) {
    out.set(part, off)
    off += part.length
  }
  return out
}

/** Splits a time in ns since `epochSec` into pcap's (tsSec, tsNsec). */
export function pcapTime(timeNs: number, epochSec = 0): { tsSec: number; tsNsec: number } {
  const ns = Math.round(timeNs)
  const whole = Math.floor(ns / 1e9)
  return { tsSec: epochSec + whole, tsNsec: ns - whole * 1e9 }
}
