/**
 * End-to-end: Debian's Chromium (playwright-core, never a downloaded browser) opens the built task
 * pane in standalone mode over plain http on localhost, sees the sample ledger's sheets, switches
 * language, visits every route and takes screenshots into test-output/e2e/. Nothing may leave
 * localhost. Without /usr/bin/chromium the test is skipped with a message, except under CI=true
 * where a missing browser is a failure.
 */
import * as path from 'path';
import type { Page } from 'playwright-core';
import { ROOT, describeInChromium, expectStayedLocalAndClean, usePane } from './harness';

describeInChromium('standalone task pane in Chromium', () => {
  const pane = usePane({ width: 420, locale: 'en-US', tmpPrefix: 'cadre-e2e-' });
  let page: Page;
  beforeAll(() => ({ page } = pane));

  test('opens in standalone mode with the sample ledger listed (zh-CN first)', async () => {
    await pane.open();
    expect(await page.evaluate(() => document.documentElement.dataset.host)).toBe('standalone');
    expect(await page.locator('[data-testid="sheet-name"]').allInnerTexts()).toEqual(['花名册', '年度考核测评']);
    // recognised by the ledger engine: kind and the two-row header under the title and unit lines
    expect(await page.locator('[data-testid="sheet-kind"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual([
      'roster',
      'assessment',
    ]);
    expect(await page.locator('[data-testid="sheet-kind"]').first().innerText()).toContain('表头：第 3–4 行');
    await expect(page.locator('h1').innerText()).resolves.toBe('干部台账助手');
    expect(await page.locator('[data-testid="workbook-label"]').innerText()).toContain('示例台账');
    expect(await page.getByRole('button', { name: '选择一个工作簿（.xlsx、.xls、WPS .et 或 .ods）' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await pane.shot('standalone-zh');
  }, 60_000);

  test('switches to English and back', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Cadre Ledger Assistant');
    expect(await page.getByRole('tab', { name: 'Sheets' }).isVisible()).toBe(true);
    expect(await page.locator('[data-testid="workbook-label"]').innerText()).toContain('Sample ledger');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US');
    await pane.shot('standalone-en');
    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('干部台账助手');
  }, 30_000);

  test('opens a workbook the user picks', async () => {
    await pane.pick(path.join(ROOT, 'assets', 'sample-ledger.xlsx'));
    await page.waitForSelector('[data-testid="sheet-name"]');
    expect(await page.locator('[data-testid="sheet-name"]').allInnerTexts()).toEqual(['花名册', '年度考核测评']);
  }, 30_000);

  test('every route shows its screen; keyboard reaches the navigation', async () => {
    await page.getByRole('tab', { name: '检查台账' }).click();
    expect(page.url()).toMatch(/#\/check$/);
    await page.locator('[data-testid="run-check"]').click();
    await page.waitForSelector('[data-testid="check-summary"]');
    expect(await page.locator('[data-testid="check-summary"]').innerText()).toMatch(/检查了 \d+ 张台账/);

    await page.getByRole('tab', { name: '政策设置' }).click();
    const policy = page.locator('[data-testid="policy-table"]');
    await policy.waitFor();
    const text = await policy.innerText();
    expect(text).toContain('recommend.incumbentMinRatio');
    expect(text).toContain('50%');
    expect(text).toContain('二.2 原班子成员');
    expect(text).toContain('orgLife.maxAbsenceShare');
    await pane.shot('settings-zh');

    await page.goto(pane.url('#/brief'));
    await page.waitForSelector('#brief-title');
    await page.goto(pane.url('#/about'));
    expect(await page.locator('#main').innerText()).toContain('不收集、不发送任何使用数据');

    // The navigation is a tab list: focusable, and arrow keys move between pages.
    await page.getByRole('tab', { name: '关于' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#settings-title');
  }, 60_000);

  expectStayedLocalAndClean(pane);
});
