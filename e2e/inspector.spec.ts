/**
 * The map inspector's views in a real browser: the get_next_key walk and the batch cursors show
 * the kernel's order (checked against what the seed programs print), struct values decode by
 * field with per-CPU sums and flash as they change, a 100,000-element map scrolls with a
 * bounded number of rows in the DOM, a frozen map links its refused writes, and axe finds no
 * serious violation in any of these views.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { lastRun, lastRunId, loadExample, openApp, run, screenshot } from './helpers'

async function selectMap(page: Page, name: string): Promise<void> {
  await page.locator(`.maps-table tr[data-map-name="${name}"]`).last().click()
  await expect(page.getByTestId('map-detail').locator('h3')).toContainText(name)
}

async function expectNoSeriousA11y(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include('.inspector-card').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), what).toEqual([])
}

test.describe('map inspector', () => {
  test('the get_next_key walk steps through the kernel order of seed 05, and another seed orders the keys differently', async ({ page }, info) => {
    await openApp(page)
    await loadExample(page, '05-get_next_key')
    const out = (await run(page)).out
    const printed = [...out.matchAll(/^Next key: (-?\d+)$/gm)].map((m) => m[1])
    expect(printed).toHaveLength(3)

    await selectMap(page, 'hash_map_exampl')
    await page.locator('[data-tab="buckets"]').click()
    await expect(page.getByTestId('seed-panel')).toContainText('BPF_F_ZERO_SEED not set')
    // The walk's keys, call by call, are the keys the program got from the kernel.
    await page.getByTestId('walk-start').click()
    const walked: string[] = []
    for (let i = 0; i < 3; i++) {
      if (i > 0) await page.getByTestId('walk-next').click()
      await expect(page.getByTestId('walk-progress')).toHaveText(`call ${i + 1} of 4`)
      walked.push((await page.locator('.walk-order li.walk-current').textContent()) ?? '')
      await expect(page.locator('.bucket-row-current .elem-current')).toHaveText(walked[i])
      if (i === 1) await screenshot(page, info.project.name, 'inspector-walk')
    }
    expect(walked).toEqual(printed)
    await expect(page.getByTestId('walk-panel')).toContainText('bpf_map_get_next_key(fd, &key, &next)')
    await page.getByTestId('walk-next').click()
    await expect(page.getByTestId('walk-panel')).toContainText('ENOENT')
    await expect(page.locator('.walk-order li.walk-enoent')).toBeVisible()
    await expectNoSeriousA11y(page, 'walk view')

    // Another hash seed (the toolbar reboots the kernel): the same keys, the order this kernel gives.
    await page.getByPlaceholder('random').fill('7')
    await page.getByPlaceholder('random').press('Enter')
    await expect(page.getByTestId('boot-info')).toContainText('hash seed 7')
    const again = [...(await run(page)).out.matchAll(/^Next key: (-?\d+)$/gm)].map((m) => m[1])
    await selectMap(page, 'hash_map_exampl')
    await page.locator('[data-tab="buckets"]').click()
    await expect(page.locator('.walk-order li')).toHaveText(again)
    const history = page.locator('.seed-history')
    await expect(history).toContainText(`boot #1`)
    await expect(history).toContainText(printed.join(' → '))
    await expect(history).toContainText(again.join(' → '))
    await screenshot(page, info.project.name, 'inspector-seeds')
  })

  test('batch cursors of seed 06: bucket ranges in order, and the final partial batch that ends with ENOENT', async ({ page }, info) => {
    await openApp(page)
    await loadExample(page, '06-lookup_batch')
    const out = (await run(page)).out
    const printed = [...out.matchAll(/^Batch element: key=(-?\d+), value=/gm)].map((m) => m[1])
    expect(printed.length).toBeGreaterThan(0)

    await selectMap(page, 'hash_map_exampl')
    await page.locator('[data-tab="batches"]').click()
    const calls = page.locator('.batch-call')
    // (the view fills in as it reads the kernel's events: count once the final call is there)
    await expect(calls.last()).toHaveClass(/batch-call-final/)
    const n = await calls.count()
    expect(n).toBeGreaterThan(1)
    // Ranges follow each other: each call resumes at the previous out_batch.
    const ranges = await calls.evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-from')), Number(e.getAttribute('data-to'))]))
    for (let i = 1; i < n; i++) expect(ranges[i][0]).toBe(ranges[i - 1][1])
    expect(ranges[n - 1][1]).toBe(1024)
    // The successful calls returned exactly what the program printed, in that order.
    const okKeys = await page.locator('.batch-call:not(.batch-call-final) .batch-key').allTextContents()
    expect(okKeys).toEqual(printed)
    // The last call hit the end of the buckets: ENOENT, with elements the program never printed.
    const last = calls.last()
    await expect(last).toHaveClass(/batch-call-final/)
    await expect(last).toHaveAttribute('data-errno', 'ENOENT')
    const dropped = await last.locator('.batch-key').allTextContents()
    expect(dropped.length).toBeGreaterThan(0)
    expect(printed.length + dropped.length).toBe(9)
    await expect(last).toContainText('partial batch')
    await expect(page.locator('.batch-band')).toHaveCount(n)
    await page.locator('.batch-axis').scrollIntoViewIfNeeded()
    await screenshot(page, info.project.name, 'inspector-batches')
    await last.scrollIntoViewIfNeeded()
    await screenshot(page, info.project.name, 'inspector-batches-enoent')
    await expectNoSeriousA11y(page, 'batch view')
  })

  test('struct keys and values decode by field, per-CPU sums per field, cells flash as values change', async ({ page }, info) => {
    await openApp(page)
    await page.getByRole('combobox', { name: 'Possible CPUs' }).selectOption('2')
    await loadExample(page, 'flow-stats')
    const before = await lastRunId(page)
    await page.getByTestId('run').click()
    await expect(page.locator('.maps-table tr[data-map-name="flow_stats"]')).toBeVisible()
    await selectMap(page, 'flow_stats')
    const detail = page.getByTestId('map-detail')
    await expect(page.getByTestId('types-legend')).toContainText('struct flow_key')
    await expect(page.getByTestId('types-legend')).toContainText('struct flow_stats')
    await expect(detail.locator('thead tr').first().locator('th')).toHaveText(['#', 'bucket', 'key', 'CPU 0', 'CPU 1', 'sum'])
    await expect(detail.locator('thead tr.th-fields th')).toHaveText(['saddr', 'dport', 'proto', ...Array(3).fill(['packets', 'bytes', 'app']).flat()])
    // Counters change while the program runs: their cells flash.
    await expect(detail.locator('td.cell-flash').first()).toBeVisible()
    await screenshot(page, info.project.name, 'inspector-struct-flash')
    const result = await lastRun(page, before)
    const [, app, packets] = /^(\w+): (\d+) packets over 2 CPUs$/m.exec(result.out) ?? []
    expect(app).toBe('curl')
    // The packets sum of curl's row is what the program added up itself.
    const index = await detail.locator('tbody tr', { hasText: '"curl"' }).getAttribute('data-row')
    const row = detail.locator(`tbody tr[data-row="${index}"]`)
    const cells = row.locator('td')
    const count = await cells.count()
    await expect(cells.nth(count - 3)).toHaveText(packets)
    await expect(cells.nth(count - 1)).toHaveText('—')
    await expect(row.locator('td').nth(3)).toHaveText('443')
    await page.getByRole('button', { name: 'Hex' }).click()
    await expect(row.locator('td').nth(3)).toHaveText('0x01bb')
    await screenshot(page, info.project.name, 'inspector-struct-hex')
    await expectNoSeriousA11y(page, 'struct table')
  })

  test('a map of 100,000 elements keeps a bounded number of rows in the DOM and scrolls', async ({ page }, info) => {
    test.setTimeout(120_000)
    await openApp(page)
    await loadExample(page, 'big-hash')
    const result = await run(page)
    expect(result.out).toContain('100000 elements inserted')
    await selectMap(page, 'big_hash')
    await expect(page.getByTestId('element-count')).toContainText('100,000 elements')
    await expect(page.getByTestId('types-legend')).toContainText('struct point')
    const scroller = page.locator('.vt-scroll')
    const rows = page.locator('.entries-table tbody tr[data-row]')
    expect(await rows.count()).toBeLessThan(100)
    // Scroll with the wheel for a while and watch the frames.
    await scroller.hover()
    await page.evaluate(() => {
      const w = window as unknown as { frameGaps: number[] }
      w.frameGaps = []
      let last = performance.now()
      const tick = (t: number) => {
        w.frameGaps.push(t - last)
        last = t
        if (w.frameGaps.length < 400) requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
    for (let i = 0; i < 30; i++) await page.mouse.wheel(0, 900)
    const gaps = await page.evaluate(() => (window as unknown as { frameGaps: number[] }).frameGaps)
    gaps.sort((a, b) => a - b)
    console.log(`[${info.project.name}] 100k table wheel scroll: ${gaps.length} frames, median ${gaps[gaps.length >> 1].toFixed(1)} ms, p95 ${gaps[Math.floor(gaps.length * 0.95)].toFixed(1)} ms`)
    await expect.poll(async () => Number(await rows.first().getAttribute('data-row'))).toBeGreaterThan(500)
    // Jump to the middle: the rows there are rendered, and still only a window of them.
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight / 2))
    await expect.poll(async () => Number(await rows.first().getAttribute('data-row'))).toBeGreaterThan(45_000)
    expect(await rows.count()).toBeLessThan(100)
    await screenshot(page, info.project.name, 'inspector-100k')
    // The bucket list is virtualised too.
    await page.locator('[data-tab="buckets"]').click()
    await expect(page.locator('.bucket-list-virtual li.bucket-row').first()).toBeVisible()
    expect(await page.locator('.bucket-list-virtual li').count()).toBeLessThan(100)
    await expectNoSeriousA11y(page, '100k buckets')
  })

  test('a frozen map shows its lock and links the writes it refused with EPERM', async ({ page }, info) => {
    await openApp(page)
    await loadExample(page, '09-freeze')
    expect((await run(page)).out).toContain('Update failed, map is frozen')
    await selectMap(page, 'hash_map_exampl')
    const banner = page.getByTestId('freeze-banner')
    await expect(banner).toContainText('Frozen.')
    await expect(page.getByTestId('map-detail').locator('h3 .lock-glyph')).toBeVisible()
    const refused = banner.locator('[data-refused-seq]').first()
    await expect(refused).toContainText('bpf_map_update_elem')
    await expect(refused).toContainText('EPERM')
    await screenshot(page, info.project.name, 'inspector-frozen')
    await expectNoSeriousA11y(page, 'frozen map')
    const seq = await refused.getAttribute('data-refused-seq')
    await refused.click()
    const item = page.locator(`.failed[data-seq="${seq}"]`)
    await expect(item).toHaveClass(/failed-focus/)
    await expect(item).toHaveAttribute('data-errno', 'EPERM')
    await expect(item.locator('.chip-frozen')).toContainText('frozen map')
    await screenshot(page, info.project.name, 'inspector-frozen-failed')
  })

  test('the inspector views pass axe in the dark theme too', async ({ page }, info) => {
    await openApp(page)
    await page.getByRole('button', { name: /Switch to the (dark|light) theme/ }).click()
    await loadExample(page, '06-lookup_batch')
    await run(page)
    await selectMap(page, 'hash_map_exampl')
    for (const tab of ['elements', 'buckets', 'batches']) {
      await page.locator(`[data-tab="${tab}"]`).click()
      if (tab === 'buckets') {
        await page.getByTestId('walk-start').click()
        await page.getByTestId('walk-next').click()
      }
      await expectNoSeriousA11y(page, `${tab}, second theme`)
      await screenshot(page, info.project.name, `inspector-theme2-${tab}`)
    }
  })
})
