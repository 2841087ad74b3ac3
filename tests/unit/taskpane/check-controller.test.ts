import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../../src/ledger/check-workbook';
import { FINDINGS_SHEET, findingsSheetName, isFindingsSheet } from '../../../src/ledger/findings-sheet';
import { a1 } from '../../../src/ledger/grid';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import { clearAllMarks, groupFindings, marksFor, runLedgerCheck } from '../../../src/taskpane/check/controller';
import { MARK_FORMULA, openFileWorkbook } from '../../../src/workbook/file/file-workbook';
import { OfficeWorkbook } from '../../../src/workbook/office/office-workbook';
import { isRunCheckRequest, RUN_CHECK_HASH } from '../../../src/taskpane/check/run-request';
import { id18, probationWorkbook, rosterWorkbook } from '../../fixtures/build';
import { toSerial } from '../../../src/values/local-date';
import { FakeExcel } from '../../support/fake-excel';
import { allSets, seedLedger } from '../../support/fake-ledger';
import { LIVE_HOSTS, type LiveHost } from '../../support/live-hosts';
import { excelOf, fakeFromGrids, gridsOf, liveOver, officeOver, seedCleanRoster, userContents, withUserFormats } from './support';

const AS_OF = { y: 2022, m: 10, d: 1 };

type Cf = { ref: string; rules: { formulae?: string[] }[] };
const cfsOf = (ws: ExcelJS.Worksheet): Cf[] => (ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings ?? [];
const owned = (cf: Cf): boolean => cf.rules.some((r) => (r.formulae ?? []).some((f) => f.replace(/^=/, '') === MARK_FORMULA));

describe('groupFindings', () => {
  it('groups by sheet in workbook order and by code, most severe first, counts adding up', async () => {
    const grids = await gridsOf(await rosterWorkbook());
    const { findings, models } = checkWorkbook(grids, { policy: DEFAULT_POLICY, asOf: AS_OF });
    const groups = groupFindings(
      findings,
      models.map((m) => m.sheet),
    );
    expect(groups.map((g) => g.sheet)).toEqual(['花名册']);
    const g = groups[0];
    expect(g.total).toBe(findings.length);
    expect(g.counts.error + g.counts.warning + g.counts.info).toBe(findings.length);
    expect(g.codes.reduce((n, c) => n + c.findings.length, 0)).toBe(findings.length);
    for (const c of g.codes) expect(new Set(c.findings.map((f) => f.code))).toEqual(new Set([c.code]));
    const rank = { error: 0, warning: 1, info: 2 };
    for (let i = 1; i < g.codes.length; i++) expect(rank[g.codes[i - 1].severity]).toBeLessThanOrEqual(rank[g.codes[i].severity]);
    expect(new Set(g.codes.map((c) => c.code)).size).toBe(g.codes.length);
  });

  it('marks one cell once, at its most severe finding, and never on a protected sheet', () => {
    const f = (sheet: string, row: number, severity: 'error' | 'warning' | 'info') => ({
      sheet,
      row,
      col: 1,
      severity,
      code: `c.${severity}`,
      message: { 'zh-CN': '', 'en-US': '' },
    });
    const marks = marksFor([f('A', 1, 'info'), f('A', 1, 'error'), f('A', 2, 'warning'), f('P', 1, 'error')], new Set(['P']));
    expect(marks).toEqual([
      { sheet: 'A', row: 1, col: 1, severity: 'error', note: 'c.error' },
      { sheet: 'A', row: 2, col: 1, severity: 'warning', note: 'c.warning' },
    ]);
  });
});

describe('runLedgerCheck through the file adapter', () => {
  it('marks every finding cell, writes 问题清单 with one link per finding, and clears the marks in one call leaving the user formats', async () => {
    const book = await openFileWorkbook(await withUserFormats(await rosterWorkbook(), '花名册'));
    const before = await book.read(['花名册']);
    const run = await runLedgerCheck(book, AS_OF);
    expect(run.findings.length).toBeGreaterThan(5);
    expect(run.findingsSheet).toBe(FINDINGS_SHEET);
    expect(run.groups[0].total).toBe(run.findings.length);
    expect(run.marked).toBe(new Set(run.findings.map((f) => `${f.row}:${f.col}`)).size);
    // The ledger's own cells are untouched by a check.
    expect(await book.read(['花名册'])).toEqual(before);

    let wb = await excelOf(book);
    const roster = wb.getWorksheet('花名册')!;
    const ours = cfsOf(roster).filter(owned);
    expect(ours.length).toBeGreaterThan(0);
    const markedRefs = new Set(ours.flatMap((cf) => cf.ref.split(' ')));
    for (const f of run.findings) expect(markedRefs.has(a1(f.row, f.col))).toBe(true);

    const list = wb.getWorksheet(FINDINGS_SHEET)!;
    const links: string[] = [];
    list.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as { hyperlink?: string } | null;
        if (v && typeof v === 'object' && v.hyperlink) links.push(v.hyperlink);
      }),
    );
    expect(links).toHaveLength(run.findings.length);
    expect(links).toEqual(run.findings.map((f) => `#'花名册'!${a1(f.row, f.col)}`));
    expect(list.getCell('C3').text).toBe(a1(run.findings[0].row, run.findings[0].col));

    await clearAllMarks(book);
    wb = await excelOf(book);
    const left = cfsOf(wb.getWorksheet('花名册')!);
    expect(left.filter(owned)).toHaveLength(0);
    expect(left).toHaveLength(1);
    expect(left[0].rules[0].formulae).toEqual(['LEN(I5)>3']);
    expect((wb.getWorksheet('花名册')!.getCell('B5').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FF00B050');
  });

  it('a second check replaces its own 问题清单 and its marks instead of piling them up', async () => {
    const book = await openFileWorkbook(await rosterWorkbook());
    const first = await runLedgerCheck(book, AS_OF);
    const second = await runLedgerCheck(book, AS_OF);
    expect(second.findings).toEqual(first.findings);
    expect(second.findingsSheet).toBe(FINDINGS_SHEET);
    const wb = await excelOf(book);
    expect(wb.worksheets.map((w) => w.name).filter((n) => n.startsWith(FINDINGS_SHEET))).toEqual([FINDINGS_SHEET]);
    expect(cfsOf(wb.getWorksheet('花名册')!).filter(owned).length).toBe(new Set(first.findings.map((f) => f.severity)).size);
  });

  it("never replaces a user's own sheet called 问题清单", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await rosterWorkbook()) as unknown as ArrayBuffer);
    wb.addWorksheet(FINDINGS_SHEET).getCell('A1').value = '我自己的问题清单';
    const book = await openFileWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    const run = await runLedgerCheck(book, AS_OF);
    expect(run.findingsSheet).toBe(`${FINDINGS_SHEET}2`);
    const grids = await book.read();
    expect(grids.find((g) => g.sheet === FINDINGS_SHEET)!.values[0][0]).toBe('我自己的问题清单');
    expect(isFindingsSheet(grids.find((g) => g.sheet === `${FINDINGS_SHEET}2`)!)).toBe(true);
    expect(findingsSheetName(grids)).toEqual({ name: `${FINDINGS_SHEET}2`, replace: true });
  });

  it('checks a protected sheet but neither marks nor changes it, and names it', async () => {
    const book = await openFileWorkbook(await probationWorkbook());
    const before = await book.read(['试用期台账']);
    const run = await runLedgerCheck(book, { y: 2023, m: 6, d: 30 });
    expect(run.protectedSheets).toEqual(['试用期台账']);
    expect(run.findings.some((f) => f.sheet === '试用期台账' && f.code !== 'sheet.protected')).toBe(true);
    expect(run.marked).toBe(0);
    expect(run.notices[0]['zh-CN']).toContain('“试用期台账”受保护');
    expect(run.notices[0]['en-US']).toContain('"试用期台账"');
    expect(await book.read(['试用期台账'])).toEqual(before);
    const wb = await excelOf(book);
    expect(cfsOf(wb.getWorksheet('试用期台账')!)).toHaveLength(0);
  });
});

describe.each(LIVE_HOSTS)('runLedgerCheck through the $name adapter (strict fake)', (host: LiveHost) => {
  it('gives the same findings as the file adapter, marks them, lists them with HYPERLINK formulas, clears in one call', async () => {
    const bytes = await rosterWorkbook();
    const fileRun = await runLedgerCheck(await openFileWorkbook(bytes), AS_OF);
    const { fx, port } = await liveOver(host, bytes);
    const s = fx.sheet('花名册');
    s.conditionalFormats.push({ id: 'user-1', type: 'Custom', formula: '=LEN(I5)>3', fill: '#92D050', boxes: [{ top: 4, left: 8, bottom: 14, right: 8 }] });
    const before = userContents(fx)['花名册'];
    const run = await runLedgerCheck(port, AS_OF);
    expect(run.findings).toEqual(fileRun.findings);
    expect(run.groups).toEqual(fileRun.groups);
    expect(userContents(fx)['花名册']).toEqual(before);
    const ours = s.conditionalFormats.filter((cf) => cf.formula.includes('CADRE_MARK'));
    expect(ours.length).toBeGreaterThan(0);
    const covered = (r: number, c: number) => ours.some((cf) => cf.boxes.some((b) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right));
    for (const f of run.findings) expect(covered(f.row, f.col)).toBe(true);

    const list = fx.sheet(FINDINGS_SHEET);
    const linkCells = list.rows.flatMap((row) => (row ?? []).filter((c) => c?.formula?.startsWith('=HYPERLINK(')));
    expect(linkCells).toHaveLength(run.findings.length);
    expect(list.cell(2, 2)?.formula).toBe(
      `=HYPERLINK("#'花名册'!${a1(run.findings[0].row, run.findings[0].col)}","${a1(run.findings[0].row, run.findings[0].col)}")`,
    );

    await clearAllMarks(port);
    expect(s.conditionalFormats.map((cf) => cf.id)).toEqual(['user-1']);
    expect(userContents(fx)['花名册']).toEqual(before);
  });

  it('leaves a protected sheet untouched and names it; the unprotected sheet is marked', async () => {
    const grids = [...(await gridsOf(await rosterWorkbook())), ...(await gridsOf(await probationWorkbook()))];
    const fx = fakeFromGrids(grids, host.desktop());
    const before = userContents(fx)['试用期台账'];
    const port = host.port(fx);
    const run = await runLedgerCheck(port, { y: 2023, m: 6, d: 30 });
    expect(run.protectedSheets).toEqual(['试用期台账']);
    expect(run.notices.map((n) => n['zh-CN']).join()).toContain('试用期台账');
    expect(fx.sheet('试用期台账').conditionalFormats).toHaveLength(0);
    expect(fx.sheet('花名册').conditionalFormats.length).toBeGreaterThan(0);
    expect(userContents(fx)['试用期台账']).toEqual(before);
  });

  it('costs as many round trips for 20,000 clean rows as for 20', async () => {
    const cost = async (rows: number): Promise<{ cost: number; findings: number }> => {
      const fx = host.desktop();
      seedCleanRoster(fx, '花名册', rows, 3, id18, toSerial);
      const run = await runLedgerCheck(host.port(fx), { y: 2030, m: 1, d: 1 });
      return { cost: host.cost(fx), findings: run.findings.length };
    };
    const small = await cost(20);
    const large = await cost(20_000);
    process.stdout.write(`[check controller, ${host.name}] 20 rows: ${small.cost}, 20,000 rows: ${large.cost} round trips\n`);
    expect(large).toEqual(small);
  }, 120_000);
});

describe('runLedgerCheck through the Office adapter (strict fake)', () => {
  it('passes on what a missing requirement set skipped', async () => {
    const { fx } = await officeOver(await rosterWorkbook());
    const only17 = (name: string, v: string) => name === 'ExcelApi' && Number(v) <= 1.7;
    const run = await runLedgerCheck(new OfficeWorkbook(fx.run, { isSetSupported: only17 }), AS_OF);
    const en = run.notices.map((n) => n['en-US']).join('\n');
    expect(en).toContain('ExcelApi 1.9');
  });

  it('needs as many requests for 20,000 rows as for 20 (measured)', async () => {
    const measure = async (seed: (fx: FakeExcel) => void): Promise<{ syncs: number; runs: number; ms: number; findings: number; bytes: number }> => {
      const fx = FakeExcel.desktop();
      seed(fx);
      const port = new OfficeWorkbook(fx.run, { isSetSupported: allSets });
      const t0 = Date.now();
      const run = await runLedgerCheck(port, { y: 2030, m: 1, d: 1 });
      return {
        syncs: fx.stats.syncs,
        runs: fx.stats.runs,
        ms: Date.now() - t0 - fx.stats.fakeMs,
        findings: run.findings.length,
        bytes: fx.stats.requestBytes.reduce((a, b) => a + b, 0),
      };
    };
    const small = await measure((fx) => seedCleanRoster(fx, '花名册', 20, 3, id18, toSerial));
    const large = await measure((fx) => seedCleanRoster(fx, '花名册', 20_000, 3, id18, toSerial));
    // Every row with findings: the findings list itself is megabytes and is cut below the 5 MB request limit.
    const heavy = await measure((fx) => seedLedger(fx, '花名册', 20_000));
    const line = (n: string, m: typeof small) =>
      `${n}: ${m.syncs} syncs in ${m.runs} runs, ${m.findings} findings, ${Math.round(m.bytes / 1024)} KiB sent, ${Math.round(m.ms)} ms in our code`;
    process.stdout.write(`[check controller] ${line('20 rows', small)}; ${line('20,000 rows', large)}; ${line('20,000 rows all with findings', heavy)}\n`);
    expect(large.findings).toBe(small.findings);
    expect(large.syncs).toBe(small.syncs);
    expect(large.runs).toBe(small.runs);
    // Extra requests only for the size of the list, each at least half of the 4 MiB budget full.
    expect(heavy.syncs - small.syncs).toBeLessThanOrEqual(Math.ceil(heavy.bytes / (2 * 1024 * 1024)));
  }, 120_000);
});

describe('the ribbon request', () => {
  it('#/check/run asks the Check page to run; #/check does not', () => {
    expect(isRunCheckRequest(RUN_CHECK_HASH)).toBe(true);
    expect(isRunCheckRequest('#/check')).toBe(false);
    expect(isRunCheckRequest('#/brief')).toBe(false);
  });
});
