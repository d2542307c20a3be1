/**
 * The lesson player in Chromium: open a lesson, load the starter and see Check fail, load the
 * solution and see it pass, move on; deep links (?lesson=...&step=N); the embedded view;
 * an XDP step checked in the browser on the seeded CPUs; every step of every shipped lesson
 * judged in the browser as `bpfplay lessons --check` judges it; and an accessibility scan.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { openApp, screenshot, waitIdle, waitIsolated } from './helpers'

interface IndexEntry {
  id: string
  title: string
  steps: string[]
}
const index = JSON.parse(readFileSync('public/lessons/index.json', 'utf8')) as { lessons: IndexEntry[] }

async function check(page: Page): Promise<{ passed: number; total: number }> {
  const button = page.getByTestId('lesson-check')
  await expect(button).toBeEnabled()
  await button.click()
  await expect(page.getByTestId('check-summary')).toBeVisible({ timeout: 20_000 })
  await waitIdle(page)
  const total = await page.locator('.check-item').count()
  const passed = await page.locator('.check-item[data-state="pass"]').count()
  return { passed, total }
}

async function openLessonsPanel(page: Page): Promise<void> {
  await page.getByTestId('lessons-toggle').click()
  await expect(page.getByTestId('lesson-panel')).toBeVisible()
}

test.describe('lessons', () => {
  test('open a lesson: the starter fails its checks, the solution passes, then the next step', async ({ page }, info) => {
    await openApp(page)
    await openLessonsPanel(page)
    await expect(page.locator('[data-lesson]')).toHaveCount(index.lessons.length)
    await screenshot(page, info.project.name, 'lessons-list')
    await page.locator('[data-lesson="update-flags"]').click()
    const step = page.locator('.lesson-step')
    await expect(step).toHaveAttribute('data-step', '1')
    await expect(page.locator('.lesson-step-title')).toHaveText('BPF_ANY and BPF_EXIST')
    await expect(page).toHaveURL(/[?&]lesson=update-flags&step=1/)

    await page.getByTestId('load-starter').click()
    await expect(page.getByTestId('load-starter')).toHaveText('Starter loaded')
    const starter = await check(page)
    expect(starter.passed).toBeLessThan(starter.total)
    await expect(page.getByTestId('check-summary')).toHaveClass(/is-fail/)
    await expect(page.locator('.check-item[data-state="fail"]').first()).toContainText(/expected|printed|found|not in/)
    // The check ran in the console like any run: the starter's EEXIST is there.
    await expect(page.locator('.run').last()).toContainText('File exists')
    await screenshot(page, info.project.name, 'lesson-check-fails')

    await page.getByTestId('load-solution').click()
    const solution = await check(page)
    expect(solution).toEqual({ passed: 4, total: 4 })
    await expect(page.getByTestId('check-summary')).toHaveText('All 4 checks pass.')
    await expect(page.locator('[data-map-name="counts"]').first()).toBeVisible()
    await screenshot(page, info.project.name, 'lesson-check-passes')

    await page.getByTestId('step-next').click()
    await expect(step).toHaveAttribute('data-step', '2')
    await expect(page).toHaveURL(/step=2/)
    await expect(page.locator('.step-dot.is-passed')).toHaveCount(1)
    // Progress is remembered: back to the list, the lesson shows 1 step passed.
    await page.getByTestId('lesson-list').click()
    await expect(page.locator('[data-lesson="update-flags"]')).toContainText('1/3 steps passed')
  })

  test('a deep link opens a lesson at a step; a setup program runs before the check', async ({ page }, info) => {
    await openApp(page, './?lesson=pin-and-get&step=2')
    await expect(page.locator('.lesson-step')).toHaveAttribute('data-step', '2')
    await expect(page.locator('.lesson-step-title')).toHaveText('Open it from another process')
    await page.getByTestId('load-solution').click()
    expect(await check(page)).toEqual({ passed: 2, total: 2 })
    await expect(page.locator('.note').filter({ hasText: 'Lesson setup: ran pin.c' }).first()).toBeVisible()
    await screenshot(page, info.project.name, 'lesson-deep-link')
    // An unknown lesson says so.
    await page.goto('./?lesson=no-such-lesson')
    await expect(page.locator('.lessons-panel [role="alert"]')).toContainText('Could not open the lesson')
  })

  test('an XDP step is checked in the browser as the CLI checks it: the plain ++ starter loses updates, the atomic solution passes', async ({ page }, info) => {
    await openApp(page, './?lesson=xdp-atomic-counter&step=2')
    await expect(page.locator('.lesson-step')).toHaveAttribute('data-xdp', '1')
    await page.getByTestId('load-starter').click()
    await expect(page.getByRole('tab', { name: 'xdp_prog.c' })).toHaveAttribute('aria-selected', 'true')
    const starter = await check(page)
    expect(starter).toEqual({ passed: 1, total: 2 })
    // The seeded interleaving of `bpfplay lessons --check`: the lesson text's 959 of 1000.
    await expect(page.locator('.check-item[data-state="fail"]')).toContainText('key 2: value is 959 (expected 1000)')
    await expect(page.locator('.check-item[data-state="pass"]')).toContainText('xdp returned XDP_PASS 1000 times')
    // The run is the page's: loaded by the eth0 loader, its counter in the inspector.
    await expect(page.locator('.run').filter({ hasText: 'xdp-loader load xdp_prog.o' }).last()).toContainText('Loaded program xdp_stats1_func')
    await expect(page.locator('.note').filter({ hasText: '1000 packets of many-sources traffic through xdp_stats1_func on 2 CPUs' }).last()).toContainText('XDP_PASS 1000')
    await expect(page.getByTestId('eth0-status')).toContainText('no XDP program')
    await expect(page.locator('[data-map-name="xdp_stats_map"]').first()).toBeVisible()
    // The CPU panel counts the check's packets: 1000 ran, 959 counted, 41 lost.
    const row = page.getByTestId('lost-updates').locator('tr[data-map="xdp_stats_map"]')
    await expect(row).toHaveAttribute('data-ran', '1000')
    await expect(row).toHaveAttribute('data-counted', '959')
    await expect(row).toHaveAttribute('data-gap', '41')
    await screenshot(page, info.project.name, 'lesson-xdp-starter')

    await page.getByTestId('load-solution').click()
    expect(await check(page)).toEqual({ passed: 2, total: 2 })
    await expect(page.getByTestId('check-summary')).toHaveText('All 2 checks pass.')
    await screenshot(page, info.project.name, 'lesson-xdp-solution')

    // Step 1: a starter the verifier refuses fails "xdp program loads" with the verifier's words.
    await page.getByTestId('step-prev').click()
    await page.getByTestId('load-starter').click()
    expect(await check(page)).toEqual({ passed: 0, total: 2 })
    await expect(page.locator('.check-item[data-state="fail"]').first()).toContainText("map_value_or_null")
    await page.getByTestId('load-solution').click()
    expect(await check(page)).toEqual({ passed: 2, total: 2 })
  })

  test('embed mode: one step, run and check, minimal chrome', async ({ page }, info) => {
    await page.setViewportSize({ width: 1000, height: 640 })
    await page.goto('./?embed=1&lesson=lookup&step=2')
    await waitIsolated(page)
    await expect(page.locator('.app-embed')).toHaveAttribute('data-isolation', 'isolated')
    await expect(page.locator('.toolbar')).toHaveCount(0)
    await expect(page.locator('.step-dots')).toHaveCount(0)
    await expect(page.locator('.lesson-nav')).toHaveCount(0)
    await expect(page.locator('.embed-title')).toHaveText('A missing key is not an error')
    await expect(page.getByTestId('load-starter')).toHaveText('Starter loaded')
    await expect(page.locator('.embed-open')).toHaveAttribute('href', /\?lesson=lookup&step=2$/)
    const failing = await check(page)
    expect(failing.passed).toBeLessThan(failing.total)
    await page.getByTestId('load-solution').click()
    expect(await check(page)).toEqual({ passed: 3, total: 3 })
    await page.getByTestId('run').click()
    await waitIdle(page)
    await screenshot(page, info.project.name, 'lesson-embed')
    // Nothing of the embedded lesson is saved over the visitor's own workspace or progress.
    const stored = await page.evaluate(() => [localStorage.getItem('bpfplay:workspace:v1'), localStorage.getItem('bpfplay:lessons:v1')])
    expect(stored).toEqual([null, null])
  })

  test('every step, userspace and XDP: the solution passes in the browser and the starter fails', async ({ page }, info) => {
    test.skip(info.project.name !== 'headers', 'one serving mode is enough for this long test')
    test.setTimeout(300_000)
    await openApp(page)
    for (const lesson of index.lessons) {
      for (let i = 0; i < lesson.steps.length; i++) {
        await page.goto(`./?lesson=${lesson.id}&step=${i + 1}`)
        await expect(page.locator('.lesson-step')).toHaveAttribute('data-step', String(i + 1))
        await expect(page.getByTestId('boot-info')).toBeVisible()
        await waitIdle(page)
        await page.getByTestId('load-starter').click()
        const s = await check(page)
        expect(s.passed, `${lesson.id} step ${i + 1}: the starter must fail a check`).toBeLessThan(s.total)
        await page.getByTestId('load-solution').click()
        const r = await check(page)
        expect(r.passed, `${lesson.id} step ${i + 1}: the solution must pass every check`).toBe(r.total)
      }
    }
  })

  test('accessibility: no serious or critical violations in the lesson panel (both themes)', async ({ page }) => {
    await openApp(page, './?lesson=update-flags&step=1')
    await page.getByTestId('load-solution').click()
    await check(page)
    for (const theme of ['first', 'second']) {
      const results = await new AxeBuilder({ page }).include('.lessons-panel').include('.toolbar').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `${theme} theme`).toEqual([])
      if (theme === 'first') await page.getByRole('button', { name: /Switch to the (dark|light) theme/ }).click()
    }
    await page.goto('./?embed=1&lesson=batch&step=1')
    await expect(page.locator('.lesson-step')).toBeVisible()
    const embed = await new AxeBuilder({ page }).include('.app-embed').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    expect(embed.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
  })
})
