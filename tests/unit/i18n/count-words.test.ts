/**
 * English count sentences built in code read right for 1 and for more ("1 member", "2 members"):
 * rules, value parsers and wizard cells, each built with n = 1 and n = 2.
 */
import { DEFAULT_POLICY, type Policy } from '../../../src/policy/policy';
import { W2 } from '../../../src/i18n/strings-wizards-2';
import { phraseMsg } from '../../../src/i18n/strings';
import { committeePass } from '../../../src/rules/committee-vote';
import { checkNotice, noticeEnd } from '../../../src/rules/notice';
import { probationEnd, probationStatus } from '../../../src/rules/probation';
import { parseIdNumber } from '../../../src/values/id-number';
import { addDays, type LocalDate } from '../../../src/values/local-date';

const CALENDAR: Policy = { ...DEFAULT_POLICY, notice: { ...DEFAULT_POLICY.notice, dayKind: 'calendar' } };
const withDays = (days: number): Policy => ({ ...CALENDAR, notice: { ...CALENDAR.notice, days } });
const en = (rs: readonly { code: string; message: { 'en-US': string } }[], code: string): string => rs.find((r) => r.code === code)?.message['en-US'] ?? '';
const START: LocalDate = { y: 2026, m: 9, d: 1 };
const FULL = Object.fromEntries(DEFAULT_POLICY.notice.requiredFields.map((f) => [f, '已填写']));

describe('English counts agree with the number (n = 1 and n = 2)', () => {
  it.each([
    [1, '1 calendar day from 2026-09-01 ends on 2026-09-01'],
    [2, '2 calendar days from 2026-09-01 end on 2026-09-02'],
  ])('notice.end with %i day(s): %p', (days, text) => {
    expect(en(noticeEnd(START, withDays(days)).reasons, 'notice.end')).toContain(text);
  });

  it.each([
    [1, 'covers only 1 day; it must run to at least 2026-09-05 (5 days)'],
    [2, 'covers only 2 days; it must run to at least 2026-09-05 (5 days)'],
  ])('notice.too-short covering %i day(s)', (covered, text) => {
    const d = checkNotice({ start: START, end: addDays(START, covered - 1), contents: FULL }, CALENDAR);
    expect(en(d.reasons, 'notice.too-short')).toContain(text);
  });

  it.each([
    [1, 1, '1 yes, above 50% of 1 member; approved'],
    [2, 2, '2 yes, above 50% of 2 members; approved'],
  ])('committee approval with %i member(s)', (yes, members, text) => {
    expect(committeePass(yes, members, members, DEFAULT_POLICY).reasons.map((r) => r.message['en-US'])).toContain(text);
  });

  it.each([
    ['1', '1 character'],
    ['12', '2 characters'],
  ])('an ID number of %p is described as %p', (id, words) => {
    const p = parseIdNumber(id);
    expect(p.ok).toBe(false);
    if (!p.ok) {
      expect(p.finding.message['en-US']).toContain(words);
      expect(p.finding.message['en-US']).not.toMatch(/\b1 characters\b/);
    }
  });

  it.each([
    [1, '1 day until probation ends'],
    [2, '2 days until probation ends'],
  ])('probation due soon, %i day(s) left', (left, text) => {
    const start: LocalDate = { y: 2025, m: 3, d: 10 };
    const end = probationEnd(start, DEFAULT_POLICY).outcome!;
    const d = probationStatus(start, addDays(end, -left), null, DEFAULT_POLICY);
    expect(en(d.reasons, 'probation.due-soon')).toContain(text);
  });

  it.each([
    [1, '1 day left', '1 day past'],
    [2, '2 days left', '2 days past'],
  ])('the probation table cells with %i day(s)', (n, left, past) => {
    expect(phraseMsg(W2.cellDaysLeft, { n })['en-US']).toBe(left);
    expect(phraseMsg(W2.cellDaysPast, { n })['en-US']).toBe(past);
  });
});
