/**
 * Typed rows (类型化记录): every recognised cell of every data row parsed by the value parsers of
 * src/values, with its findings placed on the cell. Checks and rules work on these, never on raw
 * cells.
 */
import { msg } from '../i18n/message';
import { parseCount, parseRatio } from '../values/counts';
import { parseChineseDate, type ChineseDate } from '../values/dates';
import { ok, type CodeDoc, type Finding, type Parsed } from '../values/finding';
import { IdParts, parseIdNumber, type IdNumber } from '../values/id-number';
import type { LocalDate } from '../values/local-date';
import { normalizePersonName, plainNameKind, suspiciousNameMessage } from '../values/names';
import { normalizeText } from '../values/text';
import { plainRecord } from '../values/plain-record';
import { isDateFormat } from '../values/number-format';
import { FIELDS, type FieldKey } from './fields';
import { at, CellFinding, type LedgerFinding } from './findings';
import { isCellError, type CellValue, type Grid } from './grid';
import type { SheetModel } from './recognize';

export const CODES: readonly CodeDoc[] = [
  {
    code: 'cell.error-value',
    severity: 'error',
    doc: msg(
      '单元格是错误值（如 #DIV/0!、#N/A），无法读取；请修正公式或数据。',
      'The cell holds an error value (e.g. #DIV/0!, #N/A) and cannot be read; fix the formula or the data.',
    ),
  },
];

/** One data row: each recognised field's parsed value (absent when empty or unreadable). */
export interface TypedRow {
  readonly row: number;
  readonly hidden: boolean;
  readonly names: Partial<Record<FieldKey, string>>;
  readonly texts: Partial<Record<FieldKey, string>>;
  readonly dates: Partial<Record<FieldKey, ChineseDate>>;
  readonly ids: Partial<Record<FieldKey, IdNumber>>;
  readonly counts: Partial<Record<FieldKey, number>>;
  readonly ratios: Partial<Record<FieldKey, number>>;
  /** Fields whose cell is blank. */
  readonly blank: ReadonlySet<FieldKey>;
  /** Fields whose cell holds something that could not be read (a finding says why). */
  readonly unreadable: ReadonlySet<FieldKey>;
  /** Date fields holding 至今 (still ongoing). */
  readonly untilNow: ReadonlySet<FieldKey>;
}

export interface TypedSheet {
  readonly model: SheetModel;
  readonly grid: Grid;
  readonly rows: readonly TypedRow[];
  /** Value findings of the parsers, on their cells. */
  readonly findings: readonly LedgerFinding[];
}

export interface RowOptions {
  /** The as-of date: ID birth dates after it are invalid. */
  readonly asOf?: LocalDate;
}

// Parser notes that are not problems of a ledger cell: emptiness is judged by the required-field
// check, 至今 is a legal end date.
const QUIET = new Set(['date.empty', 'id.empty', 'count.empty', 'ratio.empty', 'name.empty', 'date.until-now']);

function blankValue(v: CellValue): boolean {
  if (v === null) return true;
  if (typeof v !== 'string') return false;
  // Printable ASCII or a common Han character first: normalizeText keeps it, so not blank.
  const c = v.charCodeAt(0);
  if ((c >= 0x21 && c <= 0x7e) || (c >= 0x4e00 && c <= 0x9fff)) return false;
  return normalizeText(v) === '';
}

/**
 * A real date shown as `yyyy.mm` or `yyyy"年"m"月"` says only the month: 1985-03-01 there means
 * "March 1985", not the first of March (it is how fix stores a month-precision date).
 */
export function shownPrecision(date: ChineseDate, format: string): ChineseDate {
  const codes = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0]
    .toLowerCase();
  if (!isDateFormat(format) || /d/.test(codes) || /[hs]/.test(codes)) return date;
  return { date: { y: date.date.y, m: /m/.test(codes) ? date.date.m : 1, d: 1 }, precision: /m/.test(codes) ? 'month' : 'year' };
}

/** The cell.error-value finding of a field's cell holding the Excel error `error` (#N/A …). */
export function errorValue(field: FieldKey, error: string): Finding {
  return {
    code: 'cell.error-value',
    severity: 'error',
    message: msg(
      `${FIELDS[field].label['zh-CN']}为错误值 ${error}，无法读取`,
      `${FIELDS[field].label['en-US']} is the error value ${error} and cannot be read`,
    ),
  };
}

/** The shared empty set of a row with no blank / unreadable / 至今 field (never mutated). */
const NONE: ReadonlySet<FieldKey> = new Set<FieldKey>();

/**
 * The blank / unreadable / 至今 sets of the rows, one Set per distinct combination of fields and
 * shared by the rows that have it (most rows leave the same columns blank), never mutated. A
 * combination is written as one character per field: the field's index in `fields`, in order.
 */
class FieldSets {
  readonly char: readonly string[];
  private readonly byKey = new Map<string, ReadonlySet<FieldKey>>();
  constructor(private readonly fields: readonly FieldKey[]) {
    this.char = fields.map((_, k) => String.fromCharCode(k));
  }
  of(key: string): ReadonlySet<FieldKey> {
    if (key === '') return NONE;
    let set = this.byKey.get(key);
    if (!set) {
      const made = new Set<FieldKey>();
      for (let i = 0; i < key.length; i++) made.add(this.fields[key.charCodeAt(i)]);
      this.byKey.set(key, (set = made));
    }
    return set;
  }
}

/**
 * Parsed cells by their input: a ledger repeats the same dates, counts and ratios row after row
 * (and each 1985.03 parses the same way every time), and ID numbers repeat too (a person on two
 * rows), so each distinct (format, value) of a column is parsed once. The parsers are pure and their results read-only, so rows may share them.
 */
class ParseMemo<T> {
  private readonly byFormat = new Map<string, Map<CellValue, T>>();
  // The format of the previous lookup and its map: a column mostly keeps one format.
  private lastFormat: string | null = null;
  private lastMap: Map<CellValue, T> | null = null;
  private size = 0;
  /** `parse` is fixed per memo, so a lookup allocates no closure. */
  constructor(private readonly parse: (v: CellValue, format: string) => T) {}
  get(format: string, v: CellValue): T {
    if (Object.is(v, -0)) return this.parse(v, format); // a Map takes -0 for 0
    let m = format === this.lastFormat ? this.lastMap : this.byFormat.get(format);
    if (!m) this.byFormat.set(format, (m = new Map()));
    this.lastFormat = format;
    this.lastMap = m;
    let r = m.get(v);
    if (r === undefined) {
      r = this.parse(v, format);
      // A column of values that never repeat would only fill memory: stop remembering then.
      if (this.size < MEMO_LIMIT) {
        m.set(v, r);
        this.size++;
      }
    }
    return r;
  }
}

const MEMO_LIMIT = 50000;

/** The record of a kind of value the sheet has no column for: never written (frozen to make sure). */
const EMPTY: Readonly<Record<string, never>> = Object.freeze({});

type RowArgs = [
  number,
  boolean,
  TypedRow['names'],
  TypedRow['texts'],
  TypedRow['dates'],
  TypedRow['ids'],
  TypedRow['counts'],
  TypedRow['ratios'],
  ReadonlySet<FieldKey>,
  ReadonlySet<FieldKey>,
  ReadonlySet<FieldKey>,
];

/** A TypedRow, made by a constructor: one per data row (see values/plain-record.ts). */
const Row = plainRecord<RowArgs, TypedRow>(function (row, hidden, names, texts, dates, ids, counts, ratios, blank, unreadable, untilNow) {
  this.row = row;
  this.hidden = hidden;
  this.names = names;
  this.texts = texts;
  this.dates = dates;
  this.ids = ids;
  this.counts = counts;
  this.ratios = ratios;
  this.blank = blank;
  this.unreadable = unreadable;
  this.untilNow = untilNow;
});

/** Parse every recognised cell of every data row of a recognised sheet. */
export function typeRows(grid: Grid, model: SheetModel, opts: RowOptions = {}): TypedSheet {
  const findings: LedgerFinding[] = [];
  const hidden = new Set(grid.hiddenRows);
  const fields = [...model.columns.entries()].filter(([f]) => FIELDS[f].type !== 'seq').map(([f, c]) => [f, c, FIELDS[f].type] as const);
  const asOf = opts.asOf;
  const parseDate = (v: CellValue, format: string): Parsed<ChineseDate> => {
    const q = parseChineseDate(v, { numberFormat: format });
    return q.ok && typeof v === 'number' ? ok(shownPrecision(q.value, format), q.notes) : q;
  };
  const idOpts = { asOf, parts: new IdParts() };
  const parseId = (v: CellValue): Parsed<IdNumber> => parseIdNumber(v, idOpts);
  // One memo per field (index k of `fields`); names and texts are not memoised.
  const memos = fields.map(([f, , type]): ParseMemo<Parsed<unknown>> | null => {
    if (type === 'date') return new ParseMemo(parseDate);
    if (type === 'id') return new ParseMemo(parseId);
    if (type === 'count') return new ParseMemo((v) => parseCount(v));
    if (type !== 'ratio') return null;
    const percentUnit = model.percentFields.has(f);
    return new ParseMemo((v, format) => parseRatio(v, { numberFormat: format, percentUnit }));
  });
  // A kind of value no column of the sheet holds stays the shared empty record (no object per row).
  const has = new Set(fields.map(([, , type]) => type));
  const [hasName, hasText, hasDate, hasId, hasCount, hasRatio] = (['name', 'text', 'date', 'id', 'count', 'ratio'] as const).map((t) => has.has(t));
  const fieldKeys = fields.map(([f]) => f);
  const cols = fields.map(([, c]) => c);
  const types = fields.map(([, , t]) => t);
  // A maker of empty plain records per kind, new for each sheet: V8 sizes a constructor's objects to
  // the properties its first few objects get (in-object slack tracking), so a record holds exactly
  // the sheet's fields of its kind in place, where a `{}` has room for four and puts a fifth in a
  // separate array.
  const [Names, Texts, Dates, Ids, Counts, Ratios] = [0, 1, 2, 3, 4, 5].map(() => plainRecord<[], object>(function () {}));
  const rows: TypedRow[] = [];
  const sets = new FieldSets(fieldKeys);
  const sheet = grid.sheet;
  const put = (r: number, c: number, f: Finding) => {
    if (!QUIET.has(f.code)) findings.push(at(sheet, r, c, f));
  };
  const putNotes = (r: number, c: number, notes: readonly Finding[]) => {
    // An index, not for…of: for…of over a frozen array (names' NO_NOTES) makes an iterator each time.
    for (let i = 0; i < notes.length; i++) put(r, c, notes[i]);
  };
  // Indexed loops over the rows here and in the checks: a for…of in a function that runs once, as
  // these do, allocated an iterator result per row (4 MB per loop at 100,000 rows) — OSR code kept it.
  const dataRows = model.dataRows;
  for (let i = 0; i < dataRows.length; i++) {
    const r = dataRows[i];
    const values = grid.values[r];
    const formats = grid.numberFormats[r];
    const names = (hasName ? new Names() : EMPTY) as Partial<Record<FieldKey, string>>;
    const texts = (hasText ? new Texts() : EMPTY) as Partial<Record<FieldKey, string>>;
    const dates = (hasDate ? new Dates() : EMPTY) as Partial<Record<FieldKey, ChineseDate>>;
    const ids = (hasId ? new Ids() : EMPTY) as Partial<Record<FieldKey, IdNumber>>;
    const counts = (hasCount ? new Counts() : EMPTY) as Partial<Record<FieldKey, number>>;
    const ratios = (hasRatio ? new Ratios() : EMPTY) as Partial<Record<FieldKey, number>>;
    // The fields of each set, in order, as one character per field (see FieldSets).
    let blank = '';
    let unreadable = '';
    let untilNow = '';
    for (let k = 0; k < fields.length; k++) {
      const field = fieldKeys[k];
      const c = cols[k];
      const type = types[k];
      const v = values[c] ?? null;
      if (blankValue(v)) {
        blank += sets.char[k];
        continue;
      }
      if (isCellError(v)) {
        unreadable += sets.char[k];
        findings.push(at(sheet, r, c, errorValue(field, v.error)));
        continue;
      }
      let failed: Finding | null = null;
      switch (type) {
        case 'name': {
          // The usual name needs no Parsed object: normalizePersonName's own shortcut, taken here.
          const plain = typeof v === 'string' ? plainNameKind(v) : null;
          if (plain !== null) {
            names[field] = v as string;
            if (plain === 'suspicious') findings.push(new CellFinding(sheet, r, c, 'warning', 'name.suspicious', suspiciousNameMessage(v as string)));
            break;
          }
          const p = normalizePersonName(v);
          if (p.ok) {
            names[field] = p.value;
            putNotes(r, c, p.notes);
          } else failed = p.finding;
          break;
        }
        case 'date': {
          const p = (memos[k] as ParseMemo<Parsed<ChineseDate>>).get(formats[c], v);
          if (p.ok) {
            dates[field] = p.value;
            putNotes(r, c, p.notes);
          } else if (p.finding.code === 'date.until-now') {
            untilNow += sets.char[k];
          } else failed = p.finding;
          break;
        }
        case 'id': {
          const p = (memos[k] as ParseMemo<Parsed<IdNumber>>).get('', v);
          if (p.ok) {
            ids[field] = p.value;
            putNotes(r, c, p.notes);
          } else failed = p.finding;
          break;
        }
        case 'count': {
          const p = (memos[k] as ParseMemo<Parsed<number>>).get('', v);
          if (p.ok) counts[field] = p.value;
          else failed = p.finding;
          break;
        }
        case 'ratio': {
          const p = (memos[k] as ParseMemo<Parsed<number>>).get(formats[c], v);
          if (p.ok) ratios[field] = p.value;
          else failed = p.finding;
          break;
        }
        default:
          texts[field] = typeof v === 'string' ? normalizeText(v) : String(v);
      }
      if (failed) {
        unreadable += sets.char[k];
        put(r, c, failed);
      }
    }
    rows.push(new Row(r, hidden.size > 0 && hidden.has(r), names, texts, dates, ids, counts, ratios, sets.of(blank), sets.of(unreadable), sets.of(untilNow)));
  }
  return { model, grid, rows, findings };
}
