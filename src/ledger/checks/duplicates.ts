/**
 * Duplicates (重复记录): the same ID number twice, or the same person (name and birth date) in two
 * rows. Reported on the later row, naming the earlier one. Complaint ledgers are exempt (one
 * person may be complained about many times); recommendation tallies count a person once per post.
 */
import { msg, type Msg } from '../../i18n/message';
import { formatDate } from '../../values/dates';
import type { LedgerFinding } from '../findings';
import type { TypedRow, TypedSheet } from '../rows';
import { fieldColumn, type CodeDoc } from './context';

export const CODES: readonly CodeDoc[] = [
  { code: 'dup.id', severity: 'error', doc: msg('同一身份证号在本表出现两次。', 'The same ID number appears twice in the sheet.') },
  {
    code: 'dup.person',
    severity: 'warning',
    doc: msg('同名且出生年月相同的人在本表出现两次，可能重复登记。', 'Same name and date of birth in two rows: possibly entered twice.'),
  },
];

/** Tallies count a person once per post: the post, as a key prefix; '' for other kinds. */
function scopeOf(scoped: boolean, row: TypedRow): string {
  return scoped ? `${row.texts.targetPost ?? ''}\u0000` : '';
}

export function checkDuplicates(sheet: TypedSheet): LedgerFinding[] {
  if (sheet.model.kind === 'complaints' || sheet.model.kind === 'unknown') return [];
  const out: LedgerFinding[] = [];
  // ID → its index in `firstRow` (ids in order of first appearance): a roster may repeat an ID on
  // thousands of rows, and a dense array answers the first row and its message without a second Map.
  const byId = new Map<string, number>();
  const firstRow: number[] = [];
  // One message per first row, shared by the findings that name it (messages are read-only).
  const sameId: (Msg | undefined)[] = [];
  // Findings as onField places them, the columns looked up once for the sheet.
  const sheetName = sheet.model.sheet;
  const idCol = fieldColumn(sheet, 'idNumber');
  const nameCol = fieldColumn(sheet, 'name');
  // name → the first row of each birth month: one number (month and row packed) while the name has
  // one month, a Map from its second month on — most names are unique, so no Map per row.
  const byPerson = new Map<string, number | Map<number, number>>();
  const scoped = sheet.model.kind === 'recommendation' || sheet.model.kind === 'inspection';
  // An index, not for…of: see typeRows.
  const rows = sheet.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const scope = scopeOf(scoped, row);
    const id = row.ids.idNumber?.id18;
    let dupId = false;
    if (id) {
      const key = scoped ? scope + id : id;
      const k = byId.get(key);
      if (k !== undefined) {
        dupId = true;
        const first = firstRow[k];
        const message = (sameId[k] ??= msg(`身份证号与第${first + 1}行相同`, `Same ID number as row ${first + 1}`));
        out.push({ sheet: sheetName, row: row.row, col: idCol, severity: 'error', code: 'dup.id', message });
      } else {
        byId.set(key, firstRow.length);
        firstRow.push(row.row);
        sameId.push(undefined);
      }
    }
    const name = row.names.name;
    const birth = row.dates.birth;
    if (name && birth && !dupId) {
      // name → birth month → first row, without building a key string per row.
      const person = scoped ? scope + name : name;
      const month = birth.date.y * 12 + birth.date.m;
      const first = firstOfMonth(byPerson, person, month, row.row);
      if (first !== undefined) {
        const shown = formatDate(birth.date, 'month');
        out.push({
          sheet: sheetName,
          row: row.row,
          col: nameCol,
          severity: 'warning',
          code: 'dup.person',
          message: msg(
            `${name}（${shown}）与第${first + 1}行同名同出生年月，可能重复登记`,
            `${name} (${shown}) has the same name and birth month as row ${first + 1}: possibly entered twice`,
          ),
        });
      }
    }
  }
  return out;
}

/** Rows below this (Excel has 1,048,576) pack with a non-negative month into one safe integer. */
const ROW_SPAN = 2 ** 21;

/**
 * The first row seen for (person, month), or undefined after recording `row` as that first row.
 * Exactly what a Map per person would answer.
 */
function firstOfMonth(byPerson: Map<string, number | Map<number, number>>, person: string, month: number, row: number): number | undefined {
  const held = byPerson.get(person);
  const packs = month >= 0 && Number.isInteger(month) && row >= 0 && row < ROW_SPAN;
  if (held === undefined) {
    byPerson.set(person, packs ? month * ROW_SPAN + row : new Map([[month, row]]));
    return undefined;
  }
  let months: Map<number, number>;
  if (typeof held === 'number') {
    const heldMonth = Math.floor(held / ROW_SPAN);
    const heldRow = held - heldMonth * ROW_SPAN;
    if (heldMonth === month) return heldRow;
    months = new Map([[heldMonth, heldRow]]);
    byPerson.set(person, months);
  } else months = held;
  const first = months.get(month);
  if (first === undefined) months.set(month, row);
  return first;
}
