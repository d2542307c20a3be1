/**
 * Browser worker entry: the NIC (eth0) and the toolbar's XDP loader, one per boot
 * (src/xdp/browser-nic.ts, src/xdp/browser-loader.ts). Commands come through comlink; the
 * traffic loop runs between them on this worker's event loop, never on the page's thread.
 */
import '../src/ui/platform/shared-text-decoder'
import * as Comlink from 'comlink'
import { Kernel } from '../src/kernel/kernel'
import type { Program } from '../src/lang/api'
import type { Finding } from '../src/xdp/checks'
import { HostXdpLoader, type HostLoadResult, type HostLoaderState } from '../src/xdp/browser-loader'
import { BrowserNic, type SteppedFrame, type TakenFrame, type TrafficSpec } from '../src/xdp/browser-nic'
import { XdpStats } from '../src/xdp/browser-stats'

let kernel: Kernel | null = null
let stats: XdpStats | null = null
let nic: BrowserNic | null = null
let loader: HostXdpLoader | null = null

function need<T>(x: T | null, what: string): T {
  if (x === null) throw new Error(`NIC worker: ${what} first`)
  return x
}

const api = {
  init(sab: SharedArrayBuffer, statsSab: SharedArrayBuffer): void {
    if (kernel) throw new Error('NIC worker already has a kernel')
    kernel = Kernel.attach(sab)
    stats = new XdpStats(statsSab)
    loader = new HostXdpLoader(kernel)
  },

  /** RX queues for `cpus` CPUs and frames up to maxFrame bytes; their kernel addresses. */
  placeQueues(cpus: number, maxFrame: number): number[] {
    nic = new BrowserNic(need(kernel, 'init'), need(stats, 'init'), cpus)
    return nic.placeQueues(maxFrame)
  },

  setTraffic(spec: TrafficSpec): void {
    need(nic, 'placeQueues').setTraffic(spec)
  },
  start(rate: number): void {
    need(nic, 'placeQueues').start(rate)
  },
  setRate(rate: number): void {
    need(nic, 'placeQueues').setRate(rate)
  },
  async stop(): Promise<void> {
    await nic?.stop()
  },
  step(): SteppedFrame {
    return need(nic, 'placeQueues').step()
  },
  /** The next frame for the single-packet debugger (not queued to a CPU). */
  takeFrame(): TakenFrame {
    return need(nic, 'placeQueues').takeFrame()
  },
  /** The CPUs drain their queues and end; call freeQueues once they have. */
  async closeQueues(): Promise<void> {
    if (!nic) return
    await nic.stop()
    nic.closeQueues()
  },
  freeQueues(): void {
    nic?.freeQueues()
    nic = null
  },

  load(program: Program, objectKey: string, findings: Finding[]): HostLoadResult {
    return need(loader, 'init').load(program, objectKey, findings)
  },
  attach(ifindex: number): number {
    return need(loader, 'init').attach(ifindex)
  },
  detach(): void {
    loader?.detach()
  },
  unload(): void {
    loader?.unload()
  },
  loaderState(): HostLoaderState | null {
    return loader?.state ?? null
  },
}

export type NicWorkerApi = typeof api

Comlink.expose(api)
