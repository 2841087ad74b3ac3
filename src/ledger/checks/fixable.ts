/**
 * check ⊇ fix (可修复项): every cell `fix` would change is reported by `check`, as one `info`
 * finding per sheet and transform on the first such cell, naming the transform, how many cells
 * and which (up to LISTED addresses). Built by the very transforms `fix` applies, through a sink
 * that counts instead of building edits (transforms/sink.ts), so the pane, the CLI's check and the
 * fix preview always agree.
 */
import { msg, type Msg } from '../../i18n/message';
import type { CodeDoc } from '../../values/finding';
import type { LedgerFinding } from '../findings';
import { a1 } from '../grid';
import type { FixableGroup } from '../transforms/sink';

/** Addresses listed in one finding; the count says how many more. */
export const LISTED = 12;

interface FixableKind {
  readonly fix: string;
  readonly code: string;
  readonly what: Msg;
}

const KINDS: readonly FixableKind[] = [
  { fix: 'fix.id-to-text', code: 'fixable.id-to-text', what: msg('身份证号存为数字，修复后改为文本', 'ID numbers stored as numbers; fix stores them as text') },
  {
    fix: 'fix.date-normalize',
    code: 'fixable.date-normalize',
    what: msg(
      '日期为文本或常规数字（如 １９８６．０５、1985年3月），修复后改为日期',
      'dates typed as text or General numbers (１９８６．０５, 1985年3月); fix makes them real dates',
    ),
  },
  {
    fix: 'fix.name-normalize',
    code: 'fixable.name-normalize',
    what: msg('姓名含多余空格或全角字符（如 张  三），修复后规范', 'names with padding spaces or full-width characters (张  三); fix normalises them'),
  },
  {
    fix: 'fix.text-normalize',
    code: 'fixable.text-normalize',
    what: msg('文本含全角字母数字或首尾空格，修复后规范', 'text with full-width letters/digits or surrounding spaces; fix normalises it'),
  },
  {
    fix: 'fix.count-to-number',
    code: 'fixable.count-to-number',
    what: msg('票数、人数存为文本，修复后改为数字', 'counts stored as text; fix makes them numbers'),
  },
  {
    fix: 'fix.formula-column',
    code: 'fixable.formula-column',
    what: msg(
      '缺少计算列（得票率、是否达标、不称职票比例等），修复后在表右侧加公式列',
      'computed columns missing (vote ratio, pass, incompetent ratio); fix adds formula columns at the right',
    ),
  },
];

export const CODES: readonly CodeDoc[] = KINDS.map((k) => ({
  code: k.code,
  severity: 'info' as const,
  doc: msg(`“修复”将更改这些单元格：${k.what['zh-CN']}（对应修复代码 ${k.fix}）。`, `"fix" will change these cells: ${k.what['en-US']} (fix code ${k.fix}).`),
}));

const BY_FIX = new Map(KINDS.map((k) => [k.fix, k]));

function cellList(g: FixableGroup): string {
  return g.cells.map((c) => a1(c.row, c.col)).join('、') + (g.count > g.cells.length ? ' …' : '');
}

/** One info finding per sheet and transform of the plan (planSummary's groups, LISTED cells each). */
export function fixableFindings(groups: readonly FixableGroup[]): LedgerFinding[] {
  const out: LedgerFinding[] = [];
  for (const g of groups) {
    const kind = BY_FIX.get(g.code);
    if (!kind) continue;
    const first = g.cells[0];
    const n = g.count;
    const cells = cellList(g);
    out.push({
      sheet: g.sheet,
      row: first.row,
      col: first.col,
      severity: 'info',
      code: kind.code,
      message: msg(
        `${n} 个单元格可由“修复”更改：${kind.what['zh-CN']}。${cells}；例：${g.why['zh-CN']}`,
        `${n} cell${n === 1 ? '' : 's'} can be changed by fix: ${kind.what['en-US']}. ${cells}; e.g. ${g.why['en-US']}`,
      ),
    });
  }
  return out;
}
