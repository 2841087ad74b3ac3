/**
 * Every string catalogue, checked entry by entry: both languages present, the same placeholders,
 * English free of Chinese except where a Chinese name is quoted, and the two halves not identical
 * unless the entry is a proper name.
 *
 * Rule for Chinese characters in en-US text: they may appear only
 *  - inside quotes — “…”, "…", 《…》 — e.g. a sheet name (“问题清单”) or the county document
 *    《机关干部改革方案》;
 *  - in a seed clause reference, a Chinese numeral, a dot and a digit (二.2, 四.4), the way the
 *    county document numbers its sections;
 *  - in the entries of PROPER_NAMES (the language picker's 中文).
 */
import { fill } from '../../../src/i18n/strings';
import { isMsg, plural, type Msg } from '../../../src/i18n/message';
import { S } from '../../../src/i18n/strings';
import { C } from '../../../src/i18n/strings-check';
import { W } from '../../../src/i18n/strings-wizards';
import { W2 } from '../../../src/i18n/strings-wizards-2';
import { FIELDS } from '../../../src/ledger/fields';
import { SEVERITY_TEXT } from '../../../src/ledger/findings-sheet';
import { KIND_LABEL } from '../../../src/ledger/sheet-kind';
import { POLICY_SOURCES } from '../../../src/policy/policy';
import { PLAN_LABELS } from '../../../src/taskpane/check/changes';
import { POLICY_ENUM_LABELS } from '../../../src/policy/format';
import { TIE_TEXT, TIER_TEXT, TRIGGER_TEXT } from '../../../src/wizards/elimination';

const CATALOGUES: Readonly<Record<string, Readonly<Record<string, Msg>>>> = {
  S,
  C,
  W,
  W2,
  FIELDS: Object.fromEntries(Object.entries(FIELDS).map(([k, f]) => [k, f.label])),
  SEVERITY_TEXT,
  KIND_LABEL,
  POLICY_SOURCES,
  PLAN_LABELS,
  POLICY_ENUM_LABELS,
  TIER_TEXT,
  ELIMINATION_MARKS: { TIE_TEXT, TRIGGER_TEXT },
};

/** Entries whose two halves are the same on purpose: names of a language, shown in that language. */
const PROPER_NAMES = new Set(['S.langZh', 'S.langEn']);

const entries: [string, Msg][] = Object.entries(CATALOGUES).flatMap(([cat, obj]) => Object.entries(obj).map(([k, m]): [string, Msg] => [`${cat}.${k}`, m]));

/** Placeholder names: {x} and the English plural form {x|one|other}. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)(?:\|[^|{}]*\|[^|{}]*)?\}/g)].map((m) => m[1]))].sort();
}

const CJK = /[\u3400-\u9fff]/;
/** The English text with its allowed Chinese removed: quoted spans and seed clause references. */
function unquoted(text: string): string {
  return text
    .replace(/“[^”]*”/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/《[^》]*》/g, '')
    .replace(/[一二三四五六七八九十]+\.\d+/g, '');
}

describe('string catalogues', () => {
  test('the catalogues are found and hold messages', () => {
    expect(entries.length).toBeGreaterThan(300);
    for (const [key, m] of entries) expect([key, isMsg(m)]).toEqual([key, true]);
  });

  test.each(entries)('%s has both languages', (_key, m) => {
    expect(m['zh-CN'].trim()).not.toBe('');
    expect(m['en-US'].trim()).not.toBe('');
  });

  test.each(entries)('%s has the same placeholders in both languages', (_key, m) => {
    expect(placeholders(m['en-US'])).toEqual(placeholders(m['zh-CN']));
  });

  test.each(entries.filter(([k]) => !PROPER_NAMES.has(k)))('%s: English has no Chinese outside quotes and clause numbers', (_key, m) => {
    expect(unquoted(m['en-US'])).not.toMatch(CJK);
  });

  test.each(entries.filter(([k]) => !PROPER_NAMES.has(k)))('%s: the languages differ unless the text is only placeholders', (_key, m) => {
    const onlyPlaceholders = m['zh-CN'].replace(/\{\w+\}/g, '').trim() === '';
    if (onlyPlaceholders) expect(placeholders(m['en-US'])).toEqual(placeholders(m['zh-CN']));
    else expect(m['en-US']).not.toBe(m['zh-CN']);
  });
});

describe('English plurals', () => {
  test('plural picks the singular for exactly 1', () => {
    expect([0, 1, 2].map((n) => plural(n, 'sheet', 'sheets'))).toEqual(['sheets', 'sheet', 'sheets']);
  });

  test('fill words {n|one|other} from the value, and Msg values in the language asked', () => {
    expect(fill(C.summaryNone['en-US'], { sheets: 1 }, 'en-US')).toBe('1 ledger sheet checked; no problems found.');
    expect(fill(C.summaryNone['en-US'], { sheets: 3 }, 'en-US')).toBe('3 ledger sheets checked; no problems found.');
    expect(fill(C.summary['en-US'], { sheets: 1, n: 9, error: 6, warning: 1, info: 2, marked: 9 }, 'en-US')).toBe(
      '1 ledger sheet checked: 9 problems (6 errors, 1 warning, 2 notes); 9 cells marked.',
    );
    expect(fill(C.masked['en-US'], { n: 1 }, 'en-US')).toBe('1 ID number or other private detail was masked.');
    expect(fill(C.undone['en-US'], { label: PLAN_LABELS.fix, n: 1 }, 'en-US')).toBe(
      `Undid “${PLAN_LABELS.fix['en-US']}”: 1 cell restored (values, formulas and number formats).`,
    );
    expect(fill(C.undone['zh-CN'], { label: PLAN_LABELS.fix, n: 1 }, 'zh-CN')).toBe(
      `已撤销“${PLAN_LABELS.fix['zh-CN']}”，1 个单元格恢复原样（数值、公式和数字格式）。`,
    );
  });

  test('every English count word in the catalogues is a plural form, never a bare plural after a placeholder', () => {
    // "{n} problems" reads wrong for 1: a count placeholder must be followed by {n|one|other}.
    const bare = entries.filter(([, m]) =>
      /\{(\w+)\} (?:[a-z-]+ )?(?:sheets|problems|cells|changes|people|days|reports|settings|errors|warnings|notes|formulas)\b/.test(m['en-US']),
    );
    expect(bare.map(([k]) => k)).toEqual([]);
  });
});
