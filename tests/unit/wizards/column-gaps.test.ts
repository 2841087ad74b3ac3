/**
 * Honest wizard results (issue 11, point 5) for 民主推荐计票, 考察对象, 任前公示, 常委会表决 and 年度末位淘汰:
 * a source sheet lacking a column the result rests on gives a summary line naming the sheet and
 * the column, saying what was not checked and pointing to 检查台账 → 指定列 — and the result does
 * not state an empty or zero outcome as fact. One case per wizard and column; the full sheet has
 * no such line.
 */
import { STATUTORY_CALENDAR } from '../../../src/calendar';
import { FIELDS, type FieldKey } from '../../../src/ledger/fields';
import type { Grid } from '../../../src/ledger/grid';
import { recognizeSheet } from '../../../src/ledger/recognize';
import { typeRows, type TypedSheet } from '../../../src/ledger/rows';
import { KIND_LABEL } from '../../../src/ledger/sheet-kind';
import { DEFAULT_POLICY } from '../../../src/policy/policy';
import type { Reason } from '../../../src/rules/decision';
import { committeeWizard } from '../../../src/wizards/committee';
import { eliminationWizard } from '../../../src/wizards/elimination';
import { defaultOptions } from '../../../src/wizards/framework';
import { noticeWizard } from '../../../src/wizards/notice';
import { shortlistWizard } from '../../../src/wizards/shortlist';
import { tallyWizard } from '../../../src/wizards/tally';
import type { AnyWizard, OptionValues, WizardResult } from '../../../src/wizards/types';
import { M, id18, sheet, type Cell } from '../../fixtures/layouts/kit';
import { selectionRoundWorkbook } from '../../fixtures/selection-round';
import { open, runAndWrite } from './helpers';

const AS_OF = { y: 2025, m: 3, d: 10 };

/** A ledger: title, header, data rows; `without` drops the columns with these headers. */
interface Table {
  readonly name: string;
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

function grid(t: Table, without: readonly string[] = []): Grid {
  const keep = t.header.map((h, i) => (without.includes(h) ? -1 : i)).filter((i) => i >= 0);
  return sheet(t.name, [[t.title], keep.map((i) => t.header[i]), ...t.rows.map((r) => keep.map((i) => r[i] ?? null))]);
}

const typed = (g: Grid): TypedSheet => typeRows(g, recognizeSheet(g), { asOf: AS_OF });

const RECOMMENDATION: Table = {
  name: '推荐汇总',
  title: '民主推荐得票汇总表',
  header: ['姓名', '推荐职位', '人员类别', '推荐方式', '推荐人', '应到人数', '实到人数', '有效票', '得票数'],
  rows: [
    ['许一', '局长', '原班子成员', '领导推荐', '王五', 40, 38, 38, 30],
    ['陈二', '局长', '新推荐人选', '领导推荐', '', 40, 38, 38, 20],
    ['刘三', '局长', '新推荐人选', '群众推荐', '', 40, 38, 38, 15],
  ],
};

/** The shortlist's output as the notice reads it, with the notice's content columns. */
const FINALISTS: Table = {
  name: '拟任人选',
  title: '考察对象与拟任人选',
  header: ['考察职位', '考察对象姓名', '一职双备', '考察结果', '主要政绩', '经济审计', '家庭财产申报结果'],
  rows: [
    ['局长', '许一', '是', '优秀', '主持完成重点项目', '无问题', '如实申报'],
    ['局长', '陈二', '是', '称职', '推进预算改革', '无问题', '如实申报'],
  ],
};

const INSPECTION: Table = {
  name: '考察对象',
  title: '考察对象与拟任人选',
  header: ['考察职位', '考察对象姓名', '一职双备', '考察结果'],
  rows: [
    ['局长', '许一', '是', '优秀'],
    ['局长', '陈二', '是', '称职'],
    ['副局长', '刘三', '是', '称职'],
  ],
};

const ROSTER: Table = {
  name: '花名册',
  title: '干部花名册',
  header: ['姓名', '性别', '出生年月', '身份证号', '单位', '职务'],
  rows: [
    ['许一', '男', M(1980, 5), id18('11010119800510001'), '县发改局', '副局长'],
    ['陈二', '女', M(1985, 3), id18('11010119850312002'), '县财政局', '科长'],
    ['刘三', '男', M(1988, 7), id18('11010119880710003'), '县教育局', '科长'],
  ],
};

const ASSESSMENT: Table = {
  name: '测评汇总',
  title: '年度考核测评汇总',
  header: ['姓名', '职务', '职级', '有效票', '优秀票', '称职票', '基本称职票', '不称职票'],
  rows: Array.from({ length: 8 }, (_, i) => [`干部${i + 1}`, '局长', '正科级', 40, 20 - i, 15, 5, i]),
};

interface Case {
  readonly wizard: AnyWizard;
  readonly main: Table;
  readonly roster?: Table;
  readonly options?: OptionValues;
  /** A row with data but no name (tally: its votes unreadable), appended as the last row. */
  readonly nameless: readonly Cell[];
  /** Header dropped → the field the gap names (any one header of a pair may stand for both). */
  readonly gaps: readonly (readonly [readonly string[], FieldKey])[];
}

const CASES: readonly Case[] = [
  {
    wizard: tallyWizard,
    main: RECOMMENDATION,
    nameless: [null, '局长', '新推荐人选', '群众推荐', '', 40, 38, 38, '十五'],
    gaps: [
      [['得票数'], 'votes'],
      [['实到人数'], 'present'],
      [['人员类别'], 'candidateStatus'],
      [['推荐方式'], 'recommendKind'],
    ],
  },
  {
    wizard: shortlistWizard,
    main: RECOMMENDATION,
    nameless: [null, '局长', '新推荐人选', '群众推荐', '', 40, 38, 38, 12],
    gaps: [
      [['得票数'], 'votes'],
      [['实到人数'], 'present'],
      [['人员类别'], 'candidateStatus'],
    ],
  },
  {
    wizard: noticeWizard,
    main: FINALISTS,
    nameless: ['副局长', null, '是', '称职', '', '', ''],
    roster: ROSTER,
    options: { start: '2025-03-10' },
    gaps: [
      [['一职双备'], 'committeePick'],
      [['考察职位'], 'proposedPost'],
      [['主要政绩'], 'achievements'],
      [['经济审计'], 'audit'],
      [['家庭财产申报结果'], 'assets'],
    ],
  },
  {
    wizard: committeeWizard,
    main: INSPECTION,
    nameless: ['副局长', null, '是', '称职'],
    options: { members: 11, present: 10 },
    gaps: [
      [['一职双备'], 'committeePick'],
      [['考察职位'], 'proposedPost'],
    ],
  },
  {
    wizard: eliminationWizard,
    main: ASSESSMENT,
    nameless: [null, '局长', '正科级', 40, 20, 15, 5, 0],
    gaps: [
      [['职级'], 'postLevel'],
      [['不称职票'], 'incompetentVotes'],
      [['有效票', '称职票'], 'valid'],
    ],
  },
];

/** The wizard's result and the text of every cell of its output sheet. */
async function run(c: Case, without: readonly string[] = [], table: Table = c.main): Promise<WizardResult & { sheetText: string[] }> {
  const main = typed(grid(table, without));
  const sources = { main, roster: c.roster ? typed(grid(c.roster)) : null, inspection: null };
  const base = { sources, policy: DEFAULT_POLICY, calendar: STATUTORY_CALENDAR, asOf: AS_OF };
  const options = defaultOptions(c.wizard.optionFields(base), c.options ?? {});
  const result = (await c.wizard.run({ ...base, options }, {})) as WizardResult;
  const spec = c.wizard.toSheet(result, c.wizard.outputSheetName(options) ?? 'out', options);
  const sheetText = spec.rows.flatMap((r) => r.map((x) => (x !== null && typeof x === 'object' && 'value' in x ? x.value : x))).map((v) => String(v ?? ''));
  return { ...result, sheetText };
}

const gapsOf = (r: WizardResult): Reason[] => r.summary.filter((x) => x.code === 'ledger.column-missing');

/** A summary line stating an empty or zero outcome as fact: "N = 0", "共 0", "没有…". */
const ZERO_CLAIM = /N = 0|共 0|^没有|无需|不存在/;

describe.each(CASES.map((c) => [c.wizard.id, c] as const))('%s: a missing column is named, never a silent empty result', (_id, c) => {
  it('the full sheet has no column gap', async () => {
    expect(gapsOf(await run(c))).toEqual([]);
  });

  it('a row with data but no readable name is named, not skipped silently', async () => {
    const table = { ...c.main, rows: [...c.main.rows, c.nameless] };
    const result = await run(c, [], table);
    const row = table.rows.length + 2;
    const line = result.summary.find((x) => x.code === 'ledger.value-missing');
    if (c.wizard === tallyWizard) {
      // The tally keeps the row: its votes could not be read, so it is undecided.
      expect(line).toBeUndefined();
      expect(result.rows.find((r) => r.sourceRow === row)?.reasons.map((x) => x.code)).toContain('tally.votes-missing');
      return;
    }
    expect(line?.message['zh-CN']).toBe(`“${c.main.name}”第 ${row} 行有数据但姓名为空或无法读取，未计入；请补填姓名`);
    expect(line?.message['en-US']).toBe(`"${c.main.name}" rows ${row} hold data but no readable name and were left out; fill in the names`);
  });

  if (c.wizard === tallyWizard)
    it('a row with neither name nor votes but other data is named as left out; a blank row is not', async () => {
      const blankVotes = [null, '局长', '新推荐人选', '群众推荐', '', 40, 38, 38, null];
      const empty = [null, null, null, null, null, null, null, null, null];
      const table = { ...c.main, rows: [...c.main.rows, blankVotes, empty, blankVotes] };
      const result = await run(c, [], table);
      const first = c.main.rows.length + 3;
      const lines = result.summary.filter((x) => x.code === 'ledger.value-missing');
      expect(lines.map((l) => l.message)).toEqual([
        {
          'zh-CN': `“${c.main.name}”第 ${first}、${first + 2} 行有数据但姓名为空或无法读取，未计入；请补填姓名`,
          'en-US': `"${c.main.name}" rows ${first}, ${first + 2} hold data but no readable name and were left out; fill in the names`,
        },
      ]);
      expect(result.rows).toHaveLength(c.main.rows.length);
    });

  it.each(c.gaps.map(([without, field]) => [without.join('+'), without, field] as const))('without %s', async (_h, without, field) => {
    const main = typed(grid(c.main, without));
    expect(main.model.columns.has(field)).toBe(false);
    const result = await run(c, without);
    const kind = KIND_LABEL[main.model.kind];
    const gap = gapsOf(result).find((g) => g.message['zh-CN'].includes(`缺少${FIELDS[field].label['zh-CN']}列`));
    expect(gap).toBeDefined();
    expect(gap?.severity).toBe('warning');
    expect(gap?.message['zh-CN']).toMatch(
      // A sheet named as its kind (考察对象) is 工作表“考察对象”, never 考察对象“考察对象”.
      new RegExp(
        `^${c.main.name === kind['zh-CN'] ? '工作表' : kind['zh-CN']}“${c.main.name}”缺少${FIELDS[field].label['zh-CN']}列，.+未能核对；请在检查台账中指定$`,
      ),
    );
    expect(gap?.message['en-US']).toMatch(
      new RegExp(`^The ${kind['en-US']} "${c.main.name}" has no ${FIELDS[field].label['en-US']} column: .+ could not be checked; map it in Check ledgers$`),
    );
    for (const line of result.summary) expect(line.message['zh-CN']).not.toMatch(ZERO_CLAIM);
    // The output sheet says it too, under the table.
    expect(result.sheetText).toContain(`说明：${gap?.message['zh-CN']}`);
  });
});

describe('年度末位淘汰 without 职级 or 票数 columns', () => {
  const elimination = CASES.find((c) => c.wizard === eliminationWizard) as Case;

  it('N and the tiers are "not checked", in the pane and in the sheet, never N = 0', async () => {
    const r = await run(elimination, ['职级']);
    const counts = r.summary.filter((x) => x.code === 'elimination.counts');
    expect(counts.map((x) => x.message['zh-CN'])).toEqual(['末位淘汰范围：正科级、副科级实职领导干部，总数 N 和末位名额未能核对（缺少职级列，见下）']);
    expect(counts[0].severity).toBe('warning');
    expect(r.sheetText).toContain('一、测算范围：正科级、副科级实职领导干部，总数 N 未能核对（缺少职级列）');
    expect(r.sheetText.some((t) => /N = 0|× 0 =/.test(t))).toBe(false);
  });

  it('the joint investigations are "not checked" without the vote columns, never 0 人', async () => {
    const r = await run(elimination, ['不称职票']);
    expect(r.sheetText).toContain('四、不称职票达到二分之一（由组织、纪检部门联合调查）：未能核对（缺少票数列，见说明）');
    expect(r.sheetText.some((t) => t.startsWith('四、') && t.endsWith('0 人'))).toBe(false);
  });

  it('with every column the counts stand as computed', async () => {
    const r = await run(elimination);
    expect(r.summary[0].message['zh-CN']).toBe('末位淘汰范围：正科级、副科级实职领导干部，总数 N = 8 人');
    expect(r.sheetText).toContain('四、不称职票达到二分之一（由组织、纪检部门联合调查）：0 人');
  });
});

describe('the selection round reads its own outputs whole', () => {
  it('tally → shortlist → notice → committee, each on the previous output: no column gap', async () => {
    const port = await open(await selectionRoundWorkbook());
    const steps: readonly [AnyWizard, OptionValues][] = [
      [tallyWizard, {}],
      [shortlistWizard, {}],
      [noticeWizard, { start: '2026-09-30' }],
      [committeeWizard, { members: 11, present: 10 }],
    ];
    for (const [wizard, options] of steps) {
      const { result } = await runAndWrite(port, wizard, options);
      expect([wizard.id, gapsOf(result)]).toEqual([wizard.id, []]);
    }
  });
});
