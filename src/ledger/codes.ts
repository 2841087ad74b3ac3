/**
 * Every finding code the product emits (问题代码表), with severity and bilingual documentation:
 * value parsers, ledger checks, rules, policy. docs/findings.md is generated from this list
 * (scripts/findings-doc.ts) and a test fails when a code is emitted but not documented.
 */
import type { CodeDoc } from '../values/finding';
import { VALUE_CODES } from '../values';
import { CODES as ROW_CODES } from './rows';
import { CODES as REQUIRED_CODES } from './checks/required';
import { CODES as DUP_CODES } from './checks/duplicates';
import { CODES as CROSS_FIELD_CODES } from './checks/cross-field';
import { CODES as RECOMMEND_CHECK_CODES } from './checks/recommendation';
import { CODES as PROBATION_CHECK_CODES } from './checks/probation';
import { CODES as ASSESSMENT_CHECK_CODES } from './checks/assessment';
import { CODES as CROSS_SHEET_CODES } from './checks/cross-sheet';
import { CODES as SHEET_NOTE_CODES } from './checks/sheet-notes';
import { CODES as RESIGNATION_CHECK_CODES } from './checks/resignation';
import { CODES as FIXABLE_CODES } from './checks/fixable';
import { CODES as MAPPING_CODES } from './taught-map';
import { CODES as RECOMMENDATION_CODES } from '../rules/recommendation';
import { CODES as NOTICE_CODES } from '../rules/notice';
import { CODES as PROBATION_CODES } from '../rules/probation';
import { CODES as ASSESSMENT_CODES } from '../rules/assessment';
import { CODES as DISMISSAL_CODES } from '../rules/dismissal';
import { CODES as ELIMINATION_CODES } from '../rules/elimination';
import { CODES as SHORTLIST_CODES } from '../rules/shortlist';
import { CODES as COMPLAINT_CODES } from '../rules/complaints';
import { CODES as RESIGNATION_CODES } from '../rules/resignation';
import { CODES as ORG_LIFE_CODES } from '../rules/org-life';
import { CODES as ACCOUNTABILITY_CODES } from '../rules/accountability';
import { CODES as CALENDAR_CODES } from '../calendar';
import { CODES as POLICY_CODES } from '../policy/validate';

/** Codes of the ledger layer itself (src/ledger). */
export const LEDGER_CODES: readonly CodeDoc[] = [
  ...ROW_CODES,
  ...REQUIRED_CODES,
  ...DUP_CODES,
  ...CROSS_FIELD_CODES,
  ...RECOMMEND_CHECK_CODES,
  ...PROBATION_CHECK_CODES,
  ...ASSESSMENT_CHECK_CODES,
  ...CROSS_SHEET_CODES,
  ...SHEET_NOTE_CODES,
  ...RESIGNATION_CHECK_CODES,
  ...FIXABLE_CODES,
  ...MAPPING_CODES,
];

/** Codes of the rules the ledger checks run. */
export const RULE_CODES: readonly CodeDoc[] = [
  ...RECOMMENDATION_CODES,
  ...SHORTLIST_CODES,
  ...NOTICE_CODES,
  ...PROBATION_CODES,
  ...ASSESSMENT_CODES,
  ...DISMISSAL_CODES,
  ...ELIMINATION_CODES,
  ...COMPLAINT_CODES,
  ...RESIGNATION_CODES,
  ...ORG_LIFE_CODES,
  ...ACCOUNTABILITY_CODES,
  ...CALENDAR_CODES,
];

/** One entry per code, first declaration wins (a few rules share a code on purpose). */
export function uniqueCodes(list: readonly CodeDoc[]): CodeDoc[] {
  const seen = new Set<string>();
  return list.filter((c) => (seen.has(c.code) ? false : (seen.add(c.code), true)));
}

export const ALL_CODES: readonly CodeDoc[] = uniqueCodes([...VALUE_CODES, ...LEDGER_CODES, ...RULE_CODES, ...POLICY_CODES]);
