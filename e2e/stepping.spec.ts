/**
 * The debugger in a real browser: stepping through the seed lookup program line by line while
 * the inspector shows the map change at the update line; a breakpoint set with a gutter click
 * stops a loop at each iteration; the per-CPU buffer bug ends with an AddressSanitizer report in
 * the console.
 */
import { expect, test, type Page } from '@playwright/test'
import { lastRun, lastRunId, loadExample, openApp, screenshot } from './helpers'

const LINE_HEIGHT = 21
const PADDING_TOP = 10

async function typeIntoEditor(page: Page, text: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Delete')
  await page.keyboard.insertText(text)
  await page.keyboard.press('ControlOrMeta+Home')
}

async function pausedAt(page: Page, line: number): Promise<void> {
  await expect(page.getByTestId('debug-where')).toContainText(`line ${line}`)
  await expect(page.locator('.monaco-editor .dbg-current-line')).toHaveCount(1)
}

function local(page: Page, name: string) {
  return page.getByTestId('debug-locals').getByTestId(`dbg-value-${name}`).first()
}

/** A click in the editor's glyph margin at a line (the editor scrolled to the top). */
async function clickGutter(page: Page, line: number): Promise<void> {
  const margin = page.locator('.monaco-editor .margin').first()
  const box = (await margin.boundingBox())!
  await page.mouse.click(box.x + 9, box.y + PADDING_TOP + (line - 1) * LINE_HEIGHT + LINE_HEIGHT / 2)
}

test.describe('stepping', () => {
  test('step through the seed lookup program; the map changes in the inspector at the update line', async ({ page }, info) => {
    await openApp(page)
    await loadExample(page, '02-lookup')
    await page.locator('.monaco-editor').waitFor()
    const before = await lastRunId(page)
    await page.getByTestId('debug-step-into').click()
    // paused at main's first statement: int fd = create_hash_map();
    await pausedAt(page, 17)
    await expect(page.getByTestId('debug-panel')).toBeVisible()
    // step into create_hash_map, then out again
    await page.keyboard.press('F11')
    await pausedAt(page, 6)
    await expect(page.getByTestId('debug-panel').locator('.dbg-frame')).toHaveText([/create_hash_map\(\)/, /main\(\)/])
    await page.keyboard.press('Shift+F11')
    await pausedAt(page, 18)
    // the map exists and is empty
    await page.locator('.maps-table tr[data-map-name="hash_map_exampl"]').last().click()
    const detail = page.getByTestId('map-detail')
    await expect(detail).toContainText('The map is empty.')
    for (const line of [19, 21, 22, 23]) {
      await page.getByTestId('debug-step-over').click()
      await pausedAt(page, line)
    }
    await expect(local(page, 'key')).toHaveText('10')
    await expect(local(page, 'value')).toHaveText('100')
    await expect(detail).toContainText('The map is empty.')
    // over the update line: the kernel holds 10 -> 100 while the program is still paused
    await page.keyboard.press('F10')
    await pausedAt(page, 24)
    await expect(detail.locator('tbody tr')).toHaveCount(1)
    await expect(detail.locator('tbody tr').first()).toContainText('100')
    await screenshot(page, info.project.name, 'stepping-lookup')
    // run to the end
    await page.getByTestId('debug-continue').click()
    const result = await lastRun(page, before)
    expect(result.rc).toBe(255)
    expect(result.out).toContain('Found value 100 for key 10')
    await expect(page.getByTestId('debug-panel')).toHaveCount(0)
  })

  test('a breakpoint set with a gutter click stops a loop at every iteration', async ({ page }, info) => {
    await openApp(page)
    await page.locator('.monaco-editor').waitFor()
    await typeIntoEditor(
      page,
      '#include <stdio.h>\n\nint main(void)\n{\n    long total = 0;\n    for (int i = 0; i < 5; i++) {\n        total += i * i;\n    }\n    printf("total %ld\\n", total);\n    return 0;\n}\n',
    )
    await clickGutter(page, 7)
    await expect(page.locator('.monaco-editor .dbg-breakpoint-glyph')).toHaveCount(1)
    const before = await lastRunId(page)
    await page.keyboard.press('F5')
    await pausedAt(page, 7)
    await expect(local(page, 'i')).toHaveText('0')
    await page.keyboard.press('F5')
    await pausedAt(page, 7)
    await expect(local(page, 'i')).toHaveText('1')
    await page.getByTestId('debug-continue').click()
    await expect(local(page, 'i')).toHaveText('2')
    await expect(local(page, 'total')).toHaveText('1')
    await screenshot(page, info.project.name, 'stepping-breakpoint')
    // clear it while paused: the program runs to its end
    await clickGutter(page, 7)
    await expect(page.locator('.monaco-editor .dbg-breakpoint-glyph')).toHaveCount(0)
    await page.keyboard.press('F5')
    const result = await lastRun(page, before)
    expect(result.out).toBe('total 30\n')
    expect(result.rc).toBe(0)
  })

  test('the per-CPU buffer bug ends with an AddressSanitizer report in the console', async ({ page }, info) => {
    await openApp(page)
    await page.locator('.monaco-editor').waitFor()
    await typeIntoEditor(
      page,
      [
        '#include <bpf/bpf.h>',
        '#include <bpf/libbpf.h>',
        '#include <stdio.h>',
        '',
        'int main(void)',
        '{',
        '    int fd = bpf_map_create(BPF_MAP_TYPE_PERCPU_ARRAY, "counts", sizeof(int), sizeof(long), 4, NULL);',
        '    int key = 0;',
        '    long value; /* one slot: a per-CPU map needs one per possible CPU */',
        '    bpf_map_lookup_elem(fd, &key, &value);',
        '    printf("value %ld\\n", value);',
        '    return 0;',
        '}',
        '',
      ].join('\n'),
    )
    const before = await lastRunId(page)
    await page.getByTestId('run').click()
    const result = await lastRun(page, before)
    expect(result.rc).toBe(1)
    expect(result.out).toBe('')
    expect(result.err).toMatch(/==\d+==ERROR: AddressSanitizer: stack-buffer-overflow on address 0x[0-9a-f]+/)
    expect(result.err).toMatch(/WRITE of size \d+ at 0x[0-9a-f]+ thread T0/)
    expect(result.err).toContain("'value' (line 9) <== Memory access")
    // (the column depends on the indentation the editor added while typing)
    expect(result.err).toMatch(/SUMMARY: AddressSanitizer: stack-buffer-overflow user\.c:10:\d+ in main/)
    expect(result.err).toContain('bpfplay checks every syscall buffer like gcc -fsanitize=address would')
    await screenshot(page, info.project.name, 'stepping-asan')
  })
})
