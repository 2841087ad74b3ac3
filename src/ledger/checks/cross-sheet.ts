/**
 * Cross-sheet checks (跨表核对) where two ledgers mention the same people: one ID number under two
 * names, one person with two birth dates, and the procedure's order (公示 only after 考察, 试用
 * only after 公示) when both ledgers are in the workbook.
 */
import { msg } from '../../i18n/message';
import { formatDate, type ChineseDate } from '../../values/dates';
import type { LedgerFinding } from '../findings';
import type { TypedRow, TypedSheet } from '../rows';
import type { SheetKind } from '../sheet-kind';
import { columnDate, compareAtPrecision } from './cross-field';
import { onField, type CodeDoc } from './context';

export const CODES: readonly CodeDoc[] = [
  {
    code: 'xsheet.id-name-mismatch',
    severity: 'error',
    doc: msg('同一身份证号在另一张表中对应不同的姓名。', 'The same ID number belongs to a different name in another sheet.'),
  },
  {
    code: 'xsheet.birth-mismatch',
    severity: 'warning',
    doc: msg(
      '同一人（身份证号相同，或同名且各表中唯一）在另一张表中的出生年月不同。',
      'The same person (same ID, or a name unique in both sheets) has a different date of birth in another sheet.',
    ),
  },
  {
    code: 'xsheet.notice-not-inspected',
    severity: 'warning',
    doc: msg(
      '公示人选不在考察对象表中（二.4 公示对象应经过组织考察）。',
      'A person on the notice is not in the inspection sheet (二.4: notice follows inspection).',
    ),
  },
  {
    code: 'xsheet.probation-not-noticed',
    severity: 'warning',
    doc: msg(
      '试用期人员不在任前公示表中（二.5 新提拔人员应经过公示）。',
      'A person on probation is not on the notice sheet (new appointees are noticed first).',
    ),
  },
];

interface Seen {
  readonly sheet: TypedSheet;
  readonly row: TypedRow;
}

const showDate = (d: ChineseDate) => formatDate(d.date, d.precision);

/** Procedure order: people of the later kind should appear in the earlier one. */
const ORDER: readonly [SheetKind, SheetKind, string, 'xsheet.notice-not-inspected' | 'xsheet.probation-not-noticed'][] = [
  ['notice', 'inspection', '考察对象', 'xsheet.notice-not-inspected'],
  ['probation', 'notice', '任前公示', 'xsheet.probation-not-noticed'],
];

export function checkCrossSheets(sheets: readonly TypedSheet[]): LedgerFinding[] {
  // Every finding here compares two ledgers.
  if (sheets.filter((s) => s.model.kind !== 'unknown').length < 2) return [];
  const out: LedgerFinding[] = [];
  const byId = new Map<string, Seen>();
  const nameCount = new Map<TypedSheet, Map<string, number>>();
  for (const s of sheets) {
    const m = new Map<string, number>();
    for (const r of s.rows) if (r.names.name) m.set(r.names.name, (m.get(r.names.name) ?? 0) + 1);
    nameCount.set(s, m);
  }
  const uniqueByName = new Map<string, Seen>();
  for (const s of sheets) {
    if (s.model.kind === 'unknown') continue;
    const reportedHere = new Set<number>();
    for (const row of s.rows) {
      const id = row.ids.idNumber?.id18;
      const name = row.names.name;
      if (id) {
        const first = byId.get(id);
        if (!first) byId.set(id, { sheet: s, row });
        else if (first.sheet !== s) {
          const firstName = first.row.names.name;
          if (name && firstName && name !== firstName) {
            out.push(
              onField(
                s,
                row,
                'idNumber',
                'xsheet.id-name-mismatch',
                'error',
                msg(
                  `身份证号在“${first.sheet.model.sheet}”第${first.row.row + 1}行对应“${firstName}”，此处为“${name}”`,
                  `This ID number belongs to "${firstName}" in "${first.sheet.model.sheet}" row ${first.row.row + 1}, here to "${name}"`,
                ),
              ),
            );
            reportedHere.add(row.row);
          } else if (birthDiffers(first, { sheet: s, row })) {
            out.push(birthMismatch(s, row, first));
            reportedHere.add(row.row);
          }
          continue;
        }
      }
      if (!name || reportedHere.has(row.row) || nameCount.get(s)?.get(name) !== 1) continue;
      const first = uniqueByName.get(name);
      if (!first) uniqueByName.set(name, { sheet: s, row });
      else if (
        first.sheet !== s &&
        nameCount.get(first.sheet)?.get(name) === 1 &&
        !(first.row.ids.idNumber && row.ids.idNumber) &&
        birthDiffers(first, { sheet: s, row })
      ) {
        out.push(birthMismatch(s, row, first));
      }
    }
  }
  for (const [later, earlier, earlierLabel, code] of ORDER) {
    const earlierSheets = sheets.filter((s) => s.model.kind === earlier);
    if (!earlierSheets.length) continue;
    const known = new Set(earlierSheets.flatMap((s) => s.rows.map((r) => r.names.name).filter(Boolean)));
    for (const s of sheets.filter((x) => x.model.kind === later)) {
      for (const row of s.rows) {
        const name = row.names.name;
        if (name && !known.has(name)) {
          out.push(
            onField(
              s,
              row,
              'name',
              code,
              'warning',
              msg(
                `${name}不在${earlierLabel}表（${earlierSheets.map((e) => `“${e.model.sheet}”`).join('、')}）中`,
                `${name} is not in the ${earlier} sheet (${earlierSheets.map((e) => `"${e.model.sheet}"`).join(', ')})`,
              ),
            ),
          );
        }
      }
    }
  }
  return out;
}

/** At the coarser of the two columns' precisions (出生年月 in one sheet, 出生日期 in the other). */
function birthDiffers(a: Seen, b: Seen): boolean {
  const x = columnDate(a.sheet, a.row, 'birth');
  const y = columnDate(b.sheet, b.row, 'birth');
  return !!x && !!y && compareAtPrecision(x, y) !== 0;
}

function birthMismatch(s: TypedSheet, row: TypedRow, first: Seen): LedgerFinding {
  const here = columnDate(s, row, 'birth') as ChineseDate;
  const there = columnDate(first.sheet, first.row, 'birth') as ChineseDate;
  return onField(
    s,
    row,
    'birth',
    'xsheet.birth-mismatch',
    'warning',
    msg(
      `出生年月 ${showDate(here)} 与“${first.sheet.model.sheet}”第${first.row.row + 1}行的 ${showDate(there)} 不一致`,
      `Date of birth ${showDate(here)} differs from ${showDate(there)} in "${first.sheet.model.sheet}" row ${first.row.row + 1}`,
    ),
  );
}
