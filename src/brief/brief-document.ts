/**
 * The brief's wording and order (文稿): BriefModel → numbered sections of headings, paragraphs
 * and tables, in the register of a 常委会议研究材料. Both renderers draw this one document, so the
 * worksheet and the Word file always say the same thing; the privacy guard scans it before either
 * renders. Pure.
 */
import { shareText } from '../policy/format';
import type { Tier } from '../rules/elimination';
import { compareDates, formatChinese, type LocalDate } from '../values/local-date';
import type { Appointee, BriefModel, EliminationSection, InvestigationItem, PostProposal, ProbationItem, Provenance } from './brief-model';

export type Block =
  /** 二级标题 （一）… */
  | { readonly kind: 'subheading'; readonly text: string }
  /** A body paragraph, first line indented two characters. */
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'table'; readonly columns: readonly TableColumn[]; readonly rows: readonly (readonly string[])[] };

export interface TableColumn {
  readonly title: string;
  /** Relative width; renderers scale to the page. */
  readonly weight: number;
  readonly align?: 'left' | 'center';
  /** A column of personal names: never broken inside a name (renderers size it for 4 Han characters + 2). */
  readonly name?: boolean;
}

export interface BriefSectionDoc {
  readonly id: SectionId;
  /** 一、二、三… */
  readonly number: string;
  readonly title: string;
  /** `一、拟任人选（一职双备）情况` */
  readonly heading: string;
  /** The one line printed when there is nothing to report; null when there is. */
  readonly emptyLine: string | null;
  readonly blocks: readonly Block[];
}

export interface BriefDocument {
  readonly title: string;
  /** `（2025年3月10日）` under the title. */
  readonly dateLine: string;
  readonly intro: string;
  readonly sections: readonly BriefSectionDoc[];
}

export type SectionId = 'appointees' | 'probation' | 'elimination' | 'investigations' | 'policy' | 'sources';

/** Section titles in order; the tests and the PDF check look for exactly these. */
export const SECTION_TITLES: Readonly<Record<SectionId, string>> = {
  appointees: '拟任人选（一职双备）情况',
  probation: '试用期满考核事项',
  elimination: '末位淘汰和诫勉人选建议',
  investigations: '不称职票达到二分之一人员的联合调查',
  policy: '适用的政策规定',
  sources: '数据来源',
};

/** What an empty section says, in one line. */
export const EMPTY_LINES: Readonly<Record<SectionId, string>> = {
  appointees: '本期无提请研究的拟任人选。',
  probation: '本期无需作出试用期满考核结论的人员。',
  elimination: '本期无末位淘汰和诫勉人选。',
  investigations: '本期无不称职票达到二分之一的人员。',
  policy: '本期未使用政策设置。',
  sources: '本工作簿中未识别到干部台账。',
};

const ORDER: readonly SectionId[] = ['appointees', 'probation', 'elimination', 'investigations', 'policy', 'sources'];

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

/** 1 → 一, 12 → 十二 (up to 二十; beyond that Arabic numerals). */
export function chineseNumber(n: number): string {
  return CN_NUMBERS[n - 1] ?? String(n);
}

/** `考察对象第5行；花名册第3行` — one sheet's rows grouped: `考核第3、7行`. */
export function sourceText(list: readonly Provenance[]): string {
  const bySheet = new Map<string, number[]>();
  for (const p of list) bySheet.set(p.sheet, [...(bySheet.get(p.sheet) ?? []), p.row]);
  return [...bySheet.entries()].map(([s, rows]) => `“${s}”第${[...new Set(rows)].sort((a, b) => a - b).join('、')}行`).join('；');
}

/** 2025年3月3日至3月7日 (the year once when both ends share it). */
export function rangeText(a: LocalDate, b: LocalDate): string {
  return `${formatChinese(a)}至${a.y === b.y ? `${b.m}月${b.d}日` : formatChinese(b)}`;
}

const pct = (x: number): string => shareText(x);

const STATUS_ZH = { incumbent: '原班子成员', newcomer: '新推荐人选' } as const;

function appointeeText(a: Appointee, i: number): string {
  const parts: string[] = [];
  const basic = [
    a.info.sex,
    a.info.ethnicity,
    a.info.birthMonth ? `${a.info.birthMonth}出生` : undefined,
    a.info.education ? `${a.info.education}学历` : undefined,
  ].filter(Boolean);
  let head = `${i}．${a.name}`;
  if (basic.length) head += `，${basic.join('，')}`;
  if (a.info.partyJoinMonth) head += `，${a.info.partyJoinMonth}入党`;
  if (a.info.workStartMonth) head += `，${a.info.workStartMonth}参加工作`;
  if (a.info.currentPost) head += `，现任${a.info.currentPost}`;
  parts.push(`${head}。`);
  const r = a.recommendation;
  if (r) {
    let t = `民主推荐得票比例${r.ratioText}（${r.votes}/${r.base}`;
    if (r.status && r.threshold !== null) t += `，${STATUS_ZH[r.status]}，${r.passes ? '达到' : '低于'}${pct(r.threshold)}`;
    parts.push(`${t}）`);
  } else parts.push('民主推荐得票比例：台账未记载');
  parts.push(`考察结论：${a.inspection ?? '台账未记载'}`);
  const n = a.notice;
  if (n) {
    let t = `任前公示${rangeText(n.start, n.end)}`;
    if (n.running) t += '（公示期未满）';
    else if (n.ok) t += '（期限和内容符合规定）';
    else {
      const why: string[] = [];
      if (n.requiredEnd && compareDates(n.end, n.requiredEnd) < 0) why.push(`期限不足，应至${formatChinese(n.requiredEnd)}`);
      if (n.missingItems.length) why.push(`缺少${n.missingItems.join('、')}`);
      t += `（${why.join('；') || '不符合规定'}）`;
    }
    t += `，公示结果：${n.result ?? (n.running ? '待公示期满' : '台账未记载')}`;
    parts.push(t);
  } else parts.push('任前公示：台账未记载');
  return `${parts[0]}${parts.slice(1).join('；')}。（来源：${sourceText(a.sources)}）`;
}

function postHeading(p: PostProposal, i: number): string {
  const basis = p.basis === 'committee' ? '常委会已确定一职双备人选' : p.basis === 'suggested' ? '建议人选，待常委会确定' : '任前公示人选';
  return `（${chineseNumber(i)}）${p.post}（${basis}）`;
}

function appointeeBlocks(list: readonly PostProposal[]): Block[] {
  const out: Block[] = [];
  list.forEach((p, i) => {
    out.push({ kind: 'subheading', text: postHeading(p, i + 1) });
    if (p.proposed.length >= p.perPost) out.push({ kind: 'paragraph', text: `按职位与考察对象1:${p.perPost}的比例提出考察对象：${p.proposed.join('、')}。` });
    else if (p.proposed.length) out.push({ kind: 'paragraph', text: `提出考察对象${p.proposed.length}人（不足1:${p.perPost}）：${p.proposed.join('、')}。` });
    p.finalists.forEach((a, j) => out.push({ kind: 'paragraph', text: appointeeText(a, j + 1) }));
    for (const note of p.notes) out.push({ kind: 'paragraph', text: `提请注意：${note}。` });
  });
  return out;
}

const CONCLUSION_ZH = { confirm: '考核胜任，拟正式任职', revoke: '考核不胜任，拟解除试任职务', assess: '尚未考核，请组织部门考核后提出意见' } as const;

function probationBlocks(items: readonly ProbationItem[]): Block[] {
  return [
    { kind: 'paragraph', text: `按试用期一年、原则上一季度汇报一次（二.5）的规定，以下${items.length}人的试用期已满或即将期满：` },
    {
      kind: 'table',
      columns: [
        { title: '序号', weight: 5, align: 'center' },
        { title: '姓名', weight: 9, align: 'center', name: true },
        { title: '单位及职务', weight: 22 },
        { title: '试用期', weight: 18, align: 'center' },
        { title: '季度汇报', weight: 10, align: 'center' },
        { title: '状态', weight: 10, align: 'center' },
        { title: '意见', weight: 16 },
        { title: '来源', weight: 12 },
      ],
      rows: items.map((p, i) => [
        String(i + 1),
        p.name,
        p.post ?? '',
        rangeText(p.start, p.end),
        `已交${p.reportsReceived}次${p.reportsOverdue ? `，逾期${p.reportsOverdue}次` : ''}`,
        p.status,
        CONCLUSION_ZH[p.conclusion],
        sourceText([p.source]),
      ]),
    },
  ];
}

const TIER_ZH: Readonly<Record<Tier, string>> = { removal: '免职', admonition: '诫勉一年', preliminary: '初步淘汰对象，由常委会议研究' };
const ROUNDING_ZH = { round: '四舍五入', floor: '舍去', ceil: '进一' } as const;

function eliminationBlocks(e: EliminationSection): Block[] {
  const countLine =
    `按四.4规定，全县正副科级实职领导干部共${e.population}人，按不称职票比例从高到低排列：初步淘汰对象${pct(e.shares.preliminary)}，` +
    `免职${pct(e.shares.removal)}，诫勉${pct(e.shares.admonition)}，人数取整方式为${ROUNDING_ZH[e.rounding]}，` +
    `计初步淘汰对象${e.counts.preliminary}人、免职${e.counts.removal}人、诫勉${e.counts.admonition}人。`;
  return [
    { kind: 'paragraph', text: countLine },
    ...e.notes.map((n): Block => ({ kind: 'paragraph', text: `计算说明：${n}。` })),
    {
      kind: 'table',
      columns: [
        { title: '序号', weight: 5, align: 'center' },
        { title: '姓名', weight: 9, align: 'center', name: true },
        { title: '单位及职务', weight: 22 },
        { title: '不称职票/有效票', weight: 13, align: 'center' },
        { title: '比例', weight: 9, align: 'center' },
        { title: '名次', weight: 6, align: 'center' },
        { title: '建议', weight: 18 },
        { title: '来源', weight: 12 },
      ],
      rows: e.items.map((x, i) => [
        String(i + 1),
        x.name,
        x.post ?? '',
        `${x.incompetentVotes}/${x.validVotes}`,
        x.ratioText,
        String(x.rank),
        `${TIER_ZH[x.tier]}${x.tie ? '（名次并列，提请研究）' : ''}`,
        sourceText([x.source]),
      ]),
    },
    { kind: 'paragraph', text: '被免职的领导干部由原单位安排做一般干部工作，不保留原职级待遇；被诫勉人员诫勉期满工作仍未有起色的，免去现职。' },
  ];
}

function investigationTable(items: readonly InvestigationItem[]): Block {
  return {
    kind: 'table',
    columns: [
      { title: '序号', weight: 5, align: 'center' },
      { title: '姓名', weight: 9, align: 'center', name: true },
      { title: '单位及职务', weight: 26 },
      { title: '不称职票/有效票', weight: 14, align: 'center' },
      { title: '比例', weight: 10, align: 'center' },
      { title: '考核等次', weight: 10, align: 'center' },
      { title: '来源', weight: 16 },
    ],
    rows: items.map((x, i) => [
      String(i + 1),
      x.name,
      x.post ?? '',
      `${x.incompetentVotes}/${x.validVotes}`,
      x.ratioText,
      x.grade ?? '',
      sourceText([x.source]),
    ]),
  };
}

/**
 * 四.2 is about 领导干部: the leaders' list holds leaders only; non-leading 职级 reaching the
 * trigger follow apart "供参考", or — with dismissal.nonLeadingInBrief = omit — are only counted,
 * so the reader knows they exist and were left out.
 */
function investigationBlocks(items: readonly InvestigationItem[], nonLeading: 'apart' | 'omit'): Block[] {
  const leaders = items.filter((x) => !x.nonLeading);
  const others = items.filter((x) => x.nonLeading);
  const out: Block[] = leaders.length
    ? [
        {
          kind: 'paragraph',
          text: `以下${leaders.length}名领导干部在年度考核测评中不称职票达到二分之一（四.2），建议由组织、纪检部门进行联合调查，根据调查结果分别作出免职、待岗、诫勉或降职安排：`,
        },
        investigationTable(leaders),
      ]
    : [{ kind: 'paragraph', text: '本期无不称职票达到二分之一的领导干部。' }];
  if (!others.length) return out;
  if (nonLeading === 'omit')
    out.push({ kind: 'paragraph', text: `另有${others.length}名非领导职务（职级）人员不称职票达到二分之一，按政策设置不列入本节，由所在单位按规定处理。` });
  else
    out.push(
      { kind: 'paragraph', text: `以下${others.length}名为非领导职务（职级）人员，不称职票达到二分之一，供参考（四.2适用于领导干部）：` },
      investigationTable(others),
    );
  return out;
}

function eliminationEmpty(e: EliminationSection | null): string | null {
  if (e && e.items.length) return null;
  if (!e || e.population === 0) return EMPTY_LINES.elimination;
  return `全县正副科级实职领导干部共${e.population}人，按${pct(e.shares.preliminary)}${ROUNDING_ZH[e.rounding]}计初步淘汰对象${e.counts.preliminary}人，${EMPTY_LINES.elimination}`;
}

/** The brief as numbered sections; sections with nothing to report carry their one line. */
export function briefDocument(model: BriefModel): BriefDocument {
  const blocks: Record<SectionId, Block[]> = {
    appointees: model.appointees.length ? appointeeBlocks(model.appointees) : [],
    probation: model.probation.length ? probationBlocks(model.probation) : [],
    elimination: model.elimination && model.elimination.items.length ? eliminationBlocks(model.elimination) : [],
    investigations: model.investigations.length ? investigationBlocks(model.investigations, model.nonLeadingInBrief) : [],
    policy: model.policy.length
      ? [
          {
            kind: 'paragraph',
            text: model.policy.some((p) => p.changed)
              ? '本材料按以下政策设置计算；标注“已调整”的项目为本工作簿对默认值的调整。'
              : '本材料按以下政策设置计算，均为依据《机关干部改革方案》确定的默认值。',
          },
          {
            kind: 'table',
            columns: [
              { title: '序号', weight: 5, align: 'center' },
              { title: '事项', weight: 24 },
              { title: '依据', weight: 40 },
              { title: '现行值', weight: 16, align: 'center' },
              { title: '默认值', weight: 15, align: 'center' },
            ],
            rows: model.policy.map((p, i) => [String(i + 1), p.label, p.basis, p.changed ? `${p.value}（已调整）` : p.value, p.defaultValue]),
          },
        ]
      : [],
    sources: model.sources.length
      ? [
          { kind: 'paragraph', text: '本材料的数据取自本工作簿的以下台账，每项数据后注明其所在的工作表和行号，可逐项核对。' },
          {
            kind: 'table',
            columns: [
              { title: '序号', weight: 5, align: 'center' },
              { title: '工作表', weight: 30 },
              { title: '台账类型', weight: 25, align: 'center' },
              { title: '表头行', weight: 15, align: 'center' },
              { title: '数据行数', weight: 15, align: 'center' },
            ],
            rows: model.sources.map((s, i) => [String(i + 1), s.sheet, s.kindLabel, `第${s.headerRows}行`, String(s.rows)]),
          },
        ]
      : [],
  };
  // A section whose source could not be read says so — as its one line when it has nothing else,
  // before its content otherwise — and never "本期无…".
  const gaps = model.gaps ?? {};
  const gapLine = (id: 'appointees' | 'probation' | 'elimination' | 'investigations', none: string | null): string | null => {
    const g = gaps[id];
    if (!g?.length) return none;
    const text = `${g.map((x) => x['zh-CN']).join('；')}。`;
    if (none === null) blocks[id].unshift({ kind: 'paragraph', text: `未能核对：${text}` });
    return none === null ? null : text;
  };
  const empty: Record<SectionId, string | null> = {
    appointees: gapLine('appointees', model.appointees.length ? null : EMPTY_LINES.appointees),
    probation: gapLine('probation', model.probation.length ? null : EMPTY_LINES.probation),
    elimination: gapLine('elimination', eliminationEmpty(model.elimination)),
    investigations: gapLine('investigations', model.investigations.length ? null : EMPTY_LINES.investigations),
    policy: model.policy.length ? null : EMPTY_LINES.policy,
    sources: model.sources.length ? null : EMPTY_LINES.sources,
  };
  return {
    title: model.title,
    dateLine: `（${model.dateText}）`,
    intro: `根据本工作簿中的干部台账，截至${model.dateText}，提请常委会议研究的干部选拔任用和管理事项如下。`,
    sections: ORDER.map((id, i) => {
      const number = chineseNumber(i + 1);
      return {
        id,
        number,
        title: SECTION_TITLES[id],
        heading: `${number}、${SECTION_TITLES[id]}`,
        emptyLine: empty[id],
        blocks: empty[id] === null ? blocks[id] : [],
      };
    }),
  };
}

/** Every text of the document in reading order (for the privacy guard and tests). */
export function documentTexts(doc: BriefDocument): string[] {
  const out = [doc.title, doc.dateLine, doc.intro];
  for (const s of doc.sections) {
    out.push(s.heading);
    if (s.emptyLine) out.push(s.emptyLine);
    for (const b of s.blocks) {
      if (b.kind === 'table') {
        out.push(...b.columns.map((c) => c.title));
        for (const r of b.rows) out.push(...r);
      } else out.push(b.text);
    }
  }
  return out;
}
