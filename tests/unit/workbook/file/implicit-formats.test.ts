/**
 * A zh-CN Excel saves dates formatted 1980年2月 / 2002年7月1日 with the built-in numFmtIds 27 / 31
 * and no <numFmt> in styles.xml (ECMA-376 §18.8.30: the code is implied by the UI language).
 * Both readers resolve them to the zh-CN codes, the ledger reads those cells as dates, and fix
 * writes them back with an explicit format Excel displays the same way.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { inflateRawSync } from 'zlib';
import { FIXTURES, ZH_CN_BUILTIN_IDS, zhCnFormatsWorkbook } from '../../../fixtures/build';
import { declareImplicitFormats, undeclaredImplicitIds } from '../../../../src/workbook/file/implicit-formats';
import { declareImplicitNumberFormats, openFileWorkbook } from '../../../../src/workbook/file/file-workbook';
import { openGridBook } from '../../../../src/workbook/file/xlsx-grid-reader';
import { implicitNumberFormat } from '../../../../src/values/number-format';
import { checkWorkbook } from '../../../../src/ledger/check-workbook';
import { DEFAULT_POLICY } from '../../../../src/policy/policy';
import type { Grid } from '../../../../src/ledger/grid';
import { runCli } from '../../../support/cli-memory';

const inflate = (b: Uint8Array) => new Uint8Array(inflateRawSync(b));
const YM = 'yyyy"年"m"月"';
const YMD = 'yyyy"年"m"月"d"日"';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
const FONTS = '<fonts count="1"><font><sz val="11"/></font></fonts>';
const xfs = (...ids: number[]) =>
  `<cellXfs count="${ids.length}">${ids.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join('')}</cellXfs>`;
const decl = (id: number, code: string) => `<numFmt numFmtId="${id}" formatCode="${code.replace(/"/g, '&quot;')}"/>`;

describe('declareImplicitFormats (styles.xml text)', () => {
  it('adds numFmts as the first child of styleSheet, one entry per implicit id the cellXfs use', () => {
    const xml = `${HEAD}${FONTS}${xfs(0, 31, 27, 31, 14, 49)}</styleSheet>`;
    expect(undeclaredImplicitIds(xml)).toEqual([27, 31]);
    expect(declareImplicitFormats(xml)).toBe(
      `${HEAD}<numFmts count="2">${decl(27, YM)}${decl(31, YMD)}</numFmts>${FONTS}${xfs(0, 31, 27, 31, 14, 49)}</styleSheet>`,
    );
  });

  it('appends to an existing numFmts list and updates its count', () => {
    const xml = `${HEAD}<numFmts count="1">${decl(164, '0.0')}</numFmts>${FONTS}${xfs(164, 58)}</styleSheet>`;
    expect(declareImplicitFormats(xml)).toBe(
      `${HEAD}<numFmts count="2">${decl(164, '0.0')}${decl(58, 'm"月"d"日"')}</numFmts>${FONTS}${xfs(164, 58)}</styleSheet>`,
    );
  });

  it('fills an empty self-closing numFmts', () => {
    const xml = `${HEAD}<numFmts count="0"/>${FONTS}${xfs(57)}</styleSheet>`;
    expect(declareImplicitFormats(xml)).toBe(`${HEAD}<numFmts count="1">${decl(57, YM)}</numFmts>${FONTS}${xfs(57)}</styleSheet>`);
  });

  it("keeps the file's own code for an id it declares, but a dxf's numFmt is no declaration", () => {
    const own = `${HEAD}<numFmts count="1">${decl(31, 'yyyy-mm-dd')}</numFmts>${xfs(31)}</styleSheet>`;
    expect(declareImplicitFormats(own)).toBeNull();
    const dxf = `${HEAD}${xfs(31)}<dxfs count="1"><dxf>${decl(31, '0')}</dxf></dxfs></styleSheet>`;
    expect(undeclaredImplicitIds(dxf)).toEqual([31]);
  });

  it('leaves a styles part alone when no cell format uses an implicit id', () => {
    expect(declareImplicitFormats(`${HEAD}${FONTS}${xfs(0, 14, 22, 49, 164)}</styleSheet>`)).toBeNull();
    // cellStyleXfs (named styles) are not cell formats: exceljs never reads their numFmtId.
    expect(declareImplicitFormats(`${HEAD}<cellStyleXfs count="1"><xf numFmtId="31"/></cellStyleXfs>${xfs(0)}</styleSheet>`)).toBeNull();
  });

  it('follows a namespace prefix and single-quoted attributes', () => {
    const xml = `<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:cellXfs count='1'><x:xf numFmtId='33'/></x:cellXfs></x:styleSheet>`;
    expect(declareImplicitFormats(xml)).toBe(
      `<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:numFmts count="1"><x:numFmt numFmtId="33" formatCode="h&quot;时&quot;mm&quot;分&quot;ss&quot;秒&quot;"/></x:numFmts><x:cellXfs count='1'><x:xf numFmtId='33'/></x:cellXfs></x:styleSheet>`,
    );
  });
});

async function entries(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async('string'));
  return out;
}

/** The number format code Excel applies to one cell of a saved package (its xf → numFmt). */
function formatOfCell(files: Map<string, string>, sheetPart: string, ref: string): { id: number; code: string | undefined } {
  const sheet = files.get(sheetPart)!;
  const s = new RegExp(`<c r="${ref}"[^>]*? s="(\\d+)"`).exec(sheet);
  const styles = files.get('xl/styles.xml')!;
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1];
  const xf = [...cellXfs.matchAll(/<xf\b[^>]*>/g)][Number(s ? s[1] : 0)][0];
  const id = Number(/numFmtId="(\d+)"/.exec(xf)![1]);
  const decl = new RegExp(`<numFmt numFmtId="${id}" formatCode="([^"]*)"`).exec(styles);
  return { id, code: decl ? decl[1].replace(/&quot;/g, '"') : undefined };
}

describe('the zh-CN fixture and the zip step', () => {
  it('is what a zh-CN Excel writes: bare ids 27/31 without <numFmt>, which exceljs alone reads as General', async () => {
    const bytes = await zhCnFormatsWorkbook();
    const files = await entries(bytes);
    expect(undeclaredImplicitIds(files.get('xl/styles.xml')!)).toEqual(ZH_CN_BUILTIN_IDS);
    expect(formatOfCell(files, 'xl/worksheets/sheet1.xml', 'D3')).toEqual({ id: 27, code: undefined });
    expect(formatOfCell(files, 'xl/worksheets/sheet1.xml', 'F3')).toEqual({ id: 31, code: undefined });
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const cell = raw.getWorksheet('花名册')!.getCell('F3');
    expect([cell.value, cell.numFmt]).toEqual([37438, undefined]); // the bug this guards against
  });

  it('declareImplicitNumberFormats changes styles.xml only, and returns other bytes as they are', async () => {
    const bytes = await zhCnFormatsWorkbook();
    const before = await entries(bytes);
    const after = await entries(await declareImplicitNumberFormats(bytes));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, text] of before) if (name !== 'xl/styles.xml') expect([name, after.get(name)]).toEqual([name, text]);
    expect(undeclaredImplicitIds(after.get('xl/styles.xml')!)).toEqual([]);
    expect(after.get('xl/styles.xml')).toContain(decl(31, YMD));

    const plain = await FIXTURES['clean-roster.xlsx']();
    expect(await declareImplicitNumberFormats(plain)).toBe(plain);
    const junk = new TextEncoder().encode('not a zip');
    expect(await declareImplicitNumberFormats(junk)).toBe(junk);
  });
});

describe('both readers on implicit zh-CN formats', () => {
  let full: Grid[];
  let fast: Grid[];
  beforeAll(async () => {
    const bytes = await zhCnFormatsWorkbook();
    full = await (await openFileWorkbook(bytes)).read();
    fast = await openGridBook(bytes, inflate).read();
  });

  it('give the same Grids', () => {
    expect(fast).toStrictEqual(full);
  });

  it('give 出生年月 (id 27) as yyyy"年"m"月" and 参加工作时间 / 任现职时间 (id 31) as yyyy"年"m"月"d"日", values as serials', () => {
    for (const g of [full[0], fast[0]]) {
      expect(g.sheet).toBe('花名册');
      for (let r = 2; r <= 4; r++) expect(g.numberFormats[r].slice(3, 7)).toEqual([YM, 'General', YMD, YMD]);
      expect(g.values[2].slice(3, 7)).toEqual([29252, '110101198002011234', 37438, 43525]); // 1980-02-01, 2002-07-01, 2019-03-01
    }
  });

  it('resolve every implicit id 27–36 and 50–58 to its zh-CN code', () => {
    for (const g of [full[1], fast[1]]) {
      ZH_CN_BUILTIN_IDS.forEach((id, i) => {
        expect([g.values[1 + i][0], g.numberFormats[1 + i][1]]).toEqual([id, implicitNumberFormat(id)]);
        expect(g.values[1 + i][1]).toBeCloseTo(45352.5732639, 6); // 2024-03-01 13:45:30
      });
    }
  });
});

const run = runCli;

describe('the ledger on implicit zh-CN formats', () => {
  it('reads them as dates: no date findings, 出生年月 at month precision, 参加工作时间 to the day', async () => {
    const book = await openFileWorkbook(await zhCnFormatsWorkbook());
    const r = checkWorkbook(await book.read(), { policy: DEFAULT_POLICY, asOf: { y: 2023, m: 6, d: 30 } });
    // Only the one cell fix changes (林　华 , below) is reported (check ⊇ fix, issue 11).
    expect(r.findings.map((f) => [f.code, f.row, f.col])).toEqual([['fixable.name-normalize', 3, 1]]);
    const roster = r.ledgers.find((l) => l.model.kind === 'roster')!;
    expect(roster.rows.map((row) => [row.dates.birth, row.dates.workStart])).toEqual([
      [
        { date: { y: 1980, m: 2, d: 1 }, precision: 'month' },
        { date: { y: 2002, m: 7, d: 1 }, precision: 'day' },
      ],
      [
        { date: { y: 1981, m: 5, d: 1 }, precision: 'month' },
        { date: { y: 2003, m: 8, d: 15 }, precision: 'day' },
      ],
      [
        { date: { y: 1983, m: 7, d: 1 }, precision: 'month' },
        { date: { y: 2005, m: 7, d: 1 }, precision: 'day' },
      ],
    ]);
  });

  it('cadre-ledger check --json finds only what fix would change', async () => {
    const r = await run(['check', 'zh.xlsx', '--json', '--as-of', '2023-06-30'], { 'zh.xlsx': await zhCnFormatsWorkbook() });
    // Exit 1: the one name fix would normalise is reported (check ⊇ fix, issue 11); nothing else.
    expect([r.code, r.err]).toEqual([1, '']);
    const j = JSON.parse(r.out);
    expect(j.findings.map((f: { code: string; cell: string }) => [f.code, f.cell])).toEqual([['fixable.name-normalize', 'B4']]);
    expect(j.sheets[0]).toMatchObject({ name: '花名册', kind: 'roster', headerRow: 2 });
    expect(j.sheets[0].columns).toMatchObject({ birth: 'D', workStart: 'F' });
  });

  it('cadre-ledger fix changes only the planned cell; the dates keep their value and show as explicit 1980年2月 / 2002年7月1日', async () => {
    const input = await zhCnFormatsWorkbook();
    const r = await run(['fix', 'in.xlsx', '-o', 'out.xlsx', '--json'], { 'in.xlsx': input });
    expect([r.code, r.err]).toEqual([0, '']);
    expect(JSON.parse(r.out).edits.map((e: { cell: string; code: string }) => [e.cell, e.code])).toEqual([['B4', 'fix.name-normalize']]);
    const output = r.files.get('out.xlsx')!;

    // Grids: identical except B4, in both readers.
    const before = await openGridBook(input, inflate).read();
    const after = await openGridBook(output, inflate).read();
    expect(after).toStrictEqual(await (await openFileWorkbook(output)).read());
    const values = before[0].values.map((row, r) => row.map((v, c) => (r === 3 && c === 1 ? '林华' : v)));
    expect(after).toStrictEqual([{ ...before[0], values }, before[1]]);

    // What Excel sees: an explicit custom <numFmt> with the zh-CN code (no bare built-in id left).
    const files = await entries(output);
    for (const ref of ['D3', 'D4', 'D5']) {
      const f = formatOfCell(files, 'xl/worksheets/sheet1.xml', ref);
      expect([ref, f.code, f.id >= 164]).toEqual([ref, YM, true]);
    }
    for (const ref of ['F3', 'G3', 'F4', 'G5']) {
      const f = formatOfCell(files, 'xl/worksheets/sheet1.xml', ref);
      expect([ref, f.code, f.id >= 164]).toEqual([ref, YMD, true]);
    }
    expect(undeclaredImplicitIds(files.get('xl/styles.xml')!)).toEqual([]);
    expect(files.get('xl/worksheets/sheet1.xml')).toMatch(/<c r="F3"[^>]*><v>37438<\/v><\/c>/);

    const again = await run(['check', 'out.xlsx', '--json', '--as-of', '2023-06-30'], { 'out.xlsx': output });
    expect([again.code, JSON.parse(again.out).findings]).toEqual([0, []]);
  });
});
