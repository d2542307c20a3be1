/**
 * Which maps a process's close(fd) calls and its exit freed, and what they held just before.
 * A short program builds a map, prints, closes the fd and exits, all between two frames of
 * the inspector; without this the learner would never see the map. The process worker wraps
 * the kernel it hands to the process with `observeFreedMaps`; the page shows these maps,
 * marked as freed, until the next run.
 *
 * Only observation: the wrapped kernel behaves exactly like the real one. Each close of a map
 * fd costs two snapshots, so a program closing maps in a tight loop is observed for its first
 * `limit` closes only.
 */
import type { KernelApi, MapSnapshot } from '../kernel/api'
import { withOverrides } from './kernel-proxy'

export type FreedHow = 'close' | 'exit'

export interface FreedMap {
  how: FreedHow
  /** The map's last state, read just before the close or exit that freed it. */
  snap: MapSnapshot
}

export function observeFreedMaps<K extends KernelApi>(kernel: K, report: (pid: number, freed: FreedMap[]) => void, limit = 64): K {
  let budget = limit
  const diff = <T>(how: FreedHow, pid: number, fd: number | null, act: () => T): T => {
    if (budget <= 0) return act()
    let before: MapSnapshot[] = []
    try {
      before = kernel.maps()
    } catch {
      return act()
    }
    // close(fd) of something that is not a map fd frees no map: skip the second look.
    if (fd !== null && !before.some((m) => m.fds.some((f) => f.pid === pid && f.fd === fd))) return act()
    const result = act()
    try {
      budget--
      const alive = new Set(kernel.maps().map((m) => m.id))
      const freed = before.filter((m) => !alive.has(m.id)).map((snap) => ({ how, snap }))
      if (freed.length) report(pid, freed)
    } catch {
      // An observer problem must never change what the program sees.
    }
    return result
  }
  const sysClose = (pid: number, fd: number) => diff('close', pid, fd, () => kernel.sysClose(pid, fd))
  const processExit = (pid: number) => diff('exit', pid, null, () => kernel.processExit(pid))
  return withOverrides(kernel, { sysClose, processExit } as Partial<Record<keyof K, unknown>>)
}
