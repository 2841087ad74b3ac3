/**
 * How policy numbers are printed, in one place for the brief, the 政策设置 table and the settings
 * editor. Shares read as the document and the committee say them: exact percentages when they
 * have one (0.5 → 50%, 0.02 → 2%, 0.125 → 12.5%), common fractions when a percentage would run on
 * (2/3, not 66.6667%), and shares of the members present or entitled to attend (quorums, the
 * committee's pass share) always as fractions where they are one (1/2, 2/3), as 过半数 and 三分之二
 * are written. Values stay exact in the policy; this is display only.
 */

import { msg, type Locale, type Msg } from '../i18n/message';

/**
 * The policy's enum values (vote bases, day counts, rounding) as people say them. The stored value
 * ("floor") is what the policy JSON and the CLI take; it is shown next to the label only where one
 * would type or look it up (withKey).
 */
export const POLICY_ENUM_LABELS: Readonly<Record<string, Msg>> = {
  present: msg('实到人数', 'voters present'),
  eligible: msg('应到人数', 'eligible voters'),
  valid: msg('有效票', 'valid votes'),
  working: msg('工作日', 'working days'),
  calendar: msg('自然日', 'calendar days'),
  round: msg('四舍五入', 'round half up'),
  floor: msg('向下取整', 'round down'),
  ceil: msg('向上取整', 'round up'),
  apart: msg('单列供参考', 'listed apart for reference'),
  omit: msg('不列入', 'left out'),
};

/** An enum value in both languages: "向下取整" / "round down", withKey "向下取整（floor）" / "round down (floor)"; unknown values as they are. */
export function policyEnumMsg(value: string, withKey = false): Msg {
  const l = POLICY_ENUM_LABELS[value];
  if (!l) return msg(value, value);
  return withKey ? msg(`${l['zh-CN']}（${value}）`, `${l['en-US']} (${value})`) : l;
}

/** policyEnumMsg in one language. */
export function policyEnumText(value: string, locale: Locale, withKey = false): string {
  return policyEnumMsg(value, withKey)[locale];
}

const DENOMINATORS = [2, 3, 4, 5, 6, 8, 10, 12];
const EPS = 1e-9;

/** n/d in lowest terms when x is one with a small denominator (0 < x < 1), else null. */
export function commonFraction(x: number): { n: number; d: number } | null {
  if (!(x > 0 && x < 1)) return null;
  for (const d of DENOMINATORS) {
    const n = Math.round(x * d);
    if (Math.abs(x - n / d) < EPS) return { n, d };
  }
  return null;
}

/** 0.5 → "50%", 0.125 → "12.5%", 2/3 → "2/3"; with style 'fraction': 0.5 → "1/2". */
export function shareText(x: number, style: 'percent' | 'fraction' = 'percent'): string {
  const f = commonFraction(x);
  if (style === 'fraction' && f) return `${f.n}/${f.d}`;
  const p = x * 100;
  if (Math.abs(p - Math.round(p * 100) / 100) < EPS) return `${+p.toFixed(2)}%`;
  if (f) return `${f.n}/${f.d}`;
  return `${+p.toFixed(4)}%`;
}

/** Policy keys whose number is a share (ratio thresholds, elimination shares, quorums). */
export function isShareKey(key: string): boolean {
  return /(Ratio|Share|quorum|Members)$/i.test(key);
}

/** Shares of a body's members: printed as fractions. */
function isMemberShare(key: string): boolean {
  return /(quorum|ShareOfMembers)$/i.test(key);
}

/** A numeric policy value as printed everywhere: shares per shareText, other numbers as they are. */
export function policyNumberText(key: string, value: number): string {
  if (!isShareKey(key)) return String(value);
  return shareText(value, isMemberShare(key) ? 'fraction' : 'percent');
}
