/**
 * Can this machine run the real bpf() syscall? Tests and benchmarks that compare with the
 * kernel ask here and skip with the reason when it cannot.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { scratchDir } from './scratch-dir'

let cached: true | string | undefined

/** true, or why not. */
export function realKernelAvailable(): true | string {
  if (cached !== undefined) return cached
  cached = probe()
  return cached
}

function probe(): true | string {
  if (process.platform !== 'linux') return `not Linux (${process.platform})`
  if (!existsSync('/usr/include/bpf/bpf.h')) return 'libbpf-dev is not installed (no /usr/include/bpf/bpf.h)'
  const dir = scratchDir('probe')
  const src = join(dir, 'probe.c')
  writeFileSync(
    src,
    '#include <bpf/bpf.h>\n#include <stdio.h>\n#include <errno.h>\n#include <string.h>\nint main(void){int fd=bpf_map_create(BPF_MAP_TYPE_ARRAY,"probe",4,4,1,NULL);if(fd<0){printf("%s\\n",strerror(errno));return 1;}return 0;}\n',
  )
  try {
    execFileSync('cc', ['-o', join(dir, 'probe'), src, '-lbpf'], { stdio: 'pipe' })
  } catch (e) {
    return `cannot build with cc and libbpf: ${(e as { stderr?: Buffer }).stderr?.toString().trim() ?? e}`
  }
  const r = spawnSync(join(dir, 'probe'), { encoding: 'utf8' })
  if (r.status !== 0) return `bpf() is not usable here: bpf_map_create failed: ${r.stdout.trim() || r.stderr.trim()}`
  return true
}

/** Mounts bpffs at /sys/fs/bpf when it is not mounted yet. true, or why it could not. */
export function ensureBpffs(): true | string {
  const mounts = spawnSync('mount', { encoding: 'utf8' }).stdout ?? ''
  if (/ \/sys\/fs\/bpf type bpf /.test(mounts)) return true
  const r = spawnSync('mount', ['-t', 'bpf', 'bpf', '/sys/fs/bpf'], { encoding: 'utf8' })
  return r.status === 0 ? true : `cannot mount bpffs: ${r.stderr.trim()}`
}
