/**
 * The toolbar's "Load XDP" / "Attach XDP" / "Detach": what `ip link set dev eth0 xdp obj
 * xdp_prog.o` or xdp-loader do on Linux, on the simulated kernel, from the NIC worker (a kernel
 * call may take a lock, which the page's thread must never wait for).
 *
 * Loading goes through a process of its own, `xdp-loader`, the way libbpf loads an object:
 * maps created with real BPF_MAP_CREATE calls (pinned or reused by name when the program asks,
 * object-load.ts), the data segment placed and its `&map` slots filled, then BPF_PROG_LOAD
 * (progs.ts) with the object key under which the page gave the CPUs the compiled program. The
 * loader then closes its map fds (the program holds its maps, as after `ip link ... xdp obj`)
 * and stays alive holding the program fd, and once attached the bpf_link fd: in this kernel
 * attachments are links, so something must hold the link. Detach closes the link fd; Unload
 * ends the process, which closes everything it held.
 *
 * A program the verifier-like checks refuse is not loaded; the messages read as libbpf's do in
 * the CLI (src/cli/xdp.ts).
 */
import { NULL_GUARD } from '../lang/abi'
import type { Program } from '../lang/api'
import type { Kernel } from '../kernel/kernel'
import { BPF_PROG_TYPE_XDP } from '../kernel/progs'
import { Errno } from '../kernel/uapi'
import { strerror } from '../runtime/libc/errno'
import { Memory } from '../runtime/memory'
import { userMemoryOf } from '../runtime/user-memory'
import type { Finding } from './checks'
import { checkImports, createMaps, DEFAULT_PIN_ROOT, fillMapSlots, findEntries, LoadError, pickEntry, placeData, releaseMaps, SyscallPort, type CreatedMap } from './object-load'

export interface HostLoadResult {
  ok: boolean
  /** Lines for the console, libbpf's words. */
  log: string[]
  progId?: number
  progName?: string
  maps?: { name: string; id: number; pinPath?: string; reused: boolean }[]
}

export interface HostLoaderState {
  pid: number
  progId: number
  progName: string
  /** Link id while attached. */
  linkId: number
  ifindex: number
}

export class HostXdpLoader {
  private pid = -1
  private progFd = -1
  private linkFd = -1
  private progId = 0
  private progName = ''
  private ifindex = 0

  constructor(private readonly kernel: Kernel) {}

  get state(): HostLoaderState | null {
    if (this.pid < 0) return null
    const link = this.linkFd >= 0 ? this.kernel.links().find((l) => l.fds.some((f) => f.pid === this.pid && f.fd === this.linkFd)) : undefined
    return { pid: this.pid, progId: this.progId, progName: this.progName, linkId: link?.id ?? 0, ifindex: link ? this.ifindex : 0 }
  }

  /** Loads `program` (compiled for the bpf target) registered with the CPUs as `objectKey`. Unloads the previous one first. */
  load(program: Program, objectKey: string, findings: readonly Finding[], entry?: string): HostLoadResult {
    this.unload()
    const log: string[] = []
    let name = '?'
    try {
      const fn = pickEntry({ entries: findEntries(program), program }, entry)
      name = fn.name
      checkImports(program)
    } catch (e) {
      if (!(e instanceof LoadError)) throw e
      return { ok: false, log: [e.message] }
    }
    if (findings.length > 0) {
      const errno = findings.some((f) => f.kind === 'loop' && f.message.startsWith('BPF program is too large')) ? Errno.E2BIG : Errno.EACCES
      log.push(`libbpf: prog '${name}': BPF program load failed: ${strerror(errno)}`)
      for (const f of findings) log.push(`${f.pos.file}:${f.pos.line}:${f.pos.col}: ${f.message.replace(/\n/g, '\n    ')}\n  ${f.explanation}`)
      return { ok: false, log }
    }
    const k = this.kernel
    const pid = k.processCreate('xdp-loader')
    const mem = new Memory(new ArrayBuffer(NULL_GUARD + 8192))
    const port = new SyscallPort({ kernel: k, pid, cpu: 0, mem, user: userMemoryOf(mem), attrAddr: NULL_GUARD, stringsAddr: NULL_GUARD + 1024 })
    let created: CreatedMap[] = []
    try {
      created = createMaps(k, port, program, DEFAULT_PIN_ROOT, log)
      const dataAddr = placeData(k, program)
      fillMapSlots(k, dataAddr, created)
      const fd = k.progTable.load(pid, { type: BPF_PROG_TYPE_XDP, name, entry: name, object: objectKey, dataAddr, mapIds: created.map((m) => m.id) })
      if (fd < 0) throw new LoadError(`libbpf: prog '${name}': BPF program load failed: ${strerror(-fd)}`, -fd)
      // The program holds its maps now; the loader keeps only the program (and later the link).
      for (const m of created) port.close(m.fd)
      this.pid = pid
      this.progFd = fd
      this.progName = name
      this.progId = k.programs().find((p) => p.fds.some((f) => f.pid === pid && f.fd === fd))?.id ?? 0
      return {
        ok: true,
        log,
        progId: this.progId,
        progName: name,
        maps: created.map((m) => ({ name: m.decl.name, id: m.id, pinPath: m.pinPath, reused: m.reused })),
      }
    } catch (e) {
      if (!(e instanceof LoadError)) {
        k.processExit(pid)
        throw e
      }
      releaseMaps(port, created)
      k.processExit(pid)
      return { ok: false, log: [...log, ...e.message.split('\n')] }
    }
  }

  /** Attaches the loaded program to `ifindex` with a bpf_link. 0 or -errno (EBUSY: something is attached). */
  attach(ifindex: number): number {
    if (this.pid < 0) return -Errno.EBADF
    if (this.linkFd >= 0) return -Errno.EBUSY
    const fd = this.kernel.progTable.linkCreateXdp(this.pid, this.progFd, ifindex)
    if (fd < 0) return fd
    this.linkFd = fd
    this.ifindex = ifindex
    return 0
  }

  /** Closes the link: the interface has no program from the CPUs' next poll on. */
  detach(): void {
    if (this.pid < 0 || this.linkFd < 0) return
    this.kernel.sysClose(this.pid, this.linkFd)
    this.linkFd = -1
    this.ifindex = 0
  }

  /** Ends the loader process: link and program fds close; the program goes once no CPU runs it. */
  unload(): void {
    if (this.pid < 0) return
    this.kernel.processExit(this.pid)
    this.pid = -1
    this.progFd = -1
    this.linkFd = -1
    this.progId = 0
    this.progName = ''
    this.ifindex = 0
  }
}
