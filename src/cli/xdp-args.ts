/**
 * Arguments of `bpfplay xdp`, with their usage text (args.ts delegates here).
 */
import { DEFAULT_CPUS } from '../xdp/run'
import { DEFAULT_LIVE_RATE } from '../xdp/live'
import type { TimeMode } from './user-sleep'

export interface XdpOptions {
  prog: string
  user?: string
  pcap?: string
  traffic: string
  packets: number
  /** Packets per second (0: as fast as the CPUs go). Default: unpaced, or DEFAULT_LIVE_RATE when USER attaches the program. */
  rate?: number
  /** sleep() of USER in real or simulated time. Default: real when USER attaches the program (live traffic), else simulated. */
  time?: TimeMode
  cpus: number
  seed?: number
  reproducible: boolean
  dump?: 'json'
  entry?: string
  timeoutSec?: number
  warnings: boolean
  /** Run even when the verifier-like checks refuse the program (to get past a wrong refusal). */
  skipChecks: boolean
}

export const XDP_USAGE = `  xdp PROG.c [options]       run an XDP program over packets on simulated CPUs
      --pcap FILE            packets from a pcap file (Ethernet)
      --traffic PRESET       generated traffic (default mixed): mixed, udp-flood, many-sources,
                             syn-flood, dns, ipv6-only, small, jumbo
      --packets N            number of generated packets (default 1000)
      --rate PPS             packets per second arriving on eth0 (default: as fast as the CPUs
                             go, or ${DEFAULT_LIVE_RATE}/s when USER attaches the program itself); 0 = unpaced
      --cpus N               CPUs running the program in parallel (default ${DEFAULT_CPUS})
      --reproducible         interleave the CPUs deterministically in one thread (same --seed,
                             same result, lost updates included)
      --seed N               traffic, hash-seed and interleaving seed
      --prog NAME            the function to run when the file has several programs
      --user USER.c          a userspace program on the same kernel. If it uses the libbpf object
                             API (bpf_object__open_file("PROG.o") ...), it runs while the traffic
                             flows and attaches the program itself; otherwise it runs afterwards
      --time real|simulated  USER's sleep(): real (default while traffic flows) or simulated
      --dump json            print every map's contents as JSON on stdout
      --skip-checks          run even if the verifier-like checks refuse the program
      --timeout S            stop the CPUs after S seconds
`

/** Parses the arguments after `xdp`. */
export function parseXdpArgs(argv: string[], usageError: (msg: string) => Error): XdpOptions {
  const o: Partial<XdpOptions> & { files: string[] } = { files: [], traffic: 'mixed', packets: 1000, cpus: DEFAULT_CPUS, reproducible: false, warnings: false, skipChecks: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const str = (): string => {
      const v = argv[++i]
      if (v === undefined) throw usageError(`${a} needs a value`)
      return v
    }
    const num = (): number => {
      const v = str()
      const n = Number(v)
      if (!Number.isInteger(n) || n < 0) throw usageError(`${a} needs a non-negative integer`)
      return n
    }
    if (a === '--user') o.user = str()
    else if (a === '--pcap') o.pcap = str()
    else if (a === '--traffic') o.traffic = str()
    else if (a === '--packets') o.packets = num()
    else if (a === '--rate') o.rate = num()
    else if (a === '--time') {
      const v = str()
      if (v !== 'real' && v !== 'simulated') throw usageError(`--time is real or simulated, not '${v}'`)
      o.time = v
    }
    else if (a === '--cpus') {
      o.cpus = num()
      if (o.cpus < 1 || o.cpus > 64) throw usageError('--cpus must be 1..64')
    } else if (a === '--seed') o.seed = num() >>> 0
    else if (a === '--reproducible') o.reproducible = true
    else if (a === '--prog') o.entry = str()
    else if (a === '--timeout') o.timeoutSec = num()
    else if (a === '--dump') {
      const v = str()
      if (v !== 'json') throw usageError(`--dump supports only json, not '${v}'`)
      o.dump = 'json'
    } else if (a === '-Wall' || a === '--warnings') o.warnings = true
    else if (a === '--skip-checks') o.skipChecks = true
    else if (a.startsWith('-')) throw usageError(`unknown option '${a}'`)
    else o.files.push(a)
  }
  if (o.files.length !== 1) throw usageError(o.files.length === 0 ? 'xdp needs the program file' : `xdp takes one program file, got ${o.files.join(' ')}`)
  const { files, ...rest } = o
  return { ...(rest as Omit<XdpOptions, 'prog'>), prog: files[0] }
}
