/**
 * Browser worker entry: the C compiler. Compiling never runs on the main thread, so a large
 * program or a compiler bug cannot freeze the page. No logic here: `compile` from src/lang.
 */
import * as Comlink from 'comlink'
import { compile } from '../src/lang/compile'
import type { CompileOptions, CompileResult } from '../src/lang/api'

const api = {
  compile(source: string, opts: CompileOptions): CompileResult {
    return compile(source, opts)
  },
}

export type CompileWorkerApi = typeof api

Comlink.expose(api)
