/**
 * The column mapping a user teaches once (用户指定的列): per sheet, by header text — so it
 * survives inserted or moved columns — the field a header holds. Stored as JSON in the workbook
 * setting `columnMap` ({ "试用期干部": { "任职时间": "probationStart" } }), given on the CLI as
 * `--map 'Sheet!Header=field'` (which wins over the stored one), and used by every surface through
 * recognizeSheet. A mapping whose sheet or header is gone, or whose field is unknown, is a finding
 * naming sheet and header — never silently ignored.
 */
import { msg, type Msg } from '../i18n/message';
import type { CodeDoc } from '../values/finding';
import { FIELDS, FIELD_KEYS, type FieldKey } from './fields';
import type { LedgerFinding } from './findings';
import type { TaughtColumn } from './columns';
import type { SheetModel } from './recognize';

export const COLUMN_MAP_SETTING_KEY = 'columnMap';

/** sheet name → the columns taught on it. */
export type TaughtMap = ReadonlyMap<string, readonly TaughtColumn[]>;

export const EMPTY_TAUGHT: TaughtMap = new Map();

export const CODES: readonly CodeDoc[] = [
  {
    code: 'mapping.header-not-found',
    severity: 'warning',
    doc: msg(
      '指定的列已失效：该工作表中没有（或有多个）这一表头，指定未使用；请在检查台账中重新指定。',
      'A taught column is stale: the sheet has no (or several) such header, so it was not used; map it again in Check ledgers.',
    ),
  },
  {
    code: 'mapping.sheet-not-found',
    severity: 'warning',
    doc: msg(
      '指定的列所在的工作表已不存在（或已改名），指定未使用。',
      'A taught column names a sheet that no longer exists (or was renamed); it was not used.',
    ),
  },
  {
    code: 'mapping.unknown-field',
    severity: 'warning',
    doc: msg('工作簿设置中指定的字段名不认识，指定未使用。', 'A taught column in the workbook settings names an unknown field; it was not used.'),
  },
];

export function isFieldKey(s: string): s is FieldKey {
  return Object.prototype.hasOwnProperty.call(FIELDS, s);
}

/** A field given by key or by its Chinese or English label (试用期开始, Probation start). */
export function fieldOf(text: string): FieldKey | null {
  const t = text.trim();
  if (isFieldKey(t)) return t;
  const low = t.toLowerCase();
  return FIELD_KEYS.find((f) => FIELDS[f].label['zh-CN'] === t || FIELDS[f].label['en-US'].toLowerCase() === low) ?? null;
}

export interface StoredMap {
  readonly map: TaughtMap;
  /** Entries that could not be used, each naming sheet and header. */
  readonly problems: readonly { readonly sheet: string; readonly header: string; readonly message: Msg }[];
}

/** The setting's text → the map; anything malformed is a problem, never a silent default. */
export function parseTaughtMap(raw: string | null): StoredMap {
  if (!raw) return { map: EMPTY_TAUGHT, problems: [] };
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return {
      map: EMPTY_TAUGHT,
      problems: [{ sheet: '', header: '', message: msg('列映射设置不是有效的 JSON，未使用', 'The column-map setting is not valid JSON; not used') }],
    };
  }
  const map = new Map<string, TaughtColumn[]>();
  const problems: { sheet: string; header: string; message: Msg }[] = [];
  if (!v || typeof v !== 'object' || Array.isArray(v))
    return { map, problems: [{ sheet: '', header: '', message: msg('列映射设置格式不对，未使用', 'The column-map setting is malformed; not used') }] };
  for (const [sheet, cols] of Object.entries(v as Record<string, unknown>)) {
    if (!cols || typeof cols !== 'object' || Array.isArray(cols)) continue;
    for (const [header, field] of Object.entries(cols as Record<string, unknown>)) {
      if (typeof field === 'string' && isFieldKey(field)) map.set(sheet, [...(map.get(sheet) ?? []), { header, field }]);
      else
        problems.push({
          sheet,
          header,
          message: msg(
            `工作表“${sheet}”的表头“${header}”指定为未知字段 ${JSON.stringify(field)}，未使用`,
            `Sheet "${sheet}", header "${header}": unknown field ${JSON.stringify(field)}; not used`,
          ),
        });
    }
  }
  return { map, problems };
}

/** The map as the setting's text; null when empty (the setting is removed). */
export function taughtMapText(map: TaughtMap): string | null {
  const o: Record<string, Record<string, string>> = {};
  for (const [sheet, cols] of map) if (cols.length) o[sheet] = Object.fromEntries(cols.map((c) => [c.header, c.field]));
  return Object.keys(o).length ? JSON.stringify(o) : null;
}

/** Teach (or, with field null, forget) one header of one sheet. A header holds one field; a field sits under one header. */
export function teach(map: TaughtMap, sheet: string, header: string, field: FieldKey | null): TaughtMap {
  const next = new Map(map);
  const kept = (map.get(sheet) ?? []).filter((c) => c.header !== header && c.field !== field);
  const cols = field ? [...kept, { header, field }] : kept;
  if (cols.length) next.set(sheet, cols);
  else next.delete(sheet);
  return next;
}

/** Later maps win, header by header (the CLI's --map over the stored setting). */
export function mergeTaught(...maps: readonly TaughtMap[]): TaughtMap {
  let out: TaughtMap = EMPTY_TAUGHT;
  for (const m of maps) for (const [sheet, cols] of m) for (const c of cols) out = teach(out, sheet, c.header, c.field);
  return out;
}

/** `Sheet!Header=field` → one taught column, or a message saying what was expected. */
export function parseMapArg(text: string): { ok: true; sheet: string; column: TaughtColumn } | { ok: false; message: Msg } {
  const bang = text.lastIndexOf('!', text.indexOf('=') < 0 ? text.length : text.indexOf('='));
  const eq = text.lastIndexOf('=');
  const expected = msg(
    `--map ${JSON.stringify(text)} 格式不对：应为 '工作表!表头=字段'，如 '试用期干部!任职时间=probationStart'`,
    `--map ${JSON.stringify(text)}: expected 'Sheet!Header=field', e.g. '试用期干部!任职时间=probationStart'`,
  );
  if (bang <= 0 || eq < bang + 2 || eq === text.length - 1) return { ok: false, message: expected };
  const sheet = text.slice(0, bang).replace(/^'(.*)'$/, '$1');
  const header = text.slice(bang + 1, eq).trim();
  const fieldText = text.slice(eq + 1).trim();
  const field = fieldOf(fieldText);
  if (!field) {
    return {
      ok: false,
      message: msg(
        `--map ${JSON.stringify(text)}：不认识的字段“${fieldText}”；可用字段名如 probationStart（试用期开始）、postSince（任现职时间）、birth（出生年月），见 README“指定列”`,
        `--map ${JSON.stringify(text)}: unknown field "${fieldText}"; use a field key such as probationStart, postSince, birth (README, "Teaching a column")`,
      ),
    };
  }
  return { ok: true, sheet, column: { header, field } };
}

/** The taught columns of one sheet. */
export function taughtFor(map: TaughtMap | undefined, sheet: string): readonly TaughtColumn[] {
  return map?.get(sheet) ?? [];
}

/** Findings for taught columns that were not used: their sheet is gone, or their header is. */
export function taughtFindings(models: readonly SheetModel[], map: TaughtMap | undefined, problems: StoredMap['problems'] = []): LedgerFinding[] {
  const out: LedgerFinding[] = [];
  const sheets = new Map(models.map((m) => [m.sheet, m]));
  const first = models[0]?.sheet ?? '';
  for (const p of problems)
    out.push({ sheet: sheets.has(p.sheet) ? p.sheet : first, row: 0, col: 0, severity: 'warning', code: 'mapping.unknown-field', message: p.message });
  for (const [sheet, cols] of map ?? []) {
    const m = sheets.get(sheet);
    if (!m) {
      for (const c of cols)
        out.push({
          sheet: first,
          row: 0,
          col: 0,
          severity: 'warning',
          code: 'mapping.sheet-not-found',
          message: msg(
            `指定的列“${sheet}!${c.header}”（${FIELDS[c.field].label['zh-CN']}）所在的工作表“${sheet}”不存在，未使用`,
            `Taught column "${sheet}!${c.header}" (${FIELDS[c.field].label['en-US']}): there is no sheet "${sheet}"; not used`,
          ),
        });
      continue;
    }
    for (const p of m.taughtProblems) {
      out.push({
        sheet,
        row: Math.max(0, m.headerTop),
        col: 0,
        severity: 'warning',
        code: 'mapping.header-not-found',
        message: msg(
          `工作表“${sheet}”中${p.why === 'no-header' ? '没有' : '有多个'}表头“${p.header}”，指定为${FIELDS[p.field].label['zh-CN']}的列未使用；请在检查台账中重新指定`,
          `Sheet "${sheet}" has ${p.why === 'no-header' ? 'no' : 'several'} header "${p.header}"; the column taught as ${FIELDS[p.field].label['en-US']} was not used — map it again in Check ledgers`,
        ),
      });
    }
  }
  return out;
}
