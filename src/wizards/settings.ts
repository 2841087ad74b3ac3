/**
 * Wizard 7 · 设置 (SPEC §2): every policy key with the value in force, its default and its source
 * (POLICY_SOURCES), editable and validated by resolvePolicy; the work-calendar overrides (extra
 * days off / working days, a whole year such as 2027 once published). Both are stored in the
 * workbook (src/policy/workbook-policy.ts: settings 'policy' and 'calendar'), so the functions,
 * the brief and every wizard pick them up. A refused value names its key and nothing is written.
 * Optional output sheet 政策设置 (the values in force, for printing).
 */
import { msg, plural, type Locale, type Msg } from '../i18n/message';
import { policyEnumMsg } from '../policy/format';
import { STATUTORY, type CalendarOverrides, type WorkCalendar, type YearSchedule } from '../calendar';
import type { RangeBox } from '../ledger/grid';
import { DEFAULT_POLICY, POLICY_SOURCES, type Policy } from '../policy/policy';
import { flattenPolicy, policyKeyExpectation, policyKeyKind, POLICY_KEYS, resolvePolicy, unflattenPolicy } from '../policy/validate';
import { CALENDAR_SETTING_KEY, calendarSettingText, parseCalendarValue, POLICY_SETTING_KEY, policySettingText } from '../policy/workbook-policy';
import { reason, type Reason } from '../rules/decision';
import { addDays, diffDays, formatIso, fromEpochDay, parseIso, type LocalDate } from '../values/local-date';
import { PortError, type CellStyle, type SheetSpec } from '../workbook/port';
import { stacked, type OptionField, type OptionValues, type ResultRow, type WizardDef, type WizardInputs, type WizardResult } from './types';
import { phraseMsg } from '../i18n/strings';
import { W2 } from '../i18n/strings-wizards-2';

export const SETTINGS_SHEET = '政策设置';
const RULE = '设置';

type Flat = Record<string, unknown>;

const isPercentKey = (key: string): boolean => {
  const k = policyKeyKind(key)?.t;
  return k === 'ratio' || k === 'share' || k === 'share-or-null' || k === 'quorum';
};

/** A value as the editor shows it: shares as exact percentages, lists joined with 、. */
export function formatSettingValue(key: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'number' && isPercentKey(key)) {
    const pctText = +(value * 100).toFixed(6);
    if (Math.abs(pctText - value * 100) < 1e-9) return `${pctText}%`;
    // 2/3 has no exact percentage: show the fraction, which parses back to the same number
    for (let q = 2; q <= 12; q++) {
      const p = Math.round(value * q);
      if (p / q === value) return `${p}/${q}`;
    }
    return `${pctText}%`;
  }
  return String(value);
}

/**
 * A value as the result table and the help text show it: enum values by their label in the
 * language of the screen (向下取整 / round down), everything else as formatSettingValue.
 */
export function settingValueText(key: string, value: unknown): string | Msg {
  if (typeof value === 'string' && policyKeyKind(key)?.t === 'enum') return policyEnumMsg(value);
  return formatSettingValue(key, value);
}

/** A value as the 政策设置 sheet prints it: enum values as 向下取整（floor）. */
function sheetValueText(key: string, value: unknown): string {
  if (typeof value === 'string' && policyKeyKind(key)?.t === 'enum') return policyEnumMsg(value, true)['zh-CN'];
  return formatSettingValue(key, value);
}

const inLocale = (v: string | Msg, locale: Locale): string => (typeof v === 'string' ? v : v[locale]);

function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * Text typed in the editor → the value for the key. Shares accept "50%", "0.5" or "2/3"; a number
 * without % is taken as it stands (so "50" for a share is refused, never guessed as 50 %).
 */
export function parseSettingInput(key: string, text: string): { ok: true; value: unknown } | { ok: false; message: Msg } {
  const kind = policyKeyKind(key);
  if (!kind) return { ok: false, message: msg(`未知的设置项 ${key}`, `Unknown setting ${key}`) };
  const t = toHalfWidth(text).trim();
  const bad = (): { ok: false; message: Msg } => {
    const e = policyKeyExpectation(key) as Msg;
    return { ok: false, message: msg(`${key} ${e['zh-CN']}，收到“${text}”`, `${key} ${e['en-US']}; got "${text}"`) };
  };
  switch (kind.t) {
    case 'ratio':
    case 'share':
    case 'quorum':
    case 'share-or-null': {
      if (kind.t === 'share-or-null' && /^(|无|不设|none|null)$/i.test(t)) return { ok: true, value: null };
      let m = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(t);
      if (m) return { ok: true, value: Number(m[1]) / 100 };
      m = /^(\d+)\s*\/\s*(\d+)$/.exec(t);
      if (m && Number(m[2]) > 0) return { ok: true, value: Number(m[1]) / Number(m[2]) };
      if (/^-?\d+(?:\.\d+)?$/.test(t)) return { ok: true, value: Number(t) };
      return bad();
    }
    case 'positive-int':
      return /^-?\d+(?:\.\d+)?$/.test(t) ? { ok: true, value: Number(t) } : bad();
    case 'bool':
      if (/^(true|是|yes|1)$/i.test(t)) return { ok: true, value: true };
      if (/^(false|否|no|0)$/i.test(t)) return { ok: true, value: false };
      return bad();
    case 'enum':
      return { ok: true, value: t };
    case 'strings':
      return {
        ok: true,
        value: t
          .split(/[、,;；\n]+/)
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      };
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The stored overrides (nested, as in the 'policy' setting) as flat key → value. */
export function flatOverrides(overrides: Readonly<Record<string, unknown>>): Flat {
  const out: Flat = {};
  for (const [group, values] of Object.entries(overrides)) {
    if (values && typeof values === 'object' && !Array.isArray(values)) {
      for (const [k, v] of Object.entries(values as Flat)) out[`${group}.${k}`] = v;
    } else out[group] = values;
  }
  return out;
}

/**
 * Set one key: validated together with the other overrides by resolvePolicy. Refused when the key
 * is named by an error or would not take effect (e.g. a contradiction that falls back to the
 * defaults). A value equal to the default removes the override.
 */
export function setOverride(flat: Readonly<Flat>, key: string, value: unknown): { ok: true; flat: Flat } | { ok: false; message: Msg } {
  if (!POLICY_KEYS.includes(key)) return { ok: false, message: msg(`未知的设置项 ${key}`, `Unknown setting ${key}`) };
  const next: Flat = { ...flat, [key]: value };
  const r = resolvePolicy(unflattenPolicy(next));
  const named = r.errors.find((e) => (e.severity === 'error' || e.code === 'policy.inconsistent') && e.message['en-US'].includes(key));
  const inForce = flattenPolicy(r.policy)[key];
  if (named || !same(inForce, Array.isArray(value) ? value.map((s: string) => s.trim()) : value)) {
    return {
      ok: false,
      message: named?.message ?? msg(`${key} 的值未能生效，请检查与其他设置是否矛盾`, `${key} would not take effect; check it against the other settings`),
    };
  }
  if (same(value, flattenPolicy(DEFAULT_POLICY)[key])) delete next[key];
  return { ok: true, flat: next };
}

export function resetOverride(flat: Readonly<Flat>, key: string): Flat {
  const next = { ...flat };
  delete next[key];
  return next;
}

export interface SettingRow {
  readonly key: string;
  readonly value: unknown;
  readonly default: unknown;
  readonly changed: boolean;
  readonly source: Msg;
  readonly expectation: Msg;
  /** Why a stored value was refused (the default is in force), or null. */
  readonly error: Msg | null;
}

/** Every key with its value in force, default, source and any refusal of the stored value. */
export function settingRows(flat: Readonly<Flat>): { rows: SettingRow[]; policy: Policy; errors: Reason[] } {
  const r = resolvePolicy(unflattenPolicy(flat));
  const inForce = flattenPolicy(r.policy);
  const defaults = flattenPolicy(DEFAULT_POLICY);
  const rows = POLICY_KEYS.map((key) => ({
    key,
    value: inForce[key],
    default: defaults[key],
    changed: !same(inForce[key], defaults[key]),
    source: POLICY_SOURCES[key] ?? msg('', ''),
    expectation: policyKeyExpectation(key) as Msg,
    error: r.errors.find((e) => e.message['en-US'].includes(key) && e.severity === 'error')?.message ?? null,
  }));
  return { rows, policy: r.policy, errors: r.errors.map((e) => reason(RULE, e.code, e.severity, e.message)) };
}

// ---- calendar overrides as text (one list per field, ranges with ~) ----

/** "2027-01-01~2027-01-03、2027-02-14" → dates; the first bad item is named. */
export function parseDateList(text: string, label: Msg): { ok: true; dates: LocalDate[] } | { ok: false; message: Msg } {
  const dates: LocalDate[] = [];
  for (const item of toHalfWidth(text)
    .split(/[、,;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const range = item.split(/~|至|—|–/);
    const a = parseIso(range[0]);
    const b = range.length === 2 ? parseIso(range[1]) : a;
    if (!a || !b || range.length > 2 || diffDays(a, b) < 0 || diffDays(a, b) > 366) {
      return {
        ok: false,
        message: msg(
          `${label['zh-CN']}：“${item}”不是 YYYY-MM-DD 日期或“起~止”日期段`,
          `${label['en-US']}: "${item}" is not a YYYY-MM-DD date or a "from~to" range`,
        ),
      };
    }
    for (let d = a; diffDays(d, b) >= 0; d = addDays(d, 1)) dates.push(d);
  }
  return { ok: true, dates };
}

/** Dates → compact text, consecutive days as ranges. */
export function formatDateList(dates: readonly LocalDate[]): string {
  const sorted = [...dates].sort((x, y) => diffDays(y, x));
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && diffDays(sorted[j], sorted[j + 1]) === 1) j++;
    parts.push(j === i ? formatIso(sorted[i]) : `${formatIso(sorted[i])}~${formatIso(sorted[j])}`);
    i = j + 1;
  }
  return parts.join('、');
}

export interface CalendarTexts {
  readonly extraHolidays: string;
  readonly extraWorkdays: string;
  readonly years: readonly { readonly year: string; readonly holidays: string; readonly workdays: string }[];
}

export function calendarTexts(o: CalendarOverrides): CalendarTexts {
  return {
    extraHolidays: formatDateList(o.extraHolidays ?? []),
    extraWorkdays: formatDateList(o.extraWorkdays ?? []),
    years: (o.years ?? []).map((y) => ({ year: String(y.year), holidays: formatDateList(y.holidays), workdays: formatDateList(y.workdays) })),
  };
}

/** Edited texts → overrides, checked by building the calendar (conflicts, days outside the year). */
export function parseCalendarTexts(t: CalendarTexts): { ok: true; overrides: CalendarOverrides } | { ok: false; message: Msg } {
  const h = parseDateList(t.extraHolidays, W2.calExtraHolidays);
  if (!h.ok) return h;
  const w = parseDateList(t.extraWorkdays, W2.calExtraWorkdays);
  if (!w.ok) return w;
  const years: YearSchedule[] = [];
  for (const y of t.years) {
    if (y.year.trim() === '' && y.holidays.trim() === '' && y.workdays.trim() === '') continue;
    const year = Number(toHalfWidth(y.year).trim());
    if (!Number.isInteger(year) || year < 1900 || year > 9999)
      return { ok: false, message: msg(`年度“${y.year}”不是有效年份`, `"${y.year}" is not a valid year`) };
    const yh = parseDateList(y.holidays, msg(`${year}年放假日期`, `${year} days off`));
    if (!yh.ok) return yh;
    const yw = parseDateList(y.workdays, msg(`${year}年调休上班日期`, `${year} make-up working days`));
    if (!yw.ok) return yw;
    years.push({ year, holidays: yh.dates, workdays: yw.dates });
  }
  const overrides: CalendarOverrides = { extraHolidays: h.dates, extraWorkdays: w.dates, years };
  const stored = calendarSettingText(overrides);
  const checked = parseCalendarValue(stored === null ? null : JSON.parse(stored));
  if (checked.errors.length) return { ok: false, message: checked.errors[0].message };
  return { ok: true, overrides };
}

// ---- the wizard: options = every key as text + the calendar texts ----

export interface SettingsResult extends WizardResult {
  readonly rows: readonly ResultRow[];
  readonly settingRows: readonly SettingRow[];
  /** Overrides to store (flat), when every value was accepted. */
  readonly flat: Flat;
  readonly calendar: CalendarOverrides;
  /** Refusals naming the key; when any, nothing is stored. */
  readonly refused: readonly Msg[];
}

export const CAL_OPTS = { holidays: 'calendar.extraHolidays', workdays: 'calendar.extraWorkdays', years: 'calendar.years' } as const;

/** Year schedules in one text option: one line per year, "2027 | days off | make-up days". */
export function yearsToText(years: CalendarTexts['years']): string {
  return years.map((y) => `${y.year} | ${y.holidays} | ${y.workdays}`).join('\n');
}

export function yearsFromText(text: string): CalendarTexts['years'] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [year = '', holidays = '', workdays = ''] = l.split('|').map((s) => s.trim());
      return { year, holidays, workdays };
    });
}

function settingValue(flat: Readonly<Flat>, key: string): unknown {
  return key in flat ? flat[key] : flattenPolicy(DEFAULT_POLICY)[key];
}

/** Validate every option; any refusal names its key and leaves the stored settings alone. */
export function runSettings(options: OptionValues, current: Readonly<Flat>, currentCalendar: CalendarOverrides): SettingsResult {
  let flat: Flat = { ...current };
  const refused: Msg[] = [];
  for (const key of POLICY_KEYS) {
    const v = options[key];
    if (v === undefined) continue;
    const text = typeof v === 'string' ? v : Array.isArray(v) ? v.join('、') : String(v);
    // untouched: the text the editor showed for the value in force
    if (text.trim() === formatSettingValue(key, settingValue(current, key))) continue;
    const p = parseSettingInput(key, text);
    if (!p.ok) {
      refused.push(p.message);
      continue;
    }
    const s = setOverride(flat, key, p.value);
    if (!s.ok) refused.push(s.message);
    else flat = s.flat;
  }
  const texts = calendarTexts(currentCalendar);
  const cal = parseCalendarTexts({
    extraHolidays: typeof options[CAL_OPTS.holidays] === 'string' ? (options[CAL_OPTS.holidays] as string) : texts.extraHolidays,
    extraWorkdays: typeof options[CAL_OPTS.workdays] === 'string' ? (options[CAL_OPTS.workdays] as string) : texts.extraWorkdays,
    years: typeof options[CAL_OPTS.years] === 'string' ? yearsFromText(options[CAL_OPTS.years] as string) : texts.years,
  });
  if (!cal.ok) refused.push(cal.message);
  const table = settingRows(flat);
  const refusedKeys = new Set(POLICY_KEYS.filter((k) => refused.some((m) => m['en-US'].includes(k))));
  // The editor shows every key; the result lists what changes and what was refused.
  const rows: ResultRow[] = table.rows
    .filter((r) => r.changed || r.error || refusedKeys.has(r.key))
    .map((r) => ({
      // The pane's table is narrow (320–350 px): key with its source, value with default and state.
      cells: [
        stacked(r.key, r.source),
        stacked(
          settingValueText(r.key, r.value),
          phraseMsg(W2.cellDefault, { value: settingValueText(r.key, r.default) }),
          r.changed ? W2.setChanged : W2.setDefault,
        ),
      ],
      flag: refusedKeys.has(r.key) || r.error ? 'error' : r.changed ? 'info' : null,
      reasons: [...refused.filter((m) => m['en-US'].includes(r.key)), ...(r.error ? [r.error] : [])].map((m) =>
        reason(RULE, 'policy.invalid-value', 'error', m),
      ),
    }));
  const summary: Reason[] = refused.length
    ? [
        reason(
          RULE,
          'policy.invalid-value',
          'error',
          msg(
            `有 ${refused.length} 项设置未通过检查，工作簿未作任何修改：${refused.map((m) => m['zh-CN']).join('；')}`,
            `${refused.length} ${plural(refused.length, 'setting was', 'settings were')} refused; the workbook is unchanged: ${refused.map((m) => m['en-US']).join('; ')}`,
          ),
        ),
      ]
    : [
        reason(
          RULE,
          'policy.saved',
          'info',
          msg(
            `共 ${Object.keys(flat).length} 项设置不同于默认值，将保存在工作簿中（设置项 ${POLICY_SETTING_KEY}、${CALENDAR_SETTING_KEY}）`,
            `${Object.keys(flat).length} ${plural(Object.keys(flat).length, 'setting differs', 'settings differ')} from the defaults and ${plural(Object.keys(flat).length, 'is', 'are')} stored in the workbook (settings ${POLICY_SETTING_KEY}, ${CALENDAR_SETTING_KEY})`,
          ),
        ),
      ];
  return {
    columns: [W2.colKeySource, W2.colValueDefault],
    rows,
    summary: [...summary, ...table.errors.filter((e) => e.severity !== 'error')],
    settingRows: table.rows,
    flat,
    calendar: cal.ok ? cal.overrides : currentCalendar,
    refused,
  };
}

/** Thrown before anything is written when a value was refused (the workbook stays untouched). */
function refusal(result: SettingsResult): PortError {
  return new PortError(
    'unsupported',
    msg(`设置未保存：${result.refused.map((m) => m['zh-CN']).join('；')}`, `Settings not saved: ${result.refused.map((m) => m['en-US']).join('; ')}`),
  );
}

/** The settings to store; throws when anything was refused (nothing is written then). */
export function settingsToStore(result: SettingsResult): { key: string; value: string | null }[] {
  if (result.refused.length) throw refusal(result);
  return [
    { key: POLICY_SETTING_KEY, value: policySettingText(unflattenPolicy(result.flat)) },
    { key: CALENDAR_SETTING_KEY, value: calendarSettingText(result.calendar) },
  ];
}

const HEAD: CellStyle = { bold: true, horizontal: 'center', vertical: 'middle', wrap: true, fill: '#F2DCDB', border: true };
const BODY: CellStyle = { border: true, vertical: 'middle', wrap: true };

/** 政策设置 sheet: every key, value in force, default, changed, source; then the calendar overrides. */
export function settingsSheet(result: SettingsResult, name: string): SheetSpec {
  // A refused value writes nothing at all: the sheet is built before any write, so this stops it.
  if (result.refused.length) throw refusal(result);
  const rows: (string | number | null)[][] = [['政策设置（本工作簿）'], ['键', '当前值', '默认值', '状态', '依据']];
  for (const r of result.settingRows)
    rows.push([r.key, sheetValueText(r.key, r.value), sheetValueText(r.key, r.default), r.changed ? '已修改' : '默认', r.source['zh-CN']]);
  const last = rows.length - 1;
  const t = calendarTexts(result.calendar);
  rows.push([], ['工作日历调整'], ['另行放假', t.extraHolidays || '无'], ['另行上班', t.extraWorkdays || '无']);
  for (const y of t.years) rows.push([`${y.year}年安排`, `放假：${y.holidays || '无'}`, `调休上班：${y.workdays || '无'}`]);
  const styles: { box: RangeBox; style: CellStyle }[] = [
    { box: { top: 0, left: 0, bottom: 0, right: 4 }, style: { bold: true, fontSize: 16, horizontal: 'center' } },
    { box: { top: 1, left: 0, bottom: 1, right: 4 }, style: HEAD },
    { box: { top: 2, left: 0, bottom: last, right: 4 }, style: BODY },
  ];
  return {
    name,
    rows,
    styles,
    merges: [{ top: 0, left: 0, bottom: 0, right: 4 }],
    columnWidths: [34, 24, 24, 8, 50],
    freezeRows: 2,
    print: { paper: 'A4', orientation: 'landscape', fitToWidth: true },
  };
}

/** Option fields: every key as text (value in force as default) and the calendar texts. */
export function settingsOptionFields(policy: Policy, calendar: CalendarOverrides): OptionField[] {
  const flat = flattenPolicy(policy);
  const defaults = flattenPolicy(DEFAULT_POLICY);
  const fields: OptionField[] = POLICY_KEYS.map((key) => {
    const kind = policyKeyKind(key);
    const label = msg(key, key);
    const help = msg(
      `${POLICY_SOURCES[key]?.['zh-CN'] ?? ''}；默认 ${inLocale(settingValueText(key, defaults[key]), 'zh-CN')}；${policyKeyExpectation(key)?.['zh-CN'] ?? ''}`,
      `${POLICY_SOURCES[key]?.['en-US'] ?? ''}; default ${inLocale(settingValueText(key, defaults[key]), 'en-US')}; ${policyKeyExpectation(key)?.['en-US'] ?? ''}`,
    );
    if (kind?.t === 'bool') return { key, kind: 'boolean', label, help, default: flat[key] as boolean };
    if (kind?.t === 'enum')
      return { key, kind: 'select', label, help, default: flat[key] as string, choices: kind.values.map((v) => ({ value: v, label: policyEnumMsg(v, true) })) };
    return { key, kind: 'text', label, help, default: formatSettingValue(key, flat[key]) };
  });
  const t = calendarTexts(calendar);
  fields.push(
    { key: CAL_OPTS.holidays, kind: 'text', label: W2.calExtraHolidays, help: W2.calDatesHelp, default: t.extraHolidays },
    { key: CAL_OPTS.workdays, kind: 'text', label: W2.calExtraWorkdays, help: W2.calDatesHelp, default: t.extraWorkdays },
    { key: CAL_OPTS.years, kind: 'text', label: W2.calYears, help: W2.calYearsHelp, default: yearsToText(t.years) },
    { key: 'writeSheet', kind: 'boolean', label: W2.optWriteSheet, default: false },
  );
  return fields;
}

export const settingsWizard: WizardDef<SettingsResult> = {
  id: 'settings',
  title: W2.setTitle,
  description: W2.setDescription,
  rule: '§2',
  sources: [],
  outputKind: null,
  optionFields: (inputs) => settingsOptionFields(inputs.policy, overridesFromCalendar(inputs.calendar)),
  async run(inputs: WizardInputs): Promise<SettingsResult> {
    const current = flatOverrides(flattenDiff(inputs.policy));
    return runSettings(inputs.options, current, overridesFromCalendar(inputs.calendar));
  },
  outputSheetName: (options) => (options.writeSheet === true ? SETTINGS_SHEET : null),
  toSheet: (result, name) => settingsSheet(result, name),
  toSettings: (result) => settingsToStore(result),
};

/** The policy in force as overrides: only the keys that differ from the defaults. */
export function flattenDiff(policy: Policy): Record<string, unknown> {
  const flat = flattenPolicy(policy);
  const d = flattenPolicy(DEFAULT_POLICY);
  const out: Flat = {};
  for (const k of POLICY_KEYS) if (!same(flat[k], d[k])) out[k] = flat[k];
  return unflattenPolicy(out);
}

/**
 * The overrides a calendar was built with, recovered from its tables (the wizard inputs carry the
 * built calendar): single extra days, and the years the statutory data does not have.
 */
export function overridesFromCalendar(cal: WorkCalendar): CalendarOverrides {
  const days = (set: ReadonlySet<number>): LocalDate[] => [...set].sort((a, b) => a - b).map(fromEpochDay);
  const added = [...cal.years].filter((y) => !STATUTORY.years.has(y)).sort((a, b) => a - b);
  const inYear = (set: ReadonlySet<number>, y: number): LocalDate[] => days(set).filter((d) => d.y === y);
  return {
    extraHolidays: days(cal.extraHolidays),
    extraWorkdays: days(cal.extraWorkdays),
    years: added.map((year) => ({ year, holidays: inYear(cal.holidays, year), workdays: inYear(cal.workdays, year) })),
  };
}
