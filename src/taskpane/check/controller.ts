/**
 * 检查台账 as one user action over any WorkbookPort (Excel or a file in the browser): read the
 * workbook once, check every ledger sheet with the ledger engine (the same checkWorkbook the CLI
 * runs), replace the add-in's marks with marks for these findings, write the findings sheet
 * (问题清单) with a link per finding, and hand the task pane the findings grouped by sheet and
 * code. Protected sheets are checked, never changed: no marks there, and the message names them.
 * The number of adapter calls does not depend on the size of the workbook.
 */
import { msg, type Msg } from '../../i18n/message';
import { checkWorkbook } from '../../ledger/check-workbook';
import type { CheckContext } from '../../ledger/checks/context';
import type { LedgerFinding } from '../../ledger/findings';
import { findingsSheetName, findingsSheetSpec, isFindingsSheet } from '../../ledger/findings-sheet';
import type { Grid } from '../../ledger/grid';
import type { SheetModel } from '../../ledger/recognize';
import { repairCadreFormulas } from '../../ledger/transforms/cadre-formulas';
import { briefSheetName } from '../../brief/render-sheet';
import { COLUMN_MAP_SETTING_KEY, parseTaughtMap, type StoredMap, type TaughtMap } from '../../ledger/taught-map';
import { loadWorkbookPolicy } from '../../policy/workbook-policy';
import type { WorkCalendar } from '../../calendar';
import type { Policy } from '../../policy/policy';
import type { Severity } from '../../values/finding';
import { formatIso, type LocalDate } from '../../values/local-date';
import type { CellMark, WorkbookPort } from '../../workbook/port';
import { PortError } from '../../workbook/port';

export interface CodeGroup {
  readonly code: string;
  /** The most severe severity in the group. */
  readonly severity: Severity;
  readonly findings: readonly LedgerFinding[];
}

export interface SheetGroup {
  readonly sheet: string;
  readonly total: number;
  readonly counts: Readonly<Record<Severity, number>>;
  readonly codes: readonly CodeGroup[];
}

export interface CheckRun {
  readonly asOf: LocalDate;
  /** The policy the check ran under (for 指定列: which columns a kind needs). */
  readonly policy?: Policy;
  readonly models: readonly SheetModel[];
  readonly findings: readonly LedgerFinding[];
  readonly groups: readonly SheetGroup[];
  readonly counts: Readonly<Record<Severity, number>>;
  /** Cells marked (one mark per cell, at its most severe finding). */
  readonly marked: number;
  /** Where the findings were listed, or null when that was not possible (see notices). */
  readonly findingsSheet: string | null;
  /** Ledger sheets that are protected: checked, not marked, never changed. */
  readonly protectedSheets: readonly string[];
  /** CADRE formulas that 「修复公式」 would re-enter (for a hint on the page). */
  readonly repairableFormulas: number;
  /** Everything the user should be told: protected sheets, skipped features. */
  readonly notices: readonly Msg[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const zero = (): Record<Severity, number> => ({ error: 0, warning: 0, info: 0 });

/** Findings by sheet (workbook order) and, within a sheet, by code (most severe first, then by count). */
export function groupFindings(findings: readonly LedgerFinding[], sheetOrder: readonly string[] = []): SheetGroup[] {
  const bySheet = new Map<string, Map<string, LedgerFinding[]>>();
  for (const f of findings) {
    let codes = bySheet.get(f.sheet);
    if (!codes) bySheet.set(f.sheet, (codes = new Map()));
    let list = codes.get(f.code);
    if (!list) codes.set(f.code, (list = []));
    list.push(f);
  }
  const pos = new Map(sheetOrder.map((s, i) => [s, i]));
  return [...bySheet.entries()]
    .sort(([a], [b]) => (pos.get(a) ?? 1e9) - (pos.get(b) ?? 1e9))
    .map(([sheet, codes]) => {
      const counts = zero();
      const groups: CodeGroup[] = [...codes.entries()].map(([code, list]) => {
        let severity: Severity = 'info';
        for (const f of list) {
          counts[f.severity]++;
          if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[severity]) severity = f.severity;
        }
        return { code, severity, findings: list };
      });
      groups.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.findings.length - a.findings.length || (a.code < b.code ? -1 : 1));
      return { sheet, total: counts.error + counts.warning + counts.info, counts, codes: groups };
    });
}

/** One mark per cell, at the most severe of its findings; nothing on protected sheets. */
export function marksFor(findings: readonly LedgerFinding[], protectedSheets: ReadonlySet<string>): CellMark[] {
  const byCell = new Map<string, CellMark>();
  for (const f of findings) {
    if (protectedSheets.has(f.sheet)) continue;
    const key = `${f.sheet}\u0000${f.row}\u0000${f.col}`;
    const prev = byCell.get(key);
    if (!prev || SEVERITY_RANK[f.severity] < SEVERITY_RANK[prev.severity])
      byCell.set(key, { sheet: f.sheet, row: f.row, col: f.col, severity: f.severity, note: f.code });
  }
  return [...byCell.values()];
}

/** The policy and work calendar stored in the workbook (the shared loader), with messages about refused values. */
export async function workbookPolicy(
  port: WorkbookPort,
): Promise<{ policy: Policy; calendar: WorkCalendar; notices: Msg[]; taught: TaughtMap; taughtProblems: StoredMap['problems'] }> {
  const wp = await loadWorkbookPolicy((k) => port.getSetting(k));
  // The columns the user taught (issue 11) travel with the policy: every surface that checks uses both.
  const stored = parseTaughtMap(await port.getSetting(COLUMN_MAP_SETTING_KEY));
  return { policy: wp.policy, calendar: wp.calendar, notices: wp.errors.map((e) => e.message), taught: stored.map, taughtProblems: stored.problems };
}

/** Messages an adapter collected about skipped features (Office: missing requirement sets). */
export function adapterNotices(port: WorkbookPort): Msg[] {
  const p = port as { takeNotices?: () => Msg[] };
  return typeof p.takeNotices === 'function' ? p.takeNotices() : [];
}

export function protectedNotice(sheets: readonly string[]): Msg {
  const zh = sheets.map((s) => `“${s}”`).join('、');
  const en = sheets.map((s) => `"${s}"`).join(', ');
  return msg(
    `工作表${zh}受保护：已检查，但未标记、未修改（问题仍列在清单中）`,
    `Protected sheet${sheets.length > 1 ? 's' : ''} ${en}: checked, but not marked and not changed (the findings are still listed)`,
  );
}

const BRIEF_PREFIX = briefSheetName({ y: 2000, m: 1, d: 1 }).replace('2000-01-01', '');
const BRIEF_SHEET = new RegExp(`^${BRIEF_PREFIX}\\d{4}-\\d{2}-\\d{2}$`);

/** 任免审批表-张三 (src/brief/render-form-sheet.ts): a form, not a ledger. */
const FORM_SHEET = /^任免审批表-/;

/** A sheet the add-in wrote: a findings list, a brief (常委会材料YYYY-MM-DD) or a 干部任免审批表. */
export function isOutputSheet(grid: Grid): boolean {
  return isFindingsSheet(grid) || BRIEF_SHEET.test(grid.sheet) || FORM_SHEET.test(grid.sheet);
}

/** The sheets to check and to draw the brief from: everything but the add-in's own output sheets. */
export function ledgerGrids(grids: readonly Grid[]): Grid[] {
  return grids.filter((g) => !isOutputSheet(g));
}

/**
 * Run the whole check on the open workbook. The workbook's own cells are never changed: only the
 * add-in's marks and its findings sheet are written.
 */
export async function runLedgerCheck(port: WorkbookPort, asOf: LocalDate, options: { policy?: Policy } = {}): Promise<CheckRun> {
  const notices: Msg[] = [];
  const stored = await workbookPolicy(port);
  notices.push(...stored.notices);
  const ctx: CheckContext = {
    policy: options.policy ?? stored.policy,
    asOf,
    calendar: stored.calendar,
    taught: stored.taught,
    taughtProblems: stored.taughtProblems,
  };
  const all = await port.read();
  const grids = ledgerGrids(all);
  const result = checkWorkbook(grids, ctx);
  const protectedSheets = result.models.filter((m) => m.kind !== 'unknown' && grids.find((g) => g.sheet === m.sheet)?.protected).map((m) => m.sheet);
  const isProtected = new Set(grids.filter((g) => g.protected).map((g) => g.sheet));
  const marks = marksFor(result.findings, isProtected);
  await port.clearMarks();
  await port.markCells(marks);
  let findingsSheet: string | null = null;
  const target = findingsSheetName(all);
  try {
    await port.writeSheet(findingsSheetSpec(result.findings, { asOf: formatIso(asOf), name: target.name }), { replace: target.replace });
    findingsSheet = target.name;
  } catch (e) {
    if (!(e instanceof PortError)) throw e;
    notices.push(msg(`未能写入问题清单：${e.userMessage['zh-CN']}`, `The findings sheet was not written: ${e.userMessage['en-US']}`));
  }
  if (protectedSheets.length) notices.unshift(protectedNotice(protectedSheets));
  notices.push(...adapterNotices(port));
  const counts = zero();
  for (const f of result.findings) counts[f.severity]++;
  const repairableFormulas = grids.filter((g) => !g.protected).reduce((n, g) => n + repairCadreFormulas(g).edits.length, 0);
  return {
    asOf,
    policy: ctx.policy,
    models: result.models,
    findings: result.findings,
    groups: groupFindings(
      result.findings,
      result.models.map((m) => m.sheet),
    ),
    counts,
    marked: marks.length,
    findingsSheet,
    protectedSheets,
    repairableFormulas,
    notices: dedupe(notices),
  };
}

/** 清除标记: remove every mark the add-in made, in one call; the user's own formats stay. */
export async function clearAllMarks(port: WorkbookPort): Promise<void> {
  await port.clearMarks();
}

function dedupe(list: readonly Msg[]): Msg[] {
  const seen = new Set<string>();
  return list.filter((m) => (seen.has(m['en-US']) ? false : (seen.add(m['en-US']), true)));
}
