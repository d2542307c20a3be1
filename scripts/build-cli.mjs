// Bundles the headless CLI (and its process worker) with esbuild into dist-cli/.
// bin/bpfplay.mjs calls this when the bundle is missing or older than src/.
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

export async function buildCli() {
  await build({
    absWorkingDir: root,
    entryPoints: { bpfplay: 'src/cli/main.ts', 'process-worker': 'src/cli/process-worker.ts', 'xdp-cpu-worker': 'src/xdp/cpu-worker.ts' },
    outdir: 'dist-cli',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildCli()
}
