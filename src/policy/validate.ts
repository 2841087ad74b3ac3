import { msg, type Msg } from '../i18n/message';
import type { CodeDoc, Finding } from '../values/finding';
import { DEFAULT_POLICY, POLICY_SOURCES, type Policy } from './policy';

/**
 * Overrides from a workbook's settings or a --policy file are untrusted: each value is checked
 * against its key's kind and a refused value keeps the default, with a finding naming the key,
 * so one typo never silently changes a threshold nor blocks the whole check.
 */

export const CODES: readonly CodeDoc[] = [
  {
    code: 'policy.invalid-value',
    severity: 'error',
    doc: msg('设置值不符合要求（类型或范围），已改用默认值。', 'A setting has the wrong type or is out of range; the default is used instead.'),
  },
  {
    code: 'policy.unknown-key',
    severity: 'error',
    doc: msg('设置中有未知的项目名（可能拼写错误），已忽略。', 'A setting name is unknown (perhaps misspelt) and was ignored.'),
  },
  {
    code: 'policy.inconsistent',
    severity: 'warning',
    doc: msg(
      '几项设置相互矛盾（如免职比例大于初步淘汰比例），已改用默认值或按文件规则处理。',
      'Settings contradict each other (e.g. removal share above the preliminary share); defaults or the seed rule apply.',
    ),
  },
];

export type PolicyKeyKind = Kind;

type Kind =
  | { t: 'ratio' } // [0, 1]
  | { t: 'share' } // (0, 1)
  | { t: 'share-or-null' } // (0, 1] or null
  | { t: 'quorum' } // (0, 1]
  | { t: 'positive-int' }
  | { t: 'bool' }
  | { t: 'enum'; values: readonly string[] }
  | { t: 'strings' }; // non-empty array of non-empty strings

/** Every SPEC §2 key with the kind of value it takes. Order = the order the brief lists them. */
const KINDS: Readonly<Record<string, Kind>> = {
  'recommend.incumbentMinRatio': { t: 'ratio' },
  'recommend.newcomerMinRatio': { t: 'ratio' },
  'recommend.denominator': { t: 'enum', values: ['present', 'eligible', 'valid'] },
  'recommend.quorum': { t: 'share-or-null' },
  'inspection.candidatesPerPost': { t: 'positive-int' },
  'inspection.finalistsPerPost': { t: 'positive-int' },
  'notice.days': { t: 'positive-int' },
  'notice.dayKind': { t: 'enum', values: ['working', 'calendar'] },
  'notice.countStartDay': { t: 'bool' },
  'notice.requiredFields': { t: 'strings' },
  'committeeVote.passShareOfMembers': { t: 'share' },
  'committeeVote.quorum': { t: 'quorum' },
  'probation.months': { t: 'positive-int' },
  'probation.reportEveryMonths': { t: 'positive-int' },
  'probation.dueSoonDays': { t: 'positive-int' },
  'assessment.allowBasicCompetent': { t: 'bool' },
  'dismissal.incompetentTriggerRatio': { t: 'ratio' },
  'dismissal.standbyMonths': { t: 'positive-int' },
  'dismissal.nonLeadingInBrief': { t: 'enum', values: ['apart', 'omit'] },
  'elimination.levels': { t: 'strings' },
  'elimination.preliminaryShare': { t: 'share' },
  'elimination.removalShare': { t: 'share' },
  'elimination.admonitionShare': { t: 'share' },
  'elimination.rounding': { t: 'enum', values: ['round', 'floor', 'ceil'] },
  'elimination.admonitionMonths': { t: 'positive-int' },
  'accountability.windowMonths': { t: 'positive-int' },
  'orgLife.maxAbsenceShare': { t: 'share' },
};

/** The kind of value a key takes (for editors), or null for an unknown key. */
export function policyKeyKind(key: string): PolicyKeyKind | null {
  return KINDS[key] ?? null;
}

/** What a key expects, in words (for editors and refusal messages). */
export function policyKeyExpectation(key: string): Msg | null {
  const k = KINDS[key];
  return k ? expectation(k) : null;
}

/** Every leaf key of Policy as a dotted path ('recommend.incumbentMinRatio', …). */
export const POLICY_KEYS: readonly string[] = Object.keys(KINDS);

type Flat = Record<string, unknown>;

/** Policy as a flat `{ 'group.key': value }` map (arrays are leaves). */
export function flattenPolicy(policy: Policy): Flat {
  const out: Flat = {};
  for (const [group, values] of Object.entries(policy)) {
    for (const [key, value] of Object.entries(values as Record<string, unknown>)) out[`${group}.${key}`] = value;
  }
  return out;
}

/** The inverse of flattenPolicy, for settings stored as key/value rows (not validated here). */
export function unflattenPolicy(flat: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, Record<string, unknown> | unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    const dot = path.indexOf('.');
    if (dot < 0) {
      out[path] = value;
      continue;
    }
    const group = path.slice(0, dot);
    const existing = out[group];
    const g = (isPlainObject(existing) ? existing : {}) as Record<string, unknown>;
    g[path.slice(dot + 1)] = value;
    out[group] = g;
  }
  return out;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (v === undefined) return 'undefined';
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** What a key expects, in words, for the refusal message. */
function expectation(kind: Kind): Msg {
  switch (kind.t) {
    case 'ratio':
      return msg('必须是0到1之间的数', 'must be a number from 0 to 1');
    case 'share':
      return msg('必须是大于0且小于1的数', 'must be a number greater than 0 and less than 1');
    case 'share-or-null':
      return msg('必须是大于0且不大于1的数，或 null（不设）', 'must be a number greater than 0 and at most 1, or null (none)');
    case 'quorum':
      return msg('必须是大于0且不大于1的数', 'must be a number greater than 0 and at most 1');
    case 'positive-int':
      return msg('必须是正整数', 'must be a positive whole number');
    case 'bool':
      return msg('必须是 true 或 false', 'must be true or false');
    case 'enum':
      return msg(`必须是以下之一：${kind.values.join('、')}`, `must be one of: ${kind.values.join(', ')}`);
    case 'strings':
      return msg('必须是非空的文字列表', 'must be a non-empty list of non-empty texts');
  }
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function accepts(kind: Kind, v: unknown): boolean {
  switch (kind.t) {
    case 'ratio':
      return isNum(v) && v >= 0 && v <= 1;
    case 'share':
      return isNum(v) && v > 0 && v < 1;
    case 'share-or-null':
      return v === null || (isNum(v) && v > 0 && v <= 1);
    case 'quorum':
      return isNum(v) && v > 0 && v <= 1;
    case 'positive-int':
      return isNum(v) && Number.isInteger(v) && v > 0;
    case 'bool':
      return typeof v === 'boolean';
    case 'enum':
      return typeof v === 'string' && kind.values.includes(v);
    case 'strings':
      return Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string' && s.trim() !== '');
  }
}

function invalid(key: string, kind: Kind | null, v: unknown): Finding {
  const e = kind ? expectation(kind) : msg('必须是一组设置（对象）', 'must be a group of settings (an object)');
  return {
    code: 'policy.invalid-value',
    severity: 'error',
    message: msg(`${key} ${e['zh-CN']}，收到 ${show(v)}`, `${key} ${e['en-US']}; got ${show(v)}`),
  };
}

function unknownKey(key: string): Finding {
  return {
    code: 'policy.unknown-key',
    severity: 'error',
    message: msg(`未知的设置项 ${key}，已忽略`, `Unknown setting ${key}; ignored`),
  };
}

function inconsistent(zh: string, en: string): Finding {
  return { code: 'policy.inconsistent', severity: 'warning', message: msg(zh, en) };
}

/**
 * Layer partial overrides, later ones winning key by key within a group (the CLI: the workbook's
 * stored overrides, then --policy). Not validated here: resolvePolicy does that.
 */
export function layerOverrides(...layers: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const layer of layers) {
    if (!isPlainObject(layer)) continue;
    for (const [group, values] of Object.entries(layer)) {
      const prev = out[group];
      out[group] = isPlainObject(prev) && isPlainObject(values) ? { ...prev, ...values } : values;
    }
  }
  return out;
}

/**
 * Merges a partial override (e.g. parsed from a --policy JSON file or the settings sheet) onto
 * DEFAULT_POLICY. Never throws: refused values keep their default and are reported.
 */
export function resolvePolicy(overrides: unknown): { policy: Policy; errors: Finding[] } {
  const errors: Finding[] = [];
  const flat = flattenPolicy(DEFAULT_POLICY);
  if (overrides !== undefined && overrides !== null) {
    if (!isPlainObject(overrides)) {
      errors.push(invalid('(policy)', null, overrides));
    } else {
      for (const [group, values] of Object.entries(overrides)) {
        if (!(group in DEFAULT_POLICY)) {
          errors.push(unknownKey(group));
          continue;
        }
        if (!isPlainObject(values)) {
          errors.push(invalid(group, null, values));
          continue;
        }
        for (const [key, value] of Object.entries(values)) {
          const path = `${group}.${key}`;
          const kind = KINDS[path];
          if (!kind) errors.push(unknownKey(path));
          else if (value === undefined)
            continue; // an absent override, as in DeepPartial
          else if (!accepts(kind, value)) errors.push(invalid(path, kind, value));
          else flat[path] = Array.isArray(value) ? value.map((s: string) => s.trim()) : value;
        }
      }
    }
  }
  crossCheck(flat, errors);
  return { policy: unflattenPolicy(flat) as unknown as Policy, errors };
}

/** Checks between keys; a contradiction falls back to the defaults of the keys involved. */
function crossCheck(flat: Flat, errors: Finding[]): void {
  const d = flattenPolicy(DEFAULT_POLICY);
  if ((flat['inspection.finalistsPerPost'] as number) > (flat['inspection.candidatesPerPost'] as number)) {
    errors.push(
      inconsistent(
        `inspection.finalistsPerPost（${show(flat['inspection.finalistsPerPost'])}）不能大于 inspection.candidatesPerPost（${show(flat['inspection.candidatesPerPost'])}），两项均改用默认值`,
        `inspection.finalistsPerPost (${show(flat['inspection.finalistsPerPost'])}) cannot exceed inspection.candidatesPerPost (${show(flat['inspection.candidatesPerPost'])}); both use their defaults`,
      ),
    );
    flat['inspection.finalistsPerPost'] = d['inspection.finalistsPerPost'];
    flat['inspection.candidatesPerPost'] = d['inspection.candidatesPerPost'];
  }
  if ((flat['elimination.removalShare'] as number) > (flat['elimination.preliminaryShare'] as number)) {
    errors.push(
      inconsistent(
        `elimination.removalShare（${show(flat['elimination.removalShare'])}）不能大于 elimination.preliminaryShare（${show(flat['elimination.preliminaryShare'])}），两项均改用默认值`,
        `elimination.removalShare (${show(flat['elimination.removalShare'])}) cannot exceed elimination.preliminaryShare (${show(flat['elimination.preliminaryShare'])}); both use their defaults`,
      ),
    );
    flat['elimination.removalShare'] = d['elimination.removalShare'];
    flat['elimination.preliminaryShare'] = d['elimination.preliminaryShare'];
  }
  if ((flat['probation.reportEveryMonths'] as number) > (flat['probation.months'] as number)) {
    errors.push(
      inconsistent(
        `probation.reportEveryMonths（${show(flat['probation.reportEveryMonths'])}）大于 probation.months（${show(flat['probation.months'])}），试用期内将没有汇报`,
        `probation.reportEveryMonths (${show(flat['probation.reportEveryMonths'])}) exceeds probation.months (${show(flat['probation.months'])}); no report would fall due`,
      ),
    );
  }
  // Both 1 % tiers come out of the 2 % pool (四.4); elimination caps the admonition count, but
  // the county should know its shares do not add up.
  const sum = (flat['elimination.removalShare'] as number) + (flat['elimination.admonitionShare'] as number);
  if (sum > (flat['elimination.preliminaryShare'] as number) + 1e-12) {
    errors.push(
      inconsistent(
        `elimination.removalShare + elimination.admonitionShare 大于 elimination.preliminaryShare；诫勉人数将以初步淘汰人数减免职人数为上限（四.4）`,
        `elimination.removalShare + elimination.admonitionShare exceed elimination.preliminaryShare; the admonition count is capped at preliminary − removal (四.4)`,
      ),
    );
  }
}

export interface PolicyDiffRow {
  readonly key: string;
  readonly value: unknown;
  readonly default: unknown;
  /** True when the value in force differs from the built-in default. */
  readonly changed: boolean;
  readonly source: Msg;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** Every key with the value in force, its default and where the default comes from. */
export function policyDiff(policy: Policy): PolicyDiffRow[] {
  const now = flattenPolicy(policy);
  const d = flattenPolicy(DEFAULT_POLICY);
  return POLICY_KEYS.map((key) => ({
    key,
    value: now[key],
    default: d[key],
    changed: !same(now[key], d[key]),
    source: POLICY_SOURCES[key] ?? msg('', ''),
  }));
}
