/**
 * The legacy reader (src/workbook/file/legacy-reader.ts) gives the Grids of the .xlsx path
 * (exceljs, openFileWorkbook) on every code-built fixture saved through LibreOffice as .xls and
 * .ods (tests/fixtures/formats/convert.ts; the files are committed). The comparison is exact,
 * cell by cell and sheet fact by sheet fact, after the precise list below of what LibreOffice's
 * save (or SheetJS's reading of it) changes — each rule names the format, what changes and how,
 * and a rule that no longer changes anything fails the test, so the list stays true.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { FIXTURES, type FixtureName } from '../../../fixtures/build';
import type { CellValue, Grid } from '../../../../src/ledger/grid';
import { a1 } from '../../../../src/ledger/grid';
import { openFileWorkbook } from '../../../../src/workbook/file/file-workbook';
import fc from 'fast-check';
import { openLegacyBook } from '../../../../src/workbook/file/legacy-reader';
import { openAnyFileWorkbook, workbookFormat } from '../../../../src/workbook/file/open-workbook';
import type { LegacyFormat } from '../../../../src/workbook/file/format-messages';
import { PortError } from '../../../../src/workbook/port';

const FORMATS_DIR = path.join(__dirname, '../../../fixtures/formats');
type Fmt = LegacyFormat;

/**
 * Number format codes LibreOffice writes differently (the meaning, a date or time format, is kept):
 * in BIFF it writes CJK literals bare, and the 上午/下午 AM/PM marker as AM/PM; in ODS the number
 * styles carry no "d" vs "dd" distinction SheetJS keeps (number:day → dd, number:hours → hh).
 */
const FORMAT_CODES: Record<Fmt, Readonly<Record<string, string>>> = {
  xls: {
    'yyyy"年"m"月"': 'yyyy年m月',
    'yyyy"年"m"月"d"日"': 'yyyy年m月d日',
    'm"月"d"日"': 'm月d日',
    'h"时"mm"分"': 'h时mm分',
    'h"时"mm"分"ss"秒"': 'h时mm分ss秒',
    '上午/下午h"时"mm"分"': 'AM/PMh时mm分',
    '上午/下午h"时"mm"分"ss"秒"': 'AM/PMh时mm分ss秒',
  },
  ods: {
    'yyyy"年"m"月"d"日"': 'yyyy"年"m"月"dd"日"',
    'm"月"d"日"': 'm"月"dd"日"',
    'm-d-yy': 'm-dd-yy',
    'h"时"mm"分"': 'hh"时"mm"分"',
    'h"时"mm"分"ss"秒"': 'hh"时"mm"分"ss"秒"',
    '上午/下午h"时"mm"分"': 'AM/PMhh"时"mm"分"',
    '上午/下午h"时"mm"分"ss"秒"': 'AM/PMhh"时"mm"分"ss"秒"',
  },
};

/**
 * dates-and-ids.xlsx 人员信息表 E3:E13 hold `2022-YEAR(B…)` with a made-up cache of 37 from the
 * builder. LibreOffice recalculates on load files not saved by Excel (OOXMLRecalcMode "never" is
 * not honoured for them), so the saved results are YEAR() of the messy B cells.
 */
const RECALCULATED: Readonly<Record<string, CellValue>> = {
  E3: 117,
  E4: 117,
  E5: { error: '#VALUE!' },
  E6: -421,
  E7: -421,
  E9: 117,
  E10: 117,
  E11: { error: '#VALUE!' },
  E12: 117,
};

const used = new Map<string, number>();
const hit = (rule: string): void => void used.set(rule, (used.get(rule) ?? 0) + 1);

/** What the exceljs Grid of the original .xlsx becomes once LibreOffice saved it in `fmt`. */
function afterLibreOffice(g: Grid, fixture: FixtureName, fmt: Fmt): Grid {
  const values = g.values.map((row, r) =>
    row.map((v, c) => {
      const ref = a1(r, c);
      if (fixture === 'dates-and-ids.xlsx' && g.sheet === '人员信息表' && ref in RECALCULATED) {
        hit('recalculated');
        return RECALCULATED[ref];
      }
      // LibreOffice keeps no cell for an empty text: it reads back as blank.
      if (v === '') return (hit('empty-text'), null);
      if (fmt === 'ods' && typeof v === 'number' && Math.abs(v) >= 1e15) {
        // ODS office:value is written with 15 significant digits (an 18-digit ID typed as a number).
        const w = Number(v.toPrecision(15));
        if (w !== v) hit('ods-15-digits');
        return w;
      }
      if (fmt === 'ods' && typeof v === 'string' && / +$/.test(v)) {
        // SheetJS's ODS reader drops a trailing space of a text:p (LibreOffice writes it literally).
        return (hit('ods-trailing-space'), v.replace(/ +$/, ''));
      }
      if (fmt === 'ods' && typeof v === 'number' && /[hs]/.test(g.numberFormats[r][c]) && !/[yd]/.test(g.numberFormats[r][c])) {
        // A time-only format becomes an ODS time-value duration, LibreOffice writes 29.999999888S
        // for :30 and SheetJS's parse_isodur keeps whole seconds (parseInt): one second less.
        const ms = Math.round((v - Math.floor(v)) * 86400000);
        const w = Math.floor(v) + Math.floor((ms - 1) / 1000) / 86400;
        return (hit('ods-time-seconds'), w);
      }
      return v;
    }),
  );
  const numberFormats = g.numberFormats.map((row, r) =>
    row.map((n, c) => {
      // A blank cell keeps no number format through SheetJS (its stubs carry none).
      if (g.values[r][c] === null && g.formulas[r][c] === null && n !== 'General') return (hit('blank-format'), 'General');
      const w = FORMAT_CODES[fmt][n];
      if (w !== undefined) return (hit(`format ${fmt} ${n}`), w);
      return n;
    }),
  );
  return { ...g, values, numberFormats };
}

/** Cell-by-cell differences, as readable lines (an empty list when the Grids are equal). */
function differences(got: Grid, want: Grid): string[] {
  const out: string[] = [];
  for (const k of ['rowCount', 'colCount', 'protected', 'visibility'] as const) if (got[k] !== want[k]) out.push(`${k}: ${got[k]} ≠ ${want[k]}`);
  for (const k of ['merges', 'hiddenRows'] as const)
    if (JSON.stringify(got[k]) !== JSON.stringify(want[k])) out.push(`${k}: ${JSON.stringify(got[k])} ≠ ${JSON.stringify(want[k])}`);
  for (let r = 0; r < Math.max(got.rowCount, want.rowCount); r++)
    for (let c = 0; c < Math.max(got.colCount, want.colCount); c++)
      for (const k of ['values', 'formulas', 'numberFormats'] as const) {
        const a = JSON.stringify(got[k][r]?.[c]);
        const b = JSON.stringify(want[k][r]?.[c]);
        if (a !== b) out.push(`${a1(r, c)} ${k}: ${a} ≠ ${b}`);
      }
  return out;
}

async function legacyBytes(fixture: FixtureName, fmt: Fmt): Promise<Uint8Array> {
  return new Uint8Array(await fs.readFile(path.join(FORMATS_DIR, fmt, fixture.replace(/\.xlsx$/, `.${fmt}`))));
}

describe.each(['xls', 'ods'] as const)('LibreOffice-saved .%s reads as the .xlsx path reads the original', (fmt) => {
  test.each(Object.keys(FIXTURES) as FixtureName[])('%s', async (fixture) => {
    const full = await openFileWorkbook(await FIXTURES[fixture]());
    const book = openLegacyBook(await legacyBytes(fixture, fmt), fmt);
    expect(book.format).toBe(fmt);
    expect(book.sheetNames).toEqual(full.sheetNames);
    expect(await book.listSheets()).toEqual(await full.listSheets());
    const got = await book.read();
    const want = (await full.read()).map((g) => afterLibreOffice(g, fixture, fmt));
    expect(got.map((g, i) => ({ sheet: g.sheet, diff: differences(g, want[i]) }))).toEqual(want.map((g) => ({ sheet: g.sheet, diff: [] })));
  });

  afterAll(() => {
    // Every rule of the list changed something in this format, or it is not a rule for it.
    const expected = [
      'recalculated',
      'empty-text',
      'blank-format',
      ...Object.keys(FORMAT_CODES[fmt]).map((n) => `format ${fmt} ${n}`),
      ...(fmt === 'ods' ? ['ods-15-digits', 'ods-trailing-space', 'ods-time-seconds'] : []),
    ];
    for (const rule of expected) expect([rule, used.get(rule) ?? 0]).toEqual([rule, expect.any(Number)]);
    for (const rule of expected) if (!(used.get(rule) ?? 0)) throw new Error(`rule "${rule}" changed nothing: remove it from the list`);
    used.clear();
  });
});

describe('the settings sheet and refusals', () => {
  test('the SheetJS in use has the fixes for CVE-2023-30533 (0.19.3) and CVE-2024-22363 (0.20.2)', async () => {
    const XLSX = await import('@e965/xlsx');
    const [major, minor, patch] = XLSX.version.split('.').map(Number);
    expect(major * 1e6 + minor * 1e3 + patch).toBeGreaterThanOrEqual(20002);
  });

  test('a workbook whose only sheet is the settings sheet has no sheets: refused, never empty', async () => {
    // The .ods route: a LibreOffice-saved file is a zip whose content.xml we can cut down.
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['policy', '{"notice":{"days":7}}']]), '_cadre_settings');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xls' }) as ArrayBuffer);
    expect(() => openLegacyBook(bytes, 'xls')).toThrow(PortError);
    expect(() => openLegacyBook(bytes, 'xls')).toThrow(/no worksheets/);
  });

  test('settings stored in an .xls are read with the .xlsx decoding, and kept out of the Grids', async () => {
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['姓名'], ['张三']]), '花名册');
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['policy', '{"notice":', '{"days":7}}'],
        ['other', 1],
      ]),
      '_cadre_settings',
    );
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
    const book = openLegacyBook(bytes, 'xls');
    expect(book.sheetNames).toEqual(['花名册']);
    expect(await book.getSetting('policy')).toBe('{"notice":{"days":7}}');
    expect(await book.getSetting('other')).toBe('');
    expect(await book.getSetting('absent')).toBeNull();
  });
});

describe('legacy workbooks converted to .xlsx for fix, brief --sheet and the page', () => {
  test.each(['xls', 'ods'] as const)(
    "every fixture as .%s: the converted .xlsx reads back to the legacy reader's Grids",
    async (fmt) => {
      for (const fixture of Object.keys(FIXTURES) as FixtureName[]) {
        const bytes = await legacyBytes(fixture, fmt);
        const legacy = openLegacyBook(bytes, fmt);
        const { book, format } = await openAnyFileWorkbook(bytes);
        expect(format).toBe(fmt);
        expect(await book.listSheets()).toEqual(await legacy.listSheets());
        const want = await legacy.read();
        const got = await book.read();
        expect([fixture, got.map((g, i) => differences(g, want[i]))]).toEqual([fixture, want.map(() => [])]);
      }
    },
    60_000,
  );
});

describe('dates in a 1904-system workbook', () => {
  test('read as 1900-system serials, as the .xlsx path gives them', async () => {
    const XLSX = await import('@e965/xlsx');
    const ws = XLSX.utils.aoa_to_sheet([[100, 5]]);
    (ws.A1 as { z?: string }).z = 'yyyy-mm-dd';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    wb.Workbook = { WBProps: { date1904: true } };
    const book = openLegacyBook(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'biff8' }) as ArrayBuffer), 'xls');
    const [g] = await book.read();
    // 100 days after 1904-01-01 is 1904-04-10, serial 1562 in the 1900 system; a plain number stays.
    expect(g.values[0]).toEqual([1562, 5]);
  });
});

describe('any bytes: a format or a clear refusal, never a crash', () => {
  const refusedOrRead = async (bytes: Uint8Array): Promise<string> => {
    try {
      const format = await workbookFormat(bytes);
      if (format !== 'xlsx') openLegacyBook(bytes, format);
      return format;
    } catch (e) {
      if (e instanceof PortError && e.code === 'unreadable' && e.userMessage['zh-CN'] && e.userMessage['en-US']) return 'refused';
      throw e;
    }
  };

  test('random bytes, and random bytes behind each container signature', async () => {
    const SIGS = [[], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SIGS), fc.uint8Array({ maxLength: 4096 }), async (sig, tail) => {
        const bytes = new Uint8Array([...sig, ...tail]);
        expect(['refused', 'xlsx', 'xls', 'ods']).toContain(await refusedOrRead(bytes));
      }),
      { numRuns: 200 },
    );
  });

  test('every prefix of a LibreOffice .xls and .ods is read or refused', async () => {
    for (const fmt of ['xls', 'ods'] as const) {
      const bytes = await legacyBytes('probation-protected.xlsx', fmt);
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: bytes.length }), async (n) => {
          expect(['refused', fmt]).toContain(await refusedOrRead(bytes.slice(0, n)));
        }),
        { numRuns: 60 },
      );
    }
  });
});
