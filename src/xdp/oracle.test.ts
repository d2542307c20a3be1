/**
 * The same XDP programs and packets on the real kernel and on bpfplay: final map contents and
 * action counts must be equal. The kernel runs the program with bpf_prog_test_run_opts on CPU 0
 * (tests/xdp-oracle); bpfplay runs it on one CPU of a kernel with the host's possible CPUs, so
 * even per-CPU maps match byte for byte, and again on 4 CPUs where sums must match. Skipped, with
 * the reason in the test name, where bpf() or clang is not available.
 */
import { describe, expect, it } from 'vitest'
import { runOracle, xdpOracleAvailable } from '../../tests/xdp-oracle/oracle'
import { hostPossibleCpus } from '../cli/host'
import { sortedDump, type MapDump } from './dump'
import { generateTraffic, writePcap, type PresetName } from './packets'
import { fixture, simulate } from './testing'

const available = xdpOracleAvailable()
const why = available === true ? '' : ` (skipped: ${available})`

function traffic(parts: [PresetName, number, number][]): Uint8Array[] {
  return parts.flatMap(([preset, count, seed]) => [...generateTraffic({ preset, count, seed })].map((p) => p.bytes))
}

function sumPerCpu(d: MapDump): MapDump {
  const out: MapDump = {}
  for (const [name, entries] of Object.entries(d)) {
    out[name] = entries.map((e) => ({ key: e.key, value: Array.isArray(e.value) ? sumSlots(e.value) : e.value }))
  }
  return out
}

/** Per-CPU slots summed as u64 words (the counters of these programs). */
function sumSlots(slots: string[]): string {
  const words = slots[0].length / 16
  let out = ''
  for (let w = 0; w < words; w++) {
    let v = 0n
    for (const s of slots) v += BigInt('0x' + (s.slice(w * 16, w * 16 + 16).match(/../g) ?? []).reverse().join(''))
    const le = BigInt.asUintN(64, v).toString(16).padStart(16, '0').match(/../g)!.reverse().join('')
    out += le
  }
  return out
}

const cases: { program: string; frames: () => Uint8Array[] }[] = [
  { program: 'counter_atomic.c', frames: () => traffic([['mixed', 3000, 1]]) },
  { program: 'counter_plain.c', frames: () => traffic([['small', 2000, 2]]) },
  { program: 'percpu.c', frames: () => traffic([['mixed', 2000, 3]]) },
  { program: 'ipcount.c', frames: () => traffic([['many-sources', 4000, 4], ['mixed', 1000, 5]]) },
  { program: 'udp_drop.c', frames: () => traffic([['udp-flood', 800, 6], ['mixed', 2000, 7], ['ipv6-only', 700, 8], ['dns', 300, 9]]) },
  { program: 'helper_returns.c', frames: () => traffic([['mixed', 1, 10]]) },
]

describe('XDP programs: bpfplay against the real kernel', () => {
  for (const c of cases) {
    it.skipIf(available !== true)(`${c.program}: same actions and map contents${why}`, async () => {
      const frames = c.frames()
      const source = fixture(c.program)
      const real = runOracle(source, writePcap(frames.map((data) => ({ data }))))
      const one = await simulate(source, frames, { cpus: 1, possibleCpus: hostPossibleCpus(), mode: 'reproducible' })
      expect(one.result.actions).toEqual(real.actions)
      expect(sortedDump(one.maps)).toEqual(sortedDump(real.maps))
      // 4 racing CPUs lose updates of a plain increment; helper_returns records the CPU it ran on
      if (c.program === 'counter_plain.c' || c.program === 'helper_returns.c') return
      const four = await simulate(source, frames, { cpus: 4 })
      expect(four.result.actions).toEqual(real.actions)
      expect(sortedDump(sumPerCpu(four.maps))).toEqual(sortedDump(sumPerCpu(real.maps)))
    })
  }
})
