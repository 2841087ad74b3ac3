/** The Policy as rows for the settings and brief screens: every key, its value and its source. */
import type { Locale, Msg } from '../i18n/message';
import { S } from '../i18n/strings';
import { policyEnumText, policyNumberText } from '../policy/format';
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

/** Shares (keys ending in Ratio/Share, and quorums) as src/policy/format.ts prints them: 50%, 2/3. */
export function formatPolicyValue(key: string, value: unknown, locale: Locale): string {
  if (value === null || value === undefined) return S.valueNone[locale];
  if (typeof value === 'boolean') return (value ? S.valueYes : S.valueNo)[locale];
  if (Array.isArray(value)) return value.map(String).join(locale === 'zh-CN' ? '、' : ', ');
  if (typeof value === 'number') return policyNumberText(key, value);
  // enum values by their label, with the stored value in brackets: 向下取整（floor）
  if (typeof value === 'string') return policyEnumText(value, locale, true);
  return JSON.stringify(value);
}
