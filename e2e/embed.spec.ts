import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { run, screenshot, waitIsolated } from './helpers'

// ?embed=1&example=<id>: one example for an iframe in a docs page, with click-to-run.
test('embed mode for an example: minimal chrome, click to run, nothing saved', async ({ page }, info) => {
  await page.setViewportSize({ width: 1000, height: 640 })
  await page.goto('./?embed=1&example=hello-maps')
  await waitIsolated(page)
  await expect(page.locator('.app-embed')).toHaveAttribute('data-isolation', 'isolated')
  await expect(page.locator('.toolbar')).toHaveCount(0)
  await expect(page.locator('.inspector-card')).toHaveCount(0)
  await expect(page.locator('.embed-title')).toHaveText('A first hash map')
  await expect(page.getByTestId('run')).toBeEnabled()
  const r = await run(page)
  expect(r.rc).toBe(0)
  expect(r.out).toContain("created hash map 'scores'")
  await screenshot(page, info.project.name, 'example-embed')
  const axe = await new AxeBuilder({ page }).include('.app-embed').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
  expect(await page.evaluate(() => localStorage.getItem('bpfplay:workspace:v1'))).toBeNull()
})
