/**
 * Issue 15 in the standalone page: the table of refused files (tests/support/bad-files.ts) each
 * shows the reader's message in an alert, in Chinese and after switching to English, and the page
 * keeps the workbook it had; the picked file on disk is unchanged. .xls, WPS .et (same container)
 * and .ods open with their sheets recognised, a note saying the download is .xlsx, and the
 * checker runs on them.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { BAD_FILES, LEGACY_FILES, matches } from '../support/bad-files';
import { describeInChromium, expectStayedLocalAndClean, usePane } from './harness';

const files: Record<string, () => Promise<Uint8Array>> = {};
for (const f of BAD_FILES) files[f.name] = f.bytes;
for (const f of LEGACY_FILES) files[f.name] = f.bytes;

const OPEN_FAILED = { 'zh-CN': '无法打开该文件：', 'en-US': 'The file could not be opened: ' } as const;

describeInChromium('standalone page: legacy formats read, bad files refused', () => {
  const pane = usePane({ width: 420, locale: 'zh-CN', tmpPrefix: 'cadre-e2e-formats-', files });
  let page: Page;
  beforeAll(() => ({ page } = pane));

  test.each(BAD_FILES.map((f) => [f.name, f] as const))(
    '%s is refused with its message in both languages',
    async (name, bad) => {
      await pane.open(); // a fresh page: no alert left from the previous file
      const before = fs.readFileSync(path.join(pane.tmp, name));
      const label = await pane.testId('workbook-label').innerText();
      await pane.testId('file-input').setInputFiles(path.join(pane.tmp, name));
      const alert = page.getByRole('alert').filter({ hasText: OPEN_FAILED['zh-CN'] });
      await alert.waitFor();
      const zh = (await alert.innerText()).trim();
      expect([name, zh.startsWith(OPEN_FAILED['zh-CN']) && matches(bad.message, 'zh-CN', zh.slice(OPEN_FAILED['zh-CN'].length))]).toEqual([name, true]);
      await pane.setLanguage('en-US');
      const en = (await page.getByRole('alert').filter({ hasText: OPEN_FAILED['en-US'] }).innerText()).trim();
      expect([name, en.startsWith(OPEN_FAILED['en-US']) && matches(bad.message, 'en-US', en.slice(OPEN_FAILED['en-US'].length))]).toEqual([name, true]);
      await pane.setLanguage('zh-CN');
      // The page keeps the workbook it had; the file on disk is as it was.
      expect(await pane.testId('workbook-label').innerText()).toBe(label);
      expect(fs.readFileSync(path.join(pane.tmp, name)).equals(before)).toBe(true);
    },
    60_000,
  );

  test.each(LEGACY_FILES.map((f) => [f.name] as const))(
    '%s opens, says the download is .xlsx, and checks',
    async (name) => {
      const before = fs.readFileSync(path.join(pane.tmp, name));
      await pane.pick(name);
      await page.waitForSelector('[data-testid="sheet-name"]');
      expect(await page.locator('[data-testid="sheet-name"]').allInnerTexts()).toEqual(['试用期台账']);
      expect(await page.locator('[data-testid="sheet-kind"]').getAttribute('data-kind')).toBe('probation');
      expect(await pane.testId('format-note').innerText()).toContain('下载的修正文件为 .xlsx 格式');
      await page.getByRole('tab', { name: '检查台账' }).click();
      await page.locator('[data-testid="run-check"]').click();
      await page.waitForSelector('[data-testid="check-summary"]');
      expect(await page.locator('[data-testid="check-summary"]').innerText()).toMatch(/检查了 1 张台账/);
      await page.getByRole('tab', { name: '工作表' }).click();
      expect(fs.readFileSync(path.join(pane.tmp, name)).equals(before)).toBe(true);
      await pane.shot(`format-${name.replace('.', '-')}`);
    },
    60_000,
  );

  expectStayedLocalAndClean(pane);
});
