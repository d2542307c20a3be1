/**
 * `npm run bench:ui`: how the page holds up with XDP traffic at full rate, measured in Debian's
 * Chromium by Playwright (a script, not a test: it prints numbers next to their targets).
 *
 *  - main-thread frames per second (requestAnimationFrame over MEASURE_MS) with 4 CPUs at max rate
 *  - view updates per second of the XDP CPU panel over the same time
 *  - packets per second the CPUs processed meanwhile (for context)
 *  - first contentful paint of the page (fresh load)
 *  - gzipped size of the JavaScript the page loads before Monaco (entry chunk and its static imports)
 *
 * It serves dist/ with `vite preview` (build first: the npm script does).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'

const PORT = 4179
const URL_ = `http://localhost:${PORT}/`
const MEASURE_MS = 5000
const WARMUP_MS = 1500
const DIST = resolve('dist')

const TARGETS = { fps: 55, updates: 10, initialKb: 300 }

function startServer(): ChildProcess {
  return spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true })
}

async function waitForServer(ms = 30_000): Promise<void> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    try {
      const r = await fetch(URL_)
      if (r.ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`vite preview did not answer on ${URL_}`)
}

/** The entry chunk of dist/index.html and every chunk it imports statically (not Monaco: it is a dynamic import). */
function initialJs(): { files: string[]; gzipBytes: number; rawBytes: number } {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8')
  const entries = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1])
  const seen = new Set<string>()
  const queue = entries.map((e) => resolve(DIST, e))
  while (queue.length) {
    const file = queue.shift()!
    if (seen.has(file) || !existsSync(file)) continue
    seen.add(file)
    const code = readFileSync(file, 'utf8')
    // Static imports only: `import ... from "./x.js"` / `import "./x.js"`; `import("./x.js")` is lazy.
    for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) queue.push(resolve(dirname(file), m[1]))
  }
  let gzipBytes = 0
  let rawBytes = 0
  for (const f of seen) {
    const b = readFileSync(f)
    rawBytes += b.length
    gzipBytes += gzipSync(b, { level: 9 }).length
  }
  return { files: [...seen].map((f) => f.slice(DIST.length + 1)), gzipBytes, rawBytes }
}

function row(name: string, value: string, target: string, ok: boolean | null): string {
  const verdict = ok === null ? '' : ok ? 'ok' : 'MISSED'
  return `${name.padEnd(34)}${value.padStart(14)}   ${target.padEnd(14)}${verdict}`
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/index.html is missing: run `npx vite build` first')
  const server = startServer()
  try {
    await waitForServer()
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(URL_)
    await page.waitForFunction(() => self.crossOriginIsolated === true && document.querySelector('[data-testid="boot-info"]') !== null)
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN)
    // The first visit (the live demo, or the default example with ?demo=0): let it settle.
    await page.waitForFunction(() => document.querySelector('.app')?.getAttribute('data-phase') === 'idle' && document.querySelectorAll('.run:not([data-phase="done"])').length === 0, null, { timeout: 30_000 })

    // 4 CPUs (a reboot), the toolbar counter, traffic at max rate.
    await page.getByRole('combobox', { name: 'Possible CPUs' }).selectOption('4')
    await page.getByTestId('boot-info').filter({ hasText: '4 CPUs' }).waitFor()
    await page.getByRole('button', { name: /Examples/ }).click()
    await page.locator('button[data-example="xdp-counter"]').click()
    await page.getByTestId('traffic-rate').selectOption('0')
    await page.getByTestId('xdp-attach').click()
    await page.getByTestId('eth0-status').filter({ hasText: 'attached' }).waitFor()
    await page.getByTestId('traffic-toggle').click()
    await page.locator('[data-testid="traffic-toggle"][data-traffic="on"]').waitFor()
    await page.waitForTimeout(WARMUP_MS)

    // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
    const m = (await page.evaluate(`(async () => {
      const ms = ${MEASURE_MS}
      const panel = document.querySelector('[data-testid="xdp-panel"]')
      const updates0 = Number(panel.getAttribute('data-view-updates'))
      const packets0 = Number(panel.getAttribute('data-packets'))
      let frames = 0, worst = 0, prev = performance.now()
      const t0 = prev
      await new Promise((done) => {
        const tick = (t) => {
          frames++
          worst = Math.max(worst, t - prev)
          prev = t
          if (t - t0 >= ms) done()
          else requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
      })
      const secs = (performance.now() - t0) / 1000
      return {
        fps: frames / secs,
        worstFrameMs: worst,
        updates: (Number(panel.getAttribute('data-view-updates')) - updates0) / secs,
        pps: (Number(panel.getAttribute('data-packets')) - packets0) / secs,
      }
    })()`)) as { fps: number; worstFrameMs: number; updates: number; pps: number }
    await page.getByTestId('traffic-toggle').click()
    await browser.close()

    const js = initialJs()
    const kb = js.gzipBytes / 1024
    console.log(`bench:ui — 4 CPUs, traffic at max rate, ${MEASURE_MS / 1000} s in Chromium (${URL_})\n`)
    console.log(row('metric', 'value', 'target', null))
    console.log(row('main-thread frames/s', m.fps.toFixed(1), `>= ${TARGETS.fps}`, m.fps >= TARGETS.fps))
    console.log(row('  longest frame', `${m.worstFrameMs.toFixed(0)} ms`, '', null))
    console.log(row('XDP view updates/s', m.updates.toFixed(1), `>= ${TARGETS.updates}`, m.updates >= TARGETS.updates))
    console.log(row('packets/s processed (4 CPUs)', Math.round(m.pps).toLocaleString('en-US'), '', null))
    console.log(row('first contentful paint', `${fcp.toFixed(0)} ms`, '', null))
    console.log(row('initial JS before Monaco (gzip)', `${kb.toFixed(1)} KB`, `< ${TARGETS.initialKb} KB`, kb < TARGETS.initialKb))
    console.log(`\n  initial chunks: ${js.files.join(', ')} (${(js.rawBytes / 1024).toFixed(0)} KB before gzip)`)
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM')
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
