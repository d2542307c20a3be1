#!/usr/bin/env node
// Launcher: runs the bundled CLI, rebuilding it first when src/ changed since the last build.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

const root = fileURLToPath(new URL('..', import.meta.url))
const bundle = join(root, 'dist-cli', 'bpfplay.mjs')

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)
  }
  return newest
}

const src = join(root, 'src')
const stale = !existsSync(bundle) || (existsSync(src) && newestMtime(src) > statSync(bundle).mtimeMs)
if (stale) {
  try {
    const { buildCli } = await import('../scripts/build-cli.mjs')
    await buildCli()
  } catch (e) {
    if (!existsSync(bundle)) {
      console.error(`bpfplay: cannot build the CLI bundle: ${e.message}`)
      process.exit(70)
    }
  }
}
// A reader that goes away (`bpfplay ... | head`) ends the output quietly (a C tool dies of SIGPIPE).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(0)
    throw e
  })
}
await import(bundle)
