/**
 * The playground on a phone (390x844, touch): the code is shown read-only with colours instead
 * of in Monaco, Run works and brings the console into view, nothing needs sideways scrolling,
 * the editor's text stays the one source (Edit opens the full editor on the same text), and the
 * bare address's live demo runs there too.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { lastRun, lastRunId, openApp, screenshot, waitIsolated } from './helpers'

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 })

/** How far the page and the console reach past their width (0 = no sideways scrolling). */
async function overflow(page: Page): Promise<{ page: number; console: number }> {
  return page.evaluate(() => {
    const con = document.querySelector('.console-body') as HTMLElement
    return { page: document.documentElement.scrollWidth - innerWidth, console: con.scrollWidth - con.clientWidth }
  })
}

/** Waits until the page stops scrolling (a run scrolls the console into view smoothly). */
async function scrollSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const y = scrollY
        setTimeout(() => requestAnimationFrame(() => resolve(scrollY === y)), 300)
      }),
  )
}

/** The code view's text, line by line (one block per source line). */
async function shownCode(page: Page): Promise<string> {
  return page.locator('.code-view .cv-line').evaluateAll((lines) => lines.map((l) => l.textContent).join('\n'))
}

test.describe('phone', () => {
  test('the default example is readable, runs with a tap, and its output shows in the console', async ({ page }, info) => {
    await openApp(page)
    // Read-only, coloured, and no Monaco (nor its debugger controls) on a touch screen.
    const code = page.getByTestId('code-view')
    await expect(code).toBeVisible()
    await expect(page.locator('.monaco-editor')).toHaveCount(0)
    await expect(page.locator('.debug-bar')).toHaveCount(0)
    expect(await shownCode(page)).toBe(readFileSync('public/examples/demos/hello-maps.c', 'utf8'))
    await expect(code.locator('.tok-keyword').first()).toHaveCSS('color', 'rgb(207, 34, 46)')
    await expect(code.locator('.tok-comment').first()).toHaveCSS('font-style', 'italic')
    // The page opened at its top, with Run on screen.
    expect(await page.evaluate(() => scrollY)).toBe(0)
    await expect(page.getByTestId('run')).toBeInViewport()
    expect(await overflow(page)).toEqual({ page: 0, console: 0 })
    await screenshot(page, info.project.name, 'phone-code')
    const axe = await new AxeBuilder({ page }).include('.editor-card').include('.toolbar').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([])

    const before = await lastRunId(page)
    await page.getByTestId('run').tap()
    const got = await lastRun(page, before)
    expect(got.rc).toBe(0)
    expect(got.out).toContain('pinned at /sys/fs/bpf/scores')
    // The run brought the console into view; its output fits the screen's width.
    // (A smooth scroll: wait for it to arrive, then for the page to be still.)
    await expect.poll(() => page.locator('.console-card').evaluate((e) => Math.round(e.getBoundingClientRect().top))).toBeLessThan(40)
    await scrollSettled(page)
    await expect(page.locator(`.run[data-run-id="${before + 1}"]`)).toBeInViewport()
    expect(await overflow(page)).toEqual({ page: 0, console: 0 })
    await screenshot(page, info.project.name, 'phone-run')

    // The other file, then the full editor on the same text, and back.
    await page.getByRole('tab', { name: /xdp_prog\.c/ }).tap()
    await expect(code).toContainText('SEC("xdp")')
    await page.getByTestId('phone-edit').tap()
    await expect(page.locator('.monaco-editor')).toBeVisible()
    await expect(page.locator('.monaco-editor .view-line').first()).toContainText('XDP program')
    await page.getByTestId('phone-edit').tap()
    await expect(page.locator('.monaco-editor')).toHaveCount(0)
    expect(await shownCode(page)).toBe(readFileSync('public/examples/demos/xdp_pass_count.c', 'utf8'))
  })

  test('the bare address: the live demo runs on a phone too', async ({ page }, info) => {
    await page.goto('./')
    await waitIsolated(page)
    await expect(page.getByTestId('traffic-toggle')).toHaveAttribute('data-traffic', 'on')
    await expect(page.getByTestId('eth0-status')).toContainText('xdp_pass_count attached')
    await expect(page.getByTestId('code-view')).toContainText('xdp_stats_map')
    expect(await overflow(page)).toEqual({ page: 0, console: 0 })
    await screenshot(page, info.project.name, 'phone-demo')
    await page.getByTestId('stop').tap()
    await expect(page.getByTestId('traffic-toggle')).toHaveAttribute('data-traffic', 'off')
  })
})
