/**
 * Wizard 4 — 县委委员会议表决 (seed 二.4, 1人1票). Source: the notice output of wizard 3 (or the
 * shortlist output: its 一职双备 rows). Per post the two backups are listed; the user enters the
 * members (应到), those present (实到), the votes of each backup and the appointment date. Each post
 * is decided by committeeElect: "elected X" or "no election, vote again" with the reason (tie,
 * nobody above half of all members, no quorum).
 * Output 常委会表决结果: the elected persons with 任职日期 (= the appointment date entered here) and
 * 试用期满, read back as a `probation` sheet, so the probation wizard starts from it; the
 * per-candidate tally sits under a 说明 line (notes to the recogniser).
 */
import { msg, plural } from '../i18n/message';
import { phraseMsg } from '../i18n/strings';
import { reason, type Reason } from '../rules/decision';
import { committeeElect } from '../rules/committee-vote';
import { probationEnd } from '../rules/probation';
import { formatIso, type LocalDate } from '../values/local-date';
import { columnGaps, dateCell, gapNotes, namelessRows, nameOf, reasonText, tableSheet, textOf } from './common';
import { eachChunk, optDate, optNumber } from './framework';
import { W } from '../i18n/strings-wizards';
import { worstFlag, type OptionField, type ResultRow, type WizardDef, type WizardInputs, type WizardResult } from './types';
import type { TypedSheet } from '../ledger/rows';
import type { ColumnNeed } from '../ledger/unread';

export const COMMITTEE_ID = 'committee';
export const COMMITTEE_SHEET = '常委会表决结果';
const NO_POST = '（未填职位）';

export interface CommitteePost {
  readonly post: string;
  readonly candidates: readonly { readonly name: string; readonly key: string; readonly votes: number | null }[];
  readonly elected: string | null;
  readonly reasons: readonly Reason[];
}

export interface CommitteeResult extends WizardResult {
  readonly posts: readonly CommitteePost[];
  readonly members: number | null;
  readonly present: number | null;
  readonly appointed: LocalDate | null;
  readonly probationEnd: LocalDate | null;
  readonly sourceSheet: string;
}

/** Posts and their backups from the source, in order of first appearance. */
export function ballotsOf(sheet: TypedSheet): { post: string; names: string[] }[] {
  const hasPick = sheet.model.columns.has('committeePick');
  const posts = new Map<string, string[]>();
  for (const row of sheet.rows) {
    const name = nameOf(row);
    if (!name) continue;
    if (hasPick) {
      const t = textOf(row, 'committeePick').replace(/\s+/g, '');
      if (t === '' || /^(否|不|无|×|x|no)$/i.test(t)) continue;
    }
    const post = textOf(row, 'proposedPost') || textOf(row, 'targetPost') || NO_POST;
    const list = posts.get(post) ?? [];
    if (!list.includes(name)) list.push(name);
    posts.set(post, list);
  }
  return [...posts].map(([post, names]) => ({ post, names }));
}

/** Without these columns every person is put to the vote, under one post: say so. */
const COMMITTEE_NEEDS: readonly ColumnNeed[] = [
  { anyOf: ['committeePick'], what: msg('哪些人选提交表决（已列入表中全部人员）', 'who is put to the vote (everyone in the sheet is listed)') },
  { anyOf: ['proposedPost', 'targetPost'], what: msg('按职位分列人选（全部列在同一职位下）', 'the candidates per post (all under one post)') },
];

const voteKey = (p: number, c: number): string => `votes.${p}.${c}`;

function fields(inputs: Omit<WizardInputs, 'options'>): OptionField[] {
  const out: OptionField[] = [
    { key: 'members', kind: 'number', label: W.optMembers, help: W.optMembersHelp, required: true, integer: true, min: 1, default: null },
    { key: 'present', kind: 'number', label: W.optPresent, required: true, integer: true, min: 0, default: null },
    { key: 'appointed', kind: 'date', label: W.optAppointed, help: W.optAppointedHelp, required: true, default: formatIso(inputs.asOf) },
  ];
  const main = inputs.sources.main;
  if (!main) return out;
  ballotsOf(main).forEach((b, p) =>
    b.names.forEach((name, c) =>
      out.push({
        key: voteKey(p, c),
        kind: 'number',
        label: msg(`${name} 得票`, `${name}: votes`),
        group: msg(b.post, b.post),
        required: true,
        integer: true,
        min: 0,
        default: null,
      }),
    ),
  );
  return out;
}

export const committeeWizard: WizardDef<CommitteeResult> = {
  id: COMMITTEE_ID,
  title: W.committeeTitle,
  description: W.committeeDesc,
  rule: '二.4',
  sources: [
    {
      role: 'main',
      label: W.srcNotice,
      kinds: ['notice', 'inspection'],
      chainFrom: ['notice', 'shortlist'],
      requiredFields: ['name'],
      optionalFields: ['proposedPost', 'targetPost', 'committeePick'],
    },
  ],
  outputKind: 'probation',
  optionFields: fields,
  async run(inputs, control) {
    const main = inputs.sources.main;
    if (!main) throw new Error('committee: no source sheet');
    const { options, policy } = inputs;
    const members = optNumber(options, 'members');
    const present = optNumber(options, 'present');
    const appointed = optDate(options, 'appointed');
    const ballots = ballotsOf(main);
    const posts: CommitteePost[] = [];
    await eachChunk(ballots, control, (b, p) => {
      const candidates = b.names.map((name, c) => ({ name, key: voteKey(p, c), votes: optNumber(options, voteKey(p, c)) }));
      const missing = candidates.filter((c) => c.votes === null);
      if (members === null || present === null || missing.length) {
        const what = [
          ...(members === null ? [msg('应到人数', 'members entitled to attend')] : []),
          ...(present === null ? [msg('实到人数', 'members present')] : []),
          ...missing.map((c) => msg(`${c.name}的得票`, `votes for ${c.name}`)),
        ];
        posts.push({
          post: b.post,
          candidates,
          elected: null,
          reasons: [
            reason(
              '二.4',
              'committee.input-missing',
              'error',
              msg(`未填写${what.map((m) => m['zh-CN']).join('、')}，无法表决`, `Not entered: ${what.map((m) => m['en-US']).join(', ')}; cannot decide`),
            ),
          ],
        });
        return;
      }
      const d = committeeElect({ members, present, candidates: candidates.map((c) => ({ name: c.name, votes: c.votes as number })) }, policy);
      posts.push({ post: b.post, candidates, elected: d.outcome, reasons: d.reasons });
    });
    const end = appointed ? probationEnd(appointed, policy) : null;
    const elected = posts.filter((p) => p.elected);
    const summary: Reason[] = [
      reason(
        '二.4',
        'committee.summary',
        'info',
        msg(
          `${posts.length} 个职位：当选 ${elected.length} 个，需重新投票或无法表决 ${posts.length - elected.length} 个。通过规则：得票最多且超过应到委员的${Math.round(policy.committeeVote.passShareOfMembers * 100)}%；到会须达应到的${Math.round(policy.committeeVote.quorum * 10000) / 100}%。`,
          `${posts.length} ${plural(posts.length, 'post', 'posts')}: ${elected.length} elected, ${posts.length - elected.length} to vote again or undecided. Rule: most votes and more than ${Math.round(policy.committeeVote.passShareOfMembers * 100)}% of all members; quorum ${Math.round(policy.committeeVote.quorum * 10000) / 100}% of members.`,
        ),
        { policyKey: 'committeeVote.passShareOfMembers' },
      ),
    ];
    const quorum = posts.flatMap((p) => p.reasons).find((r) => r.code === 'committee.no-quorum');
    if (quorum) summary.push(quorum);
    if (end) summary.push(...end.reasons);
    // A 任前公示表 lists only the finalists; an inspection sheet needs its 拟任人选 column.
    summary.push(
      ...columnGaps('二.4', main, main.model.kind === 'notice' ? COMMITTEE_NEEDS.slice(1) : COMMITTEE_NEEDS),
      ...namelessRows('二.4', main, ['proposedPost', 'targetPost', 'committeePick']),
    );
    const rows: ResultRow[] = posts.map((p) => ({
      cells: [
        p.post,
        // a name and its votes stay on one line (no-break space); the pane breaks after ；
        p.candidates.map((c) => `${c.name}\u00a0${c.votes ?? '—'}`).join('；'),
        p.elected ? phraseMsg(W.cellElected, { name: p.elected }) : W.cellNoneElected,
      ],
      flag: worstFlag(p.reasons),
      reasons: p.reasons,
    }));
    return {
      columns: [W.colPost, W.colVotes, W.colOutcome],
      rows,
      summary,
      posts,
      members,
      present,
      appointed,
      probationEnd: end?.outcome ?? null,
      sourceSheet: main.model.sheet,
    };
  },
  outputSheetName: () => COMMITTEE_SHEET,
  toSheet(result, name) {
    const elected = result.posts.filter((p) => p.elected);
    const rows = elected.map((p, k) => [
      k + 1,
      p.elected,
      p.post,
      dateCell(result.appointed),
      dateCell(result.probationEnd),
      { value: reasonText(p.reasons.filter((r) => r.code === 'committee.elected')) },
    ]);
    const notes = result.posts
      .filter((p) => !p.elected)
      .map((p) => `说明：${p.post}无人当选，应重新投票。${reasonText(p.reasons.filter((r) => r.severity !== 'info'))}`);
    notes.unshift(...gapNotes(result.summary));
    notes.push(`说明：县委委员会议应到${result.members ?? '—'}人，实到${result.present ?? '—'}人，1人1票（二.4）。表决明细如下：`);
    const detail = result.posts.flatMap((p) =>
      p.candidates.map((c) => [
        p.post,
        c.name,
        c.votes,
        result.members,
        result.present,
        p.elected === c.name ? '当选' : p.elected ? '未当选' : '无人当选，重新投票',
      ]),
    );
    return tableSheet({
      name,
      title: '县委委员会议表决结果（新任职人员试用期起算）',
      subtitle: `来源：${result.sourceSheet}；任职日期即试用期开始，试用期满按设置计算（二.5）。`,
      header: ['序号', '姓名', '拟任职务', '任职日期', '试用期满', '说明'],
      rows,
      flags: elected.map((p) => worstFlag(p.reasons)),
      notes,
      detail: { header: ['职位', '候选人', '得票', '应到委员', '实到委员', '表决结果'], rows: detail },
      columnWidths: [16, 12, 18, 12, 12, 50],
      orientation: 'portrait',
    });
  },
};
