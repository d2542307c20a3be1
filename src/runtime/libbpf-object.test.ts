/**
 * The libbpf object API against libbpf 1.1 on Linux: tests/xdp/object_api_conventions.c prints
 * the return value and errno of every function on its success and error paths; its output
 * under bpfplay must equal the output recorded from gcc + libbpf + Linux 6.18
 * (tests/xdp/object_api_conventions.out / .err, the verifier log elided), and, where bpf()
 * works here, the recording is re-checked against the real thing. The rest: how objects are
 * found, stale handles, pinning, and what the kernel's program table holds before and after
 * load, attach, detach and exit.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { Kernel } from '../kernel/kernel'
import type { Program } from '../lang/api'
import { compile, formatDiagnostic } from '../lang/compile'
import { checkProgram, verifierRefusal } from '../xdp/checks'
import { realKernelAvailable } from '../../tests/real-kernel'
import { resolveObject, type BpfObjectTable } from './libbpf-object'
import { Process, StopRequest } from './process'
import { scratchDir } from '../../tests/scratch-dir'

/** Files of tests/xdp; the xdp-tutorial program itself is the playground's example (public/examples/xdp). */
const xdpTests = (name: string) =>
  fileURLToPath(new URL(name === 'xdp_prog_kern.c' ? `../../public/examples/xdp/${name}` : `../../tests/xdp/${name}`, import.meta.url))
const text = (name: string) => readFileSync(xdpTests(name), 'utf8')

function build(file: string, source: string, target: 'bpf' | 'user'): Program {
  const r = compile(source, { filename: file, target })
  if (!r.program) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'))
  return r.program
}

/** The host's object table: the tutorial program and the one the checks refuse. */
function objects(): BpfObjectTable {
  const good = build('xdp_prog_kern.c', text('xdp_prog_kern.c'), 'bpf')
  const refusedSource = text('refused_kern.c')
  const refused = build('refused_kern.c', refusedSource, 'bpf')
  return {
    'xdp_prog_kern.o': { program: good, refusal: verifierRefusal(good, checkProgram(text('xdp_prog_kern.c'), good)) },
    'refused_kern.o': { program: refused, refusal: verifierRefusal(refused, checkProgram(refusedSource, refused)) },
  }
}

interface Run {
  out: string
  err: string
  exit: number
}

/** Runs a userspace program in this thread on `kernel`; sleep() calls `onSleep` (which may stop it). */
function run(kernel: Kernel, source: string, opts: { argv?: string[]; table?: BpfObjectTable; onSleep?: (n: number) => void } = {}): Run {
  const program = build('user.c', source, 'user')
  const out: Uint8Array[] = []
  const err: Uint8Array[] = []
  let sleeps = 0
  const proc = new Process(kernel, program, { write: (fd, b) => (fd === 1 ? out : err).push(b) }, {
    argv: opts.argv,
    bpfObjects: opts.table ?? objects(),
    sleep: () => opts.onSleep?.(++sleeps),
  })
  const r = proc.run()
  return { out: Buffer.concat(out).toString(), err: Buffer.concat(err).toString(), exit: r.exitCode }
}

/** The verifier log's body differs (instructions vs source lines): compare around it. */
function elideLog(stderr: string): string {
  return stderr.replace(/(-- BEGIN PROG LOAD LOG --\n)[^]*?(-- END PROG LOAD LOG --)/g, '$1...\n$2')
}

describe('libbpf object API conventions (recorded from libbpf 1.1.2 on Linux 6.18)', () => {
  it('prints what real libbpf prints, return values, errno and warnings', () => {
    const kernel = Kernel.create({ possibleCpus: 4 })
    const r = run(kernel, text('object_api_conventions.c'), { argv: ['conv', 'xdp_prog_kern.o', 'refused_kern.o', '1'] })
    expect(r.exit).toBe(0)
    expect(r.out).toBe(text('object_api_conventions.out'))
    expect(elideLog(r.err)).toBe(text('object_api_conventions.err'))
    // the refusal shows bpfplay's verifier-like message for the line
    expect(r.err).toContain("refused_kern.c:18:9: R0 invalid mem access 'map_value_or_null'")
  })

  const real = realKernelAvailable()
  const clang = spawnSync('clang', ['--version']).status === 0
  it.skipIf(real !== true || !clang)(`the recording still matches gcc + libbpf + this kernel${real === true ? (clang ? '' : ' (skipped: no clang)') : ` (skipped: ${real})`}`, () => {
    const dir = scratchDir('objapi')
    const inc = ['-I/usr/include/x86_64-linux-gnu']
    for (const n of ['xdp_prog_kern', 'refused_kern']) execFileSync('clang', ['-O2', '-g', '-target', 'bpf', ...inc, '-c', xdpTests(`${n}.c`), '-o', join(dir, `${n}.o`)])
    execFileSync('cc', ['-o', join(dir, 'conv'), xdpTests('object_api_conventions.c'), '-lbpf'])
    // Attaches to lo for a moment (ifindex 1): a program that passes every packet.
    const r = spawnSync(join(dir, 'conv'), ['xdp_prog_kern.o', 'refused_kern.o', '1'], { cwd: dir, encoding: 'utf8' })
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(text('object_api_conventions.out'))
    expect(elideLog(r.stderr)).toBe(text('object_api_conventions.err'))
  })
})

const STATS_LOOP = `#include <stdio.h>
#include <unistd.h>
#include <net/if.h>
#include <bpf/libbpf.h>
int main(void) {
	struct bpf_object *obj = bpf_object__open_file("xdp_prog_kern.o", NULL);
	if (!obj || bpf_object__load(obj)) return 1;
	struct bpf_program *prog = bpf_object__find_program_by_name(obj, "xdp_stats1_func");
	struct bpf_link *link = bpf_program__attach_xdp(prog, if_nametoindex("eth0"));
	if (!link) return 2;
	printf("attached, map fd %d\\n", bpf_map__fd(bpf_object__find_map_by_name(obj, "xdp_stats_map")));
	while (1) sleep(1);
}
`

describe('bpf_object__open_file finds the host objects', () => {
  const table: BpfObjectTable = { 'xdp_prog_kern.o': objects()['xdp_prog_kern.o'] }

  it('by name, by path, or the only object for any other .o name', () => {
    expect(resolveObject(table, 'xdp_prog_kern.o')).toBe('xdp_prog_kern.o')
    expect(resolveObject(table, './build/xdp_prog_kern.o')).toBe('xdp_prog_kern.o')
    expect(resolveObject(table, 'basic03.o')).toBe('xdp_prog_kern.o')
    expect(resolveObject(table, 'xdp_prog_kern.c')).toBeNull()
    expect(resolveObject({ ...table, 'other.o': table['xdp_prog_kern.o'] }, 'basic03.o')).toBeNull()
  })

  it('names the object after the file up to its first dot, or opts->object_name', () => {
    const kernel = Kernel.create({ possibleCpus: 2 })
    const r = run(
      kernel,
      `#include <stdio.h>
#include <bpf/libbpf.h>
int main(void) {
	LIBBPF_OPTS(bpf_object_open_opts, opts, .object_name = "stats");
	printf("%s %s\\n", bpf_object__name(bpf_object__open_file("dir/my.prog.o", NULL)), bpf_object__name(bpf_object__open_file("x.o", &opts)));
	return 0;
}
`,
      { table },
    )
    expect(r.err).toBe('')
    expect(r.out).toBe('my stats\n')
  })
})

describe('handles', () => {
  it('a handle used after bpf_object__close is a segmentation fault naming the call', () => {
    const kernel = Kernel.create({ possibleCpus: 2 })
    const r = run(
      kernel,
      `#include <bpf/libbpf.h>
int main(void) {
	struct bpf_object *obj = bpf_object__open_file("xdp_prog_kern.o", NULL);
	struct bpf_map *map = bpf_object__find_map_by_name(obj, "xdp_stats_map");
	bpf_object__close(obj);
	return bpf_map__fd(map);
}
`,
    )
    expect(r.exit).toBe(139)
    expect(r.err).toMatch(/^Segmentation fault \(bpf_map__fd: 0x[0-9a-f]+ is not a live struct bpf_map \(freed by bpf_object__close\?\), at user\.c:6:\d+\)$/m)
  })

  it('bpf_map__name(NULL) crashes as in libbpf (it dereferences the map)', () => {
    const r = run(Kernel.create({ possibleCpus: 2 }), `#include <bpf/libbpf.h>\nint main(void) { return bpf_map__name(NULL)[0]; }\n`)
    expect(r.exit).toBe(139)
  })
})

describe('the kernel side of load, attach and exit', () => {
  it('load creates the maps as fds of the process and registers the program; attach sets eth0; exit detaches and frees', () => {
    const kernel = Kernel.create({ possibleCpus: 4 })
    let during: { progs: ReturnType<Kernel['programs']>; devs: ReturnType<Kernel['netdevs']>; links: ReturnType<Kernel['links']>; maps: ReturnType<Kernel['maps']> } | undefined
    const r = run(kernel, STATS_LOOP, {
      onSleep: () => {
        during = { progs: kernel.programs(), devs: kernel.netdevs(), links: kernel.links(), maps: kernel.maps() }
        throw new StopRequest('enough', 'SIGINT')
      },
    })
    expect(r.exit).toBe(130)
    expect(r.err).toBe('^C\n')
    expect(r.out).toBe('attached, map fd 3\n')
    const { progs, devs, links, maps } = during!
    expect(maps.map((m) => ({ name: m.name, fds: m.fds.map((f) => f.fd) }))).toEqual([{ name: 'xdp_stats_map', fds: [3] }])
    expect(progs).toHaveLength(1)
    expect(progs[0]).toMatchObject({ name: 'xdp_stats1_func', entry: 'xdp_stats1_func', object: 'xdp_prog_kern.o', type: 6, mapIds: [maps[0].id], attachedTo: [2], refs: 2 })
    expect(progs[0].fds.map((f) => f.fd)).toEqual([4])
    expect(links).toEqual([{ id: 1, progId: progs[0].id, ifindex: 2, attachType: 37, attached: true, fds: [{ pid: progs[0].loaderPid, fd: 5 }] }])
    expect(devs.find((d) => d.name === 'eth0')).toEqual({ ifindex: 2, name: 'eth0', xdpProgId: progs[0].id, xdpLinkId: 1 })
    // The process is gone: its link fd closed (detach), its program and map fds too.
    expect(kernel.netdevs().every((d) => d.xdpProgId === 0 && d.xdpLinkId === 0)).toBe(true)
    expect(kernel.programs()).toEqual([])
    expect(kernel.links()).toEqual([])
    expect(kernel.maps()).toEqual([])
  })

  it('bpf_link__destroy detaches, the program can be attached again, bpf_object__close unloads', () => {
    const kernel = Kernel.create({ possibleCpus: 2 })
    const seen: string[] = []
    const attached = () => kernel.netdevs().find((d) => d.ifindex === 2)!.xdpProgId
    const r = run(
      kernel,
      `#include <unistd.h>
#include <bpf/libbpf.h>
int main(void) {
	struct bpf_object *obj = bpf_object__open_file("xdp_prog_kern.o", NULL);
	bpf_object__load(obj);
	struct bpf_program *prog = bpf_object__find_program_by_name(obj, "xdp_stats1_func");
	struct bpf_link *link = bpf_program__attach_xdp(prog, 2);
	sleep(1);
	bpf_link__destroy(link);
	sleep(1);
	link = bpf_program__attach_xdp(prog, 2);
	sleep(1);
	bpf_object__close(obj);
	sleep(1);
	bpf_link__destroy(link);
	sleep(1);
	return 0;
}
`,
      { onSleep: () => seen.push(`eth0 ${attached()} progs ${kernel.programs().length} maps ${kernel.maps().length}`) },
    )
    expect(r.exit).toBe(0)
    expect(r.err).toBe('')
    expect(seen).toEqual([
      'eth0 1 progs 1 maps 1',
      'eth0 0 progs 1 maps 1',
      'eth0 1 progs 1 maps 1',
      // closed object: the link still holds the program (and it the map), as in the kernel
      'eth0 1 progs 1 maps 1',
      'eth0 0 progs 0 maps 0',
    ])
  })

  it('pinned maps are reused by a second load and outlive the process', () => {
    const kernel = Kernel.create({ possibleCpus: 2 })
    const table = objects()
    const source = text('xdp_prog_kern.c').replace('__uint(max_entries, XDP_ACTION_MAX);', '__uint(max_entries, XDP_ACTION_MAX);\n\t__uint(pinning, LIBBPF_PIN_BY_NAME);')
    table['xdp_prog_kern.o'] = { program: build('xdp_prog_kern.c', source, 'bpf') }
    const user = `#include <stdio.h>
#include <bpf/libbpf.h>
int main(void) {
	struct bpf_object *obj = bpf_object__open_file("xdp_prog_kern.o", NULL);
	struct bpf_map *map = bpf_object__find_map_by_name(obj, "xdp_stats_map");
	printf("%s pinned %d ", bpf_map__pin_path(map), bpf_map__is_pinned(map));
	int err = bpf_object__load(obj);
	printf("load %d pinned %d\\n", err, bpf_map__is_pinned(map));
	return 0;
}
`
    expect(run(kernel, user, { table }).out).toBe('/sys/fs/bpf/xdp_stats_map pinned 0 load 0 pinned 1\n')
    const id = kernel.maps()[0].id
    expect(run(kernel, user, { table }).out).toBe('/sys/fs/bpf/xdp_stats_map pinned 0 load 0 pinned 1\n')
    expect(kernel.maps().map((m) => [m.id, m.pins])).toEqual([[id, ['/sys/fs/bpf/xdp_stats_map']]])
  })

  it('a failed load removes the pins it made and closes the maps', () => {
    const kernel = Kernel.create({ possibleCpus: 2 })
    const table = objects()
    const source = text('refused_kern.c').replace('__uint(max_entries, 5);', '__uint(max_entries, 5);\n\t__uint(pinning, LIBBPF_PIN_BY_NAME);')
    const program = build('refused_kern.c', source, 'bpf')
    table['refused_kern.o'] = { program, refusal: verifierRefusal(program, checkProgram(source, program)) }
    const r = run(kernel, `#include <bpf/libbpf.h>\nint main(void) { return -bpf_object__load(bpf_object__open_file("refused_kern.o", NULL)); }\n`, { table })
    expect(r.exit).toBe(13)
    expect(r.err).toContain("libbpf: failed to load object 'refused_kern.o'")
    expect(kernel.maps()).toEqual([])
    expect(kernel.bpffs().filter((e) => e.kind === 'map')).toEqual([])
  })
})
