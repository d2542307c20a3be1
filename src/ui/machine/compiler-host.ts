/**
 * The page's handle on the compiler worker. Compiling is a request/response over comlink; the
 * host adds what comlink lacks: a worker whose script fails to load or that crashes rejects
 * the pending calls (comlink would wait forever), and a compile that never finishes (a
 * compiler bug) is cut off, the worker replaced, and the caller told so.
 */
import * as Comlink from 'comlink'
import type { CompileOptions, CompileResult } from '../../lang/api'
import type { CompileWorkerApi, XdpCompileResult } from '../../../workers/compile.worker'

const COMPILE_TIMEOUT_MS = 15_000

export class CompilerHost {
  private worker: Worker | null = null
  private api: Comlink.Remote<CompileWorkerApi> | null = null
  private readonly pending = new Set<(e: Error) => void>()
  /**
   * The last compile of each kind (target, hooks, file): the toolbar's load, a Run's
   * bpf_object__open, Step packet and the first visit's demo often ask for the same text in a row.
   */
  private readonly last = new Map<string, { source: string; result: Promise<unknown> }>()

  private spawn(): Comlink.Remote<CompileWorkerApi> {
    if (this.api) return this.api
    const worker = new Worker(new URL('../../../workers/compile.worker.ts', import.meta.url), { type: 'module', name: 'compiler' })
    worker.addEventListener('error', (ev) => {
      ev.preventDefault()
      this.fail(new Error(`the compiler worker failed to start${ev.message ? `: ${ev.message}` : ''}`))
    })
    this.worker = worker
    this.api = Comlink.wrap<CompileWorkerApi>(worker)
    return this.api
  }

  /** Rejects every pending compile and drops the worker; the next compile starts a new one. */
  private fail(err: Error): void {
    this.worker?.terminate()
    this.api?.[Comlink.releaseProxy]()
    this.worker = null
    this.api = null
    for (const reject of [...this.pending]) reject(err)
    this.pending.clear()
  }

  compile(source: string, opts: CompileOptions): Promise<CompileResult> {
    return this.cached(`compile ${JSON.stringify(opts)}`, source, () => this.call((api) => api.compile(source, opts)))
  }

  /** An XDP program: compiled for the bpf target, with the verifier-like checks. */
  compileXdp(source: string, filename: string): Promise<XdpCompileResult> {
    return this.cached(`xdp ${filename}`, source, () => this.call((api) => api.compileXdp(source, filename)))
  }

  /** The result of the last compile of this kind when it was of the same text (a failed call is not kept). */
  private cached<T>(kind: string, source: string, compile: () => Promise<T>): Promise<T> {
    const last = this.last.get(kind)
    if (last && last.source === source) return last.result as Promise<T>
    const entry = { source, result: compile() }
    this.last.set(kind, entry)
    entry.result.catch(() => {
      if (this.last.get(kind) === entry) this.last.delete(kind)
    })
    return entry.result
  }

  private call<T>(f: (api: Comlink.Remote<CompileWorkerApi>) => Promise<T>): Promise<T> {
    const api = this.spawn()
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new Error(`the compiler did not finish within ${COMPILE_TIMEOUT_MS / 1000} s`)), COMPILE_TIMEOUT_MS)
      const settle = () => {
        clearTimeout(timer)
        this.pending.delete(reject)
      }
      this.pending.add(reject)
      f(api).then(
        (r) => {
          settle()
          resolve(r)
        },
        (e: unknown) => {
          settle()
          reject(e instanceof Error ? e : new Error(String(e)))
        },
      )
    })
  }

  /** Starts the worker ahead of the first compile (the module takes a moment to load). */
  warmUp(): void {
    this.spawn()
  }
}

/** The page's compiler (one worker). */
export const compiler = new CompilerHost()
