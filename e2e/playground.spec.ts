/**
 * The playground in a real browser (Debian's Chromium), once per way of serving the built site:
 * `headers` (vite preview with COOP/COEP) and `static-sw` (no headers: coi-serviceworker).
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { compareSeed, loadManifest, seedsAvailable, seedsDir } from '../tests/seed-compare.mjs'
import { editorReady, lastRun, lastRunId, loadExample, openApp, run, runAfter, screenshot, waitIdle, waitIsolated } from './helpers'

const WORKSPACE_KEY = 'bpfplay:workspace:v1'

/** Replaces the text of the editor's current file by typing it (as a paste). */
async function typeIntoEditor(page: Page, text: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Delete')
  await page.keyboard.insertText(text)
}

async function savedWorkspace(page: Page): Promise<{ files: Record<string, string>; settings: { cpus: number; seed: number | null } } | null> {
  return page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), WORKSPACE_KEY)
}

/** The sum column of xdp_stats_map's XDP_PASS row (key 2) in the inspector's element table. */
async function passCount(page: Page): Promise<number> {
  const text = await page.locator('.map-detail tbody tr[data-row="2"] td').last().textContent()
  return Number((text ?? '').replace(/[^0-9]/g, ''))
}

/** Waits for the bare address's live demo: isolated, the counter attached, traffic on. */
async function demoLive(page: Page): Promise<void> {
  await waitIsolated(page)
  await expect(page.locator('.app')).toHaveAttribute('data-example', 'xdp-counter')
  await expect(page.getByTestId('eth0-status')).toContainText('xdp_pass_count attached by xdp-loader')
  await expect(page.getByTestId('traffic-toggle')).toHaveAttribute('data-traffic', 'on')
}

test.describe('first visit: the live demo', () => {
  test('the bare address counts packets live within a second of the first paint; Stop ends it; the visitor\'s edits win', async ({ page }, info) => {
    // Timed in the page (every frame, from navigation start): the first paint, then the first
    // nonzero count in the map table. The service worker's reload (static-sw) makes a new
    // document, which starts its own clock and runs this again.
    await page.addInitScript(() => {
      const w = window as unknown as { firstCountAt?: number }
      const poll = () => {
        const cell = document.querySelector('.map-detail tbody tr[data-row="2"] td:last-child')
        if (cell && Number((cell.textContent ?? '').replace(/[^0-9]/g, '')) > 0) w.firstCountAt = performance.now()
        else requestAnimationFrame(poll)
      }
      requestAnimationFrame(poll)
    })
    await page.goto('./')
    await demoLive(page)
    const t = (await (
      await page.waitForFunction(() => {
        const at = (window as unknown as { firstCountAt?: number }).firstCountAt
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime
        return at !== undefined && fcp !== undefined && { fcp, at }
      })
    ).jsonValue()) as { fcp: number; at: number }
    const live = t.at - t.fcp
    console.log(`[${info.project.name}] live demo: first contentful paint at ${t.fcp.toFixed(0)} ms, xdp_stats_map's count first nonzero at ${t.at.toFixed(0)} ms: ${live.toFixed(0)} ms after the first paint`)
    info.annotations.push({ type: 'time to live', description: `${live.toFixed(0)} ms from first contentful paint to the first nonzero count` })
    expect(t.at).toBeGreaterThan(t.fcp)
    // Live: the count and the CPU panel keep moving, with no click and no run of user.c.
    const first = await passCount(page)
    await expect.poll(() => passCount(page)).toBeGreaterThan(first)
    const panel = page.getByTestId('xdp-panel')
    const packets = Number(await panel.getAttribute('data-packets'))
    await expect.poll(async () => Number(await panel.getAttribute('data-packets'))).toBeGreaterThan(packets)
    await expect(page.getByTestId('traffic-rate')).toHaveValue('100')
    await expect(page.locator('.run').filter({ hasText: 'xdp-loader attach eth0' })).toHaveCount(1)
    await expect(page.locator('.run').filter({ hasText: 'user.c' })).toHaveCount(0)
    await screenshot(page, info.project.name, 'demo-live')
    // The demo is not the visitor's work: nothing is saved for it.
    expect(await savedWorkspace(page)).toBeNull()

    // Stop stops the traffic; the program stays attached and the count stays where it got.
    await page.getByTestId('stop').click()
    await expect(page.getByTestId('traffic-toggle')).toHaveAttribute('data-traffic', 'off')
    await expect(page.getByTestId('stop')).toBeDisabled()
    await expect(page.getByTestId('eth0-status')).toContainText('xdp_pass_count attached')
    await expect(page.getByTestId('traffic-rate')).toHaveValue('2000')
    // (The CPUs finish the packets already queued, and the table shows them at its next look.)
    let settled = -1
    await expect
      .poll(async () => {
        const a = await passCount(page)
        await page.waitForTimeout(400)
        settled = await passCount(page)
        return a === settled
      })
      .toBe(true)
    await page.waitForTimeout(400)
    expect(await passCount(page)).toBe(settled)

    // What the visitor types is saved, and from then on their work opens, without the demo.
    await editorReady(page)
    const marker = `// mine ${Date.now()}`
    await page.locator('.monaco-editor .view-lines').click()
    await page.keyboard.press('ControlOrMeta+Home')
    await page.keyboard.insertText(marker + '\n')
    await expect.poll(async () => (await savedWorkspace(page))?.files['xdp_prog.c'].startsWith(marker + '\n')).toBe(true)
    await page.goto('./')
    await waitIsolated(page)
    await expect(page.getByTestId('boot-info')).toBeVisible()
    await expect(page.locator('.monaco-editor .view-line').first()).toContainText(marker.replace(/ /g, '\u00a0'))
    await page.waitForTimeout(500)
    await expect(page.getByTestId('traffic-toggle')).toHaveAttribute('data-traffic', 'off')
    await expect(page.getByTestId('eth0-status')).toContainText('no XDP program')
    await expect(page.locator('.run')).toHaveCount(0)
  })

  test('another example ends the demo and unloads its program', async ({ page }) => {
    await page.goto('./')
    await demoLive(page)
    await loadExample(page, 'hello-maps')
    await expect(page.getByTestId('traffic-toggle')).toHaveAttribute('data-traffic', 'off')
    // eth0 is freed for the new example (the pinned map stays, as on Linux, until Reboot).
    await expect(page.getByTestId('eth0-status')).toContainText('no XDP program')
    await expect(page.locator('.run').filter({ hasText: 'xdp-loader unload' })).toHaveCount(1)
    await expect(page.getByTestId('stop')).toBeDisabled()
    expect((await run(page)).out).toContain('pinned at /sys/fs/bpf/scores')
  })

  test('Run ends the demo and user.c reads the counts', async ({ page }, info) => {
    await page.goto('./')
    await demoLive(page)
    await expect.poll(() => passCount(page)).toBeGreaterThan(0)
    const got = await run(page)
    expect(got.rc).toBe(0)
    expect(got.out).toMatch(/^CPU 0: \d+ packets passed\nCPU 1: \d+ packets passed\ntotal: [1-9]\d*\n$/)
    await expect(page.getByTestId('traffic-toggle')).toHaveAttribute('data-traffic', 'off')
    await expect(page.getByTestId('stop')).toBeDisabled()
    // The program stays attached (Attach and Traffic bring the demo back by hand).
    await expect(page.getByTestId('eth0-status')).toContainText('xdp_pass_count attached')
    await screenshot(page, info.project.name, 'demo-run')
  })
})

test.describe('playground', () => {
  test('first visit: the default example runs by itself and fills the inspector', async ({ page }, info) => {
    await openApp(page)
    await page.getByRole('button', { name: /Examples/ }).click()
    await expect(page.locator('[data-example="01-update"]')).toBeVisible()
    await screenshot(page, info.project.name, 'examples-menu')
    await page.keyboard.press('Escape')
    await expect(page.locator('[data-example="01-update"]')).toHaveCount(0)
    const first = await lastRun(page, 0)
    expect(first.rc).toBe(0)
    expect(first.out).toContain('pinned at /sys/fs/bpf/scores')
    await expect(page.locator('[data-map-name="scores"]')).toBeVisible()
    // The compiler, the process and Monaco's editor worker all run in workers (with COEP
    // from the service worker too: without it `new Worker` fails and Monaco falls back to the main thread).
    await editorReady(page)
    await expect.poll(() => page.workers().map((w) => w.url()).join(' ')).toMatch(/editor\.worker/)
    const urls = page.workers().map((w) => w.url()).join(' ')
    expect(urls).toMatch(/compile\.worker/)
    expect(urls).toMatch(/process\.worker/)
    await screenshot(page, info.project.name, 'main')
    await page.locator('[data-tab="buckets"]').click()
    await expect(page.locator('.bucket-row').first()).toBeVisible()
    await screenshot(page, info.project.name, 'buckets')
    await page.locator('[data-tab="failed"]').click()
    await expect(page.locator('.failed[data-errno="EEXIST"]')).toContainText('BPF_NOEXIST')
    await screenshot(page, info.project.name, 'failed-calls')
  })

  test('every seed program prints what the real kernel printed', async ({ page }) => {
    test.skip(!seedsAvailable(), `seeds not found at ${seedsDir}`)
    await openApp(page)
    for (const entry of loadManifest()) {
      // The examples are the tutorial's programs, unchanged.
      expect(readFileSync(join('public/examples/seeds', `${entry.name}.c`), 'utf8')).toBe(readFileSync(join(seedsDir, `${entry.name}.c`), 'utf8'))
      await loadExample(page, entry.name)
      const got = await run(page)
      // 11-get runs right after 10-pin on the same kernel, so it must find the pinned map.
      const diff = compareSeed(entry, got, { afterPin: entry.name === '11-get' })
      expect(diff, `${entry.name}: ${diff}`).toBeNull()
    }
    // After a reboot nothing is pinned: 11-get prints what it prints on a fresh kernel.
    await page.getByTestId('reboot').click()
    await expect(page.getByTestId('boot-info')).toContainText('boot #2')
    const fresh = await run(page)
    const read = (ext: string) => readFileSync(join(seedsDir, `11-get.fresh.${ext}`), 'utf8')
    expect(fresh).toMatchObject({ out: read('out'), err: read('err'), rc: Number(read('rc').trim()) })
  })

  test('demos: the get_next_key pitfall, per-CPU columns, and why a frozen map refused a write', async ({ page }, info) => {
    await openApp(page)
    await loadExample(page, 'get_next_key-pitfall')
    const walk = await run(page)
    expect(walk.rc).toBe(0)
    expect(walk.out).toContain('16 visits for 8 keys')
    expect(walk.out).toContain('8 visits for 8 keys')

    await loadExample(page, 'percpu-array')
    const percpu = await run(page)
    expect(percpu.out).toContain('key 2, cpu 1: 3001\nsum over CPUs: 6001')
    await page.locator('[data-map-name="pkt_count"]').click()
    const detail = page.getByTestId('map-detail')
    await expect(detail.locator('th')).toHaveText(['#', 'key', 'value (CPU 0)', 'value (CPU 1)', 'sum'])
    await expect(detail.locator('tbody tr').nth(2).locator('td').last()).toHaveText('6001')
    await screenshot(page, info.project.name, 'percpu')

    await loadExample(page, '09-freeze')
    expect((await run(page)).out).toContain('Update failed, map is frozen')
    // The map died with the process; the inspector still names it and explains the EPERM.
    await page.locator('[data-tab="failed"]').click()
    const eperm = page.locator('.failed[data-errno="EPERM"]').first()
    await expect(eperm).toContainText('bpf_map_update_elem')
    await expect(eperm).toContainText('(hash)')
    await expect(eperm).toContainText('frozen')
    // The map itself is listed in its last state: frozen, freed by the program's close(fd).
    await page.locator('[data-tab="maps"]').click()
    const row = page.locator('.maps-table tr[data-map-name="hash_map_exampl"]').last()
    await expect(row).toHaveClass(/row-freed/)
    await expect(row).toContainText('frozen')
    await expect(row).toContainText('freed by close()')
  })

  test('a syntax error gets a squiggle and a console error with line and column that jumps there', async ({ page }, info) => {
    await openApp(page)
    await page.locator('.monaco-editor').waitFor()
    await typeIntoEditor(page, '#include <stdio.h>\n\nint main(void)\n{\n    int x = 1\n    printf("%d\\n", x);\n    return 0;\n}\n')
    // Squiggle from the diagnostics while typing, with the message on hover.
    await expect.poll(async () => (await savedWorkspace(page))?.files['user.c']).toContain('int x = 1\n')
    const squiggle = page.locator('.monaco-editor .squiggly-error').first()
    await expect(squiggle).toBeVisible()
    // Ctrl+Enter in the editor runs.
    const before = await lastRunId(page)
    await page.keyboard.press('Control+Enter')
    const result = await lastRun(page, before)
    expect(result.status).toContain('compilation failed')
    const diag = (await runAfter(page, before)).locator('.diag-link[data-severity="error"]').first()
    await expect(diag).toHaveText(/^user\.c:\d+:\d+: error: expected .*';'/)
    const [, line, col] = /^user\.c:(\d+):(\d+):/.exec((await diag.textContent()) ?? '')!
    expect(Number(line)).toBeGreaterThanOrEqual(5)
    await screenshot(page, info.project.name, 'compile-error')
    // Move the cursor away, then click the diagnostic: the cursor goes to LINE:COL.
    await page.locator('.monaco-editor .view-line').first().click()
    await diag.click()
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null && document.activeElement?.closest('.monaco-editor') !== undefined),
      )
      .toBe(true)
    // The highlighted current line becomes the diagnostic's line (the jump may land after the focus).
    // (Compared with the text as saved: the editor may have re-indented what was typed.)
    const source = (await savedWorkspace(page))!.files['user.c'].split('\n')
    await expect
      .poll(() =>
        page.evaluate(() => {
          const cur = document.querySelector('.monaco-editor .current-line') as HTMLElement | null
          const lines = [...document.querySelectorAll('.monaco-editor .view-line')] as HTMLElement[]
          const hit = lines.find((l) => cur && l.style.top === (cur.parentElement as HTMLElement).style.top)
          return hit?.textContent?.replace(/\u00a0/g, ' ') ?? null
        }),
      )
      .toBe(source[Number(line) - 1])
    expect(Number(col)).toBeGreaterThan(0)
    // Hover shows the message (the squiggle lies under the text layer: move the mouse there).
    await expect(async () => {
      const box = await squiggle.boundingBox()
      expect(box).not.toBeNull()
      await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2)
      await expect(page.locator('.monaco-hover').filter({ hasText: /expected .*';'/ }).first()).toBeVisible({ timeout: 2000 })
    }).toPass()
  })

  test('Stop ends while (1); within a second and the page stays responsive', async ({ page }) => {
    await openApp(page)
    await loadExample(page, 'runaway-loop')
    const before = await lastRunId(page)
    await page.getByTestId('run').click()
    const running = await runAfter(page, before)
    await expect(running.locator('[data-stream="stderr"]')).toContainText('press Stop')
    await expect(page.locator('.app')).toHaveAttribute('data-phase', 'running')
    // The main thread is free while the program spins.
    const t = await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame((a) => requestAnimationFrame((b) => r(b - a)))))
    expect(t).toBeLessThan(200)
    // Timed in the page, checked every frame: from just before the click to the status line.
    await page.evaluate(() => ((window as unknown as { stopAt: number }).stopAt = performance.now()))
    await page.getByTestId('stop').click()
    const runId = await running.getAttribute('data-run-id')
    const elapsed = await (
      await page.waitForFunction(
        (id) => {
          const done = document.querySelector(`.run[data-run-id="${id}"]`)?.getAttribute('data-phase') === 'done'
          return done && performance.now() - (window as unknown as { stopAt: number }).stopAt
        },
        runId,
        { polling: 'raf' },
      )
    ).jsonValue()
    expect(elapsed).toBeLessThan(1000)
    const ended = await lastRun(page, before)
    expect(ended.rc).toBe(137)
    expect(ended.status).toContain('stopped')
    await waitIdle(page)
    // The worker is usable again at once.
    await loadExample(page, '02-lookup')
    expect((await run(page)).out).toContain('Found value 100 for key 10')
  })

  test('a pinned map survives its program and is gone after Reboot', async ({ page }, info) => {
    await openApp(page)
    await loadExample(page, '10-pin')
    // Ctrl+Enter anywhere on the page runs too.
    await page.getByRole('heading', { name: 'Kernel' }).click()
    const before = await lastRunId(page)
    await page.keyboard.press('Control+Enter')
    expect((await lastRun(page, before)).out).toContain('Map pinned at /sys/fs/bpf/my_map')
    // The process exited, the map lives on through its pin.
    const row = page.locator('.maps-table tr[data-map-name="hash_map_exampl"]')
    await expect(row).toBeVisible()
    await expect(row).not.toHaveClass(/row-freed/)
    await expect(row.locator('.chip-pinned')).toBeVisible()
    await page.locator('[data-tab="bpffs"]').click()
    await expect(page.locator('[data-pin-path="/sys/fs/bpf/my_map"]')).toBeVisible()
    await screenshot(page, info.project.name, 'pins')
    await page.getByTestId('reboot').click()
    await expect(page.getByTestId('boot-info')).toContainText('boot #2')
    await expect(page.locator('[data-pin-path="/sys/fs/bpf/my_map"]')).toHaveCount(0)
    await loadExample(page, '11-get')
    const got = await run(page)
    expect(got.err).toBe('bpf_obj_get: No such file or directory\n')
    expect(got.rc).toBe(1)
  })

  test('a share link restores both files and the settings exactly', async ({ page, browser }, info) => {
    await openApp(page)
    await loadExample(page, 'get_next_key-pitfall')
    await page.getByRole('tab', { name: /xdp_prog\.c/ }).click()
    await page.locator('.monaco-editor').waitFor()
    await typeIntoEditor(page, '// shared: ünïcødé ✓\tand a tab\nSEC("xdp") int f(void *ctx) { return 2; }\n')
    await page.getByRole('combobox', { name: 'Possible CPUs' }).selectOption('4')
    await page.getByPlaceholder('random').fill('42')
    await page.getByPlaceholder('random').press('Enter')
    await expect(page.getByTestId('boot-info')).toContainText('4 CPUs · hash seed 42')
    await expect.poll(async () => (await savedWorkspace(page))?.settings).toEqual({ cpus: 4, seed: 42 })
    const original = (await savedWorkspace(page))!
    expect(original.files['xdp_prog.c']).toContain('ünïcødé')
    await page.getByRole('button', { name: 'Share' }).click()
    const url = await page.getByTestId('share-url').inputValue()
    expect(url).toMatch(/#s=[A-Za-z0-9_-]+$/)
    await screenshot(page, info.project.name, 'share')

    // A new browser profile: nothing saved, only the link.
    const other = await browser.newContext({ baseURL: info.project.use.baseURL })
    const page2 = await other.newPage()
    await openApp(page2, url)
    await expect.poll(async () => (await savedWorkspace(page2))?.files).toEqual(original.files)
    expect((await savedWorkspace(page2))?.settings).toEqual({ cpus: 4, seed: 42 })
    await expect(page2.getByTestId('boot-info')).toContainText('4 CPUs · hash seed 42')
    await expect(page2.getByRole('tab', { name: /xdp_prog\.c/ })).toHaveAttribute('aria-selected', 'true')
    await expect(page2.locator('.monaco-editor .view-line').first()).toContainText('shared: ünïcødé')
    // The fragment is dropped once applied, so a reload keeps later edits.
    expect(new URL(page2.url()).hash).toBe('')
    await other.close()
  })

  test('the editor contents survive a reload', async ({ page }) => {
    await openApp(page)
    await page.locator('.monaco-editor').waitFor()
    const marker = `// kept across reloads ${Date.now()}`
    await page.locator('.monaco-editor .view-lines').click()
    await page.keyboard.press('ControlOrMeta+Home')
    await page.keyboard.insertText(marker + '\n')
    await expect.poll(async () => (await savedWorkspace(page))?.files['user.c'].startsWith(marker + '\n')).toBe(true)
    await page.reload()
    await openApp(page, page.url())
    await expect(page.locator('.monaco-editor .view-line').first()).toContainText(marker.replace(/ /g, '\u00a0'))
    // Not a first visit any more: nothing ran by itself.
    await expect(page.locator('.run')).toHaveCount(0)
  })

  test('no serious accessibility violations, in both themes', async ({ page }, info) => {
    await openApp(page)
    await page.locator('.monaco-editor').waitFor()
    for (const theme of ['first', 'second']) {
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `${theme} theme`).toEqual([])
      if (theme === 'first') {
        await page.getByRole('button', { name: /Switch to the (dark|light) theme/ }).click()
      }
    }
    await screenshot(page, info.project.name, 'theme-toggled')
  })

  test('where isolation is impossible the page says why and still edits', async ({ browser }, info) => {
    test.skip(info.project.name !== 'static-sw', 'only a host without COOP/COEP headers depends on the service worker')
    const ctx = await browser.newContext({ baseURL: info.project.use.baseURL, serviceWorkers: 'block' })
    const page = await ctx.newPage()
    await page.goto('./')
    // Monaco adds its own (empty) role=alert regions: pick the banner by its text.
    await expect(page.getByRole('alert').filter({ hasText: 'Programs cannot run here' })).toBeVisible({ timeout: 15_000 })
    await expect(page.getByTestId('run')).toBeDisabled()
    await expect(page.locator('.monaco-editor')).toBeVisible()
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(false)
    await screenshot(page, info.project.name, 'not-isolated')
    await ctx.close()
  })

  test('the layout holds from a phone to a wide screen', async ({ page }, info) => {
    await openApp(page)
    await editorReady(page)
    for (const [name, width, height] of [
      ['1280x720', 1280, 720],
      ['tablet', 820, 1180],
      ['phone', 390, 844],
    ] as const) {
      await page.setViewportSize({ width, height })
      // Nothing wider than the screen, and the three panes do not overlap.
      const check = await page.evaluate(() => {
        const box = (s: string) => document.querySelector(s)!.getBoundingClientRect()
        const panes = ['.editor-card', '.console-card', '.inspector-card'].map(box)
        const overlap = panes.some((a, i) => panes.some((b, j) => i < j && a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1))
        return { overflow: document.documentElement.scrollWidth - window.innerWidth, overlap, toolbar: box('.toolbar').bottom, editor: box('.editor-card').top }
      })
      expect(check.overflow, name).toBeLessThanOrEqual(0)
      expect(check.overlap, name).toBe(false)
      expect(check.editor, name).toBeGreaterThanOrEqual(check.toolbar)
      await screenshot(page, info.project.name, `layout-${name}`)
    }
  })
})
