import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Kernel } from '../kernel/kernel'
import { compile } from '../lang/compile'
import { loadedView, loadProgram } from '../xdp/loader'
import { runXdpStep } from './run-xdp'
import { runStepTraffic, xdpStepOptions, XDP_STEP_DEFAULTS } from './xdp-traffic'

const lesson = (f: string) => readFileSync(`public/lessons/xdp-atomic-counter/${f}`, 'utf8')
const STEP = { cpus: 2, seed: 1, traffic: 'many-sources', packets: 1000 }

function passCount(kernel: Kernel): bigint {
  const map = kernel.maps().find((m) => m.name === 'xdp_stats_map')!
  const entry = map.entries.find((e) => e.key[0] === 2)!
  return new DataView((entry.value as Uint8Array).buffer, (entry.value as Uint8Array).byteOffset).getBigUint64(0, true)
}

describe('runStepTraffic', () => {
  it('loses the same updates of a plain ++ on every run, and none of an atomic add', () => {
    for (const [file, counted] of [['counter_atomic.starter.c', 959n], ['counter_atomic.c', 1000n]] as const) {
      for (let run = 0; run < 2; run++) {
        const program = compile(lesson(file), { filename: 'xdp_prog.c', target: 'bpf' }).program!
        const kernel = Kernel.create({ possibleCpus: 2, hashSeed: 1 })
        const r = runStepTraffic(kernel, loadProgram(kernel, program), STEP)
        expect(r).toMatchObject({ packets: 1000, actions: [0, 0, 1000, 0, 0], faultCount: 0 })
        expect(r.perCpu.reduce((a, b) => a + b, 0)).toBe(1000)
        expect(passCount(kernel)).toBe(counted)
      }
    }
  })

  it('gives what the CLI checker sees, also through the view a CPU builds of a loaded program (the browser worker)', () => {
    const text = lesson('counter_atomic.starter.c')
    const cli = runXdpStep(text, undefined, [], STEP)
    const program = compile(text, { filename: 'xdp_prog.c', target: 'bpf' }).program!
    const kernel = Kernel.create({ possibleCpus: 2, hashSeed: 1 })
    const loaded = loadProgram(kernel, program)
    const viaView = runStepTraffic(kernel, loadedView(program, loaded.dataBase, loaded.maps), STEP)
    expect(viaView.actions).toEqual(cli.xdp!.actions)
    expect(passCount(kernel)).toBe(959n)
    expect(kernel.maps().find((m) => m.name === 'xdp_stats_map')!.entries).toEqual(cli.maps.find((m) => m.name === 'xdp_stats_map')!.entries)
  })

  it('refuses more CPUs than the kernel has', () => {
    const program = compile(lesson('counter_atomic.c'), { filename: 'xdp_prog.c', target: 'bpf' }).program!
    const kernel = Kernel.create({ possibleCpus: 1 })
    expect(() => runStepTraffic(kernel, loadProgram(kernel, program), STEP)).toThrow('2 CPUs asked, the kernel has 1 possible CPUs')
  })
})

describe('xdpStepOptions', () => {
  it('takes the front matter, else the defaults', () => {
    expect(xdpStepOptions({ machine: {} })).toEqual({ ...XDP_STEP_DEFAULTS })
    expect(xdpStepOptions({ machine: { cpus: 4, traffic: 'many-sources', packets: 10 } })).toEqual({ cpus: 4, seed: 1, traffic: 'many-sources', packets: 10 })
  })
})
