/**
 * Columns read by their values (按数据识别列) where no synonym names the header: a column of ID
 * numbers headed `证照号码`, of 男/女, of 民族 names, of dates or counts under a header that says
 * what they date or count (`首次参加工作`, `民主测评不称职人数`). Samples at most SAMPLE cells under the header, so wide sheets stay cheap,
 * and claims a field only when nearly every sampled value fits it.
 */
import { parseChineseDate } from '../values/dates';
import { normalizeText } from '../values/text';
import { isCellError, type Grid } from './grid';
import type { FieldKey } from './fields';

const SAMPLE = 20;
/** Share of the sampled non-blank cells that must fit. */
const FIT = 0.8;
/** Fewest non-blank samples to judge a column by. */
const MIN_SAMPLES = 1;

const ID = /^(?:\d{17}[\dXx]|\d{15})$/;
const SEX = /^[男女]$/;
const ETHNIC = /^[\u4e00-\u9fff]{1,5}族$/;

/** Date columns: a word of the header tells which date it is. Order matters (出生 before 时间). */
const DATE_WORDS: readonly (readonly [RegExp, FieldKey])[] = [
  [/出生/, 'birth'],
  [/入党|加入党派|党派加入/, 'partyJoin'],
  [/参加工作|参工|工作起始/, 'workStart'],
  [/试用/, 'probationStart'],
  [/公示/, 'noticeStart'],
  [/职级|级别|层次/, 'levelSince'],
  [/任职|任现职|现职/, 'postSince'],
];

/** Count columns (whole numbers): a word of the header tells what is counted. Order matters (不称职 before 称职). */
const COUNT_WORDS: readonly (readonly [RegExp, FieldKey])[] = [
  [/不称职/, 'incompetentVotes'],
  [/基本称职/, 'basicVotes'],
  [/称职/, 'competentVotes'],
  [/优秀/, 'excellentVotes'],
  [/应到|应参加|应出席/, 'eligible'],
  [/实到|实际参加|实出席/, 'present'],
  [/有效/, 'valid'],
  [/得票|赞成/, 'votes'],
];

type Kind = 'id' | 'sex' | 'ethnic' | 'date' | 'count' | 'other';

function kindOf(v: unknown, format: string): Kind | null {
  if (v === null || v === undefined || isCellError(v)) return null;
  if (typeof v === 'number') {
    if (Number.isInteger(v) && ID.test(String(v))) return 'id';
    // Below 1900: a whole number there is a count, never a year or yyyymm typed into a General cell.
    if (Number.isInteger(v) && v >= 0 && v < 1900 && !/[ymd]/i.test(format)) return 'count';
    return parseChineseDate(v, { numberFormat: format }).ok ? 'date' : 'other';
  }
  if (typeof v !== 'string') return 'other';
  const t = normalizeText(v).replace(/\s+/g, '');
  if (!t) return null;
  if (ID.test(t)) return 'id';
  if (SEX.test(t)) return 'sex';
  if (ETHNIC.test(t)) return 'ethnic';
  return parseChineseDate(t).ok ? 'date' : 'other';
}

/** The field a column's values (and, for dates, its header's words) show, or null. */
export function inferColumn(g: Grid, col: number, firstRow: number, header: string): FieldKey | null {
  const counts: Record<Kind, number> = { id: 0, sex: 0, ethnic: 0, date: 0, count: 0, other: 0 };
  let seen = 0;
  for (let r = firstRow; r < g.rowCount && seen < SAMPLE; r++) {
    const k = kindOf(g.values[r]?.[col], g.numberFormats[r]?.[col] ?? 'General');
    if (!k) continue;
    counts[k]++;
    seen++;
  }
  if (seen < MIN_SAMPLES) return null;
  const fits = (k: Kind) => counts[k] >= seen * FIT;
  if (fits('id')) return 'idNumber';
  if (fits('sex')) return 'sex';
  if (fits('ethnic')) return 'ethnicity';
  if (fits('date')) {
    for (const [re, field] of DATE_WORDS) if (re.test(header)) return field;
  }
  if (fits('count')) {
    for (const [re, field] of COUNT_WORDS) if (re.test(header)) return field;
  }
  return null;
}
