/**
 * XDP in the browser: one Web Worker per CPU runs the program attached to eth0 over traffic
 * from the NIC worker. The toolbar's loader and traffic, Step, the stats loop of user.c (the
 * xdp-tutorial flow), the race demo's lost-update gap, trace_pipe and Stop.
 */
import { expect, test, type Page } from '@playwright/test'
import { lastRunId, loadExample, openApp, runAfter, screenshot, waitIdle } from './helpers'

async function selectCpus(page: Page, n: number): Promise<void> {
  const boot = await page.getByTestId('boot-info').textContent()
  await page.getByRole('combobox', { name: 'Possible CPUs' }).selectOption(String(n))
  await expect(page.getByTestId('boot-info')).not.toHaveText(boot ?? '')
  await expect(page.getByTestId('boot-info')).toContainText(`${n} CPUs`)
}

async function counted(page: Page, map: string): Promise<{ ran: number; counted: number; gap: number }> {
  const row = page.locator(`[data-testid="lost-updates"] tr[data-map="${map}"]`)
  return row.evaluate((el) => ({ ran: Number(el.getAttribute('data-ran')), counted: Number(el.getAttribute('data-counted')), gap: Number(el.getAttribute('data-gap')) }))
}

/** The sum column of the map table's row `row` (the Elements view of the selected map). */
async function tableSum(page: Page, row: number): Promise<number> {
  const text = await page.locator(`.map-detail tbody tr[data-row="${row}"] td`).last().textContent()
  return Number((text ?? '').replace(/[^0-9]/g, ''))
}

/** The text of the stdout of a run. */
async function stdoutOf(page: Page, runId: number): Promise<string> {
  return page.locator(`.run[data-run-id="${runId}"] [data-stream="stdout"]`).allTextContents().then((t) => t.join(''))
}

test.describe('XDP', () => {
  test('toolbar: attach the counter, start traffic, the map counts up; Step runs one packet', async ({ page }, info) => {
    await openApp(page)
    await loadExample(page, 'xdp-counter')
    await page.getByTestId('xdp-attach').click()
    await expect(page.getByTestId('eth0-status')).toContainText('xdp_pass_count attached by xdp-loader')
    await expect(page.locator('.run').last()).toContainText('Attached xdp_pass_count to eth0')
    await page.getByTestId('traffic-toggle').click()
    await expect(page.getByTestId('traffic-toggle')).toHaveAttribute('data-traffic', 'on')
    // The map table counts up: its per-CPU sum grows.
    await page.locator('[data-map-name="xdp_stats_map"]').first().click()
    const panel = page.getByTestId('xdp-panel')
    await expect.poll(async () => Number(await panel.getAttribute('data-packets')), { timeout: 10_000 }).toBeGreaterThan(500)
    const first = await counted(page, 'xdp_stats_map')
    await expect.poll(async () => (await counted(page, 'xdp_stats_map')).counted, { timeout: 10_000 }).toBeGreaterThan(first.counted + 500)
    await expect(page.locator('.map-detail')).toContainText('xdp_stats_map')
    // The inspector's table of xdp_stats_map: key 2 (XDP_PASS), summed over the CPUs, counts up.
    const inTable = await tableSum(page, 2)
    await expect.poll(() => tableSum(page, 2), { timeout: 10_000 }).toBeGreaterThan(inTable + 200)
    await screenshot(page, info.project.name, 'xdp-counter-traffic')
    // Stop the traffic; once the CPUs are done every packet the program ran on was counted.
    await page.getByTestId('traffic-toggle').click()
    await expect(page.getByTestId('traffic-toggle')).toHaveAttribute('data-traffic', 'off')
    // (frames the NIC had already queued still arrive after the button says off: wait until the count stays put)
    let packetsBefore = -1
    await expect
      .poll(
        async () => {
          const n = Number(await panel.getAttribute('data-packets'))
          const settled = n === packetsBefore
          packetsBefore = n
          return settled
        },
        { intervals: [500] },
      )
      .toBe(true)
    await expect.poll(async () => counted(page, 'xdp_stats_map')).toMatchObject({ gap: 0 })
    const before = await counted(page, 'xdp_stats_map')
    // Step: exactly one packet, on one CPU, and the action it returned.
    await page.getByTestId('xdp-step').click()
    await expect(page.getByTestId('step-result')).toHaveAttribute('data-action', 'XDP_PASS')
    await expect.poll(async () => Number(await panel.getAttribute('data-packets'))).toBe(packetsBefore + 1)
    await expect.poll(async () => (await counted(page, 'xdp_stats_map')).counted).toBe(before.counted + 1)
    await expect.poll(() => tableSum(page, 2)).toBe(before.counted + 1)
    await page.waitForTimeout(300)
    expect(Number(await panel.getAttribute('data-packets'))).toBe(packetsBefore + 1)
    await screenshot(page, info.project.name, 'xdp-step')
    // A preset with larger frames starts new CPUs with queues that hold them: the counts go on.
    await page.getByTestId('traffic-preset').selectOption('jumbo')
    await page.getByTestId('xdp-step').click()
    await expect.poll(async () => Number(await panel.getAttribute('data-packets'))).toBe(packetsBefore + 2)
    await expect.poll(async () => (await counted(page, 'xdp_stats_map')).counted).toBe(before.counted + 2)
    // Detach: packets pass to the stack without a program.
    await page.getByTestId('xdp-detach').click()
    await expect(page.getByTestId('eth0-status')).toContainText('no XDP program')
  })

  test('the stats pair: user.c loads, attaches and prints growing counts; Stop ends it within a second', async ({ page }, info) => {
    await openApp(page)
    await loadExample(page, 'xdp-stats')
    const before = await lastRunId(page)
    await page.getByTestId('run').click()
    const run = await runAfter(page, before)
    const id = Number(await run.getAttribute('data-run-id'))
    await expect(run).toContainText('Success: Loaded BPF-object(xdp_prog_kern.o)', { timeout: 15_000 })
    await expect(page.getByTestId('traffic-toggle')).toHaveAttribute('data-traffic', 'on')
    // Two stats lines, one second apart, the second with more packets.
    const counts = async () => [...(await stdoutOf(page, id)).matchAll(/XDP_PASS\s+(\d+) pkts/g)].map((m) => Number(m[1]))
    await expect.poll(async () => (await counts()).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2)
    const c = await counts()
    expect(c[c.length - 1]).toBeGreaterThan(c[0])
    await expect(page.getByTestId('eth0-status')).toContainText('xdp_stats1_func attached by user')
    await screenshot(page, info.project.name, 'xdp-stats-loop')
    const t0 = Date.now()
    await page.getByTestId('stop').click()
    await expect(run).toHaveAttribute('data-phase', 'done')
    expect(Date.now() - t0).toBeLessThan(1000)
    await waitIdle(page)
    // The run started the traffic; it stops with it, and the link closed with the process.
    await expect(page.getByTestId('traffic-toggle')).toHaveAttribute('data-traffic', 'off')
    await expect(page.getByTestId('eth0-status')).toContainText('no XDP program')
  })

  test('the race demo: the plain increment loses updates, the atomic and per-CPU counters do not', async ({ page }, info) => {
    await openApp(page)
    await selectCpus(page, 4)
    await loadExample(page, 'xdp-race')
    await page.getByTestId('traffic-rate').selectOption('0')
    const before = await lastRunId(page)
    await page.getByTestId('run').click()
    const run = await runAfter(page, before)
    await expect(run).toContainText('attached to eth0 on 4 possible CPUs', { timeout: 15_000 })
    // Live, the CPUs' counts are read before the maps, so an exact counter is never behind and a
    // gap is packets really lost (packets counted between the two reads can hide a few).
    await expect.poll(async () => (await counted(page, 'plain_count')).gap, { timeout: 20_000 }).toBeGreaterThan(0)
    await expect(page.locator('[data-testid="lost-updates"] tr[data-map="plain_count"] .xdp-lost')).toContainText('%')
    await screenshot(page, info.project.name, 'xdp-race')
    // user.c prints the same race: its "lost" column (atomic - plain) grows.
    await expect(run).toContainText(/\d+\s+\d+\s+\d+\s+[1-9]\d*\n/, { timeout: 10_000 })
    // Traffic off: once the CPUs have drained their queues the counts are final and exact.
    await page.getByTestId('traffic-toggle').click()
    await expect(page.getByTestId('traffic-toggle')).toHaveAttribute('data-traffic', 'off')
    const readRows = () =>
      page.getByTestId('lost-updates').evaluate((t) =>
        Object.fromEntries([...t.querySelectorAll('tr[data-map]')].map((r) => [r.getAttribute('data-map'), { ran: Number(r.getAttribute('data-ran')), counted: Number(r.getAttribute('data-counted')), gap: Number(r.getAttribute('data-gap')) }])),
      )
    let rows = await readRows()
    await expect
      .poll(async () => {
        const before = rows
        rows = await readRows()
        return JSON.stringify(rows) === JSON.stringify(before) && rows.atomic_count.counted === rows.atomic_count.ran
      }, { timeout: 10_000, intervals: [500] })
      .toBe(true)
    expect(rows.plain_count.gap).toBeGreaterThan(0)
    expect(rows.plain_count.counted + rows.plain_count.gap).toBe(rows.plain_count.ran)
    expect(rows.atomic_count.gap).toBe(0)
    expect(rows.percpu_count.gap).toBe(0)
    expect(rows.percpu_count.counted).toBe(rows.percpu_count.ran)
    expect(rows.atomic_count.ran).toBe(rows.plain_count.ran)
    await page.getByTestId('stop').click()
    await waitIdle(page)
    await expect(page.getByTestId('traffic-toggle')).toHaveAttribute('data-traffic', 'off')
  })

  test('trace_pipe shows bpf_printk lines in the kernel format', async ({ page }, info) => {
    await openApp(page)
    await loadExample(page, 'xdp-trace')
    await page.getByTestId('xdp-attach').click()
    await expect(page.getByTestId('eth0-status')).toContainText('xdp_parse_print attached')
    await page.getByTestId('xdp-step').click()
    // The first packet of the stream (tag 0) is TCP: the program passes it.
    await expect(page.getByTestId('step-result')).toHaveAttribute('data-action', 'XDP_PASS')
    await page.locator('[data-tab="trace"]').click()
    await expect(page.getByTestId('trace-pipe')).toContainText(/<idle>-0\s+\[\d{3}\] d\.s11\s+\d+\.\d{6}: bpf_trace_printk: (IPv4|not IPv4)/)
    await screenshot(page, info.project.name, 'xdp-trace-pipe')
  })
})
