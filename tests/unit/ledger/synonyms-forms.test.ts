/**
 * One test per entry of the form/export synonym data (synonyms-forms.ts) and of the kind-dependent
 * headers (ambiguous-headers.ts): each header, in a two-column table under 姓名, maps to its field.
 */
import { AMBIGUOUS_HEADERS } from '../../../src/ledger/ambiguous-headers';
import type { FieldKey } from '../../../src/ledger/fields';
import { lookupHeader } from '../../../src/ledger/header-text';
import { recognizeSheet } from '../../../src/ledger/recognize';
import { SYNONYMS } from '../../../src/ledger/synonyms';
import { FORM_SYNONYMS } from '../../../src/ledger/synonyms-forms';
import { sheet } from '../../fixtures/layouts/kit';

const entries = (Object.entries(FORM_SYNONYMS) as [FieldKey, readonly string[]][]).flatMap(([f, list]) => list.map((s) => [s, f] as const));

describe('form and export synonyms', () => {
  it.each(entries)('%s → %s', (header, field) => {
    expect(lookupHeader('', header)).toBe(field);
  });

  it('adds no entry that the core synonyms already give to another field', () => {
    const core = new Map((Object.entries(SYNONYMS) as [FieldKey, readonly string[]][]).flatMap(([f, list]) => list.map((s) => [s, f] as const)));
    for (const [s, f] of entries) if (core.has(s)) expect(core.get(s)).toBe(f);
  });
});

describe('kind-dependent headers', () => {
  const cases = Object.entries(AMBIGUOUS_HEADERS).flatMap(([header, h]) => [
    ...Object.entries(h.byKind).map(([kind, field]) => [header, kind, field] as const),
    [header, 'roster', h.otherwise] as const,
  ]);
  const titles: Record<string, string> = { probation: '试用期干部管理台账', roster: '干部花名册', assessment: '年度考核结果' };
  it.each(cases)('%s in a %s → %s', (header, kind, field) => {
    const body = kind === 'roster' ? ['姓名', '出生年月', '参加工作时间', header] : ['姓名', '职务', header];
    const m = recognizeSheet(sheet('Sheet1', [[titles[kind]], body, ['张三', '1985.03', '2007.07', '2019.03']]));
    expect(m.kind).toBe(kind);
    expect(m.columns.get(field as FieldKey)).toBe(body.length - 1);
  });
});
