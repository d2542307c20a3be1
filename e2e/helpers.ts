/**
 * Shared steps of the e2e tests: open the app and wait until it is ready, load an example, run
 * and collect what the program printed. Every wait is on a condition in the page, never a
 * fixed sleep.
 */
import { expect, type Locator, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'

export interface RunOutput {
  out: string
  err: string
  rc: number
  status: string
}

/**
 * The address with `demo=0`: a first visit then opens the quiet default example and runs it
 * once, instead of the live XDP demo (traffic that would make the tests' start depend on time).
 */
export function quietPath(path: string): string {
  const hashAt = path.indexOf('#')
  const base = hashAt < 0 ? path : path.slice(0, hashAt)
  const hash = hashAt < 0 ? '' : path.slice(hashAt)
  if (/[?&]demo=/.test(base)) return path
  return `${base}${base.includes('?') ? '&' : '?'}demo=0${hash}`
}

/**
 * Waits for cross-origin isolation. Served without COOP/COEP headers, the page gets it from
 * coi-serviceworker, which reloads the page once its worker is active; a loaded machine can miss
 * that first reload, and then a visitor's own reload finds the worker in charge: so does this.
 */
export async function waitIsolated(page: Page): Promise<void> {
  try {
    await page.waitForFunction(() => self.crossOriginIsolated === true, undefined, { timeout: 8000 })
  } catch {
    await page.reload()
    await page.waitForFunction(() => self.crossOriginIsolated === true)
  }
}

/** Opens the app (without the live demo) and waits for isolation, the kernel and the end of any run in progress (the first visit runs the default example). */
export async function openApp(page: Page, path = './'): Promise<void> {
  await page.goto(quietPath(path))
  await waitIsolated(page)
  await expect(page.locator('.app')).toHaveAttribute('data-isolation', 'isolated')
  await expect(page.getByTestId('boot-info')).toBeVisible()
  await waitIdle(page)
}

export async function waitIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const app = document.querySelector('.app')
    return app?.getAttribute('data-phase') === 'idle' && document.querySelectorAll('.run:not([data-phase="done"])').length === 0
  })
}

export async function loadExample(page: Page, id: string): Promise<void> {
  await page.getByRole('button', { name: /Examples/ }).click()
  await page.locator(`[data-example="${id}"]`).click()
  await expect(page.locator('.app')).toHaveAttribute('data-example', id)
}

/** Id of the newest run in the console (0 when there is none); runs started later have larger ids. */
export async function lastRunId(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, ...[...document.querySelectorAll<HTMLElement>('.run')].map((e) => Number(e.dataset.runId))))
}

/** The first run started after run `afterId` (waits until it appears). */
export async function runAfter(page: Page, afterId: number): Promise<Locator> {
  const id = await (
    await page.waitForFunction((a) => {
      const r = [...document.querySelectorAll<HTMLElement>('.run')].find((e) => Number(e.dataset.runId) > a)
      return r ? Number(r.dataset.runId) : false
    }, afterId)
  ).jsonValue()
  return page.locator(`.run[data-run-id="${id}"]`)
}

/** Clicks Run and returns the new run's stdout, stderr and exit status. */
export async function run(page: Page): Promise<RunOutput> {
  const before = await lastRunId(page)
  await page.getByTestId('run').click()
  return lastRun(page, before)
}

/** Waits for the run started after run `afterId` to end; returns what it printed. */
export async function lastRun(page: Page, afterId: number): Promise<RunOutput> {
  const runEl = await runAfter(page, afterId)
  await expect(runEl).toHaveAttribute('data-phase', 'done')
  return runEl.evaluate((el) => {
    const text = (stream: string) => [...el.querySelectorAll(`[data-stream="${stream}"]`)].map((s) => s.textContent ?? '').join('')
    return {
      out: text('stdout'),
      err: text('stderr'),
      rc: Number(el.getAttribute('data-exit-code')),
      status: el.querySelector('[data-testid="run-status"]')?.textContent ?? '',
    }
  })
}

export async function screenshot(page: Page, project: string, name: string): Promise<void> {
  mkdirSync('test-results/screenshots', { recursive: true })
  await page.screenshot({ path: `test-results/screenshots/${project}-${name}.png` })
}

/** Waits until Monaco shows the code with syntax colours (the tokenizer runs a moment after the editor appears). */
export async function editorReady(page: Page): Promise<void> {
  await page.locator('.monaco-editor .view-line span[class*="mtk"]:not(.mtk1)').first().waitFor()
}
