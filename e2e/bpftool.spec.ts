/**
 * The bpftool tab of the console: after seed 10-pin.c has pinned its map, bpftool lists it,
 * dumps it by its pin, updates it, and the inspector shows the new element; keyboard use
 * (tabs, history, completion) and an accessibility scan of the tab.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { lastRun, lastRunId, loadExample, openApp, screenshot } from './helpers'

async function bpftool(page: Page, line: string): Promise<{ out: string; err: string; rc: number }> {
  const input = page.getByTestId('bpftool-input')
  const before = await page.locator('.bt-entry').count()
  await input.fill(line)
  await input.press('Enter')
  const entry = page.locator('.bt-entry').nth(before)
  await expect(entry).not.toHaveAttribute('data-exit-code', '')
  return entry.evaluate((el) => {
    const text = (stream: string) => [...el.querySelectorAll(`[data-stream="${stream}"]`)].map((s) => s.textContent ?? '').join('')
    return { out: text('stdout'), err: text('stderr'), rc: Number(el.getAttribute('data-exit-code')) }
  })
}

test('bpftool in the console: map show, dump and update a pinned map, seen by the inspector', async ({ page }, info) => {
  await openApp(page)
  await page.evaluate(() => localStorage.removeItem('bpfplay.bpftool.history'))
  await loadExample(page, '10-pin')
  const before = await lastRunId(page)
  await page.getByTestId('run').click()
  expect((await lastRun(page, before)).out).toContain('Map pinned at /sys/fs/bpf/my_map')

  // The console's tabs: keyboard reachable, arrow keys move between them.
  const tabs = page.getByRole('tablist', { name: 'Console' })
  const outputTab = tabs.getByRole('tab', { name: 'Output' })
  await outputTab.focus()
  await page.keyboard.press('ArrowRight')
  const tab = tabs.getByRole('tab', { name: 'bpftool' })
  await expect(tab).toBeFocused()
  await expect(tab).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('bpftool-pane')).toBeVisible()
  await expect(page.getByTestId('console')).toBeHidden()

  const show = await bpftool(page, 'map show')
  expect(show.rc).toBe(0)
  // The default example's map (pinned by the first run) comes first.
  expect(show.out).toMatch(/^\d+: hash {2}name hash_map_exampl {2}flags 0x0\n\tkey 4B {2}value 4B {2}max_entries 1024 {2}memlock 82960B\n$/m)

  const dump = await bpftool(page, 'map dump pinned /sys/fs/bpf/my_map')
  expect(dump.out.split('\n').sort()).toEqual(['', 'Found 3 elements', 'key: 28 00 00 00  value: 90 01 00 00', 'key: 32 00 00 00  value: f4 01 00 00', 'key: 3c 00 00 00  value: 58 02 00 00'])

  // Select the map in the inspector, then change it from bpftool.
  await page.locator('.maps-table tr[data-map-name="hash_map_exampl"]').click()
  await expect(page.getByTestId('element-count')).toContainText('3 elements')
  const upd = await bpftool(page, 'map update pinned /sys/fs/bpf/my_map key 70 0 0 0 value hex bc 02 00 00 noexist')
  expect(upd).toEqual({ out: '', err: '', rc: 0 })
  await expect(page.getByTestId('element-count')).toContainText('4 elements')
  await expect(page.locator('.inspector-card')).toContainText('700')

  // Errors are bpftool's, in red, with the exit status.
  const again = await bpftool(page, 'map update pinned /sys/fs/bpf/my_map key 70 0 0 0 value 1 0 0 0 noexist')
  expect(again).toEqual({ out: '', err: 'Error: update failed: File exists\n', rc: 239 }) // -EEXIST & 255
  await expect(page.locator('.bt-entry').last().locator('.bt-stderr')).toHaveCSS('color', /rgb\((194, 28, 44|255, 123, 114)\)/)
  await page.getByTestId('bpftool-input').fill('map lookup pinned /sys/fs/bpf/my_map key 70 0 0 0')
  await screenshot(page, info.project.name, 'bpftool')
  await page.locator('.console-card').screenshot({ path: `test-results/screenshots/${info.project.name}-bpftool-card.png` })

  // History: Up recalls the previous command.
  const input = page.getByTestId('bpftool-input')
  await input.press('ArrowUp')
  await expect(input).toHaveValue('map update pinned /sys/fs/bpf/my_map key 70 0 0 0 value 1 0 0 0 noexist')
  await input.press('ArrowUp')
  await input.press('ArrowDown')
  await expect(input).toHaveValue('map update pinned /sys/fs/bpf/my_map key 70 0 0 0 value 1 0 0 0 noexist')
  await input.fill('')

  // Tab completes the subcommand and the pinned path.
  await input.fill('map lo')
  await input.press('Tab')
  await expect(input).toHaveValue('map lookup ')
  await input.pressSequentially('pinned /sys/fs/bpf/m')
  await input.press('Tab')
  await expect(input).toHaveValue('map lookup pinned /sys/fs/bpf/my_map ')
  await input.pressSequentially('key 70 0 0 0')
  await input.press('Enter')
  await expect(page.locator('.bt-entry').last()).toContainText('key: 46 00 00 00  value: bc 02 00 00')

  // bpftool is a process of the simulated machine: its calls are in the kernel's event log.
  const pretty = await bpftool(page, '-p map show pinned /sys/fs/bpf/my_map')
  expect(JSON.parse(pretty.out)).toMatchObject({ type: 'hash', name: 'hash_map_exampl', bytes_memlock: 82960, frozen: 0 })

  const results = await new AxeBuilder({ page }).include('.console-card').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])

  // The other theme, for a look at both.
  await page.getByRole('button', { name: /Switch to the (dark|light) theme/ }).click()
  await input.fill('map show name hash_map_exampl')
  await page.locator('.console-card').screenshot({ path: `test-results/screenshots/${info.project.name}-bpftool-card-theme2.png` })
})
