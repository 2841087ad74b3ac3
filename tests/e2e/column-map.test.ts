/**
 * End-to-end, standalone mode in Chromium at the task pane's opening width (340 px): 指定列 on the
 * 检查台账 screen (issue 11, point 2). A probation ledger whose start column is headed 到岗日期 is
 * checked (试用期开始 missing, no probation finding), the user picks 到岗日期 as 试用期开始, the check
 * runs again with the probation finding present, and the downloaded workbook holds the `columnMap`
 * setting (read back with exceljs). Screenshot: test-output/e2e/column-map-zh.png.
 */
import type { Page } from 'playwright-core';
import { COLUMN_MAP_SETTING_KEY } from '../../src/ledger/taught-map';
import { decodeSetting, SETTINGS_SHEET } from '../../src/workbook/file/settings-sheet';
import { unguessableProbationXlsx } from '../fixtures/layouts/kit';
import { describeInChromium, expectStayedLocalAndClean, NARROW_PANE, readXlsx, usePane } from './harness';

const FILE = '试用期台账.xlsx';

describeInChromium(
  '指定列 in Chromium (standalone)',
  () => {
    const pane = usePane({
      width: NARROW_PANE,
      locale: 'zh-CN',
      tmpPrefix: 'cadre-e2e-colmap-',
      files: { [FILE]: () => unguessableProbationXlsx() },
    });
    let page: Page;
    beforeAll(() => ({ page } = pane));

    const codes = (): Promise<(string | null)[]> =>
      page.locator('[data-testid="finding-code"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));

    test('指定列: pick 到岗日期 as 试用期开始, the check runs again with the probation finding, the mapping is in the download', async () => {
      await pane.open();
      await page.getByRole('tab', { name: '工作表' }).click();
      await pane.pick(FILE);
      await page.getByRole('tab', { name: '检查台账' }).click();
      await page.locator('[data-testid="check-as-of"]').fill('2025-03-10');
      await page.locator('[data-testid="run-check"]').click();
      await page.locator('[data-testid="check-summary"]').waitFor();

      // Before: the start column is missing, so no probation rule ran.
      expect(await codes()).toContain('ledger.column-missing');
      expect(await codes()).not.toContain('probation.awaiting-assessment');
      expect(await page.locator('[data-testid="column-map-missing"]').allInnerTexts()).toEqual(['“试用期干部”缺少：试用期开始']);
      expect(await page.locator('[data-testid="column-map-sheet"]').inputValue()).toBe('试用期干部');
      expect(await page.locator('[data-testid="column-map-field"]').inputValue()).toBe('probationStart');
      expect(await page.locator('[data-testid="column-map-save"]').isDisabled()).toBe(true);

      await page.locator('[data-testid="column-map-column"]').selectOption({ label: 'C 到岗日期' });
      await page.locator('[data-testid="column-map-save"]').click();

      // After: the check ran again, the probation finding is there and nothing is missing.
      await page.locator('[data-testid="check-info"]', { hasText: '已指定：“试用期干部”的表头“到岗日期”为试用期开始。' }).waitFor();
      await page.locator('[data-testid="finding-code"][data-code="probation.awaiting-assessment"]').waitFor();
      expect(await codes()).not.toContain('ledger.column-missing');
      expect(await page.locator('[data-testid="column-map-missing"]').count()).toBe(0);
      // The picker starts afresh: nothing chosen, nothing to save.
      expect(await page.locator('[data-testid="column-map-column"]').inputValue()).toBe('');
      expect(await page.locator('[data-testid="column-map-save"]').isDisabled()).toBe(true);
      expect(await page.locator('[data-testid="column-map-entry"]').allInnerTexts()).toEqual([expect.stringContaining('试用期干部!到岗日期 → 试用期开始')]);
      await page.locator('[data-testid="column-map"]').scrollIntoViewIfNeeded();
      await pane.shot('column-map-zh');

      // The choice is stored in the workbook: download it and read the setting with exceljs.
      const file = await pane.download('download-workbook');
      expect(file.name).toBe('试用期台账-已修正.xlsx');
      const wb = await readXlsx(file.file);
      const settings = wb.getWorksheet(SETTINGS_SHEET)!;
      expect(settings.state).toBe('veryHidden');
      const stored = decodeSetting(settings.rowCount, (r, c) => settings.findCell(r, c)?.value, COLUMN_MAP_SETTING_KEY);
      expect(JSON.parse(stored ?? 'null')).toEqual({ 试用期干部: { 到岗日期: 'probationStart' } });
      // The ledger itself is as it was: the header still reads 到岗日期.
      expect(wb.getWorksheet('试用期干部')!.getCell('C2').value).toBe('到岗日期');
    }, 120_000);

    expectStayedLocalAndClean(pane);
  },
  'a browser is available under CI (指定列)',
);
