/**
 * 指定列 on the 检查台账 screen (issue 11): what the user can map and the saving of a choice. A
 * choice is stored in the workbook setting `columnMap` per sheet by header text
 * (src/ledger/taught-map.ts), so the check, fix, brief, wizards and the CLI all use it.
 */
import { FIELDS, FIELD_KEYS, type FieldKey } from '../../ledger/fields';
import { columnLetter } from '../../ledger/grid';
import { requiredFields } from '../../ledger/checks/required';
import type { SheetModel } from '../../ledger/recognize';
import { COLUMN_MAP_SETTING_KEY, parseTaughtMap, taughtMapText, teach, type TaughtMap } from '../../ledger/taught-map';
import type { Policy } from '../../policy/policy';
import type { WorkbookPort } from '../../workbook/port';

export interface MapTarget {
  readonly sheet: string;
  /** Fields the sheet's kind needs but the sheet lacks: offered first (试用期开始 in a probation ledger). */
  readonly missing: readonly FieldKey[];
  /** Header cells to choose from: { col, letter, text, field now read there }. */
  readonly headers: readonly { readonly col: number; readonly letter: string; readonly text: string; readonly field: FieldKey | null }[];
}

/** Every sheet with a header row, ledgers with a missing needed column first. */
export function mapTargets(models: readonly SheetModel[], policy: Policy): MapTarget[] {
  const out: MapTarget[] = [];
  for (const m of models) {
    if (m.headerTop < 0) continue;
    const byCol = new Map<number, FieldKey>();
    for (const [f, c] of m.columns) byCol.set(c, f);
    const missing = m.kind === 'unknown' ? [] : requiredFields(m.kind, policy).filter((f) => !m.columns.has(f));
    const headers = m.headers.flatMap((text, col) => (text ? [{ col, letter: columnLetter(col), text, field: byCol.get(col) ?? null }] : []));
    out.push({ sheet: m.sheet, missing, headers });
  }
  return out.sort((a, b) => (b.missing.length ? 1 : 0) - (a.missing.length ? 1 : 0));
}

/** Fields in the order the picker offers them: the missing ones, then all others by label. */
export function fieldChoices(target: MapTarget | undefined): FieldKey[] {
  const first = target?.missing ?? [];
  const rest = FIELD_KEYS.filter((f) => !first.includes(f) && f !== 'seq').sort((a, b) =>
    FIELDS[a].label['zh-CN'].localeCompare(FIELDS[b].label['zh-CN'], 'zh-CN'),
  );
  return [...first, ...rest];
}

/** The header text a taught column is stored under: a two-row header's sub-header, as typed. */
export function storedHeader(text: string): string {
  const bar = text.indexOf('|');
  return bar >= 0 ? text.slice(bar + 1) : text;
}

export async function loadTaught(port: WorkbookPort): Promise<TaughtMap> {
  return parseTaughtMap(await port.getSetting(COLUMN_MAP_SETTING_KEY)).map;
}

/** Teach (or forget, field null) one header and store the mapping in the workbook. */
export async function saveTaught(port: WorkbookPort, sheet: string, header: string, field: FieldKey | null): Promise<TaughtMap> {
  const next = teach(await loadTaught(port), sheet, header, field);
  await port.setSetting(COLUMN_MAP_SETTING_KEY, taughtMapText(next));
  return next;
}
