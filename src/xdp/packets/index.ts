/**
 * The packet side of the XDP simulation, in one import: frame bytes from a description
 * (build), a readable summary of any bytes (parse), pcap files in and out (pcap), seeded traffic
 * presets (traffic) and the shared-memory ring that feeds packets to the CPU workers (ring).
 */
export * from './addr'
export * from './build'
export { internetChecksum, ipv4PseudoSum, ipv6PseudoSum } from './checksum'
export * from './dns'
export * from './parse'
export * from './pcap'
export * from './ring'
export * from './traffic'
