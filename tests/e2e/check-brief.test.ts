/**
 * End-to-end, standalone mode in Chromium: 检查台账 on a fixture workbook picked with the file
 * picker (findings grouped with counts, click a cell), the fix preview (untick one row, apply),
 * download the changed workbook and read it back (exactly the ticked cells changed), undo
 * (download again: restored); then 常委会材料 (write the sheet, asked before replacing it,
 * download the .docx: a zip whose word/document.xml has the section titles). Screenshots:
 * test-output/e2e/check-findings-{zh,en}.png, fix-preview-{zh,en}.png, brief-{zh,en}.png (the same screen
 * switched to English).
 */
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { SECTION_TITLES } from '../../src/brief/brief-document';
import type { Grid } from '../../src/ledger/grid';
import { openFileWorkbook } from '../../src/workbook/file/file-workbook';
import { runLedgerCheck } from '../../src/taskpane/check/controller';
import { editKey, prepareFixes } from '../../src/taskpane/check/changes';
import { DEFAULT_POLICY } from '../../src/policy/policy';
import { rosterWorkbook } from '../fixtures/build';
import { fullBriefWorkbook, ROSTER_IDS } from '../unit/brief/fixtures';
import { describeInChromium, expectStayedLocalAndClean, usePane } from './harness';

const AS_OF = '2022-10-01';

/** [value, formula, format] of every cell of one sheet. */
function cells(g: Grid): Record<string, string> {
  const out: Record<string, string> = {};
  for (let r = 0; r < g.rowCount; r++)
    for (let c = 0; c < g.colCount; c++) {
      const x = [g.values[r][c], g.formulas[r][c], g.numberFormats[r][c]];
      if (x[0] !== null || x[1] !== null || x[2] !== 'General') out[`${r}:${c}`] = JSON.stringify(x);
    }
  return out;
}

function changedKeys(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();
}

describeInChromium(
  '检查台账 and 常委会材料 in Chromium (standalone)',
  () => {
    const pane = usePane({
      width: 420,
      locale: 'zh-CN',
      tmpPrefix: 'cadre-e2e-check-',
      files: { '花名册台账.xlsx': rosterWorkbook, '常委会台账.xlsx': fullBriefWorkbook },
    });
    let page: Page;
    beforeAll(() => ({ page } = pane));

    /** Open a fixture workbook from the 工作表 page. */
    async function pick(file: string): Promise<void> {
      await page.getByRole('tab', { name: '工作表' }).click();
      await pane.pick(file);
    }

    test('检查台账: findings grouped by sheet and code with counts; a click shows the cell', async () => {
      const expected = await runLedgerCheck(await openFileWorkbook(await rosterWorkbook()), { y: 2022, m: 10, d: 1 });
      await pane.open();
      await pick('花名册台账.xlsx');
      await page.getByRole('tab', { name: '检查台账' }).click();
      await page.locator('[data-testid="check-as-of"]').fill(AS_OF);
      await page.locator('[data-testid="run-check"]').click();
      const summary = await page.locator('[data-testid="check-summary"]').innerText();
      expect(summary).toContain(`发现 ${expected.findings.length} 个问题`);
      expect(summary).toContain('问题已列入工作表“问题清单”');
      expect(await page.locator('[data-testid="finding-sheet"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-sheet')))).toEqual(['花名册']);
      expect(await page.locator('[data-testid="finding-sheet-count"]').innerText()).toBe(`${expected.findings.length} 个问题`);
      const codes = expected.groups[0].codes;
      expect(await page.locator('[data-testid="finding-code"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(
        codes.map((c) => c.code),
      );
      expect(await page.locator('[data-testid="finding-code-count"]').allInnerTexts()).toEqual(codes.map((c) => `${c.findings.length} 处`));

      // Open the ID checksum group and click its cell: the cell card shows the content and the problem.
      const group = codes.find((c) => c.code === 'id.checksum')!;
      await page.locator('[data-testid="finding-code"][data-code="id.checksum"] button').click();
      await page.locator('[data-testid="finding-cell"]', { hasText: /^E8$/ }).first().click();
      const card = page.locator('[data-testid="cell-card"]');
      await card.waitFor();
      expect(await card.innerText()).toContain('花名册!E8');
      expect(await card.innerText()).toContain(group.findings[0].message['zh-CN']);
      await pane.shotInBothLanguages('check-findings');
    }, 90_000);

    test('fix preview: untick one row, apply, download (exactly the ticked cells changed), undo, download (restored)', async () => {
      const original = await openFileWorkbook(await rosterWorkbook());
      const [before] = await original.read(['花名册']);
      const plan = (await prepareFixes(original, { policy: DEFAULT_POLICY, asOf: { y: 2022, m: 10, d: 1 } })).plan;
      await page.locator('[data-testid="tab-fix"]').click();
      await page.locator('[data-testid="preview-fixes"]').click();
      await page.locator('[data-testid="preview-table"]').waitFor();
      expect(await page.locator('[data-testid="preview-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')))).toEqual(
        plan.edits.map(editKey),
      );
      const dropped = editKey(plan.edits[1]);
      await page.locator(`[data-testid="preview-row"][data-key="${dropped}"] input[type="checkbox"]`).click();
      expect(await page.locator('[data-testid="preview-count"]').innerText()).toContain(`已勾选 ${plan.edits.length - 1} 处`);
      await pane.shotInBothLanguages('fix-preview');
      await page.locator('[data-testid="apply-plan"]').click();
      expect(await page.locator('[data-testid="check-info"]').innerText()).toContain(`已修改 ${plan.edits.length - 1} 个单元格`);
      await page.locator('[data-testid="last-change"]').waitFor();

      const changed = await pane.download('download-workbook');
      expect(changed.name).toBe('花名册台账-已修正.xlsx');
      const [after] = await (await openFileWorkbook(changed.bytes)).read(['花名册']);
      const ticked = plan.edits
        .filter((e) => editKey(e) !== dropped)
        .map((e) => `${e.row}:${e.col}`)
        .sort();
      expect(changedKeys(cells(before), cells(after))).toEqual(ticked);

      await page.locator('[data-testid="undo"]').click();
      expect(await page.locator('[data-testid="check-info"]').innerText()).toContain('已撤销');
      const restored = await pane.download('download-workbook');
      const [back] = await (await openFileWorkbook(restored.bytes)).read(['花名册']);
      expect(changedKeys(cells(before), cells(back))).toEqual([]);
    }, 90_000);

    test('常委会材料: sections, the sheet (asked before replacing), the .docx download', async () => {
      await pick('常委会台账.xlsx');
      await page.getByRole('tab', { name: '常委会材料' }).click();
      await page.locator('[data-testid="brief-as-of"]').fill('2025-03-10');
      await page.locator('[data-testid="brief-section"]').nth(5).waitFor();
      const headings = await page.locator('[data-testid="brief-section"]').allInnerTexts();
      Object.values(SECTION_TITLES).forEach((title, i) => expect(headings[i]).toContain(title));
      expect(await page.locator('[data-testid="brief-policy"]').innerText()).toContain('现行值');

      await page.locator('[data-testid="brief-write"]').click();
      expect(await page.locator('[data-testid="brief-info"]').first().innerText()).toContain('已写入工作表“常委会材料2025-03-10”');
      await page.locator('[data-testid="brief-write"]').click();
      expect(await page.locator('[data-testid="brief-exists"]').innerText()).toContain('已存在');
      await page.locator('[data-testid="brief-replace"]').click();
      await page.locator('[data-testid="brief-info"]').first().waitFor();

      const wbFile = await pane.download('download-workbook');
      const grids = await (await openFileWorkbook(wbFile.bytes)).read();
      const sheet = grids.find((g) => g.sheet === '常委会材料2025-03-10')!;
      expect(sheet.values[0][0]).toBe('常委会议研究材料');
      expect(grids.filter((g) => g.sheet.startsWith('常委会材料'))).toHaveLength(1);

      const docx = await pane.download('brief-docx');
      // The privacy guard masked the ID number typed into a free-text cell, and says so.
      await page.locator('[data-testid="brief-info"]', { hasText: '已遮盖 1 处' }).waitFor();
      expect(docx.name).toBe('常委会议研究材料（2025-03-10）.docx');
      const zip = await JSZip.loadAsync(docx.bytes);
      const xml = await zip.file('word/document.xml')!.async('string');
      for (const title of Object.values(SECTION_TITLES)) expect(xml).toContain(title);
      for (const id of ROSTER_IDS) expect(xml).not.toContain(id);
      await pane.shotInBothLanguages('brief');
    }, 90_000);

    expectStayedLocalAndClean(pane);
  },
  'a browser is available under CI (check and brief)',
);
