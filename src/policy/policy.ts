import { msg, type Msg } from '../i18n/message';

/** Base of a vote ratio (二.2 names none, so it is explicit). */
export type Denominator = 'present' | 'eligible' | 'valid';
export type DayKind = 'working' | 'calendar';
export type Rounding = 'round' | 'floor' | 'ceil';
export type Grade = '优秀' | '称职' | '基本称职' | '不称职';
/** How the brief's 四.2 section treats non-leading 职级 (一级主任科员 …): listed apart for reference, or left out. */
export type NonLeadingInBrief = 'apart' | 'omit';

/**
 * Every rule value of SPEC §2 in one typed object. Defaults cite the seed; a county overrides any
 * key per workbook, and the brief states which values were in force.
 */
export interface Policy {
  readonly recommend: {
    /** 原班子成员(副职推荐正职) pass when ratio ≥ this. */
    readonly incumbentMinRatio: number;
    /** 新推荐人选 pass when ratio ≥ this. */
    readonly newcomerMinRatio: number;
    readonly denominator: Denominator;
    /** Optional quorum as a share of 应到 (e.g. 2/3); null = none. Only ever a warning. */
    readonly quorum: number | null;
  };
  readonly inspection: {
    readonly candidatesPerPost: number;
    readonly finalistsPerPost: number;
  };
  readonly notice: {
    readonly days: number;
    readonly dayKind: DayKind;
    /** The start day counts as day 1 (9月1日–9月5日 is five days). */
    readonly countStartDay: boolean;
    readonly requiredFields: readonly string[];
  };
  readonly committeeVote: {
    /** Pass when yes votes > this share of all members (应到). */
    readonly passShareOfMembers: number;
    /** Quorum as share of all members. */
    readonly quorum: number;
  };
  readonly probation: {
    readonly months: number;
    readonly reportEveryMonths: number;
    readonly dueSoonDays: number;
  };
  readonly assessment: {
    /** 基本称职 is not one of the seed's three grades (三.3); allowed only when switched on. */
    readonly allowBasicCompetent: boolean;
  };
  readonly dismissal: {
    readonly incompetentTriggerRatio: number;
    readonly standbyMonths: number;
    /**
     * 四.2 applies to 领导干部: non-leading 职级 reaching the trigger are never mixed into the
     * leaders' list of the brief — listed apart ("非领导职务人员，供参考") or left out (counted only).
     */
    readonly nonLeadingInBrief: NonLeadingInBrief;
  };
  readonly elimination: {
    /** Post levels in the population (实职 leaders only; non-leading 职级 excluded). */
    readonly levels: readonly string[];
    readonly preliminaryShare: number;
    readonly removalShare: number;
    readonly admonitionShare: number;
    readonly rounding: Rounding;
    readonly admonitionMonths: number;
  };
  readonly accountability: {
    readonly windowMonths: number;
  };
  readonly orgLife: {
    /** Absent from more than this share of the year's meetings = 经常不参加. */
    readonly maxAbsenceShare: number;
  };
}

export const DEFAULT_POLICY: Policy = {
  recommend: { incumbentMinRatio: 0.5, newcomerMinRatio: 0.3, denominator: 'present', quorum: null },
  inspection: { candidatesPerPost: 4, finalistsPerPost: 2 },
  notice: {
    days: 5,
    dayKind: 'working',
    countStartDay: true,
    requiredFields: ['基本情况', '主要政绩', '经济审计', '家庭财产申报结果', '现任职务(职称)', '拟任职务或使用意向'],
  },
  committeeVote: { passShareOfMembers: 0.5, quorum: 2 / 3 },
  probation: { months: 12, reportEveryMonths: 3, dueSoonDays: 30 },
  assessment: { allowBasicCompetent: false },
  dismissal: { incompetentTriggerRatio: 0.5, standbyMonths: 6, nonLeadingInBrief: 'apart' },
  elimination: {
    levels: ['正科级', '副科级'],
    preliminaryShare: 0.02,
    removalShare: 0.01,
    admonitionShare: 0.01,
    rounding: 'round',
    admonitionMonths: 12,
  },
  accountability: { windowMonths: 12 },
  orgLife: { maxAbsenceShare: 0.5 },
};

/** Where each default comes from, for the settings wizard and the brief. */
export const POLICY_SOURCES: Readonly<Record<string, Msg>> = {
  'recommend.incumbentMinRatio': msg('二.2 原班子成员(副职推荐正职)得票比例不能少于50%', 'Seed 二.2: incumbents need at least 50 %'),
  'recommend.newcomerMinRatio': msg('二.2 新推荐人选的得票比例不能少于30%', 'Seed 二.2: new candidates need at least 30 %'),
  'recommend.denominator': msg('二.2 未规定计算基数，默认按实到人数', 'Seed 二.2 names no base; default is voters present'),
  'recommend.quorum': msg('文件未规定；可选按应到人数2/3提示', 'Not in the seed; optional 2/3 of eligible as a warning'),
  'inspection.candidatesPerPost': msg('二.3 职位与考察对象1:4', 'Seed 二.3: 1 post to 4 candidates'),
  'inspection.finalistsPerPost': msg('二.3 一职双备', 'Seed 二.3: two backups per post'),
  'notice.days': msg('二.4 公示的期限为5天', 'Seed 二.4: notice lasts 5 days'),
  'notice.dayKind': msg('按工作日计算，同时满足“公示期不少于五个工作日”', 'Working days, which also meets the national five-working-day rule'),
  'notice.countStartDay': msg('行政惯例：9月1日至9月5日为5天', 'Practice: 1–5 September is five days'),
  'notice.requiredFields': msg('二.4 公示内容', 'Seed 二.4: notice contents'),
  'committeeVote.passShareOfMembers': msg(
    '二.4 仅规定1人1票；按讨论决定的通行规则，赞成票超过应到人数半数',
    'Seed 二.4 says one member one vote; national rule: more than half of all members',
  ),
  'committeeVote.quorum': msg('到会人数须达应到人数2/3', 'Two thirds of members must be present'),
  'probation.months': msg('二.5 试用期为一年；期间按民法典第201、203条计算', 'Seed 二.5: one year; Civil Code art. 201/203'),
  'probation.reportEveryMonths': msg('二.5 原则上一季度一次', 'Seed 二.5: report once a quarter'),
  'probation.dueSoonDays': msg('提前提醒天数（便于使用）', 'Days of advance reminder (usability)'),
  'assessment.allowBasicCompetent': msg('三.3 优秀、称职和不称职三个等次', 'Seed 三.3: three grades'),
  'dismissal.incompetentTriggerRatio': msg('四.2 不称职票达到二分之一', 'Seed 四.2: incompetent votes reach one half'),
  'dismissal.standbyMonths': msg('四.2 待岗半年', 'Seed 四.2: six months standby'),
  'dismissal.nonLeadingInBrief': msg(
    '四.2 适用于领导干部；非领导职务（职级）人员默认单列供参考，不混入领导干部名单',
    'Seed 四.2 applies to leaders; non-leading grades are listed apart for reference by default, never among the leaders',
  ),
  'elimination.levels': msg('四.4 全县正副科级实职领导干部', 'Seed 四.4: section-level leaders holding a real post'),
  'elimination.preliminaryShare': msg('四.4 总数2%以内为初步淘汰对象', 'Seed 四.4: within 2 % are preliminary'),
  'elimination.removalShare': msg('四.4 对1%人选免职', 'Seed 四.4: 1 % removed'),
  'elimination.admonitionShare': msg('四.4 对1%人选给予诫勉一年', 'Seed 四.4: 1 % admonished for a year'),
  'elimination.rounding': msg('文件未规定取整方式，默认四舍五入', 'Seed is silent; round half up'),
  'elimination.admonitionMonths': msg('四.4 诫勉一年', 'Seed 四.4: one-year admonition'),
  'accountability.windowMonths': msg('二.6 任现职一年内', 'Seed 二.6: within a year of appointment'),
  'orgLife.maxAbsenceShare': msg('三.4 “经常不参加组织生活”未定义，默认缺席超过半数', 'Seed 三.4 does not define "often"; default: more than half'),
};

export type DeepPartial<T> = { -readonly [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };
