/**
 * Which cells to mark, and how (标记计划), for the live-workbook adapters (Office, WPS): marks
 * grouped by sheet and severity, sheets that cannot be marked named in a notice, and each group's
 * cells as A1 address lists short enough for one multi-area range. Pure.
 *
 * A mark is a conditional format the add-in owns: a custom rule whose formula is MARK_FORMULA
 * (always true, and nothing a user writes) with a fill per severity. It paints over the cell's own
 * fill without changing it, so clearing the marks (deleting our rules, recognised by their
 * formula) gives the user's fills and rules back untouched. The file adapter uses the same
 * formula, so marks made in any host are cleared by any other.
 */
import { msg, type Msg } from '../i18n/message';
import { boxAddress } from '../ledger/a1-areas';
import { cellBlocks } from '../ledger/chunk';
import type { Severity } from '../values/finding';
import type { CellMark, SheetInfo } from './port';

/** Same text as the file adapter's MARK_FORMULA (src/workbook/file/file-workbook.ts). */
export const MARK_FORMULA = '"CADRE_MARK"<>""';
export const MARK_FILL: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };
/**
 * Characters per address list: the references name no limit for multi-area addresses, and Excel's
 * own reference strings are limited to a few thousand characters.
 */
export const ADDRESS_CHARS = 2000;

export function isOwnedMarkFormula(formula: string): boolean {
  return formula.replace(/\s/g, '').toUpperCase().includes('"CADRE_MARK"<>""');
}

export interface MarkGroup {
  readonly sheet: string;
  readonly severity: Severity;
  /** Address lists ("B3:B5", "D9", …), each at most ADDRESS_CHARS long; one rectangle each when !multiArea. */
  readonly pieces: readonly (readonly string[])[];
}

/** Group the marks; protected or missing sheets are skipped and named in `notices`. */
export function markGroups(infos: readonly SheetInfo[], marks: readonly CellMark[], multiArea: boolean, notices: Msg[]): MarkGroup[] {
  const byName = new Map(infos.map((i) => [i.name, i]));
  const groups = new Map<string, { sheet: string; severity: Severity; cells: { row: number; col: number; item: true }[] }>();
  const skipped = new Set<string>();
  for (const m of marks) {
    const info = byName.get(m.sheet);
    if (!info || info.protected) {
      skipped.add(m.sheet);
      continue;
    }
    const key = `${m.sheet}\u0000${m.severity}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { sheet: m.sheet, severity: m.severity, cells: [] }));
    g.cells.push({ row: m.row, col: m.col, item: true });
  }
  for (const s of skipped) {
    notices.push(
      byName.has(s)
        ? msg(`工作表“${s}”受保护，未标记其中的问题（问题仍列在问题清单中）`, `Sheet "${s}" is protected; its findings were not marked (they are still listed)`)
        : msg(`找不到工作表“${s}”，未标记其中的问题`, `Sheet "${s}" not found; its findings were not marked`),
    );
  }
  return [...groups.values()].map((g) => {
    const pieces: string[][] = [];
    let current: string[] = [];
    let len = 0;
    for (const b of cellBlocks(g.cells)) {
      const a = boxAddress({ top: b.top, left: b.left, bottom: b.top + b.items.length - 1, right: b.left + b.items[0].length - 1 });
      if (!multiArea || (current.length > 0 && len + a.length + 1 > ADDRESS_CHARS)) {
        if (current.length > 0) pieces.push(current);
        current = [];
        len = 0;
      }
      current.push(a);
      len += a.length + 1;
    }
    if (current.length > 0) pieces.push(current);
    return { sheet: g.sheet, severity: g.severity, pieces };
  });
}
