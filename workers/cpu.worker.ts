/**
 * Browser worker entry: one simulated CPU (src/xdp/browser-cpu.ts). Plain messages, no comlink:
 * the CPU loop blocks on its RX queue and answers nothing while it runs; it only posts (trace
 * lines, faults, done) and takes newly compiled programs when the objects-version word says so.
 */
import '../src/ui/platform/shared-text-decoder'
import { BrowserCpu, type FromCpu, type ToCpu } from '../src/xdp/browser-cpu'

let cpu: BrowserCpu | null = null
let waiting: { version: number; resolve: () => void } | null = null

const post = (msg: FromCpu) => postMessage(msg)

addEventListener('message', (ev: MessageEvent<ToCpu>) => {
  const msg = ev.data
  if (msg.kind === 'init') {
    if (cpu) return
    cpu = new BrowserCpu(msg, {
      post,
      objectsFor: (version) =>
        new Promise<void>((resolve) => {
          if (cpu!.version >= version) resolve()
          else waiting = { version, resolve }
        }),
    })
    cpu.run().catch((e: unknown) => post({ kind: 'error', cpu: msg.cpu, message: e instanceof Error ? (e.stack ?? e.message) : String(e) }))
  } else if (msg.kind === 'objects' && cpu) {
    cpu.addObjects(msg)
    if (waiting && cpu.version >= waiting.version) {
      waiting.resolve()
      waiting = null
    }
  }
})
