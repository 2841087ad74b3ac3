/**
 * End-to-end: wizards 5–7 in standalone mode. Chromium (playwright-core, Debian's /usr/bin/chromium)
 * opens the built pane, the user opens a fixture workbook built from code
 * (tests/fixtures/wizards-5-7.ts), runs 试用期管理, 年度末位淘汰 (excluding one cadre by hand, with a
 * reason) and 设置 (a refused value first, then valid ones), downloads the result workbook, and we
 * read it back with exceljs (sheets) and the file adapter (settings). A screenshot of each result
 * step, taken at the task pane's narrow width (340 px) where the results table must fit, goes to
 * test-output/e2e/wizard-<n>-zh.png and wizard-<n>-en.png (harness runWizard). Nothing
 * may leave localhost.
 */
import type { Page } from 'playwright-core';
import { ASSESSMENT_PLAN, PROBATION_AS_OF, wizards57Workbook } from '../fixtures/wizards-5-7';
import { openFileWorkbook } from '../../src/workbook/file/file-workbook';
import { loadWorkbookPolicy } from '../../src/policy/workbook-policy';
import { isWorkingDay } from '../../src/calendar';
import {
  backToWizardList,
  describeInChromium,
  expectStayedLocalAndClean,
  openWizardsWith,
  readXlsx,
  rowValues,
  runWizard,
  usePane,
  visibleSheetNames,
  wizardToResults,
  writeWizardOutput,
} from './harness';

describeInChromium('wizards 5–7 in standalone mode', () => {
  const pane = usePane({ width: 560, locale: 'zh-CN', tmpPrefix: 'cadre-wiz57-', files: { '台账.xlsx': wizards57Workbook } });
  let page: Page;

  beforeAll(async () => {
    ({ page } = pane);
    await openWizardsWith(pane, '台账.xlsx', 'probation');
  }, 60_000);

  const step = (): Promise<string> => page.locator('[data-testid="wizard-step"]').innerText();

  test('5 试用期管理: the committee output is found first; the ledger picked instead; statuses as of a date', async () => {
    await page.locator('[data-testid="open-probation"]').click();
    await page.waitForSelector('[data-testid="wizard-probation"]');
    await expect(page.locator('[data-testid="source-main"]').inputValue()).resolves.toBe('常委会表决结果');
    await page.locator('[data-testid="source-main"]').selectOption('试用期台账');
    await wizardToResults(pane);
    await page.locator('[data-testid="opt-asOf"]').fill(PROBATION_AS_OF);
    const text = await runWizard(pane, 5);
    expect(text).toContain('共 7 人：1 人 30 天内期满，1 人期满待考核，3 人试用期内，1 人已考核；逾期未交汇报 1 次');
    expect(text).toContain('张三 · 2026-01-14 · 30');
    expect(text).toContain('第3次汇报应于2025-10-31前提交，截至2025-12-15未收到');
    expect(text).toContain('试用期台账!E8：试用期开始（任职日期）未填写');
    // upcoming first in the table
    await expect(page.locator('[data-testid="result-table"] tbody tr').first().innerText()).resolves.toContain('张三');
    await writeWizardOutput(pane, '试用期管理');
    await backToWizardList(pane, 'elimination');
  }, 60_000);

  test('6 年度末位淘汰: population filter edited by hand, counts with the arithmetic, tie flagged, 四.2 list', async () => {
    await page.locator('[data-testid="open-elimination"]').click();
    await expect(page.locator('[data-testid="source-main"]').inputValue()).resolves.toBe('年度考核测评');
    await wizardToResults(pane);
    await expect(page.locator('[data-testid="population-summary"]').innerText()).resolves.toContain('纳入 150 人，未纳入 8 人，待确认 2 人');
    await page.locator('[data-testid="population-show-all"]').click();
    // 丙三 is the 93rd cadre (row 95): exclude with a reason, by keyboard (Space toggles the checkbox)
    const row = page.locator('[data-testid="population-table"] tr', { hasText: ASSESSMENT_PLAN.tiedAtRemoval[1] });
    const box = row.getByRole('checkbox');
    await expect(box.getAttribute('aria-label')).resolves.toContain(`纳入 ${ASSESSMENT_PLAN.tiedAtRemoval[1]}`);
    await box.focus();
    await page.keyboard.press('Space');
    await expect(page.locator('[data-testid="population-summary"]').innerText()).resolves.toContain('纳入 149 人');
    // the reason goes on its own line under the row
    await page.getByRole('textbox', { name: `${ASSESSMENT_PLAN.tiedAtRemoval[1]} 的调整理由` }).fill('已调任市直单位');
    await page.locator('[data-testid="population-show-all"]').click();
    const text = await runWizard(pane, 6);
    expect(text).toContain('总数 N = 149');
    expect(text).toContain('初步淘汰对象：2% × 149 = 2.98 → 3 人（四舍五入）');
    expect(text).toContain('免职：1% × 149 = 1.49 → 1 人（四舍五入）');
    expect(text).toContain('并列跨越名额界限');
    expect(text).toContain(`${ASSESSMENT_PLAN.top}`);
    expect(text).toContain(`${ASSESSMENT_PLAN.nonLeadingTrigger}`);
    await expect(page.locator('[data-testid="elimination-triggers"]').innerText()).resolves.toContain('20/40');
    await expect(page.locator('[data-testid="elimination-decisions"]').innerText()).resolves.toContain('并列第 3 名（初步淘汰对象）36 人：');
    // the pane lists who needs attention; the sheet holds the full ranking
    await expect(page.locator('[data-testid="result-table"] tbody tr[data-flag]').count()).resolves.toBe(1 + 1 + 36);
    await writeWizardOutput(pane, '末位淘汰测算');
    await backToWizardList(pane, 'settings');
  }, 60_000);

  test('7 设置: a bad value is refused next to its key; valid edits and a calendar day saved in the workbook', async () => {
    await page.locator('[data-testid="open-settings"]').click();
    await page.waitForSelector('[data-testid="policy-table"]');
    await expect(step()).resolves.toContain('查看结果');
    const days = page.getByLabel('notice.days 的值');
    await days.fill('0');
    await expect(page.locator('[data-testid="policy-table"] tr[data-key="notice.days"]').innerText()).resolves.toContain('notice.days 必须是正整数，收到 0');
    await page.locator('[data-testid="wizard-run"]').click();
    await page.waitForSelector('[data-testid="wizard-result"]');
    await expect(page.locator('[data-testid="wizard-result"]').innerText()).resolves.toContain('工作簿未作任何修改');
    await days.fill('7');
    await page.getByLabel('elimination.rounding 的值').selectOption('floor');
    await page.getByLabel('recommend.newcomerMinRatio 的值').fill('35%');
    await page.locator('[data-testid="cal-holidays"]').fill('2026-10-09');
    await page.locator('[data-testid="cal-years"]').fill('2027 | 2027-01-01~2027-01-03 | 2027-02-14');
    // reset one key and put it back by its reset button
    await page.getByLabel('probation.dueSoonDays 的值').fill('45');
    await page.getByRole('button', { name: '将 probation.dueSoonDays 恢复为默认值' }).click();
    await expect(page.getByLabel('probation.dueSoonDays 的值').inputValue()).resolves.toBe('30');
    await page.locator('[data-testid="opt-writeSheet"]').click();
    const text = await runWizard(pane, 7);
    expect(text).toContain('共 3 项设置不同于默认值');
    await writeWizardOutput(pane, '政策设置');
    const downloaded = await pane.download('download');

    const wb = await readXlsx(downloaded.file);
    expect(visibleSheetNames(wb)).toEqual(['试用期台账', '常委会表决结果', '年度考核测评', '试用期管理', '末位淘汰测算', '政策设置']);
    const row = (sheet: string, r: number): unknown[] => rowValues(wb, sheet, r);
    // 试用期管理: upcoming first, real dates
    expect(row('试用期管理', 1)[0]).toBe('试用期管理（截至2025-12-15）');
    expect(row('试用期管理', 4).slice(0, 3)).toEqual([1, '张三', '县教育局局长']);
    expect((row('试用期管理', 4)[4] as Date).toISOString().slice(0, 10)).toBe('2026-01-14');
    expect(row('试用期管理', 4)[13]).toBe('即将期满');
    expect(row('试用期管理', 5).slice(1, 2)).toEqual(['王二']);
    expect((row('试用期管理', 5)[4] as Date).toISOString().slice(0, 10)).toBe('2025-02-28');
    expect(row('试用期管理', 10)[13]).toBe('无法计算');
    // 末位淘汰测算: N, arithmetic, ranked rows, 四.2 list, the hand exclusion with its reason
    const elim: string[] = []; // whole rows joined with |
    const lines: string[] = []; // first cells (a merged line repeats its text in every cell)
    wb.getWorksheet('末位淘汰测算')!.eachRow((r) => {
      const cells = (r.values as unknown[]).slice(1).map((v) => (v && typeof v === 'object' && 'text' in v ? (v as { text: string }).text : String(v ?? '')));
      elim.push(cells.join('|'));
      lines.push(cells[0] ?? '');
    });
    expect(lines).toContain('一、测算范围：正科级、副科级实职领导干部，总数 N = 149 人');
    expect(lines.some((l) => l.startsWith(`　　人工排除：${ASSESSMENT_PLAN.tiedAtRemoval[1]}（年度考核测评!B`) && l.endsWith('理由：已调任市直单位'))).toBe(
      true,
    );
    expect(lines).toContain('　　免职：1% × 149 = 1.49 → 1 人（四舍五入）');
    expect(elim.find((l) => l.startsWith(`1|${ASSESSMENT_PLAN.top}|`))).toMatch(/\|免职\|\|是\|/);
    expect(lines).toContain('四、不称职票达到二分之一（由组织、纪检部门联合调查）：2 人');
    // 政策设置 sheet and the stored settings
    expect(row('政策设置', 1)[0]).toBe('政策设置（本工作簿）');
    const book = await openFileWorkbook(downloaded.bytes);
    const loaded = await loadWorkbookPolicy((k) => book.getSetting(k));
    expect(loaded.errors).toEqual([]);
    expect(loaded.policy.notice.days).toBe(7);
    expect(loaded.policy.elimination.rounding).toBe('floor');
    expect(loaded.policy.recommend.newcomerMinRatio).toBe(0.35);
    expect(loaded.policy.probation.dueSoonDays).toBe(30);
    expect(isWorkingDay(loaded.calendar, { y: 2026, m: 10, d: 9 })).toEqual({ ok: true, value: false, notes: [] });
    expect(isWorkingDay(loaded.calendar, { y: 2027, m: 2, d: 14 })).toEqual({ ok: true, value: true, notes: [] });
  }, 90_000);

  test('the 政策设置 page shows the saved values (same editor, same storage)', async () => {
    await page.getByRole('tab', { name: '政策设置' }).click();
    await page.waitForSelector('[data-testid="settings-save"]');
    await expect(page.getByLabel('notice.days 的值').inputValue()).resolves.toBe('7');
    await expect(page.locator('[data-testid="cal-holidays"]').inputValue()).resolves.toBe('2026-10-09');
    await expect(page.locator('[data-testid="policy-table"] tr[data-key="notice.days"]').getAttribute('data-changed')).resolves.toBe('yes');
  }, 30_000);

  expectStayedLocalAndClean(pane);
});
