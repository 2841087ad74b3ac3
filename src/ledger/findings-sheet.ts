/**
 * The findings sheet (问题清单) that 检查台账 writes into the workbook: one row per finding with a
 * link to its cell, grouped as the findings come (sheet, row, column). Pure: findings in, a
 * SheetSpec out; the adapters turn `links` into in-workbook hyperlinks (Office: a HYPERLINK
 * formula; file: a cell hyperlink "#'Sheet'!D7"). Text that starts with = + - @ is written as
 * text by both adapters.
 */
import type { Locale, Msg } from '../i18n/message';
import { msg } from '../i18n/message';
import type { SheetSpec } from '../workbook/port';
import type { Severity } from '../values/finding';
import { a1, qualifiedRef, type Grid } from './grid';
import type { LedgerFinding } from './findings';

export const FINDINGS_SHEET = '问题清单';

const HEADERS: Readonly<Record<Locale, readonly string[]>> = {
  'zh-CN': ['序号', '工作表', '单元格', '级别', '问题代码', '问题'],
  'en-US': ['No.', 'Sheet', 'Cell', 'Severity', 'Code', 'Problem'],
};

export const SEVERITY_TEXT: Readonly<Record<Severity, Msg>> = {
  error: msg('错误', 'Error'),
  warning: msg('警告', 'Warning'),
  info: msg('提示', 'Info'),
};

/** Row (0-based) of the column headers; findings start on the row below. */
export const FINDINGS_HEADER_ROW = 1;
/** Column (0-based) that holds the link to the cell. */
export const FINDINGS_LINK_COL = 2;

function titleText(count: number, asOf: string, locale: Locale): string {
  return locale === 'zh-CN'
    ? `问题清单（干部台账助手生成，截至 ${asOf}，共 ${count} 个问题；点击单元格地址可跳转）`
    : `Findings (written by the Cadre Ledger Assistant, as of ${asOf}, ${count} in all; click a cell address to go there)`;
}

/** The 问题清单 sheet for these findings. `asOf` is printed as given (YYYY-MM-DD). */
export function findingsSheetSpec(findings: readonly LedgerFinding[], options: { asOf: string; name?: string; locale?: Locale }): SheetSpec {
  const locale = options.locale ?? 'zh-CN';
  const rows: (string | number)[][] = [[titleText(findings.length, options.asOf, locale)], [...HEADERS[locale]]];
  const links: { row: number; col: number; target: string }[] = [];
  findings.forEach((f, i) => {
    const row = FINDINGS_HEADER_ROW + 1 + i;
    rows.push([i + 1, f.sheet, a1(f.row, f.col), SEVERITY_TEXT[f.severity][locale], f.code, f.message[locale]]);
    links.push({ row, col: FINDINGS_LINK_COL, target: qualifiedRef(f.sheet, f.row, f.col) });
  });
  const last = rows.length - 1;
  return {
    name: options.name ?? FINDINGS_SHEET,
    rows,
    links,
    styles: [
      { box: { top: 0, left: 0, bottom: 0, right: 5 }, style: { bold: true, fontSize: 13 } },
      { box: { top: FINDINGS_HEADER_ROW, left: 0, bottom: FINDINGS_HEADER_ROW, right: 5 }, style: { bold: true, fill: '#D9E1F2', border: true } },
      ...(last > FINDINGS_HEADER_ROW
        ? [{ box: { top: FINDINGS_HEADER_ROW + 1, left: 0, bottom: last, right: 5 }, style: { border: true, vertical: 'top' as const, wrap: true } }]
        : []),
    ],
    columnWidths: [6, 14, 9, 7, 26, 70],
    freezeRows: FINDINGS_HEADER_ROW + 1,
  };
}

/**
 * True when the grid is a findings sheet this add-in wrote (its header row is ours, in either
 * language): such a sheet is not checked, and a new check replaces it.
 */
export function isFindingsSheet(grid: Grid): boolean {
  const row = grid.values[FINDINGS_HEADER_ROW];
  if (!row) return false;
  return Object.values(HEADERS).some((h) => h.every((text, c) => row[c] === text));
}

/**
 * The name to write the findings under: 问题清单 when free or ours, else 问题清单2, 3, … so a
 * user's own sheet of that name is never replaced.
 */
export function findingsSheetName(grids: readonly Grid[], sheetNames: readonly string[] = grids.map((g) => g.sheet)): { name: string; replace: boolean } {
  const lower = new Map(sheetNames.map((n) => [n.toLowerCase(), n]));
  for (let i = 1; ; i++) {
    const name = i === 1 ? FINDINGS_SHEET : `${FINDINGS_SHEET}${i}`;
    const existing = lower.get(name.toLowerCase());
    if (existing === undefined) return { name, replace: false };
    const g = grids.find((x) => x.sheet === existing);
    if (g && isFindingsSheet(g)) return { name: existing, replace: true };
  }
}
