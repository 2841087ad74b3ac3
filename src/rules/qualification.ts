import { msg, plural } from '../i18n/message';
import type { CodeDoc } from '../values/finding';
import { compareDates, isLeapYear, type LocalDate } from '../values/local-date';
import { codeDoc, decision, hasError, reason, type Decision, type Reason } from './decision';

/** Seed section of this rule: 二.1 职位预示制度 — 任职资格. */
export const RULE = '二.1';

export const CODES: readonly CodeDoc[] = [
  codeDoc('qualification.seniority', 'error', msg('资历（现职级任职年限）不足。', 'Too few years at the current level (资历).')),
  codeDoc('qualification.work-years', 'error', msg('工龄不足。', 'Too few years of work (工龄).')),
  codeDoc('qualification.major', 'error', msg('所学专业不符合岗位要求。', 'The major does not match the post.')),
  codeDoc('qualification.post-years', 'error', msg('特定岗位工作年限不足。', 'Too few years in the required specific post.')),
  codeDoc('qualification.current-level', 'error', msg('现任职务层次不符合岗位要求。', 'The current post level does not match the post.')),
  codeDoc('qualification.missing-data', 'error', msg('缺少核对任职资格所需的数据。', 'Data needed to check a requirement is missing.')),
  codeDoc('qualification.bad-data', 'error', msg('年限不是0及以上的数。', 'A number of years is not a number ≥ 0.')),
];

/** 任职资格 of a post (二.1); each requirement is optional. */
export interface PostRequirements {
  readonly post: string;
  /** 资历: minimum full years at the current level. */
  readonly minSeniorityYears?: number;
  /** 工龄: minimum full years of work. */
  readonly minWorkYears?: number;
  /** 专业: accepted majors; a candidate's major matches when it contains one of them (“经济” ⊂ “农业经济管理”). */
  readonly majors?: readonly string[];
  /** 特定岗位的工作年限: minimum full years in a named post (e.g. 乡镇领导岗位). */
  readonly specificPost?: { readonly post: string; readonly minYears: number };
  /** 现任职务: accepted current levels, e.g. ['副科级']. */
  readonly currentLevels?: readonly string[];
}

export interface CandidateRecord {
  readonly name: string;
  readonly seniorityYears?: number | null;
  readonly workYears?: number | null;
  readonly major?: string | null;
  /** Full years served per post name. */
  readonly postYears?: Readonly<Record<string, number>>;
  readonly currentLevel?: string | null;
}

/** Full years from `from` to `to` (anniversary reached counts; Feb 29 → Feb 28 in common years). */
export function fullYears(from: LocalDate, to: LocalDate): number {
  if (compareDates(to, from) < 0) return 0;
  let years = to.y - from.y;
  if (to.m < from.m || (to.m === from.m && to.d < from.d)) years--;
  if (from.m === 2 && from.d === 29 && to.m === 2 && to.d === 28 && !isLeapYear(to.y)) years++;
  return Math.max(0, years);
}

function years(name: string, label: { zh: string; en: string }, code: string, have: number | null | undefined, need: number): Reason | null {
  if (have === null || have === undefined) {
    return reason(
      RULE,
      'qualification.missing-data',
      'error',
      msg(
        `${name}：缺少${label.zh}，无法核对（要求不少于 ${need} 年）`,
        `${name}: ${label.en} missing; cannot check (need ${need} ${plural(need, 'year', 'years')})`,
      ),
      {
        threshold: need,
      },
    );
  }
  if (!Number.isFinite(have) || have < 0) {
    return reason(RULE, 'qualification.bad-data', 'error', msg(`${name}：${label.zh}数据有误（${have}）`, `${name}: ${label.en} is not valid (${have})`));
  }
  if (have < need) {
    return reason(
      RULE,
      code,
      'error',
      msg(`${name}：${label.zh} ${have} 年，不足 ${need} 年`, `${name}: ${label.en} ${have} ${plural(have, 'year', 'years')}, need ${need}`),
      {
        threshold: need,
        value: have,
      },
    );
  }
  return null;
}

/**
 * Every unmet requirement of a post (二.1), not just the first; outcome true = qualified.
 * Missing data is unmet too (reported as such) — an unknown is never a pass.
 */
export function checkQualification(req: PostRequirements, c: CandidateRecord): Decision<boolean> {
  const reasons: Reason[] = [];
  const push = (r: Reason | null) => r && reasons.push(r);
  if (req.minSeniorityYears !== undefined) {
    push(years(c.name, { zh: '资历（现职级年限）', en: 'years at current level' }, 'qualification.seniority', c.seniorityYears, req.minSeniorityYears));
  }
  if (req.minWorkYears !== undefined) push(years(c.name, { zh: '工龄', en: 'years of work' }, 'qualification.work-years', c.workYears, req.minWorkYears));
  if (req.majors && req.majors.length) {
    const major = (c.major ?? '').trim();
    if (major === '') {
      reasons.push(reason(RULE, 'qualification.missing-data', 'error', msg(`${c.name}：缺少所学专业，无法核对`, `${c.name}: major missing; cannot check`)));
    } else if (!req.majors.some((m) => m.trim() !== '' && major.includes(m.trim()))) {
      reasons.push(
        reason(
          RULE,
          'qualification.major',
          'error',
          msg(`${c.name}：专业“${major}”不在要求的${req.majors.join('、')}之列`, `${c.name}: major "${major}" is not among ${req.majors.join(', ')}`),
        ),
      );
    }
  }
  if (req.specificPost) {
    const sp = req.specificPost;
    push(
      years(
        c.name,
        { zh: `在${sp.post}的工作年限`, en: `years in ${sp.post}` },
        'qualification.post-years',
        c.postYears ? (c.postYears[sp.post] ?? 0) : undefined,
        sp.minYears,
      ),
    );
  }
  if (req.currentLevels && req.currentLevels.length) {
    const level = (c.currentLevel ?? '').trim();
    if (level === '') {
      reasons.push(
        reason(RULE, 'qualification.missing-data', 'error', msg(`${c.name}：缺少现任职务层次，无法核对`, `${c.name}: current level missing; cannot check`)),
      );
    } else if (!req.currentLevels.includes(level)) {
      reasons.push(
        reason(
          RULE,
          'qualification.current-level',
          'error',
          msg(
            `${c.name}：现任${level}，岗位要求${req.currentLevels.join('或')}`,
            `${c.name}: currently ${level}; the post requires ${req.currentLevels.join(' or ')}`,
          ),
        ),
      );
    }
  }
  return decision(!hasError(reasons), reasons);
}
