/**
 * End-to-end: a whole selection round in standalone mode. Chromium (playwright-core, Debian's
 * /usr/bin/chromium) opens the built pane, the user opens a fixture workbook built from code
 * (tests/fixtures/selection-round.ts), runs 民主推荐计票 → 考察对象与一职双备 → 任前公示 → 常委会表决
 * — each wizard finding the sheet the previous one wrote — downloads the result workbook and we
 * read it back with exceljs. A screenshot of each wizard's result step goes to
 * test-output/e2e/wizard-<n>-zh.png and -en.png, at the pane's narrow width (340 px) where the
 * results table must fit without scrolling sideways. Nothing may leave localhost.
 */
import type { Page } from 'playwright-core';
import { selectionRoundWorkbook, ROUND_IDS } from '../fixtures/selection-round';
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

describeInChromium('procedure wizards in standalone mode', () => {
  const pane = usePane({ width: 520, locale: 'zh-CN', tmpPrefix: 'cadre-wiz-', files: { '选拔.xlsx': selectionRoundWorkbook } });
  let page: Page;

  beforeAll(async () => {
    ({ page } = pane);
    await openWizardsWith(pane, '选拔.xlsx', 'tally');
  }, 60_000);

  /** Open a wizard, check its detected source, go to the results step. */
  async function openWizard(id: string, source: string): Promise<void> {
    await page.locator(`[data-testid="open-${id}"]`).click();
    await page.waitForSelector(`[data-testid="wizard-${id}"]`);
    await expect(page.locator('[data-testid="source-main"]').inputValue()).resolves.toBe(source);
    await wizardToResults(pane);
  }

  async function writeAndClose(sheet: string): Promise<void> {
    await writeWizardOutput(pane, sheet);
    await backToWizardList(pane, 'tally');
  }

  test('1 民主推荐计票', async () => {
    await expect(page.locator('[data-testid="source-of-tally"]').innerText()).resolves.toBe('数据来源：民主推荐汇总');
    await openWizard('tally', '民主推荐汇总');
    const text = await runWizard(pane, 1);
    expect(text).toContain('共 15 名被推荐人：达标 13 人，未达标 2 人');
    expect(text).toContain('领导推荐未署名：高峰');
    expect(text).toContain('29.96%');
    expect(await page.locator('[data-testid="result-table"] tr[data-flag="error"]').count()).toBe(1);
    await writeAndClose('推荐计票结果');
  }, 60_000);

  test('2 考察对象与一职双备 finds the tally output', async () => {
    await expect(page.locator('[data-testid="source-of-shortlist"]').innerText()).resolves.toBe('数据来源：推荐计票结果');
    await openWizard('shortlist', '推荐计票结果');
    const text = await runWizard(pane, 2);
    expect(text).toContain('教育局局长：符合条件的考察对象 3 人，少于1:4');
    expect(text).toContain('名额界限处并列');
    await writeAndClose('考察对象与拟任人选');
  }, 60_000);

  test('3 任前公示 finds the shortlist and the roster; end date across National Day', async () => {
    await openWizard('notice', '考察对象与拟任人选');
    await page.locator('[data-testid="opt-start"]').fill('2026-09-30');
    const text = await runWizard(pane, 3);
    expect(text).toContain('2026-09-30开始，2026-10-12截止');
    expect(text).toContain('2026-10-01至2026-10-07');
    expect(text).toContain('唐宁（缺经济审计）');
    for (const id of Object.values(ROUND_IDS)) expect(text).not.toContain(id);
    await writeAndClose('任前公示表');
  }, 60_000);

  test('4 常委会表决 from the notice', async () => {
    await openWizard('committee', '任前公示表');
    // Computing without the votes names what is missing
    await page.locator('[data-testid="wizard-run"]').click();
    await expect(page.locator('[data-testid="wizard-message"]').innerText()).resolves.toContain('请填写：应到委员人数');
    const values: Record<string, string> = {
      members: '31',
      present: '30',
      appointed: '2026-10-20',
      'votes.0.0': '20',
      'votes.0.1': '10',
      'votes.1.0': '12',
      'votes.1.1': '12',
      'votes.1.2': '6',
      'votes.2.0': '16',
      'votes.2.1': '14',
    };
    for (const [k, v] of Object.entries(values)) await page.locator(`[data-testid="opt-${k}"]`).fill(v);
    const text = await runWizard(pane, 4);
    expect(text).toContain('当选：陈明');
    expect(text).toContain('无人当选，重新投票');
    expect(text).toContain('得票最多者并列');
    await writeAndClose('常委会表决结果');
  }, 60_000);

  test('writing again asks before replacing; cancel leaves the workbook alone', async () => {
    await openWizard('tally', '民主推荐汇总');
    await page.locator('[data-testid="wizard-run"]').click();
    await page.waitForSelector('[data-testid="wizard-result"]');
    await page.locator('[data-testid="wizard-next"]').click();
    await page.locator('[data-testid="write-output"]').click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog.innerText()).resolves.toContain('工作表“推荐计票结果”已存在');
    await page.locator('[data-testid="conflict-cancel"]').click();
    await expect(page.locator('[data-testid="wizard-message"]').innerText()).resolves.toContain('未写出');
  }, 60_000);

  test('the downloaded workbook holds every wizard sheet (read back with exceljs)', async () => {
    const { file } = await pane.download(async () => {
      // the download button sits on the write step of any wizard that wrote: write the tally under a new name
      await page.locator('[data-testid="write-output"]').click();
      await page.locator('[data-testid="conflict-name"]').fill('推荐计票结果-复核');
      await page.locator('[data-testid="conflict-rename"]').click();
      await page.locator('[data-testid="download"]').click();
    });
    const wb = await readXlsx(file);
    const names = visibleSheetNames(wb);
    expect(names).toEqual(['民主推荐汇总', '花名册', '推荐计票结果', '考察对象与拟任人选', '任前公示表', '常委会表决结果', '推荐计票结果-复核']);
    const row = (sheet: string, r: number): unknown[] => rowValues(wb, sheet, r);
    expect(row('推荐计票结果', 4).slice(0, 4)).toEqual([1, '陈明', '农业局局长', '原班子成员']);
    expect(row('推荐计票结果', 4)[12]).toBe('达标');
    expect(row('考察对象与拟任人选', 3)[9]).toBe('一职双备');
    expect(row('考察对象与拟任人选', 11).slice(1, 3)).toEqual(['财政局局长', '许诺']);
    expect(row('考察对象与拟任人选', 11)[9]).toBe('建议人选（并列，待研究）');
    const notice = wb.getWorksheet('任前公示表')!;
    expect(row('任前公示表', 4).slice(1, 5)).toEqual(['陈明', '男', '1980.02', `${ROUND_IDS['陈明'].slice(0, 6)}********${ROUND_IDS['陈明'].slice(14)}`]);
    const end = row('任前公示表', 4)[12] as Date;
    expect(end.toISOString().slice(0, 10)).toBe('2026-10-12');
    let all = '';
    notice.eachRow((r) => r.eachCell((c) => (all += `${String(c.value)}\n`)));
    for (const id of Object.values(ROUND_IDS)) expect(all).not.toContain(id);
    expect(row('常委会表决结果', 4).slice(0, 3)).toEqual([1, '陈明', '农业局局长']);
    expect(row('常委会表决结果', 5).slice(0, 3)).toEqual([2, '罗军', '教育局局长']);
    expect((row('常委会表决结果', 4)[3] as Date).toISOString().slice(0, 10)).toBe('2026-10-20');
  }, 60_000);

  expectStayedLocalAndClean(pane);
});
