/**
 * What could not be read (未能核对): for each purpose — the probation conclusions, the bottom
 * elimination, the joint investigations, the appointees — the ledgers it needs that the workbook
 * lacks, the columns those ledgers lack, and the rows whose needed cell could not be read. Every
 * output that depends on them (brief section, wizard result, eliminate --json) names these
 * instead of saying "none" (house rule: never a silent "none").
 */
import { msg, type Msg } from '../i18n/message';
import { FIELDS, type FieldKey } from './fields';
import type { SheetModel } from './recognize';
import type { TypedSheet } from './rows';
import { KIND_LABEL, type SheetKind } from './sheet-kind';

export type Purpose = 'appointees' | 'probation' | 'elimination' | 'investigations';

export interface Unread {
  /** The sheet concerned; null when no ledger of the kind was found at all. */
  readonly sheet: string | null;
  readonly kind: SheetKind;
  /** The missing or unreadable field; null for a missing ledger. */
  readonly field: FieldKey | null;
  /** 1-based rows whose cell could not be read; empty for a missing ledger or column. */
  readonly rows: readonly number[];
  readonly message: Msg;
}

interface Need {
  readonly kinds: readonly SheetKind[];
  /** Each entry: any one of these fields will do. */
  readonly columns: readonly (readonly FieldKey[])[];
  /** Cells read per row (any one of them). */
  readonly cells: readonly FieldKey[];
}

const NEEDS: Readonly<Record<Purpose, Need>> = {
  probation: { kinds: ['probation'], columns: [['probationStart']], cells: ['probationStart'] },
  elimination: { kinds: ['assessment'], columns: [['incompetentVotes'], ['valid', 'competentVotes']], cells: ['incompetentVotes'] },
  investigations: { kinds: ['assessment'], columns: [['incompetentVotes'], ['valid', 'competentVotes']], cells: ['incompetentVotes'] },
  appointees: { kinds: ['inspection', 'notice'], columns: [], cells: [] },
};

const PURPOSE_LABEL: Readonly<Record<Purpose, Msg>> = {
  probation: msg('试用期满考核事项', 'probation conclusions'),
  elimination: msg('末位淘汰排名', 'bottom-elimination ranking'),
  investigations: msg('不称职票联合调查', 'joint investigations'),
  appointees: msg('拟任人选', 'proposed appointees'),
};

const label = (f: FieldKey): Msg => FIELDS[f].label;

/** Rows listed in a message: the first few, then how many more. */
export function rowsText(rows: readonly number[]): string {
  const shown = rows.slice(0, 10).join('、');
  return rows.length > 10 ? `${shown} 等 ${rows.length} 行` : `${shown} 行`;
}

/** A column a result rests on: any one of `anyOf` will do; `what` names what goes unchecked without it. */
export interface ColumnNeed {
  readonly anyOf: readonly FieldKey[];
  readonly what?: Msg;
}

/** 考察对象“名单” in a message; a sheet named as its kind reads 工作表“考察对象”, not 考察对象“考察对象”. */
function zhSheet(kind: Msg, sheet: string): string {
  return sheet === kind['zh-CN'] ? `工作表“${sheet}”` : `${kind['zh-CN']}“${sheet}”`;
}

/**
 * The needed columns a sheet lacks, each as an Unread naming the sheet, the column and (when
 * given) what could not be checked, pointing to 检查台账 → 指定列. Shared by unreadFor (brief,
 * eliminate --json) and the wizards' results.
 */
export function missingColumns(model: Pick<SheetModel, 'sheet' | 'kind' | 'columns'>, needs: readonly ColumnNeed[]): Unread[] {
  const kl = KIND_LABEL[model.kind];
  return needs
    .filter((n) => !n.anyOf.some((f) => model.columns.has(f)))
    .map(({ anyOf, what }) => {
      const f = anyOf[0];
      return {
        sheet: model.sheet,
        kind: model.kind,
        field: f,
        rows: [],
        message: what
          ? msg(
              `${zhSheet(kl, model.sheet)}缺少${label(f)['zh-CN']}列，${what['zh-CN']}未能核对；请在检查台账中指定`,
              `The ${kl['en-US']} "${model.sheet}" has no ${label(f)['en-US']} column: ${what['en-US']} could not be checked; map it in Check ledgers`,
            )
          : msg(
              `${zhSheet(kl, model.sheet)}缺少${label(f)['zh-CN']}列，未能核对；请在检查台账中指定`,
              `The ${kl['en-US']} "${model.sheet}" has no ${label(f)['en-US']} column and could not be checked; map it in Check ledgers`,
            ),
      };
    });
}

export function unreadFor(ledgers: readonly TypedSheet[], purpose: Purpose): Unread[] {
  const need = NEEDS[purpose];
  const sheets = ledgers.filter((l) => need.kinds.includes(l.model.kind));
  const kind = need.kinds[0];
  if (!sheets.length) {
    const kinds = need.kinds.map((k) => KIND_LABEL[k]);
    return [
      {
        sheet: null,
        kind,
        field: null,
        rows: [],
        message: msg(
          `本工作簿中未识别到${kinds.map((k) => k['zh-CN']).join('或')}，${PURPOSE_LABEL[purpose]['zh-CN']}未能核对`,
          `No ${kinds.map((k) => k['en-US']).join(' or ')} was recognised in this workbook: the ${PURPOSE_LABEL[purpose]['en-US']} could not be checked`,
        ),
      },
    ];
  }
  const out: Unread[] = [];
  for (const s of sheets) {
    const kl = KIND_LABEL[s.model.kind];
    const gaps = missingColumns(
      s.model,
      need.columns.map((anyOf) => ({ anyOf })),
    );
    out.push(...gaps);
    const columnsOk = !gaps.length;
    if (!columnsOk || !need.cells.length) continue;
    const rows = s.rows.filter((r) =>
      need.cells.every((f) => r.unreadable.has(f) || (FIELDS[f].type === 'date' && r.dates[f] !== undefined && r.dates[f]?.precision !== 'day')),
    );
    if (rows.length) {
      const f = need.cells[0];
      const list = rows.map((r) => r.row + 1);
      out.push({
        sheet: s.model.sheet,
        kind: s.model.kind,
        field: f,
        rows: list,
        message: msg(
          `${zhSheet(kl, s.model.sheet)}第 ${rowsText(list)}的${label(f)['zh-CN']}无法读取${FIELDS[f].type === 'date' ? '或未精确到日' : ''}，未能核对`,
          `The ${kl['en-US']} "${s.model.sheet}" rows ${list.join(', ')}: ${label(f)['en-US']} unreadable${FIELDS[f].type === 'date' ? ' or not to the day' : ''}, not checked`,
        ),
      });
    }
  }
  return out;
}
