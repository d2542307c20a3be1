/**
 * The debugger in a real browser: stepping through the seed lookup program line by line while
 * the inspector shows the map change at the update line; step back restores the map to before
 * a delete; the syscall inspector shows a lookup's attr and copies; a breakpoint set with a
 * gutter click stops a loop at each iteration; the per-CPU buffer bug ends with an
 * AddressSanitizer report in the console.
 */
import { expect, test, type Page } from '@playwright/test'
import { lastRun, lastRunId, loadExample, openApp, runAfter, screenshot } from './helpers'

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

test.describe('time travel, inline probes and the syscall inspector', () => {
  test('inline probes show what the last run saw at each // ^? line', async ({ page }, info) => {
    await openApp(page)
    await page.locator('.monaco-editor').waitFor()
    const before = await lastRunId(page)
    // no indentation: the editor indents a probe and its code line alike, keeping the caret under the name
    await typeIntoEditor(
      page,
      [
        '#include <stdio.h>',
        '#include <bpf/bpf.h>',
        'int main(void) {',
        'int fd = bpf_map_create(BPF_MAP_TYPE_HASH, "probed", sizeof(int), sizeof(long), 8, NULL);',
        '//   ^?',
        'long sum = 0;',
        'for (int k = 1; k <= 4; k++) {',
        'sum += k * 10;',
        '//^?',
        'bpf_map_update_elem(fd, &k, &sum, BPF_ANY);',
        '}',
        'int missing = 99;',
        'long got = -1;',
        'int err = bpf_map_lookup_elem(fd, &missing, &got);',
        '//   ^?',
        'return 0;',
        '}',
      ].join('\n'),
    )
    await page.keyboard.press('ControlOrMeta+Enter')
    const result = await lastRun(page, before)
    expect(result.rc).toBe(0)
    const probes = page.locator('.monaco-editor .probe-value')
    await expect(probes).toHaveCount(3)
    // (Monaco draws the spaces as non-breaking ones: \s matches both)
    await expect(probes.nth(0)).toHaveText(/fd\s=\s3$/)
    await expect(probes.nth(1)).toHaveText(/sum\s=\s100\s+\(ran\s4×:\s10,\s30,\s60,\s100\)$/)
    await expect(probes.nth(2)).toHaveText(/err\s=\s-2$/)
    await screenshot(page, info.project.name, 'inline-probes')
  })

  test('step back restores the map to before a delete', async ({ page }, info) => {
    await openApp(page)
    await loadExample(page, '03-delete')
    await page.locator('.monaco-editor').waitFor()
    const before = await lastRunId(page)
    await page.getByTestId('debug-step-into').click()
    await pausedAt(page, 17)
    // at the first line there is nowhere to go back to
    await expect(page.getByTestId('debug-step-back')).toBeDisabled()
    for (const line of [18, 19, 21, 22, 23, 24, 31]) {
      await page.keyboard.press('F10')
      await pausedAt(page, line)
    }
    await page.locator('.maps-table tr[data-map-name="hash_map_exampl"]').last().click()
    const detail = page.getByTestId('map-detail')
    await expect(detail.locator('tbody tr')).toHaveCount(1)
    await expect(detail.locator('tbody tr').first()).toContainText('250')
    // over the delete: the map is empty and the program printed its line
    await page.keyboard.press('F10')
    await pausedAt(page, 32)
    await page.keyboard.press('F10')
    await pausedAt(page, 39)
    await expect(detail).toContainText('The map is empty.')
    const run = await runAfter(page, before)
    await expect(run).toContainText('Key 20 deleted successfully')
    // back twice, to the delete line: the element is back, the program is as it was there
    await page.getByTestId('debug-step-back').click()
    await pausedAt(page, 32)
    await expect(page.getByTestId('debug-where')).toContainText('stepped back')
    await page.keyboard.press('Shift+F10')
    await pausedAt(page, 31)
    await expect(detail.locator('tbody tr')).toHaveCount(1)
    await expect(detail.locator('tbody tr').first()).toContainText('250')
    await expect(local(page, 'key')).toHaveText('20')
    // the console shows what the program had printed by then, and not the deletion
    await expect(run).toContainText('Element inserted or updated successfully: key = 20, value = 250')
    await expect(run).not.toContainText('deleted successfully')
    // and the syscall inspector has only the calls made by then: create and update
    await expect(page.getByRole('tab', { name: /bpf\(\) calls/ })).toHaveText(/bpf\(\) calls\s*2$/)
    await screenshot(page, info.project.name, 'stepping-back')
    // forward again: the same delete happens again, and the run ends as it would have
    await page.keyboard.press('F10')
    await pausedAt(page, 32)
    await expect(detail).toContainText('The map is empty.')
    await page.getByTestId('debug-continue').click()
    const result = await lastRun(page, before)
    expect(result.rc).toBe(0)
    expect(result.out).toBe(
      'Hash map created successfully with fd: 3\nElement inserted or updated successfully: key = 20, value = 250\nKey 20 deleted successfully\nConfirmed that key 20 no longer exists\n',
    )
  })

  test('the syscall inspector shows the attr of a lookup and the bytes copied in and out', async ({ page }, info) => {
    await openApp(page)
    await loadExample(page, '02-lookup')
    await page.locator('.monaco-editor').waitFor()
    await page.getByTestId('debug-step-into').click()
    await pausedAt(page, 17)
    for (const line of [18, 19, 21, 22, 23, 24, 31, 32, 33]) {
      await page.keyboard.press('F10')
      await pausedAt(page, line)
    }
    // over the lookup line
    await page.keyboard.press('F10')
    await pausedAt(page, 34)
    await page.getByRole('tab', { name: /bpf\(\) calls/ }).click()
    const sc = page.getByTestId('syscall-inspector')
    const call = page.getByTestId('syscall-detail')
    await expect(call).toHaveAttribute('data-cmd', 'BPF_MAP_LOOKUP_ELEM')
    await expect(call).toContainText('bpf_map_lookup_elem() → bpf(BPF_MAP_LOOKUP_ELEM, &attr, 32) = 0')
    await expect(call).toContainText('user.c:33')
    // the attr members: the map's fd, pointers named by the variables they point to
    await expect(call.locator('tr[data-field="map_fd"]')).toContainText('fd of map “hash_map_exampl”')
    await expect(call.locator('tr[data-field="key"]')).toContainText('→ lookup_key (int), main()\'s stack')
    await expect(call.locator('tr[data-field="value"]')).toContainText('→ lookup_val (int), main()\'s stack')
    await expect(call.locator('tr[data-field="flags"]')).toContainText('BPF_ANY')
    // the same call as strace prints it
    await expect(call.getByLabel('As strace prints it')).toHaveText(/^bpf\(BPF_MAP_LOOKUP_ELEM, \{map_fd=3, key=0x[0-9a-f]+, value=0x[0-9a-f]+, flags=BPF_ANY\}, 32\) = 0$/)
    // the copies: the attr and the key in, the value out
    await expect(call.locator('.sc-copy')).toHaveCount(3)
    const key = call.locator('.sc-copy[data-via="key"]')
    await expect(key).toHaveAttribute('data-dir', 'in')
    await expect(key).toContainText('copy_from_user · 4 B')
    await expect(key).toContainText('0a 00 00 00 = 10')
    const value = call.locator('.sc-copy[data-via="value"]')
    await expect(value).toHaveAttribute('data-dir', 'out')
    await expect(value).toContainText('copy_to_user · 4 B')
    await expect(value).toContainText('64 00 00 00 = 100')
    await expect(value).toContainText('map “hash_map_exampl”: value')
    // the calls made by this step are marked in the list
    await expect(sc.locator('.sc-item-new')).toHaveCount(1)
    await screenshot(page, info.project.name, 'syscall-inspector')
    // a failing lookup explains its errno
    await page.keyboard.press('F10')
    await pausedAt(page, 41)
    for (const line of [42, 43]) {
      await page.keyboard.press('F10')
      await pausedAt(page, line)
    }
    await page.keyboard.press('F10')
    await expect(call.getByTestId('syscall-ret')).toHaveText('= -1 ENOENT (No such file or directory)')
    await expect(call.locator('.sc-copy')).toHaveCount(2)
    await page.getByTestId('debug-continue').click()
  })
})
