/**
 * Duplicates (重复记录): the same ID number twice, or the same person (name and birth date) in two
 * rows. Reported on the later row, naming the earlier one. Complaint ledgers are exempt (one
 * person may be complained about many times); recommendation tallies count a person once per post.
 */
import { msg } from '../../i18n/message';
import { formatDate } from '../../values/dates';
import type { LedgerFinding } from '../findings';
import type { TypedRow, TypedSheet } from '../rows';
import { onField, type CodeDoc } from './context';

export const CODES: readonly CodeDoc[] = [
  { code: 'dup.id', severity: 'error', doc: msg('同一身份证号在本表出现两次。', 'The same ID number appears twice in the sheet.') },
  {
    code: 'dup.person',
    severity: 'warning',
    doc: msg('同名且出生年月相同的人在本表出现两次，可能重复登记。', 'Same name and date of birth in two rows: possibly entered twice.'),
  },
];

function scopeOf(sheet: TypedSheet, row: TypedRow): string {
  return sheet.model.kind === 'recommendation' || sheet.model.kind === 'inspection' ? `${row.texts.targetPost ?? ''}\u0000` : '';
}

export function checkDuplicates(sheet: TypedSheet): LedgerFinding[] {
  if (sheet.model.kind === 'complaints' || sheet.model.kind === 'unknown') return [];
  const out: LedgerFinding[] = [];
  const byId = new Map<string, number>();
  const byPerson = new Map<string, Map<number, number>>();
  for (const row of sheet.rows) {
    const scope = scopeOf(sheet, row);
    const id = row.ids.idNumber?.id18;
    let dupId = false;
    if (id) {
      const first = byId.get(scope + id);
      if (first !== undefined) {
        dupId = true;
        out.push(onField(sheet, row, 'idNumber', 'dup.id', 'error', msg(`身份证号与第${first + 1}行相同`, `Same ID number as row ${first + 1}`)));
      } else byId.set(scope + id, row.row);
    }
    const name = row.names.name;
    const birth = row.dates.birth;
    if (name && birth && !dupId) {
      // name → birth month → first row, without building a key string per row.
      const scoped = scope + name;
      let months = byPerson.get(scoped);
      if (!months) byPerson.set(scoped, (months = new Map()));
      const month = birth.date.y * 12 + birth.date.m;
      const first = months.get(month);
      if (first !== undefined) {
        out.push(
          onField(
            sheet,
            row,
            'name',
            'dup.person',
            'warning',
            msg(
              `${name}（${formatDate(birth.date, 'month')}）与第${first + 1}行同名同出生年月，可能重复登记`,
              `${name} (${formatDate(birth.date, 'month')}) has the same name and birth month as row ${first + 1}: possibly entered twice`,
            ),
          ),
        );
      } else months.set(month, row.row);
    }
  }
  return out;
}
