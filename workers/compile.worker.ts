/**
 * Browser worker entry: the C compiler. Compiling never runs on the main thread, so a large
 * program or a compiler bug cannot freeze the page. No logic here: `compile` from src/lang,
 * and for an XDP program to load, the verifier-like checks of src/xdp/checks.ts as well.
 */
import * as Comlink from 'comlink'
import { compile } from '../src/lang/compile'
import type { CompileOptions, CompileResult } from '../src/lang/api'
import type { BpfObjectFile } from '../src/runtime/libbpf-object'
import { checkProgram, verifierRefusal, type Finding } from '../src/xdp/checks'

export interface XdpCompileResult {
  result: CompileResult
  /** Verifier-like refusals (empty when the program would load, or did not compile). */
  findings: Finding[]
  /** How bpf_object__load fails for it (libbpf-object.ts), when the checks refuse it. */
  refusal?: BpfObjectFile['refusal']
}

const api = {
  compile(source: string, opts: CompileOptions): CompileResult {
    return compile(source, opts)
  },

  /** Compiles for the bpf target and runs the checks the kernel's verifier would. */
  compileXdp(source: string, filename: string): XdpCompileResult {
    const result = compile(source, { filename, target: 'bpf' })
    const findings = result.program ? checkProgram(source, result.program) : []
    return { result, findings, refusal: result.program ? verifierRefusal(result.program, findings) : undefined }
  },
}

export type CompileWorkerApi = typeof api

Comlink.expose(api)
