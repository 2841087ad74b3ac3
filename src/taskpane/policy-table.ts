/** The Policy as rows for the settings and brief screens: every key, its value and its source. */
import { msg, type Locale, type Msg } from '../i18n/message';
import { S } from '../i18n/strings';
import { policyNumberText } from '../policy/format';
import { POLICY_SOURCES, type Policy } from '../policy/policy';

export interface PolicyRow {
  readonly key: string;
  readonly value: unknown;
  readonly source: Msg | null;
}

/** Leaves of the policy object in declaration order, as dotted keys ("notice.days"). */
export function policyRows(policy: Policy): PolicyRow[] {
  const rows: PolicyRow[] = [];
  const walk = (prefix: string, obj: object): void => {
    for (const [k, v] of Object.entries(obj)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) walk(key, v as object);
      else rows.push({ key, value: v, source: POLICY_SOURCES[key] ?? null });
    }
  };
  walk('', policy);
  return rows;
}

/** Policy enum values as the settings screen shows them (with the stored value in brackets). */
export const ENUM_TEXT: Readonly<Record<string, Msg>> = {
  present: msg('实到人数（present）', 'voters present (present)'),
  eligible: msg('应到人数（eligible）', 'eligible voters (eligible)'),
  valid: msg('有效票（valid）', 'valid votes (valid)'),
  working: msg('工作日（working）', 'working days (working)'),
  calendar: msg('自然日（calendar）', 'calendar days (calendar)'),
  round: msg('四舍五入（round）', 'round half up (round)'),
  floor: msg('向下取整（floor）', 'round down (floor)'),
  ceil: msg('向上取整（ceil）', 'round up (ceil)'),
};

/** Shares (keys ending in Ratio/Share, and quorums) as src/policy/format.ts prints them: 50%, 2/3. */
export function formatPolicyValue(key: string, value: unknown, locale: Locale): string {
  if (value === null || value === undefined) return S.valueNone[locale];
  if (typeof value === 'boolean') return (value ? S.valueYes : S.valueNo)[locale];
  if (Array.isArray(value)) return value.map(String).join(locale === 'zh-CN' ? '、' : ', ');
  if (typeof value === 'number') return policyNumberText(key, value);
  if (typeof value === 'string') return ENUM_TEXT[value]?.[locale] ?? value;
  return JSON.stringify(value);
}
