/**
 * Single-packet stepping of the XDP program in a real browser: the xdp-tutorial counter
 * (xdp_prog.c of the xdp-stats example) over the next packet of the traffic preset, line by line
 * with the debug bar, the current line highlighted in xdp_prog.c, the lookup's result shown as a
 * pointer into the map value, and the inspector's table of the map counting the packet at the
 * increment line while the program is still paused. With traffic flowing on the attached
 * program, Step packet stops the traffic; a breakpoint set with a gutter click in xdp_prog.c
 * stops the packet, Stop ends it, Run to cursor works in xdp_prog.c.
 */
import { expect, test, type Page } from '@playwright/test'
import { loadExample, openApp, screenshot } from './helpers'

async function pausedAt(page: Page, fn: string, line: number): Promise<void> {
  await expect(page.getByTestId('debug-where')).toHaveText(`Paused in ${fn}() · line ${line}`)
  await expect(page.locator('.monaco-editor .dbg-current-line')).toHaveCount(1)
}

/** rx_packets summed over the CPUs in the map table's row `row` (columns: per CPU, then the sums of rx_packets and rx_bytes). */
async function packetsSum(page: Page, row: number): Promise<number> {
  const text = await page.locator(`.map-detail tbody tr[data-row="${row}"] td`).nth(-2).textContent()
  return Number((text ?? '').replace(/[^0-9]/g, ''))
}

function lineNumber(page: Page, line: number) {
  return page.locator('.monaco-editor .line-numbers').getByText(String(line), { exact: true })
}

/** A click in the editor's glyph margin beside a line that is in view. */
async function clickGutter(page: Page, line: number): Promise<void> {
  await expect(lineNumber(page, line)).toBeVisible()
  // the editor may still be scrolling (a reveal after a pause): click once the line stays put
  let row = (await lineNumber(page, line).boundingBox())!
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(50)
    const again = (await lineNumber(page, line).boundingBox())!
    if (again.y === row.y) break
    row = again
  }
  const margin = (await page.locator('.monaco-editor .margin').first().boundingBox())!
  await page.mouse.click(margin.x + 9, row.y + row.height / 2)
}

function local(page: Page, name: string) {
  return page.getByTestId('debug-locals').locator('.dbg-row', { has: page.getByTestId(`dbg-value-${name}`) }).first()
}

test.describe('XDP single-packet stepping', () => {
  test('step the counter over one packet: the lookup returns a map value pointer, the map counts at the increment line', async ({ page }, info) => {
    await openApp(page)
    await loadExample(page, 'xdp-stats')
    await page.locator('.monaco-editor').waitFor()
    await page.getByTestId('xdp-step-packet').click()
    // nothing was loaded: Step packet loads xdp_prog.c first, then pauses at the program's first line
    await pausedAt(page, 'xdp_stats1_func', 52)
    await expect(page.getByRole('tab', { name: /xdp_prog\.c/ })).toHaveAttribute('aria-selected', 'true')
    const panel = page.getByTestId('xdp-step-panel')
    await expect(panel.getByTestId('xdp-step-packet-summary')).toContainText(/bytes$/)
    await expect(panel).toContainText('xdp_stats1_func')
    await expect(panel).toContainText('traffic is off while the packet is stepped')
    await expect(page.getByTestId('traffic-toggle')).toBeDisabled()
    // the map is there and empty before the packet counts
    await page.locator('[data-map-name="xdp_stats_map"]').first().click()
    await expect(page.locator('.map-detail')).toContainText('xdp_stats_map')
    expect(await packetsSum(page, 2)).toBe(0)

    await page.keyboard.press('F11')
    await pausedAt(page, 'xdp_stats_record_action', 29)
    await expect(page.getByTestId('debug-panel').locator('.dbg-frame')).toHaveText([/xdp_stats_record_action\(\)/, /xdp_stats1_func\(\)/])
    for (const line of [30, 31, 33, 37, 39]) {
      await page.getByTestId('debug-step-over').click()
      await pausedAt(page, 'xdp_stats_record_action', line)
    }
    // after the lookup: rec points into the map value of key 2 (XDP_PASS), this CPU's copy
    await expect(local(page, 'rec')).toContainText("map value of 'xdp_stats_map' key 2")
    await expect(local(page, 'data')).toContainText('packet (ctx->data, Ethernet header)')
    await expect(local(page, 'data_end')).toContainText('(ctx->data_end: one past the last byte)')
    await page.getByTestId('debug-step-over').click()
    await pausedAt(page, 'xdp_stats_record_action', 43)
    await expect(page.getByRole('treeitem', { name: /\*/ }).filter({ hasText: 'rx_packets = 0' }).first()).toBeVisible()
    expect(await packetsSum(page, 2)).toBe(0)
    // over the increment: the kernel's map holds the count while the program is still paused
    await page.keyboard.press('F10')
    await pausedAt(page, 'xdp_stats_record_action', 44)
    await expect(local(page, 'rec').locator('xpath=following-sibling::*[1]')).toContainText('rx_packets = 1')
    await expect.poll(() => packetsSum(page, 2)).toBe(1)
    await local(page, 'rec').locator('xpath=following-sibling::*[1]').scrollIntoViewIfNeeded()
    await screenshot(page, info.project.name, 'xdp-stepping')

    await page.getByTestId('debug-continue').click()
    await expect(panel.getByTestId('xdp-step-status')).toHaveAttribute('data-action', 'XDP_PASS')
    await expect(page.getByTestId('debug-where')).toHaveText('')
    await expect(page.locator('.monaco-editor .dbg-current-line')).toHaveCount(0)
    await expect(page.getByTestId('traffic-toggle')).toBeEnabled()
    await expect(page.locator('.note').last()).toContainText('xdp_stats1_func returned XDP_PASS')
    // the CPU panel counts the stepped packet, as the map did: no lost update shown
    await expect(page.getByTestId('xdp-panel')).toHaveAttribute('data-packets', '1')
    await expect(page.getByTestId('xdp-actions').locator('[data-action="XDP_PASS"]')).toHaveAttribute('data-count', '1')
    await screenshot(page, info.project.name, 'xdp-stepping-done')
  })

  test('with traffic on the attached program: Step packet stops it; a gutter breakpoint, Stop, Run to cursor', async ({ page }, info) => {
    await openApp(page)
    await loadExample(page, 'xdp-stats')
    await page.getByTestId('xdp-attach').click()
    await expect(page.getByTestId('eth0-status')).toContainText('xdp_stats1_func attached by xdp-loader')
    await page.getByTestId('traffic-toggle').click()
    await expect(page.getByTestId('traffic-toggle')).toHaveAttribute('data-traffic', 'on')
    await page.getByRole('tab', { name: /xdp_prog\.c/ }).click()
    await page.locator('.monaco-editor').waitFor()
    // line 44 (rx_bytes += ...) in view, then a click in the glyph margin beside it
    await page.locator('.monaco-editor .view-lines').click()
    await page.keyboard.press('ControlOrMeta+End')
    await clickGutter(page, 44)
    await expect(page.locator('.monaco-editor .dbg-breakpoint-glyph')).toHaveCount(1)
    // on line 44's row
    const dot = (await page.locator('.monaco-editor .dbg-breakpoint-glyph').boundingBox())!
    const row44 = (await lineNumber(page, 44).boundingBox())!
    expect(Math.abs(dot.y - row44.y)).toBeLessThan(row44.height / 2)

    await page.getByTestId('xdp-step-packet').click()
    await pausedAt(page, 'xdp_stats1_func', 52)
    await expect(page.getByTestId('traffic-toggle')).toHaveAttribute('data-traffic', 'off')
    await expect(page.getByTestId('traffic-toggle')).toBeDisabled()
    await expect(page.getByTestId('xdp-step-panel')).toContainText('traffic is off while the packet is stepped (stopped for it)')
    // eth0's program is the one stepped
    await expect(page.getByTestId('xdp-step-panel')).toContainText('xdp_stats1_func (prog id')
    await page.getByTestId('debug-continue').click()
    await pausedAt(page, 'xdp_stats_record_action', 44)
    await page.getByTestId('xdp-step-stop').click()
    await expect(page.getByTestId('xdp-step-status')).toHaveAttribute('data-phase', 'done')
    await expect(page.getByTestId('xdp-step-status')).toContainText('stopped before it returned')
    await expect(page.getByTestId('debug-where')).toHaveText('')
    await expect(page.getByTestId('traffic-toggle')).toBeEnabled()

    // the next packet: breakpoint off, Run to cursor (Ctrl+F10) to the return line
    // (a click on the red dot itself: the editor may still be scrolling after the stop)
    await page.locator('.monaco-editor .dbg-breakpoint-glyph').click()
    await expect(page.locator('.monaco-editor .dbg-breakpoint-glyph')).toHaveCount(0)
    await page.getByTestId('xdp-step-packet').click()
    await pausedAt(page, 'xdp_stats1_func', 52)
    // the cursor on line 46, with the editor's Go to Line (Ctrl+G)
    await page.locator('.monaco-editor textarea').first().focus()
    await page.keyboard.press('Control+G')
    await page.keyboard.type('46')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+F10')
    await pausedAt(page, 'xdp_stats_record_action', 46)
    await expect(page.getByTestId('debug-locals')).toContainText('rx_packets = ')
    await screenshot(page, info.project.name, 'xdp-stepping-run-to-cursor')
    await page.keyboard.press('F5')
    await expect(page.getByTestId('xdp-step-status')).toHaveAttribute('data-action', 'XDP_PASS')
  })
})
