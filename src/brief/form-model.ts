/**
 * 干部任免审批表 (the appointment-approval form that goes to the standing committee with each
 * proposed cadre) as data: one form per proposed cadre of the brief (the 一职双备 pair the
 * committee recorded or the suggested pair, and people under 任前公示), every item filled from
 * the roster, notice, inspection and assessment ledgers with the sheet and row it came from.
 * Pure: no Excel, no files; render-form-docx.ts and render-form-sheet.ts print it, lrmx.ts
 * exchanges it with the 任免审批表 desktop program.
 *
 * Items the ledgers do not hold stay absent (a blank cell for hand entry): nothing is inferred —
 * a plain 学历 column is not taken for 全日制教育, and 拟免职务 is not guessed from the current post.
 * The ID number is not an item of the form: it is read only to date the birth when no 出生年月
 * column has it, and every text passes the privacy guard (a full ID typed into 简历 is masked).
 */
import type { WorkCalendar } from '../calendar';
import { checkWorkbook } from '../ledger/check-workbook';
import type { TaughtMap } from '../ledger/taught-map';
import { FIELDS, type FieldKey } from '../ledger/fields';
import type { Grid } from '../ledger/grid';
import type { TypedRow, TypedSheet } from '../ledger/rows';
import type { Policy } from '../policy/policy';
import { formatDate } from '../values/dates';
import type { LocalDate } from '../values/local-date';
import { normalizeText } from '../values/text';
import { buildBrief, clean, PeopleIndex, prov, type PersonRow, type Provenance } from './brief-model';
import { guardText, type PrivacyHit } from './privacy';

/** The items of the form, in its reading order. */
export const FORM_ITEMS = [
  'name',
  'sex',
  'birth',
  'age',
  'ethnicity',
  'nativePlace',
  'birthPlace',
  'partyJoin',
  'workStart',
  'health',
  'proTitle',
  'expertise',
  'fullTimeEducation',
  'fullTimeSchool',
  'partTimeEducation',
  'partTimeSchool',
  'currentPost',
  'proposedPost',
  'removalPost',
  'resume',
  'rewards',
  'annualResults',
  'appointReason',
  'reportingUnit',
] as const;

export type FormItem = (typeof FORM_ITEMS)[number];

/** The form's own label of each item (the form is a Chinese document whatever the UI language). */
export const FORM_LABELS: Readonly<Record<FormItem, string>> = {
  name: '姓名',
  sex: '性别',
  birth: '出生年月',
  age: '年龄',
  ethnicity: '民族',
  nativePlace: '籍贯',
  birthPlace: '出生地',
  partyJoin: '入党时间',
  workStart: '参加工作时间',
  health: '健康状况',
  proTitle: '专业技术职务',
  expertise: '熟悉专业有何专长',
  fullTimeEducation: '全日制教育',
  fullTimeSchool: '全日制教育毕业院校系及专业',
  partTimeEducation: '在职教育',
  partTimeSchool: '在职教育毕业院校系及专业',
  currentPost: '现任职务',
  proposedPost: '拟任职务',
  removalPost: '拟免职务',
  resume: '简历',
  rewards: '奖惩情况',
  annualResults: '年度考核结果',
  appointReason: '任免理由',
  reportingUnit: '呈报单位',
};

/** One filled item: its text as printed and the rows it came from (sheet, 1-based row). */
export interface FormValue {
  readonly text: string;
  readonly sources: readonly Provenance[];
}

export interface AppointmentForm {
  readonly name: string;
  /** The post proposed (拟任职务), as the brief names it. */
  readonly post: string;
  readonly asOf: LocalDate;
  /** Filled items; an absent item is a blank cell for hand entry. */
  readonly items: Readonly<Partial<Record<FormItem, FormValue>>>;
  /** 出生年月 over the age as of asOf, `1978.05\n（46岁）`, or null when the birth is not known. */
  readonly birthLine: string | null;
  /** Cells that hold something that could not be read, in Chinese: said where the form is made, never left silently blank. */
  readonly unreadable: readonly string[];
  /** Full ID numbers or birth dates that ledger text carried into an item and the guard masked. */
  readonly privacy: readonly PrivacyHit[];
}

export interface FormOptions {
  readonly calendar?: WorkCalendar;
  /** Columns the user taught (workbook setting / CLI --map), used when recognising the grids. */
  readonly taught?: TaughtMap;
}

/** Full years from birth to the as-of date; a birth known to the month counts its month as passed. */
export function ageOn(birth: LocalDate, precision: 'day' | 'month' | 'year', asOf: LocalDate): number {
  let age = asOf.y - birth.y;
  if (precision === 'year') return age;
  if (asOf.m < birth.m || (precision === 'day' && asOf.m === birth.m && asOf.d < birth.d)) age--;
  return age;
}

const YEAR = /(19|20)\d{2}/;

/** The year an assessment tally is of: its sheet name, else its title rows (XX县2024年度…考核测评汇总表). */
export function tallyYear(sheet: TypedSheet): number | null {
  const m = YEAR.exec(sheet.model.sheet);
  if (m) return Number(m[0]);
  for (let r = 0; r < sheet.model.headerTop; r++) {
    for (const v of sheet.grid.values[r] ?? []) {
      const t = typeof v === 'string' ? YEAR.exec(v) : null;
      if (t) return Number(t[0]);
    }
  }
  return null;
}

/** Text of a cell as typed, line breaks kept (简历 is one period a line), other whitespace tidied. */
function multiline(sheet: TypedSheet, row: TypedRow, f: FieldKey): string | undefined {
  const c = sheet.model.columns.get(f);
  const v = c === undefined ? undefined : sheet.grid.values[row.row]?.[c];
  if (typeof v !== 'string') return clean(row.texts[f]);
  const lines = v
    .split(/\r\n|\r|\n/)
    .map((l) =>
      normalizeText(l)
        .replace(/[ \t\u3000]+/g, ' ')
        .trim(),
    )
    .filter((l) => l !== '');
  return lines.length ? lines.join('\n') : undefined;
}

const TEXT_ITEMS: readonly (FormItem & FieldKey)[] = [
  'sex',
  'ethnicity',
  'nativePlace',
  'birthPlace',
  'health',
  'proTitle',
  'expertise',
  'fullTimeEducation',
  'fullTimeSchool',
  'partTimeEducation',
  'partTimeSchool',
  'removalPost',
  'rewards',
  'appointReason',
  'reportingUnit',
];

/** One proposed cadre's form from the rows that are theirs (own row first). */
function formOf(name: string, post: string, own: PersonRow, rows: readonly PersonRow[], asOf: LocalDate): AppointmentForm {
  const items: Partial<Record<FormItem, FormValue>> = {};
  const unreadable: string[] = [];
  const privacy: PrivacyHit[] = [];
  const put = (k: FormItem, text: string | undefined, sources: readonly Provenance[]) => {
    if (text === undefined || text === '') return;
    const g = guardText(text);
    privacy.push(...g.hits);
    items[k] = { text: g.text, sources };
  };
  /** The first of the rows holding field f, with its text; unreadable cells on the way are noted. */
  const first = (f: FieldKey, read: (p: PersonRow) => string | undefined): { text: string; from: PersonRow } | null => {
    for (const p of rows) {
      const t = read(p);
      if (t) return { text: t, from: p };
      if (p.row.unreadable.has(f)) unreadable.push(`“${p.sheet.model.sheet}”第${p.row.row + 1}行的${FIELDS[f].label['zh-CN']}无法读取，表中此项留空`);
    }
    return null;
  };
  const src = (x: { from: PersonRow }) => [prov(x.from.sheet, x.from.row)];

  put('name', name, [prov(own.sheet, own.row)]);
  for (const k of TEXT_ITEMS) {
    const x = first(k, (p) => clean(p.row.texts[k]));
    if (x) put(k, x.text, src(x));
  }
  // 出生年月: the column, else the birth date the ID number carries (the number itself is not printed).
  const birthCol = first('birth', (p) => (p.row.dates.birth ? 'y' : undefined));
  const idRow = birthCol ? null : rows.find((p) => p.row.ids.idNumber);
  let birthLine: string | null = null;
  if (birthCol || idRow) {
    const from = birthCol ? birthCol.from : idRow!;
    const d = birthCol ? from.row.dates.birth! : { date: from.row.ids.idNumber!.birth, precision: 'day' as const };
    const month = formatDate(d.date, d.precision === 'year' ? 'year' : 'month');
    const age = ageOn(d.date, d.precision, asOf);
    const sources = [prov(from.sheet, from.row)];
    put('birth', month, sources);
    put('age', String(age), sources);
    birthLine = `${month}\n（${age}岁）`;
  }
  for (const k of ['partyJoin', 'workStart'] as const) {
    const x = first(k, (p) => {
      const d = p.row.dates[k];
      return d ? formatDate(d.date, d.precision === 'year' ? 'year' : 'month') : undefined;
    });
    if (x) put(k, x.text, src(x));
  }
  // 现任职务: 现任职务(职称) of the notice, else unit + post as the brief writes it.
  const title = first('currentTitle', (p) => clean(p.row.texts.currentTitle));
  const postRow = title ?? first('post', (p) => clean(p.row.texts.post));
  const unit = first('unit', (p) => clean(p.row.texts.unit));
  if (postRow) {
    const joined = unit && !title && !postRow.text.includes(unit.text);
    put('currentPost', joined ? `${unit.text}${postRow.text}` : postRow.text, joined ? [...src(postRow), ...src(unit)] : src(postRow));
  } else if (unit) put('currentPost', unit.text, src(unit));
  put('proposedPost', post, [prov(own.sheet, own.row)]);
  const resume = first('resume', (p) => multiline(p.sheet, p.row, 'resume'));
  if (resume) put('resume', resume.text, src(resume));
  // 年度考核结果: a column of the roster as typed, else the grades of the last three years' tallies.
  const typed = first('annualResults', (p) => clean(p.row.texts.annualResults));
  if (typed) put('annualResults', typed.text, src(typed));
  else {
    const byYear = new Map<number, { grade: string; from: Provenance }>();
    for (const p of rows) {
      if (p.sheet.model.kind !== 'assessment') continue;
      const grade = clean(p.row.texts.grade);
      const year = tallyYear(p.sheet);
      if (!grade || year === null || year > asOf.y || byYear.has(year)) continue;
      byYear.set(year, { grade, from: prov(p.sheet, p.row) });
    }
    const last = [...byYear.entries()].sort((a, b) => a[0] - b[0]).slice(-3);
    if (last.length)
      put(
        'annualResults',
        `${last.map(([y, g]) => `${y}年度考核${g.grade}`).join('；')}。`,
        last.map(([, g]) => g.from),
      );
  }
  return { name, post, asOf, items, birthLine, unreadable, privacy };
}

function isLedgers(x: readonly Grid[] | readonly TypedSheet[]): x is readonly TypedSheet[] {
  return x.length > 0 && 'model' in (x[0] as object);
}

/**
 * The forms of every proposed cadre, in the brief's order: per post, the pair the committee
 * recorded (or the suggested pair awaiting it), then people under public notice.
 */
export function buildForms(input: readonly Grid[] | readonly TypedSheet[], policy: Policy, asOf: LocalDate, options: FormOptions = {}): AppointmentForm[] {
  const ledgers: readonly TypedSheet[] =
    input.length === 0
      ? []
      : isLedgers(input)
        ? input
        : checkWorkbook(input as readonly Grid[], { policy, asOf, calendar: options.calendar, taught: options.taught }).ledgers;
  const brief = buildBrief(ledgers, policy, asOf, { calendar: options.calendar });
  const people = new PeopleIndex(ledgers);
  const rowAt = (p: Provenance): PersonRow | null => {
    const sheet = ledgers.find((l) => l.model.sheet === p.sheet);
    const row = sheet?.rows.find((r) => r.row + 1 === p.row);
    return sheet && row ? { sheet, row } : null;
  };
  const out: AppointmentForm[] = [];
  const seen = new Set<string>();
  for (const proposal of brief.appointees) {
    for (const a of proposal.finalists) {
      const own = a.sources.length ? rowAt(a.sources[0]) : null;
      const key = `${a.name}\u0000${a.post}`;
      if (!own || seen.has(key)) continue;
      seen.add(key);
      const rows = [own, ...people.rowsOf(a.name, own).filter((p) => p.sheet !== own.sheet || p.row !== own.row)];
      out.push(formOf(a.name, a.post, own, rows, asOf));
    }
  }
  return out;
}

/** `干部任免审批表-张三-县农业农村局局长.docx`: name and post only, never an ID number. */
export function formFileName(form: AppointmentForm, ext: string, index?: number): string {
  const safe = (s: string) =>
    guardText(s)
      .text.replace(/[\\/:*?"<>|\r\n\t]+/g, '_')
      .slice(0, 40);
  const n = index === undefined ? '' : `${String(index).padStart(2, '0')}-`;
  return `干部任免审批表-${n}${safe(form.name)}-${safe(form.post)}.${ext}`;
}
