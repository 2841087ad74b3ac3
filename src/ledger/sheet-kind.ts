/**
 * Sheet kinds (台账类型) of SPEC §5 and how a sheet is classified: each kind scores the fields
 * that only it carries, plus its words in the sheet name and title lines. The highest score wins;
 * a sheet without a recognisable table is `unknown`.
 */
import { msg, type Msg } from '../i18n/message';
import type { FieldKey } from './fields';

export type SheetKind = 'roster' | 'recommendation' | 'inspection' | 'notice' | 'probation' | 'assessment' | 'complaints' | 'resignation' | 'unknown';

export const SHEET_KINDS: readonly SheetKind[] = [
  'roster',
  'recommendation',
  'inspection',
  'notice',
  'probation',
  'assessment',
  'complaints',
  'resignation',
  'unknown',
];

export const KIND_LABEL: Readonly<Record<SheetKind, Msg>> = {
  roster: msg('花名册', 'roster'),
  recommendation: msg('民主推荐汇总', 'recommendation tally'),
  inspection: msg('考察对象', 'inspection candidates'),
  notice: msg('任前公示', 'pre-appointment notice'),
  probation: msg('试用期台账', 'probation ledger'),
  assessment: msg('年度考核测评', 'annual assessment tally'),
  complaints: msg('信访举报', 'complaints and reports'),
  resignation: msg('辞职', 'resignations'),
  unknown: msg('非台账', 'not a ledger'),
};

interface Signature {
  readonly fields: Partial<Record<FieldKey, number>>;
  readonly words: RegExp;
}

const TITLE_WEIGHT = 3;

const SIGNATURES: Readonly<Record<Exclude<SheetKind, 'unknown'>, Signature>> = {
  roster: {
    // 组织生活 attendance (应参加次数 | 实参加次数) is recorded per leader: a dedicated attendance sheet is a roster.
    fields: {
      birth: 1,
      idNumber: 1,
      workStart: 1,
      partyJoin: 1,
      education: 1,
      fullTimeEducation: 1,
      nativePlace: 1,
      ethnicity: 1,
      postSince: 1,
      meetingsHeld: 1,
      meetingsAttended: 1,
      levelSince: 1,
      postFirstSince: 1,
      politicalStatus: 1,
      health: 1,
      proTitle: 1,
    },
    words: /花名册|名册|信息表|基本情况表|干部名单|人员名单|统计表/,
  },
  recommendation: {
    fields: { votes: 3, eligible: 2, present: 2, recommendKind: 3, voteRatio: 2, candidateStatus: 1, recommender: 2, material: 2, form: 2 },
    words: /推荐/,
  },
  inspection: { fields: { inspectionResult: 4, committeePick: 4, targetPost: 1 }, words: /考察/ },
  notice: {
    fields: { noticeStart: 4, noticeEnd: 4, basicInfo: 2, achievements: 2, audit: 2, assets: 3, currentTitle: 1, proposedPost: 1 },
    words: /公示/,
  },
  probation: { fields: { probationStart: 4, probationEnd: 4, report1: 2, report2: 2, report3: 2, report4: 2, probationResult: 1 }, words: /试用/ },
  assessment: {
    fields: { excellentVotes: 2, competentVotes: 2, basicVotes: 1, incompetentVotes: 4, incompetentRatio: 4, grade: 2 },
    words: /考核|测评/,
  },
  complaints: {
    fields: { complaintDate: 2, complaintSource: 1, complaintIssue: 4, complaintSeverity: 2, handling: 2, handlingResult: 2 },
    words: /信访|举报|来信来访/,
  },
  resignation: { fields: { resignKind: 4, resignDate: 1, classifiedPost: 2, approval: 1, leftDate: 2 }, words: /辞职/ },
};

/** Smallest score that makes a sheet a ledger at all. */
const MIN_SCORE = 2;

/** The kind of a table with these fields, under this sheet name and these title lines. */
export function classifyKind(fields: ReadonlySet<FieldKey>, titleText: string): SheetKind {
  if (!fields.has('name')) return 'unknown';
  let best: SheetKind = 'unknown';
  let bestScore = 0;
  // Specialised kinds first and strictly greater wins, so roster (any list of people) loses ties.
  const order: Exclude<SheetKind, 'unknown'>[] = ['recommendation', 'inspection', 'notice', 'probation', 'assessment', 'complaints', 'resignation', 'roster'];
  for (const kind of order) {
    const sig = SIGNATURES[kind];
    let score = 0;
    for (const [f, w] of Object.entries(sig.fields) as [FieldKey, number][]) if (fields.has(f)) score += w;
    if (sig.words.test(titleText)) score += TITLE_WEIGHT;
    if (score > bestScore) {
      best = kind;
      bestScore = score;
    }
  }
  return bestScore >= MIN_SCORE ? best : 'unknown';
}
