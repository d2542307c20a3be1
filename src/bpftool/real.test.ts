/**
 * Differential test: the same bpftool command list on the real bpftool + real kernel and on
 * bpfplay's bpftool + simulated kernel; stdout, stderr and exit status must be equal after
 * the normalisations listed in `normalise` (each says why). Runs when bpftool 7 and bpf()
 * are usable here (root, bpffs mounted); otherwise the suite title says why it was skipped.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ensureBpffs, realKernelAvailable } from '../../tests/real-kernel'
import { hostPossibleCpus } from '../cli/host'
import { Kernel } from '../kernel/kernel'
import { runBpftool } from './main'

function bpftoolAvailable(): true | string {
  const real = realKernelAvailable()
  if (real !== true) return real
  const v = spawnSync('bpftool', ['version'], { encoding: 'utf8' })
  if (v.error || v.status !== 0) return 'bpftool is not installed (apt-get install bpftool)'
  if (!/^bpftool v7\./.test(v.stdout)) return `bpftool is not version 7 (${v.stdout.split('\n')[0]})`
  return ensureBpffs()
}

/** Kernels before 6.4 have no map_mem_usage: their memlock is a page-rounded estimate. */
function kernelHasMemUsage(): boolean {
  const m = /^(\d+)\.(\d+)/.exec(spawnSync('uname', ['-r'], { encoding: 'utf8' }).stdout ?? '')
  return m !== null && (Number(m[1]) > 6 || (Number(m[1]) === 6 && Number(m[2]) >= 4))
}

const available = bpftoolAvailable()
const tag = `bt${process.pid % 100000}`
const D = `/sys/fs/bpf/bpfplay_${tag}`
/** Map names: unique to this run, since the real kernel has other maps (other tests, other users). */
const N = tag

/** Maps every command below works on: label -> create arguments. */
const SETUP: [string, string][] = [
  ['h', `type hash key 4 value 8 entries 16 name ${N}h`],
  ['zs', `type hash key 4 value 4 entries 8 name ${N}zs flags 0x40`],
  ['a', `type array key 4 value 4 entries 4 name ${N}a`],
  ['pa', `type percpu_array key 4 value 4 entries 3 name ${N}pa`],
  ['ph', `type percpu_hash key 4 value 20 entries 8 name ${N}ph`],
  ['big', `type hash key 20 value 20 entries 4 name ${N}big flags 0x40`],
  ['mid', `type hash key 12 value 16 entries 4 name ${N}mid`],
  ['lru', `type lru_hash key 8 value 4 entries 4 name ${N}lru`],
  ['np', `type hash key 4 value 4 entries 10 name ${N}np flags 1`],
  ['q', `type queue key 0 value 4 entries 3 name ${N}q`],
  ['st', `type stack key 0 value 2 entries 2 name ${N}st`],
  ['mm', `type array key 4 value 8 entries 2 name ${N}mm flags 0x400`],
]

const seq = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(' ')

/** The commands, {D} the pin directory, {N} the name prefix, {id:X} the id of map X. */
const COMMANDS: string[] = [
  ...SETUP.map(([l]) => `map show pinned {D}/${l}`),
  ...SETUP.map(([l]) => `-j map show pinned {D}/${l}`),
  `-p map show pinned {D}/h`,
  `map show id {id:a}`,
  `map list name {N}ph`,
  `map show`,
  `-j map show`,
  // hash: update forms, byte syntax, flags, errors
  `map update pinned {D}/h key 1 0 0 0 value 1 2 3 4 5 6 7 8`,
  `map dump pinned {D}/h`,
  `map update pinned {D}/h key 1 0 0 0 value 0x10 010 10 0 0 0 0 255 exist`,
  `map lookup pinned {D}/h key 1 0 0 0`,
  `-j map lookup pinned {D}/h key 1 0 0 0`,
  `-p map lookup pinned {D}/h key 1 0 0 0`,
  `map update pinned {D}/h key 1 0 0 0 value 1 1 1 1 1 1 1 1 noexist`,
  `map update pinned {D}/h key 2 0 0 0 value 1 1 1 1 1 1 1 1 exist`,
  `map update pinned {D}/h key hex 0a 0b 0c 0d value hex ff ee dd cc bb aa 99 88 any`,
  `map lookup pinned {D}/h key hex 0a 0b 0c 0d`,
  // (h has a random hash seed on both kernels: no command below shows an order of two keys of h)
  `map lookup pinned {D}/h key 9 9 9 9`,
  `-j map lookup pinned {D}/h key 9 9 9 9`,
  `map delete pinned {D}/h key hex 0a 0b 0c 0d`,
  `map getnext pinned {D}/h key 7 7 7 7`,
  `map delete pinned {D}/h key hex 0a 0b 0c 0d`,
  `-j map delete pinned {D}/h key 1 0 0 0`,
  `map getnext pinned {D}/h`,
  `-j map getnext pinned {D}/h`,
  `map update pinned {D}/h key 256 0x0 00 0 value 1 2 3 4 5 6 7 8`,
  `m u p {D}/h k 3 0 0 0 v 3 3 3 3 3 3 3 3 n`,
  `m look p {D}/h k 3 0 0 0`,
  // h has a random hash seed on both kernels: keep one element when its order shows
  `map delete pinned {D}/h key 0 0 0 0`,
  `map dump name {N}h`,
  `-j map dump pinned {D}/h`,
  `map getnext pinned {D}/h key 0 0 0 0`,
  // parse errors
  `map update pinned {D}/h key 1 0 0 value 1 2 3 4 5 6 7 8`,
  `map update pinned {D}/h key 1 0 0 0 0 value 1 2 3 4 5 6 7 8`,
  `map update pinned {D}/h key 1 0 0 0`,
  `map update pinned {D}/h value 1 2 3 4 5 6 7 8`,
  `map update pinned {D}/h key 1 0 0 0 value 1 2 3 4 5 6 7 8 any any`,
  `map update pinned {D}/h key 1 0 0 0 key 1 0 0 0`,
  `map update pinned {D}/h key 0x1g 0 0 0 value 1 2 3 4 5 6 7 8`,
  `map update pinned {D}/h key hex 1 2 3 zz value 1 2 3 4 5 6 7 8`,
  `map update pinned {D}/h key 1 0 0 0 value 1 2 3 4 5 6 7 8 frob`,
  `map lookup pinned {D}/h`,
  `map lookup pinned {D}/h key 1 0 0 0 value 1`,
  `map lookup pinned {D}/h key -1 0 0 0`,
  `map delete pinned {D}/h`,
  // zero-seed hash: the dump order is the kernel's bucket order
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `map update pinned {D}/zs key ${i} ${i * 3} 0 0 value ${i} 0 0 0`),
  `map update pinned {D}/zs key 9 0 0 0 value 9 0 0 0`,
  `map dump pinned {D}/zs`,
  `-j map dump pinned {D}/zs`,
  `map getnext pinned {D}/zs key 1 3 0 0`,
  // array
  `map dump pinned {D}/a`,
  `map update pinned {D}/a key 2 0 0 0 value 7 0 0 0`,
  `map update pinned {D}/a key 2 0 0 0 value 7 0 0 0 noexist`,
  `map update pinned {D}/a key 4 0 0 0 value 7 0 0 0`,
  `map delete pinned {D}/a key 2 0 0 0`,
  `map lookup pinned {D}/a key 2 0 0 0`,
  `map getnext pinned {D}/a key 3 0 0 0`,
  `map getnext pinned {D}/a key 99 0 0 0`,
  `-p map dump pinned {D}/a`,
  // per-CPU
  `map update pinned {D}/pa key 1 0 0 0 value 5 6 7 8`,
  `map dump pinned {D}/pa`,
  `-p map dump pinned {D}/pa`,
  `map lookup pinned {D}/pa key 1 0 0 0`,
  `map update pinned {D}/ph key 1 0 0 0 value ${seq(20, (i) => String(i))}`,
  `map dump pinned {D}/ph`,
  `-j map lookup pinned {D}/ph key 1 0 0 0`,
  // wide keys and values: line breaks of fprint_hex
  `map update pinned {D}/big key ${seq(20, (i) => String(i + 1))} value ${seq(20, (i) => String(255 - i))}`,
  `map dump pinned {D}/big`,
  `map lookup pinned {D}/big key ${seq(20, () => '9')}`,
  `map getnext pinned {D}/big`,
  `map update pinned {D}/mid key ${seq(12, () => '1')} value ${seq(16, () => '2')}`,
  `map dump pinned {D}/mid`,
  `map update pinned {D}/lru key 1 0 0 0 0 0 0 0 value 1 0 0 0`,
  `map dump pinned {D}/lru`,
  // memlock of a map that allocates per element
  `map update pinned {D}/np key 1 0 0 0 value 1 0 0 0`,
  `map update pinned {D}/np key 2 0 0 0 value 1 0 0 0`,
  `map show pinned {D}/np`,
  `map show pinned {D}/mm`,
  // queue and stack
  `map dump pinned {D}/q`,
  `-j map dump pinned {D}/q`,
  `map peek pinned {D}/q`,
  `map pop pinned {D}/q`,
  `-j map pop pinned {D}/q`,
  `map push pinned {D}/q value 1 0 0 0`,
  `map enqueue pinned {D}/q value 2 0 0 0`,
  `map push pinned {D}/q value 3 0 0 0`,
  `map push pinned {D}/q value 4 0 0 0`,
  `map peek pinned {D}/q`,
  `-j map peek pinned {D}/q`,
  `map dequeue pinned {D}/q`,
  `map pop pinned {D}/q`,
  `map lookup pinned {D}/q key 1 0 0 0`,
  `map update pinned {D}/q key 1 0 0 0 value 1 0 0 0`,
  `map push pinned {D}/st value 1 0`,
  `map push pinned {D}/st value 2 0`,
  `map push pinned {D}/st value 3 0`,
  `map push pinned {D}/st value 3 0 exist`,
  `map pop pinned {D}/st`,
  `map delete pinned {D}/st key 1`,
  // freeze
  `map freeze pinned {D}/a`,
  `map show pinned {D}/a`,
  `-j map show pinned {D}/a`,
  `map update pinned {D}/a key 1 0 0 0 value 1 0 0 0`,
  `map freeze pinned {D}/a`,
  `-j map freeze pinned {D}/zs`,
  `map freeze pinned {D}/a extra`,
  `map freeze`,
  // pins
  `map pin pinned {D}/h {D}/h2`,
  `-f map show pinned {D}/h`,
  `-j -f map show pinned {D}/h`,
  `-f map show pinned {D}/zs`,
  `map pin pinned {D}/h {D}/h2`,
  `map pin id {id:zs} {D}/nodir/x`,
  `-j map pin pinned {D}/zs {D}/zs2`,
  // handles
  `map show id 0`,
  `map show id abc`,
  `map show id 4000000`,
  `map dump id {id:a}`,
  `map show name {N}nonexistent`,
  `-j map show name {N}nonexistent`,
  `map show name abcdefghijklmnopq`,
  `map show pinned {D}/nonexistent`,
  `map show pinned {D}`,
  `map show pinned /tmp`,
  `map show pinned /etc/passwd`,
  `map show frob 1`,
  `map show id`,
  `map dump pinned {D}/h extra`,
  `map dump`,
  `-j map dump`,
  `map lookup id`,
  `map frobnicate`,
  // create
  `map create {D}/c1 type hash key 4 value 4 entries 4`,
  `map create {D}/c1 type hash key 4 value 4 entries 4 name x type array`,
  `map create {D}/c1 type hashy key 4 value 4 entries 4 name x`,
  `map create {D}/c1 type hash key 4 key 4 entries 4 name x`,
  `map create {D}/c1 type hash key 4q value 4 entries 4 name x`,
  `map create {D}/c1 type hash key 4 value 4 entries 4 name x frob 1`,
  `map create {D}/c1 type hash key 0 value 4 entries 4 name x`,
  `map create {D}/c1 type array key 4 value 4 entries 0 name x`,
  `map create {D}/c1 type hash key 4 value 4`,
  `map create {D}/c1 type hash key 4 value 4 entries 4 name bad-name`,
  `map create {D}/h type hash key 4 value 4 entries 4 name x`,
  `-j map create {D}/c2 type hash key 4 value 4 entries 4 name ${N}c2`,
  `map create {D}/nodir/c3 type hash key 4 value 4 entries 4 name x`,
  // options, help, version, prefixes
  `map show pinned {D}/h -j`,
  `-jp map show pinned {D}/h`,
  `--json --pretty map show pinned {D}/h`,
  `--js map show pinned {D}/h`,
  `--frob map show`,
  `-j --frob map show`,
  `-x map show`,
  ``,
  `help`,
  `frob`,
  `map help`,
  `m help`,
  `-j map help`,
  `version`,
  `-V`,
  `-j version`,
]

interface Out {
  stdout: string
  stderr: string
  status: number
}

function substitute(cmd: string, ids: Record<string, number>): string[] {
  const line = cmd.replaceAll('{D}', D).replaceAll('{N}', N).replace(/\{id:(\w+)\}/g, (_, l: string) => String(ids[l]))
  return line.split(' ').filter((w) => w !== '')
}

/** Map ids of the setup maps on one side, from `-j map show pinned`. */
function idsOf(run: (argv: string[]) => Out): Record<string, number> {
  const ids: Record<string, number> = {}
  for (const [l] of SETUP) ids[l] = (JSON.parse(run(['-j', 'map', 'show', 'pinned', `${D}/${l}`]).stdout) as { id: number }).id
  return ids
}

/**
 * Differences that are not bpftool's to decide, made equal here:
 *  - map ids: the real kernel numbers maps across everything this machine ever created, the
 *    simulated one from 1; ids become the setup labels (#h, #zs, ...);
 *  - `map show` of every map: the real kernel has other maps (other tests, the system's), so
 *    only the setup maps' records are compared;
 *  - memlock, on kernels before 6.4 only: those print a page-rounded estimate instead of
 *    map_mem_usage(), which the simulator models.
 */
function normalise(o: Out, ids: Record<string, number>, cmd: string): Out {
  const label = new Map(Object.entries(ids).map(([l, id]) => [id, `#${l}`]))
  const ours = new Set(Object.values(ids))
  const rename = (s: string) =>
    s
      .replace(/^(\d+): /gm, (m, id: string) => (label.has(Number(id)) ? `${label.get(Number(id))}: ` : m))
      .replace(/"id": ?(\d+)/g, (m, id: string) => (label.has(Number(id)) ? `"id":"${label.get(Number(id))}"` : m))
      .replace(/by id \((\d+)\)/g, (m, id: string) => (label.has(Number(id)) ? `by id (${label.get(Number(id))})` : m))
  let stdout = o.stdout
  if (/^(-j )?map show$/.test(cmd)) {
    // The real bpftool reuses one struct bpf_map_info for every map of the list, and was seen
    // to print the btf_id of another program's map (listed earlier) for maps without BTF.
    stdout = stdout.replace(/\n\tbtf_id \d+/g, '').replace(/,"btf_id":\d+/g, '')
    if (cmd.startsWith('-j')) {
      stdout = JSON.stringify((JSON.parse(stdout) as { id: number }[]).filter((m) => ours.has(m.id))) + '\n'
    } else {
      const records = stdout.split(/(?=^\d+: )/m)
      stdout = records.filter((r) => ours.has(Number(/^(\d+):/.exec(r)?.[1]))).join('')
    }
  }
  // Several pins of one map: the real order follows readdir order on bpffs and the growth
  // history of libbpf's hashmap, which every other pinned object of the machine shapes.
  stdout = stdout
    .replace(/(?:\n\tpinned [^\n]*)+/g, (m) => m.split('\n\tpinned ').slice(1).sort().map((p) => `\n\tpinned ${p}`).join(''))
    .replace(/"pinned":\[([^\]]*)\]/g, (_, list: string) => `"pinned":[${list.split(',').sort().join(',')}]`)
  stdout = rename(stdout)
  let stderr = rename(o.stderr)
  if (!kernelHasMemUsage()) {
    stdout = stdout.replace(/memlock \d+B/g, 'memlock ?B').replace(/"bytes_memlock": ?\d+/g, '"bytes_memlock":"?"')
    stderr = stderr.replace(/memlock \d+B/g, 'memlock ?B')
  }
  return { stdout, stderr, status: o.status }
}

describe.skipIf(available !== true)(`bpftool on bpfplay vs bpftool on Linux${available === true ? '' : ` (skipped: ${available})`}`, () => {
  it('prints the same as the real bpftool for every command of the list', { timeout: 120_000 }, () => {
    // Real side: bpftool 7 on this kernel.
    rmSync(D, { recursive: true, force: true })
    mkdirSync(D)
    const realRun = (argv: string[]): Out => {
      const r = spawnSync('bpftool', argv, { encoding: 'utf8', cwd: '/root' })
      return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 }
    }
    // Simulated side: a kernel with as many possible CPUs as this machine (per-CPU values).
    const kernel = Kernel.create({ possibleCpus: hostPossibleCpus() })
    const shell = kernel.processCreate('sh')
    expect(kernel.sysMkdir(shell, D)).toBe(0)
    const simRun = (argv: string[]): Out => {
      const r = runBpftool(kernel, argv)
      return { stdout: r.stdout, stderr: r.stderr, status: r.exitCode }
    }
    try {
      for (const [l, args] of SETUP) {
        const argv = ['map', 'create', `${D}/${l}`, ...args.split(' ')]
        expect(realRun(argv).status, `real: bpftool ${argv.join(' ')}`).toBe(0)
        expect(simRun(argv).status, `bpfplay: bpftool ${argv.join(' ')}`).toBe(0)
      }
      const realIds = idsOf(realRun)
      const simIds = idsOf(simRun)
      const mismatches: string[] = []
      for (const cmd of COMMANDS) {
        const real = normalise(realRun(substitute(cmd, realIds)), realIds, cmd)
        const sim = normalise(simRun(substitute(cmd, simIds)), simIds, cmd)
        if (JSON.stringify(real) !== JSON.stringify(sim)) {
          mismatches.push(`$ bpftool ${cmd}\n--- real ---\n${JSON.stringify(real, null, 1)}\n--- bpfplay ---\n${JSON.stringify(sim, null, 1)}`)
        }
      }
      expect(mismatches.join('\n\n')).toBe('')
      expect(COMMANDS.length).toBeGreaterThan(150)
    } finally {
      rmSync(D, { recursive: true, force: true })
    }
  })
})
