/**
 * The shortcuts taken for speed (issue 14) give exactly what the general rules give: the loop
 * that recognises already-normal text, the first-character test of isBlank, the no-dot-no-space
 * shortcut of person names and the plain 18-character ID path. Each is checked against the rule
 * it stands for, on generated text biased towards the characters the rules care about.
 */
import fc from 'fast-check';
import { isBlank } from '../../../src/values/cell-input';
import { parseIdNumber } from '../../../src/values/id-number';
import { normalizePersonName } from '../../../src/values/names';
import { normalizeText } from '../../../src/values/text';

const PICK = [
  '王',
  '五',
  '〇',
  ' ',
  '\u3000',
  '\u00a0',
  '.',
  '·',
  '•',
  '\uff0e',
  '\n',
  '\r',
  '\t',
  '\u200b',
  '\ufeff',
  'A',
  'x',
  'X',
  '1',
  '0',
  '9',
  "'",
  '-',
  '（',
  '%',
  '😀',
  '\ud800',
];
const text = fc.oneof(
  fc.string(),
  fc.array(fc.constantFrom(...PICK), { maxLength: 8 }).map((a) => a.join('')),
);
const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((a) => a.join(''));

describe('speed shortcuts = the rules they stand for', () => {
  it('normalizeText leaves text of printable ASCII and common Han untouched, and only that text skips the passes', () => {
    fc.assert(
      fc.property(text, (t) => {
        if (/^[\x21-\x7e\u4e00-\u9fff]*$/.test(t)) expect(normalizeText(t)).toBe(t);
        expect(normalizeText(normalizeText(t))).toBe(normalizeText(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('isBlank is the whitespace regex', () => {
    fc.assert(
      fc.property(text, (t) => expect(isBlank(t)).toBe(/^[\s\u200b-\u200d\u2060\ufeff]*$/.test(t))),
      { numRuns: 2000 },
    );
  });

  it('normalizePersonName gives what the four replacements give', () => {
    const HAN = '[\\p{Script=Han}\\u3007]';
    const reference = (t: string) =>
      normalizeText(t)
        .replace(/[\u00b7\u2022\u30fb\u2027\uff65\u0387\u2219\u22c5\u16eb]/g, '\u00b7')
        .replace(new RegExp(`(?<=${HAN}) ?\\. ?(?=${HAN})`, 'gu'), '\u00b7')
        .replace(/ ?\u00b7 ?/g, '\u00b7')
        .replace(new RegExp(`(?<=${HAN}) (?=${HAN})`, 'gu'), '');
    fc.assert(
      fc.property(text, (t) => {
        const p = normalizePersonName(t);
        const want = reference(t);
        if (p.ok) expect(p.value).toBe(want);
        else if (!isBlank(t)) expect(want).toBe('');
      }),
      { numRuns: 2000 },
    );
  });

  it('a plain 18-character ID reads as the same ID written with spaces (the general path)', () => {
    const id = fc.tuple(
      fc.constantFrom('11', '32', '44', '99', '00'),
      digits(4),
      fc.integer({ min: 1890, max: 2030 }),
      digits(4),
      digits(3),
      fc.constantFrom(...'0123456789Xx'),
    );
    fc.assert(
      fc.property(id, ([p, r, y, md, seq, last]) => {
        const s = `${p}${r}${y}${md}${seq}${last}`;
        const fast = parseIdNumber(s, { asOf: { y: 2023, m: 6, d: 30 } });
        const general = parseIdNumber(`${s.slice(0, 6)} ${s.slice(6)}`, { asOf: { y: 2023, m: 6, d: 30 } });
        expect(fast.ok).toBe(general.ok);
        if (fast.ok && general.ok) expect(fast.value).toEqual(general.value);
        if (!fast.ok && !general.ok) {
          expect(fast.finding.code).toBe(general.finding.code);
          expect(fast.finding.message['en-US'].replace(`"${s}"`, 'ID')).toBe(
            general.finding.message['en-US'].replace(`"${s.slice(0, 6)} ${s.slice(6)}"`, 'ID'),
          );
        }
      }),
      { numRuns: 3000 },
    );
  });
});
