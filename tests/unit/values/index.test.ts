import * as values from '../../../src/values';
import { VALUE_CODES } from '../../../src/values';
import { CODES as DATE_CODES } from '../../../src/values/dates';
import { CODES as ID_CODES } from '../../../src/values/id-number';
import { CODES as COUNT_CODES } from '../../../src/values/counts';
import { CODES as NAME_CODES } from '../../../src/values/names';

describe('VALUE_CODES', () => {
  test('combines every module’s CODES, each code once', () => {
    const all = [...DATE_CODES, ...ID_CODES, ...COUNT_CODES, ...NAME_CODES];
    expect(VALUE_CODES).toHaveLength(all.length);
    expect(new Set(VALUE_CODES.map((c) => c.code)).size).toBe(all.length);
  });

  test.each(VALUE_CODES.map((c) => [c.code, c] as const))('%s is a stable dotted code documented in both languages', (code, doc) => {
    expect(code).toMatch(/^[a-z]+(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/);
    expect(['error', 'warning', 'info']).toContain(doc.severity);
    expect(doc.doc['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(doc.doc['en-US']).toMatch(/^["A-Z].*[A-Za-z]{4,}.*\.$/);
    expect(doc.doc['en-US']).not.toBe(doc.doc['zh-CN']);
  });

  test('SPEC §7 example codes exist', () => {
    const codes = VALUE_CODES.map((c) => c.code);
    for (const c of ['id.checksum', 'id.precision-lost', 'date.ambiguous']) expect(codes).toContain(c);
  });

  test('the index re-exports every parser', () => {
    for (const name of [
      'parseChineseDate',
      'formatDate',
      'parseIdNumber',
      'maskIdNumber',
      'parseCount',
      'parseRatio',
      'normalizePersonName',
      'normalizeText',
      'isDateFormat',
      'isPercentFormat',
      'fromSerial',
      'ok',
      'fail',
    ]) {
      expect(typeof (values as Record<string, unknown>)[name]).toBe('function');
    }
  });
});
