import JSZip from 'jszip';
import { SECTION_TITLES } from '../../../src/brief/brief-document';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { briefDocxFile, parseAsOf, prepareBrief, writeBriefSheet } from '../../../src/taskpane/brief/controller';
import { runLedgerCheck } from '../../../src/taskpane/check/controller';
import { openFileWorkbook } from '../../../src/workbook/file/file-workbook';
import { OfficeWorkbook } from '../../../src/workbook/office/office-workbook';
import { FakeExcel } from '../../support/fake-excel';
import { allSets, seedLedger } from '../../support/fake-ledger';
import { AS_OF, emptyBriefWorkbook, fullBriefWorkbook, ROSTER_IDS } from '../brief/fixtures';
import { fakeFromGrids, gridsOf, userContents } from './support';

describe('brief controller', () => {
  it('previews the six sections with one-line summaries and the policy in force', async () => {
    const book = await openFileWorkbook(await fullBriefWorkbook());
    const p = await prepareBrief(book, DEFAULT_POLICY, AS_OF);
    expect(p.sheetName).toBe('常委会材料2025-03-10');
    expect(p.sections.map((s) => s.heading['zh-CN'])).toEqual(Object.values(SECTION_TITLES).map((t, i) => `${'一二三四五六'[i]}、${t}`));
    for (const s of p.sections) {
      expect(s.summary['zh-CN']).not.toBe('');
      expect(s.summary['en-US']).not.toBe('');
      expect(s.heading['en-US']).toMatch(/^\d\. /);
    }
    expect(p.sections.find((s) => s.id === 'appointees')!.summary['zh-CN']).toMatch(/^\d+ 个职位，\d+ 名拟任人选$/);
    expect(p.policy.length).toBeGreaterThan(3);
    expect(p.policy.every((x) => !x.changed)).toBe(true);
    const empty = await prepareBrief(await openFileWorkbook(await emptyBriefWorkbook()), DEFAULT_POLICY, AS_OF);
    expect(empty.sections.find((s) => s.id === 'appointees')!.summary['zh-CN']).toBe('本工作簿中未识别到考察对象或任前公示，拟任人选未能核对');
  });

  it('writes the sheet, asks before replacing it, replaces only when told (file adapter)', async () => {
    const book = await openFileWorkbook(await fullBriefWorkbook());
    const p = await prepareBrief(book, DEFAULT_POLICY, AS_OF);
    expect(await writeBriefSheet(book, p.model)).toMatchObject({ status: 'written', sheet: p.sheetName });
    const [sheet] = await book.read([p.sheetName]);
    expect(sheet.values[0][0]).toBe('常委会议研究材料');
    const text = JSON.stringify(sheet.values);
    for (const id of ROSTER_IDS) expect(text).not.toContain(id);
    // A user's edit to the existing brief survives the "exists" answer.
    await book.apply(
      {
        edits: [
          {
            sheet: p.sheetName,
            row: 0,
            col: 0,
            old: { value: '常委会议研究材料', formula: null, numberFormat: 'General' },
            new: { value: '我改过的标题' },
            why: { 'zh-CN': '', 'en-US': '' },
            code: 't',
          },
        ],
      },
      { 'zh-CN': '', 'en-US': '' },
    );
    expect(await writeBriefSheet(book, p.model)).toEqual({ status: 'exists', sheet: p.sheetName });
    expect((await book.read([p.sheetName]))[0].values[0][0]).toBe('我改过的标题');
    expect(await writeBriefSheet(book, p.model, { replace: true })).toMatchObject({ status: 'written' });
    expect((await book.read([p.sheetName]))[0].values[0][0]).toBe('常委会议研究材料');
  });

  it('same through the Office adapter; the ledgers are not touched', async () => {
    const fx = fakeFromGrids(await gridsOf(await fullBriefWorkbook()));
    const before = userContents(fx);
    const port = new OfficeWorkbook(fx.run, { isSetSupported: allSets });
    const p = await prepareBrief(port, DEFAULT_POLICY, AS_OF);
    expect(await writeBriefSheet(port, p.model)).toMatchObject({ status: 'written' });
    expect(await writeBriefSheet(port, p.model)).toEqual({ status: 'exists', sheet: p.sheetName });
    const after = userContents(fx);
    delete after[p.sheetName];
    expect(after).toEqual(before);
  });

  it('renders the .docx: a zip whose word/document.xml has every section title, named by the date', async () => {
    const book = await openFileWorkbook(await fullBriefWorkbook());
    const p = await prepareBrief(book, DEFAULT_POLICY, AS_OF);
    const f = await briefDocxFile(p.model);
    expect(f.fileName).toBe('常委会议研究材料（2025-03-10）.docx');
    expect(f.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const zip = await JSZip.loadAsync(f.bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const t of Object.values(SECTION_TITLES)) expect(xml).toContain(t);
    for (const id of ROSTER_IDS) expect(xml).not.toContain(id);
  });

  it('parseAsOf accepts YYYY-MM-DD and names what it expects otherwise', () => {
    expect(parseAsOf('2025-03-10')).toEqual({ date: { y: 2025, m: 3, d: 10 } });
    const bad = parseAsOf('2025-02-30');
    expect('error' in bad && bad.error['zh-CN']).toContain('2025-02-30');
    expect('error' in parseAsOf('')).toBe(true);
  });
});

describe('OfficeWorkbook.select (click a finding in Excel)', () => {
  it('activates the sheet and selects the cell in one Excel.run', async () => {
    const fx = FakeExcel.desktop();
    seedLedger(fx, '花名册', 5);
    seedLedger(fx, '考核', 5);
    const port = new OfficeWorkbook(fx.run, { isSetSupported: allSets });
    fx.resetStats();
    await port.select('考核', 3, 4);
    expect(fx.stats.runs).toBe(1);
    expect(fx.activeSheet).toBe('考核');
    expect(fx.selection).toEqual({ sheet: '考核', box: { top: 3, left: 4, bottom: 3, right: 4 } });
    await expect(port.select('没有', 0, 0)).rejects.toMatchObject({ code: 'sheet-missing' });
    fx.addSheet('隐藏', { visibility: 'Hidden' });
    await expect(port.select('隐藏', 0, 0)).rejects.toMatchObject({ userMessage: { 'zh-CN': expect.stringContaining('隐藏') } });
  });
});

describe('output sheets are not sources', () => {
  it('a written brief sheet and the findings sheet are left out of the next brief and check', async () => {
    const book = await openFileWorkbook(await fullBriefWorkbook());
    const p = await prepareBrief(book, DEFAULT_POLICY, AS_OF);
    await writeBriefSheet(book, p.model);
    await runLedgerCheck(book, AS_OF);
    const again = await prepareBrief(book, DEFAULT_POLICY, AS_OF);
    expect(again.model.sources.map((s) => s.sheet)).toEqual(p.model.sources.map((s) => s.sheet));
    expect(again.sections.find((s) => s.id === 'sources')!.summary).toEqual(p.sections.find((s) => s.id === 'sources')!.summary);
  });
});
