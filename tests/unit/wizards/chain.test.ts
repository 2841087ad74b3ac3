/**
 * Wizards 1–4 on one selection round (tests/fixtures/selection-round.ts): each wizard's run and
 * output sheet, read back through the file adapter after a save, and the chain — the sheet each
 * wizard writes is what the next one detects as its source.
 */
import { selectionRoundWorkbook, ROUND_IDS } from '../../fixtures/selection-round';
import { recognizeSheet } from '../../../src/ledger/recognize';
import { tallyWizard, TALLY_SHEET, type TallyResult } from '../../../src/wizards/tally';
import { shortlistWizard, SHORTLIST_SHEET, type ShortlistResult } from '../../../src/wizards/shortlist';
import { noticeWizard, NOTICE_SHEET, MASKED_ID_HEADER, type NoticeResult } from '../../../src/wizards/notice';
import { committeeWizard, COMMITTEE_SHEET, type CommitteeResult } from '../../../src/wizards/committee';
import { CHAIN_SETTING_KEY, parseChain } from '../../../src/wizards/framework';
import { allText, grid, open, prepare, roundTrip, rowOf, runAndWrite } from './helpers';
import type { FileWorkbook } from '../../../src/workbook/file/file-workbook';
import { fromSerial, formatIso } from '../../../src/values/local-date';

const isoOf = (v: unknown): string => (typeof v === 'number' ? formatIso(fromSerial(v) as never) : String(v));

describe('selection round: tally → shortlist → notice → committee vote', () => {
  let port: FileWorkbook;
  let tally: TallyResult;
  let short: ShortlistResult;
  let notice: NoticeResult;
  let vote: CommitteeResult;

  beforeAll(async () => {
    port = await open(await selectionRoundWorkbook());
  });

  test('1 民主推荐计票: 50 % exact passes, 29.96 % fails, unsigned leader recommendation flagged', async () => {
    const { result, choices, sheet } = await runAndWrite(port, tallyWizard);
    tally = result;
    expect(choices[0].best?.sheet).toBe('民主推荐汇总');
    expect(sheet).toBe(TALLY_SHEET);
    const by = (n: string) => result.items.find((i) => i.name === n)!;
    expect(result.items).toHaveLength(15);
    expect(by('陈明')).toMatchObject({ status: 'incumbent', votes: 30, base: 60, ratio: 0.5, pass: true });
    expect(by('林华').pass).toBe(false);
    expect(by('梁静')).toMatchObject({ votes: 749, base: 2500, pass: false });
    expect(by('梁静').reasons.map((r) => r.code)).toContain('vote.below-threshold');
    expect(by('高峰').reasons.map((r) => r.code)).toContain('recommend.unsigned');
    expect(result.rows[result.items.indexOf(by('高峰'))].flag).toBe('error');
    expect(result.summary.map((r) => r.code)).toEqual(expect.arrayContaining(['tally.summary', 'recommend.unsigned']));

    port = await roundTrip(port);
    const g = await grid(port, TALLY_SHEET);
    const model = recognizeSheet(g);
    expect(model.kind).toBe('recommendation');
    expect(model.dataRows).toHaveLength(15);
    expect(rowOf(g, 2)).toEqual([
      '序号',
      '姓名',
      '推荐职位',
      '人员类别',
      '推荐方式',
      '推荐人',
      '应到人数',
      '实到人数',
      '有效票',
      '得票数',
      '得票率',
      '规定比例',
      '是否达标',
      '说明',
    ]);
    const first = rowOf(g, 3);
    expect(first.slice(0, 13)).toEqual([1, '陈明', '农业局局长', '原班子成员', '群众推荐', null, 65, 60, null, 30, 0.5, 0.5, '达标']);
    expect(first[13]).toContain('30/60 = 50%');
    const liang = rowOf(g, 3 + 12);
    expect(liang[1]).toBe('梁静');
    expect(liang[12]).toBe('未达标');
    expect(String(liang[13])).toContain('29.96%');
    const gao = rowOf(g, 3 + 10);
    expect(gao[1]).toBe('高峰');
    expect(String(gao[13])).toContain('领导推荐实行属名推荐');
    expect(parseChain(await port.getSetting(CHAIN_SETTING_KEY)).tally.sheet).toBe(TALLY_SHEET);
  });

  test('2 考察对象与一职双备: the tally output is the source; ties at 4th and 2nd listed and flagged; 3 candidates warned', async () => {
    const { choices } = await prepare(port, shortlistWizard);
    expect(choices[0].best).toMatchObject({ sheet: TALLY_SHEET, fromWizard: 'tally' });
    expect(choices[0].alternatives.map((a) => a.sheet)).toContain('民主推荐汇总');
    const { result } = await runAndWrite(port, shortlistWizard);
    short = result;
    const post = (p: string) => result.items.filter((i) => i.post === p);
    // 农业局局长: 林华 fails 二.2; 吴刚 and 郑云 tie at 4th, both proposed and flagged
    expect(post('农业局局长').map((i) => [i.name, i.position, i.proposed, i.suggested, i.tie])).toEqual([
      ['陈明', 1, true, true, false],
      ['黄强', 2, true, true, false],
      ['宋佳', 3, true, false, false],
      ['吴刚', 4, true, false, true],
      ['郑云', 4, true, false, true],
    ]);
    // 财政局局长: 唐宁 and 许诺 tie at 2nd: both suggested and flagged; 高峰 (unsigned) left out
    expect(post('财政局局长').map((i) => [i.name, i.position, i.suggested, i.tie])).toEqual([
      ['何丽', 1, true, false],
      ['唐宁', 2, true, true],
      ['许诺', 2, true, true],
      ['周洁', 4, false, false],
    ]);
    expect(
      post('财政局局长')
        .find((i) => i.name === '唐宁')!
        .reasons.map((r) => r.code),
    ).toContain('shortlist.tie-at-cutoff');
    // 教育局局长: 梁静 (29.96 %) out, 3 left: fewer than 1:4
    expect(post('教育局局长').map((i) => i.name)).toEqual(['罗军', '钱进', '孙丽']);
    const warn = result.summary.find((r) => r.code === 'shortlist.too-few-candidates');
    expect(warn?.message['zh-CN']).toBe('教育局局长：符合条件的考察对象 3 人，少于1:4');
    expect(result.summary.some((r) => r.code === 'shortlist.not-eligible' && r.message['zh-CN'].includes('高峰'))).toBe(true);

    port = await roundTrip(port);
    const g = await grid(port, SHORTLIST_SHEET);
    const model = recognizeSheet(g);
    expect(model.kind).toBe('inspection');
    expect(model.columns.get('committeePick')).toBe(9);
    expect(rowOf(g, 2)).toEqual(['序号', '考察职位', '考察对象姓名', '得票数', '计算基数', '得票率', '考察结果', '名次', '列为考察对象', '一职双备', '说明']);
    const rows = model.dataRows.map((r) => rowOf(g, r));
    expect(rows.map((r) => [r[2], r[7], r[9]])).toEqual([
      ['陈明', 1, '建议人选'],
      ['黄强', 2, '建议人选'],
      ['宋佳', 3, ''],
      ['吴刚', 4, ''],
      ['郑云', 4, ''],
      ['何丽', 1, '建议人选'],
      ['唐宁', 2, '建议人选（并列，待研究）'],
      ['许诺', 2, '建议人选（并列，待研究）'],
      ['周洁', 4, ''],
      ['罗军', 1, '建议人选'],
      ['钱进', 2, '建议人选'],
      ['孙丽', 3, ''],
    ]);
    expect(String(rows[3][10])).toContain('并列第 4 位');
    expect(allText(g)).toContain('教育局局长：符合条件的考察对象 3 人，少于1:4');
  });

  test('3 任前公示: from 2026-09-30 ends 2026-10-12 (working days across National Day); IDs masked; missing contents flagged', async () => {
    const { choices } = await prepare(port, noticeWizard);
    expect(choices[0].best).toMatchObject({ sheet: SHORTLIST_SHEET, fromWizard: 'shortlist' });
    expect(choices[1].best?.sheet).toBe('花名册');
    const { result } = await runAndWrite(port, noticeWizard, { start: '2026-09-30' });
    notice = result;
    expect(formatIso(result.end!)).toBe('2026-10-12');
    expect(result.summary.find((r) => r.code === 'notice.days-off-skipped')?.message['zh-CN']).toBe(
      '期间的休息日（周末、法定节假日）不计入：2026-10-01至2026-10-07、2026-10-11',
    );
    expect(result.items.map((i) => i.name)).toEqual(['陈明', '黄强', '何丽', '唐宁', '许诺', '罗军', '钱进']);
    const chen = result.items[0];
    expect(chen.maskedId).toBe(`${ROUND_IDS['陈明'].slice(0, 6)}********${ROUND_IDS['陈明'].slice(14)}`);
    expect(chen.birth).toBe('1980.02');
    expect(chen.contents['基本情况']).toBe('男，汉族，1980.02生，浙江杭州人，大学，2002.07参加工作，2005.06入党');
    expect(chen.contents['现任职务(职称)']).toBe('农业局副局长');
    expect(chen.contents['拟任职务或使用意向']).toBe('农业局局长');
    expect(chen.missing).toEqual([]);
    const tang = result.items.find((i) => i.name === '唐宁')!;
    expect(tang.missing).toEqual(['经济审计']);
    expect(tang.reasons.map((r) => r.code)).toContain('notice.field-missing');
    expect(result.rows[3].flag).toBe('error');

    port = await roundTrip(port);
    const g = await grid(port, NOTICE_SHEET);
    const model = recognizeSheet(g);
    expect(model.kind).toBe('notice');
    expect(rowOf(g, 2)).toEqual([
      '序号',
      '姓名',
      '性别',
      '出生年月',
      MASKED_ID_HEADER,
      '现任职务(职称)',
      '拟任职务或使用意向',
      '基本情况',
      '主要政绩',
      '经济审计',
      '家庭财产申报结果',
      '公示开始日期',
      '公示截止日期',
      '说明',
    ]);
    const first = rowOf(g, 3);
    expect(first.slice(0, 11)).toEqual([
      1,
      '陈明',
      '男',
      '1980.02',
      chen.maskedId,
      '农业局副局长',
      '农业局局长',
      chen.contents['基本情况'],
      '推进高标准农田建设',
      '无问题',
      '已申报',
    ]);
    expect([isoOf(first[11]), isoOf(first[12])]).toEqual(['2026-09-30', '2026-10-12']);
    const text = allText(g);
    for (const id of Object.values(ROUND_IDS)) expect(text).not.toContain(id);
    expect(text).not.toMatch(/\d{17}[\dX]/);
    // birth dates no finer than the month
    expect(model.dataRows.map((r) => g.values[r][3])).toEqual(['1980.02', '1983.07', '1985.11', '1986.01', '1979.03', '1978.06', '1982.09']);
    expect(String(rowOf(g, 6)[13])).toContain('公示缺少“经济审计”');
  });

  test('4 常委会表决: the notice is the source; elected, tie → no election; output reads as a probation source', async () => {
    const { choices, inputs } = await prepare(port, committeeWizard);
    expect(choices[0].best).toMatchObject({ sheet: NOTICE_SHEET, fromWizard: 'notice' });
    const labels = committeeWizard.optionFields(inputs).map((f) => `${f.group?.['zh-CN'] ?? ''}|${f.label['zh-CN']}|${f.key}`);
    expect(labels).toEqual([
      '|应到委员人数|members',
      '|实到委员人数|present',
      '|任职日期|appointed',
      '农业局局长|陈明 得票|votes.0.0',
      '农业局局长|黄强 得票|votes.0.1',
      '财政局局长|何丽 得票|votes.1.0',
      '财政局局长|唐宁 得票|votes.1.1',
      '财政局局长|许诺 得票|votes.1.2',
      '教育局局长|罗军 得票|votes.2.0',
      '教育局局长|钱进 得票|votes.2.1',
    ]);
    const votes = {
      members: 31,
      present: 30,
      appointed: '2026-10-20',
      'votes.0.0': 20,
      'votes.0.1': 10,
      'votes.1.0': 12,
      'votes.1.1': 12,
      'votes.1.2': 6,
      'votes.2.0': 16,
      'votes.2.1': 14,
    };
    const { result } = await runAndWrite(port, committeeWizard, votes);
    vote = result;
    expect(result.posts.map((p) => [p.post, p.elected])).toEqual([
      ['农业局局长', '陈明'],
      ['财政局局长', null],
      ['教育局局长', '罗军'],
    ]);
    expect(result.posts[1].reasons.map((r) => r.code)).toContain('committee.no-election');
    expect(result.posts[1].reasons[result.posts[1].reasons.length - 1].message['zh-CN']).toContain('得票最多者并列，无人当选，应重新投票');
    // 一职双备 has 3 candidates for 财政局局长 because of the tie at 2nd
    expect(result.posts[1].reasons.map((r) => r.code)).toContain('committee.backup-count');
    expect(formatIso(result.probationEnd!)).toBe('2027-10-20');

    port = await roundTrip(port);
    const g = await grid(port, COMMITTEE_SHEET);
    const model = recognizeSheet(g);
    expect(model.kind).toBe('probation');
    expect(model.dataRows).toHaveLength(2);
    expect(rowOf(g, 2)).toEqual(['序号', '姓名', '拟任职务', '任职日期', '试用期满', '说明']);
    expect(model.dataRows.map((r) => [g.values[r][1], g.values[r][2], isoOf(g.values[r][3]), isoOf(g.values[r][4])])).toEqual([
      ['陈明', '农业局局长', '2026-10-20', '2027-10-20'],
      ['罗军', '教育局局长', '2026-10-20', '2027-10-20'],
    ]);
    const text = allText(g);
    expect(text).toContain('说明：财政局局长无人当选，应重新投票');
    expect(text).toContain('县委委员会议应到31人，实到30人');
    expect(parseChain(await port.getSetting(CHAIN_SETTING_KEY))).toMatchObject({
      tally: { sheet: TALLY_SHEET },
      shortlist: { sheet: SHORTLIST_SHEET },
      notice: { sheet: NOTICE_SHEET },
      committee: { sheet: COMMITTEE_SHEET },
    });
    expect([tally, short, notice, vote].every(Boolean)).toBe(true);
  });

  test('4 常委会表决: quorum not met → no vote; missing votes → cannot decide', async () => {
    const noQuorum = await prepare(port, committeeWizard, {
      members: 31,
      present: 20,
      'votes.0.0': 15,
      'votes.0.1': 5,
      'votes.1.0': 10,
      'votes.1.1': 5,
      'votes.1.2': 5,
      'votes.2.0': 12,
      'votes.2.1': 8,
    });
    const r = await committeeWizard.run(noQuorum.inputs, {});
    expect(r.posts.every((p) => p.elected === null)).toBe(true);
    expect(r.posts[0].reasons.map((x) => x.code)).toEqual(['committee.no-quorum']);
    expect(r.summary.map((x) => x.code)).toContain('committee.no-quorum');
    const missing = await prepare(port, committeeWizard, { members: 31, present: 30 });
    const m = await committeeWizard.run(missing.inputs, {});
    expect(m.posts[0].reasons[0].code).toBe('committee.input-missing');
    expect(m.rows[0].flag).toBe('error');
  });
});

describe('chain markers each work alone', () => {
  test('without the chain setting, output sheets are still found by name and header (recognised kind)', async () => {
    let port = await open(await selectionRoundWorkbook());
    await runAndWrite(port, tallyWizard);
    await port.setSetting(CHAIN_SETTING_KEY, null);
    port = await roundTrip(port);
    const { choices } = await prepare(port, shortlistWizard);
    expect(choices[0].best).toMatchObject({ sheet: TALLY_SHEET, fromWizard: 'tally' });
  });

  test('a renamed output recorded in the chain setting is preferred over other sheets of the kind', async () => {
    const port = await open(await selectionRoundWorkbook());
    const { result } = await runAndWrite(port, tallyWizard);
    await port.writeSheet(tallyWizard.toSheet(result, '计票-第二轮', {}));
    await port.setSetting(CHAIN_SETTING_KEY, JSON.stringify({ tally: { sheet: '计票-第二轮', writtenAt: '' } }));
    const { choices } = await prepare(port, shortlistWizard);
    expect(choices[0].best?.sheet).toBe('计票-第二轮');
    expect(choices[0].alternatives[0].sheet).toBe(TALLY_SHEET);
  });

  test('shortlist: inspection results from a second sheet break the tie at 4th; before any inspection one note, no row flags', async () => {
    const port = await open(await selectionRoundWorkbook());
    await runAndWrite(port, tallyWizard);
    const before = await prepare(port, shortlistWizard);
    const plain = await shortlistWizard.run(before.inputs, {});
    expect(plain.summary.map((r) => r.code)).toContain('shortlist.no-inspection-yet');
    expect(plain.items.filter((i) => i.name === '陈明')[0].reasons).toEqual([]);
    await port.writeSheet({
      name: '考察情况',
      rows: [
        ['姓名', '考察职位', '考察结果'],
        ['吴刚', '农业局局长', '优秀'],
        ['郑云', '农业局局长', '称职'],
        ['陈明', '农业局局长', '优秀'],
        ['黄强', '农业局局长', '称职'],
        ['宋佳', '农业局局长', '称职'],
      ],
    });
    const { choices, inputs } = await prepare(port, shortlistWizard);
    expect(choices[1].best?.sheet).toBe('考察情况');
    const r = await shortlistWizard.run(inputs, {});
    const agri = r.items.filter((i) => i.post === '农业局局长').map((i) => [i.name, i.inspection, i.position, i.proposed, i.tie]);
    expect(agri).toEqual([
      ['陈明', '优秀', 1, true, false],
      ['黄强', '称职', 2, true, false],
      ['宋佳', '称职', 3, true, false],
      ['吴刚', '优秀', 4, true, false],
      ['郑云', '称职', 5, false, false],
    ]);
    // 财政局 has no inspection results while 农业局 has: those rows say so
    expect(r.items.find((i) => i.name === '何丽')!.reasons.map((x) => x.code)).toContain('shortlist.inspection-missing');
  });
});
